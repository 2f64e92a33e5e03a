/**
 * The annex as CSV, laid out as the seed annex (or transposed), readable again by povcheck: numbers in the
 * chosen format, `;`-delimited for Vietnamese numbers (their decimal mark is the comma) and `,` for English,
 * UTF-8 with a BOM and CRLF line ends, as Excel saves "CSV UTF-8". Every CSV povcheck writes goes through
 * `renderCsv`, and every text cell through `csvSafeText` (formula injection, below; control characters shown as
 * their pictures, ESC as ␛, so a CSV printed to a terminal cannot act on it).
 */
import { stringify } from 'csv-stringify/sync';
import { layoutOf, type RenderOptions, type TableData } from './table-data.js';
import { controlsVisible } from '../messages/visible.js';

export function csvDelimiter(locale: 'vi' | 'en'): ';' | ',' {
  return locale === 'vi' ? ';' : ',';
}

/** A number as povcheck writes one: digits with grouping and a decimal mark, a sign, a trailing %. */
const NUMBER = /^[+-]?\d[\d.,\u00a0\u202f ]*%?$/;
/** What a spreadsheet takes as the start of a formula (and its full-width forms), or a leading TAB / CR. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A label's list dash (`- Đầu năm`: a dash, spaces, a letter), which a spreadsheet would take for a minus. */
const LIST_DASH = /^[-\uff0d](?=\s+\p{L})/u;

/**
 * A text cell made safe to open in a spreadsheet (OWASP, "CSV injection"): text that starts with = + - @, a
 * TAB or a CR is prefixed with `'`, so `=HYPERLINK(…)`, `+1+1` or `@SUM(1)` stay text instead of becoming
 * formulas. A label's list dash (`- Đầu năm`) becomes an en dash (`– Đầu năm`), which reads the same and starts
 * no formula, instead of showing an apostrophe in Excel and LibreOffice. Numbers (`-2,65`, `210.299`) are left
 * as they are: they are numbers, not formulas.
 */
export function csvSafeText(text: string): string {
  if (NUMBER.test(text)) return text;
  const shown = controlsVisible(text).replace(LIST_DASH, '\u2013');
  return FORMULA_START.test(shown) ? `'${shown}` : shown;
}

export function renderCsv(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const records = [layout.header.map((c) => c.text), ...layout.rows.map((r) => r.map((c) => c.text))].map((r) => r.map(csvSafeText));
  return '\ufeff' + stringify(records, { delimiter: csvDelimiter(opts.locale), record_delimiter: 'windows' });
}
