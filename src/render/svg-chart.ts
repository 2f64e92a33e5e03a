/**
 * The poverty-rate chart as inline SVG, no chart library: per unit two horizontal bars, the start-of-year
 * rate (hatched) and the end-of-year rate (solid), the total first, then the units sorted by end rate,
 * highest first. Every bar carries its value; where a target is given, a dashed line with a marker sits at
 * the end rate the target requires, and the target is written beside the bars with whether it is met.
 * Hatching, dashes, markers and direct labels keep it readable in black-and-white print.
 *
 * `rateChartData` takes the rates from the annex (as printed, or computed from the counts when the table
 * prints none) and places the targets; `rateChartSvg` draws. Both pure. The rates and target positions are
 * exact decimals (Dec); only pixel positions are floating point.
 */
import { rate, compareTarget, type TargetOp } from '../calc/annex-math.js';
import { Dec, plain } from '../calc/decimal.js';
import type { Annex, Unit, Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import type { Severity } from '../model/finding.js';
import { catalog, formatPlain } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { displayRef } from '../model/grid.js';
import { aliasedUnitKey, foldKey } from '../shape/normalize.js';
import { displayUnits } from './annex-layout.js';
import { html, joinHtml, raw, type SafeHtml } from './html-escape.js';
import { SEVERITY_SYMBOL } from './html-annex.js';

/** A target as in the targets file shared with `plan` and target checks: `unit` is a name or `total`. */
export interface ChartTarget {
  unit: string;
  indicator: string;
  op: TargetOp;
  /** Plain digits ("4", "2.06"). */
  value: string;
}

export interface DrawnTarget {
  target: ChartTarget;
  indicator: 'rate_end' | 'rate_reduced';
  /** Where the line goes, on the end-rate scale (plain digits): the end rate the target asks for. */
  at: string;
  /** The end rate must be `endOp` `at` (a reduction of at least 4 points is an end rate of at most start − 4). */
  endOp: TargetOp;
  /** Whether the printed end rate meets it; undefined without an end rate. */
  met?: boolean;
}

export interface ChartRow {
  unit: string;
  /** The parent's name, when another drawn row has the same name (a district listed in two blocks). */
  within?: string;
  parentId?: number;
  isTotal: boolean;
  /** At the table's top level: under the total (or without a parent), in its first partition, not a block's or an "of which" row. */
  top: boolean;
  /** Plain digits, two decimals. */
  start?: string;
  end?: string;
  startComputed: boolean;
  endComputed: boolean;
  startMark?: Severity;
  endMark?: Severity;
  targets: DrawnTarget[];
}

export interface ChartData {
  rows: ChartRow[];
  /** Targets that cannot be drawn: not on a rate, unknown unit, no start rate for a reduction target. */
  notDrawn: ChartTarget[];
  /** Units with neither rate. */
  omitted: string[];
  /**
   * The table gives one rate at a point in time (a review's result: `Tỷ lệ hộ nghèo`, or poor households over
   * households), not the year's start and end: each row's `end` holds it, drawn as the one series.
   */
  point: boolean;
  /** A large table's chart: `shown` of its `of` units drawn, chosen `how`. */
  limited?: { shown: number; of: number; how: 'top-level' | 'highest' | 'top-level-highest' };
}

/**
 * Most units drawn besides the total: a national table's ten thousand communes would be a chart 360,000 pixels
 * high. Past it, the top level (provinces, or a province's districts); past it still, the highest rates.
 */
export const CHART_MAX_UNITS = 60;

/** Most units without a rate named under the chart; the rest are counted. */
const OMITTED_NAMED = 12;

const isPlain = (s: string) => /^-?\d+(\.\d+)?$/.test(s);
const ok = (v: Value | undefined): Dec | undefined => (v?.status === 'ok' && v.num ? v.num : undefined);

const FLIP: Record<TargetOp, TargetOp> = { '>=': '<=', '<=': '>=', '=': '=' };

/** At least two decimals, as rates are printed. */
const rateDigits = (d: Dec) => plain(d, Math.max(2, d.decimalPlaces()));

/**
 * The chart's rows: rates as printed (or computed from the counts), the total first, the other units by end
 * rate (then start rate, then name), highest first; targets placed on the end-rate scale.
 */
export function rateChartData(
  annex: Annex,
  targets: readonly ChartTarget[] = [],
  severityAt: (ref: string) => Severity | undefined = () => undefined,
): ChartData {
  const point = isPointInTime(annex);
  const { rows, omitted, byUnit } = chartRows(annex, severityAt, point);
  const notDrawn: ChartTarget[] = [];
  for (const t of targets) {
    // A target is a rate at the end of a year, or a reduction: not drawn over a review's rate.
    if (point) {
      notDrawn.push(t);
      continue;
    }
    const key = aliasedUnitKey(t.unit, annex.unitAliases);
    const unit = foldKey(t.unit) === 'total' ? annex.total : [...annex.units].find((u) => u.key === key);
    const row = unit ? byUnit.get(unit.id) : undefined;
    const drawn = row ? drawnTarget(t, row) : undefined;
    if (drawn) row!.targets.push(drawn);
    else notDrawn.push(t);
  }
  const { drawn, limited } = limitedRows(sortedRows(rows), annex.units.length - (annex.total ? 1 : 0));
  const kept = new Set(drawn);
  for (const r of rows) if (!kept.has(r)) notDrawn.push(...r.targets.map((x) => x.target));
  labelRepeated(drawn, annex);
  return { rows: drawn, notDrawn, omitted, point, ...(limited ? { limited } : {}) };
}

/** The rows drawn (sorted, the total first): all of them, or within CHART_MAX_UNITS as `CHART_MAX_UNITS` says. */
function limitedRows(sorted: ChartRow[], units: number): { drawn: ChartRow[]; limited?: ChartData['limited'] } {
  const total = sorted.filter((r) => r.isTotal);
  const parts = sorted.filter((r) => !r.isTotal);
  if (parts.length <= CHART_MAX_UNITS) return { drawn: sorted };
  const top = parts.filter((r) => r.top);
  const byTop = top.length > 0 && top.length < parts.length;
  const chosen = byTop ? top : parts;
  const highest = chosen.length > CHART_MAX_UNITS;
  const shown = highest ? chosen.slice(0, CHART_MAX_UNITS) : chosen;
  const how = byTop ? (highest ? 'top-level-highest' : 'top-level') : 'highest';
  return { drawn: [...total, ...shown], limited: { shown: shown.length, of: units, how } };
}

/** A name drawn twice (a district in the urban and the rural block) is told apart by its parent's. */
function labelRepeated(rows: ChartRow[], annex: Annex): void {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.unit, (seen.get(r.unit) ?? 0) + 1);
  for (const r of rows) {
    if ((seen.get(r.unit) ?? 0) < 2 || r.parentId === undefined) continue;
    const parent = annex.units.at(r.parentId);
    if (parent) r.within = parent.name;
  }
}

const PHASED: readonly Indicator[] = ['rate_start', 'rate_end', 'poor_start', 'poor_end', 'households_start', 'households_end'];

/** A table of one poverty rate at a point in time: its rate, or its poor households and households, and no start or end. */
function isPointInTime(annex: Annex): boolean {
  const has = (i: Indicator) => annex.indicators.includes(i);
  return !PHASED.some(has) && (has('rate') || (has('poor') && has('households')));
}

/** A row per unit with a rate (the units without one omitted), by unit id. */
function chartRows(annex: Annex, severityAt: (ref: string) => Severity | undefined, point: boolean): { rows: ChartRow[]; omitted: string[]; byUnit: Map<number, ChartRow> } {
  const rows: ChartRow[] = [];
  const omitted: string[] = [];
  const byUnit = new Map<number, ChartRow>();
  for (const u of displayUnits(annex)) {
    const s = point ? { computed: false } : chartRate(annex, u, 'start', severityAt);
    const e = endRate(annex, u, point, severityAt);
    if (s.plain === undefined && e.plain === undefined) {
      omitted.push(u.name);
      continue;
    }
    const row: ChartRow = {
      unit: u.name,
      ...(u.parent !== undefined ? { parentId: u.parent } : {}),
      isTotal: u.isTotal,
      top: !u.isTotal && (u.parent === undefined || u.parent === annex.total?.id) && u.role === undefined && (u.partition ?? 0) === 0,
      ...(s.plain !== undefined ? { start: s.plain } : {}),
      ...(e.plain !== undefined ? { end: e.plain } : {}),
      startComputed: s.computed,
      endComputed: e.computed,
      ...(s.mark ? { startMark: s.mark } : {}),
      ...(e.mark ? { endMark: e.mark } : {}),
      targets: [],
    };
    rows.push(row);
    byUnit.set(u.id, row);
  }
  return { rows, omitted, byUnit };
}

/**
 * A unit's end rate: the end slots' (the point in time's, in a table of one), else the rate printed without a time
 * beside a start rate (`Tỷ lệ hộ nghèo` and `Tỷ lệ hộ nghèo tăng từ`, Hải Dương 2022: the later of the two; the chart
 * drew the start alone under an "end of year" legend).
 */
function endRate(annex: Annex, u: Unit, point: boolean, severityAt: (ref: string) => Severity | undefined): ReturnType<typeof chartRate> {
  const e = chartRate(annex, u, point ? 'point' : 'end', severityAt);
  const hasEnd = annex.indicators.some((i) => i === RATE_SLOTS.end.rate || i === RATE_SLOTS.end.poor);
  return e.plain !== undefined || point || hasEnd ? e : chartRate(annex, u, 'point', severityAt);
}

/** A unit's start or end rate as printed, else computed from its counts (end: poor_end, else poor_start − poor_reduced); the mark on its cell. */
/** The slots a rate is read from, or computed from, at each time. */
const RATE_SLOTS = {
  start: { rate: 'rate_start', poor: 'poor_start', households: 'households_start' },
  end: { rate: 'rate_end', poor: 'poor_end', households: 'households_end' },
  point: { rate: 'rate', poor: 'poor', households: 'households' },
} as const;

function chartRate(annex: Annex, u: Unit, which: 'start' | 'end' | 'point', severityAt: (ref: string) => Severity | undefined): { plain?: string; computed: boolean; mark?: Severity } {
  const vals = (i: Indicator) => annex.values.get(u.id, i);
  const slots = RATE_SLOTS[which];
  const v = vals(slots.rate);
  const mark = v ? severityAt(displayRef(v.cell)) : undefined;
  const printed = ok(v);
  if (printed && v?.plain !== undefined) return { plain: v.plain, computed: false, ...(mark ? { mark } : {}) };
  const households = ok(vals(slots.households));
  let poor = ok(vals(slots.poor));
  if (!poor && which === 'end') {
    const p0 = ok(vals('poor_start'));
    const r = ok(vals('poor_reduced'));
    if (p0 && r) poor = p0.minus(r);
  }
  const computed = poor && households ? rate(poor, households) : undefined;
  return computed ? { plain: plain(computed, 2), computed: true, ...(mark ? { mark } : {}) } : { computed: false, ...(mark ? { mark } : {}) };
}

/** A target on a rate, placed on the end-rate scale; undefined when it cannot be drawn (not a rate, not plain digits, a reduction without a start rate). */
function drawnTarget(t: ChartTarget, row: ChartRow): DrawnTarget | undefined {
  if (!isPlain(t.value) || (t.indicator !== 'rate_end' && t.indicator !== 'rate_reduced')) return undefined;
  const value = new Dec(t.value);
  if (t.indicator === 'rate_reduced' && row.start === undefined) return undefined;
  // The annex reduction is start − end on the printed rates: reduction ≥ v ⇔ end ≤ start − v.
  const [at, endOp] = t.indicator === 'rate_end' ? [value, t.op] : [new Dec(row.start!).minus(value), FLIP[t.op]];
  return {
    target: t,
    indicator: t.indicator,
    at: rateDigits(at),
    endOp,
    ...(row.end !== undefined ? { met: compareTarget(new Dec(row.end), endOp, at) } : {}),
  };
}

/** The total first, then the units by end rate (then start rate, then name), highest first. */
function sortedRows(rows: readonly ChartRow[]): ChartRow[] {
  const key = (r: ChartRow) => new Dec(r.end ?? r.start ?? '0');
  const total = rows.filter((r) => r.isTotal);
  const parts = rows
    .filter((r) => !r.isTotal)
    .sort(
      (a, b) =>
        key(b).comparedTo(key(a)) ||
        new Dec(b.start ?? '0').comparedTo(new Dec(a.start ?? '0')) ||
        a.unit.localeCompare(b.unit, 'vi'),
    );
  return [...total, ...parts];
}

export interface ChartOptions {
  lang: Lang;
  /** Number format of the labels; default: the language's. */
  locale?: 'vi' | 'en';
  /** Prefix for the ids inside the SVG (patterns, title), unique within the page. */
  idPrefix?: string;
}

/** A round axis maximum and tick step covering `max`. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 };
  for (const step of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50]) {
    if (max / step <= 8) return { max: Math.ceil(max / step - 1e-9) * step, step };
  }
  return { max: 100, step: 20 };
}

const W = 900;
const TARGET_LINE = raw(' stroke="#b3261e" stroke-width="2.5" stroke-dasharray="6 3"');
const ROW = 36;
const BAR = 12;
const fmtPx = (n: number) => String(Math.round(n * 10) / 10);

/** The chart as an `<svg>` element; a paragraph instead when there is nothing to draw. */
export function rateChartSvg(data: ChartData, o: ChartOptions): SafeHtml {
  const t = catalog(o.lang).ui.html;
  const locale = o.locale ?? o.lang;
  const n = (p: string) => formatPlain(p, locale);
  const id = o.idPrefix ?? 'chart';
  const notes = chartNotes(data, o.lang, n);
  if (data.rows.length === 0) return joinHtml([html`<p class="muted">${t.chartNone}</p>`, ...notes]);
  const g = geometry(data);
  const drawn = data.rows.map((r, i) => chartRow(r, i, g, { t, n, id, point: data.point }));
  const parts: SafeHtml[] = [
    html`<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#dde4ef"/><line x1="1" y1="0" x2="1" y2="6" stroke="#3b4f70" stroke-width="1.6"/></pattern></defs>`,
    legend(g, t, id, data.point),
    axis(g, t, n),
    ...drawn.map((d) => d.svg),
  ];
  const desc = drawn.map((d) => d.desc);
  const svg = html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${fmtPx(g.H)}" width="${W}" height="${fmtPx(g.H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="12"><title id="${id}-title">${data.point ? t.chartTitlePoint : t.chartTitle}</title><desc id="${id}-desc">${desc.join('; ')}</desc>
${joinHtml(parts, '\n')}
</svg>`;
  return joinHtml([svg, html`<p class="small muted">${t.chartSorted({ point: data.point, total: data.rows[0]?.isTotal === true })}</p>`, ...notes], '\n');
}

type ChartText = ReturnType<typeof catalog>['ui']['html'];

/** The notes under the chart: rates computed from the counts, units omitted, targets not drawn. */
function chartNotes(data: ChartData, lang: Lang, n: (p: string) => string): SafeHtml[] {
  const t = catalog(lang).ui.html;
  const notes: SafeHtml[] = [];
  if (data.rows.some((r) => r.startComputed || r.endComputed)) notes.push(html`<p class="small muted">${t.chartComputed}</p>`);
  if (data.limited) notes.push(html`<p class="small muted">${t.chartLimited(data.limited)}</p>`);
  if (data.omitted.length) notes.push(html`<p class="small muted">${t.chartOmitted(data.omitted.slice(0, OMITTED_NAMED), Math.max(0, data.omitted.length - OMITTED_NAMED))}</p>`);
  if (data.notDrawn.length) {
    const ops: Record<TargetOp, string> = { '>=': '≥', '<=': '≤', '=': '=' };
    const ind = catalog(lang).ui.indicatorLabels as Record<string, string>;
    notes.push(html`<p class="small muted">${t.chartNotDrawn(data.notDrawn.map((x) => `${x.unit}: ${ind[x.indicator] ?? x.indicator} ${ops[x.op] ?? x.op} ${isPlain(x.value) ? n(x.value) : x.value}`))}</p>`);
  }
  return notes;
}

/** Where things go: the bars between x0 and x1, a row's top, the axis' bottom, the height. Pixel geometry only. */
interface Geometry {
  x0: number;
  x1: number;
  /** The target column's width (0 without targets). */
  targetW: number;
  hasTargets: boolean;
  scale: { max: number; step: number };
  /** The extra space under the total's row when units follow it. */
  gap: number;
  top: number;
  bottom: number;
  H: number;
  sx(v: string | number): number;
  rowY(i: number): number;
}

function geometry(data: ChartData): Geometry {
  const hasTargets = data.rows.some((r) => r.targets.length > 0);
  const longest = Math.max(...data.rows.map((r) => [...rowLabel(r)].length + (r.startComputed || r.endComputed ? 2 : 0)));
  const labelW = Math.min(330, Math.max(90, longest * 7.2 + 18));
  const targetW = hasTargets ? 215 : 0;
  const x0 = labelW;
  const x1 = W - targetW - 56;
  const values = data.rows.flatMap((r) => [r.start, r.end, ...r.targets.map((x) => x.at)]).filter((v): v is string => v !== undefined);
  const scale = niceScale(Math.max(0, ...values.map(Number)));
  // Pixel geometry only: the numbers shown are the exact digits.
  const sx = (v: string | number) => x0 + (Math.max(0, Number(v)) / scale.max) * (x1 - x0);
  const legendH = 30;
  const gap = data.rows[0]?.isTotal && data.rows.length > 1 ? 10 : 0;
  const top = legendH + 6;
  const rowY = (i: number) => top + i * ROW + (i > 0 ? gap : 0);
  const bottom = rowY(data.rows.length - 1) + ROW;
  return { x0, x1, targetW, hasTargets, scale, gap, top, bottom, H: bottom + 44, sx, rowY };
}

/** Legend: hatched = start, solid = end, dashed line = target; a point in time's one solid series. */
function legend({ x0, hasTargets }: Geometry, t: ChartText, id: string, point: boolean): SafeHtml {
  if (point) return html`<g class="legend"><rect x="${x0}" y="8" width="22" height="${BAR}" fill="#1f3b73"/><text x="${x0 + 28}" y="18">${t.chartPoint}</text></g>`;
  const lg: SafeHtml[] = [
    html`<rect x="${x0}" y="8" width="22" height="${BAR}" fill="url(#${id}-hatch)" stroke="#3b4f70"/><text x="${x0 + 28}" y="18">${t.chartStart}</text>`,
    html`<rect x="${x0 + 150}" y="8" width="22" height="${BAR}" fill="#1f3b73"/><text x="${x0 + 178}" y="18">${t.chartEnd}</text>`,
  ];
  if (hasTargets) {
    lg.push(html`<line x1="${x0 + 300}" y1="5" x2="${x0 + 300}" y2="23" class="target"${TARGET_LINE}/><path d="M${x0 + 295} 3h10l-5 6z" fill="#b3261e"/><text x="${x0 + 310}" y="18">${t.chartTarget}</text>`);
  }
  return html`<g class="legend">${lg}</g>`;
}

/** Grid lines and the axis, its ticks at the scale's steps. */
function axis({ x0, x1, sx, scale, top, bottom }: Geometry, t: ChartText, n: (p: string) => string): SafeHtml {
  const ticks: SafeHtml[] = [];
  for (let k = 0; k * scale.step <= scale.max + 1e-9; k++) {
    const v = new Dec(scale.step).mul(k);
    const x = fmtPx(sx(v.toNumber()));
    ticks.push(html`<line x1="${x}" y1="${top - 2}" x2="${x}" y2="${bottom}" stroke="#ccd2d9" stroke-width="1"/><text x="${x}" y="${bottom + 15}" text-anchor="middle" class="tick">${n(v.toFixed())}</text>`);
  }
  return html`<g class="axis">${ticks}<text x="${fmtPx((x0 + x1) / 2)}" y="${bottom + 34}" text-anchor="middle" class="axis-title">${t.chartAxis}</text></g>`;
}

/** One unit's row: its label, its two bars with their values, its targets' lines and text; and its line of the description. */
function chartRow(r: ChartRow, i: number, geo: Geometry, c: { t: ChartText; n: (p: string) => string; id: string; point: boolean }): { svg: SafeHtml; desc: string } {
  const { t, n, id, point } = c;
  const { x0, sx, gap, targetW } = geo;
  const y = geo.rowY(i);
  const g: SafeHtml[] = [];
  if (i % 2 === 0) g.push(html`<rect x="4" y="${y}" width="${W - 8}" height="${ROW}" fill="#f4f6f8"/>`);
  if (r.isTotal && gap) g.push(html`<line x1="4" y1="${y + ROW + gap / 2}" x2="${W - 4}" y2="${y + ROW + gap / 2}" stroke="#1b1b1b" stroke-width="1"/>`);
  const star = r.startComputed || r.endComputed ? ' *' : '';
  g.push(html`<text x="${fmtPx(x0 - 8)}" y="${y + ROW / 2 + 4}" text-anchor="end" class="${r.isTotal ? 'unit total' : 'unit'}">${rowLabel(r)}${star}</text>`);
  const bar = (v: string | undefined, yy: number, cls: 'start' | 'end', mark: Severity | undefined) => {
    if (v === undefined) return;
    const w = Math.max(1, sx(v) - x0);
    const fill = cls === 'start' ? html` fill="url(#${id}-hatch)" stroke="#3b4f70"` : html` fill="#1f3b73"`;
    g.push(html`<rect x="${x0}" y="${yy}" width="${fmtPx(w)}" height="${BAR}"${fill} class="bar ${cls}"/>`);
    g.push(html`<text x="${fmtPx(x0 + w + 4)}" y="${yy + BAR - 2}" class="value ${cls}">${n(v)}${mark ? html` <tspan class="mark-${mark}">${SEVERITY_SYMBOL[mark]}</tspan>` : ''}</text>`);
  };
  bar(r.start, y + 5, 'start', r.startMark);
  // A point in time's one bar in the middle of its row.
  bar(r.end, point ? y + (ROW - BAR) / 2 : y + 5 + BAR + 2, 'end', r.endMark);
  r.targets.forEach((tg, k) => {
    const x = fmtPx(sx(tg.at));
    // A white halo under the dashed line keeps it visible over the solid bar, in colour and in grey.
    g.push(html`<line x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + ROW - 2}" stroke="#fff" stroke-width="5"/><line x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + ROW - 2}" class="target"${TARGET_LINE}/><path d="M${fmtPx(Number(x) - 5)} ${y}h10l-5 6z" fill="#b3261e"/>`);
    if (k === 0) g.push(targetText(tg, y, W - targetW + 4, t, n));
  });
  const desc = point ? `${rowLabel(r)}: ${r.end !== undefined ? n(r.end) : '—'}` : `${rowLabel(r)}: ${r.start !== undefined ? n(r.start) : '—'} → ${r.end !== undefined ? n(r.end) : '—'}`;
  return { svg: html`<g class="row" data-unit="${r.unit}">${g}</g>`, desc };
}

/** A row's label: its unit's name, and its parent's when the name is drawn twice. */
const rowLabel = (r: ChartRow) => (r.within !== undefined ? `${r.unit} (${r.within})` : r.unit);

/** The first target of a row written beside its bars, in two lines; the second in bold when it is missed. */
function targetText(tg: DrawnTarget, y: number, tx: number, t: ChartText, n: (p: string) => string): SafeHtml {
  const [l1, l2] = t.chartTargetLines({
    indicator: tg.indicator,
    op: tg.target.op,
    value: n(tg.target.value),
    endOp: tg.endOp,
    at: n(tg.at),
    ...(tg.met !== undefined ? { met: tg.met } : {}),
  });
  return html`<text x="${tx}" y="${y + 15}" class="target-text">${l1}</text><text x="${tx}" y="${y + 29}" class="target-text${tg.met === false ? ' missed' : ''}">${l2}</text>`;
}

/** Chart styles (fills that matter for black-and-white print are attributes, not CSS). */
export const CHART_CSS = `
svg.chart{display:block;width:100%;max-width:900px;height:auto;font-family:inherit}
svg.chart text{fill:#1b1b1b}
svg.chart .tick{font-size:11px;fill:#555b62}
svg.chart .axis-title{font-size:12px}
svg.chart .unit.total{font-weight:700}
svg.chart .value{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart .target-text{font-size:11px}
svg.chart .target-text.missed{font-weight:700}
svg.chart .mark-error{fill:#b3261e;font-weight:700}
svg.chart .mark-warning{fill:#7a5900}
svg.chart .mark-info{fill:#1d5a94}
@media print{svg.chart{max-width:820px;break-inside:avoid}}
`;
