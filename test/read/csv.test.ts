import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { detectDelimiter, readDelimited, splitSimplyQuoted, type Delimiter } from '../../src/read/csv.js';
import { csvOptions } from '../../src/read/records.js';
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

describe('splitSimplyQuoted: csv-parse\'s records, without csv-parse', () => {
  const viaCsvParse = (text: string, d: Delimiter, toLine?: number): string[][] | 'error' => {
    try {
      return parse(text, { ...csvOptions(d), ...(toLine ? { to_line: toLine } : {}) }) as string[][];
    } catch {
      return 'error';
    }
  };
  const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
  const toLine = fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined });

  it('gives csv-parse\'s records whenever it gives any (random text over every character that matters)', () => {
    const token = fc.constantFrom('a', 'ệ', ' ', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\ufeff');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }).map((a) => a.join('')), delimiter, toLine, (text, d, limit) => {
        const fast = splitSimplyQuoted(text, d, limit);
        if (fast !== undefined) expect(fast).toEqual(viaCsvParse(text, d, limit));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every table whose quoted fields are well formed (line breaks inside them when the whole text is read)', () => {
    const field = fc.oneof(
      fc.array(fc.constantFrom('a', 'ệ', ' ', '1', '.'), { maxLength: 6 }).map((a) => ({ text: a.join(''), quoted: false })),
      fc.array(fc.constantFrom('a', 'ệ', ' ', '"', ',', ';', '\t', '\r\n', '\n', '\r'), { maxLength: 6 }).map((a) => ({ text: a.join(''), quoted: true })),
    );
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(table, delimiter, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, d, eol, last) => {
        const cell = (f: { text: string; quoted: boolean }) => (f.quoted ? `"${f.text.replaceAll('"', '""')}"` : f.text);
        const text = rows.map((r) => r.map(cell).join(d)).join(eol) + (last ? eol : '');
        const fast = splitSimplyQuoted(text, d);
        expect(fast).toBeDefined();
        expect(fast).toEqual(viaCsvParse(text, d));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves to csv-parse what it does not read: a quote inside a field, text after a closing quote, a quote never closed', () => {
    expect(splitSimplyQuoted('a,b"c\n', ',')).toBeUndefined();
    expect(splitSimplyQuoted('"a"b,c\n', ',')).toBeUndefined();
    expect(splitSimplyQuoted('a,"b\n', ',')).toBeUndefined();
    expect(splitSimplyQuoted('"a\nb",c\n', ',', 200)).toBeUndefined();
    expect(splitSimplyQuoted('"a\nb",c\n', ',')).toEqual([['a\nb', 'c']]);
  });
});
