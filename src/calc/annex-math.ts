/**
 * The domain arithmetic of annex tables, in one place, used by the rules, `table` and `plan` alike.
 * Conventions (all verified on the seed annex):
 *  - rates are poor / households × 100, rounded half-up to 2 decimals;
 *  - the end rate is over the END-of-year households;
 *  - the reduction is the difference of the two printed (two-decimal) rates, in percentage points.
 */
import { Dec, HUNDRED, ZERO } from './decimal.js';

export const RATE_DECIMALS = 2;

/** Unrounded poor / households × 100; undefined when there are no households. */
export function exactRate(poor: Dec, households: Dec): Dec | undefined {
  if (households.isZero()) return undefined;
  return poor.mul(HUNDRED).div(households);
}

/** The annex rate: half-up to 2 decimals. */
export function rate(poor: Dec, households: Dec): Dec | undefined {
  return exactRate(poor, households)?.toDecimalPlaces(RATE_DECIMALS, Dec.ROUND_HALF_UP);
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
  const share = reduced.mul(HUNDRED).div(h0);
  const growth = poorEnd.mul(h1.minus(h0)).mul(HUNDRED).div(h0.mul(h1));
  return { share, growth, exactFall: share.plus(growth) };
}

/**
 * The smallest number of exits x (0 ≤ x ≤ poorStart) such that the annex reduction
 * rate(P0, H0) − rate(P0 − x, H1) reaches `targetPoints`. The reduction grows with x, so a binary
 * search finds it. Undefined when even x = poorStart does not reach the target, or without households.
 */
export function minimumExits(h0: Dec, poorStart: Dec, h1: Dec, targetPoints: Dec): Dec | undefined {
  const start = rate(poorStart, h0);
  if (!start || h1.isZero()) return undefined;
  const reaches = (x: Dec) => start.minus(rate(poorStart.minus(x), h1)!).gte(targetPoints);
  if (!reaches(poorStart)) return undefined;
  let lo = ZERO;
  let hi = poorStart;
  while (lo.lt(hi)) {
    const mid = lo.plus(hi).divToInt(2);
    if (reaches(mid)) hi = mid;
    else lo = mid.plus(1);
  }
  return lo;
}
