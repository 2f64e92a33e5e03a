import { describe, expect, it } from 'vitest';
import { detectDelimiter, readDelimited } from '../../src/read/csv.js';
import { cellText, parseA1, a1, columnLetters } from '../../src/read/grid.js';
import { PovcheckError } from '../../src/errors.js';

describe('A1 references', () => {
  it('round-trips column letters and references', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    expect(a1(5, 8)).toBe('I6');
    expect(parseA1('I6')).toEqual({ row: 5, col: 8 });
    expect(parseA1('$AA$10')).toEqual({ row: 9, col: 26 });
    expect(parseA1('6I')).toBeUndefined();
  });
});

describe('delimiter detection', () => {
  it('finds ; when values carry decimal commas', () => {
    expect(detectDelimiter('a;b;c\n1;11,80;2,06\n2;9,31;2,02\n')).toBe(';');
  });
  it('finds , for quoted Vietnamese decimals', () => {
    expect(detectDelimiter('a,b,c\n1,"11,80","2,06"\n2,"9,31","2,02"\n')).toBe(',');
  });
  it('finds TAB in Unicode Text', () => {
    expect(detectDelimiter('a\tb\tc\n1\t11,80\t2,06\n')).toBe('\t');
  });
  it('has no answer for one-column text', () => {
    expect(detectDelimiter('just some prose\nand more prose\n')).toBeUndefined();
  });
});

describe('readDelimited', () => {
  it('keeps every cell as typed, with its A1 reference', () => {
    const { grid } = readDelimited('STT;Chỉ tiêu;Toàn tỉnh\r\n1;"Số hộ; nghèo";"24.814"\r\n', 'utf-8');
    expect(grid.rows[1]![2]).toMatchObject({ raw: '24.814', ref: 'C2', row: 1, col: 2 });
    expect(grid.rows[1]![1]!.raw).toBe('Số hộ; nghèo');
  });

  it('keeps blank lines so that row numbers are those Excel shows', () => {
    const { grid } = readDelimited('a;b\n\n1;2\n', 'utf-8');
    expect(grid.rows[2]![1]!.ref).toBe('B3');
  });

  it('trims edge whitespace including no-break spaces when reading a cell', () => {
    const { grid } = readDelimited('a;\u00a0 x \u00a0\n1;2\n', 'utf-8');
    expect(cellText(grid.rows[0]![1])).toBe('x');
  });

  it('refuses text with no column structure', () => {
    expect(() => readDelimited('hello\nworld\n', 'utf-8')).toThrow(PovcheckError);
  });
});
