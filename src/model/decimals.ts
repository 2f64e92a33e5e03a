/**
 * How many decimals a column's (or a table's) values are printed with: a tally, its most frequent count (the usual
 * precision) and its largest. One place for the precision rule, rate-change's coarser reductions and locate's
 * proposed precision.
 */

/** Decimals → how many values have them. */
export type DecimalsTally = Map<number, number>;

/** Adds one value's decimals to the tally. */
export function tallyDecimals(tally: DecimalsTally, decimals: number): void {
  tally.set(decimals, (tally.get(decimals) ?? 0) + 1);
}

/** The decimals most values have (ties: the larger); undefined for an empty tally. */
export function usualDecimals(tally: DecimalsTally): number | undefined {
  let best: number | undefined;
  let n = 0;
  for (const [d, k] of tally) if (k > n || (k === n && best !== undefined && d > best)) [best, n] = [d, k];
  return best;
}
