/**
 * Fitting a table to A4 pages for the documents (docx, xlsx, html print): the orientation, the type size and
 * each column's width, measured from the text (measure.ts) so that no number, name or word is broken:
 *
 *  1. portrait at the base size (or one smaller) when every cell fits on one line;
 *  2. else landscape, at the base size or smaller (down to the minimum), cells wrapping only between words;
 *  3. else (a seed-layout table with very many units) the unit columns are split into parts, each printed on
 *     its own pages with the naming columns (STT, label, ĐVT) repeated.
 *
 * Widths share the page's text width: first what each column needs, then the rest in proportion to what the
 * columns would take on one line, the names' column before a notes column (`namesBeforeNotes`). Pure: layout and
 * sizes in, points out.
 */
import type { AnnexLayout, HeadCell, LayoutCell } from './annex-layout.js';
import { longestWord, textWidth } from './measure.js';

/** A4 in points; margins as in Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP): 20 mm top and bottom, 30 mm left, 15 mm right. */
export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

export type Orientation = 'portrait' | 'landscape';

/** Text width of a page in points. */
export function contentWidth(o: Orientation): number {
  return (o === 'portrait' ? A4.width : A4.height) - MARGIN.left - MARGIN.right;
}

export interface FitOptions {
  /** Type sizes to try, largest first (points). */
  sizes: readonly number[];
  /** Horizontal padding of a cell, both sides together (points). */
  padding: number;
  /** Indent of a row's name per level (points). */
  indent: number;
}

export const DEFAULT_FIT: FitOptions = { sizes: [11, 10, 9], padding: 6, indent: 8 };

export interface TablePart {
  /** Layout column indices in this part (the naming columns first). */
  columns: number[];
  /** Width of each of those columns in points. */
  widths: number[];
}

export interface Fit {
  orientation: Orientation;
  fontPt: number;
  /** One part when the table fits the page width; several for a wide table split by columns. */
  parts: TablePart[];
}

export interface ColumnNeed {
  /** The least width without breaking a word or a number. */
  min: number;
  /** The width with every cell on one line (headers on up to three). */
  pref: number;
  /** A column of names (units, indicators' labels), or of notes as read (a `Ghi chú` column): see `share`. */
  role?: 'names' | 'notes';
}

const SAFETY = 1.02;
/**
 * The width of a cell's rules (the ½ pt borders): LibreOffice sets a cell's text within its borders as well as its
 * margins, so a column measured to a word's width without them broke a short header word letter by letter (`S|ố|h|ộ`).
 */
const RULE = 0.5;
const MAX_COLUMN = contentWidth('portrait') / 2;

/** Cells that never wrap: numbers, row numbers, units of measure, column numbers. */
const UNBREAKABLE: ReadonlySet<LayoutCell['kind']> = new Set(['value', 'stt', 'measure']);

/** Whether a body cell is set in bold: the total's row or column, headings, subtotals. */
export function isBold(layout: AnnexLayout, row: number, col: number): boolean {
  const kind = layout.rowInfo[row]?.kind;
  return kind === 'total' || kind === 'heading' || kind === 'subtotal' || col === layout.totalColumn;
}

/** The header cells over each column (its leaf, and the groups spanning it). */
function headOf(layout: AnnexLayout): HeadCell[][] {
  return layout.head ?? [layout.header.map((c, col) => ({ ...c, col, colSpan: 1, rowSpan: 1 }))];
}

export function needs(layout: AnnexLayout, size: number, o: FitOptions): ColumnNeed[] {
  const n = layout.header.length;
  const out: ColumnNeed[] = Array.from({ length: n }, () => ({ min: 0, pref: 0 }));
  // Measured widths get 2 % more room: Word and LibreOffice round and kern a little differently. No column needs
  // more than half a portrait page: a longer word (a name typed without spaces) has to break, the others need not.
  const take = (col: number, min: number, pref: number) => {
    out[col]!.min = Math.max(out[col]!.min, Math.min(min * SAFETY + o.padding + RULE, MAX_COLUMN));
    out[col]!.pref = Math.max(out[col]!.pref, out[col]!.min, Math.max(min, pref) * SAFETY + o.padding + RULE);
  };
  const kinds = Array.from({ length: n }, () => new Set<LayoutCell['kind']>());
  layout.rows.forEach((row, r) => {
    const indent = (layout.rowInfo[r]?.indent ?? 0) * o.indent;
    row.forEach((c, col) => {
      if (c.text === '') return;
      kinds[col]?.add(c.kind);
      const bold = isBold(layout, r, col);
      const full = textWidth(c.text, size, bold) + (c.kind === 'unit' || c.kind === 'label' ? indent : 0);
      take(col, UNBREAKABLE.has(c.kind) ? full : longestWord(c.text, size, bold) + indent, full);
    });
  });
  for (const headRow of headOf(layout)) {
    for (const h of headRow) {
      if (h.colSpan !== 1) continue;
      const full = textWidth(h.text, size, true);
      const unbreakable = h.kind === 'unit' && !/\s/.test(h.text);
      take(h.col, unbreakable ? full : longestWord(h.text, size, true), h.kind === 'unit' ? full : full / 3);
    }
  }
  (layout.columnNumbers ?? []).forEach((t, col) => take(col, textWidth(t, size), textWidth(t, size)));
  kinds.forEach((k, col) => {
    if (k.has('unit') || k.has('label')) out[col]!.role = 'names';
    else if (k.size === 1 && k.has('text')) out[col]!.role = 'notes';
  });
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Widths of `cols` within `avail`: each its minimum, the rest shared by what they would take on one line. */
export function share(cols: readonly ColumnNeed[], avail: number): number[] | undefined {
  const min = cols.reduce((s, c) => s + c.min, 0);
  if (min > avail) return undefined;
  const pref = cols.reduce((s, c) => s + c.pref, 0);
  if (pref <= avail) {
    // Everything fits on one line: the room left goes to every column by its size, so the table spans the page.
    return cols.map((c) => c.pref + ((avail - pref) * c.pref) / pref);
  }
  const wish = pref - min;
  return namesBeforeNotes(
    cols,
    cols.map((c) => c.min + ((avail - min) * (c.pref - c.min)) / wish),
  );
}

/**
 * Shared in proportion to what each column would take on one line, a long notes column (`Ghi chú`, as read) took most
 * of the room and names of three words wrapped (`Xã Vĩnh / Thủy`), a line more on every row. The names' columns take
 * the room they lack for one line from the notes' columns first (down to the notes' minimum): a note wraps in its row.
 */
function namesBeforeNotes(cols: readonly ColumnNeed[], widths: number[]): number[] {
  const notes = cols.flatMap((c, i) => (c.role === 'notes' ? [i] : []));
  // The notes' room above their minimum: what the names may take.
  const room = sum(notes.map((i) => widths[i]! - cols[i]!.min));
  if (room <= 0) return widths;
  let spare = room;
  const out = [...widths];
  let taken = 0;
  cols.forEach((c, i) => {
    if (c.role !== 'names' || out[i]! >= c.pref) return;
    const more = Math.min(c.pref - out[i]!, spare);
    out[i]! += more;
    spare -= more;
    taken += more;
  });
  // From each notes column in proportion to its room above its minimum.
  for (const i of notes) out[i] = widths[i]! - (taken * (widths[i]! - cols[i]!.min)) / room;
  return out;
}


/**
 * Splits the columns after the naming ones into parts that fit `avail` beside them, the same number of columns
 * in each as far as they go; the naming columns take their one-line width when they can (they are on every part).
 */
function split(need: ColumnNeed[], labelColumns: number, avail: number): { parts: number[][]; need: ColumnNeed[] } | undefined {
  const fixed = [...Array(labelColumns).keys()];
  const roomy = sum(fixed.map((i) => need[i]!.pref)) <= avail / 2;
  const floor = need.map((c, i) => (i < labelColumns && roomy ? { min: c.pref, pref: c.pref } : c));
  const fixedMin = sum(fixed.map((i) => floor[i]!.min));
  const others = need.length - labelColumns;
  for (let count = 1; count <= others; count++) {
    const per = Math.ceil(others / count);
    const parts = Array.from({ length: count }, (_, k) => [...fixed, ...Array.from({ length: Math.min(per, others - k * per) }, (_, j) => labelColumns + k * per + j)]).filter((p) => p.length > labelColumns);
    if (parts.every((p) => fixedMin + sum(p.slice(labelColumns).map((i) => floor[i]!.min)) <= avail)) return { parts, need: floor };
  }
  return undefined;
}

/** Orientation, type size and column widths that print `layout` on A4 pages without breaking a word. */
export function fitTable(layout: AnnexLayout, o: FitOptions = DEFAULT_FIT): Fit {
  const all = [...layout.header.keys()];
  const base = o.sizes[0]!;
  const one = (orientation: Orientation, fontPt: number, widths: number[]): Fit => ({ orientation, fontPt, parts: [{ columns: all, widths }] });

  const atBase = needs(layout, base, o);
  // Portrait when every cell fits on one line, at the base size or one size smaller.
  for (const size of o.sizes.slice(0, 2)) {
    const need = size === base ? atBase : needs(layout, size, o);
    if (sum(need.map((c) => c.pref)) <= contentWidth('portrait')) return one('portrait', size, share(need, contentWidth('portrait'))!);
  }
  for (const size of o.sizes) {
    const widths = share(size === base ? atBase : needs(layout, size, o), contentWidth('landscape'));
    if (widths) return one('landscape', size, widths);
  }
  // Too wide for one page: units as columns are split into parts (at the base size); anything else is shrunk.
  const avail = contentWidth('landscape');
  const parted = layout.transposed ? undefined : split(atBase, layout.labelColumns, avail);
  if (parted) return { orientation: 'landscape', fontPt: base, parts: parted.parts.map((columns) => ({ columns, widths: share(columns.map((i) => parted.need[i]!), avail)! })) };
  const smallest = o.sizes[o.sizes.length - 1]!;
  const need = needs(layout, smallest, o);
  const scale = avail / sum(need.map((c) => c.min));
  return one('landscape', smallest, need.map((c) => c.min * scale));
}

/** The header rows over the columns of one part: groups keep the columns of theirs that the part has. */
export function partHead(head: readonly HeadCell[][], columns: readonly number[]): HeadCell[][] {
  const at = new Map(columns.map((c, i) => [c, i]));
  return head.map((row) =>
    row.flatMap((h) => {
      const inside = Array.from({ length: h.colSpan }, (_, k) => at.get(h.col + k)).filter((i): i is number => i !== undefined);
      return inside.length === 0 ? [] : [{ ...h, col: inside[0]!, colSpan: inside.length }];
    }),
  );
}
