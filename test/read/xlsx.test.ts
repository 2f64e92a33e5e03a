/**
 * Workbooks: the fixtures LibreOffice made (fixtures/xlsx, scripts/xlsx-fixtures.mjs) and hand-built hostile
 * or unusual archives (test/xlsx-build.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes, readGrid, readInput } from '../../src/read/index.js';
import { gridFromWorkbook } from '../../src/read/xlsx.js';
import { DEFAULT_LIMITS, inspectZip } from '../../src/read/zip-guard.js';
import { cellAt, type Grid, parseA1 } from '../../src/model/grid.js';
import { checkGrid } from '../../src/check-grid.js';
import { PovcheckError } from '../../src/errors.js';
import { FIXTURES, ROOT } from '../helpers.js';
import { num, sharedStrings, sheetXml, str, styles, workbook, workbookParts, zipApi } from '../xlsx-build.js';
import { compoundFile } from './xls-writer.js';

const X = (name: string) => join(FIXTURES, 'xlsx', name);
const at = (grid: Grid, ref: string) => {
  const p = parseA1(ref)!;
  return cellAt(grid, p.row, p.col);
};
async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof PovcheckError) return `${e.code}${'what' in e.params ? `:${String(e.params.what)}` : ''}`;
    throw e;
  }
}

describe('the annex as staff build it (annex-formatted.xlsx, saved by LibreOffice)', async () => {
  const grid = await readGrid(X('annex-formatted.xlsx'));

  it('reads the first sheet, and every cell carries its name', () => {
    expect(grid.source).toEqual({ kind: 'workbook', format: 'xlsx', sheet: 'Phụ lục', others: ['Bản nháp'] });
    expect(at(grid, 'I7')).toMatchObject({ ref: 'I7', sheet: 'Phụ lục', numeric: '5511' });
  });

  it('takes a number at the precision its format shows: 9.739999999999 under 0.00 is 9.74', () => {
    expect(at(grid, 'D13')).toMatchObject({ raw: '9.74', numeric: '9.74' });
    expect(at(grid, 'J12')).toMatchObject({ numeric: '4.00' });
  });

  it('keeps formulas with their cached result', () => {
    expect(at(grid, 'D5')).toMatchObject({ numeric: '210299', formula: 'SUM(E5:K5)' });
    expect(at(grid, 'I9')).toMatchObject({ numeric: '4693', formula: 'I7-I8' });
    expect(at(grid, 'E11')).toMatchObject({ numeric: '9.31', formula: 'ROUND(E7/E5*100,2)' });
  });

  it('leaves a number stored as text as text, for the locale parser', () => {
    const h12 = at(grid, 'H12')!;
    expect(h12.raw).toBe('2,65');
    expect(h12.numeric).toBeUndefined();
  });

  it('repeats the text of a cell merged over rows down the range, under the merged cell\'s reference', () => {
    expect(at(grid, 'D3')).toMatchObject({ raw: 'Toàn tỉnh', ref: 'D3' });
    expect(cellAt(grid, 3, 3)).toMatchObject({ raw: 'Toàn tỉnh', ref: 'D3', row: 3, col: 3 });
    expect(cellAt(grid, 3, 0)).toMatchObject({ raw: 'STT', ref: 'A3' });
    // Merged across columns only (title, "Chia ra", the rate heading over B:C): first cell only, as in a CSV export.
    expect(at(grid, 'E3')).toMatchObject({ raw: 'Chia ra' });
    expect(cellAt(grid, 2, 10)).toBeUndefined();
    expect(cellAt(grid, 0, 5)).toBeUndefined();
    expect(cellAt(grid, 9, 2)).toBeUndefined();
  });

  it('validates with the seed\'s findings: 0 errors, the 8 denominator warnings, at this sheet\'s cells', () => {
    const r = checkGrid(grid);
    expect(r.annex.total?.name).toBe('Toàn tỉnh');
    expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const den = r.findings.filter((f) => f.rule === 'denominator');
    expect(den).toHaveLength(8);
    expect(den[0]!.at).toMatchObject({ ref: 'D12', sheet: 'Phụ lục' });
    expect(r.annex.locale).toBe('vi'); // decided by the one number stored as text, "2,65"
  });

  it('the same workbook saved as .xlsm reads the same', async () => {
    const xlsm = await readGrid(X('annex-formatted.xlsm'));
    expect(xlsm.source).toEqual({ kind: 'workbook', format: 'xlsm', sheet: 'Phụ lục', others: ['Bản nháp'] });
    expect(checkGrid(xlsm).findings.map((f) => `${f.rule}@${f.at?.ref}`)).toEqual(checkGrid(grid).findings.map((f) => `${f.rule}@${f.at?.ref}`));
  });
});

describe('--sheet', () => {
  const bytes = readFileSync(X('annex-formatted.xlsx'));
  it.each([['Bản nháp'], ['2'], ['ban nhap'], ['BẢN NHÁP']])('%s picks the second sheet', async (sheet) => {
    const grid = await gridFromWorkbook(bytes, { sheet });
    expect(grid.sheet).toBe('Bản nháp');
    const flow = checkGrid(grid).findings.find((f) => f.rule === 'flow')!;
    expect(flow).toMatchObject({ unit: 'Chiêm Hóa', at: { ref: 'F7', sheet: 'Bản nháp' }, expected: '4693', actual: '4963' });
  });

  it('a sheet that does not exist is refused with the sheets there are', async () => {
    const err = await gridFromWorkbook(bytes, { sheet: 'Năm 2019' }).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'SHEET_NOT_FOUND', params: { sheet: 'Năm 2019', available: ['Phụ lục', 'Bản nháp'] } });
    expect(await code(gridFromWorkbook(bytes, { sheet: '3' }))).toBe('SHEET_NOT_FOUND');
  });
});

describe('a formula without a cached result', () => {
  it('is a missing finding at its cell, naming the formula, and the checks that need it are skipped', async () => {
    const r = checkGrid(await readGrid(X('formula-no-cache.xlsx')));
    const f = r.findings.find((x) => x.at?.ref === 'D5')!;
    expect(f).toMatchObject({ rule: 'missing', severity: 'error', unit: 'Toàn tỉnh', indicator: 'households_start', msg: { id: 'missing.formula', params: { formula: 'SUM(E5:K5)' } } });
    expect(r.skipped.map((s) => `${s.rule} ${s.unit}`)).toEqual(expect.arrayContaining(['sum Toàn tỉnh', 'rate Toàn tỉnh']));
  });
});

describe('hand-built workbooks', () => {
  it('Excel\'s shared formulas keep their (translated) text and cached values', async () => {
    const xml = sheetXml([
      [str('A1', 'unit'), str('B1', 'poor_start'), str('C1', 'poor_reduced'), str('D1', 'poor_end')],
      [str('A2', 'Toàn tỉnh'), num('B2', 30), num('C2', 5), '<c r="D2"><f>B2-C2</f><v>25</v></c>'],
      [str('A3', 'Xã A'), num('B3', 10), num('C3', 2), '<c r="D3"><f t="shared" ref="D3:D4" si="0">B3-C3</f><v>8</v></c>'],
      [str('A4', 'Xã B'), num('B4', 20), num('C4', 3), '<c r="D4"><f t="shared" si="0"/><v>17</v></c>'],
    ]);
    const grid = await gridFromWorkbook(workbook([['Sheet1', xml]]));
    expect(cellAt(grid, 3, 3)).toMatchObject({ numeric: '17', formula: 'B4-C4' });
    expect(checkGrid(grid).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a merged number is not repeated (it would be counted twice)', async () => {
    const xml = sheetXml([[str('A1', 'x'), num('B1', 5)]], '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>');
    const grid = await gridFromWorkbook(workbook([['S', xml]]));
    expect(cellAt(grid, 0, 1)).toMatchObject({ numeric: '5' });
    expect(cellAt(grid, 0, 2)).toBeUndefined();
  });

  it('error values and booleans become text (then a number finding naming the error and its formula)', async () => {
    const xml = sheetXml([
      [str('A1', 'unit'), str('B1', 'households_start'), str('C1', 'poor_start')],
      [str('A2', 'Tổng'), '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', num('C2', 1)],
    ]);
    const grid = await gridFromWorkbook(workbook([['S', xml]]));
    const b2 = cellAt(grid, 1, 1)!;
    expect(b2.raw).toBe('#DIV/0!');
    expect(checkGrid(grid).findings.find((f) => f.at?.ref === 'B2')).toMatchObject({ rule: 'number', msg: { id: 'number.spreadsheet-error', params: { text: '#DIV/0!', kind: '#DIV/0!', formula: '1/0' } } });
  });
});

describe('hostile workbooks stop with a reason, before anything big is unpacked', () => {
  it('a zip bomb with honest sizes (150 MB of zeros in a few KB): over the unpacked-size limit', async () => {
    const bytes = zipApi.writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', zipApi.zeroBomb(150)]]);
    expect(bytes.length).toBeLessThan(400_000);
    expect(await code(gridFromWorkbook(bytes))).toBe('WORKBOOK_TOO_LARGE:uncompressed');
  });

  it('a zip bomb that lies about its size (1 GB declared as 1 KB): stopped at the declared size', async () => {
    const bomb = zipApi.zeroBomb(1024);
    const bytes = zipApi.writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', { raw: bomb.raw, size: 1024 }]]);
    const before = process.memoryUsage().rss;
    const err = await gridFromWorkbook(bytes).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-larger', part: 'xl/worksheets/sheet1.xml' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('an enormous sheet (250,000 cells, small on disk): over the cell limit', async () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 50 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>1</v></c>`).join('')}</row>`;
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 5000 }, (_, r) => row(r + 1)).join('')}</sheetData></worksheet>`;
    const bytes = workbook([['S', xml]]);
    expect(inspectZip(bytes, { ...DEFAULT_LIMITS, maxCells: 1_000_000 }).cells).toBe(250_000);
    expect(await code(gridFromWorkbook(bytes))).toBe('WORKBOOK_TOO_LARGE:cells');
  });

  it('a value far outside any table (XFD1048576): refused, naming the cell', async () => {
    const xml = sheetXml([[str('A1', 'unit')]]).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    const err = await gridFromWorkbook(workbook([['S', xml]])).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'range', cell: 'S!XFD1048576' } });
  });

  it('a range of text merged over 90,000 rows past the content costs nothing: the range stays on its first cell', async () => {
    const xml = sheetXml([[str('A1', 'Tiêu đề')]], '<mergeCells count="1"><mergeCell ref="A1:B90000"/><mergeCell ref="C1:C90000"/><mergeCell ref="D1:D90000"/></mergeCells>').replace('</c></row>', '</c>' + str('C1', 'x') + str('D1', 'y') + '</row>');
    const grid = await gridFromWorkbook(workbook([['S', xml]]));
    expect(grid.rows).toHaveLength(1);
    expect(cellAt(grid, 0, 0)).toMatchObject({ raw: 'Tiêu đề', merge: { rows: 1, cols: 2 } });
    expect(cellAt(grid, 0, 2)).toMatchObject({ raw: 'x' });
    expect(cellAt(grid, 0, 2)!.merge).toBeUndefined();
  });

  it('text merged down rows of content is repeated, and the repeats count against the cell limit', async () => {
    const rows = Array.from({ length: 30 }, (_, r) => (r === 0 ? [str('A1', 'Nhóm'), num('B1', 1)] : [num(`B${r + 1}`, r)]));
    const xml = sheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:A30"/></mergeCells>');
    const grid = await gridFromWorkbook(workbook([['S', xml]]));
    expect(cellAt(grid, 29, 0)).toMatchObject({ raw: 'Nhóm', ref: 'A1', row: 29 });
    expect(cellAt(grid, 0, 0)).toMatchObject({ merge: { rows: 30, cols: 1 } });
    expect(await code(gridFromWorkbook(workbook([['S', xml]]), { limits: { ...DEFAULT_LIMITS, maxCells: 45 } }))).toBe('WORKBOOK_TOO_LARGE:cells');
  });

  it('the built binary stops a bomb with exit 2 and one line, within 200 MB of heap', () => {
    const bomb = zipApi.zeroBomb(2048);
    const bytes = zipApi.writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', { raw: bomb.raw, size: 2048 }]]);
    const path = join(mkdtempSync(join(tmpdir(), 'povcheck-bomb-')), 'bomb.xlsx');
    writeFileSync(path, bytes);
    const r = spawnSync(process.execPath, ['--max-old-space-size=200', join(ROOT, 'bin', 'povcheck.js'), 'validate', path, '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    rmSync(path, { force: true });
    expect(r.status).toBe(2);
    expect((r.stdout + r.stderr).trim().split('\n')).toHaveLength(1);
    expect(r.stdout + r.stderr).toMatch(/not a readable Excel workbook: ZIP part xl\/worksheets\/sheet1\.xml unpacks to more than its header says/);
  });
});

describe('other containers and damaged files', () => {
  const named = async (names: string[]) => {
    const bytes = zipApi.writeZip(names.map((n): [string, Buffer] => [n, Buffer.from('x')]));
    return code(gridFromAnyBytes(bytes));
  };
  it('names what a ZIP is when it is not an Excel workbook', async () => {
    expect(await named(['mimetype', 'content.xml'])).toBe('FILE_BINARY');
    const err = await gridFromAnyBytes(zipApi.writeZip([['xl/workbook.bin', Buffer.from('x')]])).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'xlsb' } });
    const docx = await gridFromAnyBytes(zipApi.writeZip([['word/document.xml', Buffer.from('x')]])).catch((e: PovcheckError) => e);
    expect(docx).toMatchObject({ params: { kind: 'docx' } });
  });

  it('a workbook cut short is WORKBOOK_INVALID', async () => {
    const bytes = readFileSync(X('tuyen-quang-2020.xlsx'));
    expect(await code(gridFromAnyBytes(bytes.subarray(0, bytes.length - 100)))).toBe('WORKBOOK_INVALID');
  });

  it('an OLE file named .xlsx is a password-protected workbook when it holds an EncryptedPackage, else an .xls renamed (read as one)', async () => {
    const encrypted = compoundFile({ EncryptedInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(5000) });
    expect(await gridFromAnyBytes(encrypted, { name: 'annex.xlsx' }).catch((e: PovcheckError) => e)).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'encrypted' } });
    const renamed = readFileSync(join(FIXTURES, 'xls', 'poor-end-transposed.xls'));
    expect((await gridFromAnyBytes(renamed, { name: 'annex.xlsx' })).source).toMatchObject({ kind: 'workbook', format: 'xls', sheet: 'poor-end-transposed' });
  });

  it('a ZIP archive named .docx without a Word document in it is a damaged document, not "no Excel workbook"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-nodoc-'));
    const file = join(dir, 'plan.docx');
    writeFileSync(file, zipApi.writeZip([['readme.txt', Buffer.from('hello')]]));
    expect(await readInput(file).catch((e: PovcheckError) => e)).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'docx-damaged' }, file });
    rmSync(dir, { recursive: true });
  });

  it('binary data named .xlsx or .docx that is no ZIP archive is said to be no workbook, not "not a CSV"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-notzip-'));
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    for (const name of ['annex.xlsx', 'plan.docx']) {
      writeFileSync(join(dir, name), junk);
      const err = await readGrid(join(dir, name)).catch((e: PovcheckError) => e);
      expect(err).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'not-zip' }, file: join(dir, name) });
    }
    writeFileSync(join(dir, 'annex.csv'), junk);
    expect(await readGrid(join(dir, 'annex.csv')).catch((e: PovcheckError) => e)).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'binary' } });
    rmSync(dir, { recursive: true });
  });
});

describe('the XML parser is loaded only for workbooks, and exceljs never for reading', () => {
  it('reading a CSV loads neither; reading an .xlsx loads saxes, not exceljs', () => {
    const script = (file: string) =>
      `import { readGrid } from ${JSON.stringify(join(ROOT, 'dist', 'read', 'index.js'))};
       import { createRequire } from 'node:module';
       await readGrid(${JSON.stringify(file)});
       const require = createRequire(import.meta.url);
       const loaded = Object.keys(require.cache);
       console.log(['saxes', 'exceljs'].map((p) => loaded.some((k) => k.includes('node_modules/' + p + '/'))).join(' '));`;
    const run = (file: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script(file)], { encoding: 'utf8' }).stdout.trim();
    expect(run(join(FIXTURES, 'tuyen-quang-2020.csv'))).toBe('false false');
    expect(run(X('tuyen-quang-2020.xlsx'))).toBe('true false');
  });
});

describe('a workbook costs what its cells cost, whatever it declares (issue 13, items 1–3)', () => {
  const header = [[str('A1', 'unit'), str('B1', 'poor_start'), str('C1', 'poor_end')], [str('A2', 'Toàn tỉnh'), num('B2', 30), num('C2', 25)]];
  /** The built binary on `bytes` under a 100 MB heap: exit code and output (a crash is a non-0/1/2 code). */
  const runSmallHeap = (bytes: Buffer, args: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-xlsx-'));
    const path = join(dir, 'hostile.xlsx');
    writeFileSync(path, bytes);
    const r = spawnSync(process.execPath, ['--max-old-space-size=100', join(ROOT, 'bin', 'povcheck.js'), 'validate', path, '--lang', 'en', '--no-table', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    rmSync(dir, { recursive: true, force: true });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('one merged range over the whole sheet (M1:XFD1048576) is a range, not 17 billion cells', async () => {
    const xml = sheetXml([...header, [str('A3', 'Xã A'), num('B3', 30), num('C3', 25), str('M3', 'ghi chú')]], '<mergeCells count="1"><mergeCell ref="M3:XFD1048576"/></mergeCells>');
    const bytes = workbook([['S', xml]]);
    expect(bytes.length).toBeLessThan(6_000);
    const grid = await gridFromWorkbook(bytes);
    expect(cellAt(grid, 2, 12)).toMatchObject({ raw: 'ghi chú' });
    expect(grid.rows).toHaveLength(3);
    const r = runSmallHeap(bytes);
    expect(r.code, r.out).toBe(0); // read and checked (warnings only), no crash
  });

  it('a defined name over the whole sheet is ignored', async () => {
    const rows = [...header, [str('A3', 'Xã A'), num('B3', 30), num('C3', 25)]];
    const bytes = workbook([['S', sheetXml(rows)]], { workbookExtra: `<definedNames><definedName name="all">'S'!$A$1:$XFD$1048576</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A:$XFD</definedName></definedNames>` });
    const grid = await gridFromWorkbook(bytes);
    expect(grid.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(runSmallHeap(bytes).code).toBe(0);
  });

  it('16,000 merges are read as ranges; more than 20,000 are refused with the reason', async () => {
    const rows = Array.from({ length: 16_000 }, (_, r) => [str(`A${r + 1}`, 't'), num(`B${r + 1}`, r)]);
    const merges = (n: number) => `<mergeCells count="${n}">${Array.from({ length: n }, (_, r) => `<mergeCell ref="C${r + 1}:D${r + 1}"/>`).join('')}</mergeCells>`;
    const grid = await gridFromWorkbook(workbook([['S', sheetXml(rows, merges(16_000))]]));
    expect(grid.rows).toHaveLength(16_000);
    const many = workbook([['S', sheetXml(rows.slice(0, 10), merges(150_000))]]);
    const err = await gridFromWorkbook(many).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'merges', limit: 20_000 } });
    const r = runSmallHeap(many);
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/more than 20,000 merged ranges/);
  });

  it('a 50-million-character shared string is refused before it is built', async () => {
    const bytes = workbook([['S', sheetXml([[str('A1', 'unit'), '<c r="B1" t="s"><v>0</v></c>']])]], { parts: [['xl/sharedStrings.xml', sharedStrings([`<t>${'x'.repeat(50_000_000)}</t>`])]] });
    expect(bytes.length).toBeLessThan(200_000);
    const err = await gridFromWorkbook(bytes).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'text', part: 'xl/sharedStrings.xml', limit: 32_767 } });
    const r = runSmallHeap(bytes);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/xl\/sharedStrings\.xml holds a text longer than 32,767 characters/);
  });

  it('limits on sheets, shared strings, their total length, XML depth; a DOCTYPE is refused', async () => {
    const lim = (l: Partial<typeof DEFAULT_LIMITS>) => ({ limits: { ...DEFAULT_LIMITS, ...l } });
    const three = workbook([['A', sheetXml(header)], ['B', sheetXml(header)], ['C', sheetXml(header)]]);
    expect(await code(gridFromWorkbook(three, lim({ maxSheets: 2 })))).toBe('WORKBOOK_TOO_LARGE:sheets');
    const ss = workbook([['S', sheetXml(header)]], { parts: [['xl/sharedStrings.xml', sharedStrings(['<t>một</t>', '<t>hai</t>', '<t>ba</t>'])]] });
    expect(await code(gridFromWorkbook(ss, lim({ maxStrings: 2 })))).toBe('WORKBOOK_TOO_LARGE:strings');
    expect(await code(gridFromWorkbook(ss, lim({ maxStringChars: 7 })))).toBe('WORKBOOK_TOO_LARGE:string-chars');
    const deep = sheetXml(header).replace('</sheetData>', `</sheetData>${'<x>'.repeat(1000)}${'</x>'.repeat(1000)}`);
    expect(await code(gridFromWorkbook(workbook([['S', deep]])))).toBe('WORKBOOK_TOO_LARGE:depth');
    const doctype = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` + sheetXml(header).replace(/^<\?xml[^>]*>/, '').replace('Toàn tỉnh', '&lol2;');
    const err = await gridFromWorkbook(workbook([['S', doctype]])).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_INVALID', params: { part: 'xl/worksheets/sheet1.xml', xml: 'doctype' } });
  });

  it('a sheet part outside xl/worksheets is still held to the cell limit', async () => {
    const bytes = zipApi.writeZip(
      workbookParts([['S', '']])
        .map(([n, d]): [string, Buffer] => [n, n === 'xl/_rels/workbook.xml.rels' ? Buffer.from(d.toString().replace('worksheets/sheet1.xml', 'elsewhere/big.xml')) : d])
        .concat([['xl/elsewhere/big.xml', Buffer.from(sheetXml(Array.from({ length: 100 }, (_, r) => [num(`A${r + 1}`, r), num(`B${r + 1}`, r)])))]]),
    );
    expect((await gridFromWorkbook(bytes)).rows).toHaveLength(100);
    expect(await code(gridFromWorkbook(bytes, { limits: { ...DEFAULT_LIMITS, maxCells: 150 } }))).toBe('WORKBOOK_TOO_LARGE:cells');
  });

  it('reads what spreadsheets write: shared strings (rich text, phonetic runs left out, _x000D_), styles, dates, booleans, prefixes', async () => {
    const strings = sharedStrings(['<t>Toàn tỉnh</t>', '<r><t>Xã </t></r><r><rPr><b/></rPr><t>A</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh>', '<t>dòng_x000D_hai</t>']);
    const st = styles([[164, '0.0'], [165, 'dd/mm/yyyy'], [166, '#,##0" hộ"']], [0, 164, 165, 166, 10, 14]);
    const xml = sheetXml([
      ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>', '<c r="C1" t="s"><v>2</v></c>'],
      ['<c r="A2" s="1"><v>9.75</v></c>', '<c r="B2" s="2"><v>43831</v></c>', '<c r="C2" s="3"><v>210299</v></c>', '<c r="D2" s="4"><v>0.0974</v></c>', '<c r="E2" s="5"><v>43831</v></c>'],
      ['<c r="A3" t="b"><v>1</v></c>', '<c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>', '<c r="C3" t="d"><v>2020-01-01T00:00:00</v></c>', '<c r="D3" s="0"/>'],
    ]).replace(/<(\/?)(worksheet|sheetData|row|c|v|f)([ >])/g, '<$1x:$2$3').replace('xmlns=', 'xmlns:x=');
    const grid = await gridFromWorkbook(workbook([['S', xml]], { parts: [['xl/sharedStrings.xml', strings], ['xl/styles.xml', st]] }));
    const raw = (ref: string) => at(grid, ref)?.raw;
    expect([raw('A1'), raw('B1'), raw('C1')]).toEqual(['Toàn tỉnh', 'Xã A', 'dòng\rhai']);
    expect(at(grid, 'A2')).toMatchObject({ raw: '9.8', numeric: '9.8' });
    expect([raw('B2'), raw('E2')]).toEqual(['2020-01-01', '2020-01-01']);
    expect(at(grid, 'C2')).toMatchObject({ numeric: '210299' });
    expect(at(grid, 'D2')).toMatchObject({ raw: '9.74%', numeric: '9.74' });
    expect([raw('A3'), raw('C3')]).toEqual(['TRUE', '2020-01-01']);
    expect(at(grid, 'B3')).toMatchObject({ raw: 'ab', formula: '"a"&"b"' });
    expect(at(grid, 'D3')).toBeUndefined();
  });

  it('a date shown as its year only (`yyyy`, `"Năm "yyyy`) is read as that year: a column of years typed as dates (helper-89\'s x4)', async () => {
    const st = styles([[164, 'yyyy'], [165, '"Năm "yyyy'], [166, 'dd/mm/yyyy']], [0, 164, 165, 166]);
    // 43465 is 31/12/2018.
    const xml = sheetXml([['<c r="A1" s="1"><v>43465</v></c>', '<c r="B1" s="2"><v>43465</v></c>', '<c r="C1" s="3"><v>43465</v></c>']]);
    const grid = await gridFromWorkbook(workbook([['S', xml]], { parts: [['xl/styles.xml', st]] }));
    expect(['A1', 'B1', 'C1'].map((r) => at(grid, r)?.raw)).toEqual(['2018', 'Năm 2018', '2018-12-31']);
  });

  it('a cell that names a shared string the workbook lacks is refused with the cell', async () => {
    const err = await gridFromWorkbook(workbook([['S', sheetXml([['<c r="B7" t="s"><v>5</v></c>']])]])).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'WORKBOOK_INVALID' });
    expect(String((err as PovcheckError<'WORKBOOK_INVALID'>).params && JSON.stringify((err as PovcheckError).params))).toMatch(/B7/);
  });
});

describe('a reference no worksheet has (past XFD or row 1,048,576, row 0, no reference) is refused, naming the sheet and the reference', () => {
  const refused = (xml: string) => gridFromWorkbook(workbook([['Phụ lục', xml]])).catch((e: unknown) => e);
  const damage = (kind: string, ref: string) => ({ code: 'WORKBOOK_INVALID', params: { damage: kind, sheet: 'Phụ lục', ref } });
  const withRow = (row: string) => sheetXml([[str('A1', 'unit'), str('B1', 'poor_start')], [str('A2', 'Toàn tỉnh'), num('B2', 30)]]).replace('</sheetData>', `${row}</sheetData>`);

  it('a cell, with content or without: never placed beside the cell before it, nor dropped', async () => {
    for (const ref of ['ZZZZ20', 'A0', 'XFE3', 'A1048577', 'B-3', '3B', '']) {
      expect(await refused(withRow(`<row r="3"><c r="${ref}"><v>7</v></c></row>`))).toMatchObject(damage('cell-ref', ref));
      expect(await refused(withRow(`<row r="3"><c r="${ref}"/></row>`))).toMatchObject(damage('cell-ref', ref));
    }
  });

  it('a long reference is named by its first 40 characters', async () => {
    const ref = `${'Z'.repeat(60)}20`;
    expect(await refused(withRow(`<row r="3"><c r="${ref}"><v>7</v></c></row>`))).toMatchObject(damage('cell-ref', `${'Z'.repeat(40)}…`));
  });

  it('a row', async () => {
    for (const r of ['0', '1048577', 'x', '-2', '2.5']) expect(await refused(withRow(`<row r="${r}"><c><v>7</v></c></row>`))).toMatchObject(damage('row-ref', r));
  });

  it('a merged range, and hidden columns', async () => {
    for (const ref of ['A0:B1', 'A1:XFE2', 'A1:B2:C3', 'A']) {
      expect(await refused(withRow('').replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`))).toMatchObject(damage('merge-ref', ref));
    }
    for (const [min, max] of [['0', '2'], ['3', '16385'], ['x', '2']]) {
      expect(await refused(withRow('').replace('<sheetData>', `<cols><col min="${min}" max="${max}" hidden="1"/></cols><sheetData>`))).toMatchObject(damage('col-ref', `${min}:${max}`));
    }
  });

  it('the extremes of a worksheet are read as before: XFD1048576, a row without r, a merge and hidden columns up to the last', async () => {
    const xml = withRow('<row><c><v>5</v></c></row>').replace('<sheetData>', '<cols><col min="5" max="16384" hidden="1"/></cols><sheetData>');
    const grid = await gridFromWorkbook(workbook([['S', `${xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="D1:XFD1048576"/></mergeCells>')}`]]));
    expect(at(grid, 'A3')).toMatchObject({ raw: '5' });
    const far = sheetXml([[str('A1', 'unit')]]).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    expect(await code(gridFromWorkbook(workbook([['S', far]])))).toBe('WORKBOOK_TOO_LARGE:range');
  });
});

describe('a cell whose reference is not in its row (<c r="B7"> in <row r="5">) is refused, naming the sheet, the cell and the row', () => {
  const refused = (xml: string) => gridFromWorkbook(workbook([['Phụ lục', xml]])).catch((e: unknown) => e);
  /** The annex's last row (row 4: Xã B) with `cells` instead of its own. */
  const lastRow = (cells: string) => sheetXml([[str('A1', 'unit'), str('B1', 'poor_end')], [str('A2', 'Toàn tỉnh'), num('B2', 25)], [str('A3', 'Xã A'), num('B3', 8)]]).replace('</sheetData>', `<row r="4">${cells}</row></sheetData>`);
  const cellRow = (ref: string, row: number) => ({ code: 'WORKBOOK_INVALID', params: { damage: 'cell-row', sheet: 'Phụ lục', ref, row } });

  it('a cell further down (LibreOffice puts it at its reference, a reader that goes by rows in the row): never placed either way', async () => {
    expect(await refused(lastRow(`${str('A4', 'Xã B')}${num('B7', 17)}`))).toMatchObject(cellRow('B7', 4));
  });

  it('a cell of a row above, which would overwrite or fill that row\'s cell', async () => {
    expect(await refused(lastRow(`${num('B3', 99)}${str('A4', 'Xã B')}${num('B4', 17)}`))).toMatchObject(cellRow('B3', 4));
    expect(await refused(lastRow(`<c r="C2"/>${str('A4', 'Xã B')}`))).toMatchObject(cellRow('C2', 4));
  });

  it('a cell without r, and a row without r whose cells name their row, read as before', async () => {
    const grid = await gridFromWorkbook(workbook([['S', lastRow(`${str('A4', 'Xã B')}<c><v>17</v></c>`).replace('</sheetData>', `<row>${num('B6', 3)}</row></sheetData>`)]]));
    expect([at(grid, 'B4')?.raw, at(grid, 'B6')?.raw]).toEqual(['17', '3']);
  });
});

describe('hidden columns, whatever the reader', () => {
  // A hang guard, not a timing: the former loop asked every span for every column of every row (30,000 × 1,000 × 1,000).
  it('a sheet of many rows, each with a cell far right, under a thousand hidden spans costs what its cells cost', async () => {
    const { withoutHidden } = await import('../../src/read/xlsx.js');
    const rows = Array.from({ length: 30_000 }, (_, r) => {
      const row: Grid['rows'][number] = [];
      row[999] = { raw: 'x', ref: `ALK${r + 1}`, row: r, col: 999 };
      return row;
    });
    const spans = Array.from({ length: 1_000 }, (_, k) => ({ min: k * 2, max: k * 2 }));
    expect(withoutHidden(rows, new Set(), spans)).toBeUndefined();
    expect(withoutHidden(rows, new Set(), [...spans, { min: 999, max: 999 }])).toEqual({ rows: [], cols: ['ALL'] });
    expect(rows.every((r) => r[999] === undefined)).toBe(true);
  }, 60_000);
});
