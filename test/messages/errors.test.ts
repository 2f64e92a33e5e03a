import { describe, expect, it } from 'vitest';
import type { ContainerDamage, XmlDamage } from '../../src/errors.js';
import { renderError } from '../../src/messages/index.js';

/** One of each kind of damage (a Record over the kinds: a kind added without a case here does not compile). */
const DAMAGE: Record<ContainerDamage['damage'], ContainerDamage> = {
  'no-directory': { damage: 'no-directory' },
  directory: { damage: 'directory' },
  'no-workbook': { damage: 'no-workbook' },
  'no-worksheet': { damage: 'no-worksheet' },
  'part-header': { damage: 'part-header', part: 'xl/styles.xml' },
  'part-short': { damage: 'part-short', part: 'xl/styles.xml' },
  'part-larger': { damage: 'part-larger', part: 'xl/styles.xml' },
  'part-size': { damage: 'part-size', part: 'xl/styles.xml' },
  'part-method': { damage: 'part-method', part: 'xl/styles.xml', method: 14 },
  'part-inflate': { damage: 'part-inflate', part: 'xl/styles.xml', code: 'Z_DATA_ERROR' },
  'shared-string': { damage: 'shared-string', cell: 'B7', index: '99' },
  'sheet-missing': { damage: 'sheet-missing', sheet: 'Phụ lục', part: 'xl/worksheets/sheet2.xml' },
  'end-record': { damage: 'end-record', fault: 'count', listed: 60, found: 5 },
  'part-twice': { damage: 'part-twice', part: 'xl/worksheets/sheet1.xml' },
  'part-case': { damage: 'part-case', part: 'xl/worksheets/sheet1.xml', other: 'xl/worksheets/Sheet1.xml' },
  'part-name': { damage: 'part-name', part: 'xl/worksheets/sheet1.xml', local: 'xl/worksheets/sheet2.xml' },
  'cell-ref': { damage: 'cell-ref', sheet: 'Phụ lục', ref: 'ZZZZZZZZZZZZZZ20' },
  'row-ref': { damage: 'row-ref', sheet: 'Phụ lục', ref: '0' },
  'merge-ref': { damage: 'merge-ref', sheet: 'Phụ lục', ref: 'A0:B1' },
  'col-ref': { damage: 'col-ref', sheet: 'Phụ lục', ref: '0:2' },
  'cell-row': { damage: 'cell-row', sheet: 'Phụ lục', ref: 'B7', row: 5 },
  ole: { damage: 'ole', fault: 'loop' },
  'biff-version': { damage: 'biff-version', version: 'BIFF5' },
  'biff-record': { damage: 'biff-record', at: 512 },
  'biff-sheet': { damage: 'biff-sheet', sheet: 'Phụ lục' },
  'doc-structure': { damage: 'doc-structure', structure: 'pieces' },
  'doc-version': { damage: 'doc-version', version: 'Word 95' },
};
/** The end record's other faults (the Record above holds one case of each kind). */
const END_RECORD: ContainerDamage[] = [
  { damage: 'end-record', fault: 'outside' },
  { damage: 'end-record', fault: 'place' },
];
const XML: XmlDamage[] = [
  { part: 'word/document.xml', xml: 'doctype' },
  { part: 'word/document.xml', xml: 'syntax', detail: '1:5: unclosed tag: w:t' },
];

/** English words of the English texts that a Vietnamese text must not carry (file parts and codes aside). */
const ENGLISH = /\b(?:no|damaged|cut short|unpack|unpacks|header|compression|worksheet|refers|missing|declares|well-formed|changed|refusing|readable)\b/;

describe('unreadable containers are worded in the catalogue of the run, never in English inside Vietnamese', () => {
  const cases = [...Object.values(DAMAGE), ...END_RECORD, ...XML];
  it.each(cases.map((p) => [JSON.stringify(p), p] as const))('%s', (_, p) => {
    for (const code of ['WORKBOOK_INVALID', 'DOCUMENT_INVALID'] as const) {
      const vi = renderError({ code, params: p }, 'vi');
      const en = renderError({ code, params: p }, 'en');
      expect(vi).toMatch(code === 'WORKBOOK_INVALID' ? /^không phải sổ tính Excel đọc được: / : /^không phải văn bản Word đọc được: /);
      expect(en).toMatch(code === 'WORKBOOK_INVALID' ? /^not a readable Excel workbook: / : /^not a readable Word document: /);
      // The XML parser's own words are quoted as they are (in brackets); the rest is Vietnamese.
      expect(vi.replace(/\(1:5: unclosed tag: w:t\)/, '')).not.toMatch(ENGLISH);
      // Every figure the damage names (part, cell, sheet, method, code) is in both texts.
      for (const [key, v] of Object.entries(p)) {
        if (key === 'damage' || key === 'xml' || key === 'fault' || key === 'structure') continue;
        expect(vi).toContain(String(v));
        expect(en).toContain(String(v));
      }
    }
  });

  it('a damaged ZIP end record: each fault in its own words, none of them ZIP64', () => {
    for (const lang of ['vi', 'en'] as const) {
      const texts = [DAMAGE['end-record'], ...END_RECORD].map((params) => renderError({ code: 'WORKBOOK_INVALID', params }, lang));
      expect(new Set(texts).size).toBe(3);
      for (const t of texts) expect(t).not.toMatch(/ZIP64/);
    }
  });

  it('a file that changed while read, and an output that is an input', () => {
    expect(renderError({ code: 'FILE_UNREADABLE', params: { reason: 'changed' } }, 'vi')).toBe('tệp đã thay đổi trong khi đang được đọc');
    expect(renderError({ code: 'FILE_UNREADABLE', params: { reason: 'changed' } }, 'en')).toBe('the file changed while it was read');
    expect(renderError({ code: 'OUTPUT_IS_INPUT', params: { input: 'annex.csv' } }, 'vi')).toBe('không ghi đè lên tệp đầu vào annex.csv');
    expect(renderError({ code: 'OUTPUT_IS_INPUT', params: { input: 'annex.csv' } }, 'en')).toBe('refusing to write over the input file annex.csv');
  });
});

describe('a file the system will not open', () => {
  it('says why in words, not by the system code (EACCES, ELOOP); an unknown code is shown as it is', () => {
    const why = (detail: string, lang: 'en' | 'vi') => renderError({ code: 'FILE_UNREADABLE', params: { reason: 'io', detail } }, lang);
    expect(why('EACCES', 'en')).toContain('cannot read the file (permission denied)');
    expect(why('ELOOP', 'en')).toContain('a loop of symbolic links');
    expect(why('EACCES', 'vi')).toContain('không có quyền đọc');
    expect(why('EWHATEVER', 'en')).toContain('(EWHATEVER)');
  });
});
