/**
 * The vocabulary of poverty tables: an indicator is a point of population × time × measure (and a role:
 * the value itself, a target for it, or the achievement of that target). Every indicator has a stable key,
 * built from its point; the annex's eight keys (`households_start`, `poor_reduced`, `rate_end`, …) are the
 * keys of their points, so they keep their meaning in reports, targets files and configuration.
 *
 *   counts   `<population>[_<time>]`            poor_start, near_poor_end, households, poor_exited, em_poor_end,
 *                                               average_living (households of average living standard)
 *   rates    `[<population>_]rate[_<time>]`     rate_start (poor), near_poor_rate, poor_near_poor_rate_end
 *   points   `[<population>_]rate_reduced`      the fall of a rate in percentage points (net, two printed rates)
 *   shares   `<population>_share[_<time>]`      a part as a percentage of the population it is part of (`supersetOf`):
 *                                               em_poor_share (`Tỷ lệ hộ nghèo DTTS trong tổng số hộ nghèo`)
 *   targets  `<key>_target`, `<key>_achievement` rate_reduced_target (points), rate_reduced_achievement (%)
 *
 * The time "point" (a count or rate at one moment, written without "đầu năm / cuối năm") has no suffix.
 * Dimensions that are not part of the indicator (a year, a poverty standard, a from/to bound, a breakdown row)
 * live in the slot key (model/slots.ts).
 */

export const POPULATIONS = ['households', 'poor', 'near_poor', 'poor_near_poor', 'em_households', 'em_poor', 'em_near_poor', 'average_living'] as const;
export type Population = (typeof POPULATIONS)[number];

/** Stocks (start, end, a point) and flows during the year (gross: exited … other_out; net: reduced). */
export const TIMES = ['start', 'end', 'point', 'exited', 'returned', 'new', 'from_near_poor', 'other_in', 'other_out', 'reduced'] as const;
export type Time = (typeof TIMES)[number];

/** Gross flows that take households out of a population during the year, and those that bring them in. */
export const OUT_FLOWS: readonly Time[] = ['exited', 'other_out'];
export const IN_FLOWS: readonly Time[] = ['returned', 'new', 'from_near_poor', 'other_in'];

/**
 * Households counted (`count`), people counted (`persons`: Số nhân khẩu), a percentage of households (`rate`), a fall
 * in points, a percentage of the population a part belongs to (`share`: `Tỷ lệ … trong tổng số hộ nghèo`).
 */
export type Measure = 'count' | 'persons' | 'rate' | 'points' | 'share';
export type Role = 'value' | 'target' | 'achievement';

export interface IndicatorPoint {
  readonly population: Population;
  readonly time: Time;
  readonly measure: Measure;
  readonly role: Role;
}

/** The populations whose rates are over all households, and the ethnic-minority ones over ethnic-minority households. */
export function householdsOf(p: Population): Population {
  return p.startsWith('em_') ? 'em_households' : 'households';
}

/** The population a part (or subset) of another: ethnic-minority poor ⊂ poor, near-poor and poor ⊂ poor + near-poor. */
export function supersetOf(p: Population): Population | undefined {
  switch (p) {
    case 'em_households':
      return 'households';
    case 'em_poor':
      return 'poor';
    case 'em_near_poor':
      return 'near_poor';
    case 'poor':
    case 'near_poor':
      return 'poor_near_poor';
    case 'poor_near_poor':
      return 'households';
    default:
      return undefined;
  }
}

const STOCKS: readonly Time[] = ['start', 'end', 'point'];

/** The populations a share is printed of, and the population it is a share of (`supersetOf`, not all households). */
const SHARE_WHOLE: ReadonlyMap<Population, Population> = new Map<Population, Population>([
  ['em_poor', 'poor'],
  ['em_near_poor', 'near_poor'],
  ['poor', 'poor_near_poor'],
  ['near_poor', 'poor_near_poor'],
]);

/** The population a share of `p` is over (`Tỷ lệ hộ nghèo DTTS trong tổng số hộ nghèo`: the poor); undefined when none is. */
export function shareWhole(p: Population): Population | undefined {
  return SHARE_WHOLE.get(p);
}

const timeSuffix = (t: Time) => (t === 'point' ? '' : `_${t}`);

/** The key of a vocabulary point; undefined for combinations no table prints (a rate of households). */
export function indicatorKey(p: IndicatorPoint): string | undefined {
  let base: string | undefined;
  if (p.measure === 'count') base = `${p.population}${timeSuffix(p.time)}`;
  else if (p.measure === 'persons') base = `${p.population}_persons${timeSuffix(p.time)}`;
  else if (p.population === 'households' || p.population === 'em_households') base = undefined;
  else if (p.measure === 'rate') base = p.time === 'reduced' ? undefined : `${ratePrefix(p.population)}rate${timeSuffix(p.time)}`;
  else if (p.measure === 'share') base = `${p.population}_share${timeSuffix(p.time)}`;
  else base = p.time === 'reduced' ? `${ratePrefix(p.population)}rate_reduced` : undefined;
  if (base === undefined) return undefined;
  return p.role === 'value' ? base : `${base}_${p.role}`;
}

const ratePrefix = (p: Population) => (p === 'poor' ? '' : `${p}_`);

/**
 * The points tables print: households (all, or ethnic-minority) only as stocks; falls from near-poor only
 * into poverty; targets on a reduction or on an end-of-year value, achievements of a reduction; people
 * counted as stocks and flows, never as a target.
 */
function meaningful(p: IndicatorPoint): boolean {
  const households = p.population === 'households' || p.population === 'em_households';
  if (households && p.time !== 'start' && p.time !== 'end' && p.time !== 'point') return false;
  // Households of average living standard: counted and rated at a point in time only (no flows, targets or shares).
  if (p.population === 'average_living' && (!STOCKS.includes(p.time) || p.role !== 'value' || p.measure === 'share')) return false;
  if (p.time === 'from_near_poor' && p.population !== 'poor' && p.population !== 'em_poor') return false;
  // A share of a stock, of a population part of another that is not all households (whose share is the rate).
  if (p.measure === 'share') return p.role === 'value' && STOCKS.includes(p.time) && SHARE_WHOLE.has(p.population);
  if (p.role === 'target') return !households && p.measure !== 'persons' && (p.time === 'reduced' || p.time === 'end');
  if (p.role === 'achievement') return !households && p.measure !== 'persons' && p.time === 'reduced';
  return true;
}

/**
 * Every point by its key, built at the first question (840 combinations tried: about a millisecond of a start
 * that never asks, as `--help`).
 */
let points: Map<string, IndicatorPoint> | undefined;
const MEASURES: readonly Measure[] = ['count', 'persons', 'rate', 'points', 'share'];
const ROLES: readonly Role[] = ['value', 'target', 'achievement'];
function allPoints(): Map<string, IndicatorPoint> {
  if (points) return points;
  points = new Map<string, IndicatorPoint>();
  const scratch: { -readonly [K in keyof IndicatorPoint]: IndicatorPoint[K] } = { population: 'poor', time: 'point', measure: 'count', role: 'value' };
  // Counted loops, not for…of: an iterator's result object per step, 1,200 of them, in a start-up's young generation.
  for (let p = 0; p < POPULATIONS.length; p++) {
    for (let t = 0; t < TIMES.length; t++) {
      for (let m = 0; m < MEASURES.length; m++) {
        for (let r = 0; r < ROLES.length; r++) {
          // One object tried for every combination, a point made only for a key kept (204 of 840).
          const point = scratch;
          point.population = POPULATIONS[p]!;
          point.time = TIMES[t]!;
          point.measure = MEASURES[m]!;
          point.role = ROLES[r]!;
          if (!meaningful(point)) continue;
          const key = indicatorKey(point);
          if (key !== undefined && !points.has(key)) points.set(key, { population: point.population, time: point.time, measure: point.measure, role: point.role });
        }
      }
    }
  }
  return points;
}

/** The point of a vocabulary key; undefined for a string that is not one. */
export function describeIndicator(key: string): IndicatorPoint | undefined {
  return allPoints().get(key);
}

export function isVocabularyKey(key: string): boolean {
  return allPoints().has(key);
}

/** Every vocabulary key, the annex's eight first (for documentation and configuration checks). */
export function vocabularyKeys(): string[] {
  const core = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'];
  return [...core, ...[...allPoints().keys()].filter((k) => !core.includes(k))];
}

/** The same point with some coordinates changed; undefined when that combination has no key. */
export function withPoint(key: string, change: Partial<IndicatorPoint>): string | undefined {
  const p = describeIndicator(key);
  return p ? indicatorKey({ ...p, ...change }) : undefined;
}

/** Count, rate or points of a key ('count' for anything unknown, as a table's counts are). */
export function measureOf(key: string): Measure {
  return describeIndicator(key)?.measure ?? 'count';
}

/** What a label names that no indicator stands for: a rise against another time, a share of another total, a group of households the vocabulary does not count. */
export type NoIndicatorKind = 'increase' | 'share' | 'ethnicGroup' | 'average' | 'selectedGroup' | 'money' | 'measureMismatch' | 'period' | 'planBeside' | 'comparison' | 'planColumn' | 'planYear' | 'verdict';
