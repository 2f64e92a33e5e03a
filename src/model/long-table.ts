/**
 * A long table (one row per unit, one column per slot) stored by column, for tables of any size: a national
 * table of a million communes costs what its numbers and names cost, not a million objects per column.
 *
 * - Units: their source row, name, code, parent code and row number (STT) in byte pools (copied out of the
 *   text they were read from; sized once from the file's estimate, `reserve`; row numbers counting 1, 2, 3 …,
 *   source rows without a gap, the name's column and the section, nearly always one value, cost nothing per
 *   unit until a unit breaks the pattern: `NumberedStrings`, `SteadyColumn`; parent codes are kept once per
 *   run of units under one parent, `RunStrings`; a name once however many units share it, `InternedStrings`;
 *   a code of digits as one Int32, `CodeStrings`); their cells are made when asked (`a1(row, col)`).
 * - Values: per value a status, the number × 10^decimals (an Int32Array; a safe integer past 31 bits in a
 *   sparse map) and its decimals. After the first rows (`storeAs`), a number in the format they vote for is stored as it
 *   arrives; any other value's text waits (`pendingRaw`) until the number format is decided (`finishValues`,
 *   which reads the stored ones again from their text if the format decided is the other one). A value whose
 *   text cannot be written back from its number (spaces, a sign, leading zeros, text, a workbook cell) is kept
 *   as the `Value` the shape stage made, in a sparse map.
 * - A `Value` (and its `Cell`) is made on demand by `get`/`row` and never kept: the relations and locate
 *   read the table through the `ValueStore` interface like any other.
 *
 * Memory: about BYTES_PER_UNIT per unit for the annex's eight slots (read/memory-budget.ts, measured in
 * docs/performance.md).
 */
import { a1, type Cell } from './grid.js';
import type { Indicator } from './indicators.js';
import { scaledOfValue, type Unit, type UnitRole, type Units, type Value, type ValueRow, type ValueStore } from './annex.js';
import { Dec } from '../calc/decimal.js';
import { scaledPlain, type ScaledValue } from '../calc/scaled.js';
import { CodeStrings, grow, InternedStrings, NumberedStrings, RunStrings, SteadyColumn } from './pool.js';

/** Value status in the columns: not set, a number written as its digits (grouped or not), a blank, or the sparse map's. */
const ABSENT = 0;
const DIGITS = 1;
const GROUPED = 2;
const BLANK = 3;
const SPARSE = 4;
/** Read, not yet stored: a text waiting for the number format (`pendingRaw`), or a blank. */
const PENDING = 5;
const PENDING_BLANK = 6;
/** A value's byte in `status`: its status in the low 3 bits, a stored number's decimals (at most 20) above. */
const STATUS = 7;
const DECIMALS = 3;

/** The key of a source cell in the maps of cells that are not plain ({ raw, ref, row, col }). */
const cellKey = (row: number, col: number) => row * 16_384 + col;

/** A parsed number the columns keep, or why not. */
export interface ParsedDigits {
  plain: string;
  decimals: number;
}

export interface UnitRecord {
  row: number;
  /** The unit's name as read (tidied); '' when the row has none. */
  name: string;
  /** The name's cell (its column, and the cell itself when it is not a plain one), when the name has one. */
  nameCol: number;
  nameCell?: Cell | undefined;
  stt: string;
  section: number | undefined;
  code: string;
  codeCell?: Cell | undefined;
  parentCode: string;
  parentCell?: Cell | undefined;
}

/**
 * A record read from bytes (read/records.ts `ByteFields`): field k is `bytes[starts[k], ends[k])`, valid UTF-8,
 * `decode` its text.
 */
export interface ByteFields {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  decode(start: number, end: number): string;
  /** Field k's text. */
  text(k: number): string;
  /** Every field's text. */
  strings(): string[];
}

/** The fields of a record read from bytes that hold a unit's name, row number, code and parent code (-1: none). */
export interface UnitFields {
  readonly name: number;
  readonly stt: number;
  readonly code: number;
  readonly parent: number;
}

/** The characters of a text `scanText` scans, as bytes. */
const SCRATCH = new Uint8Array(24);
/** The scaled digits of the last number `scanNumber` took. */
let scanned = 0;

/**
 * `compact(raw, digits(raw))` in one pass over a value's UTF-8 bytes start..end, for the texts it stores (a
 * number in the table's format, its digits grouped by thousands or not, no leading zero, at most 16 digits, a
 * safe integer once scaled): DIGITS or GROUPED with its decimals (value i's byte in `status`), its scaled digits
 * in `scanned`; ABSENT for anything else, which the caller then reads the long way (so a text this pass does not
 * take is never decided here). The one scanner of a value, whether read from bytes or from text (`scanText`).
 */
function scanNumber(b: Uint8Array, start: number, end: number, group: number, mark: number): number {
  const n = end - start;
  if (n > 24 || (b[start] === 48 && n > 1 && b[start + 1] !== mark)) return ABSENT;
  let scaled = 0;
  let digits = 0;
  let run = 0;
  let grouped = false;
  let k = start;
  for (; k < end; k++) {
    const c = b[k]!;
    if (c >= 48 && c <= 57) {
      scaled = scaled * 10 + (c - 48);
      digits++;
      run++;
    } else if (c === group) {
      if (grouped ? run !== 3 : run < 1 || run > 3) return ABSENT;
      grouped = true;
      run = 0;
    } else if (c === mark) break;
    else return ABSENT;
  }
  if (run === 0 || (grouped && run !== 3)) return ABSENT;
  let decimals = 0;
  if (k < end) {
    if (++k === end) return ABSENT;
    for (; k < end; k++) {
      const c = b[k]!;
      if (c < 48 || c > 57) return ABSENT;
      scaled = scaled * 10 + (c - 48);
      digits++;
      decimals++;
    }
  }
  // Fifteen digits or fewer are always a safe integer (below 10^15 < 2^53): only a sixteenth is checked.
  if (digits > 16 || (digits === 16 && !Number.isSafeInteger(scaled))) return ABSENT;
  scanned = scaled;
  return (grouped ? GROUPED : DIGITS) | (decimals << DECIMALS);
}

export class LongTable implements ValueStore {
  /** Units read. */
  n = 0;
  /** Units there is room for. */
  private capacity: number;
  private readonly rows: SteadyColumn;
  private readonly names: InternedStrings;
  private readonly nameCols: SteadyColumn;
  private readonly codes: CodeStrings;
  private readonly parentCodes: RunStrings;
  private readonly stts: NumberedStrings;
  private readonly sections: SteadyColumn;
  /** Source cells that are not plain (a workbook's, raw text differing from the text kept): by cellKey. */
  private readonly cellObjects = new Map<number, Cell>();
  /** Rows whose fields after column `shiftAfter` stand further right in the file (`shiftRow`): row → how far. */
  private shifts: Map<number, number> | undefined;
  private shiftAfter = -1;
  private readonly slotCount: number;
  /**
   * While reading: the texts of values not stored as they arrived (anything but a number in `storedAs`'s
   * format, and every value read before it is set), by value index, until the number format is decided.
   */
  private pendingRaw = new Map<number, string>();
  /**
   * The values read but not stored (PENDING, PENDING_BLANK), in order: `finishValues` visits these, not every value
   * of the table (a national table's 8 million values, nearly all stored as they arrived).
   */
  private pending = new Int32Array(64);
  private pendingCount = 0;
  /** The number format values are stored in as they arrive (`storeAs`), if any yet. */
  private storedAs: 'vi' | 'en' | undefined;
  /** Per value its status and, for a stored number, its decimals (STATUS, DECIMALS). */
  private status: Uint8Array;
  /**
   * A stored number × 10^decimals: 16 bits a value while few need more (the counts of communes, rates), `escape`
   * for one kept in `wide`; 32 bits once many do (`widen`).
   */
  private scaled: Uint16Array | Int32Array;
  private escape = 0xffff;
  /** Stored numbers too large for `scaled` (safe integers, never negative), by value index. */
  private readonly wide = new Map<number, number>();
  private readonly sparse = new Map<number, Value>();
  private grouping = '.';
  private mark = ',';

  constructor(
    /** The slots, in column order, and their source columns. */
    readonly slots: readonly Indicator[],
    readonly cols: readonly number[],
    readonly codeCol: number | undefined,
    readonly parentCol: number | undefined,
    readonly sttCol: number | undefined,
    expected = 64,
  ) {
    this.slotCount = slots.length;
    this.capacity = expected;
    this.rows = new SteadyColumn(expected, 1);
    this.nameCols = new SteadyColumn(expected);
    this.sections = new SteadyColumn(expected);
    this.names = new InternedStrings(expected);
    this.codes = new CodeStrings(expected);
    this.parentCodes = new RunStrings();
    this.stts = new NumberedStrings();
    this.status = new Uint8Array(expected * slots.length);
    this.scaled = new Uint16Array(expected * slots.length);
  }

  /**
   * From now on, a value that is a number in this format is stored as it arrives (its text is not kept: the
   * columns write it back). `finishValues` reads them again if the format decided is the other one.
   */
  storeAs(locale: 'vi' | 'en'): void {
    this.storedAs ??= locale;
    this.setFormat(locale);
  }

  private setFormat(locale: 'vi' | 'en'): void {
    this.grouping = locale === 'vi' ? '.' : ',';
    this.mark = locale === 'vi' ? ',' : '.';
  }

  get size(): number {
    return this.n;
  }

  /** Room for `units` units in all, their strings as long on average as those read so far (a large file's estimate). */
  reserve(units: number): void {
    if (units <= this.capacity) return;
    this.resize(units);
    const n = Math.max(1, this.n);
    for (const pool of [this.names, this.codes, this.parentCodes, this.stts]) pool.reserve(units, Math.ceil((pool.used / n) * units * 1.05));
  }

  /** Gives back the room reserved but not used (more than a tenth), once every unit is read. */
  trim(): void {
    if (this.capacity - this.n > this.n / 10 + 64) this.resize(this.n);
    for (const pool of [this.names, this.codes, this.parentCodes, this.stts]) pool.trim();
  }

  private resize(size: number): void {
    this.capacity = size;
    this.rows.resize(size);
    this.nameCols.resize(size);
    this.sections.resize(size);
    this.status = grow(this.status, size * this.slotCount);
    this.scaled = grow(this.scaled, size * this.slotCount);
  }

  /** Appends a unit and the raw texts of its values (in slot order; a plain cell's text, or its Cell); keeps neither `u` nor `values` (the reader passes the same objects for every row). */
  addUnit(u: UnitRecord, values: ReadonlyArray<string | Cell>): number {
    const id = this.n;
    this.names.add(u.name);
    this.stts.add(u.stt);
    this.codes.add(u.code);
    this.parentCodes.add(u.parentCode);
    this.addFields(u);
    const stored = this.storedAs !== undefined;
    const group = this.grouping.charCodeAt(0);
    const mark = this.mark.charCodeAt(0);
    for (let s = 0, i = id * this.slotCount; s < this.slotCount; s++, i++) {
      const v = values[s]!;
      let raw: string;
      if (typeof v === 'string') raw = v;
      else {
        raw = v.raw;
        this.cellObjects.set(cellKey(v.row, v.col), v);
      }
      if (raw === '') this.wait(i, PENDING_BLANK);
      else if (stored && typeof v === 'string' && (this.status[i] = this.scanText(i, raw, group, mark)) !== ABSENT) continue;
      else {
        this.wait(i, PENDING);
        this.pendingRaw.set(i, raw);
      }
    }
    return id;
  }

  /**
   * `addUnit` for a record read from bytes whose name, code, parent code and row number need no tidying (the
   * reader's `addBytes` decides): those are the fields `at` names (`u`'s strings are not read); value s is
   * field `valueFields[s]`, each as `addUnit` stores its text (a number scanned from its bytes by the same
   * scanner; any other text decoded and kept waiting). `knownName`: `knownName` of the name's bytes, asked just before.
   */
  addUnitBytes(u: UnitRecord, f: ByteFields, at: UnitFields, valueFields: readonly number[], knownName = -1): number {
    const id = this.n;
    const b = f.bytes;
    const { starts, ends } = f;
    this.names.addBytes(b, starts[at.name]!, ends[at.name]!, knownName);
    if (at.stt < 0) this.stts.add('');
    else this.stts.addBytes(b, starts[at.stt]!, ends[at.stt]!);
    if (at.code < 0) this.codes.add('');
    else this.codes.addBytes(b, starts[at.code]!, ends[at.code]!);
    if (at.parent < 0) this.parentCodes.add('');
    else this.parentCodes.addBytes(b, starts[at.parent]!, ends[at.parent]!);
    this.addFields(u);
    const stored = this.storedAs !== undefined;
    const group = this.grouping.charCodeAt(0);
    const mark = this.mark.charCodeAt(0);
    for (let s = 0, i = id * this.slotCount; s < this.slotCount; s++, i++) {
      const k = valueFields[s]!;
      const start = f.starts[k]!;
      const end = f.ends[k]!;
      let st: number;
      if (start === end) this.wait(i, PENDING_BLANK);
      else if (stored && (st = scanNumber(b, start, end, group, mark)) !== ABSENT) {
        this.status[i] = st;
        this.setScaled(i, scanned);
      } else {
        this.wait(i, PENDING);
        this.pendingRaw.set(i, f.decode(start, end));
      }
    }
    return id;
  }

  /** Value i is read, not stored: PENDING (its text in `pendingRaw`) or PENDING_BLANK, listed for `finishValues`. */
  private wait(i: number, st: number): void {
    this.status[i] = st;
    if (this.pendingCount === this.pending.length) this.pending = grow(this.pending, this.pendingCount * 2);
    this.pending[this.pendingCount++] = i;
  }

  /**
   * The name whose UTF-8 bytes are b[start, end), when a unit was stored with that name from its bytes before
   * (`addUnitBytes`: the reader's checks of those bytes held then), else -1; for `addUnitBytes`.
   */
  knownName(b: Uint8Array, start: number, end: number): number {
    return this.names.found(b, start, end);
  }

  /** A unit's row, name's column, section and the cells kept (its strings added before). */
  private addFields(u: UnitRecord): void {
    const id = this.n++;
    // Past what was reserved: half as much again (an estimate a little short costs little).
    if (id === this.capacity) this.resize(Math.ceil(this.capacity * 1.5) + 16);
    this.rows.set(id, u.row);
    this.nameCols.set(id, u.nameCol);
    if (u.nameCell) this.cellObjects.set(cellKey(u.row, u.nameCol), u.nameCell);
    this.sections.set(id, u.section ?? -1);
    if (u.codeCell) this.cellObjects.set(cellKey(u.row, this.codeCol!), u.codeCell);
    if (u.parentCell) this.cellObjects.set(cellKey(u.row, this.parentCol!), u.parentCell);
  }

  // Units ---------------------------------------------------------------------------------------------

  rowOf(u: number): number {
    return this.rows.get(u);
  }

  /** The name as read, '' when the row has none. */
  nameRead(u: number): string {
    return this.names.get(u);
  }

  /** The unit's name: as read, or `#row` for a row without one (the last one asked is remembered: checks ask a unit's in a row). */
  name(u: number): string {
    if (u === this.lastNamed) return this.lastName;
    const n = this.names.get(u);
    this.lastNamed = u;
    this.lastName = n !== '' ? n : `#${this.rows.get(u) + 1}`;
    return this.lastName;
  }

  private lastNamed = -1;
  private lastName = '';

  /** The ids of the units whose `name` is one of `names`, in order: the names' bytes compared, none decoded. */
  idsNamed(names: ReadonlySet<string>): number[] {
    const named = this.names.matcher(names);
    const out: number[] = [];
    for (let u = 0; u < this.n; u++) if (this.names.decodesEmpty(u) ? names.has(this.name(u)) : named(u)) out.push(u);
    return out;
  }

  code(u: number): string | undefined {
    return this.codes.isEmpty(u) ? undefined : this.codes.get(u);
  }

  /** Unit `u`'s code as `digitCode` gives it when it is one to eight digits (a positive integer), else -1 (model/pool.ts). */
  codeDigits(u: number): number {
    return this.codes.digitsAt(u);
  }

  parentCode(u: number): string | undefined {
    return this.parentCodes.isEmpty(u) ? undefined : this.parentCodes.get(u);
  }

  stt(u: number): string | undefined {
    return this.stts.isEmpty(u) ? undefined : this.stts.get(u);
  }

  section(u: number): number | undefined {
    const s = this.sections.get(u);
    return s < 0 ? undefined : s;
  }

  /** The name's cell, when the row has a name. */
  nameCell(u: number): Cell | undefined {
    const col = this.nameCols.get(u);
    if (col < 0 || this.names.isEmpty(u)) return undefined;
    return this.cell(this.rows.get(u), col, this.names.get(u));
  }

  codeCell(u: number): Cell | undefined {
    return this.codeCol === undefined || this.codes.isEmpty(u) ? undefined : this.cell(this.rows.get(u), this.codeCol, this.codes.get(u));
  }

  parentCell(u: number): Cell | undefined {
    return this.parentCol === undefined || this.parentCodes.isEmpty(u) ? undefined : this.cell(this.rows.get(u), this.parentCol, this.parentCodes.get(u));
  }

  private cell(row: number, col: number, text: string): Cell {
    return this.cellObjects.get(cellKey(row, col)) ?? { raw: text, ref: this.refOf(row, col), row, col };
  }

  /**
   * Row `row`'s fields after column `after` stand `by` columns further right in the file than in the table (a unit
   * name holding the delimiter, joined back: shape/split-header.ts); their cells' references say where they are.
   */
  shiftRow(row: number, after: number, by: number): void {
    (this.shifts ??= new Map()).set(row, by);
    this.shiftAfter = after;
  }

  /** The reference of the table's (row, col): where that field is in the file. */
  refOf(row: number, col: number): string {
    return a1(row, this.shifts !== undefined && col > this.shiftAfter ? col + (this.shifts.get(row) ?? 0) : col);
  }

  // Values --------------------------------------------------------------------------------------------

  /** The source cell of value i (unit-major index), made from its text unless the source kept one. */
  valueCell(i: number, raw: string): Cell {
    const u = Math.floor(i / this.slotCount);
    const row = this.rows.get(u);
    const col = this.cols[i - u * this.slotCount]!;
    return this.cellObjects.get(cellKey(row, col)) ?? { raw, ref: this.refOf(row, col), row, col };
  }

  /** Whether value i's cell is a plain one (made from its text alone). */
  plainCell(i: number): boolean {
    const u = Math.floor(i / this.slotCount);
    return !this.cellObjects.has(cellKey(this.rows.get(u), this.cols[i - u * this.slotCount]!));
  }

  slotOf(i: number): Indicator {
    return this.slots[i % this.slotCount]!;
  }

  /**
   * Stores every value not stored yet once the number format is known (values stored as they arrived in the
   * other format are read again from the texts the columns write back): `digits(i, raw)` gives the digits of a
   * number written plainly (no spaces or sign around it), or undefined; `full(i, raw)` the Value the shape
   * stage makes of anything else (a blank, text, a number the columns cannot write back exactly). Values are
   * visited in order, so `full`'s findings come in the order of the cells. `otherSlots`: the slots whose numbers
   * keep the other format (a table's rates beside counts grouped with the same mark), never stored in this one.
   */
  finishValues(locale: 'vi' | 'en', digits: (i: number, raw: string) => ParsedDigits | undefined, full: (i: number, raw: string) => Value, otherSlots?: readonly boolean[]): void {
    // Stored numbers read again (`unstore`) wait too, among the others: then every value is visited, in order.
    const everyValue = (this.storedAs !== undefined && this.storedAs !== locale) || otherSlots !== undefined;
    if (this.storedAs !== undefined && this.storedAs !== locale) this.unstore();
    if (otherSlots) this.unstore(otherSlots);
    this.storedAs = locale;
    this.setFormat(locale);
    const n = everyValue ? this.n * this.slotCount : this.pendingCount;
    const list = this.pending;
    const plainCells = this.cellObjects.size === 0;
    const group = this.grouping.charCodeAt(0);
    const mark = this.mark.charCodeAt(0);
    const pending = this.pendingRaw;
    for (let k = 0; k < n; k++) {
      const i = everyValue ? k : list[k]!;
      const st = this.status[i]! & STATUS;
      if (st === PENDING_BLANK) {
        this.keep(i, full(i, ''));
        continue;
      }
      if (st !== PENDING) continue;
      const raw = pending.get(i)!;
      const plainCell = plainCells || this.plainCell(i);
      // Most numbers are read in one pass over their characters; any other text the long way below.
      if (plainCell && !otherSlots?.[i % this.slotCount]) {
        const quick = this.scanText(i, raw, group, mark);
        if (quick !== ABSENT) {
          this.status[i] = quick;
          continue;
        }
      }
      const p = plainCell ? digits(i, raw) : undefined;
      const kind = p ? this.compact(raw, p) : ABSENT;
      if (kind === ABSENT) this.keep(i, full(i, raw));
      else {
        this.status[i] = kind | (p!.decimals << DECIMALS);
        this.setScaled(i, Number(p!.plain.replace('.', '')));
      }
    }
    this.pendingRaw = new Map();
    this.pending = new Int32Array(64);
    this.pendingCount = 0;
  }

  /**
   * Every stored number back to its text, waiting again (the format decided is not the one they were stored in);
   * with `slots`, only those of the slots marked (a table's rates kept in the other format).
   */
  private unstore(slots?: readonly boolean[]): void {
    for (let i = 0, n = this.n * this.slotCount; i < n; i++) {
      if (slots && !slots[i % this.slotCount]) continue;
      const st = this.status[i]! & STATUS;
      if (st !== DIGITS && st !== GROUPED) continue;
      this.pendingRaw.set(i, this.textAt(i));
      this.status[i] = PENDING;
    }
  }

  /** `scanNumber` on a text (its characters as bytes: any other than ASCII is none the scanner takes); sets value i's scaled digits when it takes it. */
  private scanText(i: number, raw: string, group: number, mark: number): number {
    const n = raw.length;
    if (n > 24) return ABSENT;
    for (let k = 0; k < n; k++) {
      const c = raw.charCodeAt(k);
      SCRATCH[k] = c < 0x80 ? c : 0xff;
    }
    const st = scanNumber(SCRATCH, 0, n, group, mark);
    if (st !== ABSENT) this.setScaled(i, scanned);
    return st;
  }

  /** Stores value i's scaled integer (never negative: a sign is text the columns do not write back). */
  private setScaled(i: number, x: number): void {
    const scaled = this.scaled;
    if (scaled instanceof Uint16Array ? x < 0xffff : x <= 0x7fffffff) scaled[i] = x;
    else {
      scaled[i] = this.escape;
      this.wide.set(i, x);
      // A Map entry costs some 20 times the two bytes more a value of 32 bits costs.
      if (scaled instanceof Uint16Array && this.wide.size > 1024 + (scaled.length >> 5)) this.widen();
    }
  }

  /** `scaled` in 32 bits: the numbers up to 2^31 − 1 move out of `wide`. */
  private widen(): void {
    const small = this.scaled;
    const big = new Int32Array(small.length);
    big.set(small);
    for (const [i, x] of this.wide) {
      if (x > 0x7fffffff) big[i] = -1;
      else {
        big[i] = x;
        this.wide.delete(i);
      }
    }
    this.scaled = big;
    this.escape = -1;
  }

  /** Keeps a value the columns cannot write back (a Value object), or a blank. */
  private keep(i: number, v: Value): void {
    if (v.status === 'empty' && v.text === '' && v.cell.raw === '' && this.plainCell(i)) this.status[i] = BLANK;
    else {
      this.status[i] = SPARSE;
      this.sparse.set(i, v);
    }
  }

  /** DIGITS or GROUPED when `raw` is exactly what the columns write back for `p`, else ABSENT. */
  private compact(raw: string, p: ParsedDigits): number {
    const plain = p.plain;
    if (plain.charCodeAt(0) === 45 /* - */ || p.decimals > 20) return ABSENT;
    const digits = plain.length - (p.decimals > 0 ? p.decimals + 1 : 0);
    if (digits > 16 || plain.length - (p.decimals > 0 ? 1 : 0) > 16) return ABSENT;
    if (!Number.isSafeInteger(Number(plain.replace('.', '')))) return ABSENT;
    if (this.writeBack(plain, p.decimals, false) === raw) return DIGITS;
    if (digits > 3 && this.writeBack(plain, p.decimals, true) === raw) return GROUPED;
    return ABSENT;
  }

  /** The text of a number in the table's format: `plain` with the decimal mark, grouped or not. */
  private writeBack(plain: string, decimals: number, grouped: boolean): string {
    const intLen = decimals > 0 ? plain.length - decimals - 1 : plain.length;
    let int = plain.slice(0, intLen);
    if (grouped) {
      let out = '';
      let i = int.length % 3 || 3;
      out = int.slice(0, i);
      for (; i < int.length; i += 3) out += this.grouping + int.slice(i, i + 3);
      int = out;
    }
    return decimals > 0 ? int + this.mark + plain.slice(intLen + 1) : int;
  }

  plainOf(i: number): string {
    return scaledPlain(this.scaledAt(i), this.status[i]! >> DECIMALS);
  }

  get(unit: number, slot: Indicator): Value | undefined {
    const s = this.slots.indexOf(slot);
    return s < 0 || unit >= this.n ? undefined : this.valueAt(unit, s);
  }

  /**
   * The cell of unit `u`'s value in `slot` as a finding kept until the report holds it: where the value is a
   * stored number or a blank, an object of two fields whose text and reference are made when read (a
   * national table's notes are tens of thousands); else the value's own cell (`get(u, slot).cell`).
   */
  keptCell(u: number, slot: Indicator): Cell | undefined {
    const s = this.slots.indexOf(slot);
    if (s < 0 || u >= this.n) return undefined;
    const i = u * this.slotCount + s;
    const st = this.status[i]! & STATUS;
    return st === ABSENT || st === SPARSE ? this.valueAt(u, s)?.cell : new StoredCell(this, i);
  }

  /** Value i's row and column in the source (its unit's row, its slot's column). */
  valueRow(i: number): number {
    return this.rows.get(Math.floor(i / this.slotCount));
  }

  valueCol(i: number): number {
    return this.cols[i % this.slotCount]!;
  }

  /** The cell text of value i, a stored number or a blank (`cellAt`'s). */
  rawAt(i: number): string {
    return this.status[i] === BLANK ? '' : this.textAt(i);
  }

  /** The value of unit `u` in slot index `s`, made now. */
  valueAt(u: number, s: number): Value | undefined {
    const i = u * this.slotCount + s;
    const b = this.status[i];
    if (b === undefined) return undefined;
    const st = b & STATUS;
    if (st === ABSENT) return undefined;
    if (st === SPARSE) return this.sparse.get(i);
    const row = this.rows.get(u);
    const col = this.cols[s]!;
    const indicator = this.slots[s]!;
    if (st === BLANK) return { indicator, unit: u, cell: { raw: '', ref: this.refOf(row, col), row, col }, text: '', status: 'empty' };
    return new StoredValue(this, i, indicator, u, b >> DECIMALS);
  }

  /**
   * A stored number's integer and decimals straight from the columns (no `Value`, no cell); a value kept
   * whole (the sparse map's) as `get` gives it; undefined for a blank, text or a number not held as a safe integer.
   */
  readScaled(unit: number, slot: Indicator): ScaledValue | undefined {
    const s = this.slots.indexOf(slot);
    if (s < 0 || unit >= this.n) return undefined;
    const i = unit * this.slotCount + s;
    const b = this.status[i]!;
    const st = b & STATUS;
    if (st === DIGITS || st === GROUPED) return { scaled: this.scaledAt(i), decimals: b >> DECIMALS };
    return st === SPARSE ? scaledOfValue(this.sparse.get(i)) : undefined;
  }

  /** The index of `slot` among the table's slots, -1 when it has none (for `scaledIn`). */
  slotIndex(slot: Indicator): number {
    return this.slots.indexOf(slot);
  }

  /**
   * `readScaled` of unit `u`'s slot index `s` for a number held in the columns, without an object: its
   * integer, or NaN when the columns hold none (a blank, text, a value kept whole: ask `readScaled`);
   * `decimalsIn` gives its decimals. For checks over every unit (src/relations/).
   */
  scaledIn(u: number, s: number): number {
    const i = u * this.slotCount + s;
    const st = this.status[i]! & STATUS;
    return st === DIGITS || st === GROUPED ? this.scaledAt(i) : NaN;
  }

  /**
   * What slot index `s` of unit `u` holds, from its status alone: 1 a number held as its digits, 0 nothing (a blank
   * or no cell), -1 anything else (a text, a number kept whole: ask `get`). One byte read: a test a million units pass.
   */
  holdsIn(u: number, s: number): 1 | 0 | -1 {
    const st = this.status[u * this.slotCount + s]! & STATUS;
    return st === DIGITS || st === GROUPED ? 1 : st === BLANK || st === ABSENT || st === PENDING_BLANK ? 0 : -1;
  }

  decimalsIn(u: number, s: number): number {
    return this.status[u * this.slotCount + s]! >> DECIMALS;
  }

  /** How many slots each unit has (the length `readRow`'s arrays need). */
  get slotsPerUnit(): number {
    return this.slotCount;
  }

  /**
   * `scaledIn` and `decimalsIn` of every slot of unit `u` at once, into `scaled` and `decimals` (by slot
   * index): one call a unit for the relations' tests over the columns (relations/columns.ts `ColumnRow`).
   */
  readRow(u: number, scaled: Float64Array, decimals: Int32Array): void {
    const k = this.slotCount;
    for (let s = 0, i = u * k; s < k; s++, i++) {
      const b = this.status[i]!;
      const st = b & STATUS;
      decimals[s] = b >> DECIMALS;
      if (st === DIGITS || st === GROUPED) {
        const x = this.scaled[i]!;
        scaled[s] = x !== this.escape ? x : this.wide.get(i)!;
      } else scaled[s] = NaN;
    }
  }

  /**
   * Visits every value without making a `Value` for a stored number: `number(slot, scaled, decimals, grouped)`
   * for one (`grouped`: its text groups thousands), `other(slot, value)` for a value the columns keep whole
   * (text, a workbook's cell …); blanks are skipped. For tallies over the whole table (locate/table.ts).
   */
  eachValue(number: (slot: number, scaled: number, decimals: number, grouped: boolean) => void, other: (slot: number, v: Value) => void): void {
    const k = this.slotCount;
    // Unit by unit, slot by slot: no division per value, and the number read here (`scaledAt`'s).
    for (let u = 0, i = 0; u < this.n; u++) {
      for (let s = 0; s < k; s++, i++) {
        const b = this.status[i]!;
        const st = b & STATUS;
        if (st === DIGITS || st === GROUPED) {
          const x = this.scaled[i]!;
          number(s, x !== this.escape ? x : this.wide.get(i)!, b >> DECIMALS, st === GROUPED);
        } else if (st === SPARSE) other(s, this.sparse.get(i)!);
      }
    }
  }

  /** The text of value i (a stored number) as the file has it. */
  textAt(i: number): string {
    const b = this.status[i]!;
    return this.writeBack(this.plainOf(i), b >> DECIMALS, (b & STATUS) === GROUPED);
  }

  /** The cell of value i (a stored number or blank). */
  cellAt(i: number): Cell {
    const row = this.valueRow(i);
    const col = this.valueCol(i);
    return { raw: this.rawAt(i), ref: this.refOf(row, col), row, col };
  }

  scaledAt(i: number): number {
    const x = this.scaled[i]!;
    return x !== this.escape ? x : this.wide.get(i)!;
  }

  plainAt(i: number): string {
    return this.plainOf(i);
  }

  row(unit: number): ValueRow {
    const out: Partial<Record<Indicator, Value>> = {};
    for (let s = 0; s < this.slotCount; s++) {
      const v = this.valueAt(unit, s);
      if (v) out[this.slots[s]!] = v;
    }
    return out;
  }

  *[Symbol.iterator](): IterableIterator<ValueRow> {
    for (let u = 0; u < this.n; u++) yield this.row(u);
  }

  /** Bytes held by the columns and pools (for the memory figures). */
  get footprint(): number {
    return (
      this.rows.byteLength +
      this.nameCols.byteLength +
      this.sections.byteLength +
      this.names.footprint +
      this.codes.footprint +
      this.parentCodes.footprint +
      this.stts.footprint +
      this.status.byteLength +
      this.scaled.byteLength
    );
  }
}

/**
 * A number of a long table's columns, made when asked: its cell, text, plain digits and decimal are made
 * when read (a check in integers reads `scaled` and `decimals` only). Copy it with its fields named, not
 * with a spread (the made ones are not own properties).
 */
class StoredValue implements Value {
  readonly status = 'ok' as const;
  readonly #table: LongTable;
  readonly #i: number;
  #num: Dec | undefined;

  constructor(
    table: LongTable,
    i: number,
    readonly indicator: Indicator,
    readonly unit: number,
    readonly decimals: number,
  ) {
    this.#table = table;
    this.#i = i;
  }

  /** Not an own property (as NumberValue's): a copy with other digits never carries a stale one. */
  get scaled(): number {
    return this.#table.scaledAt(this.#i);
  }

  get cell(): Cell {
    return this.#table.cellAt(this.#i);
  }

  get text(): string {
    return this.#table.textAt(this.#i);
  }

  get plain(): string {
    return this.#table.plainOf(this.#i);
  }

  get num(): Dec {
    return (this.#num ??= new Dec(this.plain));
  }
}

/**
 * The cell of a long table's value i, its text and reference made when read (`LongTable.keptCell`): what
 * `cellAt` makes, in an object of two fields. Copy it with its fields named, not with a spread.
 */
class StoredCell implements Cell {
  readonly #table: LongTable;
  readonly #i: number;

  constructor(table: LongTable, i: number) {
    this.#table = table;
    this.#i = i;
  }

  get raw(): string {
    return this.#table.rawAt(this.#i);
  }

  get ref(): string {
    return this.#table.refOf(this.row, this.col);
  }

  get row(): number {
    return this.#table.valueRow(this.#i);
  }

  get col(): number {
    return this.#table.valueCol(this.#i);
  }
}

/**
 * A long table's units (`Annex.units`): what the shape stage decided about them, by unit id: parents (-1:
 * none), the total, roles and partitions (absent or 0: the first), and how a name becomes a key. No object is
 * kept per unit: `at` makes a `StoredUnit` when asked (as the columns make a `Value`), and loops over every
 * unit read the places by id.
 */
export class UnitPlaces implements Units {
  constructor(
    readonly table: LongTable,
    /** Each unit's parent, -1 for none (one per unit of the table). */
    readonly parents: Int32Array,
    readonly totalId: number,
    readonly roles: ReadonlyArray<UnitRole | undefined> | undefined,
    readonly partitions: ReadonlyArray<number | undefined> | undefined,
    readonly key: (name: string) => string,
  ) {}

  get length(): number {
    return this.table.n;
  }

  at(id: number): Unit | undefined {
    return id >= 0 && id < this.table.n ? new StoredUnit(this, id) : undefined;
  }

  parentOf(id: number): number {
    return this.parents[id]!;
  }

  roleOf(id: number): UnitRole | undefined {
    return this.roles?.[id] || undefined;
  }

  partitionOf(id: number): number {
    return this.partitions?.[id] || 0;
  }

  /** On the store's bytes, without a name decoded per unit. */
  idsNamed(names: ReadonlySet<string>): number[] {
    return this.table.idsNamed(names);
  }

  *[Symbol.iterator](): Iterator<Unit> {
    for (let id = 0; id < this.table.n; id++) yield new StoredUnit(this, id);
  }
}

/**
 * A unit of a long table, made when asked and not kept: its id; its parent, role, name, key, cell and code
 * are read from its table's places when asked (no strings until a report names one).
 */
export class StoredUnit implements Unit {
  constructor(
    private readonly places: UnitPlaces,
    readonly id: number,
  ) {}

  get isTotal(): boolean {
    return this.id === this.places.totalId;
  }

  get parent(): number | undefined {
    const p = this.places.parents[this.id]!;
    return p < 0 ? undefined : p;
  }

  get role(): UnitRole | undefined {
    return this.places.roleOf(this.id);
  }

  get partition(): number | undefined {
    return this.places.partitions?.[this.id] || undefined;
  }

  get name(): string {
    return this.places.table.name(this.id);
  }

  /** The table the unit is stored in. */
  get table(): LongTable {
    return this.places.table;
  }

  get key(): string {
    return this.places.key(this.name);
  }

  get cell(): Cell | undefined {
    return this.places.table.nameCell(this.id);
  }

  get code(): string | undefined {
    return this.places.table.code(this.id);
  }
}
