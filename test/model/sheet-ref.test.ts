/**
 * A cell of a named sheet as Excel and LibreOffice take it back (model/sheet-ref.ts): the name quoted unless it is
 * letters, digits, `_` and `.` and could not be read as a reference; read back from either form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSheetRef, sheetCellRef, sheetNeedsQuotes } from '../../src/model/sheet-ref.js';
import { a1, displayRef, parseA1 } from '../../src/model/grid.js';

/** A cell anywhere on a worksheet (A1 to XFD1048576). */
const cellRef = fc.tuple(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 })).map(([r, c]) => a1(r, c));
/** Letters (Vietnamese's among them), digits, `_` and `.`: what a name Excel writes bare is made of. */
const SAFE = [...'abcxyzRCABXFDđĐăâêôơưạấầẩẫậếềểễệọốồổỗộớờởỡợụứừửữựỳýỷỹỵàáảãèéẻẽìíỉĩòóỏõùúủũ中文ñß', ...'0123456789_.'];
/** And what makes a name need quotes: spaces, apostrophes, `!`, signs, a combining mark (a name in NFD). */
const OTHER = [' ', "'", '!', '-', '(', ')', '&', '%', ',', ';', '"', '$', '#', '+', '=', '@', '\u00a0', '\u0301', '\t'];
const nameOf = (chars: string[]) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 31 }).map((cs) => cs.join(''));

describe('sheetCellRef', () => {
  it('quotes a name with a space, an apostrophe (doubled) or a sign, as Excel writes it', () => {
    expect(sheetCellRef('Chỉ tiêu 2017', 'D11')).toBe("'Chỉ tiêu 2017'!D11");
    expect(sheetCellRef("Hộ nghèo '20", 'A1')).toBe("'Hộ nghèo ''20'!A1");
    expect(sheetCellRef('stray-text', 'K5')).toBe("'stray-text'!K5");
    expect(sheetCellRef('Bình Định', 'B3:B10')).toBe("'Bình Định'!B3:B10");
    expect(sheetCellRef('a!b', 'C3')).toBe("'a!b'!C3");
  });

  it('quotes a name that starts with a digit or could be read as an A1 or R1C1 reference', () => {
    for (const name of ['2017', '1abc', '.x', 'A1', 'xfd100', 'XFD1048576', 'ABC12', 'Row1', 'Col2', 'R', 'C', 'RC', 'R1C1', 'r2c3', 'R12', 'C7', 'RC5', 'R3C'])
      expect([name, sheetNeedsQuotes(name)]).toEqual([name, true]);
  });

  it('leaves bare a name of letters (Vietnamese with its marks), digits, _ and . that reads as no reference', () => {
    for (const name of ['Sheet1', 'seed', 'S', 'Xã', 'Phụ_lục', 'Biểu.262', 'ABCD1', 'Dòng1', 'Rows1', 'RR1C', 'Annex', '_x', 'tuyen_quang_2020'])
      expect(sheetCellRef(name, 'I6')).toBe(`${name}!I6`);
  });

  it('leaves bare every name Excel writes bare: from a letter or _, of letters, digits, _ and ., no A1 or R1C1 form', () => {
    const bare = nameOf(SAFE).filter((n) => /^[\p{L}_]/u.test(n) && !/^[A-Za-z]{1,3}[0-9]+$/.test(n) && !/^(?:[Rr][0-9]*(?:[Cc][0-9]*)?|[Cc][0-9]*)$/.test(n));
    fc.assert(
      fc.property(bare, cellRef, (name, ref) => {
        expect(sheetCellRef(name, ref)).toBe(`${name}!${ref}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes every name holding anything else', () => {
    const quoted = fc.tuple(nameOf(SAFE), fc.constantFrom(...OTHER), nameOf(SAFE)).map(([a, o, b]) => a + o + b);
    fc.assert(
      fc.property(quoted, cellRef, (name, ref) => {
        expect(sheetCellRef(name, ref)).toBe(`'${name.replace(/'/g, "''")}'!${ref}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseSheetRef', () => {
  it('reads back the same sheet and cell from what sheetCellRef writes, whatever the name', () => {
    const name = fc.oneof(nameOf([...SAFE, ...OTHER]), fc.string({ minLength: 1, maxLength: 31 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }));
    fc.assert(
      fc.property(name, cellRef, (sheet, ref) => {
        const back = parseSheetRef(sheetCellRef(sheet, ref));
        expect(back).toEqual({ sheet, ref });
        expect(parseA1(back.ref)).toEqual(parseA1(ref));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the unquoted form too (reports written before the quotes), and a cell without a sheet', () => {
    expect(parseSheetRef('Chỉ tiêu 2017!D11')).toEqual({ sheet: 'Chỉ tiêu 2017', ref: 'D11' });
    expect(parseSheetRef("'Chỉ tiêu 2017'!D11")).toEqual({ sheet: 'Chỉ tiêu 2017', ref: 'D11' });
    expect(parseSheetRef("'Hộ nghèo ''20'!A1")).toEqual({ sheet: "Hộ nghèo '20", ref: 'A1' });
    expect(parseSheetRef('Sheet1!B3:B10')).toEqual({ sheet: 'Sheet1', ref: 'B3:B10' });
    expect(parseSheetRef('D11')).toEqual({ ref: 'D11' });
    expect(parseSheetRef('T1R3C4')).toEqual({ ref: 'T1R3C4' });
  });
});

describe('displayRef', () => {
  it('names a workbook cell with its sheet as a spreadsheet takes it back', () => {
    expect(displayRef({ ref: 'D11', sheet: 'Chỉ tiêu 2017' })).toBe("'Chỉ tiêu 2017'!D11");
    expect(displayRef({ ref: 'D11', sheet: 'Sheet1' })).toBe('Sheet1!D11');
    expect(displayRef({ ref: 'D11' })).toBe('D11');
  });
});
