/**
 * Looking inside a workbook povcheck writes, for the tests: the parts unzipped (test/zip.ts) and parsed with
 * povcheck's own streaming XML parser (src/read/xml-stream.ts), the styles resolved per cell. The few
 * accessors the tests use are named as exceljs names them (`getCell`, `getRow(r).values`, `getColumn(c).width`,
 * `isMerged`, `master`, `views`, `font`, `fill.fgColor.argb`, `numFmt`) and behave as there (a cell of a merged
 * range shows the range's value), so tests written against exceljs kept their assertions when exceljs went. Not a reader: no shared formulas, dates or rich text beyond joining runs.
 */
import { streamXml } from '../src/read/xml-stream.js';
import { a1, parseA1 } from '../src/model/grid.js';
import { unzip } from './zip.js';

export interface InspectedFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

export interface InspectedCell {
  address: string;
  row: number;
  col: number;
  value: string | number | undefined;
  numFmt?: string;
  font?: InspectedFont;
  fill?: { type: 'pattern'; pattern: string; fgColor?: { argb?: string } };
  border?: Partial<Record<'left' | 'right' | 'top' | 'bottom', { style: string }>>;
  alignment?: { horizontal?: string; vertical?: string; wrapText?: boolean; indent?: number };
  isMerged: boolean;
  master: InspectedCell;
}

export interface InspectedSheet {
  name: string;
  getCell(ref: string): InspectedCell;
  getCell(row: number, col: number): InspectedCell;
  getRow(row: number): { height?: number; values: Array<string | number | undefined>; getCell(col: number): InspectedCell };
  getColumn(col: number): { width?: number; eachCell(opts: { includeEmpty: boolean }, f: (cell: InspectedCell, row: number) => void): void };
  columns: Array<{ width?: number }>;
  views: Array<{ state: string; xSplit?: number; ySplit?: number; topLeftCell?: string; activeCell?: string }>;
  merges: string[];
}

export interface InspectedWorkbook {
  worksheets: InspectedSheet[];
  /** name → text, with `localSheetId` when the name belongs to a sheet: `_xlnm.Print_Titles@0`. */
  definedNames: Map<string, string>;
  parts: Map<string, Buffer>;
}

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  alignment?: InspectedCell['alignment'];
}

const BUILTIN: Record<number, string> = { 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 49: '@' };
const on = (v: string | undefined) => v === undefined || v === '1' || v === 'true';
const unescape = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function parseStyles(xml: Buffer | undefined) {
  const formats = new Map<number, string>();
  const fonts: InspectedFont[] = [];
  const fills: Array<InspectedCell['fill']> = [];
  const borders: Array<InspectedCell['border']> = [];
  const xfs: Xf[] = [];
  if (!xml) return { formats, fonts, fills, borders, xfs };
  let section = '';
  let font: InspectedFont | undefined;
  let fill: NonNullable<InspectedCell['fill']> | undefined;
  let border: NonNullable<InspectedCell['border']> | undefined;
  let xf: Xf | undefined;
  streamXml(xml, {
    open(name, a) {
      if (['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs', 'dxfs'].includes(name)) section = name;
      else if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (section === 'fonts' && name === 'font') font = {};
      else if (font && name === 'b') font.bold = on(a.val);
      else if (font && name === 'i') font.italic = on(a.val);
      else if (font && name === 'sz') font.size = Number(a.val);
      else if (font && name === 'name') font.name = a.val;
      else if (section === 'fills' && name === 'patternFill') fill = { type: 'pattern', pattern: a.patternType ?? 'none' };
      else if (fill && name === 'fgColor') fill.fgColor = { ...(a.rgb !== undefined ? { argb: a.rgb } : {}) };
      else if (section === 'borders' && name === 'border') border = {};
      else if (border && ['left', 'right', 'top', 'bottom'].includes(name) && a.style) border[name as 'left'] = { style: a.style };
      else if (section === 'cellXfs' && name === 'xf') xf = { numFmtId: Number(a.numFmtId ?? 0), fontId: Number(a.fontId ?? 0), fillId: Number(a.fillId ?? 0), borderId: Number(a.borderId ?? 0) };
      else if (xf && name === 'alignment') {
        xf.alignment = {
          ...(a.horizontal ? { horizontal: a.horizontal } : {}),
          ...(a.vertical ? { vertical: a.vertical === 'center' ? 'middle' : a.vertical } : {}),
          ...(a.wrapText !== undefined ? { wrapText: on(a.wrapText) } : {}),
          ...(a.indent !== undefined ? { indent: Number(a.indent) } : {}),
        };
      }
    },
    close(name) {
      if (name === 'font' && font) (fonts.push(font), (font = undefined));
      else if (name === 'fill' && section === 'fills') (fills.push(fill), (fill = undefined));
      else if (name === 'border' && border) (borders.push(border), (border = undefined));
      else if (name === 'xf' && xf) (xfs.push(xf), (xf = undefined));
      else if (name === section) section = '';
    },
  });
  return { formats, fonts, fills, borders, xfs };
}

function parseStrings(xml: Buffer | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let current: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  streamXml(xml, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(s) {
      if (inT && current && phonetic === 0) current.push(s);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') (out.push(unescape(current!.join(''))), (current = undefined));
    },
  });
  return out;
}

function parseRels(xml: Buffer | undefined): Map<string, string> {
  const rels = new Map<string, string>();
  if (xml) streamXml(xml, { open: (name, a) => void (name === 'Relationship' && rels.set(a.Id!, a.Target!)) });
  return rels;
}

export function inspectXlsx(bytes: Uint8Array): InspectedWorkbook {
  const parts = unzip(bytes);
  const styles = parseStyles(parts.get('xl/styles.xml'));
  const strings = parseStrings(parts.get('xl/sharedStrings.xml'));
  const rels = parseRels(parts.get('xl/_rels/workbook.xml.rels'));
  const sheets: Array<{ name: string; rid: string }> = [];
  const definedNames = new Map<string, string>();
  let defined: { key: string; text: string[] } | undefined;
  streamXml(parts.get('xl/workbook.xml')!, {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name!, rid: a['r:id']! });
      else if (name === 'definedName') defined = { key: a.name! + (a.localSheetId !== undefined ? `@${a.localSheetId}` : ''), text: [] };
    },
    text: (s) => void defined?.text.push(s),
    close(name) {
      if (name === 'definedName' && defined) (definedNames.set(defined.key, defined.text.join('')), (defined = undefined));
    },
  });
  const worksheets = sheets.map((s) => {
    const target = rels.get(s.rid)!;
    return inspectSheet(s.name, parts.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`)!, styles, strings);
  });
  return { worksheets, definedNames, parts };
}

function inspectSheet(name: string, xml: Buffer, styles: ReturnType<typeof parseStyles>, strings: string[]): InspectedSheet {
  const cells = new Map<string, InspectedCell>();
  const heights = new Map<number, number>();
  const widths: Array<number | undefined> = [];
  const merges: string[] = [];
  const views: InspectedSheet['views'] = [];
  let current: { ref: string; s: number; t?: string; text: string[]; inV: boolean; inT: boolean } | undefined;
  streamXml(xml, {
    open(tag, a) {
      if (tag === 'row' && a.ht !== undefined) heights.set(Number(a.r), Number(a.ht));
      else if (tag === 'col') for (let c = Number(a.min); c <= Number(a.max); c++) widths[c - 1] = a.width !== undefined ? Number(a.width) : undefined;
      else if (tag === 'mergeCell') merges.push(a.ref!);
      else if (tag === 'pane') views.push({ state: a.state ?? 'split', ...(a.xSplit ? { xSplit: Number(a.xSplit) } : {}), ...(a.ySplit ? { ySplit: Number(a.ySplit) } : {}), ...(a.topLeftCell ? { topLeftCell: a.topLeftCell } : {}) });
      else if (tag === 'selection' && views.length > 0 && a.activeCell) views[views.length - 1]!.activeCell = a.activeCell;
      else if (tag === 'c') current = { ref: a.r!, s: Number(a.s ?? 0), ...(a.t ? { t: a.t } : {}), text: [], inV: false, inT: false };
      else if (current && tag === 'v') current.inV = true;
      else if (current && tag === 't') current.inT = true;
    },
    text(s) {
      if (current && (current.inV || current.inT)) current.text.push(s);
    },
    close(tag) {
      if (!current) return;
      if (tag === 'v') current.inV = false;
      else if (tag === 't') current.inT = false;
      else if (tag === 'c') {
        const raw = current.text.join('');
        const value = current.text.length === 0 ? undefined : current.t === 's' ? strings[Number(raw)] : current.t === 'inlineStr' || current.t === 'str' ? unescape(raw) : Number(raw);
        const xf = styles.xfs[current.s] ?? { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 };
        const at = parseA1(current.ref)!;
        const fill = styles.fills[xf.fillId];
        const border = styles.borders[xf.borderId];
        const cell = {
          address: current.ref,
          row: at.row + 1,
          col: at.col + 1,
          value,
          ...(xf.numFmtId !== 0 ? { numFmt: styles.formats.get(xf.numFmtId) ?? BUILTIN[xf.numFmtId] } : {}),
          font: styles.fonts[xf.fontId] ?? {},
          ...(fill && fill.pattern !== 'none' && fill.pattern !== 'gray125' ? { fill } : {}),
          ...(border && Object.keys(border).length > 0 ? { border } : {}),
          ...(xf.alignment ? { alignment: xf.alignment } : {}),
          isMerged: false,
        } as InspectedCell;
        cell.master = cell;
        cells.set(current.ref, cell);
        current = undefined;
      }
    },
  });
  const blank = (row: number, col: number): InspectedCell => {
    const c = { address: a1(row - 1, col - 1), row, col, value: undefined, font: {}, isMerged: false } as unknown as InspectedCell;
    c.master = c;
    return c;
  };
  const getCell = (refOrRow: string | number, col?: number): InspectedCell => {
    const address = typeof refOrRow === 'string' ? refOrRow : a1(refOrRow - 1, col! - 1);
    let c = cells.get(address);
    if (!c) {
      const at = parseA1(address)!;
      cells.set(address, (c = blank(at.row + 1, at.col + 1)));
    }
    return c;
  };
  // Merged ranges: every cell of one is merged, its master the top-left cell, whose value it shows (as in exceljs).
  for (const m of merges) {
    const [from, to] = m.split(':').map((r) => parseA1(r)!);
    const master = getCell(from!.row + 1, from!.col + 1);
    for (let r = from!.row; r <= to!.row; r++) {
      for (let c = from!.col; c <= to!.col; c++) {
        const cell = getCell(r + 1, c + 1);
        cell.isMerged = true;
        cell.master = master;
        cell.value = master.value;
      }
    }
  }
  const inColumn = (col: number) => [...cells.values()].filter((c) => c.col === col).sort((a, b) => a.row - b.row);
  return {
    name,
    getCell: getCell as InspectedSheet['getCell'],
    getRow(row) {
      const values: Array<string | number | undefined> = [undefined];
      for (const c of cells.values()) if (c.row === row && c.value !== undefined) values[c.col] = c.value;
      return { ...(heights.has(row) ? { height: heights.get(row)! } : {}), values, getCell: (col: number) => getCell(row, col) };
    },
    getColumn(col) {
      return {
        ...(widths[col - 1] !== undefined ? { width: widths[col - 1]! } : {}),
        eachCell(opts, f) {
          for (const c of inColumn(col)) if (opts.includeEmpty || c.value !== undefined) f(c, c.row);
        },
      };
    },
    columns: widths.map((w) => (w !== undefined ? { width: w } : {})),
    views,
    merges,
  };
}
