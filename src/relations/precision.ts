/**
 * precision: a rate printed with fewer decimals than the table's other rates (`16,5` among two-decimal
 * rates; `5,0` among `4,76`, `9,76`). Rates are checked at the precision they are printed with, so the value
 * is not an error; but a trailing digit dropped by a spreadsheet cannot be told from a value rounded to one
 * decimal, which hides a difference of up to 0,05: a warning. A workbook's number counts as printed as its
 * format shows it (General shows 16,5 for 16,50). The annex's own rates are checked at ≥ 2 decimals by `rate`
 * and `rate-change` where the unit prints what they need; where it does not (a fall `1,6` against a year the
 * table does not print), they are counted here like any other rate.
 */
import { tallyDecimals, usualDecimals, type DecimalsTally } from '../model/decimals.js';
import { describeIndicator } from '../model/vocabulary.js';
import { isCoreIndicator, RATE_INDICATORS } from '../model/indicators.js';
import type { Annex } from '../model/annex.js';
import { indicatorOf } from '../model/slots.js';
import type { Indicator } from '../model/indicators.js';
import { isOk, type OkValue } from '../rules/types.js';
import { defineKind, type Relation } from './types.js';
import { carriesSlot, ofIndicators, okValue, slotFor, vocabularySlots } from './slots.js';
import { columnsOf } from './columns.js';
import type { LongTable } from '../model/long-table.js';

export interface PrecisionRelation extends Relation {
  readonly usual: number;
  /** An annex rate the table gives nothing to recompute from (typedRates counts the annex's rates only then). */
  readonly unchecked: boolean;
}

/** The decimals most of the table's typed rates have (ties: the larger). */
function usualOf(rates: readonly OkValue[]): number | undefined {
  const tally: DecimalsTally = new Map();
  for (const v of rates) tallyDecimals(tally, v.decimals ?? 0);
  return usualDecimals(tally);
}

export const precisionKind = defineKind<PrecisionRelation>({
  id: 'precision',
  relation: 'precision',
  severity: 'warning',
  needs: [],
  perUnit: false,
  localised: false,
  applicable: (annex) => typedRates(annex).length >= 3,
  *instances(ctx) {
    const { annex } = ctx;
    const rates = typedRates(annex);
    const usual = rates.length >= 3 ? usualOf(rates) : undefined;
    if (usual === undefined) return;
    for (const v of rates) yield { unit: annex.units.at(v.unit)!, at: v, cells: [v], usual, unchecked: isCoreIndicator(v.indicator) };
  },
  check(r, ctx) {
    ctx.checked('precision');
    const d = r.at.decimals ?? 0;
    if (d >= r.usual) return;
    ctx.report({
      rule: 'precision',
      severity: 'warning',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      actual: r.at.plain,
      msg: { id: 'precision.fewer', params: { unit: r.unit.name, indicator: r.at.indicator, actual: r.at.plain, decimals: d, usual: r.usual, ...(r.unchecked ? { unchecked: true } : {}) } },
    });
  },
  form: () => undefined,
});

/**
 * The rates checked at their printed precision: the table's own rates and falls, and the annex's rates where the
 * unit lacks what `rate` or `rate-change` would check them with at ≥ 2 decimals.
 */
function typedRates(annex: Annex): readonly OkValue[] {
  let rates = typedOf.get(annex);
  if (!rates) typedOf.set(annex, (rates = findTypedRates(annex)));
  return rates;
}

/** typedRates once per table: `applicable` and `instances` both ask, and a long annex visits every unit. */
const typedOf = new WeakMap<Annex, readonly OkValue[]>();

function findTypedRates(annex: Annex): OkValue[] {
  // Rates and falls in points of the table itself (targets and achievements are stated at their own precision).
  const slots = ofIndicators(annex, 'typed-rates', () =>
    annex.indicators.filter((k) => {
      const p = describeIndicator(indicatorOf(k));
      return !isCoreIndicator(k) && p !== undefined && p.role === 'value' && (p.measure === 'rate' || p.measure === 'points');
    }),
  );
  const core = RATE_INDICATORS.filter((k) => carriesSlot(annex, k));
  const rates: OkValue[] = [];
  // The annex's own rates only, each checked where printed, and no other rate slot: no unit to visit.
  if (slots.length === 0 && core.length === 0) return rates;
  const counts = countSlots(annex);
  const printed = core.length > 0 ? new Printed(annex) : undefined;
  const unchecked = uncheckedOf(core);
  for (let unit = 0; unit < annex.units.length; unit++) {
    const bits = printed ? unchecked[printed.mask(unit)]! : 0;
    if (bits !== 0) {
      for (const k of core) {
        if ((bits & RATE_BIT[k]) === 0) continue;
        const v = okValue(annex, unit, k);
        if (v) rates.push(v);
      }
    }
    for (const k of slots) {
      const v = annex.values.get(unit, k);
      // A rate of 0 over a count of 0 is exactly 0 however it is printed: no digit can have been dropped; without
      // its count, `0` is how the statistical tables print none (Bình Dương's 0 among 0,2 and 0,4). (Read from the
      // plain digits: a long table's values make no decimal object unless asked.)
      if (!isOk(v)) continue;
      const count = okValue(annex, unit, counts.get(k));
      if (!(isZero(v) && (count === undefined || isZero(count)))) rates.push(v);
    }
  }
  return rates;
}

/** The slots `annexChecks` asks about, each a bit of `Printed.mask` (by its index here). */
const ASKED = ['rate_start', 'rate_end', 'rate_reduced', 'poor_start', 'poor_end', 'households_start', 'households_end', 'households'] as const;
const [RATE_START, RATE_END, RATE_REDUCED, POOR_START, POOR_END, HOUSEHOLDS_START, HOUSEHOLDS_END, HOUSEHOLDS] = ASKED.map((_, i) => 1 << i) as [number, number, number, number, number, number, number, number];

/** The bits of a side of the annex's fall: its rate, its count, the households it may be over (of its time, at the start, without a time). */
const SIDES = {
  start: { rate: RATE_START, poor: POOR_START, households: HOUSEHOLDS_START | HOUSEHOLDS },
  end: { rate: RATE_END, poor: POOR_END, households: HOUSEHOLDS_END | HOUSEHOLDS_START | HOUSEHOLDS },
} as const;

/** An annex rate's bit. */
const RATE_BIT = { rate_start: RATE_START, rate_end: RATE_END, rate_reduced: RATE_REDUCED } as const;

/** Per set of annex rates a table carries (their bits), `uncheckedOf`'s table, made once. */
const UNCHECKED: Array<Uint8Array | undefined> = [];

/**
 * Per mask of printed slots (`Printed.mask`), the bits of the annex rates of `core` printed and checked by nothing
 * else (`annexChecks`): a lookup per unit.
 */
function uncheckedOf(core: readonly (typeof RATE_INDICATORS)[number][]): Uint8Array {
  const carried = core.reduce((bits, k) => bits | RATE_BIT[k], 0);
  return (UNCHECKED[carried] ??= Uint8Array.from({ length: 1 << ASKED.length }, (_, m) =>
    core.reduce((bits, k) => ((m & RATE_BIT[k]) !== 0 && !annexChecks(m, k) ? bits | RATE_BIT[k] : bits), 0),
  ));
}

/**
 * Which of the `ASKED` slots of a unit hold a usable number, as bits: a long table's read from its columns' status
 * bytes (no `Value`, no string: a national table visits a million units), else from the store's integers or values.
 * A slot the table does not carry is never printed.
 */
class Printed {
  private readonly cols: LongTable | undefined;
  /** Per `ASKED` slot: its index in the columns, -1 when it is not a column, -2 when the table does not carry it. */
  private readonly index: Int32Array;

  constructor(private readonly annex: Annex) {
    this.cols = columnsOf(annex.values);
    this.index = Int32Array.from(ASKED, (k) => (!carriesSlot(annex, k) ? -2 : this.cols ? this.cols.slotIndex(k) : -1));
  }

  mask(unit: number): number {
    let m = 0;
    for (let i = 0; i < ASKED.length; i++) {
      const s = this.index[i]!;
      if (s === -2) continue;
      const held = s >= 0 ? this.cols!.holdsIn(unit, s) : -1;
      if (held === 1 || (held === -1 && this.slow(unit, ASKED[i]!))) m |= 1 << i;
    }
    return m;
  }

  private slow(unit: number, k: Indicator): boolean {
    return this.annex.values.readScaled(unit, k) !== undefined || okValue(this.annex, unit, k) !== undefined;
  }
}

/** Whether the unit prints a side of the annex's fall: its rate, or the count and households it is computed from. */
function annexSide(m: number, side: 'start' | 'end'): boolean {
  const s = SIDES[side];
  return (m & s.rate) !== 0 || ((m & s.poor) !== 0 && (m & s.households) !== 0);
}

/**
 * Whether `rate` or `rate-change` checks the unit's annex rate `k` at ≥ 2 decimals (`m`: the unit's printed slots):
 * over its count and households, or as a term of a printed fall whose other side the unit prints.
 */
function annexChecks(m: number, k: (typeof RATE_INDICATORS)[number]): boolean {
  if (k === 'rate_reduced') return annexSide(m, 'start') && annexSide(m, 'end');
  const [side, other] = k === 'rate_start' ? (['start', 'end'] as const) : (['end', 'start'] as const);
  const overCount = (m & SIDES[side].poor) !== 0 && (m & SIDES[side].households) !== 0;
  return overCount || ((m & RATE_REDUCED) !== 0 && annexSide(m, other));
}

const isZero = (v: OkValue | undefined): boolean => v !== undefined && /^-?0(?:\.0*)?$/.test(v.plain);

/** Each rate slot of the vocabulary's count slot (`Tỷ lệ hộ nghèo` → `Số hộ nghèo`), when the table has one. */
const countSlots = (annex: Annex): ReadonlyMap<Indicator, Indicator | undefined> =>
  ofIndicators(annex, 'rate-counts', () => new Map(vocabularySlots(annex).filter((s) => s.point.measure === 'rate').map((s) => [s.key, slotFor(s, { measure: 'count' })])));
