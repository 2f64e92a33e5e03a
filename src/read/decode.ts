/**
 * bytes → string. The only module that knows about encodings.
 * Handles what Excel hands over: UTF-8 with or without BOM ("CSV UTF-8" / plain), UTF-16LE/BE with BOM
 * ("Unicode Text"), and UTF-16 without BOM (recognised from its zero bytes). Anything else is refused
 * with a reason instead of being misread.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { PovcheckError, type ErrorParams } from '../errors.js';
import { clearlyWindows1258, windows1258Reading, decodeLegacyBytes, detectLegacyText, guessLegacyBytes, repairLegacyText, UNICODE_ONLY, type LegacyEncoding } from './legacy.js';
import { garbledText, lostSample } from './garbled.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

import type { EncodingChoice } from './encoding-choices.js';
export { ENCODING_CHOICES, type EncodingChoice } from './encoding-choices.js';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Legacy encodings only: what the text was converted from, the file's own bytes or Unicode text typed
   * with a legacy font (with or without BOM). `povcheck fix` needs it to map cells back onto bytes.
   */
  legacyFrom?: 'bytes' | 'utf-8' | 'utf-8-bom';
}

export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3',
  vni: 'VNI',
};

/** An OLE compound file: an old .xls, or a password-protected .xlsx. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Magic numbers of formats people mistake for CSV; named so the reason is useful. */
const SIGNATURES: Array<[number[], ErrorParams['FILE_BINARY']['kind']]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  [OLE_SIGNATURE, 'ole'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x1f, 0x8b], 'gzip'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** UTF-16 without BOM: most ASCII characters leave a zero byte on one side. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | undefined {
  const decoder = strictDecoders.get(label) ?? new TextDecoder(label, { fatal: true });
  try {
    const text = decoder.decode(bytes);
    strictDecoders.set(label, decoder);
    return text;
  } catch {
    // A decoder that refused its bytes is not used again (a new one starts from nothing, whatever it kept).
    strictDecoders.delete(label);
    return undefined;
  }
}

/**
 * One strict decoder per encoding, reused: a decode that does not stream starts afresh each time (the Encoding
 * standard), and making a decoder cost several microseconds, at every file of a folder run.
 */
const strictDecoders = new Map<string, InstanceType<typeof TextDecoder>>();

/** Control characters other than TAB, CR, LF, FF: a sign of binary data. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) bad++;
  }
  return bad / n;
}

/** The UTF-16 a text's bytes are in, by the encoding named, its BOM or its zero bytes (sniffUtf16); else undefined. */
function utf16Of(bytes: Uint8Array, choice: EncodingChoice): 'utf-16le' | 'utf-16be' | undefined {
  if (choice === 'utf-16le' || choice === 'utf-16be') return choice;
  if (choice === 'utf-8') return undefined;
  // A BOM says UTF-16 whatever legacy encoding was named (decodeAs reads Unicode Vietnamese as it is).
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (choice !== 'auto') return undefined;
  return startsWith(bytes, [0xef, 0xbb, 0xbf]) ? undefined : sniffUtf16(bytes);
}

/**
 * Whether the text in `bytes` holds a NUL character: a zero byte, or in UTF-16 a zero code unit (two zero bytes
 * at a character's place; one zero byte is half of an ASCII letter there). Found on the bytes, not the text.
 */
function holdsNul(bytes: Uint8Array, utf16: 'utf-16le' | 'utf-16be' | undefined): boolean {
  if (!utf16) return bytes.includes(0);
  const even = bytes.byteOffset % 2 === 0 ? bytes : new Uint8Array(bytes); // a copy (a Buffer's slice is a view)
  return new Uint16Array(even.buffer, even.byteOffset, even.length >> 1).includes(0);
}

/**
 * A side file's text (a targets file, a units map: JSON, or CSV for a units map), decoded as a table's is; binary
 * content is refused as what it is for that file (`SIDE_FILE_BINARY`), not as a table that cannot be read ("this is
 * a ZIP archive but not an Excel workbook" said of an Excel workbook given as targets).
 */
export function decodeSideText(bytes: Uint8Array, what: 'targets' | 'units-map'): DecodedText {
  try {
    return decodeBytes(bytes);
  } catch (e) {
    if (e instanceof PovcheckError && e.code === 'FILE_BINARY') throw new PovcheckError('SIDE_FILE_BINARY', { what, kind: (e as PovcheckError<'FILE_BINARY'>).params.kind });
    throw e;
  }
}

export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (bytes.length === 0) throw new PovcheckError('FILE_EMPTY', { blank: false });
  for (const [sig, kind] of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new PovcheckError('FILE_BINARY', { kind });
  }
  // A NUL character is binary data (a table with a dump appended), refused as the decoded text would be (below),
  // before the whole is decoded: 200 MB of NULs after the seed made one string past a small heap, a V8 abort.
  if (holdsNul(bytes, utf16Of(bytes, choice))) throw new PovcheckError('FILE_BINARY', { kind: 'binary' });
  const decoded = choice === 'auto' ? detectAndDecode(bytes) : decodeAs(bytes, choice);
  const { text } = decoded;
  if (text.includes('\u0000') || controlShare(text) > 0.01) {
    throw new PovcheckError('FILE_BINARY', { kind: 'binary' });
  }
  // Blank: nothing but white space (asked without copying the text).
  if (!/[^\s\u00a0\ufeff]/.test(text)) throw new PovcheckError('FILE_EMPTY', { blank: true });
  return decoded;
}

/**
 * The encoding the user named. A legacy encoding also repairs Unicode text typed with a legacy font; Unicode text
 * holding letters no legacy font's text shows (ă đ ơ ư, the toned vowels) is Unicode Vietnamese and read as it is,
 * so that one --encoding serves a folder of submissions in several encodings.
 */
function decodeAs(bytes: Uint8Array, choice: Exclude<EncodingChoice, 'auto'>): DecodedText {
  if (choice === 'windows-1258' || choice === 'tcvn3' || choice === 'vni') {
    const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
    const asUtf16 = utf16 && decodeStrict(bytes.subarray(2), utf16);
    if (utf16 && asUtf16 !== undefined && UNICODE_ONLY.test(asUtf16.slice(0, 64 * 1024))) return { text: asUtf16, encoding: utf16 };
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    const asUnicode = decodeStrict(bom ? bytes.subarray(3) : bytes, 'utf-8');
    if (asUnicode !== undefined && UNICODE_ONLY.test(asUnicode.slice(0, 64 * 1024))) return { text: asUnicode, encoding: bom ? 'utf-8-bom' : 'utf-8' };
    // A BOM says the file is Unicode even when its text is plain ASCII.
    if (asUnicode !== undefined && (bom || /[^\x00-\x7f]/.test(asUnicode))) {
      return { text: repairLegacyText(asUnicode, choice), encoding: choice, legacyFrom: bom ? 'utf-8-bom' : 'utf-8' };
    }
    return { text: decodeLegacyBytes(bytes, choice), encoding: choice, legacyFrom: 'bytes' };
  }
  if (choice === 'utf-8') {
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    const text = decodeStrict(bom ? bytes.subarray(3) : bytes, 'utf-8');
    // The user says UTF-8: name the damaged spot, never guess a legacy encoding.
    if (text === undefined) throw damagedUtf8(utf8Damage(bytes)!);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  const bom = choice === 'utf-16le' ? startsWith(bytes, [0xff, 0xfe]) : startsWith(bytes, [0xfe, 0xff]);
  const text = decodeStrict(bom ? bytes.subarray(2) : bytes, choice);
  if (text === undefined) throw new PovcheckError('ENCODING_INVALID', { encoding: ENCODING_LABEL[choice] });
  return { text, encoding: choice };
}

function detectAndDecode(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName;
  let text: string | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    text = decodeStrict(bytes.subarray(3), 'utf-8');
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = decodeStrict(bytes.subarray(2), 'utf-16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = decodeStrict(bytes.subarray(2), 'utf-16be');
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeStrict(bytes, utf16);
    } else {
      encoding = 'utf-8';
      text = decodeStrict(bytes, 'utf-8');
    }
  }
  if (text === undefined) {
    const reading = notValidAs(bytes, encoding);
    if (reading instanceof PovcheckError) throw reading;
    return reading;
  }
  // Valid Unicode can still hold text typed with a legacy font ("Ninh B×nh"): refuse rather than misread.
  const legacy = detectLegacyText(text);
  // Vietnamese typed with a legacy font: refused in Vietnamese without --lang, as the table's report would be.
  if (legacy) throw new PovcheckError('ENCODING_LEGACY', legacy, { lang: 'vi' });
  return { text, encoding };
}

/**
 * Not valid in the encoding it claims: binary data, damaged UTF-8, letters lost in a save, Windows-1258 when nothing
 * else can be meant (then read: Excel's plain "CSV" on a Vietnamese Windows), another legacy code page (named when
 * it can be told), or none of these.
 */
function notValidAs(bytes: Uint8Array, encoding: TextEncodingName): PovcheckError | DecodedText {
  // UTF-16 is full of zero bytes; a broken one is just that.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new PovcheckError('ENCODING_INVALID', { encoding: ENCODING_LABEL[encoding] });
  if (controlShare(new TextDecoder('latin1').decode(bytes.subarray(0, 65536))) > 0.01 || bytes.includes(0)) {
    return new PovcheckError('FILE_BINARY', { kind: 'binary' });
  }
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    // A few bad bytes in text that is otherwise clearly UTF-8 (a character cut short, a mistyped byte) are
    // damage at a spot, not a legacy encoding.
    const damage = utf8Damage(bytes);
    if (damage && clearlyUtf8(damage)) return damagedUtf8(damage);
    // Saved in Windows-1252 (or another code page without Vietnamese letters): `?` where they were; no
    // --encoding brings them back.
    const lost = garbledText(new TextDecoder('windows-1252').decode(bytes.subarray(0, 65536)));
    if (lost?.how === 'lost') return new PovcheckError('TEXT_GARBLED', { ...lost, ...lostInWindows1258(bytes) }, { lang: 'vi' });
    const cp1258 = encoding === 'utf-8' ? clearlyWindows1258(bytes) : undefined;
    if (cp1258 !== undefined) return { text: cp1258, encoding: 'windows-1258', legacyFrom: 'bytes' };
    const guess = guessLegacyBytes(bytes);
    return new PovcheckError('ENCODING_LEGACY', guess, guess.likely ? { lang: 'vi' } : {});
  }
  return new PovcheckError('ENCODING_INVALID', { encoding: ENCODING_LABEL[encoding] });
}

/**
 * Letters lost to `?` in a Windows-1258 save (Excel's plain "CSV" on a Vietnamese Windows writes ă ơ ư đ, and "?" for
 * the letters it has no one byte for): its words read better so than as Windows-1252. The sample as it reads so.
 */
function lostInWindows1258(bytes: Uint8Array): { codePage: 'windows-1258'; sample: string } | undefined {
  const text = windows1258Reading(bytes);
  const sample = text && lostSample(text);
  return sample ? { codePage: 'windows-1258', sample } : undefined;
}

/** Where UTF-8 text is damaged: the first bad byte, its line, the bytes there; and how much is good and bad. */
export interface Utf8Damage {
  /** 0-based byte offset of the first invalid sequence. */
  offset: number;
  /** Its line (1-based; CRLF, LF and CR each end one). */
  line: number;
  /** Up to four bytes from there, in hex ("C3 28"). */
  bytes: string;
  /** Invalid sequences, and valid multi-byte characters, in the whole file. */
  bad: number;
  multibyte: number;
}

/** Validates UTF-8 (as WHATWG's decoder does: no overlongs, surrogates or code points past U+10FFFF). */
export function utf8Damage(bytes: Uint8Array): Utf8Damage | undefined {
  let first = -1;
  let bad = 0;
  let multibyte = 0;
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b === 0xe0) len = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if (b === 0xed) len = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (b >= 0xe1 && b <= 0xef) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (b === 0xf0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b >= 0xf1 && b <= 0xf3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b === 0xf4) len = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len > 0) {
      multibyte++;
      i += len;
    } else {
      if (first < 0) first = i;
      bad++;
      i++;
    }
  }
  if (first < 0) return undefined;
  let line = 1;
  for (let i = 0; i < first; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  const hex = [...bytes.subarray(first, Math.min(n, first + 4))].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return { offset: first, line, bytes: hex, bad, multibyte };
}

/** Mostly good UTF-8 with a few bad spots: at least 3 valid multi-byte characters, and 10 for each bad sequence. */
function clearlyUtf8(d: Utf8Damage): boolean {
  return d.multibyte >= 3 && d.bad * 10 <= d.multibyte;
}

function damagedUtf8(d: Utf8Damage): PovcheckError {
  return new PovcheckError('ENCODING_INVALID', { encoding: 'UTF-8', offset: d.offset, line: d.line, bytes: d.bytes });
}

/**
 * A large UTF-8 text decoded a piece at a time, never whole: `head`, its first characters (at least what any
 * judgement of the whole text reads: 1,000,000 characters), then `rest()`, the other characters in pieces of
 * PIECE_BYTES decoded as they are asked for (once). The text is the one `decodeBytes` gives, piece by piece.
 */
export interface StreamedText {
  readonly head: string;
  readonly encoding: TextEncodingName;
  /** The characters after `head`, in pieces (a generator: call it once). */
  rest(): Generator<string, void, undefined>;
  /** Bytes of the file, and those decoded so far (for progress). */
  readonly bytes: number;
  readonly decodedBytes: number;
  /** Whether the bytes hold a quote character (`"`): such a text is split by csv-parse, read whole. */
  readonly quoted: boolean;
  /** The whole text, decoded again (a layout that is not read row by row). */
  whole(): string;
  /**
   * The file's bytes (checked: valid UTF-8, no NUL, no quote unless `quoted`), and where its text starts (after
   * a BOM): a reader may read the text after some characters of `head` from the bytes themselves
   * (read/csv.ts `delimitedTable`), instead of `rest()`.
   */
  readonly source: ByteSource;
  readonly bodyStart: number;
}

/**
 * Bytes read by position: a buffer in memory, or a file read a piece at a time into one reused buffer
 * (read/index.ts `fileBytes`: a large file's bytes are never held whole).
 */
export interface ByteSource {
  readonly length: number;
  /** The bytes from `pos` to `end` (at most `length`): a view that the next `read` may overwrite. */
  read(pos: number, end: number): Uint8Array;
  /** Every byte (a text `decodeBytes` reads whole). */
  all(): Uint8Array;
  /** Lets go of what the reads hold (a file's descriptor); a later `read` takes it again. */
  close(): void;
}

/** A buffer in memory as a ByteSource. */
export function memoryBytes(bytes: Uint8Array): ByteSource {
  return { length: bytes.length, read: (pos, end) => bytes.subarray(pos, end), all: () => bytes, close: () => {} };
}

/**
 * A UTF-8 text of more bytes than this is streamed, and its head holds at least a quarter as many characters
 * (1,048,576: at least what any judgement of the whole text reads, 1,000,000). A UTF-16 unit takes at most
 * three bytes of UTF-8, so such a text always has them. The head is decoded only that far (about 1.1 MiB
 * of a Vietnamese table, a 2 MB string), not the whole 4 MiB: a string of half the bench's 100,000 units, made
 * at once, had V8 stop for a full collection of the heap as soon as it was read.
 */
export const HEAD_BYTES = 4 * 1024 * 1024;
const PIECE_BYTES = 64 * 1024;
/** Bytes checked at a time for valid UTF-8, a NUL and quotes. */
const SCAN_BYTES = 1024 * 1024;

/**
 * Where a piece of UTF-8 may end without cutting a character: before its last byte that is not a continuation
 * byte (10xxxxxx), looked for among the last four. UTF-8 is valid exactly when every piece cut so is (a valid
 * sequence never spans such a byte), so pieces can be checked one at a time.
 */
function characterEnd(piece: Uint8Array): number {
  for (let i = piece.length - 1; i >= Math.max(0, piece.length - 4); i--) if ((piece[i]! & 0xc0) !== 0x80) return i;
  return piece.length;
}

/**
 * The body's bytes (after a BOM) checked a piece at a time, as `isUtf8` and `includes(0)` check them whole:
 * undefined when they are not valid UTF-8 or hold a NUL; else whether they hold a quote.
 */
function scanBody(source: ByteSource, from: number, scan: number): { quoted: boolean } | undefined {
  let quoted = false;
  for (let pos = from; pos < source.length; ) {
    const end = Math.min(source.length, pos + scan);
    const piece = source.read(pos, end);
    const cut = end < source.length ? characterEnd(piece) : piece.length;
    // Searched as a Buffer (a view of the same bytes): Buffer's includes is memchr, ten times a Uint8Array's.
    const whole = Buffer.from(piece.buffer, piece.byteOffset, cut > 0 ? cut : piece.length);
    if (!isUtf8(whole) || whole.includes(0)) return undefined;
    quoted ||= whole.includes(0x22);
    pos += whole.length;
  }
  return { quoted };
}

/**
 * `decodeBytes` for a large UTF-8 text (BOM or not, detected or `--encoding utf-8`), without ever holding the
 * whole text: undefined whenever `decodeBytes` would refuse the text or read it otherwise (not UTF-8, a NUL,
 * a legacy font's text, control characters, blank, or a text no larger than its head): the caller then
 * calls `decodeBytes`, which names the fault. Validity is checked on the bytes first, a piece at a time (as
 * `isUtf8` checks them whole), so a damaged text is refused before any of it is read, as when it is decoded
 * whole. `input`: the bytes, or a file's bytes read a piece at a time (`ByteSource`). `sizes`: the head's and
 * a piece's bytes (smaller in tests, to cross many piece boundaries on a small text).
 */
export function decodeStreamed(input: Uint8Array | ByteSource, choice: EncodingChoice = 'auto', sizes: StreamSizes = { head: HEAD_BYTES, piece: PIECE_BYTES }): StreamedText | undefined {
  const source = input instanceof Uint8Array ? memoryBytes(input) : input;
  try {
    return streamedText(source, choice, sizes);
  } finally {
    source.close();
  }
}

/** A streamed text's head, its pieces, and the pieces its bytes are checked in (SCAN_BYTES unless given). */
export interface StreamSizes {
  head: number;
  piece: number;
  scan?: number;
}

function streamedText(source: ByteSource, choice: EncodingChoice, sizes: StreamSizes): StreamedText | undefined {
  const { head: HEAD, piece: PIECE, scan = SCAN_BYTES } = sizes;
  const length = source.length;
  if (length <= HEAD || (choice !== 'auto' && choice !== 'utf-8')) return undefined;
  const first = source.read(0, Math.min(length, 4096)).slice();
  for (const [sig] of SIGNATURES) if (startsWith(first, sig)) return undefined;
  const bom = startsWith(first, [0xef, 0xbb, 0xbf]);
  if (choice === 'auto' && !bom && (startsWith(first, [0xff, 0xfe]) || startsWith(first, [0xfe, 0xff]) || sniffUtf16(first))) return undefined;
  const from = bom ? 3 : 0;
  // The decoder drops a BOM at the start of what it decodes, so a second BOM after the first is not in the text:
  // the text's first character is the byte after it (a reader reading the rest from the bytes counts from there).
  const bodyStart = bom && startsWith(first.subarray(3), [0xef, 0xbb, 0xbf]) ? 6 : from;
  const scanned = scanBody(source, from, scan);
  if (!scanned) return undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The head: bytes decoded a piece at a time, as the rest is, until it holds HEAD / 4 characters. (One call
  // for the whole head had the decoder allocate and free a buffer of 4 MiB, which raises the C library's
  // threshold for giving freed memory back: about 15 MB more kept at the peak of a 1,000,000-unit table.)
  const headChars = HEAD / 4;
  let head = '';
  let decoded = from;
  while (head.length < headChars && decoded < length) {
    const end = Math.min(length, decoded + PIECE);
    head += decoder.decode(source.read(decoded, end), { stream: end < length });
    decoded = end;
  }
  if (controlShare(head) > 0.01 || !/[^\s\u00a0\ufeff]/.test(head)) return undefined;
  if (choice === 'auto' && detectLegacyText(head)) return undefined;
  let started = false;
  return {
    head,
    encoding: bom ? 'utf-8-bom' : 'utf-8',
    bytes: length,
    quoted: scanned.quoted,
    get decodedBytes() {
      return decoded - from;
    },
    *rest() {
      if (started) throw new Error('StreamedText.rest() is read once');
      started = true;
      try {
        while (decoded < length) {
          const end = Math.min(length, decoded + PIECE);
          const piece = decoder.decode(source.read(decoded, end), { stream: end < length });
          decoded = end;
          if (piece !== '') yield piece;
        }
      } finally {
        source.close();
      }
    },
    whole: () => decodeBytes(source.all(), choice).text,
    source,
    bodyStart,
  };
}
