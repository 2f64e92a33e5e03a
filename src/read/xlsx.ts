/**
 * bytes of an .xlsx/.xlsm workbook → Grid. povcheck reads the workbook itself: zip-guard.ts checks the
 * container (sizes, parts, cells) before anything is parsed, then the few parts a table needs are streamed
 * through xml-stream.ts (saxes): xl/workbook.xml (sheet names; defined names are ignored), its relationships,
 * xl/sharedStrings.xml, xl/styles.xml (only the number formats) and the one sheet read. Time and memory go
 * with the cells actually present: a merged range is kept as a range, never expanded cell by cell, and every
 * count a hostile file could inflate (sheets, merges, shared strings and their length, one text, cells, the
 * extent of the content, XML depth and elements) has a limit (WorkbookLimits) past which the file is refused.
 *
 * - References: a cell, row, merged range or hidden columns outside a worksheet (past XFD or row 1,048,576, row 0,
 *   or no reference at all) refuse the workbook, naming the sheet and the reference: no spreadsheet program
 *   writes one, Excel will not open the file, and where such a cell belongs cannot be told. So does a cell whose
 *   reference is not in the row that holds it (`<c r="B7">` in `<row r="5">`): LibreOffice puts it at B7, a reader
 *   that goes by the rows in row 5, and no spreadsheet program writes one.
 * - Sheet: the first by default; `sheet` picks one by name (exact, then ignoring case and diacritics) or by
 *   1-based position. Every cell carries the sheet's name.
 * - Numbers stored as numbers: exact digits at the precision the cell displays (number-format.ts) in
 *   `Cell.numeric`; numbers stored as text stay text and go through the locale parser like CSV. A number
 *   under a date format is the date it shows (YYYY-MM-DD), as text; under a format that shows only the year
 *   (`yyyy`), that year.
 * - Formulas: the cached result is the value; `Cell.formula` keeps the formula text (a shared formula's
 *   text moved to each cell, as Excel shows it). A formula without a cached result becomes an empty cell with
 *   its formula, which the shape stage reports (`missing`).
 * - Hidden rows and columns (`<row hidden="1">`, `<col hidden="1">`: a helper computation, a check column, rows
 *   grouped and collapsed) are not read, as the printed page does not show them; those that hold something are
 *   named in the grid's source (`hidden`), which the report's "read as" line says.
 * - Merged cells: the top-left cell records the range (`Cell.merge`, clipped to the sheet's content). A range
 *   merged over several rows repeats its text, with the merged cell's reference, down its first column as
 *   far as the content goes, so a two-row header (`Toàn tỉnh` merged over D3:D4 beside the districts in row 4)
 *   reads as one header row. Merges across columns only (a title, `Chia ra` over the districts, a footnote)
 *   stay in their first cell, as a CSV export has them; merged numbers are never repeated (they would count
 *   twice).
 */
import { asOdsDamage, PovcheckError, type ContainerDamage } from '../errors.js';
import { foldKey } from '../shape/normalize.js';
import { a1, columnLetters, parseA1, parseSheetA1, SHEET_COLS, SHEET_ROWS, type Cell, type Grid, type HiddenContent } from '../model/grid.js';
import { sheetCellRef } from '../model/sheet-ref.js';
import { displayedDigits, parseNumberFormat } from './number-format.js';
import { DEFAULT_LIMITS, inspectZip, readPart, type WorkbookLimits, type ZipEntry } from './zip-guard.js';
import { streamXml, XmlError, type XmlHandlers } from './xml-stream.js';
import { partPath, relationshipHandlers, targetOfType, type Relationships } from './opc.js';
import { clip } from '../model/echo.js';

export interface WorkbookReadOptions {
  /** Sheet name or 1-based position ("2"); the first sheet when absent. */
  sheet?: string;
  limits?: WorkbookLimits;
}

export function workbookFormat(macroEnabled: boolean): 'xlsx' | 'xlsm' {
  return macroEnabled ? 'xlsm' : 'xlsx';
}

/**
 * The parts of a workbook, by name, read on demand. Names are matched regardless of case, as Office matches part
 * names (a relationship's `worksheets/Sheet1.xml` is the part xl/worksheets/sheet1.xml); two parts that differ only in
 * case never get here (zip-guard.ts `refuseTwins`).
 */
class Parts {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: WorkbookLimits,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** Streams a part into `handlers`; false when the workbook has no such part. */
  parse(name: string, handlers: XmlHandlers): boolean {
    const e = this.byName.get(name.toLowerCase());
    if (!e) return false;
    const data = readPart(this.bytes, e);
    try {
      streamXml(data, handlers, { maxText: this.limits.maxText, maxDepth: 256, maxElements: Math.max(4_000_000, this.limits.maxCells * 12) });
    } catch (err) {
      if (err instanceof XmlError) throw xmlProblem(name, err);
      throw err;
    }
    return true;
  }
}

export function xmlProblem(part: string, err: XmlError): PovcheckError {
  const p = err.problem;
  switch (p.kind) {
    case 'syntax':
      return new PovcheckError('WORKBOOK_INVALID', { part, xml: 'syntax', detail: p.detail });
    case 'doctype':
      return new PovcheckError('WORKBOOK_INVALID', { part, xml: 'doctype' });
    default:
      return new PovcheckError('WORKBOOK_TOO_LARGE', { what: p.kind, part, limit: p.limit });
  }
}

const invalid = (damage: ContainerDamage) => new PovcheckError('WORKBOOK_INVALID', damage);

interface SheetEntry {
  name: string;
  part: string;
  /** Hidden in the workbook (`state="hidden"` or `"veryHidden"`): a lookup list, not a page. */
  hidden?: boolean;
}

interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** The workbook's relationships name parts relative to xl/ (opc.ts `partPath`). */
const XL = 'xl/';

/** xl/workbook.xml and its relationships: the sheets in order and where the shared parts are. */
function readWorkbookInfo(parts: Parts, limits: WorkbookLimits): WorkbookInfo {
  const rels: Relationships = new Map();
  parts.parse('xl/_rels/workbook.xml.rels', relationshipHandlers(rels));
  const listed: Array<{ name: string; rid: string | undefined; hidden: boolean }> = [];
  let date1904 = false;
  // Only <sheets> and <workbookPr>; <definedNames> and everything else are ignored.
  const found = parts.parse('xl/workbook.xml', {
    open(name, a) {
      if (name === 'sheet') {
        if (listed.length >= limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
        const rid = Object.keys(a).find((k) => k === 'r:id' || k.endsWith(':id'));
        listed.push({ name: clip(a.name ?? ''), rid: rid !== undefined ? a[rid] : undefined, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
  });
  if (!found) throw invalid({ damage: 'no-workbook' });
  const sheets: SheetEntry[] = [];
  for (const s of listed) {
    const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: s.name, part: partPath(rel.target, XL), ...(s.hidden ? { hidden: true } : {}) });
  }
  const byType = (suffix: string, fallback: string) => targetOfType(rels, suffix, XL) ?? (parts.has(fallback) ? fallback : undefined);
  const sharedStrings = byType('/sharedStrings', 'xl/sharedStrings.xml');
  const styles = byType('/styles', 'xl/styles.xml');
  return { sheets, date1904, ...(sharedStrings ? { sharedStrings } : {}), ...(styles ? { styles } : {}) };
}

export function pickSheet<S extends { name: string }>(sheets: readonly S[], wanted: string | undefined): S {
  if (sheets.length === 0) throw invalid({ damage: 'no-worksheet' });
  if (wanted === undefined) return sheets[0]!;
  return sheetNamed(sheets, clip(wanted));
}

/** The sheet `wanted` names (sheet names are cut as every echoed text is: model/echo.ts), or SHEET_NOT_FOUND. */
function sheetNamed<S extends { name: string }>(sheets: readonly S[], wanted: string): S {
  const exact = sheets.find((s) => s.name === wanted);
  if (exact) return exact;
  const folded = sheets.find((s) => foldKey(s.name) === foldKey(wanted) && foldKey(wanted) !== '');
  if (folded) return folded;
  if (/^[1-9][0-9]*$/.test(wanted) && Number(wanted) <= sheets.length) return sheets[Number(wanted) - 1]!;
  throw new PovcheckError('SHEET_NOT_FOUND', { sheet: wanted, available: sheets.map((s) => s.name) });
}

/** Excel escapes characters XML cannot hold as _xHHHH_ in texts. */
function unescapeText(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** xl/sharedStrings.xml: the text of each <si> (rich-text runs joined; phonetic runs <rPh> left out). */
function readSharedStrings(parts: Parts, part: string | undefined, limits: WorkbookLimits): string[] {
  const out: string[] = [];
  if (!part) return out;
  let chars = 0;
  let current: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  parts.parse(part, {
    open(name) {
      if (name === 'si') {
        if (out.length >= limits.maxStrings) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'strings', limit: limits.maxStrings });
        current = [];
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && phonetic === 0) inT = true;
    },
    text(s) {
      if (!inT) return;
      chars += s.length;
      if (chars > limits.maxStringChars) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'string-chars', limit: limits.maxStringChars });
      current!.push(s);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        const text = unescapeText(current.join(''));
        if (text.length > limits.maxText) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'text', part, limit: limits.maxText });
        out.push(text);
        current = undefined;
      }
    },
  });
  return out;
}

/** Excel's built-in number formats (ids without a format code in styles.xml), as spreadsheet programs define them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** xl/styles.xml: the number format code of each cell style (<cellXfs>), undefined for General. */
function readNumberFormats(parts: Parts, part: string | undefined): Array<string | undefined> {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (part) {
    let inCellXfs = false;
    parts.parse(part, {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

/** A format that shows a date or a time: y m d h s (or b, Buddhist years) outside literals and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/general/gi, '').replace(/e[+-]/gi, ''));
}

/**
 * What a format that shows only the year (`yyyy`, `"Năm "yyyy`, `yy`) shows of a date (YYYY-MM-DD): the year with
 * the format's literal text; undefined for any other format. A column of years typed as dates (2018 entered as
 * 31/12/2018 and shown as `2018`) is read as the years it shows, not as dates.
 */
export function yearShown(code: string, date: string): string | undefined {
  const m = /^((?:"[^"]*"|\\.|\s)*)(y{2}|y{4})((?:"[^"]*"|\\.|\s)*)$/i.exec(code.replace(/\[[^\]]*\]/g, ''));
  if (!m || date === '') return undefined;
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  return literal(m[1]!) + (m[2]!.length === 2 ? date.slice(2, 4) : date.slice(0, 4)) + literal(m[3]!);
}

/** A spreadsheet serial date as YYYY-MM-DD ('' when it is no date). */
function serialDate(v: number, date1904: boolean): string {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * A shared formula's text moved from its master cell to another: relative references shift by the
 * distance, `$`-anchored parts stay (names and function calls are left alone).
 */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(/((?:[A-Za-z_\-0-9]*)!)?([A-Za-z0-9_$]{2,})(\()?/g, (whole: string, sheet: string | undefined, addr: string, call: string | undefined) => {
    if (call) return whole;
    const m = /^(\$)?([A-Za-z]{1,3})(\$)?([1-9][0-9]*)$/.exec(addr);
    if (!m) return whole;
    const letters = m[2]!.toUpperCase();
    if (letters.length === 3 && letters > 'XFD') return whole;
    const ref = parseA1(`${letters}1`)!;
    const col = m[1] ? ref.col : ref.col + to.col - from.col;
    const row = m[3] ? Number(m[4]) : Number(m[4]) + to.row - from.row;
    if (col < 0 || row < 1) return whole;
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
  });
}

/** What a cell shows: its text, its number's exact digits as displayed, its formula (every workbook reader's). */
export interface Content {
  raw: string;
  numeric?: string;
  formula?: string;
}

/** What one <c> element held, gathered while its children stream by. */
interface CellXml {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string[];
  hasValue: boolean;
  formula: string[];
  hasFormula: boolean;
  shared?: { si: string; master: boolean };
  inline: string[];
}

interface SheetContext {
  strings: readonly string[];
  formats: ReadonlyArray<string | undefined>;
  date1904: boolean;
}

export function numberContent(n: number, numFmt: string | undefined, date1904: boolean): Content {
  if (isDateFormat(numFmt)) {
    const date = serialDate(n, date1904);
    return { raw: yearShown(numFmt!, date) ?? date };
  }
  const { digits, percent } = displayedDigits(n, parseNumberFormat(numFmt));
  return { raw: percent ? `${digits}%` : digits, numeric: digits };
}

/** A cached or typed value of type `t` (`s`, `str`, `inlineStr`, `b`, `e`, `d`, else a number). */
function valueContent(c: CellXml, ctx: SheetContext, ref: string): Content | undefined {
  const v = c.value.join('');
  if (c.type === 'inlineStr') return { raw: unescapeText(c.inline.length > 0 ? c.inline.join('') : v) };
  if (!c.hasValue || v === '') return undefined;
  switch (c.type) {
    case 's': {
      const i = Number(v);
      const s = Number.isInteger(i) ? ctx.strings[i] : undefined;
      if (s === undefined) throw invalid({ damage: 'shared-string', cell: ref, index: v });
      return { raw: s };
    }
    case 'str':
    case 'e':
      return { raw: v };
    case 'b':
      return { raw: Number(v) !== 0 ? 'TRUE' : 'FALSE' };
    case 'd':
      return { raw: v.slice(0, 10) };
    default: {
      const n = parseFloat(v);
      if (!Number.isFinite(n)) return { raw: v };
      return numberContent(n, ctx.formats[c.style], ctx.date1904);
    }
  }
}

/** The sheet's cells and merged ranges, streamed; cells are checked against the extent and count limits. */
function readSheet(parts: Parts, sheet: SheetEntry, ctx: SheetContext, limits: WorkbookLimits): { rows: Cell[][]; merges: string[]; count: number; hiddenRows: Set<number>; hiddenCols: ColumnSpan[] } {
  const st: SheetState = { sheet, ctx, limits, rows: [], merges: [], masters: new Map(), count: 0, row: -1, col: -1, inInline: false, phonetic: 0, inSheetData: false, textChars: 0, hiddenRows: new Set(), hiddenCols: [] };
  const found = parts.parse(sheet.part, { open: (name, a) => openElement(st, name, a), text: (s) => captureText(st, s), close: (name) => closeElement(st, name) });
  if (!found) throw invalid({ damage: 'sheet-missing', sheet: sheet.name, part: sheet.part });
  return { rows: st.rows, merges: st.merges, count: st.count, hiddenRows: st.hiddenRows, hiddenCols: st.hiddenCols };
}

/** Where readSheet is in the sheet's XML, and what it has gathered so far. */
interface SheetState {
  readonly sheet: SheetEntry;
  readonly ctx: SheetContext;
  readonly limits: WorkbookLimits;
  readonly rows: Cell[][];
  readonly merges: string[];
  /** Shared formulas by index: the master's text and place, which the others slide from. */
  readonly masters: Map<string, { formula: string; row: number; col: number }>;
  count: number;
  row: number;
  /** The current `<row>`'s own number (0-based), when it has one: its cells' references must be in it. */
  rowRef?: number;
  col: number;
  cell?: CellXml;
  /** Where text goes: the value, the formula, an inline string (not its phonetic runs). */
  into?: string[];
  inInline: boolean;
  phonetic: number;
  inSheetData: boolean;
  /** Characters of the current cell's text, against `limits.maxText`. */
  textChars: number;
  /** Rows (0-based) and column spans the sheet hides. */
  readonly hiddenRows: Set<number>;
  readonly hiddenCols: ColumnSpan[];
}

/** Columns `min` to `max`, 0-based, inclusive (a `<col>` element's span). */
export interface ColumnSpan {
  min: number;
  max: number;
}

/** An XML boolean attribute that is on (`1`, `true`). */
const on = (v: string | undefined) => v === '1' || v === 'true';

function openElement(st: SheetState, name: string, a: Readonly<Record<string, string>>): void {
  if (name === 'sheetData') st.inSheetData = true;
  else if (name === 'mergeCell') {
    if (st.merges.length >= st.limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: st.limits.maxMerges });
    if (a.ref !== undefined) st.merges.push(mergeRange(st, a.ref));
  } else if (name === 'col' && !st.inSheetData && on(a.hidden)) {
    const min = sheetIndex(a.min, SHEET_COLS);
    const max = sheetIndex(a.max, SHEET_COLS);
    if (min === undefined || max === undefined) throw outsideSheet(st, 'col-ref', `${a.min ?? ''}:${a.max ?? ''}`);
    // Spans a sheet lists once per <col>: as many as its columns at most, never expanded column by column.
    if (max >= min && st.hiddenCols.length < st.limits.maxCols) st.hiddenCols.push({ min, max });
  }
  if (!st.inSheetData) return;
  const cell = st.cell;
  switch (name) {
    case 'row': {
      const r = a.r !== undefined ? sheetIndex(a.r, SHEET_ROWS) : st.row + 1;
      if (r === undefined) throw outsideSheet(st, 'row-ref', a.r!);
      st.row = r;
      st.rowRef = a.r !== undefined ? r : undefined;
      st.col = -1;
      if (on(a.hidden)) st.hiddenRows.add(st.row);
      return;
    }
    case 'c':
      return openCell(st, a);
    case 'v':
      if (cell) [st.into, cell.hasValue] = [cell.value, true];
      return;
    case 'f':
      if (!cell) return;
      st.into = cell.formula;
      cell.hasFormula = true;
      if (a.t === 'shared' && a.si !== undefined) cell.shared = { si: a.si, master: a.ref !== undefined };
      return;
    case 'is':
      st.inInline = true;
      return;
    case 'rPh':
      st.phonetic++;
      return;
    case 't':
      if (cell && st.inInline && st.phonetic === 0) st.into = cell.inline;
      return;
  }
}

/** A <c>: at its reference (which must be in its row's, when the row has one), else next to the one before. */
function openCell(st: SheetState, a: Readonly<Record<string, string>>): void {
  const at = a.r !== undefined ? parseSheetA1(a.r) : undefined;
  if (a.r !== undefined && !at) throw outsideSheet(st, 'cell-ref', a.r);
  if (at && st.rowRef !== undefined && at.row !== st.rowRef) throw invalid({ damage: 'cell-row', sheet: st.sheet.name, ref: shortRef(a.r!), row: st.rowRef + 1 });
  const r = at ? at.row : Math.max(st.row, 0);
  const c = at ? at.col : st.col + 1;
  st.row = r;
  st.col = c;
  st.cell = { row: r, col: c, type: a.t ?? 'n', style: Number(a.s ?? 0) || 0, value: [], hasValue: false, formula: [], hasFormula: false, inline: [] };
  st.textChars = 0;
}

/** A 1-based row or column number of a worksheet (up to `extent`), 0-based; undefined for any other text. */
function sheetIndex(text: string | undefined, extent: number): number | undefined {
  const n = text !== undefined && /^\s*[0-9]+\s*$/.test(text) ? Number(text) : 0;
  return n >= 1 && n <= extent ? n - 1 : undefined;
}

/** A merged range's reference (`A1:C2`, or one cell), its ends within a worksheet. */
function mergeRange(st: SheetState, ref: string): string {
  const ends = ref.split(':');
  if (ends.length > 2 || !ends.every((e) => parseSheetA1(e))) throw outsideSheet(st, 'merge-ref', ref);
  return ref;
}

/**
 * A reference no worksheet has (past column XFD or row 1,048,576, row 0, not a reference at all): no spreadsheet
 * program writes one, Excel will not open the file as it is, and where the cell belongs cannot be told.
 */
function outsideSheet(st: SheetState, damage: 'cell-ref' | 'row-ref' | 'merge-ref' | 'col-ref', ref: string): PovcheckError {
  return invalid({ damage, sheet: st.sheet.name, ref: shortRef(ref) });
}

/** A reference from the file as a message names it: its first 40 characters. */
const shortRef = (ref: string) => (ref.length > 40 ? `${ref.slice(0, 40)}…` : ref);

function closeElement(st: SheetState, name: string): void {
  switch (name) {
    case 'sheetData':
      st.inSheetData = false;
      return;
    case 'v':
    case 'f':
    case 't':
      st.into = undefined;
      return;
    case 'is':
      st.inInline = false;
      return;
    case 'rPh':
      st.phonetic--;
      return;
    case 'c':
      if (st.cell) finishCell(st, st.cell);
      st.cell = undefined;
      st.into = undefined;
      return;
  }
}

function captureText(st: SheetState, s: string): void {
  if (!st.into) return;
  st.textChars += s.length;
  if (st.textChars > st.limits.maxText) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'text', part: st.sheet.part, limit: st.limits.maxText });
  st.into.push(s);
}

/** A cell's content once its element closes: kept when it has a formula or a value that is not empty. */
function finishCell(st: SheetState, c: CellXml): void {
  const formula = cellFormula(c, st.masters);
  const value = valueContent(c, st.ctx, a1(c.row, c.col));
  if (formula !== undefined) {
    putCell(st, c.row, c.col, value ? { ...value, formula } : { raw: '', formula });
    return;
  }
  if (!value || value.raw === '') return;
  putCell(st, c.row, c.col, value);
}

/** The cell's formula: its own, or a shared one slid from its master; an empty <f/> outside a shared formula is none. */
function cellFormula(c: CellXml, masters: SheetState['masters']): string | undefined {
  if (!c.hasFormula) return undefined;
  let formula: string | undefined = c.formula.join('');
  if (c.shared) {
    if (c.shared.master) masters.set(c.shared.si, { formula, row: c.row, col: c.col });
    else {
      const m = masters.get(c.shared.si);
      formula = m ? slideFormula(m.formula, m, c) : formula;
    }
  }
  if (formula === '' && !c.shared) formula = undefined;
  return formula;
}

function putCell(st: SheetState, r: number, c: number, content: Content): void {
  putSheetCell(st, st.sheet.name, st.limits, r, c, content);
}

/** The cells of the sheet being read (every workbook reader's): its rows, and the cells counted against the limits. */
export interface SheetCells {
  rows: Cell[][];
  count: number;
}

/**
 * A cell put in the sheet's rows, within the extent and cell limits (else the workbook is refused, naming the cell).
 * `sheet`: the name its reference carries (none for a web page's table, whose cells Excel shows from A1).
 */
export function putSheetCell(st: SheetCells, sheet: string | undefined, limits: WorkbookLimits, r: number, c: number, content: Content): Cell {
  const { rows } = st;
  if (r >= limits.maxRows || c >= limits.maxCols) {
    throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'range', cell: sheet !== undefined ? sheetCellRef(sheet, a1(r, c)) : a1(r, c), maxRows: limits.maxRows, maxCols: limits.maxCols });
  }
  if (++st.count > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
  while (rows.length <= r) rows.push([]);
  const cell: Cell = {
    raw: content.raw,
    ref: a1(r, c),
    row: r,
    col: c,
    ...(sheet !== undefined ? { sheet } : {}),
    ...(content.formula !== undefined ? { formula: content.formula } : {}),
    ...(content.numeric !== undefined ? { numeric: content.numeric } : {}),
  };
  rows[r]![c] = cell;
  return cell;
}

/** What a workbook reader gathered of the sheet it read. */
export interface SheetRead extends SheetCells {
  merges: readonly string[];
  hiddenRows: ReadonlySet<number>;
  hiddenCols: readonly ColumnSpan[];
}

/** The state every streaming reader of one sheet (ods.ts, xls.ts) starts from. */
export interface SheetReading extends SheetCells {
  readonly sheet: string;
  readonly limits: WorkbookLimits;
  merges: string[];
  hiddenRows: Set<number>;
  hiddenCols: ColumnSpan[];
}

/**
 * The sheet read as a grid (every workbook reader's last step): its merges applied, its hidden rows and columns
 * emptied and named, the workbook's other visible sheets named (not read: a verdict on one sheet claims no more).
 */
export function sheetGrid<S extends { name: string; hidden?: boolean }>(st: SheetRead, sheets: readonly S[], sheet: S, format: string, limits: WorkbookLimits): Grid {
  applyMerges(st.rows, st.merges, sheet.name, limits, st.count);
  const hidden = withoutHidden(st.rows, st.hiddenRows, st.hiddenCols);
  const others = sheets.filter((s) => s !== sheet && !s.hidden).map((s) => s.name);
  // Rows may have holes (empty cells); readers use cellAt, which treats a hole as no cell.
  return {
    rows: st.rows,
    sheet: sheet.name,
    source: { kind: 'workbook', format, sheet: sheet.name, ...(hidden ? { hidden } : {}), ...(others.length > 0 ? { others } : {}) },
  };
}

/**
 * Merged ranges, each O(rows it spans within the content): the top-left cell records the range (clipped to
 * the content), and a text merged over rows is repeated down its first column as far as the content goes.
 */
export function applyMerges(rows: Cell[][], merges: readonly string[], sheet: string, limits: WorkbookLimits, counted: number): void {
  const lastRow = rows.length - 1;
  let lastCol = -1;
  for (const r of rows) if (r.length - 1 > lastCol) lastCol = r.length - 1;
  let count = counted;
  for (const m of merges) {
    const [a = '', b = a] = m.split(':');
    const p = parseA1(a);
    const q = parseA1(b);
    if (!p || !q || q.row < p.row || q.col < p.col) continue;
    const master = rows[p.row]?.[p.col];
    if (!master) continue;
    const bottom = Math.min(q.row, lastRow);
    const right = Math.min(q.col, lastCol);
    const span = { rows: Math.max(1, bottom - p.row + 1), cols: Math.max(1, right - p.col + 1) };
    if (span.rows > 1 || span.cols > 1) rows[p.row]![p.col] = { ...master, merge: span };
    if (master.numeric !== undefined || master.raw.trim() === '') continue;
    for (let r = p.row + 1; r <= bottom; r++) {
      if (++count > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
      rows[r]![master.col] = { raw: master.raw, ref: master.ref, row: r, col: master.col, ...(master.sheet !== undefined ? { sheet } : {}) };
    }
  }
}

/** An OpenDocument spreadsheet's damage said as such (not as an Excel workbook's). */
function odsError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw asOdsDamage(e);
  }
}

/** Workbook bytes → the grid of one sheet. Throws PovcheckError for files it cannot or will not read. */
export async function gridFromWorkbook(bytes: Uint8Array, opts: WorkbookReadOptions = {}): Promise<Grid> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const facts = inspectZip(bytes, limits);
  if (facts.kind === 'ods') {
    const { gridFromOds, isSpreadsheet } = await import('./ods.js');
    // Another OpenDocument container (a drawing, a text without its mimetype said) stays what it was: not read.
    if (isSpreadsheet(bytes, facts.entries)) return odsError(() => gridFromOds(bytes, facts.entries, opts));
  }
  if (facts.kind !== 'workbook') throw new PovcheckError('FILE_BINARY', { kind: facts.kind });
  const parts = new Parts(bytes, facts.entries, limits);
  const info = readWorkbookInfo(parts, limits);
  const sheet = pickSheet(info.sheets, opts.sheet);
  const ctx: SheetContext = { strings: readSharedStrings(parts, info.sharedStrings, limits), formats: readNumberFormats(parts, info.styles), date1904: info.date1904 };
  return sheetGrid(readSheet(parts, sheet, ctx, limits), info.sheets, sheet, workbookFormat(facts.macroEnabled), limits);
}

/**
 * The hidden rows and columns emptied in place (the others keep their indices and references), after the merges (a
 * header's text repeated into a hidden row goes too); those that held something, or undefined when none did.
 */
export function withoutHidden(rows: Cell[][], hiddenRows: ReadonlySet<number>, hiddenCols: readonly ColumnSpan[]): HiddenContent | undefined {
  const filled = (cell: Cell | undefined) => cell !== undefined && cell.raw.trim() !== '';
  const rowsHeld: number[] = [];
  for (const r of [...hiddenRows].sort((a, b) => a - b)) {
    if (r >= rows.length) continue;
    if (rows[r]!.some(filled)) rowsHeld.push(r + 1);
    rows[r] = [];
  }
  const colsHeld = new Set<number>();
  if (hiddenCols.length > 0) {
    // Which columns are hidden, once (spans × the widest row), then each cell present asked in constant time: a
    // sheet of many rows, each with a cell far right, and a thousand hidden spans cost no more than its cells.
    let width = 0;
    for (const row of rows) width = Math.max(width, row.length);
    const hidden = new Uint8Array(width);
    for (const s of hiddenCols) hidden.fill(1, Math.max(0, s.min), Math.min(width, s.max + 1));
    for (const row of rows) {
      // The cells present only (a row with one cell far right is a sparse array: its holes are not visited).
      for (const key of Object.keys(row)) {
        const c = Number(key);
        if (!hidden[c]) continue;
        if (filled(row[c])) colsHeld.add(c);
        delete row[c];
      }
    }
  }
  if (rowsHeld.length === 0 && colsHeld.size === 0) return undefined;
  return { rows: rowsHeld, cols: [...colsHeld].sort((a, b) => a - b).map(columnLetters) };
}
