/**
 * Relationships of an Office document's parts (read/opc.ts): where a relationships part is, which part a Target
 * names (relative to the source part's folder, or from the package's root), and which relationships are read.
 */
import { describe, expect, it } from 'vitest';
import { folderOf, partPath, readRelationships, relationshipsPartOf, targetOfType } from '../../src/read/opc.js';

const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

describe('part names', () => {
  it('a Target relative to the source part, or absolute; . and .. resolved', () => {
    expect(partPath('worksheets/sheet1.xml', 'xl/')).toBe('xl/worksheets/sheet1.xml');
    expect(partPath('/xl/worksheets/sheet1.xml', 'xl/')).toBe('xl/worksheets/sheet1.xml');
    expect(partPath('word/document2.xml', '')).toBe('word/document2.xml');
    expect(partPath('/word/document2.xml', '')).toBe('word/document2.xml');
    expect(partPath('../customXml/item1.xml', 'word/')).toBe('customXml/item1.xml');
    expect(partPath('./numbering.xml', 'word/')).toBe('word/numbering.xml');
  });

  it("a part's folder and its relationships part; the package's own", () => {
    expect(folderOf('word/document2.xml')).toBe('word/');
    expect(folderOf('')).toBe('');
    expect(relationshipsPartOf('word/document2.xml')).toBe('word/_rels/document2.xml.rels');
    expect(relationshipsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relationshipsPartOf('')).toBe('_rels/.rels');
  });
});

describe('readRelationships', () => {
  const xml = (s: string) => new TextEncoder().encode(s);

  it('the internal relationships by Id; an external one (a web address) and one without a Target are not parts', () => {
    const rels = readRelationships(
      xml(
        `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${PKG}/metadata/core-properties" Target="docProps/core.xml"/>` +
          `<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="https://example.org/x" TargetMode="External"/>` +
          `<Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"/>` +
          `<Relationship Id="rId4" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document22.xml"/></Relationships>`,
      ),
    )!;
    expect([...rels.keys()]).toEqual(['rId1', 'rId4']);
    expect(targetOfType(rels, '/officeDocument', '')).toBe('word/document22.xml');
    expect(targetOfType(rels, '/numbering', 'word/')).toBeUndefined();
  });

  it('undefined when the part is not XML, or has a DOCTYPE', () => {
    expect(readRelationships(xml('<Relationships><Relationship'))).toBeUndefined();
    expect(readRelationships(xml('<!DOCTYPE x [<!ENTITY a "b">]><Relationships/>'))).toBeUndefined();
  });
});
