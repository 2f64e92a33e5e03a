/**
 * The kinds of file povcheck meets in a folder of submissions, by extension: the one list of what it reads
 * (a folder run checks these), what looks like a table or a document but is not read (a folder run lists each
 * as not checked, with how to convert it, and counts it as unreadable), and what is neither (README.md, notes,
 * images: left alone). A file named on the command line is read whatever its name (the content decides).
 * The plan's .docx became readable (issue 15) and moved from REFUSED to READ, and so did Word 97–2003's .doc
 * (read/word97.ts).
 */
import { extname } from 'node:path';
import { readSync, openSync, closeSync } from 'node:fs';

/** Workbooks povcheck reads (read/xlsx.ts; Excel 97–2003's .xls, read/xls.ts; LibreOffice's .ods and flat .fods, read/ods.ts): the rest it reads is delimited text, or a plan's .docx. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.fods'] as const;

/** Read by a folder run: tables, and plan documents (Word's .docx and .doc: their tables and their text, src/document/). */
export const READ_EXTENSIONS = ['.csv', '.tsv', ...WORKBOOK_EXTENSIONS, '.docx', '.doc'] as const;

/** Spreadsheets and documents povcheck does not read, and what each is (for the advice on converting it). */
export const REFUSED_KINDS = {
  '.xlsb': 'xlsb',
  '.numbers': 'numbers',
  '.et': 'et',
  '.odt': 'document',
  '.rtf': 'document',
  '.wps': 'document',
  '.pdf': 'pdf',
} as const;

/** By its content, whatever its name: `html`, a web page without a table (a web system's "export to Excel" saves one as .xls). */
export type RefusedKind = (typeof REFUSED_KINDS)[keyof typeof REFUSED_KINDS] | 'html';

/**
 * A web page's start (after a byte order mark, blank lines, an XML declaration and comments): `<!DOCTYPE html`, `<html`, a
 * bare `<table>`; or one of
 * the elements a web system's "export to Excel" starts its page with (an ASP.NET GridView rendered alone: `<meta …>`,
 * `<div>`, `<style>`, a title in `<h1>`, `<b>`, `<center>`) when a `<table` follows in the text given: a CSV whose first
 * cell happens to be `<b>Tổng</b>` stays a CSV.
 */
export const looksLikeHtml = (text: string): boolean => {
  const head = text.slice(0, 1024);
  // XHTML (LibreOffice's and other tools' export) opens with an XML declaration, and pages with a comment or two.
  if (/^\uFEFF?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--[^>]{0,400}-->\s*)*<(?:!doctype\s+html|html[\s>]|table[\s>])/i.test(head)) return true;
  return /^\uFEFF?\s*<(?:head|body|meta|style|title|div|center|font|span|p|b|h[1-6])[\s>/]/i.test(head) && /<table[\s>]/i.test(text);
};

const lower = (path: string) => extname(path).toLowerCase();

export const isReadKind = (path: string): boolean => (READ_EXTENSIONS as readonly string[]).includes(lower(path));

/** Whether an extension (lower case, with its dot: `.xlsx`) is a workbook's. */
export const isWorkbookExtension = (extension: string): boolean => (WORKBOOK_EXTENSIONS as readonly string[]).includes(extension);

/** The kind of a spreadsheet or document povcheck does not read, by its extension. */
export function refusedKind(path: string): RefusedKind | undefined {
  return (REFUSED_KINDS as Record<string, RefusedKind>)[lower(path)];
}

/** A file's first `size` bytes, 4 KiB by default (undefined when it cannot be read: the reader then says why). */
function headOf(path: string, size = 4096): Buffer | undefined {
  const head = Buffer.alloc(size);
  try {
    const fd = openSync(path, 'r');
    try {
      return head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * A .xml in a folder is a table only when it is Excel 2003's "XML Spreadsheet" (its namespace in its first 4 KiB, as a
 * reporting system's export names it .xml): other XML files (configurations, feeds) are left alone.
 */
export function looksLikeXmlSpreadsheet(path: string): boolean {
  if (lower(path) !== '.xml') return false;
  const head = headOf(path);
  return head === undefined || head.toString('utf8').includes('urn:schemas-microsoft-com:office:spreadsheet');
}

/**
 * A .txt in a folder is a table only when it looks like Excel's text exports: "Unicode Text" (a UTF-16 byte
 * order mark) or "Text (Tab delimited)" (TABs on its first lines). Other .txt files are notes, left alone.
 */
export function looksLikeTextTable(path: string): boolean {
  if (lower(path) !== '.txt') return false;
  const head = headOf(path);
  if (head === undefined) return true; // unreadable: let the reader say why
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const lines = head.toString('latin1').split(/\r?\n/).slice(0, 5).filter((l) => l.trim() !== '');
  return lines.length >= 2 && lines.filter((l) => l.includes('\t')).length >= 2;
}

/** A web page's extensions: HTML, and MHTML (a page saved as one file, Word's "Single File Web Page"). */
const WEB_PAGE_EXTENSIONS = ['.htm', '.html', '.mht', '.mhtml'];

/** How much of a web page tells what it is: Word's page opens with long style sheets before its body. */
const WEB_PAGE_HEAD = 65_536;

/**
 * A web page in a folder: `table` (a table or a plan to check: a `<table>`, or a word processor's or spreadsheet's
 * page, Word's and Excel's ProgId, LibreOffice's or OpenOffice's generator, in its first 64 KiB; a saved MHTML
 * page), `own` (a report or table povcheck wrote: its generator is povcheck, left alone), `other` (a page of
 * something else, named as not checked), or undefined (not a web page's name).
 */
export function webPageKind(path: string): 'table' | 'own' | 'other' | undefined {
  const ext = lower(path);
  if (!WEB_PAGE_EXTENSIONS.includes(ext)) return undefined;
  const bytes = headOf(path, WEB_PAGE_HEAD);
  if (bytes === undefined) return 'table'; // unreadable: let the reader say why
  const head = bytes.toString('latin1');
  if (/<meta\s+name="generator"\s+content="povcheck"/i.test(head)) return 'own';
  if (ext === '.mht' || ext === '.mhtml') return /content-type:\s*(?:multipart\/related|text\/html)/i.test(head) ? 'table' : 'other';
  const madeBy = /<meta\s+name=["']?(?:ProgId["']?\s+content=["']?(?:Word\.Document|Excel\.Sheet)|generator["']?\s+content=["']?(?:LibreOffice|OpenOffice|Microsoft))/i;
  return /<table[\s>]/i.test(head) || madeBy.test(head) ? 'table' : 'other';
}

/** What a folder run does with a file: check it, list it as not read (with its kind), or leave it alone. */
export function folderKind(path: string): 'read' | RefusedKind | 'ignore' {
  if (isReadKind(path) || looksLikeTextTable(path) || looksLikeXmlSpreadsheet(path) || webPageKind(path) === 'table') return 'read';
  return refusedKind(path) ?? 'ignore';
}
