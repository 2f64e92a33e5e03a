/**
 * rate-mean: the rate of a whole is the weighted mean of its parts' rates (each over its own households), so
 * it lies between the lowest and the highest of them, within the rounding of the printed values. The one
 * check a table of rates alone allows between a region and its provinces, or the country and its urban and
 * rural parts. Only where every part prints the rate (a part left out could lie anywhere).
 */
import { halfUnit } from '../calc/annex-math.js';
import type { Dec } from '../calc/decimal.js';
import { scaledAt, scaleTo } from '../calc/scaled.js';
import type { Indicator } from '../model/indicators.js';
import { partitionsByParent, type Annex, type Unit } from '../model/annex.js';
import type { OkValue } from '../rules/types.js';
import { carriesSlot, householdsSlot, ofIndicators, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { cutShort, partitionsIn } from './scope.js';
import { defineKind, type Relation, type TriedDecimals } from './types.js';

export interface RateMeanRelation extends Relation {
  readonly parts: ReadonlyArray<{ unit: Unit; rate: OkValue }>;
}

interface Bounds {
  lo: Dec;
  hi: Dec;
  min: { unit: Unit; rate: OkValue };
  max: { unit: Unit; rate: OkValue };
}

/** The values the whole's printed rate may take, from the parts' values (`value` reads a cell), all or all but `except`. */
function boundsOf(r: RateMeanRelation, value: (v: OkValue) => Dec | undefined, except?: RateMeanRelation['parts'][number], dpOf?: TriedDecimals): Bounds | undefined {
  const half = (v: OkValue) => halfUnit(dpOf?.(v.cell.ref) ?? v.decimals ?? 0);
  let b: Bounds | undefined;
  for (const p of r.parts) {
    if (p === except) continue;
    const x = value(p.rate);
    if (x === undefined) return undefined;
    const h = half(p.rate);
    const lo = x.minus(h);
    const hi = x.plus(h);
    if (!b) b = { lo, hi, min: p, max: p };
    else {
      if (lo.lt(b.lo)) b = { ...b, lo, min: p };
      if (hi.gt(b.hi)) b = { ...b, hi, max: p };
    }
  }
  if (!b) return undefined;
  const h = half(r.at);
  return { ...b, lo: b.lo.minus(h), hi: b.hi.plus(h) };
}

/** The scale one decimal past the finest of these values (every half unit an integer there); undefined when one is not a safe scaled integer. */
function commonScale(annex: Annex, ids: readonly number[], slot: Indicator): number | undefined {
  let dp = 0;
  for (const u of ids) {
    const v = annex.values.readScaled(u, slot);
    if (v?.scaled === undefined) return undefined;
    dp = Math.max(dp, v.decimals ?? 0);
  }
  return dp + 1;
}

/** What a printed value may have been before rounding, x ± ½ unit, at scale `dp` in integers (undefined: not exact). */
function spanAt(annex: Annex, u: number, slot: Indicator, dp: number): [number, number] | undefined {
  const v = annex.values.readScaled(u, slot);
  const x = v && scaledAt(v, dp);
  const h = v && scaleTo(5, (v.decimals ?? 0) + 1, dp);
  return x === undefined || h === undefined || !Number.isSafeInteger(x - h) || !Number.isSafeInteger(x + h) ? undefined : [x - h, x + h];
}

/**
 * `boundsOf`'s test on the values' scaled integers (no Value, Unit or Dec made: a table of rates alone may list a
 * whole under hundreds of thousands of parts): the whole's span meets its parts' lowest to highest span. Undefined
 * when a value is not a number held as a safe integer (the relation is then made and checked as usual).
 */
function holdsInIntegers(annex: Annex, parent: number, parts: readonly number[], slot: Indicator): boolean | undefined {
  const dp = commonScale(annex, [parent, ...parts], slot);
  if (dp === undefined) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const u of parts) {
    const span = spanAt(annex, u, slot, dp);
    if (!span) return undefined;
    if (span[0] < lo) lo = span[0];
    if (span[1] > hi) hi = span[1];
  }
  const at = spanAt(annex, parent, slot, dp);
  return at && at[1] >= lo && at[0] <= hi;
}

export const rateMeanKind = defineKind<RateMeanRelation>({
  id: 'rate-mean',
  relation: 'rate-mean',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => ratesAlone(annex).length > 0 && [...partitionsByParent(annex).values()].some((ps) => ps.some((p) => p.length >= 2)),
  each(ctx, visit, checking) {
    const { annex } = ctx;
    const rates = ratesAlone(annex);
    if (rates.length === 0) return;
    for (const [parentId, partitions] of partitionsIn(ctx)) {
      for (let pi = 0; pi < partitions.length; pi++) {
        const units = partitions[pi]!;
        if (units.length < 2) continue;
        if (cutShort(ctx, 'rate-mean', parentId, pi, () => rates.some((s) => okValue(annex, parentId, s.key)))) continue;
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
      holds(get, dpOf) {
        const x = get(r.at.cell.ref);
        const b = boundsOf(r, read(get), undefined, dpOf);
        return !x || !b || (x.gte(b.lo) && x.lte(b.hi));
      },
      bounds(ref, get, dpOf) {
        if (ref !== r.at.cell.ref) return partBounds(r, ref, get, dpOf);
        const b = boundsOf(r, read(get), undefined, dpOf);
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
  const dp = commonScale(annex, units, slot);
  if (dp === undefined) return units;
  for (const u of units) {
    const span = spanAt(annex, u, slot, dp);
    if (!span) return units;
    keep(low, span[0], u, true);
    keep(high, span[1], u, false);
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
function partBounds(r: RateMeanRelation, ref: string, get: (ref: string) => Dec | undefined, dpOf?: TriedDecimals): { lo?: Dec; hi?: Dec } | undefined {
  const part = r.parts.find((p) => p.rate.cell.ref === ref);
  const x = get(r.at.cell.ref);
  if (!part || !x) return undefined;
  // The others' bounds, widened by the whole's half unit (a whole has two parts at least: undefined is a value not read).
  const others = boundsOf(r, (v) => get(v.cell.ref), part, dpOf);
  if (!others) return undefined;
  const reach = halfUnit(dpOf?.(r.at.cell.ref) ?? r.at.decimals ?? 0).plus(halfUnit(dpOf?.(part.rate.cell.ref) ?? part.rate.decimals ?? 0));
  return {
    ...(others.hi.lt(x) ? { lo: x.minus(reach) } : {}),
    ...(others.lo.gt(x) ? { hi: x.plus(reach) } : {}),
  };
}

/** The rates a table prints without the counts or the households that would check them one by one. */
function ratesAlone(annex: Annex): readonly SlotInfo[] {
  return ofIndicators(annex, 'rates-alone', () => ratesAloneOf(annex));
}

function ratesAloneOf(annex: Annex): SlotInfo[] {
  return vocabularySlots(annex).filter((s) => s.point.measure === 'rate' && s.point.role === 'value' && (!carriesSlot(annex, slotFor(s, { measure: 'count' })) || householdsSlot(annex, s) === undefined));
}
