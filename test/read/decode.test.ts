import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { PovcheckError } from '../../src/errors.js';

const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PovcheckError ? e.code : 'OTHER';
  }
  return undefined;
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(Buffer.from('Tổng;1\n'))).toEqual({ text: 'Tổng;1\n', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from('\ufeffTổng;1\n'))).toEqual({ text: 'Tổng;1\n', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE and BE with BOM, and LE without BOM', () => {
    expect(decodeBytes(utf16le('Chiêm Hóa\t1\r\n')).text).toBe('Chiêm Hóa\t1\r\n');
    const be = Buffer.from(Buffer.from('Na Hang\t2', 'utf16le')).swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: 'Na Hang\t2', encoding: 'utf-16be' });
    expect(decodeBytes(utf16le('households_start,poor_start\n1,2\n', false)).encoding).toBe('utf-16le');
  });

  it('refuses empty, blank, binary and legacy-encoded input with a coded reason', () => {
    expect(code(() => decodeBytes(new Uint8Array()))).toBe('FILE_EMPTY');
    expect(code(() => decodeBytes(Buffer.from('  \n\r\n\t')))).toBe('FILE_EMPTY');
    // Blank is white space of any kind, no-break spaces and a BOM inside the text included; one character is not blank.
    expect(code(() => decodeBytes(Buffer.from('\ufeff \u00a0\n\u2003\ufeff\r\n')))).toBe('FILE_EMPTY');
    expect(decodeBytes(Buffer.from(' \u00a0\n x\n')).text).toBe(' \u00a0\n x\n');
    expect(code(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toBe('FILE_BINARY');
    expect(code(() => decodeBytes(Buffer.from([0x00, 0x01, 0x02, 0x9f, 0xff, 0x00, 0x10])))).toBe('FILE_BINARY');
    // "Ninh Bình" in TCVN3 single bytes is not UTF-8: a legacy encoding (too little text to name which).
    expect(code(() => decodeBytes(Buffer.from([0x4e, 0x69, 0x6e, 0x68, 0x20, 0x42, 0xd7, 0x6e, 0x68, 0x3b, 0x31])))).toBe('ENCODING_LEGACY');
    expect(code(() => decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])))).toBe('ENCODING_INVALID');
  });
});

describe('decodeBytes, one decoder after another', () => {
  it('decodes each text afresh after a text it refused or cut short (its strict decoders are reused)', () => {
    const utf8 = Buffer.from('\ufeffĐơn vị;Số hộ\nToàn tỉnh;1.234\n', 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Đơn vị\tSố hộ\nToàn tỉnh\t1.234\n', 'utf16le')]);
    const expected = [decodeBytes(utf8), decodeBytes(utf16)];
    // A UTF-8 text ending inside a character, one with a stray continuation byte, a UTF-16 text ending on half a pair.
    const damaged = [Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x3b, 0x42, 0x0a, 0xe1, 0xbb]), Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x3b, 0x80, 0x0a]), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x09, 0x00, 0x3d, 0xd8])];
    for (const bad of damaged) {
      try {
        decodeBytes(bad);
      } catch {
        // refused or read otherwise: what matters is the next text
      }
      expect([decodeBytes(utf8), decodeBytes(utf16)]).toEqual(expected);
    }
  });
});

describe('a text with binary data after it (a table with a dump appended)', () => {
  const variants = join(__dirname, '..', '..', 'fixtures');
  it.each([
    ['UTF-8', 'tuyen-quang-2020.csv'],
    ['UTF-16LE', 'variants/unicode-text-utf16le.txt'],
    ['UTF-16BE', 'variants/tab-utf16be.txt'],
  ])('%s: refused as binary on its bytes, never decoded whole (a string of the whole past a small heap was a V8 abort)', (_enc, name) => {
    const bytes = Buffer.concat([readFileSync(join(variants, name)), Buffer.alloc(4 * 1024 * 1024, 0)]);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      expect(() => decodeBytes(bytes)).toThrow(expect.objectContaining({ code: 'FILE_BINARY', params: { kind: 'binary' } }));
      const largest = Math.max(0, ...decode.mock.calls.map(([input]) => (input as Uint8Array | undefined)?.byteLength ?? 0));
      expect(largest).toBeLessThan(1024 * 1024);
    } finally {
      decode.mockRestore();
    }
  });

  it('one NUL character in UTF-16 is found at its place; the zero bytes of its ASCII letters are not one', () => {
    const text = '\ufeffSTT\tĐơn vị\tSố hộ\n1\tNa Hang\t3.094\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeBytes(le).encoding).toBe('utf-16le');
    expect(() => decodeBytes(Buffer.from(text.replace('Na', 'N\u0000a'), 'utf16le'))).toThrow(expect.objectContaining({ code: 'FILE_BINARY' }));
    // An odd offset into a larger buffer (a pooled Buffer's slice) reads the same.
    const odd = Buffer.concat([Buffer.from([1]), le]).subarray(1);
    expect(decodeBytes(odd).text).toBe(decodeBytes(le).text);
  });
});
