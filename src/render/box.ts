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
}

/** Display width: code points (the text is NFC, so Vietnamese letters count once). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks left after NFC
    w++;
  }
  return w;
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
  const widths = Array.from({ length: cols }, (_, c) => rows.reduce((m, r) => Math.max(m, displayWidth(r[c] ?? '')), displayWidth(header[c] ?? '')));
  const style = opts.style ?? ((t: string) => t);
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (cells: string[], ri: number, headerRow: boolean) =>
    '│' +
    widths
      .map((w, c) => {
        const align = headerRow ? 'left' : (opts.align?.[c] ?? 'left');
        return ' ' + style(pad(cells[c] ?? '', w, align), ri, c) + ' ';
      })
      .join('│') +
    '│';
  const out = [line('┌', '┬', '┐'), row(header, -1, true), line('├', '┼', '┤')];
  rows.forEach((r, i) => {
    out.push(row(r, i, false));
    if (opts.separators?.has(i) && i < rows.length - 1) out.push(line('├', '┼', '┤'));
  });
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}
