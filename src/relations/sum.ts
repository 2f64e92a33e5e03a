/**
 * sum (parts = total): for each count indicator, the units under a parent add up to the parent's value, at
 * any depth (province → district → commune; blocks → units), one partition at a time. The finding sits at
 * the parent's cell.
 */
import { knownParts } from './known-parts.js';
import { Dec, zero, plain } from '../calc/decimal.js';
import { intOf, type ScaledValue } from '../calc/scaled.js';
import { isBlank, onePartNamed, partitionsByParent, type Annex, type Unit, type ValueStore } from '../model/annex.js';
import { cutShort, parentIdsIn, partitionsOfIn } from './scope.js';
import { COUNT_INDICATORS, indicatorKind, isAnnexShaped, type Indicator } from '../model/indicators.js';
import { ref, sub, sumOf } from '../model/expr.js';
import type { Finding, Skip } from '../model/finding.js';
import { isOk, type OkValue } from '../rules/types.js';
import type { LongTable } from '../model/long-table.js';
import { columnsOf, wholeIn } from './columns.js';
import { defineKind, type Relation } from './types.js';
import { isNetReduction, ofIndicators } from './slots.js';

export interface SumRelation extends Relation {
  readonly indicator: Indicator;
  readonly parts: readonly OkValue[];
  /** Units under the parent (the parts whose cell is blank included). */
  readonly count: number;
  /** The integers and decimals the check decides on (calc/scaled.ts): the parent's and the parts'. */
  readonly q: ScaledValue;
  readonly partsQ: readonly ScaledValue[];
  /**
   * The parts are some of the parent's, not its list (cut short, or one unit named): they add up to no more than
   * it (a district of 12.663 poor households in a province of 9.604 is a slip), not to it.
   */
  readonly partial?: true;
}

/**
 * A sum whose figures are all numbers read as integers from the store (`ValueStore.readScaled`): its `Value`s
 * (`at`, `parts`, `cells`) are made when first asked (a finding, locate's form), never for a sum that holds.
 */
class ColumnSum implements SumRelation {
  #at: OkValue | undefined;
  #parts: readonly OkValue[] | undefined;

  constructor(
    private readonly values: ValueStore,
    readonly unit: Unit,
    readonly indicator: Indicator,
    /** The parts' unit ids. */
    private readonly units: readonly number[],
    readonly q: ScaledValue,
    readonly partsQ: readonly ScaledValue[],
  ) {}

  get count(): number {
    return this.units.length;
  }

  get at(): OkValue {
    return (this.#at ??= this.values.get(this.unit.id, this.indicator) as OkValue);
  }

  get parts(): readonly OkValue[] {
    return (this.#parts ??= this.units.map((u) => this.values.get(u, this.indicator) as OkValue));
  }

  get cells(): readonly OkValue[] {
    return [this.at, ...this.parts];
  }

  unitIds(): readonly number[] {
    return [this.unit.id, ...this.units];
  }
}

/** Whether one of the parents has parts. */
function someParent(parents: ArrayLike<number>, partitions: (id: number) => number[][] | undefined): boolean {
  for (let k = 0; k < parents.length; k++) if (partitions(parents[k]!)) return true;
  return false;
}

/** Every part's integer from the store, or undefined as soon as one is not a number held so. */
function partsRead(values: ValueStore, parts: readonly number[], ind: Indicator): ScaledValue[] | undefined {
  const out: ScaledValue[] = [];
  for (const u of parts) {
    const q = values.readScaled(u, ind);
    if (q === undefined) return undefined;
    out.push(q);
  }
  return out;
}

/** The finding when the parts (`count` of them, adding up to `sum`) do not give the parent's own value. */
export function sumMismatch(parentName: string, ind: Indicator, total: OkValue, sum: Dec, count: number): Finding | undefined {
  if (sum.eq(total.num)) return undefined;
  return {
    rule: 'sum',
    severity: 'error',
    at: total.cell,
    unit: parentName,
    indicator: ind,
    expected: plain(sum),
    actual: total.plain,
    msg: {
      id: 'sum.mismatch',
      params: { indicator: ind, total: parentName, parts: plain(sum), actual: total.plain, diff: plain(total.num.minus(sum)), count },
    },
  };
}

/** No unit is a total or a parent: the sum check does not run (the file's coverage says why). */
/** No unit has parts to add up: no unit is the total, or the total (`total`) lists none under it (only "of which" rows). */
export const noTotalSkip = (total?: string): Skip => ({ rule: 'sum', msg: { id: 'skip.no-total', params: total !== undefined ? { total } : {} } });

/** The sum is not checked when the parent's value or a part is not usable: the cells, parent first; `blank`: all of them empty. */
export function sumSkip(parentName: string, cells: string[], blank = false): Skip {
  return { rule: 'sum', unit: parentName, msg: { id: 'skip.bad-value', params: blank ? { cells, blank } : { cells } } };
}

export const sumKind = defineKind<SumRelation>({
  id: 'sum',
  relation: 'parts-total',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  annex: true,
  // A table of one unit (one unit's series by year) has nothing to add up; a list of units (rows) with counts and no
  // total is told why its sums were not checked (columns without a total are as often years or plans as units).
  applicable: (annex) => isAnnexShaped(annex.indicators) || (countSlots(annex).length > 0 && ((annex.total === undefined && annex.layout === 'long' && annex.units.length > 1) || [...partitionsByParent(annex).values()].some((ps) => ps.some((p) => p.length > 0)))),
  each(ctx, visit, checking) {
    const { annex } = ctx;
    // Each parent's parts, made when the parent is reached (none kept for the whole table).
    const partitions = (id: number) => partitionsOfIn(ctx, id);
    const parents = parentIdsIn(ctx);
    // No unit is the total (nor a parent of others): there is nothing to add up to.
    if (!someParent(parents, partitions)) ctx.skip(noTotalSkip(annex.total?.name));
    const slots = countSlots(annex);
    // In an annex table every cell is expected; elsewhere a blank is a figure the table does not publish.
    const annexShaped = isAnnexShaped(annex.indicators);
    // A long table's columns, when only checking: the parts read without an object each.
    const cols = checking ? columnsOf(annex.values) : undefined;
    for (let k = 0; k < parents.length; k++) {
      const id = parents[k]!;
      const lists = partitions(id);
      if (lists === undefined) continue;
      let parent: Unit | undefined;
      for (let pi = 0; pi < lists.length; pi++) {
        const parts = lists[pi]!;
        if (parts.length === 0) continue;
        // A list that is not the parent's whole list: its parts add up to no more than it (`bounded`), not to it.
        const listedUnder = (proof: 'named' | 'not-contradicted') => listedSums(annex, (parent ??= annex.units.at(id)!), parts, slots, proof);
        let listed: SumRelation[] = [];
        if (cutShort(ctx, 'sum', id, pi, () => slots.some((ind) => isOk(annex.values.get(id, ind))), () => (listed = listedUnder('not-contradicted')).length > 0)) {
          for (const r of listed) visit(r);
          continue;
        }
        if (onePartNamed(annex, id, parts)) {
          // One unit named under its parent (an article's one district): a part of it, not its list.
          listed = listedUnder('named');
          const params = { part: annex.units.at(parts[0]!)!.name, ...(listed.length > 0 ? { bounded: true as const } : {}) };
          ctx.skip({ rule: 'sum', unit: annex.units.at(id)!.name, msg: { id: 'skip.one-part', params } });
          for (const r of listed) visit(r);
          continue;
        }
        for (const ind of slots) {
          // Every figure a number held as an integer (the common case): no Value made; when the instances are
          // only checked, no relation either for parts that add up in integers (the check's first test).
          const q = annex.values.readScaled(id, ind);
          const s = cols ? cols.slotIndex(ind) : -1;
          if (checking && q && (s >= 0 ? addsUpInColumns(q, parts, cols!, s) : addsUp(q, parts.length, (k) => annex.values.readScaled(parts[k]!, ind)))) {
            ctx.checked('sum');
            continue;
          }
          const partsQ = q && partsRead(annex.values, parts, ind);
          parent ??= annex.units.at(id)!;
          if (q && partsQ) {
            visit(new ColumnSum(annex.values, parent, ind, parts, q, partsQ));
            continue;
          }
          const total = annex.values.get(id, ind);
          const values = parts.map((u) => annex.values.get(u, ind));
          const unusable = [total, ...values].filter((v) => v && !isOk(v) && (annexShaped || v.status !== 'empty'));
          if (unusable.length > 0 || !isOk(total) || (!annexShaped && values.some((v) => !isOk(v)))) {
            // A total with a figure whose parts are printed but for some (a blank is "not published" outside an
            // annex): not checked, and said so with the blank cells (Ngân Sơn 2018: Hoa's cells blank, 7.399 never
            // compared). Parts all blank are a figure given for the total only (`missing` says so).
            const blanks = isOk(total) && unusable.length === 0 && values.some(isOk) ? values.filter((v) => v && isBlank(v)) : [];
            if (unusable.length > 0) ctx.skip(sumSkip(parent.name, unusable.map((v) => v!.cell.ref), unusable.every((v) => isBlank(v!))));
            else if (blanks.length > 0) ctx.skip(sumSkip(parent.name, blanks.map((v) => v!.cell.ref), true));
            continue;
          }
          const present = values.filter(isOk);
          visit({ unit: parent, at: total, cells: [total, ...present], indicator: ind, parts: present, count: parts.length, q: total, partsQ: present });
        }
      }
    }
  },
  check(r, ctx) {
    ctx.checked('sum');
    if (!r.partial && addsUp(r.q, r.partsQ.length, (k) => r.partsQ[k])) return;
    let sum: Dec = zero();
    for (const v of r.parts) sum = sum.plus(v.num);
    const f = r.partial ? sumExceeds(r, sum) : sumMismatch(r.unit.name, r.indicator, r.at, sum, r.count);
    if (f) ctx.report(f);
  },
  form: (r) => {
    const parts = sumOf(r.parts.map((v) => ref(v.cell.ref)));
    return r.partial ? { type: 'le', a: parts, b: ref(r.at.cell.ref) } : { type: 'eq', expr: sub(ref(r.at.cell.ref), parts) };
  },
});

/**
 * A partial list's sums (`partial`): for each count that cannot be negative (a net reduction can: the units not
 * listed may have grown), the listed parts with a figure against their parent's figure. Only for parts known to
 * be the parent's (`knownParts`): a row printed under a total for comparison (its region, the country, another
 * province, last year, the plan) is read as one unit named under it, and is no part of it.
 */
function listedSums(annex: Annex, parent: Unit, parts: readonly number[], slots: readonly Indicator[], proof: 'named' | 'not-contradicted'): SumRelation[] {
  const out: SumRelation[] = [];
  if (!knownParts(annex, parent, parts, proof)) return out;
  for (const ind of slots) {
    if (isNetReduction(ind)) continue;
    const total = annex.values.get(parent.id, ind);
    if (!isOk(total) || total.num.isNegative()) continue;
    const present = parts.map((u) => annex.values.get(u, ind)).filter(isOk);
    if (present.length === 0 || present.some((v) => v.num.isNegative())) continue;
    out.push({ unit: parent, at: total, cells: [total, ...present], indicator: ind, parts: present, count: present.length, q: total, partsQ: present, partial: true });
  }
  return out;
}

/** The finding when a partial list's parts (adding up to `sum`) are more than their parent. */
function sumExceeds(r: SumRelation, sum: Dec): Finding | undefined {
  if (sum.lte(r.at.num)) return undefined;
  const parts = r.parts.length === 1 ? { part: r.parts[0]!.cell.ref } : {};
  return {
    rule: 'sum',
    severity: 'error',
    at: r.at.cell,
    unit: r.unit.name,
    indicator: r.indicator,
    actual: r.at.plain,
    msg: {
      id: 'sum.exceeds',
      params: { indicator: r.indicator, total: r.unit.name, parts: plain(sum), actual: r.at.plain, diff: plain(sum.minus(r.at.num)), count: r.parts.length, ...parts },
    },
  };
}

/** Whether whole parts (`count`, the k-th `partAt(k)`) add up to their whole parent, in safe integers (false: not decidable so). */
function addsUp(q: ScaledValue, count: number, partAt: (k: number) => ScaledValue | undefined): boolean {
  const total = intOf(q);
  if (total === undefined) return false;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const v = partAt(k);
    const n = v && intOf(v);
    if (n === undefined) return false;
    sum += n;
  }
  return Number.isSafeInteger(sum) && sum === total;
}

/** addsUp over the parts' figures in a long table's columns (slot index `s`); a figure not held there: false. */
function addsUpInColumns(q: ScaledValue, parts: readonly number[], cols: LongTable, s: number): boolean {
  const total = intOf(q);
  if (total === undefined) return false;
  let sum = 0;
  for (let k = 0; k < parts.length; k++) {
    const n = wholeIn(cols, parts[k]!, s, NaN);
    if (Number.isNaN(n)) return false;
    sum += n;
  }
  return Number.isSafeInteger(sum) && sum === total;
}

/**
 * The slots that add up over units: the annex's five counts first (in their order, as reports have always
 * listed them), then every other count or persons slot of the table, breakdown rows included: once per list of
 * indicators (`ofIndicators`).
 */
export function countSlots(annex: Annex): readonly Indicator[] {
  return ofIndicators(annex, 'count-slots', () => {
    const core = COUNT_INDICATORS.filter((i) => annex.indicators.includes(i));
    const rest = annex.indicators.filter((i) => !(COUNT_INDICATORS as readonly string[]).includes(i) && indicatorKind(i) === 'count');
    return [...core, ...rest];
  });
}
