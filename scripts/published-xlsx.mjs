/**
 * Builds real workbooks, with merged cells, from four of the published tables in fixtures/published/:
 *
 *   npm run build && node scripts/published-xlsx.mjs   (writes fixtures/published/xlsx/*.xlsx; committed)
 *
 * Each sheet holds the CSV's cells at the same references (row 1 of the CSV is row 1 of the sheet), so a
 * finding at a cell of the CSV is at the same cell of the workbook. A merged range carries its text in its first
 * cell, as in the CSV. Numbers as printed in Vietnamese (`10.618`, `6,39`, `16,5`) are stored as numbers with the
 * format that shows them the same way in a Vietnamese Excel: `#,##0` for grouped integers, `0.00` / `0.0` for
 * the printed decimals, General for plain integers (years, row numbers). Anything else stays text.
 *
 * The workbooks are written by povcheck's own SpreadsheetML writer (src/render/spreadsheetml.ts, from the
 * build in dist/): the same bytes from run to run (no clock in them). Column widths and the page set-up (A4, fit
 * to the page width, Excel's default margins) only make the sheets readable when printed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'fixtures', 'published');

/** The workbooks: source CSV, sheet name, merged ranges (as the published table merges them). */
export const WORKBOOKS = [
  {
    csv: 'review-2022-binh-dinh-urban-rural.csv',
    sheet: 'Bình Định',
    merges: ['A27:B27'],
    widths: [8, 26, 12, 14, 12, 10, 12, 10],
  },
  {
    csv: 'yearbook-2016-quang-ngai-rates-by-year.csv',
    sheet: 'Biểu 262',
    merges: ['A1:D1', 'A2:D2', 'A4:A5', 'B4:B5', 'C4:D4', 'A6:D6', 'A13:D13'],
    widths: [10, 16, 14, 14],
  },
  {
    csv: 'targets-2017-quang-binh-districts.csv',
    sheet: 'Chỉ tiêu 2017',
    merges: ['A1:A2', 'B1:C1', 'D1:E1'],
    widths: [18, 12, 12, 12, 12],
  },
  {
    csv: 'form-near-poor-review-summary-blank.csv',
    sheet: 'Mẫu tổng hợp',
    merges: [
      'A1:R1', 'A2:R2',
      'A3:A5', 'B3:B5', 'C3:D4', 'E3:H4', 'I3:N3', 'O3:R4',
      'I4:J4', 'K4:L4', 'M4:N4',
      'A18:B18',
    ],
    widths: [5, 18, 9, 9, 9, 7, 9, 7, 9, 7, 9, 7, 9, 7, 9, 7, 9, 7],
    landscape: true,
  },
];

/** A cell's text → { value, numFmt } as a Vietnamese Excel would hold it. */
export function cellOf(text) {
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return { value: Number(text.replace(/\./g, '')), numFmt: '#,##0' };
  if (/^-?\d+,\d+$/.test(text)) {
    const decimals = text.split(',')[1].length;
    return { value: Number(text.replace(',', '.')), numFmt: `0.${'0'.repeat(decimals)}` };
  }
  if (/^-?\d+$/.test(text)) return { value: Number(text) };
  return { value: text };
}

/** Excel's default margins (inches). */
const MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

async function build({ csv, sheet, merges, widths = [], landscape = false }) {
  let writer;
  try {
    writer = await import('../dist/render/spreadsheetml.js');
  } catch {
    throw new Error('dist/render/spreadsheetml.js is missing: run npm run build first');
  }
  const rows = parse(readFileSync(join(DIR, csv)), { delimiter: ';', bom: true, relax_column_count: true });
  const ws = new writer.Worksheet(sheet);
  ws.widths = widths;
  ws.page = { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToWidth: 1, fitToHeight: 0, margins: MARGINS };
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text === '') return;
      const cell = ws.cell(r + 1, c + 1);
      const { value, numFmt } = cellOf(text);
      cell.value = value;
      if (numFmt) cell.style = { numFmt };
      if (typeof value === 'string') cell.style = { alignment: { wrap: true, vertical: 'center' } };
    });
  });
  for (const range of merges) {
    const [from, to] = range.split(':').map(place);
    ws.merge(from.row, from.col, to.row, to.col);
  }
  const out = join(DIR, 'xlsx', csv.replace(/\.csv$/, '.xlsx'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, writer.writeWorkbook({ sheets: [ws], creator: 'povcheck scripts/published-xlsx.mjs' }));
  return out;
}

/** "B12" → { row: 12, col: 2 } (1-based). */
function place(ref) {
  const [, letters, digits] = /^([A-Z]+)([0-9]+)$/.exec(ref);
  return { row: Number(digits), col: [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const book of WORKBOOKS) console.log(await build(book));
}
