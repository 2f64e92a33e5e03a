/**
 * A flat list's first unit as its total by its figures, where no unit's name says it is the total: its counts are
 * the sums of every other unit's (`Thành phố Hà Nội`, then `Ba Đình`, `Hoàn Kiếm` … named without their level
 * word). The figures must say so beyond chance: at least two count indicators (of different, non-zero totals)
 * equal the others' sums, more than those that do not; an indicator a unit leaves blank or not a whole number
 * says nothing. A table where they do not (a first unit that is a peer, or one indicator alone) keeps no total.
 */
import { intOf, type ScaledValue } from '../calc/scaled.js';
import type { Indicator } from '../model/indicators.js';

/** Units a list needs for its first to be the sum of the others: the first and two more. */
const FEWEST_UNITS = 3;
/** Count indicators that must add up, each to a different total. */
const FEWEST_AGREEING = 2;

/**
 * The count `indicators` in which the first of `n` units holds the sum of the others (`read(unit, indicator)`: a
 * number as calc/scaled.ts holds it, else undefined), when they say the first is the total; else undefined.
 */
export function firstAsSum(n: number, indicators: readonly Indicator[], read: (unit: number, indicator: Indicator) => ScaledValue | undefined): Indicator[] | undefined {
  if (n < FEWEST_UNITS) return undefined;
  const agreeing: Indicator[] = [];
  const totals = new Set<number>();
  let disagreeing = 0;
  for (const indicator of indicators) {
    const first = wholeOf(read(0, indicator));
    if (first === undefined) continue;
    const sum = sumOfOthers(n, indicator, read, first);
    if (sum === undefined) continue;
    if (sum !== first) disagreeing++;
    else if (first !== 0 && !totals.has(first)) {
      totals.add(first);
      agreeing.push(indicator);
    }
  }
  return agreeing.length >= FEWEST_AGREEING && agreeing.length > disagreeing ? agreeing : undefined;
}

/**
 * Units 1 … n − 1's whole numbers added up, or undefined as soon as one is not a whole number. Once the sum is past
 * `first` (≥ 0) it is returned as it is: only a negative figure further on (a net change) could bring it back, and a
 * sum taken as not the first's only ever keeps a list without a total (a long list of peers is not read to its end).
 */
function sumOfOthers(n: number, indicator: Indicator, read: (unit: number, indicator: Indicator) => ScaledValue | undefined, first: number): number | undefined {
  let sum = 0;
  for (let u = 1; u < n; u++) {
    const v = wholeOf(read(u, indicator));
    if (v === undefined) return undefined;
    sum += v;
    if (first >= 0 && sum > first) return sum;
  }
  return Number.isSafeInteger(sum) ? sum : undefined;
}

/** A value held as a whole number (no decimals), or undefined. */
const wholeOf = (v: ScaledValue | undefined): number | undefined => (v === undefined ? undefined : intOf(v));
