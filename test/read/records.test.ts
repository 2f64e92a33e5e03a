/**
 * The streaming record splitter reads text exactly as csv-parse does with records.ts's options (each record
 * ended by its own line break), whatever the chunking: quote-free text (its own fast split) and quoted text
 * (handed to csv-parse from that line on).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvOptions, openQuoteLine, RecordSplitter } from '../../src/read/records.js';
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
