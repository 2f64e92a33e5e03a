/**
 * Units maps: which old units became which new one (the 2025 commune mergers, renamed districts), for
 * `validate --series --units-map <file>`. JSON:
 *
 *   {"units":[{"from":["Xã Thượng Lâm","Xã Khuôn Hà"],"to":"Xã Lâm Bình"},{"from":"TP Tuyên Quang","to":"Phường Minh Xuân"}]}
 *
 * or CSV (any delimiter povcheck reads, UTF-8/UTF-16), one row per old unit under a header naming the columns
 * `from` and `to` (or `Đơn vị cũ` and `Đơn vị mới`, `old` and `new`); rows with the same new unit form one entry:
 *
 *   Đơn vị cũ;Đơn vị mới
 *   Xã Thượng Lâm;Xã Lâm Bình
 *   Xã Khuôn Hà;Xã Lâm Bình
 *
 * Names are matched like unit names everywhere (case, diacritics, spacing and punctuation ignored, and the
 * configuration's unit aliases). An old unit belongs to at most one entry, and each new unit has one entry.
 */
import { PovcheckError } from '../errors.js';
import { readDelimited } from '../read/csv.js';
import { decodeSideText } from '../read/decode.js';
import { jsonMistake } from '../read/json-place.js';
import { cellText } from '../model/grid.js';
import { MAX_SIDE_FILE_BYTES, readFileBytes } from '../read/index.js';
import { foldKey, unitKey } from '../shape/normalize.js';

export interface UnitsMapEntry {
  /** 1-based position in the file (JSON entry, or the first CSV row naming this new unit). */
  index: number;
  /** The old units, as written. */
  from: string[];
  /** The new unit, as written. */
  to: string;
}

export interface UnitsMap {
  /** Where it was read from (for messages and the JSON report). */
  source: string;
  entries: UnitsMapEntry[];
}

const FROM_HEADERS = new Set(['from', 'old', 'old unit', 'don vi cu', 'ten cu', 'cu']);
const TO_HEADERS = new Set(['to', 'new', 'new unit', 'don vi moi', 'ten moi', 'moi']);

const nfc = (s: string) => s.normalize('NFC').trim();

/** Refuses an old unit in two entries and a new unit with two entries. */
function checked(entries: UnitsMapEntry[], row: boolean): UnitsMapEntry[] {
  const fromAt = new Map<string, number>();
  const toAt = new Map<string, number>();
  for (const e of entries) {
    const tk = unitKey(e.to);
    const firstTo = toAt.get(tk);
    if (firstTo !== undefined) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'twice', unit: e.to, index: e.index, first: firstTo, ...(row ? { row } : {}) });
    toAt.set(tk, e.index);
    for (const f of e.from) {
      const fk = unitKey(f);
      const first = fromAt.get(fk);
      if (first !== undefined) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'twice', unit: f, index: e.index, first, ...(row ? { row } : {}) });
      fromAt.set(fk, e.index);
    }
  }
  return entries;
}

function parseJson(text: string): UnitsMapEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const place = jsonMistake(text);
    throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'json', detail: e instanceof Error ? e.message.split('\n')[0]! : String(e), ...(place ? { line: place.line, column: place.column } : {}) });
  }
  const list = (doc as { units?: unknown } | null)?.units;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(list)) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'shape' });
  return list.map((entry: unknown, i): UnitsMapEntry => {
    const index = i + 1;
    const e = (typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {}) as Record<string, unknown>;
    const bad = (field: 'from' | 'to', v: unknown) =>
      new PovcheckError('UNITS_MAP_INVALID', { reason: 'field', index, field, ...(v !== undefined ? { text: typeof v === 'string' ? v : JSON.stringify(v) } : {}) });
    const from = typeof e.from === 'string' ? [e.from] : e.from;
    if (!Array.isArray(from) || from.length === 0 || !from.every((f) => typeof f === 'string' && unitKey(f) !== '')) throw bad('from', e.from);
    if (typeof e.to !== 'string' || unitKey(e.to) === '') throw bad('to', e.to);
    return { index, from: (from as string[]).map(nfc), to: nfc(e.to) };
  });
}

function parseCsv(text: string, encoding: Parameters<typeof readDelimited>[1]): UnitsMapEntry[] {
  let rows: string[][];
  try {
    rows = readDelimited(text, encoding).grid.rows.map((r) => r.map(cellText));
  } catch (e) {
    if (e instanceof PovcheckError) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'csv-header' });
    throw e;
  }
  const header = rows[0] ?? [];
  const fromCol = header.findIndex((h) => FROM_HEADERS.has(foldKey(h)));
  const toCol = header.findIndex((h) => TO_HEADERS.has(foldKey(h)));
  if (fromCol < 0 || toCol < 0) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'csv-header' });
  const byTo = new Map<string, UnitsMapEntry>();
  const fromRow = new Map<string, number>();
  const entries: UnitsMapEntry[] = [];
  rows.slice(1).forEach((r, i) => {
    const from = nfc(r[fromCol] ?? '');
    const to = nfc(r[toCol] ?? '');
    if (from === '' && to === '') return;
    const index = i + 2; // the spreadsheet row
    if (unitKey(from) === '') throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'field', index, field: 'from', row: true });
    if (unitKey(to) === '') throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'field', index, field: 'to', row: true });
    const first = fromRow.get(unitKey(from));
    if (first !== undefined) throw new PovcheckError('UNITS_MAP_INVALID', { reason: 'twice', unit: from, index, first, row: true });
    fromRow.set(unitKey(from), index);
    const k = unitKey(to);
    const e = byTo.get(k);
    if (e) e.from.push(from);
    else {
      const n: UnitsMapEntry = { index, from: [from], to };
      byTo.set(k, n);
      entries.push(n);
    }
  });
  return entries;
}

/** Parses a units map (JSON when its text starts with `{`, else CSV). Throws UNITS_MAP_INVALID. */
export function parseUnitsMap(bytes: Uint8Array, source: string): UnitsMap {
  const { text, encoding } = decodeSideText(bytes, 'units-map');
  const body = text.replace(/^\ufeff/, '');
  const json = body.trimStart().startsWith('{');
  return { source, entries: checked(json ? parseJson(body) : parseCsv(text, encoding), !json) };
}

/** Reads a units-map file. Errors name the file. */
export async function readUnitsMap(path: string): Promise<UnitsMap> {
  try {
    return parseUnitsMap(await readFileBytes(path, undefined, MAX_SIDE_FILE_BYTES), path);
  } catch (e) {
    if (e instanceof PovcheckError) throw e.withFile(path);
    throw e;
  }
}
