/**
 * Localisation does bounded work (MAX_SOLVES candidate sets per call, shared by every search: the whole
 * table, its independent groups, the peeled rounds): a table broken in many places ends with `stopped`
 * instead of searching on. The saved input is a fuzz find (a mutated fixture) that searched for minutes
 * before the bound (and a province table whose total leaves out 60 communes listed under it: every count's
 * sum fails, and no one or two cells explain them); vitest's test timeout is the watchdog here (a hang fails the test), never a duration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { locate } from '../../src/locate/index.js';
import { checkRecords, fixtures } from '../helpers.js';

const { wideRecords, SEED } = fixtures;

describe('localisation does bounded work', () => {
  it('honours the budget: with none left, a planted slip is not searched for (status stopped)', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { 'poor_end:5': '3.709' } }));
    expect(r.localisation.status).toBe('found');
    expect(locate(r.annex!, r.findings, { maxSolves: 0 }).status).toBe('stopped');
  });

  it('charges a solve by its size: a total tied to 640 "of which" rows costs more than one small solve', () => {
    const rows = Array.from({ length: 640 }, () => 'Hộ dân tộc thiểu số;1.000;100;10,00');
    // The total's poor households typed 10 for 100: below every row (640 failing checks) and off its rate.
    const csv = `\uFEFFĐối tượng;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nCả nước;1.000;10;10,00\n${rows.join('\n')}\n`;
    const r = checkGrid(gridFromBytes(Buffer.from(csv, 'utf8')));
    // Counted once per solve, ten would do; the total's cell is in some 640 checks: eleven units of work alone.
    expect(locate(r.annex!, r.findings, { maxSolves: 10 }).status).toBe('stopped');
    const found = locate(r.annex!, r.findings, { maxSolves: 1_000 });
    expect(found.status).toBe('found');
    expect(found.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['C2', '100']]);
  });

  it.each(['fuzz-66.csv', 'extra-communes-60.csv'])('a table broken in many places (%s) ends, its findings kept', (name) => {
    const grid = gridFromBytes(readFileSync(join(import.meta.dirname, 'slow-inputs', name)));
    const r = checkGrid(grid);
    expect(r.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(['found', 'none', 'stopped']).toContain(r.localisation.status);
  });
});
