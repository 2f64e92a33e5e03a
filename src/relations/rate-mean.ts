/**
 * rate-mean: the rate of a whole is the weighted mean of its parts' rates (each over its own households), so
 * it lies between the lowest and the highest of them, within the rounding of the printed values. The one
 * check a table of rates alone allows between a region and its provinces, or the country and its urban and
 * rural parts. Only where every part prints the rate (a part left out could lie anywhere).
 */
import type { Dec } from '../calc/decimal.js';
import { scaledAt, scaleTo } from '../calc/scaled.js';
import type { Indicator } from '../model/indicators.js';
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

/**
 * `boundsOf`'s test on the values' scaled integers (no Value, Unit or Dec made: a table of rates alone may list a
 * whole under hundreds of thousands of parts): whether the whole's rate lies within its parts' bounds, at a
 * common scale one decimal past the finest, where every half unit is an integer. Undefined when a value is not
 * a number held as a safe integer (the relation is then made and checked as usual).
 */
function holdsInIntegers(annex: Annex, parent: number, parts: readonly number[], slot: Indicator): boolean | undefined {
  const values = annex.values;
  const at = values.readScaled(parent, slot);
  if (at?.scaled === undefined) return undefined;
  let dp = at.decimals ?? 0;
  for (const u of parts) {
    const v = values.readScaled(u, slot);
    if (v?.scaled === undefined) return undefined;
    dp = Math.max(dp, v.decimals ?? 0);
  }
  dp += 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const u of parts) {
    const v = values.readScaled(u, slot)!;
    const x = scaledAt(v, dp);
    const h = scaleTo(5, (v.decimals ?? 0) + 1, dp);
    if (x === undefined || h === undefined) return undefined;
    if (x - h < lo) lo = x - h;
    if (x + h > hi) hi = x + h;
  }
  const x = scaledAt(at, dp);
  const h = scaleTo(5, (at.decimals ?? 0) + 1, dp);
  if (x === undefined || h === undefined || !Number.isSafeInteger(lo - h) || !Number.isSafeInteger(hi + h)) return undefined;
  return x >= lo - h && x <= hi + h;
}

export const rateMeanKind = defineKind<RateMeanRelation>({
  id: 'rate-mean',
  relation: 'rate-mean',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  applicable: (annex) => ratesAlone(annex).length > 0 && [...partitionsByParent(annex).values()].some((ps) => ps.some((p) => p.length >= 2)),
  each(ctx, visit, checking) {
    const { annex } = ctx;
    const rates = ratesAlone(annex);
    if (rates.length === 0) return;
    for (const [parentId, partitions] of partitionsIn(ctx)) {
      for (const units of partitions) {
        if (units.length < 2) continue;
        for (const s of rates) {
          // Only checking: a whole within its parts' bounds in integers makes no instance (its check's test).
          if (checking && holdsInIntegers(annex, parentId, units, s.key)) {
            ctx.checked('rate-mean');
            continue;
          }
          const parent = annex.units.at(parentId)!;
          const at = okValue(annex, parent, s.key);
          const parts = boundingParts(annex, units, s.key).map((u) => ({ unit: annex.units.at(u)!, rate: okValue(annex, u, s.key) }));
          if (!at || parts.some((p) => !p.rate)) continue;
          const ps = parts as Array<{ unit: Unit; rate: OkValue }>;
          visit({ unit: parent, at, cells: [at, ...ps.map((p) => p.rate)], parts: ps });
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
    const read = (get: (ref: string) => Dec | undefined) => (v: OkValue) => get(v.cell.ref);
    return {
      type: 'test',
      refs: localisedRefs(r),
      holds(get) {
        const x = get(r.at.cell.ref);
        const b = boundsOf(r, read(get));
        return !x || !b || (x.gte(b.lo) && x.lte(b.hi));
      },
      bounds(ref, get) {
        if (ref !== r.at.cell.ref) return partBounds(r, ref, get);
        const b = boundsOf(r, read(get));
        return b && { lo: b.lo, hi: b.hi };
      },
    };
  },
});

/**
 * Parts beyond which locate considers only the whole's cell and the parts that set the bounds (the lowest and
 * the highest): with every part a candidate, each tried against every other, a whole over thousands of parts
 * would take hours to localise (every part of a whole printed too high "could" be raised to it).
 */
const LOCALISED_PARTS = 200;

/**
 * The parts an instance is made of: all of them, or over LOCALISED_PARTS parts held as safe integers, the three
 * lowest and the three highest (the bounds are theirs, and stay theirs when locate changes one or two of the
 * cells it considers), found on the scaled integers without a Value or Unit made per part.
 */
function boundingParts(annex: Annex, units: readonly number[], slot: Indicator): readonly number[] {
  if (units.length <= LOCALISED_PARTS) return units;
  const low: Array<[number, number]> = [];
  const high: Array<[number, number]> = [];
  const keep = (list: Array<[number, number]>, x: number, u: number, lower: boolean) => {
    list.push([x, u]);
    list.sort((a, b) => (lower ? a[0] - b[0] : b[0] - a[0]));
    if (list.length > 3) list.pop();
  };
  // At a common scale past every part's decimals (the bounds' half units differ only with the decimals).
  let dp = 0;
  for (const u of units) dp = Math.max(dp, annex.values.readScaled(u, slot)?.decimals ?? 0);
  dp += 1;
  for (const u of units) {
    const v = annex.values.readScaled(u, slot);
    const x = v && scaledAt(v, dp);
    const h = v && scaleTo(5, (v.decimals ?? 0) + 1, dp);
    if (x === undefined || h === undefined) return units;
    keep(low, x - h, u, true);
    keep(high, x + h, u, false);
  }
  const kept = new Set([...low, ...high].map(([, u]) => u));
  return units.filter((u) => kept.has(u));
}

/** The cells locate may change to make the relation hold: all of them, or for a whole over many parts its bounds' cells. */
function localisedRefs(r: RateMeanRelation): string[] {
  if (r.parts.length <= LOCALISED_PARTS) return r.cells.map((c) => c.cell.ref);
  const b = boundsOf(r, (v) => v.num)!;
  return [...new Set([r.at.cell.ref, b.min.rate.cell.ref, b.max.rate.cell.ref])];
}

/**
 * Exactly the values part `ref` may take for the whole's rate to lie within the bounds, the other cells as they
 * are (so that locate bounds the cell instead of trying each value of its range): with L, H the others' lowest
 * and highest bounds and X the whole's rate, the part must reach X − ½ units (its own and the whole's) when
 * H does not, and come down to X + ½ units when L does not. Undefined when a value is not read (the test then
 * holds whatever the part, and is tried point by point as before).
 */
function partBounds(r: RateMeanRelation, ref: string, get: (ref: string) => Dec | undefined): { lo?: Dec; hi?: Dec } | undefined {
  const part = r.parts.find((p) => p.rate.cell.ref === ref);
  const x = get(r.at.cell.ref);
  if (!part || !x) return undefined;
  let lo: Dec | undefined;
  let hi: Dec | undefined;
  for (const p of r.parts) {
    if (p === part) continue;
    const v = get(p.rate.cell.ref);
    if (!v) return undefined;
    const h = halfUnit(p.rate.decimals ?? 0);
    if (!lo || v.minus(h).lt(lo)) lo = v.minus(h);
    if (!hi || v.plus(h).gt(hi)) hi = v.plus(h);
  }
  const ha = halfUnit(r.at.decimals ?? 0);
  const reach = ha.plus(halfUnit(part.rate.decimals ?? 0));
  return {
    ...(!hi || hi.lt(x.minus(ha)) ? { lo: x.minus(reach) } : {}),
    ...(!lo || lo.gt(x.plus(ha)) ? { hi: x.plus(reach) } : {}),
  };
}

/** The rates a table prints without the counts or the households that would check them one by one. */
function ratesAlone(annex: Annex): readonly SlotInfo[] {
  return ofIndicators(annex, 'rates-alone', () => ratesAloneOf(annex));
}

function ratesAloneOf(annex: Annex): SlotInfo[] {
  return vocabularySlots(annex).filter((s) => s.point.measure === 'rate' && s.point.role === 'value' && (!carriesSlot(annex, slotFor(s, { measure: 'count' })) || householdsSlot(annex, s) === undefined));
}
