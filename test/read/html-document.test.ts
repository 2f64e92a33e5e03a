/**
 * A plan as a web page (read/html-document.ts): Word's "Save as Web Page" and a system's "export to Word" served as
 * .doc were read as a web page's tables only (the annex checked, the text not), or refused when they had no table.
 */
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../src/read/html-document.js';
import { listLabel } from '../../src/read/html-table.js';
import { DOCUMENT_LIMITS } from '../../src/read/document-limits.js';
import { PovcheckError } from '../../src/errors.js';

const PROSE = 'Tiếp tục thực hiện đồng bộ, có hiệu quả các chính sách giảm nghèo trên địa bàn tỉnh, tập trung hỗ trợ các xã đặc biệt khó khăn';
const page = (body: string, head = '') => `<html><head><title>Kế hoạch</title>${head}<style>p { margin: 0 }</style></head><body>${body}</body></html>`;
const texts = (doc: NonNullable<ReturnType<typeof htmlDocument>>) => doc.paragraphs.map((p) => p.text);
const cells = (doc: NonNullable<ReturnType<typeof htmlDocument>>, t = 0) => doc.tables[t]!.grid.rows.map((r) => Array.from(r, (c) => c?.raw ?? ''));

describe('a plan as a web page', () => {
  it('its paragraphs as a browser shows them, headings by h1–h6, list numbers as shown, comments and markup left out', () => {
    const doc = htmlDocument(
      page(
        `<p align=center><b>KẾ HOẠCH</b><br><b>Thực hiện Chương trình giảm nghèo năm 2020</b></p>
         <!--[if gte vml 1]><v:shape><v:textbox>not shown</v:textbox></v:shape><![endif]-->
         <ol type="I" start="2"><li><p>MỤC TIÊU</p></li></ol>
         <p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp;</span></span><![endif]>${PROSE}.</p>
         <h2>3. Nhiệm vụ</h2><p>${PROSE} &amp; vùng cao.</p><p>${PROSE}; hạn chế tái nghèo.</p>`,
      ),
      DOCUMENT_LIMITS,
    )!;
    expect(doc.format).toBe('html');
    expect(texts(doc)).toEqual(['KẾ HOẠCH Thực hiện Chương trình giảm nghèo năm 2020', 'II. MỤC TIÊU', `1. ${PROSE}.`, '3. Nhiệm vụ', `${PROSE} & vùng cao.`, `${PROSE}; hạn chế tái nghèo.`]);
    expect(doc.paragraphs.find((p) => p.text === '3. Nhiệm vụ')!.heading).toBeDefined();
    expect(doc.paragraphs.find((p) => p.text === 'II. MỤC TIÊU')!.heading).toBeDefined();
  });

  it('a table placed as a browser places it: a header cell spanning rows continues down, one spanning columns spans them; cells named as in Word', () => {
    const doc = htmlDocument(
      page(`<p>${PROSE}.</p><table><tr><td rowspan=2>Đơn vị</td><td colspan=2>Số hộ nghèo</td></tr><tr><td>Đầu năm</td><td>Cuối năm</td></tr><tr><td>Na Hang</td><td>3.094</td><td>2.704</td></tr></table><p>${PROSE}.</p>`),
      DOCUMENT_LIMITS,
      true,
    )!;
    expect(cells(doc)).toEqual([
      // The span keeps its text in its first column, as a .docx's does.
      ['Đơn vị', 'Số hộ nghèo'],
      ['Đơn vị', 'Đầu năm', 'Cuối năm'],
      ['Na Hang', '3.094', '2.704'],
    ]);
    expect(doc.tables[0]!.grid.rows[2]![2]!.ref).toBe('T1R3C3');
    expect(doc.tables[0]!.after).toBe(1);
  });

  it('a table inside a cell (an annex in a one-cell frame) is a table of its own, numbered after the one around it', () => {
    const doc = htmlDocument(page(`<p>${PROSE}.</p><table><tr><td><p>Phụ lục</p><table><tr><td>Đơn vị</td><td>Số hộ nghèo đầu năm</td></tr><tr><td>Na Hang</td><td>3.094</td></tr></table></td></tr></table>`), DOCUMENT_LIMITS, true)!;
    expect(doc.tables.map((t) => t.number)).toEqual([1, 2]);
    expect(cells(doc, 1)).toEqual([
      ['Đơn vị', 'Số hộ nghèo đầu năm'],
      ['Na Hang', '3.094'],
    ]);
    expect(cells(doc, 0)[0]![0]).toContain('Phụ lục');
  });

  it('a page of tables with a title line stays a web page\'s tables; a short text is a document when its name or its writer says so', () => {
    const tables = page('<h1>Báo cáo kết quả rà soát</h1><table><tr><td>Đơn vị</td><td>Số hộ nghèo</td></tr><tr><td>Na Hang</td><td>3.094</td></tr></table>');
    expect(htmlDocument(tables)).toBeUndefined();
    expect(htmlDocument(tables, DOCUMENT_LIMITS, true)?.format).toBe('html');
    expect(htmlDocument(page('<p>KẾ HOẠCH</p><p>Năm 2020</p>', '<meta name=ProgId content=Word.Document>'))?.paragraphs.length).toBe(2);
    expect(htmlDocument(page('<p>KẾ HOẠCH</p><p>Năm 2020</p>', '<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>'))?.paragraphs.length).toBe(2);
    expect(htmlDocument(page('<p>KẾ HOẠCH</p><p>Năm 2020</p>'))).toBeUndefined();
    // Nothing at all to read is no document.
    expect(htmlDocument(page(''), DOCUMENT_LIMITS, true)).toBeUndefined();
  });

  it('refused past the document limits, with the limit', () => {
    const many = page(Array.from({ length: 30 }, () => `<p>${PROSE}.</p>`).join(''));
    const err = (() => {
      try {
        htmlDocument(many, { ...DOCUMENT_LIMITS, maxParagraphs: 10 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(PovcheckError);
    expect([(err as PovcheckError).code, (err as PovcheckError).params]).toEqual(['DOCUMENT_TOO_LARGE', { what: 'paragraphs', limit: 10 }]);
  });

  it('list numbers as browsers show them', () => {
    expect(['1', 'I', 'i', 'A', 'a'].map((t) => listLabel(4, t))).toEqual(['4.', 'IV.', 'iv.', 'D.', 'd.']);
    expect(listLabel(1994, 'I')).toBe('MCMXCIV.');
  });

  it('a hostile page stays within the tables it keeps: 100,000 tables and lists nested in one another, a paragraph of 5 million characters', () => {
    const deep = page(`<p>${PROSE}.</p>${'<table><tr><td>'.repeat(100_000)}${'Tổng '.repeat(2_000)}${'</td></tr></table>'.repeat(100_000)}${'<ol><li>'.repeat(100_000)}x`);
    const doc = htmlDocument(deep, DOCUMENT_LIMITS, true)!;
    // Sixteen tables of their own at most; deeper ones are their cell's text.
    expect(doc.tables).toHaveLength(16);
    expect(doc.tables.at(-1)!.grid.rows[0]![0]!.raw).toMatch(/^(Tổng ){1999}Tổng$/);
    const long = page(`<p>${'Tổng số hộ nghèo '.repeat(300_000)}</p>`);
    expect(() => htmlDocument(long, DOCUMENT_LIMITS, true)).toThrow(expect.objectContaining({ code: 'DOCUMENT_TOO_LARGE' }));
  });

  it('a large web page of tables is no document: read as tables (it is not refused as a document too large)', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `<tr><td>Xã ${i}</td>${'<td>1.234</td>'.repeat(9)}</tr>`).join('');
    expect(htmlDocument(page(`<h1>Báo cáo</h1><table>${rows}</table>`))).toBeUndefined();
  });
});
