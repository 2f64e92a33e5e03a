/**
 * The rows a table prints that name no indicator (`Số hộ được hỗ trợ nhà ở`, `Thu nhập bình quân đầu người`:
 * model/annex.ts `rowsNotRead`), put back into a layout with the units as columns: each before the first row the
 * layout prints that stood below it in the input, its label, its unit of measure and its cells as read (with
 * `locale`, a number written in that format, any other text as printed; without, every cell as printed: the
 * validate report's table). Not checked, so never marked. With the units as rows they would be columns: not
 * printed (`table` says so on stderr).
 */
import type { Indicator } from '../model/indicators.js';
import type { NotReadRows, RowNotRead } from '../model/annex.js';
import { formatPlain } from '../messages/index.js';
import type { AnnexLayout, LayoutCell, RowInfo } from './annex-layout.js';

export function withRowsNotRead(layout: AnnexLayout, notRead: NotReadRows, locale?: 'vi' | 'en'): AnnexLayout {
  const template = layout.rows.find((r) => r.some((c) => c.kind === 'value'));
  if (layout.transposed || !template) return layout;
  const at = inputRows(layout.rows, notRead.rowOf);
  const pending = [...notRead.rows].sort((a, b) => a.row - b.row);
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  const put = (r: RowNotRead) => {
    rows.push(template.map((c) => cellOf(c, r, notRead, locale)));
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

/** The not-read row's cell in the column of the template's cell `c`. */
function cellOf(c: LayoutCell, r: RowNotRead, notRead: NotReadRows, locale: 'vi' | 'en' | undefined): LayoutCell {
  if (c.kind === 'label' || c.kind === 'heading') return { text: r.label, kind: 'label', cell: r.labelCell };
  if (c.kind === 'measure') return { text: r.measure ?? '', kind: 'measure' };
  if (c.kind !== 'value' || c.unit === undefined) return { text: '', kind: c.kind === 'stt' ? 'stt' : 'blank' };
  const col = notRead.columnOf(c.unit);
  const cell = col === undefined ? undefined : r.cells.get(col);
  if (!cell) return { text: '', kind: 'value', unit: c.unit };
  return cell.plain !== undefined && locale !== undefined ? { text: formatPlain(cell.plain, locale), kind: 'value', unit: c.unit, plain: cell.plain, ...(cell.decimals !== undefined ? { decimals: cell.decimals } : {}) } : { text: cell.text, kind: 'value', unit: c.unit };
}
