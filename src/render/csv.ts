/**
 * The annex as CSV, laid out as the seed annex (or transposed), readable again by povcheck: numbers in the
 * chosen format, `;`-delimited for Vietnamese numbers (their decimal mark is the comma) and `,` for English,
 * UTF-8 with a BOM and CRLF line ends, as Excel saves "CSV UTF-8".
 */
import { stringify } from 'csv-stringify/sync';
import { layoutOf, type RenderOptions, type TableData } from './table-data.js';

export function csvDelimiter(locale: 'vi' | 'en'): ';' | ',' {
  return locale === 'vi' ? ';' : ',';
}

export function renderCsv(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const records = [layout.header.map((c) => c.text), ...layout.rows.map((r) => r.map((c) => c.text))];
  return '\ufeff' + stringify(records, { delimiter: csvDelimiter(opts.locale), record_delimiter: 'windows' });
}
