/**
 * The annex as an Excel workbook (exceljs; this module is imported only when xlsx is asked for).
 * Numbers are stored as numbers, with a Vietnamese or English number format (the `[$-42A]` / `[$-409]`
 * locale tag makes LibreOffice show 210.299 / 11,80 or 210,299 / 11.80; Excel shows the reader's own
 * separators), rates with two decimals; bold header, column widths from the content, header frozen.
 */
import ExcelJS from 'exceljs';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { catalog } from '../messages/index.js';
import { displayWidth } from './box.js';
import { layoutOf, numericColumns, plainValue, type RenderOptions, type TableData } from './table-data.js';
import { xmlSafeText } from './xml-text.js';

const LOCALE_TAG = { vi: '[$-42A]', en: '[$-409]' } as const;

/** Excel number format of an indicator in a number format. */
export function numberFormat(ind: Indicator, locale: 'vi' | 'en'): string {
  return LOCALE_TAG[locale] + (indicatorKind(ind) === 'rate' ? '0.00' : '#,##0');
}

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface XlsxOptions extends RenderOptions {
  /** Workbook creation time (kept out of the renderer so that it stays a function of its inputs). */
  created?: Date;
}

export async function renderXlsx(data: TableData, opts: XlsxOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts);
  const numeric = numericColumns(layout);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'povcheck';
  if (opts.created) wb.created = wb.modified = opts.created;
  // Every text goes through xmlSafeText: a name holding a character XML cannot carry would corrupt the file.
  if (opts.title) wb.title = xmlSafeText(opts.title);
  const ws = wb.addWorksheet(xmlSafeText(catalog(opts.lang).calc.sheetName), {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const ncol = layout.header.length;
  let r = 1;
  if (opts.title) {
    const c = ws.getCell(r, 1);
    c.value = xmlSafeText(opts.title);
    c.font = { ...FONT, bold: true, size: 14 };
    c.alignment = { horizontal: 'center' };
    ws.mergeCells(r, 1, r, ncol);
    r += 2;
  }
  const headerRow = r;
  layout.header.forEach((h, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = xmlSafeText(h.text);
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = BORDER;
  });
  layout.rows.forEach((row, ri) => {
    row.forEach((cellData, ci) => {
      const c = ws.getCell(headerRow + 1 + ri, ci + 1);
      c.border = BORDER;
      c.font = cellData.kind === 'heading' || (cellData.kind === 'unit' && data.total?.id === cellData.unit) ? { ...FONT, bold: true } : FONT;
      if (cellData.kind === 'value' && cellData.unit !== undefined && cellData.indicator) {
        const d = data.value(cellData.unit, cellData.indicator);
        if (d !== undefined) {
          // The two-decimal (or whole) value the annex prints, as a number.
          c.value = Number(plainValue(d, cellData.indicator));
          c.numFmt = numberFormat(cellData.indicator, opts.locale);
        }
        c.alignment = { horizontal: 'right', vertical: 'middle', indent: 1 };
        return;
      }
      c.value = xmlSafeText(cellData.text);
      const centred = cellData.kind === 'stt' || cellData.kind === 'measure';
      c.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: cellData.kind === 'label' || cellData.kind === 'heading', ...(centred ? {} : { indent: 1 }) };
    });
  });
  // Widths from the longest text shown in each column (numbers as formatted), within sensible bounds; an
  // indicator header (transposed layout) wraps onto two lines, so half its length is enough.
  for (let i = 0; i < ncol; i++) {
    const h = layout.header[i]!;
    const head = h.kind === 'label' && h.indicator ? Math.ceil(displayWidth(h.text) / 2) + 1 : displayWidth(h.text);
    const body = Math.max(0, ...layout.rows.map((row) => displayWidth(row[i]?.text ?? '')));
    const isLabel = layout.rows.some((row) => row[i]?.kind === 'label');
    ws.getColumn(i + 1).width = Math.min(Math.max(head, body, numeric[i] ? 8 : 3) + 2, isLabel ? 45 : 24);
  }
  ws.getRow(headerRow).height = 32;
  const labelColumns = layout.transposed ? 2 : 3;
  ws.views = [{ state: 'frozen', xSplit: labelColumns, ySplit: headerRow, topLeftCell: `${String.fromCharCode(65 + labelColumns)}${headerRow + 1}`, activeCell: 'A1' }];
  ws.headerFooter = { oddFooter: '&P / &N' };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
