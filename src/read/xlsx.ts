/**
 * bytes of an .xlsx/.xlsm workbook → Grid, with exceljs (imported only here, and this module only for
 * workbooks). Before exceljs sees the file, zip-guard.ts checks its real unpacked size and cell count.
 *
 * - Sheet: the first by default; `sheet` picks one by name (exact, then ignoring case and diacritics) or by
 *   1-based position. Every cell carries the sheet's name.
 * - Numbers stored as numbers: exact digits at the precision the cell displays (number-format.ts) in
 *   `Cell.numeric`; numbers stored as text stay text and go through the locale parser like CSV.
 * - Formulas: the cached result is the value; `Cell.formula` keeps the formula text. A formula without a
 *   cached result becomes an empty cell with its formula, which the shape stage reports (`missing`).
 * - Merged cells: a range merged over several rows repeats its text, with the merged cell's reference, down
 *   its first column, so a two-row header (`Toàn tỉnh` merged over D3:D4 beside the districts in row 4) reads
 *   as one header row. Merges across columns only (a title, `Chia ra` over the districts, a footnote) stay
 *   in their first cell, as a CSV export has them; merged numbers are never repeated (they would count twice).
 */
import type { Workbook, Worksheet, Cell as XCell, CellValue } from 'exceljs';
import { PovcheckError } from '../errors.js';
import { foldKey } from '../shape/normalize.js';
import { a1, parseA1, type Cell, type Grid } from './grid.js';
import { displayedDigits, parseNumberFormat } from './number-format.js';
import { DEFAULT_LIMITS, inspectZip, type WorkbookLimits } from './zip-guard.js';

export interface WorkbookReadOptions {
  /** Sheet name or 1-based position ("2"); the first sheet when absent. */
  sheet?: string;
  limits?: WorkbookLimits;
}

/** Worksheet parts exceljs need not build (some, like data validations over whole columns, are costly). */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'legacyDrawing', 'tableParts', 'hyperlinks'];

// exceljs's ValueType, as numbers (its enum is declared, not exported at run time under ESM).
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

function pickSheet(wb: Workbook, wanted: string | undefined): Worksheet {
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw new PovcheckError('WORKBOOK_INVALID', { detail: 'no worksheet' });
  if (wanted === undefined) return sheets[0]!;
  const exact = sheets.find((s) => s.name === wanted);
  if (exact) return exact;
  const folded = sheets.find((s) => foldKey(s.name) === foldKey(wanted) && foldKey(wanted) !== '');
  if (folded) return folded;
  if (/^[1-9][0-9]*$/.test(wanted) && Number(wanted) <= sheets.length) return sheets[Number(wanted) - 1]!;
  throw new PovcheckError('SHEET_NOT_FOUND', { sheet: wanted, available: sheets.map((s) => s.name) });
}

/** Text of a non-numeric value (strings, rich text, hyperlinks, booleans, errors, dates). */
function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('text' in v) return textOf(v.text as CellValue);
  }
  return '';
}

interface Content {
  raw: string;
  numeric?: string;
  formula?: string;
}

function numberContent(n: number, numFmt: string | undefined): Content {
  if (!Number.isFinite(n)) return { raw: String(n) };
  const { digits, percent } = displayedDigits(n, parseNumberFormat(numFmt));
  return { raw: percent ? `${digits}%` : digits, numeric: digits };
}

function contentOf(cell: XCell): Content | undefined {
  switch (cell.type as number) {
    case T.Null:
      return undefined;
    case T.Number:
      return numberContent(cell.value as number, cell.numFmt);
    case T.Formula: {
      const formula = cell.formula ?? '';
      const result = cell.result as CellValue | undefined;
      if (result === undefined || result === null || (typeof result === 'string' && result === '')) return { raw: '', formula };
      if (typeof result === 'number') return { ...numberContent(result, cell.numFmt), formula };
      return { raw: textOf(result), formula };
    }
    default:
      return { raw: textOf(cell.value) };
  }
}

/** The merged ranges of a sheet as { master, top, left, bottom, right } (1-based, as exceljs). */
function mergedRanges(ws: Worksheet): Array<{ top: number; left: number; bottom: number; right: number }> {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  const out = [];
  for (const m of merges) {
    const [a = '', b = a] = m.split(':');
    const p = parseA1(a);
    const q = parseA1(b);
    if (!p || !q) continue;
    out.push({ top: p.row + 1, left: p.col + 1, bottom: q.row + 1, right: q.col + 1 });
  }
  return out;
}

export function workbookFormat(macroEnabled: boolean): 'xlsx' | 'xlsm' {
  return macroEnabled ? 'xlsm' : 'xlsx';
}

/** Workbook bytes → the grid of one sheet. Throws PovcheckError for files it cannot or will not read. */
export async function gridFromWorkbook(bytes: Uint8Array, opts: WorkbookReadOptions = {}): Promise<Grid> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const facts = inspectZip(bytes, limits);
  if (facts.kind !== 'workbook') throw new PovcheckError('FILE_BINARY', { kind: facts.kind });

  // exceljs is CommonJS: Node exposes it as the default export only (its types declare named exports).
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e);
    throw new PovcheckError('WORKBOOK_INVALID', { detail });
  }
  const ws = pickSheet(wb, opts.sheet);
  const sheet = ws.name;

  const rows: Cell[][] = [];
  let count = 0;
  const put = (r: number, c: number, cell: Cell) => {
    if (r >= limits.maxRows || c >= limits.maxCols) {
      throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'range', cell: `${sheet}!${a1(r, c)}`, maxRows: limits.maxRows, maxCols: limits.maxCols });
    }
    // Merged ranges are filled in too, so they count against the same limit as stored cells.
    if (++count > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = cell;
  };

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (xc, colNumber) => {
      if ((xc.type as number) === T.Merge) return; // filled from its master below
      const content = contentOf(xc);
      if (!content || (content.raw === '' && content.formula === undefined)) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      put(r, c, {
        raw: content.raw,
        ref: a1(r, c),
        row: r,
        col: c,
        sheet,
        ...(content.formula !== undefined ? { formula: content.formula } : {}),
        ...(content.numeric !== undefined ? { numeric: content.numeric } : {}),
      });
    });
  });

  for (const m of mergedRanges(ws)) {
    const master = rows[m.top - 1]?.[m.left - 1];
    if (!master || master.numeric !== undefined || master.raw.trim() === '') continue;
    for (let r = m.top; r < m.bottom; r++) put(r, master.col, { raw: master.raw, ref: master.ref, row: r, col: master.col, sheet });
  }

  // Rows may have holes (empty cells); readers use cellAt, which treats a hole as no cell.
  return { rows, sheet, source: { kind: 'workbook', format: workbookFormat(facts.macroEnabled), sheet } };
}
