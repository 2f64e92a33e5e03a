#!/usr/bin/env node
// povcheck's executable: loads the compiled CLI. Never prints a stack trace (POVCHECK_DEBUG=1 does).
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
import('../dist/cli.js')
  .then((cli) => cli.main(process.argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    const missing = e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist');
    process.stderr.write(
      missing
        ? 'povcheck: not built yet; run `npm install` (or `npm run build`) in the povcheck folder\n'
        : `povcheck: internal error (${(e && e.message) || e})\n`,
    );
    if (process.env.POVCHECK_DEBUG) process.stderr.write(`${e && e.stack}\n`);
    process.exitCode = 2;
  });
