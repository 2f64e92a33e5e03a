/**
 * A web page's tables → the Grid of one (a web system's "export to Excel": an HTML table served as .xls, what many
 * reporting systems hand over). Read as a workbook is: each top-level `<table>` is a sheet named by its position
 * ("1", "2" …; `--sheet 2`), the first by default and, when it holds no poverty table, the next (sheets.ts); cells are
 * placed as a browser places them (`rowspan`, `colspan`), a spanned cell is a merged range (`applyMerges`), and the
 * limits are a workbook's. Cells keep their text as shown, numbers included (`1.234`, `12,5`), so the shape stage
 * reads them in the page's number format as it reads a CSV's; references are the cells Excel shows the page in (A1
 * at the first table's first cell), without a sheet name.
 *
 * The tokenizer is a small, tolerant one for tables: tags and text by one regular expression, `<td>` and `<tr>` closed
 * by the next one as browsers close them, `<script>`, `<style>` and comments skipped, a table inside a cell read as
 * that cell's text, `<br>` as a line break, entities (named Latin-1 ones, numeric ones) decoded, white space
 * collapsed as a browser shows it. Nothing is evaluated or fetched.
 */
import { PovcheckError } from '../errors.js';
import { a1, type Grid } from '../model/grid.js';
import { DEFAULT_LIMITS, type WorkbookLimits } from './zip-guard.js';
import { pickSheet, putSheetCell, sheetGrid, type SheetReading, type WorkbookReadOptions } from './xlsx.js';

export interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
}

export type HtmlTable = HtmlCell[][];

/** Browsers' bounds on spans (the HTML standard's). */
const MAX_COLSPAN = 1_000;
const MAX_ROWSPAN = 65_534;

/** A tag's start: `<`, an optional `/`, its name (sticky: matched where the scanner stands). */
const TAG_HEAD = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;

export interface Tag {
  start: number;
  end: number;
  closing: boolean;
  name: string;
  attrs: string;
}

/**
 * The scanner: the next tag from `from`, in time linear in the text over the whole page (the `>` that ends a tag is
 * looked for once for all the `<` before it; a comment's end once). A tag ends at its first `>` (attribute values
 * holding one are not what table exports write); a `<` that starts no tag is text; a tag or comment never closed
 * ends the page.
 */
class Scanner {
  private gt = -1;
  /** Where the page's text ends: at a tag or comment never closed, else at its end. */
  stop: number;
  constructor(private readonly text: string) {
    this.stop = text.length;
  }

  next(from: number): Tag | undefined {
    const text = this.text;
    let p = text.indexOf('<', from);
    while (p >= 0) {
      if (text.startsWith('<!--', p)) {
        const end = text.indexOf('-->', p + 4);
        if (end < 0) {
          this.stop = p;
          return undefined;
        }
        p = text.indexOf('<', end + 3);
        continue;
      }
      if (this.gt < p) this.gt = text.indexOf('>', p);
      if (this.gt < 0) {
        this.stop = /^<\/?[a-zA-Z]/.test(text.slice(p, p + 3)) ? p : text.length;
        return undefined;
      }
      TAG_HEAD.lastIndex = p;
      const m = TAG_HEAD.exec(text);
      if (m) return { start: p, end: this.gt + 1, closing: m[1] === '/', name: m[2]!.toLowerCase(), attrs: text.slice(p + m[0].length, this.gt) };
      p = text.indexOf('<', text[p + 1] === '!' || text[p + 1] === '?' ? this.gt + 1 : p + 1);
    }
    return undefined;
  }
}

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì', Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì', iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
  });
}

const ROWSPAN = /\browspan\s*=\s*["']?\s*(\d+)/i;
const COLSPAN = /\bcolspan\s*=\s*["']?\s*(\d+)/i;

const span = (attrs: string, re: RegExp, max: number): number => {
  const m = re.exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

/** What a `<br>` (or a paragraph's start) leaves in a cell's text until its white space is collapsed. */
export const BREAK = '\u2028';

/** A cell's (or paragraph's) text as a browser shows it: white space collapsed, line breaks kept, no-break spaces as spaces, NFC. */
export const shown = (raw: string) =>
  // Comments (the scanner steps over them whole) and markup that is no tag (Word's `<![if !supportLists]>` around a
  // list's number) are not shown; the text between them is.
  decodeEntities((raw.includes('<!') || raw.includes('<?') ? raw.replace(/<!--[\s\S]*?-->/g, '').replace(/<[!?][^>]*>/g, '') : raw).replace(/[ \t\r\n\f]+/g, ' '))
    .replace(/\u00a0/g, ' ')
    .normalize('NFC')
    .split(BREAK)
    .map((l) => l.trim())
    .join('\n')
    .trim();

/** An attribute's value in a tag's attributes (`type="I"`, `start=2`), or undefined. */
function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const ROMAN: ReadonlyArray<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** The number a browser shows before an item of a numbered list (`<ol type="I">`: "II."), as the plan's outline reads it. */
export function listLabel(n: number, type: string): string {
  const roman = () => {
    let out = '';
    for (let rest = Math.min(Math.max(n, 1), 3999), i = 0; rest > 0; ) {
      const [value, letters] = ROMAN[i]!;
      if (rest >= value) {
        out += letters;
        rest -= value;
      } else i++;
    }
    return out;
  };
  const letter = () => String.fromCharCode(0x41 + ((Math.max(n, 1) - 1) % 26));
  const text = type === 'I' ? roman() : type === 'i' ? roman().toLowerCase() : type === 'A' ? letter() : type === 'a' ? letter().toLowerCase() : String(n);
  return `${text}.`;
}

/** What `walkPage` tells its reader, in the page's order. */
export interface PageVisitor {
  /** Text outside the tables, as it stands in the page (entities, comments and white space as written). */
  text?(raw: string): void;
  /** A tag outside the tables (a block's start or end, a break). */
  tag?(tag: Tag): void;
  /** The number a browser shows before a list item outside the tables ("II. "); `text` when not given. In a cell it is the cell's text. */
  label?(label: string): void;
  /**
   * A table, once it ends (or the page ends in it): its rows of cells. `order`: its place among the tables by where
   * they start (a table inside a cell starts after the one around it but ends before it); `nested`: in another's cell.
   */
  table?(table: HtmlTable, order: number, nested: boolean): void;
  /** Before a table or a cell is opened: throws to refuse a page past a limit. */
  opening(what: 'table' | 'cell'): void;
}

/** Elements whose content a browser does not show as the page's text. */
const HIDDEN = new Set(['script', 'style', 'textarea', 'head', 'template', 'noscript']);

/** A table being read: its rows so far, the open row and cell; `at`: how many `<table>`s were open once it opened. */
interface OpenTable {
  table: HtmlTable;
  order: number;
  at: number;
  row?: HtmlCell[];
  /**
   * `spaced`: the last thing added to it was a separator (the next one adds nothing: white space collapses);
   * `filled`: it has text (asked without looking at its text again, which a cell of many paragraphs made quadratic).
   */
  cell?: { raw: string; rowspan: number; colspan: number; spaced?: boolean; filled?: boolean };
}

function closeCell(t: OpenTable): void {
  if (t.cell && t.row) t.row.push({ text: shown(t.cell.raw), rowspan: t.cell.rowspan, colspan: t.cell.colspan });
  t.cell = undefined;
}

function closeRow(t: OpenTable): void {
  closeCell(t);
  if (t.row) t.table.push(t.row);
  t.row = undefined;
}

/** Tables read as tables of their own inside one another (`nested`), at most; deeper ones are their cell's text. */
const MAX_NESTED = 16;
/** Lists open inside one another whose numbers are counted, at most (deeper ones number nothing). */
const MAX_LISTS = 64;

/**
 * The page read once, in order: its text and tags outside tables, and each table (`<td>` and `<tr>` closed by the next
 * one as browsers close them, `<br>` and a paragraph in a cell a line break). A table inside a cell is that cell's
 * text, and with `nested` also a table of its own (as a Word document's is), up to `MAX_NESTED` deep. A visitor
 * without `table` is told the text outside tables only (nothing of the tables is kept). Memory stays within the
 * tables kept, however deep a hostile page nests its tags.
 */
export function walkPage(text: string, v: PageVisitor, nested = false): void {
  // The tables read (the page's own first), and how many `<table>` tags are open.
  const open: OpenTable[] = [];
  let depth = 0;
  let tables = 0;
  const keep = v.table !== undefined;
  // Text goes to every open cell: a nested table's text is its cell's too. A separator (a space between cells, a
  // line break) after another adds nothing, so that tags nested without end add nothing either.
  const toCells = (raw: string, separator = false) => {
    if (!keep || raw === '') return;
    for (const t of open) {
      const cell = t.cell;
      if (!cell || (separator && cell.spaced)) continue;
      cell.raw += raw;
      cell.spaced = separator;
      if (!separator && !cell.filled && /\S/u.test(raw)) cell.filled = true;
    }
  };
  const between = (raw: string) => {
    if (depth > 0) toCells(raw);
    else if (raw !== '') v.text?.(raw);
  };
  const end = (t: OpenTable) => {
    closeRow(t);
    v.table?.(t.table, t.order, open.length > 0);
  };
  // The lists open (`ol`: its numbering and the next number; `ul`: none): a browser shows each item's number before it.
  const lists: Array<{ type: string; next: number } | undefined> = [];
  let unlisted = 0;
  const listTag = (tag: Tag): string | undefined => {
    if (tag.name === 'ol' || tag.name === 'ul') {
      if (tag.closing) {
        if (unlisted > 0) unlisted--;
        else lists.pop();
      } else if (lists.length >= MAX_LISTS) unlisted++;
      else lists.push(tag.name === 'ol' ? { type: attribute(tag.attrs, 'type') ?? '1', next: Number(attribute(tag.attrs, 'start') ?? 1) || 1 } : undefined);
    }
    const list = unlisted > 0 ? undefined : lists.at(-1);
    return tag.name === 'li' && !tag.closing && list ? `${listLabel(list.next++, list.type)} ` : undefined;
  };
  let at = 0;
  const scanner = new Scanner(text);
  for (let tag = scanner.next(0); tag; tag = scanner.next(at)) {
    between(text.slice(at, tag.start));
    at = tag.end;
    const { name, closing } = tag;
    if (!closing && HIDDEN.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = at;
      at = close.exec(text)?.index ?? text.length;
      continue;
    }
    const label = listTag(tag);
    const top = open.at(-1);
    if (name === 'table') {
      if (!closing) {
        if (top?.cell) toCells(' ', true);
        depth++;
        // The page's own table, or (nested) one directly in a cell of the innermost table read.
        if (!top || (nested && top.cell !== undefined && depth - 1 === top.at && open.length < MAX_NESTED)) {
          v.opening('table');
          open.push({ table: [], order: ++tables, at: depth });
        }
      } else if (depth > 0) {
        if (top && top.at === depth) end(open.pop()!);
        depth--;
      }
      continue;
    }
    if (depth === 0) {
      v.tag?.(tag);
      if (label) (v.label ?? v.text)?.(label);
      continue;
    }
    if (!top || !keep) continue;
    if (label) toCells(label);
    if (depth > top.at) {
      // Inside a table read as its cell's text.
      if (top.cell && (name === 'br' || name === 'td' || name === 'th' || name === 'tr')) toCells(name === 'br' ? BREAK : ' ', true);
      continue;
    }
    if (name === 'tr') {
      closeRow(top);
      if (!closing) top.row = [];
    } else if (name === 'td' || name === 'th') {
      closeCell(top);
      if (closing) continue;
      v.opening('cell');
      top.row ??= [];
      top.cell = { raw: '', rowspan: span(tag.attrs, ROWSPAN, MAX_ROWSPAN), colspan: span(tag.attrs, COLSPAN, MAX_COLSPAN) };
    } else if (name === 'br' || ((name === 'p' || name === 'div') && !closing)) {
      if (top.cell?.filled) toCells(BREAK, true);
    } else if (name === 'caption' || name === 'thead' || name === 'tbody' || name === 'tfoot') {
      closeRow(top);
    }
  }
  between(text.slice(at, Math.max(at, scanner.stop)));
  // A page cut short: the tables read so far.
  while (open.length > 0) end(open.pop()!);
}

/** The page's top-level tables with rows, each its rows of cells, within a workbook's limits (a table a sheet). */
export function htmlTables(text: string, limits: WorkbookLimits): HtmlTable[] {
  const tables: HtmlTable[] = [];
  let cells = 0;
  walkPage(text, {
    table: (t) => tables.push(t),
    opening: (what) => {
      if (what === 'table' && tables.length >= limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
      if (what === 'cell' && ++cells > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
    },
  });
  return tables.filter((t) => t.length > 0);
}

/** Whether a page has a table at all (else it is refused as a web page, not a spreadsheet). */
export const hasTable = (text: string): boolean => /<table[\s>]/i.test(text);

/**
 * The table's cells placed as a browser places them: each at the first column of its row that no cell spanning down
 * from above still holds, `visit`ed with its row, column and spans (cut to the table's rows and to `maxCols`); a cell
 * past `maxCols` is visited at `maxCols` with no span. `held(r, c, span)`: a column a cell from a row above still holds
 * in row `r` (its first column, with that cell's column span), for a reader that lists such places.
 */
export function placeCells(table: HtmlTable, maxCols: number, visit: (cell: HtmlCell, r: number, c: number, rowspan: number, colspan: number) => void, held?: (r: number, c: number, span: number) => void): void {
  // Per column, the first row a cell spanning down from above leaves free, and that cell's first column.
  const busyUntil = new Map<number, { until: number; first: number; span: number }>();
  const busy = (r: number, c: number) => (busyUntil.get(c)?.until ?? 0) > r;
  table.forEach((cells, r) => {
    let c = 0;
    const skipHeld = () => {
      while (c < maxCols && busy(r, c)) {
        const b = busyUntil.get(c)!;
        if (held && b.first === c) held(r, c, b.span);
        c++;
      }
    };
    for (const cell of cells) {
      skipHeld();
      const rowspan = Math.min(cell.rowspan, table.length - r);
      if (c >= maxCols) {
        visit(cell, r, maxCols, 1, 1);
        continue;
      }
      const colspan = Math.min(cell.colspan, maxCols - c);
      if (rowspan > 1) for (let k = c; k < c + colspan; k++) busyUntil.set(k, { until: r + rowspan, first: c, span: colspan });
      visit(cell, r, c, rowspan, colspan);
      c += colspan;
    }
    skipHeld();
  });
}

/** A table placed as a browser places it (`placeCells`), its spans marked as merged ranges. */
function readTable(table: HtmlTable, sheet: string, limits: WorkbookLimits): SheetReading {
  const st: SheetReading = { sheet, limits, rows: [], merges: [], count: 0, hiddenRows: new Set(), hiddenCols: [] };
  placeCells(table, limits.maxCols, (cell, r, c, rowspan, colspan) => {
    if (cell.text !== '') putSheetCell(st, undefined, limits, r, c, { raw: cell.text });
    if (rowspan > 1 || colspan > 1) {
      if (st.merges.length >= limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: limits.maxMerges });
      st.merges.push(`${a1(r, c)}:${a1(r + rowspan - 1, c + colspan - 1)}`);
    }
  });
  return st;
}

/** A web page's text → the grid of one of its tables (`sheet`: its 1-based position). */
export function gridFromHtml(text: string, opts: WorkbookReadOptions = {}): Grid {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const tables = htmlTables(text, limits);
  if (tables.length === 0) throw new PovcheckError('FILE_KIND', { kind: 'html', ext: '' });
  const sheets = tables.map((_, i) => ({ name: String(i + 1) }));
  const sheet = pickSheet(sheets, opts.sheet);
  return sheetGrid(readTable(tables[Number(sheet.name) - 1]!, sheet.name, limits), sheets, sheet, 'html', limits);
}
