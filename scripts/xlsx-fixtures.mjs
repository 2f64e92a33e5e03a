/**
 * Makes the .xlsx/.xlsm fixtures with a real spreadsheet program: LibreOffice Calc, headless.
 *
 *   node scripts/xlsx-fixtures.mjs        (needs `soffice` from Debian's libreoffice-calc; CI does not)
 *
 * 1. fixtures/xlsx/<name>.xlsx: the seed, its CSV variants and every planted error, opened by LibreOffice
 *    as CSV (Vietnamese or English number recognition, as an analyst's Calc would) and saved as .xlsx, so
 *    that the same table arrives both ways and a planted error must be found at the same cell.
 *    fixtures/xlsx/hand-made/*.xlsx: the same from the hand-made CSVs whose names hold the delimiter unquoted.
 *    (`node scripts/xlsx-fixtures.mjs <csv> …` converts only those.)
 * 2. fixtures/xlsx/annex-formatted.{xlsx,xlsm}: the annex as staff build it in a spreadsheet, written
 *    here as a flat OpenDocument file (src/annex-formatted.fods, committed) and converted by LibreOffice:
 *    a title and a two-row header with merged cells, number formats (#,##0 and 0.00), formulas with cached
 *    results (=SUM, =ROUND(…/…*100;2), =E7-E8), a rate stored as 9.739999999999 and shown as 9,74, a number
 *    stored as text ("2,65"), and a second sheet "Bản nháp" (long layout, one planted error).
 * 3. fixtures/xlsx/formula-no-cache.xlsx: annex-formatted.xlsx with the cached result of the formula in D5
 *    removed (LibreOffice always saves results; files written by some generators don't).
 * 4. fixtures/xlsx/formula-error.xlsx: annex-formatted with Hàm Yên's start rate (H11) dividing by a blank
 *    column (=ROUND(H7/L5*100;2), L: the notes), which LibreOffice computes to #DIV/0! and saves as an error cell
 *    (src/formula-error.fods).
 * 5. fixtures/xlsx/sum-range-short.xlsx: a district's communes whose total =SUM(C3:C5) stops a row short, rates
 *    =ROUND(…;2) (src/sum-range-short.fods, written by hand and committed).
 * 6. fixtures/xlsx/rate-row-off.xlsx: the same communes, whose third rate =ROUND(C5/B4*100;2) reads the row
 *    above's households (src/rate-row-off.fods, by hand).
 * 7. fixtures/xlsx/sum-double-count.xlsx: a province over two districts (each =SUM of its communes) whose total
 *    =SUM(C3:C8) adds the communes again (src/sum-double-count.fods, by hand).
 * 8. fixtures/xlsx/hidden-helpers.xlsx: the annex with a hidden check column M (=D−SUM(E:K), zeros) and hidden
 *    rows 12 and 15 holding the unrounded rates the visible ones round (src/hidden-helpers.fods, written by a
 *    helper session's generator and committed).
 * 9. fixtures/xlsx/hidden-rows-typo.xlsx: the hidden rows only, and Na Hang's visible end rate J14 typed 25,65
 *    over its formula (25,56), the reduction J13 typed 4,00 (src/hidden-rows-typo.fods).
 * 10. fixtures/xlsx/two-tables-one-sheet.xlsx: the poor households' table of eight communes, then under `Biểu 2. …`
 *    the near-poor households' of the same communes, on one sheet (src/two-tables-one-sheet.fods, a helper's).
 * 11. fixtures/xlsx/summary-and-district-sheets.xlsx: a summary sheet whose districts' figures are formulas taking
 *    them from a sheet per district (='Na Hang'!E3), Na Hang's poor households reduced typed 324 for 342 on its own
 *    sheet (src/summary-and-district-sheets.fods, a helper's).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED, UNITS } from './fixtures.mjs';
import { readZip, writeZip } from './zip.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIX = join(ROOT, 'fixtures');
const OUT = join(FIX, 'xlsx');

/** CSV files converted as they are, with LibreOffice's CSV import options (separator, charset, language). */
export const CONVERTED = [
  { csv: 'tuyen-quang-2020.csv', sep: ';', lang: 'vi' },
  { csv: 'variants/comma-utf8.csv', sep: ',', lang: 'vi' },
  { csv: 'variants/english.csv', sep: ',', lang: 'en' },
  { csv: 'variants/long-keys.csv', sep: ',', lang: 'en' },
  { csv: 'variants/long-vi.csv', sep: ';', lang: 'vi' },
  { csv: 'variants/counts-only.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/poor-end-transposed.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/households-total-typo.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/rate-start-typo.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/rate-change-rounded.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/end-rate-start-denominator.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/malformed-group.csv', sep: ';', lang: 'vi' },
  { csv: 'planted/stray-text.csv', sep: ';', lang: 'vi' },
];

/**
 * Converted the same way, but not the same table as their CSV: a header name, a row label, two unit names holding
 * the semicolon outside quotes, which Calc splits over two cells each (the delimiter is then no longer in the workbook).
 */
const SPLIT_ON_IMPORT = ['long-header-name-split', 'wide-row-label-split', 'long-unit-name-split'].map((name) => ({ csv: `hand-made/${name}.csv`, sep: ';', lang: 'vi' }));

function soffice(args, cwd) {
  execFileSync('soffice', ['--headless', '--norestore', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

function convertCsv({ csv, sep, lang }) {
  const work = mkdtempSync(join(tmpdir(), 'povcheck-xlsx-'));
  try {
    const src = join(work, basename(csv));
    copyFileSync(join(FIX, csv), src);
    // CSV filter options: separator, quote ("), charset 76 = UTF-8, start at line 1, no column formats,
    // language 1066 = Vietnamese / 1033 = English (US), quoted fields not forced to text, detect special numbers.
    const filter = `CSV:${sep.charCodeAt(0)},34,76,1,,${lang === 'vi' ? 1066 : 1033},false,true`;
    soffice([`--infilter=${filter}`, '--convert-to', 'xlsx', '--outdir', work, src], work);
    const target = join(OUT, csv.replace(/\.csv$/, '.xlsx'));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, basename(csv).replace(/\.csv$/, '.xlsx')), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The annex as built in a spreadsheet, as flat ODF (FODS).

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLS = 'ABCDEFGHIJKL';

/** A cell: { s: text } | { n: number, f?: formula, fmt: 'int' | 'dec2' } | { span: [cols, rows], s } | null. */
function cellXml(c) {
  if (c === null || c === undefined) return '<table:table-cell/>';
  if (c.covered) return '<table:covered-table-cell/>';
  const span = c.span ? ` table:number-columns-spanned="${c.span[0]}" table:number-rows-spanned="${c.span[1]}"` : '';
  if (c.s !== undefined) {
    return `<table:table-cell table:style-name="${c.bold ? 'head' : 'txt'}"${span} office:value-type="string"><text:p>${esc(c.s)}</text:p></table:table-cell>`;
  }
  const style = c.fmt === 'dec2' ? 'dec2' : 'int';
  const formula = c.f ? ` table:formula="of:=${esc(c.f)}"` : '';
  // A formula without a value: LibreOffice computes it on load.
  if (c.n === undefined) return `<table:table-cell table:style-name="${style}"${span}${formula} office:value-type="float"/>`;
  const shown = c.fmt === 'dec2' ? c.n.toFixed(2).replace('.', ',') : String(c.n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `<table:table-cell table:style-name="${style}"${span}${formula} office:value-type="float" office:value="${c.n}"><text:p>${shown}</text:p></table:table-cell>`;
}

function tableXml(name, rows) {
  const body = rows.map((r) => `<table:table-row>${r.map(cellXml).join('')}</table:table-row>`).join('\n');
  return `<table:table table:name="${esc(name)}"><table:table-column table:number-columns-repeated="${Math.max(...rows.map((r) => r.length))}"/>\n${body}\n</table:table>`;
}

const num = (plain) => Number(plain);
const ref = (col, row) => `[.${COLS[col]}${row}]`;

/**
 * Sheet 1: the annex with a title, a merged two-row header, formats, formulas and a number stored as text;
 * `divideByBlank`: Hàm Yên's start rate divides by the blank notes column L.
 */
function annexSheet({ divideByBlank = false } = {}) {
  const rows = [];
  const title = [{ s: 'Phụ lục: Kết quả thực hiện giảm nghèo năm 2020', span: [12, 1], bold: true }];
  for (let i = 1; i < 12; i++) title.push({ covered: true });
  rows.push(title); // row 1
  rows.push([]); // row 2
  const h = (s, span) => ({ s, span, bold: true });
  rows.push([h('STT', [1, 2]), h('Chỉ tiêu', [1, 2]), h('ĐVT', [1, 2]), h('Toàn tỉnh', [1, 2]), h('Chia ra', [7, 1]), ...Array(6).fill({ covered: true }), h('Ghi chú', [1, 2])]); // row 3
  rows.push([{ covered: true }, { covered: true }, { covered: true }, { covered: true }, ...UNITS.slice(1).map((u) => h(u)), { covered: true }]); // row 4
  const counts = [
    ['households_start', 'Tổng số hộ của toàn tỉnh đầu năm'],
    ['households_end', 'Tổng số hộ của toàn tỉnh cuối năm'],
    ['poor_start', 'Số hộ nghèo đầu năm'],
    ['poor_reduced', 'Số hộ nghèo giảm trong năm'],
    ['poor_end', 'Số hộ nghèo cuối năm'],
  ];
  counts.forEach(([ind, label], n) => {
    const r = 5 + n; // rows 5–9
    const row = [{ n: n + 1, fmt: 'int' }, { s: label }, { s: 'Hộ' }];
    // The province column adds up the districts.
    row.push({ n: num(SEED[ind][0]), fmt: 'int', f: `SUM(${ref(4, r)}:${ref(10, r)})` });
    for (let u = 1; u < UNITS.length; u++) {
      const col = 3 + u;
      if (ind === 'poor_end') row.push({ n: num(SEED[ind][u]), fmt: 'int', f: `${ref(col, 7)}-${ref(col, 8)}` });
      else row.push({ n: num(SEED[ind][u]), fmt: 'int' });
    }
    row.push(null);
    rows.push(row);
  });
  rows.push([{ n: 6, fmt: 'int' }, { s: 'Tỷ lệ hộ nghèo', span: [2, 1] }, { covered: true }]); // row 10, label merged over B:C
  const rateRow = (ind, label, make) => {
    const row = [null, { s: label }, { s: '%' }];
    for (let u = 0; u < UNITS.length; u++) row.push(make(u, 3 + u));
    row.push(null);
    rows.push(row);
  };
  // row 11: start rate = ROUND(poor_start / households_start * 100; 2)
  rateRow('rate_start', '- Đầu năm', (u, col) =>
    divideByBlank && UNITS[u] === 'Hàm Yên'
      ? { fmt: 'dec2', f: `ROUND(${ref(col, 7)}/${ref(11, 5)}*100;2)` }
      : { n: num(SEED.rate_start[u]), fmt: 'dec2', f: `ROUND(${ref(col, 7)}/${ref(col, 5)}*100;2)` },
  );
  // row 12: the reduction, typed in; Hàm Yên's 2,65 stored as text, as pasted from a document.
  rateRow('rate_reduced', '- Giảm trong năm', (u) => (UNITS[u] === 'Hàm Yên' ? { s: '2,65' } : { n: num(SEED.rate_reduced[u]), fmt: 'dec2' }));
  // row 13: end rate over END households; the province's typed as 9.739999999999 (shown 9,74).
  rateRow('rate_end', '- Cuối năm', (u, col) =>
    u === 0 ? { n: 9.739999999999, fmt: 'dec2' } : { n: num(SEED.rate_end[u]), fmt: 'dec2', f: `ROUND(${ref(col, 9)}/${ref(col, 6)}*100;2)` },
  );
  return rows;
}

/** Sheet 2: a draft in the long layout, Chiêm Hóa's poor households at the end typed 4963 (cell F7). */
function draftSheet() {
  const inds = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'];
  const rows = [[{ s: 'Đơn vị', bold: true }, ...inds.map((i) => ({ s: i, bold: true }))]];
  UNITS.forEach((u, i) => {
    rows.push([
      { s: u },
      ...inds.map((ind) => {
        const v = ind === 'poor_end' && u === 'Chiêm Hóa' ? '4963' : SEED[ind][i];
        return { n: num(v), fmt: ind.startsWith('rate_') ? 'dec2' : 'int' };
      }),
    ]);
  });
  return rows;
}

export function annexFods(opts = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties fo:language="vi" fo:country="VN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="Ndec2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<style:style style:name="int" style:family="table-cell" style:data-style-name="Nint"/>
<style:style style:name="dec2" style:family="table-cell" style:data-style-name="Ndec2"/>
<style:style style:name="txt" style:family="table-cell"/>
<style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tableXml('Phụ lục', annexSheet(opts))}
${tableXml('Bản nháp', draftSheet())}
</office:spreadsheet></office:body>
</office:document>
`;
}

function convertFods() {
  const srcDir = join(OUT, 'src');
  mkdirSync(srcDir, { recursive: true });
  const fods = join(srcDir, 'annex-formatted.fods');
  writeFileSync(fods, annexFods());
  const broken = join(srcDir, 'formula-error.fods');
  writeFileSync(broken, annexFods({ divideByBlank: true }));
  const work = mkdtempSync(join(tmpdir(), 'povcheck-xlsx-'));
  try {
    soffice(['--convert-to', 'xlsx', '--outdir', work, fods], work);
    soffice(['--convert-to', 'xlsm:Calc MS Excel 2007 VBA XML', '--outdir', work, fods], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, broken], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'sum-range-short.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'rate-row-off.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'sum-double-count.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'hidden-helpers.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'hidden-rows-typo.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'two-tables-one-sheet.fods')], work);
    soffice(['--convert-to', 'xlsx', '--outdir', work, join(srcDir, 'summary-and-district-sheets.fods')], work);
    copyFileSync(join(work, 'annex-formatted.xlsx'), join(OUT, 'annex-formatted.xlsx'));
    copyFileSync(join(work, 'annex-formatted.xlsm'), join(OUT, 'annex-formatted.xlsm'));
    copyFileSync(join(work, 'formula-error.xlsx'), join(OUT, 'formula-error.xlsx'));
    copyFileSync(join(work, 'sum-range-short.xlsx'), join(OUT, 'sum-range-short.xlsx'));
    copyFileSync(join(work, 'rate-row-off.xlsx'), join(OUT, 'rate-row-off.xlsx'));
    copyFileSync(join(work, 'sum-double-count.xlsx'), join(OUT, 'sum-double-count.xlsx'));
    copyFileSync(join(work, 'hidden-helpers.xlsx'), join(OUT, 'hidden-helpers.xlsx'));
    copyFileSync(join(work, 'hidden-rows-typo.xlsx'), join(OUT, 'hidden-rows-typo.xlsx'));
    copyFileSync(join(work, 'two-tables-one-sheet.xlsx'), join(OUT, 'two-tables-one-sheet.xlsx'));
    copyFileSync(join(work, 'summary-and-district-sheets.xlsx'), join(OUT, 'summary-and-district-sheets.xlsx'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** annex-formatted.xlsx with the cached result of D5 (=SUM(E5:K5)) taken out. */
function dropCachedResult() {
  const entries = readZip(readFileSync(join(OUT, 'annex-formatted.xlsx')));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = entries.get(name).toString('utf8');
  const cell = /<c r="D5"[^>]*>(<f[^>]*>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/;
  if (!cell.test(xml)) throw new Error('D5 holds no formula with a cached value');
  entries.set(name, Buffer.from(xml.replace(cell, (m, f) => m.replace(/<v>[^<]*<\/v>/, '')), 'utf8'));
  writeFileSync(join(OUT, 'formula-no-cache.xlsx'), writeZip([...entries]));
}

function main() {
  mkdirSync(OUT, { recursive: true });
  // `node scripts/xlsx-fixtures.mjs hand-made/x.csv …`: those CSV files of CONVERTED only.
  const only = process.argv.slice(2);
  if (only.length > 0) {
    for (const c of [...CONVERTED, ...SPLIT_ON_IMPORT].filter((c) => only.includes(c.csv))) console.log('converted', convertCsv(c));
    return;
  }
  for (const c of SPLIT_ON_IMPORT) console.log('converted', convertCsv(c));
  for (const c of CONVERTED) console.log('converted', convertCsv(c));
  convertFods();
  dropCachedResult();
  console.log('annex-formatted.xlsx, annex-formatted.xlsm, formula-no-cache.xlsx, formula-error.xlsx, sum-range-short.xlsx, rate-row-off.xlsx, sum-double-count.xlsx, hidden-helpers.xlsx, hidden-rows-typo.xlsx, two-tables-one-sheet.xlsx, summary-and-district-sheets.xlsx written');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
