/**
 * A table's own title: the rows above its header that hold one text in its first column (`Bảng 2.2. Tỷ lệ hộ nghèo
 * trong tổng số hộ theo khu vực năm 2014`, `262. Tỷ lệ hộ nghèo`; a title merged across the sheet counts once), not
 * a unit line (`Đơn vị tính: hộ, %`, `ĐVT`), which `table` prints as its own. `table` prints it above the table
 * when `--title` is not given, as the appendix carries it. Pure.
 */
import type { Annex } from '../model/annex.js';
import { cellText, type Cell, type Grid } from '../model/grid.js';

export interface TitleRows {
  /** The rows' texts, joined by spaces. */
  readonly text: string;
  /** Their rows (0-based) in the input. */
  readonly rows: readonly number[];
}

/** A unit-of-measure line, which `table` writes itself. */
const UNIT_LINE = /^\(?\s*(?:đơn vị(?: tính)?|đvt|unit)\b/iu;

/** Longest title taken (a paragraph of notes above a table is no title). */
const MAX_TITLE = 300;

/** The title rows above the table's header, or undefined when there are none. */
export function titleRows(grid: Grid, annex: Annex): TitleRows | undefined {
  const header = headerRow(annex);
  if (header === undefined || header === 0) return undefined;
  const first = firstColumn(annex);
  const lines: string[] = [];
  const rows: number[] = [];
  for (let r = 0; r < header && r < grid.rows.length; r++) {
    const texts = distinctTexts(grid.rows[r] ?? []);
    if (texts.length !== 1 || texts[0]!.col > first) continue;
    const text = texts[0]!.text;
    if (UNIT_LINE.test(text) || !/\p{L}/u.test(text)) continue;
    lines.push(text);
    rows.push(r);
  }
  const text = lines.join(' ');
  return lines.length === 0 || text.length > MAX_TITLE ? undefined : { text, rows };
}

/** The first row of the table's header: the highest of its labels' and units' cells. */
function headerRow(annex: Annex): number | undefined {
  let top: number | undefined;
  const see = (c: Cell | undefined) => {
    if (c && (top === undefined || c.row < top)) top = c.row;
  };
  for (const ind of annex.indicators) see(annex.labelCells[ind]);
  for (const u of annex.units) see(u.cell);
  return top;
}

/** The leftmost column of the table's labels and units. */
function firstColumn(annex: Annex): number {
  let left = Infinity;
  for (const ind of annex.indicators) left = Math.min(left, annex.labelCells[ind]?.col ?? Infinity);
  for (const u of annex.units) left = Math.min(left, u.cell?.col ?? Infinity);
  return left === Infinity ? 0 : left;
}

/** A row's non-empty texts, a merged range's once (its cells carry the merged cell's reference); two at most, which is enough to tell. */
function distinctTexts(row: readonly (Cell | undefined)[]): Array<{ text: string; col: number }> {
  const out: Array<{ text: string; col: number; ref: string }> = [];
  for (const c of row) {
    const text = cellText(c);
    if (c && text !== '' && !out.some((o) => o.ref === c.ref) && out.push({ text, col: c.col, ref: c.ref }) > 1) break;
  }
  return out;
}
