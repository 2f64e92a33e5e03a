/**
 * Workbooks: the fixtures LibreOffice made (fixtures/xlsx, scripts/xlsx-fixtures.mjs) and hand-built hostile
 * or unusual archives (test/xlsx-build.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes, readGrid } from '../../src/read/index.js';
import { gridFromWorkbook } from '../../src/read/xlsx.js';
import { DEFAULT_LIMITS, inspectZip } from '../../src/read/zip-guard.js';
import { cellAt, type Grid } from '../../src/read/grid.js';
import { parseA1 } from '../../src/read/grid.js';
import { checkGrid } from '../../src/validate.js';
import { PovcheckError } from '../../src/errors.js';
import { FIXTURES, ROOT } from '../helpers.js';
import { num, sheetXml, str, workbook, workbookParts, zipApi } from '../xlsx-build.js';

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
    expect(grid.source).toEqual({ kind: 'workbook', format: 'xlsx', sheet: 'Phụ lục' });
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
    expect(r.annex.units.map((u) => u.name)).toEqual(['Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const den = r.findings.filter((f) => f.rule === 'denominator');
    expect(den).toHaveLength(8);
    expect(den[0]!.at).toMatchObject({ ref: 'D12', sheet: 'Phụ lục' });
    expect(r.annex.locale).toBe('vi'); // decided by the one number stored as text, "2,65"
  });

  it('the same workbook saved as .xlsm reads the same', async () => {
    const xlsm = await readGrid(X('annex-formatted.xlsm'));
    expect(xlsm.source).toEqual({ kind: 'workbook', format: 'xlsm', sheet: 'Phụ lục' });
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

  it('error values and booleans become text (then a number finding)', async () => {
    const xml = sheetXml([
      [str('A1', 'unit'), str('B1', 'households_start'), str('C1', 'poor_start')],
      [str('A2', 'Tổng'), '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', num('C2', 1)],
    ]);
    const grid = await gridFromWorkbook(workbook([['S', xml]]));
    const b2 = cellAt(grid, 1, 1)!;
    expect(b2.raw).toBe('#DIV/0!');
    expect(checkGrid(grid).findings.find((f) => f.at?.ref === 'B2')).toMatchObject({ rule: 'number' });
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
    expect(err).toMatchObject({ code: 'WORKBOOK_INVALID' });
    expect(String((err as PovcheckError).params && (err as PovcheckError<'WORKBOOK_INVALID'>).params.detail)).toMatch(/more than its header says/);
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

  it('a range of text merged over 250,000 rows: over the cell limit (merges are filled in)', async () => {
    const xml = sheetXml([[str('A1', 'Tiêu đề')]], '<mergeCells count="1"><mergeCell ref="A1:B90000"/><mergeCell ref="C1:C90000"/><mergeCell ref="D1:D90000"/></mergeCells>').replace('</c></row>', '</c>' + str('C1', 'x') + str('D1', 'y') + '</row>');
    expect(await code(gridFromWorkbook(workbook([['S', xml]])))).toBe('WORKBOOK_TOO_LARGE:cells');
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

  it('an OLE file named .xlsx is a password-protected workbook', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await gridFromAnyBytes(ole, { name: 'annex.xlsx' }).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'encrypted' } });
  });
});

describe('exceljs is loaded only for workbooks', () => {
  it('reading a CSV leaves it unloaded; reading an .xlsx loads it', () => {
    const script = (file: string) =>
      `import { readGrid } from ${JSON.stringify(join(ROOT, 'dist', 'read', 'index.js'))};
       import { createRequire } from 'node:module';
       await readGrid(${JSON.stringify(file)});
       const require = createRequire(import.meta.url);
       console.log(Object.keys(require.cache).some((k) => k.includes('exceljs')));`;
    const run = (file: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script(file)], { encoding: 'utf8' }).stdout.trim();
    expect(run(join(FIXTURES, 'tuyen-quang-2020.csv'))).toBe('false');
    expect(run(X('tuyen-quang-2020.xlsx'))).toBe('true');
  });
});
