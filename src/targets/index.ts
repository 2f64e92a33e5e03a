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
 */
import { PovcheckError } from '../errors.js';
import { Dec } from '../calc/decimal.js';
import type { TargetOp } from '../calc/annex-math.js';
import { isIndicator, type Indicator } from '../model/indicators.js';
import type { Unit } from '../model/annex.js';
import { decodeBytes } from '../read/decode.js';
import { MAX_SIDE_FILE_BYTES, readFileBytes } from '../read/index.js';
import { isTotalName } from '../shape/aliases.js';
import { aliasedUnitKey, unitKey } from '../shape/normalize.js';
import { sameUnitName } from '../shape/spelling.js';
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
}

/** The key word for the total unit, whatever it is called in the table. */
export const TOTAL_KEYWORD = 'total';

const PLAIN = /^-?\d+(?:\.\d+)?$/;

const isOp = (s: unknown): s is TargetOp => typeof s === 'string' && (TARGET_OPS as readonly string[]).includes(s);

/** Parses the targets format (JSON text). Throws TARGETS_INVALID naming the entry and field that is wrong. */
export function parseTargets(text: string): Target[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new PovcheckError('TARGETS_INVALID', { reason: 'json', detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
  }
  const list = (doc as { targets?: unknown } | null)?.targets;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(list)) {
    throw new PovcheckError('TARGETS_INVALID', { reason: 'shape' });
  }
  return targetsFromEntries(list);
}

/**
 * The entries of a targets list (a targets file's `targets`, or the configuration's `targets`) as targets.
 * Throws TARGETS_INVALID naming the entry (1-based) and the field that is wrong.
 */
export function targetsFromEntries(list: readonly unknown[]): Target[] {
  return list.map((entry: unknown, i): Target => {
    const index = i + 1;
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: 'unit' | 'indicator' | 'op' | 'value', v: unknown) =>
      new PovcheckError('TARGETS_INVALID', { reason: 'field', index, field, ...(v !== undefined ? { text: clip(typeof v === 'string' ? v : JSON.stringify(v)) } : {}) });
    if (typeof e.unit !== 'string' || e.unit.trim() === '') throw bad('unit', e.unit);
    if (typeof e.indicator !== 'string' || !isIndicator(e.indicator)) throw bad('indicator', e.indicator);
    if (!isOp(e.op)) throw bad('op', e.op);
    if (typeof e.value !== 'string' || !PLAIN.test(e.value.trim())) throw bad('value', e.value);
    const value = e.value.trim();
    return { unit: e.unit.normalize('NFC').trim(), indicator: e.indicator, op: e.op, value, num: new Dec(value) };
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
    return parseTargets(decodeBytes(await readFileBytes(path, undefined, MAX_SIDE_FILE_BYTES)).text);
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

/**
 * The unit a target names: `total` (or a name recognised as a total, e.g. "Toàn tỉnh", when the table's total
 * is called something else) is the total unit; otherwise names are compared case-insensitively, keyed with the
 * unit aliases the units were keyed with (`Annex.unitAliases`), a name written without marks (`Lam Binh`) standing
 * for the marked one, but marks that differ naming another place (`Tân Hóa` is not `Tân Hòa`: shape/spelling.ts).
 * Throws TARGET_UNIT listing the known names when nothing matches, and the candidates when a name without marks
 * fits units spelt differently (`Tan Hoa` beside `Tân Hòa` and `Tân Hóa`).
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
  const known = [...(total && !list.some((u) => u.id === total.id) ? [total] : []), ...list].map((u) => u.name);
  throw new PovcheckError('TARGET_UNIT', { unit: clip(name), known: [...(total ? [TOTAL_KEYWORD] : []), ...known] });
}
