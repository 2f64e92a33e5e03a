/**
 * A large UTF-8 table decoded a piece at a time (read/decode.ts `decodeStreamed`, read/csv.ts
 * `delimitedTable` over it): the text is the one `decodeBytes` gives, piece by piece; every text that
 * `decodeBytes` refuses or reads otherwise is left to it (so it names the fault as before); and the records a
 * streamed table gives are those of the same text read whole.
 */
import { describe, expect, it, vi } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes, decodeStreamed, HEAD_BYTES, type ByteSource } from '../../src/read/decode.js';
import { delimitedTable, STREAMED_HEAD_ROWS } from '../../src/read/csv.js';
import { inputFromBytes, readInput } from '../../src/read/index.js';
import { PovcheckError } from '../../src/errors.js';

const BOM = [0xef, 0xbb, 0xbf];
const enc = (s: string, bom = false) => {
  const b = new TextEncoder().encode(s);
  if (!bom) return b;
  const out = new Uint8Array(b.length + 3);
  out.set(BOM);
  out.set(b, 3);
  return out;
};

/** A table of `rows` rows with Vietnamese names, characters of 1 to 4 bytes, CRLF or LF. */
function table(rows: number, eol = '\r\n'): string {
  const lines = ['Tên đơn vị;Số hộ nghèo đầu năm;Số hộ nghèo cuối năm;Ghi chú'];
  for (let i = 0; i < rows; i++) lines.push(`Xã Điện Biên Đông ${i};${1000 + (i % 9000)};${(i * 7) % 100},5;𝔸 ghi chú ${i % 13}`);
  return lines.join(eol) + eol;
}

const pieced = (t: NonNullable<ReturnType<typeof decodeStreamed>>) => t.head + [...t.rest()].join('');

function refusal(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof PovcheckError ? JSON.stringify([e.code, e.params]) : String(e);
  }
  return undefined;
}

/** A head and pieces much smaller than the real ones: a small text crosses hundreds of piece boundaries, in characters of 1 to 4 bytes. */
const SMALL = { head: 96 * 1024, piece: 1021 };

describe('decodeStreamed', () => {
  const text = table(90_000);
  it('gives the text decodeBytes gives, with and without BOM, as --encoding utf-8 too', () => {
    expect(text.length * 1.05).toBeGreaterThan(HEAD_BYTES);
    const small = table(6_000);
    const cases = [
      { t: text, sizes: undefined, boms: [false], choices: ['auto'] }, // the real sizes: a head of ≥ 1,000,000 characters
      { t: small, sizes: SMALL, boms: [false, true], choices: ['auto', 'utf-8'] },
      { t: small.slice(0, 100_000), sizes: SMALL, boms: [false, true], choices: ['auto', 'utf-8'] },
    ] as const;
    for (const { t, sizes, boms, choices } of cases) {
      for (const bom of boms) {
        const bytes = enc(t, bom);
        for (const choice of choices) {
          const s = decodeStreamed(bytes, choice, sizes);
          expect(s).toBeDefined();
          const whole = decodeBytes(bytes, choice);
          expect(s!.encoding).toBe(whole.encoding);
          if (sizes === undefined) expect(s!.head.length).toBeGreaterThanOrEqual(1_000_000);
          // Decoded only as far as the head needs: not the whole 4 MiB at once (one string of half a big table).
          if (sizes === undefined) expect(s!.decodedBytes).toBeLessThan(HEAD_BYTES / 2);
          expect(pieced(s!) === whole.text).toBe(true);
          expect(s!.whole() === whole.text).toBe(true);
        }
      }
    }
  });

  it('decodes the head a piece at a time, as the rest (no call decodes more than 64 KiB)', () => {
    // One call for the head had the decoder allocate and free a buffer of megabytes, which makes the C library
    // keep more freed memory for the rest of the run.
    const bytes = enc(table(100_000), true);
    expect(bytes.length).toBeGreaterThan(HEAD_BYTES);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      const s = decodeStreamed(bytes);
      expect(s).toBeDefined();
      expect(s!.head.length).toBeGreaterThanOrEqual(1_000_000);
      const sizes = decode.mock.calls.map(([input]) => (input as Uint8Array | undefined)?.byteLength ?? 0);
      expect(sizes.length).toBeGreaterThan(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    } finally {
      decode.mockRestore();
    }
  });

  it('leaves to decodeBytes what it refuses or reads otherwise', () => {
    const bytes = enc(text);
    const at = (i: number, b: number[]) => {
      const out = bytes.slice();
      out.set(b, i);
      return out;
    };
    const cases: Uint8Array[] = [
      at(bytes.length - 10, [0xff]), // damaged UTF-8 far past the head
      at(bytes.length - 10, [0xc3, 0x28]),
      at(bytes.length - 10, [0x00]), // a NUL
      enc(' '.repeat(HEAD_BYTES + 10) + 'x'), // a head of spaces only
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes.subarray(0, HEAD_BYTES + 10)]), // a zip
      new Uint8Array([0xff, 0xfe, ...bytes.subarray(0, HEAD_BYTES + 10)]), // a UTF-16 BOM
      enc(text.slice(0, 100_000)), // small: read whole
    ];
    for (const b of cases) {
      expect(decodeStreamed(b)).toBeUndefined();
    }
    // What decodeBytes says about them is what validate says (the streamed path never answers first).
    expect(refusal(() => decodeBytes(cases[0]!))).toContain('ENCODING');
    expect(refusal(() => decodeBytes(cases[2]!))).toContain('FILE_BINARY');
    expect(decodeStreamed(bytes, 'utf-16le')).toBeUndefined();
    expect(decodeStreamed(bytes, 'windows-1258')).toBeUndefined();
  });

  it('reads a ByteSource a piece at a time, never whole: the same text, the same refusals', () => {
    /** `bytes` read as a file is: each read copied into one reused buffer; `all` refused; the largest read kept. */
    const pieceSource = (bytes: Uint8Array) => {
      const buffer = new Uint8Array(bytes.length);
      let largest = 0;
      const source: ByteSource = {
        length: bytes.length,
        read(pos, end) {
          largest = Math.max(largest, end - pos);
          buffer.fill(0xaa);
          buffer.set(bytes.subarray(pos, end));
          return buffer.subarray(0, Math.min(end, bytes.length) - pos);
        },
        all: () => {
          throw new Error('read whole');
        },
        close: () => {},
      };
      return { source, largest: () => largest };
    };
    const sizes = { ...SMALL, scan: 4093 };
    const small = table(6_000);
    for (const bom of [false, true]) {
      const bytes = enc(small, bom);
      const { source, largest } = pieceSource(bytes);
      const s = decodeStreamed(source, 'auto', sizes);
      expect(s).toBeDefined();
      expect(s!.quoted).toBe(false);
      expect(pieced(s!) === decodeBytes(bytes).text).toBe(true);
      expect(largest()).toBeLessThanOrEqual(SMALL.head);
    }
    // Damage or a NUL at every offset around a scan boundary (characters of 1 to 4 bytes cut there): refused
    // exactly when the bytes checked whole are not valid UTF-8 or hold a NUL; a quote anywhere is seen.
    const bytes = enc(small);
    for (let k = 3 * sizes.scan - 6; k <= 3 * sizes.scan + 6; k++) {
      for (const b of [[0xff], [0x80], [0xc3], [0xf0, 0x9d], [0x00], [0x22]]) {
        const out = bytes.slice();
        out.set(b, k);
        const s = decodeStreamed(pieceSource(out).source, 'auto', sizes);
        const good = isUtf8(out) && !out.includes(0);
        expect(s !== undefined).toBe(good);
        if (s) expect(s.quoted).toBe(out.includes(0x22));
      }
    }
  });

  it('readInput reads a large file a piece at a time: the records of the same bytes read whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-streamed-'));
    try {
      const bytes = enc(table(90_000), true);
      const file = join(dir, 'big.csv');
      writeFileSync(file, bytes);
      const [fromFile, fromBytes] = [await readInput(file, { records: true }), await inputFromBytes(bytes, { records: true })];
      const records = async (input: typeof fromFile) => {
        const out: string[] = [];
        if (input.kind !== 'table') return input.kind;
        for (const rec of input.table.head.rows) out.push(rec.map((c) => c.raw).join('|'));
        await input.table.rest!((r, rec) => out.push(`${r}:${rec.join('|')}`));
        return out.join('\n');
      };
      expect((await records(fromFile)) === (await records(fromBytes))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a streamed table gives the records of the same text read whole', async () => {
    for (const eol of ['\r\n', '\n']) {
      const t = table(90_000, eol);
      const bytes = enc(t, true);
      const input = await inputFromBytes(bytes, { records: true });
      expect(input.kind).toBe('table');
      const viaStream = input.kind === 'table' ? input.table : undefined;
      // A text read a piece at a time keeps a longer head (STREAMED_HEAD_ROWS); the whole text, read with the same, gives the same.
      const viaText = delimitedTable(decodeBytes(bytes).text, 'utf-8-bom', undefined, STREAMED_HEAD_ROWS);
      expect(viaStream!.head.rows).toEqual(viaText.head.rows);
      expect(viaStream!.head.rows).toHaveLength(STREAMED_HEAD_ROWS);
      const records = async (tbl: typeof viaText) => {
        const out: string[] = [];
        await tbl.rest!((r, rec) => out.push(`${r}:${rec.join('|')}`));
        return out;
      };
      const [a, b] = [await records(viaStream!), await records(viaText)];
      expect(a.length).toBe(b.length);
      expect(a.join('\n') === b.join('\n')).toBe(true);
      // The estimate the column store is sized by: the records of the whole text, within a few per cent.
      for (const tbl of [viaStream!, viaText]) expect(Math.abs(tbl.estimatedRecords! / (a.length + tbl.head.rows.length) - 1)).toBeLessThan(0.03);
    }
  });
});

describe('a large file ending in one endless line, or in binary data', () => {
  it('is refused at once with the reason, not read whole first', async () => {
    const { readInput } = await import('../../src/read/index.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-endless-'));
    const seed = readFileSync(join(__dirname, '..', '..', 'fixtures', 'tuyen-quang-2020.csv'));
    const endless = join(dir, 'endless.csv');
    writeFileSync(endless, Buffer.concat([seed, Buffer.alloc(6 * 1024 * 1024, 'x')]));
    await expect(readInput(endless, { records: true })).rejects.toMatchObject({ code: 'CSV_MALFORMED', params: { reason: 'record-size', line: 11 } });
    const dump = join(dir, 'dump.csv');
    writeFileSync(dump, Buffer.concat([seed, Buffer.alloc(6 * 1024 * 1024, 0)]));
    await expect(readInput(dump, { records: true })).rejects.toMatchObject({ code: 'FILE_BINARY', params: { kind: 'binary' } });
  });
});
