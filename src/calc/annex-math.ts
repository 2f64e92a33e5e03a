/**
 * The domain arithmetic of annex tables, in one place, used by the rules, `table` and `plan` alike.
 * Conventions (all verified on the seed annex):
 *  - rates are poor / households × 100, rounded half-up to 2 decimals;
 *  - the end rate is over the END-of-year households;
 *  - the reduction is the difference of the two printed (two-decimal) rates, in percentage points.
 */
import { Dec, hundred, zero } from './decimal.js';
import { OverlayValues, type Annex } from '../model/annex.js';

export const RATE_DECIMALS = 2;

/** Unrounded poor / households × 100; undefined when there are no households. */
export function exactRate(poor: Dec, households: Dec): Dec | undefined {
  if (households.isZero()) return undefined;
  return poor.mul(hundred()).div(households);
}

/**
 * Whether `printed` (with `dp` decimals) is count / whole × 100 rounded half-up at those decimals; undefined when
 * the whole is zero (nothing to compare).
 */
export function printedAs(count: Dec, whole: Dec, printed: Dec, dp: number): boolean | undefined {
  const exact = exactRate(count, whole);
  return exact && exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(printed);
}

/** A rate (or a difference of rates, in points) as the annex prints it: half-up to 2 decimals. */
export function roundRate(d: Dec): Dec {
  return d.toDecimalPlaces(RATE_DECIMALS, Dec.ROUND_HALF_UP);
}

/** The annex rate: half-up to 2 decimals. */
/**
 * The exact rate a table should print for a unit: count / households × 100; over no households 0 when the count
 * is 0 too (a unit without households has no poor: validate's rate rule accepts only 0 there), else none.
 */
export function unitRate(count: Dec, households: Dec): Dec | undefined {
  return households.isZero() && count.isZero() ? count : exactRate(count, households);
}

export function rate(poor: Dec, households: Dec): Dec | undefined {
  const exact = exactRate(poor, households);
  return exact && roundRate(exact);
}

/**
 * Households that left poverty (net): poor_reduced when the table gives it, else poor_start − poor_end;
 * undefined when neither is known.
 */
export function poorReduced(reduced: Dec | undefined, poorStart: Dec | undefined, poorEnd: Dec | undefined): Dec | undefined {
  return reduced ?? (poorStart && poorEnd ? poorStart.minus(poorEnd) : undefined);
}

/** The annex reduction: difference of the two two-decimal rates. */
export function rateReduction(rateStart: Dec, rateEnd: Dec): Dec {
  return rateStart.minus(rateEnd);
}

export interface DenominatorSplit {
  /** Reduced households as a share of the start-of-year households, in %: R / H0 × 100. */
  share: Dec;
  /** The part of the fall due to the change in households alone: P1·(H1 − H0) / (H0·H1) × 100. */
  growth: Dec;
  /** share + growth = exact start rate − exact end rate. */
  exactFall: Dec;
}

/**
 * rate_start − rate_end = R/H0 + P1·(H1 − H0)/(H0·H1), with R = P0 − P1 (exact, before rounding).
 * When households grow, part of the fall in the rate comes from the bigger denominator, not from exits.
 */
export function splitReduction(h0: Dec, h1: Dec, poorEnd: Dec, reduced: Dec): DenominatorSplit | undefined {
  if (h0.isZero() || h1.isZero()) return undefined;
  const share = reduced.mul(hundred()).div(h0);
  const growth = poorEnd.mul(h1.minus(h0)).mul(hundred()).div(h0.mul(h1));
  return { share, growth, exactFall: share.plus(growth) };
}

/**
 * The smallest number of exits x (0 ≤ x ≤ poorStart) such that the annex reduction
 * rate(P0, H0) − rate(P0 − x, H1) reaches `targetPoints` (`exitsForTarget` for rate_reduced ≥ points).
 * Undefined when even x = poorStart does not reach the target, or without households.
 */
export function minimumExits(h0: Dec, poorStart: Dec, h1: Dec, targetPoints: Dec): Dec | undefined {
  const r = exitsForTarget({ h0, p0: poorStart, h1 }, 'rate_reduced', '>=', targetPoints);
  return r.ok ? r.exits : undefined;
}

/**
 * Whether a printed rate agrees with the exact quotient at the precision it was printed with (at least `minDp`, 2
 * decimals, or 1 in a table of one-decimal rates: `annexRateDecimals`): 11,80 and 11,7994 both agree with
 * 24.814 / 210.299 × 100.
 */
export function printedRateMatches(printed: Dec, printedDecimals: number, exact: Dec, minDp = RATE_DECIMALS): boolean {
  const dp = Math.max(printedDecimals, minDp);
  return exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(printed);
}

/** ½·10^−dp: how far a value printed with dp decimals may be from what it rounds (made once per dp: a Dec never changes). */
export function halfUnit(dp: number): Dec {
  return (HALF_UNITS[dp] ??= new Dec(10).pow(-dp).div(2));
}
const HALF_UNITS: Dec[] = [];

/** The decimals of the percentage a share printed with `shareDecimals` gives: two fewer (0,0603 → 6,03). */
export const percentDecimalsOfShare = (shareDecimals: number): number => shareDecimals - 2;

/**
 * Whether a rate printed as a share (`0,0603`, `shareDecimals` 4) is `percent` without × 100: the percentage rounded
 * half-up at two decimals fewer than the share is printed with (6,0333… → 6,03).
 */
export function shareMatches(share: Dec, shareDecimals: number, percent: Dec): boolean {
  const dp = percentDecimalsOfShare(shareDecimals);
  return dp >= 0 && percent.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(share.mul(hundred()));
}

/**
 * The smallest x in 0 … poorStart (whole) for which `reaches(x)` holds, for a predicate that, once true,
 * stays true as x grows (more exits never raise the reduction's shortfall). Undefined when even
 * x = poorStart does not reach it.
 */
export function smallestExits(poorStart: Dec, reaches: (x: Dec) => boolean): Dec | undefined {
  if (poorStart.isNeg() || !reaches(poorStart)) return undefined;
  let lo = zero();
  let hi = poorStart;
  while (lo.lt(hi)) {
    const mid = lo.plus(hi).divToInt(2);
    if (reaches(mid)) hi = mid;
    else lo = mid.plus(1);
  }
  return lo;
}

/** What a target compares, and how. Indicator keys are those of the model; ops those of targets files. */
export type TargetOp = '>=' | '<=' | '=';
export type TargetIndicator = 'rate_reduced' | 'rate_end' | 'poor_reduced' | 'poor_end';

/** Whether an indicator/op pair is a target that more exits move towards (a lower bound on the fall, an upper bound on the end). */
export function plannable(indicator: string, op: TargetOp): indicator is TargetIndicator {
  if (indicator === 'rate_reduced' || indicator === 'poor_reduced') return op === '>=' || op === '=';
  if (indicator === 'rate_end' || indicator === 'poor_end') return op === '<=' || op === '=';
  return false;
}

export interface UnitCounts {
  h0: Dec;
  p0: Dec;
  h1: Dec;
}

/**
 * The value a target indicator takes with `exits` poor households lifted out (net), computed the annex's
 * way; undefined when a rate has no households to be taken over.
 */
export function valueWithExits(c: UnitCounts, indicator: TargetIndicator, exits: Dec): Dec | undefined {
  const poorEnd = c.p0.minus(exits);
  switch (indicator) {
    case 'poor_reduced':
      return exits;
    case 'poor_end':
      return poorEnd;
    case 'rate_end':
      return rate(poorEnd, c.h1);
    case 'rate_reduced': {
      const start = rate(c.p0, c.h0);
      const end = rate(poorEnd, c.h1);
      return start && end ? rateReduction(start, end) : undefined;
    }
  }
}

/** Whether `actual` satisfies `op value`. */
export function compareTarget(actual: Dec, op: TargetOp, value: Dec): boolean {
  switch (op) {
    case '>=':
      return actual.gte(value);
    case '<=':
      return actual.lte(value);
    case '=':
      return actual.eq(value);
  }
}

export type ExitsOutcome =
  /** `exits` is the least number of exits that meets the target; `value` what the indicator then is. */
  | { ok: true; exits: Dec; value: Dec }
  /** A rate target where the start or end households are 0. */
  | { ok: false; reason: 'zero-households' }
  /** Even lifting every poor household out does not meet it; `best` is the indicator's value then. */
  | { ok: false; reason: 'unreachable'; best: Dec }
  /** An `=` target the indicator steps over: `below` exits give `belowValue`, one more gives `value`. */
  | { ok: false; reason: 'not-exact'; exits: Dec; value: Dec; belowValue?: Dec };

/**
 * The least number of exits (households leaving poverty, net) that makes `indicator op value` hold for a
 * unit, the reduction computed the annex's way (difference of the two two-decimal rates). `=` asks for
 * the least exits reaching the value and reports when the indicator steps over it.
 * Only plannable pairs (see `plannable`) are accepted.
 */
export function exitsForTarget(c: UnitCounts, indicator: TargetIndicator, op: TargetOp, value: Dec): ExitsOutcome {
  if ((indicator === 'rate_reduced' || indicator === 'rate_end') && (c.h0.isZero() || c.h1.isZero())) return { ok: false, reason: 'zero-households' };
  const at = (x: Dec) => valueWithExits(c, indicator, x)!;
  // The monotone version of the target: `=` first needs the value reached.
  const boundOp: TargetOp = op === '=' ? (indicator === 'rate_end' || indicator === 'poor_end' ? '<=' : '>=') : op;
  const exits = smallestExits(c.p0, (x) => compareTarget(at(x), boundOp, value));
  if (exits === undefined) return { ok: false, reason: 'unreachable', best: at(c.p0) };
  const reached = at(exits);
  if (op === '=' && !reached.eq(value)) {
    return { ok: false, reason: 'not-exact', exits, value: reached, ...(exits.gt(0) ? { belowValue: at(exits.minus(1)) } : {}) };
  }
  return { ok: true, exits, value: reached };
}

/** Whether num / den (whole, den > 0) has a finite decimal expansion: den / gcd has no prime factor but 2 and 5. */
export function terminates(num: Dec, den: Dec): boolean {
  let a = num.abs();
  let b = den.abs();
  while (!b.isZero()) [a, b] = [b, a.mod(b)];
  let rest = den.abs().div(a);
  for (const p of [2, 5]) while (rest.mod(p).isZero()) rest = rest.div(p);
  return rest.eq(1);
}

/**
 * The exits (whole, 0 … poorStart) that make `indicator op value` hold form one interval, because the
 * indicator moves one way with exits: the reductions grow, the end-of-year values fall. `min` / `max` bound
 * it; a target on the fall of the rate ≥ 4 points gives `max` = poorStart, one ≤ 4 points `min` = 0.
 */
export type ExitsRange =
  | { ok: true; min: Dec; max: Dec }
  /** A rate target where the start or end households are 0. */
  | { ok: false; reason: 'zero-households' }
  /** No number of exits meets it: `more` when even lifting every poor household out falls short (`best` the value then), else even none overshoots (`best` at 0 exits). */
  | { ok: false; reason: 'unreachable'; direction: 'more' | 'fewer'; best: Dec }
  /** An `=` target the rounded value steps over: `exits` give `value`, `exits` + 1 give `nextValue`. */
  | { ok: false; reason: 'not-exact'; exits: Dec; value: Dec; nextValue: Dec };

/**
 * The interval of exits meeting a target, computed the annex's way (the plan's arithmetic: `exitsForTarget`
 * gives the least number of exits, and its mirror the most). Only plannable indicators (`TargetIndicator`).
 */
export function exitsRange(c: UnitCounts, indicator: TargetIndicator, op: TargetOp, value: Dec): ExitsRange {
  if ((indicator === 'rate_reduced' || indicator === 'rate_end') && (c.h0.isZero() || c.h1.isZero())) return { ok: false, reason: 'zero-households' };
  const at = (x: Dec) => valueWithExits(c, indicator, x)!;
  const falling = indicator === 'rate_end' || indicator === 'poor_end';
  // Which side of the target more exits help with: the lower bound on exits comes from the op they move towards.
  const towards: TargetOp = falling ? '<=' : '>=';
  const away: TargetOp = falling ? '>=' : '<=';
  let min = zero();
  if (op === towards || op === '=') {
    const least = exitsForTarget(c, indicator, towards, value);
    if (!least.ok) return least.reason === 'unreachable' ? { ok: false, reason: 'unreachable', direction: 'more', best: least.best } : { ok: false, reason: 'zero-households' };
    min = least.exits;
  }
  let max = c.p0;
  if (op === away || op === '=') {
    // The most exits still meeting it: one fewer than the least that breaks it.
    const breaks = smallestExits(c.p0, (x) => !compareTarget(at(x), away, value));
    if (breaks !== undefined) {
      if (breaks.isZero()) return { ok: false, reason: 'unreachable', direction: 'fewer', best: at(zero()) };
      max = breaks.minus(1);
    }
  }
  if (min.gt(max)) return { ok: false, reason: 'not-exact', exits: max, value: at(max), nextValue: at(min) };
  return { ok: true, min, max };
}

/**
 * The least decimals the annex's start and end rates are checked at: one when every one of them the table prints has
 * at most one decimal and one has one (a statistical release's `11,8`), else two (a plan's: `16,5` among two-decimal
 * rates is a rate printed short, the `precision` rule's). Read from the store without making values, once per table;
 * a table of two-decimal rates is told at its first rate.
 */
export function annexRateDecimals(annex: Annex): number {
  // A correction locate tries (an overlay of a few rows) keeps the table's precision: decided once, on the table's own values.
  let store = annex.values;
  while (store instanceof OverlayValues) store = store.base;
  let dp = ANNEX_DECIMALS.get(store);
  if (dp === undefined) ANNEX_DECIMALS.set(store, (dp = printedAnnexDecimals({ ...annex, values: store })));
  return dp;
}

const ANNEX_DECIMALS = new WeakMap<Annex['values'], number>();

function printedAnnexDecimals(annex: Annex): number {
  let one = false;
  for (let id = 0; id < annex.units.length; id++) {
    for (const which of ['rate_start', 'rate_end'] as const) {
      const s = annex.values.readScaled(id, which);
      const d = s ? s.decimals : annex.values.get(id, which)?.decimals;
      if (d === undefined) continue;
      if (d >= RATE_DECIMALS) return RATE_DECIMALS;
      if (d === 1) one = true;
    }
  }
  return one ? 1 : RATE_DECIMALS;
}
