/**
 * `povcheck table` on every published shape (fixtures/published) and every short shape (fixtures/shapes), in
 * every format: laid out as the forms lay them out (grouped headers over `Số hộ | Tỷ lệ (%)`, the flows under
 * `Diễn biến hộ nghèo trong năm`, the column-number row with the derived columns' formulas, blocks I, II with
 * their units, "of which" rows indented, years as the input has them), every header row repeated, widths that
 * fit the longest number and word, numbers as numbers in the xlsx at the precision the table prints.
 * Rendering through LibreOffice is looked at by people (docs/images/table-shapes-*.png).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectGolden, FIXTURES, ROOT } from '../helpers.js';
import { DEFAULT_FIT } from '../../src/render/page-fit.js';
import { unzip } from '../zip.js';
import { inspectXlsx } from '../xlsx-inspect.js';
import { docxTables, expectWidthsFit, type DocxTable } from '../docx-inspect.js';

const GOLDEN = join(ROOT, 'test', 'render', 'golden');
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-shapes-'));
const BLANK = 'fixtures/published/form-near-poor-review-summary-blank.csv';
/** A district printed twice (Năm Căn mislabelled): `table` refuses it with one line, as test/compute/shaped.test.ts says. */
const NAMED_TWICE = 'fixtures/published/review-2014-ca-mau-districts-duplicate-name.csv';
/** A table of deprivations, no poverty indicator: `table` refuses it with one line (exit 2), tested below. */
const NO_INDICATOR = 'fixtures/published/review-2019-lam-dong-province-deprivation-falls.csv';
/**
 * Rates at the start and the end and their fall, no count (Sốp Cộp: the rate of 2023 and the rate it fell to): all
 * eight-indicator keys, but without the base counts the annex's way needs: laid out as a published shape
 * (compute/shaped.ts), the fall computed. It was refused, exit 2.
 */
const RATES_ONLY_ANNEX = 'fixtures/published/review-2024-sop-cop-district-rate-fall-ethnic-minority-bound.csv';
const SHAPES = [
  ...readdirSync(join(FIXTURES, 'published')).filter((f) => f.endsWith('.csv')).map((f) => `fixtures/published/${f}`),
  ...readdirSync(join(FIXTURES, 'shapes')).filter((f) => f.endsWith('.csv')).map((f) => `fixtures/shapes/${f}`),
].filter((f) => f !== BLANK && f !== NAMED_TWICE && f !== NO_INDICATOR);

describe('a published table of start and end rates without counts', () => {
  it('is laid out as printed with its fall computed, the bound kept as written; no year line (2023 is the year it fell from)', async () => {
    const r = await cli(['table', RATES_ONLY_ANNEX, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split(/\r?\n/).map((l) => l.split(';'));
    expect(rows[1]!.slice(-3)).toEqual(['30,23', '25,93', '4,30']);
    expect(rows[2]!.at(-1)).toBe('trên 4');
    expect((await cli(['table', RATES_ONLY_ANNEX])).stdout).not.toContain('2023');
  });
});

describe('a published table of no poverty indicator', () => {
  it('is refused with one line naming the file, exit 2', async () => {
    const r = await cli(['table', NO_INDICATOR, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`povcheck: ${NO_INDICATOR}: no poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start") found in any row or column; its first row reads "Lĩnh vực", "Mức độ thiếu hụt các dịch vụ xã hội cơ bản giảm so với năm …"`]);
  });
});

async function make(file: string, format: 'docx' | 'xlsx' | 'html', extra: string[] = []): Promise<Buffer> {
  const out = join(tmp(), `table.${format}`);
  const r = await cli(['table', file, '--format', format, '-o', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

const docx = async (file: string, extra: string[] = []): Promise<DocxTable> => {
  const tables = docxTables(unzip(await make(file, 'docx', extra)).get('word/document.xml')!.toString('utf8'));
  expect(tables).toHaveLength(1);
  return tables[0]!;
};
const texts = (row: DocxTable['rows'][number]) => row.cells.filter((c) => !c.continued).map((c) => (c.span > 1 ? [c.text, c.span] : c.text));

describe('every shape in every format', () => {
  it.each(SHAPES)('%s', async (file) => {
    for (const format of ['text', 'markdown', 'csv', 'json']) {
      const r = await cli(['table', file, '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(50);
    }
    const t = await docx(file);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.grid.every((w) => w > 0)).toBe(true);
    expectWidthsFit(t);
    const ws = inspectXlsx(await make(file, 'xlsx')).worksheets[0]!;
    expect(ws.merges.length + 1).toBeGreaterThan(0);
    const html = (await make(file, 'html')).toString('utf8');
    expect(html).toContain('<thead>');
  }, 60_000);

  it('a unit named twice in one list: refused with one line that says what to correct, not that the total counts it twice', async () => {
    const r = await cli(['table', NAMED_TWICE, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`povcheck: ${NAMED_TWICE} B13: unit "Huyện Phú Tân" appears twice in one list: which row is which unit cannot be told; name the mistyped row right (povcheck validate says whether the total counts both rows)`);
  });

  it('the blank form: printed as an empty form to fill in (header, column numbers and formulas, its rows), one line saying so', async () => {
    const r = await cli(['table', BLANK, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/không có số liệu nào .*in mẫu biểu trống để điền/);
    // And the form's own title, carried above the table (its rows 1 and 2).
    expect(r.stderr.trim().split('\n')).toEqual([`povcheck: ${BLANK}: tiêu đề in trên bảng là tiêu đề của tệp gốc (dòng 1, 2); --title để đặt tiêu đề khác`, expect.stringMatching(/không có số liệu nào/)]);
    const t = await docx(BLANK);
    const texts = t.rows.map((row) => row.cells.map((c) => c.text));
    expect(texts.flat()).toContain('13=3-7+9+11');
    const body = t.rows.filter((row) => !row.header && !row.cells.some((c) => c.text === 'A'));
    expect(body.map((row) => row.cells[1]!.text)).toEqual(['Khu vực thành thị', 'Khu vực nông thôn', 'Tổng cộng']);
    expect(body.flatMap((row) => row.cells.slice(2).map((c) => c.text)).every((x) => x === '')).toBe(true);
  });
});

describe('laid out as the forms', () => {
  it('form-flows (the review form): households, the start, the flows grouped, the end, each over Số hộ | Tỷ lệ (%), the formulas', async () => {
    const t = await docx('fixtures/shapes/form-flows.csv');
    const head = t.rows.filter((r) => r.header);
    expect(head).toHaveLength(4);
    expect(texts(head[0]!)).toEqual(['STT', 'Đơn vị', 'Tổng số hộ', ['Hộ nghèo đầu năm', 2], ['Diễn biến hộ nghèo trong năm', 6], ['Hộ nghèo cuối năm', 2]]);
    expect(texts(head[1]!)).toEqual(['Số hộ', 'Tỷ lệ (%)', ['Số hộ thoát nghèo', 2], ['Số hộ tái nghèo', 2], ['Hộ nghèo phát sinh', 2], 'Số hộ', 'Tỷ lệ (%)']);
    expect(texts(head[3]!)).toEqual(['A', 'B', '1', '2', '3=2/1*100', '4', '5=4/1*100', '6', '7=6/1*100', '8', '9=8/1*100', '10=2-4+6+8', '11=10/1*100']);
    // The computed end of Xã Phú Lộc (402 − 61 + 3 + 9), not the 335 printed.
    expect(t.rows.find((r) => r.cells[1]?.text === 'Xã Phú Lộc')!.cells.map((c) => c.text)).toContain('353');
  });

  it('Bình Định urban/rural: blocks I, II bold with their units 1 … 11 indented, the grand total last, bold, summed', async () => {
    const t = await docx('fixtures/published/review-2022-binh-dinh-urban-rural.csv');
    const body = t.rows.filter((r) => !r.header);
    expect(body).toHaveLength(25);
    expect(body.map((r) => r.cells[0]!.text).slice(0, 3)).toEqual(['I', '1', '2']);
    expect(body[12]!.cells.slice(0, 2).map((c) => c.text)).toEqual(['II', 'Khu vực nông thôn']);
    expect(body[0]!.cells.every((c) => c.bold)).toBe(true);
    expect(body[1]!.cells.some((c) => c.bold)).toBe(false);
    const total = body[24]!;
    expect(total.cells.map((c) => c.text)).toEqual(['', 'Tổng cộng (I+II)', '11,34', '49.706', '', '25.321', '', '24.385']);
    expect(total.cells.every((c) => c.bold)).toBe(true);
    const head = t.rows.filter((r) => r.header);
    expect(texts(head[0]!)).toEqual(['STT', 'Đơn vị', ['Hộ nghèo và hộ cận nghèo', 2], ['Hộ nghèo', 2], ['Hộ cận nghèo', 2]]);
    expect(texts(head[2]!)).toEqual(['A', 'B', '1', '2=4+6', '3', '4', '5', '6']);
  });

  it('an "of which" row and breakdown rows: indented, unnumbered', async () => {
    const t = await docx('fixtures/published/review-2018-national-son-la-gross-flows.csv');
    const body = t.rows.filter((r) => !r.header);
    expect(body.map((r) => r.cells[0]!.text)).toEqual(['', '', '', '']);
    expect(body[0]!.cells.every((c) => c.bold)).toBe(true);
    const xml = unzip(await make('fixtures/published/review-2018-national-son-la-gross-flows.csv', 'docx')).get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:ind w:left="\d+"[^>]*\/>(?:(?!<\/w:tc>)[\s\S])*Tỉnh Sơn La/);
  });

  it('"of which" rows one level below the unit they are of, never under another (Quảng Nam 2019: golden file), alike in xlsx, docx, html', async () => {
    const file = 'fixtures/published/review-2019-quang-nam-province-areas-districts-communes.csv';
    // The spreadsheet's rows from the first under the column numbers: STT, then the name indented two spaces a level.
    const ws = inspectXlsx(await make(file, 'xlsx')).worksheets[0]!;
    let first = 1;
    while (ws.getCell(first, 1).value !== 'A') first++;
    const rows: Array<{ stt: string; name: string; level: number }> = [];
    for (let r = first + 1; ws.getCell(r, 2).value !== undefined; r++) {
      const name = ws.getCell(r, 2);
      rows.push({ stt: String(ws.getCell(r, 1).value ?? ''), name: String(name.value), level: name.alignment?.indent ?? 0 });
    }
    expectGolden(GOLDEN, 'table.quang-nam-2019.levels.vi.txt', rows.map((r) => `${r.stt.padEnd(4)}${'  '.repeat(r.level)}${r.name}\n`).join(''));
    // The docx and the html indent the same rows as far.
    const levels = rows.map((r) => r.level);
    const xml = unzip(await make(file, 'docx')).get('word/document.xml')!.toString('utf8');
    const docxRows = [...xml.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((m) => m[0]).filter((r) => !r.includes('<w:tblHeader/>'));
    expect(docxRows.map((r) => Math.round(Number(/<w:ind w:left="(\d+)"/.exec(r)?.[1] ?? 0) / (DEFAULT_FIT.indent * 20)))).toEqual(levels);
    const html = (await make(file, 'html')).toString('utf8');
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect([...body.matchAll(/<tr(?: class="([^"]*)")?>/g)].map((m) => Number(/indent-(\d)/.exec(m[1] ?? '')?.[1] ?? 0))).toEqual(levels);
  });

  it('two partitions of the total (GSO 2002–2004): each under its section row, numbered from 1 again', async () => {
    const t = await docx('fixtures/published/gso-2002-2004-rates-by-area-and-region.csv');
    const body = t.rows.filter((r) => !r.header).map((r) => `${r.cells[0]!.text}|${r.cells[1]!.text}`);
    expect(body.slice(0, 6)).toEqual(['|Cả nước', '|Chia theo khu vực', '1|Thành thị', '2|Nông thôn', '|Chia theo vùng', '1|Đồng bằng sông Hồng']);
    // The text and the CSV too; the CSV read back gives the same partitions.
    const text = (await cli(['table', 'fixtures/published/gso-2002-2004-rates-by-area-and-region.csv'])).stdout;
    expect(text).toMatch(/│\s+│ Chia theo vùng\s+│\s+│\s+│\n.*│ 1\s+│ Đồng bằng sông Hồng/);
    const out = join(tmp(), 'gso.csv');
    await cli(['table', 'fixtures/published/gso-2002-2004-rates-by-area-and-region.csv', '--format', 'csv', '-o', out]);
    expect(readFileSync(out, 'utf8')).toMatch(/\n;Chia theo khu vực;;\r?\n1;Thành thị;10,6;8,6\r?\n/);
    const back = await cli(['validate', out, '--format', 'json']);
    expect(back.code).toBe(0);
  });

  it('years as columns (a release of one unit): the indicators as rows, the years as columns, ĐVT', async () => {
    const t = await docx('fixtures/published/indicators-bac-giang-years-as-columns.csv');
    expect(texts(t.rows[0]!)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Năm 2010', 'Năm 2011', 'Năm 2012', 'Năm 2013', 'Năm 2014', 'Năm 2015', 'Năm 2016', 'Năm 2017', 'Năm 2018']);
    expect(t.rows.map((r) => r.cells[1]!.text).slice(1)).toEqual(['Tổng số hộ', 'Số hộ nghèo', 'Số hộ thoát nghèo', 'Tỷ lệ hộ nghèo']);
    expect(t.rows[4]!.cells.map((c) => c.text).slice(4, 7)).toEqual(['15,38', '12,11', '10,52']);
  });

  it('years as rows (a yearbook): a heading per poverty standard, the units as columns', async () => {
    const t = await docx('fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv');
    expect(texts(t.rows[0]!)).toEqual(['STT', 'Tỷ lệ hộ nghèo (%)', 'ĐVT', 'Tổng', 'Thành thị', 'Nông thôn']);
    expect(t.rows.map((r) => r.cells[1]!.text)).toContain('Theo chuẩn nghèo giai đoạn 2016–2020');
    expect(t.rows.filter((r) => r.cells[1]!.text === 'Năm 2015')).toHaveLength(2);
  });

  it('xlsx: numbers as numbers at the precision the table prints (one decimal, two where printed so), the total summed', async () => {
    const ws = inspectXlsx(await make('fixtures/published/targets-2017-quang-binh-districts.csv', 'xlsx')).worksheets[0]!;
    const rows = Array.from({ length: 20 }, (_, i) => ws.getRow(i + 1).values);
    const hoi = rows.find((r) => r.includes('TP. Đồng Hới'))!;
    expect(hoi.slice(3)).toEqual([0.1, 0.15, 32, 48]);
    const total = rows.find((r) => r.includes('Các địa phương'))!;
    expect(total.slice(5)).toEqual([5347, 6013]);
    const r = rows.findIndex((x) => x.includes('TP. Đồng Hới')) + 1;
    expect(ws.getCell(r, 3).numFmt).toBe('[$-42A]0.0');
    expect(ws.getCell(r, 4).numFmt).toBe('[$-42A]0.00');
    expect(ws.getCell(r, 5).numFmt).toBe('[$-42A]#,##0');
  });

  it('json: the table slots as keys, the differences with the computed value at the table precision', async () => {
    const r = await cli(['table', 'fixtures/published/review-2018-national-son-la-gross-flows.csv', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.units[0].values).toMatchObject({ households: '24945432', poor: '1304001', rate: '5.23', rate_exited: '1.73', rate_new: '0.30' });
    // validate cannot tell J2 from the new poor households I2 (75.594, perhaps 95.594) as the slip: named as the alternative.
    expect(j.differences).toEqual([
      { cell: 'J2', unit: 'Cả nước', indicator: 'rate_new', stated: '0.4', computed: '0.30', alternatives: [[{ cell: 'I2', unit: 'Cả nước', indicator: 'poor_new', stated: '75594', likely: '95594' }]] },
    ]);
    expect(r.stderr).toContain('D5 (Tỉnh Sơn La, tỷ lệ hộ nghèo): "25, 42" không đọc được thành số');
  });

  it('--lang en: English group and column words', async () => {
    const t = await docx('fixtures/shapes/blocks.csv', ['--lang', 'en']);
    expect(texts(t.rows[0]!)).toEqual(['No.', 'Unit', 'Households', ['Poor households', 2], ['Near-poor households', 2]]);
    expect(texts(t.rows[1]!)).toEqual(['Number', 'Rate (%)', 'Number', 'Rate (%)']);
  });
});

describe('a list cut short by a row of dots', () => {
  it('keeps its row of dots under the last unit printed, and its total as stated (not the sum of the units listed)', async () => {
    const t = await docx('fixtures/published/review-2022-quang-nam-province-top-districts.csv');
    const rows = t.rows.map(texts);
    const last = rows.findIndex((r) => r.includes('Thăng Bình'));
    expect(rows[last + 1]![1]).toBe('…');
    expect(rows.find((r) => r.includes('Toàn tỉnh'))).toContain('37.819');
  });
});
