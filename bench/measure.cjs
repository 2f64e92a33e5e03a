/**
 * Runs a CommonJS entry (bin/povcheck.js) in this process and, at exit, appends its peak RSS (kB) and CPU
 * time to the file named by BENCH_STATS: Node has no way to ask for a child's peak memory, a process can ask
 * for its own. Worker threads share the process, so their memory counts.
 *   BENCH_STATS=stats.json node bench/measure.cjs bin/povcheck.js validate …
 */
'use strict';
const { appendFileSync } = require('node:fs');
const { resolve } = require('node:path');

const [, , entry, ...args] = process.argv;
process.argv = [process.argv[0], resolve(entry), ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_STATS) appendFileSync(process.env.BENCH_STATS, `${JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
require(resolve(entry));
