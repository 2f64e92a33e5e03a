/**
 * The streaming record splitter reads text exactly as csv-parse does with records.ts's options (each record
 * ended by its own line break), whatever the chunking: quote-free text (its own fast split) and quoted text
 * (handed to csv-parse from that line on).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvOptions, openQuoteLine, RecordSplitter, splitSimplyQuoted } from '../../src/read/records.js';
import type { Delimiter } from '../../src/read/csv.js';

function viaCsvParse(text: string, delimiter: Delimiter, max: number): string[][] | string {
  try {
    return parse(text, csvOptions(delimiter, max)) as string[][];
  } catch (e) {
    return (e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE' ? 'too long' : 'malformed';
  }
}

function viaSplitter(text: string, delimiter: Delimiter, cuts: number[], max: number): string[][] | string {
  const out: string[][] = [];
  const s = new RecordSplitter(delimiter, (r) => out.push(r), max);
  try {
    let pos = 0;
    for (const c of [...cuts].sort((a, b) => a - b)) {
      const at = Math.min(c, text.length);
      s.push(text.slice(pos, at));
      pos = at;
    }
    s.push(text.slice(pos));
    s.end();
  } catch (e) {
    return (e as { params?: { reason?: string } }).params?.reason === 'record-size' ? 'too long' : 'malformed';
  }
  return out;
}

const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 80 }).map((a) => a.join(''));

describe('RecordSplitter', () => {
  it('splits quote-free text as csv-parse does, under any chunking', () => {
    fc.assert(
      fc.property(text(['a', 'b', 'ệ', ',', ';', '\t', '\r', '\n', '\r\n', ' ', '1']), delimiter, fc.array(fc.nat({ max: 90 }), { maxLength: 5 }), (t, d, cuts) => {
        expect(viaSplitter(t, d, cuts, 1_000_000)).toEqual(viaCsvParse(t, d, 1_000_000));
      }),
      { numRuns: 3000 },
    );
  });

  it('hands quoted text to csv-parse from the quoted line on', () => {
    fc.assert(
      fc.property(text(['a', '"', ',', ';', '\t', '\r', '\n', '\r\n', '""', 'x']), delimiter, fc.array(fc.nat({ max: 90 }), { maxLength: 5 }), (t, d, cuts) => {
        const expected = viaCsvParse(t, d, 1_000_000);
        expect(viaSplitter(t, d, cuts, 1_000_000)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a record over the size bound as csv-parse does', () => {
    fc.assert(
      fc.property(text(['a', 'ệ', ',', '\n']), fc.integer({ min: 1, max: 12 }), (t, max) => {
        expect(viaSplitter(t, ',', [], max)).toEqual(viaCsvParse(t, ',', max));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('openQuoteLine', () => {
  it('finds an unclosed quote exactly when csv-parse does, and on a line of the text', () => {
    fc.assert(
      fc.property(text(['a', '"', ',', ';', '\r', '\n', '\r\n', '""', 'x']), delimiter, (t, d) => {
        let unclosed = false;
        try {
          parse(t, csvOptions(d));
        } catch (e) {
          unclosed = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';
        }
        const line = openQuoteLine(t, d);
        expect(line !== undefined).toBe(unclosed);
        if (line !== undefined) expect(line).toBeLessThanOrEqual(t.split(/\r\n|\r|\n/).length);
      }),
      { numRuns: 3000 },
    );
  });
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

describe('a line longer than any that is not refused', () => {
  const outcome = (text: string, piece: number) => {
    const s = new RecordSplitter(';', () => undefined);
    try {
      for (let pos = 0; pos < text.length; pos += piece) s.push(text.slice(pos, pos + piece));
      s.end();
      return 'read';
    } catch (e) {
      const p = (e as { params?: { reason?: string; line?: number } }).params;
      return `${p?.reason} ${p?.line}`;
    }
  };

  it('is refused as it grows, as the whole line would be (too long; too wide past 16,384 fields)', () => {
    // Carried piece after piece, it was searched again with every piece: minutes for a few tens of megabytes.
    const long = `a;b\n1;2\n${'x'.repeat(1_100_000)}`;
    const wide = `a;b\n${';'.repeat(17_000)}${'x'.repeat(1_100_000)}`;
    for (const piece of [65_536, 1_000, 10_000_000]) {
      expect(outcome(long, piece)).toBe('record-size 3');
      expect(outcome(wide, piece)).toBe('columns 2');
    }
  });
});
