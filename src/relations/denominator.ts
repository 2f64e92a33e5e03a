/**
 * denominator: where households at the end differ from those at the start, the two rates have different
 * denominators, so the fall in the rate is not the share of households that left poverty:
 * rate_start − rate_end = R/H0 + P1·(H1 − H0)/(H0·H1). A correct table is quiet about it:
 * - the total unit gets ONE warning saying what the change means for the total's reduction;
 * - every other unit's split is an info (per unit for the units directly under the total; below that, one
 *   summary per parent naming the unit where the change in households weighs most, rules/summary.ts);
 * - a unit gets a warning only when the change of households decides something: the direction of the rate
 *   (it fell although poor households did not, or rose although they fell), or, with targets, a target met
 *   only because of it (rules/target.ts, `decidesTarget`).
 * The finding sits at the reduction cell (the number readers misread), else at the end households.
 * Not a relation that can fail: it explains what the two denominators do, so locate leaves it alone.
 */
import { Dec, plain } from '../calc/decimal.js';
import { poorReduced, rate, rateReduction, RATE_DECIMALS, roundRate, splitReduction } from '../calc/annex-math.js';
import { RemadeFinding, type Finding, type RemadeKind, type Severity } from '../model/finding.js';
import type { Cell } from '../model/grid.js';
import { LongTable } from '../model/long-table.js';
import { effectOfDecs, effectOfInts, type Effect } from '../rules/summary.js';
import { compareScaled, intOf, rateScaled, scaledAt, scaledPlain, type ScaledValue } from '../calc/scaled.js';
import type { Annex, Unit, Value, ValueStore } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { carries, isOk, noneUnusable, okNum, usable, type OkValue, type RuleContext } from '../rules/types.js';
import { defineKind, type Relation } from './types.js';
import { allNumbers, ColumnRow, columnsOf, slotIndexes, wholeAt } from './columns.js';

/**
 * The unit's finding and the size of its effect, when its two rates have different denominators: the total's
 * warning, a warning when the change decides the direction of the rate, else the info with the split.
 */
export interface DenominatorRelation extends Relation {
  /** Households at the start; `at` holds those at the end. */
  readonly start: OkValue;
  /** Decided from the columns already (`LOUD`): the note is made, `check` need not ask `quietInfo` again. */
  loud?: true;
}

export function denominatorNote(ctx: RuleContext, r: DenominatorRelation): { note: Finding; effect: Effect } | undefined {
  ctx.checked('denominator');
  return noteOf(ctx.annex, r);
}

/**
 * The unit's note, made again from the table when a report reads it (a long table's notes are kept small:
 * `RemadeFinding`): only the figures it names are read, through the store's cheap reads (no row of Values).
 */
function remadeNote(annex: Annex, id: number): Finding {
  const values = annex.values;
  const unit = annex.units.at(id)!;
  const h0 = figureOf(values, id, 'households_start');
  const h1 = figureOf(values, id, 'households_end');
  const figures = usableFigure(h0) && usableFigure(h1) ? figuresInStore(values, id, intOf(h0), intOf(h1)) : undefined;
  if (figures) return noteFrom(unit, headFrom(values, unit, figures, false));
  const start = values.get(id, 'households_start') as OkValue;
  const at = values.get(id, 'households_end') as OkValue;
  return noteOf(annex, { unit, at, start, cells: [start, at] }, false)!.note;
}

/** The kinds made, by severity and indicator (`remadeKind`; no key made per note). */
const REMADE_KINDS: Array<RemadeKind<Annex> | undefined> = [];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a long table's kept notes of one severity and indicator share (made once); the cell is the store's (`keptCell`). */
function remadeKind(severity: Severity, indicator: 'rate_reduced' | 'households_end'): RemadeKind<Annex> {
  const key = SEVERITIES.indexOf(severity) * 2 + (indicator === 'rate_reduced' ? 1 : 0);
  let kind = REMADE_KINDS[key];
  if (!kind) REMADE_KINDS[key] = kind = { rule: 'denominator', severity, indicator, make: remadeNote, cell: (annex: Annex, u: number) => (annex.values as LongTable).keptCell(u, indicator) };
  return kind;
}

/** `cell`: false when the note's cell is not needed (a RemadeFinding keeps its own). */
function noteOf(annex: Annex, r: DenominatorRelation, cell = true): { note: Finding; effect: Effect } | undefined {
  const head = headOf(annex, r, cell);
  return head && { note: noteFrom(r.unit, head), effect: head.figures.effect };
}

/** A note before its text: its figures, message, severity, cell and indicator (the unit's name not read yet). */
interface NoteHead {
  figures: NoteFigures;
  id: 'denominator.total' | 'denominator.direction' | 'denominator.mixed';
  severity: Severity;
  at: Cell | undefined;
  indicator: 'rate_reduced' | 'households_end';
}

/** The relation's note head, its figures read one by one from the store (in decimals from the unit's row when the integers do not answer). */
function headOf(annex: Annex, r: DenominatorRelation, cell: boolean): NoteHead | undefined {
  const values = annex.values;
  const u = r.unit.id;
  const figures = figuresInStore(values, u, intOf(r.start), intOf(r.at)) ?? figuresInDecimals(r, values.row(u));
  return figures && headFrom(values, r.unit, figures, cell);
}

function headFrom(values: ValueStore, unit: Unit, figures: NoteFigures, cell: boolean): NoteHead {
  // The reduction in points when the table has that column (a blank too), else the end households.
  const rateReduced = values.get(unit.id, 'rate_reduced');
  const at = cell ? (rateReduced?.cell ?? values.get(unit.id, 'households_end')?.cell) : undefined;
  const id = unit.isTotal ? 'denominator.total' : figures.decides ? 'denominator.direction' : 'denominator.mixed';
  return { figures, id, severity: id === 'denominator.mixed' ? 'info' : 'warning', at, indicator: rateReduced ? 'rate_reduced' : 'households_end' };
}

/** The note of `head` on `unit`: the unit's name read here, once (a long table's names are decoded when read). */
function noteFrom(unit: Unit, head: NoteHead): Finding {
  const name = unit.name;
  const p = head.figures.params;
  const msg = { id: head.id, params: { unit: name, h0: p.h0, h1: p.h1, change: p.change, reduced: p.reduced, share: p.share, points: p.points, growth: p.growth, ...(p.derived ? { derived: true } : {}) } };
  // Written out twice rather than spread: a long table's notes are made again each time a report reads one.
  if (head.at) return { rule: 'denominator', severity: head.severity, at: head.at, unit: name, indicator: head.indicator, expected: p.share, actual: p.points, msg };
  return { rule: 'denominator', severity: head.severity, unit: name, indicator: head.indicator, expected: p.share, actual: p.points, msg };
}

/** What a denominator note says: the figures of its message, whether the change decides the direction, its effect. */
interface NoteFigures {
  /** `derived`: the table prints no poor households reduced, so `reduced` is the start's count less the end's. */
  params: { h0: string; h1: string; change: string; reduced: string; share: string; points: string; growth: string; derived?: boolean };
  /** The change of households alone sets the direction: the rate moves against the poor households' own change. */
  decides: boolean;
  effect: Effect;
}

/**
 * The note's figures in exact decimals: the split rate_start − rate_end = R/H0 + P1·(H1 − H0)/(H0·H1)
 * (calc/annex-math.ts `splitReduction`); undefined when the households do not change or a count is missing.
 */
export function figuresInDecimals(r: DenominatorRelation, v: Partial<Record<string, Value>>): NoteFigures | undefined {
  const h0 = r.start.num;
  const h1 = r.at.num;
  if (!denominatorsDiffer(h0, h1)) return undefined;
  const p0 = okNum(v.poor_start);
  const p1Given = okNum(v.poor_end);
  const rGiven = okNum(v.poor_reduced);
  const reduced = poorReduced(rGiven, p0, p1Given);
  const p1 = p1Given ?? (p0 && rGiven ? p0.minus(rGiven) : undefined);
  if (!reduced || !p1) return undefined;
  const split = splitReduction(h0, h1, p1, reduced)!;
  let points: string;
  // The printed reduction, unless it is misprinted: neither the difference of the printed rates (`rate-change`'s
  // error at its cell) nor the fall the counts give (exact, or the difference of their two rates), as printed. A
  // note explains the fall, not a misprint ("fell 1,99 points, but the households reduced are only 1,99 %").
  const rounded = p0 ? rateReduction(rate(p0, h0)!, rate(p1, h1)!) : undefined;
  const printed = isOk(v.rate_reduced) ? v.rate_reduced : undefined;
  const asPrinted = (x: Dec) => !!printed && x.toDecimalPlaces(printed.decimals ?? printed.num.decimalPlaces(), Dec.ROUND_HALF_UP).eq(printed.num);
  const ratesStart = isOk(v.rate_start) ? v.rate_start.num : undefined;
  const ratesEnd = isOk(v.rate_end) ? v.rate_end.num : undefined;
  const misprinted = !!printed && !!ratesStart && !!ratesEnd && !asPrinted(ratesStart.minus(ratesEnd)) && !asPrinted(split.exactFall) && !(rounded && asPrinted(rounded));
  if (printed && !misprinted) points = printed.plain;
  else if (rounded) points = plain(rounded, RATE_DECIMALS);
  else points = plain(roundRate(split.exactFall), RATE_DECIMALS);
  const params = {
    h0: plain(h0),
    h1: plain(h1),
    change: plain(h1.minus(h0)),
    reduced: plain(reduced),
    share: plain(roundRate(split.share), RATE_DECIMALS),
    points,
    growth: plain(roundRate(split.growth), RATE_DECIMALS),
    ...(rGiven === undefined ? { derived: true } : {}),
  };
  return { params, decides: reduced.cmp(0) !== new Dec(points).cmp(0), effect: effectOfDecs(h0, h1, p1) };
}

/** Whether the two rates have different denominators: the households change, and neither is zero. */
const denominatorsDiffer = (h0: Dec, h1: Dec): boolean => !(h0.eq(h1) || h0.isZero() || h1.isZero());

/** denominatorsDiffer of two values, in their scaled integers when they have them (no Decimal made: a national table asks it of every unit). */
function householdsDiffer(h0: OkValue, h1: OkValue): boolean {
  const order = compareScaled(h0, h1);
  if (order === undefined) return denominatorsDiffer(h0.num, h1.num);
  return order !== 0 && h0.scaled !== 0 && h1.scaled !== 0;
}

/**
 * A unit's poor households at the start, reduced and at the end as whole numbers, the reduction or the end derived
 * from the other two when the table leaves it out; `false` when one of them is not a whole number, or is a cell
 * that cannot be used (blank, `28x`: the note is then not made, relationOf).
 */
function wholeCounts(v: Partial<Record<string, Value>>): WholeCounts | false {
  return wholeOf(v.poor_start, v.poor_end, v.poor_reduced);
}

/** A figure as wholeCounts reads it: a Value, or a number's integer read from the store (always usable). */
type Figure = Value | ScaledValue | undefined;

const usableFigure = (x: Figure): x is ScaledValue => x !== undefined && (!('status' in x) || x.status === 'ok');

/** A unit's figure: its integer from the store when it has one (no Value made), else its Value. */
const figureOf = (values: ValueStore, unit: number, ind: Indicator): Figure => values.readScaled(unit, ind) ?? values.get(unit, ind);

function wholeOf(start: Figure, end: Figure, reducedFigure: Figure): WholeCounts | false {
  const whole = (x: Figure): number | undefined | false => (x === undefined ? undefined : usableFigure(x) ? (intOf(x) ?? false) : false);
  return wholeFrom(whole(start), whole(end), whole(reducedFigure));
}

/** A unit's poor households as whole numbers (undefined: not given, nor derived); `derived`: the reduction is the start's less the end's. */
interface WholeCounts {
  p0: number | undefined;
  reduced: number | undefined;
  p1: number | undefined;
  derived: boolean;
}

/** wholeOf of the three figures as whole numbers (undefined: not given; false: not whole). */
function wholeFrom(p0: number | undefined | false, p1Given: number | undefined | false, rGiven: number | undefined | false): WholeCounts | false {
  if (p0 === false || p1Given === false || rGiven === false) return false;
  const reduced = rGiven ?? (p0 !== undefined && p1Given !== undefined ? p0 - p1Given : undefined);
  const p1 = p1Given ?? (p0 !== undefined && rGiven !== undefined ? p0 - rGiven : undefined);
  return { p0, reduced, p1, derived: rGiven === undefined };
}

/**
 * The same figures in safe integers, when every count is whole and every product safe (the common case: a
 * note is written for each unit under the total); undefined when they cannot be had so (the decimals decide).
 * Each rounded figure is `rateScaled` of one fraction: share R/H0, growth P1·(H1 − H0)/(H0·H1), and their sum
 * (R·H1 + P1·(H1 − H0))/(H0·H1), all × 100.
 */
export function figuresInIntegers(r: DenominatorRelation, v: Partial<Record<string, Value>>): NoteFigures | undefined {
  return integerFigures(intOf(r.start), intOf(r.at), wholeCounts(v), v.rate_reduced, [v.rate_start, v.rate_end]);
}

/** figuresInIntegers of unit `u`'s figures read one by one from the store (`figureOf`: no row of Values), its households `h0`, `h1`. */
function figuresInStore(values: ValueStore, u: number, h0: number | undefined, h1: number | undefined): NoteFigures | undefined {
  if (h0 === undefined || h1 === undefined || h0 === h1 || h0 === 0 || h1 === 0) return undefined;
  const counts = wholeOf(figureOf(values, u, 'poor_start'), figureOf(values, u, 'poor_end'), figureOf(values, u, 'poor_reduced'));
  return integerFigures(h0, h1, counts, figureOf(values, u, 'rate_reduced'), [figureOf(values, u, 'rate_start'), figureOf(values, u, 'rate_end')]);
}

/** A usable figure's plain digits: a Value's own, else those of the store's integer (as a stored number's `plain`). */
const plainOfFigure = (x: ScaledValue): string => ('plain' in x ? (x as OkValue).plain : scaledPlain(x.scaled!, x.decimals ?? 0));

/** figuresInIntegers of whole households, the counts as wholeOf gives them and the printed reduction in points. */
function integerFigures(h0: number | undefined, h1: number | undefined, counts: ReturnType<typeof wholeOf>, rateReduced: Figure, rates: readonly [Figure, Figure]): NoteFigures | undefined {
  if (h0 === undefined || h1 === undefined || h0 === h1 || h0 === 0 || h1 === 0) return undefined;
  if (counts === false || counts.reduced === undefined || counts.p1 === undefined) return undefined;
  const p0 = counts.p0;
  const reduced = counts.reduced;
  const p1 = counts.p1;
  const change = h1 - h0;
  const den = h0 * h1;
  const growthNum = p1 * change;
  const fallNum = reduced * h1 + growthNum;
  if (![reduced, p1, change, den, growthNum, reduced * h1, fallNum].every(Number.isSafeInteger)) return undefined;
  const share = rateScaled(reduced, h0, RATE_DECIMALS);
  const growth = rateScaled(growthNum, den, RATE_DECIMALS);
  let points: number | undefined;
  let pointsText: string | undefined;
  const rounded = roundedFall(h0, h1, p0, p1);
  const given = usableFigure(rateReduced) && rateReduced.scaled !== undefined && misprinted(rateReduced.scaled, rateReduced.decimals ?? 0, rates) ? printsFall(rateReduced.scaled, rateReduced.decimals ?? 0, fallNum, den, rounded) : true;
  if (given === undefined) return undefined;
  if (usableFigure(rateReduced) && given) {
    points = rateReduced.scaled;
    if (points !== undefined) pointsText = plainOfFigure(rateReduced);
  } else {
    points = p0 === undefined ? rateScaled(fallNum, den, RATE_DECIMALS) : rounded;
    if (points !== undefined) pointsText = scaledPlain(points, RATE_DECIMALS);
  }
  if (share === undefined || growth === undefined || points === undefined || pointsText === undefined) return undefined;
  const params = {
    h0: String(h0),
    h1: String(h1),
    change: String(change),
    reduced: String(reduced),
    share: scaledPlain(share, RATE_DECIMALS),
    points: pointsText,
    growth: scaledPlain(growth, RATE_DECIMALS),
    ...(counts.derived ? { derived: true } : {}),
  };
  return { params, decides: Math.sign(reduced) !== Math.sign(points), effect: effectOfInts(h0, h1, p1) };
}

/**
 * What `denominatorNote` would give, decided in integers when every count is whole: 'none' (no note), the
 * effect of an info note, or undefined when it is a warning or cannot be decided so (then the note is made).
 */
function quietInfo(ctx: RuleContext, unit: Unit, start: ScaledValue, end: ScaledValue): 'none' | Effect | undefined {
  const h0 = intOf(start);
  const h1 = intOf(end);
  if (h0 === undefined || h1 === undefined) return undefined;
  if (h0 === h1 || h0 === 0 || h1 === 0) return 'none';
  if (unit.isTotal) return undefined;
  // Read figure by figure: no row of Values made for a note that is folded unwritten.
  const values = ctx.annex.values;
  const id = unit.id;
  const counts = wholeOf(figureOf(values, id, 'poor_start'), figureOf(values, id, 'poor_end'), figureOf(values, id, 'poor_reduced'));
  const rateReduced = figureOf(values, id, 'rate_reduced');
  const given = usableFigure(rateReduced);
  if (counts === false || (rateReduced !== undefined && !given)) return undefined;
  return quietOf(h0, h1, counts.p0, counts.reduced, counts.p1, given, given ? rateReduced.scaled : undefined, given ? (rateReduced.decimals ?? 0) : 0);
}

/**
 * quietInfo's decision once the households differ (`h0`, `h1`, whole, neither zero) on a unit other than the
 * total: the whole counts `p0`, `reduced`, `p1` as wholeOf gives them (undefined: not given, nor derived),
 * `pointsGiven` whether the table prints a usable reduction in points and `printedPoints` its scaled integer.
 */
function quietOf(h0: number, h1: number, p0: number | undefined, reduced: number | undefined, p1: number | undefined, pointsGiven: boolean, printedPoints: number | undefined, printedDecimals: number): 'none' | Effect | undefined {
  if (reduced === undefined || p1 === undefined) return 'none';
  let points: number | undefined;
  const rounded = roundedFall(h0, h1, p0, p1);
  const fallNum = reduced * h1 + p1 * (h1 - h0);
  const den = h0 * h1;
  // A printed reduction the counts do not give may be a misprint: the note is made, and integerFigures decides.
  if (pointsGiven && (!Number.isSafeInteger(fallNum + den) || (printedPoints !== undefined && printsFall(printedPoints, printedDecimals, fallNum, den, rounded) !== true))) return undefined;
  if (pointsGiven) points = printedPoints;
  else if (p0 !== undefined) points = rounded;
  if (points === undefined || !Number.isSafeInteger(reduced) || !Number.isSafeInteger(p1)) return undefined;
  // The change of households decides the direction: a warning, made by denominatorNote.
  if (Math.sign(reduced) !== Math.sign(points)) return undefined;
  return effectOfInts(h0, h1, p1);
}

/** The difference of the two rates the counts give, start − end at two decimals (× 100); undefined without the start's count. */
function roundedFall(h0: number, h1: number, p0: number | undefined, p1: number): number | undefined {
  if (p0 === undefined) return undefined;
  const start = rateScaled(p0, h0, RATE_DECIMALS);
  const end = rateScaled(p1, h1, RATE_DECIMALS);
  return start === undefined || end === undefined ? undefined : start - end;
}

/**
 * Whether a printed reduction (`printed` × 10^`decimals`) is the fall as printed, rounded half-up to its decimals:
 * the exact fall (`fallNum` / `den` × 100: the households reduced over the start's, plus what the change of
 * households adds) or the difference of the two rates (`rounded` × 100, the convention). One that is neither is
 * misprinted (`rate-change` says so at its cell): a note then says the fall, not the misprinted figure ("fell 1,99
 * points, but the households reduced are only 1,99 %"). Undefined when safe integers cannot tell.
 */
function printsFall(printed: number, decimals: number, fallNum: number, den: number, rounded: number | undefined): boolean | undefined {
  const exact = rateScaled(fallNum, den, decimals);
  if (exact === undefined) return undefined;
  if (printed === exact) return true;
  return rounded !== undefined && printedAs(printed, decimals, rounded, RATE_DECIMALS);
}

/** Whether `value` × 10^-`dp` printed at `decimals`, rounded half-up (away from zero), is `printed` × 10^-`decimals`. */
function printedAs(printed: number, decimals: number, value: number, dp: number): boolean {
  if (decimals >= dp) return printed === value * 10 ** (decimals - dp);
  const k = 10 ** (dp - decimals);
  const m = Math.floor((Math.abs(value) + k / 2) / k);
  return printed === (value < 0 ? -m : m);
}

/**
 * Whether a printed reduction is not the difference of the printed rates (`rate-change` fails at its cell); false
 * when either rate is not a usable figure held as a safe integer.
 */
function misprinted(printed: number, decimals: number, [start, end]: readonly [Figure, Figure]): boolean {
  if (!usableFigure(start) || !usableFigure(end) || start.scaled === undefined || end.scaled === undefined) return false;
  const dp = Math.max(start.decimals ?? 0, end.decimals ?? 0);
  const a = scaledAt(start, dp);
  const b = scaledAt(end, dp);
  return a !== undefined && b !== undefined && !printedAs(printed, decimals, a - b, dp);
}

/** The slots quietInColumns reads: households at the start and end, poor at the start, at the end, reduced, the reduction in points. */
const COLUMN_SLOTS = ['households_start', 'households_end', 'poor_start', 'poor_end', 'poor_reduced', 'rate_reduced'] as const;

/** quietInColumns's answer when it decided that the note is made (what quietInfo would say, undefined, without reading again). */
const LOUD = 'loud';

/**
 * quietInfo on a long table's columns (`row`, read for unit `u`; `at`: the slot indexes of COLUMN_SLOTS): `LOUD`
 * when every figure is a whole number held there and the note is made (a warning, or a printed fall the integers
 * cannot vouch for: quietInfo reads the same integers and says undefined), or undefined when a figure is not a
 * number held there or the households are not whole (the relation is then made and checked as usual). `totalId`:
 * the total's id (-1: none).
 */
function quietInColumns(row: ColumnRow, u: number, at: readonly number[], totalId: number): 'none' | Effect | typeof LOUD | undefined {
  if (!allNumbers(row, at)) return undefined;
  const h0 = wholeAt(row, at[0]!, false);
  const h1 = wholeAt(row, at[1]!, false);
  if (h0 === false || h1 === false) return undefined;
  if (h0 === h1 || h0 === 0 || h1 === 0) return 'none';
  if (u === totalId) return undefined;
  // Every figure is a number here: the three counts are given, none derived (wholeFrom's counts as they are).
  const p0 = wholeAt(row, at[2]!, false);
  const p1 = wholeAt(row, at[3]!, false);
  const reduced = wholeAt(row, at[4]!, false);
  if (p0 === false || p1 === false || reduced === false) return undefined;
  return quietOf(h0, h1, p0, reduced, p1, true, row.scaled[at[5]!]!, row.decimals[at[5]!]!) ?? LOUD;
}

const HOUSEHOLDS = ['households_start', 'households_end'] as const;

/**
 * The figures a note reads besides the households. A unit whose cell of one of them cannot be used (`28x`, text,
 * blank) gets no note: it would quote a figure the table does not hold (the reduction derived from the start and
 * the end, "282 households reduced" beside `28x`) or rest on one; the skip names the cell, as sum's and flow's do.
 */
const NOTE_FIGURES = ['poor_start', 'poor_reduced', 'poor_end', 'rate_reduced'] as const;

/** Whether every figure of NOTE_FIGURES the unit's row holds can be used (a target's denominator warning asks too, rules/target.ts). */
export const noteFiguresUsable = (v: Partial<Record<string, Value>>): boolean => NOTE_FIGURES.every((k) => v[k] === undefined || isOk(v[k]));

/**
 * The unit's relation, when both its households are usable and, where they differ, every figure of its note
 * (else undefined, the skip recorded by `usable` / `noneUnusable`).
 */
function relationOf(ctx: RuleContext, unit: Unit): DenominatorRelation | undefined {
  const hh = usable(ctx, 'denominator', unit, HOUSEHOLDS);
  if (!hh) return undefined;
  if (householdsDiffer(hh.households_start, hh.households_end) && !noneUnusable(ctx, 'denominator', unit, NOTE_FIGURES)) return undefined;
  return { unit, at: hh.households_end, cells: [hh.households_start, hh.households_end], start: hh.households_start };
}

export const denominatorKind = defineKind<DenominatorRelation>({
  id: 'denominator',
  relation: 'denominator',
  severity: 'warning',
  needs: [['households_start', 'households_end']],
  perUnit: true,
  localised: false,
  unkept: true,
  annex: true,
  // The annex's start and end households (a table with one households column has one denominator).
  applicable: (annex) => annex.indicators.includes('households_start') || annex.indicators.includes('households_end'),
  each(ctx, visit, checking) {
    const values = ctx.annex.values;
    // When the instances are only checked, a unit whose households are the store's integers and whose note
    // check (quietInfo) says none, or a folded info, makes no relation (its note's is made if it is named).
    const fromStore = checking === true && carries(ctx.annex, HOUSEHOLDS);
    const cols = fromStore ? columnsOf(values) : undefined;
    const at = cols && slotIndexes(cols, COLUMN_SLOTS);
    const row = at ? new ColumnRow(cols!) : undefined;
    const { units } = ctx.annex;
    const totalId = ctx.annex.total?.id ?? -1;
    // A folded unit's note, made only if its parent's summary names it (one function for every unit).
    const foldedNote = (id: number) => denominatorNote(ctx, relationOf(ctx, units.at(id)!)!)!.note;
    for (let id = 0; id < units.length; id++) {
      if (fromStore) {
        let quiet = row && quietInColumns(row.read(id), id, at!, totalId);
        if (quiet === undefined) {
          const h0 = values.readScaled(id, 'households_start');
          const h1 = h0 && values.readScaled(id, 'households_end');
          quiet = h1 && quietInfo(ctx, units.at(id)!, h0!, h1);
        }
        if (quiet === LOUD) {
          const r = relationOf(ctx, units.at(id)!);
          if (r) visit(Object.assign(r, { loud: true as const }));
          continue;
        }
        if (quiet === 'none' || (quiet && ctx.depth(id) > 1)) {
          ctx.checked('denominator');
          if (quiet !== 'none') ctx.fold('denominator', id, foldedNote, quiet);
          continue;
        }
      }
      const r = relationOf(ctx, units.at(id)!);
      if (r) visit(r);
    }
  },
  check(r, ctx) {
    // A deeper unit's info (the common case in a national table) is folded: decided in integers, its note
    // written only if it becomes the one its parent's summary names.
    const quiet = r.loud ? undefined : quietInfo(ctx, r.unit, r.start, r.at);
    if (quiet === 'none') return ctx.checked('denominator');
    if (quiet && ctx.depth(r.unit) > 1) {
      ctx.checked('denominator');
      return ctx.fold('denominator', r.unit, () => denominatorNote(ctx, r)!.note, quiet);
    }
    ctx.checked('denominator');
    // A long table's note is kept as its unit and made again when read (a national table has tens of thousands):
    // its text is not made here, nor its cell: the store's (`keptCell`: text and reference made when read). The
    // relation's end households are a value, so the note has a cell.
    const remade = ctx.annex.values instanceof LongTable;
    const head = headOf(ctx.annex, r, !remade);
    if (!head) return;
    // Only the infos of deeper units are folded (the note, cell and all, made if it is named): a warning always
    // names its own unit.
    if (ctx.depth(r.unit) > 1 && head.severity !== 'warning') ctx.fold('denominator', r.unit, () => noteOf(ctx.annex, r)!.note, head.figures.effect);
    else if (remade) ctx.report(new RemadeFinding(remadeKind(head.severity, head.indicator), ctx.annex, r.unit.id));
    else ctx.report(noteFrom(r.unit, head));
  },
  form: () => undefined,
});
