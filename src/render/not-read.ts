/**
 * What a table prints that povcheck does not read, put back into a layout as read (never recomputed nor marked).
 *
 * Rows: the rows a table prints that name no indicator (`Số hộ được hỗ trợ nhà ở`, `Thu nhập bình quân đầu người`:
 * model/annex.ts `rowsNotRead`), put back into a layout with the units as columns: each before the first row the
 * layout prints that stood below it in the input, its label, its unit of measure and its cells as read (with
 * `locale`, a number written in that format, any other text as printed; without, every cell as printed: the
 * validate report's table). Not checked, so never marked. With the units as rows they would be columns: not
 * printed (`table` says so on stderr).
 */
import type { Indicator } from '../model/indicators.js';
import type { CellAsRead, ColumnNotRead, NotReadColumns, NotReadRows, RowNotRead } from '../model/annex.js';
import { formatPlain } from '../messages/index.js';
import type { AnnexLayout, HeadCell, LayoutCell, RowInfo } from './annex-layout.js';

export function withRowsNotRead(layout: AnnexLayout, notRead: NotReadRows, locale?: 'vi' | 'en'): AnnexLayout {
  const template = layout.rows.find((r) => r.some((c) => c.kind === 'value'));
  if (layout.transposed || !template) return layout;
  const at = inputRows(layout.rows, notRead.rowOf);
  const cols = inputColumns(layout, notRead);
  const pending = [...notRead.rows].sort((a, b) => a.row - b.row);
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  const put = (r: RowNotRead) => {
    rows.push(template.map((c, j) => cellOf(c, r, cols[j], locale)));
    rowInfo.push({ kind: 'data', indent: 0 });
  };
  let k = 0;
  layout.rows.forEach((row, i) => {
    const here = at[i];
    while (k < pending.length && here !== undefined && pending[k]!.row < here) put(pending[k++]!);
    rows.push(row);
    rowInfo.push(layout.rowInfo[i]!);
  });
  while (k < pending.length) put(pending[k++]!);
  return { ...layout, rows, rowInfo };
}

/** The input row each laid-out row stands for: its indicator's label row; a heading's, the next row's. */
function inputRows(rows: readonly LayoutCell[][], rowOf: (ind: Indicator) => number | undefined): Array<number | undefined> {
  const at = rows.map((r) => {
    const ind = r.find((c) => c.indicator !== undefined)?.indicator;
    return ind === undefined ? undefined : rowOf(ind);
  });
  for (let i = at.length - 2; i >= 0; i--) if (at[i] === undefined) at[i] = at[i + 1];
  return at;
}

/**
 * The input column of each laid-out column of values: where a value of a row in it was read (a unit's column, a year's
 * or a measure's), else its unit's header.
 */
function inputColumns(layout: AnnexLayout, notRead: NotReadRows): Array<number | undefined> {
  const cols = valueColumns(layout, (unit, ind) => notRead.columnOf(unit, ind));
  layout.rows[0]?.forEach((c, j) => {
    if (cols[j] === undefined && c.kind === 'value' && c.unit !== undefined) cols[j] = notRead.columnOf(c.unit);
  });
  return cols;
}

/** The not-read row's cell in the column of the template's cell `c`, which stood at input column `col`. */
function cellOf(c: LayoutCell, r: RowNotRead, col: number | undefined, locale: 'vi' | 'en' | undefined): LayoutCell {
  if (c.kind === 'label' || c.kind === 'heading') return { text: r.label, kind: 'label', cell: r.labelCell };
  if (c.kind === 'measure') return { text: r.measure ?? '', kind: 'measure' };
  // A column of values (the template row may have none in it: a row of counts under `Tỷ lệ (%)`).
  if (col === undefined) return { text: '', kind: c.kind === 'stt' ? 'stt' : 'blank' };
  const cell = r.cells.get(col);
  return cell ? valueAsRead(cell, c.unit, locale, 'value') : { text: '', kind: 'value', ...(c.unit !== undefined ? { unit: c.unit } : {}) };
}

/** A cell as read: a number in `locale`'s format (else as printed); a text that is no number as `textKind`. */
function valueAsRead(cell: CellAsRead, unit: number | undefined, locale: 'vi' | 'en' | undefined, textKind: 'value' | 'text'): LayoutCell {
  const at = unit !== undefined ? { unit } : {};
  if (cell.plain === undefined) return { text: cell.text, kind: textKind, ...at };
  const text = locale !== undefined ? formatPlain(cell.plain, locale) : cell.text;
  return { text, kind: 'value', ...at, plain: cell.plain, ...(cell.decimals !== undefined ? { decimals: cell.decimals } : {}) };
}

/**
 * Columns: the columns a table does not read (`Ghi chú`, a column it does not understand, a period among years:
 * model/annex.ts `columnsNotRead`), put back into a layout, each before the first column of values that stood right
 * of it in the input (after the group it would fall in), its cells by the input rows of the layout's rows (a unit's
 * name, or the cells of the indicators of a row). A number is written in `locale`'s format (without one, as printed),
 * a text as printed. Not with the indicators as columns of a long table read a record at a time (none are kept).
 */
export function withColumnsNotRead(layout: AnnexLayout, notRead: NotReadColumns, locale?: 'vi' | 'en'): AnnexLayout {
  let out = layout;
  for (const c of [...columnsNotReadPrinted(layout, notRead)].sort((a, b) => a.col - b.col)) out = withColumn(out, c, notRead, locale);
  return out;
}

/** Where a finding sits: 0-based input row and column, and the sheet of a workbook's. */
export type FlaggedAt = (row: number, col: number, sheet?: string) => boolean;

/** The columns not read that hold a cell a finding sits at: their header (a column it does not understand), or a cell under it. */
export function flaggedColumnsNotRead(cols: readonly ColumnNotRead[], flagged: FlaggedAt): ColumnNotRead[] {
  return cols.filter((c) => (c.headerCell !== undefined && flagged(c.headerCell.row, c.col, c.headerCell.sheet)) || [...c.cells.keys()].some((r) => flagged(r, c.col, c.headerCell?.sheet)));
}

/**
 * The columns not read that a layout prints: all of them, headed or not, when it has the units the way the input
 * has them; laid out the other way round, a column would be a row: none (`table` says so).
 */
export function columnsNotReadPrinted(layout: Pick<AnnexLayout, 'transposed'>, notRead: NotReadColumns): NotReadColumns['cols'] {
  return notRead.unitsAsRows === layout.transposed ? notRead.cols : [];
}

function withColumn(layout: AnnexLayout, c: NotReadColumns['cols'][number], notRead: NotReadColumns, locale: 'vi' | 'en' | undefined): AnnexLayout {
  const k = boundary(layout, insertAt(layout, c.col, notRead));
  const header = [...layout.header];
  header.splice(k, 0, { text: c.header, kind: 'heading', ...(c.headerCell ? { cell: c.headerCell } : {}) });
  const rows = layout.rows.map((row) => {
    const at = inputRowOf(row, notRead);
    const cell = at === undefined ? undefined : c.cells.get(at);
    const unit = row.find((x) => x.unit !== undefined)?.unit;
    const out = [...row];
    out.splice(k, 0, cell ? valueAsRead(cell, unit, locale, 'text') : { text: '', kind: 'blank' });
    return out;
  });
  const columnNumbers = layout.columnNumbers ? [...layout.columnNumbers.slice(0, k), '', ...layout.columnNumbers.slice(k)] : undefined;
  return { ...layout, header, rows, ...(layout.head ? { head: headWith(layout.head, k, c.header) } : {}), ...(columnNumbers ? { columnNumbers } : {}) };
}

/** The input row a laid-out row stands for: a unit's name (units as rows), a row not read's label, or its values' row. */
function inputRowOf(row: readonly LayoutCell[], notRead: NotReadColumns): number | undefined {
  for (const x of row) {
    if (x.kind === 'unit') return x.unit !== undefined ? notRead.rowOf(x.unit) : x.cell?.row;
    if (x.kind === 'label' && x.cell) return x.cell.row;
    if (x.kind === 'value' && x.unit !== undefined && x.indicator !== undefined) {
      const at = notRead.valueAt(x.unit, x.indicator);
      if (at) return at.row;
    }
  }
  return undefined;
}

/** The index before the first column of values that stood right of input column `col` (the end when none did). */
function insertAt(layout: AnnexLayout, col: number, notRead: NotReadColumns): number {
  const cols = valueColumns(layout, (unit, ind) => notRead.valueAt(unit, ind)?.col);
  for (let j = layout.labelColumns; j < layout.header.length; j++) if (cols[j] !== undefined && cols[j]! > col) return j;
  return layout.header.length;
}

/** The input column of each laid-out column of values: where a value in it was read (`colOf`), the first that tells. */
function valueColumns(layout: AnnexLayout, colOf: (unit: number, ind: Indicator) => number | undefined): Array<number | undefined> {
  const cols: Array<number | undefined> = [];
  for (const row of layout.rows) {
    row.forEach((c, j) => {
      if (cols[j] === undefined && c.kind === 'value' && c.unit !== undefined && c.indicator !== undefined) cols[j] = colOf(c.unit, c.indicator);
    });
  }
  return cols;
}

/** `k`, moved past the end of a document header's group it would split. */
function boundary(layout: AnnexLayout, k: number): number {
  for (const row of layout.head ?? []) for (const h of row) if (h.col < k && k < h.col + h.colSpan) return boundary(layout, h.col + h.colSpan);
  return k;
}

/** The document header with a column inserted at `k`, its heading over every header row. */
function headWith(head: readonly HeadCell[][], k: number, text: string): HeadCell[][] {
  const shifted = head.map((row) => row.map((h) => (h.col >= k ? { ...h, col: h.col + 1 } : h)));
  const cell: HeadCell = { text, kind: 'heading', col: k, colSpan: 1, rowSpan: Math.max(1, head.length) };
  if (shifted.length === 0) return [[cell]];
  shifted[0] = [...shifted[0]!, cell].sort((a, b) => a.col - b.col);
  return shifted;
}
