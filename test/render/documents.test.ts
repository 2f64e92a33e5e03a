/**
 * The appendix as documents, made by the built binary from the seed, the 148 communes of Phú Thọ and the 34
 * provinces, and looked at inside: Word (orientation, repeated header rows, merged group headers, columns wide
 * enough for their longest number and word, page numbers, the lines around the table, the names exactly as the
 * input has them), Excel (print titles, fit to the page width, orientation, merged headers, numbers as numbers,
 * the total row set apart, page numbers), HTML (print CSS: page size and orientation, repeated header, page
 * numbers, column widths). Rendering through LibreOffice is looked at by people (docs/images/).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { lineCount, textWidth } from '../../src/render/measure.js';
import { excelWidth } from '../../src/render/xlsx.js';
import { FIXTURES, cli } from '../helpers.js';
import { unzip } from '../zip.js';
import { inspectXlsx } from '../xlsx-inspect.js';
import { PADDING, docxTables, expectWidthsFit } from '../docx-inspect.js';

const SEED = 'fixtures/calc/seed-base-counts.csv';
const COMMUNES = 'fixtures/calc/communes-phu-tho.csv';
const PROVINCES = 'fixtures/calc/provinces-34.csv';
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-doc-'));

/** Each document made once (in-process: what is looked at is the document, not the binary), shared by the tests. */
const made = new Map<string, Promise<Buffer>>();
function make(file: string, format: 'docx' | 'xlsx' | 'html', extra: string[] = []): Promise<Buffer> {
  const key = [file, format, ...extra].join('\u0000');
  if (!made.has(key)) {
    made.set(
      key,
      (async () => {
        const out = join(tmp(), `annex.${format}`);
        const r = await cli(['table', file, '--format', format, '-o', out, ...extra]);
        expect(r.code, r.stderr).toBe(0);
        return readFileSync(out);
      })(),
    );
  }
  return made.get(key)!;
}

const unitNames = (file: string) => Array.from(shape(gridFromBytes(readFileSync(join(FIXTURES, '..', file))), { totalPolicy: 'none' }).annex.units, (u) => u.name);

describe('docx', () => {
  it('the seed: one landscape page, its layout as before, the title, date and source lines, page numbers', async () => {
    const files = unzip((await make(SEED, 'docx', ['--title', 'Phụ lục: Kết quả giảm nghèo năm 2020', '--date', '31/12/2020', '--source', 'Sở Lao động - Thương binh và Xã hội'])));
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    for (const line of ['Phụ lục: Kết quả giảm nghèo năm 2020', '(Số liệu tính đến ngày 31/12/2020)', 'Nguồn: Sở Lao động - Thương binh và Xã hội']) expect(xml).toContain(line);
    const [t, ...others] = docxTables(xml);
    expect(others).toHaveLength(0);
    expect(t!.rows.filter((r) => r.header)).toHaveLength(1);
    expect(t!.rows[0]!.cells.map((c) => c.text)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình']);
    // The total's column stands out.
    expect(t!.rows[1]!.cells[3]).toMatchObject({ text: '210.299', bold: true });
    expect(t!.rows[1]!.cells[4]).toMatchObject({ text: '49.874', bold: false });
    expectWidthsFit(t!);
    // The page number at the top centre, not on the first page.
    expect(xml).toContain('<w:titlePg/>');
    const headers = [...files.entries()].filter(([k]) => /^word\/header\d*\.xml$/.test(k)).map(([, v]) => v.toString('utf8'));
    expect(headers.some((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h) && h.includes('w:val="center"'))).toBe(true);
  });

  it.each([
    [COMMUNES, 149],
    [PROVINCES, 35],
  ])('%s: portrait, units as rows under grouped columns, the header rows repeated, widths that fit, every name as written', async (file, rows) => {
    const xml = unzip((await make(file, 'docx'))).get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toContain('Đơn vị tính: hộ, %');
    const [t, ...others] = docxTables(xml);
    expect(others).toHaveLength(0);
    const header = t!.rows.filter((r) => r.header);
    expect(header).toHaveLength(3);
    expect(header[0]!.cells.map((c) => [c.text, c.span])).toEqual([['STT', 1], ['Đơn vị', 1], ['Tổng số hộ', 2], ['Số hộ nghèo', 3], ['Tỷ lệ hộ nghèo (%)', 3]]);
    expect(header[2]!.cells.map((c) => c.text)).toEqual(['A', 'B', '1', '2', '3', '4', '5=3-4', '6=3/1*100', '7=6-8', '8=5/2*100']);
    const body = t!.rows.filter((r) => !r.header);
    expect(body).toHaveLength(rows);
    expect(body[0]!.cells.every((c) => c.bold)).toBe(true); // the total row
    expect(body[1]!.cells.some((c) => c.bold)).toBe(false);
    expect(body.map((r) => r.cells[1]!.text)).toEqual(unitNames(file));
    expectWidthsFit(t!);
  });

  it('keeps the names exactly as the input writes them (old-style tone placement, "TP." abbreviation)', async () => {
    const communes = docxTables(unzip((await make(COMMUNES, 'docx'))).get('word/document.xml')!.toString('utf8'))[0]!;
    expect(communes.rows.map((r) => r.cells[1]!.text)).toContain('Xã Thanh Thuỷ');
    const provinces = docxTables(unzip((await make(PROVINCES, 'docx'))).get('word/document.xml')!.toString('utf8'))[0]!;
    expect(provinces.rows.map((r) => r.cells[1]!.text)).toContain('TP. Hồ Chí Minh');
  });

  it('148 communes forced into columns: parts with the naming columns repeated, nothing negative (no crash)', async () => {
    const xml = unzip((await make(COMMUNES, 'docx', ['--no-transpose']))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('w:orient="landscape"');
    const tables = docxTables(xml);
    expect(tables.length).toBeGreaterThan(5);
    const units: string[] = [];
    for (const t of tables) {
      expect(t.grid.every((w) => w > 0)).toBe(true);
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows[0]!.cells.slice(0, 3).map((c) => c.text)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT']);
      units.push(...t.rows[0]!.cells.slice(3).map((c) => c.text));
      expectWidthsFit(t);
    }
    expect(units).toEqual(unitNames(COMMUNES));
    expect(xml.match(/\(tiếp theo\)/g)).toHaveLength(tables.length - 1);
  });

  it('--lang en: English labels and numbers', async () => {
    const xml = unzip((await make(PROVINCES, 'docx', ['--lang', 'en']))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Unit: households, %');
    expect(xml).toContain('Poor households');
    expect(xml).toContain('32,280,199');
    expect(xml).not.toContain('32.280.199');
  });
});

describe('xlsx', () => {
  const load = async (bytes: Buffer) => inspectXlsx(bytes).worksheets[0]!;

  it.each([
    [COMMUNES, 'portrait'],
    [PROVINCES, 'portrait'],
    [SEED, 'landscape'],
  ])('%s: %s, fit to the page width, the header rows as print titles, page numbers', async (file, orientation) => {
    const files = unzip((await make(file, 'xlsx', ['--title', 'Phụ lục'])));
    const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const book = files.get('xl/workbook.xml')!.toString('utf8');
    expect(sheet).toMatch(new RegExp(`<pageSetup [^>]*orientation="${orientation}"`));
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<headerFooter differentFirst="1"[^>]*>.*<oddHeader>&amp;C&amp;P<\/oddHeader>/s);
    // Title, a blank row, then the header: one row (seed layout) or the groups, their columns and the column numbers.
    const titles = file === SEED ? '\\$3:\\$3' : '\\$4:\\$6';
    expect(book).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*${titles}</definedName>`));
  });

  it('the communes: merged group headers, numbers as numbers in the Vietnamese format, the total row bold and shaded, columns wide enough', async () => {
    const ws = await load((await make(COMMUNES, 'xlsx', ['--title', 'Kết quả rà soát hộ nghèo'])));
    expect(ws.getCell('A1').value).toBe('Kết quả rà soát hộ nghèo');
    expect(ws.getCell('J3').value).toBe('Đơn vị tính: hộ, %');
    expect(ws.getCell('C4').value).toBe('Tổng số hộ');
    expect(ws.getCell('C4').isMerged && ws.getCell('D4').master.address).toBe('C4');
    expect(ws.getCell('A5').master.address).toBe('A4'); // STT spans the two header rows
    expect(ws.getRow(6).values).toEqual([undefined, 'A', 'B', '1', '2', '3', '4', '5=3-4', '6=3/1*100', '7=6-8', '8=5/2*100']);
    const total = ws.getRow(7);
    expect(total.getCell(2).value).toBe('Toàn tỉnh');
    expect(total.getCell(3).value).toBe(979027);
    expect(total.getCell(3).numFmt).toBe('[$-42A]#,##0');
    expect(total.getCell(8).value).toBe(5.18);
    expect(total.getCell(8).numFmt).toBe('[$-42A]0.00');
    expect(total.getCell(3).font?.bold).toBe(true);
    expect((total.getCell(3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFEDEDED');
    expect(ws.getRow(8).getCell(3).font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
    // Every column holds its widest number (as a Vietnamese Excel shows it) and its longest word.
    const size = total.getCell(3).font!.size!;
    for (let c = 1; c <= 10; c++) {
      const col = ws.getColumn(c);
      let widest = 0;
      col.eachCell({ includeEmpty: false }, (cell, row) => {
        if (row < 7) return;
        const shown = typeof cell.value === 'number' ? (cell.numFmt?.endsWith('0.00') ? cell.value.toFixed(2).replace('.', ',') : cell.value.toLocaleString('de-DE')) : String(cell.value ?? '');
        widest = Math.max(widest, textWidth(shown, size, !!cell.font?.bold));
      });
      expect(col.width!, `column ${c}`).toBeGreaterThanOrEqual(excelWidth(widest + PADDING) - 0.01);
    }
  });

  it('the header rows are tall enough for their wrapped lines', async () => {
    const ws = await load((await make(COMMUNES, 'xlsx')));
    const size = ws.getCell('C3').font!.size!;
    const colWidth = (c: number) => ((ws.getColumn(c).width! * 7 + 5) * 0.75);
    // "Giảm trong năm" under "Số hộ nghèo" wraps in its narrow column: its row is as tall as its lines.
    const cell = ws.getCell('F3');
    expect(cell.value).toBe('Giảm trong năm');
    const lines = lineCount('Giảm trong năm', colWidth(6) - PADDING, size, true);
    expect(lines).toBeGreaterThan(1);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(lines * size * 1.2);
  });
});

describe('html', () => {
  it.each([
    [COMMUNES, 'portrait'],
    [SEED, 'landscape'],
  ])('%s prints on A4 %s: the header repeated on every page, page numbers, column widths, no word broken', async (file, orientation) => {
    const page = (await make(file, 'html')).toString('utf8');
    expect(page).toContain(`@page{size:A4 ${orientation};`);
    expect(page).toContain('@top-center{content:counter(page)}');
    expect(page).toContain('@page :first{@top-center{content:none}}');
    expect(page).toContain('thead{display:table-header-group}');
    expect(page).toContain('overflow-wrap:normal;word-break:normal;hyphens:none');
    expect(page).toMatch(/#annex-part-1\{table-layout:fixed\}/);
    expect(page).toMatch(/#annex-part-1 col:nth-child\(2\)\{width:\d+\.\d+%\}/);
  });

  it('the communes: grouped header, the column-number row inside the header, the total row set apart, the unit line', async () => {
    const page = (await make(COMMUNES, 'html')).toString('utf8');
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(page)![1]!;
    expect(thead).toMatch(/<th scope="colgroup" colspan="3" class="label">Số hộ nghèo<\/th>/);
    expect(thead).toMatch(/<th scope="col" rowspan="2" class="stt">STT<\/th>/);
    expect(thead).toContain('<tr class="colnum"><td class="colnum">A</td><td class="colnum">B</td>');
    expect(thead).toContain('<td class="colnum">6=3/1*100</td>');
    expect(page).toMatch(/<tr class="row-total"><td class="stt"><\/td><th scope="row" class="unit total">Toàn tỉnh<\/th>/);
    expect(page).toContain('<p class="doc-unit">Đơn vị tính: hộ, %</p>');
  });

  it('148 communes forced into columns: parts, each with the naming columns and its own widths', async () => {
    const page = (await make(COMMUNES, 'html', ['--no-transpose'])).toString('utf8');
    const parts = page.match(/<table id="annex-part-\d+"/g)!;
    expect(parts.length).toBeGreaterThan(5);
    expect(page).toContain(`#annex-part-${parts.length}{table-layout:fixed}`);
    expect(page.match(/<p class="doc-continued">\(tiếp theo\)<\/p>/g)).toHaveLength(parts.length - 1);
  });
});

describe('every format, every size', () => {
  it.each([SEED, COMMUNES, PROVINCES])('%s renders in text, markdown, csv, xlsx, docx, json and html; its csv validates with no error', async (file) => {
    const units = unitNames(file).length;
    for (const format of ['text', 'markdown', 'json']) {
      const r = await cli(['table', file, '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toBe('');
      if (format === 'json') expect(JSON.parse(r.stdout).units).toHaveLength(units);
      else for (const name of unitNames(file)) expect(r.stdout).toContain(name);
    }
    for (const format of ['xlsx', 'docx', 'html'] as const) expect((await make(file, format)).length).toBeGreaterThan(1000);
    const csv = join(tmp(), 'annex.csv');
    expect((await cli(['table', file, '--format', 'csv', '-o', csv])).code).toBe(0);
    const v = await cli(['validate', csv, '--format', 'json']);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.files[0].findings.filter((f: { rule: string }) => f.rule === 'unknown')).toEqual([]);
  }, 120_000);
});
