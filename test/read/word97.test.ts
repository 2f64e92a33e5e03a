/**
 * Word 97–2003 documents (.doc, read/word97.ts): LibreOffice's saves of the plan fixtures read as their .docx, paragraph
 * by paragraph and cell by cell; documents Microsoft Word wrote (fixtures/plans/doc-word/, Apache-2.0 test data) read as
 * LibreOffice reads them; damaged and hostile ones are refused naming the structure, within the document limits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFromBytes, readInput } from '../../src/read/index.js';
import { readCompoundFile } from '../../src/read/cfb.js';
import { DOCUMENT_LIMITS } from '../../src/read/document-limits.js';
import { PovcheckError } from '../../src/errors.js';
import type { PlanDocument } from '../../src/model/document.js';
import { catalog } from '../../src/messages/index.js';
import { FIXTURES } from '../helpers.js';
import { compoundFile } from './xls-writer.js';

const PLANS = join(FIXTURES, 'plans');
const WORD = join(PLANS, 'doc-word');

async function documentOf(path: string, limits = DOCUMENT_LIMITS): Promise<PlanDocument> {
  const input = await inputFromBytes(readFileSync(path), { name: path, documentLimits: limits });
  if (input.kind !== 'document') throw new Error(`${path} read as ${input.kind}`);
  return input.document;
}

/** What a reader made of a document, to compare two readings: paragraphs, tables' cells, the counts of what was not read. */
function reading(doc: PlanDocument) {
  return {
    paragraphs: doc.paragraphs.map((p) => ({ text: p.text, section: p.section, heading: p.heading ?? false })),
    tables: doc.tables.map((t) => ({ after: t.after, follows: t.follows, rows: t.grid.rows.map((r) => Array.from(r, (c) => (c ? `${c.ref}=${c.raw}` : null))) })),
    hiddenText: doc.hiddenText,
    textBoxText: doc.textBoxText,
    notes: doc.notes,
  };
}

describe('LibreOffice\'s "Word 97–2003" saves of the plan fixtures read as their .docx', () => {
  const docx: Record<string, string> = {
    'ke-hoach-giam-ngheo-2020.doc': 'ke-hoach-giam-ngheo-2020.docx',
    'money-total-off.doc': 'planted/money-total-off.docx',
    'stt-numbered.doc': 'writer/stt-numbered.docx',
    'numbered-headings.doc': 'writer/numbered-headings.docx',
    'paragraphs-joined.doc': 'tracked/paragraphs-joined.docx',
    'split-annex.doc': 'writer/split-annex.docx',
    'framed-annex.doc': 'hand-made/framed-annex.docx',
    'page-break-in-paragraph.doc': 'hand-made/page-break.docx',
  };
  for (const name of readdirSync(join(PLANS, 'doc'))) {
    it(name, async () => {
      const doc = await documentOf(join(PLANS, 'doc', name));
      expect(doc.format).toBe('doc');
      if (doc.tables.length > 0) expect(doc.tables[0]!.grid.source).toMatchObject({ kind: 'document', format: 'doc' });
      expect(reading(doc)).toEqual(reading(await documentOf(join(PLANS, docx[name]!))));
    });
  }

  it('the seed: its headings, its annex with the two-row header merged, numbers as typed', async () => {
    const doc = await documentOf(join(PLANS, 'doc', 'ke-hoach-giam-ngheo-2020.doc'));
    expect(doc.paragraphs).toHaveLength(98);
    expect(doc.paragraphs.find((p) => p.text.startsWith('- Dự án 1. Chương trình 30a'))?.section).toBe('III. KINH PHÍ THỰC HIỆN');
    const rows = doc.tables[0]!.grid.rows;
    expect(rows[0]!.map((c) => c?.raw)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Toàn tỉnh', 'Chia ra', undefined, undefined, undefined, undefined, undefined, undefined, 'Ghi chú']);
    expect(rows[1]![3]).toMatchObject({ raw: 'Toàn tỉnh', ref: 'T1R1C4' });
    expect(rows[6]![4]).toMatchObject({ raw: '3.657', ref: 'T1R7C5' });
  });

  it('a page break inside a paragraph (\\x0c where no section ends) is a space in it; a section\'s end mark ends its paragraph', async () => {
    const doc = await documentOf(join(PLANS, 'doc', 'page-break-in-paragraph.doc'));
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['KẾ HOẠCH', 'Tỷ lệ hộ nghèo toàn tỉnh giảm 2,06% (từ 11,8% xuống còn 9,74%).', 'Trang sau', 'Hết phần một', 'Phần hai']);
  });

  it('an annex laid out in a one-cell frame: the table inside the cell is a table of its own, and its text the cell\'s', async () => {
    const doc = await documentOf(join(PLANS, 'doc', 'framed-annex.doc'));
    expect(doc.tables.map((t) => t.grid.rows.length)).toEqual([1, 5]);
    expect(doc.tables[0]!.grid.rows[0]![0]!.raw).toContain('Phụ lục: kết quả giảm nghèo năm 2020\nChỉ tiêu\nToàn tỉnh');
    expect(doc.tables[1]!.grid.rows[4]!.map((c) => c?.raw)).toEqual(['Số hộ nghèo cuối năm', '5.172', '2.704', '2.468']);
    expect(doc.tables[1]!.grid.rows[4]![3]!.ref).toBe('T2R5C4');
  });

  it('numbers from Word\'s lists read as shown: an STT column numbered I, 1, 2 …; headings numbered I., 1.', async () => {
    const stt = await documentOf(join(PLANS, 'doc', 'stt-numbered.doc'));
    expect(stt.tables[0]!.grid.rows.slice(2, 6).map((r) => r[0]?.raw)).toEqual(['I.', '1.', '2.', 'II.']);
    const headings = await documentOf(join(PLANS, 'doc', 'numbered-headings.doc'));
    expect(headings.paragraphs.filter((p) => p.heading).map((p) => p.text)).toContain('II. MỤC TIÊU');
  });
});

describe('documents Microsoft Word wrote read as LibreOffice reads them', () => {
  for (const name of readdirSync(WORD).filter((n) => n.endsWith('.doc'))) {
    it(name, async () => {
      expect(reading(await documentOf(join(WORD, name)))).toEqual(reading(await documentOf(join(WORD, 'libreoffice-docx', name.replace(/\.doc$/, '.docx')))));
    });
  }

  it('8-bit text in Windows-1252 (– stored as 0x96), UTF-16 text, pieces of both in one document', async () => {
    expect((await documentOf(join(WORD, 'word97_simple_table.doc'))).paragraphs[0]!.text).toContain('Word 97 – SR2');
    expect((await documentOf(join(WORD, 'table_chinese.doc'))).paragraphs.map((p) => p.text)).toContain('1.1. 章节1.1');
    const mixed = (await documentOf(join(WORD, 'mixed_pieces.doc'))).paragraphs.map((p) => p.text).join('\n');
    expect(mixed).toContain('≥');
    expect(mixed).not.toMatch(/[\u0000-\u0008\u0080-\u009f]/u);
  });

  it('tables: cells in order, empty cells kept, a cell spanning columns, a cell merged down repeating its text', async () => {
    const simple = (await documentOf(join(WORD, 'word97_simple_table.doc'))).tables[0]!.grid.rows;
    expect(simple.map((r) => r.map((c) => c?.raw))).toEqual([
      ['Cell 1,1', 'Cell 1,2', 'Cell 1,3'],
      ['Cell 2,1', 'Cell 2,2', 'Cell 2,3'],
    ]);
    const empty = (await documentOf(join(WORD, 'table_empty_cells.doc'))).tables[0]!.grid.rows;
    expect(empty.map((r) => r.map((c) => c?.raw))).toEqual([
      ['test', ''],
      ['123456', ''],
    ]);
    const form = (await documentOf(join(WORD, 'table_vmerge_form.doc'))).tables[0]!.grid.rows;
    expect(form[11]!.map((c) => c?.raw)).toEqual(['Description of goods required for return:', undefined, 'Fault Description:']);
    expect(form[13]![2]).toMatchObject({ raw: '${fault.description}', ref: 'T1R13C3', row: 13 });
  });

  it('fields show their result, never their code; footnote marks and text boxes counted, not read', async () => {
    const fields = await documentOf(join(WORD, 'fields_and_stories.doc'));
    expect(fields.paragraphs[0]!.text).toMatch(/^\d\d\/\d\d\/2010 \d\d:\d\d:\d\d$/);
    expect(fields).toMatchObject({ notes: 2, textBoxText: 1 });
    const links = await documentOf(join(WORD, 'hyperlink_fields.doc'));
    expect(links.paragraphs[0]!.text).toBe('This is a bold hyper link; bold, I say. hyper link; bold, I say.');
  });

  it('a fast-saved document: its pieces in order, the style a piece\'s own properties give (a heading)', async () => {
    const doc = await documentOf(join(WORD, 'fastsaved_complex_russian.doc'));
    expect(doc.paragraphs[14]).toMatchObject({ text: 'Открытое акционерное общество «УУУУУУУУУУУ»', heading: true });
    expect(doc.tables).toHaveLength(2);
  });

  it('a symbol inserted with Insert › Symbol (sprmCSymbol) reads as the character it shows, never as the "(" it is stored as', async () => {
    const doc = await documentOf(join(WORD, 'symbols', 'symbol_greek_mu.doc'));
    expect(doc.paragraphs.map((p) => p.text)).toContain('111 μg.h/mL (AUC) and 15 μg/mL (Cmax).');
    expect(doc.paragraphs.map((p) => p.text)).toContain('TEST');
  });

  it("a list override's own level format (bullets) and the document's language", async () => {
    const doc = await documentOf(join(WORD, 'table_vmerge_norwegian.doc'));
    const bullets = doc.paragraphs.filter((p) => /^[•*] /u.test(p.text)).map((p) => p.text[0]);
    expect(bullets.length).toBeGreaterThan(10);
    expect(new Set(bullets)).toEqual(new Set(['•']));
  });
});

/** A Word document's streams, `change` applied to a copy, as a compound file again. */
function rebuilt(path: string, change: (streams: Record<string, Uint8Array>, fib: FibView) => void): Buffer {
  const file = readCompoundFile(readFileSync(path));
  const streams = Object.fromEntries(file.names.map((n) => [n, Uint8Array.from(file.stream(n)!)]));
  change(streams, new FibView(streams['WordDocument']!));
  return Buffer.from(compoundFile(streams));
}

/** The test's own reading of a FIB, to find what to damage. */
class FibView {
  readonly view: DataView;
  constructor(readonly wd: Uint8Array) {
    this.view = new DataView(wd.buffer, wd.byteOffset, wd.byteLength);
  }
  private get lw(): number {
    return 36 + this.view.getUint16(32, true) * 2;
  }
  /** Where the fc/lcb pair `i` is. */
  pairAt(i: number): number {
    return this.lw + this.view.getUint16(this.lw - 2, true) * 4 + 2 + i * 8;
  }
  fc(i: number): number {
    return this.view.getUint32(this.pairAt(i), true);
  }
  lcb(i: number): number {
    return this.view.getUint32(this.pairAt(i) + 4, true);
  }
  get tableStream(): string {
    return this.view.getUint16(10, true) & 0x0200 ? '1Table' : '0Table';
  }
}

async function refusal(bytes: Uint8Array, name = 'ke-hoach.doc', limits = DOCUMENT_LIMITS): Promise<{ code: string; params: unknown; en: string }> {
  try {
    await inputFromBytes(bytes, { name, documentLimits: limits });
  } catch (e) {
    if (e instanceof PovcheckError) return { code: e.code, params: e.params, en: (catalog('en').errors[e.code as keyof ReturnType<typeof catalog>['errors']] as (p: unknown) => string)(e.params) };
    throw e;
  }
  throw new Error('read without a refusal');
}

describe('a damaged or hostile Word 97–2003 document is refused, naming what is damaged', () => {
  const simple = join(WORD, 'word97_simple_table.doc');

  it('rebuilt unchanged, it reads (the damage below is the only change)', async () => {
    const input = await inputFromBytes(rebuilt(simple, () => {}), { name: 'a.doc' });
    expect(input.kind === 'document' && input.document.tables[0]!.grid.rows[1]![2]!.raw).toBe('Cell 2,3');
  });

  it('its FIB: not a Word FIB, encrypted, older than Word 97', async () => {
    expect(await refusal(rebuilt(simple, (s) => void s['WordDocument']!.fill(0, 0, 2)))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'doc-structure', structure: 'fib' } });
    const encrypted = await refusal(rebuilt(simple, (s) => void (s['WordDocument']![11]! |= 0x01)));
    expect(encrypted).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'encrypted-doc' } });
    expect(encrypted.en).toContain('this Word document is password-protected');
    const word6 = await refusal(rebuilt(simple, (s) => void s['WordDocument']!.set([0x65, 0x00], 2)));
    expect(word6).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'doc-version', version: 'Word 6.0' } });
    expect(word6.en).toContain('save it as "Word Document (.docx)"');
    // Word 95's own FIB: its ident 0xA5DC, nFib 0x68.
    expect(await refusal(rebuilt(simple, (s) => void s['WordDocument']!.set([0xdc, 0xa5, 0x68, 0x00], 0)))).toMatchObject({ params: { damage: 'doc-version', version: 'Word 95' } });
  });

  it('its text past its stream, its piece table past the table stream, no table stream', async () => {
    const text = await refusal(
      rebuilt(simple, (s, fib) => {
        const table = s[fib.tableStream]!;
        const clx = fib.fc(33);
        const n = (new DataView(table.buffer).getUint32(clx + 1, true) - 4) / 12;
        new DataView(table.buffer).setUint32(clx + 5 + (n + 1) * 4 + 2, 0x40000000 | (0x3fff0000 * 2), true);
      }),
    );
    expect(text).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'doc-structure', structure: 'text' } });
    expect(text.en).toBe('not a readable Word document: its text points outside the file or cannot be read (the file is cut short or damaged); open the original in Word and save it again');
    const pieces = await refusal(rebuilt(simple, (s, fib) => void new DataView(s['WordDocument']!.buffer).setUint32(fib.pairAt(33) + 4, 0x7fff0000, true)));
    expect(pieces).toMatchObject({ params: { structure: 'pieces' } });
    const noTable = await refusal(
      rebuilt(simple, (s, fib) => {
        delete s[fib.tableStream];
      }),
    );
    expect(noTable).toMatchObject({ params: { structure: 'table-stream' } });
  });

  it("its paragraphs' pages past the stream", async () => {
    const pages = await refusal(
      rebuilt(simple, (s, fib) => {
        const at = fib.fc(13) + fib.lcb(13) - 4;
        new DataView(s[fib.tableStream]!.buffer).setUint32(at, 0x3fffff, true);
      }),
    );
    expect(pages).toMatchObject({ params: { structure: 'paragraphs' } });
  });

  it('the container damaged: named .doc, a damaged Word document; a file of another kind named .doc', async () => {
    const cut = readFileSync(simple).subarray(0, 3000);
    expect(await refusal(cut)).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'ole' } });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);
    expect((await refusal(ole)).en).toBe('not a readable Word document: its Office 97–2003 container has no valid header (the file is damaged, or not a Word file)');
    await expect(readInput(join(FIXTURES, 'xls', 'poor-end-transposed.xls'))).resolves.toMatchObject({ kind: 'grid' });
  });

  it('over the limits: the text, the cells', async () => {
    expect(await refusal(readFileSync(simple), 'a.doc', { ...DOCUMENT_LIMITS, maxTextChars: 100 })).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', params: { what: 'text' } });
    expect(await refusal(readFileSync(simple), 'a.doc', { ...DOCUMENT_LIMITS, maxCells: 4 })).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', params: { what: 'cells' } });
  });
});
