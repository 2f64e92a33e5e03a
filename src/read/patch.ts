/**
 * Rewrites cells of a delimited text file in place, keeping every other byte as it was: the encoding and
 * its BOM, the delimiter, the line endings, the quoting of the other fields. The inverse of decode + csv
 * for a few cells; used by `povcheck fix`. Pure: bytes in, bytes out.
 *
 * It finds each edited field's span with a scanner that follows the CSV rules csv-parse applies here (quoted
 * fields with "" escapes, each record ending at its own line break), keeping only the edited records. Then
 * both texts are read as the reader reads them (records.ts), one record at a time side by side, never as a
 * grid: the input's edited records must be the scanned ones, and the copy's records the input's, the edited
 * cells holding the new text. When they are not, it refuses rather than guess.
 */
import { decodeBytes, decodeStreamed, type EncodingChoice } from './decode.js';
import { decodeLegacyBytes, repairLegacyText, type LegacyEncoding } from './legacy.js';
import { RecordSplitter } from './records.js';
import type { Delimiter } from './csv.js';
import { a1 } from '../model/grid.js';

export interface CellEdit {
  row: number;
  col: number;
  /** The new text of the cell (without quoting); spaces around the old text are kept. */
  text: string;
}

interface Span {
  start: number;
  end: number;
  quoted: boolean;
}

/** What the scanner reads: a text's UTF-16 code units, or a file's bytes. */
interface Units {
  readonly length: number;
  code(k: number): number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Field spans (offsets in `units`) of the records `keep` names (0-based), or undefined for quoting this
 * scanner does not follow (anywhere in the text). Fields of other records are passed over without being kept.
 */
function scan(units: Units, delimiter: string, keep: ReadonlySet<number>): Map<number, Span[]> | undefined {
  const n = units.length;
  const delim = delimiter.charCodeAt(0);
  // Each record ends at its own line break, CRLF, LF or CR (as the reader reads them: records.ts).
  const eolLength = (k: number) => {
    const c = k < n ? units.code(k) : -1;
    return c === CR ? (k + 1 < n && units.code(k + 1) === LF ? 2 : 1) : c === LF ? 1 : 0;
  };
  const records = new Map<number, Span[]>();
  let row = 0;
  let kept = keep.has(0);
  let rec: Span[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let quoted = false;
    if (i < n && units.code(i) === QUOTE) {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n) return undefined;
        if (units.code(i) === QUOTE) {
          if (i + 1 < n && units.code(i + 1) === QUOTE) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      if (i < n && units.code(i) !== delim && eolLength(i) === 0) return undefined;
    } else {
      for (let c = i < n ? units.code(i) : -1; i < n && c !== delim && c !== CR && c !== LF; c = ++i < n ? units.code(i) : -1);
    }
    if (kept) rec.push({ start, end: i, quoted });
    if (i >= n) {
      if (kept) records.set(row, rec);
      break;
    }
    if (units.code(i) === delim) {
      i++;
      continue;
    }
    i += eolLength(i);
    if (kept) records.set(row, rec);
    rec = [];
    kept = keep.has(++row);
    if (i >= n) break;
  }
  return records;
}

/**
 * How the file's bytes map onto what the scanner reads: those units, a span's text, the byte offset of a unit
 * offset, the cell text povcheck read from a scanned field, the bytes of a new field, and the text the reader
 * reads, in pieces (decoded as the reader decodes it).
 */
interface ByteView {
  units: Units;
  slice(start: number, end: number): string;
  byteOffset(k: number): number;
  cellText(scanned: string): string;
  encode(field: string): Uint8Array | undefined;
  text(): Iterable<string>;
}

/** A field's text as the scanner read it: a quoted one without its quotes, "" as ". */
function fieldValue(view: ByteView, span: Span): string {
  return span.quoted ? view.slice(span.start + 1, span.end - 1).replace(/""/g, '"') : view.slice(span.start, span.end);
}

const utf8Field = (field: string) => new Uint8Array(Buffer.from(field, 'utf8'));

/** The text of `bytes` as the reader reads it, in pieces: a large UTF-8 text decoded a piece at a time (decode.ts), else whole. */
function* readerText(bytes: Uint8Array, choice: EncodingChoice, streamed = decodeStreamed(bytes, choice)): Generator<string, void, undefined> {
  if (streamed) {
    yield* pieces(streamed.head);
    yield* streamed.rest();
  } else yield* pieces(decodeBytes(bytes, choice).text);
}

function byteView(bytes: Uint8Array, choice: EncodingChoice): ByteView {
  const streamed = decodeStreamed(bytes, choice);
  if (streamed) {
    // A large UTF-8 text, as validate reads it: scanned on its bytes (delimiters, quotes and line breaks are
    // ASCII, never part of another character's bytes), never decoded whole.
    const bom = streamed.encoding === 'utf-8-bom' ? 3 : 0;
    const body = bytes.subarray(bom);
    const decoder = new TextDecoder('utf-8');
    return {
      units: { length: body.length, code: (k) => body[k]! },
      slice: (start, end) => decoder.decode(body.subarray(start, end)),
      byteOffset: (k) => bom + k,
      cellText: (scanned) => scanned,
      encode: utf8Field,
      text: () => readerText(bytes, choice, streamed),
    };
  }
  const decoded = decodeBytes(bytes, choice);
  const { encoding } = decoded;
  const reader = () => pieces(decoded.text);
  if (decoded.legacyFrom === 'bytes') {
    // One character per byte: delimiters, quotes and line breaks are ASCII in every legacy encoding, so
    // the scanner finds the fields on the bytes themselves; each field is converted as the reader did.
    const enc = encoding as LegacyEncoding;
    return {
      units: { length: bytes.length, code: (k) => bytes[k]! },
      slice: (start, end) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'),
      byteOffset: (k) => k,
      cellText: (scanned) => decodeLegacyBytes(Buffer.from(scanned, 'latin1'), enc),
      // The corrected cells are numbers: ASCII, the same bytes in every legacy encoding.
      encode: (field) => (/^[ -\x7f]*$/.test(field) ? new Uint8Array(Buffer.from(field, 'latin1')) : undefined),
      text: reader,
    };
  }
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const bomLength =
    encoding === 'utf-8-bom' || decoded.legacyFrom === 'utf-8-bom'
      ? 3
      : (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) || (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff)
        ? 2
        : 0;
  // Unicode text typed with a legacy font: the scanner reads the text as stored, the reader repaired it.
  const text = decoded.legacyFrom ? new TextDecoder('utf-8').decode(bytes.subarray(bomLength)) : decoded.text;
  const legacy = decoded.legacyFrom ? (encoding as LegacyEncoding) : undefined;
  return {
    units: { length: text.length, code: (k) => text.charCodeAt(k) },
    slice: (start, end) => text.slice(start, end),
    byteOffset: (k) => bomLength + (utf16 ? 2 * k : Buffer.byteLength(text.slice(0, k), 'utf8')),
    cellText: legacy ? (scanned) => repairLegacyText(scanned, legacy) : (scanned) => scanned,
    encode: (field) => {
      if (encoding === 'utf-16le') return new Uint8Array(Buffer.from(field, 'utf16le'));
      if (encoding === 'utf-16be') {
        const b = Buffer.from(field, 'utf16le');
        b.swap16();
        return new Uint8Array(b);
      }
      return utf8Field(field);
    },
    text: reader,
  };
}

/** The patched bytes, or the cell refused. */
export type PatchResult = { ok: true; bytes: Uint8Array } | { ok: false; cell: string };

/**
 * `bytes` (a delimited text file read with `delimiter` and `encodingChoice`) with the cells of `edits`
 * rewritten. Fails, naming the first cell (or the cell that would read otherwise), when the file's text
 * cannot be mapped back onto the records the reader reads with certainty.
 */
export function patchDelimited(bytes: Uint8Array, delimiter: Delimiter, edits: readonly CellEdit[], encodingChoice: EncodingChoice = 'auto'): PatchResult {
  const first = { ok: false as const, cell: a1(edits[0]?.row ?? 0, edits[0]?.col ?? 0) };
  const view = byteView(bytes, encodingChoice);
  const scanned = scan(view.units, delimiter, new Set(edits.map((e) => e.row)));
  if (!scanned) return first;

  const pieces = edits
    .map((e) => {
      const span = scanned.get(e.row)?.[e.col];
      if (!span) return undefined;
      const m = /^([\s\u00a0\u2007\u202f]*)([\s\S]*?)([\s\u00a0\u2007\u202f]*)$/.exec(fieldValue(view, span))!;
      const raw = `${m[1]}${e.text}${m[3]}`;
      const needsQuotes = span.quoted || raw.includes(delimiter) || /["\r\n]/.test(raw);
      const field = needsQuotes ? `"${raw.replace(/"/g, '""')}"` : raw;
      const data = view.encode(field);
      if (!data) return undefined;
      return { from: view.byteOffset(span.start), to: view.byteOffset(span.end), data, edit: e, raw };
    })
    .sort((a, b) => (b?.from ?? 0) - (a?.from ?? 0));
  if (pieces.some((p) => !p)) return first;
  let out = bytes;
  for (const p of pieces) {
    const next = new Uint8Array(out.length - (p!.to - p!.from) + p!.data.length);
    next.set(out.subarray(0, p!.from), 0);
    next.set(p!.data, p!.from);
    next.set(out.subarray(p!.to), p!.from + p!.data.length);
    out = next;
  }
  // Read it back: the edited cells hold the new text, every other cell what it held.
  // The new text of each edited cell, by row then column.
  const want = new Map<number, Map<number, string>>();
  for (const p of pieces) want.set(p!.edit.row, (want.get(p!.edit.row) ?? new Map<number, string>()).set(p!.edit.col, p!.raw));
  const fault = compareRecords(view.text(), readerText(out, encodingChoice), delimiter, (row, a, b) => {
    // The scanner's fields of an edited record are the reader's.
    const mine = scanned.get(row);
    if (mine && (mine.length !== a.length || mine.some((span, c) => view.cellText(fieldValue(view, span)) !== a[c]))) return first.cell;
    if (a.length !== b.length) return first.cell;
    const edited = want.get(row);
    for (let c = 0; c < a.length; c++) if (b[c] !== (edited?.get(c) ?? a[c])) return a1(row, c);
    return undefined;
  });
  return fault === undefined ? { ok: true, bytes: out } : fault === null ? first : { ok: false, cell: fault };
}

/** Characters of text given to the record splitter at a time. */
const PIECE = 1 << 16;

/** A text in pieces of PIECE characters, never ending between the two halves of a character outside the BMP. */
function* pieces(text: string): Generator<string, void, undefined> {
  for (let pos = 0; pos < text.length; ) {
    let end = Math.min(text.length, pos + PIECE);
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    yield text.slice(pos, end);
    pos = end;
  }
}

/**
 * Two texts read as records side by side (the reader's splitter, a piece of each at a time), each pair given to
 * `differ` with its 0-based row: the first cell it names, null when the texts have other records (empty
 * records at the end aside, as the reader drops them) or one cannot be read, undefined when every pair agrees.
 */
function compareRecords(a: Iterable<string>, b: Iterable<string>, delimiter: Delimiter, differ: (row: number, a: string[], b: string[]) => string | undefined): string | null | undefined {
  const queue: [string[][], string[][]] = [[], []];
  const splitters = queue.map((q) => new RecordSplitter(delimiter, (r) => q.push(r)));
  const sources = [a[Symbol.iterator](), b[Symbol.iterator]()];
  const done = [false, false];
  let row = 0;
  try {
    while (!done[0] || !done[1]) {
      // Feed the side that is behind (or the one left), then compare what both have.
      const side = done[1] || (!done[0] && queue[0]!.length <= queue[1]!.length) ? 0 : 1;
      const next = sources[side]!.next();
      if (next.done) {
        splitters[side]!.end();
        done[side] = true;
      } else splitters[side]!.push(next.value);
      const n = Math.min(queue[0]!.length, queue[1]!.length);
      for (let i = 0; i < n; i++, row++) {
        const fault = differ(row, queue[0]![i]!, queue[1]![i]!);
        if (fault !== undefined) return fault;
      }
      queue[0]!.splice(0, n);
      queue[1]!.splice(0, n);
    }
  } catch {
    return null;
  }
  return queue.every((q) => q.every((r) => r.every((f) => f.trim() === ''))) ? undefined : null;
}
