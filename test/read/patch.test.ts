/** patchDelimited: cells rewritten in place, every other byte kept; refusal when the text does not map back. */
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { patchDelimited } from '../../src/read/patch.js';

const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

describe('patchDelimited', () => {
  it('rewrites one field, keeping quotes elsewhere, embedded delimiters and line breaks, CRLF', () => {
    const text = 'Chỉ tiêu;"Toàn; tỉnh";Xã A\r\n"Số hộ\r\nnghèo";"1.000";  7 \r\nx;y;z\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const r = patchDelimited(bytes, ';', [{ row: 1, col: 2, text: '8' }, { row: 1, col: 1, text: '1.001' }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.bytes).toString('utf8')).toBe('Chỉ tiêu;"Toàn; tỉnh";Xã A\r\n"Số hộ\r\nnghèo";"1.001";  8 \r\nx;y;z\r\n');
    // The copy reads as the input with those two cells changed.
    const cells = (b: Uint8Array) => gridFromBytes(b, { delimiter: ';' }).rows.map((row) => row.map((c) => c.raw));
    const want = cells(bytes);
    want[1]![2] = '  8 ';
    want[1]![1] = '1.001';
    if (r.ok) expect(cells(r.bytes)).toEqual(want);
  });

  it('quotes a new value that holds the delimiter', () => {
    const bytes = Buffer.from('a,b\n1,4963\n', 'utf8');
    const r = patchDelimited(bytes, ',', [{ row: 1, col: 1, text: '4,693' }]);
    expect(r.ok && Buffer.from(r.bytes).toString('utf8')).toBe('a,b\n1,"4,693"\n');
  });

  it.each([true, false])('UTF-16LE (BOM: %s): same encoding, same BOM', (bom) => {
    const text = 'a\tb\r\nÂ\t4.963\r\n';
    const bytes = utf16le(text, bom);
    const r = patchDelimited(bytes, '\t', [{ row: 1, col: 1, text: '4.693' }]);
    expect(r.ok && Buffer.from(r.bytes).equals(utf16le('a\tb\r\nÂ\t4.693\r\n', bom))).toBe(true);
  });

  it('refuses, naming the cell, when the text does not map back: a quote the scanner does not follow, a field the copy would read otherwise', () => {
    const stray = Buffer.from('a;b\n"1"x;2\n', 'utf8');
    expect(patchDelimited(stray, ';', [{ row: 1, col: 1, text: '4' }])).toEqual({ ok: false, cell: 'B2' });
    // A line break in a new value unquoted would make two records: quoted, it reads back as one.
    const bytes = Buffer.from('a;b\n1;2\n', 'utf8');
    const r = patchDelimited(bytes, ';', [{ row: 1, col: 1, text: '4\n5' }]);
    expect(r.ok && Buffer.from(r.bytes).toString('utf8')).toBe('a;b\n1;"4\n5"\n');
    expect(patchDelimited(bytes, ';', [{ row: 3, col: 0, text: '4' }])).toEqual({ ok: false, cell: 'A4' });
  });

  it('a large UTF-8 text (decoded a piece at a time, as validate reads it): the same bytes as a small one gives, scanned on its bytes', () => {
    const line = (i: number) => `Xã Hòa Bình ${i};${1000 + i};${i % 7},${i % 10}\r\n`;
    const lines = Array.from({ length: 140_000 }, (_, i) => line(i));
    const bytes = Buffer.from('\ufeffTên;Số hộ;Tỷ lệ\r\n' + lines.join(''), 'utf8');
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const r = patchDelimited(bytes, ';', [{ row: 100_001, col: 1, text: '9.999' }, { row: 2, col: 2, text: '1,5' }]);
    lines[100_000] = 'Xã Hòa Bình 100000;9.999;5,0\r\n';
    lines[1] = 'Xã Hòa Bình 1;1001;1,5\r\n';
    expect(r.ok && Buffer.from(r.bytes).equals(Buffer.from('\ufeffTên;Số hộ;Tỷ lệ\r\n' + lines.join(''), 'utf8'))).toBe(true);
  });
});
