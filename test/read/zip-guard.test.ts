/**
 * The ZIP container's directory (read/zip-guard.ts `listZip`), for workbooks and Word documents alike: two parts
 * of one name, or of names that differ only in case, are refused (programs differ in which one they read), and so
 * is a part whose local header names another part; an end record that is damaged is said to be
 * damaged (where it places the directory, how many parts it counts), and ZIP64 is named only for a real ZIP64
 * record. A Word document's main part is the one its package relationships name (`wordMainPart`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerKind, listZip, wordMainPart } from '../../src/read/zip-guard.js';
import { gridFromWorkbook } from '../../src/read/xlsx.js';
import { readDocx } from '../../src/read/docx.js';
import { inputFromBytes, readInput } from '../../src/read/index.js';
import { cellAt } from '../../src/model/grid.js';
import { ooxmlApi, workbook, workbookParts, zipApi } from '../xlsx-build.js';

const annex = ooxmlApi.annexSheet();
/** The same annex but Xã B's poor households at the end: 99, which its flow does not give. */
const other = ooxmlApi.annexSheet([['Toàn tỉnh', 30, 5, 25], ['Xã A', 10, 2, 8], ['Xã B', 20, 3, 99]]);
const GOOD = workbook([['S', annex]]);
const DOCX = ooxmlApi.docx(ooxmlApi.para('Tỷ lệ hộ nghèo năm 2020 là 5,00%.'));

const failure = async (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => e);
const listFailure = (bytes: Uint8Array) => failure(Promise.resolve().then(() => listZip(bytes)));

/** A copy of `bytes` with its end-of-central-directory record changed by `edit` (given the record's offset). */
function withEndRecord(bytes: Buffer, edit: (b: Buffer, eocd: number) => void): Buffer {
  const b = Buffer.from(bytes);
  edit(b, b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])));
  return b;
}

/**
 * A copy of `bytes` with a ZIP64 end record and its locator before the end record, as a ZIP64 writer puts them;
 * `markers`: the end record's fields say "see ZIP64" (0xFFFF…), as they do in an archive past ZIP's limits.
 */
function withZip64Record(bytes: Buffer, markers: boolean): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = BigInt(bytes.readUInt16LE(eocd + 10));
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(count, 24);
  record.writeBigUInt64LE(count, 32);
  record.writeBigUInt64LE(BigInt(bytes.readUInt32LE(eocd + 12)), 40);
  record.writeBigUInt64LE(BigInt(bytes.readUInt32LE(eocd + 16)), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(bytes.subarray(eocd));
  if (markers) {
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
  }
  return Buffer.concat([bytes.subarray(0, eocd), record, locator, end]);
}

describe('two parts of one name are refused, naming the part (for a workbook and a Word document alike)', () => {
  it('two sheets named xl/worksheets/sheet1.xml, in either order: never one of them chosen silently', async () => {
    for (const [first, second] of [[annex, other], [other, annex]]) {
      const bytes = zipApi.writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', Buffer.from(first!)], ['xl/worksheets/sheet1.xml', Buffer.from(second!)]]);
      expect(await failure(gridFromWorkbook(bytes))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-twice', part: 'xl/worksheets/sheet1.xml' } });
      expect(await failure(inputFromBytes(bytes, { name: 'annex.xlsx' }))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-twice' } });
    }
  });

  it('any part, not only a sheet: the shared strings, the relationships', async () => {
    const parts = [...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', Buffer.from(annex)]] as Array<[string, Buffer]>;
    const rels = parts.find(([n]) => n === 'xl/_rels/workbook.xml.rels')!;
    expect(await failure(gridFromWorkbook(zipApi.writeZip([...parts, rels])))).toMatchObject({ params: { damage: 'part-twice', part: 'xl/_rels/workbook.xml.rels' } });
  });

  it('a Word document with two word/document.xml', async () => {
    const parts = [...zipApi.readZip(DOCX).entries()];
    const bytes = zipApi.writeZip([...parts, ['word/document.xml', zipApi.readZip(ooxmlApi.docx(ooxmlApi.para('Tỷ lệ hộ nghèo năm 2020 là 9,00%.'))).get('word/document.xml')!]]);
    expect(await failure(readDocx(bytes))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'part-twice', part: 'word/document.xml' } });
    expect(await failure(inputFromBytes(bytes, { name: 'plan.docx' }))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'part-twice' } });
  });

});

describe('two parts whose names differ only in case are refused, naming both (one part to Excel, two to an exact reader)', () => {
  /** The workbook with its sheet part twice: `first` as `name`, then the annex as xl/worksheets/sheet1.xml, or the other order. */
  const caseTwins = (name: string, first: string, reversed = false) => {
    const parts: Array<[string, Buffer]> = [[name, Buffer.from(first)], ['xl/worksheets/sheet1.xml', Buffer.from(annex)]];
    return zipApi.writeZip([...workbookParts([['S', '']]), ...(reversed ? parts.reverse() : parts)]);
  };

  it('xl/worksheets/Sheet1.xml beside xl/worksheets/sheet1.xml, in either order: LibreOffice 7.4 reads the one the relationships spell', async () => {
    expect(await failure(gridFromWorkbook(caseTwins('xl/worksheets/Sheet1.xml', other)))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-case', part: 'xl/worksheets/Sheet1.xml', other: 'xl/worksheets/sheet1.xml' } });
    expect(await failure(gridFromWorkbook(caseTwins('XL/WORKSHEETS/SHEET1.XML', other, true)))).toMatchObject({ params: { damage: 'part-case', part: 'xl/worksheets/sheet1.xml', other: 'XL/WORKSHEETS/SHEET1.XML' } });
  });

  it('a Word document with word/document.xml and Word/Document.xml', async () => {
    const parts = [...zipApi.readZip(DOCX).entries()];
    const bytes = zipApi.writeZip([...parts, ['Word/Document.xml', parts.find(([n]) => n === 'word/document.xml')![1]]]);
    expect(await failure(readDocx(bytes))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'part-case', part: 'word/document.xml', other: 'Word/Document.xml' } });
  });

  it('a relationship spelling a part in another case names that part, as Office reads it (the twins being refused)', async () => {
    const parts = [...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', Buffer.from(annex)] as [string, Buffer]].map(([n, b]): [string, Buffer] =>
      n === 'xl/_rels/workbook.xml.rels' ? [n, Buffer.from(b.toString('utf8').replace('worksheets/sheet1.xml', 'worksheets/Sheet1.xml'))] : [n, b],
    );
    expect(parts.some(([n, b]) => n === 'xl/_rels/workbook.xml.rels' && b.toString('utf8').includes('worksheets/Sheet1.xml'))).toBe(true);
    expect(cellAt(await gridFromWorkbook(zipApi.writeZip(parts)), 3, 3)).toMatchObject({ raw: '17' });
  });

  it('parts whose names differ otherwise read as before', async () => {
    expect(cellAt(await gridFromWorkbook(caseTwins('xl/worksheets/sheet2.xml', other)), 3, 3)).toMatchObject({ raw: '17' });
  });
});

/** A copy of `bytes` whose local header of the part `name` names `local` instead (as long), its directory unchanged. */
function withLocalName(bytes: Buffer, name: string, local: string): Buffer {
  const b = Buffer.from(bytes);
  const entry = listZip(b).find((e) => e.name === name)!;
  expect(Buffer.byteLength(local)).toBe(entry.rawName.length);
  b.write(local, entry.offset + 30);
  return b;
}

describe('a part whose local header names another part than the directory is refused, naming both', () => {
  /** Two sheets, the annex and the changed one; each local header names the other's part. */
  const swapped = () => {
    const bytes = workbook([['S', other], ['T', annex]]);
    return withLocalName(withLocalName(bytes, 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'), 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml');
  };

  it('the sheets\' local headers swapped: a reader that walks the local headers would read the other table (LibreOffice 7.4 reads none)', async () => {
    expect(await failure(gridFromWorkbook(swapped()))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-name', part: 'xl/worksheets/sheet1.xml', local: 'xl/worksheets/sheet2.xml' } });
    expect(await failure(inputFromBytes(swapped(), { name: 'annex.xlsx' }))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'part-name' } });
  });

  it('any part, a name that differs only in case, a part the reader does not read: every part is checked before anything is read', async () => {
    expect(await failure(gridFromWorkbook(withLocalName(GOOD, 'xl/worksheets/sheet1.xml', 'xl/worksheets/Sheet1.xml')))).toMatchObject({ params: { damage: 'part-name', local: 'xl/worksheets/Sheet1.xml' } });
    expect(await failure(gridFromWorkbook(withLocalName(GOOD, '[Content_Types].xml', '[Content_Types].xmL')))).toMatchObject({ params: { damage: 'part-name', part: '[Content_Types].xml' } });
  });

  it('a Word document\'s word/document.xml', async () => {
    expect(await failure(readDocx(withLocalName(DOCX, 'word/document.xml', 'word/documenT.xml')))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'part-name', part: 'word/document.xml', local: 'word/documenT.xml' } });
  });
});

describe('a damaged end record is said to be damaged, never ZIP64', () => {
  const endDamage = (fault: string, more: object = {}) => ({ code: 'WORKBOOK_INVALID', params: { damage: 'end-record', fault, ...more } });

  it('a count of parts that is not the directory\'s (more, fewer, 0xFFFF): one part fewer would have hidden a sheet', async () => {
    const parts = listZip(GOOD).length;
    for (const listed of [parts + 1, parts - 1, 0xffff]) {
      const bytes = withEndRecord(GOOD, (b, eocd) => {
        b.writeUInt16LE(listed, eocd + 8);
        b.writeUInt16LE(listed, eocd + 10);
      });
      expect(await listFailure(bytes)).toMatchObject(endDamage('count', { listed, found: parts }));
      expect(await failure(gridFromWorkbook(bytes))).toMatchObject(endDamage('count'));
    }
  });

  it('a directory placed outside the file or over the end record (offset, size; 0xFFFFFFFF without ZIP64; every field 0xFF)', async () => {
    const edits: Array<(b: Buffer, eocd: number) => void> = [
      (b, eocd) => b.writeUInt32LE(b.length + 1000, eocd + 16),
      (b, eocd) => b.writeUInt32LE(0xffffffff, eocd + 16),
      (b, eocd) => b.writeUInt32LE(0x7fffffff, eocd + 12),
      (b, eocd) => b.writeUInt32LE(0xffffffff, eocd + 12),
      (b, eocd) => b.writeUInt32LE(b.readUInt32LE(eocd + 12) + 1, eocd + 12),
      (b, eocd) => b.fill(0xff, eocd + 4, eocd + 20),
    ];
    for (const edit of edits) expect(await listFailure(withEndRecord(GOOD, edit))).toMatchObject(endDamage('outside'));
  });

  it('an end record that does not point to the directory before it (its fields zeroed)', async () => {
    expect(await listFailure(withEndRecord(GOOD, (b, eocd) => b.fill(0, eocd + 4, eocd + 20)))).toMatchObject(endDamage('place'));
  });

  it('an entry whose size or offset is 0xFFFFFFFF without a ZIP64 field is a damaged directory', async () => {
    for (const at of [20, 24, 42]) {
      const bytes = withEndRecord(GOOD, (b, eocd) => b.writeUInt32LE(0xffffffff, b.readUInt32LE(eocd + 16) + at));
      expect(await listFailure(bytes)).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'directory' } });
    }
  });

  it('a Word document says the same of itself', async () => {
    const bytes = withEndRecord(DOCX, (b, eocd) => b.writeUInt32LE(0xffffffff, eocd + 16));
    expect(await failure(readDocx(bytes))).toMatchObject({ code: 'DOCUMENT_INVALID', params: { damage: 'end-record', fault: 'outside' } });
  });
});

describe('a real ZIP64 record is named as ZIP64', () => {
  it('an end record saying "see ZIP64" with the ZIP64 locator before it: too large, for a workbook and a document', async () => {
    expect(await failure(gridFromWorkbook(withZip64Record(GOOD, true)))).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'zip64' } });
    expect(await failure(readDocx(withZip64Record(DOCX, true)))).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', params: { what: 'zip64' } });
  });

  it('an entry with ZIP64 sizes in its extra field', async () => {
    const bytes = withEndRecord(GOOD, (b, eocd) => {
      const p = b.readUInt32LE(eocd + 16);
      const nameEnd = p + 46 + b.readUInt16LE(p + 28);
      // The first entry's name becomes a name and a ZIP64 extra field in its place (header 0x0001, 0 bytes of data).
      b.writeUInt16LE(b.readUInt16LE(p + 28) - 4, p + 28);
      b.writeUInt16LE(b.readUInt16LE(p + 30) + 4, p + 30);
      b.writeUInt16LE(0x0001, nameEnd - 4);
      b.writeUInt16LE(0, nameEnd - 2);
      b.writeUInt32LE(0xffffffff, p + 24);
    });
    expect(await listFailure(bytes)).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'zip64' } });
  });

  it('a ZIP64 record whose end record still holds the real fields reads as before', async () => {
    expect(cellAt(await gridFromWorkbook(withZip64Record(GOOD, false)), 3, 3)).toMatchObject({ raw: '17' });
    expect((await readDocx(withZip64Record(DOCX, false))).paragraphs).toHaveLength(1);
  });
});

describe("a Word document's main part is the one its package relationship names (wordMainPart; Word Online saves word/document2.xml)", () => {
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
  const STRICT_OFFICE_DOCUMENT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
  const rels = (target: string, type = OFFICE_DOCUMENT, extra = '') => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${extra}<Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`);
  const body = zipApi.readZip(DOCX).get('word/document.xml')!;
  /** A package of `parts` ([name, bytes]), with [Content_Types].xml first. */
  const pkg = (...parts: Array<[string, Buffer]>) => zipApi.writeZip([['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')], ...parts]);
  const main = (bytes: Buffer) => wordMainPart(bytes, listZip(bytes))?.name;
  const kind = (bytes: Buffer) => containerKind(listZip(bytes), bytes);

  it('a relative target (word/document2.xml), an absolute one (/word/document22.xml), a strict relationship type', () => {
    for (const [target, type, part] of [
      ['word/document2.xml', OFFICE_DOCUMENT, 'word/document2.xml'],
      ['/word/document22.xml', OFFICE_DOCUMENT, 'word/document22.xml'],
      ['./word/../word/document2.xml', OFFICE_DOCUMENT, 'word/document2.xml'],
      ['word/document2.xml', STRICT_OFFICE_DOCUMENT, 'word/document2.xml'],
    ] as const) {
      const bytes = pkg(['_rels/.rels', rels(target, type)], [part, body]);
      expect(main(bytes), target).toBe(part);
      expect(kind(bytes), target).toBe('docx');
    }
  });

  it('the target spelled in another case than the part (Office matches part names regardless of case)', () => {
    const bytes = pkg(['_rels/.rels', rels('word/Document2.xml')], ['word/document2.xml', body]);
    expect(main(bytes)).toBe('word/document2.xml');
  });

  it('the named part before word/document.xml when both are there; an external relationship is no part', () => {
    expect(main(pkg(['_rels/.rels', rels('word/document2.xml')], ['word/document.xml', body], ['word/document2.xml', body]))).toBe('word/document2.xml');
    const external = `<Relationship Id="rId0" Type="${OFFICE_DOCUMENT}" Target="https://example.org/word/document2.xml" TargetMode="External"/>`;
    expect(main(pkg(['_rels/.rels', rels('word/document3.xml', OFFICE_DOCUMENT, external)], ['word/document2.xml', body], ['word/document3.xml', body]))).toBe('word/document3.xml');
  });

  it('no package relationships, or none of type officeDocument: word/document.xml, as before; without it no Word document', () => {
    expect(main(pkg(['word/document.xml', body]))).toBe('word/document.xml');
    expect(main(pkg(['_rels/.rels', rels('docProps/core.xml', `${PKG}/metadata/core-properties`)], ['word/document.xml', body]))).toBe('word/document.xml');
    const renamedAlone = pkg(['word/document2.xml', body]);
    expect(main(renamedAlone)).toBeUndefined();
    expect(kind(renamedAlone)).toBe('zip');
  });

  it('relationships that cannot be read (not XML, larger than 64 KiB, a local header naming another part) are taken as absent', () => {
    // Well-formed, within the XML reader's limits, but over the cap: not inflated past it.
    const big = rels('word/document2.xml', OFFICE_DOCUMENT, `<Relationship Id="rIdX" Type="${PKG}/x" Target="x.xml"/>`.repeat(1500));
    expect(big.length).toBeGreaterThan(64 * 1024);
    for (const bad of [Buffer.from('<Relationships><Relationship'), big]) {
      expect(main(pkg(['_rels/.rels', bad], ['word/document2.xml', body], ['word/document.xml', body]))).toBe('word/document.xml');
      expect(kind(pkg(['_rels/.rels', bad], ['word/document2.xml', body]))).toBe('zip');
    }
    const relabelled = withLocalName(pkg(['_rels/.rels', rels('word/document2.xml')], ['word/document2.xml', body]), '_rels/.rels', '_rels/.relz');
    expect(main(relabelled)).toBeUndefined();
  });

  it('a target that is not there, or not under word/: no Word document (a file named .docx is said to be damaged), unless word/document.xml is there', async () => {
    for (const target of ['word/document2.xml', 'ppt/presentation.xml']) {
      const bytes = pkg(['_rels/.rels', rels(target)], ['word/document3.xml', body], ['ppt/presentation.xml', body]);
      expect(main(bytes), target).toBeUndefined();
      expect(kind(bytes), target).toBe('zip');
      expect(await failure(readDocx(bytes)), target).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'zip' } });
      expect(main(pkg(['_rels/.rels', rels(target)], ['word/document.xml', body])), target).toBe('word/document.xml');
    }
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-main-part-'));
    const file = join(dir, 'plan.docx');
    writeFileSync(file, pkg(['_rels/.rels', rels('/word/document2.xml')], ['word/document3.xml', body]));
    expect(await failure(readInput(file))).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'docx-damaged' }, file });
  });

  it('a renamed main part is read as word/document.xml is, for readDocx and for inputFromBytes (which tells a document from a table)', async () => {
    for (const absolute of [false, true]) {
      const renamed = ooxmlApi.renameMainPart(DOCX, { absolute });
      expect(zipApi.readZip(renamed).has('word/document.xml')).toBe(false);
      expect(await readDocx(renamed)).toEqual(await readDocx(DOCX));
      expect(await inputFromBytes(renamed, { name: 'plan.docx' })).toMatchObject({ kind: 'document', document: { paragraphs: [{ text: 'Tỷ lệ hộ nghèo năm 2020 là 5,00%.' }] } });
      expect(await inputFromBytes(renamed)).toMatchObject({ kind: 'document' });
    }
  });
});
