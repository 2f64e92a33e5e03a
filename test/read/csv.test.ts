import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gridFromBytes } from '../../src/read/index.js';
import { FIXTURES } from '../helpers.js';
import { detectDelimiter, readDelimited } from '../../src/read/csv.js';
import { cellText, parseA1, a1, columnLetters } from '../../src/model/grid.js';
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
  it('finds ; when the header ends in a quoted note of more lines than it samples (Alt+Enter in Excel)', () => {
    const note = `"${Array.from({ length: 400 }, (_, i) => `dòng ghi chú ${i}`).join('\n')}"`;
    const text = [`STT;Chỉ tiêu;Toàn tỉnh;Xã A;${note}`, '1;Tổng số hộ;2.000;1.000;', '2;Số hộ nghèo;150;100;'].join('\n');
    expect(detectDelimiter(text)).toBe(';');
    expect(readDelimited(text, 'utf-8').grid.rows[1]!.map(cellText).slice(0, 4)).toEqual(['1', 'Tổng số hộ', '2.000', '1.000']);
  });

  it('finds ; when a few rows carry a note after their figures and every comma is a decimal mark', () => {
    // Before: ',' scored higher (the rows' decimal commas split them alike, the notes made ';' uneven) and the
    // table was refused as having no indicator.
    const rows = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Mức giảm (%)', 'A;100;1,50;0,25', 'B;200;2,50;0,35;đã rà soát lại', 'C;300;3,50;0,45;ghi chú', 'D;400;4,50;0,55'];
    expect(detectDelimiter(rows.join('\n'))).toBe(';');
    // A comma between letters is a delimiter's: ',' is scored as before (and wins here, its rows all alike).
    expect(detectDelimiter('a,b,c;d\n1,2,3\n4,5,6\n7,8,9;x\n')).toBe(',');
    // Commas between digits only, and no other delimiter: ',' it is.
    expect(detectDelimiter('1,2,3\n4,5,6\n')).toBe(',');
  });

  it('finds ; when a name holds a comma too, and when a label of the header does', () => {
    const rows = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Mức giảm (%)', 'Phan Rang, Tháp Chàm;100;1,50;0,25', 'B;200;2,50;0,35;đã rà soát lại', 'C;300;3,50;0,45;ghi chú', 'D;400;4,50;0,55;x', 'E;500;5,50;0,65'];
    expect(detectDelimiter(rows.join('\n'))).toBe(';');
    // A comma inside one of the header's labels: still ';'.
    expect(detectDelimiter(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%, cuối năm);Mức giảm (%)', ...rows.slice(1)].join('\n'))).toBe(';');
    // A comma file whose text holds semicolons: its commas are scored (and win), the lines ';' splits holding commas.
    expect(detectDelimiter('Unit,Poor households,Rate (%)\nXã A; thôn 1; thôn 2,100,1.5\nXã B; thôn 3; thôn 4,200,2.5\nXã C; thôn 5; thôn 6,300,3.5\nXã D,400,4.5\n')).toBe(',');
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

describe('readDelimited: the records detection parsed are the records', () => {
  // Detection parses the first 200 lines with each candidate; a text shorter than that is not parsed again.
  const texts = (lines: number) => {
    const rows = Array.from({ length: lines }, (_, i) => [`Xã ${i}`, `${i}.${i % 1000}`, `${i},5`]);
    const plain = (eol: string) => rows.map((r) => r.join(';')).join(eol) + eol;
    // Quoted fields with line breaks inside: records fewer than lines.
    const quoted = rows.map((r, i) => (i % 3 === 0 ? `"${r[0]}\r\nghi chú";${r[1]};${r[2]}` : r.join(';'))).join('\r\n') + '\r\n';
    return { lf: plain('\n'), crlf: plain('\r\n'), cr: plain('\r'), quoted };
  };
  for (const lines of [1, 66, 67, 99, 100, 101, 198, 199, 200, 201, 202, 400]) {
    it(`${lines} lines, each line ending`, () => {
      for (const [ending, text] of Object.entries(texts(lines))) {
        const detected = readDelimited(text, 'utf-8');
        expect(detected.delimiter, ending).toBe(';');
        expect(detected.grid, `${lines} lines, ${ending}`).toEqual(readDelimited(text, 'utf-8', ';').grid);
      }
    });
  }
});

describe('a quoted cell longer than the sample the delimiter is judged on', () => {
  it('is read, not refused as a quote never closed', () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd();
    const grid = gridFromBytes(Buffer.from(`${seed}\r\n;"${'x'.repeat(250_000)}";\r\n`, 'utf8'));
    expect(grid.rows.at(-1)![1]!.raw.length).toBe(250_000);
    expect(grid.source).toMatchObject({ delimiter: ';' });
  });
});
