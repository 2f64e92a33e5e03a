/**
 * A quote-free text's records read from its bytes (records.ts `RecordSplitter.pushBytes`, read/csv.ts
 * `delimitedTable`'s `eachBytes`): every record, its row and every refusal (a record too long, too many
 * columns, with its line) are those the same text split as text gives, whatever the pieces the bytes come in,
 * whatever the line breaks (CRLF, LF, CR alone, mixed), the characters (1 to 4 bytes, NBSP, combining marks)
 * and the lines that are not handed on as bytes (more fields than a ByteFields holds, longer than the size check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteFields, RecordSplitter } from '../../src/read/records.js';
import { decodeStreamed } from '../../src/read/decode.js';
import { delimitedTable, type Delimiter } from '../../src/read/csv.js';

type Out = string[] | string;

function refused(e: unknown): string {
  const p = (e as { params?: Record<string, unknown> }).params;
  return p ? `refused ${JSON.stringify(p)}` : String(e);
}

/** The records of `text` split as text, the first `skip` lines pushed as text before (as the head is). */
function viaText(text: string, d: Delimiter, max: number): Out {
  const out: string[] = [];
  const s = new RecordSplitter(d, (r) => out.push(r.join('|')), max);
  try {
    s.push(text);
    s.end();
  } catch (e) {
    out.push(refused(e));
  }
  return out;
}

/** The same bytes read as `restFromBytes` reads them: pieces of `piece` bytes, a piece grown while no line ends in it. */
function viaBytes(text: string, d: Delimiter, max: number, piece: number, capacity: number): Out {
  const out: string[] = [];
  const bytes = new TextEncoder().encode(text);
  const s = new RecordSplitter(d, (r) => out.push(r.join('|')), max);
  const fields = new ByteFields(capacity);
  try {
    let size = piece;
    for (let pos = 0; pos < bytes.length; ) {
      const end = Math.min(bytes.length, pos + size);
      const used = s.pushBytes(bytes.slice(pos, end), end === bytes.length, fields, (f) => out.push(f.strings().join('|')));
      if (used === 0 && end < bytes.length) {
        size *= 2;
        continue;
      }
      pos += used;
      size = piece;
    }
    s.end();
  } catch (e) {
    out.push(refused(e));
  }
  return out;
}

const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
const chars = ['a', 'ệ', 'Đ', '𝔸', '\u00a0', 'e\u0301', ',', ';', '\t', '\r', '\n', '\r\n', ' ', '1', '.'];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 120 }).map((a) => a.join(''));

describe('RecordSplitter.pushBytes', () => {
  it('gives the records and refusals the text split as text gives, in any pieces', () => {
    fc.assert(
      fc.property(text, delimiter, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(1_000_000, 30, 8), (t, d, piece, capacity, max) => {
        expect(viaBytes(t, d, max, piece, capacity)).toEqual(viaText(t, d, max));
      }),
      { numRuns: 4000 },
    );
  });

  it('refuses a line of more columns than a spreadsheet has, naming its line', () => {
    const t = `a;b\n1;2\n${';'.repeat(20_000)}\n`;
    expect(viaBytes(t, ';', 1_000_000, 1 << 20, 64)).toEqual(viaText(t, ';', 1_000_000));
    expect(String(viaBytes(t, ';', 1_000_000, 1 << 20, 64).at(-1))).toContain('"line":3');
  });
});

describe('delimitedTable over a streamed text, read from its bytes', () => {
  it('gives every record with its row as the text read whole gives it', async () => {
    const rows: string[] = ['Tên đơn vị;Số hộ nghèo;Tỷ lệ'];
    for (let i = 0; i < 9_000; i++) rows.push(`Xã Đông ${i % 97} 𝔸;${1000 + i};${i % 100},5${i % 500 === 0 ? ';' + 'x;'.repeat(70) : ''}`);
    for (const eol of ['\r\n', '\n', '\r']) {
      const t = rows.join(eol) + eol;
      const bytes = new TextEncoder().encode(t);
      const streamed = decodeStreamed(bytes, 'auto', { head: 96 * 1024, piece: 1021 });
      expect(streamed).toBeDefined();
      const records = async (tbl: ReturnType<typeof delimitedTable>, withBytes: boolean) => {
        const out: string[] = [];
        let asBytes = 0;
        await tbl.rest!(
          (r, rec) => out.push(`${r}:${rec.join('|')}`),
          undefined,
          withBytes
            ? (r, f) => {
                asBytes++;
                out.push(`${r}:${f.strings().join('|')}`);
              }
            : undefined,
        );
        return { out: out.join('\n'), asBytes };
      };
      const a = await records(delimitedTable(streamed!, streamed!.encoding, undefined, 50), true);
      const b = await records(delimitedTable(t, 'utf-8', undefined, 50), false);
      if (a.out !== b.out) {
        const x = a.out.split('\n'), y = b.out.split('\n');
        const i = x.findIndex((l, k) => l !== y[k]);
        expect([eol, i, x[i]]).toEqual([eol, i, y[i]]);
      }
      // Most records came as bytes (not those of the head's first pieces, nor the 18 of 72 fields).
      expect(a.asBytes).toBeGreaterThan(7_000);
    }
  });
});
