/**
 * What each test file of `npm test` costs, in CPU seconds (the measure that holds on a busy machine):
 *
 *   npx vitest run -c bench/test-cost.config.ts      (after a build; the table is printed at the end)
 *
 * The suite as vitest.config.ts runs it, each file measured by bench/test-cost-setup.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.js';

const out = join(mkdtempSync(join(tmpdir(), 'povcheck-test-cost-')), 'cost.tsv');
process.env.POVCHECK_TEST_COST = out;

function printTable(): void {
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  rows.sort((a, b) => Number(b[0]) + Number(b[1]) - Number(a[0]) - Number(a[1]));
  const total = (i: number) => rows.reduce((s, r) => s + Number(r[i]), 0).toFixed(1);
  console.log(`\nCPU s (worker + children)   wall s   test file\n`);
  for (const [self, children, wall, file] of rows) {
    console.log(`${(Number(self) + Number(children)).toFixed(2).padStart(6)} (${self!.padStart(6)} + ${children!.padStart(6)})  ${wall!.padStart(7)}   ${relative(process.cwd(), file!)}`);
  }
  console.log(`\n${rows.length} files: ${total(0)} CPU s in the workers, ${total(1)} in child processes`);
}

const config = mergeConfig(base, defineConfig({ test: { setupFiles: ['bench/test-cost-setup.ts'] } }));
// The table once every file has reported; no JSON report (that one is .ci/run's).
config.test!.reporters = ['default', { onTestRunEnd: printTable }];
export default config;
