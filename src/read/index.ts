/**
 * File → Grid. Picks the reader by content: a ZIP container holding xl/workbook.xml is an Excel workbook
 * (.xlsx/.xlsm, read by xlsx.ts); other ZIP containers (.ods, .xlsb, .docx) and
 * binary files are refused with their name; everything else is delimited text (decode.ts + csv.ts).
 * An OLE file named .xlsx/.xlsm is a password-protected workbook.
 *
 * `readInput` (validate) also reads plan documents: a ZIP holding word/document.xml (or the main part its
 * _rels/.rels names: zip-guard.ts `wordMainPart`) is a Word plan (docx.ts), and decoded text that is prose rather than a table is Word's plain-text export of one
 * (text-document.ts). A Word 97–2003 document (.doc, an OLE compound file holding a WordDocument stream) is read by word97.ts.
 */
// Synchronous reads: a CLI reads its inputs one after the other, and node:fs/promises alone costs a few
// milliseconds of start-up (docs/performance.md "Start-up").
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { asOdsDamage, inTextLanguage, PovcheckError } from '../errors.js';
import { decodeBytes, decodeStreamed, HEAD_BYTES, OLE_SIGNATURE, type ByteSource, type DecodedText, type EncodingChoice, type StreamedText } from './decode.js';
import { delimitedTable, readDelimited, type Delimiter, type DelimitedTable } from './csv.js';
import type { Grid, SourceInfo } from '../model/grid.js';
import { isZip } from './zip-signature.js';
import { looksLikeHtml, refusedKind } from './kinds.js';
import { extname } from 'node:path';
import type { WorkbookLimits } from './zip-guard.js';
import type { PlanDocument } from '../model/document.js';
import type { DocumentLimits } from './document-limits.js';
import type { CompoundFile } from './cfb.js';

export interface ReadOptions {
  delimiter?: Delimiter;
  /** Workbooks: sheet name or 1-based position. */
  sheet?: string;
  /** Workbooks: limits on unpacked size, cells and extent (tests lower them). */
  limits?: WorkbookLimits;
  /** `--encoding`: detected by default. */
  encoding?: EncodingChoice;
  /** Plan documents: limits against hostile files (tests lower them). */
  documentLimits?: DocumentLimits;
}

/** What an input holds: a table, or a plan document with its text and tables. */
export type InputContent = { kind: 'grid'; grid: Grid } | { kind: 'document'; document: PlanDocument } | { kind: 'table'; table: DelimitedTable };

/** Where a table input came from (its kind, encoding, delimiter or sheet): a delimited table's from its first rows. */
export function sourceOf(input: Exclude<InputContent, { kind: 'document' }>): SourceInfo {
  return input.kind === 'table' ? input.table.head.source : input.grid.source;
}

/** Larger inputs than this are refused rather than risking the machine's memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A side file's limit (a configuration, targets, a units map: a few KB in practice), read whole and parsed as JSON
 * or CSV: one larger is refused before it is read (a 62 MB configuration ran a small heap out of memory).
 */
export const MAX_SIDE_FILE_BYTES = 16 * 1024 * 1024;

/** The file's stats, checked: a regular file within `maxBytes` (else the reason, naming the file). */
function fileStats(path: string, stats?: Stats, maxBytes = MAX_FILE_BYTES): Stats {
  let info = stats;
  try {
    info ??= statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PovcheckError('FILE_NOT_FOUND', path === '-' ? { stdin: true } : {}, { file: path });
    throw new PovcheckError('FILE_UNREADABLE', { reason: 'io', detail: code ?? 'unknown error' }, { file: path });
  }
  if (info.isDirectory()) throw new PovcheckError('FILE_UNREADABLE', { reason: 'directory' }, { file: path });
  if (!info.isFile()) throw new PovcheckError('FILE_UNREADABLE', { reason: 'not-a-file' }, { file: path });
  if (info.size > maxBytes) {
    throw new PovcheckError('FILE_TOO_LARGE', { limitMb: maxBytes / 1024 / 1024 }, { file: path });
  }
  return info;
}

const ioError = (e: unknown, path: string) =>
  e instanceof PovcheckError ? e : new PovcheckError('FILE_UNREADABLE', { reason: 'io', detail: (e as NodeJS.ErrnoException).code ?? 'unknown error' }, { file: path });

/**
 * A file's bytes. `size`: its size from the stat the caller made, read into a buffer of that size without
 * asking the system again (open, read, close: one call fewer a file than readFileSync's, per file of a folder
 * run); as readFileSync, the bytes up to that size or to the end of the file, whichever comes first.
 */
function readWhole(path: string, size?: number): Uint8Array {
  try {
    if (!size) {
      // A view of the buffer read, not a copy (a copy doubles a large file's bytes in memory until collected).
      const buffer = readFileSync(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    const buffer = Buffer.allocUnsafe(size);
    const fd = openSync(path, 'r');
    let got = 0;
    try {
      while (got < size) {
        const n = readSync(fd, buffer, got, size - got, null);
        if (n === 0) break;
        got += n;
      }
    } finally {
      closeSync(fd);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, got);
  } catch (e) {
    throw ioError(e, path);
  }
}

export async function readFileBytes(path: string, stats?: Stats, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  return readWhole(path, fileStats(path, stats, maxBytes).size);
}

/**
 * A file's bytes read a piece at a time into one reused buffer (as large as the largest piece asked for, the
 * text's head): a large table's bytes are never held whole (decode.ts `decodeStreamed`). A file that changes
 * size while it is read is refused (FILE_UNREADABLE).
 */
function fileBytes(path: string, size: number): ByteSource {
  let fd: number | undefined;
  let buffer = Buffer.alloc(0);
  const changed = () => new PovcheckError('FILE_UNREADABLE', { reason: 'changed' }, { file: path });
  return {
    length: size,
    read(pos, end) {
      const want = Math.min(end, size) - pos;
      if (buffer.length < want) buffer = Buffer.allocUnsafe(want);
      try {
        fd ??= openSync(path, 'r');
        let got = 0;
        while (got < want) {
          const n = readSync(fd, buffer, got, want - got, pos + got);
          if (n === 0) throw changed();
          got += n;
        }
      } catch (e) {
        throw ioError(e, path);
      }
      return new Uint8Array(buffer.buffer, buffer.byteOffset, want);
    },
    all() {
      const bytes = readWhole(path);
      if (bytes.length !== size) throw changed();
      return bytes;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** A MIME message's first header (`MIME-Version: 1.0`): perhaps a web page saved as one file (MHTML). */
const MIME_START = /^(?:mime-version|from|subject|date|content-type|snapshot-content-location)\s*:/i;

/** An MHTML file's page (read/mhtml.ts: Word's "Single File Web Page"), read as the web page it is; other bytes as they are. */
async function pageOfMhtml(bytes: Uint8Array): Promise<Uint8Array> {
  if (!MIME_START.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1'))) return bytes;
  return (await import('./mhtml.js')).mhtmlPage(bytes) ?? bytes;
}

/** A web page's grid marked as read from a page saved as one file (MHTML), for the read line. */
const savedAsOne = (grid: Grid, mhtml: boolean): Grid => (mhtml && grid.source.kind === 'workbook' ? { ...grid, source: { ...grid.source, mhtml: true } } : grid);

/** A web page (a web system's "export to Excel", often named .xls), by its first bytes: UTF-8, or UTF-16 with a BOM. */
function isWebPage(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && head.indexOf(0x3c) < 0) return false;
  return looksLikeHtml(new TextDecoder(utf16 ?? 'utf-8').decode(head));
}

/** A web page's table (read/html-table.ts), in the page's encoding; a page without a table is refused as a web page. */
async function webPageGrid(bytes: Uint8Array, opts: ReadOptions & { name?: string; pageText?: string }, workbookOpts: WorkbookOptions): Promise<Grid> {
  const text = opts.pageText ?? decodeBytes(bytes, opts.encoding).text;
  const { gridFromHtml, hasTable } = await import('./html-table.js');
  if (!hasTable(text)) throw new PovcheckError('FILE_KIND', { kind: 'html', ext: opts.name ? extname(opts.name).toLowerCase() : '' });
  return gridFromHtml(text, workbookOpts);
}

/** What a workbook reader is given: the sheet asked for, the limits. */
type WorkbookOptions = { sheet?: string; limits?: WorkbookLimits };

/**
 * The kind of spreadsheet a file's first bytes say it is (whatever its name), asked once a file: a ZIP container
 * (.xlsx, .xlsm, .ods, or a .docx), an OLE compound file (.xls, or another Office 97 file), a spreadsheet saved as one
 * XML file (a flat .fods, Excel 2003's XML), a web page; undefined for text.
 */
type Container = 'zip' | 'ole' | 'fods' | 'xml2003' | 'html';

function containerOf(bytes: Uint8Array): Container | undefined {
  if (isZip(bytes)) return 'zip';
  if (isOle(bytes)) return 'ole';
  const head = bytes.subarray(0, 4096);
  const xml = head.indexOf(0x3c) >= 0 ? xmlSpreadsheet(new TextDecoder().decode(head)) : undefined;
  if (xml) return xml === 'ods' ? 'fods' : 'xml2003';
  return isWebPage(bytes) ? 'html' : undefined;
}

/** A spreadsheet of any container read by its reader (each loaded when needed), its legacy-font text then read as Unicode. */
/** `compound`: an OLE container already read (inputFromBytes looked in it for a Word document). */
/** `pageText`: a web page's text, already decoded (inputFromBytes looked in it for a plan). */
async function containerGrid(container: Container, bytes: Uint8Array, opts: ReadOptions & { name?: string; compound?: CompoundFile; pageText?: string }): Promise<Grid> {
  const workbookOpts: WorkbookOptions = { ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}), ...(opts.limits ? { limits: opts.limits } : {}) };
  let grid: Grid;
  switch (container) {
    case 'zip':
      grid = await (await import('./xlsx.js')).gridFromWorkbook(bytes, workbookOpts);
      break;
    case 'ole':
      grid = (await import('./xls.js')).gridFromOle(bytes, workbookOpts, opts.compound);
      break;
    case 'fods':
      grid = (await import('./ods.js')).gridFromFods(bytes, workbookOpts);
      break;
    case 'xml2003':
      grid = (await import('./xml-spreadsheet.js')).gridFromXmlSpreadsheet(bytes, workbookOpts);
      break;
    case 'html':
      grid = await webPageGrid(bytes, opts, workbookOpts);
      break;
  }
  return (await import('./legacy-fonts.js')).withUnicodeText(grid, opts.encoding);
}

/** `{\rtf` first: an RTF document (Word's "Rich Text Format", often named .doc or .txt), refused with how to save it as .docx. */
function refuseRtf(bytes: Uint8Array): void {
  if (bytes[0] === 0x7b && new TextDecoder().decode(bytes.subarray(0, 5)) === '{\\rtf') throw new PovcheckError('FILE_BINARY', { kind: 'rtf' });
}

/** The kind of a spreadsheet saved as one XML file, by its declaration and namespaces: `ods` (flat OpenDocument), `xml2003` (Excel 2003 XML). */
function xmlSpreadsheet(head: string): 'ods' | 'xml2003' | undefined {
  if (!/^\uFEFF?\s*<\?xml[\s?]/.test(head)) return undefined;
  if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  return undefined;
}

/** Bytes of a delimited text file → Grid. Pure: no file system. */
export function gridFromBytes(bytes: Uint8Array, opts: ReadOptions = {}): Grid {
  const { text, encoding } = decodeBytes(bytes, opts.encoding);
  try {
    return readDelimited(text, encoding, opts.delimiter).grid;
  } catch (e) {
    throw inTextLanguage(e, text);
  }
}

/** Bytes of any input povcheck reads (workbook or delimited text) → Grid; running text (a plan document) is refused. Pure apart from loading the readers. */
export async function gridFromAnyBytes(given: Uint8Array, opts: ReadOptions & { name?: string } = {}): Promise<Grid> {
  const bytes = await pageOfMhtml(given);
  const container = containerOf(bytes);
  if (container) return savedAsOne(await containerGrid(container, bytes, opts), bytes !== given);
  refuseRawBiff(bytes);
  refuseRtf(bytes);
  const { text, encoding } = decodeBytes(bytes, opts.encoding);
  try {
    // Running text (a plan's plain-text export) split at its semicolons made a table of sentences: refused, as a
    // Word document is, unless a delimiter is given.
    if (opts.delimiter === undefined) {
      const { looksLikeDocument } = await import('./text-document.js');
      if (looksLikeDocument(text)) throw new PovcheckError('NOT_A_TABLE', { reason: 'document' });
    }
    try {
      return readDelimited(text, encoding, opts.delimiter).grid;
    } catch (e) {
      if (opts.delimiter === undefined && (await proseWithoutColumns(e, text))) throw new PovcheckError('NOT_A_TABLE', { reason: 'document' });
      throw e;
    }
  } catch (e) {
    throw inTextLanguage(e, text);
  }
}

/** Errors that say only "not a table I read": for a file whose name says what it is, the name explains better. */
const CONTENT_ERRORS = new Set(['FILE_BINARY', 'NOT_A_TABLE', 'CSV_MALFORMED', 'ENCODING_INVALID', 'ENCODING_LEGACY', 'TEXT_GARBLED', 'WORKBOOK_INVALID']);

/**
 * A content error said better by the file's name, naming the file: an .xls, .ods, .pdf … that is what its name says
 * (not a CSV misnamed) gets how to convert it; binary data named .xlsx/.xlsm/.docx (those are ZIP archives) is
 * said to be no workbook or document, rather than "not a CSV".
 */
function explainedByName(e: unknown, path: string): unknown {
  if (!(e instanceof PovcheckError)) return e;
  const kind = refusedKind(path);
  if (kind && CONTENT_ERRORS.has(e.code)) return new PovcheckError('FILE_KIND', { kind, ext: extname(path).toLowerCase() }, { file: path });
  // A damaged container named .ods is a damaged OpenDocument spreadsheet, not "no Excel workbook"; one named .xls, a
  // damaged Excel 97–2003 workbook; one named .doc, a damaged Word 97–2003 document.
  if (e.code === 'FILE_BINARY' && e.params.kind === 'binary' && /\.xls$/i.test(path)) return new PovcheckError('WORKBOOK_INVALID', { damage: 'ole', fault: 'header', of: 'xls' }, { file: path });
  // Binary data or text that is no table named .doc is no Word document (it was "no column structure").
  if (/\.doc$/i.test(path) && (e.code === 'NOT_A_TABLE' || (e.code === 'FILE_BINARY' && e.params.kind === 'binary'))) return new PovcheckError('DOCUMENT_INVALID', { damage: 'ole', fault: 'header' }, { file: path });
  if (e.code === 'WORKBOOK_INVALID' && /\.f?ods$/i.test(path)) return asOdsDamage(e, path);
  if (e.code === 'FILE_BINARY' && e.params.kind === 'binary' && /\.(?:xlsx|xlsm|docx)$/i.test(path)) {
    return new PovcheckError('FILE_BINARY', { kind: 'not-zip' }, { file: path });
  }
  // A ZIP archive named .docx without a Word document in it is a damaged document, not "no Excel workbook".
  if (e.code === 'FILE_BINARY' && e.params.kind === 'zip' && /\.docx$/i.test(path)) return new PovcheckError('FILE_BINARY', { kind: 'docx-damaged' }, { file: path });
  return e.withFile(path);
}

export async function readGrid(path: string, opts: ReadOptions = {}): Promise<Grid> {
  const bytes = await readFileBytes(path);
  try {
    return await gridFromAnyBytes(bytes, { ...opts, name: path });
  } catch (e) {
    throw explainedByName(e, path);
  }
}

/**
 * An OLE compound file: an Excel 97–2003 workbook (whatever its name), a password-protected .xlsx, or another Office
 * 97 file; read/xls.ts reads the first and names the others.
 */
const isOle = (bytes: Uint8Array): boolean => OLE_SIGNATURE.every((b, i) => bytes[i] === b);

/** The versions an Excel 2.x–4.0 workbook's first record (BOF) names; those files are its records alone, without a container. */
const RAW_BIFF: Record<number, string> = { 0x00: 'BIFF2', 0x02: 'BIFF3', 0x04: 'BIFF4', 0x08: 'BIFF5' };

/** An Excel 2.x–4.0 workbook (a BOF record first, of a BOF's length): refused as the old Excel it is, not as binary data. */
function refuseRawBiff(bytes: Uint8Array): void {
  const version = bytes[0] === 0x09 && bytes.length >= 8 && bytes[3] === 0 && bytes[2]! >= 4 && bytes[2]! <= 20 ? RAW_BIFF[bytes[1]!] : undefined;
  if (version) throw new PovcheckError('WORKBOOK_INVALID', { damage: 'biff-version', version, of: 'xls' });
}

/**
 * Bytes of any input validate reads → a table's grid or a plan document. `documents: false` (fix, which
 * rewrites tables only): no plan document is looked for, the bytes are read as a table as `gridFromAnyBytes`
 * reads them.
 */
export async function inputFromBytes(given: Uint8Array, opts: ReadOptions & { name?: string; records?: boolean; documents?: false } = {}): Promise<InputContent> {
  const documents = opts.documents !== false;
  const bytes = await pageOfMhtml(given);
  const container = containerOf(bytes);
  if (container === 'zip' && documents) {
    const { listZip, containerKind } = await import('./zip-guard.js');
    let kind: string | undefined;
    try {
      kind = containerKind(listZip(bytes), bytes);
    } catch {
      kind = undefined; // the workbook reader names the damage
    }
    if (kind === 'docx' || (kind === undefined && opts.name !== undefined && /\.docx$/i.test(opts.name))) {
      const { readDocx } = await import('./docx.js');
      return { kind: 'document', document: await readDocx(bytes, opts.documentLimits, opts.encoding) };
    }
  }
  let compound: CompoundFile | undefined;
  if (container === 'ole' && documents) {
    const { wordDocumentIn } = await import('./word97.js');
    const { document, file } = wordDocumentIn(bytes, opts.name, opts.documentLimits, opts.encoding);
    if (document) return { kind: 'document', document };
    compound = file;
  }
  let pageText: string | undefined;
  if (container === 'html' && documents) {
    // A plan as a web page (Word's "Save as Web Page", a system's "export to Word" named .doc): a document when its
    // text outside its tables is a plan's; else its tables, as a web page's (its text decoded once).
    const { htmlDocument } = await import('./html-document.js');
    pageText = decodeBytes(bytes, opts.encoding).text;
    const document = htmlDocument(pageText, opts.documentLimits, opts.name !== undefined && /\.(?:docx?|dot)$/i.test(opts.name));
    if (document) return { kind: 'document', document: bytes !== given ? { ...document, mhtml: true } : document };
  }
  if (container) return { kind: 'grid', grid: savedAsOne(await containerGrid(container, bytes, { ...opts, ...(compound ? { compound } : {}), ...(pageText !== undefined ? { pageText } : {}) }), bytes !== given) };
  refuseRawBiff(bytes);
  refuseRtf(bytes);
  // A large table without quotes is decoded a piece at a time as its records are read, never whole (its text
  // would be the largest thing in memory); quoted text is read whole (csv-parse), as is everything small.
  // (A text of HEAD_BYTES or less is never streamed: decodeStreamed would say so.)
  const streamed = opts.records && bytes.length > HEAD_BYTES && !bytes.includes(0x22) ? await streamedInput(decodeStreamed(bytes, opts.encoding), opts) : undefined;
  if (streamed) return streamed;
  const decoded = decodeBytes(bytes, opts.encoding);
  try {
    // Running text (a plan's plain-text export): a document, or refused where no document is read (`fix`), as split
    // at its semicolons it makes a table of sentences.
    const asDocument = async (): Promise<InputContent> => {
      if (!documents) throw new PovcheckError('NOT_A_TABLE', { reason: 'document' });
      const { readTextDocument } = await import('./text-document.js');
      return { kind: 'document', document: readTextDocument(decoded.text, decoded.encoding, opts.documentLimits) };
    };
    if (opts.delimiter === undefined) {
      const { looksLikeDocument } = await import('./text-document.js');
      if (looksLikeDocument(decoded.text)) return await asDocument();
    }
    try {
      if (opts.records) return { kind: 'table', table: delimitedTable(decoded.text, decoded.encoding, opts.delimiter, undefined, utf8Body(bytes, decoded)) };
      return { kind: 'grid', grid: readDelimited(decoded.text, decoded.encoding, opts.delimiter).grid };
    } catch (e) {
      if (opts.delimiter === undefined && (await proseWithoutColumns(e, decoded.text))) return await asDocument();
      throw e;
    }
  } catch (e) {
    throw inTextLanguage(e, decoded.text);
  }
}

/**
 * A text no line of which splits into fields (the table reader's "no column structure") that has running text in
 * it: the opening of a plan (its letterhead's short lines, its title, a preamble of citations), too little prose
 * for `looksLikeDocument` to call it a document among its short lines, but no table either.
 */
async function proseWithoutColumns(e: unknown, text: string): Promise<boolean> {
  if (!(e instanceof PovcheckError) || e.code !== 'NOT_A_TABLE' || (e.params as { reason?: string }).reason !== 'no-columns') return false;
  const { isProse } = await import('./text-document.js');
  return text.split('\n').some(isProse);
}

/**
 * The bytes a UTF-8 text was decoded from, after its BOM: what its records after the head are read from (read/csv.ts
 * `delimitedTable`: split on the bytes, a plain unit row stored from them, as a large file's are). Undefined for any
 * other encoding, and when a second BOM follows the first (the decoder drops it: the text is not those bytes').
 */
function utf8Body(bytes: Uint8Array, decoded: DecodedText): Uint8Array | undefined {
  if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') return undefined;
  const body = decoded.encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
  return body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? undefined : body;
}

/**
 * A large text without quotes as a table read a piece at a time as its records are read (or the plan document
 * its head says it is); undefined otherwise (`inputFromBytes` reads it whole).
 */
async function streamedInput(streamed: StreamedText | undefined, opts: ReadOptions & { documents?: false }): Promise<InputContent | undefined> {
  if (!streamed || streamed.quoted) return undefined;
  try {
    if (opts.delimiter === undefined) {
      const { looksLikeDocument, readTextDocument } = await import('./text-document.js');
      if (looksLikeDocument(streamed.head)) {
        if (opts.documents === false) throw new PovcheckError('NOT_A_TABLE', { reason: 'document' });
        return { kind: 'document', document: readTextDocument(streamed.whole(), streamed.encoding, opts.documentLimits) };
      }
    }
    return { kind: 'table', table: delimitedTable(streamed, streamed.encoding, opts.delimiter) };
  } catch (e) {
    throw inTextLanguage(e, streamed.head);
  }
}

/**
 * Whether a file opens with markup (`<`: a web page, XML) or a MIME header (a page saved as one file): never a
 * delimited table to read a piece at a time, however large (a 6 MB "export to Excel" without a quote in it was split
 * as text and refused as having no column structure).
 */
function startsAsMarkup(path: string, size: number): boolean {
  const source = fileBytes(path, size);
  try {
    const first = Buffer.from(source.read(0, Math.min(size, 1024))).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
    return /^\s*</.test(first) || MIME_START.test(first);
  } finally {
    source.close();
  }
}

/** A file validate reads: a table or a plan document. Errors name the file, and say how to convert a kind povcheck does not read. */
/** `stats`: the file's, when the caller has them (validateFile: each file is stat'ed once). */
export async function readInput(path: string, opts: ReadOptions & { records?: boolean } = {}, stats?: Stats): Promise<InputContent> {
  const { size } = fileStats(path, stats);
  try {
    // A large table is read from the file a piece at a time (its bytes never whole); what that path does not
    // read (quotes, other encodings, a workbook …) is read whole, as before.
    if (opts.records && size > HEAD_BYTES && !startsAsMarkup(path, size)) {
      const streamed = await streamedInput(decodeStreamed(fileBytes(path, size), opts.encoding), opts);
      if (streamed) return streamed;
    }
    const bytes = readWhole(path, size);
    return await inputFromBytes(bytes, { ...opts, name: path });
  } catch (e) {
    throw explainedByName(e, path);
  }
}
