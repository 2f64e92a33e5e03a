/**
 * Error localisation on a workbook saved by a real spreadsheet program (LibreOffice), with formulas:
 * totals =SUM, end counts =start−reduced, rates =ROUND(…;2), all recomputed after a typo in a typed cell.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const FILE = 'fixtures/xlsx/planted/formulas-poor-start-transposed.xlsx';

describe('a typo under formulas, in a real workbook', () => {
  it('is localised to the typed cell, never to a formula cell, with the range the rounded rates leave', async () => {
    const r = await cli(['validate', FILE, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.localisation).toEqual({ status: 'found', failing: 3, size: 1, more: 0 });
    expect(f.causes).toHaveLength(1);
    expect(f.causes[0]).toMatchObject({
      cells: ['I7'],
      sheet: 'Phụ lục',
      proposed: { I7: '5511' },
      kind: 'transposition',
      confidence: 'unique',
      pinned: false,
      range: { I7: { min: '5503', max: '5521' } },
    });
    expect(f.causes[0].explains.map((i: number) => `${f.findings[i].rule}@${f.findings[i].cell}`).sort()).toEqual(['rate-change@D12', 'rate-change@I12', 'rate@D13']);
    expect(f.causes[0].message).toContain('the rates are rounded, so they do not pin the value; 5,511 would fit a slip: the digits look transposed');
  });

  it('fix does not rewrite workbooks', async () => {
    const r = await cli(['fix', FILE, '-o', '/tmp/never-written.xlsx', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fix writes delimited text files');
    // The file named once, by the one line's prefix (it was named twice).
    expect(r.stderr.split(FILE.split('/').pop()!)).toHaveLength(2);
  });

  it("fix's refusal of a workbook is worded in the table's language, as its other lines are (it was always English)", async () => {
    const r = await cli(['fix', FILE, '-o', '/tmp/never-written.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`povcheck: ${FILE}: lệnh fix chỉ ghi tệp văn bản có phân cách (CSV, TAB); povcheck validate nêu các nguyên nhân có thể của lỗi\n`);
    expect(r.stdout).toBe('');
  });
});
