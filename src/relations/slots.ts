/**
 * What the relation kinds ask of a table's slots: which slots are counts or rates, the count a rate is of,
 * the households it is over, the same slot for another population or time. All by vocabulary point and the
 * slot's dimensions (model/vocabulary.ts, model/slots.ts).
 */
import type { Annex, Unit, Value } from '../model/annex.js';
import { isCoreIndicator, type Indicator } from '../model/indicators.js';
import { parseSlot, slotKey, withDims, type ParsedSlot } from '../model/slots.js';
import { describeIndicator, householdsOf, indicatorKey, type IndicatorPoint } from '../model/vocabulary.js';
import { isOk, type OkValue, type RuleContext } from '../rules/types.js';
import type { RuleId } from '../model/finding.js';

export interface SlotInfo {
  readonly key: Indicator;
  readonly parsed: ParsedSlot;
  readonly point: IndicatorPoint;
}

/**
 * The slots of the table that are vocabulary points, with their points; sub-slots (breakdown rows) excluded.
 * Every relation kind asks for them: worked out once per list of indicators (`ofIndicators`).
 */
export function vocabularySlots(annex: Annex): readonly SlotInfo[] {
  return ofIndicators(annex, 'vocabulary', () => {
    const out: SlotInfo[] = [];
    for (const key of annex.indicators) {
      const parsed = parseSlot(key);
      if (parsed.part !== undefined) continue;
      const point = describeIndicator(parsed.indicator);
      if (point) out.push({ key, parsed, point });
    }
    return out;
  });
}

/** Each list of indicators as one string (a table's list is asked for often). */
const listKeys = new WeakMap<readonly Indicator[], string>();
/** What is worked out from a list of indicators alone, by list and by what it is (bounded). */
const byList = new Map<string, Map<string, unknown>>();

/**
 * `make(annex)`, which must depend on `annex.indicators` only, worked out once per list of indicators: a table
 * read row by row asks with the same list for every row, and the files of a run (a folder of submitted annexes)
 * share a few lists.
 */
export function ofIndicators<T>(annex: Annex, what: string, make: (annex: Annex) => T): T {
  let key = listKeys.get(annex.indicators);
  if (key === undefined) listKeys.set(annex.indicators, (key = annex.indicators.join('\n')));
  let known = byList.get(key);
  if (!known) {
    if (byList.size >= 1_000) byList.clear();
    byList.set(key, (known = new Map()));
  }
  if (!known.has(what)) known.set(what, make(annex));
  return known.get(what) as T;
}

/** The same slot (dimensions kept) for another point; undefined when the point has no key. */
export function slotFor(s: SlotInfo, change: Partial<IndicatorPoint>): Indicator | undefined {
  const k = indicatorKey({ ...s.point, ...change });
  if (k === undefined) return undefined;
  const { indicator: _i, ...dims } = s.parsed;
  return slotKey(k, dims);
}

/**
 * The start of an end-of-year slot: its own year's start, else, where the table prints last year's end in its
 * place (`Số hộ nghèo cuối năm 2021 | phát sinh năm 2022 | thoát nghèo năm 2022 | cuối năm 2022`), the end of the
 * year before. The slot's own start (not carried) when neither is printed.
 */
export function startOfYear(annex: Annex, s: SlotInfo): Indicator | undefined {
  const own = slotFor(s, { time: 'start' });
  if (carriesSlot(annex, own)) return own;
  return lastYearsEnd(annex, s) ?? own;
}

/** Where an end-of-year slot starts from: `startOfYear`, and last year's end for a unit that leaves that blank. */
export interface YearStart {
  readonly start: Indicator | undefined;
  /** Last year's end, where it is not `start` itself (`cuối năm 2021` beside a column `đầu năm 2022`). */
  readonly startElse?: Indicator;
}

export function yearStart(annex: Annex, s: SlotInfo): YearStart {
  // Per list of indicators and slot, worked out once: the kinds ask for it on every pass over a table (the rules',
  // then locate's confirming each cause), and the files of a run share their lists.
  const known = ofIndicators(annex, 'year-start', () => new Map<Indicator, YearStart>());
  let y = known.get(s.key);
  if (y === undefined) known.set(s.key, (y = yearStartOf(annex, s)));
  return y;
}

function yearStartOf(annex: Annex, s: SlotInfo): YearStart {
  const start = startOfYear(annex, s);
  const before = lastYearsEnd(annex, s);
  return before !== undefined && before !== start ? { start, startElse: before } : { start };
}

/** A unit's start: its value of `from.start`, else (left blank) of last year's end. */
export const okStart = (annex: Annex, unit: number, from: YearStart): OkValue | undefined => okValue(annex, unit, from.start) ?? okValue(annex, unit, from.startElse);

/**
 * The end of the year before an end-of-year slot's, when the table prints it (`Số hộ nghèo cuối năm 2021` beside
 * `… cuối năm 2022`): the start of a unit whose own start of the year is left blank.
 */
export function lastYearsEnd(annex: Annex, s: SlotInfo): Indicator | undefined {
  const year = s.parsed.year;
  if (s.point.time !== 'end' || year === undefined || !/^\d{4}$/.test(year)) return undefined;
  const { indicator, ...dims } = s.parsed;
  const before = slotKey(indicator, { ...dims, year: String(Number(year) - 1) });
  return carriesSlot(annex, before) ? before : undefined;
}

/**
 * The start of a value at a point of a series by year (`Số hộ nghèo` in the rows or columns of 2013, 2014 …): the
 * same slot a year earlier, or at the year the change `change` is measured against when its label names one
 * (`giảm so với năm 2016`: `Annex.comparedWith`). Undefined for a slot without a year or not at a point, and for a
 * change measured against this year or a later one.
 */
export function seriesStart(annex: Annex, s: SlotInfo, change?: Indicator): Indicator | undefined {
  const year = s.parsed.year;
  if (s.point.time !== 'point' || year === undefined || !/^\d{4}$/.test(year)) return undefined;
  const since = change === undefined ? undefined : annex.comparedWith?.[change];
  if (since !== undefined && Number(since) >= Number(year)) return undefined;
  const { indicator, ...dims } = s.parsed;
  return slotKey(indicator, { ...dims, year: since ?? String(Number(year) - 1) });
}

/**
 * The change of a value at a point of a series by year (`change`: its reduction's point, `{ time: 'reduced' }` or in
 * points) and the start it is measured from: this year's reduction from last year or from the year its label names
 * (`seriesStart`); or, where the table prints the values of exactly two years and one reduction without a year
 * (`Số hộ nghèo năm 2021 | năm 2022 | Số hộ nghèo giảm`), that reduction, for the later year, from the earlier one.
 */
export function seriesChange(annex: Annex, s: SlotInfo, change: Partial<IndicatorPoint>): { start: Indicator; reduced: Indicator } | undefined {
  if (s.point.time !== 'point' || s.parsed.year === undefined) return undefined;
  const reduced = slotFor(s, change);
  if (carriesSlot(annex, reduced)) {
    const start = seriesStart(annex, s, reduced);
    return carriesSlot(annex, start) ? { start, reduced } : undefined;
  }
  const { indicator, year, ...dims } = s.parsed;
  const undated = undatedChange(s, change);
  if (!carriesSlot(annex, undated)) return undefined;
  const undatedKey = withDims(s.key, { year: undefined });
  const years = vocabularySlots(annex).filter((o) => o.parsed.year !== undefined && withDims(o.key, { year: undefined }) === undatedKey);
  if (years.length !== 2 || !years.every((o) => /^\d{4}$/.test(o.parsed.year!))) return undefined;
  const [earlier, later] = years.map((o) => o.parsed.year!).sort();
  const since = annex.comparedWith?.[undated];
  if (year !== later || earlier === later || (since !== undefined && since !== earlier)) return undefined;
  return { start: slotKey(indicator, { ...dims, year: earlier }), reduced: undated };
}

/** The change `change` of a series' value `s` printed without a year (`Số hộ nghèo giảm` beside two years' counts). */
function undatedChange(s: SlotInfo, change: Partial<IndicatorPoint>): Indicator | undefined {
  const k = indicatorKey({ ...s.point, ...change });
  const { indicator: _indicator, year: _year, ...dims } = s.parsed;
  return k === undefined ? undefined : slotKey(k, dims);
}

/**
 * A change of a series' value `s` printed and measured against a year the table does not print (`Giảm so với năm
 * 2017` in a table of 2018 and 2019; the first year's `giảm so với năm trước`): its slot and that year, for the
 * report's "not checked"; undefined otherwise.
 */
export function absentBase(annex: Annex, s: SlotInfo, change: Partial<IndicatorPoint>): { reduced: Indicator; year: string } | undefined {
  if (s.point.time !== 'point' || s.parsed.year === undefined || !/^\d{4}$/.test(s.parsed.year)) return undefined;
  const dated = slotFor(s, change);
  const { indicator, year: _year, ...dims } = s.parsed;
  const undated = undatedChange(s, change);
  const reduced = carriesSlot(annex, dated) ? dated : carriesSlot(annex, undated) ? undated : undefined;
  if (reduced === undefined) return undefined;
  // The year its label names, else (this year's own reduction) the year before.
  const year = annex.comparedWith?.[reduced] ?? (reduced === dated ? String(Number(s.parsed.year) - 1) : undefined);
  if (year === undefined || carriesSlot(annex, slotKey(indicator, { ...dims, year }))) return undefined;
  // Only a figure the table prints goes unchecked: a blank cell of the first year is nothing to say.
  return printedAnywhere(annex, reduced) ? { reduced, year } : undefined;
}

/** Whether some unit prints a usable number for the slot. */
export function printedAnywhere(annex: Annex, key: Indicator): boolean {
  for (let u = 0; u < annex.units.length; u++) if (okValue(annex, u, key)) return true;
  return false;
}

/**
 * Records under "not checked", once per change slot and for `rule`, each change of a series' values of `measure`
 * printed against a year the table does not print (`absentBase`).
 */
export function skipUnprintedBases(ctx: RuleContext, rule: RuleId, measure: 'count' | 'rate', change: Partial<IndicatorPoint>): void {
  const seen = new Set<Indicator>();
  for (const s of vocabularySlots(ctx.annex)) {
    if (s.point.measure !== measure || s.point.role !== 'value') continue;
    const absent = absentBase(ctx.annex, s, change);
    if (!absent || seen.has(absent.reduced)) continue;
    seen.add(absent.reduced);
    ctx.skip({ rule, msg: { id: 'skip.base-year', params: { indicator: absent.reduced, year: absent.year } } });
  }
}

/** Whether the table carries a slot (a set per list of slots: asked per unit and slot, a list of 10,000 rows' slots searched each time was most of a run). */
export const carriesSlot = (annex: Annex, key: Indicator | undefined): key is Indicator => key !== undefined && slotSet(annex.indicators).has(key);

/** `Annex.indicators` is read-only once shaped: its set is made once. */
const slotSets = new WeakMap<readonly Indicator[], ReadonlySet<Indicator>>();
function slotSet(list: readonly Indicator[]): ReadonlySet<Indicator> {
  let set = slotSets.get(list);
  if (!set) slotSets.set(list, (set = new Set(list)));
  return set;
}

/** A unit's value of a slot, when it is a usable number. */
export function okValue(annex: Annex, unit: Unit | number, key: Indicator | undefined): OkValue | undefined {
  if (key === undefined) return undefined;
  const v = annex.values.get(typeof unit === 'number' ? unit : unit.id, key);
  return isOk(v) ? v : undefined;
}

/** A unit's cell of a slot (any status). */
export function valueAt(annex: Annex, unit: Unit | number, key: Indicator | undefined): Value | undefined {
  return key === undefined ? undefined : annex.values.get(typeof unit === 'number' ? unit : unit.id, key);
}

/**
 * The households a rate is over: of its own time (start, end, a point) when the table prints them, else the
 * one households column without a phase (an official form's `Tổng số hộ dân cư`); a flow's rate over the
 * start-of-year households, else that column. Ethnic-minority rates are over ethnic-minority households.
 */
export function householdsSlot(annex: Annex, rate: SlotInfo): Indicator | undefined {
  const population = householdsOf(rate.point.population);
  const own = rate.point.time === 'start' || rate.point.time === 'end' || rate.point.time === 'point' ? rate.point.time : 'start';
  const candidates = [slotFor(rate, { population, time: own, measure: 'count', role: 'value' }), slotFor(rate, { population, time: 'point', measure: 'count', role: 'value' })];
  return candidates.find((k) => carriesSlot(annex, k));
}

/** Whether a slot is one of the annex's eight keys without dimensions (checked the annex's way). */
export const isCoreSlot = (key: Indicator) => isCoreIndicator(key);


/** Decimals a value was printed with. */
export const decimalsOf = (v: OkValue): number => v.decimals ?? 0;

/** Units in table order that have a value (usable) of every one of the slots. */
export function unitsWith(annex: Annex, keys: readonly Indicator[]): Unit[] {
  return [...annex.units].filter((u) => keys.every((k) => okValue(annex, u, k)));
}

/** A count (or persons) of a net reduction during the year (`near_poor_reduced`, `poor_reduced@2022`): may be negative. */
export function isNetReduction(slot: Indicator): boolean {
  const p = describeIndicator(parseSlot(slot).indicator);
  return p !== undefined && p.time === 'reduced' && p.role === 'value' && (p.measure === 'count' || p.measure === 'persons');
}
