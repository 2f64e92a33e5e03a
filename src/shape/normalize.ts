/**
 * Text keys for matching labels and unit names: case-, diacritic- and punctuation-insensitive.
 * "Tổng số hộ của toàn tỉnh đầu năm" → "tong so ho cua toan tinh dau nam". Labels and names repeat (in a
 * table, and across the files of a run): remembered, within a bound.
 */
export const foldKey: (text: string) => string = remembered(fold);

/** `f` with its answers remembered, at most 20,000 of them (past that the memory starts again). */
function remembered(f: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const key = f(text);
    if (known.size >= 20_000) known.clear();
    known.set(text, key);
    return key;
  };
}

/*
 * Folding and the label's list markers, colons and spaces are told character by character, as the regular
 * expressions they replace did: every start compiled those (each twice, to bytecode and then to machine code),
 * a tenth of the seed annex's start-up above Node's own (docs/performance-history.md, branch `start4`).
 * test/shape/normalize.test.ts holds them to the patterns on random and real labels.
 */

/**
 * The key of a text: NFD, then combining marks (U+0300–U+036F) dropped and đ/Đ written d; lower case; each run of
 * characters other than A–Z, a–z, 0–9 one space, none at either end. (Was: .replace(/[\u0300-\u036f]/g, '')
 * .replace(/[đĐðÐ]/g, 'd').toLowerCase().replace(/[_\W]+/gu, ' ').trim().)
 *
 * Told character by character through `LETTERS` for ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers,
 * the combining marks and Vietnamese's precomposed letters (U+0080–U+036F, U+1E00–U+1EFF): each such character's
 * part of the key is what `foldAny` makes of it alone. That is exact: NFD decomposes a text character by character
 * and only reorders combining marks, which are all dropped or all separators here, and lower-casing has no context
 * in these ranges (only Greek's final sigma has one). A text with any other character is folded by `foldAny`.
 * test/shape/normalize.test.ts holds the two to the same keys on every BMP character and on random texts.
 */
function fold(text: string): string {
  let out = '';
  let gap = false; // a separator since the last letter or digit written
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) {
        if (gap && out !== '') out += ' ';
        out += lower === c ? text[i] : String.fromCharCode(lower);
        gap = false;
      } else gap = true;
      continue;
    }
    const part = partOf(c);
    if (part === undefined) return foldAny(text);
    for (let j = 0; j < part.length; j++) {
      if (part.charCodeAt(j) === 32) gap = true;
      else {
        if (gap && out !== '') out += ' ';
        out += part[j];
        gap = false;
      }
    }
  }
  return out;
}

/**
 * A character's part of a key (U+0080–U+036F, U+1E00–U+1EFF): its letters and digits as `foldAny` writes them,
 * a space for each character that separates ('' for a dropped mark); undefined outside those ranges. Each is
 * worked out by `foldAny`'s steps the first time it is met.
 */
function partOf(c: number): string | undefined {
  const at = c < 0x370 ? c - 0x80 : c >= 0x1e00 && c <= 0x1eff ? c - 0x1e00 + 0x2f0 : -1;
  if (at < 0) return undefined;
  let part = LETTERS[at];
  if (part === undefined) {
    const lower = withoutMarks(String.fromCharCode(c).normalize('NFD')).toLowerCase();
    part = '';
    for (let j = 0; j < lower.length; j++) {
      const d = lower.charCodeAt(j);
      part += (d >= 97 && d <= 122) || (d >= 48 && d <= 57) ? lower[j] : ' ';
    }
    LETTERS[at] = part;
  }
  return part;
}

/** `partOf`'s answers: U+0080–U+036F at 0–0x2EF, U+1E00–U+1EFF after them. */
const LETTERS: Array<string | undefined> = new Array<string | undefined>(0x2f0 + 0x100).fill(undefined);

/** The key of any text, by its definition (see `fold`): what `fold` does for the characters `LETTERS` does not know. */
function foldAny(text: string): string {
  const lower = withoutMarks(text.normalize('NFD')).toLowerCase();
  let out = '';
  let from = -1; // start of the current run of letters and digits
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : -1;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57); // no A–Z is left after toLowerCase
    if (word) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out = out === '' ? lower.slice(from, i) : `${out} ${lower.slice(from, i)}`;
      from = -1;
    }
  }
  return out;
}

/**
 * Combining marks U+0300–U+036F dropped, đ and Đ written d, and so are ð and Ð (U+00F0, U+00D0: the Icelandic eth,
 * which looks the same and which converted or mistyped Vietnamese text often has for Đ: `Ðồng Tháp`, `Ðầu năm`).
 */
function withoutMarks(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd0) continue;
    if (c >= 0x300 && c <= 0x36f) {
      out += s.slice(from, i);
      from = i + 1;
    } else if (c === 0x111 || c === 0x110 || c === 0xf0 || c === 0xd0) {
      out += s.slice(from, i) + 'd';
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Whether the character code is one of JavaScript's `\s` (white space and line terminators). */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A list bullet: - – — + * • · */
const isBullet = (c: number): boolean => c === 45 || c === 0x2013 || c === 0x2014 || c === 43 || c === 42 || c === 0x2022 || c === 0xb7;

/** Leading bullets and the spaces after them dropped (was the pattern ^[-–—+*•·]+\s* with the u flag). */
function withoutBullets(t: string): string {
  let i = 0;
  while (i < t.length && isBullet(t.charCodeAt(i))) i++;
  if (i === 0) return t;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return t.slice(i);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** I V X i v x */
const isRoman = (c: number): boolean => c === 73 || c === 86 || c === 88 || c === 105 || c === 118 || c === 120;

/**
 * A leading list marker and the spaces after it dropped: one or two digits, one to four of I V X i v x, or a
 * letter a–z or đ, then "." or ")", then at least one space (was /^(?:[0-9]{1,2}|[IVXivx]{1,4}|[a-zđ])[.)]\s+/u).
 * The prefix's characters are never "." or ")": the marker's mark is the first one.
 */
function withoutListMarker(t: string): string {
  let k = 0;
  while (k < t.length && k < 5 && t.charCodeAt(k) !== 46 && t.charCodeAt(k) !== 41) k++;
  if (k === 0 || k + 1 >= t.length || !isSpace(t.charCodeAt(k + 1))) return t;
  let digits = true;
  let roman = true;
  for (let i = 0; i < k; i++) {
    const c = t.charCodeAt(i);
    digits &&= isDigit(c);
    roman &&= isRoman(c);
  }
  const c0 = t.charCodeAt(0);
  const marker = (digits && k <= 2) || (roman && k <= 4) || (k === 1 && ((c0 >= 97 && c0 <= 122) || c0 === 0x111));
  if (!marker) return t;
  let j = k + 1;
  while (j < t.length && isSpace(t.charCodeAt(j))) j++;
  return t.slice(j);
}

/** A colon (: or ：) at the end, and the spaces after it, dropped (was /[:：]\s*$/u). */
function withoutFinalColon(t: string): string {
  let e = t.length;
  while (e > 0 && isSpace(t.charCodeAt(e - 1))) e--;
  const c = e > 0 ? t.charCodeAt(e - 1) : -1;
  return c === 58 || c === 0xff1a ? t.slice(0, e - 1) : t;
}

/** Whether the text ends with ")" or "]", spaces after it aside: the only texts MEASURE_SUFFIX can match. */
function endsBracketed(t: string): boolean {
  let e = t.length;
  while (e > 0 && isSpace(t.charCodeAt(e - 1))) e--;
  const c = e > 0 ? t.charCodeAt(e - 1) : -1;
  return c === 41 || c === 93;
}

/** A bracketed unit of measure at the end of a label: "(%)", "(hộ)", "(điểm %)", "(households)". */
const MEASURE_SUFFIX = /\s*[([]\s*(?:%|hộ|ho|households?|hh|điểm\s*%?|diem\s*%?|points?|pp|percentage points|người)\s*[)\]]\s*$/iu;

/**
 * A row or column label reduced to its wording: list markers ("1.", "a)", "- ", "+"), bracketed units
 * ("(%)", "(hộ)", "(điểm %)") and trailing colons are dropped before folding. Every cell of a table's first
 * rows and columns is asked, in every file of a run: remembered, within a bound.
 */
export const labelKey: (text: string) => string = remembered(labelKeyOf);

function labelKeyOf(text: string): string {
  let t = withoutBullets(withoutListMarker(withoutBullets((composed(text) ? text : text.normalize('NFC')).trim())));
  if (endsBracketed(t)) t = t.replace(MEASURE_SUFFIX, '');
  return foldKey(withoutFinalColon(t));
}

/**
 * Whether the text is in NFC as it is: each character below U+0300 or one of Vietnamese's precomposed letters
 * (U+1E00–U+1EFF), none of which decomposes or combines (model/grid.ts `trimmedText`; test/model/grid.test.ts).
 */
function composed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return false;
  }
  return true;
}

/**
 * Unit names: NFC, case- and diacritic-insensitive, spacing and punctuation ignored, and a level's abbreviation
 * read as its word (`TP Tuyên Quang` = `Thành phố Tuyên Quang`, `TX.`, `TT.`, `H.`: the prefixes tables vary in).
 */
export function unitKey(name: string): string {
  return withLevelWord(name, foldKey(name));
}

/**
 * `k` (`name` folded) with the level abbreviation it starts with written as its word: `tp` → `thanh pho`, `tx`,
 * `tt`, and `h` when the name writes `H.` (not `H'Mông`). The one reading of these abbreviations (unitKey, the
 * levels of structure.ts).
 */
export function withLevelWord(name: string, k: string): string {
  const c = k.charCodeAt(0);
  // Only a key starting with t or h can start with an abbreviation: the others cost one comparison.
  if (c !== 0x74 && c !== 0x68) return k;
  const space = k.indexOf(' ');
  const word = space === 1 || space === 2 ? ABBREVIATIONS.get(k.slice(0, space)) : undefined;
  if (word === undefined || (word === 'huyen' && !H_DOT.test(name))) return k;
  return word + k.slice(space);
}

const ABBREVIATIONS = new Map([
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['tt', 'thi tran'],
  ['h', 'huyen'],
]);
const H_DOT = /^\s*H\.\s*\p{Lu}/u;

/**
 * A unit name's key with the configuration's unit aliases applied (folded alias → canonical name): an alias
 * gets its canonical name's key. The one way unit names are keyed (shape, series, targets, the chart).
 */
export function aliasedUnitKey(name: string, aliases: ReadonlyMap<string, string> | undefined): string {
  const k = unitKey(name);
  const canonical = aliases?.get(k);
  return canonical !== undefined ? unitKey(canonical) : k;
}

/** Whether `text` has an ASCII digit: `/\d/.test(text)` without a pattern (asked of many cells and labels in shape). */
export function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}
