/**
 * Plan documents: Word's .docx (read/docx.ts) built from the seed by scripts/plan-fixtures.mjs and by hand
 * (hostile and unusual ones), and Word's plain-text export (read/text-document.ts), the seed as given.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/read/docx.js';
import { looksLikeDocument, readTextDocument } from '../../src/read/text-document.js';
import { gridFromAnyBytes, inputFromBytes } from '../../src/read/index.js';
import { DOCUMENT_LIMITS } from '../../src/read/document-limits.js';
import { cellAt, cellText, type Grid } from '../../src/model/grid.js';
import { PovcheckError } from '../../src/errors.js';
import { catalog } from '../../src/messages/index.js';
import { FIXTURES, cli } from '../helpers.js';
import { zipApi } from '../xlsx-build.js';
// @ts-expect-error plain JavaScript module without types
import { planDocx } from '../../scripts/plan-fixtures.mjs';

const SEED = readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.txt'), 'utf8');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of the given body XML (WordprocessingML, `w:` prefix). */
function docx(body: string, extra: Array<[string, Buffer | { raw: Buffer; size: number }]> = []): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return zipApi.writeZip([
    ['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['word/document.xml', Buffer.from(xml)],
    ...extra,
  ]);
}
const p = (text: string, style = '') => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(text)}</w:tc>`;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (e) {
    if (e instanceof PovcheckError) return `${e.code}${'what' in (e.params as object) ? `:${String((e.params as { what: string }).what)}` : ''}${'kind' in (e.params as object) ? `:${String((e.params as { kind: string }).kind)}` : ''}`;
    throw e;
  }
}

const text = (g: Grid, r: number, c: number) => cellText(cellAt(g, r, c));

describe("Word's plain-text export (the seed as given)", () => {
  const doc = readTextDocument(SEED, 'utf-8');

  it('is told from a delimited table by its prose', () => {
    expect(looksLikeDocument(SEED)).toBe(true);
    for (const f of ['tuyen-quang-2020.csv', 'variants/comma-utf8.csv', 'variants/long-vi.csv', 'variants/semicolon-utf8-lf.csv']) {
      expect(looksLikeDocument(readFileSync(join(FIXTURES, f), 'utf8').replace(/^\ufeff/, '')), f).toBe(false);
    }
  });

  it('a table whose long labels read as sentences is a table when their rows have as many semicolons (or commas) as the others', () => {
    const rows = (d: string) =>
      [
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Theo chuẩn nghèo giai đoạn 2011 - 2015', 'Theo chuẩn nghèo đa chiều giai đoạn 2016 - 2020'],
        ['1', 'Hộ nghèo', 'Hộ', '36.951', '64.087'],
        ['', 'Tỷ lệ hộ nghèo', '%', '11,36', '19,71'],
        ['', 'Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo của toàn tỉnh', '%', '85,94', '83,42'],
        ['', 'Số hộ nghèo tăng so với chuẩn giai đoạn 2011 - 2015 theo kết quả rà soát', 'Hộ', '', '27.136'],
        ['2', 'Hộ cận nghèo', 'Hộ', '21.956', ''],
      ]
        .map((r) => r.map((c) => (d === ',' && c.includes(',') ? `"${c}"` : c)).join(d))
        .join('\n');
    expect(looksLikeDocument(rows(';'))).toBe(false);
    expect(looksLikeDocument(rows(','))).toBe(false);
    // The seed's prose is still prose with a table's line among it.
    expect(looksLikeDocument(`${SEED}\n${rows(';')}`)).toBe(true);
  });

  it('numbers the non-empty paragraphs and gives each its section', () => {
    expect(doc.paragraphs[0]).toMatchObject({ number: 1, text: 'KẾ HOẠCH', section: '', line: 1 });
    const claim = doc.paragraphs.find((x) => x.text.includes('giảm 2,06%'))!;
    expect(claim).toMatchObject({ number: 10, section: 'I. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể', line: 14 });
    expect(doc.paragraphs.find((x) => x.text.startsWith('- Dự án 1.'))).toMatchObject({ number: 61, section: 'III. KINH PHÍ THỰC HIỆN' });
    expect(doc.paragraphs.find((x) => x.text.startsWith('I. MỤC TIÊU'))).toMatchObject({ heading: true, section: 'I. MỤC TIÊU' });
    // A numbered sentence is not a heading.
    expect(doc.paragraphs.find((x) => x.text.startsWith('3. Các nguồn vốn'))!.heading).toBeUndefined();
  });

  it('reads the annex (one cell per line, rows separated by blank lines) as a grid named T1R…C…, with the lines', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.grid.rows).toHaveLength(9);
    expect(t.grid.rows.every((r) => r.length === 13)).toBe(true);
    expect(cellAt(t.grid, 0, 3)).toMatchObject({ raw: '210.299', ref: 'T1R1C4', table: 1, line: 107 });
    expect(text(t.grid, 6, 1)).toBe('- Đầu năm');
    expect(text(t.grid, 8, 10)).toBe('32,03');
    expect(t.after).toBe(doc.paragraphs.at(-1)!.number);
  });

  it('reads a table of one row per line, its cells separated by TABs', () => {
    const d = readTextDocument(`${SEED.split('\n').slice(0, 20).join('\n')}\nSTT\tChỉ tiêu\tToàn tỉnh\tNa Hang\n1\tTổng số hộ đầu năm\t10\t5\n2\tSố hộ nghèo đầu năm\t4\t2\n`, 'utf-8');
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0]!.grid.rows.map((r) => r.map((c) => c.raw))).toEqual([
      ['STT', 'Chỉ tiêu', 'Toàn tỉnh', 'Na Hang'],
      ['1', 'Tổng số hộ đầu năm', '10', '5'],
      ['2', 'Số hộ nghèo đầu năm', '4', '2'],
    ]);
  });

  it('the opening of a plan (letterhead lines, a title, a preamble of citations): too little prose to call a document among its short lines, but no line splits into fields, so it is one ("no column structure" before); table refuses it as running text', async () => {
    const opening = [
      'ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', '-------', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------',
      'Số: 51/KH-UBND', 'Lạng Sơn, ngày 01 tháng 03 năm 2024', 'KẾ HOẠCH',
      'Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025.',
    ].join('\n');
    expect(looksLikeDocument(opening)).toBe(false);
    const r = await inputFromBytes(Buffer.from(opening), { name: 'ke-hoach.txt' });
    expect(r.kind).toBe('document');
    expect(r.kind === 'document' && r.document.paragraphs).toHaveLength(10);
    const reason = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => (e instanceof PovcheckError ? `${e.code}:${(e.params as { reason: string }).reason}` : String(e)));
    expect(await reason(gridFromAnyBytes(Buffer.from(opening), { name: 'ke-hoach.txt' }))).toBe('NOT_A_TABLE:document');
    // Short lines alone, with no running text, are still no table.
    expect(await reason(inputFromBytes(Buffer.from(opening.split('\n').slice(0, 9).join('\n')), { name: 'a.txt' }))).toBe('NOT_A_TABLE:no-columns');
  });

  it('is what validate reads a .txt plan as, in UTF-16 too', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]);
    const r = await inputFromBytes(utf16, { name: 'plan.txt' });
    expect(r.kind).toBe('document');
    expect(r.kind === 'document' && r.document.encoding).toBe('utf-16le');
  });
});

describe('the seed plan as a .docx (scripts/plan-fixtures.mjs)', async () => {
  const doc = await readDocx(readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx')));
  const txt = readTextDocument(SEED, 'utf-8');

  it('has the text export\'s paragraphs, with the same numbers and sections (and the annex caption after them)', () => {
    const strip = (x: (typeof doc.paragraphs)[number]) => ({ number: x.number, text: x.text, section: x.section });
    expect(doc.paragraphs.slice(0, txt.paragraphs.length).map(strip)).toEqual(txt.paragraphs.map(strip));
    expect(doc.paragraphs.at(-1)!.text).toBe('Phụ lục');
  });

  it('reads the merged header as one row of unit names, as a workbook is read', () => {
    const g = doc.tables[0]!.grid;
    expect(Array.from(g.rows[0]!, (c) => c?.raw ?? '')).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Toàn tỉnh', 'Chia ra', '', '', '', '', '', '', 'Ghi chú']);
    // Merged down: the second header row repeats the text with the merged cell's reference.
    expect(cellAt(g, 1, 3)).toMatchObject({ raw: 'Toàn tỉnh', ref: 'T1R1C4', row: 1, col: 3 });
    expect(cellAt(g, 1, 4)).toMatchObject({ raw: 'Sơn Dương', ref: 'T1R2C5' });
    expect(text(g, 1, 10)).toBe('Lâm Bình');
    expect(cellAt(g, 2, 3)).toMatchObject({ raw: '210.299', ref: 'T1R3C4', table: 1 });
  });
});

describe('Word documents built by hand', () => {
  it('spans, merges, deleted text, field codes and line breaks', async () => {
    const body =
      p('Heading one', 'Heading1') +
      `<w:p><w:r><w:t>a</w:t></w:r><w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>` +
      `<w:tbl><w:tr>${tc('12', '<w:vMerge w:val="restart"/>')}${tc('Tên', '<w:vMerge w:val="restart"/>')}${tc('wide', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('', '<w:vMerge/>')}${tc('x')}${tc('y')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('after')}<w:tc><w:tbl><w:tr>${tc('inner')}</w:tr></w:tbl>${p('outer')}</w:tc></w:tr></w:tbl>`;
    const doc = await readDocx(docx(body));
    expect(doc.paragraphs.map((x) => [x.text, x.section, x.heading ?? false])).toEqual([
      ['Heading one', 'Heading one', true],
      ['a b c', 'Heading one', false],
    ]);
    const g = doc.tables[0]!.grid;
    expect(Array.from(g.rows[0]!, (c) => c?.raw)).toEqual(['12', 'Tên', 'wide']);
    // A number merged down is not repeated (it would count twice); text is.
    expect(cellAt(g, 1, 0)).toBeUndefined();
    expect(cellAt(g, 1, 1)).toMatchObject({ raw: 'Tên', ref: 'T1R1C2' });
    expect(g.rows[1]!.slice(2).map((c) => c.raw)).toEqual(['x', 'y']);
    expect(cellAt(g, 2, 1)!.raw).toBe('after');
    expect(cellAt(g, 2, 2)!.raw).toBe('inner\nouter');
    // The table inside the cell is a table of its own too, counted after the table around it.
    expect(doc.tables.map((t) => t.number)).toEqual([1, 2]);
    expect(doc.tables[1]!.grid.rows[0]!.map((c) => `${c.ref} ${c.raw}`)).toEqual(['T2R1C1 inner']);
  });

  it('a tracked move: the text moved away (w:moveFrom) is not read, the text where it went (w:moveTo) is', async () => {
    // Drag and drop with Track Changes on: 799 moved from Chiêm Hóa's cell to Hàm Yên's, 818 typed in its place.
    const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const moveTo = `<w:tc><w:p><w:moveToRangeStart w:id="1" w:name="move1"/><w:moveTo w:id="2">${run('799')}</w:moveTo><w:moveToRangeEnd w:id="1"/></w:p></w:tc>`;
    const moveFrom = `<w:tc><w:p><w:moveFromRangeStart w:id="3" w:name="move1"/><w:moveFrom w:id="4">${run('799')}</w:moveFrom><w:moveFromRangeEnd w:id="3"/><w:ins w:id="5">${run('818')}</w:ins></w:p></w:tc>`;
    const doc = await readDocx(docx(`<w:tbl><w:tr>${moveTo}${moveFrom}</w:tr></w:tbl>`));
    expect(doc.tables[0]!.grid.rows[0]!.map((c) => c.raw)).toEqual(['799', '818']);
  });

  it('hidden text (Font › Hidden, w:vanish) is not read, as Word neither shows nor prints it; the report counts where it was', async () => {
    const run = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const cell = (...runs: string[]) => `<w:tc><w:p>${runs.join('')}</w:p></w:tc>`;
    const body =
      `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run('Shown')}${run(' (draft)', '<w:vanish/>')}</w:p>` +
      `<w:tbl><w:tr>${cell(run('4.693'), run(' (cũ: 4.963)', '<w:b/><w:vanish/>'))}${cell(run('12'), run('3', '<w:vanish w:val="0"/>'))}</w:tr></w:tbl>`;
    const doc = await readDocx(docx(body));
    // The paragraph mark's w:vanish hides only the mark, not the paragraph's text.
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['Shown']);
    expect(doc.tables[0]!.grid.rows[0]!.map((c) => c.raw)).toEqual(['4.693', '123']);
    expect(doc.hiddenText).toBe(2);
    expect((await readDocx(docx(p('plain')))).hiddenText).toBeUndefined();
    const source = { kind: 'document', format: 'docx', paragraphs: 1, tables: 1, hiddenText: 2 } as const;
    expect(catalog('en').ui.source(source)).toBe('Word document, 1 paragraph, 1 table; hidden text in 2 paragraphs or cells not read (Word neither shows nor prints it)');
    expect(catalog('vi').ui.source(source)).toContain('chữ ẩn (Hidden) ở 2 đoạn hoặc ô không được đọc');
  });

  it('a superscript run (a footnote mark after a figure) is read as the superscript it shows, never as digits of the figure', async () => {
    const sup = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>';
    const run = (t: string, rPr = '') => `<w:r>${rPr}<w:t>${t}</w:t></w:r>`;
    const cell = (...runs: string[]) => `<w:tc><w:p>${runs.join('')}</w:p></w:tc>`;
    const row = [cell(run('4,00'), run('2', sup)), cell(run('4.693'), run('(1)', sup)), cell(run('25,56'), run('*', sup)), cell(run('4,00'), run('2')), cell(run('4,00'), run('2', '<w:rPr><w:vertAlign w:val="baseline"/></w:rPr>'))];
    const doc = await readDocx(docx(`<w:tbl><w:tr>${row.join('')}</w:tr></w:tbl>` + `<w:p>${run('100 m')}${run('2', sup)}</w:p>`));
    expect(doc.tables[0]!.grid.rows[0]!.map((c) => c.raw)).toEqual(['4,00²', '4.693⁽¹⁾', '25,56*', '4,002', '4,002']);
    expect(doc.paragraphs[0]!.text).toBe('100 m²');
  });

  it('a table in a text box is read once (Word writes the box twice: DrawingML in mc:Choice, VML in mc:Fallback); the box\'s own paragraphs are not running text', async () => {
    const row = (cells: string[]) => `<w:tr>${cells.map((c) => tc(c)).join('')}</w:tr>`;
    const annex = `<w:tbl>${row(['Chỉ tiêu', 'Toàn tỉnh', 'Xã A'])}${row(['Số hộ nghèo', '300', '200'])}</w:tbl>`;
    const box = `<w:txbxContent>${p('Phụ lục (in the box)')}${annex}<w:p/></w:txbxContent>`;
    const anchored = (content: string) =>
      `<w:p><w:r><w:t xml:space="preserve">before </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after</w:t></w:r></w:p>`;
    const doc = await readDocx(docx(p('Kế hoạch') + anchored(box)));
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['Kế hoạch', 'before after']);
    // The box's own paragraph is counted for the report, once (not again from the VML fallback).
    expect(doc.textBoxText).toBe(1);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.grid.rows.map((r) => r.map((c) => `${c.ref} ${c.raw}`))).toEqual([
      ['T1R1C1 Chỉ tiêu', 'T1R1C2 Toàn tỉnh', 'T1R1C3 Xã A'],
      ['T1R2C1 Số hộ nghèo', 'T1R2C2 300', 'T1R2C3 200'],
    ]);
    expect(doc.tables[0]!.after).toBe(1);
    // A text box in a table's cell: its table is a table of its own, its text not the cell's.
    const inCell = await readDocx(docx(`<w:tbl><w:tr><w:tc>${anchored(box)}</w:tc></w:tr></w:tbl>`));
    expect(inCell.tables.map((t) => t.grid.rows[0]!.map((c) => c.raw))).toEqual([['before after'], ['Chỉ tiêu', 'Toàn tỉnh', 'Xã A']]);
    // VML alone (an older Word): read once too.
    const vml = await readDocx(docx(`<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box}</v:textbox></v:shape></w:pict></w:r></w:p>`));
    expect(vml.tables).toHaveLength(1);
  });

  it('an annex laid out inside a one-cell frame is read as the table it is (its errors were never seen, the verdict clean)', async () => {
    const row = (cells: string[]) => `<w:tr>${cells.map((c) => tc(c)).join('')}</w:tr>`;
    const annex = `<w:tbl>${row(['Chỉ tiêu', 'Toàn tỉnh', 'Xã A', 'Xã B'])}${row(['Số hộ nghèo', '300', '200', '90'])}</w:tbl>`;
    const doc = await readDocx(docx(p('Phụ lục') + `<w:tbl><w:tr><w:tc>${annex}${p('')}</w:tc></w:tr></w:tbl>`));
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[1]!.grid.rows.map((r) => r.map((c) => c.raw))).toEqual([
      ['Chỉ tiêu', 'Toàn tỉnh', 'Xã A', 'Xã B'],
      ['Số hộ nghèo', '300', '200', '90'],
    ]);
  });

  it('a sentence stating figures in a text box is not read, and the report says text was left out there', async () => {
    // It was left out silently: a wrong figure in a text box gave "no errors" with nothing said of the box.
    const boxed = `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('Tỷ lệ hộ nghèo toàn tỉnh giảm 2,06% (từ 11,8% xuống còn 9,47%).')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
    const path = join(mkdtempSync(join(tmpdir(), 'povcheck-box-')), 'ke-hoach.docx');
    writeFileSync(path, docx(p('Kế hoạch thực hiện Chương trình giảm nghèo năm 2020 của tỉnh') + boxed + p('Tổng kinh phí thực hiện: 3.000 triệu đồng, trong đó vốn đầu tư 1.000 triệu đồng, vốn sự nghiệp 2.000 triệu đồng.')));
    expect((await readDocx(readFileSync(path))).textBoxText).toBe(1);
    const r = await cli(['validate', path, '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].source).toMatchObject({ kind: 'document', textBoxText: 1 });
    const t = await cli(['validate', path, '--lang', 'en']);
    expect(t.stdout).toContain('1 paragraph in text boxes not read (figures stated there are not checked; a table in a text box is)');
  });

  it('footnotes are not read, and the report says how many there are (a fresh-eyes trial: a footnote citing Quyết định 468 with a third date passed unnoticed, "14 citations checked")', async () => {
    const note = (id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const deleted = `<w:del w:id="9" w:author="A"><w:r><w:footnoteReference w:id="3"/></w:r></w:del>`;
    const body = `<w:p><w:r><w:t xml:space="preserve">Tổng kinh phí thực hiện: 3.000 triệu đồng, trong đó vốn đầu tư 1.000 triệu đồng, vốn sự nghiệp 2.000 triệu đồng.</w:t></w:r>${note(1)}${deleted}</w:p>`;
    const path = join(mkdtempSync(join(tmpdir(), 'povcheck-note-')), 'ke-hoach.docx');
    writeFileSync(path, docx(p('Kế hoạch thực hiện Chương trình giảm nghèo năm 2020 của tỉnh') + body + `<w:p>${note(2)}</w:p>`));
    const doc = await readDocx(readFileSync(path));
    // The marks are not text: the sentence reads as Word shows it, less the raised numbers.
    expect(doc.paragraphs[1]!.text.endsWith('2.000 triệu đồng.')).toBe(true);
    expect(doc.notes).toBe(2);
    const r = await cli(['validate', path, '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].source).toMatchObject({ kind: 'document', notes: 2 });
    expect((await cli(['validate', path, '--lang', 'en'])).stdout).toContain('; 2 footnotes not read (figures and citations in footnotes and endnotes are not checked)');
    expect((await cli(['validate', path, '--lang', 'vi'])).stdout).toContain('; 2 chú thích (footnote, endnote) không được đọc');
  });

  it('a table row deleted with Track Changes on is not read and not counted: the rows are numbered as Word shows them once accepted', async () => {
    // The deleted row's cells were read empty and counted: every finding below it was one row off (row 11 for 10).
    const del = (t: string) => `<w:tc><w:p><w:del w:id="1" w:author="A"><w:r><w:delText>${t}</w:delText></w:r></w:del></w:p></w:tc>`;
    const deletedRow = `<w:tr><w:trPr><w:del w:id="2" w:author="A"/></w:trPr>${del('Số hộ nghèo (cũ)')}${del('4.999')}</w:tr>`;
    const insertedRow = `<w:tr><w:trPr><w:ins w:id="3" w:author="A"/></w:trPr>${tc('Số hộ nghèo')}${tc('4.753')}</w:tr>`;
    const doc = await readDocx(docx(`<w:tbl><w:tr>${tc('Chỉ tiêu')}${tc('Hàm Yên')}</w:tr>${deletedRow}${insertedRow}<w:tr>${tc('Tổng số hộ')}${tc('31.526')}</w:tr></w:tbl>`));
    expect(doc.tables[0]!.grid.rows.map((r) => r.map((c) => `${c.ref} ${c.raw}`))).toEqual([
      ['T1R1C1 Chỉ tiêu', 'T1R1C2 Hàm Yên'],
      ['T1R2C1 Số hộ nghèo', 'T1R2C2 4.753'],
      ['T1R3C1 Tổng số hộ', 'T1R3C2 31.526'],
    ]);
  });

  it('a paragraph mark deleted with Track Changes on (w:pPr/w:rPr/w:del): the two paragraphs are one, as Word shows them', async () => {
    // They were two: every paragraph number after them, those the findings quote (¶60), one too many.
    const markDeleted = (text: string, props = '') => `<w:p><w:pPr>${props}<w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ''}</w:p>`;
    const deletedWhole = (text: string, props = '') => `<w:p><w:pPr>${props}<w:rPr><w:del w:id="2" w:author="A"/></w:rPr></w:pPr><w:del w:id="3" w:author="A"><w:r><w:delText>${text}</w:delText></w:r></w:del></w:p>`;
    const heading = '<w:pStyle w:val="Heading1"/>';
    const body = markDeleted('Thực hiện Nghị quyết số 46-NQ/TU,') + p(' Căn cứ Kế hoạch số 66/KH-UBND;')
      // A heading joined with the sentence after it keeps its style (Word keeps the first paragraph's); a paragraph
      // deleted whole (its text and its mark) leaves the next one as it is.
      + markDeleted('I. MỤC TIÊU', heading) + p(' tiếp tục') + deletedWhole('Đoạn bỏ đi', heading) + p('Giảm 2,06%.')
      // No joining across a table, nor out of a cell: such a paragraph stays one.
      + markDeleted('Phụ lục') + `<w:tbl><w:tr><w:tc>${markDeleted('Hộ')}${p('nghèo')}</w:tc><w:tc>${markDeleted('cuối')}</w:tc></w:tr></w:tbl>` + markDeleted('Hết.');
    const doc = await readDocx(docx(body));
    expect(doc.paragraphs.map((x) => [x.number, x.text, x.heading ?? false])).toEqual([
      [1, 'Thực hiện Nghị quyết số 46-NQ/TU, Căn cứ Kế hoạch số 66/KH-UBND;', false],
      [2, 'I. MỤC TIÊU tiếp tục', true],
      [3, 'Giảm 2,06%.', false],
      [4, 'Phụ lục', false],
      [5, 'Hết.', false],
    ]);
    expect(doc.tables[0]!.grid.rows[0]!.map((c) => c.raw)).toEqual(['Hộnghèo', 'cuối']);
    expect(doc.tables[0]!.after).toBe(4);
  });

  it('a numbered paragraph deleted whole is not counted: the list numbers after it as Word shows them once accepted', async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const numPr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const item = (text: string) => `<w:p><w:pPr>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const gone = `<w:p><w:pPr>${numPr}<w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:del w:id="2" w:author="A"><w:r><w:delText>Bỏ đi</w:delText></w:r></w:del></w:p>`;
    const doc = await readDocx(docx(item('Mục tiêu') + gone + item('Nhiệm vụ') + item('Kinh phí'), [['word/numbering.xml', Buffer.from(numbering)]]));
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['1. Mục tiêu', '2. Nhiệm vụ', '3. Kinh phí']);
  });

  it("Word's list numbers are read before the text, as Word shows them: numbered headings are headings", async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num></w:numbering>`;
    const numbered = (text: string, ilvl: number, numId = '7') => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    // A tracked change's former properties (w:pPrChange) number nothing; numId 0 removes the numbering.
    const formerly = `<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Căn cứ Kế hoạch số 66</w:t></w:r></w:p>`;
    const body = numbered('KẾT QUẢ NĂM 2019', 0) + p('Tỷ lệ hộ nghèo giảm còn 11,8%.') + formerly + numbered('MỤC TIÊU', 0) + numbered('Mục tiêu chung', 1) + numbered('Không đánh số', 0, '0') + p('Giảm 2,06%.');
    const doc = await readDocx(docx(body, [['word/numbering.xml', Buffer.from(numbering)]]));
    expect(doc.paragraphs.map((x) => [x.text, x.section])).toEqual([
      ['I. KẾT QUẢ NĂM 2019', 'I. KẾT QUẢ NĂM 2019'],
      ['Tỷ lệ hộ nghèo giảm còn 11,8%.', 'I. KẾT QUẢ NĂM 2019'],
      ['Căn cứ Kế hoạch số 66', 'I. KẾT QUẢ NĂM 2019'],
      ['II. MỤC TIÊU', 'II. MỤC TIÊU'],
      ['1. Mục tiêu chung', 'II. MỤC TIÊU › 1. Mục tiêu chung'],
      ['Không đánh số', 'II. MỤC TIÊU › 1. Mục tiêu chung'],
      ['Giảm 2,06%.', 'II. MỤC TIÊU › 1. Mục tiêu chung'],
    ]);
    // Without numbering.xml, a numbered paragraph is its text alone, as before.
    expect((await readDocx(docx(numbered('MỤC TIÊU', 0)))).paragraphs[0]!.text).toBe('MỤC TIÊU');
  });

  it("a main part named by _rels/.rels (Word Online's word/document2.xml): its numbering as its own relationships name it, else word/numbering.xml", async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const body = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>MỤC TIÊU</w:t></w:r></w:p>`;
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const rels = (...targets: Array<[string, string]>) =>
      Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`);
    const renamed = (...parts: Array<[string, Buffer]>) => {
      const doc = zipApi.readZip(docx(body)).get('word/document.xml')!;
      return zipApi.writeZip([['_rels/.rels', rels(['officeDocument', '/word/document2.xml'])], ['word/document2.xml', doc], ...parts]);
    };
    const text = async (bytes: Buffer) => (await readDocx(bytes)).paragraphs.map((x) => x.text);
    // Named by word/_rels/document2.xml.rels (relative to word/, or absolute): read, though not word/numbering.xml.
    expect(await text(renamed(['word/_rels/document2.xml.rels', rels(['styles', 'styles.xml'], ['numbering', 'numbering2.xml'])], ['word/numbering2.xml', Buffer.from(numbering)]))).toEqual(['I. MỤC TIÊU']);
    expect(await text(renamed(['word/_rels/document2.xml.rels', rels(['numbering', '/word/lists/numbering.xml'])], ['word/lists/numbering.xml', Buffer.from(numbering)]))).toEqual(['I. MỤC TIÊU']);
    // No relationships, none of type numbering, or one naming no part: word/numbering.xml, as before.
    for (const mainRels of [[], [['word/_rels/document2.xml.rels', rels(['styles', 'styles.xml'])]], [['word/_rels/document2.xml.rels', rels(['numbering', 'gone.xml'])]]] as Array<Array<[string, Buffer]>>) {
      expect(await text(renamed(...mainRels, ['word/numbering.xml', Buffer.from(numbering)]))).toEqual(['I. MỤC TIÊU']);
    }
    expect(await text(renamed())).toEqual(['MỤC TIÊU']);
    // A damaged main part is named as it is in the package.
    const broken = zipApi.writeZip([['_rels/.rels', rels(['officeDocument', 'word/document2.xml'])], ['word/document2.xml', Buffer.from(`<w:document ${W}><w:body><w:p></w:body>`)]]);
    expect(await readDocx(broken).catch((e: unknown) => e)).toMatchObject({ code: 'DOCUMENT_INVALID', params: { part: 'word/document2.xml', xml: 'syntax' } });
  });

  it("Word's list numbers in table cells are the cells' text, as Word shows them: an STT column numbered I, 1, 2, II, 1 …", async () => {
    // The STT cells' paragraphs were read empty (the numbers are not in the text): the group rows were no groups.
    const lvl = (ilvl: number, format: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1')}${lvl(1, 'decimal', '%2')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`;
    const numberedCell = (ilvl: number, numId = '1', text = '') => `<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p></w:tc>`;
    const row = (stt: string, name: string) => `<w:tr>${stt}${tc(name)}</w:tr>`;
    const deletedRow = `<w:tr><w:trPr><w:del w:id="2" w:author="A"/></w:trPr>${numberedCell(1)}${tc('Xã đã sáp nhập')}</w:tr>`;
    const table = `<w:tbl>${row(tc('STT'), 'Đơn vị')}${row(numberedCell(0), 'Đông Sơn')}${row(numberedCell(1), 'An Phú')}${deletedRow}${row(numberedCell(1), 'Bình Minh')}${row(numberedCell(2, '1', 'Thôn Một'), '')}${row(numberedCell(2), 'Thôn Hai')}`
      // The list goes on in the next rows (one counter per list); a second list of it restarts level 1 (startOverride).
      + `${row(numberedCell(0), 'Nam Sơn')}${row(numberedCell(1), 'Cát Tiên')}${row(numberedCell(1, '2'), 'Đồng Tâm')}${row(numberedCell(1), 'Tân Lập')}</w:tbl>`;
    const doc = await readDocx(docx(p('Phụ lục') + table, [['word/numbering.xml', Buffer.from(numbering)]]));
    expect(doc.tables[0]!.grid.rows.map((r) => r.map((c) => c.raw).join(' | '))).toEqual([
      'STT | Đơn vị',
      'I | Đông Sơn',
      '1 | An Phú',
      '2 | Bình Minh',
      'a) Thôn Một | ',
      'b) | Thôn Hai',
      'II | Nam Sơn',
      '1 | Cát Tiên',
      '1 | Đồng Tâm',
      '2 | Tân Lập',
    ]);
    // A body paragraph numbered by the same list after the table counts on from it.
    const after = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>TỔ CHỨC THỰC HIỆN</w:t></w:r></w:p>`;
    const withText = await readDocx(docx(table + after, [['word/numbering.xml', Buffer.from(numbering)]]));
    expect(withText.paragraphs.map((x) => x.text)).toEqual(['III TỔ CHỨC THỰC HIỆN']);
  });

  it('entities are decoded, the text is NFC', async () => {
    const doc = await readDocx(docx(p('Ho\u0302\u0323 ngh&#232;o &lt;b&gt; &amp;')));
    expect(doc.paragraphs[0]!.text).toBe('Hộ nghèo <b> &');
  });

  it('soft hyphens and zero-width spaces (pasted text) are not read, as Word does not show them: names and figures read as shown', async () => {
    // "Lâm Bì\u00adnh" was not Lâm Bình: the plan's targets for its poor districts were silently not checked.
    const doc = await readDocx(docx(`${p('Riêng các huyện nghèo (Lâm Bì\u00adnh, Na\u200bHang) giảm từ 4% trở lên.')}<w:tbl><w:tr>${tc('Lâm Bì\u00adnh')}${tc('4.7\u00ad53')}</w:tr></w:tbl>${p('\u00ad')}`));
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['Riêng các huyện nghèo (Lâm Bình, NaHang) giảm từ 4% trở lên.']);
    expect([text(doc.tables[0]!.grid, 0, 0), text(doc.tables[0]!.grid, 0, 1)]).toEqual(['Lâm Bình', '4.753']);
    const txt = readTextDocument(SEED.replace('(Lâm Bình, Na Hang)', '(Lâm Bì\u00adnh, Na Hang)').replace('\t4.753', '\t4.7\u00ad53'), 'utf-8');
    expect(txt.paragraphs.find((x) => x.text.includes('huyện nghèo'))!.text).toContain('(Lâm Bình, Na Hang)');
    expect(txt.tables[0]!.grid.rows.flat().some((c) => c?.raw === '4.753')).toBe(true);
  });
});

describe('hostile documents stop with a reason, before anything big is unpacked', () => {
  it('a zip bomb with honest sizes (150 MB of zeros)', async () => {
    const bytes = zipApi.writeZip([['word/document.xml', zipApi.zeroBomb(150)]]);
    expect(await code(readDocx(bytes))).toBe('DOCUMENT_TOO_LARGE:uncompressed');
  });

  it('a zip bomb that lies about its size (1 GB declared as 1 KB)', async () => {
    const bomb = zipApi.zeroBomb(1024);
    const bytes = zipApi.writeZip([['word/document.xml', { raw: bomb.raw, size: 1024 }]]);
    const before = process.memoryUsage().rss;
    const err = await readDocx(bytes).catch((e: PovcheckError) => e);
    expect(err).toMatchObject({ code: 'DOCUMENT_INVALID' });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('document.xml larger than a plan ever is (declared 40 MB)', async () => {
    const bytes = zipApi.writeZip([['word/document.xml', zipApi.zeroBomb(40)]]);
    expect(await code(readDocx(bytes))).toBe('DOCUMENT_TOO_LARGE:document');
  });

  it('a table of 250,000 cells', async () => {
    const row = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(50)}</w:tr>`;
    const bytes = docx(`<w:tbl>${row.repeat(5000)}</w:tbl>`);
    expect(await code(readDocx(bytes))).toBe('DOCUMENT_TOO_LARGE:cells');
  });

  it('a cell spanning more columns than any table has', async () => {
    expect(await code(readDocx(docx(`<w:tbl><w:tr>${tc('x', '<w:gridSpan w:val="99999"/>')}${tc('y')}</w:tr></w:tbl>`)))).toBe('DOCUMENT_TOO_LARGE:columns');
  });

  it('elements nested 100,000 deep', async () => {
    const bytes = docx(`${'<w:sdt><w:sdtContent>'.repeat(50_000)}${'</w:sdtContent></w:sdt>'.repeat(50_000)}`);
    expect(await code(readDocx(bytes))).toBe('DOCUMENT_TOO_LARGE:depth');
  });

  it('a DOCTYPE (entity expansion) and XML that does not parse', async () => {
    const doctype = zipApi.writeZip([['word/document.xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document/>')]]);
    expect(await code(readDocx(doctype))).toBe('DOCUMENT_INVALID');
    expect(await code(readDocx(docx('<w:p><w:r><w:t>open</w:r></w:p>')))).toBe('DOCUMENT_INVALID');
  });

  it('lower limits apply as given (paragraphs)', async () => {
    expect(await code(readDocx(docx(p('a').repeat(20)), { ...DOCUMENT_LIMITS, maxParagraphs: 10 }))).toBe('DOCUMENT_TOO_LARGE:paragraphs');
  });
});

describe('symbols (Insert › Symbol: w:sym)', () => {
  it('read as the character their font and code show: ≥ and μ of the Symbol font, a Wingdings bullet as •', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const body = `<w:p><w:r><w:t xml:space="preserve">giảm </w:t></w:r>${sym('Symbol', 'F0B3')}<w:r><w:t xml:space="preserve"> 4%; 15 </w:t></w:r>${sym('Symbol', 'F06D')}<w:r><w:t>g</w:t></w:r></w:p><w:p>${sym('Wingdings', 'F0A7')}<w:r><w:t xml:space="preserve"> Na Hang</w:t></w:r></w:p>`;
    const doc = await readDocx(docx(body));
    expect(doc.paragraphs.map((q) => q.text)).toEqual(['giảm ≥ 4%; 15 μg', '• Na Hang']);
  });
});

describe('what validate is given instead of a plan', () => {
  it('a damaged Word 97 file (read/word97.ts reads the others: test/read/word97.test.ts), a PDF: refused', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(600)]);
    expect(await code(inputFromBytes(ole, { name: 'ke-hoach.doc' }))).toBe('DOCUMENT_INVALID');
    expect(await code(inputFromBytes(ole, { name: 'no-extension' }))).toBe('WORKBOOK_INVALID');
    expect(await code(inputFromBytes(Buffer.from('%PDF-1.7\n...'), { name: 'plan.pdf' }))).toBe('FILE_BINARY:pdf');
  });

  it('a ZIP that is neither a workbook nor a Word document is named', async () => {
    expect(await code(inputFromBytes(zipApi.writeZip([['content.xml', Buffer.from('x')], ['mimetype', Buffer.from('x')]]), { name: 'a.odt' }))).toBe('FILE_BINARY:ods');
  });

  it('an OpenDocument text (Writer) and an RTF document, whatever their names: told to save as .docx, not as a spreadsheet', async () => {
    // An .odt named .docx was "an OpenDocument spreadsheet (.ods)"; an RTF named .txt was "no column structure".
    const odt = zipApi.writeZip([['mimetype', Buffer.from('application/vnd.oasis.opendocument.text')], ['content.xml', Buffer.from('<office:document-content/>')]]);
    const ods = zipApi.writeZip([['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')], ['content.xml', Buffer.from('<office:document-content/>')]]);
    expect(await code(inputFromBytes(odt, { name: 'ke-hoach.docx' }))).toBe('FILE_BINARY:odt');
    // An OpenDocument spreadsheet is read as one whatever its name (this one has no sheet).
    expect(await code(inputFromBytes(ods, { name: 'bieu.docx' }))).toBe('WORKBOOK_INVALID');
    const rtf = Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} K\\u7871? ho\\u7841?ch gi\\u7843?m ngh\\u232?o n\\u259?m 2020\\par }');
    expect(await code(inputFromBytes(rtf, { name: 'ke-hoach.txt' }))).toBe('FILE_BINARY:rtf');
    expect(catalog('en').errors.FILE_BINARY({ kind: 'odt' })).toMatch(/OpenDocument text document \(\.odt\).*save it as \.docx/);
  });

  it('a damaged .docx', async () => {
    expect(await code(inputFromBytes(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), { name: 'plan.docx' }))).toBe('DOCUMENT_INVALID');
  });
});

describe('planDocx (the fixture builder) is what is committed', async () => {
  it('the committed seed .docx reads as planDocx(seed) does', async () => {
    const built = await readDocx(await planDocx(SEED));
    const committed = await readDocx(readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx')));
    expect(committed.paragraphs).toEqual(built.paragraphs);
    expect(committed.tables.map((t) => t.grid.rows)).toEqual(built.tables.map((t) => t.grid.rows));
  });
});
