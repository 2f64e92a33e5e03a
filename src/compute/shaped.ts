/**
 * The calculator for the tables provinces publish (any shape shape/ reads that is not the annex): every cell
 * that can be derived from others is computed from the base values with the conventions, the rest is kept as
 * printed. Pure: no I/O, no wording.
 *
 * Derived, per unit, children before parents (the same order the forms compute them):
 *  - a count of a unit with parts (a block over its units, the total over the blocks or units of its first
 *    partition) is the sum of its parts' counts, when every part has one; "of which" rows, breakdown rows and
 *    the units of a second partition are never added in (model/annex.ts `childrenByParent`);
 *  - poor and near-poor households together = poor + near-poor;
 *  - a stock at the end = start − households that left + households that came in (gross flows), or start − the
 *    net reduction;
 *  - a rate = count / households × 100 when the table prints the households it is over (relations/slots.ts
 *    `householdsSlot`), half-up at the precision the table prints that rate with (one decimal in statistical
 *    releases, two in plans); a flow's rate printed over households within 5 % of those (the start of the
 *    year's: another denominator, not a slip) is kept as printed;
 *  - a fall in points = the start rate − the end rate (both as printed, i.e. as computed here);
 *  - an achievement = the fall / its target × 100 at the precision printed.
 * A value printed differently from the computed one is a `Difference` (the output carries the computed
 * value); a cell that is neither readable nor derivable is printed as read when short (`asPrinted`: `dưới 30`), left blank
 * when longer (a note), and listed in `unreadable`.
 */
import { Dec, hundred, zero } from '../calc/decimal.js';
import { percentDecimalsOfShare, unitRate } from '../calc/annex-math.js';
import { addingChildren, childrenByParent, type Annex, type Unit, type Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { indicatorKind } from '../model/indicators.js';
import { IN_FLOWS, OUT_FLOWS, shareWhole } from '../model/vocabulary.js';
import { carriesSlot, householdsSlot, slotFor, vocabularySlots } from '../relations/slots.js';
import { impliedHouseholds } from '../relations/implied.js';
import { notReadOf, refuseDuplicateUnits, type ComputedTable, type Difference } from './table.js';

/** How a column is derived from others, for the forms' column-number row (`4=3/1*100`). */
export type ColumnRule = { op: 'rate'; of: readonly [Indicator, Indicator] } | { op: 'sum'; plus: readonly Indicator[]; minus: readonly Indicator[] } | { op: 'ratio'; of: readonly [Indicator, Indicator] };

export interface ShapedTable extends ComputedTable {
  /** The input was a published shape, not the annex: renderers use the shaped layout. */
  shaped: true;
  /**
   * Digits a cell is printed with: counts 0; a computed rate at the precision the table prints that rate with;
   * a rate kept as printed with at least that many (0,15 in a column of one-decimal rates stays 0,15).
   */
  decimals: (ind: Indicator, unitId?: number) => number;
  /** The column formulas of derived slots (the same rule for every unit that has its inputs). */
  columnRules: ReadonlyMap<Indicator, ColumnRule>;
  /** No figure at all (a blank official form): laid out empty, to be filled in. */
  blank: boolean;
  /** Cells neither readable as a number nor derivable: left blank. */
  /** `printed`: a short text (`dưới 30`, `Như cột số 4`) the output prints as read; a longer one (a note) is left blank. */
  unreadable: Array<Value & { reason: 'fraction' | 'text'; printed: boolean }>;
  /** The annex the table was computed from (cell positions give the input's orientation). */
  source: Annex;
}

/**
 * Digits a rate slot is printed with: the most frequent among its cells, else the table's, else 2. A column of
 * rates typed as shares (`shares`: 0,0603 for 6,03 %) is printed as percentages, with two digits fewer.
 */
function precisionOf(annex: Annex, shares: ReadonlySet<Indicator> = new Set()): (ind: Indicator) => number {
  const tally = (slots: readonly Indicator[]) => {
    const n = new Map<number, number>();
    for (const vals of annex.values) for (const s of slots) {
      const v = vals[s];
      if (v?.status === 'ok' && v.decimals !== undefined) n.set(v.decimals, (n.get(v.decimals) ?? 0) + 1);
    }
    let best: number | undefined;
    for (const [d, c] of n) if (best === undefined || c > n.get(best)! || (c === n.get(best)! && d > best)) best = d;
    return best;
  };
  const rates = annex.indicators.filter((i) => indicatorKind(i) === 'rate');
  const table = tally(rates) ?? 2;
  const cache = new Map<Indicator, number>();
  return (ind) => {
    if (indicatorKind(ind) === 'count') return 0;
    if (!cache.has(ind)) cache.set(ind, shares.has(ind) ? Math.max(0, percentDecimalsOfShare(tally([ind]) ?? 2)) : (tally([ind]) ?? table));
    return cache.get(ind)!;
  };
}

/** The longest text of a cell neither readable nor derivable that the output prints as read: longer, it is a note, left blank. */
const PRINTED_AS_READ_MAX = 40;

const usable = (v: Value | undefined, ind: Indicator): v is Value & { num: Dec } => v?.status === 'ok' && !!v.num && (indicatorKind(ind) !== 'count' || v.num.isInteger());

/** Units in an order where every unit comes after the units under it (iterative: a code/parent chain may be deep). */
function childrenFirst(annex: Annex): Unit[] {
  const kids = childrenByParent(annex);
  const out: Unit[] = [];
  const seen = new Set<number>();
  for (const root of annex.units) {
    if (seen.has(root.id)) continue;
    seen.add(root.id);
    const stack: Array<{ u: Unit; next: number }> = [{ u: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const under = kids.get(top.u.id) ?? [];
      const c = under[top.next++];
      if (c === undefined) {
        out.push(top.u);
        stack.pop();
      } else if (!seen.has(c)) {
        seen.add(c);
        stack.push({ u: annex.units.at(c)!, next: 0 });
      }
    }
  }
  return out;
}

/** The column rules the vocabulary gives the table's slots: combined counts, balances, rates, falls, achievements. */
function rulesOf(annex: Annex): Map<Indicator, ColumnRule> {
  const rules = new Map<Indicator, ColumnRule>();
  const has = (k: Indicator | undefined): k is Indicator => carriesSlot(annex, k);
  for (const s of vocabularySlots(annex)) {
    const { population, time, measure, role } = s.point;
    if (role === 'achievement') {
      const target = slotFor(s, { role: 'target' });
      const value = slotFor(s, { role: 'value' });
      if (has(target) && has(value)) rules.set(s.key, { op: 'ratio', of: [value, target] });
      continue;
    }
    if (role !== 'value') continue;
    if (measure === 'count' && population === 'poor_near_poor') {
      const poor = slotFor(s, { population: 'poor' });
      const near = slotFor(s, { population: 'near_poor' });
      if (has(poor) && has(near)) rules.set(s.key, { op: 'sum', plus: [poor, near], minus: [] });
    } else if (measure === 'count' && time === 'end') {
      const start = slotFor(s, { time: 'start' });
      const reduced = slotFor(s, { time: 'reduced' });
      const outs = OUT_FLOWS.map((t) => slotFor(s, { time: t })).filter(has);
      const ins = IN_FLOWS.map((t) => slotFor(s, { time: t })).filter(has);
      if (has(start) && has(reduced)) rules.set(s.key, { op: 'sum', plus: [start], minus: [reduced] });
      else if (has(start) && outs.length + ins.length > 0) rules.set(s.key, { op: 'sum', plus: [start, ...ins], minus: outs });
    } else if (measure === 'rate') {
      const count = slotFor(s, { measure: 'count' });
      const households = householdsSlot(annex, s);
      if (has(count) && households !== undefined) rules.set(s.key, { op: 'rate', of: [count, households] });
    } else if (measure === 'share') {
      // A part's share of the population it belongs to (relations/share.ts): a rate over the whole's count.
      const part = slotFor(s, { measure: 'count' });
      const whole = slotFor(s, { measure: 'count', population: shareWhole(population) });
      if (has(part) && has(whole)) rules.set(s.key, { op: 'rate', of: [part, whole] });
    } else if (measure === 'points') {
      const start = slotFor(s, { measure: 'rate', time: 'start' });
      const end = slotFor(s, { measure: 'rate', time: 'end' });
      if (has(start) && has(end)) rules.set(s.key, { op: 'sum', plus: [start], minus: [end] });
    }
  }
  return rules;
}

const inputsOf = (r: ColumnRule | undefined): readonly Indicator[] => (!r ? [] : r.op === 'sum' ? [...r.plus, ...r.minus] : r.of);

/** The slots in an order where every rule's inputs come before the slot it derives (the combined count after the poor). */
function dependencyOrder(slots: readonly Indicator[], rules: ReadonlyMap<Indicator, ColumnRule>): Indicator[] {
  const out: Indicator[] = [];
  const state = new Map<Indicator, 'visiting' | 'done'>();
  const visit = (s: Indicator) => {
    if (state.has(s)) return;
    state.set(s, 'visiting');
    for (const d of inputsOf(rules.get(s))) visit(d);
    state.set(s, 'done');
    out.push(s);
  };
  slots.forEach(visit);
  return out;
}

/** Whether a stated value agrees with the computed one: counts exactly, rates at the precision they were printed with. */
function agrees(v: Value & { num: Dec }, computed: Dec, exact: Dec | undefined): boolean {
  if (exact === undefined) return v.num.eq(computed);
  return exact.toDecimalPlaces(v.decimals ?? 0, Dec.ROUND_HALF_UP).eq(v.num);
}

/** Whether an annex has anything to compute or show: at least one readable number. */
function hasNumbers(annex: Annex): boolean {
  return [...annex.values].some((vals) => Object.values(vals).some((v) => v?.status === 'ok'));
}

/**
 * Whether a printed flow rate is over households within 5 % of the table's (those at the start of the year, as
 * the relations/rate.ts `denominator` warning explains): another denominator, kept as printed, not a slip.
 */
function otherDenominator(v: Value | undefined, count: Dec, households: Dec): boolean {
  if (v?.status !== 'ok' || !v.num) return false;
  const implied = impliedHouseholds(count, v.num, v.decimals ?? 0);
  return implied !== undefined && implied.lo.lte(households.mul('1.05')) && (implied.hi === undefined || implied.hi.gte(households.mul('0.95')));
}

/**
 * `asPrinted`: rate columns kept as printed, not derived (a column none of whose rates is its count over its
 * households and that fits no other column of the table: a share over a base the table does not print, or another
 * quantity; relations/rate-column.ts decides, table-run.ts asks).
 */
/** `asPrinted`: rate slots kept as the table prints them; `shares`: rate slots typed as shares, recomputed as percentages. */
export function computeShaped(annex: Annex, opts: { asPrinted?: ReadonlySet<Indicator>; shares?: ReadonlySet<Indicator> } = {}): ShapedTable {
  refuseDuplicateUnits(annex);
  const decimals = precisionOf(annex, opts.shares);
  const rules = rulesOf(annex);
  for (const slot of opts.asPrinted ?? []) rules.delete(slot);
  const slots = dependencyOrder(annex.indicators, rules);
  const flows = new Set(vocabularySlots(annex).filter((x) => x.point.measure === 'rate' && !['start', 'end', 'point'].includes(x.point.time)).map((x) => x.key));
  const kids = addingChildren(annex);
  const values: Array<Partial<Record<Indicator, Dec>>> = Array.from(annex.units, () => ({}));
  const exact: Array<Partial<Record<Indicator, Dec>>> = Array.from(annex.units, () => ({}));
  const derived = Array.from(annex.units, () => new Set<Indicator>());

  for (const u of childrenFirst(annex)) {
    const mine = values[u.id]!;
    const parts = kids.get(u.id) ?? [];
    for (const slot of slots) {
      const v = annex.values.get(u.id, slot);
      let computed: Dec | undefined;
      // A count of a unit with parts: the sum of theirs, when every part has one.
      if (indicatorKind(slot) === 'count' && parts.length > 0 && parts.every((p) => values[p]![slot] !== undefined)) {
        computed = parts.reduce((s, p) => s.plus(values[p]![slot]!), zero());
      }
      const rule = rules.get(slot);
      if (computed === undefined && rule) {
        if (rule.op === 'sum') {
          const terms = [...rule.plus, ...rule.minus].map((k) => mine[k]);
          if (terms.every((t) => t !== undefined)) computed = rule.minus.reduce((s, k) => s.minus(mine[k]!), rule.plus.reduce((s, k) => s.plus(mine[k]!), zero()));
        } else {
          const [a, b] = rule.of.map((k) => mine[k]);
          const x = a !== undefined && b !== undefined ? (rule.op === 'rate' ? unitRate(a, b) : b.isZero() ? undefined : a.mul(hundred()).div(b)) : undefined;
          if (x !== undefined && !(rule.op === 'rate' && flows.has(slot) && otherDenominator(v, a!, b!))) {
            exact[u.id]![slot] = x;
            computed = x.toDecimalPlaces(decimals(slot), Dec.ROUND_HALF_UP);
          }
        }
      }
      if (computed !== undefined) {
        mine[slot] = computed;
        derived[u.id]!.add(slot);
      } else if (usable(v, slot)) mine[slot] = v.num;
    }
  }

  const differences: Difference[] = [];
  const unreadable: ShapedTable['unreadable'] = [];
  for (const u of annex.units) {
    for (const slot of annex.indicators) {
      const v = annex.values.get(u.id, slot);
      if (!v || v.status === 'empty') continue;
      const c = values[u.id]![slot];
      if (!derived[u.id]!.has(slot)) {
        if (!usable(v, slot)) unreadable.push({ indicator: v.indicator, unit: v.unit, cell: v.cell, text: v.text, status: v.status, ...(v.status === 'ok' ? { num: v.num, plain: v.plain, decimals: v.decimals } : {}), reason: v.status === 'ok' ? 'fraction' : 'text', printed: v.text.trim().length <= PRINTED_AS_READ_MAX });
        continue;
      }
      if (!usable(v, slot)) differences.push({ unit: u, indicator: slot, cell: v.cell, stated: v.text, computed: c!, decimals: decimals(slot) });
      else if (!agrees(v, c!, exact[u.id]![slot])) differences.push({ unit: u, indicator: slot, cell: v.cell, stated: v.plain ?? v.text, computed: c!, decimals: decimals(slot) });
    }
  }
  differences.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  unreadable.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  const printedText = new Map<number, Map<Indicator, string>>();
  for (const v of unreadable) if (v.printed) printedText.set(v.unit, (printedText.get(v.unit) ?? new Map()).set(v.indicator, v.text.trim()));

  return {
    shaped: true,
    // No figure at all, nor a text or a row printed as read: a form to fill in.
    blank: !hasNumbers(annex) && !unreadable.some((v) => v.printed) && !annex.rowsNotRead?.length,
    source: annex,
    units: [...annex.units],
    ...(annex.total ? { total: annex.total, totalSource: 'label' as const } : {}),
    indicators: [...annex.indicators],
    values,
    differences,
    unreadable,
    decimals: (ind, unitId) => {
      const dp = decimals(ind);
      const v = unitId === undefined || derived[unitId]?.has(ind) ? undefined : annex.values.get(unitId, ind);
      // A value as the table states it keeps the decimals it was printed with (`41,1` is not `41,10`: that digit
      // was never printed; `3,81` in a column of mostly whole figures is not `4`); a computed one takes the column's.
      return indicatorKind(ind) !== 'count' && v?.status === 'ok' && v.decimals !== undefined ? v.decimals : dp;
    },
    columnRules: rules,
    ...notReadOf(annex),
    asPrinted: (unitId, ind) => printedText.get(unitId)?.get(ind),
    value: (unitId, ind) => values[unitId]?.[ind],
  };
}
