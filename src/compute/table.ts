/**
 * The calculator: an Annex holding base counts → every cell of the annex, computed the annex's way
 * (calc/annex-math.ts), with the total as the sum of the units. Pure: no I/O, no wording.
 *
 * Base counts per unit: households_start, households_end, poor_start and poor_reduced (or poor_end).
 * Everything else is derived: the other of poor_reduced / poor_end, the three rates, and the total column.
 * Where the table states a derived value that differs from the computed one, the result carries the computed
 * value and lists the difference.
 */
import { PovcheckError, type ErrorParams } from '../errors.js';
import { labelPeriod } from './label-year.js';
import { Dec, zero } from '../calc/decimal.js';
import { annexRateDecimals, printedRateMatches, exactRate, rateReduction, RATE_DECIMALS, unitRate } from '../calc/annex-math.js';
import { INDICATORS, type CoreIndicator, type CountIndicator, type Indicator, indicatorKind } from '../model/indicators.js';
import { addingChildren, notReadColumns, notReadRows, type Annex, type NotReadColumns, type NotReadRows, type Unit, type Value } from '../model/annex.js';
import { displayRef, type Cell } from '../model/grid.js';
import { unitKey } from '../shape/normalize.js';
import type { TableData } from '../render/table-data.js';

/**
 * How the total is found:
 *  - `auto`: a unit labelled as the total (Toàn tỉnh, Tổng cộng, Total …); else the first unit when its base
 *    counts are exactly the sums of the others'; else a total is added as the sum of the units (when there
 *    are at least two);
 *  - `first`: the first unit is the total (as `validate` assumes);
 *  - `none`: only a labelled total; none is added.
 */
export type TotalMode = 'auto' | 'first' | 'none';

export type TotalSource = 'label' | 'sum-match' | 'first' | 'added';

export interface Difference {
  unit: Unit;
  indicator: Indicator;
  cell: Cell;
  /** Plain digits when the cell holds a number, else the text as typed. */
  stated: string;
  computed: Dec;
  /** Digits the computed value is printed with (rates of a published table); default: the annex's. */
  decimals?: number;
}

export interface BaseCounts {
  households_start: Dec;
  households_end: Dec;
  poor_start: Dec;
  /** Net reduction; undefined when the table gives neither poor_reduced nor poor_end (plan only). */
  poor_reduced?: Dec;
  /** Which of the two the reduction was read from. */
  reducedFrom?: 'poor_reduced' | 'poor_end';
}

export interface ComputedTable extends TableData {
  /** The units in table order; an added total is the last (renderers put the total first). */
  units: Unit[];
  total?: Unit;
  totalSource?: TotalSource;
  values: Array<Partial<Record<Indicator, Dec>>>;
  differences: Difference[];
}

const BASE: readonly CountIndicator[] = ['households_start', 'households_end', 'poor_start'];

/** The table must carry the three base counts and one of poor_reduced / poor_end. */
export function requireIndicators(annex: Annex, needReduced: boolean): void {
  const missing: CoreIndicator[] = BASE.filter((i) => !annex.indicators.includes(i));
  if (needReduced && !annex.indicators.includes('poor_reduced') && !annex.indicators.includes('poor_end')) missing.push('poor_reduced');
  if (missing.length > 0) throw new PovcheckError('CALC_INPUT', { reason: 'absent', indicators: missing });
}

const at = (v: Value) => ({ cell: displayRef(v.cell) });

function okValue(annex: Annex, unit: Unit, ind: CoreIndicator): Value & { num: Dec; plain: string } {
  const v = annex.values.get(unit.id, ind);
  if (!v || v.status !== 'ok' || !v.num || v.plain === undefined) {
    throw new PovcheckError('CALC_INPUT', { reason: 'value', unit: unit.name, indicator: ind, text: v?.text ?? '' }, v ? at(v) : {});
  }
  return v as Value & { num: Dec; plain: string };
}

function count(annex: Annex, unit: Unit, ind: CountIndicator, allowNegative = false): Value & { num: Dec; plain: string } {
  const v = okValue(annex, unit, ind);
  if (!v.num.isInteger()) throw new PovcheckError('CALC_INPUT', { reason: 'fraction', unit: unit.name, indicator: ind, text: v.text }, at(v));
  if (v.num.isNeg() && !allowNegative) throw new PovcheckError('CALC_INPUT', { reason: 'negative', unit: unit.name, indicator: ind, text: v.text }, at(v));
  return v;
}

const usableNumber = (v: Value | undefined): v is Value & { num: Dec } => v?.status === 'ok' && !!v.num;

/**
 * Reads one unit's base counts, refusing (CALC_INPUT, at the cell) what no calculation can start from:
 * a missing or non-numeric value, a fraction of a household, a negative count, poor households above the
 * households. `needReduced`: poor_reduced or poor_end must be there (table; plan plans it instead).
 * `allowZeroHouseholds`: plan reports a unit without households instead of stopping.
 */
export function readBase(annex: Annex, unit: Unit, opts: { needReduced: boolean; allowZeroHouseholds: boolean }): BaseCounts {
  const h0 = count(annex, unit, 'households_start');
  const h1 = count(annex, unit, 'households_end');
  const p0 = count(annex, unit, 'poor_start');
  if (!opts.allowZeroHouseholds) {
    for (const h of [h0, h1]) {
      if (h.num.isZero()) throw new PovcheckError('CALC_INPUT', { reason: 'zero-households', unit: unit.name, indicator: h.indicator as CoreIndicator }, at(h));
    }
  }
  if (p0.num.gt(h0.num)) {
    throw new PovcheckError('CALC_INPUT', { reason: 'exceeds', unit: unit.name, part: 'poor_start', partText: p0.text, whole: 'households_start', wholeText: h0.text }, at(p0));
  }
  const base: BaseCounts = { households_start: h0.num, households_end: h1.num, poor_start: p0.num };
  const rv = annex.values.get(unit.id, 'poor_reduced');
  const ev = annex.values.get(unit.id, 'poor_end');
  let reduced: Dec | undefined;
  if (usableNumber(rv)) {
    reduced = count(annex, unit, 'poor_reduced', true).num;
    base.reducedFrom = 'poor_reduced';
    if (reduced.gt(p0.num)) {
      throw new PovcheckError('CALC_INPUT', { reason: 'exceeds', unit: unit.name, part: 'poor_reduced', partText: rv.text, whole: 'poor_start', wholeText: p0.text }, at(rv));
    }
  } else if (usableNumber(ev)) {
    const end = count(annex, unit, 'poor_end');
    reduced = p0.num.minus(end.num);
    base.reducedFrom = 'poor_end';
  } else if (opts.needReduced) {
    // Name the cell a user would fill in: poor_reduced when the table has that row, else poor_end.
    const v = rv ?? ev;
    throw new PovcheckError(
      'CALC_INPUT',
      { reason: 'value', unit: unit.name, indicator: rv ? 'poor_reduced' : 'poor_end', text: v?.text ?? '' },
      v ? at(v) : {},
    );
  } else if (rv?.status === 'invalid' || ev?.status === 'invalid') {
    // plan: a reduction that is there but unreadable is not "not planned".
    const v = rv?.status === 'invalid' ? rv : ev!;
    throw new PovcheckError('CALC_INPUT', { reason: 'value', unit: unit.name, indicator: v.indicator as CoreIndicator, text: v.text }, at(v));
  }
  if (reduced !== undefined) {
    base.poor_reduced = reduced;
    const end = p0.num.minus(reduced);
    if (end.gt(h1.num)) {
      const ref = base.reducedFrom === 'poor_end' ? ev! : rv!;
      throw new PovcheckError(
        'CALC_INPUT',
        { reason: 'exceeds', unit: unit.name, part: 'poor_end', partText: ev?.status === 'ok' ? ev.text : end.toFixed(0), whole: 'households_end', wholeText: h1.text },
        at(ref),
      );
    }
  }
  return base;
}

/**
 * The units a total adds up: the top level of its first partition (the blocks, not the blocks and their units
 * again), never "of which" or breakdown rows, nor a second partition of the same total.
 */
export function totalParts(parts: readonly Unit[]): Unit[] {
  const ids = new Set(parts.map((u) => u.id));
  return parts.filter((u) => u.role !== 'of-which' && u.role !== 'breakdown' && (u.partition ?? 0) === 0 && (u.parent === undefined || !ids.has(u.parent)));
}

export interface TotalChoice {
  total?: Unit;
  source?: TotalSource;
  /** The units the total sums (all units when there is no total). */
  parts: Unit[];
}

/** Base counts of a unit if they are all readable, without throwing (for the sum-match test). */
function tryBase(annex: Annex, unit: Unit): BaseCounts | undefined {
  try {
    return readBase(annex, unit, { needReduced: false, allowZeroHouseholds: true });
  } catch {
    return undefined;
  }
}

/** Finds the total unit (see TotalMode); an added total gets the next id and `totalName`. */
export function chooseTotal(annex: Annex, mode: TotalMode, totalName: string): TotalChoice {
  const units = [...annex.units];
  if (annex.total) return { total: annex.total, source: 'label', parts: units.filter((u) => u.id !== annex.total!.id) };
  if (mode === 'first' && units.length > 1) return { total: units[0]!, source: 'first', parts: units.slice(1) };
  if (mode === 'auto' && units.length >= 3) {
    const first = tryBase(annex, units[0]!);
    const rest = units.slice(1).map((u) => tryBase(annex, u));
    if (first && rest.every((b): b is BaseCounts => !!b)) {
      const keys: Array<keyof BaseCounts> = ['households_start', 'households_end', 'poor_start'];
      if (first.poor_reduced !== undefined && rest.every((b) => b.poor_reduced !== undefined)) keys.push('poor_reduced');
      const sums = (k: keyof BaseCounts) => rest.reduce((s, b) => s.plus(b[k] as Dec), zero());
      if (keys.every((k) => (first[k] as Dec).eq(sums(k)))) return { total: units[0]!, source: 'sum-match', parts: units.slice(1) };
    }
  }
  if (mode !== 'none' && units.length >= 2) {
    const total: Unit = { id: units.length, name: totalName, key: unitKey(totalName), isTotal: true };
    return { total, source: 'added', parts: units };
  }
  return { parts: units };
}

/** A unit's rate rounded the annex's way, half-up at `dp` decimals (calc/annex-math.ts unitRate: 0 / 0 is 0). */
function roundedUnitRate(poor: Dec, households: Dec, dp: number): Dec | undefined {
  const exact = unitRate(poor, households);
  return exact && exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/**
 * The derived cells of one unit from its base counts (the reduction must be known); its rates at `dp` decimals (two, or
 * one in a table that prints its rates so: calc/annex-math.ts `annexRateDecimals`).
 */
export function derive(b: BaseCounts & { poor_reduced: Dec }, dp = RATE_DECIMALS): Record<Indicator, Dec | undefined> {
  const poorEnd = b.poor_start.minus(b.poor_reduced);
  const rs = roundedUnitRate(b.poor_start, b.households_start, dp);
  const re = roundedUnitRate(poorEnd, b.households_end, dp);
  return {
    households_start: b.households_start,
    households_end: b.households_end,
    poor_start: b.poor_start,
    poor_reduced: b.poor_reduced,
    poor_end: poorEnd,
    rate_start: rs,
    rate_end: re,
    rate_reduced: rs && re ? rateReduction(rs, re) : undefined,
  };
}

/** Sums of the parts' counts; the reduction only when every part has one. */
export function sumBase(parts: BaseCounts[]): BaseCounts {
  const sum = (k: 'households_start' | 'households_end' | 'poor_start') => parts.reduce((s, b) => s.plus(b[k]), zero());
  const out: BaseCounts = { households_start: sum('households_start'), households_end: sum('households_end'), poor_start: sum('poor_start') };
  if (parts.every((b) => b.poor_reduced !== undefined)) out.poor_reduced = parts.reduce((s, b) => s.plus(b.poor_reduced!), zero());
  return out;
}

/**
 * Whether a stated value agrees with the computed one: counts exactly; start and end rates at the
 * precision they were typed with (11,8 and 11,7994 agree with 11,80); the reduction exactly.
 */
function agrees(v: Value & { num: Dec }, computed: Dec, exact: Dec | undefined, rateDp: number): boolean {
  if (v.indicator === 'rate_start' || v.indicator === 'rate_end') return exact ? printedRateMatches(v.num, v.decimals ?? 0, exact, rateDp) : v.num.eq(computed);
  return v.num.eq(computed);
}

/** The differences between what a unit's cells state and what was computed, for the derived cells. */
export function statedDifferences(annex: Annex, unit: Unit, computed: Partial<Record<Indicator, Dec>>, derived: readonly Indicator[], exact: Partial<Record<Indicator, Dec>>, rateDp = RATE_DECIMALS): Difference[] {
  const out: Difference[] = [];
  for (const ind of derived) {
    const v = annex.values.get(unit.id, ind);
    const c = computed[ind];
    if (!v || c === undefined || v.status === 'empty') continue;
    if (v.status === 'invalid' || !v.num) {
      out.push({ unit, indicator: ind, cell: v.cell, stated: v.text, computed: c });
      continue;
    }
    if (!agrees(v as Value & { num: Dec }, c, exact[ind], rateDp)) out.push({ unit, indicator: ind, cell: v.cell, stated: v.plain ?? v.text, computed: c, ...(rateDp !== RATE_DECIMALS && indicatorKind(ind) === 'rate' ? { decimals: rateDp } : {}) });
  }
  return out;
}

function exactRates(b: Partial<Record<Indicator, Dec | undefined>>): Partial<Record<Indicator, Dec>> {
  const s = b.poor_start && b.households_start ? exactRate(b.poor_start, b.households_start) : undefined;
  const e = b.poor_end && b.households_end ? exactRate(b.poor_end, b.households_end) : undefined;
  return { ...(s ? { rate_start: s } : {}), ...(e ? { rate_end: e } : {}) };
}

function defined(r: Record<Indicator, Dec | undefined>): Partial<Record<Indicator, Dec>> {
  const out: Partial<Record<Indicator, Dec>> = {};
  for (const i of INDICATORS) if (r[i] !== undefined) out[i] = r[i];
  return out;
}

/**
 * A unit named twice in one list would be added twice: refused (CALC_INPUT at its cell). A name may come back
 * under another parent or in another partition (urban and rural blocks list the same districts).
 */
export function refuseDuplicateUnits(annex: Annex): void {
  const seen = new Set<string>();
  for (const u of annex.units) {
    const key = `${u.parent ?? '-'}:${u.partition ?? 0}:${u.role ?? ''}:${u.key}`;
    if (seen.has(key)) throw new PovcheckError('CALC_INPUT', { reason: 'duplicate-unit', unit: u.name }, u.cell ? { cell: displayRef(u.cell) } : {});
    seen.add(key);
  }
}

/**
 * Computes the whole annex. Throws CALC_INPUT (with the cell) when a base count is missing or unusable, or
 * a unit name appears twice (its total would count it twice).
 */
/**
 * `compute()`, a CALC_INPUT error it throws named in the table's words: a table counting over a period
 * (`đầu kỳ`, `cuối kỳ`: label-year.ts `labelPeriod`) is told it lacks "Tổng số hộ đầu kỳ", not "đầu năm".
 */
export function inTableWords<T>(annex: Annex, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (!(e instanceof PovcheckError) || e.code !== 'CALC_INPUT' || !labelPeriod(annex)) throw e;
    const p = e.params as ErrorParams['CALC_INPUT'];
    throw new PovcheckError('CALC_INPUT', { ...p, period: true }, { ...(e.file !== undefined ? { file: e.file } : {}), ...(e.cell !== undefined ? { cell: e.cell } : {}), ...(e.lang ? { lang: e.lang } : {}) });
  }
}

export function computeTable(annex: Annex, opts: { total: TotalMode; totalName: string }): ComputedTable {
  return inTableWords(annex, () => computeTableOf(annex, opts));
}

function computeTableOf(annex: Annex, opts: { total: TotalMode; totalName: string }): ComputedTable {
  requireIndicators(annex, true);
  refuseDuplicateUnits(annex);
  const choice = chooseTotal(annex, opts.total, opts.totalName);
  const units: Unit[] = [...annex.units];
  if (choice.source === 'added') units.push(choice.total!);
  const values: Array<Partial<Record<Indicator, Dec>>> = units.map(() => ({}));
  const differences: Difference[] = [];
  // A table that prints its rates at one decimal (a statistical release's) is computed and compared at one.
  const dp = annexRateDecimals(annex);

  // A unit with units under it (a district over its communes, a block over its units) is a subtotal: its counts
  // are the sums of theirs, and what it states is compared, as for the total. The total sums the top level.
  const children = addingChildren(annex);
  const kids = (u: Unit) => (children.get(u.id) ?? []).filter((c) => c !== choice.total?.id).map((c) => annex.units.at(c)!);
  const bases = new Map<number, BaseCounts & { poor_reduced: Dec }>();
  const baseOf = (u: Unit, depth = 0): BaseCounts & { poor_reduced: Dec } => {
    let b = bases.get(u.id);
    if (b) return b;
    const under = depth < annex.units.length ? kids(u) : [];
    b = under.length > 0 ? (sumBase(under.map((c) => baseOf(c, depth + 1))) as BaseCounts & { poor_reduced: Dec }) : (readBase(annex, u, { needReduced: true, allowZeroHouseholds: true }) as BaseCounts & { poor_reduced: Dec });
    bases.set(u.id, b);
    return b;
  };
  for (const u of choice.parts) {
    const b = baseOf(u);
    const d = derive(b, dp);
    values[u.id] = defined(d);
    const derived: readonly Indicator[] = kids(u).length > 0 ? INDICATORS : [b.reducedFrom === 'poor_end' ? 'poor_reduced' : 'poor_end', 'rate_start', 'rate_end', 'rate_reduced'];
    differences.push(...statedDifferences(annex, u, values[u.id]!, derived, exactRates(d), dp));
  }
  const topLevel = totalParts(choice.parts);

  const total = choice.total;
  if (total) {
    const isAdded = choice.source === 'added';
    if (topLevel.length > 0) {
      const d = derive(sumBase(topLevel.map((u) => baseOf(u))) as BaseCounts & { poor_reduced: Dec }, dp);
      values[total.id] = defined(d);
      // In the annex the total column is itself derived: every stated cell of it is compared.
      if (!isAdded) differences.push(...statedDifferences(annex, total, values[total.id]!, INDICATORS, exactRates(d), dp));
    } else {
      const b = readBase(annex, total, { needReduced: true, allowZeroHouseholds: true }) as BaseCounts & { poor_reduced: Dec };
      const d = derive(b, dp);
      values[total.id] = defined(d);
      differences.push(...statedDifferences(annex, total, values[total.id]!, [b.reducedFrom === 'poor_end' ? 'poor_reduced' : 'poor_end', 'rate_start', 'rate_end', 'rate_reduced'], exactRates(d), dp));
    }
  }
  differences.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);

  return {
    units,
    ...(total ? { total } : {}),
    ...(choice.source ? { totalSource: choice.source } : {}),
    indicators: [...INDICATORS],
    values,
    differences,
    ...(annex.unitsWithoutFigures ? { unitsWithoutFigures: annex.unitsWithoutFigures } : {}),
    ...notReadOf(annex),
    value: (unitId, ind) => values[unitId]?.[ind],
    ...(dp !== RATE_DECIMALS ? { decimals: (ind: Indicator) => (indicatorKind(ind) === 'rate' ? dp : 0) } : {}),
  };
}

/** The rows and columns the annex prints that povcheck does not read, for the renderers (printed as read). */
export function notReadOf(annex: Annex): { notRead?: NotReadRows; notReadColumns?: NotReadColumns } {
  const notRead = notReadRows(annex);
  const notReadCols = notReadColumns(annex);
  return { ...(notRead ? { notRead } : {}), ...(notReadCols ? { notReadColumns: notReadCols } : {}) };
}
