/**
 * Relationships of an Office document's parts (Open Packaging Conventions, ECMA-376 Part 2): which part a
 * relationship names, for the workbook reader (xl/_rels/workbook.xml.rels: the sheets, shared strings and styles) and
 * for finding a Word document's main part (zip-guard.ts `wordMainPart`: _rels/.rels, then the main part's own
 * relationships for its numbering). Part names are matched regardless of case elsewhere (zip-guard.ts `partNamed`);
 * here only names. Pure: XML bytes or strings in, names out.
 */
import { streamXml, XmlError, type XmlHandlers } from './xml-stream.js';

export interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships by Id: the internal ones only (an external Target is a web address, not a part). */
export type Relationships = Map<string, Relationship>;

/** Handlers for the streaming XML reader that gather a relationships part's internal relationships into `into`. */
export function relationshipHandlers(into: Relationships): XmlHandlers {
  return {
    open(name, a) {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== 'External') into.set(a.Id, { type: a.Type ?? '', target: a.Target });
    },
  };
}

/** A relationships part's internal relationships; undefined when it is not well-formed XML (or over the XML limits). */
export function readRelationships(xml: Uint8Array): Relationships | undefined {
  const rels: Relationships = new Map();
  try {
    streamXml(xml, relationshipHandlers(rels));
  } catch (e) {
    if (e instanceof XmlError) return undefined;
    throw e;
  }
  return rels;
}

/**
 * A relationship Target as a part name: relative to `base`, the folder of the part whose relationships name it
 * ("worksheets/sheet1.xml" from xl/ → "xl/worksheets/sheet1.xml"), or from the package's root when it starts with a
 * slash ("/word/document2.xml" → "word/document2.xml").
 */
export function partPath(target: string, base: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The folder a part is in, with its slash ("word/document2.xml" → "word/"; "" for the package itself). */
export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** Where a part's relationships are: word/document2.xml → word/_rels/document2.xml.rels; the package's ("") → _rels/.rels. */
export const relationshipsPartOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;

/**
 * The part named by the first relationship whose type ends with `suffix` ("/officeDocument": transitional and strict
 * alike), resolved from `base`; undefined when there is none.
 */
export function targetOfType(rels: Relationships, suffix: string, base: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return partPath(r.target, base);
  return undefined;
}
