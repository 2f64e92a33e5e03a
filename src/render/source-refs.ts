/**
 * Where a printed table's cells are in the input, as a spreadsheet shows it: the input's row number of each printed
 * row and column letter of each printed column (the validate report's table, reporters/text.ts, draws them as margins
 * with render/box.ts), so a finding's `G6` is found in the table printed under it as in the file.
 *
 * From the cells printed, not from the layout's kind: each value (and each unit's name, a row not read's label) says
 * where it was read (its `ref`, the cell the findings name). When the printed rows are the input's columns (a table
 * printed the other way round to fit, or by layout), the letters go on the rows and the numbers on the columns. A
 * printed row (column) whose cells come from several input rows (columns) gets their range when those are next to
 * each other (`2–4`: a long table's records of one unit), else nothing; so does one without any cell from the input
 * (a heading, the STT and label columns). A cell the margins do not place exactly is `placed: false` (the report
 * writes its reference beside its mark).
 *
 * A plan document's table (`T1R3C4`) is counted as Word counts it: rows and columns both by number.
 */
import { columnLetters, parseA1, type Cell } from '../model/grid.js';
import { parseDocumentCellRef } from '../model/document.js';

/** A printed cell's place in the input: 0-based row and column of its reference, and how the column is written. */
interface Place {
  row: number;
  col: number;
  doc: boolean;
}

export interface SourceMargins {
  /** One label per printed column (the line over the table). */
  columns: string[];
  /** The label of the printed header row. */
  header: string;
  /** One label per printed body row (the column left of the table). */
  rows: string[];
  /** Whether the printed rows are the input's columns (letters on the left). */
  swapped: boolean;
  /** The sheet of the cells (a workbook's): said once, in the table's heading. */
  sheet?: string;
  /** Whether the margins name the printed cell `(row, col)` of `cell` exactly. */
  placed: (row: number, col: number, cell: Cell) => boolean;
}

function placeOf(cell: Cell): Place | undefined {
  const a1 = parseA1(cell.ref);
  if (a1) return { ...a1, doc: false };
  const d = parseDocumentCellRef(cell.ref);
  return d ? { row: d.row - 1, col: d.col - 1, doc: true } : undefined;
}

/** A row's label (1-based number) or a column's (letters; a document's: a number). */
const rowLabel = (n: number) => String(n + 1);
const colLabel = (n: number, doc: boolean) => (doc ? String(n + 1) : columnLetters(n));

/**
 * A line's label from its cells' indices (one per cell): one index, or one holding three quarters of the cells (a row
 * whose figures a split label moved one column right: its cells are named beside their marks), its label; indices
 * next to each other: their range; else nothing.
 */
function label(indices: readonly number[], name: (n: number) => string, byMajority: boolean): string {
  if (indices.length === 0) return '';
  const counts = new Map<number, number>();
  for (const i of indices) counts.set(i, (counts.get(i) ?? 0) + 1);
  const [mode, most] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  if (byMajority && 4 * most >= 3 * indices.length) return name(mode);
  const all = [...counts.keys()].sort((a, b) => a - b);
  const first = all[0]!;
  const last = all[all.length - 1]!;
  if (first === last) return name(first);
  return last - first + 1 === all.length ? `${name(first)}–${name(last)}` : '';
}

/**
 * The margins of a printed table: `header` and `rows` its cells (one per printed column), `cellOf` the input cell a
 * printed cell shows (undefined for what the layout adds: STT, headings, blanks). `labelOf`: the input cell a printed
 * label stands for (an indicator's label, where it was read), counted only for a printed row or column that shows no
 * cell (the label column, the header of a table with its units as rows): a heading merged over several columns is
 * one cell, and would widen the range of a column of values.
 */
export function sourceMargins<C>(header: readonly C[], rows: readonly (readonly C[])[], cellOf: (c: C) => Cell | undefined, labelOf: (c: C) => Cell | undefined = () => undefined): SourceMargins | undefined {
  const places = (r: readonly C[], of: (c: C) => Cell | undefined) =>
    r.map((c) => {
      const cell = of(c);
      return cell ? placeOf(cell) : undefined;
    });
  const head = places(header, cellOf);
  const body = rows.map((r) => places(r, cellOf));
  const weakHead = places(header, labelOf);
  const weakBody = rows.map((r) => places(r, labelOf));
  const all = [...head, ...body.flat()].filter((p): p is Place => p !== undefined);
  if (all.length === 0) return undefined;
  const doc = all.every((p) => p.doc);
  // Which way round: the printed rows whose cells share one input row, and the printed columns whose cells share one
  // input column, against rows sharing a column and columns sharing a row (one unit printed down a column: its row).
  let alongRows = 0;
  let alongCols = 0;
  const vote = (ps: readonly (Place | undefined)[], straight: () => void, across: () => void) => {
    const at = ps.filter((p): p is Place => p !== undefined);
    if (at.length < 2) return;
    if (at.every((p) => p.row === at[0]!.row)) straight();
    else if (at.every((p) => p.col === at[0]!.col)) across();
  };
  for (const r of body) vote(r, () => alongRows++, () => alongCols++);
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const column = (ps: readonly (Place | undefined)[], rs: readonly (readonly (Place | undefined)[])[], j: number) => [ps[j], ...rs.map((r) => r[j])];
  for (let j = 0; j < width; j++) vote(column(head, body, j), () => alongCols++, () => alongRows++);
  const swapped = alongCols > alongRows;
  // The printed rows' index in the input (a row, or a column when swapped), and the printed columns'.
  const rowIx = (p: Place) => (swapped ? p.col : p.row);
  const colIx = (p: Place) => (swapped ? p.row : p.col);
  const rowName = swapped ? (n: number) => colLabel(n, doc) : rowLabel;
  const colName = swapped ? rowLabel : (n: number) => colLabel(n, doc);
  const known = (ps: readonly (Place | undefined)[]) => ps.filter((p): p is Place => p !== undefined);
  // The label of a printed line: from its cells; from its labels' when it shows none. A line of the body by the input
  // line most of its cells are on (`byMajority`); the header line, whose names a merged heading spreads over two
  // input rows (`Toàn tỉnh` over rows 1–2 beside the districts of row 2), and labels by their range.
  const line = (strong: readonly (Place | undefined)[], weak: readonly (Place | undefined)[], ix: (p: Place) => number, name: (n: number) => string, body = true) => {
    const ps = known(strong);
    return ps.length > 0 ? label(ps.map(ix), name, body) : label(known(weak).map(ix), name, false);
  };
  const columns = Array.from({ length: width }, (_, j) => line(column(head, body, j), column(weakHead, weakBody, j), colIx, colName));
  const rowLabels = body.map((r, i) => line(r, weakBody[i]!, rowIx, rowName));
  const sheets = new Set<string | undefined>();
  const collect = (c: C) => {
    const cell = cellOf(c);
    if (cell) sheets.add(cell.sheet);
  };
  header.forEach(collect);
  rows.forEach((r) => r.forEach(collect));
  const sheet = sheets.size === 1 ? [...sheets][0] : undefined;
  return {
    columns,
    header: line(head, weakHead, rowIx, rowName, false),
    rows: rowLabels,
    swapped,
    ...(sheet !== undefined ? { sheet } : {}),
    placed: (row, col, cell) => {
      const p = placeOf(cell);
      return !!p && rowLabels[row] === rowName(rowIx(p)) && columns[col] === colName(colIx(p));
    },
  };
}
