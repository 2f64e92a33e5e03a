/**
 * A web page's tables (read/html-table.ts): a web system's "export to Excel" (an HTML table served as .xls) is read
 * as a workbook's sheet. Fixtures: an ASP.NET GridView of the seed, a report page (a letterhead table, then the annex
 * with a two-row header), LibreOffice's HTML export of a planted workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../src/check-grid.js';
import type { PovcheckError } from '../../src/errors.js';
import type { Grid } from '../../src/model/grid.js';
import { gridFromAnyBytes, gridFromBytes } from '../../src/read/index.js';
import { gridFromHtml, htmlTables } from '../../src/read/html-table.js';
import { DEFAULT_LIMITS } from '../../src/read/zip-guard.js';
import { cli, essence, FIXTURES } from '../helpers.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const verdict = (g: Grid) => checkGrid(g).findings.map(essence);
const cells = (g: Grid) => g.rows.map((r) => Array.from(r ?? [], (c) => c?.raw ?? ''));
const page = (body: string) => gridFromHtml(`<html><body>${body}</body></html>`);

describe('web pages served as .xls', () => {
  it('an ASP.NET GridView of the seed and a report page (letterhead table first, a two-row header) give the seed\'s findings', async () => {
    const seed = verdict(gridFromBytes(fixture('tuyen-quang-2020.csv')));
    const gridView = await gridFromAnyBytes(fixture('html/tuyen-quang-2020-gridview.xls'));
    expect(gridView.source).toMatchObject({ kind: 'workbook', format: 'html', sheet: '1' });
    expect(verdict(gridView)).toEqual(seed);
    // The same page as a .NET system writes it with Encoding.Unicode: UTF-16LE with a byte order mark.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('html/tuyen-quang-2020-gridview.xls').toString('utf8'), 'utf16le')]);
    expect(verdict(await gridFromAnyBytes(utf16))).toEqual(seed);
    const report = await gridFromAnyBytes(fixture('html/tuyen-quang-2020-report-page.xls'), { sheet: '2' });
    expect(report.source).toMatchObject({ format: 'html', sheet: '2', others: ['1'] });
    expect(verdict(report)).toEqual(seed);
  });

  it('XHTML, opening with an XML declaration (LibreOffice\'s "XHTML" export, a portal\'s "Word" download): a web page, not a CSV', async () => {
    // It was read as a semicolon-delimited table of markup, and povcheck suggested labels full of tags.
    const page = fixture('html/tuyen-quang-2020-gridview.xls').toString('utf8');
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<!-- exported -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body>${page}</body></html>`;
    const grid = await gridFromAnyBytes(Buffer.from(xhtml), { name: 'ke-hoach.doc' });
    expect(grid.source).toMatchObject({ kind: 'workbook', format: 'html' });
    expect(verdict(grid)).toEqual(verdict(gridFromBytes(fixture('tuyen-quang-2020.csv'))));
  });

  it('LibreOffice\'s HTML export of a planted workbook gives the workbook\'s findings, at the same cells', async () => {
    const html = await gridFromAnyBytes(fixture('html/poor-end-transposed-libreoffice.html'));
    const xlsx = await gridFromAnyBytes(fixture('xlsx/planted/poor-end-transposed.xlsx'));
    const at = (g: Grid) => checkGrid(g).findings.map((f) => `${essence(f)} ${f.at?.ref}`);
    expect(at(html)).toEqual(at(xlsx));
  });

  it('validate passes the letterhead table over and says which table it read; exit codes as for any table', async () => {
    const r = await cli(['validate', join(FIXTURES, 'html', 'tuyen-quang-2020-report-page.xls'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read as: web page (HTML), its table 2 (table 1 before it holds no poverty table);');
    const table = await cli(['table', join(FIXTURES, 'html', 'tuyen-quang-2020-report-page.xls'), '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain("read the web page's table 2: table 1 before it holds no poverty table");
    const planted = await cli(['validate', join(FIXTURES, 'html', 'poor-end-transposed-libreoffice.html'), '--lang', 'en']);
    expect(planted.code).toBe(1);
    expect(planted.stdout).toContain('→ Likely cause: I6 (Poor households at end of year, Chiêm Hóa) holds 4,963; 4,693 would make all 3 failing checks pass');
  });
});

describe('the tables of a page, as a browser lays them out', () => {
  it('cells closed by the next one, spans placed at the first free column, a spanned header repeated down as a merged cell', () => {
    const g = page('<table><tr><th rowspan=2>STT<th colspan="2">Chia ra<th rowspan=2>Ghi chú<tr><th>Xã A<th>Xã B<tr><td>1<td>10<td>20<td>x</table>');
    expect(cells(g)).toEqual([
      ['STT', 'Chia ra', '', 'Ghi chú'],
      ['STT', 'Xã A', 'Xã B', 'Ghi chú'],
      ['1', '10', '20', 'x'],
    ]);
    expect(g.rows[0]![1]!.merge).toEqual({ rows: 1, cols: 2 });
    expect(g.rows[1]![0]!.ref).toBe('A1');
  });

  it('text as shown: entities, no-break spaces, line breaks, white space collapsed; scripts, styles, comments and a nested table\'s markup left out', () => {
    const g = page(`<style>td{color:red}</style><script>document.write('<table><tr><td>x</td></tr></table>')</script>
      <table><tr><td> T&#7893;ng  s&#x1ED1;
      h&ocirc;&#803;&nbsp;ngh&egrave;o<br>(h&amp;ộ)</td><!-- <td>ẩn</td> --><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>`);
    expect(cells(g)).toEqual([['Tổng số hộ nghèo\n(h&ộ)', 'a b']]);
  });

  it('a page cut short keeps the rows read; a page without a table is refused as a web page; --sheet picks a table by position', async () => {
    expect(cells(page('<table><tr><td>a<td>b<tr><td>c'))).toEqual([['a', 'b'], ['c']]);
    const e = await gridFromAnyBytes(new TextEncoder().encode('<!DOCTYPE html><html><body><p>Không có bảng</p></body></html>'), { name: 'x.xls' }).catch((x: PovcheckError) => x);
    expect(e).toMatchObject({ code: 'FILE_KIND', params: { kind: 'html', ext: '.xls' } });
    // A CSV whose first cell happens to be markup, with no table anywhere, stays a CSV.
    const csv = await gridFromAnyBytes(new TextEncoder().encode('<b>Chỉ tiêu</b>;Toàn tỉnh\nSố hộ nghèo cuối năm;20.626\n'), { name: 'x.csv' });
    expect(csv.source).toMatchObject({ kind: 'delimited' });
    expect(cells(gridFromHtml('<table><tr><td>1</table><table><tr><td>2</table>', { sheet: '2' }))).toEqual([['2']]);
  });

  it('spans past every bound are clamped, never expanded cell by cell; cells past the limits are refused with the reason', () => {
    const g = page('<table><tr><td>b<td colspan=999999999 rowspan=999999999>a<tr><td>c</table>');
    expect(cells(g)).toEqual([['b', 'a'], ['c', 'a']]);
    expect(g.rows[0]![1]!.merge).toEqual({ rows: 2, cols: 1 });
    // A cell a browser would put past the 1,000th column (colspan is at most 1,000) is past the limits: refused, named.
    expect(() => page('<table><tr><td colspan=999999999>a<td>b</table>')).toThrow(expect.objectContaining({ code: 'WORKBOOK_TOO_LARGE', params: expect.objectContaining({ cell: 'ALM1' }) }));
    const many = `<table>${'<tr><td>1'.repeat(50)}</table>`;
    expect(() => gridFromHtml(many, { limits: { ...DEFAULT_LIMITS, maxCells: 20 } })).toThrow(expect.objectContaining({ code: 'WORKBOOK_TOO_LARGE' }));
  });

  it('pages built to make a scanner go back over them (many tags never closed, many < before one >, a comment never closed) are read in one pass', () => {
    const n = 400_000;
    // A tag never closed ends the page, as in a browser; `<` that start no tag are text.
    expect(htmlTables(`<table><tr><td>x${'<a'.repeat(n)}`, DEFAULT_LIMITS)).toEqual([[[{ text: 'x', rowspan: 1, colspan: 1 }]]]);
    expect(htmlTables(`<table><tr><td>${'<'.repeat(n)}></table>`, DEFAULT_LIMITS)).toEqual([[[{ text: `${'<'.repeat(n)}>`, rowspan: 1, colspan: 1 }]]]);
    expect(htmlTables(`<table><tr><td>5 < 7 and 9 > 8</table>`, DEFAULT_LIMITS)).toEqual([[[{ text: '5 < 7 and 9 > 8', rowspan: 1, colspan: 1 }]]]);
    expect(htmlTables(`<table><tr><td>a</td>${'<!--'.repeat(n)}`, DEFAULT_LIMITS)).toEqual([[[{ text: 'a', rowspan: 1, colspan: 1 }]]]);
    expect(htmlTables(`<table><tr><td>a</td>${'<td style="'.repeat(n / 4)}`, DEFAULT_LIMITS)).toEqual([[[{ text: 'a', rowspan: 1, colspan: 1 }]]]);
  }, 60_000);

  it('any markup gives tables or a reason, never a throw of another kind or a hang', () => {
    const piece = fc.oneof(
      fc.constantFrom('<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th colspan=3>', '<td rowspan="4">', '<br>', '<!--', '-->', '<script>', '</script>', '&amp;', '&#99999999;', '&#xD800;', '<', '>', '"', "'", ' ', '\n'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        try {
          htmlTables(text, DEFAULT_LIMITS);
          if (/<table/i.test(text)) gridFromHtml(text);
        } catch (e) {
          expect((e as PovcheckError).code).toMatch(/^(FILE_KIND|WORKBOOK_TOO_LARGE)$/);
        }
      }),
      { numRuns: 3000, seed: 20201 },
    );
  });

  it('a web page larger than the streamed head and without a quote is read as a web page (it was split as text: "no column structure")', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const name = (i: number) => `Xã ${'Thượng Giáp Sinh Long Khau Tinh '.repeat(3)}${i}`;
    const rows = Array.from({ length: 30_000 }, (_, i) => `<tr><td>${name(i)}</td><td>1.234</td><td>567</td></tr>`).join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-bigpage-')), 'xuat-excel.xls');
    writeFileSync(file, `<html><body><table><tr><td>Đơn vị</td><td>Tổng số hộ đầu năm</td><td>Số hộ nghèo đầu năm</td></tr>\n${rows}</table></body></html>`);
    const r = await cli(['validate', file, '--lang', 'en']);
    expect(r.stdout).toContain('Read as: web page (HTML), its table 1;');
  });

  // Each paragraph in a cell looked at the whole cell's text again: 200,000 paragraphs in one cell took over a minute
  // (the test's own time limit is the check: the cell's lines are all there, in about a second).
  it('a cell of 200,000 paragraphs is read in time linear in its text, each paragraph a line', () => {
    const tables = htmlTables(`<table><tr><td>${'<p>Tổng số hộ nghèo đầu năm 1.234</p>'.repeat(200_000)}</td></tr></table>`, DEFAULT_LIMITS);
    expect(tables[0]![0]![0]!.text.split('\n')).toHaveLength(200_000);
  }, 30_000);
});
