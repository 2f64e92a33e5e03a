/**
 * The layout of a published table (any shape shape/ reads that is not the annex), as the official forms and
 * statistical releases lay it out, for every renderer (the same `AnnexLayout` the annex gets):
 *
 *  - units as rows (the forms, and any table read with units as rows): `STT | Đơn vị | …`, each point's
 *    columns grouped (`Hộ nghèo` merged over `Số hộ | Tỷ lệ (%)`, a rate over its years, a target over
 *    `Từ | Đến`, the year's flows under `Diễn biến hộ nghèo trong năm`), the column-number row with the formulas
 *    of the derived columns (`3=2/1*100`, `9=1-2+3+4`); blocks numbered I, II with their units 1, 2 … under them,
 *    subtotals and the total bold, "of which" and breakdown rows unnumbered and one level below the unit they are of
 *    (set back where rows of another unit stand between them, not to read as its: `rowIndents`), rows in the input's order;
 *  - units as columns (a table printed with indicators as rows): `STT | Chỉ tiêu | ĐVT | units…`, breakdown rows
 *    indented under their indicator, years as rows under a heading per poverty standard;
 *  - one unit with years or measures as columns (a statistical release's `Chỉ tiêu | 2010 | 2011 …`): rows
 *    and columns as the input has them.
 *  - one unit with its years as rows (`Năm | Số hộ nghèo | Tỷ lệ hộ nghèo (%) | …`): a row per year, a column
 *    per indicator.
 * Which one: the input's, from where its cells are (`inputOrientation`); `transpose` forces units as rows
 * (true) or columns (false); more than WIDE_MAX_UNITS units as columns are laid out as rows.
 */
import { type Annex, type Unit, childrenByParent, notReadColumns, notReadRows } from '../model/annex.js';
import { flaggedColumnsNotRead, withColumnsNotRead, withRowsNotRead, type FlaggedAt } from './not-read.js';
import { indicatorKind, isCoreIndicator, type Indicator } from '../model/indicators.js';
import { parseSlot, slotKey, withDims, type ParsedSlot, type SubSlot } from '../model/slots.js';
import { describeIndicator, type IndicatorPoint } from '../model/vocabulary.js';
import { catalog, makeFmt } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { layoutWords } from '../messages/indicator-labels.js';
import type { ColumnRule } from '../compute/shaped.js';
import { WIDE_MAX_UNITS, annexLayout, headRows, labelWithUnit, namedCell, unitColumnsLayout, withNamedRows, type AnnexLayout, type DisplayRow, type HeaderNode, type LayoutCell, type RowInfo, rowIndents } from './annex-layout.js';

export interface ShapeSource {
  units: readonly Unit[];
  total?: Unit;
  indicators: readonly Indicator[];
  /** The annex as read: where its cells were tells the input's orientation; its parts and roles the rows'. */
  source: Annex;
  /** Derived columns' rules, for the column-number row. */
  columnRules?: ReadonlyMap<Indicator, ColumnRule>;
}

export type Orientation = 'units-rows' | 'units-columns' | 'grid' | 'years-rows';

/** How the input laid the table out: units as rows, as columns, or one unit with several columns per row. */
export function inputOrientation(annex: Annex): Orientation {
  if (annex.layout === 'long') return annex.units.length === 1 && yearsOnRows(annex) ? 'years-rows' : 'units-rows';
  const withValues = [...annex.units].filter((u) => Object.values(annex.values.row(u.id)).some((v) => v?.status === 'ok'));
  if (withValues.length <= 1) {
    const u = withValues[0] ?? annex.units.at(0);
    const rows = new Set<number>();
    for (const v of Object.values(u ? (annex.values.row(u.id)) : {})) {
      if (!v) continue;
      if (rows.has(v.cell.row)) return 'grid';
      rows.add(v.cell.row);
    }
  }
  return 'units-columns';
}

/** Whether the one unit's values are a series with a row per year (`Năm | Số hộ nghèo | …`): every slot has a year, each year one row. */
function yearsOnRows(annex: Annex): boolean {
  const rowOf = new Map<string, number>();
  const rows = new Set<number>();
  for (const [slot, v] of Object.entries(annex.values.row(0))) {
    if (!v) continue;
    const year = parseSlot(slot).year;
    if (year === undefined || (rowOf.get(year) ?? v.cell.row) !== v.cell.row) return false;
    rowOf.set(year, v.cell.row);
    rows.add(v.cell.row);
  }
  return rows.size > 1;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

const isSub = (u: Unit) => u.role === 'of-which' || u.role === 'breakdown';

/** Row numbers as the forms number them, each row's kind and indent. */
function unitRows(src: ShapeSource, display: readonly DisplayRow[]): { numbers: Map<DisplayRow, string>; info: Map<number, RowInfo> } {
  const kids = childrenByParent(src.source);
  const byId = new Map(src.units.map((u) => [u.id, u]));
  const counters = new Map<string, number>();
  const numbers = new Map<DisplayRow, string>();
  const unitNumbers = new Map<number, string>();
  const info = new Map<number, RowInfo>();
  const isTotal = (u: Unit | undefined) => !!u && (u.isTotal || u.id === src.total?.id);
  // A list with a block in it is numbered I, II … throughout (its units beside the block too), not 1, 2, I.
  const levelOf = (u: Unit) => `${u.parent ?? '-'}:${u.partition ?? 0}`;
  const blockLevels = new Set(src.units.filter((u) => u.role === 'block').map(levelOf));
  const indents = rowIndents((id) => byId.get(id)?.parent);
  for (const r of display) {
    if (r.named !== undefined && r.under) {
      // Listed as the parts of the unit above (a district's communes after it): numbered under it.
      const key = `${r.before.id}:0:u`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const own = unitNumbers.get(r.before.id);
      numbers.set(r, own ? `${own}.${n}` : String(n));
      continue;
    }
    // A row named without figures is numbered as one more unit of the list it stands in (its next unit's).
    const u = r.named === undefined ? r.unit : r.before;
    const parent = u.parent === undefined ? undefined : byId.get(u.parent);
    const parentIndent = parent && !isTotal(parent) ? (info.get(parent.id)?.indent ?? 0) : -1;
    if (isTotal(u)) {
      if (r.named !== undefined) continue;
      indents.lay(u.id, -1); // above every level: the rows flush under it (its units, as the forms print them) read as its
      info.set(u.id, { kind: 'total', indent: 0 });
      continue;
    }
    if (isSub(u)) {
      // One level below its parent (the total's one below it, not with its parts), unless it would read as another unit's there.
      if (r.named === undefined) info.set(u.id, { kind: 'data', indent: indents.subRow(u.id, Math.max(0, parentIndent) + 1) });
      continue;
    }
    // A unit beside the total, under no parent and heading none (`Cả nước` printed under `Toàn tỉnh` for
    // comparison): one of no list, so not numbered; rows named without figures before it are the total's units.
    const beside = src.total !== undefined && parent === undefined && (kids.get(u.id)?.length ?? 0) === 0;
    if (beside && r.named === undefined) {
      info.set(u.id, { kind: 'data', indent: indents.lay(u.id, 0) });
      continue;
    }
    const block = (u.role === 'block' && r.named === undefined) || (!beside && blockLevels.has(levelOf(u)));
    const key = `${beside ? src.total?.id : (u.parent ?? '-')}:${u.partition ?? 0}:${block ? 'b' : 'u'}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const parentNumber = parent && !isTotal(parent) && parent.role !== 'block' ? unitNumbers.get(parent.id) : undefined;
    const number = block ? roman(n) : parentNumber ? `${parentNumber}.${n}` : String(n);
    numbers.set(r, number);
    if (r.named !== undefined) continue;
    unitNumbers.set(u.id, number);
    info.set(u.id, { kind: u.role === 'block' || (kids.get(u.id)?.length ?? 0) > 0 ? 'subtotal' : 'data', indent: indents.lay(u.id, parentIndent + 1) });
  }
  return { numbers, info };
}

interface SlotColumn {
  slot: Indicator;
  parsed: ParsedSlot;
  point?: IndicatorPoint;
  /** Its year's heading as the table prints it, when that says more than the year (`Kế hoạch năm 2021`). */
  yearHeading?: string;
}

const columnsOf = (inds: readonly Indicator[], yearHeadings?: Readonly<Record<string, string>>): SlotColumn[] =>
  inds.map((slot) => {
    const parsed = parseSlot(slot);
    const point = describeIndicator(parsed.indicator);
    const yearHeading = parsed.year !== undefined ? yearHeadings?.[parsed.year] : undefined;
    return { slot, parsed, ...(point ? { point } : {}), ...(yearHeading !== undefined ? { yearHeading } : {}) };
  });

/**
 * "Of which" and breakdown columns (`Trong đó: hộ nghèo về thu nhập thấp`) after their count's group (its count and
 * rate), where a table prints them, not after every other column; the others in their order.
 */
function partsAfterParents(cols: readonly SlotColumn[], lang: Lang): SlotColumn[] {
  const out = cols.filter((c) => c.parsed.part === undefined);
  const keyOf = (c: SlotColumn) => groupOf(c, lang)?.key ?? c.slot;
  for (const c of cols) {
    if (c.parsed.part === undefined) continue;
    const parent = withDims(c.slot, { part: undefined });
    const at = out.findIndex((o) => o.slot === parent);
    if (at < 0) {
      out.push(c);
      continue;
    }
    // After the parent's group and the parts already placed after it.
    const key = keyOf(out[at]!);
    let end = at;
    const belongs = (o: SlotColumn) => keyOf(o) === key || (o.parsed.part !== undefined && withDims(o.slot, { part: undefined }) === parent);
    while (end + 1 < out.length && belongs(out[end + 1]!)) end++;
    out.splice(end + 1, 0, c);
  }
  return out;
}

type MeasureName = 'count' | 'rate' | 'persons' | 'points';
/** A share is a percentage (`%`), as a rate is. */
const measureName = (c: SlotColumn): MeasureName => {
  const m = c.point?.measure;
  return m === undefined ? (indicatorKind(c.slot) === 'rate' ? 'rate' : 'count') : m === 'share' ? 'rate' : m;
};

/**
 * A slot's full label, with its unit after a rate's or a fall's (annex-layout.ts `labelWithUnit`), and the year a
 * fall is measured against where its heading names one (`since`: Annex.comparedWith).
 */
function fullLabel(slot: Indicator, lang: Lang, since?: string): string {
  const label = makeFmt(lang).ind(slot);
  return labelWithUnit(since === undefined ? label : layoutWords(lang).since(label, since), slot, catalog(lang).ui);
}

/**
 * The heading of a column of a part of a count (`Trong đó: hộ nghèo về thu nhập thấp`, after its count's group), as
 * the tables print it, whether the parts only belong to the count or also add up to it (a breakdown).
 */
function ofWhichLabel(c: SlotColumn, subSlots: ReadonlyMap<Indicator, SubSlot> | undefined, lang: Lang): string | undefined {
  const part = c.parsed.part;
  return part !== undefined && subSlots?.has(c.slot) ? `${layoutWords(lang).ofWhich}: ${part}` : undefined;
}

const FLOWS = new Set(['exited', 'returned', 'new', 'from_near_poor', 'other_in', 'other_out']);

/**
 * The column group of a slot: a rate or count over years or bounds (key: the slot without year and bound), or
 * a point's count and rate (key: the point without its measure); undefined for a column of its own.
 */
function groupOf(c: SlotColumn, lang: Lang): { key: string; label: string; leaf: string } | undefined {
  const w = layoutWords(lang);
  const { indicator, year, standard, bound, part } = c.parsed;
  if (part !== undefined) return undefined;
  if (year !== undefined || bound !== undefined) {
    const key = slotKey(indicator, standard !== undefined ? { standard } : {});
    const leaf = [year !== undefined ? (c.yearHeading ?? w.year(year)) : '', bound !== undefined ? w.bound[bound] : ''].filter(Boolean).join(' ');
    return { key: `i:${key}`, label: fullLabel(key, lang), leaf };
  }
  const p = c.point;
  // A share stands in a column of its own: it is not a rate of its count's group (over all households).
  if (!p || p.role !== 'value' || p.measure === 'points' || p.measure === 'share' || p.population === 'households' || p.population === 'em_households') return undefined;
  const countKey = describeIndicator(indicator) ? slotKey(`${p.population}${p.time === 'point' ? '' : `_${p.time}`}`, standard !== undefined ? { standard } : {}) : indicator;
  return { key: `p:${p.population}:${p.time}:${standard ?? ''}`, label: w.group(parseSlot(countKey).indicator), leaf: w.measure[measureName(c)] };
}

/** The header tree of units as rows: naming columns, then the slots grouped, flows under one group. */
function slotHeader(cols: readonly SlotColumn[], lang: Lang, naming: LayoutCell[], subSlots?: ReadonlyMap<Indicator, SubSlot>, comparedWith?: Readonly<Record<Indicator, string>>): HeaderNode[] {
  const nodes: HeaderNode[] = naming.map((cell) => ({ cell }));
  const leafNode = (c: SlotColumn, text: string): HeaderNode => ({ cell: { text, kind: 'label', indicator: c.slot } });
  const runs: Array<{ group?: ReturnType<typeof groupOf>; members: SlotColumn[] }> = [];
  for (const c of cols) {
    const g = groupOf(c, lang);
    const last = runs[runs.length - 1];
    if (g && last?.group?.key === g.key) last.members.push(c);
    else runs.push({ ...(g ? { group: g } : {}), members: [c] });
  }
  const runNode = (r: (typeof runs)[number]): HeaderNode =>
    r.group && r.members.length > 1
      ? { cell: { text: r.group.label, kind: 'label' }, children: r.members.map((m) => leafNode(m, groupOf(m, lang)!.leaf)) }
      : leafNode(r.members[0]!, ofWhichLabel(r.members[0]!, subSlots, lang) ?? fullLabel(r.members[0]!.slot, lang, comparedWith?.[r.members[0]!.slot]));
  // Consecutive runs of one population's gross flows go under `Diễn biến hộ … trong năm`.
  for (let i = 0; i < runs.length; ) {
    const p = runs[i]!.members[0]!.point;
    let j = i;
    const isFlow = (r: (typeof runs)[number]) => {
      const q = r.members[0]!.point;
      return !!q && !!p && q.population === p.population && FLOWS.has(q.time) && r.members.every((m) => m.point?.time === q.time);
    };
    while (j < runs.length && isFlow(runs[j]!)) j++;
    if (j - i >= 2) {
      nodes.push({ cell: { text: layoutWords(lang).flows(p!.population), kind: 'label' }, children: runs.slice(i, j).map(runNode) });
      i = j;
    } else {
      nodes.push(runNode(runs[i]!));
      i++;
    }
  }
  return nodes;
}

/** The forms' column numbers: A, B for the naming columns, 1, 2 … for the others, with a derived column's formula. */
function numbersRow(naming: number, slots: readonly Indicator[], rules: ReadonlyMap<Indicator, ColumnRule> | undefined): string[] {
  const number = new Map(slots.map((s, i) => [s, i + 1]));
  const letters = Array.from({ length: naming }, (_, i) => String.fromCharCode(65 + i));
  return [
    ...letters,
    ...slots.map((s, i) => {
      const r = rules?.get(s);
      const n = (k: Indicator) => number.get(k);
      if (!r) return String(i + 1);
      if (r.op === 'sum') {
        const [first, ...rest] = r.plus;
        const all = [first!, ...r.minus, ...rest];
        if (!all.every((k) => n(k) !== undefined)) return String(i + 1);
        return `${i + 1}=${n(first!)}${r.minus.map((k) => `-${n(k)}`).join('')}${rest.map((k) => `+${n(k)}`).join('')}`;
      }
      const [a, b] = r.of;
      return n(a) !== undefined && n(b) !== undefined ? `${i + 1}=${n(a)}/${n(b)}*100` : String(i + 1);
    }),
  ];
}

type ValueCell = (unit: Unit, ind: Indicator) => LayoutCell;

function unitsAsRows(src: ShapeSource, lang: Lang, v: ValueCell, grouped: boolean): AnnexLayout {
  const ui = catalog(lang).ui;
  const stt: LayoutCell = { text: ui.sttHeader, kind: 'stt' };
  const name: LayoutCell = { text: ui.unitHeader, kind: 'label' };
  const cols = partsAfterParents(columnsOf(src.indicators, src.source.yearHeadings), lang);
  const nodes = slotHeader(cols, lang, [stt, name], src.source.subSlots, src.source.comparedWith);
  // The flat header names each column with its group: `Hộ nghèo: Số hộ`.
  const flat: LayoutCell[] = [stt, name];
  const walk = (n: HeaderNode, prefix: string[]) => {
    if (n.children?.length) n.children.forEach((c) => walk(c, [...prefix, n.cell.text]));
    else if (n.cell.indicator) flat.push({ ...n.cell, text: prefix.length > 0 ? `${prefix[prefix.length - 1]}: ${n.cell.text}` : n.cell.text });
  };
  nodes.slice(2).forEach((n) => walk(n, []));
  const order = flat.slice(2).map((c) => c.indicator!);
  const display = withNamedRows(src.units, src.source.unitsWithoutFigures);
  const { numbers, info } = unitRows(src, display);
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  const headings = src.source.sectionHeadings ?? [];
  // Rows of dots under lists whose parent has figures (a blank form's placeholder rows are not printed).
  const hasFigures = (id: number) => order.some((s) => src.source.values.get(id, s)?.status === 'ok');
  const dotsAfter = new Map((src.source.partialLists ?? []).filter((l) => !l.empty && hasFigures(l.parent)).map((l) => [l.after, l.cell.raw.trim()]));
  let partition = 0;
  for (const r of display) {
    const u = r.named === undefined ? r.unit : r.before;
    // A partition's section row (`Chia theo vùng`) above its first unit, as the table prints it: its units are
    // numbered from 1 again, and the heading says why.
    const p = u.partition ?? 0;
    if (p > partition && headings[p - 1] !== undefined) {
      rows.push([{ text: '', kind: 'stt' }, { text: headings[p - 1]!, kind: 'heading' }, ...order.map((): LayoutCell => ({ text: '', kind: 'blank' }))]);
      rowInfo.push({ kind: 'heading', indent: 0 });
    }
    if (p > partition) partition = p;
    if (r.named !== undefined) {
      // A unit the table names without figures: printed as the table has it, blank (its list is not complete).
      const next = info.get(u.id) ?? { kind: 'data', indent: 0 };
      rows.push([{ text: numbers.get(r) ?? '', kind: 'stt' }, namedCell(r), ...order.map((): LayoutCell => ({ text: '', kind: 'blank' }))]);
      rowInfo.push({ kind: 'data', indent: r.under ? (next.kind === 'total' ? 0 : next.indent) + 1 : next.kind === 'total' ? 0 : next.indent });
      continue;
    }
    rows.push([{ text: numbers.get(r) ?? '', kind: 'stt' }, { text: u.name, kind: 'unit', unit: u.id }, ...order.map((s) => v(u, s))]);
    rowInfo.push(info.get(u.id) ?? { kind: 'data', indent: 0 });
    // A row of dots the table prints under this unit: its list goes on unprinted, and the output says so too.
    const dots = dotsAfter.get(u.id);
    if (dots !== undefined) {
      rows.push([{ text: '', kind: 'stt' }, { text: dots, kind: 'heading' }, ...order.map((): LayoutCell => ({ text: '', kind: 'blank' }))]);
      rowInfo.push({ kind: 'heading', indent: (info.get(u.id) ?? { indent: 0 }).indent });
    }
  }
  return {
    header: flat,
    ...(grouped ? { head: headRows(nodes), columnNumbers: numbersRow(2, order, src.columnRules) } : {}),
    rows,
    rowInfo,
    labelColumns: 2,
    hasMeasureColumn: false,
    transposed: true,
  };
}

/** Rows of slots (indicators as rows): breakdown rows under their indicator, years under a heading per standard. */
function slotRows(cols: readonly SlotColumn[], lang: Lang): Array<{ heading?: string; col?: SlotColumn; label: string; indent: number }> {
  const w = layoutWords(lang);
  const oneIndicator = cols.length > 1 && cols.every((c) => c.parsed.indicator === cols[0]!.parsed.indicator && c.parsed.part === undefined);
  const out: Array<{ heading?: string; col?: SlotColumn; label: string; indent: number }> = [];
  let standard: string | undefined;
  for (const c of partsUnderTheirs(cols)) {
    const { year, bound, part } = c.parsed;
    if (c.parsed.standard !== undefined && c.parsed.standard !== standard) {
      standard = c.parsed.standard;
      out.push({ heading: w.standard(standard), label: w.standard(standard), indent: 0 });
    }
    const inStandard = standard !== undefined ? 1 : 0;
    if (part !== undefined) out.push({ col: c, label: part, indent: inStandard + 1 });
    else if (oneIndicator) out.push({ col: c, label: [year !== undefined ? (c.yearHeading ?? w.year(year)) : '', bound !== undefined ? w.bound[bound] : ''].filter(Boolean).join(' ') || fullLabel(c.slot, lang), indent: inStandard });
    else out.push({ col: c, label: makeFmt(lang).ind(standard !== undefined ? slotKey(c.parsed.indicator, { ...(year !== undefined ? { year } : {}), ...(bound !== undefined ? { bound } : {}) }) : c.slot), indent: inStandard });
  }
  return out;
}

/** Each breakdown row's slot right after the slot it breaks down (a table lists them there; they are read after). */
function partsUnderTheirs(cols: readonly SlotColumn[]): SlotColumn[] {
  const parts = cols.filter((c) => c.parsed.part !== undefined);
  if (parts.length === 0) return [...cols];
  const out: SlotColumn[] = [];
  const placed = new Set<SlotColumn>();
  for (const c of cols) {
    if (c.parsed.part !== undefined) continue;
    out.push(c);
    for (const p of parts) if (!placed.has(p) && p.parsed.indicator === c.parsed.indicator && p.parsed.year === c.parsed.year && p.parsed.standard === c.parsed.standard) (out.push(p), placed.add(p));
  }
  for (const p of parts) if (!placed.has(p)) out.push(p);
  return out;
}

function unitsAsColumns(src: ShapeSource, lang: Lang, v: ValueCell, grouped: boolean): AnnexLayout {
  const ui = catalog(lang).ui;
  const w = layoutWords(lang);
  const cols = columnsOf(src.indicators, src.source.yearHeadings);
  const oneIndicator = cols.length > 1 && cols.every((c) => c.parsed.indicator === cols[0]!.parsed.indicator && c.parsed.part === undefined);
  const display = withNamedRows(src.units, src.source.unitsWithoutFigures);
  const header: LayoutCell[] = [
    { text: ui.sttHeader, kind: 'stt' },
    { text: oneIndicator ? fullLabel(cols[0]!.parsed.indicator, lang) : ui.labelHeader, kind: 'label' },
    { text: ui.measureHeader, kind: 'measure' },
    ...display.map((r): LayoutCell => (r.named === undefined ? { text: r.unit.name, kind: 'unit', unit: r.unit.id } : namedCell(r))),
  ];
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  let stt = 0;
  for (const r of slotRows(cols, lang)) {
    if (r.heading !== undefined) {
      rows.push([{ text: '', kind: 'stt' }, { text: r.heading, kind: 'heading' }, { text: '', kind: 'blank' }, ...display.map((): LayoutCell => ({ text: '', kind: 'blank' }))]);
      rowInfo.push({ kind: 'heading', indent: 0 });
      continue;
    }
    const c = r.col!;
    const numbered = c.parsed.part === undefined;
    rows.push([
      { text: numbered ? String(++stt) : '', kind: 'stt' },
      { text: r.label, kind: 'label', indicator: c.slot },
      // An achievement is a percentage of its target, whatever the target measures.
      { text: w.unitOf[c.point?.role === 'achievement' ? 'rate' : measureName(c)], kind: 'measure' },
      ...display.map((d): LayoutCell => (d.named === undefined ? v(d.unit, c.slot) : { text: '', kind: 'blank' })),
    ]);
    rowInfo.push({ kind: 'data', indent: r.indent });
  }
  return unitColumnsLayout(header, rows, rowInfo, grouped, display.findIndex((d) => d.named === undefined && (d.unit.isTotal || d.unit.id === src.total?.id)));
}

/** One unit whose values sit several to an input row: rows and columns as in the input. */
function grid(src: ShapeSource, lang: Lang, v: ValueCell, grouped: boolean): AnnexLayout {
  const ui = catalog(lang).ui;
  const w = layoutWords(lang);
  const unit = src.units.find((u) => Object.keys(src.source.values.row(u.id)).length > 0) ?? src.units[0]!;
  const vals = src.source.values.row(unit.id);
  const cols = columnsOf(src.indicators, src.source.yearHeadings).filter((c) => vals[c.slot]);
  const rowsAt = [...new Set(cols.map((c) => vals[c.slot]!.cell.row))].sort((a, b) => a - b);
  const colsAt = [...new Set(cols.map((c) => vals[c.slot]!.cell.col))].sort((a, b) => a - b);
  const at = (c: SlotColumn) => ({ r: rowsAt.indexOf(vals[c.slot]!.cell.row), k: colsAt.indexOf(vals[c.slot]!.cell.col) });
  const colHead = colsAt.map((_, k) => {
    const inCol = cols.filter((c) => at(c).k === k);
    const years = new Set(inCol.map((c) => c.parsed.year));
    if (years.size === 1 && inCol[0]?.parsed.year !== undefined) return inCol[0].yearHeading ?? w.year(inCol[0].parsed.year);
    // A column of the rows' falls (`Giảm so với năm 2017 (%)`; the fall between two years, `Giảm`, a count's in
    // households beside a rate's in points): said so, with the year it names.
    if (inCol.length > 0 && inCol.every((c) => c.point?.time === 'reduced')) return w.reduction(src.source.comparedWith?.[inCol[0]!.slot], inCol.every((c) => c.point?.measure === 'points'));
    const measures = new Set(inCol.map(measureName));
    if (measures.size === 1) return w.measure[measureName(inCol[0]!)];
    // Rates and falls in points in one column (`Tỷ lệ (%)` beside the poor and beside their fall): percentages.
    return [...measures].every((m) => m === 'rate' || m === 'points') ? w.measure.rate : '';
  });
  const byYear = cols.every((c) => c.parsed.year !== undefined);
  const header: LayoutCell[] = [
    { text: ui.sttHeader, kind: 'stt' },
    { text: ui.labelHeader, kind: 'label' },
    ...(byYear ? [{ text: ui.measureHeader, kind: 'measure' as const }] : []),
    ...colHead.map((text): LayoutCell => ({ text, kind: 'label' })),
  ];
  const rows: LayoutCell[][] = [];
  const rowInfo: RowInfo[] = [];
  let stt = 0;
  let heading: string | undefined;
  rowsAt.forEach((_, r) => {
    const inRow = cols.filter((c) => at(c).r === r);
    const first = inRow.find((c) => measureName(c) === 'count') ?? inRow[0]!;
    const part = first.parsed.part;
    // A breakdown listed under a heading without figures (`Hộ nghèo phân theo dân tộc`): the heading above its rows.
    const under = part === undefined ? undefined : src.source.subSlots?.get(first.slot)?.heading;
    if (under !== undefined && under !== heading) {
      rows.push([{ text: '', kind: 'stt' }, { text: under, kind: 'heading' }, ...(byYear ? [{ text: '', kind: 'blank' as const }] : []), ...colsAt.map((): LayoutCell => ({ text: '', kind: 'blank' }))]);
      rowInfo.push({ kind: 'heading', indent: 0 });
    }
    heading = under;
    const label = part ?? (byYear ? makeFmt(lang).ind(slotKey(first.parsed.indicator, first.parsed.standard !== undefined ? { standard: first.parsed.standard } : {})) : (groupOf(first, lang)?.label ?? makeFmt(lang).ind(first.slot)));
    const cells = colsAt.map((__, k): LayoutCell => {
      const c = inRow.find((x) => at(x).k === k);
      return c ? v(unit, c.slot) : { text: '', kind: 'blank' };
    });
    rows.push([{ text: part === undefined ? String(++stt) : '', kind: 'stt' }, { text: label, kind: 'label', indicator: first.slot }, ...(byYear ? [{ text: w.unitOf[measureName(first)], kind: 'measure' as const }] : []), ...cells]);
    rowInfo.push({ kind: 'data', indent: part === undefined ? 0 : 1 });
  });
  return { header, ...(grouped ? { head: headRows(header.map((cell) => ({ cell }))) } : {}), rows, rowInfo, labelColumns: byYear ? 3 : 2, hasMeasureColumn: byYear, transposed: false };
}

/** A series with its years as rows (`Năm | Số hộ nghèo | Tỷ lệ hộ nghèo (%) | …`), as the input: a row per year, a column per indicator. */
function yearsAsRows(src: ShapeSource, lang: Lang, v: ValueCell, grouped: boolean): AnnexLayout {
  const unit = src.units[0]!;
  const cols = columnsOf(src.indicators, src.source.yearHeadings).filter((c) => c.parsed.year !== undefined);
  const withoutYear = (c: SlotColumn) => withDims(c.slot, { year: undefined });
  const years = [...new Set(cols.map((c) => c.parsed.year!))];
  const bases = [...new Set(cols.map(withoutYear))];
  const header: LayoutCell[] = [{ text: catalog(lang).ui.yearHeader, kind: 'label' }, ...bases.map((b): LayoutCell => ({ text: fullLabel(b, lang), kind: 'label' }))];
  const rows = years.map((year): LayoutCell[] => [
    { text: src.source.yearHeadings?.[year] ?? year, kind: 'label' },
    ...bases.map((b): LayoutCell => {
      const slot = slotKey(parseSlot(b).indicator, { ...parseSlot(b), year });
      return src.indicators.includes(slot) ? v(unit, slot) : { text: '', kind: 'blank' };
    }),
  ]);
  const rowInfo = rows.map((): RowInfo => ({ kind: 'data', indent: 0 }));
  return { header, ...(grouped ? { head: headRows(header.map((cell) => ({ cell }))) } : {}), rows, rowInfo, labelColumns: 1, hasMeasureColumn: false, transposed: false };
}

export function shapedLayout(src: ShapeSource, lang: Lang, value: (unit: Unit, ind: Indicator) => string, opts: { transpose?: boolean; grouped?: boolean } = {}): AnnexLayout {
  const v: ValueCell = (u, ind) => ({ text: value(u, ind), kind: 'value', unit: u.id, indicator: ind });
  const input = inputOrientation(src.source);
  const grouped = !!opts.grouped;
  if (opts.transpose === true) return unitsAsRows(src, lang, v, grouped);
  if (opts.transpose === false) return input === 'grid' ? grid(src, lang, v, grouped) : unitsAsColumns(src, lang, v, grouped);
  if (input === 'grid') return grid(src, lang, v, grouped);
  if (input === 'years-rows') return yearsAsRows(src, lang, v, grouped);
  if (input === 'units-columns' && src.units.length + (src.source.unitsWithoutFigures?.length ?? 0) <= WIDE_MAX_UNITS) return unitsAsColumns(src, lang, v, grouped);
  return unitsAsRows(src, lang, v, grouped);
}

/**
 * The layout of a table as read (the validate report's table): the annex's own for a table of the annex's
 * indicators, the shaped one for any other; `transpose` undefined = as the input has it. The rows it does not read
 * are in place, their numbers in `locale`'s format (without one, as printed). Of the columns it does not read, those
 * holding a cell a finding sits at (`flagged(row, col, sheet)`, 0-based input row and column, the sheet of a workbook's:
 * the warning on a column it does not understand sits at its header), in place.
 */
export function layoutAsRead(
  annex: Annex,
  lang: Lang,
  value: (unit: Unit, ind: Indicator) => string,
  transpose?: boolean,
  locale?: 'vi' | 'en',
  flagged?: FlaggedAt,
): AnnexLayout {
  const layout = annex.indicators.every(isCoreIndicator)
    ? annexLayout(annex, catalog(lang).ui, value, { transpose: !!transpose })
    : shapedLayout({ units: [...annex.units], ...(annex.total ? { total: annex.total } : {}), indicators: annex.indicators, source: annex }, lang, value, transpose !== undefined ? { transpose } : {});
  // The rows it does not read, as printed (not checked: never marked). The columns only where a finding is (`table`
  // prints them all): a notes column would widen the report's table, which is there to show the cells marked.
  const notRead = notReadRows(annex);
  const rows = notRead ? withRowsNotRead(layout, notRead, locale) : layout;
  const columns = flagged ? notReadColumns(annex) : undefined;
  const shown = columns && flaggedColumnsNotRead(columns.cols, flagged!);
  return shown?.length ? withColumnsNotRead(rows, { ...columns!, cols: shown }, locale) : rows;
}
