/**
 * The eight indicators of an annex table. Their keys are a public contract (JSON reports, long-layout
 * headers, targets files), so they never change.
 */
export const INDICATORS = [
  'households_start',
  'households_end',
  'poor_start',
  'poor_reduced',
  'poor_end',
  'rate_start',
  'rate_reduced',
  'rate_end',
] as const;

export type Indicator = (typeof INDICATORS)[number];

export type IndicatorKind = 'count' | 'rate';

export const COUNT_INDICATORS = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end'] as const;
export const RATE_INDICATORS = ['rate_start', 'rate_reduced', 'rate_end'] as const;
export type CountIndicator = (typeof COUNT_INDICATORS)[number];
export type RateIndicator = (typeof RATE_INDICATORS)[number];

export function indicatorKind(ind: Indicator): IndicatorKind {
  return ind.startsWith('rate_') ? 'rate' : 'count';
}

export function isIndicator(s: string): s is Indicator {
  return (INDICATORS as readonly string[]).includes(s);
}

/** Annex row numbers (STT) as in the seed document: rates share row 6. */
export const ANNEX_ROW: Record<Indicator, string> = {
  households_start: '1',
  households_end: '2',
  poor_start: '3',
  poor_reduced: '4',
  poor_end: '5',
  rate_start: '6',
  rate_reduced: '6',
  rate_end: '6',
};
