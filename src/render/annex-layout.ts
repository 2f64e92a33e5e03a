/**
 * The annex as a grid of labelled cells, in the seed's layout (STT 1–6, the rate block as a heading with
 * three sub-rows, units as columns with the total first) or transposed (units as rows). Every renderer
 * (terminal, markdown, csv, xlsx, docx, html) starts from this, so they agree on order and labels.
 *
 * Two headers: `header`, one text per column, for the flat formats (text, markdown, csv, the validate
 * report); and, when asked for (`grouped`), `head`, the header as the official forms print it (a group merged
 * over its columns: `Số hộ nghèo` over `Đầu năm | Giảm trong năm | Cuối năm`) with the forms' column-number
 * row (`A | B | 1 | 2 | … | 6=3/1*100`), for the documents (docx, xlsx, html). Groups and column formulas are
 * data (GROUPS, DERIVED below); rows carry their kind (total, subtotal, heading …) and indent, so a new shape
 * of table is new data here, not a new renderer.
 */
import { INDICATORS, RATE_INDICATORS, indicatorKind, type CoreIndicator, type Indicator } from '../model/indicators.js';
import type { Unit, UnitWithoutFigures } from '../model/annex.js';
import type { Cell } from '../model/grid.js';
import type { UiText } from '../messages/types.js';
import { parseSlot } from '../model/slots.js';
import { describeIndicator } from '../model/vocabulary.js';

/** `text`: a cell of a column not read that is no number (a note), printed as read (render/not-read.ts). */
export type LayoutCellKind = 'stt' | 'label' | 'measure' | 'unit' | 'value' | 'heading' | 'blank' | 'text';

export interface LayoutCell {
  text: string;
  kind: LayoutCellKind;
  unit?: number;
  indicator?: Indicator;
  /** A number of a row not read (rows-not-read.ts), as plain digits with its decimals: a spreadsheet writes it as a number. */
  plain?: string;
  decimals?: number;
  /**
   * The input cell of a row not read's label, of a column not read's header, or of the name of a row named without
   * figures (the report links its findings to it).
   */
  cell?: Cell;
}

/** A cell of a document header: it covers `colSpan` columns from `col` and `rowSpan` header rows. */
export interface HeadCell extends LayoutCell {
  col: number;
  colSpan: number;
  rowSpan: number;
}

/**
 * What a body row is: `total` (the grand total, set apart), `subtotal` (a unit that sums the rows under it),
 * `heading` (a row that only names the rows below, such as `Tỷ lệ hộ nghèo`), `data` (anything else).
 */
export type RowKind = 'total' | 'subtotal' | 'heading' | 'data';

export interface RowInfo {
  kind: RowKind;
  /** Indentation level of the row's name: 0 flush, 1 a sub-row or a unit one level down, … */
  indent: number;
}

export interface AnnexLayout {
  /** One text per column (the flat header of text, markdown, csv). */
  header: LayoutCell[];
  /** The header rows as documents print them (only with `grouped`). */
  head?: HeadCell[][];
  /** The forms' column-number row under the header (only with `grouped`, in the transposed layout). */
  columnNumbers?: string[];
  rows: LayoutCell[][];
  /** rowInfo[i] describes rows[i]. */
  rowInfo: RowInfo[];
  /** Columns at the left that name the rows (STT, label, ĐVT; or STT, unit): repeated on every part of a split table. */
  labelColumns: number;
  /** The total's column (seed layout). */
  totalColumn?: number;
  /** Whether some column gives the unit of measure (ĐVT); without one, documents print a unit line above. */
  hasMeasureColumn: boolean;
  transposed: boolean;
}

export interface LayoutSource {
  /** In table order (an annex's `Units`, or a computed table's list). */
  units: Iterable<Unit>;
  total?: Unit;
  indicators: readonly Indicator[];
  /** Rows the table names without any figure (Annex.unitsWithoutFigures): printed blank, before the unit they precede. */
  unitsWithoutFigures?: readonly UnitWithoutFigures[] | undefined;
}

export interface LayoutOptions {
  /** Units as rows; default: as columns. */
  transpose?: boolean;
  /** Build `head` (groups merged over their columns) and, transposed, `columnNumbers`. */
  grouped?: boolean;
}

/** More units than this (the total included) are laid out as rows when the layout is chosen automatically. */
export const WIDE_MAX_UNITS = 10;

/** Units as rows when forced, else when there are more than WIDE_MAX_UNITS units (as columns they would not fit a page). */
export function autoTranspose(src: Pick<LayoutSource, 'units' | 'total' | 'unitsWithoutFigures'>, forced?: boolean): boolean {
  return forced ?? displayUnits(src).length + (src.unitsWithoutFigures?.length ?? 0) > WIDE_MAX_UNITS;
}

/** Total first, then the other units in table order. */
export function displayUnits(src: Pick<LayoutSource, 'units' | 'total'>): Unit[] {
  return src.total ? [src.total, ...[...src.units].filter((u) => u.id !== src.total!.id)] : [...src.units];
}

/** A row of the table as printed: a unit, or a name the table gives without figures, before the unit it precedes. */
export type DisplayRow = { readonly unit: Unit; readonly named?: undefined } | { readonly named: string; readonly before: Unit; readonly under?: true; readonly cell?: Cell };

/**
 * The printed cell of a row named without figures: its name, with its input cell (the report's margins give its row
 * number, its warning marks it, a column not read prints its cell in that row).
 */
export const namedCell = (r: { readonly named: string; readonly cell?: Cell }): LayoutCell => ({ text: r.named, kind: 'unit', ...(r.cell ? { cell: r.cell } : {}) });

/** The units in display order with the rows named without figures (LayoutSource.unitsWithoutFigures) in place. */
export function withNamedRows(units: readonly Unit[], named: readonly UnitWithoutFigures[] | undefined): DisplayRow[] {
  if (!named || named.length === 0) return units.map((unit) => ({ unit }));
  const before = new Map<number, UnitWithoutFigures[]>();
  for (const n of named) before.set(n.before, [...(before.get(n.before) ?? []), n]);
  const rows = units.flatMap((unit): DisplayRow[] => [...(before.get(unit.id) ?? []).map((n): DisplayRow => ({ named: n.name, before: unit, ...(n.cell ? { cell: n.cell } : {}) })), { unit }]);
  // Named below the last unit (a list of communes with notes only): after it, numbered in its list.
  const ids = new Set(units.map((u) => u.id));
  const last = units.at(-1);
  // Listed as the last unit's parts (`under`): numbered under it.
  if (last) for (const n of named) if (!ids.has(n.before)) rows.push({ named: n.name, before: last, ...(n.cell ? { cell: n.cell } : {}), ...(n.under === last.id ? { under: true as const } : {}) });
  return rows;
}

/** A blank row's (or column's) value cells. */
const blanks = (n: number): LayoutCell[] => Array.from({ length: n }, (): LayoutCell => ({ text: '', kind: 'blank' }));

/** The column groups of the documents' header: a group's label over its members' phase labels. */
export const GROUPS: ReadonlyArray<{ key: keyof UiText['groups']; members: readonly Indicator[] }> = [
  { key: 'households', members: ['households_start', 'households_end'] },
  { key: 'poor', members: ['poor_start', 'poor_reduced', 'poor_end'] },
  { key: 'rate', members: ['rate_start', 'rate_reduced', 'rate_end'] },
];

/** How the forms derive a column from two others: `a − b`, or the rate `a / b × 100`. */
export const DERIVED: Partial<Record<Indicator, { op: 'minus' | 'rate'; of: readonly [Indicator, Indicator] }>> = {
  poor_end: { op: 'minus', of: ['poor_start', 'poor_reduced'] },
  rate_start: { op: 'rate', of: ['poor_start', 'households_start'] },
  rate_reduced: { op: 'minus', of: ['rate_start', 'rate_end'] },
  rate_end: { op: 'rate', of: ['poor_end', 'households_end'] },
};

/** A header given as a tree: a group over its members, or a leaf over one column. */
export interface HeaderNode {
  cell: LayoutCell;
  children?: HeaderNode[];
}

/** The header rows of a header tree: groups span their leaves' columns, leaves span down to the last row. */
export function headRows(nodes: readonly HeaderNode[]): HeadCell[][] {
  const depth = (n: HeaderNode): number => (n.children?.length ? 1 + Math.max(...n.children.map(depth)) : 1);
  const rows: HeadCell[][] = Array.from({ length: Math.max(1, ...nodes.map(depth)) }, () => []);
  const place = (n: HeaderNode, level: number, col: number): number => {
    if (!n.children?.length) {
      rows[level]!.push({ ...n.cell, col, colSpan: 1, rowSpan: rows.length - level });
      return 1;
    }
    const cell: HeadCell = { ...n.cell, col, colSpan: 0, rowSpan: 1 };
    rows[level]!.push(cell);
    for (const child of n.children) cell.colSpan += place(child, level + 1, col + cell.colSpan);
    return cell.colSpan;
  };
  let col = 0;
  for (const n of nodes) col += place(n, 0, col);
  return rows;
}

/** The forms' column numbers: letters for the naming columns, 1, 2 … for the others, with the formula of a derived one. */
export function columnNumbers(labelColumns: number, inds: readonly Indicator[]): string[] {
  const number = new Map(inds.map((ind, i) => [ind, i + 1]));
  const letters = Array.from({ length: labelColumns }, (_, i) => String.fromCharCode(65 + i));
  return [
    ...letters,
    ...inds.map((ind, i) => {
      const d = DERIVED[ind];
      const a = d && number.get(d.of[0]);
      const b = d && number.get(d.of[1]);
      if (!d || a === undefined || b === undefined) return String(i + 1);
      return d.op === 'minus' ? `${i + 1}=${a}-${b}` : `${i + 1}=${a}/${b}*100`;
    }),
  ];
}

/** Depth of each unit below the total (1 = directly under it) and whether it has units under it. */
function unitTree(units: readonly Unit[], total: Unit | undefined): { depth: (u: Unit) => number; hasChildren: (u: Unit) => boolean } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = new Set(units.filter((u) => !isSubRow(u)).map((u) => u.parent).filter((p): p is number => p !== undefined));
  const depth = (u: Unit): number => {
    let d = 0;
    for (let p: Unit | undefined = u; p && p.id !== total?.id && d <= units.length; p = p.parent === undefined ? undefined : byId.get(p.parent)) d++;
    return d;
  };
  return { depth, hasChildren: (u) => parents.has(u.id) && u.id !== total?.id };
}

/** "Of which" and breakdown rows: a subset or a category of their parent, never one of its parts. */
const isSubRow = (u: Unit) => u.role === 'of-which' || u.role === 'breakdown';

/**
 * The indents of the unit rows, laid in table order. A row reads as of the nearest row above it with less indent
 * (the total, laid at -1, above any). "Of which" and breakdown rows keep the table's order, so one wanted a level
 * below its parent may follow rows of other units (Quảng Nam 2019: the province's districts listed after its two
 * areas, its communes after the last district) and read as theirs: `subRow` sets it back to the deepest level at
 * which the row it reads under is its parent or one of the parent's ancestors (the total at worst).
 */
export function rowIndents(parentOf: (id: number) => number | undefined): { lay: (id: number, indent: number) => number; subRow: (id: number, wanted: number) => number } {
  // The rows a later row can read under: each row's nearest row above with less indent, up to the first.
  const open: Array<{ id: number; indent: number }> = [];
  const lay = (id: number, indent: number): number => {
    while ((open.at(-1)?.indent ?? -Infinity) >= indent) open.pop();
    open.push({ id, indent });
    return indent;
  };
  const subRow = (id: number, wanted: number): number => {
    const ancestors = new Set<number>();
    for (let p = parentOf(id); p !== undefined && !ancestors.has(p); p = parentOf(p)) ancestors.add(p);
    let indent = wanted;
    for (; indent > 0; indent--) {
      const above = open.findLast((r) => r.indent < indent);
      if (above === undefined || ancestors.has(above.id)) break;
    }
    return lay(id, indent);
  };
  return { lay, subRow };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * Row numbers: 1, 2 … for units directly under the total, 1.1, 1.2 … for the units under those; blocks (urban,
 * rural) I, II with their units 1, 2 … as the forms number them; "of which" rows none.
 */
function rowNumbers(rows: readonly DisplayRow[], tree: ReturnType<typeof unitTree>): Map<DisplayRow, string> {
  const out = new Map<DisplayRow, string>();
  const byId = new Map(rows.flatMap((r) => (r.named === undefined ? [[r.unit.id, r.unit] as const] : [])));
  const path: number[] = [];
  let blocks = 0;
  for (const r of rows) {
    // A row named without figures is numbered as one more unit of the list it stands in (its next unit's).
    const u = r.named === undefined ? r.unit : r.before;
    if (u.isTotal || isSubRow(u)) continue;
    const d = Math.max(1, tree.depth(u)) + (r.named !== undefined && r.under ? 1 : 0);
    path.length = d;
    path[d - 1] = (path[d - 1] ?? 0) + 1;
    if (u.role === 'block' && r.named === undefined) out.set(r, ROMAN[blocks++] ?? String(blocks));
    else if (u.parent !== undefined && byId.get(u.parent)?.role === 'block') out.set(r, String(path[d - 1]));
    else out.set(r, Array.from(path, (n) => n ?? 0).join('.'));
  }
  return out;
}

/** A rate's header in the flat layout names its unit (`labelWithUnit`). */
function flatLabel(ui: UiText, ind: Indicator): string {
  return labelWithUnit(ui.indicatorLabels[ind as CoreIndicator], ind, ui);
}

/**
 * A column's label with its unit after it: "(%)" after a rate's, "(điểm %)" after a fall in points or its target (as
 * validate's unit of measure says), unless the label already ends with one ("… (points)"). A count's as it is.
 */
export function labelWithUnit(label: string, slot: Indicator, ui: UiText): string {
  if (indicatorKind(slot) !== 'rate' || /\)\s*$/.test(label)) return label;
  const point = describeIndicator(parseSlot(slot).indicator);
  return `${label} (${point?.measure === 'points' && point.role !== 'achievement' ? ui.pointsUnit : '%'})`;
}

function transposedLayout(units: Unit[], src: LayoutSource, inds: Indicator[], ui: UiText, v: (u: Unit, ind: Indicator) => LayoutCell, grouped: boolean): AnnexLayout {
  const stt: LayoutCell = { text: ui.sttHeader, kind: 'stt' };
  const name: LayoutCell = { text: ui.unitHeader, kind: 'label' };
  const header: LayoutCell[] = [stt, name, ...inds.map((i): LayoutCell => ({ text: flatLabel(ui, i), kind: 'label', indicator: i }))];
  const tree = unitTree([...src.units], src.total);
  const display = withNamedRows(units, src.unitsWithoutFigures);
  const numbers = rowNumbers(display, tree);
  const rows = display.map((r): LayoutCell[] =>
    r.named === undefined ? [{ text: numbers.get(r) ?? '', kind: 'stt' }, { text: r.unit.name, kind: 'unit', unit: r.unit.id }, ...inds.map((i) => v(r.unit, i))] : [{ text: numbers.get(r) ?? '', kind: 'stt' }, namedCell(r), ...blanks(inds.length)],
  );
  const indentOf = unitIndents(display, tree, src.total);
  const rowInfo = display.map((r): RowInfo => {
    const u = r.named === undefined ? r.unit : r.before;
    const under = r.named !== undefined && r.under ? 1 : 0;
    return u.isTotal ? { kind: r.named === undefined ? 'total' : 'data', indent: under } : { kind: r.named === undefined && tree.hasChildren(u) ? 'subtotal' : 'data', indent: indentOf.get(u.id)! + under };
  });
  const layout: AnnexLayout = { header, rows, rowInfo, labelColumns: 2, hasMeasureColumn: false, transposed: true };
  if (!grouped) return layout;
  const nodes: HeaderNode[] = [{ cell: stt }, { cell: name }];
  for (const g of GROUPS) {
    const members = g.members.filter((i) => inds.includes(i));
    if (members.length === 0) continue;
    const leaves = members.map((i): HeaderNode => ({ cell: { text: ui.phases[i as CoreIndicator], kind: 'label', indicator: i } }));
    nodes.push(members.length === 1 ? { cell: { text: flatLabel(ui, members[0]!), kind: 'label', indicator: members[0]! } } : { cell: { text: ui.groups[g.key], kind: 'label' }, children: leaves });
  }
  // Indicators in no group keep their own column, after the groups.
  for (const i of inds.filter((i) => !GROUPS.some((g) => g.members.includes(i)))) nodes.push({ cell: { text: flatLabel(ui, i), kind: 'label', indicator: i } });
  const order = nodes.slice(2).flatMap((n) => (n.children ?? [n]).map((c) => c.cell.indicator!));
  return { ...layout, ...reorder(layout, order, 2), head: headRows(nodes), columnNumbers: columnNumbers(2, order) };
}

/** Each unit row's indent: its depth below the total, an "of which" row's set back where it would read as another unit's. */
function unitIndents(display: readonly DisplayRow[], tree: ReturnType<typeof unitTree>, total: Unit | undefined): Map<number, number> {
  const units = display.flatMap((r) => (r.named === undefined ? [r.unit] : []));
  const byId = new Map(units.map((u) => [u.id, u]));
  const indents = rowIndents((id) => byId.get(id)?.parent);
  const out = new Map<number, number>();
  for (const u of units) {
    if (u.isTotal) {
      indents.lay(u.id, -1);
      out.set(u.id, 0);
      continue;
    }
    const ofDepth = Math.max(0, tree.depth(u) - 1);
    const parentIndent = u.parent === undefined || u.parent === total?.id ? undefined : out.get(u.parent);
    out.set(u.id, isSubRow(u) ? indents.subRow(u.id, parentIndent === undefined ? ofDepth : parentIndent + 1) : indents.lay(u.id, ofDepth));
  }
  return out;
}

/** The layout's indicator columns put in `order` (the groups' order), the naming columns kept in front. */
function reorder(layout: AnnexLayout, order: readonly Indicator[], fixed: number): Pick<AnnexLayout, 'header' | 'rows'> {
  const index = [...Array(fixed).keys(), ...order.map((ind) => layout.header.findIndex((h) => h.indicator === ind))];
  return { header: index.map((i) => layout.header[i]!), rows: layout.rows.map((r) => index.map((i) => r[i]!)) };
}

function wideLayout(display: readonly DisplayRow[], counts: Indicator[], rates: Indicator[], ui: UiText, v: (u: Unit, ind: Indicator) => LayoutCell, grouped: boolean): AnnexLayout {
  const header: LayoutCell[] = [
    { text: ui.sttHeader, kind: 'stt' },
    { text: ui.labelHeader, kind: 'label' },
    { text: ui.measureHeader, kind: 'measure' },
    ...display.map((r): LayoutCell => (r.named === undefined ? { text: r.unit.name, kind: 'unit', unit: r.unit.id } : namedCell(r))),
  ];
  const values = (ind: Indicator) => display.map((r): LayoutCell => (r.named === undefined ? v(r.unit, ind) : { text: '', kind: 'blank' }));
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  let stt = 0;
  for (const ind of counts) {
    rows.push([{ text: String(++stt), kind: 'stt' }, { text: ui.tableLabels[ind as CoreIndicator], kind: 'label', indicator: ind }, { text: ui.measure.households, kind: 'measure' }, ...values(ind)]);
    rowInfo.push({ kind: 'data', indent: 0 });
  }
  if (rates.length > 0) {
    rows.push([{ text: String(++stt), kind: 'stt' }, { text: ui.rateHeading, kind: 'heading' }, { text: '', kind: 'blank' }, ...blanks(display.length)]);
    rowInfo.push({ kind: 'heading', indent: 0 });
    for (const ind of RATE_INDICATORS.filter((i) => rates.includes(i))) {
      rows.push([{ text: '', kind: 'stt' }, { text: ui.tableLabels[ind as CoreIndicator], kind: 'label', indicator: ind }, { text: ui.measure.percent, kind: 'measure' }, ...values(ind)]);
      rowInfo.push({ kind: 'data', indent: 1 });
    }
  }
  return unitColumnsLayout(header, rows, rowInfo, grouped, display.findIndex((r) => r.named === undefined && r.unit.isTotal));
}

/**
 * A layout with the units as columns after three label columns (STT, indicator, measure): `header` grouped into
 * head rows when asked, `total` the index of the total among the units' columns (-1: none).
 */
export function unitColumnsLayout(header: LayoutCell[], rows: LayoutCell[][], rowInfo: RowInfo[], grouped: boolean, total: number): AnnexLayout {
  return {
    header,
    ...(grouped ? { head: headRows(header.map((cell) => ({ cell }))) } : {}),
    rows,
    rowInfo,
    labelColumns: 3,
    ...(total >= 0 ? { totalColumn: 3 + total } : {}),
    hasMeasureColumn: true,
    transposed: false,
  };
}

export function annexLayout(src: LayoutSource, ui: UiText, value: (unit: Unit, ind: Indicator) => string, opts: LayoutOptions = {}): AnnexLayout {
  const units = displayUnits(src);
  const inds = INDICATORS.filter((i) => src.indicators.includes(i));
  const v = (u: Unit, ind: Indicator): LayoutCell => ({ text: value(u, ind), kind: 'value', unit: u.id, indicator: ind });
  if (opts.transpose) return transposedLayout(units, src, inds, ui, v, !!opts.grouped);
  const counts = inds.filter((i) => indicatorKind(i) === 'count');
  const rates = inds.filter((i) => indicatorKind(i) === 'rate');
  return wideLayout(withNamedRows(units, src.unitsWithoutFigures), counts, rates, ui, v, !!opts.grouped);
}
