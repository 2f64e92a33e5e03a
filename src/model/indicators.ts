/**
 * Indicator keys. The vocabulary (model/vocabulary.ts) gives every indicator a key; the eight keys of the
 * annex table (`households_start` … `rate_end`) are its first points and a public contract (JSON reports,
 * long-layout headers, targets files), so they never change. Values are kept per slot (model/slots.ts): an
 * indicator key, or an indicator key with dimensions (`rate@2015`).
 */
import { describeIndicator } from './vocabulary.js';
import { indicatorOf } from './slots.js';

/** A vocabulary key or a slot key built on one (see model/slots.ts). */
export type Indicator = string;

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

/** The eight indicators of the annex table (the seed's rows). */
export type CoreIndicator = (typeof INDICATORS)[number];

export type IndicatorKind = 'count' | 'rate';

export const COUNT_INDICATORS = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end'] as const;
export const RATE_INDICATORS = ['rate_start', 'rate_reduced', 'rate_end'] as const;
export type CountIndicator = (typeof COUNT_INDICATORS)[number];
export type RateIndicator = (typeof RATE_INDICATORS)[number];

/**
 * Whether a slot holds whole numbers of households ('count') or percentages and points ('rate', which
 * includes achievements and targets in points). Decides how its cells are parsed and checked.
 */
export function indicatorKind(ind: Indicator): IndicatorKind {
  const key = indicatorOf(ind);
  const p = describeIndicator(key);
  if (!p) return key.startsWith('rate_') ? 'rate' : 'count';
  return (p.measure === 'count' || p.measure === 'persons') && p.role !== 'achievement' ? 'count' : 'rate';
}

/** One of the eight annex keys. */
export function isIndicator(s: string): s is CoreIndicator {
  return (INDICATORS as readonly string[]).includes(s);
}

export const isCoreIndicator = isIndicator;

/** Annex row numbers (STT) as in the seed document: rates share row 6. */
export const ANNEX_ROW: Record<CoreIndicator, string> = {
  households_start: '1',
  households_end: '2',
  poor_start: '3',
  poor_reduced: '4',
  poor_end: '5',
  rate_start: '6',
  rate_reduced: '6',
  rate_end: '6',
};

/**
 * Whether a table is an annex table: it carries one of the annex's counts (a phase, or the net reduction) and the
 * households its rates are over, or the annex's whole block of poor households. Such a table prints every figure,
 * and a blank cell in it is a figure missing. An article's table of poor households at the end of the year, or of
 * those that left, with their rates and no households, is not one: it prints what it chose to, and the households
 * its rates are over are implied (relations/implied.ts).
 */
export function isAnnexShaped(indicators: readonly Indicator[]): boolean {
  if (!indicators.some((i) => (COUNT_INDICATORS as readonly string[]).includes(i))) return false;
  // The annex's whole block of poor households (start, net reduction, end) without its households rows is an annex
  // that lacks them (said so: `missing`), not an article's table.
  if (indicators.includes('poor_start') && indicators.includes('poor_reduced') && indicators.includes('poor_end')) return true;
  return indicators.some((i) => i === 'households_start' || i === 'households_end' || indicatorOf(i) === 'households');
}
