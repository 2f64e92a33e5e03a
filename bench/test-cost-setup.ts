/**
 * Set up in every test file by bench/test-cost.config.ts: the file's CPU seconds (its worker's own, and its
 * finished child processes': the built CLI, tsc, Chromium), from /proc/self/stat, and its wall time, from its
 * import to its last test, one line per file in the file the global set-up names.
 */
import { afterAll, expect } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';

/** User + system CPU seconds of this process and of its children that have ended (Linux: /proc/self/stat). */
function cpu(): { self: number; children: number } {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
  const tick = 100; // USER_HZ
  return { self: (f[11]! + f[12]!) / tick, children: (f[13]! + f[14]!) / tick };
}

const start = cpu();
const wall = performance.now();
afterAll(() => {
  const end = cpu();
  const line = [end.self - start.self, end.children - start.children, (performance.now() - wall) / 1000].map((x) => x.toFixed(2));
  appendFileSync(process.env.POVCHECK_TEST_COST!, `${line.join('\t')}\t${expect.getState().testPath}\n`);
});
