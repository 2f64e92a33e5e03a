/**
 * Looks inside a ZIP container before anything reads its parts: what it is (an Excel workbook, an
 * OpenDocument file, a Word document …) and whether it stays within povcheck's limits. A workbook is a ZIP
 * of XML parts, so a hostile one (a "zip bomb", or a sheet of millions of cells) could make a reader inflate
 * gigabytes; here every part is inflated once, one at a time, with a hard cap on its output (zlib's
 * maxOutputLength), so neither lying headers nor huge parts can exhaust memory. The readers then take the
 * parts they need with `readPart` (capped the same way) and parse them with xml-stream.ts.
 *
 * - `listZip`: the central directory, as its end record places and counts it; two parts of one name (or of names
 *   that differ only in case) refused;
 * - `guardZip`: any container (workbook, Word document): entries, unpacked size, encryption, honest sizes;
 * - `inspectZip`: what the container is and, for a workbook, the cells over all sheets;
 * - `wordMainPart`: a Word document's main part, as its package relationships name it (opc.ts reads them);
 * - `readPart` / `readZipPart`: one part's bytes, once the container passed the guard.
 * A part is read where the central directory places it, and only when its local header there names it as the
 * directory does: a reader that walks the local headers (a streaming unzip) would otherwise see another part.
 * Pure: bytes in, facts or a PovcheckError out.
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { PovcheckError, type ContainerDamage, type ErrorParams } from '../errors.js';
import { clip } from '../model/echo.js';
import { ZIP64_LOCATOR, ZIP_CENTRAL_HEADER, ZIP_END_RECORD, ZIP_LOCAL_HEADER } from '../model/zip-records.js';
import { readRelationships, relationshipsPartOf, targetOfType, type Relationships } from './opc.js';

export interface WorkbookLimits {
  /** All parts together, unpacked. */
  maxUnpackedBytes: number;
  /** Parts in the archive. */
  maxEntries: number;
  /** `<c>` elements over all worksheets. */
  maxCells: number;
  /** Extent of the read sheet's content. */
  maxRows: number;
  maxCols: number;
  /** Sheets listed in the workbook. */
  maxSheets: number;
  /** Merged ranges in the read sheet. */
  maxMerges: number;
  /** Shared strings (distinct texts) in the workbook, and their characters together. */
  maxStrings: number;
  maxStringChars: number;
  /** Characters in one text (a cell, a formula, an attribute): a spreadsheet cell holds at most 32,767. */
  maxText: number;
}

/** Far above any annex table (a whole country's communes is ~120,000 cells), far below trouble. */
export const DEFAULT_LIMITS: WorkbookLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 5_000,
  maxCells: 200_000,
  maxRows: 100_000,
  maxCols: 1_000,
  maxSheets: 1_000,
  maxMerges: 20_000,
  maxStrings: 1_000_000,
  maxStringChars: 20_000_000,
  maxText: 32_767,
};

export interface ZipEntry {
  name: string;
  /** The name's bytes in the central directory (what its local header must repeat). */
  rawName: Uint8Array;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Offset of the local header. */
  offset: number;
  encrypted: boolean;
}

export type ContainerKind = 'workbook' | ErrorParams['FILE_BINARY']['kind'];

export interface ZipFacts {
  kind: ContainerKind;
  entries: ZipEntry[];
  /** The workbook declares itself macro-enabled (.xlsm). */
  macroEnabled: boolean;
  /** `<c>` elements counted over all worksheets (after the guard ran). */
  cells: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

function invalid(damage: ContainerDamage): PovcheckError {
  return new PovcheckError('WORKBOOK_INVALID', damage);
}

/** The extra field that holds an entry's ZIP64 sizes and offset. */
const ZIP64_EXTRA = 0x0001;

/** Where the end-of-central-directory record starts (searched back over a comment of up to 65,535 bytes). */
function endRecord(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === ZIP_END_RECORD) return i;
  }
  throw invalid({ damage: 'no-directory' });
}

/**
 * The central directory: names and sizes, without inflating anything. The end record must place the directory
 * inside the file, just before itself (or before a ZIP64 record), and count the parts it holds; its markers for
 * ZIP64 (0xFFFF…) mean ZIP64 only when the ZIP64 locator is there, else the record is damaged. Two parts of one
 * name are refused (`refuseTwins`).
 */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const eocd = endRecord(bytes);
  const listed = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  const zip64 = eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR;
  if (zip64 && (listed === 0xffff || size === 0xffffffff || offset === 0xffffffff)) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'zip64' });
  const end = offset + size;
  if (end > eocd) throw invalid({ damage: 'end-record', fault: 'outside' });
  if (!zip64 && end !== eocd) throw invalid({ damage: 'end-record', fault: 'place' });
  const entries = centralEntries(bytes, offset, end);
  if (entries.length !== listed) throw invalid({ damage: 'end-record', fault: 'count', listed, found: entries.length });
  refuseTwins(entries);
  return entries;
}

/**
 * Two parts of one name are refused: programs differ in which one they read (a reviewer and a checker could see
 * different tables). So are two names that differ only in case (xl/worksheets/sheet1.xml, xl/worksheets/Sheet1.xml):
 * an Office document's part names ignore case (ECMA-376 Part 2, 6.2.2.3: such a package is not to be opened), so
 * they are one part named twice to Excel, while a reader that matches names exactly (povcheck's own lookup,
 * LibreOffice 7.4) reads the one its relationships spell.
 */
function refuseTwins(entries: readonly ZipEntry[]): void {
  const byFolded = new Map<string, string>();
  for (const e of entries) {
    const folded = e.name.toLowerCase();
    const first = byFolded.get(folded);
    if (first === e.name) throw invalid({ damage: 'part-twice', part: e.name });
    if (first !== undefined) throw invalid({ damage: 'part-case', part: first, other: e.name });
    byFolded.set(folded, e.name);
  }
}

/** The entries of the central directory from `start` to `end`, every header whole and inside it. */
function centralEntries(bytes: Uint8Array, start: number, end: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let p = start; p < end; ) {
    if (p + 46 > end || u32(bytes, p) !== ZIP_CENTRAL_HEADER) throw invalid({ damage: 'directory' });
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const next = p + 46 + nameLen + extraLen + u16(bytes, p + 32);
    if (next > end) throw invalid({ damage: 'directory' });
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const entry: ZipEntry = {
      name: decoder.decode(rawName),
      rawName,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      declaredSize: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
      encrypted: (flags & 1) === 1,
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.offset === 0xffffffff) {
      if (hasExtra(bytes, p + 46 + nameLen, p + 46 + nameLen + extraLen, ZIP64_EXTRA)) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'zip64' });
      throw invalid({ damage: 'directory' });
    }
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** Whether the extra fields from `start` to `end` hold one with header `id`. */
function hasExtra(bytes: Uint8Array, start: number, end: number, id: number): boolean {
  for (let q = start; q + 4 <= end; q += 4 + u16(bytes, q + 2)) if (u16(bytes, q) === id) return true;
  return false;
}

/**
 * What a ZIP container is, from its part names; a Word document whose main part has another name from its package
 * relationships (`wordMainPart`); an OpenDocument file from its `mimetype` part too: a text document (.odt) is not a
 * spreadsheet (.ods), and is told how to become a .docx.
 */
export function containerKind(entries: readonly ZipEntry[], bytes: Uint8Array): ContainerKind {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'workbook';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('word/document.xml') || wordMainPart(bytes, entries)) return 'docx';
  if (names.has('content.xml') && names.has('mimetype')) return isOdfText(bytes, entries) ? 'odt' : 'ods';
  return 'zip';
}

/** A part by name, regardless of case, as Office matches part names (two that differ only in case are refused: `refuseTwins`). */
export function partNamed(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const folded = name.toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === folded);
}

/** The package's relationships (_rels/.rels) name a handful of parts: a few hundred bytes. */
const PACKAGE_RELS_CAP = 64 * 1024;

/**
 * The relationships of `part` ("" for the package's own, _rels/.rels), inflated capped at `cap` bytes; undefined when
 * there are none, and when they cannot be read (a damaged part, larger than the cap, not XML): then they are taken as
 * absent, and the part names Office uses by default apply.
 */
export function relationshipsOf(bytes: Uint8Array, entries: readonly ZipEntry[], part: string, cap: number): Relationships | undefined {
  const e = partNamed(entries, relationshipsPartOf(part));
  if (!e || e.encrypted) return undefined;
  try {
    const xml = inflateCapped(bytes, e, cap);
    return xml && readRelationships(xml);
  } catch {
    return undefined;
  }
}

/**
 * A Word document's main part: the one the package's officeDocument relationship names (ECMA-376 Part 1, 11.3.10),
 * when it is there under word/ (Word Online, Office 365 and SharePoint save word/document2.xml), else
 * word/document.xml; undefined when neither is there.
 */
export function wordMainPart(bytes: Uint8Array, entries: readonly ZipEntry[]): ZipEntry | undefined {
  const rels = relationshipsOf(bytes, entries, '', PACKAGE_RELS_CAP);
  const target = rels && targetOfType(rels, '/officeDocument', '');
  const named = target !== undefined && /^word\//i.test(target) ? partNamed(entries, target) : undefined;
  return named ?? partNamed(entries, 'word/document.xml');
}

/** The `mimetype` part (a few dozen bytes, first in the archive) names an OpenDocument text document. */
function isOdfText(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  const e = entries.find((x) => x.name === 'mimetype');
  if (!e || e.declaredSize > 200) return false;
  try {
    const data = inflateCapped(bytes, e, 200);
    return data !== undefined && new TextDecoder().decode(data).trim().startsWith('application/vnd.oasis.opendocument.text');
  } catch {
    return false; // a damaged part: said as the spreadsheet's damage, as before
  }
}

/**
 * Inflates one part with its output capped at `cap` bytes; undefined when it would exceed the cap. Its local header
 * must name it as the central directory does.
 */
export function inflateCapped(bytes: Uint8Array, e: ZipEntry, cap: number): Uint8Array | undefined {
  if (e.offset + 30 > bytes.length || u32(bytes, e.offset) !== ZIP_LOCAL_HEADER) throw invalid({ damage: 'part-header', part: e.name });
  const nameLen = u16(bytes, e.offset + 26);
  const localName = bytes.subarray(e.offset + 30, e.offset + 30 + nameLen);
  if (Buffer.compare(localName, e.rawName) !== 0) throw invalid({ damage: 'part-name', part: e.name, local: clip(new TextDecoder('utf-8').decode(localName)) });
  const start = e.offset + 30 + nameLen + u16(bytes, e.offset + 28);
  const body = bytes.subarray(start, start + e.compressedSize);
  if (body.length < e.compressedSize) throw invalid({ damage: 'part-short', part: e.name });
  if (e.method === 0) return body.length > cap ? undefined : body;
  if (e.method !== 8) throw invalid({ damage: 'part-method', part: e.name, method: e.method });
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return undefined;
    throw invalid({ damage: 'part-inflate', part: e.name, code: code ?? 'inflate error' });
  }
}

/** `<c …>` / `<c>` elements (any namespace prefix) in a worksheet part. */
function countCells(xml: Uint8Array): number {
  let n = 0;
  // Byte scan: '<', optional "prefix:", 'c', then whitespace, '>' or '/'.
  for (let i = 0; i < xml.length - 2; i++) {
    if (xml[i] !== 0x3c) continue;
    let j = i + 1;
    const first = j;
    while (j < xml.length && j - first < 16 && ((xml[j]! >= 0x61 && xml[j]! <= 0x7a) || (xml[j]! >= 0x41 && xml[j]! <= 0x5a) || (xml[j]! >= 0x30 && xml[j]! <= 0x39))) j++;
    if (xml[j] === 0x3a) j++;
    else j = first;
    if (xml[j] !== 0x63) continue;
    const after = xml[j + 1];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) n++;
  }
  return n;
}

/** One part's bytes, inflated with its output capped at the size its header declares (which the guard checked). */
export function readPart(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const data = inflateCapped(bytes, e, e.declaredSize + 1);
  if (!data || data.length > e.declaredSize) throw invalid({ damage: 'part-larger', part: e.name });
  if (data.length !== e.declaredSize) throw invalid({ damage: 'part-size', part: e.name });
  return data;
}

/**
 * Checks any ZIP container against the size limits (parts, unpacked bytes, encryption) and inflates every part
 * once, capped, to verify it is the size it declares; `onPart` sees each part's bytes (and may throw).
 * Returns the entries.
 */
export function guardZip(bytes: Uint8Array, limits: Pick<WorkbookLimits, 'maxEntries' | 'maxUnpackedBytes'> = DEFAULT_LIMITS, onPart?: (e: ZipEntry, data: Uint8Array) => void, entries: ZipEntry[] = listZip(bytes)): ZipEntry[] {
  if (entries.length > limits.maxEntries) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'entries', limit: limits.maxEntries });
  let declared = 0;
  for (const e of entries) declared += e.declaredSize;
  if (declared > limits.maxUnpackedBytes) {
    throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'uncompressed', limitMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024) });
  }
  if (entries.some((e) => e.encrypted)) throw new PovcheckError('FILE_BINARY', { kind: 'encrypted' });
  // The declared sizes fit the budget; now make sure no part is larger than it declares (a bomb that lies).
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = readPart(bytes, e);
    onPart?.(e, data);
  }
  return entries;
}

/**
 * One named part of a container that passes `guardZip`, or undefined when there is no such part. For readers
 * of other ZIP-based documents (a Word document's word/document.xml); parse it with xml-stream.ts.
 */
export function readZipPart(bytes: Uint8Array, name: string, limits: Pick<WorkbookLimits, 'maxEntries' | 'maxUnpackedBytes'> = DEFAULT_LIMITS): Uint8Array | undefined {
  const entries = guardZip(bytes, limits);
  const e = entries.find((x) => x.name === name);
  return e ? readPart(bytes, e) : undefined;
}

/**
 * Checks a ZIP container against the limits and says what it is. For workbooks every part is inflated
 * (capped) to verify its real size and count the cells; other containers are only named.
 */
export function inspectZip(bytes: Uint8Array, limits: WorkbookLimits = DEFAULT_LIMITS): ZipFacts {
  const entries = listZip(bytes);
  const kind = containerKind(entries, bytes);
  if (kind !== 'workbook') return { kind, entries, macroEnabled: false, cells: 0 };
  let cells = 0;
  let macroEnabled = false;
  guardZip(
    bytes,
    limits,
    (e, data) => {
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
        cells += countCells(data);
        if (cells > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
      } else if (e.name === '[Content_Types].xml') {
        macroEnabled = new TextDecoder().decode(data).includes('macroEnabled');
      }
    },
    entries,
  );
  return { kind, entries, macroEnabled, cells };
}

/** ZIP's local-header signature: the first bytes of every .xlsx/.xlsm/.ods/.docx. */
export { isZip } from './zip-signature.js';
