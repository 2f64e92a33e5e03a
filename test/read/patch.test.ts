/** patchDelimited: cells rewritten in place, every other byte kept; refusal when the text does not map back. */
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { patchDelimited } from '../../src/read/patch.js';

const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

describe('patchDelimited', () => {
  it('rewrites one field, keeping quotes elsewhere, embedded delimiters and line breaks, CRLF', () => {
    const text = 'Chỉ tiêu;"Toàn; tỉnh";Xã A\r\n"Số hộ\r\nnghèo";"1.000";  7 \r\nx;y;z\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const grid = gridFromBytes(bytes);
    const r = patchDelimited(bytes, grid, ';', [{ row: 1, col: 2, text: '8' }, { row: 1, col: 1, text: '1.001' }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.bytes).toString('utf8')).toBe('Chỉ tiêu;"Toàn; tỉnh";Xã A\r\n"Số hộ\r\nnghèo";"1.001";  8 \r\nx;y;z\r\n');
    // The grid it returns is the one the patched bytes read as.
    if (r.ok) expect(r.grid.rows).toEqual(gridFromBytes(r.bytes, { delimiter: ';' }).rows);
  });

  it('quotes a new value that holds the delimiter', () => {
    const bytes = Buffer.from('a,b\n1,4963\n', 'utf8');
    const r = patchDelimited(bytes, gridFromBytes(bytes), ',', [{ row: 1, col: 1, text: '4,693' }]);
    expect(r.ok && Buffer.from(r.bytes).toString('utf8')).toBe('a,b\n1,"4,693"\n');
  });

  it.each([true, false])('UTF-16LE (BOM: %s): same encoding, same BOM', (bom) => {
    const text = 'a\tb\r\nÂ\t4.963\r\n';
    const bytes = utf16le(text, bom);
    const r = patchDelimited(bytes, gridFromBytes(bytes), '\t', [{ row: 1, col: 1, text: '4.693' }]);
    expect(r.ok && Buffer.from(r.bytes).equals(utf16le('a\tb\r\nÂ\t4.693\r\n', bom))).toBe(true);
  });

  it('refuses when the grid is not what the file reads as', () => {
    const bytes = Buffer.from('a;b\n1;2\n', 'utf8');
    const grid = gridFromBytes(Buffer.from('a;b\n1;3\n', 'utf8'));
    expect(patchDelimited(bytes, grid, ';', [{ row: 1, col: 1, text: '4' }])).toEqual({ ok: false, cell: 'B2' });
  });
});
