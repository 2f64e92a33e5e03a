/**
 * Word's plain-text export of a plan ("Plain Text" / "Văn bản thuần túy", as the seed is) → PlanDocument.
 * Each paragraph is a line. Word writes a table one cell per line, each line starting with a TAB, a blank
 * line after each row (the seed's annex); some exports write a row per line, its cells separated by TABs.
 * Both become Grids whose cells carry "T1R3C4" references and their line. The header row of such a table
 * may be lost (the seed's is): the document stage deals with that (document/tables.ts).
 *
 * `looksLikeDocument` decides whether decoded text is a document rather than a delimited table: prose lines
 * (long, many words, few delimiters) make a document. Pure.
 */
import { type DocParagraph, type DocTable, type PlanDocument, documentCellRef } from '../model/document.js';
import { PovcheckError } from '../errors.js';
import type { TextEncodingName } from './decode.js';
import type { Cell, SourceInfo } from '../model/grid.js';
import { outline, withoutInvisible, type RawParagraph } from './document-outline.js';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';

const CELL_LINE = /^[ \u00a0]*\t/u;
const BLANK = /^[\s\u00a0]*$/u;

/**
 * A line of running text: long, with many words and hardly any delimiters. A paragraph listing the documents a
 * plan rests on ("Căn cứ Nghị quyết số 24/2021/QH15 …; Quyết định số 1705/QĐ-TTg …; …", a preamble of six
 * citations) has semicolons, each after a clause of ten words or more: prose with more than four semicolons has
 * at least ten words for each, which no table's row has.
 */
export function isProse(line: string): boolean {
  // Trimming only shortens: a line too short untrimmed is too short trimmed (a table's lines mostly are).
  if (line.length < 60) return false;
  const t = line.trim();
  if (t.length < 60 || t.includes('\t')) return false;
  // A table's line (many delimiters) is told first: the cheapest test, and the most lines it is asked of.
  if (!wordsAtLeast(t, proseWords(semicolonCount(t)))) return false;
  return /\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}/u.test(t);
}

/** The words a line with this many semicolons needs to be prose: ten, or ten for each semicolon past four. */
export const proseWords = (semicolons: number): number => (semicolons <= 4 ? 10 : 10 * semicolons);

/**
 * Whether trimmed `t` has at least `n` words, as `t.split(/\s+/u).length >= n` says (a word more than its runs of
 * white space), counted without making the words: every line of every table read is asked.
 */
function wordsAtLeast(t: string, n: number): boolean {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < t.length; i++) {
    if (isWhiteSpace(t.charCodeAt(i))) {
      if (!inSpace && ++words >= n) return true;
      inSpace = true;
    } else inSpace = false;
  }
  return words >= n;
}

/** JavaScript's `\s`: white space and line terminators (ECMAScript WhiteSpace and LineTerminator). */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function semicolonCount(t: string): number {
  let count = 0;
  for (let i = t.indexOf(';'); i >= 0; i = t.indexOf(';', i + 1)) count++;
  return count;
}

/**
 * Decoded text is a plan document when it holds at least three prose lines and they are at least a fifth of
 * its non-empty lines (a table exported with a long title or footnote has one or two), or when most of its
 * lines are prose (a short text: a statement of a plan of a few paragraphs). A line with as many semicolons (or
 * commas) as most of the lines have is a row of a table, however long its label (`;Tỷ lệ hộ nghèo dân tộc thiểu số
 * trong tổng số hộ nghèo;%;85,94;83,42`: four semicolons, as every row).
 */
export function looksLikeDocument(text: string): boolean {
  let nonEmpty = 0;
  let start = 0;
  const semis = new Map<number, number>();
  const commas = new Map<number, number>();
  const candidates: Array<{ semis: number; commas: number }> = [];
  // Enough of the file to judge; a plan's first pages are prose.
  const end = Math.min(text.length, 1_000_000);
  while (start < end) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    // The line read in place (every file validate reads is asked, a table's lines are not copied out): blank (BLANK)
    // or not, its semicolons and commas; copied only when long enough to be prose (`isProse`).
    let blank = true;
    let semi = 0;
    let comma = 0;
    for (let i = start; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3b) semi++;
      else if (c === 0x2c) comma++;
      if (blank && !isWhiteSpace(c)) blank = false;
    }
    if (!blank) {
      nonEmpty++;
      semis.set(semi, (semis.get(semi) ?? 0) + 1);
      commas.set(comma, (commas.get(comma) ?? 0) + 1);
      // A line shorter than its words need (n words take 2n − 1 characters: a table's row of twelve cells would need 120)
      // is no prose: told without copying it out (`isProse` counts the same semicolons, white space trimmed).
      if (stop - start >= Math.max(60, 2 * proseWords(semi) - 1) && isProse(text.slice(start, stop))) candidates.push({ semis: semi, commas: comma });
    }
    start = stop + 1;
  }
  const rowOf = (tally: Map<number, number>, least: number) => {
    let best = -1;
    // A table has rows: at least three lines of that count, and at least half of them.
    for (const [n, c] of tally) if (n >= least && c >= 3 && c * 2 >= nonEmpty && (best < 0 || c > tally.get(best)!)) best = n;
    return best;
  };
  const semiRow = rowOf(semis, 2);
  const commaRow = rowOf(commas, 3);
  const prose = candidates.filter((c) => c.semis !== semiRow && c.commas !== commaRow).length;
  return (prose >= 3 && prose * 5 >= nonEmpty) || (prose >= 1 && prose * 2 > nonEmpty);
}

interface Block {
  rows: Array<Array<{ text: string; line: number }>>;
  line: number;
}

const cellText = (line: string) => line.replace(CELL_LINE, '').replace(/\t/g, ' ');

/** Tables of one cell per line: rows of TAB-led lines, separated by blank lines. */
function cellPerLineTable(lines: readonly string[], from: number): { block: Block; next: number } | undefined {
  const rows: Block['rows'] = [];
  let i = from;
  let lastRowEnd = from;
  while (i < lines.length) {
    const row: Array<{ text: string; line: number }> = [];
    while (i < lines.length && CELL_LINE.test(lines[i]!) && !/\t.*\t/u.test(lines[i]!.replace(CELL_LINE, ''))) {
      row.push({ text: cellText(lines[i]!), line: i + 1 });
      i++;
    }
    if (row.length < 2) break;
    rows.push(row);
    lastRowEnd = i;
    let j = i;
    while (j < lines.length && BLANK.test(lines[j]!) && !CELL_LINE.test(lines[j]!)) j++;
    if (j === i || j >= lines.length || !CELL_LINE.test(lines[j]!)) break;
    i = j;
  }
  return rows.length >= 2 ? { block: { rows, line: from + 1 }, next: lastRowEnd } : undefined;
}

/** Tables of one row per line, cells separated by TABs (at least three cells, at least two rows). */
function rowPerLineTable(lines: readonly string[], from: number): { block: Block; next: number } | undefined {
  const rows: Block['rows'] = [];
  let i = from;
  while (i < lines.length && (lines[i]!.match(/\t/g) ?? []).length >= 2) {
    rows.push(lines[i]!.split('\t').map((text) => ({ text, line: i + 1 })));
    i++;
  }
  return rows.length >= 2 ? { block: { rows, line: from + 1 }, next: i } : undefined;
}

function toRows(block: Block, number: number, limits: DocumentLimits, cells: { count: number }): Cell[][] {
  if (block.rows.length > limits.maxRows) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'rows', table: number, limit: limits.maxRows });
  return block.rows.map((row, r) => {
    if (row.length > limits.maxCols) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'columns', table: number, limit: limits.maxCols });
    cells.count += row.length;
    if (cells.count > limits.maxCells) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
    return row.map((c, col): Cell => ({ raw: withoutInvisible(c.text), ref: documentCellRef(number, r, col), row: r, col, table: number, line: c.line }));
  });
}

/** Decoded plain text of a plan → its paragraphs and tables. */
export function readTextDocument(text: string, encoding: TextEncodingName, limits: DocumentLimits = DOCUMENT_LIMITS): PlanDocument {
  const lines = text.split(/\r\n|\n|\r/u);
  const raw: RawParagraph[] = [];
  const found: Block[] = [];
  let chars = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.includes('\t')) {
      const t = rowPerLineTable(lines, i) ?? cellPerLineTable(lines, i);
      if (t) {
        found.push(t.block);
        i = t.next;
        continue;
      }
    }
    raw.push({ text: line, line: i + 1 });
    if (raw.length > limits.maxParagraphs) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'paragraphs', limit: limits.maxParagraphs });
    if ((chars += line.length) > limits.maxTextChars) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: limits.maxTextChars });
    i++;
  }
  const paragraphs = outline(raw);
  const source: SourceInfo = { kind: 'document', format: 'text', encoding, paragraphs: paragraphs.length, tables: found.length };
  const cells = { count: 0 };
  const tables: DocTable[] = found.map((block, k) => {
    const before = lastBefore(paragraphs, block.line);
    return { number: k + 1, grid: { rows: toRows(block, k + 1, limits, cells), source }, line: block.line, ...(before ? { after: before.number } : {}) };
  });
  return { format: 'text', encoding, paragraphs, tables };
}

/** The last paragraph on a line before `line`. */
function lastBefore(paragraphs: readonly DocParagraph[], line: number): DocParagraph | undefined {
  let found: DocParagraph | undefined;
  for (const p of paragraphs) {
    if (p.line === undefined || p.line >= line) break;
    found = p;
  }
  return found;
}
