/**
 * The header of a table with units as rows, written over one to three rows: a group cell stands over its
 * sub-columns (`Hộ nghèo` over `Số hộ | Tỷ lệ %`; `Diễn biến hộ nghèo trong năm` over `Số hộ thoát nghèo`
 * over `Số hộ | Tỷ lệ %`). In a CSV export the group's text sits in the first cell of its span and the cells
 * after it are blank (a workbook's merged cell reads the same); a cell merged down leaves blanks below it.
 * Each column gets its path of header texts, top row first, from which words.ts reads its indicator.
 *
 * Under the header, official forms number their columns (`A | B | 1 | 2 | 3 …`) and may write how a column is
 * computed (`4=3/1*100`, `9=1-2-3-4+5+6+7+8`): that row is skipped, and its formulas are kept as relations.
 */
import { cellAt, cellText, gridWidth, type Cell, type Grid } from '../model/grid.js';
import { combine, featuresOf, keyOf, type Features } from './words.js';

export interface HeaderColumn {
  readonly col: number;
  /** The header cells over this column, top first (a group cell appears in each column of its span). */
  readonly cells: readonly Cell[];
  /** The lowest cell of the path that belongs to this column itself (where its label is). */
  readonly own: Cell | undefined;
  readonly features: Features;
  /** The vocabulary key the path names, if it names one. */
  readonly key?: string;
}

export interface ColumnFormula {
  /** The column computed, and its formula over other columns (by their printed numbers). */
  readonly col: number;
  readonly cell: Cell;
  readonly text: string;
  /** Column numbers as printed → grid columns. */
  readonly refs: ReadonlyMap<string, number>;
}

export interface HeaderBand {
  /** First and last header rows (0-based). */
  readonly top: number;
  readonly leaf: number;
  readonly columns: ReadonlyMap<number, HeaderColumn>;
  /** The column-number row under the header, when there is one. */
  readonly numberRow?: number;
  readonly formulas: readonly ColumnFormula[];
}

/** Most header rows read above the leaf row. */
const MAX_BAND = 3;
const NUMBERISH = /^[+\-−–]?[\d.,\s\u00a0]+%?$/;
const YEAR = /^(?:19[5-9]|20\d)\d$/;

const textAt = (grid: Grid, r: number, c: number) => cellText(cellAt(grid, r, c));

function hasAsciiLetter(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** A row that can be part of a header: at least two texts, and no numbers (years excepted). */
function headerLike(grid: Grid, r: number, width: number): boolean {
  let texts = 0;
  for (let c = 0; c < width; c++) {
    const t = textAt(grid, r, c);
    if (t === '') continue;
    // An ASCII letter is none of NUMBERISH's characters: a label is not tried against it.
    if (!hasAsciiLetter(t) && NUMBERISH.test(t) && !YEAR.test(t)) return false;
    texts++;
  }
  return texts >= 2;
}

/**
 * The grid's width, found once per grid: the header band is sought at each of a table's first rows, and a
 * long table has thousands of rows to measure (recounted if rows were added since).
 */
const widths = new WeakMap<readonly unknown[], { rows: number; width: number }>();
function widthOf(grid: Grid): number {
  const known = widths.get(grid.rows);
  if (known && known.rows === grid.rows.length) return known.width;
  const width = gridWidth(grid);
  widths.set(grid.rows, { rows: grid.rows.length, width });
  return width;
}

/** The header band ending at `leaf`: the rows above it that read as header rows too (at most three rows in all). */
export function headerBand(grid: Grid, leaf: number): HeaderBand {
  const width = widthOf(grid);
  // A row of data, or a section row with one text, is no header.
  if (!headerLike(grid, leaf, width)) return { top: leaf, leaf, columns: new Map(), formulas: [] };
  let top = leaf;
  while (top > 0 && leaf - top + 1 < MAX_BAND && headerLike(grid, top - 1, width)) top--;
  const columns = new Map<number, HeaderColumn>();
  for (let c = 0; c < width; c++) {
    const col = pathOf(grid, top, leaf, c);
    if (col) columns.set(c, col);
  }
  refine(columns);
  const numbers = numberRow(grid, leaf + 1, width);
  return { top, leaf, columns, ...(numbers ? { numberRow: leaf + 1 } : {}), formulas: numbers?.formulas ?? [] };
}

/**
 * What one column's path leaves to its neighbours: a rate right after an ethnic-minority count (`Số hộ DTTS |
 * Tỷ lệ %`) is that count's rate; target ranges in households beside target ranges in points (`Tương ứng số
 * hộ nghèo giảm`) are targets too; a year written in one header only (`… năm 2017`) is the table's year,
 * not a dimension that tells columns apart.
 */
function refine(columns: Map<number, HeaderColumn>): void {
  const set = (c: number, h: HeaderColumn, features: Features) => {
    const key = keyOf(features);
    const { key: _old, ...rest } = h;
    columns.set(c, { ...rest, features, ...(key ? { key } : {}) });
  };
  for (const [c, h] of columns) {
    const left = columns.get(c - 1);
    if (!left?.features.em || h.features.em) continue;
    const ownF = h.own ? featuresOf(h.own.raw) : {};
    if (ownF.measure === 'rate' && ownF.population === undefined && sameGroup(left, h)) set(c, h, { ...h.features, em: true });
  }
  if ([...columns.values()].some((h) => h.features.role === 'target')) {
    for (const [c, h] of columns) if (h.features.corresponding && h.features.role === undefined) set(c, h, { ...h.features, role: 'target' });
  }
  const years = new Set([...columns.values()].filter((h) => h.key).map((h) => h.features.year).filter((y) => y !== undefined));
  if (years.size === 1) {
    for (const [c, h] of columns) {
      if (h.features.year === undefined) continue;
      const { year: _y, ...features } = h.features;
      set(c, h, fromYear(columns, h) ? { ...features, time: 'start' } : features);
    }
  }
}

/**
 * A figure of a named year without a phase (`Tỷ lệ hộ nghèo năm 2023`) beside the same figure at the end, no year
 * said (`Tỷ lệ hộ nghèo xuống còn`, `… cuối kỳ`), and no start: the level it fell (or rose) from, the start of the
 * change. Read as the figure at a point, the two were one indicator twice and the end was not read.
 */
function fromYear(columns: Map<number, HeaderColumn>, h: HeaderColumn): boolean {
  const f = h.features;
  if (f.time !== undefined || f.increase || f.role !== undefined || !h.key) return false;
  const same = (g: Features) => g.population === f.population && !!g.em === !!f.em && g.measure === f.measure && g.role === undefined;
  const others = [...columns.values()].filter((g) => g !== h && g.key && same(g.features));
  return others.some((g) => g.features.time === 'end' && g.features.year === undefined) && !others.some((g) => g.features.time === 'start');
}

/** Two columns under the same group cell (their paths share every cell above their own). */
function sameGroup(a: HeaderColumn, b: HeaderColumn): boolean {
  const above = (h: HeaderColumn) => h.cells.filter((x) => x !== h.own);
  const pa = above(a);
  const pb = above(b);
  return pa.length > 0 && pa.length === pb.length && pa.every((x, i) => x === pb[i]);
}

/** The path of header texts over column c, rows top … leaf. */
function pathOf(grid: Grid, top: number, leaf: number, c: number): HeaderColumn | undefined {
  const cells: Cell[] = [];
  let own: Cell | undefined;
  for (let r = top; r <= leaf; r++) {
    const cell = cellAt(grid, r, c);
    if (cellText(cell) !== '') {
      cells.push(cell!);
      own = cell;
      continue;
    }
    const inherited = spanOwner(grid, top, r, leaf, c);
    if (inherited) cells.push(inherited);
  }
  if (cells.length === 0) return undefined;
  const features = combine(cells.map((x) => featuresOf(x.raw)));
  const key = keyOf(features);
  return { col: c, cells, own, features, ...(key ? { key } : {}) };
}

/**
 * The group cell whose span covers the blank (r, c): the nearest text to the left in row r, when no cell
 * of the rows above starts a new span in between, and the column has header text below row r (otherwise
 * the blank is a cell merged down from above, or nothing).
 */
function spanOwner(grid: Grid, top: number, r: number, leaf: number, c: number): Cell | undefined {
  let below = false;
  for (let rr = r + 1; rr <= leaf && !below; rr++) below = textAt(grid, rr, c) !== '';
  if (!below) return undefined;
  for (let cc = c - 1; cc >= 0; cc--) {
    for (let rr = top; rr < r; rr++) if (textAt(grid, rr, cc + 1) !== '' && cc + 1 <= c) return undefined;
    const t = textAt(grid, r, cc);
    if (t !== '') return cellAt(grid, r, cc);
  }
  return undefined;
}

/** A column number as forms print it: `A`, `B`, `1`, `(2)`, `3*`. */
const COLUMN_NUMBER = /^\(?([A-Z]|\d{1,2})\)?\*?$/;
/** A computed column: `4=3/1*100`, `(9)=(1)-(2)+(3)`, `4 = 3 : 1 x 100`. */
const COLUMN_FORMULA = /^\(?(\d{1,2})\)?\s*=\s*([()\d\s+\-−–*/:x×.,%]+)$/i;

/** The column-number row at `r`, if it is one: every text a column number or a column formula. */
function numberRow(grid: Grid, r: number, width: number): { formulas: ColumnFormula[] } | undefined {
  if (r >= grid.rows.length) return undefined;
  const numbered = new Map<string, number>();
  const pending: Array<{ col: number; cell: Cell; own: string; text: string }> = [];
  let texts = 0;
  for (let c = 0; c < width; c++) {
    const cell = cellAt(grid, r, c);
    const t = cellText(cell).replace(/\s+/g, '');
    if (t === '') continue;
    texts++;
    // COLUMN_NUMBER matches five characters at most, COLUMN_FORMULA needs its `=`: a longer text, or one without
    // `=`, is not tried against them (a row of data under the header, asked at every table's first rows).
    const n = t.length <= 5 ? COLUMN_NUMBER.exec(t) : null;
    if (n) {
      numbered.set(n[1]!, c);
      continue;
    }
    const f = t.includes('=') ? COLUMN_FORMULA.exec(t) : null;
    if (!f) return undefined;
    numbered.set(f[1]!, c);
    pending.push({ col: c, cell: cell!, own: f[1]!, text: f[2]! });
  }
  // At least three numbered columns, and the numbers count up (1, 2, 3 …), so a data row is never taken.
  const digits = [...numbered.keys()].filter((k) => /^\d+$/.test(k)).map(Number);
  if (texts < 3 || digits.length < 2 || !digits.every((d, i) => i === 0 || d > digits[i - 1]!)) return undefined;
  return { formulas: pending.map((p) => ({ col: p.col, cell: p.cell, text: p.text, refs: numbered })) };
}
