/**
 * A plan built as a minimal .docx for the document tests: paragraphs (`p`), tables (`tbl`), a page break, under an
 * opening paragraph, read by read/docx.ts; and the seed annex's rows from its CSV fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx } from '../../src/read/docx.js';
import { FIXTURES } from '../helpers.js';
import { zipApi } from '../xlsx-build.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The seed annex (fixtures/tuyen-quang-2020.csv), one array of cell texts a row. */
export const SEED_ROWS: string[][] = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(';'));

export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
export const tbl = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** The document of `body` (paragraphs and tables) after a paragraph `opening`. */
export function wordPlan(body: string, opening = 'PHỤ LỤC') {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${p(opening)}${body}</w:body></w:document>`;
  return readDocx(zipApi.writeZip([['word/document.xml', Buffer.from(xml)]]));
}
