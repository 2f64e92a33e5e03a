/**
 * rate: a printed rate matches its count / households × 100, half-up at the precision printed (at least 2
 * decimals in the annex); the end rate over the END-of-year households.
 */
import { Dec, plain } from '../calc/decimal.js';
import { rateMatchesAt, rateMatchesScaled, type ScaledValue } from '../calc/scaled.js';
import { ColumnRow, columnsOf, slotIndexes } from './columns.js';
import { annexRateDecimals, exactRate, printedAs, printedRateMatches, RATE_DECIMALS } from '../calc/annex-math.js';
import { isOk, usable, type OkValue, type RuleContext } from '../rules/types.js';
import { carriesSlot, householdsSlot, ofIndicators, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { flowShareParams, impliedHouseholds, shareOf } from './implied.js';
import { partShares } from './part-shares.js';
import { isAnnexShaped, type Indicator } from '../model/indicators.js';
import type { Annex, Unit, ValueStore } from '../model/annex.js';
import { unitIdsIn, type InstanceContext } from './scope.js';
import { defineKind, type Form, type Relation } from './types.js';
import { indicatorOf, withIndicator, type SubSlot } from '../model/slots.js';

/** Digits shown in messages for an unrounded quotient. */
export const EXACT_SHOWN = 4;

export interface RateRelation extends Relation {
  /** The annex's start or end rate over its phase's households (checked the annex's way, at ≥ 2 decimals). */
  readonly which?: 'rate_start' | 'rate_end';
  readonly count: OkValue;
  readonly households: OkValue;
  /** A flow's rate (thoát nghèo …): a few per cent off is another denominator, not a slip. */
  readonly flow?: boolean;
  /** A rate at a point in a table of start and end counts: it may be the rate of either (`count` the closer). */
  readonly either?: readonly OkValue[];
  /** The annex's rates read from the store: the integers and decimals of the count, households and rate. */
  readonly q?: { readonly count: ScaledValue; readonly households: ScaledValue; readonly rate: ScaledValue };
  /** An annex rate's least decimals (`annexRateDecimals`), when not two: locate solves it at those. */
  readonly annexDp?: number;
}

/**
 * The annex's start or end rate when its three figures are numbers read as integers from the store
 * (`ValueStore.readScaled`): the `Value`s are made when first asked (a finding, locate's form), never for a
 * rate that matches.
 */
class ColumnRate implements RateRelation {
  #at: OkValue | undefined;
  #count: OkValue | undefined;
  #households: OkValue | undefined;

  constructor(
    private readonly values: ValueStore,
    readonly unit: Unit,
    readonly which: 'rate_start' | 'rate_end',
    private readonly keys: readonly [Indicator, Indicator],
    readonly q: { readonly count: ScaledValue; readonly households: ScaledValue; readonly rate: ScaledValue },
    readonly annexDp?: number,
  ) {}

  get at(): OkValue {
    return (this.#at ??= this.values.get(this.unit.id, this.which) as OkValue);
  }

  get count(): OkValue {
    return (this.#count ??= this.values.get(this.unit.id, this.keys[0]) as OkValue);
  }

  get households(): OkValue {
    return (this.#households ??= this.values.get(this.unit.id, this.keys[1]) as OkValue);
  }

  get cells(): readonly OkValue[] {
    return [this.count, this.households, this.at];
  }

  /** Its cells are its unit's. */
  unitIds(): readonly number[] {
    return [this.unit.id];
  }
}

/** The three figures of an annex rate read as integers from the store, or undefined when one is not a number held so. */
function rateRead(values: ValueStore, unit: number, keys: readonly [Indicator, Indicator, Indicator]): ColumnRate['q'] | undefined {
  const count = values.readScaled(unit, keys[0]);
  const households = count && values.readScaled(unit, keys[1]);
  const rate = households && values.readScaled(unit, keys[2]);
  return rate ? { count: count!, households: households!, rate } : undefined;
}

/** Whole counts and a printed rate (the common case): the annex's rate matches at `dp` decimals at least, decided in integers. */
const matchesInIntegers = (q: ColumnRate['q'], dp: number): boolean => rateMatchesScaled(q.count, q.households, q.rate, dp) === true;


/** matchesInIntegers on a long table's columns (`row`, read for the unit; `at`: the slot indexes of the count, households and rate). */
function matchesInColumns(row: ColumnRow, at: readonly number[], dp: number): boolean {
  const { scaled, decimals } = row;
  const pi = at[0]!;
  const hi = at[1]!;
  const ri = at[2]!;
  const p = scaled[pi]!;
  const h = scaled[hi]!;
  const r = scaled[ri]!;
  if (Number.isNaN(p) || Number.isNaN(h) || Number.isNaN(r) || decimals[pi] !== 0 || decimals[hi] !== 0) return false;
  return rateMatchesAt(p, h, r, decimals[ri]!, dp) === true;
}

/** The annex's start and end rates, checked over their own households. */
const ANNEX_RATES = ['rate_start', 'rate_end'] as const;

/** A printed rate matches when it equals the computed one at the precision it was printed with (≥ 2 decimals, or ≥ `minDp`). */
export function matchesPrinted(printed: OkValue, exact: Dec, minDp = RATE_DECIMALS): boolean {
  return printedRateMatches(printed.num, printed.decimals ?? 0, exact, minDp);
}

/** Whether the table prints a rate of the vocabulary (beyond the annex's start and end rates). */
function printsRates(annex: Annex): boolean {
  return otherRatesOf(annex).some((r) => r.hhKey !== undefined && r.carried.length > 0);
}

/** A rate of the vocabulary (beyond the annex's own), its households, the counts it may be of and those the table carries. */
interface OtherRate {
  readonly s: SlotInfo;
  readonly hhKey: Indicator | undefined;
  readonly countKeys: ReadonlyArray<Indicator | undefined>;
  readonly carried: readonly Indicator[];
}

/** The table's other rates (`OtherRate`), from its indicators alone: once per list of indicators (`ofIndicators`). */
const otherRatesOf = (annex: Annex): readonly OtherRate[] =>
  ofIndicators(annex, 'other-rates', () =>
    vocabularySlots(annex)
      .filter((s) => s.point.measure === 'rate' && s.point.role === 'value')
      .map((s): OtherRate => {
        // A rate at a point (`Tỷ lệ hộ nghèo (%)`) in a table that counts the start and the end: the rate of either.
        const countKeys = [slotFor(s, { measure: 'count' }), ...(s.point.time === 'point' ? [slotFor(s, { measure: 'count', time: 'start' }), slotFor(s, { measure: 'count', time: 'end' })] : [])];
        return { s, hhKey: householdsSlot(annex, s), countKeys, carried: countKeys.filter((k) => carriesSlot(annex, k)) };
      }),
  );

type PartRate = { rate: Indicator; count: Indicator; hhKey: Indicator; flow: boolean };

/**
 * The rate slots of sub-rows (a rate's breakdown or "of which" rows) whose count sub-row the table carries, with the
 * households their parent rate is over; once per table (it reads the table's sub-rows, not only its indicators).
 */
const partRatesOf = (annex: Annex): readonly PartRate[] => {
  const subSlots = annex.subSlots;
  if (!subSlots) return [];
  let out = PART_RATES.get(subSlots);
  if (!out) PART_RATES.set(subSlots, (out = partRates(annex, subSlots)));
  return out;
};

const PART_RATES = new WeakMap<ReadonlyMap<Indicator, SubSlot>, readonly PartRate[]>();

function partRates(annex: Annex, subSlots: ReadonlyMap<Indicator, SubSlot>): PartRate[] {
  const parents = new Map(otherRatesOf(annex).map((r) => [r.s.key, r]));
  // Rates that are shares of the count their rows are listed under are `share`'s (part-shares.ts).
  const shares = new Set(partShares(annex).map((s) => s.rate));
  const out: PartRate[] = [];
  for (const [key, sub] of subSlots) {
    if (shares.has(key)) continue;
    const p = parents.get(sub.parent);
    const countKey = p?.carried[0];
    if (!p || p.hhKey === undefined || countKey === undefined) continue;
    const count = withIndicator(key, indicatorOf(countKey));
    if (subSlots.get(count)?.parent === countKey) out.push({ rate: key, count, hhKey: p.hhKey, flow: !['start', 'end', 'point'].includes(p.s.point.time) });
  }
  return out;
}

/**
 * The annex's start or end rate printed without the count or the households it is of (and no households column
 * without a phase to stand in): not recomputed, said once for the table under "not checked". The review form of
 * gross flows prints the households at the review only, the end of the year: its start rates are over the start's
 * households, which it does not print.
 */
function skipRatesWithoutFigures(ctx: InstanceContext): void {
  const has = (k: Indicator) => ctx.annex.indicators.includes(k);
  if (has('households')) return;
  const rates: Indicator[] = [];
  const absent: Indicator[] = [];
  for (const which of ANNEX_RATES) {
    const lacked = (which === 'rate_start' ? (['poor_start', 'households_start'] as const) : (['poor_end', 'households_end'] as const)).filter((k) => !has(k));
    if (!has(which) || lacked.length === 0) continue;
    rates.push(which);
    absent.push(...lacked);
  }
  if (rates.length > 0) ctx.skip({ rule: 'rate', msg: { id: 'skip.not-recomputed', params: { rates, absent } } });
}

/** Each unit's rate over its count and households, where the three are numbers. */
function visitRates(ctx: InstanceContext, visit: (r: RateRelation) => void, rate: Indicator, count: Indicator, hhKey: Indicator, flow: boolean): void {
  const { annex } = ctx;
  for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
    const id = ids.list ? ids.list[nth]! : nth;
    const r = okValue(annex, id, rate);
    const c = okValue(annex, id, count);
    const h = okValue(annex, id, hhKey);
    if (r && c && h) visit({ unit: annex.units.at(id)!, at: r, cells: [c, h, r], count: c, households: h, ...(flow ? { flow } : {}) });
  }
}

export const rateKind = defineKind<RateRelation>({
  id: 'rate',
  relation: 'rate',
  severity: 'error',
  // Each annex rate with the count and the households it is of.
  needs: [
    ['households_start', 'poor_start', 'rate_start'],
    ['households_end', 'poor_end', 'rate_end'],
  ],
  applies: printsRates,
  perUnit: true,
  localised: true,
  annex: true,
  applicable: (annex) => isAnnexShaped(annex.indicators) || printsRates(annex),
  each(ctx, visit, checking) {
    const { annex } = ctx;
    skipRatesWithoutFigures(ctx);
    // A long table's columns, when only checking: a rate that matches makes nothing at all.
    const cols = checking ? columnsOf(annex.values) : undefined;
    const starts = cols && slotIndexes(cols, ['poor_start', 'households_start', 'rate_start']);
    const ends = cols && slotIndexes(cols, ['poor_end', 'households_end', 'rate_end']);
    const row = cols ? new ColumnRow(cols) : undefined;
    const dp = annexRateDecimals(annex);
    for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
      const id = ids.list ? ids.list[nth]! : nth;
      let unit: Unit | undefined;
      row?.read(id);
      for (let w = 0; w < ANNEX_RATES.length; w++) {
        const which = ANNEX_RATES[w]!;
        const at = which === 'rate_start' ? starts : ends;
        if (at && matchesInColumns(row!, at, dp)) {
          ctx.checked('rate');
          continue;
        }
        const poorKey = which === 'rate_start' ? 'poor_start' : 'poor_end';
        const hhKey = which === 'rate_start' ? 'households_start' : 'households_end';
        // Every figure a number held as an integer (the common case): no Value made; when the instances are
        // only checked, no relation either for a rate the integers show right (the check's first test).
        const q = rateRead(annex.values, id, [poorKey, hhKey, which]);
        unit ??= annex.units.at(id)!;
        if (q) {
          if (checking && matchesInIntegers(q, dp)) {
            ctx.checked('rate');
          } else visit(new ColumnRate(annex.values, unit, which, [poorKey, hhKey], q, dp === RATE_DECIMALS ? undefined : dp));
          continue;
        }
        const v = usable(ctx, 'rate', unit, [poorKey, hhKey, which] as const);
        if (v) visit({ unit, at: v[which], cells: [v[poorKey], v[hhKey], v[which]], which, count: v[poorKey], households: v[hhKey], ...(dp === RATE_DECIMALS ? {} : { annexDp: dp }) });
      }
    }
    // Every other rate of the vocabulary over the households the table prints for it.
    for (const { s, hhKey, countKeys, carried } of otherRatesOf(annex)) {
      const countKey = carried[0];
      if (countKey === undefined || hhKey === undefined) continue;
      if (countKey !== countKeys[0] && carried.length > 0) {
        for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
          const id = ids.list ? ids.list[nth]! : nth;
          const r = okValue(annex, id, s.key);
          const cs = carried.map((k) => okValue(annex, id, k)).filter((v): v is OkValue => v !== undefined);
          const h = okValue(annex, id, hhKey);
          if (r && cs.length > 0 && h) visit({ unit: annex.units.at(id)!, at: r, cells: [...cs, h, r], count: closest(cs, h, r), households: h, either: cs });
        }
        continue;
      }
      // The annex's start and end rates over their own households are checked above.
      if ((s.key === 'rate_start' && hhKey === 'households_start') || (s.key === 'rate_end' && hhKey === 'households_end')) continue;
      visitRates(ctx, visit, s.key, countKey, hhKey, !['start', 'end', 'point'].includes(s.point.time));
    }
    // The rates of a rate's breakdown and "of which" rows (`- Hộ nghèo về tiêu chí thu nhập`: its count and its
    // rate beside it), over the same households.
    for (const { rate, count, hhKey, flow } of partRatesOf(annex)) visitRates(ctx, visit, rate, count, hhKey, flow);
  },
  check(r, ctx) {
    if (r.which === undefined) return checkOther(r, ctx);
    const dp = annexRateDecimals(ctx.annex);
    // Whole counts and a printed rate (the common case): exact in integers (read from the store when it can).
    if (matchesInIntegers(r.q ?? { count: r.count, households: r.households, rate: r.at }, dp)) {
      ctx.checked('rate');
      return;
    }
    const printed = r.at;
    const exact = exactRate(r.count.num, r.households.num);
    if (!exact) return overNoHouseholds(r, ctx);
    ctx.checked('rate');
    if (matchesPrinted(printed, exact, dp)) return;
    const expected = plain(exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP), dp);
    let startDenominator = false;
    if (r.which === 'rate_end') {
      const h0 = ctx.annex.values.get(r.unit.id, 'households_start');
      const alt = isOk(h0) ? exactRate(r.count.num, h0.num) : undefined;
      startDenominator = !!alt && matchesPrinted(printed, alt, dp);
    }
    ctx.report({
      rule: 'rate',
      severity: 'error',
      at: printed.cell,
      unit: r.unit.name,
      indicator: r.which,
      expected,
      actual: printed.plain,
      msg: {
        id: 'rate.mismatch',
        params: {
          unit: r.unit.name,
          indicator: r.which,
          poor: r.count.plain,
          households: r.households.plain,
          exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1 /* ROUND_DOWN */), EXACT_SHOWN),
          expected,
          actual: printed.plain,
          ...(startDenominator ? { startDenominator } : {}),
          ...(dp !== RATE_DECIMALS ? { decimals: dp } : {}),
        },
      },
    });
  },
  form(r): Form | undefined {
    // A flow's rate over households within 5 % of the table's is another denominator, not a slip: no check.
    if (r.flow && !matchesAt(r) && nearDenominator(r.count.num, r.at.num, r.at.decimals ?? 0, r.households.num)) return undefined;
    return { type: 'rate', r: r.at.cell.ref, p: r.count.cell.ref, h: r.households.cell.ref, minDp: r.which ? (r.annexDp ?? RATE_DECIMALS) : 0 };
  },
});

/**
 * A rate of the vocabulary at the precision printed. A flow's rate that fits households within 5 % of the
 * table's is over another denominator (the households at the start of the year): a `denominator` warning.
 */
function checkOther(r: RateRelation, ctx: RuleContext): void {
  const printed = r.at;
  if (r.either && r.either.some((c) => matchesAt({ ...r, count: c }))) {
    ctx.checked('rate');
    return;
  }
  const exact = exactRate(r.count.num, r.households.num);
  if (!exact) return overNoHouseholds(r, ctx);
  ctx.checked('rate');
  const dp = printed.decimals ?? 0;
  const rounded = exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
  if (rounded.eq(printed.num)) return;
  const base = { unit: r.unit.name, indicator: printed.indicator, count: r.count.plain, households: r.households.plain, exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN), expected: plain(rounded, dp), actual: printed.plain };
  const implied = impliedHouseholds(r.count.num, printed.num, dp);
  const near = r.flow && nearDenominator(r.count.num, printed.num, dp, r.households.num);
  const where = { at: printed.cell, unit: r.unit.name, indicator: printed.indicator, expected: base.expected, actual: printed.plain };
  if (near) {
    ctx.report({ rule: 'denominator', severity: 'warning', ...where, msg: { id: 'denominator.flow-rate', params: { ...base, impliedLo: plain(implied!.lo), ...(implied!.hi ? { impliedHi: plain(implied!.hi) } : {}) } } });
    return;
  }
  // An exit's rate over the poor (or near-poor) households, not over all households: a share of them.
  const share = r.flow && implied ? shareOf(ctx.annex, r.unit, { count: r.count, rate: printed, flow: true }) : undefined;
  if (share && nearDenominator(r.count.num, printed.num, dp, share.base)) {
    const pair = { unit: r.unit.name, count: r.count.cell.ref, rate: printed.cell.ref, flowLo: plain(implied!.lo), ...(implied!.hi ? { flowHi: plain(implied!.hi) } : {}), commonLo: r.households.plain, commonHi: r.households.plain };
    ctx.report({ rule: 'denominator', severity: 'warning', ...where, msg: { id: 'implied-households.flow-share', params: flowShareParams(pair, share) } });
    return;
  }
  ctx.report({ rule: 'rate', severity: 'error', ...where, msg: { id: 'rate.mismatch-of', params: { ...base, countIndicator: r.count.indicator, householdsIndicator: r.households.indicator, decimals: dp } } });
}

/**
 * A rate over 0 households. With a count of 0 too (0 / 0: a unit with no households, as a commune merged away) the
 * only rate to print is 0 or none: a printed 0 is checked, any other figure is an error. A count above 0 over no
 * households is `range`'s (a count larger than its households): nothing to add here.
 */
function overNoHouseholds(r: RateRelation, ctx: RuleContext): void {
  if (!r.count.num.isZero()) return;
  ctx.checked('rate');
  const printed = r.at;
  if (printed.num.isZero()) return;
  ctx.report({
    rule: 'rate',
    severity: 'error',
    at: printed.cell,
    unit: r.unit.name,
    indicator: printed.indicator,
    expected: '0',
    actual: printed.plain,
    msg: { id: 'rate.no-households', params: { unit: r.unit.name, indicator: printed.indicator, countIndicator: r.count.indicator, householdsIndicator: r.households.indicator, actual: printed.plain } },
  });
}

/** Whether a rate fits households within 5 % of `h`: the same households at another time of the year. */
function nearDenominator(count: Dec, rate: Dec, dp: number, h: Dec): boolean {
  const implied = impliedHouseholds(count, rate, dp);
  return implied !== undefined && implied.lo.lte(h.mul('1.05')) && (implied.hi === undefined || implied.hi.gte(h.mul('0.95')));
}

/** Whether a rate of the vocabulary is its count over its households at the precision printed. */
function matchesAt(r: RateRelation): boolean {
  return printedAs(r.count.num, r.households.num, r.at.num, r.at.decimals ?? 0) !== false;
}

/** Of the counts a rate may be of, the one whose rate lies nearest the printed one. */
function closest(counts: readonly OkValue[], h: OkValue, r: OkValue): OkValue {
  let best = counts[0]!;
  let gap: Dec | undefined;
  for (const c of counts) {
    const x = exactRate(c.num, h.num);
    const d = x?.minus(r.num).abs();
    if (d !== undefined && (gap === undefined || d.lt(gap))) [best, gap] = [c, d];
  }
  return best;
}
