/**
 * The annex as an Excel workbook (exceljs, which only writes here; this module is imported only when xlsx is
 * asked for), laid out and printed as the docx is: the same layout and page fit (page-fit.ts: orientation,
 * type size, column widths measured from the text), the header rows (groups merged over their columns, the
 * column-number row) as print titles repeated on every page, fit to the page width, page numbers at the top
 * centre from the second page, the total row bold and shaded, title, date and unit lines above, source below.
 *
 * Numbers are stored as numbers, with a Vietnamese or English number format: the `[$-42A]` / `[$-409]` locale
 * tag makes LibreOffice show 210.299 / 11,80 or 210,299 / 11.80; Excel shows `#,##0` and `0.00` with the
 * reader's own separators (210.299 and 11,80 in a Vietnamese Excel). Every input text goes through
 * `documentText`.
 */
import ExcelJS from 'exceljs';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { catalog } from '../messages/index.js';
import type { AnnexLayout, HeadCell } from './annex-layout.js';
import { lineCount } from './measure.js';
import { DEFAULT_FIT, MARGIN, fitTable, isBold, type Fit } from './page-fit.js';
import { documentText } from './safe-text.js';
import { documentLines, layoutOf, plainValue, type RenderOptions, type TableData } from './table-data.js';

const LOCALE_TAG = { vi: '[$-42A]', en: '[$-409]' } as const;

/** Excel number format of an indicator in a number format. */
export function numberFormat(ind: Indicator, locale: 'vi' | 'en'): string {
  return LOCALE_TAG[locale] + (indicatorKind(ind) === 'rate' ? '0.00' : '#,##0');
}

const FONT_NAME = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } });
const HEAD_FILL = fill('FFE7E6E6');
const TOTAL_FILL = fill('FFEDEDED');
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

function writeLine(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'right' | 'left', widthPt: number): void {
  const c = ws.getCell(row, 1);
  c.value = documentText(text);
  c.font = { name: FONT_NAME, ...font };
  c.alignment = { horizontal, vertical: 'middle', wrapText: true };
  ws.mergeCells(row, 1, row, columns);
  ws.getRow(row).height = lineCount(text, widthPt, font.size ?? 11, !!font.bold) * (font.size ?? 11) * 1.25 + 4;
}

function writeHead(ws: ExcelJS.Worksheet, layout: AnnexLayout, first: number, size: number, widths: readonly number[]): number {
  const head = layout.head ?? [layout.header.map((c, col) => ({ ...c, col, colSpan: 1, rowSpan: 1 }))];
  const style = (c: ExcelJS.Cell, bold: boolean) => {
    c.font = { name: FONT_NAME, size, bold };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  };
  head.forEach((row, r) =>
    row.forEach((h) => {
      // Every cell of a merged range gets the border and fill, so the range is drawn whole.
      for (let dr = 0; dr < h.rowSpan; dr++) for (let dc = 0; dc < h.colSpan; dc++) {
        const c = ws.getCell(first + r + dr, h.col + 1 + dc);
        style(c, true);
        c.fill = HEAD_FILL;
      }
      ws.getCell(first + r, h.col + 1).value = documentText(h.text);
      if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(first + r, h.col + 1, first + r + h.rowSpan - 1, h.col + h.colSpan);
    }),
  );
  headHeights(head, widths, size).forEach((h, r) => (ws.getRow(first + r).height = h));
  let next = first + head.length;
  if (layout.columnNumbers) {
    layout.columnNumbers.forEach((t, col) => {
      const c = ws.getCell(next, col + 1);
      c.value = t;
      style(c, false);
    });
    next++;
  }
  return next;
}

function writeBody(ws: ExcelJS.Worksheet, data: TableData, layout: AnnexLayout, first: number, size: number, locale: 'vi' | 'en'): void {
  layout.rows.forEach((row, r) => {
    const info = layout.rowInfo[r]!;
    row.forEach((cell, col) => {
      const c = ws.getCell(first + r, col + 1);
      c.border = BORDER;
      c.font = { name: FONT_NAME, size, bold: isBold(layout, r, col) };
      if (info.kind === 'total') c.fill = TOTAL_FILL;
      if (cell.kind === 'value' && cell.unit !== undefined && cell.indicator) {
        const d = data.value(cell.unit, cell.indicator);
        if (d !== undefined) {
          // The two-decimal (or whole) value the annex prints, as a number.
          c.value = Number(plainValue(d, cell.indicator));
          c.numFmt = numberFormat(cell.indicator, locale);
        }
        c.alignment = { horizontal: 'right', vertical: 'middle' };
        return;
      }
      c.value = documentText(cell.text);
      const centred = cell.kind === 'stt' || cell.kind === 'measure';
      const named = cell.kind === 'label' || cell.kind === 'unit' || cell.kind === 'heading';
      c.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: named, ...(named && info.indent > 0 ? { indent: info.indent } : {}) };
    });
  });
}

export async function renderXlsx(data: TableData, opts: XlsxOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts, { grouped: true });
  const fit = fitTable(layout);
  const lines = documentLines(layout, opts);
  const size = fit.fontPt;
  const ncol = layout.header.length;
  const widths = columnWidths(fit, ncol);
  const tableWidth = widths.reduce((a, b) => a + b, 0);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'povcheck';
  if (opts.created) wb.created = wb.modified = opts.created;
  if (opts.title) wb.title = documentText(opts.title);
  const ws = wb.addWorksheet(catalog(opts.lang).calc.sheetName);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = excelWidth(w)));

  let r = 1;
  if (lines.title) writeLine(ws, r++, ncol, lines.title, { size: size + 2, bold: true }, 'center', tableWidth);
  if (lines.date) writeLine(ws, r++, ncol, lines.date, { size, italic: true }, 'center', tableWidth);
  if (lines.title || lines.date) r++;
  if (lines.unitLine) writeLine(ws, r++, ncol, lines.unitLine, { size, italic: true }, 'right', tableWidth);
  const headFirst = r;
  const bodyFirst = writeHead(ws, layout, headFirst, size, widths);
  writeBody(ws, data, layout, bodyFirst, size, opts.locale);
  if (lines.source) writeLine(ws, bodyFirst + layout.rows.length + 1, ncol, lines.source, { size, italic: true }, 'left', tableWidth);

  const column = (n: number) => String.fromCharCode(64 + n);
  ws.views = [{ state: 'frozen', xSplit: layout.labelColumns, ySplit: bodyFirst - 1, topLeftCell: `${column(layout.labelColumns + 1)}${bodyFirst}`, activeCell: 'A1' }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: fit.orientation,
    fitToPage: true,
    // A table split by columns in the docx is as many pages wide here; the naming columns print on each.
    fitToWidth: fit.parts.length,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: MARGIN.left / INCH, right: MARGIN.right / INCH, top: MARGIN.top / INCH, bottom: MARGIN.bottom / INCH, header: MARGIN.top / 2 / INCH, footer: MARGIN.bottom / 2 / INCH },
    printTitlesRow: `${headFirst}:${bodyFirst - 1}`,
    ...(fit.parts.length > 1 ? { printTitlesColumn: `A:${column(layout.labelColumns)}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, differentFirst: true, firstHeader: '', oddHeader: '&C&P' };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
