/**
 * bytes of an OpenDocument spreadsheet (.ods, LibreOffice Calc's own format, or its one-file .fods) → Grid, read as
 * xlsx.ts reads a workbook: the container through zip-guard.ts, then content.xml (a .fods: the file) streamed
 * (xml-stream.ts) twice, once for the sheets' names and once for the one sheet read; the same grid, cells, limits
 * and source line.
 *
 * - Sheet: the first by default; `sheet` by name or 1-based position (xlsx.ts `pickSheet`). A sheet whose table style
 *   says `table:display="false"` is hidden: not among the others named.
 * - Repeated rows and cells (`table:number-rows-repeated`, `…-columns-repeated`: LibreOffice writes a million empty
 *   rows as one element) cost nothing while empty; repeated content is put in every cell it covers, each counted
 *   against the workbook limits, so a repeat cannot inflate past them.
 * - Numbers (`office:value-type` float, currency, percentage): exact digits at the precision the cell displays, the
 *   number of decimals read off the displayed text (`11,80` over 11.8: two), as `Cell.numeric` (number-format.ts);
 *   a percentage as its percent (`11,80%` is 11.80). Dates as YYYY-MM-DD (a year alone when that is what shows),
 *   booleans TRUE/FALSE, the rest as the text shown.
 * - Text: the cell's paragraphs joined by line breaks, `text:s` spaces, tabs; its comments (`office:annotation`) left out.
 * - Formulas (`of:=ROUND([.D4]/[.D1]*100;2)`) kept in the A1 form xlsx.ts gives them (`ROUND(D4/D1*100,2)`, another
 *   sheet's cell `'Na Hang'!E3`), so that localisation treats computed cells as it does in a workbook.
 * - Merged cells (`table:number-columns-spanned`/`rows-spanned`) and hidden rows and columns (`table:visibility`
 *   collapse or filter) as in xlsx.ts (`applyMerges`, `withoutHidden`).
 */
import { asOdsDamage, PovcheckError } from '../errors.js';
import { Dec } from '../calc/decimal.js';
import { a1, type Cell, type Grid } from '../model/grid.js';
import { displayedDigits, type DisplayFormat } from './number-format.js';
import { DEFAULT_LIMITS, guardZip, readPart, type WorkbookLimits, type ZipEntry } from './zip-guard.js';
import { streamXml, XmlError, type XmlHandlers } from './xml-stream.js';
import { pickSheet, putSheetCell, sheetGrid, xmlProblem, type Content, type SheetReading, type WorkbookReadOptions } from './xlsx.js';

const CONTENT = 'content.xml';
/** A flat file's XML, as a refusal names it. */
const FLAT = '.fods';
/** Spaces one `text:s` adds at most (a cell's text is bounded by the XML limits anyway). */
const MAX_SPACES = 1_000;

interface SheetName {
  name: string;
  hidden: boolean;
}

/** Whether an OpenDocument container (zip-guard.ts `ods`) says it is a spreadsheet: its `mimetype` part. */
export function isSpreadsheet(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  const e = entries.find((x) => x.name === 'mimetype');
  if (!e || e.declaredSize > 256) return false;
  return new TextDecoder().decode(readPart(bytes, e)).trim() === 'application/vnd.oasis.opendocument.spreadsheet';
}

/** .ods bytes (a container zip-guard.ts named `ods`) → the grid of one sheet. */
export function gridFromOds(bytes: Uint8Array, entries: ZipEntry[], opts: WorkbookReadOptions = {}): Grid {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  guardZip(bytes, limits, undefined, entries);
  const entry = entries.find((e) => e.name === CONTENT);
  if (!entry) throw new PovcheckError('WORKBOOK_INVALID', { damage: 'no-worksheet', of: 'ods' });
  return gridFromContent(readPart(bytes, entry), CONTENT, 'ods', opts, limits);
}

/**
 * A flat OpenDocument spreadsheet (.fods: LibreOffice's "Flat XML ODF Spreadsheet", one XML file, kept in version
 * control for its diffs): the same document as an .ods's content.xml, read the same way, within the unpacked size a
 * workbook may have.
 */
export function gridFromFods(bytes: Uint8Array, opts: WorkbookReadOptions = {}): Grid {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (bytes.length > limits.maxUnpackedBytes) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'uncompressed', limitMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024) });
  try {
    return gridFromContent(bytes, FLAT, 'fods', opts, limits);
  } catch (e) {
    throw asOdsDamage(e);
  }
}

/** The document's XML (content.xml, or a .fods whole) → the grid of one sheet. `part` names it in a refusal. */
function gridFromContent(content: Uint8Array, part: string, format: 'ods' | 'fods', opts: WorkbookReadOptions, limits: WorkbookLimits): Grid {
  const sheets = sheetNames(content, part, limits);
  const sheet = pickSheet(sheets, opts.sheet);
  return sheetGrid(readSheet(content, part, sheets.indexOf(sheet), sheet.name, limits), sheets, sheet, format, limits);
}

function parse(content: Uint8Array, part: string, handlers: XmlHandlers, limits: WorkbookLimits): void {
  try {
    streamXml(content, handlers, { maxText: limits.maxText, maxDepth: 256, maxElements: Math.max(4_000_000, limits.maxCells * 12) });
  } catch (err) {
    if (err instanceof XmlError) throw xmlProblem(part, err);
    throw err;
  }
}

/** The sheets in order, each hidden when its table style says `table:display="false"`. */
function sheetNames(content: Uint8Array, part: string, limits: WorkbookLimits): SheetName[] {
  const tables: Array<{ name: string; style?: string }> = [];
  const hiddenStyles = new Set<string>();
  let style: string | undefined;
  let depth = 0;
  parse(
    content,
    part,
    {
      open(name, a) {
        if (name === 'style') style = a['style:family'] === 'table' ? a['style:name'] : undefined;
        else if (name === 'table-properties' && style !== undefined && a['table:display'] === 'false') hiddenStyles.add(style);
        else if (name === 'table' && depth++ === 0) {
          tables.push({ name: a['table:name'] ?? `Sheet${tables.length + 1}`, ...(a['table:style-name'] ? { style: a['table:style-name'] } : {}) });
          if (tables.length > limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
        }
      },
      close(name) {
        if (name === 'table') depth--;
        else if (name === 'style') style = undefined;
      },
    },
    limits,
  );
  if (tables.length === 0) throw new PovcheckError('WORKBOOK_INVALID', { damage: 'no-worksheet' });
  return tables.map((t) => ({ name: t.name, hidden: t.style !== undefined && hiddenStyles.has(t.style) }));
}

interface CellState {
  attrs: Readonly<Record<string, string>>;
  text: string;
  paragraphs: number;
  inParagraph: number;
}

interface SheetState extends SheetReading {
  /** The next row's index, and the current row's first index, repeat, visibility and the cells it filled. */
  nextRow: number;
  row: { at: number; repeat: number; hidden: boolean; filled: Array<{ col: number; cell: Cell }> } | undefined;
  col: number;
  nextCol: number;
  cell: CellState | undefined;
  annotation: number;
}

function readSheet(content: Uint8Array, part: string, index: number, sheet: string, limits: WorkbookLimits): SheetState {
  const st: SheetState = { sheet, limits, rows: [], merges: [], count: 0, hiddenRows: new Set(), hiddenCols: [], nextRow: 0, row: undefined, col: 0, nextCol: 0, cell: undefined, annotation: 0 };
  let tables = 0;
  let depth = 0;
  let inTarget = false;
  parse(
    content,
    part,
    {
      open(name, a) {
        if (name === 'table') {
          if (depth++ === 0) inTarget = tables++ === index;
          return;
        }
        if (!inTarget || depth !== 1) return;
        openElement(st, name, a);
      },
      close(name) {
        if (name === 'table') {
          depth--;
          if (depth === 0) inTarget = false;
          return;
        }
        if (!inTarget || depth !== 1) return;
        closeElement(st, name);
      },
      text(s) {
        const c = st.cell;
        if (inTarget && c && c.inParagraph > 0 && st.annotation === 0) c.text += s;
      },
    },
    limits,
  );
  return st;
}

const repeat = (v: string | undefined): number => {
  const n = v === undefined ? 1 : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
};
const hiddenAttr = (a: Readonly<Record<string, string>>) => a['table:visibility'] === 'collapse' || a['table:visibility'] === 'filter';

function openElement(st: SheetState, name: string, a: Readonly<Record<string, string>>): void {
  if (name === 'annotation') {
    st.annotation++;
    return;
  }
  if (st.annotation > 0) return;
  const c = st.cell;
  switch (name) {
    case 'table-column': {
      const n = repeat(a['table:number-columns-repeated']);
      // Past the sheet's extent a column holds no cell; at most as many spans as columns (as xlsx.ts keeps).
      if (hiddenAttr(a) && st.nextCol < st.limits.maxCols && st.hiddenCols.length < st.limits.maxCols) st.hiddenCols.push({ min: st.nextCol, max: st.nextCol + n - 1 });
      st.nextCol += n;
      return;
    }
    case 'table-row':
      st.row = { at: st.nextRow, repeat: repeat(a['table:number-rows-repeated']), hidden: hiddenAttr(a), filled: [] };
      st.col = 0;
      return;
    case 'table-cell':
    case 'covered-table-cell':
      st.cell = { attrs: a, text: '', paragraphs: 0, inParagraph: 0 };
      return;
    case 'p':
    case 'h':
      if (!c) return;
      if (c.paragraphs++ > 0) c.text += '\n';
      c.inParagraph++;
      return;
    case 's':
      if (c && c.inParagraph > 0) c.text += ' '.repeat(Math.min(repeat(a['text:c']), MAX_SPACES));
      return;
    case 'tab':
      if (c && c.inParagraph > 0) c.text += '\t';
      return;
    case 'line-break':
      if (c && c.inParagraph > 0) c.text += '\n';
      return;
  }
}

function closeElement(st: SheetState, name: string): void {
  if (name === 'annotation') {
    st.annotation--;
    return;
  }
  if (st.annotation > 0) return;
  switch (name) {
    case 'p':
    case 'h':
      if (st.cell) st.cell.inParagraph--;
      return;
    case 'table-cell':
    case 'covered-table-cell':
      finishCell(st, name === 'covered-table-cell');
      return;
    case 'table-row':
      finishRow(st);
      return;
  }
}

/** A cell's content put at every column it repeats over (a covered cell is part of a merge: its content is not read). */
function finishCell(st: SheetState, covered: boolean): void {
  const c = st.cell!;
  st.cell = undefined;
  const n = repeat(c.attrs['table:number-columns-repeated']);
  const content = covered ? undefined : cellContent(c);
  const row = st.row;
  if (content && row) {
    for (let k = 0; k < n; k++) {
      const cell = putCell(st, row.at, st.col + k, content);
      row.filled.push({ col: st.col + k, cell });
    }
    const rs = repeat(c.attrs['table:number-rows-spanned']);
    const cs = repeat(c.attrs['table:number-columns-spanned']);
    if (rs > 1 || cs > 1) {
      if (st.merges.length >= st.limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: st.limits.maxMerges });
      st.merges.push(`${a1(row.at, st.col)}:${a1(row.at + rs - 1, st.col + cs - 1)}`);
    }
  }
  st.col += n;
}

/** A row repeated with content: its cells put in every row it repeats over; hidden, those rows are noted. */
function finishRow(st: SheetState): void {
  const row = st.row;
  if (!row) return;
  st.row = undefined;
  st.nextRow = row.at + row.repeat;
  if (row.filled.length === 0) return;
  for (let r = row.at; r < row.at + row.repeat; r++) {
    if (r > row.at) for (const { col, cell } of row.filled) putCell(st, r, col, cell);
    if (row.hidden) st.hiddenRows.add(r);
  }
}

function putCell(st: SheetState, r: number, c: number, content: Content): Cell {
  return putSheetCell(st, st.sheet, st.limits, r, c, content);
}

/** What a cell shows, by its value type; undefined for an empty cell without a formula. */
function cellContent(c: CellState): Content | undefined {
  const a = c.attrs;
  const formula = a['table:formula'] !== undefined ? a1Formula(a['table:formula']) : undefined;
  const withFormula = (x: Content): Content => (formula !== undefined ? { ...x, formula } : x);
  const type = a['office:value-type'];
  const value = a['office:value'];
  if ((type === 'float' || type === 'currency' || type === 'percentage') && value !== undefined) {
    const n = Number(value);
    if (!Number.isFinite(n)) return withFormula({ raw: c.text || value });
    const percent = type === 'percentage';
    const { digits } = displayedDigits(n, formatShown(n, c.text, percent));
    return withFormula({ raw: percent ? `${digits}%` : digits, numeric: digits });
  }
  if (type === 'date' && a['office:date-value']) {
    const date = a['office:date-value'].slice(0, 10);
    return withFormula({ raw: /^\d{4}$/.test(c.text.trim()) && date.startsWith(c.text.trim()) ? c.text.trim() : date });
  }
  if (type === 'boolean') return withFormula({ raw: a['office:boolean-value'] === 'true' ? 'TRUE' : 'FALSE' });
  if (c.text === '' && formula === undefined) return undefined;
  return withFormula({ raw: c.text });
}

/**
 * The display format a number's shown text says: the decimals whose rounding of `value` gives the digits shown
 * (`11,80` over 11.8: two; `210.299` over 210299: none); General when none does (scientific, a fraction, text).
 */
function formatShown(value: number, shown: string, percent: boolean): DisplayFormat {
  const digits = shown.replace(/[^0-9]/g, '').replace(/^0+(?=\d)/, '');
  if (digits === '' || digits.length > 40) return { kind: 'general' };
  let v = new Dec(String(Math.abs(value)));
  if (percent) v = v.times(100);
  for (let d = 0; d <= 10; d++) {
    if (v.toFixed(d, Dec.ROUND_HALF_UP).replace('.', '').replace(/^0+(?=\d)/, '') === digits) return { kind: 'fixed', decimals: d, percent };
  }
  return { kind: 'general' };
}

/** A cell reference in OpenFormula (`[.D4]`, `[.D2:.K2]`, `[$'Na Hang'.$E$3]`): sheet, column, row, and the range's end. */
const OF_REF = /\[\$?('(?:[^']|'')*'|[^.[\]:'$]*)?\.\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?(?:'(?:[^']|'')*'|[^.[\]:'$]*)?\.\$?([A-Za-z]{1,3})\$?(\d+))?\]/g;

/**
 * An OpenFormula (`of:=ROUND([.D4]/[.D1]*100;2)`) in the A1 form a workbook's formula has, without its `=`
 * (`ROUND(D4/D1*100,2)`; another sheet's cell `'Na Hang'!E3`); the separators `;` outside strings become `,`.
 */
export function a1Formula(f: string): string | undefined {
  const m = /^(?:[a-z]+:)?=([\s\S]*)$/.exec(f);
  if (!m) return undefined;
  const parts = m[1]!.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(OF_REF, (_all, sheet: string | undefined, c1: string, r1: string, c2?: string, r2?: string) => {
      const name = sheet ? (sheet.startsWith("'") ? sheet : `'${sheet}'`) + '!' : '';
      return `${name}${c1.toUpperCase()}${r1}${c2 ? `:${c2.toUpperCase()}${r2}` : ''}`;
    }).replace(/;/g, ',');
  }
  const out = parts.join('"').trim();
  return out === '' ? undefined : out;
}
