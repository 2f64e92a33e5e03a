/**
 * Series: consecutive years of one table (`validate --series 2019.csv 2020.csv 2021.csv`). Each unit's
 * households and poor households at the end of a year must be the next year's values at the start (rule
 * `continuity`). Units are matched by name (case, diacritics, spacing and punctuation ignored; a level word in
 * one year's name only, `Huyện Chiêm Hoá` / `Chiêm Hóa`, when unambiguous; the configuration's unit aliases apply), the totals with each other whatever they are called; a units map
 * (units-map.ts) sums old units into the new unit they were merged into before comparing.
 *
 * Every finding belongs to the LATER file of a pair and sits at its start-of-year cell (the value that should
 * have been carried over); its message names the earlier file and its end-of-year cell(s). Units that appear
 * or disappear are warnings (an appearing unit at its name cell; a disappearing one has no cell in the later
 * file and names its cell in the earlier one). One info per pair says how many units were compared.
 * Pure: annexes in, findings out.
 */
import { zero, plain } from '../calc/decimal.js';
import type { Finding, Skip } from '../model/finding.js';
import type { Annex, Unit, Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { displayRef } from '../model/grid.js';
import { aliasedUnitKey } from '../shape/normalize.js';
import { sameUnitName, spellingKey } from '../shape/spelling.js';
import { keyWithoutLevelWord } from '../shape/structure.js';
import { isOk, type OkValue } from '../rules/types.js';
import type { UnitsMap, UnitsMapEntry } from './units-map.js';

export type { UnitsMap, UnitsMapEntry } from './units-map.js';
export { parseUnitsMap, readUnitsMap } from './units-map.js';

export interface SeriesFile {
  file: string;
  /** Absent when the file could not be read: its pairs are not checked. */
  annex?: Annex;
}

export interface SeriesOptions {
  map?: UnitsMap;
  /** The configuration's unit aliases (folded alias → canonical name), as the shape stage applies them. */
  unitAliases?: ReadonlyMap<string, string>;
}

/** One pair of consecutive files. */
export interface Transition {
  from: string;
  to: string;
  /** False when either file could not be read. */
  checked: boolean;
  /** Units compared (a merged unit counts once), and of those the ones carried over exactly. */
  compared: number;
  matched: number;
  /** Values that differ. */
  breaks: number;
  appeared: string[];
  disappeared: string[];
  /** Units-map entries applied to this pair. */
  merged: Array<{ from: string[]; to: string }>;
}

export interface SeriesResult {
  /** Per file (same order as the input): the continuity findings and skips it gets. */
  findings: Finding[][];
  skipped: Skip[][];
  transitions: Transition[];
}

/** The pairs compared: end-of-year value in the earlier file → start-of-year value in the later one. */
export const CONTINUES: ReadonlyArray<{ end: Indicator; start: 'households_start' | 'poor_start' }> = [
  { end: 'households_end', start: 'households_start' },
  { end: 'poor_end', start: 'poor_start' },
];

const TOTAL = '\u0000total';

/**
 * Units by key (the total under its own key). A name the table gives several units (a commune's name in two
 * districts) is keyed with its parent's (`Huyện Na Hang / Xã Yên Hoa`), so that each is matched with the same
 * unit of the other year; names of one key that their marks tell apart (`Tân Hòa`, `Tân Hóa`: shape/spelling.ts)
 * each with its spelling, so that neither is left uncompared; the first of true duplicates (one parent, one
 * spelling) is kept.
 */
function index(annex: Annex): Map<string, Unit> {
  const seen = new Map<string, number>();
  for (const u of annex.units) seen.set(u.key, (seen.get(u.key) ?? 0) + 1);
  const byKey = new Map<string, Unit[]>();
  for (const u of annex.units) {
    const parent = (seen.get(u.key) ?? 0) > 1 && u.parent !== undefined ? annex.units.at(u.parent) : undefined;
    const k = u.isTotal ? TOTAL : parent ? `${parent.isTotal ? TOTAL : parent.key}${PATH}${u.key}` : u.key;
    const list = byKey.get(k);
    if (list) list.push(u);
    else byKey.set(k, [u]);
  }
  const m = new Map<string, Unit>();
  for (const [k, units] of byKey) {
    const first = units[0]!;
    if (units.length === 1 || k === TOTAL || units.every((u) => sameUnitName(u.name, first.name))) m.set(k, first);
    else for (const u of units) if (!m.has(`${k}${SPELT}${spellingKey(u.name)}`)) m.set(`${k}${SPELT}${spellingKey(u.name)}`, u);
  }
  return m;
}

/** Between a key and its spelling, in the keys of names of one key that their marks tell apart. */
const SPELT = '\u0002';

/** Between a parent's key and its unit's, in the keys of names the table repeats. */
const PATH = '\u0001';

interface Comparison {
  next: Unit;
  prevs: Unit[];
}

/** One pair being checked: the two files, their units by key, and where the later file's findings and skips go. */
interface Pair {
  prevFile: string;
  prev: Annex;
  nextFile: string;
  next: Annex;
  P: Map<string, Unit>;
  N: Map<string, Unit>;
  out: { findings: Finding[]; skipped: Skip[] };
}

/** Which units are compared with which: what the units map applies, the rest by name. */
interface Matching {
  comparisons: Comparison[];
  /** Keys of earlier units compared or accounted for. */
  consumed: Set<string>;
  /** Keys of later units a map entry handles. */
  mapped: Set<string>;
}

/** Checks one pair: findings and skips for the later file. */
function checkPair(prevFile: string, prev: Annex, nextFile: string, next: Annex, opts: SeriesOptions, out: { findings: Finding[]; skipped: Skip[] }): Transition {
  const pair: Pair = { prevFile, prev, nextFile, next, P: index(prev), N: index(next), out };
  const t: Transition = { from: prevFile, to: nextFile, checked: true, compared: 0, matched: 0, breaks: 0, appeared: [], disappeared: [], merged: [] };
  const matching: Matching = { comparisons: [], consumed: new Set(), mapped: new Set() };
  applyUnitsMap(pair, opts, matching, t);
  matchByName(pair, matching, t);
  skipAbsentIndicators(pair);
  for (const c of matching.comparisons) {
    const { compared, breaks } = compareValues(pair, c);
    t.breaks += breaks;
    if (compared) {
      t.compared++;
      if (breaks === 0) t.matched++;
    }
  }
  out.findings.push({
    rule: 'continuity',
    severity: 'info',
    msg: { id: 'continuity.summary', params: { previousFile: prevFile, compared: t.compared, matched: t.matched, merged: t.merged.length } },
  });
  return t;
}

/**
 * Units-map entries that apply to this pair: the new unit is in the later file, some old unit in the earlier
 * one, and no old unit (other than the new one itself, when it absorbed the others) still in the later file.
 */
function applyUnitsMap({ P, N, prev, next, prevFile, nextFile, out }: Pair, opts: SeriesOptions, m: Matching, t: Transition): void {
  const key = (name: string) => aliasedUnitKey(name, opts.unitAliases);
  for (const e of opts.map?.entries ?? []) {
    const toKey = mapKey(e.to, N, next, key);
    const fromKeys = e.from.map((name) => mapKey(name, P, prev, key));
    const target = N.get(toKey);
    if (!target && fromKeys.some((k) => P.has(k))) out.findings.push(...ambiguousName(e.to, toKey, N, next, nextFile));
    if (!target || target.isTotal) continue;
    out.findings.push(...e.from.flatMap((name, i) => (P.has(fromKeys[i]!) ? [] : ambiguousName(name, fromKeys[i]!, P, prev, prevFile))));
    if (!fromKeys.some((k) => P.has(k))) continue;
    if (fromKeys.some((k) => k !== toKey && N.has(k))) continue;
    m.mapped.add(toKey);
    // A new unit that already existed under its name absorbed the others: its own values count too.
    const present = [...(P.has(toKey) && !fromKeys.includes(toKey) ? [toKey] : []), ...fromKeys.filter((k) => P.has(k))];
    for (const k of present) m.consumed.add(k);
    const missing = e.from.filter((_, i) => !P.has(fromKeys[i]!));
    if (missing.length > 0) {
      out.findings.push(mapPartial(e, target, missing, prevFile));
      continue;
    }
    t.merged.push({ from: present.map((k) => P.get(k)!.name), to: target.name });
    m.comparisons.push({ next: target, prevs: present.map((k) => P.get(k)!) });
  }
}

/**
 * The totals with each other; the other units by name, then a unit left over in each year whose names differ
 * only in the level word one of them starts with (`Chiêm Hóa`, `Huyện Chiêm Hoá`). A unit in one file only is a warning.
 */
function matchByName({ P, N, next, prevFile, out }: Pair, m: Matching, t: Transition): void {
  const leftover: Array<[string, Unit]> = [];
  for (const [k, u] of N) {
    if (m.mapped.has(k)) continue;
    const pk = earlierKey(k, u, P, next);
    const p = P.get(pk);
    if (p && !m.consumed.has(pk)) {
      m.consumed.add(pk);
      m.comparisons.push({ next: u, prevs: [p] });
    } else if (!p) leftover.push([k, u]);
  }
  const withLevelWord = matchLevelWords(leftover, [...P.keys()].filter((k) => !m.consumed.has(k) && !N.has(k)));
  for (const [k, u] of leftover) {
    const pk = withLevelWord.get(k);
    if (pk !== undefined) {
      m.consumed.add(pk);
      m.comparisons.push({ next: u, prevs: [P.get(pk)!] });
    } else {
      t.appeared.push(u.name);
      out.findings.push({
        rule: 'continuity',
        severity: 'warning',
        ...(u.cell ? { at: u.cell } : {}),
        unit: u.name,
        msg: { id: 'continuity.appeared', params: { unit: u.name, previousFile: prevFile } },
      });
    }
  }
  for (const [k, p] of P) {
    if (m.consumed.has(k) || N.has(k)) continue;
    t.disappeared.push(p.name);
    const cell = p.cell ? displayRef(p.cell) : undefined;
    out.findings.push({
      rule: 'continuity',
      severity: 'warning',
      unit: p.name,
      msg: { id: 'continuity.disappeared', params: { unit: p.name, previousFile: prevFile, ...(cell ? { cell } : {}) } },
      detail: { rule: 'continuity', previous: { file: prevFile, cells: cell ? [cell] : [], units: [p.name] } },
    });
  }
}

/**
 * Later keys → earlier keys of the units left over in both years that one level word tells apart: one of the
 * two names starts with it, the other is the rest (`huyen chiem hoa`, `chiem hoa`), and no other leftover unit
 * of either year reads so. Two level words (`Huyện …`, `Thị xã …`: a unit that changed level) are not matched.
 */
function matchLevelWords(later: ReadonlyArray<readonly [string, Unit]>, earlier: readonly string[]): Map<string, string> {
  // A key's stem (without its level word) and whether it has one; keys of names repeated in a table are left alone.
  const stem = (k: string) => (k.includes(PATH) || k.includes(SPELT) ? undefined : keyWithoutLevelWord(k));
  const byStem = new Map<string, { later: string[]; earlier: string[] }>();
  const add = (k: string, side: 'later' | 'earlier') => {
    const s = stem(k) ?? k;
    const group = byStem.get(s) ?? { later: [], earlier: [] };
    group[side].push(k);
    byStem.set(s, group);
  };
  for (const [k] of later) add(k, 'later');
  for (const k of earlier) add(k, 'earlier');
  const out = new Map<string, string>();
  for (const g of byStem.values()) {
    if (g.later.length !== 1 || g.earlier.length !== 1) continue;
    const [lk, pk] = [g.later[0]!, g.earlier[0]!];
    if ((stem(lk) === undefined) !== (stem(pk) === undefined)) out.set(lk, pk);
  }
  return out;
}

/**
 * The earlier file's key of the later file's unit `u` (key `k`): the same key, the same spelling when one year has
 * two names of the key that their marks tell apart and the other one, or the same name under the same parent when
 * one year gives the name several units and the other one (a commune's name once two districts').
 */
function earlierKey(k: string, u: Unit, P: Map<string, Unit>, next: Annex): string {
  const direct = spelt(k, u, P);
  if (direct !== undefined) return direct;
  const cut = k.indexOf(PATH);
  if (cut >= 0) {
    const inner = spelt(k.slice(cut + 1), u, P);
    const p = inner === undefined ? undefined : P.get(inner);
    const parent = p?.parent !== undefined ? P.get(k.slice(0, cut)) : undefined;
    return parent !== undefined && p!.parent === parent.id ? inner! : k;
  }
  const parent = u.parent !== undefined ? next.units.at(u.parent) : undefined;
  const underParent = parent ? `${parent.isTotal ? TOTAL : parent.key}${PATH}${k}` : k;
  return spelt(underParent, u, P) ?? underParent;
}

/**
 * `key` as the earlier file has it for unit `u`: itself; else, when one of the two years tells names of the key
 * apart by their marks and the other does not, the key of the same spelling (its spelling added or left out).
 */
function spelt(key: string, u: Unit, P: Map<string, Unit>): string | undefined {
  if (P.has(key)) return key;
  const at = key.indexOf(SPELT);
  if (at >= 0) {
    const base = P.get(key.slice(0, at));
    return base && sameUnitName(base.name, u.name) ? key.slice(0, at) : undefined;
  }
  const withSpelling = `${key}${SPELT}${spellingKey(u.name)}`;
  return P.has(withSpelling) ? withSpelling : undefined;
}

/** A skip for each file that lacks the start-of-year (later) or end-of-year (earlier) indicators. */
function skipAbsentIndicators({ prev, next, prevFile, nextFile, out }: Pair): void {
  const absentNext = CONTINUES.filter((c) => !next.indicators.includes(c.start)).map((c) => c.start);
  const absentPrev = CONTINUES.filter((c) => !prev.indicators.includes(c.end)).map((c) => c.end);
  if (absentNext.length > 0) out.skipped.push({ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'absent', file: nextFile, indicators: absentNext } } });
  if (absentPrev.length > 0) out.skipped.push({ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'absent', file: prevFile, indicators: absentPrev } } });
}

/** Each start-of-year value against the (summed) end-of-year values: whether any was compared, how many differ. */
function compareValues({ prev, next, prevFile, nextFile, out }: Pair, c: Comparison): { compared: boolean; breaks: number } {
  let compared = false;
  let breaks = 0;
  for (const { end, start } of CONTINUES) {
    if (!next.indicators.includes(start) || !prev.indicators.includes(end)) continue;
    const sv = next.values.get(c.next.id, start);
    const evs = c.prevs.map((p) => prev.values.get(p.id, end));
    const badNext = sv && !isOk(sv) ? [displayRef(sv.cell)] : [];
    const badPrev = evs.filter((v): v is Value => !!v && !isOk(v)).map((v) => displayRef(v.cell));
    if (badNext.length > 0) out.skipped.push({ rule: 'continuity', unit: c.next.name, msg: { id: 'skip.series', params: { reason: 'value', file: nextFile, cells: badNext } } });
    if (badPrev.length > 0) out.skipped.push({ rule: 'continuity', unit: c.next.name, msg: { id: 'skip.series', params: { reason: 'value', file: prevFile, cells: badPrev } } });
    if (!isOk(sv) || !evs.every(isOk)) continue;
    compared = true;
    const finding = mismatch(c, { end, start }, sv, evs as OkValue[], prevFile);
    if (finding) {
      breaks++;
      out.findings.push(finding);
    }
  }
  return { compared, breaks };
}

/** The finding when the start-of-year value is not the sum of the end-of-year ones, at the start-of-year cell. */
function mismatch(c: Comparison, { end, start }: (typeof CONTINUES)[number], sv: OkValue, ends: OkValue[], prevFile: string): Finding | undefined {
  const expected = ends.reduce((s, v) => s.plus(v.num), zero());
  if (expected.eq(sv.num)) return undefined;
  const previous = ends.map((v, i) => ({ unit: c.prevs[i]!.name, cell: displayRef(v.cell), value: v.plain }));
  return {
    rule: 'continuity',
    severity: 'error',
    at: sv.cell,
    unit: c.next.name,
    indicator: start,
    expected: plain(expected),
    actual: sv.plain,
    msg: {
      id: 'continuity.mismatch',
      params: { unit: c.next.name, indicator: start, cell: displayRef(sv.cell), actual: sv.plain, previousFile: prevFile, previous, expected: plain(expected), diff: plain(sv.num.minus(expected)) },
    },
    detail: { rule: 'continuity', previous: { file: prevFile, indicator: end, cells: previous.map((p) => p.cell), units: previous.map((p) => p.unit) } },
  };
}

/**
 * A units-map name's key among a file's units (`units`, from `index`): the unit of that name; else, for a name
 * written `Parent / Unit` (a commune's name the table gives in two districts), that parent's unit of that name.
 */
function mapKey(name: string, units: Map<string, Unit>, annex: Annex, key: (name: string) => string): string {
  const k = key(name);
  const slash = name.lastIndexOf('/');
  if (units.has(k)) return k;
  // A name its marks tell apart from another of its key (`Tân Hóa` beside `Tân Hòa`): keyed with its spelling (and
  // its parent's key, when the table repeats the name): the one unit of that spelling.
  const spelling = `${k}${SPELT}${spellingKey(name)}`;
  const ofSpelling = [...units.keys()].filter((x) => x === spelling || x.endsWith(`${PATH}${spelling}`));
  if (ofSpelling.length === 1) return ofSpelling[0]!;
  if (slash < 0) return k;
  const uk = key(name.slice(slash + 1));
  const pk = key(name.slice(0, slash));
  const parentKey = annex.total && key(annex.total.name) === pk ? TOTAL : pk;
  if (units.has(`${parentKey}${PATH}${uk}`)) return `${parentKey}${PATH}${uk}`;
  const u = units.get(uk);
  const parent = u?.parent !== undefined ? annex.units.at(u.parent) : undefined;
  return parent && key(parent.name) === pk ? uk : k;
}

/** A warning when a map's name (not found as `k`) is a name a file gives several units: which parent's? */
function ambiguousName(name: string, k: string, units: Map<string, Unit>, annex: Annex, file: string): Finding[] {
  const parents: string[] = [];
  for (const [key, u] of units) if (key.endsWith(`${PATH}${k}`) && u.parent !== undefined) parents.push(annex.units.at(u.parent)!.name);
  if (parents.length < 2) return [];
  return [{ rule: 'continuity', severity: 'warning', unit: name, msg: { id: 'continuity.map-ambiguous', params: { unit: name, parents, file } } }];
}

function mapPartial(e: UnitsMapEntry, target: Unit, missing: string[], prevFile: string): Finding {
  return {
    rule: 'continuity',
    severity: 'warning',
    ...(target.cell ? { at: target.cell } : {}),
    unit: target.name,
    msg: { id: 'continuity.map-partial', params: { unit: target.name, from: e.from, missing, previousFile: prevFile } },
  };
}

/** Checks every pair of consecutive files. Findings and skips go to the later file of each pair. */
export function checkSeries(files: readonly SeriesFile[], opts: SeriesOptions = {}): SeriesResult {
  const findings: Finding[][] = files.map(() => []);
  const skipped: Skip[][] = files.map(() => []);
  const transitions: Transition[] = [];
  for (let i = 1; i < files.length; i++) {
    const p = files[i - 1]!;
    const n = files[i]!;
    if (!p.annex || !n.annex) {
      transitions.push({ from: p.file, to: n.file, checked: false, compared: 0, matched: 0, breaks: 0, appeared: [], disappeared: [], merged: [] });
      // The readable one of the two says what was not checked.
      if (n.annex) skipped[i]!.push({ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'unreadable', file: p.file } } });
      else if (p.annex) skipped[i - 1]!.push({ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'unreadable', file: n.file } } });
      continue;
    }
    transitions.push(checkPair(p.file, p.annex, n.file, n.annex, opts, { findings: findings[i]!, skipped: skipped[i]! }));
  }
  return { findings, skipped, transitions };
}
