/**
 * Reading figures in running Vietnamese text: numbers ("210.679", "2,06", "11,8"), sentences, and the place a
 * finding points at (section, paragraph, a short quote with the figure marked). Pure.
 */
import { Dec } from '../calc/decimal.js';
import type { DocParagraph, TextPlace } from '../model/document.js';

/** A number as the text writes it: Vietnamese format, `.` groups thousands, `,` marks decimals. */
export const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)`;

export interface ProseNumber {
  num: Dec;
  /** Plain digits ("210679", "11.8"). */
  plain: string;
  decimals: number;
}

const WHOLE_NUMBER = new RegExp(`^(?:${NUMBER})$`, 'u');

/** "210.679" → 210679; "2,06" → 2.06; undefined for anything else. */
export function proseNumber(text: string): ProseNumber | undefined {
  const t = text.trim();
  if (!WHOLE_NUMBER.test(t)) return undefined;
  const [int, frac] = t.replace(/\./g, '').split(',') as [string, string | undefined];
  const plain = frac !== undefined ? `${BigInt(int).toString()}.${frac}` : BigInt(int).toString();
  return { num: new Dec(plain), plain, decimals: frac?.length ?? 0 };
}

/** `d` rounded half-up to `decimals` places, as plain digits. */
export function roundedPlain(d: Dec, decimals: number): string {
  return d.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toFixed(decimals);
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

/**
 * A paragraph's sentences: split after ". ", "; ", "! ", "? " where the next word starts with a capital (or a
 * list mark), never inside brackets. "Dự án 1. Chương trình 30a" splits too, which is harmless for claims.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === '.' || c === ';' || c === '!' || c === '?') && text[i + 1] === ' ' && /[\p{Lu}\-–+"“(]/u.test(text[i + 2] ?? '')) {
      out.push({ text: text.slice(start, i + 1), start });
      start = i + 2;
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out.filter((s) => s.text.trim() !== '');
}

const QUOTE_SIDE = 60;

/**
 * Where a finding about the text is: the paragraph's section and number, about 60 characters either side of
 * [start, end) cut at word boundaries ("…" where cut), and the figure's place in that quote.
 */
export function placeOf(p: DocParagraph, start: number, end: number): TextPlace {
  let from = Math.max(0, start - QUOTE_SIDE);
  let to = Math.min(p.text.length, end + QUOTE_SIDE);
  if (from > 0) {
    const space = p.text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < p.text.length) {
    const space = p.text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  const head = from > 0 ? '…' : '';
  const quote = `${head}${p.text.slice(from, to)}${to < p.text.length ? '…' : ''}`;
  return {
    paragraph: p.number,
    section: p.section,
    quote,
    mark: { start: head.length + start - from, end: head.length + end - from },
    ...(p.line !== undefined ? { line: p.line } : {}),
  };
}
