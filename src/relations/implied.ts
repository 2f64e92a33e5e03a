/**
 * implied-households: where a table prints no households, each (count, rate) pair of a unit bounds them: the
 * household counts H with round_half_up(count × 100 / H, dp) = rate. All the pairs of a unit over the same
 * households (poor, near-poor and their sum, at one time) must admit a common H; a mistyped count or rate
 * leaves them none. Pairs of a flow (thoát nghèo, phát sinh …) may be over the households at another time:
 * one a few per cent off is a `denominator` warning, one further off an error.
 *
 * Between a parent and its parts: no part can have more households than the whole (error); the parts'
 * households add up to the whole's, so their intervals must meet (when they do not, the parts' rates and
 * the whole's are over different denominators: a warning, not pinned to one cell).
 */
import { knownParts } from './known-parts.js';
import { Dec, plain } from '../calc/decimal.js';
import type { Annex, Unit } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import { describeIndicator, indicatorKey, IN_FLOWS, OUT_FLOWS } from '../model/vocabulary.js';
import { isAnnexShaped } from '../model/indicators.js';
import type { MessageParams } from '../model/message-ref.js';
import type { OkValue, RuleContext } from '../rules/types.js';
import { householdsSlot, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { listKind, partitionsIn, unitIdsIn } from './scope.js';
import { defineKind, type Form, type Relation, type TriedDecimals } from './types.js';

/** Whole household counts lo … hi (hi undefined: unbounded). */
export interface Interval {
  readonly lo: Dec;
  readonly hi?: Dec;
}

/** The households a pair admits: H ≥ count, and count × 100 / H rounds to the rate at its printed precision. */
export function impliedHouseholds(count: Dec, rate: Dec, dp: number): Interval | undefined {
  const h = new Dec(10).pow(-dp).div(2);
  const hundred = count.mul(100);
  if (count.isZero()) return rate.abs().lt(h) || rate.isZero() ? { lo: new Dec(1) } : undefined;
  // round(x, dp) = rate ⇔ rate − h ≤ x < rate + h (rate > 0).
  const upper = rate.plus(h);
  const lower = rate.minus(h);
  if (!upper.gt(0)) return undefined;
  let lo = hundred.div(upper).floor().plus(1);
  if (lo.lt(count)) lo = count;
  if (!lower.gt(0)) return { lo };
  const hi = hundred.div(lower).floor();
  return lo.gt(hi) ? undefined : { lo, hi };
}

export function intersect(a: Interval, b: Interval): Interval | undefined {
  const lo = Dec.max(a.lo, b.lo);
  const hi = a.hi === undefined ? b.hi : b.hi === undefined ? a.hi : Dec.min(a.hi, b.hi);
  return hi !== undefined && lo.gt(hi) ? undefined : hi === undefined ? { lo } : { lo, hi };
}

export interface Pair {
  readonly count: OkValue;
  readonly rate: OkValue;
  readonly flow: boolean;
  /**
   * A count the table does not print, derived: the households at the start of the year = those at the end + the net
   * reduction (cells `[end, reduced]`; `count` is their sum, at the end's cell). Its cells are these two.
   */
  readonly from?: readonly [OkValue, OkValue];
}

/** The cells a pair's count is read from: its own, or the two it is derived from. */
const countCells = (p: Pair): readonly OkValue[] => p.from ?? [p.count];
/** How a message names a pair's count: its cell, or `(D2 + C2)` for a derived one. */
const countRef = (p: Pair): string => (p.from ? `(${p.from[0].cell.ref} + ${p.from[1].cell.ref})` : p.count.cell.ref);
const pairCells = (p: Pair): OkValue[] => [...countCells(p), p.rate];

const pairInterval = (p: Pair) => impliedHouseholds(p.count.num, p.rate.num, p.rate.decimals ?? 0);

/** The pairs of a unit over one households count with none printed, grouped by that households slot. */
export function pairsOf(annex: Annex, unit: Unit | number, slots: readonly SlotInfo[]): Map<string, Pair[]> {
  const groups = new Map<string, Pair[]>();
  for (const s of slots) {
    if (!paired(s)) continue;
    const rate = okValue(annex, unit, s.key);
    const printed = okValue(annex, unit, slotFor(s, { measure: 'count' }));
    const from = printed || !rate ? undefined : startFrom(annex, unit, s);
    const count = printed ?? (from && derivedCount(from, slotFor(s, { measure: 'count' })!));
    if (!rate || !count) continue;
    const hh = householdsSlot(annex, s);
    if (hh !== undefined && okValue(annex, unit, hh)) continue; // printed: the rate relation checks it
    const flow = (OUT_FLOWS as readonly string[]).includes(s.point.time) || (IN_FLOWS as readonly string[]).includes(s.point.time);
    // Stocks at the end and at a point share the year's households; the start of the year has its own; a
    // target's fall in points goes with its households (`Tương ứng số hộ nghèo giảm`).
    const time = s.point.time === 'start' ? 'start' : s.point.time === 'reduced' ? 'reduced' : 'end';
    const population = s.point.population.startsWith('em_') ? 'em' : 'all';
    // A target's from–to bounds are over the same households.
    const { indicator: _i, bound: _b, ...dims } = s.parsed;
    const key = `${population}|${time}|${s.point.role}|${JSON.stringify(dims)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push({ count, rate, flow, ...(from ? { from } : {}) });
  }
  return groups;
}

/** For a rate at the start of the year whose count is not printed: the count at the end and the net reduction, when both are. */
function startFrom(annex: Annex, unit: Unit | number, s: SlotInfo): readonly [OkValue, OkValue] | undefined {
  if (s.point.time !== 'start' || s.point.role !== 'value' || s.point.measure !== 'rate') return undefined;
  const end = okValue(annex, unit, slotFor(s, { measure: 'count', time: 'end' }));
  const reduced = end && okValue(annex, unit, slotFor(s, { measure: 'count', time: 'reduced' }));
  return end && reduced && end.num.isInteger() && reduced.num.isInteger() ? [end, reduced] : undefined;
}

function derivedCount([end, reduced]: readonly [OkValue, OkValue], indicator: string): OkValue {
  const num = end.num.plus(reduced.num);
  return { ...end, indicator, num, plain: plain(num) };
}

/**
 * The slots that pair with a count: rates, and a target's fall in points (a plan states the households a
 * fall of so many points means). A printed fall in points is the difference of two rates, not a share: no pair.
 */
const paired = (s: SlotInfo) => s.point.measure === 'rate' || (s.point.measure === 'points' && s.point.role === 'target');

/** The households every stock pair of a group admits (undefined: none), and the intervals it was built from. */
export function commonHouseholds(pairs: readonly Pair[]): Interval | undefined {
  let all: Interval | undefined = { lo: new Dec(1) };
  for (const p of pairs) {
    const iv = pairInterval(p);
    all = iv && all && intersect(all, iv);
    if (!all) return undefined;
  }
  return all;
}

export type ImpliedRelation = Relation &
  (
    | { readonly type: 'pairs'; readonly pairs: readonly Pair[] }
    | { readonly type: 'part'; readonly pairs: readonly Pair[]; readonly whole: readonly Pair[] | OkValue; readonly wholeUnit: Unit }
    | { readonly type: 'parts'; readonly parts: ReadonlyArray<{ unit: Unit; pairs: readonly Pair[] }>; readonly whole: readonly Pair[] | OkValue }
  );

/** An interval of households for a message; none (a rate above 100, or below 0) is `lo: ''`: "no number of households". */
const showIv = (iv: Interval | undefined) => (iv ? { lo: plain(iv.lo), ...(iv.hi !== undefined ? { hi: plain(iv.hi) } : {}) } : { lo: '' });
const wholeInterval = (w: readonly Pair[] | OkValue): Interval | undefined => ('num' in w ? { lo: w.num, hi: w.num } : commonHouseholds(w));

/**
 * The pair of a group that no common count admits while all the others do (the one to name). Undefined when no
 * pair is the odd one out (two pairs, or several that disagree): the finding then names none, and the likely
 * causes rank the cells.
 */
function oddOne(pairs: readonly Pair[]): Pair | undefined {
  if (pairs.length < 3) return undefined;
  const odd = pairs.filter((p) => commonHouseholds(pairs.filter((q) => q !== p)));
  return odd.length === 1 ? odd[0] : undefined;
}

function pairsFinding(r: ImpliedRelation & { type: 'pairs' }, ctx: RuleContext): void {
  const stocks = r.pairs.filter((p) => !p.flow);
  const common = commonHouseholds(stocks);
  if (!common) {
    const odd = oddOne(stocks);
    ctx.report(
      finding('error', odd ?? stocks[0]!, r.unit, {
        id: 'implied-households.disagree',
        params: {
          unit: r.unit.name,
          pairs: stocks.map((p) => ({ count: countRef(p), rate: p.rate.cell.ref, ...showIv(pairInterval(p)) })),
          ...(odd ? { cell: odd.rate.cell.ref } : {}),
        },
      }),
    );
    return;
  }
  for (const p of r.pairs.filter((q) => q.flow)) {
    const iv = pairInterval(p);
    if (iv && intersect(iv, common)) continue;
    const near = iv && close(iv, common);
    const params = { unit: r.unit.name, count: countRef(p), rate: p.rate.cell.ref, ...prefixed('flow', showIv(iv)), ...prefixed('common', showIv(common)) } as MessageParams['implied-households.flow'];
    // An exit's rate over the poor (or near-poor) households, not over all households: a share of them.
    const share = iv && !near ? shareOf(ctx.annex, r.unit, p) : undefined;
    if (share && close(iv!, { lo: share.base, hi: share.base })) {
      ctx.report(finding('warning', p, r.unit, { id: 'implied-households.flow-share', params: flowShareParams(params, share) }, 'denominator'));
      continue;
    }
    ctx.report(
      near
        ? finding('warning', p, r.unit, { id: 'implied-households.flow-denominator', params }, 'denominator')
        : finding('error', p, r.unit, { id: 'implied-households.flow', params }),
    );
  }
}

/**
 * The households an exit's rate may be a share of: its population's count at the start of the year, else at the
 * end (or at a point) with those that left added back (the start, but for the year's entries).
 */
export function shareOf(annex: Annex, unit: Unit, p: Pair): { stock: OkValue; base: Dec; withExits: boolean } | undefined {
  const point = describeIndicator(p.count.indicator);
  if (!point || point.time !== 'exited' || point.measure !== 'count') return undefined;
  const stock = (time: 'start' | 'end' | 'point') => {
    const key = indicatorKey({ ...point, time });
    return key === undefined ? undefined : okValue(annex, unit, key);
  };
  const start = stock('start');
  if (start) return { stock: start, base: start.num, withExits: false };
  const later = stock('end') ?? stock('point');
  return later ? { stock: later, base: later.num.plus(p.count.num), withExits: true } : undefined;
}

/** The exit-share warning's figures: the pair's (`pair`: unit, cells, intervals) and the base it is a share of. */
export function flowShareParams(pair: MessageParams['implied-households.flow'], share: NonNullable<ReturnType<typeof shareOf>>): MessageParams['implied-households.flow-share'] {
  return { ...pair, stock: share.stock.cell.ref, base: plain(share.base), ...(share.withExits ? { withExits: true } : {}) };
}

const prefixed = (k: string, iv: { lo: string; hi?: string }) => ({ [`${k}Lo`]: iv.lo, ...(iv.hi !== undefined ? { [`${k}Hi`]: iv.hi } : {}) }) as Record<string, string>;

/** Within 5 % of each other: the same households at another time of the year, not a slip. */
function close(a: Interval, b: Interval): boolean {
  const aMid = a.hi === undefined ? a.lo : a.lo.plus(a.hi).div(2);
  const bMid = b.hi === undefined ? b.lo : b.lo.plus(b.hi).div(2);
  return aMid.minus(bMid).abs().lte(bMid.mul('0.05'));
}

function finding(severity: 'error' | 'warning', p: Pair, unit: Unit, msg: Finding['msg'], rule: 'implied-households' | 'denominator' = 'implied-households'): Finding {
  return { rule, severity, at: p.rate.cell, unit: unit.name, indicator: p.rate.indicator, actual: p.rate.plain, msg };
}

export const impliedKind = defineKind<ImpliedRelation>({
  id: 'implied-households',
  relation: 'implied-households',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  // Where some unit prints a count and its rate but not the households they are over.
  // Not in an annex table: it prints households for every rate (a cell not read is a `number` finding).
  applicable: (annex) => {
    if (isAnnexShaped(annex.indicators)) return false;
    const rates = vocabularySlots(annex).filter(paired);
    for (let u = 0; u < annex.units.length; u++) if (rates.some((s) => okValue(annex, u, s.key) && (okValue(annex, u, slotFor(s, { measure: 'count' })) || startFrom(annex, u, s)) && !okValue(annex, u, householdsSlot(annex, s)))) return true;
    return false;
  },
  *instances(ctx) {
    const { annex } = ctx;
    const slots = vocabularySlots(annex);
    if (isAnnexShaped(annex.indicators) || !slots.some(paired)) return;
    // Each unit's pairs, once (a part's pairs are read again for its parent's instances).
    const byUnit = new Map<number, Map<string, Pair[]>>();
    const pairsFor = (unit: number) => byUnit.get(unit) ?? byUnit.set(unit, pairsOf(annex, unit, slots)).get(unit)!;
    for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
      const id = ids.list ? ids.list[nth]! : nth;
      const groups = pairsFor(id);
      for (const pairs of groups.values()) {
        if (pairs.filter((p) => !p.flow).length < (pairs.some((p) => p.flow) ? 1 : 2)) continue;
        yield { type: 'pairs', unit: annex.units.at(id)!, at: pairs[0]!.rate, cells: pairs.flatMap(pairCells), pairs };
      }
    }
    // Parents and their parts: the whole's households (printed, or implied by its end-of-year pairs).
    for (const [parentId, partitions] of partitionsIn(ctx)) {
      const parent = annex.units.at(parentId)!;
      const whole = wholeOf(annex, parent, pairsFor(parent.id));
      if (!whole) continue;
      for (const parts of partitions) {
        // A list the table does not give whole may hold a row printed for comparison (the region under a province).
        const list = listKind(annex, parentId, parts);
        if (list !== 'whole' && !knownParts(annex, parent, parts, list === 'one' ? 'named' : 'not-contradicted')) continue;
        const withPairs = parts.map((id) => annex.units.at(id)!).map((u) => ({ unit: u, pairs: (pairsFor(u.id).get(GROUP_END) ?? []).filter((p) => !p.flow) })).filter((x) => x.pairs.length > 0);
        for (const x of withPairs) {
          yield { type: 'part', unit: x.unit, at: x.pairs[0]!.rate, cells: [...x.pairs.flatMap(pairCells), ...cellsOfWhole(whole)], pairs: x.pairs, whole, wholeUnit: parent };
        }
        // The parts' households add up to the whole's only when the list is whole (not cut short, not an excerpt).
        if (list === 'whole' && withPairs.length === parts.length && parts.length >= 2) {
          yield { type: 'parts', unit: parent, at: cellsOfWhole(whole)[0]!, cells: [...withPairs.flatMap((x) => x.pairs.flatMap(pairCells)), ...cellsOfWhole(whole)], parts: withPairs, whole };
        }
      }
    }
  },
  check(r, ctx) {
    ctx.checked('implied-households');
    if (r.type === 'pairs') return pairsFinding(r, ctx);
    const whole = wholeInterval(r.whole);
    if (!whole) return;
    if (r.type === 'part') {
      const iv = commonHouseholds(r.pairs);
      if (!iv || whole.hi === undefined || !iv.lo.gt(whole.hi)) return;
      const odd = r.pairs[0]!;
      ctx.report(
        finding('error', odd, r.unit, {
          id: 'implied-households.exceeds-whole',
          params: { unit: r.unit.name, whole: r.wholeUnit.name, ...prefixed('part', showIv(iv)), ...prefixed('whole', showIv(whole)), rate: odd.rate.cell.ref, count: countRef(odd) } as MessageParams['implied-households.exceeds-whole'],
        }),
      );
      return;
    }
    let lo = new Dec(0);
    let hi: Dec | undefined = new Dec(0);
    for (const x of r.parts) {
      const iv = commonHouseholds(x.pairs);
      if (!iv) return; // reported by the unit's own pairs
      lo = lo.plus(iv.lo);
      hi = hi === undefined || iv.hi === undefined ? undefined : hi.plus(iv.hi);
    }
    const sum: Interval = hi === undefined ? { lo } : { lo, hi };
    if (intersect(sum, whole)) return;
    ctx.report({
      rule: 'implied-households',
      severity: 'warning',
      at: r.at.cell,
      unit: r.unit.name,
      msg: { id: 'implied-households.parts', params: { unit: r.unit.name, count: r.parts.length, ...prefixed('parts', showIv(sum)), ...prefixed('whole', showIv(whole)) } as MessageParams['implied-households.parts'] },
    });
  },
  form(r): Form | undefined {
    const refs = r.cells.map((c) => c.cell.ref);
    if (r.type === 'parts') return undefined; // a warning about denominators, not a slip to localise
    return { type: 'test', refs, holds: (get, dpOf) => holdsWith(r, get, dpOf), bounds: (ref, get, dpOf) => boundsFor(r, ref, get, dpOf) };
  },
});

const GROUP_END = `all|end|value|${JSON.stringify({})}`;

function wholeOf(annex: Annex, parent: Unit, groups: Map<string, Pair[]> | undefined): readonly Pair[] | OkValue | undefined {
  const printed = okValue(annex, parent, 'households') ?? okValue(annex, parent, 'households_end');
  if (printed) return printed;
  const pairs = (groups?.get(GROUP_END) ?? []).filter((p) => !p.flow);
  return pairs.length > 0 ? pairs : undefined;
}

const cellsOfWhole = (w: readonly Pair[] | OkValue): OkValue[] => ('num' in w ? [w] : w.flatMap(pairCells));

/** A pair's count on locate's candidate values: its cell's, or the sum of the two it is derived from. */
function countWith(p: Pair, get: (ref: string) => Dec | undefined): Dec | undefined {
  if (!p.from) return get(p.count.cell.ref);
  const [a, b] = p.from.map((v) => get(v.cell.ref));
  return a && b ? a.plus(b) : undefined;
}

/** The relation evaluated on values that may differ from the table's (locate's candidates). */
function holdsWith(r: ImpliedRelation, get: (ref: string) => Dec | undefined, dpOf?: TriedDecimals): boolean {
  const with_ = (p: Pair): Pair | undefined => {
    const c = countWith(p, get);
    const x = get(p.rate.cell.ref);
    if (!c || !x) return undefined;
    const decimals = dpOf?.(p.rate.cell.ref) ?? p.rate.decimals;
    return { flow: p.flow, count: { ...p.count, num: c }, rate: { ...p.rate, num: x, ...(decimals !== undefined ? { decimals } : {}) } };
  };
  if (r.type === 'pairs') {
    const stocks = r.pairs.filter((p) => !p.flow).map(with_);
    if (stocks.some((p) => !p)) return true;
    return commonHouseholds(stocks as Pair[]) !== undefined;
  }
  if (r.type === 'part') {
    const parts = r.pairs.map(with_);
    const w = r.whole;
    const printed = 'num' in w ? get(w.cell.ref) : undefined;
    const whole = 'num' in w ? (printed ? { lo: printed, hi: printed } : undefined) : commonHouseholds(w.map(with_).filter((p): p is Pair => !!p));
    if (parts.some((p) => !p) || !whole) return true;
    const iv = commonHouseholds(parts as Pair[]);
    return !iv || whole.hi === undefined || !iv.lo.gt(whole.hi);
  }
  return true;
}


/**
 * For one cell of a pair moving alone, exactly the values that keep the relation: with the other pairs'
 * common households L … U (or the whole's upper bound W), a count c fits the households H with
 * (r − h)·H ≤ 100·c < (r + h)·H, and a rate the values 100·c / H rounds to, for H in that interval.
 */
function boundsFor(r: ImpliedRelation, ref: string, get: (ref: string) => Dec | undefined, dpOf?: TriedDecimals): { lo?: Dec; loStrict?: boolean; hi?: Dec; hiStrict?: boolean } | undefined {
  if (r.type === 'parts') return undefined;
  const pairs = r.pairs;
  const pair = pairs.find((p) => p.rate.cell.ref === ref || countCells(p).some((x) => x.cell.ref === ref));
  if (!pair) return undefined;
  // The rate's decimals: those it would be proposed with when it is the cell that moves.
  const dp = dpOf?.(pair.rate.cell.ref) ?? pair.rate.decimals ?? 0;
  const h = new Dec(10).pow(-dp).div(2);
  const c = countWith(pair, get);
  const x = get(pair.rate.cell.ref);
  if (!c || !x) return undefined;
  if (r.type === 'part') {
    const w = r.whole;
    const wholeIv = 'num' in w ? { lo: get(w.cell.ref)!, hi: get(w.cell.ref)! } : commonHouseholds(w);
    const W = wholeIv?.hi;
    if (W === undefined || W.isZero()) return undefined;
    // lo(c, r) ≤ W ⇔ 100·c / (r + h) < W.
    return ref === pair.rate.cell.ref ? { lo: c.mul(100).div(W).minus(h), loStrict: true } : { hi: W.mul(x.plus(h)).div(100), hiStrict: true };
  }
  const others = commonHouseholds(pairs.filter((p) => p !== pair && !p.flow));
  if (!others || others.hi === undefined || pair.flow) return undefined;
  const { lo: L, hi: U } = others;
  if (ref !== pair.rate.cell.ref) {
    // The count's bounds; a cell the count is derived from moves it alone: the same bounds less the other cell.
    const other = pair.from?.find((v) => v.cell.ref !== ref);
    const shift = other ? get(other.cell.ref) : new Dec(0);
    if (!shift) return undefined;
    if (x.minus(h).lte(0)) return { hi: x.plus(h).mul(U).div(100).minus(shift), hiStrict: true };
    return { lo: x.minus(h).mul(L).div(100).minus(shift), hi: x.plus(h).mul(U).div(100).minus(shift), hiStrict: true };
  }
  return { lo: c.mul(100).div(U).toDecimalPlaces(dp, Dec.ROUND_HALF_UP), hi: c.mul(100).div(L).toDecimalPlaces(dp, Dec.ROUND_HALF_UP) };
}
