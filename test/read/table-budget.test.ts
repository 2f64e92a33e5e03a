/**
 * The memory budget (issue 13, item 13; issue 14, item 3): a long table with more units than the heap holds
 * (read/memory-budget.ts, at BYTES_PER_UNIT), or giving more findings than povcheck keeps (validate.ts
 * TABLE_BUDGET: 100,000), is refused with one line and exit 2 before memory runs out. Both are lowered here
 * with POVCHECK_MAX_ROWS / POVCHECK_MAX_FINDINGS so the tables stay small.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShaped, keptWhole, TABLE_BUDGET, tableBudget } from '../../src/check-grid.js';
import { delimitedTable } from '../../src/read/csv.js';
import { decodeBytes } from '../../src/read/decode.js';
import { shapeTable } from '../../src/shape/index.js';
import { BYTES_PER_UNIT, recordBudget } from '../../src/read/memory-budget.js';
import { cli, fixtures } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-budget-'));
const units = fixtures.hierarchyUnits(6);
const many: Array<Record<string, string>> = [...units, ...Array.from({ length: 60 }, (_, i) => ({ ...units[2]!, code: `X${i}`, parent: units[1]!.code!, name: `Xã thêm ${i}` }))];
const file = join(dir, 'many.csv');
writeFileSync(file, fixtures.serialize(fixtures.hierarchyRecords(many), { delimiter: ';' }));
// Every added commune's poor_end one too many: a flow and a rate error on each row.
const broken = join(dir, 'broken.csv');
writeFileSync(broken, fixtures.serialize(fixtures.hierarchyRecords(many.map((u, i) => (i >= units.length ? { ...u, poor_end: String(Number(u.poor_end) + 1) } : u))), { delimiter: ';' }));

describe('the budget', () => {
  it('is 100,000 findings and the units the heap holds; the environment may only lower them', () => {
    expect(TABLE_BUDGET).toEqual({ findings: 100_000 });
    expect(tableBudget({ POVCHECK_MAX_FINDINGS: '5' })).toEqual({ findings: 5 });
    expect(tableBudget({ POVCHECK_MAX_FINDINGS: 'x' })).toEqual(TABLE_BUDGET);
    const heap = 4096 * 2 ** 20;
    const fits = recordBudget({}, heap);
    expect(fits).toBe(Math.floor(((heap - 40 * 2 ** 20) * 0.75) / BYTES_PER_UNIT));
    // The bench's 3,000,000-unit table fits in a 4 GB heap.
    expect(fits).toBeGreaterThan(3_000_000);
    expect(recordBudget({ POVCHECK_MAX_ROWS: '10' }, heap)).toBe(10);
    expect(recordBudget({ POVCHECK_MAX_ROWS: '99999999999' }, heap)).toBe(fits);
  });

  it('a long table with more units: one line, exit 2', async () => {
    const r = await cli(['validate', file, '--lang', 'en', '--format', 'json'], { env: { POVCHECK_MAX_ROWS: '50' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('the table has more than 50 rows')]);
    expect(JSON.parse(r.stdout).files[0].status).toBe('unreadable');
  });

  it('more findings than the budget: one line, exit 2', async () => {
    const r = await cli(['validate', broken, '--lang', 'en'], { env: { POVCHECK_MAX_FINDINGS: '20' } });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringContaining('gives more than 20 findings')]);
  });

  it("counts the findings kept whole: a long table's denominator notes, kept as their unit, do not count", async () => {
    // The bench's generator (plain JavaScript, untyped): a national table whose households change, so many of
    // its units have a denominator note (true notes, not one mistake repeated).
    const gen = '../../bench/gen-table.mjs';
    const { writeTable } = (await import(gen)) as { writeTable: (units: number, out: string) => Promise<unknown> };
    const national = join(dir, 'national.csv');
    await writeTable(2_000, national);
    const { text, encoding } = decodeBytes(new Uint8Array(readFileSync(national)));
    const all = checkShaped(await shapeTable(delimitedTable(text, encoding))).findings;
    const kept = keptWhole(all);
    expect(all.length - kept).toBeGreaterThan(50);
    const whole = await cli(['validate', national, '--format', 'json']);
    expect(JSON.parse(whole.stdout).files[0].findings).toHaveLength(all.length);
    // A budget above the findings kept whole and below all of them: the table is checked, the same report.
    const within = await cli(['validate', national, '--format', 'json'], { env: { POVCHECK_MAX_FINDINGS: String(kept + 5) } });
    expect(within.code).toBe(1);
    expect(within.stdout).toBe(whole.stdout);
    // Below the findings kept whole: refused as before.
    const past = await cli(['validate', national, '--lang', 'en'], { env: { POVCHECK_MAX_FINDINGS: String(kept - 5) } });
    expect(past.code).toBe(2);
    expect(past.stdout).toContain(`gives more than ${(kept - 5).toLocaleString("en")} findings`);
  });

  it('within the budget the same tables are checked as usual', async () => {
    for (const f of [file, broken]) {
      const r = await cli(['validate', f, '--format', 'json']);
      expect(r.code).toBe(1); // (the added communes break their district's sums)
      expect(JSON.parse(r.stdout).files[0].status).toBe('invalid');
    }
  });
});
