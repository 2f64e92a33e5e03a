/**
 * A row or column typed one cell off (locate/shift.ts): one cause for the whole run, kind `shifted`, the values moved
 * back, the value that is not in the table given by the checks; nothing named when the run would not explain every
 * failing check. The planted fixtures of `plantedCauses()` (scripts/fixtures.mjs), checked in memory.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBytes, checkRecords, fixtures, ROOT } from '../helpers.js';
import type { Cause } from '../../src/locate/types.js';

const planted = fixtures.plantedCauses();
const causeOf = (name: string): Cause => {
  const r = checkBytes(planted[name]!.bytes);
  expect(r.localisation.status).toBe('found');
  expect(r.localisation.parts).toBeUndefined();
  expect(r.localisation.causes).toHaveLength(1);
  return r.localisation.causes[0]!;
};
const run = (c: Cause) => c.cells.map((x) => `${x.cell.ref}=${x.proposed ?? '?'}`);

describe('a run typed one cell off is one cause', () => {
  it('a row typed one column to the right (H5 blank, the last value in the notes column)', () => {
    const c = causeOf('planted/row-shifted-right.csv');
    expect(c.shift).toMatchObject({ along: 'row', direction: 'right', lost: { ref: 'K5' } });
    expect(run(c)).toEqual(['H5=799', 'I5=818', 'J5=390', 'K5=282']);
    expect(c.cells.map((x) => x.actual)).toEqual(['', '799', '818', '390']);
    expect(new Set(c.cells.map((x) => x.kind))).toEqual(new Set(['shifted']));
    expect(c).toMatchObject({ confidence: 'unique', pinned: true });
  });

  it('a row with a value skipped (typed one column to the left: the last cell blank, the first value from the checks)', () => {
    const c = causeOf('planted/row-shifted-left.csv');
    expect(c.shift).toMatchObject({ along: 'row', direction: 'left', lost: { ref: 'H5' } });
    expect(run(c)).toEqual(['H5=799', 'I5=818', 'J5=390', 'K5=282']);
  });

  it("a unit's column of the wide table typed one row down (the rate heading passed over, the last rate lost)", () => {
    const c = causeOf('planted/column-shifted-down.csv');
    expect(c.shift).toMatchObject({ along: 'column', direction: 'down', lost: { ref: 'I10' } });
    // 4.693 typed under the start rate is read again as the count it is.
    expect(run(c)).toEqual(['I4=5511', 'I5=818', 'I6=4693', 'I8=16.03', 'I9=2.47', 'I10=13.56']);
  });

  it("a unit's row of the long table typed one column to the right (the last value beyond the header)", () => {
    const c = causeOf('planted/long-row-shifted-right.csv');
    expect(c.shift).toMatchObject({ along: 'row', direction: 'right', lost: { ref: 'I7' } });
    expect(run(c)).toEqual(['E7=818', 'F7=4693', 'G7=16.03', 'H7=2.47', 'I7=13.56']);
  });

  it("explains the blank cell's missing error with the failing checks", () => {
    const r = checkBytes(planted['planted/row-shifted-right.csv']!.bytes);
    const explained = r.localisation.causes[0]!.explains.map((i) => `${r.findings[i]!.rule}@${r.findings[i]!.at?.ref}`);
    expect(explained).toEqual(expect.arrayContaining(['missing@H5', 'flow@I6', 'flow@J6', 'flow@K6']));
    const errors = r.findings.filter((f) => f.severity === 'error').map((_, i) => i);
    expect(errors.every((i) => r.localisation.causes[0]!.explains.includes(i))).toBe(true);
  });
});

describe('a run in the published layouts, where a blank cell is no error', () => {
  // Tổng số hộ | Hộ nghèo: Số hộ, Tỷ lệ | Hộ cận nghèo: Số hộ, Tỷ lệ: the households blank, so implied-households checks
  // the row. Its finding was in neither the table's nor the corrected table's findings when the corrected table's
  // applicable rules (without implied-households: its households are printed) were asked first.
  it('a row typed one cell on when implied-households fails (fixtures/shapes/blocks.csv, Nam Sơn)', () => {
    const text = readFileSync(join(ROOT, 'fixtures/shapes/blocks.csv'), 'utf8').split('\n');
    text[4] = '1;Thành phố Nam Sơn;;30.210;120;0,40;260';
    const r = checkBytes(Buffer.from(text.join('\n')));
    expect(r.findings.some((f) => f.rule === 'implied-households' && f.severity === 'error')).toBe(true);
    expect(r.localisation.status).toBe('found');
    const c = r.localisation.causes[0]!;
    expect(c.shift).toMatchObject({ along: 'row', direction: 'right', lost: { ref: 'G5' } });
    expect(run(c)).toEqual(['C5=30210', 'D5=120', 'E5=0.40', 'F5=260', 'G5=0.86']);
    const errors = r.findings.flatMap((f, i) => (f.severity === 'error' ? [i] : []));
    expect(errors.every((i) => c.explains.includes(i))).toBe(true);
  });

  // The blank poor count is only "not checked" (a skip), not a `missing` error: two cells after it (E3, F3) explained
  // the failing checks and won, and fix wrote them, the blank and a rate of 100 % left as they were.
  it('a row typed one cell on whose blank only a skip names wins over the two cells after it', () => {
    const r = checkBytes(
      Buffer.from(
        'Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)\n' +
          'Toàn huyện;3.000;300;10,00;150;5,00\nXã A;1.000;;100;10,00;50\nXã B;2.000;200;10,00;100;5,00\n',
      ),
    );
    expect(r.findings.some((f) => f.rule === 'missing' && f.severity === 'error')).toBe(false);
    expect(r.localisation.status).toBe('found');
    expect(r.localisation.causes).toHaveLength(1);
    const c = r.localisation.causes[0]!;
    expect(c.shift).toMatchObject({ along: 'row', direction: 'right', lost: { ref: 'F3' } });
    expect(run(c)).toEqual(['C3=100', 'D3=10.00', 'E3=50', 'F3=5.00']);
  });
});

describe('the value that is not in the table', () => {
  it('is not made up when no check reads its cell (a column typed down through the rate heading, which is then read as a rate)', () => {
    const records = fixtures.wideRecords(fixtures.SEED).map((r: string[]) => [...r]);
    const col = 3 + fixtures.UNITS.indexOf('Chiêm Hóa');
    const vals = [3, 4, 5, 6, 7, 8, 9].map((k) => records[k]![col]!);
    records[3]![col] = '';
    [4, 5, 6, 7, 8, 9].forEach((k, n) => (records[k]![col] = vals[n]!));
    const c = checkRecords(records).localisation.causes[0]!;
    expect(c.shift).toMatchObject({ along: 'column', direction: 'down', lost: { ref: 'I7' } });
    const lost = c.cells.find((x) => x.cell.ref === 'I7')!;
    expect(lost.proposed).toBeUndefined();
    expect(lost.range).toEqual({});
    expect(c.pinned).toBe(false);
  });
});

describe('no run is named', () => {
  const { wideRecords, cloneData, SEED } = fixtures;

  it('when a blank cell and a one-cell slip elsewhere are the table (the slip is the cause, as before)', () => {
    const data = cloneData(SEED);
    data.poor_end![5] = '4963';
    const records = wideRecords(data);
    records[4]![7] = ''; // Hàm Yên's poor households reduced left blank
    const r = checkRecords(records);
    const causes = r.localisation.parts?.flatMap((p) => p.causes) ?? r.localisation.causes;
    expect(causes.some((c) => c.shift)).toBe(false);
    expect(causes[0]!.cells.map((x) => x.cell.ref)).toContain('I6');
  });

  it('from a blank no check wanted, when one cell explains the failing check (a column the row leaves empty: Bình Thuận 2022)', () => {
    // L3 (the estimated fall) is blank and no skip names it: moving H3's rate into it and solving H3 is one cell's
    // change dressed as a run, and it hid the four one-cell explanations.
    const r = checkBytes(readFileSync(join(ROOT, 'fixtures/published/review-2022-binh-thuan-ethnic-minority-of-which.csv')));
    expect(r.localisation.causes.some((c) => c.shift)).toBe(false);
    expect(r.localisation.causes.map((c) => c.cells.map((x) => x.cell.ref).join())).toEqual(['B3', 'C3', 'G3', 'H3']);
  });
});
