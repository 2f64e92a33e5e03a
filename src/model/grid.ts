/**
 * The grid: what every reader (CSV, XLSX, plan documents) produces and everything after works on.
 * A cell keeps where it came from, so every finding can point at the spot an analyst would click.
 * Building a grid belongs to reading (src/read/); its types and the pure helpers over cells live here.
 */
import { sheetCellRef } from './sheet-ref.js';

export interface Cell {
  /** The text as found in the file (not trimmed). */
  readonly raw: string;
  /**
   * A1 reference in the source sheet, e.g. "I6". A workbook cell inside a merged range whose text is the
   * range's (see read/xlsx.ts) carries the merged cell's reference, the one people click on.
   */
  readonly ref: string;
  /** 0-based row and column in the grid (row 0 is spreadsheet row 1). */
  readonly row: number;
  readonly col: number;
  /** Sheet name, for workbook inputs. */
  readonly sheet?: string;
  /** Formula text for spreadsheet inputs whose cell is computed (without the leading "="). */
  readonly formula?: string;
  /**
   * Workbook cells that hold a number (typed, or a formula's cached result): its exact plain digits at the
   * precision the cell displays ("9.74", "210299"). Such a value needs no locale: the shape stage takes it
   * as it is and leaves it out of the decision between Vietnamese and English number formats.
   */
  readonly numeric?: string;
  /**
   * Workbooks: the top-left cell of a merged range records the range's size, clipped to the sheet's content
   * (a title merged over A1:K1 has `{ rows: 1, cols: 11 }`), so later stages can tell a header spans columns.
   */
  readonly merge?: { readonly rows: number; readonly cols: number };
  /**
   * Cells of a table in a plan document (read/docx.ts, read/text-document.ts): the table's number, 1-based.
   * Their `ref` is "T1R3C4" (table 1, row 3, column 4), the way a person counts them in Word.
   */
  readonly table?: number;
  /** 1-based line of the cell in a plain-text document (each cell of its tables is on a line of its own). */
  readonly line?: number;
}

/** How a grid was read, for reports ("UTF-8 with BOM, ';'-delimited"); worded by the message catalogues. */
export type SourceInfo =
  /** `sheetNotApplied`: the `--sheet` of the run, which a text file (one table) does not have. */
  | { kind: 'delimited'; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni'; delimiter: ',' | ';' | '\t'; sheetNotApplied?: string }
  /**
   * `passedOver`: the sheets before `sheet` that hold no table (a cover page), read past when no sheet was named.
   * `hidden`: the sheet's hidden rows (their numbers, 1-based) and columns (letters) that hold something: not read,
   * as a printed page does not show them (a helper computation, a check column). `others`: the workbook's other
   * visible sheets, not read (`--sheet` reads one).
   */
  | { kind: 'workbook'; format: string; sheet: string; passedOver?: readonly string[]; hidden?: HiddenContent; others?: readonly string[]; legacyFont?: 'tcvn3' | 'vni'; mhtml?: true }
  /**
   * A plan document (Word .docx, or Word's plain-text export): its tables are checked, and its text. `hiddenText`:
   * the paragraphs (a table cell's included) holding hidden text, not read, as Word neither shows nor prints it;
   * `textBoxText`: the paragraphs of text boxes (outside a table in the box), not read; `notes`: the footnotes and
   * endnotes, not read.
   */
  | { kind: 'document'; format: 'docx' | 'doc' | 'html' | 'text'; encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni'; paragraphs: number; tables: number; hiddenText?: number; textBoxText?: number; notes?: number; legacyFont?: 'tcvn3' | 'vni'; mhtml?: true };

/** Rows (1-based numbers) and columns (letters) of a sheet hidden in the workbook, with something in them. */
export interface HiddenContent {
  readonly rows: readonly number[];
  readonly cols: readonly string[];
}

export interface Grid {
  /** rows[r][c]; rows may have different lengths. */
  readonly rows: Cell[][];
  readonly sheet?: string;
  readonly source: SourceInfo;
}

/** A worksheet's extent: rows 1 to 1,048,576 and columns A to XFD, as Excel and LibreOffice have them. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** 0-based column index → spreadsheet letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The first columns' letters, computed once: a table's cells all ask for them. */
const LETTERS = Array.from({ length: 64 }, (_, c) => columnLetters(c));

export function a1(row: number, col: number): string {
  return (LETTERS[col] ?? columnLetters(col)) + (row + 1);
}

/** "I6" → { row: 5, col: 8 }; undefined for anything that is not an A1 reference. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,4})([1-9][0-9]*)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Where a cell's text is in its file, 0-based: its A1 reference (a cell moved in the grid when a name split by the
 * delimiter is joined back, shape/split-header.ts, keeps it; so does a workbook cell carrying its merged range's),
 * else its row and column (a plan document's table cell, `T1R3C4`).
 */
export function filePlace(cell: Pick<Cell, 'ref' | 'row' | 'col'>): { row: number; col: number } {
  return parseA1(cell.ref) ?? { row: cell.row, col: cell.col };
}

/** "I6" → { row: 5, col: 8 } when the reference lies within a worksheet (A1 to XFD1048576); else undefined. */
export function parseSheetA1(ref: string): { row: number; col: number } | undefined {
  const at = parseA1(ref);
  return at && at.row < SHEET_ROWS && at.col < SHEET_COLS ? at : undefined;
}

/** Whitespace as Excel users type it, including no-break and narrow spaces. */
const EDGE_SPACE = /^[\s\u00a0\u2007\u202f\ufeff]+|[\s\u00a0\u2007\u202f\ufeff]+$/g;

export function cellText(cell: Cell | undefined): string {
  return cell ? trimmedText(cell.raw) : '';
}

/**
 * A cell's text without the spaces around it, in NFC, and with Đ for Ð: the Icelandic eth (U+00D0, U+00F0), which
 * looks the same and which converted or mistyped Vietnamese text often has in its place (`Ðầu năm`, `Ðồng Tháp`),
 * read as the Vietnamese letter (U+0110, U+0111) it stands for. Text that neither starts nor ends with a space, of
 * printable ASCII, Latin-1's letters and signs but the eth, Latin Extended-A/B, IPA and spacing modifiers
 * (U+00A0–U+02FF) and Vietnamese's precomposed letters (U+1E00–U+1EFF), is already that: none of those characters
 * decomposes or combines (test/model/grid.test.ts holds every pair of them), so most cells, Vietnamese labels and
 * names included, are returned as they are.
 */
export function trimmedText(raw: string): string {
  if (alreadyTrimmedNfc(raw)) return raw;
  return withVietnameseD(raw.replace(EDGE_SPACE, '').normalize('NFC'));
}

/** Ð and ð (the eth, which mistyped or converted Vietnamese has for Đ) as Đ and đ: a cell's text, a plan's paragraph, a name's spelling. */
export const withVietnameseD = (text: string): string => (text.includes('\u00d0') || text.includes('\u00f0') ? text.replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111') : text);

function alreadyTrimmedNfc(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(n - 1);
  if (first === 0x20 || first === 0xa0 || last === 0x20 || last === 0xa0) return false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x7f ? c < 0x20 : c < 0xa0 || c === 0xd0 || c === 0xf0 || (c >= 0x300 && (c < 0x1e00 || c > 0x1eff))) return false;
  }
  return true;
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row]?.[col];
}

export function gridWidth(grid: Grid): number {
  // By index: asked several times a file, in code V8 leaves unoptimised, where `for … of` makes a result per row.
  const rows = grid.rows;
  let w = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.length > w) w = rows[i]!.length;
  return w;
}

/**
 * A reference as shown to people and written for machines: "I6", or for workbooks with its sheet as a spreadsheet
 * takes it back, "Sheet1!I6", "'Chỉ tiêu 2017'!D11" (model/sheet-ref.ts).
 */
export function displayRef(cell: Pick<Cell, 'ref' | 'sheet'>): string {
  return cell.sheet ? sheetCellRef(cell.sheet, cell.ref) : cell.ref;
}

/** The error values a spreadsheet cell shows where its formula could not be computed (Excel's; `other`: `#SPILL!`, LibreOffice's `Err:502`). */
export type SpreadsheetError = '#DIV/0!' | '#REF!' | '#VALUE!' | '#N/A' | '#NAME?' | '#NUM!' | '#NULL!' | 'other';
