/**
 * How wide text is when printed in Times New Roman, in points, so that the documents (docx, xlsx, html) can
 * give each column room for its longest number or word: a column narrower than a word makes Word, Excel
 * and LibreOffice break it mid-word. Widths come from the font's own advance widths (font-metrics.ts);
 * a Vietnamese letter not in the table is measured as its base letter (its marks take no width).
 */
import { TIMES_BOLD, TIMES_REGULAR } from './font-metrics.js';

type Widths = ReadonlyMap<string, number>;

function expand(groups: Readonly<Record<number, string>>): Widths {
  const map = new Map<string, number>();
  for (const [w, chars] of Object.entries(groups)) for (const ch of chars) map.set(ch, Number(w));
  return map;
}

const REGULAR = expand(TIMES_REGULAR);
const BOLD = expand(TIMES_BOLD);
/** Width of a character the table does not know (a wide letter, so that we err on the roomy side). */
const UNKNOWN = 722;

function charWidth(ch: string, widths: Widths): number {
  const w = widths.get(ch);
  if (w !== undefined) return w;
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base === '') return 0; // a lone combining mark
  return widths.get(base) ?? UNKNOWN;
}

/** Width in points of `text` set in Times New Roman at `sizePt`. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let sum = 0;
  for (const ch of text.normalize('NFC')) sum += charWidth(ch, widths);
  return (sum * sizePt) / 1000;
}

/** The words of a text (what a line may break between); a leading dash stays with the word after it ("- Đầu"). */
export function words(text: string): string[] {
  const out = text.split(/\s+/).filter((w) => w !== '');
  if (out.length > 1 && /^[-–—•]$/.test(out[0]!)) out.splice(0, 2, `${out[0]} ${out[1]}`);
  return out;
}

/** Width of the longest word: the least a column can be without breaking one. */
export function longestWord(text: string, sizePt: number, bold = false): number {
  return words(text).reduce((m, w) => Math.max(m, textWidth(w, sizePt, bold)), 0);
}

/** Lines `text` takes in a column `widthPt` wide, breaking only between words (at least 1). */
export function lineCount(text: string, widthPt: number, sizePt: number, bold = false): number {
  const space = textWidth(' ', sizePt, bold);
  let lines = 1;
  let used = 0;
  for (const w of words(text)) {
    const ww = textWidth(w, sizePt, bold);
    if (used > 0 && used + space + ww > widthPt) {
      lines++;
      used = ww;
    } else used += (used > 0 ? space : 0) + ww;
  }
  return lines;
}
