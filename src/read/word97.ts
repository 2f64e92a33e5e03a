/**
 * bytes of a Word 97–2003 document (.doc, [MS-DOC]) → PlanDocument, as docx.ts reads a .docx: provincial and district
 * plans are still handed over in this format. The OLE container is read by cfb.ts; from the WordDocument stream and
 * its table stream (0Table or 1Table, as the FIB says):
 *
 * - the FIB (file information block): the main text's length and where the structures below are;
 * - the piece table (the CLX): which bytes hold the text, 8-bit (Windows-1252) or UTF-16;
 * - the paragraphs' properties (PAPX pages, `word97-properties.ts`): in a table or not, how deep, a row's end (TTP)
 *   with the row's cell edges and merges (sprmTDefTable, sprmTVertMerge), the style (a heading's level) and the
 *   outline level; a paragraph holding many properties keeps them in the Data stream (sprmPHugePapx), read there;
 * - the characters' properties (CHPX pages): a TCVN3 capitals font (.VnTimeH, by the font table), hidden text (not read, counted as docx.ts counts it), text deleted with
 *   Track Changes on (left out; a deleted paragraph mark joins the paragraph to the next one), superscript (a
 *   footnote mark typed after a figure reads `4,00²`, never 4,002), a footnote's mark (counted);
 * - the styles (STSH): which style is a heading, by its built-in number or its name.
 *
 * Fields show their result, not their code (`{ PAGE }` → 3). A page break (\x0c) is a space in its paragraph, as a .docx's
 * `w:br`; at a section's end (the section table, PlcfSed) it ends the paragraph. Tables: a cell ends at \x07, a row at the \x07 whose
 * paragraph is a row's end; each row's cells sit between the edges its sprmTDefTable gives, and the table's grid is
 * every edge of its rows, so a cell spanning columns spans them here too (a .docx's w:gridSpan). A table inside a cell
 * is a table of its own, and its text is also its cell's (as docx.ts reads it). Not read: footnotes, headers, text boxes (separate stories of the text; footnote marks
 * are counted), Word's automatic list numbers (the LST/LFO lists), a fast save's pieces' own properties.
 *
 * Every offset is checked against its stream: a damaged or hostile file is refused (DOCUMENT_INVALID naming the
 * structure), never read past its end; the main text and the tables are held to the document limits.
 */
import { PovcheckError, type ErrorParams, type Word97Structure } from '../errors.js';
import type { PlanDocument } from '../model/document.js';
import { readCompoundFile, type CompoundFile } from './cfb.js';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import type { EncodingChoice } from './encoding-choices.js';
import type { RawParagraph } from './document-outline.js';
import { CAPS_END, CAPS_START, isCapitalsFont, planDocument, styleLevel, superscript, symbolText, withLabel, type PlacedTable, type TableCellDraft, type TableDraft } from './word-document.js';
import { wordLists } from './word97-lists.js';
import type { ListNumbers } from './docx-numbering.js';
import { characterProps, charactersAt, paragraphProps, paragraphsAt, Stream, type CharacterProps, type CharacterReading, type ParagraphProps, type PropertyRuns } from './word97-properties.js';

const damaged = (structure: Word97Structure) => new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-structure', structure });

/** The FIB's fc/lcb pairs povcheck reads ([MS-DOC] FibRgFcLcb97), by index. */
const FC = { stshf: 1, plcfSed: 6, plcfBteChpx: 12, plcfBtePapx: 13, sttbfFfn: 15, clx: 33, plfLst: 73, plfLfo: 74 } as const;

/** Word 97 and later write nFib 0x00C1 or more in the FIB's base; Word 6.0 and 95 wrote 0x0065–0x0069. */
const WORD_97 = 0xc1;

/**
 * An OLE container's Word 97–2003 document (`document`), or, when it holds no WordDocument stream, the container as
 * read (`file`: an .xls, or another Office file, for the workbook reader, which need not read it again). A container
 * too damaged to list its streams is a Word document's damage when the file is named .doc or .dot, else left to the
 * workbook reader (`{}`), which names the damage.
 */
export function wordDocumentIn(bytes: Uint8Array, name: string | undefined, limits: DocumentLimits = DOCUMENT_LIMITS, encoding?: EncodingChoice): { document?: PlanDocument; file?: CompoundFile } {
  let file: CompoundFile;
  try {
    file = readCompoundFile(bytes);
  } catch (e) {
    if (name !== undefined && /\.(?:doc|dot)$/i.test(name) && e instanceof PovcheckError && e.code === 'WORKBOOK_INVALID') {
      const { of: _of, ...damage } = e.params as ErrorParams['WORKBOOK_INVALID'];
      throw new PovcheckError('DOCUMENT_INVALID', damage);
    }
    return {};
  }
  return file.names.some((n) => n.toLowerCase() === 'worddocument') ? { document: readWord97(file, limits, encoding) } : { file };
}

interface Fib {
  readonly ccpText: number;
  /** The stories between the main text and the text boxes' (footnotes, headers, comments, endnotes), in CPs. */
  readonly ccpOther: number;
  readonly ccpTextBoxes: number;
  readonly tableStream: '0Table' | '1Table';
  /** The fc/lcb pair at `index`, or undefined when the FIB has fewer pairs. */
  pair(index: number): { fc: number; lcb: number } | undefined;
}

function readFib(wd: Stream): Fib {
  const nFib = wd.u16(2);
  // Word 6.0 and 95 write their own FIB (wIdent 0xA5DC, or 0xA699 in Asian versions): named by their version.
  if (nFib >= 0x65 && nFib < WORD_97) throw new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-version', version: nFib === 0x65 ? 'Word 6.0' : 'Word 95' });
  if (wd.u16(0) !== 0xa5ec || nFib < WORD_97) throw damaged('fib');
  const flags = wd.u16(10);
  if (flags & 0x0100 || flags & 0x8000) throw new PovcheckError('FILE_BINARY', { kind: 'encrypted-doc' });
  const csw = wd.u16(32);
  const lw = 34 + csw * 2 + 2;
  const cslw = wd.u16(lw - 2);
  if (cslw < 4) throw damaged('fib');
  const ccpText = wd.u32(lw + 12);
  const ccp = (i: number) => (i < cslw ? wd.u32(lw + i * 4) : 0);
  const pairsAt = lw + cslw * 4 + 2;
  const pairs = wd.u16(pairsAt - 2);
  return {
    ccpText,
    ccpOther: ccp(4) + ccp(5) + ccp(6) + ccp(7) + ccp(8),
    ccpTextBoxes: ccp(9),
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    pair: (index) => (index < pairs ? { fc: wd.u32(pairsAt + index * 8), lcb: wd.u32(pairsAt + index * 8 + 4) } : undefined),
  };
}

/** A run of the text: CPs [cp, cpEnd) stored from byte `fc` of the WordDocument stream, one byte a character or two. */
interface Piece {
  readonly cp: number;
  readonly cpEnd: number;
  readonly fc: number;
  readonly compressed: boolean;
  /** A fast save's property changes over the piece's text (its Prm naming a Prc of the CLX), when it has any. */
  readonly grpprl?: Uint8Array;
}

/** The piece table (the CLX's Pcdt), past its property runs (Prc). */
function readPieces(tableStream: Stream, fib: Fib, wd: Stream): Piece[] {
  const table = tableStream.as('pieces');
  const clx = fib.pair(FC.clx);
  if (!clx || clx.lcb === 0) throw damaged('pieces');
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  table.u8(end - 1);
  const prcs: Uint8Array[] = [];
  while (at < end) {
    const kind = table.u8(at);
    if (kind === 1) {
      const size = table.i16(at + 1);
      if (size < 0) break;
      prcs.push(table.slice(at + 3, size));
      at += 3 + size;
      continue;
    }
    if (kind !== 2) break;
    const size = table.u32(at + 1);
    const n = (size - 4) / 12;
    if (!Number.isInteger(n) || n < 1 || at + 5 + size > end) break;
    const cps = at + 5;
    const pcds = cps + (n + 1) * 4;
    const pieces: Piece[] = [];
    for (let k = 0; k < n; k++) {
      const cp = table.u32(cps + k * 4);
      const cpEnd = table.u32(cps + k * 4 + 4);
      const raw = table.u32(pcds + k * 8 + 2);
      const prm = table.u16(pcds + k * 8 + 6);
      const grpprl = prm & 1 ? prcs[prm >> 1] : undefined;
      const compressed = (raw & 0x40000000) !== 0;
      const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
      if (cpEnd < cp || (k > 0 && cp !== pieces[k - 1]!.cpEnd)) throw damaged('pieces');
      if (cpEnd > cp) wd.u8(fc + (cpEnd - cp) * (compressed ? 1 : 2) - 1);
      pieces.push({ cp, cpEnd, fc: Math.floor(fc), compressed, ...(grpprl ? { grpprl } : {}) });
    }
    return pieces;
  }
  throw damaged('pieces');
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest are Latin-1's), as [MS-DOC] maps an 8-bit piece's bytes:
 * written out, as Node's TextDecoder('windows-1252') decodes these bytes as Latin-1's control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
let cp1252: string | undefined;
const windows1252 = () => (cp1252 ??= Array.from({ length: 256 }, (_, i) => (i >= 0x80 && i < 0xa0 ? CP1252_HIGH[i - 0x80]! : String.fromCharCode(i))).join(''));

/** A Word 97–2003 document's container → PlanDocument. */
export function readWord97(file: CompoundFile, limits: DocumentLimits = DOCUMENT_LIMITS, encoding?: EncodingChoice): PlanDocument {
  const wd = new Stream(file.stream('WordDocument')!, 'text');
  const fib = readFib(wd);
  const tableBytes = file.stream(fib.tableStream);
  if (!tableBytes) throw damaged('table-stream');
  const table = new Stream(tableBytes, 'table-stream');
  if (fib.ccpText > limits.maxTextChars) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: limits.maxTextChars });
  const pieces = readPieces(table, fib, wd);
  const data = file.stream('Data');
  const paragraphs = paragraphsAt(wd.as('paragraphs'), table.as('paragraphs'), fib.pair(FC.plcfBtePapx), data ? new Stream(data, 'paragraphs') : undefined);
  const names = fontNames(table.as('characters'), fib.pair(FC.sttbfFfn));
  const fonts: CharacterReading = { fontNames: names, capitalsFonts: new Set(names.flatMap((n, i) => (isCapitalsFont(n) ? [i] : []))) };
  const characters = charactersAt(wd.as('characters'), table.as('characters'), fib.pair(FC.plcfBteChpx), fonts);
  const styles = styleLevels(table.as('styles'), fib.pair(FC.stshf));
  const text = new Word97Text(limits, styles, encoding, wordLists(table, fib.pair(FC.plfLst), fib.pair(FC.plfLfo)), sectionEnds(table.as('pieces'), fib.pair(FC.plcfSed)));
  readMainText(wd, pieces, fib.ccpText, paragraphs, characters, fonts, text);
  return text.document(textBoxParagraphs(wd, pieces, fib, limits));
}

/** Each character of CPs [from, to) with the byte it is stored at (its FC), in order. */
function eachCharacter(wd: Stream, pieces: readonly Piece[], from: number, to: number, visit: (code: number, fc: number, piece: Piece, cp: number) => void): void {
  const latin = windows1252();
  for (const piece of pieces) {
    const first = Math.max(piece.cp, from);
    const last = Math.min(piece.cpEnd, to);
    const width = piece.compressed ? 1 : 2;
    for (let cp = first; cp < last; cp++) {
      const fc = piece.fc + (cp - piece.cp) * width;
      visit(piece.compressed ? latin.charCodeAt(wd.u8(fc)) : wd.u16(fc), fc, piece, cp);
    }
  }
}

/** The main text's characters to `text`, with their properties (a fast-saved piece's changes over its pages'). */
function readMainText(wd: Stream, pieces: readonly Piece[], ccpText: number, paragraphs: PropertyRuns<ParagraphProps>, characters: PropertyRuns<CharacterProps>, fonts: CharacterReading, text: Word97Text): void {
  const changed = new Map<Piece, { chp: Map<CharacterProps, CharacterProps>; pap: Map<ParagraphProps, ParagraphProps> }>();
  eachCharacter(wd, pieces, 0, ccpText, (code, fc, piece, cp) => {
    const { grpprl } = piece;
    if (!grpprl) return text.character(code, cp, characters.at(fc), () => paragraphs.at(fc));
    let own = changed.get(piece);
    if (!own) changed.set(piece, (own = { chp: new Map(), pap: new Map() }));
    const { chp, pap } = own;
    const c = characters.at(fc);
    if (!chp.has(c)) chp.set(c, characterProps(grpprl, fonts, c));
    text.character(code, cp, chp.get(c)!, () => {
      const p = paragraphs.at(fc);
      if (!pap.has(p)) pap.set(p, paragraphProps(grpprl, undefined, p));
      return pap.get(p)!;
    });
  });
  text.end();
}

/**
 * Paragraphs of the text boxes (their story follows the main text, the footnotes, headers, comments and endnotes)
 * that hold text: not read, counted for the report as docx.ts counts them.
 */
function textBoxParagraphs(wd: Stream, pieces: readonly Piece[], fib: Fib, limits: DocumentLimits): number {
  if (fib.ccpTextBoxes > limits.maxTextChars) return 0;
  const from = fib.ccpText + fib.ccpOther;
  let count = 0;
  let shown = false;
  let inCode = 0;
  eachCharacter(wd, pieces, from, from + fib.ccpTextBoxes, (code) => {
    if (code === FIELD_BEGIN) inCode++;
    else if ((code === FIELD_SEPARATOR || code === FIELD_END) && inCode > 0) inCode--;
    else if (code === PARAGRAPH || code === CELL) {
      if (shown) count++;
      shown = false;
    } else if (code > 0x20 && inCode === 0) shown = true;
  });
  return count;
}

/** The section table's ends (PlcfSed: n + 1 CPs, then n 12-byte SEDs): the CP after each section's last mark. */
function sectionEnds(table: Stream, plc: { fc: number; lcb: number } | undefined): Set<number> {
  const out = new Set<number>();
  if (!plc || plc.lcb < 16) return out;
  const n = Math.floor((plc.lcb - 4) / 16);
  for (let k = 1; k <= n; k++) out.add(table.u32(plc.fc + k * 4));
  return out;
}

/** The font table's names by index (SttbfFfn: each FFN's name after its 39 bytes of metrics). */
function fontNames(table: Stream, sttbf: { fc: number; lcb: number } | undefined): string[] {
  const out: string[] = [];
  if (!sttbf || sttbf.lcb < 4) return out;
  const end = sttbf.fc + sttbf.lcb;
  const count = table.u16(sttbf.fc);
  let at = sttbf.fc + 4;
  for (let i = 0; i < count && at < end; i++) {
    const size = table.u8(at) + 1;
    let name = '';
    for (let c = at + 40; c + 2 <= at + size; c += 2) {
      const code = table.u16(c);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    out.push(name);
    at += size;
  }
  return out;
}

/** The styles' heading levels by style index (istd), from the style sheet (STSH): built-in number, else name. */
function styleLevels(table: Stream, stshf: { fc: number; lcb: number } | undefined): ReadonlyMap<number, number> {
  const levels = new Map<number, number>();
  if (!stshf || stshf.lcb < 6) return levels;
  const end = stshf.fc + stshf.lcb;
  const cbStshi = table.u16(stshf.fc);
  const cstd = table.u16(stshf.fc + 2);
  const cbBase = table.u16(stshf.fc + 4);
  let at = stshf.fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cb = table.u16(at);
    if (cb >= 4 && at + 2 + cb <= end) {
      const sti = table.u16(at + 2) & 0x0fff;
      const level = sti >= 1 && sti <= 9 ? sti : sti === 62 ? 0 : styleLevel(styleName(table, at + 2 + cbBase, at + 2 + cb));
      if (level !== undefined) levels.set(istd, level);
    }
    at += 2 + cb;
  }
  return levels;
}

/** A style's name (its STD's Xstz after the base), '' when it does not fit. */
function styleName(table: Stream, at: number, end: number): string {
  if (at + 2 > end) return '';
  const cch = table.u16(at);
  if (at + 2 + cch * 2 > end) return '';
  let name = '';
  for (let i = 0; i < cch; i++) name += String.fromCharCode(table.u16(at + 2 + i * 2));
  return name;
}

/** A row read: its cells, the properties of its end mark (edges, merges), whether it was deleted. */
interface RowRead {
  readonly cells: TableCellDraft[];
  readonly props: ParagraphProps;
  readonly deleted: boolean;
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
const PARAGRAPH = 0x0d;
const CELL = 0x07;
const SECTION = 0x0c;

/** The main text, a character at a time → paragraphs and tables, as docx.ts gathers them. */
class Word97Text {
  private readonly raw: RawParagraph[] = [];
  private readonly tables: PlacedTable[] = [];
  private para = '';
  private hidden = false;
  /** The paragraph's text so far ends in a stretch marked as in a capitals font. */
  private capitals = false;
  /** Open fields, each true while its code is read (its result is shown). */
  private readonly fields: boolean[] = [];
  private inCode = 0;
  /** The tables open, outermost first: one level of table nesting each (the paragraph's depth, sprmPItap). */
  private readonly open: OpenTable[] = [];
  private opened = 0;
  private cellCount = 0;
  private chars = 0;
  private hiddenText = 0;
  private notes = 0;

  constructor(
    private readonly limits: DocumentLimits,
    private readonly styles: ReadonlyMap<number, number>,
    private readonly encoding: EncodingChoice | undefined,
    private readonly lists: ListNumbers | undefined,
    /** The CPs just after each section's end mark (PlcfSed): a \x0c there ends a section, elsewhere it breaks a page. */
    private readonly sectionEnds: ReadonlySet<number>,
  ) {}

  character(code: number, cp: number, chp: CharacterProps, pap: () => ParagraphProps): void {
    if (code === FIELD_BEGIN) {
      this.fields.push(true);
      this.inCode++;
    } else if (code === FIELD_SEPARATOR) {
      if (this.fields.at(-1) === true) {
        this.fields[this.fields.length - 1] = false;
        this.inCode--;
      }
    } else if (code === FIELD_END) {
      if (this.fields.pop() === true) this.inCode--;
    } else if (code === PARAGRAPH || code === CELL || (code === SECTION && this.sectionEnds.has(cp + 1))) {
      // A deleted paragraph mark joins its paragraph to the next one, as Word shows it with the changes accepted.
      if (code === PARAGRAPH && chp.deleted && pap().depth === 0) return;
      this.paragraphEnd(code, pap(), chp.deleted);
    } else if (this.inCode === 0 && !chp.deleted) {
      this.shown(code, chp);
    }
  }

  /** A character Word shows (or hides: counted, not read). */
  private shown(code: number, chp: CharacterProps): void {
    // A page break (\x0c where no section ends) is a break in its paragraph, as a .docx's w:br: a space.
    if (code === SECTION) code = 0x20;
    if (chp.hidden) {
      if (code > 0x20) this.hidden = true;
      return;
    }
    if (code === 0x02 && chp.special) {
      this.notes++;
      return;
    }
    // Insert › Symbol: a \x28 whose properties name the symbol (sprmCSymbol: its font and code), not a `(`.
    if (code === 0x28 && chp.symbol) {
      this.para += symbolText(chp.symbol.font, chp.symbol.code);
      return;
    }
    // A stretch in a capitals font (.VnTimeH) is marked for word-document.ts, which puts it in capitals once read.
    if (chp.capitals !== this.capitals && code > 0x20) {
      this.para += chp.capitals ? CAPS_START : CAPS_END;
      this.capitals = chp.capitals;
    }
    if (code === 0x09 || code === 0x0b) this.para += ' ';
    else if (code === 0x1e) this.para += '-';
    // Word's optional hyphen, as the soft hyphen it is (left out with the others, document-outline.ts): in a .VnTime
    // text the byte 0xAD is the letter ư, which a save may have turned into this mark.
    else if (code === 0x1f) this.para += '\u00ad';
    else if (code >= 0x20) this.para += chp.superscript ? superscript(String.fromCharCode(code)) : String.fromCharCode(code);
  }

  /**
   * A paragraph's end: in the body, a paragraph (the tables open before it closed); in a table `depth` deep (tables
   * open or closed to that depth), a row's end, a cell's end, or a paragraph of the open cell. A row or cell of the
   * outermost table ends at \x07 (sprmPFTtp marks the row's), one of a table inside a cell at a paragraph mark marked
   * sprmPFInnerTableCell or sprmPFInnerTtp. A paragraph's text is its cell's in every table open around it, as docx.ts
   * reads a table in a cell: a table of its own, and its cell's text.
   */
  private paragraphEnd(code: number, pap: ParagraphProps, deleted: boolean): void {
    const depth = Math.min(pap.depth, MAX_DEPTH);
    const rowEnd = depth === 1 ? pap.rowEnd : pap.innerRowEnd;
    const label = !rowEnd ? this.label(pap) : undefined;
    if (this.capitals) this.para += CAPS_END;
    this.capitals = false;
    const text = depth === 0 ? (this.para.trim() !== '' ? withLabel(label, this.para) : this.para) : withLabel(label, this.para);
    this.para = '';
    if (this.hidden) this.hiddenText++;
    this.hidden = false;
    while (this.open.length > depth) this.endTable();
    if (depth === 0) return this.body(text, pap);
    while (this.open.length < depth) this.open.push({ rows: [], cells: [], texts: [], order: this.opened++ });
    const table = this.open[depth - 1]!;
    if (rowEnd) {
      table.rows.push({ cells: table.cells, props: pap, deleted });
      table.cells = [];
      table.texts = [];
      // A row counts as a cell against the limit too: a hostile file of rows without cells stays bounded.
      this.counted();
      return;
    }
    for (const t of this.open) {
      t.texts.push(text);
      // Each copy counts against the text limit: a cell of many paragraphs in many nested tables stays bounded.
      if ((this.chars += text.length + 1) > this.limits.maxTextChars) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: this.limits.maxTextChars });
    }
    if (depth === 1 ? code === CELL : pap.innerCell) {
      table.cells.push({ text: table.texts, span: 1 });
      table.texts = [];
      this.counted();
    }
  }

  private counted(): void {
    if (++this.cellCount > this.limits.maxCells) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'cells', limit: this.limits.maxCells });
  }

  /** The number Word shows before a paragraph numbered by a list, counting it. */
  private label(pap: ParagraphProps): string | undefined {
    return this.lists && pap.list !== undefined && pap.list > 0 ? this.lists.label(String(pap.list), pap.level ?? 0) : undefined;
  }

  private body(text: string, pap: ParagraphProps): void {
    const level = pap.outlineLevel ?? this.styles.get(pap.style);
    this.raw.push({ text, ...(level !== undefined ? { styleLevel: level } : {}) });
    if (this.raw.length > this.limits.maxParagraphs) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'paragraphs', limit: this.limits.maxParagraphs });
    if ((this.chars += text.length) > this.limits.maxTextChars) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: this.limits.maxTextChars });
  }

  /** The innermost open table placed on its grid and kept. Cells after its last row's end (a cut file) are kept as a row. */
  private endTable(): void {
    const table = this.open.pop()!;
    if (table.cells.length > 0) table.rows.push({ cells: table.cells, props: NO_ROW, deleted: false });
    if (table.rows.length === 0) return;
    const draft: TableDraft = { rows: onGrid(table.rows), order: table.order, inBody: this.open.length === 0 };
    this.tables.push({ draft, after: this.raw.length });
  }

  end(): void {
    if (this.para !== '') this.paragraphEnd(PARAGRAPH, NO_ROW, false);
    while (this.open.length > 0) this.endTable();
  }

  document(textBoxText: number): PlanDocument {
    // In the order Word counts them: a table before the tables inside it.
    const doc = planDocument('doc', this.raw, [...this.tables].sort((a, b) => a.draft.order - b.draft.order), this.limits, this.encoding);
    return { ...doc, ...(this.hiddenText > 0 ? { hiddenText: this.hiddenText } : {}), ...(textBoxText > 0 ? { textBoxText } : {}), ...(this.notes > 0 ? { notes: this.notes } : {}) };
  }
}

const NO_ROW: ParagraphProps = { style: 0, depth: 0, rowEnd: false, innerRowEnd: false, innerCell: false, vertical: new Map() };

/** Tables nested deeper than this are read as the text of the cell at this depth (Word nests a few levels at most). */
const MAX_DEPTH = 16;

/** A table being read: its rows ended, the cells of its open row, the paragraphs of its open cell, its place in order. */
interface OpenTable {
  rows: RowRead[];
  cells: TableCellDraft[];
  texts: string[];
  readonly order: number;
}

/**
 * A table's rows on one grid: every cell edge of every row (sprmTDefTable's rgdxaCenter), sorted; a cell spans the
 * grid columns between its edges, a row starts after the columns left of its first edge. A cell merged into the one
 * before it (the old horizontal merge) widens that one. A row without edges, or with other than one per cell, is laid
 * out a column a cell.
 */
function onGrid(rows: readonly RowRead[]): TableDraft['rows'] {
  const laid = rows.map((r) => ({ r, edges: r.props.edges && r.props.edges.length === r.cells.length + 1 ? r.props.edges : undefined }));
  const grid = new Map([...new Set(laid.flatMap(({ edges }) => edges ?? []))].sort((a, b) => a - b).map((x, i) => [x, i]));
  const column = (x: number) => grid.get(x)!;
  return laid.map(({ r, edges }) => {
    const cells: TableCellDraft[] = [];
    r.cells.forEach((cell, i) => {
      const span = edges ? Math.max(1, column(edges[i + 1]!) - column(edges[i]!)) : 1;
      const flags = r.props.cellFlags?.[i] ?? 0;
      const vertical = r.props.vertical.get(i) ?? (flags >> 5) & 3;
      const previous = cells.at(-1);
      if ((flags & 3) >= 2 && previous) {
        previous.span += span;
        if (cell.text.some((t) => t.trim() !== '')) previous.text.push(...cell.text);
        return;
      }
      cells.push({ text: cell.text, span, ...(vertical === 3 ? { vMerge: 'restart' as const } : vertical === 1 || vertical === 2 ? { vMerge: 'continue' as const } : {}) });
    });
    return { before: edges ? Math.max(0, column(edges[0]!)) : 0, cells, ...(r.deleted ? { deleted: true } : {}) };
  });
}
