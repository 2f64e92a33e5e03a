/**
 * Office Open XML documents built by hand, for what a spreadsheet or word processor will not save: hostile
 * archives (zip bombs, lying headers, huge or deeply nested parts, DOCTYPEs) and unusual but valid parts
 * (shared formulas, rich text, phonetic runs). Workbooks (.xlsx) and Word documents (.docx), on the ZIP
 * writer of scripts/zip.mjs. Used by the tests (test/xlsx-build.ts gives them types), the hostile-input
 * corpus (scripts/hostile.mjs) and the fuzz harness.
 */
import { readZip, writeZip, zeroBomb } from './zip.mjs';

export { writeZip, zeroBomb };

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Escapes text for an XML text node or attribute value. */
export const xmlText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The parts every workbook needs around its sheets (sheet XML bodies given by name): [name, bytes][]. */
export function workbookParts(sheets, { workbookExtra = '' } = {}) {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
    .map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets>${workbookExtra}</workbook>`;
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
export function sheetXml(rows, after = '') {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

export const str = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref, v) => `<c r="${ref}"><v>${v}</v></c>`;

/** A workbook: sheets [name, xml], extra XML after <sheets> in workbook.xml, extra parts [name, xml]. */
export function workbook(sheets, { workbookExtra, parts = [] } = {}) {
  return writeZip([
    ...workbookParts(sheets, { workbookExtra }),
    ...sheets.map(([, xml], i) => [`xl/worksheets/sheet${i + 1}.xml`, Buffer.from(xml)]),
    ...parts.map(([name, xml]) => [name, Buffer.from(xml)]),
  ]);
}

/** xl/sharedStrings.xml from `<si>` bodies (`<t>…</t>`, rich-text runs, phonetic runs). */
export const sharedStrings = (items) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;

/** xl/styles.xml with custom number formats [id, code] and the cell styles' numFmtIds in order. */
export const styles = (numFmts, xfNumFmtIds) =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${numFmts.length}">${numFmts
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
    .join('')}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs></styleSheet>`;

/** The seed-like annex as a worksheet: a header row and one row per unit (long layout, plain numbers). */
export function annexSheet(units = [['Toàn tỉnh', 30, 5, 25], ['Xã A', 10, 2, 8], ['Xã B', 20, 3, 17]]) {
  const head = [str('A1', 'unit'), str('B1', 'poor_start'), str('C1', 'poor_reduced'), str('D1', 'poor_end')];
  return sheetXml([head, ...units.map(([name, a, b, c], i) => [str(`A${i + 2}`, xmlText(name)), num(`B${i + 2}`, a), num(`C${i + 2}`, b), num(`D${i + 2}`, c)])]);
}

/* ---------- Word documents ---------- */

/** A minimal .docx around a WordprocessingML <w:body> (its inner XML), with extra parts [name, xml]. */
export function docx(bodyXml, { parts = [], documentXml } = {}) {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const doc = documentXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`;
  return writeZip([
    ['[Content_Types].xml', Buffer.from(types)],
    ['_rels/.rels', Buffer.from(rels)],
    ['word/document.xml', typeof doc === 'string' ? Buffer.from(doc) : doc],
    ...parts.map(([name, xml]) => [name, Buffer.from(xml)]),
  ]);
}

/** A paragraph of plain text. */
export const para = (text) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;

/** A Word table of `rows` × `cols` cells, each holding cell(r, c). */
export function docxTable(rows, cols, cell = (r, c) => `${r},${c}`) {
  const tr = (r) => `<w:tr>${Array.from({ length: cols }, (_, c) => `<w:tc>${para(cell(r, c))}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl>${Array.from({ length: rows }, (_, r) => tr(r)).join('')}</w:tbl>`;
}

/** Tables nested `depth` deep (a table in a cell of a table …), innermost holding `text`. */
export function docxNested(depth, text = 'x') {
  let inner = para(text);
  for (let i = 0; i < depth; i++) inner = `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>${para('')}`;
  return inner;
}

/** A .docx whose word/document.xml is a deflate bomb of `mb` MiB declared as 1 KiB (a header that lies). */
export function docxBomb(mb = 1024) {
  const bomb = zeroBomb(mb);
  return writeZip([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['_rels/.rels', Buffer.from(`<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`)],
    ['word/document.xml', { raw: bomb.raw, size: 1024 }],
  ]);
}

/**
 * A .docx with its main part renamed as Word Online (Office 365, SharePoint) saves it: word/document.xml →
 * word/`name` and its relationships word/_rels/document.xml.rels → word/_rels/`name`.rels, the package relationship
 * (_rels/.rels, officeDocument) and the content type (Override PartName) following; `absolute`: the relationship's
 * Target written `/word/…` rather than `word/…`. Everything else as it was, in the same order.
 */
export function renameMainPart(bytes, { name = 'document2.xml', absolute = false } = {}) {
  const edit = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`renameMainPart: ${from} not found`);
    return text.replaceAll(from, to);
  };
  const renamed = { 'word/document.xml': `word/${name}`, 'word/_rels/document.xml.rels': `word/_rels/${name}.rels` };
  const edits = {
    '_rels/.rels': (t) => edit(t, 'Target="word/document.xml"', `Target="${absolute ? '/' : ''}word/${name}"`),
    '[Content_Types].xml': (t) => edit(t, 'PartName="/word/document.xml"', `PartName="/word/${name}"`).replaceAll('PartName="/word/_rels/document.xml.rels"', `PartName="/word/_rels/${name}.rels"`),
  };
  const entries = [...readZip(Buffer.from(bytes))].map(([part, data]) => [renamed[part] ?? part, edits[part] ? Buffer.from(edits[part](data.toString('utf8'))) : data]);
  if (!entries.some(([part]) => part === `word/${name}`)) throw new Error('renameMainPart: no word/document.xml');
  return writeZip(entries);
}

/** Elements nested `depth` deep: `<x><x>…</x></x>`. */
export const deepXml = (depth, name = 'x') => `${`<${name}>`.repeat(depth)}${`</${name}>`.repeat(depth)}`;
