/**
 * What kind of slip turns the proposed value into the one the table holds: two adjacent digits swapped, one
 * digit mistyped, a digit dropped, doubled or typed in extra, a thousands separator read as a decimal mark (2.750 → 2,75),
 * a rate typed as a share (0,1180 for 11,80), the reduction typed as reduced / households (1,99 for 2,06),
 * the reduction rounded from the unrounded difference (2,64 for 2,65), an end rate over the start-of-year
 * households, a poor and near-poor rate typed as the sum of the two printed rates, a value cut at its printed decimals
 * instead of rounded (35,69 for 35,6987…), the decimal mark typed in the wrong place (1,180 for 11,80), a lost or added
 * minus sign. Pure digit and arithmetic comparisons.
 */
import { Dec } from '../calc/decimal.js';
import { exactRate, poorReduced, printedRateMatches, shareMatches } from '../calc/annex-math.js';
import type { Indicator, IndicatorKind } from '../model/indicators.js';

export const SLIP_KINDS = [
  'reduction-share',
  /** The end of the year typed as the start plus the reduction, not minus it (a formula `=D4+D5` for `=D4-D5`). */
  'reduction-added',
  'unrounded-difference',
  'start-denominator',
  /** A poor and near-poor rate typed as the poor rate plus the near-poor rate as printed (8,60 = 6,63 + 1,97 for 8,61). */
  'summed-rates',
  'separator',
  'share',
  /**
   * The right digits with the decimal mark in the wrong place, off by a power of ten: 1,180 or 118,0 for 11,80; 46,93
   * for 4.693 (the thousands separator typed as a decimal mark is `separator`, a rate typed as a share `share`).
   */
  'decimal-mark',
  /** A rate rounded to fewer decimals and printed with zeros after them (15,3756… → 15,4, printed 15,40). */
  'rounded-coarser',
  /** A value cut (rounded toward zero) at its printed decimals instead of rounded half-up (35,69 for 35,6987…: 35,70). */
  'truncated',
  'sign',
  'transposition',
  'doubled',
  'dropped',
  /** One digit more than the value has, not a repeat of its neighbour (4.861 typed 4.8621). */
  'extra',
  'mistyped',
  /** The value of the unit listed just above or below, in the same column (a row copied one line off). */
  'copied',
  /** A total's rate typed as the plain average of its units' rates (AVERAGE over the column), not its count over its households. */
  'mean-of-rates',
  /** A total's count typed as the sum of its units but one (a SUM range a row or column short). */
  'part-left-out',
  /** A total's rate typed as the sum of its units' rates (the total column's SUM copied down onto a rate row). */
  'sum-of-rates',
  /**
   * The values of a row (or column) typed one cell off from some cell on: each cell holds its neighbour's value
   * (locate/shift.ts). Never read from one value: a cause of the whole run of cells.
   */
  'shifted',
] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

export interface SlipContext {
  readonly indicator: Indicator;
  readonly kind: IndicatorKind;
  /** Decimals proposed rates are written with. */
  readonly rateDp: number;
  /** The unit's values with the proposal applied (for the slips that depend on other cells). */
  unitValue(ind: Indicator): Dec | undefined;
  /**
   * The unrounded value a check recomputes the cell as (count / whole × 100 of its rate check, the proposal applied),
   * when one rounds it at the printed decimals (asked only once the slips before it are ruled out).
   */
  exact?(): Dec | undefined;
}

/** The digits a proposed value is written with (plain, no grouping). */
export function proposedPlain(v: Dec, kind: IndicatorKind, rateDp: number): string {
  if (kind === 'count') return v.toFixed(0);
  return v.toFixed(Math.max(rateDp, v.decimalPlaces()));
}

/** A poor and near-poor rate's key; its suffix (`_end`, `_start`, …) names the two rates it is made of. */
const COMBINED_RATE = /^poor_near_poor_rate((?:_start|_end)?)$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function transposed(t: string, o: string): boolean {
  if (t.length !== o.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] !== o[i]) diff.push(i);
  if (diff.length !== 2 || diff[1] !== diff[0]! + 1) return false;
  const [i, j] = diff as [number, number];
  return isDigit(t[i]) && isDigit(t[j]) && t[i] === o[j] && t[j] === o[i];
}

function mistyped(t: string, o: string): boolean {
  if (t.length !== o.length) return false;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === o[i]) continue;
    if (!isDigit(t[i]) || !isDigit(o[i])) return false;
    n++;
  }
  return n === 1;
}

/** `longer` is `shorter` with one digit removed at some position (and, for `doubled`, it repeats a neighbour). */
function oneDigitMore(longer: string, shorter: string, doubled: boolean): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) {
    if (!isDigit(longer[i])) continue;
    if (longer.slice(0, i) + longer.slice(i + 1) !== shorter) continue;
    if (!doubled || longer[i] === longer[i + 1] || longer[i] === longer[i - 1]) return true;
  }
  return false;
}

/**
 * The slip that turns `proposed` into `typed`, if it is one povcheck recognises. `typed.plain` is the
 * value's digits as typed ("4963", "9.62", "0.1180").
 */
export function slipKind(typed: { num: Dec; plain: string; decimals?: number }, proposed: Dec, ctx: SlipContext): SlipKind | undefined {
  if (typed.num.eq(proposed)) return undefined;
  // Whether an unrounded rate, rounded half-up as the typed value is written (at least 2 decimals), is the typed value.
  const typedAs = (exact: Dec | undefined) => exact !== undefined && printedRateMatches(typed.num, typed.decimals ?? typed.num.decimalPlaces(), exact);
  const v = (i: Indicator) => ctx.unitValue(i);
  if (ctx.indicator === 'rate_reduced') {
    const p0 = v('poor_start');
    const p1 = v('poor_end');
    const reduced = poorReduced(v('poor_reduced'), p0, p1);
    const h0 = v('households_start');
    if (reduced && h0 && typedAs(exactRate(reduced, h0))) return 'reduction-share';
    const h1 = v('households_end');
    if (p0 && p1 && h0 && h1) {
      const start = exactRate(p0, h0);
      const end = exactRate(p1, h1);
      if (start && end && typedAs(start.minus(end))) return 'unrounded-difference';
    }
  }
  // The reduction added to the start instead of taken from it (`=D4+D5`): the poor households or the rate at the end.
  const added = ctx.indicator === 'poor_end' ? ['poor_start', 'poor_reduced'] : ctx.indicator === 'rate_end' ? ['rate_start', 'rate_reduced'] : undefined;
  if (added) {
    const [start, reduced] = [v(added[0]!), v(added[1]!)];
    if (start && reduced && !reduced.isZero() && typed.num.eq(start.plus(reduced))) return 'reduction-added';
  }
  if (ctx.indicator === 'rate_end') {
    const p1 = v('poor_end');
    const h0 = v('households_start');
    if (p1 && h0 && typedAs(exactRate(p1, h0))) return 'start-denominator';
  }
  // The rate of the poor and near-poor typed as the sum of the two rates as printed, not the rate of their summed count.
  const combined = COMBINED_RATE.exec(ctx.indicator);
  if (combined) {
    const poor = v(`rate${combined[1]}`);
    const near = v(`near_poor_rate${combined[1]}`);
    if (poor && near && typed.num.eq(poor.plus(near))) return 'summed-rates';
  }
  if (ctx.kind === 'count' && !typed.num.isInteger() && (typed.num.mul(1000).eq(proposed) || typed.num.mul(1_000_000).eq(proposed))) return 'separator';
  if (ctx.kind === 'rate' && typed.num.abs().lte(1) && !proposed.isZero() && typedAsShare(typed, proposed, ctx.rateDp)) return 'share';
  if (decimalMarkMoved(typed, proposed, ctx)) return 'decimal-mark';
  if (!proposed.isZero() && typed.num.eq(proposed.neg())) return 'sign';
  // Before the digit slips: 12,34 for 12,3456 is one digit too, but the cut is the habit (ROUNDDOWN, a calculator's display).
  const exact = ctx.exact?.();
  if (exact && truncatedAt(typed.num, typed.decimals ?? typed.num.decimalPlaces(), exact)) return 'truncated';
  const t = typedDigits(typed, ctx.kind);
  const o = proposedPlain(proposed.abs(), ctx.kind, ctx.rateDp);
  if (typed.num.isNegative() !== proposed.isNegative()) return undefined;
  if (transposed(t, o)) return 'transposition';
  if (oneDigitMore(t, o, true)) return 'doubled';
  if (oneDigitMore(o, t, false)) return 'dropped';
  if (oneDigitMore(t, o, false)) return 'extra';
  if (mistyped(t, o)) return 'mistyped';
  // After the digit slips: 8,60 for 8,61 is one digit; 15,40 for 15,38 is 15,4 printed with two decimals.
  if (ctx.kind === 'rate' && roundedCoarser(typed, proposed)) return 'rounded-coarser';
  return undefined;
}

/**
 * The decimal mark typed in the wrong place: the typed value has a mark, and its digits are the proposed value's, in
 * the same order, only the mark elsewhere (1,180 or 118,0 for 11,80; 46,93 for 4.693), so the value is off by a power
 * of ten. Leading zeros do not count (0,1180 is 1180 with the mark moved), trailing ones do (1,18 for 11,80 drops one).
 */
function decimalMarkMoved(typed: { num: Dec; plain: string }, proposed: Dec, ctx: SlipContext): boolean {
  if (proposed.isZero() || typed.num.isNegative() !== proposed.isNegative()) return false;
  const t = typed.plain.replace(/^-/, '');
  if (!t.includes('.')) return false;
  const digits = (s: string) => s.replace('.', '').replace(/^0+(?=\d)/, '');
  return digits(t) === digits(proposedPlain(proposed.abs(), ctx.kind, ctx.rateDp)) && !typed.num.abs().eq(proposed.abs());
}

/**
 * A rate typed as a share: `proposed` ×⁄100, or the percentage rounded half-up at two decimals fewer than the share
 * is printed with (0,0603 for 6,03 %, where a column printed with 4 decimals proposes 6,0333).
 */
function typedAsShare(typed: { num: Dec; plain: string; decimals?: number }, proposed: Dec, rateDp: number): boolean {
  if (typed.num.mul(100).toDecimalPlaces(Math.max(rateDp, proposed.decimalPlaces()), Dec.ROUND_HALF_UP).eq(proposed)) return true;
  return shareMatches(typed.num, typed.decimals ?? typed.num.decimalPlaces(), proposed);
}

/**
 * Whether `printed` (with `dp` decimals) is `exact` cut at those decimals (toward zero) where rounding gives another
 * value: 35,69 for 35,6987…, not 12,34 for 12,345 (a tie, which rounding half down or half to even also gives).
 */
export function truncatedAt(printed: Dec, dp: number, exact: Dec): boolean {
  return exact.toDecimalPlaces(dp, Dec.ROUND_DOWN).eq(printed) && !exact.toDecimalPlaces(dp, Dec.ROUND_HALF_DOWN).eq(printed);
}

/** A rate typed as `proposed` rounded half-up to fewer decimals, zeros printed after them (15,38 typed 15,40). */
function roundedCoarser(typed: { num: Dec; plain: string }, proposed: Dec): boolean {
  const m = /\.(\d*?)0+$/.exec(typed.plain);
  if (!m) return false;
  const k = m[1]!.length;
  return proposed.decimalPlaces() > k && proposed.toDecimalPlaces(k, Dec.ROUND_HALF_UP).eq(typed.num);
}

/**
 * The digits of a typed value, without its sign: as typed, but a whole count typed with zero decimals (`63379.00`,
 * a workbook's number format) as its whole number, so that its slips are the digits' and do not depend on the format.
 */
function typedDigits(typed: { num: Dec; plain: string }, kind: IndicatorKind): string {
  const t = typed.plain.replace(/^-/, '');
  return kind === 'count' && typed.num.isInteger() && t.includes('.') ? typed.num.abs().toFixed(0) : t;
}

/**
 * Values whose slip would give the typed text: the reverse of the digit slips, for picking a likely value
 * out of a range the checks leave open.
 */
export function slipSources(typed: { num: Dec; plain: string }, kind: IndicatorKind): Dec[] {
  const t = typedDigits(typed, kind);
  const sign = typed.num.isNegative() ? '-' : '';
  const out = new Map<string, Dec>();
  const add = (s: string) => {
    if (!/^\d+(?:\.\d+)?$/.test(s) || /^0\d/.test(s)) return;
    const d = new Dec(sign + s);
    if (!d.eq(typed.num)) out.set(d.toFixed(), d);
  };
  for (let i = 0; i + 1 < t.length; i++) if (isDigit(t[i]) && isDigit(t[i + 1])) add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2));
  for (let i = 0; i < t.length; i++) {
    if (!isDigit(t[i])) continue;
    for (let d = 0; d <= 9; d++) add(t.slice(0, i) + d + t.slice(i + 1));
    add(t.slice(0, i) + t.slice(i + 1));
  }
  for (let i = 0; i <= t.length; i++) for (let d = 0; d <= 9; d++) add(t.slice(0, i) + d + t.slice(i));
  // The decimal mark moved (1,180 for 11,80; 46,93 for 4.693): every other place among the digits, or none.
  if (t.includes('.')) {
    const digits = t.replace('.', '');
    for (let i = 1; i < digits.length; i++) add(`${digits.slice(0, i)}.${digits.slice(i)}`);
    if (kind === 'count') add(digits);
  }
  if (kind === 'count' && !typed.num.isInteger()) {
    out.set('k', typed.num.mul(1000));
    out.set('m', typed.num.mul(1_000_000));
  }
  if (kind === 'rate' && typed.num.abs().lte(1)) out.set('share', typed.num.mul(100));
  // A lost minus sign; a count is never negative, so a positive count never lost one.
  if (typed.num.isNegative() || (kind !== 'count' && !typed.num.isZero())) out.set('sign', typed.num.neg());
  return [...out.values()];
}

/**
 * Damerau–Levenshtein distance (adjacent transpositions count one; optimal string alignment), for ordering
 * explanations. The table of distances is one typed array (row i of prefix a[0, i)), not an array per row.
 */
export function editDistance(a: string, b: string): number {
  const w = b.length + 1;
  const d = new Int32Array((a.length + 1) * w);
  for (let j = 0; j < w; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = i * w;
    const up = row - w;
    d[row] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[up + j]! + 1, d[row + j - 1]! + 1, d[up + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[up - w + j - 2]! + 1);
      d[row + j] = v;
    }
  }
  return d[a.length * w + b.length]!;
}
