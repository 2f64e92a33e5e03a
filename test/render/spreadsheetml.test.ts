/**
 * The SpreadsheetML writer (src/render/spreadsheetml.ts): povcheck's own reader reads back every text and
 * number written (texts through safe-text.ts, Excel's `_xHHHH_` convention kept), every part is well-formed,
 * styles and texts are pooled, the sheet's layout and print settings are where Excel looks for them, and what a
 * workbook cannot hold is refused. LibreOffice opens it (where installed): the values, merges, number formats,
 * orientation and print titles it sees are the ones written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PovcheckError } from '../../src/errors.js';
import { gridFromWorkbook } from '../../src/read/xlsx.js';
import { streamXml } from '../../src/read/xml-stream.js';
import { documentText } from '../../src/render/safe-text.js';
import { MAX_TEXT, Worksheet, writeWorkbook, type CellStyle } from '../../src/render/spreadsheetml.js';
import { inspectXlsx } from '../xlsx-inspect.js';
import { unzip } from '../zip.js';

const TEXTS = ['Toàn tỉnh', 'a & b < c > d "e" \'f\'', '  leading and trailing  ', 'two\nlines', 'cr\r\nlf', '_x0041_ stays literal', 'tab\there', 'Xã\u0001A\uffff', '😀 Sơn Dương', '=HYPERLINK("x")'];
const NUMBERS = [0, 210299, -2.65, 11.8, 1e-7, 123456789012, 32280199, 0.1 + 0.2];
const BOLD: CellStyle = { font: { name: 'Times New Roman', size: 11, bold: true }, border: true, fill: 'FFEDEDED', alignment: { horizontal: 'center', vertical: 'center', wrap: true } };
const RATE: CellStyle = { font: { name: 'Times New Roman', size: 11 }, border: true, numFmt: '[$-42A]0.00', alignment: { horizontal: 'right', indent: 2 } };

function sample(): Uint8Array {
  const ws = new Worksheet('Phụ lục');
  TEXTS.forEach((t, i) => (ws.cell(i + 1, 1).value = t));
  NUMBERS.forEach((n, i) => (ws.cell(i + 1, 2).value = n));
  ws.cell(1, 3).value = 'Tổng số hộ';
  ws.cell(1, 3).style = BOLD;
  ws.cell(1, 4).style = BOLD;
  ws.merge(1, 3, 1, 4);
  ws.cell(2, 3).value = 11.8;
  ws.cell(2, 3).style = RATE;
  ws.cell(30, 28).value = 'AB30';
  ws.widths = [30, 12.5, 8];
  ws.heights.set(1, 31.5);
  ws.frozen = { rows: 1, columns: 2 };
  ws.page = { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.39, footer: 0.39 } };
  ws.printTitles = { rows: [1, 1], columns: [1, 2] };
  ws.headerFooter = { differentFirst: true, oddHeader: '&C&P' };
  const second = new Worksheet("Sheet's 2");
  second.cell(1, 1).value = 'Toàn tỉnh'; // shared with the first sheet
  return writeWorkbook({ sheets: [ws, second], creator: 'povcheck', title: 'Phụ lục & <1>' });
}

describe('writeWorkbook', () => {
  const bytes = sample();
  const parts = unzip(bytes);

  it('every part is well-formed XML', () => {
    expect([...parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    for (const [name, data] of parts) expect(() => streamXml(data, {}), name).not.toThrow();
  });

  it("povcheck's reader gets back every text (as documentText leaves it) and every number", async () => {
    const grid = await gridFromWorkbook(bytes);
    expect(grid.sheet).toBe('Phụ lục');
    expect(TEXTS.map((_, i) => grid.rows[i]![0]!.raw)).toEqual(TEXTS.map(documentText));
    // The reader shows a General number as Excel does, to 15 significant digits; the file holds every bit.
    expect(NUMBERS.map((_, i) => Number(grid.rows[i]![1]!.numeric))).toEqual(NUMBERS.map((n) => Number(n.toPrecision(15))));
    const ws = inspectXlsx(bytes).worksheets[0]!;
    expect(NUMBERS.map((_, i) => ws.getCell(i + 1, 2).value)).toEqual(NUMBERS);
    expect(grid.rows[1]![2]).toMatchObject({ raw: '11.80', numeric: '11.80' });
    expect(grid.rows[0]![2]).toMatchObject({ raw: 'Tổng số hộ', merge: { rows: 1, cols: 2 } });
    expect(grid.rows[29]![27]).toMatchObject({ raw: 'AB30', ref: 'AB30' });
    const second = await gridFromWorkbook(bytes, { sheet: "Sheet's 2" });
    expect(second.rows[0]![0]!.raw).toBe('Toàn tỉnh');
  });

  it('styles, widths, heights, the frozen pane and merges are where Excel looks for them', () => {
    const ws = inspectXlsx(bytes).worksheets[0]!;
    const head = ws.getCell('C1');
    expect(head.font).toMatchObject({ name: 'Times New Roman', size: 11, bold: true });
    expect(head.fill?.fgColor?.argb).toBe('FFEDEDED');
    expect(head.border).toEqual({ left: { style: 'thin' }, right: { style: 'thin' }, top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(head.alignment).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('D1')).toMatchObject({ isMerged: true, master: { address: 'C1' } });
    expect(ws.getCell('C2')).toMatchObject({ value: 11.8, numFmt: '[$-42A]0.00', alignment: { horizontal: 'right', indent: 2 } });
    expect(ws.getCell('C2').font?.bold).toBeFalsy();
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Calibri', size: 11 }); // the default font: Excel's width unit
    expect(ws.columns.map((c) => c.width)).toEqual([30, 12.5, 8]);
    expect(ws.getRow(1).height).toBe(31.5);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.views).toEqual([{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2', activeCell: 'C2' }]);
  });

  it('print titles, page set-up and header are written as Excel writes them', () => {
    const book = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Phụ lục'!$A:$B,'Phụ lục'!$1:$1</definedName>`);
    expect(book).toContain(`<sheet name="Sheet's 2" sheetId="2" r:id="rId2"/>`);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<dimension ref="A1:AB30"/>');
    expect(sheet).toContain('<printOptions horizontalCentered="1"/><pageMargins left="1.18" right="0.59" top="0.79" bottom="0.79" header="0.39" footer="0.39"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;P</oddHeader></headerFooter>');
    // Elements in the order the schema requires (Excel refuses another order).
    const order = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter'].map((t) => sheet.indexOf(`<${t}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i > 0)).toBe(true);
    const core = parts.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:title>Phụ lục &amp; &lt;1&gt;</dc:title>');
    expect(core).not.toContain('dcterms:created');
  });

  it('equal styles share one entry, each text is stored once', () => {
    const ws = new Worksheet('S');
    for (let r = 1; r <= 500; r++) {
      ws.cell(r, 1).value = 'Xã';
      ws.cell(r, 1).style = { ...BOLD, font: { ...BOLD.font } };
      ws.cell(r, 2).value = r;
      ws.cell(r, 2).style = { ...RATE };
    }
    const p = unzip(writeWorkbook({ sheets: [ws] }));
    expect(p.get('xl/styles.xml')!.toString()).toContain('<cellXfs count="3">');
    expect(p.get('xl/styles.xml')!.toString()).toContain('<fonts count="3">');
    expect(p.get('xl/sharedStrings.xml')!.toString()).toContain('count="500" uniqueCount="1"');
  });

  it('the same workbook gives the same bytes; a creation time goes into the properties only', () => {
    expect(Buffer.from(sample()).equals(Buffer.from(bytes))).toBe(true);
    const ws = new Worksheet('S');
    const core = unzip(writeWorkbook({ sheets: [ws], created: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)) })).get('docProps/core.xml')!.toString();
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-02T03:04:05Z</dcterms:created>');
  });

  it('refuses what a workbook cannot hold', () => {
    const write = (f: (ws: Worksheet) => void) => () => {
      const ws = new Worksheet('S');
      f(ws);
      return writeWorkbook({ sheets: [ws] });
    };
    expect(write((ws) => (ws.cell(1, 1).value = Number.NaN))).toThrow(/not a number/);
    expect(write((ws) => (ws.cell(1, 1).value = Infinity))).toThrow(/not a number/);
    const tooLong = (() => {
      try {
        write((ws) => (ws.cell(1, 1).value = 'Xã ' + 'x'.repeat(MAX_TEXT)))();
      } catch (e) {
        return e;
      }
    })();
    expect(tooLong).toBeInstanceOf(PovcheckError);
    expect(tooLong).toMatchObject({ code: 'XLSX_TEXT_TOO_LONG', params: { start: 'Xã ' + 'x'.repeat(37), chars: MAX_TEXT + 3, limit: MAX_TEXT } });
    expect(write((ws) => (ws.cell(1, 1).value = 'x'.repeat(MAX_TEXT)))).not.toThrow();
    expect(write((ws) => ws.cell(0, 1))).toThrow(/outside a sheet/);
    expect(write((ws) => ws.cell(1, 16_385))).toThrow(/outside a sheet/);
    expect(write((ws) => ws.merge(2, 2, 1, 1))).toThrow(/inverted/);
    expect(write((ws) => (ws.merge(1, 1, 3, 3), ws.merge(3, 3, 4, 4)))).toThrow('merged ranges A1:C3 and C3:D4 overlap');
    expect(write((ws) => (ws.merge(1, 1, 1, 9), ws.merge(2, 1, 5, 1), ws.merge(2, 2, 2, 9), ws.merge(6, 1, 6, 9)))).not.toThrow();
    expect(write((ws) => (ws.cell(1, 1).style = { fill: 'red' }))).toThrow(/ARGB/);
    for (const name of ['', 'a'.repeat(32), 'a/b', 'a[1]', "'quoted'", 'x\u0001']) expect(() => new Worksheet(name), name).toThrow(/sheet name/);
    expect(() => writeWorkbook({ sheets: [new Worksheet('Sheet'), new Worksheet('SHEET')] })).toThrow(/same name/);
    expect(() => writeWorkbook({ sheets: [] })).toThrow(/needs a sheet/);
  });

  it('any text: povcheck reads back what documentText leaves of it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }), async (texts) => {
        const ws = new Worksheet('S');
        texts.forEach((t, i) => (ws.cell(i + 1, 1).value = t));
        const grid = await gridFromWorkbook(writeWorkbook({ sheets: [ws] }));
        texts.forEach((t, i) => expect(grid.rows[i]?.[0]?.raw ?? '').toBe(documentText(t)));
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});

/** `soffice` on the PATH (Debian: libreoffice-calc), or none: those tests are skipped with the reason. */
const SOFFICE = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
if (!SOFFICE) console.warn('[povcheck] LibreOffice tests skipped: no soffice or libreoffice on the PATH (apt-get install libreoffice-calc)');

describe.skipIf(!SOFFICE)('LibreOffice opens what povcheck writes', () => {
  it('the values, merges, number formats, orientation and print titles it reads are the ones written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-soffice-'));
    writeFileSync(join(dir, 'sample.xlsx'), sample());
    // Its own profile: a LibreOffice that another process runs would otherwise take the conversion over.
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'fods', '--outdir', dir, join(dir, 'sample.xlsx')], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const fods = readFileSync(join(dir, 'sample.fods'), 'utf8');
    expect(fods).toContain('<table:table table:name="Phụ lục"');
    expect(fods).toContain(`<table:table table:name="Sheet&apos;s 2"`);
    expect(fods).toContain('office:value-type="float" office:value="210299"');
    expect(fods).toContain('office:value-type="float" office:value="-2.65"');
    expect(fods).toContain('<text:p>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;</text:p>');
    expect(fods).toContain('<text:p>_x0041_ stays literal</text:p>');
    expect(fods).toContain('<text:p>Sơn Dương</text:p>'.replace('Sơn', '😀 Sơn'));
    expect(fods).toMatch(/table:number-columns-spanned="2"[^>]*>\s*<text:p>Tổng số hộ<\/text:p>/);
    expect(fods).toMatch(/style:print-orientation="landscape"/);
    expect(fods).toMatch(/<table:table-header-columns>/);
    expect(fods).toMatch(/<table:table-header-rows>/);
    // [$-42A]0.00: two decimals, Vietnamese separators.
    expect(fods).toMatch(/<number:number-style style:name="(N\d+)" number:language="vi" number:country="VN">\s*<number:number number:decimal-places="2"/);
  });
});
