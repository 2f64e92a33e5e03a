/**
 * Excel 2003's "XML Spreadsheet" (read/xml-spreadsheet.ts). Fixtures: the seed written as Excel 2003 writes it (R1C1
 * formulas, styles with number formats and a parent, a two-row merged header, a hidden helper row, a hidden sheet
 * first), which LibreOffice 7.4 reads as the same grid cell by cell; LibreOffice's own exports of two workbook
 * fixtures (OpenFormula formulas, covered cells left out), read as their workbooks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../src/check-grid.js';
import type { PovcheckError } from '../../src/errors.js';
import type { Grid } from '../../src/model/grid.js';
import { gridFromAnyBytes, gridFromBytes } from '../../src/read/index.js';
import { a1FromExcel2003, gridFromXmlSpreadsheet } from '../../src/read/xml-spreadsheet.js';
import { DEFAULT_LIMITS } from '../../src/read/zip-guard.js';
import { cli, essence, FIXTURES } from '../helpers.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const cellAt = (g: Grid, ref: string) => g.rows.flat().find((c) => c?.ref === ref);
const essentials = (g: Grid) => ({ rows: g.rows.map((r) => Array.from(r ?? [], (c) => (c ? [c.ref, c.raw, c.numeric, c.formula, c.merge] : null))), sheet: g.sheet });

describe('Excel 2003 XML Spreadsheets', () => {
  it('the seed as Excel 2003 writes it: the seed\'s findings; formulas in A1 form; the header\'s second row after its merged cells; hidden row and sheet', async () => {
    const g = await gridFromAnyBytes(fixture('xml2003/tuyen-quang-2020-excel2003.xml'), { sheet: 'Phụ lục' });
    expect(g.source).toMatchObject({ kind: 'workbook', format: 'xml2003', sheet: 'Phụ lục', hidden: { rows: [13], cols: [] }, others: ['Ghi chú'] });
    expect(checkGrid(g).findings.map(essence)).toEqual(checkGrid(gridFromBytes(fixture('tuyen-quang-2020.csv'))).findings.map(essence));
    expect(cellAt(g, 'D4')).toMatchObject({ raw: '210299', numeric: '210299', formula: 'SUM(E4:K4)' });
    expect(cellAt(g, 'E8')).toMatchObject({ raw: '3657', formula: 'E6-E7' });
    expect(cellAt(g, 'E10')).toMatchObject({ raw: '9.31', formula: 'ROUND(E6/E4*100,2)' });
    expect(cellAt(g, 'D12')).toMatchObject({ raw: '9.74', numeric: '9.74' });
    expect(g.rows[2]!.slice(4, 11).map((c) => c?.raw)).toEqual(['Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình']);
    expect(cellAt(g, 'E2')).toMatchObject({ raw: 'Chia ra', merge: { rows: 1, cols: 7 } });
  });

  it('a folder run checks an .xml that is an XML Spreadsheet and leaves other XML alone', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-xml2003-'));
    copyFileSync(join(FIXTURES, 'xml2003', 'tuyen-quang-2020-excel2003.xml'), join(dir, 'bao-cao.xml'));
    writeFileSync(join(dir, 'cau-hinh.xml'), '<?xml version="1.0"?><config><a>1</a></config>');
    const r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bao-cao.xml: no errors');
    expect(r.stdout).not.toContain('cau-hinh.xml');
  });

  it('without --sheet, the hidden first sheet (a lookup list) is passed over and said so', async () => {
    const r = await cli(['validate', join(FIXTURES, 'xml2003', 'tuyen-quang-2020-excel2003.xml'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read as: Excel 2003 XML Spreadsheet, sheet "Phụ lục" ("Danh mục" before it holds no table); hidden row 13 not read');
  });

  it.each([
    ['annex-formatted', 'xlsx/annex-formatted.xlsx'],
    ['formulas-poor-start-transposed', 'xlsx/planted/formulas-poor-start-transposed.xlsx'],
  ])('LibreOffice\'s export of %s reads as its workbook, cell by cell', async (name, source) => {
    expect(essentials(await gridFromAnyBytes(fixture(`xml2003/${name}.xml`)))).toEqual(essentials(await gridFromAnyBytes(fixture(source))));
  });

  it('a cell\'s comment and rich text: the comment left out, the text\'s runs joined', () => {
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"><Worksheet ss:Name="S"><Table><Row><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Tổng</B> số hộ</ss:Data><Comment ss:Author="A"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><Font>ghi chú</Font></ss:Data></Comment></Cell></Row></Table></Worksheet></Workbook>`;
    expect(gridFromXmlSpreadsheet(new TextEncoder().encode(xml)).rows[0]![0]!.raw).toBe('Tổng số hộ');
  });

  it('R1C1 references in A1 form, from the cell the formula is in; text, names and functions left alone', () => {
    expect(a1FromExcel2003('=R[-1]C+RC[-2]', 5, 3)).toBe('D5+B6');
    expect(a1FromExcel2003('=R2C3*R[1]C[1]/R2C[-1]', 0, 1)).toBe('$C$2*C2/A$2');
    expect(a1FromExcel2003('=SUM(R[-3]C:R[-1]C)', 9, 4)).toBe('SUM(E7:E9)');
    expect(a1FromExcel2003("='Na Hang'!R[1]C+Sheet2!R1C1", 0, 0)).toBe("'Na Hang'!A2+Sheet2!$A$1");
    expect(a1FromExcel2003('=IF(TRUE,"R1C1 RC",ROUND(RC[1],2))', 0, 0)).toBe('IF(TRUE,"R1C1 RC",ROUND(B1,2))');
    expect(a1FromExcel2003('=R[-5]C', 2, 0)).toBe('#REF!');
    expect(a1FromExcel2003('of:=SUM([.E5:.K5])', 4, 3)).toBe('SUM(E5:K5)');
    fc.assert(fc.property(fc.string(), fc.nat(1000), fc.nat(100), (f, r, c) => void a1FromExcel2003(f, r, c)), { numRuns: 2000, seed: 20201 });
  });

  it('refused with the reason: past the unpacked size, past the cells, not well-formed', async () => {
    const bytes = fixture('xml2003/tuyen-quang-2020-excel2003.xml');
    const refusal = (limits: Partial<typeof DEFAULT_LIMITS>, b: Uint8Array = bytes) => {
      try {
        gridFromXmlSpreadsheet(b, { sheet: 'Phụ lục', limits: { ...DEFAULT_LIMITS, ...limits } });
        return undefined;
      } catch (e) {
        return e as PovcheckError;
      }
    };
    expect(refusal({ maxUnpackedBytes: 1000 })).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'uncompressed' } });
    expect(refusal({ maxCells: 10 })).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'cells' } });
    expect(refusal({}, bytes.subarray(0, bytes.length - 40))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { part: 'XML Spreadsheet', xml: 'syntax' } });
  });
});
