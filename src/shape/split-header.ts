/**
 * A header row split by its own delimiter: a name holding the file's delimiter, not inside quotes
 * (`Tổng số hộ cuối năm (hộ; sau rà soát)`, `Thành phố Phan Rang, Tháp Chàm` in a file a script or a hand
 * wrote; Excel quotes such a name). The header then has more fields than every row below, and each name after the
 * split stands one column right of its figures: read as it is, every check on those columns fails, and the causes
 * named are cells that are not wrong.
 *
 * Only a delimited file's header is looked at, and only when it reaches beyond the fields of every row below it
 * (by `k` fields). The rest of a split name is a cell after a name that starts as no name does: with a small letter
 * or a closing bracket (after a space or not: ` sau rà soát)`, `cận nghèo`, `%)`), or with a space before a capital
 * when it is no label of its own (` Tháp Chàm`, not ` Tổng số hộ`, a stray space). When exactly `k` such cells stand
 * in the header, each is joined to the name before it (the delimiter put back) and the names after it move left,
 * over their figures, each cell keeping its reference: a warning says so at the cell joined. When they cannot be
 * told, the header is left as read and a warning says that the names may stand one column off. A header longer only
 * by a notes column whose fields the rows leave out (their last field holds figures) gives no warning.
 *
 * A wide table's row label (`realignLabelRows`) and a long table's unit name (`joinedName`, `realignNameRows`: the
 * grid's rows, and shape/long.ts for the records after them) split so are joined back the same way.
 */
import { a1, cellText, type Cell, type Grid } from '../model/grid.js';
import type { Finding } from '../model/finding.js';
import type { JoinedPart } from '../model/message-ref.js';
import { clip } from '../model/echo.js';
import { isMeasureValue, isNotesHeader } from './aliases.js';
import { recognise } from './words.js';

/** How far down the header is sought: past a title or two, never into the table's units. */
const HEADER_WITHIN = 30;

/** What `realignHeader` did: the grid to shape (the input itself when nothing was joined) and its warning. */
export interface HeaderRealigned {
  readonly grid: Grid;
  readonly finding?: Finding;
}

/** The grid with a header split by its delimiter joined again, when the split can be told; and a warning. */
export function realignHeader(grid: Grid): HeaderRealigned {
  const delimiter = splitDelimiter(grid);
  if (delimiter === undefined) return { grid };
  const h = headerRow(grid);
  if (h === undefined) return { grid };
  const header = grid.rows[h]!;
  const width = widestBelow(grid, h);
  const fields = extent(header);
  if (width === undefined || fields <= width) return { grid };
  const beyond = header.slice(width, fields).filter((c) => cellText(c) !== '');
  // A notes column the rows leave out (their last field holds figures): nothing moved. Rows that end in an empty
  // field of their own have the notes column: a header longer still is split.
  if (beyond.every((c) => isNotesHeader(cellText(c))) && !blankBelow(grid, h, width - 1)) return { grid };
  const rests = header.slice(1, fields).filter((c, i) => isRestOfName(c, header[i]));
  if (rests.length !== fields - width) {
    // A workbook's header reaching past its rows is no sign of a split (a title or a note merged wider than the table).
    if (delimiter === '') return { grid };
    return { grid, finding: { rule: 'unknown', severity: 'warning', at: beyond[0]!, msg: { id: 'unknown.header-longer', params: { row: h + 1, fields, width, cells: beyond.map((c) => c.ref), delimiter } } } };
  }
  const { row, joined } = joinedRow(header, new Set(rests), delimiter);
  const rows = grid.rows.slice();
  rows[h] = row;
  const finding: Finding = { rule: 'unknown', severity: 'warning', at: rests[0]!, msg: { id: 'unknown.header-joined', params: { row: h + 1, fields, width, delimiter, joined } } };
  return { grid: { ...grid, rows }, finding };
}

/**
 * A wide table's rows whose label holds the delimiter outside quotes (`Số hộ nghèo giảm trong năm (hộ; tính ròng)`):
 * with more fields than the table's rows have (`usualWidth`), the rest of the label in the column after
 * the labels, the row's figures one unit to the right. Each such row, when a unit of measure or a figure follows the
 * rest, has it joined back to its label and its figures moved under their units (each cell keeping its reference),
 * with a warning at the rest. A wide table is read whole, so every row is looked at, whatever the table's size.
 */
export function realignLabelRows(grid: Grid, labelCol: number): { grid: Grid; findings: Finding[] } {
  const delimiter = splitDelimiter(grid);
  if (delimiter === undefined) return { grid, findings: [] };
  const width = usualWidth(grid);
  const findings: Finding[] = [];
  let rows: Cell[][] | undefined;
  grid.rows.forEach((cells, r) => {
    const fields = cells.length;
    if (fields <= width) return;
    const rests: Cell[] = [];
    for (let c = labelCol + 1; c < fields && rests.length < fields - width && isRestOfLabel(cells[c]!, cells[c - 1]); c++) rests.push(cells[c]!);
    if (rests.length === 0 || rests.length !== fields - width) return;
    // What then follows the label is what follows a label: a unit of measure, or a figure.
    const next = cellText(cells[labelCol + 1 + rests.length]);
    if (!isMeasureValue(next) && !DIGIT.test(next)) return;
    const { row, joined } = joinedRow(cells, new Set(rests), delimiter);
    (rows ??= grid.rows.slice())[r] = row;
    findings.push({ rule: 'unknown', severity: 'warning', at: rests[0]!, msg: { id: 'unknown.label-joined', params: { row: r + 1, fields, width, delimiter, joined } } });
  });
  return rows ? { grid: { ...grid, rows }, findings } : { grid, findings };
}

/**
 * The delimiter a name may have been split at: a delimited file's; empty for a workbook (a CSV with such a name,
 * opened in a spreadsheet and saved, has the name over two cells, the delimiter gone); none for other sources.
 */
export function splitDelimiter(grid: Grid): string | undefined {
  return grid.source.kind === 'delimited' ? grid.source.delimiter : grid.source.kind === 'workbook' ? '' : undefined;
}

/**
 * Where a long table's unit name split by the delimiter is looked for: the name's column, the header's number of
 * fields (a record with more may hold a split name), the columns of figures, the first of them right after the
 * name's (the rest of a split name lands there), and the delimiter (empty for a workbook: a CSV with such a name,
 * opened in a spreadsheet and saved, has the name over two cells).
 */
export interface NameSplit {
  readonly nameCol: number;
  readonly width: number;
  readonly valueCols: readonly number[];
  readonly delimiter: string;
}

/** A unit name split more than this many times is not looked for. */
const MAX_NAME_RESTS = 3;

/**
 * A long table's record whose unit name holds the delimiter outside quotes (`Thành phố Phan Rang, Tháp Chàm`,
 * `Thị trấn Na Hang (gồm 5 tổ; 2 thôn)`): more fields than the header, the field after the name the rest of it (as
 * a header's rest, or any text with two letters after a name whose bracket is open), and, once joined, a figure or
 * nothing in every column of figures. Its fields with the name joined (`extra` rests), or undefined.
 */
export function joinedName(fields: ReadonlyArray<string | undefined>, s: NameSplit): { fields: Array<string | undefined>; extra: number } | undefined {
  const extra = fields.length - s.width;
  if (extra <= 0 || extra > MAX_NAME_RESTS) return undefined;
  let name = fields[s.nameCol];
  if (name === undefined || name.trim() === '') return undefined;
  for (let k = 1; k <= extra; k++) {
    const rest = fields[s.nameCol + k];
    if (rest === undefined || !isRestOfUnitName(rest, name)) return undefined;
    name = joinParts(name, s.delimiter, rest);
  }
  const out = [...fields.slice(0, s.nameCol), name, ...fields.slice(s.nameCol + 1 + extra)];
  let figures = 0;
  for (const c of s.valueCols) {
    const t = (out[c] ?? '').trim();
    if (FIGURE_START.test(t)) figures++;
    else if (t !== '' && !NO_FIGURE.test(t)) return undefined;
  }
  return figures > 0 ? { fields: out, extra } : undefined;
}

/**
 * A long table's grid with each row whose unit name is split by the delimiter (`joinedName`) joined back, its cells
 * moved left keeping their references; and what was joined, row by row.
 */
export function realignNameRows(grid: Grid, firstRow: number, s: NameSplit): { grid: Grid; joined: JoinedName[] } {
  const joined: JoinedName[] = [];
  let rows: Cell[][] | undefined;
  for (let r = firstRow; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    if (cells.length <= s.width) continue;
    const found = joinedName(Array.from(cells, (c) => c?.raw), s);
    if (!found) continue;
    const rests = new Set(cells.slice(s.nameCol + 1, s.nameCol + 1 + found.extra));
    const { row, joined: parts } = joinedRow(cells, rests, s.delimiter);
    (rows ??= grid.rows.slice())[r] = row;
    joined.push({ row: r, fields: cells.length, at: cells[s.nameCol + 1]!, parts });
  }
  return { grid: rows ? { ...grid, rows } : grid, joined };
}

/** A row whose unit name was joined back: its row, its number of fields, the first rest's cell and each rest joined. */
export interface JoinedName {
  readonly row: number;
  readonly fields: number;
  readonly at: Cell;
  readonly parts: JoinedPart[];
}

/** The parts of a name split `extra` times in record `rec` (row `r`), worded as `joinedRow` words a grid row's. */
export function joinedNameParts(r: number, rec: ReadonlyArray<string | undefined>, s: NameSplit, extra: number): JoinedPart[] {
  const cells = Array.from(rec, (raw, c): Cell => ({ raw: raw ?? '', ref: a1(r, c), row: r, col: c }));
  return joinedRow(cells, new Set(cells.slice(s.nameCol + 1, s.nameCol + 1 + extra)), s.delimiter).joined;
}

/** The rest of a unit name: two letters, starting as a header's rest does, or after a name whose bracket is open. */
function isRestOfUnitName(rest: string, before: string): boolean {
  if (!TWO_LETTERS.test(rest)) return false;
  return REST_START.test(rest) || SPACED_CAPITAL.test(rest) || before.lastIndexOf('(') > before.lastIndexOf(')');
}

const TWO_LETTERS = /\p{L}[^\p{L}]*\p{L}/u;
/** A figure's start (a sign, a digit); a cell standing for no figure (`-`, `x`, `…`). */
const FIGURE_START = /^[-+\u2212]?\s*[0-9]/;
const NO_FIGURE = /^(?:[-\u2013\u2014x.\u2026]+|\(\*+\))$/iu;

/**
 * The rest of a row's label: as a header's rest, with a letter (a figure with a space before it is none) and no unit
 * of measure (`%/năm` in the unit-of-measure column is that row's own).
 */
function isRestOfLabel(cell: Cell, before: Cell | undefined): boolean {
  const text = cellText(cell);
  return isRestOfName(cell, before) && LETTER.test(text) && !isMeasureValue(text);
}

/** A letter; a digit. */
const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;

/**
 * The number of fields most rows with something in them have (the larger of two as common): a spreadsheet's CSV gives
 * every row as many, its empty ones too, however far each row's figures reach.
 */
function usualWidth(grid: Grid): number {
  const counts = new Map<number, number>();
  for (const row of grid.rows) if (extent(row) > 0) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [n, k] of counts) if (k > most || (k === most && n > usual)) [usual, most] = [n, k];
  return usual;
}

/**
 * The first row naming two or more columns, at least every other one of its fields: the header (a title above it
 * names one; a title with a note far to its right, `Biểu 1 … Đơn vị tính: hộ`, leaves most of its fields empty).
 */
function headerRow(grid: Grid): number | undefined {
  const end = Math.min(grid.rows.length, HEADER_WITHIN);
  for (let r = 0; r < end; r++) {
    const row = grid.rows[r]!;
    let named = 0;
    for (const c of row) if (cellText(c) !== '') named++;
    if (named >= 2 && 2 * named >= extent(row)) return r;
  }
  return undefined;
}

/** The most fields a row below `h` with something in it has; undefined when fewer than two such rows. */
function widestBelow(grid: Grid, h: number): number | undefined {
  let widest = 0;
  let rows = 0;
  for (let r = h + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (extent(row) === 0) continue;
    rows++;
    widest = Math.max(widest, row.length);
  }
  return rows >= 2 ? widest : undefined;
}

/** Whether column `col` has nothing in any row below `h`. */
function blankBelow(grid: Grid, h: number, col: number): boolean {
  for (let r = h + 1; r < grid.rows.length; r++) if (cellText(grid.rows[r]![col]) !== '') return false;
  return true;
}

/** The fields of a row up to its last one with something in it. */
function extent(row: readonly Cell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (cellText(row[c]) !== '') return c + 1;
  return 0;
}

/** How the rest of a split name starts, as no name does: a small letter (after spaces or not), a closing bracket or `%`. */
const REST_START = /^(?:\s*\p{Ll}|\s*[)\]%])/u;
/** Or a space before a capital (` Tháp Chàm`), when the text is no label of its own (not ` Tổng số hộ`: a stray space). */
const SPACED_CAPITAL = /^\s+\p{Lu}/u;

/**
 * The rest of a name split at a delimiter (the text after a comma or a semicolon: ` ghi rõ`, `cận nghèo`, `%)`,
 * ` Tháp Chàm`), after a cell with a name.
 */
function isRestOfName(cell: Cell, before: Cell | undefined): boolean {
  const text = cellText(cell);
  if (text === '' || before === undefined || cellText(before) === '') return false;
  return REST_START.test(cell.raw) || (SPACED_CAPITAL.test(cell.raw) && recognise(text) === undefined);
}

/**
 * A name and its rest joined by the delimiter that split them; in a workbook (`delimiter` empty: the split was made
 * by an import, at a delimiter no longer known), by the rest's own leading space, or one.
 */
function joinParts(name: string, delimiter: string, rest: string): string {
  return `${name}${delimiter === '' && !/^\s/u.test(rest) ? ' ' : delimiter}${rest}`;
}

/**
 * The header with each rest joined to the name before it, the cells after moved left (each keeps its reference); a
 * workbook's empty cell (a hole in the row) stays one, moved left with the others.
 */
function joinedRow(header: readonly Cell[], rests: ReadonlySet<Cell>, delimiter: string): { row: Cell[]; joined: JoinedPart[] } {
  const row: Cell[] = [];
  const joined: JoinedPart[] = [];
  for (let c = 0; c < header.length; c++) {
    const cell = header[c];
    if (cell === undefined) {
      row.length++;
      continue;
    }
    const last = row[row.length - 1];
    if (rests.has(cell) && last) {
      const raw = joinParts(last.raw, delimiter, cell.raw);
      row[row.length - 1] = { ...last, raw };
      joined.push({ cell: cell.ref, text: clip(cellText(cell)), into: last.ref, name: clip(raw.trim()) });
      continue;
    }
    row.push(row.length === cell.col ? cell : { ...cell, col: row.length });
  }
  return { row, joined };
}
