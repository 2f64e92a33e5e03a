/**
 * The annex as an Excel workbook (written by spreadsheetml.ts; this module is imported only when xlsx is
 * asked for), laid out and printed as the docx is: the same layout and page fit (page-fit.ts: orientation,
 * type size, column widths measured from the text), the header rows (groups merged over their columns, the
 * column-number row) as print titles repeated on every page, fit to the page width, page numbers at the top
 * centre from the second page, the total row bold and shaded, title, date and unit lines above, source below.
 *
 * Numbers are stored as numbers, with a Vietnamese or English number format: the `[$-42A]` / `[$-409]` locale
 * tag makes LibreOffice show 210.299 / 11,80 or 210,299 / 11.80; Excel shows `#,##0` and `0.00` with the
 * reader's own separators (210.299 and 11,80 in a Vietnamese Excel). Every text goes through `documentText`
 * where spreadsheetml.ts writes it.
 */
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { catalog } from '../messages/index.js';
import type { AnnexLayout, HeadCell, LayoutCell } from './annex-layout.js';
import { lineCount } from './measure.js';
import { DEFAULT_FIT, MARGIN, fitTable, isBold, type Fit } from './page-fit.js';
import { writeWorkbook, Worksheet, type CellStyle, type Font } from './spreadsheetml.js';
import { documentLines, layoutOf, plainValue, type RenderOptions, type TableData } from './table-data.js';

const LOCALE_TAG = { vi: '[$-42A]', en: '[$-409]' } as const;

/** Excel number format of an indicator in a number format. */
export function numberFormat(ind: Indicator, locale: 'vi' | 'en', decimals?: number): string {
  const dp = decimals ?? (indicatorKind(ind) === 'rate' ? 2 : 0);
  return LOCALE_TAG[locale] + (indicatorKind(ind) === 'rate' ? (dp > 0 ? `0.${'0'.repeat(dp)}` : '0') : '#,##0');
}

const FONT_NAME = 'Times New Roman';
const HEAD_FILL = 'FFE7E6E6';
const TOTAL_FILL = 'FFEDEDED';
const INCH = 72;

export interface XlsxOptions extends RenderOptions {
  /** Workbook creation time (kept out of the renderer so that it stays a function of its inputs). */
  created?: Date;
}

/** Excel column width (characters of the default font's digit, 7 px, plus 5 px of padding) for a width in points. */
export function excelWidth(pt: number): number {
  return Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
}

/** Each column's width in points: from the part of the fit it is in (the naming columns from the first). */
function columnWidths(fit: Fit, columns: number): number[] {
  const out = new Array<number>(columns).fill(0);
  for (const part of [...fit.parts].reverse()) part.columns.forEach((c, i) => (out[c] = part.widths[i]!));
  return out;
}

/** Row heights (points) of the header rows so that every header's lines show, spanning cells included. */
function headHeights(head: readonly HeadCell[][], widths: readonly number[], size: number): number[] {
  const line = size * 1.25;
  const heights = head.map(() => line + 4);
  for (let r = 0; r < head.length; r++) {
    for (const h of head[r]!) {
      const width = widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0) - DEFAULT_FIT.padding;
      const need = lineCount(h.text, width, size, true) * line + 4;
      const spanned = heights.slice(r, r + h.rowSpan).reduce((a, b) => a + b, 0);
      if (need > spanned) heights[r + h.rowSpan - 1]! += need - spanned;
    }
  }
  return heights;
}

function writeLine(ws: Worksheet, row: number, columns: number, text: string, font: Font, horizontal: 'center' | 'right' | 'left', widthPt: number): void {
  const fontPt = font.size ?? 11;
  ws.cell(row, 1).value = text;
  // Every cell of a merged range gets the style, as Excel gives it.
  for (let col = 1; col <= columns; col++) ws.cell(row, col).style = { font: { name: FONT_NAME, ...font }, alignment: { horizontal, vertical: 'center', wrap: true } };
  if (columns > 1) ws.merge(row, 1, row, columns);
  ws.heights.set(row, lineCount(text, widthPt, fontPt, !!font.bold) * fontPt * 1.25 + 4);
}

function writeHead(ws: Worksheet, layout: AnnexLayout, first: number, size: number, widths: readonly number[]): number {
  const head = layout.head ?? [layout.header.map((c, col) => ({ ...c, col, colSpan: 1, rowSpan: 1 }))];
  const style = (bold: boolean, fill?: string): CellStyle => ({
    font: { name: FONT_NAME, size, bold },
    ...(fill ? { fill } : {}),
    border: true,
    alignment: { horizontal: 'center', vertical: 'center', wrap: true },
  });
  head.forEach((row, r) =>
    row.forEach((h) => {
      // Every cell of a merged range gets the border and fill, so the range is drawn whole.
      for (let dr = 0; dr < h.rowSpan; dr++) for (let dc = 0; dc < h.colSpan; dc++) ws.cell(first + r + dr, h.col + 1 + dc).style = style(true, HEAD_FILL);
      ws.cell(first + r, h.col + 1).value = h.text;
      if (h.rowSpan > 1 || h.colSpan > 1) ws.merge(first + r, h.col + 1, first + r + h.rowSpan - 1, h.col + h.colSpan);
    }),
  );
  headHeights(head, widths, size).forEach((h, r) => ws.heights.set(first + r, h));
  let next = first + head.length;
  if (layout.columnNumbers) {
    layout.columnNumbers.forEach((t, col) => {
      const c = ws.cell(next, col + 1);
      c.value = t;
      c.style = style(false);
    });
    next++;
  }
  return next;
}

function writeBody(ws: Worksheet, data: TableData, layout: AnnexLayout, first: number, size: number, locale: 'vi' | 'en', widths: readonly number[]): void {
  layout.rows.forEach((row, r) => {
    const info = layout.rowInfo[r]!;
    // A name that wraps in its column (`Huyện Thuận Bắc` in a narrow column) gets the row's height for its lines:
    // a spreadsheet does not grow a row by itself for wrapped text written this way (LibreOffice printed it over the next).
    const lines = Math.max(1, ...row.map((cell, col) => (wraps(cell) ? lineCount(cell.text, widths[col]! - DEFAULT_FIT.padding, size, isBold(layout, r, col)) : 1)));
    if (lines > 1) ws.heights.set(first + r, lines * size * 1.25 + 4);
    row.forEach((cell, col) => {
      const c = ws.cell(first + r, col + 1);
      const base: CellStyle = { font: { name: FONT_NAME, size, bold: isBold(layout, r, col) }, border: true, ...(info.kind === 'total' ? { fill: TOTAL_FILL } : {}) };
      if (cell.kind === 'value' && cell.unit !== undefined && cell.indicator) {
        const d = data.value(cell.unit, cell.indicator);
        const alignment = { horizontal: 'right', vertical: 'center' } as const;
        // The two-decimal (or whole) value the annex prints, as a number.
        if (d !== undefined) {
          const dp = data.decimals?.(cell.indicator, cell.unit);
          c.value = Number(plainValue(d, cell.indicator, dp));
          c.style = { ...base, numFmt: numberFormat(cell.indicator, locale, dp), alignment };
        } else {
          // A cell kept as printed (`dưới 30`): its text.
          if (cell.text !== '') c.value = cell.text;
          c.style = { ...base, alignment };
        }
        return;
      }
      if (cell.kind === 'value' && cell.plain !== undefined) {
        // A number of a row not read (rows-not-read.ts), as printed: its own decimals.
        const dp = cell.decimals ?? 0;
        c.value = Number(cell.plain);
        c.style = { ...base, numFmt: LOCALE_TAG[locale] + (dp > 0 ? `#,##0.${'0'.repeat(dp)}` : '#,##0'), alignment: { horizontal: 'right', vertical: 'center' } };
        return;
      }
      c.value = cell.text;
      const centred = cell.kind === 'stt' || cell.kind === 'measure';
      const named = cell.kind === 'label' || cell.kind === 'unit' || cell.kind === 'heading';
      c.style = { ...base, alignment: { horizontal: centred ? 'center' : 'left', vertical: 'center', wrap: wraps(cell), ...(named && info.indent > 0 ? { indent: info.indent } : {}) } };
    });
  });
}

/** A body cell written with its text wrapped: a name (label, unit, heading) or a text. */
const wraps = (cell: LayoutCell) => cell.kind === 'label' || cell.kind === 'unit' || cell.kind === 'heading' || cell.kind === 'text';

export async function renderXlsx(data: TableData, opts: XlsxOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts, { grouped: true });
  const fit = fitTable(layout);
  const lines = documentLines(layout, opts, data.year);
  const size = fit.fontPt;
  const ncol = layout.header.length;
  const widths = columnWidths(fit, ncol);
  const tableWidth = widths.reduce((a, b) => a + b, 0);

  const ws = new Worksheet(catalog(opts.lang).calc.sheetName);
  ws.widths = widths.map(excelWidth);

  let r = 1;
  if (lines.title) writeLine(ws, r++, ncol, lines.title, { size: size + 2, bold: true }, 'center', tableWidth);
  if (lines.date) writeLine(ws, r++, ncol, lines.date, { size, italic: true }, 'center', tableWidth);
  if (lines.title || lines.date) r++;
  if (lines.unitLine) writeLine(ws, r++, ncol, lines.unitLine, { size, italic: true }, 'right', tableWidth);
  const headFirst = r;
  const bodyFirst = writeHead(ws, layout, headFirst, size, widths);
  writeBody(ws, data, layout, bodyFirst, size, opts.locale, widths);
  if (lines.source) writeLine(ws, bodyFirst + layout.rows.length + 1, ncol, lines.source, { size, italic: true }, 'left', tableWidth);

  ws.frozen = { rows: bodyFirst - 1, columns: layout.labelColumns };
  ws.page = {
    paperSize: 9, // A4
    orientation: fit.orientation,
    // A table split by columns in the docx is as many pages wide here; the naming columns print on each.
    fitToWidth: fit.parts.length,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: MARGIN.left / INCH, right: MARGIN.right / INCH, top: MARGIN.top / INCH, bottom: MARGIN.bottom / INCH, header: MARGIN.top / 2 / INCH, footer: MARGIN.bottom / 2 / INCH },
  };
  ws.printTitles = { rows: [headFirst, bodyFirst - 1], ...(fit.parts.length > 1 ? { columns: [1, layout.labelColumns] as const } : {}) };
  ws.headerFooter = { differentFirst: true, oddHeader: '&C&P' };
  return writeWorkbook({ sheets: [ws], creator: 'povcheck', ...(opts.title ? { title: opts.title } : {}), ...(opts.created ? { created: opts.created } : {}) });
}
