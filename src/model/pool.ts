/**
 * Compact storage for a million short strings (codes, parent codes, names): their UTF-8 bytes one after
 * the other in one growing buffer, with an Int32Array of end offsets. About 4 bytes per string plus its
 * bytes, where a JavaScript string costs some 80 bytes in a Map or an array. A column of row numbers that
 * count up one by one (`NumberedStrings`), strings that come in runs (`RunStrings`) and a column of numbers that step steadily (`SteadyColumn`: one
 * repeated number, or counting) cost nothing per row until a row breaks the pattern. Names that repeat are kept
 * once each (`InternedStrings`: an index per row), codes of digits as one Int32 each (`CodeStrings`).
 */
import { Buffer } from 'node:buffer';

export class StringPool {
  private bytes: Uint8Array;
  /** `bytes` as a Buffer, for decoding a string without a view of its bytes made first (made when asked). */
  private text: Buffer | undefined;
  private usedBytes = 0;
  private ends: Int32Array;
  private n = 0;

  constructor(expectedStrings = 1024, expectedBytes = expectedStrings * 8) {
    this.bytes = new Uint8Array(Math.max(64, expectedBytes));
    this.ends = new Int32Array(Math.max(16, expectedStrings));
  }

  get length(): number {
    return this.n;
  }

  /** Bytes of the strings added so far. */
  get used(): number {
    return this.usedBytes;
  }

  /** Room for `strings` strings and `bytes` bytes in all (a large table's estimate), so that they are not grown by doubling. */
  reserve(strings: number, bytes: number): void {
    if (strings > this.ends.length) this.ends = grow(this.ends, strings);
    if (bytes > this.bytes.length) this.setBytes(grow(this.bytes, bytes));
  }

  private setBytes(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.text = undefined;
  }

  /** Gives back the room not used (more than a tenth). */
  trim(): void {
    if (this.ends.length - this.n > this.n / 10 + 16) this.ends = grow(this.ends, Math.max(16, this.n));
    if (this.bytes.length - this.usedBytes > this.usedBytes / 10 + 64) this.setBytes(grow(this.bytes, Math.max(64, this.usedBytes)));
  }

  /** Appends `s`; returns its index. */
  add(s: string): number {
    this.stage(s);
    return this.commit();
  }

  /**
   * Writes `s`'s bytes after the last string without adding it (`staged`, then `commit` or nothing: the next
   * `stage` or `add` writes over them); returns their length.
   */
  stage(s: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.usedBytes + s.length * 3 > this.bytes.length) this.setBytes(grow(this.bytes, Math.max(Math.ceil(this.bytes.length * 1.5), this.usedBytes + s.length * 3)));
    // UTF-8 by hand: TextEncoder.encodeInto needs a subarray per call, which costs more than the encoding.
    const b = this.bytes;
    let p = this.usedBytes;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[p++] = 0xf0 | (c >> 18);
            b[p++] = 0x80 | ((c >> 12) & 0x3f);
            b[p++] = 0x80 | ((c >> 6) & 0x3f);
            b[p++] = 0x80 | (c & 0x3f);
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder writes it
        }
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.stagedEnd = p;
    return p - this.usedBytes;
  }

  private stagedEnd = 0;

  /** `add` for a string given as its UTF-8 bytes b[start, end). */
  addBytes(b: Uint8Array, start: number, end: number): number {
    this.stageBytes(b, start, end);
    return this.commit();
  }

  /** `stage` for a string given as its UTF-8 bytes b[start, end). */
  stageBytes(b: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.usedBytes + length > this.bytes.length) this.setBytes(grow(this.bytes, Math.max(Math.ceil(this.bytes.length * 1.5), this.usedBytes + length)));
    const to = this.bytes;
    const p = this.usedBytes;
    for (let k = 0; k < length; k++) to[p + k] = b[start + k]!;
    this.stagedEnd = p + length;
    return length;
  }

  /** Where the staged bytes start (they end at `used + stage(s)`). */
  get stagedStart(): number {
    return this.usedBytes;
  }

  /** Adds the string staged last; returns its index. */
  commit(): number {
    if (this.n === this.ends.length) this.ends = grow(this.ends, Math.ceil(this.ends.length * 1.5) + 16);
    this.usedBytes = this.stagedEnd;
    this.ends[this.n] = this.usedBytes;
    return this.n++;
  }

  start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  /** The raw bytes (valid up to the last string's end). */
  get data(): Uint8Array {
    return this.bytes;
  }

  get(i: number): string {
    const start = this.start(i);
    const end = this.end(i);
    // Short ASCII (codes) without a decoder: TextDecoder costs more than the characters.
    if (end - start <= 16) {
      const b = this.bytes;
      let s = '';
      for (let k = start; k < end; k++) {
        const c = b[k]!;
        if (c >= 0x80) return this.utf8(start, end);
        s += String.fromCharCode(c);
      }
      return s;
    }
    return this.utf8(start, end);
  }

  /**
   * Bytes start..end decoded. The bytes are valid UTF-8 (`add` writes them), which Buffer's decoder reads as
   * TextDecoder does, without the view TextDecoder needs per call (a national table's names are read a
   * million at a time).
   */
  private utf8(start: number, end: number): string {
    const b = this.bytes;
    return (this.text ??= Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('utf8', afterBom(b, start, end), end);
  }

  isEmpty(i: number): boolean {
    return this.start(i) === this.end(i);
  }

  /** Whether string i decodes to '' (no bytes, or a byte order mark alone). */
  decodesEmpty(i: number): boolean {
    const end = this.end(i);
    return afterBom(this.bytes, this.start(i), end) === end;
  }

  /**
   * Whether string i is one of `strings`, compared on the bytes (their lengths first): nothing decoded, for
   * a search through a million names.
   */
  matcher(strings: Iterable<string>): (i: number) => boolean {
    const byLength = new Map<number, Uint8Array[]>();
    for (const s of strings) {
      const b = encoder.encode(s);
      // A string no pool string decodes to (a lone surrogate, encoded as U+FFFD) matches none.
      if (b.length > 0 && Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8') !== s) continue;
      (byLength.get(b.length) ?? byLength.set(b.length, []).get(b.length)!).push(b);
    }
    return (i) => {
      const start = afterBom(this.bytes, this.start(i), this.ends[i]!);
      const wanted = byLength.get(this.ends[i]! - start);
      if (wanted === undefined) return false;
      const bytes = this.bytes;
      for (const w of wanted) {
        let k = 0;
        while (k < w.length && bytes[start + k] === w[k]) k++;
        if (k === w.length) return true;
      }
      return false;
    };
  }

  /** Bytes held (for the memory figures). */
  get footprint(): number {
    return this.bytes.byteLength + this.ends.byteLength;
  }
}

const encoder = new TextEncoder();

/**
 * Where string start..end's text begins: after a leading byte order mark, which TextDecoder drops (as the pool
 * always decoded) and Buffer's decoder keeps.
 */
function afterBom(b: Uint8Array, start: number, end: number): number {
  return end - start >= 3 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf ? start + 3 : start;
}

/**
 * Strings that repeat (a national table's unit names: thousands of communes share a few thousand names): each
 * distinct string's bytes once (a StringPool) and per row the index of its string; while every string is a new
 * one (the indices count 0, 1, 2 …) no array per row (`SteadyColumn`). The same bytes are the same string, as
 * StringPool reads them. While strings are added, the distinct ones are found by an open-addressing table of
 * their indices (hashed on their bytes), let go by `trim` and made again if more are added.
 */
export class InternedStrings {
  private readonly distinct = new StringPool(64, 1024);
  private readonly ids: IdColumn;
  private table: Int32Array | undefined;
  private n = 0;
  /** Set when most of the first SETTLED strings were distinct: from then on, strings are appended, not looked up. */
  private appending = false;

  constructor(expectedStrings = 64) {
    this.ids = new IdColumn(expectedStrings);
  }

  get length(): number {
    return this.n;
  }

  /** Bytes of the distinct strings. */
  get used(): number {
    return this.distinct.used;
  }

  /** Appends `s`; returns its row. */
  add(s: string): number {
    this.before();
    const length = this.distinct.stage(s);
    return this.interned(this.distinct.data, this.distinct.stagedStart, this.distinct.stagedStart + length);
  }

  /**
   * `add` for a string given as its UTF-8 bytes b[start, end) (the same string, the same row and storage): looked
   * up on those bytes, copied into the pool only when new. `known`: `found(b, start, end)`, asked just before
   * (nothing added since), when it found them (the lookup is not made again).
   */
  addBytes(b: Uint8Array, start: number, end: number, known = -1): number {
    this.before();
    if (known < 0 || this.appending) return this.fromBytes(this.interned(b, start, end));
    this.ids.set(this.n, known);
    return this.n++;
  }

  /** Row i was added from bytes: its distinct string is marked so (`found`). */
  private fromBytes(i: number): number {
    const d = this.ids.get(i);
    if (d >= this.bytesAdded.length) this.bytesAdded = grow(this.bytesAdded, Math.max(d + 1, this.bytesAdded.length * 2));
    this.bytesAdded[d] = 1;
    return i;
  }

  /** Per distinct string, 1 when a row was added with its bytes (`addBytes`). */
  private bytesAdded = new Uint8Array(64);

  /**
   * The distinct string whose bytes are b[start, end), when a row was added with those bytes before (`addBytes`:
   * its caller's checks of them held then, as they hold now), else -1. Nothing is added: a lookup in the table of
   * distinct strings (-1 when there is none now: strings appended, or the table let go).
   */
  found(b: Uint8Array, start: number, end: number): number {
    const table = this.table;
    if (this.appending || table === undefined) return -1;
    const distinct = this.distinct;
    const length = end - start;
    const mask = table.length - 1;
    for (let slot = hashBytes(b, start, end) & mask; ; slot = (slot + 1) & mask) {
      const d = table[slot]!;
      if (d < 0) return -1;
      if (distinct.end(d) - distinct.start(d) === length && sameBytes(distinct.data, distinct.start(d), b, start, length)) return this.bytesAdded[d] === 1 ? d : -1;
    }
  }

  private before(): void {
    if (this.n === this.ids.capacity) this.ids.resize(Math.ceil(this.n * 1.5) + 16);
    if (this.n === SETTLED && this.distinct.length * 2 > this.n) this.appending = true;
  }

  /**
   * The row of the string whose bytes are b[start, end): its distinct string's index, found or added. The bytes
   * are either those just staged in the pool (`add`) or elsewhere (`addBytes`: staged only when new).
   */
  private interned(b: Uint8Array, start: number, end: number): number {
    const distinct = this.distinct;
    const staged = b === distinct.data && start === distinct.stagedStart;
    if (this.appending) {
      // Strings that seldom repeat: each kept as a new one, as a StringPool keeps them (no table, no search).
      this.table = undefined;
      if (!staged) distinct.stageBytes(b, start, end);
      this.ids.set(this.n, distinct.commit());
      return this.n++;
    }
    const length = end - start;
    const table = this.table === undefined || distinct.length * 2 >= this.table.length ? this.rehash() : this.table;
    const mask = table.length - 1;
    let slot = hashBytes(b, start, end) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const d = table[slot]!;
      if (d < 0) break;
      if (distinct.end(d) - distinct.start(d) === length && sameBytes(distinct.data, distinct.start(d), b, start, length)) {
        this.ids.set(this.n, d);
        return this.n++;
      }
    }
    if (!staged) distinct.stageBytes(b, start, end);
    const d = this.distinct.commit();
    table[slot] = d;
    this.ids.set(this.n, d);
    return this.n++;
  }

  /** The table of distinct strings, made (again, or larger) with room for twice as many. */
  private rehash(): Int32Array {
    let size = 64;
    while (size <= this.distinct.length * 4) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const bytes = this.distinct.data;
    for (let d = 0; d < this.distinct.length; d++) {
      let slot = hashBytes(bytes, this.distinct.start(d), this.distinct.end(d)) & (size - 1);
      while (table[slot]! >= 0) slot = (slot + 1) & (size - 1);
      table[slot] = d;
    }
    return (this.table = table);
  }

  /** The index of row i's string among the distinct ones. */
  idOf(i: number): number {
    return this.ids.get(i);
  }

  get(i: number): string {
    return this.distinct.get(this.ids.get(i));
  }

  isEmpty(i: number): boolean {
    return this.distinct.isEmpty(this.ids.get(i));
  }

  decodesEmpty(i: number): boolean {
    return this.distinct.decodesEmpty(this.ids.get(i));
  }

  /** Whether row i's string is one of `strings` (StringPool's `matcher`, asked once per distinct string). */
  matcher(strings: Iterable<string>): (i: number) => boolean {
    const matches = this.distinct.matcher(strings);
    const hit = new Uint8Array(this.distinct.length);
    for (let d = 0; d < hit.length; d++) hit[d] = matches(d) ? 1 : 0;
    return (i) => hit[this.ids.get(i)] === 1;
  }

  /** Room for `strings` rows (the distinct strings' bytes grow as they come). */
  reserve(strings: number, _bytes: number): void {
    if (strings > this.ids.capacity) this.ids.resize(strings);
  }

  /** Gives back the room not used, and the table of distinct strings. */
  trim(): void {
    if (this.ids.capacity - this.n > this.n / 10 + 16) this.ids.resize(Math.max(16, this.n));
    this.distinct.trim();
    this.table = undefined;
  }

  get footprint(): number {
    return this.ids.byteLength + this.distinct.footprint + (this.table?.byteLength ?? 0);
  }
}

/**
 * The strings InternedStrings looks up before it judges whether they repeat: when more than half of them are
 * distinct (a table whose units' names are all different), the rest are appended (the lookup would cost a
 * search through a table as large as the strings, for nothing). Storage only: every string reads the same.
 */
const SETTLED = 16_384;

/**
 * A hash of bytes start..end: four bytes at a time as murmur3's body mixes them (a name's hash costs a step per
 * four bytes, not one per byte), the last up to three bytes as FNV-1a, then murmur3's finaliser so that the low
 * bits spread.
 */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  let k = start;
  for (; k + 4 <= end; k += 4) {
    let w = b[k]! | (b[k + 1]! << 8) | (b[k + 2]! << 16) | (b[k + 3]! << 24);
    w = Math.imul(w, 0xcc9e2d51);
    w = Math.imul((w << 15) | (w >>> 17), 0x1b873593);
    h ^= w;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  for (; k < end; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameBytes(a: Uint8Array, ai: number, b: Uint8Array, bi: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[ai + k] !== b[bi + k]) return false;
  return true;
}

/**
 * Codes (a long table's `Mã`: `01`, `001`, `00001` …): a code of one to eight digits, leading zeros and all, is
 * kept as one Int32 (its number × 16 + its width); any other string in a StringPool, the row's Int32 then
 * −1 − its index there. 4 bytes a code instead of its bytes and their end.
 */
export class CodeStrings {
  private values: Int32Array;
  private readonly others = new StringPool(16, 128);
  private n = 0;

  constructor(expectedStrings = 64) {
    this.values = new Int32Array(Math.max(16, expectedStrings));
  }

  get length(): number {
    return this.n;
  }

  /** Bytes of the strings that are not digits. */
  get used(): number {
    return this.others.used;
  }

  add(s: string): number {
    if (this.n === this.values.length) this.values = grow(this.values, Math.ceil(this.n * 1.5) + 16);
    const digits = digitCode(s);
    this.values[this.n] = digits >= 0 ? digits : -1 - this.others.add(s);
    return this.n++;
  }

  /** `add` for a string given as its UTF-8 bytes b[start, end). */
  addBytes(b: Uint8Array, start: number, end: number): number {
    if (this.n === this.values.length) this.values = grow(this.values, Math.ceil(this.n * 1.5) + 16);
    const digits = digitCodeBytes(b, start, end);
    this.values[this.n] = digits >= 0 ? digits : -1 - this.others.addBytes(b, start, end);
    return this.n++;
  }

  get(i: number): string {
    const v = this.values[i]!;
    if (v < 0) return this.others.get(-1 - v);
    const width = v & 15;
    return width === 0 ? '' : String(v >>> 4).padStart(width, '0');
  }

  isEmpty(i: number): boolean {
    const v = this.values[i]!;
    return v === 0 || (v < 0 && this.others.isEmpty(-1 - v));
  }

  /** String i's `digitCode` when it is one to eight digits (a positive integer), else -1: no string made. */
  digitsAt(i: number): number {
    const v = this.values[i]!;
    return v > 0 ? v : -1;
  }

  reserve(strings: number, _bytes: number): void {
    if (strings > this.values.length) this.values = grow(this.values, strings);
  }

  trim(): void {
    if (this.values.length - this.n > this.n / 10 + 16) this.values = grow(this.values, Math.max(16, this.n));
    this.others.trim();
  }

  get footprint(): number {
    return this.values.byteLength + this.others.footprint;
  }
}

/**
 * A text of at most eight digits (or none) as its number × 16 + its width; -1 for any other text. Equal texts
 * of one to eight digits, and only they, have the same positive code. (`digitCodeBytes` on the text's characters.)
 */
export function digitCode(s: string): number {
  return digitCodeBytes(SCRATCH, 0, asciiBytes(s, 8));
}

/**
 * A text's characters as bytes in SCRATCH when it has at most `max` of them, all ASCII: their number; else
 * `max` + 1 bytes that are no digit (what the byte readers below refuse as they refuse the text).
 */
function asciiBytes(s: string, max: number): number {
  const n = s.length;
  if (n > max) {
    SCRATCH.fill(0xff, 0, max + 1);
    return max + 1;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    SCRATCH[i] = c < 0x80 ? c : 0xff;
  }
  return n;
}

const SCRATCH = new Uint8Array(16);

/** `digitCode` of a text given as its UTF-8 bytes b[start, end). */
function digitCodeBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n > 8) return -1;
  let x = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) return -1;
    x = x * 10 + (c - 48);
  }
  return x * 16 + n;
}

/**
 * The row numbers (STT) of a long table: while each is the previous one plus one, written as `String` writes
 * a number (`1`, `2` … with no sign, space or leading zero), nothing is stored per row; from the first that
 * is not, the strings are kept in a StringPool (those before written again).
 */
export class NumberedStrings {
  private pool: StringPool | undefined;
  private n = 0;
  /** The first string's number, once one counts (row i is first + i). */
  private first = -1;
  private reserved = 0;

  get length(): number {
    return this.n;
  }

  get used(): number {
    return this.pool?.used ?? 0;
  }

  add(s: string): number {
    if (this.pool === undefined && this.counts(counted(SCRATCH, 0, asciiBytes(s, 9)))) return this.n++;
    this.n++;
    return this.pool!.add(s);
  }

  /** `add` for a string given as its UTF-8 bytes b[start, end). */
  addBytes(b: Uint8Array, start: number, end: number): number {
    if (this.pool === undefined && this.counts(counted(b, start, end))) return this.n++;
    this.n++;
    return this.pool!.addBytes(b, start, end);
  }

  /** Whether the next string, whose number is `x` (-1: none), still counts; if not, the pool is made. */
  private counts(x: number): boolean {
    if (this.n === 0 && x >= 0) this.first = x;
    if (x >= 0 && x === this.first + this.n) return true;
    this.pool = new StringPool(Math.max(this.reserved, this.n + 1), (this.n + 1) * 8);
    for (let i = 0; i < this.n; i++) this.pool.add(String(this.first + i));
    return false;
  }

  get(i: number): string {
    return this.pool ? this.pool.get(i) : String(this.first + i);
  }

  isEmpty(i: number): boolean {
    return this.pool ? this.pool.isEmpty(i) : false;
  }

  reserve(strings: number, bytes: number): void {
    this.reserved = Math.max(this.reserved, strings);
    this.pool?.reserve(strings, bytes);
  }

  trim(): void {
    this.pool?.trim();
  }

  get footprint(): number {
    return this.pool?.footprint ?? 0;
  }
}

/** The number a text (its bytes b[start, end)) of digits writes as `String(number)` does (at most 9 digits, no leading zero), else -1. */
function counted(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 9 || (b[start] === 48 && n > 1)) return -1;
  let x = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) return -1;
    x = x * 10 + (c - 48);
  }
  return x;
}

/**
 * Strings that come in runs (a long table's parent codes: the communes of one district follow each other):
 * each run's string once, and where each run starts. Read in order (the tree, the reports) at no search; any
 * other read finds its run by bisection.
 */
export class RunStrings {
  private readonly pool = new StringPool(64, 512);
  /** The first string of each run. */
  private starts = new Int32Array(64);
  private runs = 0;
  private n = 0;
  /** The run of the last string read. */
  private at = 0;

  get length(): number {
    return this.n;
  }

  get used(): number {
    return this.pool.used;
  }

  add(s: string): number {
    const pool = this.pool;
    const length = pool.stage(s);
    if (this.runs === 0 || !this.sameAsLast(pool.data, pool.stagedStart, pool.stagedStart + length)) this.newRun();
    return this.n++;
  }

  /** `add` for a string given as its UTF-8 bytes b[start, end). */
  addBytes(b: Uint8Array, start: number, end: number): number {
    if (this.runs === 0 || !this.sameAsLast(b, start, end)) {
      this.pool.stageBytes(b, start, end);
      this.newRun();
    }
    return this.n++;
  }

  /** Whether bytes b[start, end) are the last run's string (as UTF-8: the string read back is the same). */
  private sameAsLast(b: Uint8Array, start: number, end: number): boolean {
    const pool = this.pool;
    const r = this.runs - 1;
    const at = pool.start(r);
    if (pool.end(r) - at !== end - start) return false;
    const data = pool.data;
    for (let k = 0; k < end - start; k++) if (data[at + k] !== b[start + k]) return false;
    return true;
  }

  /** A run starting at the next string, the string staged in the pool. */
  private newRun(): void {
    if (this.runs === this.starts.length) this.starts = grow(this.starts, Math.ceil(this.runs * 1.5) + 16);
    this.starts[this.runs++] = this.n;
    this.pool.commit();
  }

  private runOf(i: number): number {
    let r = this.at;
    if (this.starts[r]! <= i && (r + 1 === this.runs || i < this.starts[r + 1]!)) return r;
    if (r + 1 < this.runs && this.starts[r + 1]! <= i && (r + 2 === this.runs || i < this.starts[r + 2]!)) return (this.at = r + 1);
    let lo = 0;
    let hi = this.runs - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    r = lo;
    return (this.at = r);
  }

  get(i: number): string {
    const r = this.runOf(i);
    if (r !== this.decodedRun) {
      this.decoded = this.pool.get(r);
      this.decodedRun = r;
    }
    return this.decoded;
  }

  /** The last run's string read (a run's units are read one after the other: decoded once). */
  private decodedRun = -1;
  private decoded = '';

  isEmpty(i: number): boolean {
    return this.pool.isEmpty(this.runOf(i));
  }

  /** Nothing to reserve: the runs are few (a table whose strings change on most rows grows them by half). */
  reserve(_strings: number, _bytes: number): void {}

  trim(): void {
    if (this.starts.length - this.runs > this.runs / 10 + 16) this.starts = grow(this.starts, Math.max(16, this.runs));
    this.pool.trim();
  }

  get footprint(): number {
    return this.starts.byteLength + this.pool.footprint;
  }
}

/** A column of rows set in order, its array made only when the rows stop following a rule (SteadyColumn, IdColumn). */
abstract class RuledColumn<A extends Int32Array | Uint16Array> {
  protected values: A | undefined;
  protected n = 0;
  protected size: number;

  constructor(size: number) {
    this.size = size;
  }

  /** Rows there is room for. */
  get capacity(): number {
    return this.size;
  }

  /** Room for `size` rows (the first `size` kept when smaller). */
  resize(size: number): void {
    this.size = size;
    if (this.values !== undefined) this.values = grow(this.values, size);
    if (this.n > size) this.n = size;
  }

  get byteLength(): number {
    return this.values?.byteLength ?? 0;
  }
}

/**
 * An Int32 column written in order that nearly always steps by the same amount from its first row's value:
 * `step` 0, one value (the column a unit's name is in, its section); `step` 1, counting (the rows of a table
 * without a gap). No array until a row's value breaks the step.
 */
export class SteadyColumn extends RuledColumn<Int32Array> {
  private first = 0;

  constructor(
    size: number,
    private readonly step = 0,
  ) {
    super(size);
  }

  /** Sets row i (rows are set in order: i is the number set so far). */
  set(i: number, v: number): void {
    if (i === 0) this.first = v;
    if (this.values === undefined && v !== this.first + this.step * i) {
      this.values = new Int32Array(this.size);
      for (let k = 0; k < this.n; k++) this.values[k] = this.first + this.step * k;
    }
    if (this.values !== undefined) this.values[i] = v;
    if (i >= this.n) this.n = i + 1;
  }

  get(i: number): number {
    return this.values === undefined ? this.first + this.step * i : this.values[i]!;
  }
}

/**
 * The rows' indices of InternedStrings (never negative): while they count 0, 1, 2 … no array (as a SteadyColumn
 * of step 1); then 16 bits a row while every index fits (a national table's names are a few thousand distinct
 * ones), 32 bits from the first that does not.
 */
export class IdColumn extends RuledColumn<Uint16Array | Int32Array> {

  /** Sets row i (rows are set in order: i is the number set so far) to v ≥ 0. */
  set(i: number, v: number): void {
    let values = this.values;
    if (values === undefined) {
      if (v === i) {
        if (i >= this.n) this.n = i + 1;
        return;
      }
      // The rows so far counted 0 … n − 1.
      values = this.values = this.n <= 0xffff ? new Uint16Array(this.size) : new Int32Array(this.size);
      for (let k = 0; k < this.n; k++) values[k] = k;
    }
    if (v > 0xffff && values instanceof Uint16Array) values = this.values = Int32Array.from(values);
    values[i] = v;
    if (i >= this.n) this.n = i + 1;
  }

  get(i: number): number {
    return this.values === undefined ? i : this.values[i]!;
  }
}

/** A copy of `a` of `size` elements: larger (zeros after), or the first `size`. */
export function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.length > size ? a.subarray(0, size) : a);
  return b;
}
