/**
 * The xlsx and docx povcheck writes stay well-formed XML whatever the names hold (issue 13, item 9), and
 * povcheck reads its own xlsx back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/render/safe-text.js';
import { streamXml } from '../../src/read/xml-stream.js';
import { readGrid } from '../../src/read/index.js';
import { cli, fixtures } from '../helpers.js';
import { unzip } from '../zip.js';

const NAMES = ['Toàn tỉnh', 'Xã\u0001A', 'Xã B\uffff', 'Xã\ufffeC', 'Xã\u000bD', 'Xã E\u0008', 'Na Hang', 'Lâm Bình'];

describe('documentText', () => {
  it.each([
    ['a\u0000b\u001fc', 'abc'],
    ['\ufffe\uffff', ''],
    ['x\ud800y', 'xy'],
    ['x\udc00', 'x'],
    ['😀 \t\n\r Sơn Dương', '😀 \t\n\r Sơn Dương'],
  ])('%j → %j', (raw, safe) => expect(documentText(raw)).toBe(safe));
});

describe('table --format xlsx / docx with names XML cannot hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-xmlsafe-'));
  const input = join(dir, 'names.csv');
  writeFileSync(input, fixtures.serialize(fixtures.wideRecords(fixtures.SEED, { units: NAMES }), { delimiter: ';' }));
  const wellFormed = (xml: Buffer) => expect(() => streamXml(xml, {})).not.toThrow();

  it('xlsx: every part is well-formed, and povcheck reads its own file back', async () => {
    const out = join(dir, 'annex.xlsx');
    const r = await cli(['table', input, '--format', 'xlsx', '-o', out, '--title', 'Phụ lục\u0002 \uffff']);
    expect(r.code, r.stderr).toBe(0);
    for (const [name, data] of unzip(readFileSync(out))) if (name.endsWith('.xml')) wellFormed(data);
    const grid = await readGrid(out);
    const texts = grid.rows.flat().map((c) => c?.raw);
    expect(texts).toEqual(expect.arrayContaining(['XãA', 'Xã B', 'XãC']));
    const v = await cli(['validate', out, '--format', 'json']);
    expect(v.code).toBeLessThan(2);
  });

  it('docx: document.xml is well-formed', async () => {
    const out = join(dir, 'annex.docx');
    const r = await cli(['table', input, '--format', 'docx', '-o', out, '--title', 'Phụ lục\u0002']);
    expect(r.code, r.stderr).toBe(0);
    const parts = unzip(readFileSync(out));
    for (const [name, data] of parts) if (name.endsWith('.xml')) wellFormed(data);
    expect(parts.get('word/document.xml')!.toString()).toContain('XãA');
  });
});
