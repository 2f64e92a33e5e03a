/**
 * Hand-built workbooks for what a spreadsheet program will not save: hostile archives (zip bombs, lying
 * headers, enormous sheets) and Excel's shared formulas. The fixtures made by LibreOffice are in fixtures/xlsx.
 */
// @ts-expect-error plain JavaScript module without types
import * as zip from '../scripts/zip.mjs';

interface ZipApi {
  writeZip(entries: Array<[string, Buffer | { data: Buffer; declaredSize?: number } | { raw: Buffer; size: number; crc?: number }]>): Buffer;
  readZip(buf: Buffer): Map<string, Buffer>;
  zeroBomb(mb: number): { raw: Buffer; size: number };
}
export const zipApi = zip as unknown as ZipApi;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts every workbook needs around its sheets (sheet XML bodies given by name). */
export function workbookParts(sheets: Array<[string, string]>): Array<[string, Buffer]> {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
    .map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}</Relationships>`;
  return [
    ['[Content_Types].xml', Buffer.from(types)],
    ['_rels/.rels', Buffer.from(rels)],
    ['xl/workbook.xml', Buffer.from(wb)],
    ['xl/_rels/workbook.xml.rels', Buffer.from(wbRels)],
  ];
}

/** A worksheet part from cell XML per row (`<c …>` elements), plus optional trailing XML (mergeCells). */
export function sheetXml(rows: string[][], after = ''): string {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

export const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, v: number | string) => `<c r="${ref}"><v>${v}</v></c>`;

export function workbook(sheets: Array<[string, string]>, opts: { workbookExtra?: string; parts?: Array<[string, string]> } = {}): Buffer {
  const parts = workbookParts(sheets).map(([name, data]): [string, Buffer] =>
    name === 'xl/workbook.xml' && opts.workbookExtra ? [name, Buffer.from(data.toString().replace('</sheets>', `</sheets>${opts.workbookExtra}`))] : [name, data],
  );
  return zipApi.writeZip([
    ...parts,
    ...sheets.map(([, xml], i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, Buffer.from(xml)]),
    ...(opts.parts ?? []).map(([name, xml]): [string, Buffer] => [name, Buffer.from(xml)]),
  ]);
}

/** xl/sharedStrings.xml from `<si>` bodies (`<t>…</t>`, rich-text runs, phonetic runs). */
export const sharedStrings = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;

/** xl/styles.xml with custom number formats and the cell styles (`<xf numFmtId>`) in order. */
export const styles = (numFmts: Array<[number, string]>, xfNumFmtIds: number[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${numFmts.length}">${numFmts
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`)
    .join('')}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs></styleSheet>`;
