/**
 * A plan as a web page → a PlanDocument: Word's "Save as Web Page", and what many e-government systems hand over as
 * "export to Word" (HTML served or saved as .doc, which Word opens). Read as a plan when its name says a Word document,
 * a word processor wrote it, or its text outside its tables is a plan's prose (`isProse`, as a plain-text plan is
 * told: at least three lines of it, and a fifth of the lines), judged on its first paragraphs before anything else is
 * kept; a page of tables with a title line (a reporting system's "export to Excel") stays a web page's tables
 * (html-table.ts). Paragraphs are the blocks a browser shows (`p`, `div`, `li`, `h1`–`h6` as headings, a list item
 * with the number a browser shows, `br` a break; the page's `head` is not shown), each table placed as a browser
 * places it (html-table.ts `placeCells`: a cell spanning rows continues down as Word's merged cell does, one spanning
 * columns spans them; a table in a cell is one of its own) and built into the document by word-document.ts as the
 * Word readers' are. Nothing is evaluated or fetched.
 */
import { PovcheckError } from '../errors.js';
import type { PlanDocument } from '../model/document.js';
import type { RawParagraph } from './document-outline.js';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import { BREAK, placeCells, shown, walkPage, type HtmlTable } from './html-table.js';
import { isProse } from './text-document.js';
import { planDocument, type PlacedTable, type TableCellDraft, type TableDraft } from './word-document.js';

/** Tags that start or end a block a browser shows on its own lines. */
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'center', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'hr', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title']);

interface Page {
  paragraphs: RawParagraph[];
  /** In the order they start (a table in a cell after the one around it, as Word numbers them). */
  tables: Array<{ table: HtmlTable; order: number; nested: boolean; after: number }>;
}

/** How many of a page's first paragraphs tell whether it reads as a plan (`survey`). */
const SURVEY_PARAGRAPHS = 2_000;

/**
 * The page's paragraphs and tables, in order, within a document's limits (past them it is refused). `survey`: its
 * first paragraphs only, its tables not kept and no limit refused, to tell cheaply whether it reads as a plan (a
 * large web page of tables is then read as tables, not refused as a document too large).
 */
function pageOf(text: string, limits: DocumentLimits, survey = false): Page {
  const page: Page = { paragraphs: [], tables: [] };
  const tooLarge = (e: PovcheckError) => {
    if (!survey) throw e;
  };
  let para = '';
  let level: number | undefined;
  // The number of the list item whose first paragraph is still to come (`<li><p>…`).
  let label: string | undefined;

  let chars = 0;
  let cells = 0;
  const flush = () => {
    const shownText = shown(para.split(BREAK).join(' '));
    const t = shownText !== '' && label !== undefined ? `${label}${shownText}` : shownText;
    if (t !== '' && !(survey && page.paragraphs.length >= SURVEY_PARAGRAPHS)) {
      label = undefined;
      if (page.paragraphs.length >= limits.maxParagraphs) tooLarge(new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'paragraphs', limit: limits.maxParagraphs }));
      chars += t.length;
      if (chars > limits.maxTextChars) tooLarge(new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: limits.maxTextChars }));
      page.paragraphs.push({ text: t, ...(level !== undefined ? { styleLevel: level } : {}) });
    }
    para = '';
    level = undefined;
  };
  walkPage(text, {
    text: (raw) => {
      // A paragraph longer than a whole plan's text is refused before it is built (a page of one endless line).
      if (para.length + raw.length > limits.maxTextChars) {
        tooLarge(new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'text', limit: limits.maxTextChars }));
        // (The survey goes on with the paragraph cut at the limit: the page read whole then refuses it.)
        para += raw.slice(0, Math.max(0, limits.maxTextChars - para.length));
        return;
      }
      para += raw;
    },
    label: (l) => {
      label = l;
    },
    tag: ({ name, closing }) => {
      if (name === 'br') para += BREAK;
      else if (BLOCKS.has(name)) {
        flush();
        const h = /^h([1-6])$/.exec(name);
        if (h && !closing) level = Number(h[1]);
      }
    },
    ...(survey
      ? {}
      : {
          table: (table: HtmlTable, order: number, nested: boolean) => {
            if (table.length > 0) page.tables.push({ table, order, nested, after: page.paragraphs.length });
          },
        }),
    opening: (what) => {
      if (what === 'table') flush();
      else if (!survey && ++cells > limits.maxCells) throw new PovcheckError('DOCUMENT_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
    },
  }, true);
  flush();
  page.tables.sort((a, b) => a.order - b.order);
  return page;
}

/** Whether the page's text outside its tables is a plan's prose (read/text-document.ts's measure of a text). */
function readsAsPlan(paragraphs: readonly RawParagraph[]): boolean {
  const prose = paragraphs.filter((p) => isProse(p.text)).length;
  return (prose >= 3 && prose * 5 >= paragraphs.length) || (prose >= 1 && prose * 2 > paragraphs.length);
}

/** A table's rows as Word's readers draft them: a cell spanning rows continues in the rows below (`vMerge`). */
function draftOf(table: HtmlTable, order: number, inBody: boolean, limits: DocumentLimits): TableDraft {
  const rows: TableDraft['rows'] = table.map(() => ({ before: 0, cells: [] }));
  const placed: Array<Array<{ col: number; cell: TableCellDraft }>> = table.map(() => []);
  placeCells(
    table,
    limits.maxCols,
    (cell, r, c, rowspan, colspan) => placed[r]!.push({ col: c, cell: { text: cell.text.split('\n'), span: colspan, ...(rowspan > 1 ? { vMerge: 'restart' as const } : {}) } }),
    (r, c, s) => placed[r]!.push({ col: c, cell: { text: [], span: s, vMerge: 'continue' } }),
  );
  placed.forEach((cells, r) => {
    cells.sort((a, b) => a.col - b.col);
    let col = 0;
    for (const { col: at, cell } of cells) {
      // A column no cell fills (a row shorter than the others) is an empty cell, as Word's grid shows it.
      if (at > col) rows[r]!.cells.push({ text: [], span: at - col });
      rows[r]!.cells.push(cell);
      col = at + cell.span;
    }
  });
  return { rows, order, inBody };
}

/** A page a word processor wrote: Word's "Save as Web Page" (its ProgId, its Office namespace), or Writer's (LibreOffice's, with paragraphs). */
function byWordProcessor(text: string): boolean {
  const head = text.slice(0, 16_384);
  if (/<meta\s[^>]*content=["']?Word\.Document/i.test(head) || /urn:schemas-microsoft-com:office:word/i.test(head)) return true;
  // Calc writes the same generator: a page of Writer's has paragraphs (Calc's has a heading over each sheet's table).
  return /<meta\s[^>]*content=["']?(?:LibreOffice|OpenOffice)/i.test(head) && (text.slice(0, 1_000_000).match(/<p[\s>]/gi)?.length ?? 0) >= 2;
}

/**
 * The page's text (decoded: `--encoding tcvn3|vni` has read text typed in a legacy font, read/decode.ts) as a plan
 * document, or undefined when it is a page of tables: its text outside them is not a plan's, it was not written by a
 * word processor and its name (`named`: .doc, .docx) does not say it is a document.
 */
export function htmlDocument(text: string, limits: DocumentLimits = DOCUMENT_LIMITS, named = false): PlanDocument | undefined {
  const first = pageOf(text, limits, true).paragraphs;
  if (first.length === 0 || !(named || byWordProcessor(text) || readsAsPlan(first))) return undefined;
  const page = pageOf(text, limits);
  const tables: PlacedTable[] = page.tables.map(({ table, nested, after }, k) => ({ draft: draftOf(table, k + 1, !nested, limits), after }));
  return planDocument('html', page.paragraphs, tables, limits);
}
