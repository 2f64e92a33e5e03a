/**
 * rate-mean: the rate of a whole is the weighted mean of its parts' rates (each over its own households), so
 * it lies between the lowest and the highest of them, within the rounding of the printed values. The one
 * check a table of rates alone allows between a region and its provinces, or the country and its urban and
 * rural parts. Only where every part prints the rate (a part left out could lie anywhere).
 */
import type { Dec } from '../calc/decimal.js';
import { partitionsByParent, type Annex, type Unit } from '../model/annex.js';
import type { OkValue } from '../rules/types.js';
import { carriesSlot, halfUnit, householdsSlot, ofIndicators, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { partitionsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface RateMeanRelation extends Relation {
  readonly parts: ReadonlyArray<{ unit: Unit; rate: OkValue }>;
}

interface Bounds {
  lo: Dec;
  hi: Dec;
  min: { unit: Unit; rate: OkValue };
  max: { unit: Unit; rate: OkValue };
}

/** The values the whole's printed rate may take, from the parts' values (`value` reads a cell). */
function boundsOf(r: RateMeanRelation, value: (v: OkValue) => Dec | undefined): Bounds | undefined {
  let b: Bounds | undefined;
  for (const p of r.parts) {
    const x = value(p.rate);
    if (x === undefined) return undefined;
    const h = halfUnit(p.rate.decimals ?? 0);
    const lo = x.minus(h);
    const hi = x.plus(h);
    if (!b) b = { lo, hi, min: p, max: p };
    else {
      if (lo.lt(b.lo)) b = { ...b, lo, min: p };
      if (hi.gt(b.hi)) b = { ...b, hi, max: p };
    }
  }
  if (!b) return undefined;
  const h = halfUnit(r.at.decimals ?? 0);
  return { ...b, lo: b.lo.minus(h), hi: b.hi.plus(h) };
}

export const rateMeanKind = defineKind<RateMeanRelation>({
  id: 'rate-mean',
  relation: 'rate-mean',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  applicable: (annex) => ratesAlone(annex).length > 0 && [...partitionsByParent(annex).values()].some((ps) => ps.some((p) => p.length >= 2)),
  *instances(ctx) {
    const { annex } = ctx;
    const rates = ratesAlone(annex);
    if (rates.length === 0) return;
    for (const [parentId, partitions] of partitionsIn(ctx)) {
      const parent = annex.units.at(parentId)!;
      for (const units of partitions) {
        if (units.length < 2) continue;
        for (const s of rates) {
          const at = okValue(annex, parent, s.key);
          const parts = units.map((u) => ({ unit: annex.units.at(u)!, rate: okValue(annex, u, s.key) }));
          if (!at || parts.some((p) => !p.rate)) continue;
          const ps = parts as Array<{ unit: Unit; rate: OkValue }>;
          yield { unit: parent, at, cells: [at, ...ps.map((p) => p.rate)], parts: ps };
        }
      }
    }
  },
  check(r, ctx) {
    ctx.checked('rate-mean');
    const b = boundsOf(r, (v) => v.num);
    if (!b || (r.at.num.gte(b.lo) && r.at.num.lte(b.hi))) return;
    ctx.report({
      rule: 'rate-mean',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      actual: r.at.plain,
      msg: { id: 'rate-mean.outside', params: { unit: r.unit.name, indicator: r.at.indicator, actual: r.at.plain, min: b.min.rate.plain, max: b.max.rate.plain, minUnit: b.min.unit.name, maxUnit: b.max.unit.name } },
    });
  },
  form(r) {
    const refs = r.cells.map((c) => c.cell.ref);
    const read = (get: (ref: string) => Dec | undefined) => (v: OkValue) => get(v.cell.ref);
    return {
      type: 'test',
      refs,
      holds(get) {
        const x = get(r.at.cell.ref);
        const b = boundsOf(r, read(get));
        return !x || !b || (x.gte(b.lo) && x.lte(b.hi));
      },
      bounds(ref, get) {
        if (ref !== r.at.cell.ref) return undefined;
        const b = boundsOf(r, read(get));
        return b && { lo: b.lo, hi: b.hi };
      },
    };
  },
});

/** The rates a table prints without the counts or the households that would check them one by one. */
function ratesAlone(annex: Annex): readonly SlotInfo[] {
  return ofIndicators(annex, 'rates-alone', () => ratesAloneOf(annex));
}

function ratesAloneOf(annex: Annex): SlotInfo[] {
  return vocabularySlots(annex).filter((s) => s.point.measure === 'rate' && s.point.role === 'value' && (!carriesSlot(annex, slotFor(s, { measure: 'count' })) || householdsSlot(annex, s) === undefined));
}
