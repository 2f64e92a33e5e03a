/**
 * Targets: "this unit's indicator must be op value". One format, shared by `plan` (which computes the exits a
 * target needs) and later target checks (`validate --targets`):
 *
 *   {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},
 *               {"unit":"total","indicator":"rate_reduced","op":">=","value":"2.06"}]}
 *
 * `unit` is a unit's name, matched case- and diacritic-insensitively, or `total`; `indicator` an indicator key;
 * `op` one of >= <= =; `value` a string of plain digits ("4", "2.06", "-0.5").
 * On the command line, `--target "Na Hang=4"` is `rate_reduced >= 4` for that unit.
 *
 * Each target read from a file or the command line remembers where it was given (`origin`), so that a problem found
 * once the table is read (a unit it lacks) names the targets file and the entry, never the table (`givenAt`).
 */
import { PovcheckError, type ErrorParams } from '../errors.js';
import { jsonMistake, targetsEntryLines } from '../read/json-place.js';
import { Dec } from '../calc/decimal.js';
import type { TargetOp } from '../calc/annex-math.js';
import { isIndicator, type Indicator } from '../model/indicators.js';
import type { Unit } from '../model/annex.js';
import { decodeSideText } from '../read/decode.js';
import { MAX_SIDE_FILE_BYTES, readFileBytes } from '../read/index.js';
import { isTotalName } from '../shape/aliases.js';
import { aliasedUnitKey, unitKey } from '../shape/normalize.js';
import { sameSpelling, sameUnitName } from '../shape/spelling.js';
import { keyWithoutLevelWord, levelWordOf } from '../shape/structure.js';
import { clip } from '../model/echo.js';

export type { TargetOp } from '../calc/annex-math.js';
export const TARGET_OPS: readonly TargetOp[] = ['>=', '<=', '='];

export interface Target {
  /** The unit as written in the targets file or on the command line; `total` for the total unit. */
  unit: string;
  indicator: Indicator;
  op: TargetOp;
  /** Plain digits, as given. */
  value: string;
  num: Dec;
  /** Where it was given, when read from a file, the configuration or `--target`. */
  origin?: TargetOrigin;
}

/** A target's source (a targets file's path, the configuration's, or `--target`), its place in its list (1-based) and line. */
export interface TargetOrigin {
  source: string;
  index: number;
  /** The line its entry starts on, in a targets file of more than one line. */
  line?: number;
}

/** How a target given on the command line is named as its source. */
export const TARGET_OPTION = '--target';

/** The key word for the total unit, whatever it is called in the table. */
export const TOTAL_KEYWORD = 'total';

const PLAIN = /^-?\d+(?:\.\d+)?$/;

const isOp = (s: unknown): s is TargetOp => typeof s === 'string' && (TARGET_OPS as readonly string[]).includes(s);

/**
 * Parses the targets format (JSON text). Throws TARGETS_INVALID naming the place where the text stops being JSON,
 * or the entry (and its line) and field that is wrong. With `source` (the file's path) each target remembers it.
 */
export function parseTargets(text: string, source?: string): Target[] {
  const body = text.replace(/^\ufeff/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const place = jsonMistake(body);
    throw new PovcheckError('TARGETS_INVALID', { reason: 'json', detail: e instanceof Error ? e.message.split('\n')[0]! : String(e), ...(place ? { line: place.line, column: place.column } : {}) });
  }
  const list = (doc as { targets?: unknown } | null)?.targets;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(list)) {
    throw new PovcheckError('TARGETS_INVALID', { reason: 'shape' });
  }
  // A file of one line needs no line numbers: "target 2" says where.
  return targetsFromEntries(list, source, body.trimEnd().includes('\n') ? targetsEntryLines(body) : []);
}

/**
 * The entries of a targets list (a targets file's `targets`, or the configuration's `targets`) as targets, each
 * remembering `source` (when given), its place and its entry's line (`lines`, when known).
 * Throws TARGETS_INVALID naming the entry (1-based), its line and the field that is wrong.
 */
export function targetsFromEntries(list: readonly unknown[], source?: string, lines: readonly number[] = []): Target[] {
  return list.map((entry: unknown, i): Target => {
    const index = i + 1;
    const line = lines[i];
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: 'unit' | 'indicator' | 'op' | 'value', v: unknown) =>
      new PovcheckError('TARGETS_INVALID', { reason: 'field', index, field, ...(v !== undefined ? { text: clip(typeof v === 'string' ? v : JSON.stringify(v)) } : {}), ...(line !== undefined ? { line } : {}) });
    if (typeof e.unit !== 'string' || e.unit.trim() === '') throw bad('unit', e.unit);
    if (typeof e.indicator !== 'string' || !isIndicator(e.indicator)) throw bad('indicator', e.indicator);
    if (!isOp(e.op)) throw bad('op', e.op);
    if (typeof e.value !== 'string' || !PLAIN.test(e.value.trim())) throw bad('value', e.value);
    const value = e.value.trim();
    const origin = source !== undefined ? { origin: { source, index, ...(line !== undefined ? { line } : {}) } } : {};
    return { unit: e.unit.normalize('NFC').trim(), indicator: e.indicator, op: e.op, value, num: new Dec(value), ...origin };
  });
}

/** Targets to check, and where they come from (a targets file, the configuration file, or `--target`), for messages. */
export interface TargetSet {
  source: string;
  targets: Target[];
}

/** Reads a targets file (UTF-8, with or without BOM, or UTF-16 with BOM). Errors name the file. */
export async function readTargetsFile(path: string): Promise<Target[]> {
  try {
    return parseTargets(decodeSideText(await readFileBytes(path, undefined, MAX_SIDE_FILE_BYTES), 'targets').text, path);
  } catch (e) {
    if (e instanceof PovcheckError) throw e.withFile(path);
    throw e;
  }
}

/**
 * `--target "<unit>=<points>"`: the unit's poverty rate falls by at least that many points
 * (rate_reduced >= points). The points may use "." or "," as the decimal mark: "2.06", "2,06", "4".
 */
export function parseTargetArg(arg: string): Target {
  const m = /^(.+?)\s*=\s*([+-]?\d+(?:[.,]\d+)?)\s*$/u.exec(arg);
  const unit = m?.[1]?.normalize('NFC').trim();
  // A targets file given here instead of to --targets (a .json name or a path): the line says which option takes it.
  if (!m || !unit) throw new PovcheckError('TARGETS_INVALID', { reason: 'arg', text: arg, ...(/\.json$|[/\\]/i.test(arg) ? { file: true } : {}) });
  const value = m[2]!.replace(',', '.').replace(/^\+/, '');
  return { unit, indicator: 'rate_reduced', op: '>=', value, num: new Dec(value) };
}

/** Every `--target` of a command line, in order, each remembering its place among them (`--target: target 2`). */
export function parseTargetArgs(args: readonly string[]): Target[] {
  return args.map((arg, i) => ({ ...parseTargetArg(arg), origin: { source: TARGET_OPTION, index: i + 1 } }));
}

/**
 * `e`, a problem with target `t` found against a table (a unit it lacks: TARGET_UNIT; one exits cannot move:
 * TARGET_UNSUPPORTED), naming where the target was given, its file (or --target), entry and line, not the table.
 * Anything else is returned as it is.
 */
export function givenAt(e: unknown, t: Target): unknown {
  if (!(e instanceof PovcheckError) || !t.origin || e.file !== undefined) return e;
  const place = { index: t.origin.index, ...(t.origin.line !== undefined ? { line: t.origin.line } : {}) };
  const opts = { file: t.origin.source, ...(e.lang ? { lang: e.lang } : {}) };
  if (e.code === 'TARGET_UNIT') return new PovcheckError('TARGET_UNIT', { ...(e.params as ErrorParams['TARGET_UNIT']), ...place }, opts);
  if (e.code === 'TARGET_UNSUPPORTED') return new PovcheckError('TARGET_UNSUPPORTED', { ...(e.params as ErrorParams['TARGET_UNSUPPORTED']), ...place }, opts);
  return e;
}

/**
 * The unit a target names: `total` (or a name recognised as a total, e.g. "Toàn tỉnh", when the table's total
 * is called something else) is the total unit; otherwise names are compared case-insensitively, keyed with the
 * unit aliases the units were keyed with (`Annex.unitAliases`), a name written without marks (`Lam Binh`) standing
 * for the marked one, but marks that differ naming another place (`Tân Hóa` is not `Tân Hòa`: shape/spelling.ts).
 * A name that fits no unit so may still fit one by its level word, as `--series` matches years (shape/structure.ts
 * `keyWithoutLevelWord`): `Chiêm Hóa` is `Huyện Chiêm Hoá` (and `Huyện Chiêm Hóa` is `Chiêm Hóa`), where one of the
 * two names has the level word and the other not; `Thị xã X` is never `Huyện X` (a change of level).
 * Throws TARGET_UNIT listing the known names when nothing matches, and the candidates when a name without marks
 * fits units spelt differently (`Tan Hoa` beside `Tân Hòa` and `Tân Hóa`) or a name without its level word fits
 * units of two levels (`Na Hang` beside `Huyện Na Hang` and `Thị trấn Na Hang`: `level`): never a guess.
 */
export function resolveTargetUnit(name: string, units: Iterable<Unit>, total?: Unit, unitAliases?: ReadonlyMap<string, string>): Unit {
  const key = aliasedUnitKey(name, unitAliases);
  const fits: Unit[] = [];
  for (const u of units) if (u.key === key && sameUnitName(name, u.name)) fits.push(u);
  // Units of one spelling (communes of one name under different districts): the first, as before.
  if (fits.length > 0 && fits.every((u) => sameUnitName(u.name, fits[0]!.name))) return fits[0]!;
  if (fits.length > 0) throw new PovcheckError('TARGET_UNIT', { unit: clip(name), known: [], candidates: [...new Set(fits.map((u) => u.name))] });
  if (total && total.key === key && sameUnitName(name, total.name)) return total;
  if (total && (unitKey(name) === TOTAL_KEYWORD || isTotalName(name))) return total;
  const list = [...units];
  const byLevel = levelWordFits(name, key, total && !list.some((u) => u.id === total.id) ? [...list, total] : list);
  // A province is named as its capital city is (Tuyên Quang, TP Tuyên Quang): a bare name is not taken for the city.
  if (byLevel.length > 0 && levelWordOf(key) === undefined && byLevel.every((u) => CITY_WORDS.has(levelWordOf(u.key) ?? ''))) {
    throw new PovcheckError('TARGET_UNIT', { unit: clip(name), known: [], candidates: [...new Set(byLevel.map((u) => u.name))], city: true });
  }
  if (byLevel.length > 0 && byLevel.every((u) => u.key === byLevel[0]!.key && sameUnitName(u.name, byLevel[0]!.name))) return byLevel[0]!;
  if (byLevel.length > 0) throw new PovcheckError('TARGET_UNIT', { unit: clip(name), known: [], candidates: [...new Set(byLevel.map((u) => u.name))], level: true });
  const known = [...(total && !list.some((u) => u.id === total.id) ? [total] : []), ...list].map((u) => u.name);
  throw new PovcheckError('TARGET_UNIT', { unit: clip(name), known: [...(total ? [TOTAL_KEYWORD] : []), ...known] });
}

/**
 * The units a name fits but for a level word (`keyWithoutLevelWord`): one of the two names starts with one and the
 * other is the rest, spelt alike (the tone marks' old and new places are one spelling: `Hoá`, `Hóa`).
 */
function levelWordFits(name: string, key: string, units: readonly Unit[]): Unit[] {
  const stem = keyWithoutLevelWord(key);
  const out: Unit[] = [];
  for (const u of units) {
    // Either name may be the one with the level word; a name whose first word only looks like one (`Quan Sơn`,
    // `Buôn Đôn`) is compared whole as well.
    const uStem = keyWithoutLevelWord(u.key);
    if ((uStem === undefined || uStem !== key) && (stem === undefined || stem !== u.key)) continue;
    if (sameSpelling(name, u.name)) out.push(u);
  }
  return out;
}

/** Level words of cities and towns, which share their names with provinces. */
const CITY_WORDS = new Set(['thanh pho', 'tp', 'thi xa', 'tx']);
