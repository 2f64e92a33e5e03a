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

interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
}

type HtmlTable = HtmlCell[][];

/** Browsers' bounds on spans (the HTML standard's). */
const MAX_COLSPAN = 1_000;
const MAX_ROWSPAN = 65_534;

/** A tag's start: `<`, an optional `/`, its name (sticky: matched where the scanner stands). */
const TAG_HEAD = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;

interface Tag {
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
const BREAK = '\u2028';

/** A cell's text as a browser shows it: white space collapsed, line breaks kept, no-break spaces as spaces, NFC. */
const shown = (raw: string) =>
  decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '))
    .replace(/\u00a0/g, ' ')
    .normalize('NFC')
    .split(BREAK)
    .map((l) => l.trim())
    .join('\n')
    .trim();

/** The page's top-level tables, each its rows of cells (a nested table's text goes to the cell holding it). */
export function htmlTables(text: string, limits: WorkbookLimits): HtmlTable[] {
  const tables: HtmlTable[] = [];
  let table: HtmlTable | undefined;
  let row: HtmlCell[] | undefined;
  let cell: { raw: string; rowspan: number; colspan: number } | undefined;
  let depth = 0;
  let cells = 0;
  const closeCell = () => {
    if (cell && row) row.push({ text: shown(cell.raw), rowspan: cell.rowspan, colspan: cell.colspan });
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    if (row && table) table.push(row);
    row = undefined;
  };
  let at = 0;
  const scanner = new Scanner(text);
  for (let tag = scanner.next(0); tag; tag = scanner.next(at)) {
    if (cell) cell.raw += text.slice(at, tag.start);
    at = tag.end;
    const { name, closing } = tag;
    if (!closing && (name === 'script' || name === 'style' || name === 'textarea')) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = at;
      at = end.exec(text)?.index ?? text.length;
      continue;
    }
    if (name === 'table') {
      if (!closing) {
        if (depth++ === 0) {
          if (tables.length >= limits.maxSheets) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'sheets', limit: limits.maxSheets });
          table = [];
        } else if (cell) cell.raw += ' ';
      } else if (depth > 0 && --depth === 0) {
        closeRow();
        if (table) tables.push(table);
        table = undefined;
      }
      continue;
    }
    if (depth !== 1) {
      if (cell && (name === 'br' || name === 'td' || name === 'th' || name === 'tr')) cell.raw += name === 'br' ? BREAK : ' ';
      continue;
    }
    if (name === 'tr') {
      closeRow();
      if (!closing) row = [];
    } else if (name === 'td' || name === 'th') {
      closeCell();
      if (closing) continue;
      if (++cells > limits.maxCells) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'cells', limit: limits.maxCells });
      row ??= [];
      cell = { raw: '', rowspan: span(tag.attrs, ROWSPAN, MAX_ROWSPAN), colspan: span(tag.attrs, COLSPAN, MAX_COLSPAN) };
    } else if (name === 'br' || ((name === 'p' || name === 'div') && !closing)) {
      if (cell && cell.raw.trim() !== '') cell.raw += BREAK;
    } else if (name === 'caption' || name === 'thead' || name === 'tbody' || name === 'tfoot') {
      closeRow();
    }
  }
  if (cell) cell.raw += text.slice(at, Math.max(at, scanner.stop));
  if (depth > 0 && table) {
    // A page cut short: the table read so far.
    closeRow();
    tables.push(table);
  }
  return tables.filter((t) => t.length > 0);
}

/** Whether a page has a table at all (else it is refused as a web page, not a spreadsheet). */
export const hasTable = (text: string): boolean => /<table[\s>]/i.test(text);

/** A table placed as a browser places it: each cell at the first free column of its row, its spans marked. */
function readTable(table: HtmlTable, sheet: string, limits: WorkbookLimits): SheetReading {
  const st: SheetReading = { sheet, limits, rows: [], merges: [], count: 0, hiddenRows: new Set(), hiddenCols: [] };
  // Per column, the first row a cell spanning down from above leaves free.
  const busyUntil = new Int32Array(limits.maxCols);
  table.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < limits.maxCols && busyUntil[c]! > r) c++;
      const rowspan = Math.min(cell.rowspan, table.length - r);
      if (c >= limits.maxCols) {
        if (cell.text !== '') putSheetCell(st, undefined, limits, r, c, { raw: cell.text });
        continue;
      }
      const colspan = Math.min(cell.colspan, limits.maxCols - c);
      for (let k = c; k < c + colspan; k++) busyUntil[k] = r + rowspan;
      if (cell.text !== '') putSheetCell(st, undefined, limits, r, c, { raw: cell.text });
      if (rowspan > 1 || colspan > 1) {
        if (st.merges.length >= limits.maxMerges) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'merges', limit: limits.maxMerges });
        st.merges.push(`${a1(r, c)}:${a1(r + rowspan - 1, c + colspan - 1)}`);
      }
      c += colspan;
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
