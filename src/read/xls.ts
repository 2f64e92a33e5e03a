/**
 * bytes of an Excel 97–2003 workbook (.xls: BIFF8 records in the "Workbook" stream of a compound file, cfb.ts) → the
 * Grid of one sheet, as xlsx.ts reads an .xlsx: the same sheet choice (`pickSheet`; hidden sheets not named among the
 * others), cells, limits, merged ranges (`applyMerges`), hidden rows and columns (`withoutHidden`), numbers at the
 * decimals their format shows (`numberContent`: the XF's number format), formulas' cached results as values with
 * their formulas in the A1 form a workbook's have (`ROUND(D4/D1*100,2)`, shared formulas moved to each cell), so that
 * localisation treats computed cells as it does in a workbook.
 *
 * Read: the globals (FILEPASS: encrypted, refused; DATEMODE; FORMAT; XF; BOUNDSHEET; SST with its CONTINUE records, a
 * text split between two records taking up its flags again; EXTERNSHEET for other sheets' references) and the one
 * sheet (ROW, COLINFO, LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA with its STRING, SHRFMLA, ARRAY,
 * MERGECELLS). Every other record is passed over by its length. Older files (BIFF5: Excel 5.0/95, a "Book" stream)
 * are refused with their version. A record that runs past its stream, or a sheet placed outside it, is damage.
 */
import { PovcheckError } from '../errors.js';
import { a1, type Grid } from '../model/grid.js';
import { sheetCellRef } from '../model/sheet-ref.js';
import { readCompoundFile, type CompoundFile } from './cfb.js';
import { BIFF_ERRORS, decompileFormula, UNREAD_FORMULA, type FormulaContext } from './xls-formula.js';
import { DEFAULT_LIMITS, type WorkbookLimits } from './zip-guard.js';
import { BUILTIN_FORMATS, numberContent, pickSheet, putSheetCell, sheetGrid, type Content, type SheetReading, type WorkbookReadOptions } from './xlsx.js';

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  EXTERNSHEET: 0x0017,
  ROW: 0x0208,
  COLINFO: 0x007d,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  MERGECELLS: 0x00e5,
} as const;

/** The BOF records of BIFF2–BIFF4 (their own record numbers) and BIFF5's version: all older than Excel 97. */
const OLD_BOF = new Set([0x0009, 0x0209, 0x0409]);
const BIFF8 = 0x0600;
const WORKSHEET = 0x0010;

const invalid = (params: { damage: 'biff-record'; at: number } | { damage: 'biff-sheet'; sheet: string } | { damage: 'biff-version'; version: string } | { damage: 'no-workbook' } | { damage: 'no-worksheet' } | { damage: 'shared-string'; cell: string; index: string }) =>
  new PovcheckError('WORKBOOK_INVALID', { ...params, of: 'xls' });

interface Rec {
  type: number;
  at: number;
  data: Uint8Array;
  view: DataView;
}

/** The records of a stream from `at`, each checked to lie within it. */
function* records(stream: Uint8Array, at: number): Generator<Rec> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let pos = at;
  while (pos + 4 <= stream.length) {
    const type = view.getUint16(pos, true);
    const len = view.getUint16(pos + 2, true);
    if (pos + 4 + len > stream.length) throw invalid({ damage: 'biff-record', at: pos });
    const data = stream.subarray(pos + 4, pos + 4 + len);
    yield { type, at: pos, data, view: new DataView(data.buffer, data.byteOffset, data.byteLength) };
    pos += 4 + len;
  }
}

/** A cursor over a record's data and its CONTINUE records (the SST's texts may run from one into the next). */
class Pieces {
  private i = 0;
  private pos = 0;
  constructor(
    private readonly parts: readonly Uint8Array[],
    private readonly at: number,
  ) {}

  private current(): Uint8Array {
    while (this.i < this.parts.length && this.pos >= this.parts[this.i]!.length) {
      this.i++;
      this.pos = 0;
    }
    const p = this.parts[this.i];
    if (!p) throw invalid({ damage: 'biff-record', at: this.at });
    return p;
  }

  u8(): number {
    return this.current()[this.pos++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0; ) {
      const p = this.current();
      const take = Math.min(left, p.length - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  /** `count` characters, one or two bytes each; a record boundary among them starts with a fresh flags byte. */
  chars(count: number, high: boolean): string {
    let out = '';
    let wide = high;
    for (let left = count; left > 0; ) {
      // At a record's end the characters go on in the next (CONTINUE) record, after a flags byte of their own.
      if (this.pos >= (this.parts[this.i]?.length ?? 0)) {
        this.current();
        wide = (this.u8() & 1) === 1;
      }
      const p = this.current();
      const avail = Math.floor((p.length - this.pos) / (wide ? 2 : 1));
      const take = Math.min(left, Math.max(avail, 1));
      for (let k = 0; k < take; k++) out += String.fromCharCode(wide ? this.u16() : this.u8());
      left -= take;
    }
    return out;
  }
}

/** An XLUnicodeRichExtendedString (the SST's texts): its characters, its formatting runs and phonetic data passed over. */
function richString(p: Pieces): string {
  const cch = p.u16();
  const flags = p.u8();
  const runs = flags & 0x08 ? p.u16() : 0;
  const ext = flags & 0x04 ? p.u32() : 0;
  const text = p.chars(cch, (flags & 1) === 1);
  p.skip(runs * 4 + ext);
  return text;
}

/** An XLUnicodeString (cch u16) or ShortXLUnicodeString (cch u8) inside one record at `at`; undefined past its end. */
function unicodeString(data: Uint8Array, at: number, short = false): { text: string; end: number } | undefined {
  if (at + (short ? 2 : 3) > data.length) return undefined;
  const cch = short ? data[at]! : data[at]! | (data[at + 1]! << 8);
  const flags = data[at + (short ? 1 : 2)]!;
  let pos = at + (short ? 2 : 3);
  const wide = (flags & 1) === 1;
  if (pos + cch * (wide ? 2 : 1) > data.length) return undefined;
  let text = '';
  for (let k = 0; k < cch; k++) {
    text += String.fromCharCode(wide ? data[pos]! | (data[pos + 1]! << 8) : data[pos]!);
    pos += wide ? 2 : 1;
  }
  return { text, end: pos };
}

interface SheetEntry {
  name: string;
  offset: number;
  hidden: boolean;
}

interface Globals {
  sheets: SheetEntry[];
  /** Every sheet's name by its position among all BOUNDSHEETs (charts included): what EXTERNSHEET's tabs count. */
  allSheets: string[];
  strings: string[];
  /** The number format code of each XF (undefined: General). */
  formats: Array<string | undefined>;
  date1904: boolean;
  /** EXTERNSHEET's entries: the sheet each `ixti` of a 3-D reference names (undefined: another workbook). */
  externSheets: Array<string | undefined>;
}

function firstBof(stream: Uint8Array): void {
  const first = records(stream, 0).next();
  if (first.done) throw invalid({ damage: 'biff-record', at: 0 });
  const { type, data, view } = first.value;
  if (OLD_BOF.has(type)) throw invalid({ damage: 'biff-version', version: type === 0x0409 ? 'BIFF4' : type === 0x0209 ? 'BIFF3' : 'BIFF2' });
  if (type !== R.BOF || data.length < 4) throw invalid({ damage: 'biff-record', at: 0 });
  const version = view.getUint16(0, true);
  if (version !== BIFF8) throw invalid({ damage: 'biff-version', version: version === 0x0500 ? 'BIFF5' : `0x${version.toString(16)}` });
}

function readGlobals(stream: Uint8Array, limits: WorkbookLimits): Globals {
  firstBof(stream);
  const g: Globals = { sheets: [], allSheets: [], strings: [], formats: [], date1904: false, externSheets: [] };
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const supBooks: boolean[] = [];
  let sst: { parts: Uint8Array[]; at: number } | undefined;
  let last = 0;
  for (const r of records(stream, 0)) {
    if (r.type === R.CONTINUE && last === R.SST && sst) {
      sst.parts.push(r.data);
      continue;
    }
    last = r.type;
    if (r.type === R.EOF) break;
    switch (r.type) {
      case R.FILEPASS:
        throw new PovcheckError('FILE_BINARY', { kind: 'encrypted' });
      case R.DATEMODE:
        g.date1904 = r.data.length >= 2 && r.view.getUint16(0, true) === 1;
        break;
      case R.FORMAT: {
        const s = r.data.length >= 2 ? unicodeString(r.data, 2) : undefined;
        if (s) custom.set(r.view.getUint16(0, true), s.text);
        break;
      }
      case R.XF:
        if (r.data.length >= 4) xfFormats.push(r.view.getUint16(2, true));
        break;
      case R.BOUNDSHEET: {
        const name = r.data.length >= 6 ? unicodeString(r.data, 6, true) : undefined;
        if (!name) throw invalid({ damage: 'biff-record', at: r.at });
        g.allSheets.push(name.text);
        if (g.allSheets.length > limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
        // Worksheets only: a chart sheet, a macro sheet or a Visual Basic module holds no table.
        if (r.data[5] === 0) g.sheets.push({ name: name.text, offset: r.view.getUint32(0, true), hidden: (r.data[4]! & 3) !== 0 });
        break;
      }
      case R.SST:
        sst = { parts: [r.data], at: r.at };
        break;
      case 0x01ae: // SUPBOOK: whether it is this workbook's own (its sheets' references) or another's.
        supBooks.push(r.data.length >= 4 && r.view.getUint16(2, true) === 0x0401);
        break;
      case R.EXTERNSHEET: {
        const n = r.data.length >= 2 ? r.view.getUint16(0, true) : 0;
        for (let i = 0; i < n && 2 + i * 6 + 6 <= r.data.length; i++) {
          const book = r.view.getUint16(2 + i * 6, true);
          const tab = r.view.getInt16(4 + i * 6, true);
          g.externSheets.push(supBooks[book] && tab >= 0 ? g.allSheets[tab] : undefined);
        }
        break;
      }
    }
  }
  if (sst) g.strings = sharedStrings(sst.parts, sst.at, limits);
  g.formats = xfFormats.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
  return g;
}

function sharedStrings(parts: Uint8Array[], at: number, limits: WorkbookLimits): string[] {
  const p = new Pieces(parts, at);
  p.u32();
  const unique = p.u32();
  if (unique > limits.maxStrings) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'strings', limit: limits.maxStrings });
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; i < unique; i++) {
    const s = richString(p);
    chars += s.length;
    if (chars > limits.maxStringChars) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'string-chars', limit: limits.maxStringChars });
    out.push(s);
  }
  return out;
}

interface SheetState extends SheetReading {
  readonly g: Globals;
  /** Shared and array formulas by their first cell ("row,col"): their tokens and where they start. */
  shared: Map<string, { rgce: Uint8Array }>;
  /** Cells whose formula is a shared or array one (ptgExp), resolved once the sheet is read. */
  pending: Array<{ row: number; col: number; master: string }>;
}


/** An RK number: a 30-bit integer or the top of a double, divided by 100 when its flag says. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, rk & 0xfffffffc, true);
    v = b.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

function putCell(st: SheetState, r: number, c: number, content: Content): void {
  putSheetCell(st, st.sheet, st.limits, r, c, content);
}

const numberAt = (st: SheetState, xf: number, n: number): Content => (Number.isFinite(n) ? numberContent(n, st.g.formats[xf], st.g.date1904) : { raw: String(n) });

function formulaContext(st: SheetState): FormulaContext {
  return { sheetOf: (ixti) => st.g.externSheets[ixti] };
}

function readSheet(stream: Uint8Array, g: Globals, sheet: SheetEntry, limits: WorkbookLimits): SheetState {
  const st: SheetState = { sheet: sheet.name, g, limits, rows: [], merges: [], count: 0, hiddenRows: new Set(), hiddenCols: [], shared: new Map(), pending: [] };
  if (sheet.offset >= stream.length) throw invalid({ damage: 'biff-record', at: sheet.offset });
  const it = records(stream, sheet.offset);
  const bof = it.next();
  if (bof.done || bof.value.type !== R.BOF || bof.value.data.length < 4 || bof.value.view.getUint16(2, true) !== WORKSHEET) throw invalid({ damage: 'biff-sheet', sheet: sheet.name });
  /** A formula whose string result the next STRING record holds. */
  let awaiting: { row: number; col: number; formula: string | undefined } | undefined;
  for (const r of it) {
    if (r.type === R.EOF) break;
    if (r.type === R.STRING && awaiting) {
      const s = unicodeString(r.data, 0);
      putCell(st, awaiting.row, awaiting.col, { raw: s?.text ?? '', ...(awaiting.formula !== undefined ? { formula: awaiting.formula } : {}) });
      awaiting = undefined;
      continue;
    }
    if (r.type !== R.SHRFMLA && r.type !== R.ARRAY && r.type !== R.CONTINUE) awaiting = undefined;
    awaiting = sheetRecord(st, r) ?? awaiting;
  }
  // A shared formula's cells point at its first cell (ptgExp), where Excel puts its SHRFMLA; one pointing elsewhere
  // is a formula not read (`…`), as any formula part povcheck does not model.
  for (const p of st.pending) {
    const m = st.shared.get(p.master);
    const cell = st.rows[p.row]?.[p.col];
    if (!cell) continue;
    st.rows[p.row]![p.col] = { ...cell, formula: m ? decompileFormula(m.rgce, { row: p.row, col: p.col }, formulaContext(st)) : UNREAD_FORMULA };
  }
  return st;
}

/** One record of the sheet; a FORMULA whose result is text returns the cell its STRING record fills. */
function sheetRecord(st: SheetState, r: Rec): { row: number; col: number; formula: string | undefined } | undefined {
  const { data, view } = r;
  const cellAt = (min: number) => {
    if (data.length < min) throw invalid({ damage: 'biff-record', at: r.at });
    return { row: view.getUint16(0, true), col: view.getUint16(2, true), xf: view.getUint16(4, true) };
  };
  switch (r.type) {
    case R.ROW:
      if (data.length >= 16 && view.getUint32(12, true) & 0x20) st.hiddenRows.add(view.getUint16(0, true));
      return;
    case R.COLINFO:
      if (data.length >= 10 && view.getUint16(8, true) & 1 && st.hiddenCols.length < st.limits.maxCols) {
        const min = view.getUint16(0, true);
        st.hiddenCols.push({ min, max: Math.max(min, view.getUint16(2, true)) });
      }
      return;
    case R.LABELSST: {
      const c = cellAt(10);
      const i = view.getUint32(6, true);
      const s = st.g.strings[i];
      if (s === undefined) throw invalid({ damage: 'shared-string', cell: sheetCellRef(st.sheet, a1(c.row, c.col)), index: String(i) });
      if (s !== '') putCell(st, c.row, c.col, { raw: s });
      return;
    }
    case R.LABEL:
    case R.RSTRING: {
      const c = cellAt(9);
      const s = unicodeString(data, 6);
      if (!s) throw invalid({ damage: 'biff-record', at: r.at });
      if (s.text !== '') putCell(st, c.row, c.col, { raw: s.text });
      return;
    }
    case R.NUMBER: {
      const c = cellAt(14);
      putCell(st, c.row, c.col, numberAt(st, c.xf, view.getFloat64(6, true)));
      return;
    }
    case R.RK: {
      const c = cellAt(10);
      putCell(st, c.row, c.col, numberAt(st, c.xf, rkValue(view.getUint32(6, true))));
      return;
    }
    case R.MULRK: {
      const c = cellAt(6);
      for (let k = 0, at = 4; at + 6 <= data.length - 2; k++, at += 6) putCell(st, c.row, c.col + k, numberAt(st, view.getUint16(at, true), rkValue(view.getUint32(at + 2, true))));
      return;
    }
    case R.BOOLERR: {
      const c = cellAt(8);
      const v = data[6]!;
      putCell(st, c.row, c.col, { raw: data[7] ? (BIFF_ERRORS[v] ?? '#N/A') : v ? 'TRUE' : 'FALSE' });
      return;
    }
    case R.FORMULA:
      return formulaRecord(st, r, cellAt(22));
    case R.SHRFMLA:
    case R.ARRAY: {
      const ccePos = r.type === R.SHRFMLA ? 8 : 12;
      if (data.length < ccePos + 2) throw invalid({ damage: 'biff-record', at: r.at });
      const cce = view.getUint16(ccePos, true);
      st.shared.set(`${view.getUint16(0, true)},${data[4]!}`, { rgce: data.subarray(ccePos + 2, Math.min(data.length, ccePos + 2 + cce)) });
      return;
    }
    case R.MERGECELLS: {
      const n = data.length >= 2 ? view.getUint16(0, true) : 0;
      for (let i = 0; i < n && 2 + i * 8 + 8 <= data.length; i++) {
        const at = 2 + i * 8;
        const [r1, r2, c1, c2] = [view.getUint16(at, true), view.getUint16(at + 2, true), view.getUint16(at + 4, true), view.getUint16(at + 6, true)];
        if (r2 < r1 || c2 < c1) continue;
        if (st.merges.length >= st.limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: st.limits.maxMerges });
        st.merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
      }
      return;
    }
  }
  return;
}

/** A FORMULA record: its cached result as the value, its tokens as the formula (a shared one's once the sheet is read). */
function formulaRecord(st: SheetState, r: Rec, c: { row: number; col: number; xf: number }): { row: number; col: number; formula: string | undefined } | undefined {
  const { data, view } = r;
  const cce = view.getUint16(20, true);
  const rgce = data.subarray(22, Math.min(data.length, 22 + cce));
  let formula: string | undefined;
  if (rgce[0] === 0x01 && rgce.length >= 5) st.pending.push({ row: c.row, col: c.col, master: `${rgce[1]! | (rgce[2]! << 8)},${rgce[3]! | (rgce[4]! << 8)}` });
  else formula = decompileFormula(rgce, undefined, formulaContext(st));
  const withFormula = (x: Content): Content => (formula !== undefined ? { ...x, formula } : x);
  // The pending shared formula is set on the cell later; a placeholder keeps the cell a formula's until then.
  const placeholder = formula ?? '';
  if (view.getUint16(12, true) !== 0xffff) {
    putCell(st, c.row, c.col, { ...numberAt(st, c.xf, view.getFloat64(6, true)), formula: placeholder });
    return;
  }
  switch (data[6]) {
    case 0:
      return { row: c.row, col: c.col, formula: placeholder };
    case 1:
      putCell(st, c.row, c.col, withFormula({ raw: data[8] ? 'TRUE' : 'FALSE', formula: placeholder }));
      return;
    case 2:
      putCell(st, c.row, c.col, { raw: BIFF_ERRORS[data[8]!] ?? '#N/A', formula: placeholder });
      return;
    default:
      putCell(st, c.row, c.col, { raw: '', formula: placeholder });
      return;
  }
}

/** .xls bytes (an OLE compound file) → the grid of one sheet. Throws PovcheckError for files it cannot or will not read. */
export function gridFromXls(bytes: Uint8Array, opts: WorkbookReadOptions = {}, cf: CompoundFile = readCompoundFile(bytes)): Grid {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const stream = cf.stream('Workbook');
  if (!stream) throw invalid({ damage: 'no-workbook' });
  const g = readGlobals(stream, limits);
  if (g.sheets.length === 0) throw invalid({ damage: 'no-worksheet' });
  const sheet = pickSheet(g.sheets, opts.sheet);
  return sheetGrid(readSheet(stream, g, sheet, limits), g.sheets, sheet, 'xls', limits);
}

/**
 * Any OLE compound file (index.ts sends every one here): an Excel 97–2003 workbook is read; a password-protected
 * .xlsx, a Word 97 document, an Excel 5.0/95 workbook or another Office 97 file is named as such. `read`: the
 * container, when the caller has read it already (not read twice).
 */
export function gridFromOle(bytes: Uint8Array, opts: WorkbookReadOptions = {}, read?: CompoundFile): Grid {
  const cf = read ?? readCompoundFile(bytes);
  const has = (name: string) => cf.names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('Workbook')) return gridFromXls(bytes, opts, cf);
  if (has('EncryptedPackage')) throw new PovcheckError('FILE_BINARY', { kind: 'encrypted' });
  if (has('WordDocument')) throw new PovcheckError('FILE_BINARY', { kind: 'doc' });
  if (has('Book')) throw invalid({ damage: 'biff-version', version: 'BIFF5' });
  throw new PovcheckError('FILE_BINARY', { kind: 'ole' });
}
