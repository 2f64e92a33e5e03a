/**
 * Looking inside what povcheck writes (docx and xlsx are ZIP containers), with the ZIP reader the scripts
 * use (scripts/zip.mjs), so that there is one.
 */
// @ts-expect-error plain JavaScript module without types
import { readZip } from '../scripts/zip.mjs';

export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  return (readZip as (b: Buffer) => Map<string, Buffer>)(Buffer.from(bytes));
}

/** The text of each cell of each table in a WordprocessingML document: tables → rows → cells. */
export function docxTables(documentXml: string): string[][][] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => decode([...c[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))),
    ),
  );
}
