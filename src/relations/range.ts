/**
 * range: counts are whole and not negative; poor households never exceed all households; no more are
 * reduced than there were; rates lie within 0–100 (the reduction within −100–100). A negative
 * reduction is a warning: the figure is net, and poverty can grow, but the sign is a common slip.
 * The bounds that hold also bound what locate may propose (guards).
 */
import { compareAt, withinAt, type ScaledValue } from '../calc/scaled.js';
import { ColumnRow, columnsOf, slotIndexes } from './columns.js';
import { COUNT_INDICATORS, isCoreIndicator, type Indicator } from '../model/indicators.js';
import type { Annex, Unit, ValueStore } from '../model/annex.js';
import { householdsSlot, isNetReduction, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { parseSlot } from '../model/slots.js';
import { describeIndicator, supersetOf } from '../model/vocabulary.js';
import { num, ref } from '../model/expr.js';
import { isOk, type OkValue } from '../rules/types.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Form, type Relation } from './types.js';

/** `q`: the integer and decimals the check decides on (calc/scaled.ts); `ofQ` the whole's. */
export type RangeRelation = Relation & { readonly q: ScaledValue } & (
    | { readonly type: 'count'; readonly indicator: Indicator }
    | { readonly type: 'exceeds'; readonly part: Indicator; readonly whole: Indicator; readonly of: OkValue; readonly ofQ: ScaledValue }
    | { readonly type: 'rate'; readonly indicator: Indicator; readonly min: string; readonly max: string }
  );

/**
 * A bound on a unit's numbers read as integers from the store (`ValueStore.readScaled`): their `Value`s (`at`,
 * `of`, `cells`) are made when first asked (a finding, locate's forms), never for a bound that holds.
 */
class ColumnBound {
  #at: OkValue | undefined;
  #of: OkValue | undefined;

  constructor(
    private readonly values: ValueStore,
    readonly unit: Unit,
    private readonly slot: Indicator,
    readonly q: ScaledValue,
    private readonly ofSlot?: Indicator,
    readonly ofQ?: ScaledValue,
  ) {}

  get at(): OkValue {
    return (this.#at ??= this.values.get(this.unit.id, this.slot) as OkValue);
  }

  get of(): OkValue {
    return (this.#of ??= this.values.get(this.unit.id, this.ofSlot!) as OkValue);
  }

  get cells(): readonly OkValue[] {
    return this.ofSlot === undefined ? [this.at] : [this.at, this.of];
  }
}

class CountBound extends ColumnBound {
  readonly type = 'count' as const;
  constructor(values: ValueStore, unit: Unit, readonly indicator: Indicator, q: ScaledValue) {
    super(values, unit, indicator, q);
  }
}

class ExceedsBound extends ColumnBound {
  readonly type = 'exceeds' as const;
  declare readonly ofQ: ScaledValue;
  constructor(values: ValueStore, unit: Unit, readonly part: Indicator, readonly whole: Indicator, q: ScaledValue, ofQ: ScaledValue) {
    super(values, unit, part, q, whole, ofQ);
  }
}

class RateBound extends ColumnBound {
  readonly type = 'rate' as const;
  constructor(values: ValueStore, unit: Unit, readonly indicator: Indicator, q: ScaledValue, readonly min: string, readonly max: string) {
    super(values, unit, indicator, q);
  }
}

const RATES = ['rate_start', 'rate_reduced', 'rate_end'] as const;
/** Each rate's lower bound (a reduction in points may be negative). */
const RATE_MIN = RATES.map((ind) => (ind === 'rate_reduced' ? '-100' : '0'));
/** RATE_MIN as numbers (rateWithin's bounds, converted once). */
const RATE_BOUNDS = RATE_MIN.map(Number);

/** A part and its whole, with their indexes in COUNT_INDICATORS. */
const PARTS = (
  [
    ['poor_start', 'households_start'],
    ['poor_end', 'households_end'],
    ['poor_reduced', 'poor_start'],
  ] as const
).map(([part, whole]) => [part, whole, COUNT_INDICATORS.indexOf(part), COUNT_INDICATORS.indexOf(whole)] as const);

/** A whole count of zero or more (the common case): nothing to say. `scaled` NaN: not a number held so. */
const wholeCount = (scaled: number | undefined, decimals: number): boolean => scaled !== undefined && scaled >= 0 && decimals === 0;

/** The part (× 10^pd) is at most its whole (× 10^wd), or negative (which the count's own bound reports). */
function partWithinWhole(p: number | undefined, pd: number, w: number | undefined, wd: number): boolean {
  const c = p === undefined || w === undefined ? undefined : compareAt(p, pd, w, wd);
  return (c !== undefined && c <= 0) || (p !== undefined && p < 0);
}

/** Whether a rate lies within its bounds (`min`, `max`: "-100", "0", "100"), decided in integers. */
const rateWithin = (scaled: number, decimals: number, min: string, max: string): boolean => withinAt(scaled, decimals, Number(min), Number(max)) === true;

/**
 * Whether every bound on the annex's figures of a unit holds, read from a long table's columns (`row`, read for
 * the unit; `ci`, `ri`: the slot indexes of COUNT_INDICATORS and RATES): the tests `check` starts with, on the
 * same integers.
 */
function coreHolds(row: ColumnRow, ci: readonly number[], ri: readonly number[]): boolean {
  const { scaled, decimals } = row;
  for (let k = 0; k < ci.length; k++) if (!wholeCount(scaled[ci[k]!], decimals[ci[k]!]!)) return false;
  for (let k = 0; k < PARTS.length; k++) {
    const part = PARTS[k]!;
    if (!partWithinWhole(scaled[ci[part[2]]!], 0, scaled[ci[part[3]]!], 0)) return false;
  }
  for (let k = 0; k < RATES.length; k++) {
    const x = scaled[ri[k]!]!;
    if (Number.isNaN(x) || withinAt(x, decimals[ri[k]!]!, RATE_BOUNDS[k]!, 100) !== true) return false;
  }
  return true;
}

export const rangeKind = defineKind<RangeRelation>({
  id: 'range',
  relation: 'range',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: false,
  guard: true,
  unkept: true,
  annex: true,
  each(ctx, visit, checking) {
    const others = [...vocabularySlots(ctx.annex).filter((sl) => !isCoreIndicator(sl.key)), ...subSlotInfos(ctx.annex)];
    const values = ctx.annex.values;
    // A bound that holds on the store's integers is not made when the instances are only checked
    // (`checking`): the check's own first tests (`wholeCount`, `partWithinWhole`, `rateWithin`) decide it.
    const held = () => {
      ctx.checked('range');
    };
    const counts: Array<ScaledValue | undefined> = [];
    // A long table's columns, when only checking: a unit whose bounds all hold makes nothing at all.
    const cols = checking ? columnsOf(values) : undefined;
    const ci = cols && slotIndexes(cols, COUNT_INDICATORS);
    const ri = cols && slotIndexes(cols, RATES);
    const row = ci && ri ? new ColumnRow(cols!) : undefined;
    // Each value read as an integer from the store where it can (no Value made for a bound that holds).
    for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
      const id = ids.list ? ids.list[nth]! : nth;
      if (row && coreHolds(row.read(id), ci!, ri!)) {
        held();
        if (others.length > 0) vocabularyBounds(ctx.annex, ctx.annex.units.at(id)!, others, visit);
        continue;
      }
      const unit = ctx.annex.units.at(id)!;
      for (let k = 0; k < COUNT_INDICATORS.length; k++) counts[k] = values.readScaled(unit.id, COUNT_INDICATORS[k]!);
      for (let k = 0; k < COUNT_INDICATORS.length; k++) {
        const ind = COUNT_INDICATORS[k]!;
        const q = counts[k];
        if (q) {
          if (checking && wholeCount(q.scaled, q.decimals ?? 0)) held();
          else visit(new CountBound(values, unit, ind, q));
        } else {
          const x = values.get(unit.id, ind);
          if (isOk(x)) visit({ type: 'count', unit, at: x, cells: [x], indicator: ind, q: x });
        }
      }
      for (const [part, whole, pk, wk] of PARTS) {
        const q = counts[pk];
        const ofQ = q && counts[wk];
        if (q && ofQ) {
          if (!(checking && partWithinWhole(q.scaled, q.decimals ?? 0, ofQ.scaled, ofQ.decimals ?? 0))) visit(new ExceedsBound(values, unit, part, whole, q, ofQ));
        } else {
          const p = values.get(unit.id, part);
          const w = values.get(unit.id, whole);
          if (isOk(p) && isOk(w)) visit({ type: 'exceeds', unit, at: p, cells: [p, w], part, whole, of: w, q: p, ofQ: w });
        }
      }
      for (let k = 0; k < RATES.length; k++) {
        const ind = RATES[k]!;
        const min = RATE_MIN[k]!;
        const q = values.readScaled(unit.id, ind);
        if (q) {
          if (checking && q.scaled !== undefined && rateWithin(q.scaled, q.decimals ?? 0, min, '100')) held();
          else visit(new RateBound(values, unit, ind, q, min, '100'));
        } else {
          const x = values.get(unit.id, ind);
          if (isOk(x)) visit({ type: 'rate', unit, at: x, cells: [x], indicator: ind, min, max: '100', q: x });
        }
      }
      if (others.length > 0) vocabularyBounds(ctx.annex, unit, others, visit);
    }
  },
  check(r, ctx) {
    // Decided on the integers (`q`) when they allow it; the Values are read only past that.
    const q = r.q;
    if (r.type === 'exceeds') {
      if (partWithinWhole(q.scaled, q.decimals ?? 0, r.ofQ.scaled, r.ofQ.decimals ?? 0)) return;
      const x = r.at;
      const unit = r.unit.name;
      if (x.num.lte(r.of.num) || x.num.isNegative()) return;
      ctx.report({
        rule: 'range',
        severity: 'error',
        at: x.cell,
        unit,
        indicator: r.part,
        actual: x.plain,
        msg: { id: 'range.exceeds', params: { unit, part: r.part, partValue: x.plain, whole: r.whole, wholeValue: r.of.plain } },
      });
      return;
    }
    ctx.checked('range');
    if (r.type === 'rate') {
      if (q.scaled !== undefined && rateWithin(q.scaled, q.decimals ?? 0, r.min, r.max)) return;
      const x = r.at;
      const unit = r.unit.name;
      if (x.num.gte(r.min) && x.num.lte(r.max)) return;
      ctx.report({
        rule: 'range',
        severity: 'error',
        at: x.cell,
        unit,
        indicator: r.indicator,
        actual: x.plain,
        msg: { id: 'range.rate', params: { unit, indicator: r.indicator, actual: x.plain, min: r.min, max: r.max } },
      });
      return;
    }
    if (wholeCount(q.scaled, q.decimals ?? 0)) return;
    const x = r.at;
    const unit = r.unit.name;
    const base = { rule: 'range' as const, at: x.cell, unit, indicator: r.indicator, actual: x.plain };
    if (x.num.isNegative()) {
      // A net reduction below zero is a rise (poverty grew: 2022's re-review), of the poor or of any other population.
      // The poor's is said without naming them (the annex's own message).
      if (isNetReduction(r.indicator)) ctx.report({ ...base, severity: 'warning', msg: { id: 'range.reduced-negative', params: { unit, actual: x.plain, ...(r.indicator === 'poor_reduced' ? {} : { indicator: r.indicator }) } } });
      else ctx.report({ ...base, severity: 'error', msg: { id: 'range.negative', params: { unit, indicator: r.indicator, actual: x.plain } } });
    } else if (!x.num.isInteger()) {
      ctx.report({ ...base, severity: 'error', msg: { id: 'range.fraction', params: { unit, indicator: r.indicator, actual: x.plain } } });
    }
  },
  form(r): Form | readonly Form[] {
    const x = ref(r.at.cell.ref);
    if (r.type === 'count') return { type: 'le', a: num(0), b: x };
    if (r.type === 'exceeds') return { type: 'le', a: x, b: ref(r.of.cell.ref) };
    return [
      { type: 'le', a: num(r.min), b: x },
      { type: 'le', a: x, b: num(r.max) },
    ];
  },
});


/**
 * The same bounds for the vocabulary's other slots: counts and persons whole and not negative (a net
 * reduction may be negative: a warning), a count of the poor or near-poor at most the households of its time,
 * rates within 0–100 and falls in points within −100–100. Achievements may exceed 100.
 */
/** The breakdown and "of which" rows' slots (`Số hộ nghèo: Dân tộc Dao`): bounded as their indicator is (a count is not negative). */
function subSlotInfos(annex: Annex): SlotInfo[] {
  const out: SlotInfo[] = [];
  for (const key of annex.subSlots?.keys() ?? []) {
    const parsed = parseSlot(key);
    const point = describeIndicator(parsed.indicator);
    if (point) out.push({ key, parsed, point });
  }
  return out;
}

/** The count `x` at most the whole `w` it is part of (its households; an ethnic-minority population's population). */
function exceeds(visit: (r: RangeRelation) => void, unit: Unit, part: Indicator, x: OkValue, w: OkValue | undefined): void {
  if (w) visit({ type: 'exceeds', unit, at: x, cells: [x, w], part, whole: w.indicator, of: w, q: x, ofQ: w });
}

function vocabularyBounds(annex: Annex, unit: Unit, slots: readonly SlotInfo[], visit: (r: RangeRelation) => void): void {
  for (const s of slots) {
    const x = okValue(annex, unit, s.key);
    if (!x) continue;
    const m = s.point.measure;
    if (s.point.role === 'achievement') {
      visit({ type: 'rate', unit, at: x, cells: [x], indicator: s.key, min: '0', max: '1000000', q: x });
    } else if (m === 'count' || m === 'persons') {
      visit({ type: 'count', unit, at: x, cells: [x], indicator: s.key, q: x });
      if (m === 'count' && s.point.role === 'value' && ['poor', 'near_poor', 'poor_near_poor'].includes(s.point.population) && ['start', 'end', 'point'].includes(s.point.time)) {
        const hh = householdsSlot(annex, s);
        exceeds(visit, unit, s.key, x, okValue(annex, unit, hh));
      }
      // An ethnic-minority population is part of the population it is of (Điện Biên: 48.121 ethnic-minority poor of
      // 47.336 poor households).
      const whole = m === 'count' && s.point.role === 'value' && s.point.population.startsWith('em_') ? supersetOf(s.point.population) : undefined;
      if (whole) exceeds(visit, unit, s.key, x, okValue(annex, unit, slotFor(s, { population: whole })));
    } else {
      const points = m === 'points' || s.point.role === 'target';
      visit({ type: 'rate', unit, at: x, cells: [x], indicator: s.key, min: points ? '-100' : '0', max: '100', q: x });
    }
  }
}
