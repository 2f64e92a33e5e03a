/**
 * The outline of a plan document: which paragraphs are headings ("I. MỤC TIÊU", "2. Một số chỉ tiêu cụ thể",
 * "3.1. …", "a) …", or a Word heading style) and the section each paragraph is in, so a finding in the text
 * can be found again. Both document readers (docx.ts, text-document.ts) number paragraphs here, the same way:
 * non-empty body paragraphs, 1-based, table cells not counted. Pure.
 */
import type { DocParagraph } from '../model/document.js';
import { withVietnameseD } from '../model/grid.js';

export interface RawParagraph {
  text: string;
  /** A Word heading style (Heading 1…9, Title) or outline level: its level, 1-based. */
  styleLevel?: number;
  line?: number;
}

/**
 * Without the characters Word does not show: soft hyphens (U+00AD, a possible break pasted from the web or from
 * another program: `Lâm Bì\u00adnh` reads Lâm Bình) and zero-width spaces (U+200B). A plan's paragraphs and its
 * tables' cells, in both document readers: a name or a figure with one inside is read as shown.
 */
export const withoutInvisible = (text: string): string => (/[\u00ad\u200b]/u.test(text) ? text.replace(/[\u00ad\u200b]/gu, '') : text);

/**
 * Whitespace as Word writes it (tabs, no-break spaces, line breaks) as single spaces; NFC; and Đ for Ð, the
 * Icelandic eth that converted or mistyped Vietnamese has in its place (`Ðầu năm`), as a table's cells are read
 * (model/grid.ts `trimmedText`); without the characters Word does not show (`withoutInvisible`).
 */
export function tidyText(text: string): string {
  return withVietnameseD(withoutInvisible(text))
    .normalize('NFC')
    .replace(/[\s\u00a0\u2007\u202f\ufeff]+/gu, ' ')
    .trim();
}

/** The numbering of plan headings, outermost first: "PHẦN I", "I.", "1.", "1.1.", "a)". */
const NUMBERED: Array<[RegExp, number]> = [
  [/^(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXLC]+|\d+)\b/u, 0],
  [/^[IVXLC]+[.)]\s+\S/u, 1],
  [/^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\S/u, 3],
  [/^\d{1,2}[.)]\s+\S/u, 2],
  [/^[a-zđ]\)\s+\S/u, 4],
];

/** Headings are short and do not end as a sentence or list item does. */
function headingLevel(text: string): number | undefined {
  if (text.length > 200 || /[.;:,]$/u.test(text) || text.split(' ').length > 30) return undefined;
  for (const [re, level] of NUMBERED) if (re.test(text)) return level;
  return undefined;
}

const MAX_PART = 60;

function shortPart(text: string): string {
  return text.length <= MAX_PART ? text : `${text.slice(0, MAX_PART - 1).trimEnd()}…`;
}

/** Numbers the non-empty paragraphs and gives each its section path ("III. KINH PHÍ THỰC HIỆN › 2. …"). */
export function outline(raw: readonly RawParagraph[]): DocParagraph[] {
  const out: DocParagraph[] = [];
  const path: Array<{ level: number; text: string }> = [];
  for (const r of raw) {
    const text = tidyText(r.text);
    if (text === '') continue;
    const level = r.styleLevel ?? headingLevel(text);
    if (level !== undefined) {
      while (path.length > 0 && path[path.length - 1]!.level >= level) path.pop();
      path.push({ level, text: shortPart(text) });
    }
    out.push({
      number: out.length + 1,
      text,
      section: path.map((p) => p.text).join(' › '),
      ...(level !== undefined ? { heading: true } : {}),
      ...(r.line !== undefined ? { line: r.line } : {}),
    });
  }
  return out;
}
