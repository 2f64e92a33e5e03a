/**
 * rate-change: the printed reduction equals the printed start rate − the printed end rate (the annex
 * convention: the seed's 2,65 = 15,08 − 12,43 although the unrounded difference rounds to 2,64, which is an
 * info). A rate the table does not print is computed from its counts, the annex's way.
 */
import { Dec, plain } from '../calc/decimal.js';
import { exactRate, poorReduced, rate, rateReduction, RATE_DECIMALS, roundRate } from '../calc/annex-math.js';
import type { Annex, Unit, ValueStore } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { parseSlot } from '../model/slots.js';
import { tallyDecimals, usualDecimals, type DecimalsTally } from '../model/decimals.js';
import type { Finding, Severity } from '../model/finding.js';
import type { MessageRef } from '../model/message-ref.js';
import { num, ref, sub, type Expr } from '../model/expr.js';
import { intOf, rateCutScaled, rateScaled, scaledAt, scaledPlain, scaleTo, type ScaledValue } from '../calc/scaled.js';
import { carries, isOk, okNum, usable, type OkValue, type RuleContext } from '../rules/types.js';
import { EXACT_SHOWN } from './rate.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';
import { allNumbers, ColumnRow, columnsOf, slotIndexes, wholeAt } from './columns.js';
import { carriesSlot, okValue, printedAnywhere, seriesChange, skipUnprintedBases, slotFor, vocabularySlots, yearStart, type SlotInfo } from './slots.js';

/** A rate as printed, or computed from its count and households. */
type RateSource = { printed: OkValue } | { count: OkValue; households: OkValue };

export interface RateChangeRelation extends Relation {
  readonly start: RateSource;
  readonly end: RateSource;
  /**
   * Another population's reduction (`near_poor_rate_reduced`) or a series by year (last year's rate less this
   * year's): compared as printed, without the annex's counts (its notes and explanations are of the poverty rate).
   */
  readonly other?: boolean;
  /** Along a series by year: what the fall is of, from which year to which. */
  readonly span?: SeriesSpan;
  /** The printed rates and reduction as the store's integers, when read so (ColumnRateChange). */
  readonly q?: PrintedRates;
}

/** The printed start and end rates and the printed reduction, as integers and decimals (calc/scaled.ts). */
interface PrintedRates {
  readonly start: ScaledValue;
  readonly end: ScaledValue;
  readonly at: ScaledValue;
}

/**
 * A unit's rate-change when its three printed figures are numbers read as integers from the store
 * (`readScaled`): its `Value`s are made when first asked (a finding, a note, locate's form).
 */
class ColumnRateChange implements RateChangeRelation {
  #at: OkValue | undefined;
  #start: RateSource | undefined;
  #end: RateSource | undefined;
  constructor(
    private readonly values: ValueStore,
    readonly unit: Unit,
    readonly q: PrintedRates,
  ) {}

  get at(): OkValue {
    return (this.#at ??= this.values.get(this.unit.id, 'rate_reduced') as OkValue);
  }

  get start(): RateSource {
    return (this.#start ??= { printed: this.values.get(this.unit.id, 'rate_start') as OkValue });
  }

  get end(): RateSource {
    return (this.#end ??= { printed: this.values.get(this.unit.id, 'rate_end') as OkValue });
  }

  get cells(): readonly OkValue[] {
    return [...cellsOf(this.start), ...cellsOf(this.end), this.at];
  }

  /** Its cells are its unit's (its printed rates). */
  unitIds(): readonly number[] {
    return [this.unit.id];
  }
}

const PRINTED = ['rate_reduced', 'rate_start', 'rate_end'] as const;

/** The three printed figures' integers from the store, or undefined as soon as one is not a number held so. */
function printedRead(values: ValueStore, unit: number): PrintedRates | undefined {
  const at = values.readScaled(unit, 'rate_reduced');
  const start = at && values.readScaled(unit, 'rate_start');
  const end = start && values.readScaled(unit, 'rate_end');
  return end ? { start, end, at } : undefined;
}

/** A side's decimals and its rate × 10^dp as the integer checks read them: the store's integers, else the source. */
const sideDecimals = (r: RateChangeRelation, side: 'start' | 'end'): number => (r.q ? (r.q[side].decimals ?? 0) : decimalsOf(r[side]));
const sideScaled = (r: RateChangeRelation, side: 'start' | 'end', dp: number): number | undefined => (r.q ? scaledAt(r.q[side], dp) : scaledRate(r[side], dp));

/** The counts a start or end rate is computed from. */
const COUNTS_OF = { rate_start: ['poor_start', 'households_start'], rate_end: ['poor_end', 'households_end'] } as const;

/** The annex's start and end rates. */
const ANNEX_RATES = ['rate_start', 'rate_end'] as const;

/** The start or end rate as printed, else its counts; undefined (and a skip) when neither is usable. */
function sourceOf(ctx: RuleContext, unit: Unit, which: 'rate_start' | 'rate_end'): RateSource | undefined {
  if (carries(ctx.annex, [which])) {
    const v = usable(ctx, 'rate-change', unit, [which]);
    return v ? { printed: v[which] } : undefined;
  }
  const [p, h] = COUNTS_OF[which];
  const counts = usable(ctx, 'rate-change', unit, [p, h] as const);
  return counts ? { count: counts[p], households: counts[h] } : undefined;
}

/** Whether the table prints a rate, or the two counts it is computed from (`sourceOf`). */
const canSource = (annex: Annex, which: 'rate_start' | 'rate_end'): boolean => carries(annex, [which]) || carries(annex, COUNTS_OF[which]);

const valueOf = (s: RateSource): { value: Dec; computed: boolean } | undefined => {
  if ('printed' in s) return { value: s.printed.num, computed: false };
  const r = rate(s.count.num, s.households.num);
  return r ? { value: r, computed: true } : undefined;
};

const cellsOf = (s: RateSource): OkValue[] => ('printed' in s ? [s.printed] : [s.count, s.households]);

const exprOf = (s: RateSource): Expr =>
  'printed' in s
    ? ref(s.printed.cell.ref)
    : { k: 'round', a: { k: 'bin', op: '/', a: { k: 'bin', op: '*', a: ref(s.count.cell.ref), b: num(100) }, b: ref(s.households.cell.ref) }, d: num(RATE_DECIMALS) };

/**
 * Exact start rate − exact end rate from the counts, when all four are usable and agree with the rates
 * used (otherwise the counts explain nothing about the printed reduction). No skip is recorded.
 */
function unroundedFall(ctx: RuleContext, r: RateChangeRelation, start: Dec, end: Dec): Dec | undefined {
  if (r.other) return undefined;
  const v = ctx.annex.values.row(r.unit.id);
  if (!v || !isOk(v.poor_start) || !isOk(v.households_start) || !isOk(v.poor_end) || !isOk(v.households_end)) return undefined;
  const s = exactRate(v.poor_start.num, v.households_start.num);
  const e = exactRate(v.poor_end.num, v.households_end.num);
  if (!s || !e) return undefined;
  if (!roundRate(s).eq(start) || !roundRate(e).eq(end)) return undefined;
  return s.minus(e);
}

/** Reduced households / start households × 100, when usable. */
function shareReduced(ctx: RuleContext, r: RateChangeRelation): Dec | undefined {
  if (r.other) return undefined;
  const v = ctx.annex.values.row(r.unit.id);
  if (!v || !isOk(v.households_start) || v.households_start.num.isZero()) return undefined;
  const reduced = poorReduced(okNum(v.poor_reduced), okNum(v.poor_start), okNum(v.poor_end));
  return reduced ? exactRate(reduced, v.households_start.num) : undefined;
}

/**
 * The convention note when the printed reduction is the difference of the printed rates but the unrounded
 * fall rounds otherwise (the seed's 2,65 against 2,64): undefined when there is none to make.
 */
function conventionNote(ctx: RuleContext, r: RateChangeRelation): Finding | undefined {
  const start = valueOf(r.start);
  const end = valueOf(r.end);
  if (!start || !end) return undefined;
  const { unit, at: printed } = r;
  const expected = rateReduction(start.value, end.value);
  const unrounded = unroundedFall(ctx, r, start.value, end.value);
  const rounded = unrounded && roundRate(unrounded);
  if (!unrounded || !rounded || rounded.eq(expected)) return undefined;
  return atPrintedReduction(r, 'info', plain(expected, RATE_DECIMALS), {
    id: 'rate-change.convention',
    params: {
      unit: unit.name,
      start: plain(start.value, RATE_DECIMALS),
      end: plain(end.value, RATE_DECIMALS),
      actual: printed.plain,
      unrounded: plain(unrounded.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN),
      rounded: plain(rounded, RATE_DECIMALS),
    },
  });
}

/** A finding at the printed reduction: the difference of the rates (`expected`, its plain text) against what the table prints. */
function atPrintedReduction(r: RateChangeRelation, severity: Severity, expected: string, msg: MessageRef): Finding {
  return {
    rule: 'rate-change',
    severity,
    at: r.at.cell,
    unit: (msg.params as { unit: string }).unit,
    indicator: r.at.indicator,
    expected,
    actual: r.at.plain,
    msg,
  };
}

/** A rate (printed, or computed from whole counts at two decimals) × 10^dp, exactly, or undefined. */
function scaledRate(s: RateSource, dp: number): number | undefined {
  return 'printed' in s ? scaledAt(s.printed, dp) : countsRate(s.count, s.households, dp);
}

/** count / households × 100 from whole counts at two decimals, × 10^dp, exactly, or undefined. */
function countsRate(count: ScaledValue, households: ScaledValue, dp: number): number | undefined {
  return wholeCountsRate(intOf(count), intOf(households), dp);
}

/** countsRate of whole counts given as numbers (undefined: not whole). */
function wholeCountsRate(p: number | undefined, h: number | undefined, dp: number): number | undefined {
  const r = p === undefined || h === undefined ? undefined : rateScaled(p, h, RATE_DECIMALS);
  return r === undefined ? undefined : scaleTo(r, RATE_DECIMALS, dp);
}

const COUNTS = ['poor_start', 'households_start', 'poor_end', 'households_end'] as const;

/**
 * The unit's four counts as integers and decimals: read from the store when every one is a number held so
 * (no Value made), else from its Values; 'missing' when one is not a usable number.
 */
function countsRead(ctx: RuleContext, unit: number): readonly ScaledValue[] | 'missing' {
  const values = ctx.annex.values;
  const read: ScaledValue[] = [];
  for (const k of COUNTS) {
    const q = values.readScaled(unit, k);
    if (q === undefined) break;
    read.push(q);
  }
  if (read.length === COUNTS.length) return read;
  const v = values.row(unit);
  if (!v || !isOk(v.poor_start) || !isOk(v.households_start) || !isOk(v.poor_end) || !isOk(v.households_end)) return 'missing';
  return [v.poor_start, v.households_start, v.poor_end, v.households_end];
}

/**
 * The check in integers when every figure allows it: 'ok' (the reduction is the difference of the rates, no
 * note), 'convention' (it is, with a convention note due), or undefined (a mismatch, or not decidable in
 * integers). Anything but 'ok' goes to the decimal check, which decides and explains.
 */
export function quickCheck(ctx: RuleContext, r: RateChangeRelation): 'ok' | 'convention' | undefined {
  if (r.q) return quickCheckRead(ctx, r.unit.id, r.q);
  const at = r.at;
  const dp = Math.max(RATE_DECIMALS, sideDecimals(r, 'start'), sideDecimals(r, 'end'), at.decimals ?? 0);
  return quickCheckAt(ctx, r.other ? undefined : r.unit.id, dp, sideScaled(r, 'start', dp), sideScaled(r, 'end', dp), scaledAt(at, dp));
}

/** quickCheck of a unit whose printed figures are the store's integers `q` (no relation made). */
function quickCheckRead(ctx: RuleContext, unit: number, q: PrintedRates): 'ok' | 'convention' | undefined {
  const dp = Math.max(RATE_DECIMALS, q.start.decimals ?? 0, q.end.decimals ?? 0, q.at.decimals ?? 0);
  return quickCheckAt(ctx, unit, dp, scaledAt(q.start, dp), scaledAt(q.end, dp), scaledAt(q.at, dp));
}

/** quickCheck on the start and end rates and the printed reduction × 10^dp (`unit` undefined: no counts to read, `other`). */
function quickCheckAt(ctx: RuleContext, unit: number | undefined, dp: number, start: number | undefined, end: number | undefined, printed: number | undefined): 'ok' | 'convention' | undefined {
  if (start === undefined || end === undefined || printed === undefined || start - end !== printed) return undefined;
  if (unit === undefined) return 'ok';
  const counts = countsRead(ctx, unit);
  if (counts === 'missing') return 'ok';
  return quickCheckCounts(dp, start, end, intOf(counts[0]!), intOf(counts[1]!), intOf(counts[2]!), intOf(counts[3]!));
}

/**
 * quickCheck's test of a unit whose printed reduction is the difference of its rates (`start`, `end`, × 10^dp)
 * against its whole counts (undefined: not whole).
 */
function quickCheckCounts(dp: number, start: number, end: number, p0: number | undefined, h0: number | undefined, p1: number | undefined, h1: number | undefined): 'ok' | 'convention' | undefined {
  if (p0 === undefined || h0 === undefined || p1 === undefined || h1 === undefined) return undefined;
  if (h0 === 0 || h1 === 0) return 'ok';
  // The counts explain the printed rates only when they round to them (unroundedFall).
  const rs = wholeCountsRate(p0, h0, dp);
  const re = wholeCountsRate(p1, h1, dp);
  if (rs === undefined || re === undefined) return undefined;
  if (rs !== start || re !== end) return 'ok';
  // The unrounded fall, 100·(p0·h1 − p1·h0) / (h0·h1), half-up at two decimals, against the difference:
  // in safe integers when the products are (rateScaled), else in BigInt.
  const a = p0 * h1;
  const b = p1 * h0;
  const den0 = h0 * h1;
  const fall = Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(a - b) && Number.isSafeInteger(den0) ? rateScaled(a - b, den0, RATE_DECIMALS) : undefined;
  const fallAt = fall === undefined ? undefined : scaleTo(fall, RATE_DECIMALS, dp);
  if (fallAt !== undefined) return fallAt === start - end ? 'ok' : 'convention';
  const num = (BigInt(p0) * BigInt(h1) - BigInt(p1) * BigInt(h0)) * 10_000n;
  const den = BigInt(h0) * BigInt(h1);
  const neg = num < 0n !== den < 0n;
  const [n, d] = [num < 0n ? -num : num, den < 0n ? -den : den];
  const q = n / d + (2n * (n % d) >= d ? 1n : 0n);
  const rounded = scaleTo(Number(neg ? -q : q), RATE_DECIMALS, dp);
  if (rounded === undefined || !Number.isSafeInteger(Number(q))) return undefined;
  return rounded === start - end ? 'ok' : 'convention';
}

/**
 * The unrounded fall 100·(p0·h1 − p1·h0) / (h0·h1) cut to EXACT_SHOWN decimals toward zero, and half-up (away
 * from zero) at two, as decimal.js's ROUND_DOWN and ROUND_HALF_UP do (× 10^decimals): in safe integers when the
 * products are (calc/scaled.ts `rateCutScaled`, `rateScaled`), else undefined.
 */
function fallInNumbers(p0: number, h0: number, p1: number, h1: number): [unrounded: number, rounded: number] | undefined {
  const a = p0 * h1;
  const b = p1 * h0;
  const den = h0 * h1;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(a - b) || !Number.isSafeInteger(den)) return undefined;
  const unrounded = rateCutScaled(a - b, den, EXACT_SHOWN);
  const rounded = rateScaled(a - b, den, RATE_DECIMALS);
  return unrounded === undefined || rounded === undefined ? undefined : [unrounded, rounded];
}

/** fallInNumbers in BigInt, for counts whose products are past the safe integers; undefined when a figure is too. */
function fallInBigInt(p0: number, h0: number, p1: number, h1: number): [unrounded: number, rounded: number] | undefined {
  const num = BigInt(p0) * BigInt(h1) - BigInt(p1) * BigInt(h0);
  const den = BigInt(h0) * BigInt(h1);
  const neg = num < 0n !== den < 0n;
  const [n, d] = [num < 0n ? -num : num, den < 0n ? -den : den];
  const cut = (n * 100n * 10n ** BigInt(EXACT_SHOWN)) / d;
  const hundredths = (n * 100n * 100n) / d;
  const half = 2n * ((n * 100n * 100n) % d) >= d ? 1n : 0n;
  const signed = (x: bigint) => Number(neg ? -x : x);
  const [unrounded, rounded] = [signed(cut), signed(hundredths + half)];
  return Number.isSafeInteger(unrounded) && Number.isSafeInteger(rounded) ? [unrounded, rounded] : undefined;
}

/**
 * The convention note (`conventionNote`) from whole counts and rates of at most two decimals, in integers, when
 * quickCheck says 'convention': the same text as the decimals write. Undefined when the figures are not such
 * (the decimals make the note then).
 */
export function conventionInIntegers(ctx: RuleContext, r: RateChangeRelation): Finding | undefined {
  if (r.other) return undefined;
  if (sideDecimals(r, 'start') > RATE_DECIMALS || sideDecimals(r, 'end') > RATE_DECIMALS) return undefined;
  const start = sideScaled(r, 'start', RATE_DECIMALS);
  const end = sideScaled(r, 'end', RATE_DECIMALS);
  const counts = countsRead(ctx, r.unit.id);
  if (start === undefined || end === undefined || counts === 'missing') return undefined;
  const [p0, h0, p1, h1] = counts.map(intOf);
  if (p0 === undefined || h0 === undefined || p1 === undefined || h1 === undefined || h0 === 0 || h1 === 0) return undefined;
  const fall = fallInNumbers(p0, h0, p1, h1) ?? fallInBigInt(p0, h0, p1, h1);
  if (fall === undefined) return undefined;
  const [unrounded, rounded] = fall;
  return atPrintedReduction(r, 'info', scaledPlain(start - end, RATE_DECIMALS), {
    id: 'rate-change.convention',
    params: {
      unit: r.unit.name,
      start: scaledPlain(start, RATE_DECIMALS),
      end: scaledPlain(end, RATE_DECIMALS),
      actual: r.at.plain,
      unrounded: scaledPlain(unrounded, EXACT_SHOWN),
      rounded: scaledPlain(rounded, RATE_DECIMALS),
    },
  });
}

/**
 * The check in exact decimals: decides every relation, and explains a mismatch (the unrounded fall, the share
 * of households reduced) or makes the convention note. `check` comes here whenever the integers do not decide.
 */
/**
 * The decimals of a reduction printed with fewer than the rates it is the difference of (`2,1` for 10,74 − 8,65),
 * when its whole column is printed so and the rates' columns usually have more (one `2,6` among `2,06`s is a digit
 * dropped, one `9,311` among two-decimal rates a digit doubled: neither is a coarser print); else undefined.
 */
function coarserReduction(annex: Annex, r: RateChangeRelation): number | undefined {
  const dp = r.at.decimals ?? 0;
  const own = (s: RateSource) => ('printed' in s ? (s.printed.decimals ?? 0) : RATE_DECIMALS);
  if (dp >= Math.max(own(r.start), own(r.end))) return undefined;
  const side = (s: RateSource) => ('printed' in s ? columnDecimals(annex, s.printed.indicator).usual : RATE_DECIMALS);
  if (dp >= Math.min(side(r.start), side(r.end))) return undefined;
  return columnDecimals(annex, r.at.indicator).most <= dp ? dp : undefined;
}

/** The most decimals any value of a column is printed with, and the most frequent (ties: the larger); once per table and column. */
function columnDecimals(annex: Annex, slot: Indicator): { most: number; usual: number } {
  let bySlot = COLUMN_DECIMALS.get(annex);
  if (!bySlot) COLUMN_DECIMALS.set(annex, (bySlot = new Map()));
  let d = bySlot.get(slot);
  if (d === undefined) {
    const tally: DecimalsTally = new Map();
    for (let u = 0; u < annex.units.length; u++) {
      const v = annex.values.get(u, slot);
      if (v?.status === 'ok') tallyDecimals(tally, v.decimals ?? 0);
    }
    d = { most: Math.max(0, ...tally.keys()), usual: usualDecimals(tally) ?? 0 };
    bySlot.set(slot, d);
  }
  return d;
}

const COLUMN_DECIMALS = new WeakMap<Annex, Map<Indicator, { most: number; usual: number }>>();

/**
 * The decimals a mismatching difference (`expected`, exact at `ratesDp` decimals) is shown with: the reduction
 * column's usual `columnDp` (rounded half-up, the convention), or more up to `ratesDp` when fewer would show
 * the figure the table prints (`printed`).
 */
function shownDecimals(expected: Dec, printed: Dec, columnDp: number, ratesDp: number): number {
  for (let dp = Math.min(columnDp, ratesDp); dp < ratesDp; dp++) if (!expected.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(printed)) return dp;
  return ratesDp;
}

export function checkInDecimals(r: RateChangeRelation, ctx: RuleContext): void {
  const start = valueOf(r.start);
  const end = valueOf(r.end);
  if (!start || !end) return;
  ctx.checked('rate-change');
  const { unit, at: printed } = r;
  // A reduction printed with fewer decimals than its rates (2,1 for 10,74 − 8,65) is their difference rounded so.
  const coarse = coarserReduction(ctx.annex, r);
  const diff = rateReduction(start.value, end.value);
  const expected = coarse === undefined ? diff : diff.toDecimalPlaces(coarse, Dec.ROUND_HALF_UP);
  // Said at the decimals the rates are printed with (`58,2 − 27,9 = 30,3`), two for a rate computed from counts, but
  // no finer than the reduction column prints unless the difference needs it (`0,1180 − 9,74 = -9,62`: a share typed
  // for a rate; `9,311 − 7,29 = 2,021` against 2,02).
  const ratesDp = Math.max(decimalsOf(r.start), decimalsOf(r.end));
  const dp = coarse ?? shownDecimals(expected, printed.num, columnDecimals(ctx.annex, r.at.indicator).usual, ratesDp);
  const unrounded = unroundedFall(ctx, r, start.value, end.value);
  const startText = plain(start.value, decimalsOf(r.start));
  const endText = plain(end.value, decimalsOf(r.end));
  if (expected.eq(printed.num)) {
    const note = conventionNote(ctx, r);
    if (note) {
      // A convention, not an error: per unit down to depth 1, one summary per parent below.
      if (ctx.depth(unit) <= 1) ctx.report(note);
      else ctx.fold('rate-change', unit, () => note);
    }
    return;
  }
  const roundedUnrounded = unrounded && roundRate(unrounded);
  const exactShare = shareReduced(ctx, r);
  const share = exactShare && roundRate(exactShare);
  const shown = plain(expected, dp);
  ctx.report(
    atPrintedReduction(r, 'error', shown, {
      id: 'rate-change.mismatch',
      params: {
        unit: unit.name,
        start: startText,
        end: endText,
        expected: shown,
        actual: printed.plain,
        computed: start.computed || end.computed,
        // Shown rounded (2,1 for 10,74 − 8,65 at the reduction's coarser print; -9,62 for 0,1180 − 9,74, a share typed
        // for a rate): the difference itself too, or the equation would be false.
        ...(!diff.eq(shown) ? { difference: plain(diff, Math.min(ratesDp, diff.decimalPlaces())), decimals: dp } : {}),
        ...(r.other ? { indicator: r.at.indicator } : {}),
        ...(r.span ? { rate: r.span.rate, from: r.span.from, to: r.span.to } : {}),
        ...(unrounded && roundedUnrounded?.eq(printed.num) ? { unrounded: plain(unrounded.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN) } : {}),
        ...(share?.eq(printed.num) ? { share: plain(share, RATE_DECIMALS) } : {}),
      },
    }),
  );
}

/** The slots quickInColumns reads: the printed reduction, start and end rates, then COUNTS. */
const COLUMN_SLOTS = ['rate_reduced', 'rate_start', 'rate_end', ...COUNTS] as const;

/**
 * quickCheck on a long table's columns (`row`, read for the unit; `at`: the slot indexes of COLUMN_SLOTS), or undefined when a figure
 * is not a number held there (the relation is then made and checked as usual).
 */
function quickInColumns(row: ColumnRow, at: readonly number[]): 'ok' | 'convention' | undefined {
  if (!allNumbers(row, at)) return undefined;
  const { scaled, decimals } = row;
  const ai = at[0]!;
  const si = at[1]!;
  const ei = at[2]!;
  const ad = decimals[ai]!;
  const sd = decimals[si]!;
  const ed = decimals[ei]!;
  const dp = Math.max(RATE_DECIMALS, sd, ed, ad);
  const start = scaleTo(scaled[si]!, sd, dp);
  const end = scaleTo(scaled[ei]!, ed, dp);
  const printed = scaleTo(scaled[ai]!, ad, dp);
  if (start === undefined || end === undefined || printed === undefined || start - end !== printed) return undefined;
  return quickCheckCounts(dp, start, end, wholeAt(row, at[3]!, undefined), wholeAt(row, at[4]!, undefined), wholeAt(row, at[5]!, undefined), wholeAt(row, at[6]!, undefined));
}

/** A deeper unit's convention note, folded: made (from the relation `relation` gives) only if its parent's summary names it. */
function foldConvention(ctx: RuleContext, unit: Unit | number, relation: () => RateChangeRelation): void {
  ctx.fold('rate-change', unit, () => {
    const r = relation();
    return conventionInIntegers(ctx, r) ?? conventionNote(ctx, r)!;
  });
}

/** A printed reduction of rates other than the annex's: its start, end and reduction slots. */
interface OtherReduction {
  readonly start: Indicator;
  /** Last year's end rate, the start of a unit that leaves `start` blank (slots.ts `yearStart`). */
  readonly startElse?: Indicator;
  readonly end: Indicator;
  readonly reduced: Indicator;
  /** Along a series by year: the rate (its key without the year) and the two years. */
  readonly span?: SeriesSpan;
}

/** The rate a series' fall is of and the years it goes from and to (worded `the fall of the poverty rate from 2013 to 2014`). */
export interface SeriesSpan {
  readonly rate: Indicator;
  readonly from: string;
  readonly to: string;
}

/**
 * The reductions of rates the table prints besides the annex's `rate_reduced`: another population's between the
 * start and the end of the year (`Tỷ lệ hộ cận nghèo giảm`), and along a series by year, from last year's rate or
 * from the year its label names (`Tỷ lệ hộ nghèo giảm so với năm trước` in the row of 2014), or between the two
 * years a table prints (`slots.ts` `seriesChange`).
 */
function otherReductions(annex: Annex): OtherReduction[] {
  const out: OtherReduction[] = [];
  for (const slot of vocabularySlots(annex)) {
    if (slot.point.measure !== 'rate' || slot.point.role !== 'value' || slot.key === 'rate_end') continue;
    const points = { time: 'reduced', measure: 'points' } as const;
    if (slot.point.time === 'end') {
      // Its year's start, else last year's end printed in its place (`cuối năm 2021 | cuối năm 2022 | Mức giảm … năm 2022`).
      const { start, startElse } = yearStart(annex, slot);
      const reduced = slotFor(slot, points);
      if (start !== undefined && carriesSlot(annex, start) && carriesSlot(annex, reduced)) out.push({ start, ...(startElse ? { startElse } : {}), end: slot.key, reduced });
      continue;
    }
    const change = seriesChange(annex, slot, points);
    const from = change && parseSlot(change.start).year;
    if (change) out.push({ ...change, end: slot.key, ...(from !== undefined ? { span: { rate: slot.parsed.indicator, from, to: slot.parsed.year! } } : {}) });
  }
  return out;
}

/**
 * Another population's reduction printed in a table of one point in time without the rates it is the difference
 * of (`Tỷ lệ hộ cận nghèo giảm so với năm 2021`, `Tỷ lệ nghèo đa chiều giảm so với năm 2023`): said once under
 * "not checked", as the annex's `rate_reduced` is, instead of passed over. A series by year says its own
 * (`skipUnprintedBases`).
 */
function skipUncomparedReductions(ctx: RuleContext, others: readonly OtherReduction[]): void {
  for (const s of uncomparedReductions(ctx.annex, others)) {
    const since = ctx.annex.comparedWith?.[s.key];
    const absent = (['start', 'end'] as const).map((time) => slotFor(s, { time, measure: 'rate' })).filter((k): k is Indicator => k !== undefined && !carriesSlot(ctx.annex, k));
    ctx.skip({ rule: 'rate-change', msg: since !== undefined ? { id: 'skip.base-year', params: { indicator: s.key, year: since } } : { id: 'skip.absent', params: { indicators: absent } } });
  }
}

/**
 * The reductions `skipUncomparedReductions` names: printed, of another population than the annex's, compared with
 * nothing (`others`: the table's `otherReductions`).
 */
function uncomparedReductions(annex: Annex, others: readonly OtherReduction[] = otherReductions(annex)): SlotInfo[] {
  const slots = vocabularySlots(annex);
  if (slots.some((s) => s.parsed.year !== undefined)) return [];
  const compared = new Set(others.map((o) => o.reduced));
  return slots.filter(
    (s) =>
      s.point.time === 'reduced' &&
      s.point.measure === 'points' &&
      s.point.role === 'value' &&
      s.key !== 'rate_reduced' &&
      !compared.has(s.key) &&
      (annex.comparedWith?.[s.key] !== undefined || !carriesSlot(annex, slotFor(s, { time: 'start', measure: 'rate' })) || !carriesSlot(annex, slotFor(s, { time: 'end', measure: 'rate' }))) &&
      printedAnywhere(annex, s.key),
  );
}

/** Whether the table prints a reduction besides the annex's, compared (`otherReductions`) or not (`uncomparedReductions`). */
function printsOtherReductions(annex: Annex): boolean {
  const others = otherReductions(annex);
  return others.length > 0 || uncomparedReductions(annex, others).length > 0;
}

const decimalsOf = (s: RateSource): number => ('printed' in s ? (s.printed.decimals ?? 0) : RATE_DECIMALS);

export const rateChangeKind = defineKind<RateChangeRelation>({
  id: 'rate-change',
  relation: 'rate-change',
  severity: 'error',
  needs: [['rate_reduced']],
  applies: printsOtherReductions,
  perUnit: true,
  localised: true,
  annex: true,
  applicable: (annex) =>
    annex.indicators.includes('rate_reduced') ||
    annex.indicators.includes('households_start') ||
    annex.indicators.includes('households_end') ||
    printsOtherReductions(annex),
  each(ctx, visit, checking) {
    const values = ctx.annex.values;
    const printed = carries(ctx.annex, PRINTED);
    const cols = checking && printed ? columnsOf(values) : undefined;
    const at = cols && slotIndexes(cols, COLUMN_SLOTS);
    const row = at ? new ColumnRow(cols!) : undefined;
    const sourced = canSource(ctx.annex, 'rate_start') && canSource(ctx.annex, 'rate_end');
    // Said once for the table, not per unit whose reduction is blank; not when the reduction is the fall between
    // two years the table prints (checked as such, otherReductions).
    if (!sourced && carries(ctx.annex, ['rate_reduced']) && !otherReductions(ctx.annex).some((r) => r.reduced === 'rate_reduced')) {
      // A fall against a year its heading names (`Giảm so với cuối năm 2015`) beside a rate of neither end of the
      // year: that year's rate is what is missing. Beside an end rate (`giảm so với đầu năm 2019`), the start rate is.
      const since = ctx.annex.comparedWith?.['rate_reduced'];
      const absent = ANNEX_RATES.filter((i) => !ctx.annex.indicators.includes(i));
      const base = since !== undefined && absent.length === ANNEX_RATES.length;
      ctx.skip({ rule: 'rate-change', msg: base ? { id: 'skip.base-year', params: { indicator: 'rate_reduced', year: since } } : { id: 'skip.absent', params: { indicators: absent } } });
    }
    for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
      const id = ids.list ? ids.list[nth]! : nth;
      // A long table's columns, when only checking: a unit right without a note makes nothing at all.
      const quick = row && quickInColumns(row.read(id), at!);
      if (quick === 'ok' || (quick === 'convention' && ctx.depth(id) > 1)) {
        ctx.checked('rate-change');
        // Right, with the convention note a deeper unit folds (its relation made if its parent's summary names it).
        if (quick === 'convention') foldConvention(ctx, id, () => new ColumnRateChange(values, ctx.annex.units.at(id)!, printedRead(values, id)!));
        continue;
      }
      const unit = ctx.annex.units.at(id)!;
      // Every figure a printed number held as an integer (the common case): no Value made; and when the
      // instances are only checked, no relation either for one that the integers show right without a note.
      const q = printed ? printedRead(values, unit.id) : undefined;
      if (q) {
        if (checking && quickCheckRead(ctx, unit.id, q) === 'ok') {
          ctx.checked('rate-change');
        } else visit(new ColumnRateChange(values, unit, q));
        continue;
      }
      // Without start and end rates (printed or from their counts) there is nothing to compare a reduction with:
      // a blank one is no check skipped.
      if (!sourced) continue;
      const rr = usable(ctx, 'rate-change', unit, ['rate_reduced']);
      if (!rr) continue;
      const start = sourceOf(ctx, unit, 'rate_start');
      const end = sourceOf(ctx, unit, 'rate_end');
      if (!start || !end) continue;
      visit({ unit, at: rr.rate_reduced, cells: [...cellsOf(start), ...cellsOf(end), rr.rate_reduced], start, end });
    }
    skipUnprintedBases(ctx, 'rate-change', 'rate', { time: 'reduced', measure: 'points' });
    const others = otherReductions(ctx.annex);
    skipUncomparedReductions(ctx, others);
    for (const o of others) {
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(ctx.annex, id, o.reduced);
        if (!at) continue;
        // A reduction printed without one of its rates (a country's fall beside a group's two years): skipped, said
        // with the cells (usable).
        // A unit whose own start is blank starts from last year's end, where the table prints it (as balance and flow do).
        const from = o.startElse !== undefined && !okValue(ctx.annex, id, o.start) && okValue(ctx.annex, id, o.startElse) ? o.startElse : o.start;
        const rates = usable(ctx, 'rate-change', ctx.annex.units.at(id)!, [from, o.end]);
        if (rates) visit({ unit: ctx.annex.units.at(id)!, at, cells: [rates[from]!, rates[o.end]!, at], start: { printed: rates[from]! }, end: { printed: rates[o.end]! }, other: true, ...(o.span ? { span: o.span } : {}) });
      }
    }
  },
  check(r, ctx) {
    // Decided in integers when every figure allows it (the common case): the reduction is right with no note,
    // or right with the convention note, which a deeper unit folds and which is made only if its parent's
    // summary names it. Anything else, and the notes of the total and the units under it, by the decimals.
    const quick = quickCheck(ctx, r);
    if (quick === 'ok') return ctx.checked('rate-change');
    if (quick === 'convention' && ctx.depth(r.unit) > 1) {
      ctx.checked('rate-change');
      return foldConvention(ctx, r.unit, () => r);
    }
    const note = quick === 'convention' ? conventionInIntegers(ctx, r) : undefined;
    if (!note) return checkInDecimals(r, ctx);
    ctx.checked('rate-change');
    ctx.report(note);
  },
  form: (r, annex) => {
    const diff = sub(exprOf(r.start), exprOf(r.end));
    const coarse = coarserReduction(annex, r);
    // Printed coarser than its rates: within half a unit of its last decimal of their difference.
    if (coarse !== undefined) return { type: 'within', expr: sub(ref(r.at.cell.ref), diff), tol: `0.${'0'.repeat(coarse)}5` };
    return { type: 'eq', expr: sub(ref(r.at.cell.ref), diff) };
  },
});
