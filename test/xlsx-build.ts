/**
 * Hand-built workbooks (and Word documents) for what a spreadsheet program will not save: hostile archives
 * (zip bombs, lying headers, enormous sheets) and Excel's shared formulas. The builders live in
 * scripts/ooxml.mjs (shared with the hostile-input corpus and the fuzz harness); this gives them types.
 * The fixtures made by LibreOffice are in fixtures/xlsx.
 */
// @ts-expect-error plain JavaScript module without types
import * as zip from '../scripts/zip.mjs';
// @ts-expect-error plain JavaScript module without types
import * as ooxml from '../scripts/ooxml.mjs';

type ZipEntry = Buffer | { data: Buffer; declaredSize?: number } | { raw: Buffer; size: number; crc?: number };
interface ZipApi {
  writeZip(entries: Array<[string, ZipEntry]>): Buffer;
  readZip(buf: Buffer): Map<string, Buffer>;
  zeroBomb(mb: number): { raw: Buffer; size: number };
}
export const zipApi = zip as unknown as ZipApi;

interface OoxmlApi {
  workbookParts(sheets: Array<[string, string]>, opts?: { workbookExtra?: string }): Array<[string, Buffer]>;
  sheetXml(rows: string[][], after?: string): string;
  str(ref: string, text: string): string;
  num(ref: string, v: number | string): string;
  workbook(sheets: Array<[string, string]>, opts?: { workbookExtra?: string; parts?: Array<[string, string]> }): Buffer;
  sharedStrings(items: string[]): string;
  styles(numFmts: Array<[number, string]>, xfNumFmtIds: number[]): string;
  annexSheet(units?: Array<[string, number, number, number]>): string;
  docx(bodyXml: string, opts?: { parts?: Array<[string, string]>; documentXml?: string | Buffer }): Buffer;
  docxTable(rows: number, cols: number, cell?: (r: number, c: number) => string): string;
  docxNested(depth: number, text?: string): string;
  docxBomb(mb?: number): Buffer;
  renameMainPart(bytes: Uint8Array, opts?: { name?: string; absolute?: boolean }): Buffer;
  deepXml(depth: number, name?: string): string;
  para(text: string): string;
  xmlText(s: string): string;
}
export const ooxmlApi = ooxml as unknown as OoxmlApi;
export const { workbookParts, sheetXml, str, num, workbook, sharedStrings, styles } = ooxmlApi;
