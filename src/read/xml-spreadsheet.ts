/**
 * Excel 2003's "XML Spreadsheet" (SpreadsheetML 2003: one XML file, `<Workbook xmlns="urn:schemas-microsoft-com:
 * office:spreadsheet">`, what some reporting systems write and name .xls or .xml) → the Grid of one sheet, read as the
 * other workbook readers read theirs: streamed (xml-stream.ts) twice, once for the styles' number formats and the
 * sheets (a sheet's `<Visible>SheetHidden</Visible>` follows its table), once for the sheet read; the same sheet choice,
 * cells, limits, merged ranges (`ss:MergeAcross`, `ss:MergeDown`), hidden rows and columns.
 *
 * - Numbers (`<Data ss:Type="Number">11.8</Data>`) at the decimals their style's number format shows (`0.00`, or the
 *   named `Fixed`, `Standard`, `Percent`), as `Cell.numeric`; dates (`DateTime`) as YYYY-MM-DD, or the year a `yyyy`
 *   format shows; booleans TRUE/FALSE; errors and text as written (rich text's runs joined).
 * - Formulas in Excel's R1C1 form (`=ROUND(R[-1]C/R[-4]C*100,2)`) become the A1 text a workbook's formula has
 *   (`ROUND(D5/D2*100,2)`); LibreOffice's export writes OpenFormula (`of:=SUM([.E5:.K5])`), read as ods.ts reads it.
 */
import { PovcheckError } from '../errors.js';
import { a1, columnLetters, type Grid } from '../model/grid.js';
import { a1Formula } from './ods.js';
import { DEFAULT_LIMITS, type WorkbookLimits } from './zip-guard.js';
import { streamXml, XmlError, type XmlHandlers } from './xml-stream.js';
import { isDateFormat, numberContent, pickSheet, putSheetCell, sheetGrid, xmlProblem, yearShown, type Content, type SheetReading, type WorkbookReadOptions } from './xlsx.js';

const PART = 'XML Spreadsheet';

/** Excel's named number formats, as their codes. */
const NAMED_FORMATS: Record<string, string | undefined> = {
  'General Number': undefined,
  General: undefined,
  Fixed: '0.00',
  Standard: '#,##0.00',
  Percent: '0.00%',
  Scientific: '0.00E+00',
  Currency: '#,##0.00',
  'Short Date': 'yyyy-mm-dd',
  'Medium Date': 'yyyy-mm-dd',
  'Long Date': 'yyyy-mm-dd',
  'General Date': 'yyyy-mm-dd',
};

/** An attribute by its local name, whatever its prefix (`ss:Index`, `Index`). */
function attr(a: Readonly<Record<string, string>>, local: string): string | undefined {
  if (a[`ss:${local}`] !== undefined) return a[`ss:${local}`];
  if (a[local] !== undefined) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

/** How many columns or rows a merge covers: `ss:MergeAcross="2"` is 3 (the cell and two more); else 1. */
const covered = (v: string | undefined): number => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n >= 0 ? n + 1 : 1;
};

const positive = (v: string | undefined): number | undefined => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

function parse(bytes: Uint8Array, handlers: XmlHandlers, limits: WorkbookLimits): void {
  try {
    streamXml(bytes, handlers, { maxText: limits.maxText, maxDepth: 256, maxElements: Math.max(4_000_000, limits.maxCells * 12) });
  } catch (err) {
    if (err instanceof XmlError) throw xmlProblem(PART, err);
    throw err;
  }
}

interface Sheet {
  name: string;
  hidden: boolean;
}

/** The sheets in order (hidden or not) and each style's number format, its parent's when it has none. */
function overview(bytes: Uint8Array, limits: WorkbookLimits): { sheets: Sheet[]; formats: Map<string, string | undefined> } {
  const sheets: Sheet[] = [];
  const own = new Map<string, { format?: string | undefined; parent?: string }>();
  let style: string | undefined;
  let inVisible = false;
  let visible = '';
  parse(
    bytes,
    {
      open(name, a) {
        if (name === 'Worksheet') {
          if (sheets.length >= limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
          sheets.push({ name: attr(a, 'Name') ?? `Sheet${sheets.length + 1}`, hidden: false });
        } else if (name === 'Style') {
          style = attr(a, 'ID');
          if (style !== undefined) own.set(style, { ...(attr(a, 'Parent') !== undefined ? { parent: attr(a, 'Parent')! } : {}) });
        } else if (name === 'NumberFormat' && style !== undefined) {
          const f = attr(a, 'Format');
          own.get(style)!.format = f === undefined ? undefined : f in NAMED_FORMATS ? NAMED_FORMATS[f] : f;
        } else if (name === 'Visible') {
          inVisible = true;
          visible = '';
        }
      },
      close(name) {
        if (name === 'Style') style = undefined;
        else if (name === 'Visible') {
          inVisible = false;
          const last = sheets.at(-1);
          if (last && /^Sheet(?:Very)?Hidden$/.test(visible.trim())) last.hidden = true;
        }
      },
      text(t) {
        if (inVisible) visible += t;
      },
    },
    limits,
  );
  if (sheets.length === 0) throw new PovcheckError('WORKBOOK_INVALID', { damage: 'no-worksheet' });
  const formats = new Map<string, string | undefined>();
  const resolve = (id: string, depth = 0): string | undefined => {
    const s = own.get(id);
    if (!s || depth > 20) return undefined;
    return 'format' in s ? s.format : s.parent !== undefined ? resolve(s.parent, depth + 1) : undefined;
  };
  for (const id of own.keys()) formats.set(id, resolve(id));
  return { sheets, formats };
}

interface CellDraft {
  row: number;
  col: number;
  across: number;
  down: number;
  style: string | undefined;
  formula: string | undefined;
  type: string | undefined;
  data: string;
  inData: number;
  /** Inside the cell's comment (`<Comment><ss:Data>…</ss:Data></Comment>`): its text is not the cell's. */
  inComment: number;
}

interface State extends SheetReading {
  formats: Map<string, string | undefined>;
  /** Per column, the first row a cell merged down from above leaves free (a cell without ss:Index goes past them). */
  busyUntil: Int32Array;
  row: number;
  col: number;
  nextCol: number;
  cell: CellDraft | undefined;
}

function readSheet(bytes: Uint8Array, index: number, sheet: Sheet, formats: Map<string, string | undefined>, limits: WorkbookLimits): State {
  const st: State = { sheet: sheet.name, limits, rows: [], merges: [], count: 0, hiddenRows: new Set(), hiddenCols: [], formats, busyUntil: new Int32Array(limits.maxCols), row: -1, col: 0, nextCol: 0, cell: undefined };
  let sheets = 0;
  let inTarget = false;
  parse(
    bytes,
    {
      open(name, a) {
        if (name === 'Worksheet') {
          inTarget = sheets++ === index;
          return;
        }
        if (inTarget) openElement(st, name, a);
      },
      close(name) {
        if (name === 'Worksheet') inTarget = false;
        else if (inTarget) closeElement(st, name);
      },
      text(t) {
        if (inTarget && st.cell && st.cell.inData > 0) st.cell.data += t;
      },
    },
    limits,
  );
  return st;
}

function openElement(st: State, name: string, a: Readonly<Record<string, string>>): void {
  switch (name) {
    case 'Column': {
      const at = positive(attr(a, 'Index'));
      const col = at !== undefined ? at - 1 : st.nextCol;
      const span = (positive(attr(a, 'Span')) ?? 0) + 1;
      if (attr(a, 'Hidden') === '1' && col < st.limits.maxCols && st.hiddenCols.length < st.limits.maxCols) st.hiddenCols.push({ min: col, max: col + span - 1 });
      st.nextCol = col + span;
      return;
    }
    case 'Row': {
      const at = positive(attr(a, 'Index'));
      st.row = at !== undefined ? at - 1 : st.row + 1;
      st.col = 0;
      if (attr(a, 'Hidden') === '1' && st.row < st.limits.maxRows) st.hiddenRows.add(st.row);
      return;
    }
    case 'Cell': {
      const at = positive(attr(a, 'Index'));
      let col = at !== undefined ? at - 1 : st.col;
      if (at === undefined) while (col < st.limits.maxCols && st.busyUntil[col]! > Math.max(st.row, 0)) col++;
      st.cell = { row: Math.max(st.row, 0), col, across: covered(attr(a, 'MergeAcross')), down: covered(attr(a, 'MergeDown')), style: attr(a, 'StyleID'), formula: attr(a, 'Formula'), type: undefined, data: '', inData: 0, inComment: 0 };
      return;
    }
    case 'Comment':
      if (st.cell) st.cell.inComment++;
      return;
    case 'Data':
      if (st.cell && st.cell.inComment === 0) {
        st.cell.inData++;
        st.cell.type ??= attr(a, 'Type');
      }
      return;
  }
  // Rich text's runs (<Font>, <B> inside <Data>) add their text; comments (<Comment>) are not read.
}

function closeElement(st: State, name: string): void {
  if (name === 'Comment' && st.cell) st.cell.inComment--;
  else if (name === 'Data' && st.cell && st.cell.inComment === 0) st.cell.inData--;
  else if (name === 'Cell' && st.cell) finishCell(st, st.cell);
}

function finishCell(st: State, c: CellDraft): void {
  st.cell = undefined;
  st.col = c.col + c.across;
  const content = cellContent(st, c);
  if (content) putSheetCell(st, st.sheet, st.limits, c.row, c.col, content);
  if (c.down > 1) for (let k = c.col; k < Math.min(c.col + c.across, st.limits.maxCols); k++) st.busyUntil[k] = Math.max(st.busyUntil[k]!, c.row + c.down);
  if (c.across > 1 || c.down > 1) {
    if (st.merges.length >= st.limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: st.limits.maxMerges });
    st.merges.push(`${a1(c.row, c.col)}:${a1(c.row + c.down - 1, c.col + c.across - 1)}`);
  }
}

function cellContent(st: State, c: CellDraft): Content | undefined {
  const formula = c.formula !== undefined ? a1FromExcel2003(c.formula, c.row, c.col) : undefined;
  const withFormula = (x: Content): Content => (formula !== undefined ? { ...x, formula } : x);
  const format = c.style !== undefined ? st.formats.get(c.style) : undefined;
  const text = c.data;
  switch (c.type) {
    case 'Number': {
      const n = Number(text.trim());
      return withFormula(Number.isFinite(n) && text.trim() !== '' ? numberContent(n, format, false) : { raw: text });
    }
    case 'DateTime': {
      const date = text.trim().slice(0, 10);
      return withFormula({ raw: format !== undefined && isDateFormat(format) ? (yearShown(format, date) ?? date) : date });
    }
    case 'Boolean':
      return withFormula({ raw: text.trim() === '1' || text.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE' });
    default:
      if (text === '' && formula === undefined) return undefined;
      return withFormula({ raw: text });
  }
}

/** An R1C1 reference: `R[-1]C`, `RC[2]`, `R5C3`, `R`/`C` alone for the cell's own row or column. */
const R1C1 = /(^|[^A-Za-z0-9_.'!"])((?:'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_.]*)!)?R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

/**
 * A formula of Excel 2003's XML (R1C1, `=R[-1]C+RC[-2]`) in the A1 form a workbook's formula has, for the cell at
 * (`row`, `col`); LibreOffice's OpenFormula (`of:=…`) through ods.ts. Undefined for an empty formula.
 */
export function a1FromExcel2003(formula: string, row: number, col: number): string | undefined {
  if (/^[a-z]+:=/.test(formula)) return a1Formula(formula);
  const body = formula.replace(/^=/, '').trim();
  if (body === '') return undefined;
  const parts = body.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(R1C1, (_all, before: string, sheet: string | undefined, r?: string, c?: string) => {
      const place = (v: string | undefined, own: number): { n: number; absolute: boolean } =>
        v === undefined ? { n: own, absolute: false } : v.startsWith('[') ? { n: own + Number(v.slice(1, -1)), absolute: false } : { n: Number(v) - 1, absolute: true };
      const rr = place(r, row);
      const cc = place(c, col);
      if (rr.n < 0 || cc.n < 0) return `${before}${sheet ?? ''}#REF!`;
      return `${before}${sheet ?? ''}${cc.absolute ? '$' : ''}${columnLetters(cc.n)}${rr.absolute ? '$' : ''}${rr.n + 1}`;
    });
  }
  return parts.join('"');
}

/** An XML Spreadsheet's bytes → the grid of one sheet (the first by default; `sheet` by name or position). */
export function gridFromXmlSpreadsheet(bytes: Uint8Array, opts: WorkbookReadOptions = {}): Grid {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (bytes.length > limits.maxUnpackedBytes) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'uncompressed', limitMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024) });
  const { sheets, formats } = overview(bytes, limits);
  const sheet = pickSheet(sheets, opts.sheet);
  return sheetGrid(readSheet(bytes, sheets.indexOf(sheet), sheet, formats, limits), sheets, sheet, 'xml2003', limits);
}
