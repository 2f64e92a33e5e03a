/**
 * What both Word readers (docx.ts for .docx, word97.ts for Word 97–2003's .doc) build, made into a PlanDocument
 * the same way: the body's paragraphs outlined (document-outline.ts), each table's rows placed on its grid (a cell
 * spanning columns keeps its text in its first column, a cell merged down repeats the text of the cell it continues
 * unless that text is a number), and a table directly after another of as many columns marked as perhaps its
 * continuation. Pure.
 */
import { PovcheckError } from '../errors.js';
import { documentCellRef, type DocTable, type DocumentFormat, type PlanDocument } from '../model/document.js';
import type { Cell, SourceInfo } from '../model/grid.js';
import { outline, withoutInvisible, type RawParagraph } from './document-outline.js';
import type { DocumentLimits } from './document-limits.js';
import type { EncodingChoice } from './encoding-choices.js';
import { legacyFontReading } from './legacy-fonts.js';

const SUPERSCRIPT: Readonly<Record<string, string>> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '(': '⁽', ')': '⁾', '+': '⁺', '-': '⁻' };

/** A superscript run's digits, brackets and signs as the superscript characters Word shows; other characters as they are. */
export function superscript(s: string): string {
  return s.replace(/[\d()+-]/g, (c) => SUPERSCRIPT[c]!);
}

/** A paragraph's text after the number Word shows before it (a list's), or the number alone for an empty one. */
export const withLabel = (label: string | undefined, text: string) => (label === undefined ? text : text.trim() === '' ? label : `${label} ${text}`);

/** A paragraph style's heading level by its name: "heading 1"…"heading 9" (and Word's translations), "Title" 0. */
export function styleLevel(name: string): number | undefined {
  const m = /^(?:heading|berschrift|titre|tieude|tiêuđề)\s*(\d)$/iu.exec(name.replace(/\s+/g, ''));
  if (m) return Number(m[1]);
  return /^title$/i.test(name) ? 0 : undefined;
}

export interface TableCellDraft {
  text: string[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

export interface TableDraft {
  /** `deleted`: a row deleted with Track Changes on (`w:trPr/w:del`): gone once the changes are accepted. */
  rows: Array<{ before: number; cells: TableCellDraft[]; deleted?: boolean }>;
  /** Its place in the document among all tables, nested ones included (the number Word counts it by). */
  order: number;
  /** In the body: not in another table's cell, not in a text box. */
  inBody: boolean;
  /** The open cell. */
  cell?: TableCellDraft;
}



/** A table read, with the number of body paragraphs before its end (its place in the running text). */
export interface PlacedTable {
  readonly draft: TableDraft;
  readonly after: number;
}

/** The paragraphs outlined, each table a Grid numbered in order, with the number of the section it follows. */
export function planDocument(format: Exclude<DocumentFormat, 'text'>, typed: readonly RawParagraph[], typedTables: readonly PlacedTable[], limits: DocumentLimits, encoding?: EncodingChoice): PlanDocument {
  const { raw, tables, font } = inUnicode(typed, typedTables, encoding);
  const paragraphs = outline(raw);
  const numberAt = numberOfRaw(raw);
  const source: SourceInfo = { kind: 'document', format, paragraphs: paragraphs.length, tables: tables.length, ...(font ? { legacyFont: font } : {}) };
  const grids = tables.map(({ draft }, k) => gridRows(draft, k + 1, limits));
  const follows = directlyAfter(raw, tables, grids);
  const out: DocTable[] = tables.map(({ after }, k) => {
    const before = numberAt(after);
    return { number: k + 1, grid: { rows: grids[k]!, source }, ...(before ? { after: before } : {}), ...(follows[k] ? { follows: follows[k] } : {}) };
  });
  return { format, paragraphs, tables: out, ...(font ? { legacyFont: font } : {}) };
}

/**
 * The paragraphs and cells as Unicode: a plan typed in a legacy font (.VnTime, VNI-Times: `Tæng sè hé nghÌo`, as
 * plans of the 2000s and early 2010s often are) read through the font's table under `--encoding tcvn3|vni`, or refused
 * naming the font (read/legacy-fonts.ts, as a workbook's text is).
 */
function inUnicode(raw: readonly RawParagraph[], tables: readonly PlacedTable[], encoding: EncodingChoice | undefined): { raw: readonly RawParagraph[]; tables: readonly PlacedTable[]; font?: 'tcvn3' | 'vni' } {
  const texts = [...raw.map((p) => p.text), ...tables.flatMap(({ draft }) => draft.rows.flatMap((r) => r.cells.flatMap((c) => c.text)))];
  const marked = texts.some((t) => t.includes(CAPS_START));
  const reading = legacyFontReading(marked ? texts.map(unmarked) : texts, encoding, 'document');
  if (!reading && !marked) return { raw, tables };
  const read = reading ? inCapitals(reading.read) : unmarked;
  return {
    raw: raw.map((p) => ({ ...p, text: read(p.text) })),
    tables: tables.map((t) => ({ ...t, draft: { ...t.draft, rows: t.draft.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: c.text.map(read) })) })) } })),
    ...(reading ? { font: reading.font } : {}),
  };
}

/**
 * Text typed in a capitals font of TCVN3 (.VnTimeH, .VnArialH …: the font draws the small letters' codes as capitals,
 * so a heading typed in it is stored in small letters) is marked by the readers between these two private-use
 * characters; read as Unicode, it is put in capitals, as the font shows it (`I. MỤC TIÊU`, not `i. mục tiêu`, which
 * no heading pattern knows). The marks never leave this module.
 */
export const CAPS_START = '\ue000';
export const CAPS_END = '\ue001';
const CAPS_MARKS = /[\ue000\ue001]/gu;
const unmarked = (text: string) => (text.includes(CAPS_START) ? text.replace(CAPS_MARKS, '') : text);

/** A reader that reads each stretch through `read`, and a marked stretch in capitals. */
function inCapitals(read: (text: string) => string): (text: string) => string {
  return (text) => {
    if (!text.includes(CAPS_START)) return read(text);
    let out = '';
    let caps = false;
    for (const part of text.split(/([\ue000\ue001])/u)) {
      if (part === CAPS_START) caps = true;
      else if (part === CAPS_END) caps = false;
      else if (part !== '') out += caps ? read(part).toLocaleUpperCase('vi') : read(part);
    }
    return out;
  };
}

/** The Symbol font's characters (its codes, or those codes at U+F000 on) that a plan may hold, as Unicode. */
const SYMBOL: Readonly<Record<number, string>> = {
  0x22: '∀', 0x24: '∃', 0x2d: '−', 0x2e: '.', 0xa3: '≤', 0xa5: '∞', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°',
  0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xba: '≡', 0xbb: '≈', 0xbc: '…', 0xd6: '√',
  0xd7: '⋅', 0xe5: '∑', 0xa2: '′',
};
const GREEK_UPPER = 'ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ';
const GREEK_LOWER = 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ';

/**
 * A symbol Word inserts with Insert › Symbol (.doc: a special character with sprmCSymbol; .docx: `w:sym`), its font
 * and code → the character it shows: the Symbol font's Greek letters and signs (`≥`, `±`, `μ`), a bullet of a
 * Wingdings font as `•`, another font's code as that character; '' for a code that has no plain character.
 */
export function symbolText(font: string, code: number): string {
  const c = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (/^symbol$/iu.test(font.trim())) {
    if (c >= 0x41 && c <= 0x5a) return GREEK_UPPER[c - 0x41]!;
    if (c >= 0x61 && c <= 0x7a) return GREEK_LOWER[c - 0x61]!;
    if (c >= 0x20 && c < 0x7f && !'"$-.'.includes(String.fromCharCode(c))) return String.fromCharCode(c);
    return SYMBOL[c] ?? '';
  }
  if (/^wingdings/iu.test(font.trim())) return '•';
  return code >= 0x20 && code < 0xf000 ? String.fromCharCode(code) : c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '';
}

/** A font of TCVN3 that draws capitals (.VnTimeH, .VnArialH, .VnCentury SchoolbookH …). */
export const isCapitalsFont = (name: string): boolean => /^\.Vn.*H$/iu.test(name.trim());

/**
 * For each table of the body, the number of the body's table just before it when nothing but empty paragraphs (a
 * page break) stands between them and both have as many columns: a table split in two, perhaps.
 */
function directlyAfter(raw: readonly RawParagraph[], tables: readonly PlacedTable[], grids: ReadonlyArray<Cell[][]>): Array<number | undefined> {
  let last: number | undefined;
  return tables.map(({ draft, after }, k) => {
    if (!draft.inBody) return undefined;
    const before = last;
    last = k;
    if (before === undefined || width(grids[before]!) !== width(grids[k]!)) return undefined;
    const between = raw.slice(tables[before]!.after, after);
    return between.every((p) => p.text.trim() === '') ? before + 1 : undefined;
  });
}

const width = (rows: ReadonlyArray<readonly Cell[]>) => rows.reduce((w, r) => Math.max(w, r.length), 0);

/** The number of the last non-empty paragraph among the first `count` raw paragraphs (outline's numbering). */
function numberOfRaw(raw: readonly RawParagraph[]): (count: number) => number | undefined {
  const numbers: number[] = [];
  let n = 0;
  for (const r of raw) {
    if (withoutInvisible(r.text).replace(/[\s\u00a0]+/gu, '') !== '') n++;
    numbers.push(n);
  }
  return (count) => (count > 0 && numbers[count - 1]! > 0 ? numbers[count - 1] : undefined);
}

/** A table's rows on its grid: spans keep their text in their first column, merged-down cells repeat it. */
function gridRows(draft: TableDraft, table: number, limits: DocumentLimits): Cell[][] {
  if (draft.rows.length > limits.maxRows) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'rows', table, limit: limits.maxRows });
  const rows: Cell[][] = [];
  // The cell a vertical merge continues, per grid column.
  const masters = new Map<number, Cell>();
  draft.rows.filter((row) => !row.deleted).forEach((row, r) => {
    const out: Cell[] = [];
    let col = row.before;
    for (const c of row.cells) {
      if (col + c.span > limits.maxCols) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'columns', table, limit: limits.maxCols });
      const raw = withoutInvisible(c.text.join('\n'));
      if (c.vMerge === 'continue') {
        const master = masters.get(col);
        if (master && master.raw.trim() !== '' && !/^[\d\s.,%-]+$/u.test(master.raw.trim())) out[col] = { ...master, row: r, col };
      } else {
        const cell: Cell = { raw, ref: documentCellRef(table, r, col), row: r, col, table };
        out[col] = cell;
        if (c.vMerge === 'restart') masters.set(col, cell);
        else masters.delete(col);
      }
      col += c.span;
    }
    rows.push(out);
  });
  return rows;
}
