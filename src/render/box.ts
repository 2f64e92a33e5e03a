/**
 * A terminal table with box-drawing borders. Cells are plain strings, shown through `visible` (a control
 * character in a name cannot reach the terminal); a styler may colour a cell after padding, so ANSI codes
 * never disturb the alignment.
 */
import { visible } from '../messages/visible.js';

export type Align = 'left' | 'right';

export interface BoxOptions {
  align?: Align[];
  /** Colours one cell's padded text; row -1 is the header. */
  style?: (text: string, row: number, col: number) => string;
  /** Rows after which a separator line is drawn (e.g. under a group). */
  separators?: ReadonlySet<number>;
  /**
   * A spreadsheet's margins (render/source-refs.ts): a label over each column (a line above the table) and one left
   * of the header and of each row, outside the borders; `style` colours them. `indent`: the indentation the table
   * would have without them, which the row labels take first (a label of one character costs no width).
   */
  margins?: { columns: readonly string[]; header: string; rows: readonly string[]; style?: (text: string) => string; indent?: number };
}

/**
 * Display width: code points (the text is NFC, so Vietnamese letters count once), combining marks left after NFC
 * not counted. Counted on the code units, without a string iterator (which made a string and a result object per
 * character: a third of the text report's allocations on the seed, and a scavenge is what start-up pays for them);
 * a text with no code unit from U+0300 on is NFC as it is, and is not normalised.
 */
export function displayWidth(s: string): number {
  const t = hasCodeUnitFrom(s, 0x300) ? s.normalize('NFC') : s;
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // combining marks left after NFC
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(t.charCodeAt(i - 1))) continue; // a pair's second half
    w++;
  }
  return w;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function hasCodeUnitFrom(s: string, from: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= from) return true;
  return false;
}

function pad(s: string, width: number, align: Align): string {
  const gap = Math.max(0, width - displayWidth(s));
  return align === 'right' ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** No column of a terminal table is wider than this; longer cells end in "…". */
export const MAX_CELL_WIDTH = 48;

/** A cell's text made visible (no control character reaches the terminal: messages/visible.ts), cut to the width. */
function fit(raw: string): string {
  const s = visible(raw);
  if (displayWidth(s) <= MAX_CELL_WIDTH) return s;
  return `${[...s.normalize('NFC')].slice(0, MAX_CELL_WIDTH - 1).join('')}…`;
}

export function renderBox(header0: string[], rows0: string[][], opts: BoxOptions = {}): string {
  const header = header0.map(fit);
  const rows = rows0.map((r) => r.map(fit));
  // reduce, not Math.max(...spread): a national table has thousands of rows.
  const cols = rows.reduce((m, r) => Math.max(m, r.length), header.length);
  const m = opts.margins;
  // A column is as wide as its label over it too (a range of letters over a narrow column).
  const widths = Array.from({ length: cols }, (_, c) => rows.reduce((w, r) => Math.max(w, displayWidth(r[c] ?? '')), Math.max(displayWidth(header[c] ?? ''), displayWidth(m?.columns[c] ?? ''))));
  const style = opts.style ?? ((t: string) => t);
  // The row labels' column, right-aligned, then a space before the border (within the indentation when they fit it).
  const labels = m ? [m.header, ...m.rows].reduce((w, t) => Math.max(w, displayWidth(t)), 0) : 0;
  const left = Math.max(labels + (labels > 0 ? 1 : 0), m?.indent ?? 0);
  const mstyle = m?.style ?? ((t: string) => t);
  const margin = (t: string) => (t ? ' '.repeat(left - 1 - displayWidth(t)) + mstyle(t) + ' ' : ' '.repeat(left));
  const line = (l: string, mid: string, r: string) => margin('') + l + widths.map((w) => '─'.repeat(w + 2)).join(mid) + r;
  const row = (cells: string[], ri: number, headerRow: boolean) =>
    margin(headerRow ? (m?.header ?? '') : (m?.rows[ri] ?? '')) +
    '│' +
    widths
      .map((w, c) => {
        const align = headerRow ? 'left' : (opts.align?.[c] ?? 'left');
        return ' ' + style(pad(cells[c] ?? '', w, align), ri, c) + ' ';
      })
      .join('│') +
    '│';
  const out = [line('┌', '┬', '┐'), row(header, -1, true), line('├', '┼', '┤')];
  if (m && m.columns.some((t) => t !== '')) out.unshift(columnLabels(m.columns, widths, left, mstyle));
  rows.forEach((r, i) => {
    out.push(row(r, i, false));
    if (opts.separators?.has(i) && i < rows.length - 1) out.push(line('├', '┼', '┤'));
  });
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}

/** The line of column labels over a table: each centred over its column (the left one when it cannot be), no trailing space. */
function columnLabels(labels: readonly string[], widths: readonly number[], left: number, style: (t: string) => string): string {
  let out = ' '.repeat(left) + ' ';
  let pending = '';
  widths.forEach((w, c) => {
    const t = labels[c] ?? '';
    const before = Math.floor((w - displayWidth(t)) / 2);
    if (t) {
      out += pending + ' '.repeat(1 + before) + style(t);
      pending = ' '.repeat(w - before - displayWidth(t) + 2);
    } else pending += ' '.repeat(w + 3);
  });
  return out.trimEnd();
}
