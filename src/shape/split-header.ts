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
 */
import { cellText, type Cell, type Grid } from '../model/grid.js';
import type { Finding } from '../model/finding.js';
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
  if (grid.source.kind !== 'delimited') return { grid };
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
  const delimiter = grid.source.delimiter;
  const rests = header.slice(1, fields).filter((c, i) => isRestOfName(c, header[i]));
  if (rests.length !== fields - width) {
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
  if (grid.source.kind !== 'delimited') return { grid, findings: [] };
  const width = usualWidth(grid);
  const delimiter = grid.source.delimiter;
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


/** The header with each rest joined to the name before it, the cells after moved left (each keeps its reference). */
function joinedRow(header: readonly Cell[], rests: ReadonlySet<Cell>, delimiter: string): { row: Cell[]; joined: Array<{ cell: string; text: string; into: string; name: string }> } {
  const row: Cell[] = [];
  const joined: Array<{ cell: string; text: string; into: string; name: string }> = [];
  for (const cell of header) {
    const last = row[row.length - 1];
    if (rests.has(cell) && last) {
      const raw = `${last.raw}${delimiter}${cell.raw}`;
      row[row.length - 1] = { ...last, raw };
      joined.push({ cell: cell.ref, text: cellText(cell), into: last.ref, name: raw.trim() });
      continue;
    }
    row.push(row.length === cell.col ? cell : { ...cell, col: row.length });
  }
  return { row, joined };
}
