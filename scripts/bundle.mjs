/**
 * Start-up: the CLI as one CommonJS file (dist/povcheck.cjs) and a V8 code cache for it
 * (dist/povcheck.cjs.cache), so that `povcheck validate` costs little more than Node's own start.
 * Run by `npm run build` after tsc; bin/povcheck.js loads the bundle with the cache, or dist/cli.js when
 * there is no bundle. See docs/performance.md "Start-up".
 *
 * - Only the modules every run needs are bundled (BUNDLED); any other package stays a plain require, loaded
 *   when a command needs it (so a new dependency never breaks the bundle).
 * - commander requires node:child_process (for executable subcommands, which povcheck has none of) at load
 *   time, and with it most of Node's networking and stream modules: it gets a lazy stand-in.
 * - The code cache is written after running the seed annex once, so it holds the functions that run
 *   compiled; V8 rejects a cache from another Node version or flags, and the bundle is then compiled as usual.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'povcheck.cjs');
const BUNDLED = new Set(['commander', 'csv-parse', 'decimal.js', 'chalk']);

const packages = {
  name: 'bundle-only-startup-packages',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (a.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      if (a.path.startsWith('node:') || a.namespace === 'lazy') return undefined;
      const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: a.path, external: true };
    });
  },
};

rmSync(`${out}.cache`, { force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli.js')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import.meta.url of the bundled modules: the bundle's own URL (dist/, where the package.json lookup and
  // the stream worker's path expect it).
  define: { 'import.meta.url': '__povcheck_url' },
  banner: { js: "const __povcheck_url = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [packages],
  // vm.Script (bin/povcheck.js) has no loader for import(): the external ones become require().
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});

// One run on the seed annex writes the code cache (bin/povcheck.js, POVCHECK_WRITE_CODE_CACHE).
const run = spawnSync(process.execPath, [join(root, 'bin', 'povcheck.js'), 'validate', join(root, 'fixtures', 'tuyen-quang-2020.csv'), '--no-color'], {
  env: { ...process.env, POVCHECK_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  encoding: 'utf8',
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  throw new Error(`the bundled CLI failed on the seed annex (exit ${run.status})`);
}
