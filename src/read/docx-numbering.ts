/**
 * Word's automatic list numbers (word/numbering.xml): the labels Word shows before a numbered paragraph ("I.",
 * "2.", "3.1.", "a)", "-"), which are not in the paragraph's text. A plan whose headings are numbered by Word
 * ("I. KẾT QUẢ THỰC HIỆN NĂM 2019" typed as "KẾT QUẢ THỰC HIỆN NĂM 2019" in a numbered list) reads, with them, as it
 * shows and as Word's plain-text export writes it: its headings are headings and its sections are known (a
 * section reporting past results is not read as this year's claims).
 *
 * What is followed: each `w:num` and the `w:abstractNum` it uses (start, number format, level text `%1.%2.`), a
 * `w:lvlOverride`'s `w:startOverride`; counters are kept per abstract list, as Word does (two lists of one
 * abstract list continue each other unless one restarts), in the order the paragraphs come, and a level's
 * counters below it restart when it counts. Numbering a paragraph gets from its style (styles.xml) is not
 * followed: a heading style already makes a heading (docx.ts). Pure apart from its counters.
 */

import { localName } from './xml-stream.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Num {
  abstract: string;
  /** Levels restarted at another number by this list (`w:startOverride`), not yet applied. */
  overrides: Map<number, number>;
}

export interface ListNumbers {
  /** The label Word shows before a paragraph numbered `numId` at level `ilvl`, counting it; undefined for none. */
  label(numId: string, ilvl: number): string | undefined;
}

/** An attribute by its local name (`w:val` → `val`), whatever its namespace prefix; docx.ts reads them so too. */
export function attr(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(attributes)) if (localName(k) === name) return v;
  return undefined;
}

/**
 * The longest level text kept (Word allows 255 characters; real ones are `%1.` to `%1.%2.%3.`), and the longest
 * letter number (`aaaa`…): a hostile numbering part cannot make labels of megabytes for every paragraph.
 */
const MAX_LEVEL_TEXT = 64;
const MAX_LETTERS = 8;

const integer = (v: string | undefined, otherwise: number) => (v !== undefined && /^-?\d{1,6}$/.test(v) ? Number(v) : otherwise);

/** The parsed numbering part's definitions, filled by `numberingHandlers`. */
export interface NumberingDefinitions {
  readonly abstracts: Map<string, Map<number, Level>>;
  readonly nums: Map<string, Num>;
}

/** Handlers for the streaming XML reader that gather numbering.xml's definitions into `defs`. */
export function numberingHandlers(defs: NumberingDefinitions): { open(name: string, a: Readonly<Record<string, string>>): void } {
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: Num | undefined;
  let override: number | undefined;
  return {
    open(name, a) {
      switch (name) {
        case 'abstractNum':
          abstract = new Map();
          defs.abstracts.set(attr(a, 'abstractNumId') ?? '', abstract);
          num = undefined;
          break;
        case 'lvl':
          level = { start: 1, format: 'decimal', text: '' };
          if (num === undefined) abstract?.set(integer(attr(a, 'ilvl'), 0), level);
          break;
        case 'start':
          if (level) level.start = integer(attr(a, 'val'), 1);
          break;
        case 'numFmt':
          if (level) level.format = attr(a, 'val') ?? 'decimal';
          break;
        case 'lvlText':
          if (level) level.text = (attr(a, 'val') ?? '').slice(0, MAX_LEVEL_TEXT);
          break;
        case 'num':
          num = { abstract: '', overrides: new Map() };
          defs.nums.set(attr(a, 'numId') ?? '', num);
          abstract = undefined;
          level = undefined;
          break;
        case 'abstractNumId':
          if (num) num.abstract = attr(a, 'val') ?? '';
          break;
        case 'lvlOverride':
          override = integer(attr(a, 'ilvl'), 0);
          break;
        case 'startOverride':
          if (num && override !== undefined) num.overrides.set(override, integer(attr(a, 'val'), 1));
          break;
      }
    },
  };
}

const ROMAN: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v && out.length < 20) (out += s), (n -= v);
  return out;
}

/** a, b, … z, aa, bb, … as Word counts letters. */
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.min(Math.floor((n - 1) / 26) + 1, MAX_LETTERS));

/** One counter's value in a level's number format. */
function formatted(n: number, format: string): string {
  if (n < 1) return String(n);
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** A bullet as text: dashes and plus signs as they are (the money hierarchy reads them); symbol-font glyphs as •. */
const bulletText = (text: string) => (/^[-–+*•·]$/u.test(text.trim()) ? text.trim() : '•');

/** Counters over the definitions, in the order paragraphs are numbered. */
export function listNumbers(defs: NumberingDefinitions): ListNumbers {
  const counters = new Map<string, number[]>();
  return {
    label(numId, ilvl) {
      const num = defs.nums.get(numId);
      const levels = num ? defs.abstracts.get(num.abstract) : undefined;
      const level = levels?.get(ilvl);
      if (!num || !levels || !level || ilvl < 0 || ilvl > 8) return undefined;
      const count = counters.get(num.abstract) ?? [];
      counters.set(num.abstract, count);
      const restart = num.overrides.get(ilvl);
      if (restart !== undefined) num.overrides.delete(ilvl);
      count[ilvl] = restart ?? (count[ilvl] === undefined ? level.start : count[ilvl] + 1);
      count.length = ilvl + 1;
      if (level.format === 'bullet') return bulletText(level.text);
      const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const at = levels.get(k);
        return formatted(count[k] ?? at?.start ?? 1, k === ilvl ? level.format : (at?.format ?? 'decimal'));
      });
      return text.trim() === '' ? undefined : text;
    },
  };
}
