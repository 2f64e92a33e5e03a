/**
 * bytes of a Word plan (.docx) → PlanDocument: its body paragraphs (numbered, with their sections) and its
 * tables as Grids. The ZIP is looked at first (zip-guard.ts: sizes from the central directory, a zip bomb
 * stops at the size its header declares); only word/document.xml (or the main part as _rels/.rels names it: Word Online
 * saves word/document2.xml) and word/numbering.xml are unpacked, capped (`readPart`), and read
 * with the streaming XML reader the workbooks use (xml-stream.ts: saxes, a DOCTYPE refused, depth and text
 * limits), one element at a time, within document-limits.ts.
 *
 * - Text: `w:t` runs, as Word shows them; tabs, line breaks and no-break spaces are spaces; soft hyphens and
 *   zero-width spaces, which Word does not show, are left out (document-outline.ts `withoutInvisible`). Left out: deleted
 *   text (`w:delText`) and table rows (`w:trPr/w:del`: not counted either), paragraph marks (`w:pPr/w:rPr/w:del`: the
 *   paragraph joins the next one in its cell or the body, as Word shows it), text moved away by a tracked move (`w:moveFrom`: Word shows it where it went, `w:moveTo`),
 *   field codes (`w:instrText`), a text box's own paragraphs, and hidden text (a run's `w:vanish`: Word neither
 *   shows nor prints it, as a workbook's hidden rows are not read), counted for the report (`hiddenText`). Footnotes and
 *   endnotes are not read; their marks in the text are counted for the report (`notes`).
 *   Superscript digits and brackets (`w:vertAlign`: a footnote mark typed after a figure) are read as the
 *   superscript characters they are (`4,00²`), never as digits of the figure (4,002); shape reads such a mark as a
 *   note. Word's automatic list numbers (word/numbering.xml, docx-numbering.ts) are read before a
 *   paragraph's text, as Word shows them ("I. MỤC TIÊU"), in a table cell alone when its paragraph is empty (an STT
 *   column numbered I, 1, 2 … by a list reads as typed); a heading style (Heading 1…, Title) or an
 *   outline level makes a paragraph a heading.
 * - Tables: every `w:tbl`, its rows and cells on the table's grid. A cell spanning columns
 *   (`w:gridSpan`) keeps its text in its first column, as a merged range in a workbook does; a cell merged
 *   down (`w:vMerge`) repeats the text of the cell it continues, with that cell's reference, unless that text
 *   is a number (numbers are never counted twice). So a two-row header (Toàn tỉnh merged down beside the
 *   districts under "Chia ra") reads as one header row, as in read/xlsx.ts. A table inside a cell (an annex
 *   in a one-cell frame) is a table of its own, and its text is also that cell's. A table in a text box
 *   (`w:txbxContent`: an annex laid out in a frame) is read once: Word writes the box twice, as DrawingML in
 *   `mc:Choice` and as VML in `mc:Fallback`, and the fallback is skipped. A table of the body that follows the
 *   one before it directly (nothing but empty paragraphs between: an annex split at a page break) with as many
 *   columns says so (`follows`); the document stage decides whether it continues that table (document/tables.ts).
 *   Cells are named "T1R3C4": table, row, grid column, 1-based, tables counted in document order, each before the
 *   tables inside it.
 */
import { PovcheckError, type ErrorParams } from '../errors.js';
import type { PlanDocument } from '../model/document.js';
import type { RawParagraph } from './document-outline.js';
import { CAPS_END, CAPS_START, isCapitalsFont, planDocument, styleLevel, superscript, symbolText, withLabel, type TableCellDraft, type TableDraft } from './word-document.js';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import type { EncodingChoice } from './encoding-choices.js';
import { containerKind, listZip, partNamed, readPart, relationshipsOf, wordMainPart, type ZipEntry } from './zip-guard.js';
import { folderOf, targetOfType } from './opc.js';
import { streamXml, XmlError, type XmlHandlers } from './xml-stream.js';
import { attr, listNumbers, numberingHandlers, type ListNumbers, type NumberingDefinitions } from './docx-numbering.js';

/** A part of the document, unpacked, and its name (for what a problem in it says). */
interface DocumentPart {
  name: string;
  xml: Uint8Array;
}

/**
 * The ZIP's facts, checked against the limits; the main part (word/document.xml, or as _rels/.rels names it:
 * zip-guard.ts `wordMainPart`) unpacked, and its numbering (word/numbering.xml) when there is one.
 */
function documentParts(bytes: Uint8Array, limits: DocumentLimits): { document: DocumentPart; numbering?: DocumentPart } {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    throw asDocumentError(e);
  }
  const kind = containerKind(entries, bytes);
  if (kind !== 'docx') throw new PovcheckError('FILE_BINARY', { kind: kind === 'workbook' ? 'zip' : kind });
  if (entries.length > limits.maxEntries) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'entries', limit: limits.maxEntries });
  let declared = 0;
  for (const e of entries) declared += e.declaredSize;
  if (declared > limits.maxUnpackedBytes) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'uncompressed', limitMb: mb(limits.maxUnpackedBytes) });
  const entry = wordMainPart(bytes, entries)!;
  const numbering = numberingPart(bytes, entries, entry.name);
  for (const e of [entry, ...(numbering ? [numbering] : [])]) {
    if (e.encrypted) throw new PovcheckError('FILE_BINARY', { kind: 'encrypted' });
    if (e.declaredSize > limits.maxDocumentBytes) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'document', limitMb: mb(limits.maxDocumentBytes) });
  }
  try {
    // Inflated once, capped at the size its header declares (a bomb that lies stops there).
    const part = (e: ZipEntry): DocumentPart => ({ name: e.name, xml: readPart(bytes, e) });
    return { document: part(entry), ...(numbering ? { numbering: part(numbering) } : {}) };
  } catch (e) {
    throw asDocumentError(e);
  }
}

/** A main part's relationships list its images and links too: far less than this. */
const MAIN_RELS_CAP = 1024 * 1024;

/**
 * The main part's numbering: the part its own relationships (word/_rels/document2.xml.rels …) name as such, else
 * word/numbering.xml; undefined when there is none.
 */
function numberingPart(bytes: Uint8Array, entries: readonly ZipEntry[], main: string): ZipEntry | undefined {
  const rels = relationshipsOf(bytes, entries, main, MAIN_RELS_CAP);
  const target = rels && targetOfType(rels, '/numbering', folderOf(main));
  return (target !== undefined ? partNamed(entries, target) : undefined) ?? partNamed(entries, 'word/numbering.xml');
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

/** The ZIP reader speaks of workbooks; for a document its problems are the document's. */
function asDocumentError(e: unknown): unknown {
  if (!(e instanceof PovcheckError)) return e;
  if (e.code === 'WORKBOOK_INVALID') return new PovcheckError('DOCUMENT_INVALID', e.params as ErrorParams['WORKBOOK_INVALID']);
  if (e.code === 'WORKBOOK_TOO_LARGE') return new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'zip64' });
  return e;
}

/** Subtrees whose text is not the document's running text. */
const SKIPPED = new Set(['Fallback', 'instrText', 'delText', 'moveFrom', 'footnoteReference', 'endnoteReference']);

/** Word document bytes → PlanDocument. Throws PovcheckError for files it cannot or will not read. */
export async function readDocx(bytes: Uint8Array, limits: DocumentLimits = DOCUMENT_LIMITS, encoding?: EncodingChoice): Promise<PlanDocument> {
  const parts = documentParts(bytes, limits);
  const st: DocxState = { limits, numbers: parts.numbering ? readNumbering(parts.numbering, limits) : undefined, raw: [], tables: [], stack: [], paras: [], boxes: [], joining: new Map(), skip: 0, inT: false, runHidden: false, runSuperscript: false, runCaps: false, hiddenText: 0, textBoxText: 0, notes: 0, tablesOpen: [], opened: 0, cells: 0, chars: 0 };
  parseXml(parts.document, { open: (name, a) => openElement(st, name, a), close: (name) => closeElement(st, name), text: (t) => text(st, t) }, limits);
  endJoining(st);
  // In the order Word counts them: a table before the tables inside it.
  const doc = planDocument('docx', st.raw, st.tables.sort((a, b) => a.draft.order - b.draft.order), limits, encoding);
  return { ...doc, ...(st.hiddenText > 0 ? { hiddenText: st.hiddenText } : {}), ...(st.textBoxText > 0 ? { textBoxText: st.textBoxText } : {}), ...(st.notes > 0 ? { notes: st.notes } : {}) };
}

/** Where readDocx is in the document's XML, and what it has gathered so far. */
interface DocxState {
  readonly limits: DocumentLimits;
  /** Word's automatic list numbers (numbering.xml), counted as the numbered paragraphs come. */
  readonly numbers: ListNumbers | undefined;
  /** The paragraphs outside tables, in order. */
  readonly raw: RawParagraph[];
  /** The tables read, nested ones included, each with the number of paragraphs before it. */
  readonly tables: Array<{ draft: TableDraft; after: number }>;
  /** The open elements' local names. */
  readonly stack: string[];
  /** Depth inside a skipped subtree. */
  skip: number;
  inT: boolean;
  /** The open run is hidden text (`w:vanish` in its properties). */
  runHidden: boolean;
  /** The open run is superscript (`w:vertAlign`). */
  runSuperscript: boolean;
  /** The open run's font is a TCVN3 capitals font (.VnTimeH: word-document.ts `isCapitalsFont`). */
  runCaps: boolean;
  /** Paragraphs (a table cell's included) that hold hidden text, not read. */
  hiddenText: number;
  /** Text boxes' own paragraphs (outside a table in the box) that hold text, not read. */
  textBoxText: number;
  /** Footnote and endnote marks in the text Word shows (word/footnotes.xml, endnotes.xml are not read). */
  notes: number;
  /** The paragraphs being read, outermost first: a text box's paragraph is read inside the one anchoring it. */
  readonly paras: ParagraphDraft[];
  /** The open text boxes, each the number of tables open where it starts. */
  readonly boxes: number[];
  /** Per container (`containerOf`), the paragraphs whose marks were deleted with Track Changes on, to join the next. */
  readonly joining: Map<TableCellDraft | number, Joining>;
  /** Tables being read, outermost first. */
  readonly tablesOpen: TableDraft[];
  /** Tables opened so far. */
  opened: number;
  cells: number;
  chars: number;
}

interface ParagraphDraft {
  text: string;
  level?: number;
  /** Its automatic list number (`w:numPr`): the list and the level. */
  numId?: string;
  ilvl?: number;
  /** It holds hidden text, not read. */
  hidden?: boolean;
  /** Its mark was deleted with Track Changes on (`w:pPr/w:rPr/w:del`): Word shows it joined with the next one. */
  joinsNext?: boolean;
}

/** Character data: the running text only inside a <w:t> outside skipped subtrees. */
function text(st: DocxState, t: string): void {
  if (st.inT && st.skip === 0) append(st, t);
}

/** Text of the open run, unless the run is hidden (then only noted). */
function append(st: DocxState, s: string): void {
  const para = st.paras.at(-1);
  if (!para) return;
  if (!st.runHidden) para.text += st.runCaps && /\S/u.test(s) ? `${CAPS_START}${st.runSuperscript ? superscript(s) : s}${CAPS_END}` : st.runSuperscript ? superscript(s) : s;
  else if (s.trim() !== '') para.hidden = true;
}


/** In a paragraph's own numbering (`w:p/w:pPr/w:numPr`), not a tracked change's former properties. */
const inParagraphNumbering = (st: DocxState) => st.stack.at(-2) === 'numPr' && st.stack.at(-3) === 'pPr' && st.stack.at(-4) === 'p';

/** In a run's properties (not the paragraph mark's). */
const inRunProperties = (st: DocxState) => st.stack.at(-2) === 'rPr' && st.stack.at(-3) === 'r';

/** `w:vanish` in a run's properties (not the paragraph mark's): the run is hidden, unless its value says off. */
function isRunVanish(st: DocxState, attributes: Readonly<Record<string, string>>): boolean {
  return inRunProperties(st) && !/^(?:0|false|off)$/i.test(attr(attributes, 'val') ?? '');
}

function openElement(st: DocxState, name: string, attributes: Readonly<Record<string, string>>): void {
  st.stack.push(name);
  if (st.skip === 0 && (name === 'footnoteReference' || name === 'endnoteReference') && !st.stack.includes('del')) st.notes++;
  if (st.skip > 0 || SKIPPED.has(name)) {
    st.skip++;
    return;
  }
  openTextElement(st, name, attributes);
  openTableElement(st, name, attributes);
}

/** Paragraphs, runs and their text; a heading's level from its style or outline level. */
function openTextElement(st: DocxState, name: string, attributes: Readonly<Record<string, string>>): void {
  const para = st.paras.at(-1);
  switch (name) {
    case 'p':
      st.paras.push({ text: '' });
      break;
    case 'txbxContent':
      st.boxes.push(st.tablesOpen.length);
      break;
    case 'r':
      st.runHidden = false;
      st.runSuperscript = false;
      st.runCaps = false;
      break;
    case 'vanish':
      if (isRunVanish(st, attributes)) st.runHidden = true;
      break;
    case 'rFonts':
      if (inRunProperties(st)) st.runCaps = isCapitalsFont(attr(attributes, 'ascii') ?? attr(attributes, 'hAnsi') ?? '');
      break;
    case 'vertAlign':
      if (inRunProperties(st)) st.runSuperscript = attr(attributes, 'val') === 'superscript';
      break;
    case 't':
      st.inT = true;
      break;
    case 'tab':
    case 'br':
    case 'cr':
      if (st.stack[st.stack.length - 2] === 'r') append(st, ' ');
      break;
    case 'noBreakHyphen':
      append(st, '-');
      break;
    case 'sym':
      // Insert › Symbol (`≥`, `±`, a Greek letter): the character its font and code show.
      if (st.stack[st.stack.length - 2] === 'r') append(st, symbolText(attr(attributes, 'font') ?? '', Number.parseInt(attr(attributes, 'char') ?? '', 16) || 0));
      break;
    case 'pStyle': {
      const level = styleLevel(attr(attributes, 'val') ?? '');
      if (para && level !== undefined) para.level = level;
      break;
    }
    case 'numId':
    case 'ilvl':
      if (para && inParagraphNumbering(st)) {
        if (name === 'numId') para.numId = attr(attributes, 'val');
        else para.ilvl = positive(attr(attributes, 'val'));
      }
      break;
    case 'del':
      if (para && st.stack.at(-2) === 'rPr' && st.stack.at(-3) === 'pPr' && st.stack.at(-4) === 'p') para.joinsNext = true;
      break;
    case 'outlineLvl': {
      const v = Number(attr(attributes, 'val'));
      if (para && Number.isInteger(v) && v >= 0 && v < 9) para.level = v + 1;
      break;
    }
  }
}

/**
 * Tables, rows and cells, of the innermost open table: a table inside a cell (an annex laid out in a one-cell frame)
 * is a table of its own, and its text is also its cell's in the tables around it.
 */
function openTableElement(st: DocxState, name: string, attributes: Readonly<Record<string, string>>): void {
  const { tablesOpen, limits } = st;
  const inner = tablesOpen.at(-1);
  switch (name) {
    case 'tbl':
      // A paragraph does not join across a table: one whose mark is deleted before it stays a paragraph.
      endJoining(st, containerOf(st));
      tablesOpen.push({ rows: [], order: st.opened++, inBody: tablesOpen.length === 0 && st.boxes.length === 0 });
      break;
    case 'tr':
      if (inner) inner.rows.push({ before: 0, cells: [] });
      break;
    case 'del':
      // A row deleted with Track Changes on: not read, and not counted (its text, w:delText, is left out anyway).
      if (inner && inner.rows.length > 0 && st.stack.at(-2) === 'trPr') inner.rows.at(-1)!.deleted = true;
      break;
    case 'gridBefore':
      if (inner && inner.rows.length > 0) inner.rows.at(-1)!.before = positive(attr(attributes, 'val'));
      break;
    case 'tc':
      if (inner) {
        inner.cell = { text: [], span: 1 };
        inner.rows.at(-1)?.cells.push(inner.cell);
        if (++st.cells > limits.maxCells) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
      }
      break;
    case 'gridSpan':
      if (inner?.cell) inner.cell.span = Math.min(positive(attr(attributes, 'val')) || 1, limits.maxCols);
      break;
    case 'vMerge':
      if (inner?.cell) inner.cell.vMerge = attr(attributes, 'val') === 'restart' ? 'restart' : 'continue';
      break;
  }
}

function closeElement(st: DocxState, closed: string): void {
  const name = st.stack.pop() ?? closed;
  if (st.skip > 0) {
    st.skip--;
    return;
  }
  switch (name) {
    case 't':
      st.inT = false;
      break;
    case 'r':
      st.runHidden = false;
      st.runSuperscript = false;
      st.runCaps = false;
      break;
    case 'p':
      closeParagraph(st, st.paras.pop()!);
      break;
    case 'txbxContent':
      endJoining(st, containerOf(st));
      st.boxes.pop();
      break;
    case 'tc': {
      const inner = st.tablesOpen.at(-1);
      endJoining(st, containerOf(st));
      if (inner) inner.cell = undefined;
      break;
    }
    case 'tbl': {
      const done = st.tablesOpen.pop()!;
      st.tables.push({ draft: done, after: st.raw.length });
      break;
    }
  }
}

/**
 * A paragraph outside tables joins the running text (counted against the limits); one in a table, its cell's text
 * (the cells of the tables open inside its text box, when it is in one). A text box's own paragraphs are not the
 * running text (Word's and LibreOffice's plain-text exports leave them out too), and are left out, counted for the
 * report (`textBoxText`: a figure stated there is not checked, and the report says so).
 */
function closeParagraph(st: DocxState, closed: ParagraphDraft): void {
  const { limits } = st;
  const where = containerOf(st);
  const waiting = st.joining.get(where);
  if (closed.joinsNext) {
    st.joining.set(where, joining(waiting, closed));
    return;
  }
  st.joining.delete(where);
  const para = waiting ? whole(joining(waiting, closed)) : closed;
  const label = listLabel(st, para);
  const box = st.boxes.at(-1);
  const tables = box === undefined ? st.tablesOpen : st.tablesOpen.slice(box);
  if (box !== undefined && tables.length === 0) {
    if (para.text.trim() !== '') st.textBoxText++;
    return;
  }
  if (para.hidden) st.hiddenText++;
  if (tables.length === 0) {
    // An empty body paragraph is not counted (outline.ts), numbered or not.
    if (para.text.trim() !== '') para.text = withLabel(label, para.text);
    st.raw.push({ text: para.text, ...(para.level !== undefined ? { styleLevel: para.level } : {}) });
    if (st.raw.length > limits.maxParagraphs) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'paragraphs', limit: limits.maxParagraphs });
    if ((st.chars += para.text.length) > limits.maxTextChars) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: limits.maxTextChars });
  } else {
    // A cell's number is its text as Word shows it, alone in an empty paragraph (an STT column numbered I, 1, 2 …).
    const shown = withLabel(label, para.text);
    for (const t of tables) t.cell?.text.push(shown);
  }
}

/**
 * What holds a paragraph: the innermost open cell of the innermost text box's tables (or the body's), else the text
 * box (its depth), else the body (0).
 */
function containerOf(st: DocxState): TableCellDraft | number {
  const cell = st.tablesOpen.length > (st.boxes.at(-1) ?? 0) ? st.tablesOpen.at(-1)?.cell : undefined;
  return cell ?? st.boxes.length;
}

/**
 * Paragraphs joined as Word shows them once their deleted marks are accepted: one, the text of all, with the
 * properties of the first one with text left (its heading level, its list number: Word keeps the first paragraph's
 * formatting); a paragraph deleted whole (its text and its mark) leaves the next one its own. The texts are kept
 * apart until the last one, each looked at once.
 */
interface Joining {
  readonly texts: string[];
  props: ParagraphDraft;
  shown: boolean;
  hidden: boolean;
}

/** `waiting` (when there is one) and `para` after it. */
function joining(waiting: Joining | undefined, para: ParagraphDraft): Joining {
  const j = waiting ?? { texts: [], props: para, shown: false, hidden: false };
  j.texts.push(para.text);
  if (!j.shown) j.props = para;
  j.shown ||= para.text.trim() !== '';
  j.hidden ||= para.hidden === true;
  return j;
}

const whole = (j: Joining): ParagraphDraft => ({ ...j.props, text: j.texts.join(''), hidden: j.hidden, joinsNext: false });

/** Paragraphs left waiting to join the next where there is no next (the end of their cell, text box or the body): one. */
function endJoining(st: DocxState, where: TableCellDraft | number = 0): void {
  const waiting = st.joining.get(where);
  st.joining.delete(where);
  if (waiting) closeParagraph(st, whole(waiting));
}

/**
 * The number Word shows before a paragraph numbered by a list (`w:numPr`), counting it: every numbered paragraph is
 * counted, in the body, in table cells and in text boxes, in document order, except those of a table row deleted
 * with Track Changes on (not read: gone once the changes are accepted, and the rows after it numbered without it).
 */
function listLabel(st: DocxState, para: ParagraphDraft): string | undefined {
  if (para.numId === undefined || para.numId === '0' || st.tablesOpen.some((t) => t.rows.at(-1)?.deleted)) return undefined;
  return st.numbers?.label(para.numId, para.ilvl ?? 0);
}


function positive(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** word/numbering.xml's lists, to count the paragraphs numbered by them. */
function readNumbering(numbering: DocumentPart, limits: DocumentLimits): ListNumbers {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  parseXml(numbering, numberingHandlers(defs), limits);
  return listNumbers(defs);
}

/** A part (the main part, its numbering) through the streaming XML reader (read/xml-stream.ts), its problems the document's. */
function parseXml({ name: part, xml }: DocumentPart, handlers: XmlHandlers, limits: DocumentLimits): void {
  try {
    // A run of text (w:t) may be a whole paragraph; the document's text as a whole has its own limit.
    streamXml(xml, handlers, { maxText: 1_000_000, maxDepth: limits.maxDepth, maxElements: 4_000_000 });
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    const p = e.problem;
    switch (p.kind) {
      case 'syntax':
        throw new PovcheckError('DOCUMENT_INVALID', { part, xml: 'syntax', detail: p.detail });
      case 'doctype':
        throw new PovcheckError('DOCUMENT_INVALID', { part, xml: 'doctype' });
      default:
        throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: p.kind, limit: p.limit });
    }
  }
}
