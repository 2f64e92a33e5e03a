/** The checks not run, folded for people: one line for a check skipped at one unit for blank cells column after column. */
import { describe, expect, it } from 'vitest';
import { foldedSkips } from '../../src/reporters/folded-skips.js';
import type { Skip } from '../../src/model/finding.js';
import { makeFmt, renderSkip } from '../../src/messages/index.js';

const blank = (cells: string[], unit = 'Toàn tỉnh', rule: Skip['rule'] = 'sum'): Skip => ({ rule, unit, msg: { id: 'skip.bad-value', params: { cells, blank: true } } });
const column = (c: string) => [3, 4, 5, 6].map((r) => `${c}${r}`);

describe('foldedSkips', () => {
  it('folds one check’s blank cells at one unit, column after column, into one line of ranges in the table’s order', () => {
    const other: Skip = { rule: 'rate-change', msg: { id: 'skip.nothing', params: {} } };
    const folded = foldedSkips([blank(column('E')), blank(column('B')), other, blank(column('C'))]);
    expect(folded).toHaveLength(2);
    expect(renderSkip(folded[0]!.msg, makeFmt('en'))).toBe('B3:B6, C3:C6 and E3:E6 are blank');
    expect(renderSkip(folded[0]!.msg, makeFmt('vi'))).toBe('ô B3:B6, C3:C6 và E3:E6 để trống');
    expect(folded[1]).toBe(other);
  });

  it('names a cell two skips share once: the parent\'s own blank cell under blocks and under communes (Đakrông, --total first: E2 was listed twice)', () => {
    const folded = foldedSkips([blank(['B3', 'E2', 'E3']), blank(['E2', 'E4'])]);
    expect(renderSkip(folded[0]!.msg, makeFmt('en'))).toBe('B3, E2, E3 and E4 are blank');
  });

  it('leaves a single skip, other units, cells not in a run and cells not usable as they are', () => {
    const lone = blank(column('B'));
    expect(foldedSkips([lone])).toEqual([lone]);
    const scattered = [blank(['B3', 'B5', 'B9']), blank(['C3', 'C4'], 'Huyện A')];
    expect(foldedSkips(scattered)).toEqual(scattered);
    const bad: Skip = { rule: 'sum', unit: 'Toàn tỉnh', msg: { id: 'skip.bad-value', params: { cells: ['B3'] } } };
    expect(foldedSkips([bad, blank(column('C'))])).toEqual([bad, blank(column('C'))]);
  });

  it('keeps sheet names and leaves a Word table’s references as they are', () => {
    const folded = foldedSkips([blank(['Phụ lục!D3', 'Phụ lục!D4', 'Phụ lục!D5']), blank(['T1R3C4', 'T1R4C4'])]);
    expect(folded).toHaveLength(1);
    expect(renderSkip(folded[0]!.msg, makeFmt('en'))).toBe('Phụ lục!D3:D5, T1R3C4 and T1R4C4 are blank');
  });

  it('folds cells named with a quoted sheet (as model/sheet-ref.ts writes them): the range keeps the quotes once', () => {
    const folded = foldedSkips([blank(["'Phụ lục'!D3", "'Phụ lục'!D4", "'Phụ lục'!D5"]), blank(["'Hộ nghèo ''20'!C3", "'Hộ nghèo ''20'!C4", "'Hộ nghèo ''20'!C5"])]);
    expect(renderSkip(folded[0]!.msg, makeFmt('en'))).toBe("'Hộ nghèo ''20'!C3:C5 and 'Phụ lục'!D3:D5 are blank");
  });
});
