/**
 * Workbooks (xlsx) written by povcheck itself: a small model of what its workbooks use, and the SpreadsheetML
 * parts that hold it, zipped by io/zip-write.ts. A sheet holds text and number cells with their styles (font,
 * solid fill, thin borders, alignment with wrap and indent, number format), merged ranges, column widths and
 * row heights, a frozen pane, print titles (the defined name `_xlnm.Print_Titles`), the page set-up (paper,
 * orientation, fit to pages, margins, centring) and a header/footer. Styles are pooled: equal styles share one
 * entry of xl/styles.xml; texts are shared strings (xl/sharedStrings.xml), each written once.
 *
 * This is where text becomes XML: every text passes through `documentText` (safe-text.ts, what XML cannot hold
 * is dropped), is escaped, and keeps Excel's own `_xHHHH_` convention (a CR, or a text that holds such a
 * sequence literally, is escaped the way Excel does), so that any reader, povcheck's included, reads back the
 * text written. Numbers stay numbers. A text longer than a cell holds (32,767 characters) is refused with
 * XLSX_TEXT_TOO_LONG (a unit name or title can be that long); a number that is not finite, a reference outside
 * a sheet or a sheet name Excel refuses is an internal fault. The default font
 * (Calibri 11, as Excel's) is what Excel measures column widths in. Pure: a workbook in, bytes out.
 */
import { PovcheckError } from '../errors.js';
import { zipParts, type ZipPart } from '../io/zip-write.js';
import { columnLetters, SHEET_COLS, SHEET_ROWS } from '../model/grid.js';
import { quotedSheetName } from '../model/sheet-ref.js';
import { documentText } from './safe-text.js';

export interface Font {
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Levels of indent (Excel's unit: about three characters). */
  indent?: number;
}

export interface CellStyle {
  font?: Font;
  /** ARGB of a solid fill, `FFEDEDED`. */
  fill?: string;
  /** Thin lines on all four sides. */
  border?: boolean;
  alignment?: Alignment;
  /** Excel number format code (`#,##0`, `[$-42A]0.00`); General when absent. */
  numFmt?: string;
}

export interface SheetCell {
  /** A text, a number, or nothing (a styled blank cell). */
  value?: string | number;
  style?: CellStyle;
}

export interface PageSetup {
  /** Excel's paper code: 9 is A4. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide and high (0: as many as it takes). */
  fitToWidth?: number;
  fitToHeight?: number;
  horizontalCentered?: boolean;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** 1-based first and last row (or column). */
export type Span = readonly [number, number];

export interface HeaderFooter {
  /** The first page has its own header (here: none). */
  differentFirst?: boolean;
  /** Excel's codes: `&C&P` is the page number at the centre. */
  oddHeader?: string;
  firstHeader?: string;
}

/** Characters a cell holds. */
export const MAX_TEXT = 32_767;

export class Worksheet {
  private readonly rows = new Map<number, Map<number, SheetCell>>();
  /** Merged ranges (1-based, inclusive); they may not overlap. */
  readonly merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  readonly heights = new Map<number, number>();
  /** Widths in Excel's units (characters of the default font's digit), column 1 first. */
  widths: number[] = [];
  /** Rows and columns kept in view (the frozen pane's top left is the cell after them). */
  frozen?: { rows: number; columns: number };
  page?: PageSetup;
  printTitles?: { rows?: Span; columns?: Span };
  headerFooter?: HeaderFooter;

  constructor(readonly name: string) {
    if (name === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || documentText(name) !== name) {
      throw new Error(`xlsx: ${JSON.stringify(name)} is not a sheet name Excel accepts`);
    }
  }

  /** The cell at 1-based `row`, `col`, created blank when new. */
  cell(row: number, col: number): SheetCell {
    checkPlace(row, col);
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    let c = cells.get(col);
    if (!c) cells.set(col, (c = {}));
    return c;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    checkPlace(top, left);
    checkPlace(bottom, right);
    if (bottom < top || right < left) throw new Error(`xlsx: merged range ${ref(top, left)}:${ref(bottom, right)} is inverted`);
    this.merges.push({ top, left, bottom, right });
  }

  /** Rows in order, each with its cells in column order. */
  sortedRows(): Array<[number, Array<[number, SheetCell]>]> {
    return [...this.rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => [r, [...cells.entries()].sort((a, b) => a[0] - b[0])]);
  }
}

export interface Workbook {
  sheets: Worksheet[];
  creator?: string;
  title?: string;
  /** Creation time in the document properties; none when absent (the same input gives the same bytes). */
  created?: Date;
}

function checkPlace(row: number, col: number): void {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > SHEET_ROWS || col > SHEET_COLS) {
    throw new Error(`xlsx: row ${row}, column ${col} is outside a sheet`);
  }
}

const ref = (row: number, col: number) => `${columnLetters(col - 1)}${row}`;

/* ---------- escaping ---------- */

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** An attribute value: also quotes, and the white space an XML parser would otherwise normalise. */
const attr = (s: string) => escapeXml(documentText(s)).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
/** Text of a document property (core.xml): no `_x` convention there. */
const plainText = (s: string) => escapeXml(documentText(s)).replace(/\r/g, '&#13;');

/** A cell text as SpreadsheetML writes it: `_xHHHH_` written literally is escaped (`_x005F_`), CR as `_x000D_`. */
export function cellText(s: string): string {
  const safe = documentText(s);
  if (safe.length > MAX_TEXT) throw new PovcheckError('XLSX_TEXT_TOO_LONG', { start: [...safe.slice(0, 60)].slice(0, 40).join(''), chars: safe.length, limit: MAX_TEXT });
  return escapeXml(safe.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/\r/g, '_x000D_'));
}

/** Numbers in XML: shortest round-trip form (`11.8`, `210299`), never NaN or an infinity. */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`xlsx: ${n} is not a number a cell can hold`);
  return String(Object.is(n, -0) ? 0 : n);
}

/** A size (points, inches, widths) with at most 4 decimals. */
const size = (n: number) => num(Math.round(n * 10_000) / 10_000);

/* ---------- styles ---------- */

const BUILTIN_FORMATS = new Map<string, number>([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);
const FIRST_CUSTOM_FORMAT = 164;
const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';

/** Distinct XML fragments, numbered in the order first seen. */
class Pool {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    initial.forEach((x) => this.id(x));
  }
  id(xml: string): number {
    let i = this.ids.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, i);
    }
    return i;
  }
}

class Styles {
  private readonly fonts = new Pool([DEFAULT_FONT]);
  private readonly fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Pool(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);

  /** The cellXfs index of a style (0: the default). */
  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const borderId = style.border ? this.borders.id('<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>') : 0;
    const numFmtId = style.numFmt === undefined ? 0 : this.format(style.numFmt);
    const align = style.alignment ? alignmentXml(style.alignment) : '';
    const applied = [numFmtId ? ' applyNumberFormat="1"' : '', fontId ? ' applyFont="1"' : '', fillId ? ' applyFill="1"' : '', borderId ? ' applyBorder="1"' : '', align ? ' applyAlignment="1"' : ''].join('');
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return this.xfs.id(align ? `${open}>${align}</xf>` : `${open}/>`);
  }

  private format(code: string): number {
    const builtin = BUILTIN_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`);
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      XML_DECLARATION +
      `<styleSheet xmlns="${NS.main}">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

function argb(s: string): string {
  if (!/^[0-9A-Fa-f]{8}$/.test(s)) throw new Error(`xlsx: ${JSON.stringify(s)} is not an ARGB colour`);
  return s.toUpperCase();
}

function fontXml(f: Font): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${size(f.size ?? 11)}"/><name val="${attr(f.name ?? 'Calibri')}"/></font>`;
}

function alignmentXml(a: Alignment): string {
  const parts = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : '',
    a.vertical ? ` vertical="${a.vertical}"` : '',
    a.wrap ? ' wrapText="1"' : '',
    a.indent ? ` indent="${Math.round(a.indent)}"` : '',
  ].join('');
  return parts ? `<alignment${parts}/>` : '';
}

/* ---------- parts ---------- */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
const TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
};
const REL = {
  document: `${NS.r}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  sheet: `${NS.r}/worksheet`,
  styles: `${NS.r}/styles`,
  strings: `${NS.r}/sharedStrings`,
};

const relationships = (rels: ReadonlyArray<[type: string, target: string]>) =>
  `${XML_DECLARATION}<Relationships xmlns="${NS.pkg}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** Shared strings: each distinct text once, in the order first used. */
class Strings {
  readonly pool = new Pool();
  count = 0;
  id(text: string): number {
    this.count++;
    return this.pool.id(text);
  }
  xml(): string {
    const items = this.pool.items.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${cellText(t)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

function cellXml(row: number, col: number, cell: SheetCell, styles: Styles, strings: Strings): string {
  const s = styles.id(cell.style);
  const head = `<c r="${ref(row, col)}"${s ? ` s="${s}"` : ''}`;
  if (typeof cell.value === 'number') return `${head}><v>${num(cell.value)}</v></c>`;
  if (typeof cell.value === 'string' && cell.value !== '') {
    cellText(cell.value); // refuses what a cell cannot hold before it is pooled
    return `${head} t="s"><v>${strings.id(cell.value)}</v></c>`;
  }
  return s ? `${head}/>` : '';
}

type Range = Worksheet['merges'][number];

/** Excel refuses a file whose merged ranges overlap: a sweep down the rows compares the ranges that share one. */
function checkMerges(merges: readonly Range[]): void {
  const name = (m: Range) => `${ref(m.top, m.left)}:${ref(m.bottom, m.right)}`;
  let open: Range[] = [];
  for (const m of [...merges].sort((a, b) => a.top - b.top)) {
    open = open.filter((o) => o.bottom >= m.top);
    const hit = open.find((o) => o.left <= m.right && m.left <= o.right);
    if (hit) throw new Error(`xlsx: merged ranges ${name(hit)} and ${name(m)} overlap`);
    open.push(m);
  }
}

function paneXml(frozen: { rows: number; columns: number }): string {
  const { rows, columns } = frozen;
  if (rows <= 0 && columns <= 0) return '';
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = ref(rows + 1, columns + 1);
  return `<pane${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

function sheetXml(ws: Worksheet, styles: Styles, strings: Strings): string {
  checkMerges(ws.merges);
  const rows = ws.sortedRows();
  const rowNumbers = new Set([...rows.map(([r]) => r), ...ws.heights.keys()]);
  let lastRow = 1;
  let lastCol = 1;
  for (const r of rowNumbers) lastRow = Math.max(lastRow, r);
  for (const [, cells] of rows) lastCol = Math.max(lastCol, cells[cells.length - 1]?.[0] ?? 1);
  for (const m of ws.merges) {
    lastRow = Math.max(lastRow, m.bottom);
    lastCol = Math.max(lastCol, m.right);
  }
  const cellsOf = new Map(rows);
  const data = [...rowNumbers]
    .sort((a, b) => a - b)
    .map((r) => {
      const height = ws.heights.get(r);
      const cells = (cellsOf.get(r) ?? []).map(([c, cell]) => cellXml(r, c, cell, styles, strings)).join('');
      return `<row r="${r}"${height !== undefined ? ` ht="${size(height)}" customHeight="1"` : ''}>${cells}</row>`;
    })
    .join('');
  const cols = ws.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${size(w)}" customWidth="1"/>`).join('');
  const merges = ws.merges.map((m) => `<mergeCell ref="${ref(m.top, m.left)}:${ref(m.bottom, m.right)}"/>`).join('');
  const page = ws.page;
  const fit = page && (page.fitToWidth !== undefined || page.fitToHeight !== undefined);
  const hf = ws.headerFooter;
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${ref(lastRow, lastCol)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${ws.frozen ? paneXml(ws.frozen) : ''}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${data}</sheetData>` +
    (merges ? `<mergeCells count="${ws.merges.length}">${merges}</mergeCells>` : '') +
    (page?.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    (page
      ? `<pageMargins left="${size(page.margins.left)}" right="${size(page.margins.right)}" top="${size(page.margins.top)}" bottom="${size(page.margins.bottom)}" header="${size(page.margins.header)}" footer="${size(page.margins.footer)}"/>` +
        `<pageSetup paperSize="${page.paperSize}" orientation="${page.orientation}"${page.fitToWidth !== undefined ? ` fitToWidth="${page.fitToWidth}"` : ''}${page.fitToHeight !== undefined ? ` fitToHeight="${page.fitToHeight}"` : ''}/>`
      : '') +
    (hf
      ? `<headerFooter${hf.differentFirst ? ' differentFirst="1"' : ''}>${hf.oddHeader ? `<oddHeader>${plainText(hf.oddHeader)}</oddHeader>` : ''}${hf.firstHeader ? `<firstHeader>${plainText(hf.firstHeader)}</firstHeader>` : ''}</headerFooter>`
      : '') +
    '</worksheet>'
  );
}

/** `'Phụ lục'!$A:$C,'Phụ lục'!$4:$6`: columns first, as Excel writes it (the name always quoted: any is read back). */
function printTitles(ws: Worksheet): string | undefined {
  const t = ws.printTitles;
  if (!t || (!t.rows && !t.columns)) return undefined;
  const sheet = quotedSheetName(ws.name);
  const cols = t.columns ? [`${sheet}!$${columnLetters(t.columns[0] - 1)}:$${columnLetters(t.columns[1] - 1)}`] : [];
  const rows = t.rows ? [`${sheet}!$${t.rows[0]}:$${t.rows[1]}`] : [];
  return [...cols, ...rows].join(',');
}

function workbookXml(wb: Workbook): string {
  const sheets = wb.sheets.map((ws, i) => `<sheet name="${attr(ws.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = wb.sheets
    .map((ws, i) => [i, printTitles(ws)] as const)
    .filter(([, t]) => t !== undefined)
    .map(([i, t]) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${plainText(t!)}</definedName>`)
    .join('');
  return `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`;
}

function coreXml(wb: Workbook): string {
  const when = wb.created ? wb.created.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (wb.title ? `<dc:title>${plainText(wb.title)}</dc:title>` : '') +
    (wb.creator ? `<dc:creator>${plainText(wb.creator)}</dc:creator>` : '') +
    (when ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : '') +
    '</cp:coreProperties>'
  );
}

/** The parts of the workbook, in the order a reader meets them. */
export function workbookParts(wb: Workbook): ZipPart[] {
  if (wb.sheets.length === 0) throw new Error('xlsx: a workbook needs a sheet');
  const folded = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  if (folded.size !== wb.sheets.length) throw new Error('xlsx: two sheets with the same name');
  const styles = new Styles();
  const strings = new Strings();
  // The sheets first: writing them fills the style and string pools.
  const sheets = wb.sheets.map((ws, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(ws, styles, strings) }));
  const types =
    `${XML_DECLARATION}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/>` +
    sheets.map((s) => `<Override PartName="/${s.name}" ContentType="${TYPE.sheet}"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE.strings}"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="${TYPE.core}"/></Types>`;
  return [
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: relationships([[REL.document, 'xl/workbook.xml'], [REL.core, 'docProps/core.xml']]) },
    { name: 'docProps/core.xml', data: coreXml(wb) },
    { name: 'xl/workbook.xml', data: workbookXml(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: relationships([...sheets.map((_, i): [string, string] => [REL.sheet, `worksheets/sheet${i + 1}.xml`]), [REL.styles, 'styles.xml'], [REL.strings, 'sharedStrings.xml']]) },
    { name: 'xl/styles.xml', data: styles.xml() },
    { name: 'xl/sharedStrings.xml', data: strings.xml() },
    ...sheets,
  ];
}

/** The workbook as xlsx bytes. */
export function writeWorkbook(wb: Workbook): Uint8Array {
  return zipParts(workbookParts(wb));
}
