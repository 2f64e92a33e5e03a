/**
 * A rate column none of whose rates is its count over its households: every unit's rate of the column fails
 * (at least `MIN_UNITS` of them), so the cause is one, not a slip per cell. The column is computed over
 * another base (another column of the table, named when one fits every unit: a formula pointing at the wrong
 * column) or measures something else (a share of the poor households, not a rate over households). Its rate
 * findings are folded into one at its first failing cell, and locate leaves the column's rate relations out
 * (`columns`): no retyping of every cell is proposed. Folded once the rules have run (rules/index.ts).
 * A column whose every rate is rounded down (truncated) fails only where rounding would go up: folded too, when
 * at least `MIN_UNITS` fail and every other rate of the column is the same rounded down.
 */
import { Dec } from '../calc/decimal.js';
import { exactRate, percentDecimalsOfShare, shareMatches } from '../calc/annex-math.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { compareFindings, type Finding } from '../model/finding.js';
import type { Annex } from '../model/annex.js';
import type { MessageParams } from '../model/message-ref.js';
import { isOk } from '../rules/types.js';
import { impliedHouseholds } from './implied.js';

/** Fewest failing rates of a column folded into one finding: with fewer, each may be a slip of its own. */
export const MIN_UNITS = 4;
/** Largest table whose columns are looked at unit by unit for this (a larger one keeps its findings as they are). */
export const MAX_UNITS = 200_000;

export interface RateColumns {
  findings: Finding[];
  /** The rate slots folded: locate leaves their rate relations out. */
  columns: ReadonlySet<Indicator>;
}

/** A failing rate finding's figures, from its message. */
interface Failing {
  finding: Finding;
  count: string;
  countIndicator: Indicator;
  households: string;
  householdsIndicator: Indicator;
}

function failingOf(f: Finding): Failing | undefined {
  if (f.rule !== 'rate' || f.severity !== 'error' || !f.at || f.indicator === undefined) return undefined;
  if (f.msg.id === 'rate.mismatch') {
    const p = f.msg.params as MessageParams['rate.mismatch'];
    const start = p.indicator === 'rate_start';
    return { finding: f, count: p.poor, countIndicator: start ? 'poor_start' : 'poor_end', households: p.households, householdsIndicator: start ? 'households_start' : 'households_end' };
  }
  if (f.msg.id === 'rate.mismatch-of') {
    const p = f.msg.params as MessageParams['rate.mismatch-of'];
    return { finding: f, count: p.count, countIndicator: p.countIndicator, households: p.households, householdsIndicator: p.householdsIndicator };
  }
  return undefined;
}

/** The rules' findings with each rate column that fails at every unit folded into one finding. */
export function foldRateColumns(annex: Annex, findings: Finding[]): RateColumns {
  const none: RateColumns = { findings, columns: new Set() };
  if (annex.units.length > MAX_UNITS) return none;
  const bySlot = new Map<Indicator, Failing[]>();
  for (const f of findings) {
    const x = failingOf(f);
    if (x) (bySlot.get(x.finding.indicator!) ?? bySlot.set(x.finding.indicator!, []).get(x.finding.indicator!)!).push(x);
  }
  const folded = new Map<Indicator, Finding>();
  for (const [slot, failing] of bySlot) {
    if (failing.length < MIN_UNITS) continue;
    const ids = unitsOfCells(annex, slot, failing);
    if (ids !== undefined) folded.set(slot, columnFinding(annex, slot, failing, ids));
    else if (roundedDown(annex, slot, failing)) folded.set(slot, roundedDownFinding(slot, failing));
  }
  if (folded.size === 0) return none;
  const out = findings.filter((f) => !(failingOf(f) && folded.has(f.indicator!)));
  out.push(...folded.values());
  return { findings: out.sort(compareFindings), columns: new Set(folded.keys()) };
}

/**
 * The units of the failing rates' cells, when they are every unit whose rate in `slot` is a number (every
 * rate of the column that was compared failed); undefined when some unit's rate held.
 */
function unitsOfCells(annex: Annex, slot: Indicator, failing: readonly Failing[]): number[] | undefined {
  const refs = new Map(failing.map((x, i) => [x.finding.at!.ref, i]));
  const ids: number[] = new Array(failing.length);
  let found = 0;
  for (let id = 0; id < annex.units.length; id++) {
    const v = annex.values.get(id, slot);
    if (!isOk(v)) continue;
    const i = refs.get(v.cell.ref);
    if (i === undefined) return undefined;
    ids[i] = id;
    found++;
  }
  return found === failing.length ? ids : undefined;
}

/**
 * Whether every rate of the column is its count over its households rounded DOWN at its decimals (`ROUNDDOWN`,
 * `TRUNC`, `INT` in a spreadsheet, or digits cut off by hand): the failing ones are those whose next digit is 5
 * or more, the others come out the same either way. One cause for the column, not a slip per cell.
 */
function roundedDown(annex: Annex, slot: Indicator, failing: readonly Failing[]): boolean {
  const { countIndicator, householdsIndicator } = failing[0]!;
  if (failing.some((x) => x.countIndicator !== countIndicator || x.householdsIndicator !== householdsIndicator)) return false;
  for (let id = 0; id < annex.units.length; id++) {
    const rate = annex.values.get(id, slot);
    const count = annex.values.get(id, countIndicator);
    const households = annex.values.get(id, householdsIndicator);
    if (!isOk(rate) || !isOk(count) || !isOk(households)) continue;
    const exact = exactRate(count.num, households.num);
    if (exact !== undefined && !exact.toDecimalPlaces(rate.decimals ?? 0, Dec.ROUND_DOWN).eq(rate.num)) return false;
  }
  return true;
}

/** The one finding of a column whose rates are rounded down, at its first failing cell. */
function roundedDownFinding(slot: Indicator, failing: readonly Failing[]): Finding {
  const { exact } = failing[0]!.finding.msg.params as { exact: string };
  return folded(slot, failing, { roundedDown: exact });
}

/** One `rate.column` finding for the failing rates of `slot`, at the first; `cause`: what the column is. */
function folded(slot: Indicator, failing: readonly Failing[], cause: Partial<MessageParams['rate.column']>): Finding {
  const first = failing[0]!.finding;
  const last = failing[failing.length - 1]!.finding;
  return {
    rule: 'rate',
    severity: 'error',
    at: first.at!,
    indicator: slot,
    msg: {
      id: 'rate.column',
      params: {
        indicator: slot,
        count: failing.length,
        first: first.at!.ref,
        last: last.at!.ref,
        // The indicator's rates along a row (a table with one row per indicator, as the seed's annex): said "row".
        ...(first.at!.row === last.at!.row && first.at!.col !== last.at!.col ? { alongRow: true } : {}),
        unit: first.unit ?? '',
        countIndicator: failing[0]!.countIndicator,
        householdsIndicator: failing[0]!.householdsIndicator,
        poor: failing[0]!.count,
        households: failing[0]!.households,
        expected: first.expected ?? '',
        actual: first.actual ?? '',
        ...cause,
      },
    },
  };
}

/**
 * Whether every failing rate is its count over its households without × 100 (`0,0544` for 5,44 %): the rate × 100
 * is the percentage rounded half-up at two decimals fewer than the rate is printed with.
 */
function typedAsShares(annex: Annex, slot: Indicator, failing: readonly Failing[], ids: readonly number[]): boolean {
  return failing.every((x, i) => {
    const v = annex.values.get(ids[i]!, slot);
    const percent = exactRate(new Dec(x.count), new Dec(x.households));
    return isOk(v) && percent !== undefined && !v.num.gt(1) && shareMatches(v.num, v.decimals ?? 0, percent);
  });
}

/** The one finding of a column whose every rate fails, at its first failing cell. */
function columnFinding(annex: Annex, slot: Indicator, failing: readonly Failing[], ids: readonly number[]): Finding {
  const over = otherBase(annex, slot, failing, ids);
  const shares = !over && typedAsShares(annex, slot, failing, ids);
  // The households the first rate fits (its count over them, rounded as printed), when no column of the table does.
  const printed = annex.values.get(ids[0]!, slot);
  const implied = !over && !shares && isOk(printed) && !printed.num.isZero() ? impliedHouseholds(new Dec(failing[0]!.count), printed.num, printed.decimals ?? 0) : undefined;
  return folded(slot, failing, {
    ...(over ? { over } : {}),
    ...(shares && isOk(printed) ? { shares: printed.num.mul(100).toFixed(Math.max(0, percentDecimalsOfShare(printed.decimals ?? 0))) } : {}),
    ...(implied ? { impliedLo: implied.lo.toFixed(0), ...(implied.hi ? { impliedHi: implied.hi.toFixed(0) } : {}) } : {}),
  });
}

/** Another count column of the table over which every failing rate is its count × 100, as printed. */
function otherBase(annex: Annex, slot: Indicator, failing: readonly Failing[], ids: readonly number[]): Indicator | undefined {
  for (const k of annex.indicators) {
    if (indicatorKind(k) !== 'count' || k === failing[0]!.householdsIndicator || k === failing[0]!.countIndicator) continue;
    const fits = failing.every((x, i) => {
      const base = annex.values.get(ids[i]!, k);
      const rate = annex.values.get(ids[i]!, slot);
      if (!isOk(base) || !isOk(rate) || base.plain === x.count) return false;
      const exact = exactRate(new Dec(x.count), base.num);
      return exact !== undefined && exact.toDecimalPlaces(rate.decimals ?? 0, Dec.ROUND_HALF_UP).eq(rate.num);
    });
    if (fits) return k;
  }
  return undefined;
}
