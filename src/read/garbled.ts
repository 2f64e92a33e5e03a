/**
 * Text whose Vietnamese letters did not survive a save: replaced by `?` (saved in a character set without them,
 * as Excel's "CSV (Comma delimited)" does on a non-Vietnamese Windows: `T?ng s? h?`), or garbled (UTF-8 opened
 * as Windows-1252 and saved again: `Tá»•ng sá»‘ há»™`). Neither can be read as a table: the labels are gone. Said
 * with a sample, instead of "no poverty-table indicator found" or "a legacy encoding" (whose --encoding would not
 * bring the letters back).
 */
export interface Garbled {
  how: 'lost' | 'mojibake';
  /** A word as it stands in the file. */
  sample: string;
  /**
   * `lost` only: the file was saved as Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows, which keeps ă ơ ư đ
   * and the letters it has one byte for, and writes "?" for the others: `T?ng`, `Sơn Dương`); `sample` as it reads so.
   */
  codePage?: 'windows-1258';
}

/** A `?` beside a letter, in a word (`T?ng`, `s?`, `?VT`). */
const LOST = /[\p{L}\d]*(?:\p{L}\?|\?\p{L})[\p{L}\d?]*/gu;
/** UTF-8's two- and three-byte letters read as Windows-1252 (`Ã´` ô, `á»‘` ố, `Æ°` ư, `Ä‘` đ). */
const MOJIBAKE = /[\p{L}]*(?:Ã[\u00a0-\u00bf\u2018-\u203a]|á[º»¼½¾]|Æ[°¡¯ ]|Ä[‘\u0090\u0083\u0082])[\p{L}\u0080-\u00bf\u2018-\u203a]*/gu;
/** Letters only Vietnamese text has (ă ơ ư đ and the letters with tone marks of U+1EA0–U+1EF9). */
const VIETNAMESE = /[ăĂơƠưƯđĐ\u1ea0-\u1ef9]/u;

/** How `text` (its first 64 KiB) lost its Vietnamese letters, when at least five words show it; else undefined. */
export function garbledText(text: string): Garbled | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.includes('?') && !VIETNAMESE.test(head)) {
    const words = head.match(LOST);
    if (words && words.length >= 5) return { how: 'lost', sample: sampleOf(words) };
  }
  if (head.includes('Ã') || head.includes('á') || head.includes('Æ') || head.includes('Ä')) {
    const words = head.match(MOJIBAKE);
    if (words && words.length >= 5) return { how: 'mojibake', sample: sampleOf(words) };
  }
  return undefined;
}

/** A word of `text` with a `?` beside a letter (the longest of the first), if any. */
export function lostSample(text: string): string | undefined {
  const words = text.slice(0, 65536).match(LOST);
  return words ? sampleOf(words) : undefined;
}

/** The longest of the first words, at most 40 characters. */
function sampleOf(words: readonly string[]): string {
  const first = words.slice(0, 20).reduce((a, b) => (b.length > a.length ? b : a), '');
  return first.length > 40 ? first.slice(0, 40) : first;
}
