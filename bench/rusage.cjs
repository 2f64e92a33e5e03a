/**
 * Preloaded by bench/measure.mjs into every measured process (`node --require bench/rusage.cjs …`): at exit,
 * appends the process's peak RSS (kB) and CPU time (user and system seconds, all threads) to the file named
 * by BENCH_RUSAGE. The variable is taken out of the environment at once, so that worker threads (which
 * inherit the preload and a copy of the environment) record nothing. A process killed by a signal (an
 * out-of-memory abort) records nothing either: the harness reports the signal.
 */
'use strict';
const file = process.env.BENCH_RUSAGE;
delete process.env.BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').appendFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
  });
}
