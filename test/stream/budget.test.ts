/**
 * The memory budget (issue 13, item 13): a table past the rows povcheck checks, or giving more findings
 * than it keeps, is refused with one line and exit 2 before memory runs out, streamed or in memory.
 * The real budget (check-grid.ts TABLE_BUDGET: 2,000,000 rows, 100,000 findings) is lowered here with
 * POVCHECK_MAX_ROWS / POVCHECK_MAX_FINDINGS so the tables stay small.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_BUDGET, tableBudget } from '../../src/check-grid.js';
import { fixtures, runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-budget-'));
const units = fixtures.hierarchyUnits(6);
const many: Array<Record<string, string>> = [...units, ...Array.from({ length: 600 }, (_, i) => ({ ...units[2]!, code: `X${i}`, parent: units[1]!.code!, name: `Xã thêm ${i}` }))];
const file = join(dir, 'many.csv');
writeFileSync(file, fixtures.serialize(fixtures.hierarchyRecords(many), { delimiter: ';' }));
// Every added commune's poor_end one too many: a flow and a rate error on each row.
const broken = join(dir, 'broken.csv');
writeFileSync(broken, fixtures.serialize(fixtures.hierarchyRecords(many.map((u, i) => (i >= units.length ? { ...u, poor_end: String(Number(u.poor_end) + 1) } : u))), { delimiter: ';' }));

describe('the budget', () => {
  it('is 2,000,000 rows and 100,000 findings; the environment may only lower it', () => {
    expect(TABLE_BUDGET).toEqual({ rows: 2_000_000, findings: 100_000 });
    expect(tableBudget({ POVCHECK_MAX_ROWS: '10', POVCHECK_MAX_FINDINGS: '5' })).toEqual({ rows: 10, findings: 5 });
    expect(tableBudget({ POVCHECK_MAX_ROWS: '9999999999', POVCHECK_MAX_FINDINGS: 'x' })).toEqual(TABLE_BUDGET);
  });

  it('a streamed table with more rows: one line, exit 2', () => {
    const r = runCli(['validate', file, '--lang', 'en', '--format', 'json'], { env: { POVCHECK_STREAM: 'always', POVCHECK_MAX_ROWS: '500' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('the table has more than 500 rows')]);
    expect(JSON.parse(r.stdout).files[0].status).toBe('unreadable');
  });

  it.each([['streamed', 'always'], ['in memory', 'never']])('%s: more findings than the budget: one line, exit 2', (_n, stream) => {
    const r = runCli(['validate', broken, '--lang', 'en'], { env: { POVCHECK_STREAM: stream, POVCHECK_MAX_FINDINGS: '200' } });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringContaining('gives more than 200 findings')]);
  });

  it('within the budget the same tables are checked as usual', () => {
    for (const f of [file, broken]) {
      const r = runCli(['validate', f, '--format', 'json'], { env: { POVCHECK_STREAM: 'always' } });
      expect(r.code).toBe(1); // (the added communes break their district's sums)
      expect(JSON.parse(r.stdout).files[0].status).toBe('invalid');
    }
  });
});
