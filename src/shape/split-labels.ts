/**
 * An indicator's label split over two columns, as many annexes draw it: the group label in one column, merged down
 * over its rows (a workbook's merged range and a Word vMerge repeat it, with the merged cell's reference, read/xlsx.ts,
 * read/docx.ts), typed again in each row, or written in its first row only (a CSV export of the merge), and the
 * sub-label beside it:
 *
 *     | 6 | Tỷ lệ hộ nghèo | Đầu năm        | % | … |
 *     |   |                | Giảm trong năm | % | … |
 *     |   |                | Cuối năm       | % | … |
 *
 * Each such row's label is the two joined (`Tỷ lệ hộ nghèo – Đầu năm`), put in the group's column of a copy of the
 * grid, the sub-label's column left empty in that row: the rest of shape reads it as it reads the seed's one column
 * (`Tỷ lệ hộ nghèo` then `- Đầu năm`, scan.ts), the same vocabulary naming it, and `table` prints each row with its
 * phase. Rows are joined only two or more under one group, each sub-label a phase (`Đầu năm`, `Giảm trong năm`, `Cuối
 * năm`, `End of year`) or a year (`Năm 2019`, `Giảm so với năm 2019`, `Năm 2020`: read as the years they are, as the
 * one column's `Tỷ lệ hộ nghèo năm 2019`), the group an indicator without one, and the two an indicator; a group label
 * merged down over such rows is then never a duplicate.
 */
import { cellAt, cellText, gridWidth, type Cell, type Grid } from '../model/grid.js';
import { matchLabel } from './aliases.js';
import { foldKey, labelKey } from './normalize.js';
import { LIST_MARKER, mayHaveListMarker } from './draft.js';
import { comparedWithYear, featuresOf, hasYearDigits, recognise, saysNothing } from './words.js';
import type { ExtraLabels } from './scan.js';

/** Between the group label and the sub-label in the joined label. */
const JOINER = ' – ';

/** How far to look: the label columns are among the first columns, the indicator rows among the first rows. */
export interface LabelExtent {
  cols: number;
  rows: number;
}

/** A row's joined label: the cell put at (row, col). */
interface Join {
  row: number;
  col: number;
  cell: Cell;
}

/** The grid with each split label joined into its group's column; `grid` itself when no label is split. */
export function joinSplitLabels(grid: Grid, extent: LabelExtent, extra?: ExtraLabels): Grid {
  const pairs = Math.min(gridWidth(grid), extent.cols) - 1;
  const rows = Math.min(grid.rows.length, extent.rows);
  const joins: Join[] = [];
  for (let c = 0; c < pairs; c++) joins.push(...splitRows(grid, c, rows, extra));
  return joins.length === 0 ? grid : withJoins(grid, joins);
}

/**
 * The rows of column `col` whose label goes on in column `col + 1`, each with its joined label: a group's rows, two or
 * more (a label over one row beside a phase is a long table's header, `Tỷ lệ hộ nghèo năm 2022 (%) | Giảm (%)`).
 */
function splitRows(grid: Grid, col: number, rows: number, extra?: ExtraLabels): Join[] {
  const out: Join[] = [];
  let run: Join[] = [];
  let group: Cell | undefined;
  for (let r = 0; r < rows; r++) {
    const own = cellAt(grid, r, col);
    const next = groupOver(own, group);
    if (next !== group || !next) run = flush(run, out);
    group = next;
    const cell = group && joinedLabel(group, cellAt(grid, r, col + 1), extra);
    if (cell) run.push({ row: r, col, cell });
    else {
      run = flush(run, out);
      // Under the group's first row, a row without a sub-label ends the group.
      if (cellText(own) === '') group = undefined;
    }
  }
  flush(run, out);
  return out;
}

/** A group's rows kept when they are two or more; the run emptied to go on with (asked at every row: no new array each). */
function flush(run: Join[], out: Join[]): Join[] {
  if (run.length >= 2) out.push(...run);
  run.length = 0;
  return run;
}

/**
 * The group label row `own`'s label is under: its own text, unless it is the group's again (merged down, or typed in
 * each row); the group above when it is empty (a merge exported to CSV). Figures and codes are no group.
 */
function groupOver(own: Cell | undefined, group: Cell | undefined): Cell | undefined {
  const text = cellText(own);
  if (text === '') return group;
  if (saysNothing(text)) return undefined;
  return group && (own === group || labelKey(text) === labelKey(cellText(group))) ? group : own;
}

/**
 * The group and the sub-label beside it as one label cell, at the sub-label's reference (the cell that tells the rows
 * apart), when the sub-label is a phase and the two name an indicator (`Tỷ lệ hộ nghèo – Cuối năm`, `Hộ nghèo DTTS –
 * Cuối năm`).
 */
function joinedLabel(group: Cell, sub: Cell | undefined, extra?: ExtraLabels): Cell | undefined {
  const text = cellText(sub);
  const subText = mayHaveListMarker(text) ? text.replace(LIST_MARKER, '') : text;
  if (!sub || !isSubLabel(subText, extra) || !namesGroup(cellText(group))) return undefined;
  const raw = `${cellText(group)}${JOINER}${subText}`;
  if (matchLabel(raw, extra)?.kind !== 'indicator' && !recognise(raw)) return undefined;
  const { formula: _f, numeric: _n, merge: _m, ...place } = sub;
  return { ...place, raw };
}

/**
 * Whether a sub-label completes a group's label: a phase (`Đầu năm`, `Giảm trong năm`, `Cuối kỳ`), a year's heading
 * (`Năm 2019`, `Year 2020`: a word before it, a bare number may be a code) or a fall against a named year (`Giảm so với
 * năm 2019`). Joined, the years read as the seed's one column reads `Tỷ lệ hộ nghèo năm 2019`.
 */
function isSubLabel(text: string, extra?: ExtraLabels): boolean {
  if (matchLabel(text, extra)?.kind === 'phase') return true;
  // Either other reading names a year (the features' own, or the one a fall is against), four digits of the folded
  // text: a sub-label without them (a unit of measure, `Hộ`, `%`) is not read for its features.
  if (!hasYearDigits(foldKey(text))) return false;
  const { lang: _l, ...f } = featuresOf(text);
  const keys = Object.keys(f);
  if (keys.length === 1 && f.year !== undefined) return /\p{L}/u.test(text);
  return f.time === 'reduced' && keys.length === 1 && comparedWithYear(text) !== undefined;
}

/**
 * Whether a label names an indicator without its time (`Tỷ lệ hộ nghèo`, `Số hộ nghèo (hộ)`, `Hộ nghèo DTTS`): a
 * group its phases complete. A phase itself (a header row of phases, `Đầu năm | Cuối năm`) and a name that is no
 * indicator's (`Đơn vị` over a long table's units) are none.
 */
function namesGroup(text: string): boolean {
  return recognise(text) !== undefined && featuresOf(text).time === undefined;
}

/** A copy of the grid (the rows joined copied, the others shared) with each joined label in place of its two cells. */
function withJoins(grid: Grid, joins: readonly Join[]): Grid {
  const rows = grid.rows.slice();
  for (const { row, col, cell } of joins) {
    const copy = rows[row] === grid.rows[row] ? rows[row]!.slice() : rows[row]!;
    copy[col] = cell;
    delete copy[col + 1];
    rows[row] = copy;
  }
  return { ...grid, rows };
}
