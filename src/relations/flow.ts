/**
 * flow (net balance): poor households at the end = at the start − reduced during the year, per unit; and
 * the same for any other population (near-poor …) or dimension the table prints a net reduction for.
 */
import { plain } from '../calc/decimal.js';
import { intOf, type ScaledValue } from '../calc/scaled.js';
import { ref, sub } from '../model/expr.js';
import { carries, usable, type OkValue } from '../rules/types.js';
import { isAnnexShaped, type Indicator } from '../model/indicators.js';
import type { Annex, Unit, ValueStore } from '../model/annex.js';
import { IN_FLOWS, OUT_FLOWS } from '../model/vocabulary.js';
import { defineKind, type Relation } from './types.js';
import { allNumbers, ColumnRow, columnsOf, slotIndexes, wholeAt } from './columns.js';
import { unitIdsIn } from './scope.js';
import { carriesSlot, okStart, okValue, seriesChange, skipUnprintedBases, slotFor, vocabularySlots, yearStart, type YearStart } from './slots.js';

export interface FlowRelation extends Relation {
  readonly start: OkValue;
  readonly reduced: OkValue;
  /** Not the annex's poor households (worded with the end slot's name). */
  readonly other?: boolean;
  /** A series by year: the start is last year's value (worded with the names of the start and the reduction). */
  readonly series?: boolean;
  /** The integers and decimals the check decides on (calc/scaled.ts): start, reduced, end. */
  readonly q: readonly [ScaledValue, ScaledValue, ScaledValue];
}

const FLOW = ['poor_start', 'poor_reduced', 'poor_end'] as const;

/**
 * The annex's flow when its three figures are numbers read as integers from the store (`readScaled`): its
 * `Value`s are made when first asked (a finding, locate's form), never for a flow that holds.
 */
class ColumnFlow implements FlowRelation {
  #cells: readonly OkValue[] | undefined;
  constructor(
    private readonly values: ValueStore,
    readonly unit: Unit,
    readonly q: readonly [ScaledValue, ScaledValue, ScaledValue],
  ) {}

  get cells(): readonly OkValue[] {
    return (this.#cells ??= FLOW.map((ind) => this.values.get(this.unit.id, ind) as OkValue));
  }

  /** Its cells are its unit's. */
  unitIds(): readonly number[] {
    return [this.unit.id];
  }

  get start(): OkValue {
    return this.cells[0]!;
  }

  get reduced(): OkValue {
    return this.cells[1]!;
  }

  get at(): OkValue {
    return this.cells[2]!;
  }
}

/** The three figures' integers from the store, or undefined as soon as one is not a number held so. */
function flowRead(values: ValueStore, unit: number): [ScaledValue, ScaledValue, ScaledValue] | undefined {
  const s = values.readScaled(unit, 'poor_start');
  const d = s && values.readScaled(unit, 'poor_reduced');
  const e = d && values.readScaled(unit, 'poor_end');
  return e ? [s, d, e] : undefined;
}

/** Whole counts (the common case): end = start − reduced, exact in integers, no decimal object. */
function balancesInIntegers(q: readonly [ScaledValue, ScaledValue, ScaledValue]): boolean {
  return balances(intOf(q[0]), intOf(q[1]), intOf(q[2]));
}

const balances = (s: number | undefined, d: number | undefined, e: number | undefined): boolean => s !== undefined && d !== undefined && e !== undefined && s - d === e;

/** balancesInIntegers on a long table's columns (`row`, read for the unit; `at`: the slot indexes of start, reduced, end). */
function balancesInColumns(row: ColumnRow, at: readonly number[]): boolean {
  return allNumbers(row, at) && balances(wholeAt(row, at[0]!, undefined), wholeAt(row, at[1]!, undefined), wholeAt(row, at[2]!, undefined));
}

/** Whether the table prints gross flows (households that left, came back, fell into poverty). */
function grossFlows(annex: Annex): boolean {
  return vocabularySlots(annex).some((s) => (OUT_FLOWS as readonly string[]).includes(s.point.time) || (IN_FLOWS as readonly string[]).includes(s.point.time));
}

/** Another population's end of the year, or a series by year, with the start and the net reduction the table prints for it. */
interface OtherFlow {
  readonly key: Indicator;
  readonly series: boolean;
  readonly reducedKey: Indicator;
  readonly from: YearStart;
}

/** The table's other flows (beyond the annex's poor households): what the check compares without the annex's three. */
function otherFlowsOf(annex: Annex): OtherFlow[] {
  const out: OtherFlow[] = [];
  for (const s of vocabularySlots(annex)) {
    if (s.point.measure !== 'count' || s.point.role !== 'value' || s.key === 'poor_end') continue;
    // Another population's end of the year, or a series by year: last year's count (or the year the reduction
    // names, or the earlier of two) is this year's start.
    const series = s.point.time === 'point';
    const change = series ? seriesChange(annex, s, { time: 'reduced' }) : undefined;
    const reducedKey = change ? change.reduced : slotFor(s, { time: 'reduced' });
    // An end of the year starts from the year's start, or last year's end where a unit leaves that blank.
    const from: YearStart = change ? { start: change.start } : s.point.time === 'end' ? yearStart(annex, s) : { start: undefined };
    if (carriesSlot(annex, from.start) && carriesSlot(annex, reducedKey)) out.push({ key: s.key, series, reducedKey, from });
  }
  return out;
}

/** Whether the table prints a net reduction of some population (`beyond`: other than the annex's poor households). */
function netReductions(annex: Annex, beyond = false): boolean {
  return vocabularySlots(annex).some((s) => s.point.time === 'reduced' && s.point.measure === 'count' && s.point.role === 'value' && !(beyond && s.key === 'poor_reduced'));
}

export const flowKind = defineKind<FlowRelation>({
  id: 'flow',
  relation: 'net-balance',
  severity: 'error',
  needs: [['poor_start', 'poor_reduced', 'poor_end']],
  // Without the annex's three: the table's other flows, or another population's reduction (its base year may be
  // unprinted: said under "not checked"). The annex's reduction alone, its end of year absent, has nothing to compare.
  applies: (annex) => otherFlowsOf(annex).length > 0 || netReductions(annex, true),
  perUnit: true,
  localised: true,
  annex: true,
  // A table of gross flows (thoát nghèo, tái nghèo …) without a net reduction balances by `balance` instead.
  applicable: (annex) => annex.indicators.includes('poor_reduced') || (isAnnexShaped(annex.indicators) && !grossFlows(annex)) || netReductions(annex),
  each(ctx, visit, checking) {
    const { annex } = ctx;
    const stored = carries(annex, FLOW);
    // A long table's columns, when only checking: a flow that holds makes nothing at all.
    const cols = checking && stored ? columnsOf(annex.values) : undefined;
    const at = cols && slotIndexes(cols, FLOW);
    const row = at ? new ColumnRow(cols!) : undefined;
    for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
      const id = ids.list ? ids.list[nth]! : nth;
      if (row && balancesInColumns(row.read(id), at!)) {
        ctx.checked('flow');
        continue;
      }
      // Every figure a number held as an integer (the common case): no Value made; when the instances are
      // only checked, no relation either for a flow that holds in integers (the check's first test).
      const q = stored ? flowRead(annex.values, id) : undefined;
      const unit = annex.units.at(id)!;
      if (q) {
        if (checking && balancesInIntegers(q)) {
          ctx.checked('flow');
        } else visit(new ColumnFlow(annex.values, unit, q));
        continue;
      }
      const v = usable(ctx, 'flow', unit, FLOW);
      if (v) visit({ unit, at: v.poor_end, cells: [v.poor_start, v.poor_reduced, v.poor_end], start: v.poor_start, reduced: v.poor_reduced, q: [v.poor_start, v.poor_reduced, v.poor_end] });
    }
    for (const { key, series, reducedKey, from } of otherFlowsOf(annex)) {
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, key);
        const start = okStart(annex, id, from);
        const reduced = okValue(annex, id, reducedKey);
        if (at && start && reduced) visit({ unit: annex.units.at(id)!, at, cells: [start, reduced, at], start, reduced, other: true, series, q: [start, reduced, at] });
      }
    }
    skipUnprintedBases(ctx, 'flow', 'count', { time: 'reduced' });
  },
  check(r, ctx) {
    ctx.checked('flow');
    if (balancesInIntegers(r.q)) return;
    const expected = r.start.num.minus(r.reduced.num);
    if (expected.eq(r.at.num)) return;
    if (r.other) {
      ctx.report({
        rule: 'flow',
        severity: 'error',
        at: r.at.cell,
        unit: r.unit.name,
        indicator: r.at.indicator,
        expected: plain(expected),
        actual: r.at.plain,
        msg: {
          id: 'flow.mismatch-of',
          params: {
            unit: r.unit.name,
            indicator: r.at.indicator,
            start: r.start.plain,
            reduced: r.reduced.plain,
            expected: plain(expected),
            actual: r.at.plain,
            ...(r.series ? { startIndicator: r.start.indicator, reducedIndicator: r.reduced.indicator } : {}),
          },
        },
      });
      return;
    }
    ctx.report({
      rule: 'flow',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: 'poor_end',
      expected: plain(expected),
      actual: r.at.plain,
      msg: {
        id: 'flow.mismatch',
        params: { unit: r.unit.name, start: r.start.plain, reduced: r.reduced.plain, expected: plain(expected), actual: r.at.plain },
      },
    });
  },
  form: (r) => ({ type: 'eq', expr: sub(ref(r.at.cell.ref), sub(ref(r.start.cell.ref), ref(r.reduced.cell.ref))) }),
});
