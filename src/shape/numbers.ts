/**
 * Number parsing and the per-file decision between Vietnamese (210.299 / 11,80) and English (210,299 / 11.80)
 * formats. Exact digits only: values become decimal.js numbers straight from the text, never binary floats.
 */
import { Dec } from '../calc/decimal.js';
import type { IndicatorKind } from '../model/indicators.js';
import type { NumberLocale } from '../model/annex.js';
import type { SpreadsheetError } from '../model/grid.js';

export interface ParsedNumber {
  ok: true;
  num: Dec;
  /** Plain digits keeping the typed decimals: "13.50", "4188". */
  plain: string;
  decimals: number;
  /** Whether the text used a group or decimal separator (evidence for the locale). */
  separated: boolean;
}

export type NumberProblem =
  | 'empty'
  /** "-", "–": conventional for "none", but not a number. */
  | 'dash'
  /** "x": the statistical tables' mark for no figure (not applicable, or not published): nothing to check. */
  | 'not-applicable'
  /** Digits and separators, but not a well-formed number in this locale ("21.0299"). */
  | 'grouping'
  /** Anything else: letters, stray symbols ("4.18x", "n/a"). */
  | 'text'
  /** A number of more digits than a figure has (shape/index.ts `MAX_FIGURE_DIGITS`). */
  | 'digits';

/**
 * The most digits a figure is read with (shape/index.ts `parseValue`, `rate`'s counts): a count has at most 15, a
 * rate typed with all the decimals a spreadsheet keeps 17; twice that is no figure a table means.
 */
export const MAX_FIGURE_DIGITS = 34;

export type ParseResult = ParsedNumber | { ok: false; problem: NumberProblem };

const SPREADSHEET_ERRORS: ReadonlySet<string> = new Set(['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!']);

/** Which spreadsheet error value `text` is (`#DIV/0!`, `#SPILL!`, `Err:502`), if it is one. */
export function spreadsheetError(text: string): SpreadsheetError | undefined {
  const t = text.trim().toUpperCase();
  if (SPREADSHEET_ERRORS.has(t)) return t as SpreadsheetError;
  return /^#[A-Z][A-Z_/0]*[!?]$|^ERR:\d{3}$/.test(t) ? 'other' : undefined;
}

const VI = /^(?:([1-9]\d{0,2}(?:\.\d{3})+)|(\d+))(?:,(\d+))?$/;
const EN = /^(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d+))(?:\.(\d+))?$/;
const SPACE_GROUPED = /^[1-9]\d{0,2}(?:[ \u00a0\u2007\u202f]\d{3})+(?=$|[.,]\d+$)/;
const NUMERICISH = /^[+\-−–]?[\d.,\s\u00a0\u2007\u202f]+%?$/;

/**
 * A note mark after a figure, the sign of a footnote: superscript digits, letters or bracketed digits (`12,43¹`,
 * `25,56ᵃ`, `4.693⁽²⁾`; Word's superscript runs read so, read/docx.ts), asterisks or daggers (`25,56*`, `25,56†`),
 * a bracketed number or letter (`25,56 (2)`, `25,56(a)`). Never bare ASCII digits: `4,002` is a number.
 */
const NOTE_MARK = /(?<=[\d%])[ \u00a0]?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ]|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|\(\*{1,3}\)|\*{1,3}|[†‡§]{1,2}|\((?:[1-9]\d?|[a-z])\))$/u;

/** The figure and the note mark after it (`25,56*` → `25,56`, `*`), when the text ends with one. */
export function noteMark(text: string): { figure: string; mark: string } | undefined {
  const m = NOTE_MARK.exec(text);
  return m ? { figure: text.slice(0, m.index), mark: m[0].trim() } : undefined;
}

function tidy(text: string, kind: IndicatorKind): { body: string; negative: boolean } | undefined {
  let t = text.trim();
  let negative = false;
  const sign = /^[+\-−–]/.exec(t);
  if (sign) {
    negative = sign[0] !== '+';
    t = t.slice(1).trimStart();
  }
  if (t.endsWith('%')) {
    if (kind !== 'rate') return undefined;
    t = t.slice(0, -1).trimEnd();
  }
  const spaced = SPACE_GROUPED.exec(t);
  if (spaced) t = spaced[0].replace(/[ \u00a0\u2007\u202f]/g, '') + t.slice(spaced[0].length);
  return { body: t, negative };
}

/** A number's digits as read in one format, before any arithmetic: integer part, decimals, sign. */
interface Digits {
  negative: boolean;
  /** The integer part without group separators ("210299", "0013"). */
  intPart: string;
  frac: string | undefined;
  separated: boolean;
}

/**
 * The text's digits in `locale`, or why it is not a number there. No decimal object is made. Plain digits in the
 * locale's format (`plainDigits`: no sign, space, percent or leading zero) are read without the patterns: the same
 * digits (`readDigitsByPatterns`; test/shape/numbers.test.ts holds the two).
 */
function readDigits(text: string, locale: NumberLocale, kind: IndicatorKind): Digits | NumberProblem {
  const fast = plainDigits(text, locale);
  if (fast === undefined) return readDigitsByPatterns(text, locale, kind);
  const dot = fast.decimals > 0 ? fast.plain.length - fast.decimals - 1 : -1;
  // Separated: a group separator (the locale's, the only one plainDigits takes), or a decimal mark.
  const separated = dot >= 0 || text.includes(locale === 'vi' ? '.' : ',');
  return dot < 0 ? { negative: false, intPart: fast.plain, frac: undefined, separated } : { negative: false, intPart: fast.plain.slice(0, dot), frac: fast.plain.slice(dot + 1), separated };
}

/** `readDigits` by the patterns, for any text. Exported for the tests only (`readDigitsForTests`). */
function readDigitsByPatterns(text: string, locale: NumberLocale, kind: IndicatorKind): Digits | NumberProblem {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (/^[-–—]+$/.test(trimmed)) return 'dash';
  if (trimmed === 'x' || trimmed === 'X') return 'not-applicable';
  const tidied = tidy(trimmed, kind);
  const m = tidied ? (locale === 'vi' ? VI : EN).exec(tidied.body) : null;
  if (!tidied || !m) return tidied && NUMERICISH.test(trimmed) ? 'grouping' : 'text';
  const intPart = m[1] !== undefined ? m[1].replace(locale === 'vi' ? /\./g : /,/g, '') : m[2]!;
  return { negative: tidied.negative, intPart, frac: m[3], separated: m[1] !== undefined || m[3] !== undefined };
}

/** `readDigits` both ways (its plain-digits path and the patterns), for the tests that hold them to the same digits. */
export const readDigitsForTests = { readDigits, readDigitsByPatterns };

export function parseNumber(text: string, locale: NumberLocale, kind: IndicatorKind): ParseResult {
  const d = readDigits(text, locale, kind);
  if (typeof d === 'string') return { ok: false, problem: d };
  const digits = d.frac !== undefined ? `${d.intPart}.${d.frac}` : d.intPart;
  const num = new Dec(d.negative ? `-${digits}` : digits);
  return { ok: true, num, plain: plainOf(d), decimals: d.frac?.length ?? 0, separated: d.separated };
}

/**
 * parseNumber without the decimal object: the plain digits (as parseNumber gives them) and decimals, and
 * whether the number is a negative zero ("-0", whose decimal keeps its sign and cannot be made from `plain`).
 */
export function parseDigits(text: string, locale: NumberLocale, kind: IndicatorKind): { ok: true; plain: string; decimals: number; negativeZero: boolean } | { ok: false; problem: NumberProblem } {
  // Most figures are plain digits in the locale's format (`210.299`, `11,80`): read without the patterns, the same
  // digits (`plainDigits` takes no sign, space, percent or leading zero; test/shape/numbers.test.ts holds the two).
  const fast = plainDigits(text, locale);
  if (fast !== undefined) return { ok: true, plain: fast.plain, decimals: fast.decimals, negativeZero: false };
  const d = readDigits(text, locale, kind);
  if (typeof d === 'string') return { ok: false, problem: d };
  const plain = plainOf(d);
  return { ok: true, plain, decimals: d.frac?.length ?? 0, negativeZero: d.negative && canonical(d) === '0' };
}

/**
 * parseDigits for the common text alone: digits, grouped by the locale's separator or not, with the locale's
 * decimal mark; no sign, percent, space or leading zero. Undefined for anything else (parseDigits decides).
 */
export function plainDigits(text: string, locale: NumberLocale): { plain: string; decimals: number } | undefined {
  const group = locale === 'vi' ? 46 : 44;
  const mark = locale === 'vi' ? 44 : 46;
  const n = text.length;
  let int = '';
  let run = 0;
  let grouped = false;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) run++;
    else if (c === group) {
      if (grouped ? run !== 3 : run < 1 || run > 3) return undefined;
      int += text.slice(i - run, i);
      grouped = true;
      run = 0;
    } else if (c === mark) break;
    else return undefined;
  }
  if (run === 0 || (grouped && run !== 3)) return undefined;
  int += text.slice(i - run, i);
  if (int.length > 1 && int.charCodeAt(0) === 48) return undefined;
  if (i === n) return { plain: int, decimals: 0 };
  const frac = text.slice(i + 1);
  if (frac.length === 0) return undefined;
  for (let k = 0; k < frac.length; k++) {
    const c = frac.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
  }
  return { plain: `${int}.${frac}`, decimals: frac.length };
}

/** The value the digits stand for, written one way only ("-12.5", "0"): equal values, equal strings. */
function canonical(d: Digits): string {
  const int = d.intPart.replace(/^0+/, '');
  const frac = (d.frac ?? '').replace(/0+$/, '');
  if (int === '' && frac === '') return '0';
  return `${d.negative ? '-' : ''}${int || '0'}${frac ? `.${frac}` : ''}`;
}

/** The digits, plain as parseNumber writes them (for messages). */
function plainOf(d: Digits): string {
  const digits = d.frac !== undefined ? `${d.intPart}.${d.frac}` : d.intPart;
  return canonical(d) === '0' ? digits : (d.negative ? '-' : '') + digits.replace(/^0+(?=\d)/, '');
}

/** `plausible` on digits: counts without decimals (or zeros other than a group of three), rates within ±100. */
function plausibleDigits(d: Digits | NumberProblem, kind: IndicatorKind): d is Digits {
  if (typeof d === 'string') return false;
  const decimals = d.frac?.length ?? 0;
  if (kind === 'count') return decimals === 0 || (decimals !== 3 && /^0*$/.test(d.frac!));
  const int = d.intPart.replace(/^0+/, '');
  return int.length < 3 || (int === '100' && /^0*$/.test(d.frac ?? ''));
}

/** Digits that never change what a text says (0 and 1 may: zeros after a mark, a rate of 100). */
const DIGIT = /[2-9]/g;

export interface NumberSample {
  text: string;
  kind: IndicatorKind;
  ref: string;
}

export type LocaleDecision =
  | {
      ok: true;
      locale: NumberLocale;
      /** True when no cell shows a separator that tells the formats apart. */
      plain: boolean;
      /** A cell that showed the chosen format, for messages ("as at D2"). */
      witness?: NumberSample;
      /**
       * The rates' format when it is the other one (`mixedFormat`): counts `390.519` and rates `10.51` in one
       * table, every cell readable one way only; `witness` is then a count's cell.
       */
      rates?: { locale: NumberLocale; witness: NumberSample };
    }
  | { ok: false; reason: 'ambiguous'; sample: NumberSample; vi: string; en: string }
  | { ok: false; reason: 'conflict'; vi: NumberSample; en: NumberSample };

/**
 * Decides the file's number format from unambiguous evidence: a sample that only one format can read as a
 * plausible value for its indicator (a count "4.188" can only be 4188; a rate "11,80" only 11.80).
 * The majority wins; cells in the other format then become findings. A tie, or a sample whose value
 * differs between formats with no evidence either way, cannot be decided.
 */
export function decideLocale(samples: Iterable<NumberSample>): LocaleDecision {
  let current: NumberSample | undefined;
  const vote = new LocaleVote(() => current!);
  for (const s of samples) {
    current = s;
    vote.add(s.text, s.kind, 0);
  }
  return vote.decision();
}

/** Symbols of a pattern key: a text of digits and separators, digits that never change what it says as one. */
const SYMBOL = new Int8Array(128).fill(-1);
SYMBOL[48] = 1; // 0
SYMBOL[49] = 2; // 1
for (let c = 50; c <= 57; c++) SYMBOL[c] = 3; // 2-9
SYMBOL[46] = 4; // .
SYMBOL[44] = 5; // ,

const KEY_SCRATCH = new Uint8Array(16);

/**
 * Pattern keys below this (texts of at most five characters: `4.861`, `62,11`, a kind's 2 bits and 3 a
 * character) are remembered, once values are voted from bytes, in a table indexed by the key (`shortFlags`).
 */
const SHORT_KEYS = 1 << 17;

/**
 * What each pattern says (`LocaleVote`'s flags by key), remembered for the whole run: the flags are the pattern's
 * alone (its kind and its text with digits 2–9 as 9: which formats read it, and how), never a table's, so a run
 * over many files reads each pattern once, not once a file. The short keys move to `shortFlags` once a table's
 * values are voted from bytes. At most `MAX_PATTERNS` are remembered; a pattern past them is read each time.
 */
const patternFlags = new Map<string | number, number>();
let shortFlags: Uint8Array | undefined;
const MAX_PATTERNS = 1 << 20;

/**
 * `decideLocale`, one sample at a time (a long table's values are voted as they are read, with no sample
 * object each): `add(text, kind, at)` a sample's trimmed, non-empty text; `sampleAt(at)` makes the sample
 * when the decision must name it (a witness, an ambiguous cell). The same samples in the same order give the
 * decision `decideLocale` gives.
 */
export class LocaleVote {
  private vi = 0;
  private en = 0;
  private viWitness: NumberSample | undefined;
  private enWitness: NumberSample | undefined;
  /**
   * The votes and first witnesses by format and kind (`voteSlot`: Vietnamese counts, Vietnamese rates, English
   * counts, English rates), for a table whose counts and rates each keep a format of their own.
   */
  private readonly byKind = [0, 0, 0, 0];
  private readonly kindWitness: Array<NumberSample | undefined> = [undefined, undefined, undefined, undefined];
  private ambiguous: { sample: NumberSample; vi: string; en: string } | undefined;
  private anySeparated = false;
  private anyGrouped = false;
  // What a text says depends on its pattern alone (digits as 9) unless both formats read it: remembered for the
  // run, by key (`patternFlags`; `flagsOf`, `remember`).

  constructor(private readonly sampleAt: (at: number) => NumberSample) {}

  /**
   * The pattern a text is remembered by: `kind` + the text with digits 2–9 as 9 (texts of at most 24
   * characters). A short text of digits and separators alone is keyed by a number (3 bits a character),
   * which makes no string: the same pattern always gets the same key.
   */
  private keyOf(text: string, kind: IndicatorKind): string | number | undefined {
    const n = text.length;
    if (n > 24) return undefined;
    if (n <= 16) {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        KEY_SCRATCH[i] = c < 128 ? c : 0xff;
      }
      const key = this.symbolKey(KEY_SCRATCH, 0, n, this.kindCode(kind));
      if (key >= 0) return key;
    }
    return kind + text.replace(DIGIT, '9');
  }

  /**
   * The number key of a text of at most 16 characters given as bytes b[start, end) (its characters, or its
   * UTF-8): -1 when a byte is not a digit or separator (the text is then keyed by a string). The one way a
   * text's pattern becomes a number, for `keyOf` and `addBytes`. `code`: its kind's `kindCode`.
   */
  private symbolKey(b: Uint8Array, start: number, end: number, code: number): number {
    if (code >= 4) return -1;
    if (end - start <= 9) {
      // 27 bits and the kind's 2: the same key as below computed as a small integer (looked up unboxed).
      let small = 0;
      for (let i = start; i < end; i++) {
        const c = b[i]!;
        const sym = c < 128 ? SYMBOL[c]! : -1;
        if (sym < 0) return -1;
        small = (small << 3) | sym;
      }
      return (small << 2) | code;
    }
    let key = 0;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      const sym = c < 128 ? SYMBOL[c]! : -1;
      if (sym < 0) return -1;
      key = key * 8 + sym;
    }
    // Below 8^16 = 2^48, times 4 kinds: exact.
    return key * 4 + code;
  }

  /** The number a kind is keyed by (counts 0, rates 1), for `addBytes`, whose caller asks once per column. */
  kindCode(kind: IndicatorKind): number {
    return kind === 'rate' ? 1 : 0;
  }

  /**
   * `add` for a sample given as the UTF-8 bytes b[start, end) of a trimmed text of 1 to 16 characters whose
   * pattern was met before and whose vote is settled by it: counted as `add` counts it, and true; false
   * (nothing counted) when `add` must read the text (a new pattern, one both formats read, a witness to name).
   * `code`: the sample's kind's `kindCode`.
   */
  addBytes(b: Uint8Array, start: number, end: number, code: number): boolean {
    if (end - start > 16) return false;
    const short = shortFlags ?? shortTable();
    const key = this.symbolKey(b, start, end, code);
    const known = key < 0 ? -1 : key < SHORT_KEYS ? short[key]! - 1 : (patternFlags.get(key) ?? -1);
    if (known < 0 || known & 8) return false;
    const slot = voteSlot(known);
    if (slot >= 0 && !this.kindWitness[slot]) return false;
    this.countKnown(known, -1);
    return true;
  }

  /** The flags remembered for a pattern's key, -1 for a pattern not met (or no key). */
  private flagsOf(key: string | number | undefined): number {
    if (key === undefined) return -1;
    if (shortFlags !== undefined && typeof key === 'number' && key < SHORT_KEYS) return shortFlags[key]! - 1;
    return patternFlags.get(key) ?? -1;
  }

  private remember(key: string | number, flags: number): void {
    if (shortFlags !== undefined && typeof key === 'number' && key < SHORT_KEYS) shortFlags[key] = flags + 1;
    else if (patternFlags.size < MAX_PATTERNS) patternFlags.set(key, flags);
  }

  /**
   * Counts a sample whose pattern was met before (`known`: its flags in `seen`): grouped, and the one format it
   * reads as, naming sample `at` the witness when that format has none yet (`at` < 0: it has one already).
   */
  private countKnown(known: number, at: number): void {
    if (known & 1) this.anyGrouped = true;
    if (known & 6) this.count(known, at);
  }

  /** One vote for the format `flags` name (2 Vietnamese, 4 English; 16 a rate), sample `at` its witness if the first (`at` < 0: it has one). */
  private count(flags: number, at: number): void {
    const slot = voteSlot(flags);
    this.byKind[slot]!++;
    if (flags & 2) this.vi++;
    else this.en++;
    if (at < 0 || this.kindWitness[slot]) return;
    const sample = (this.kindWitness[slot] = this.sampleAt(at));
    if (flags & 2) this.viWitness ??= sample;
    else this.enWitness ??= sample;
  }

  add(text: string, kind: IndicatorKind, at: number): void {
    const key = this.keyOf(text, kind);
    const known = this.flagsOf(key);
    if (known >= 0) {
      this.countKnown(known, at);
      if (!(known & 8)) return;
    }
    const grouped = /\d[.,]\d{3}(?:\D|$)/.test(text);
    if (grouped) this.anyGrouped = true;
    const pv = readDigits(text, 'vi', kind);
    const pe = readDigits(text, 'en', kind);
    const okV = plausibleDigits(pv, kind);
    const okE = plausibleDigits(pe, kind);
    const rate = kind === 'rate' ? 16 : 0;
    if (key !== undefined && known < 0) this.remember(key, (grouped ? 1 : 0) | (okV && !okE ? 2 : 0) | (okE && !okV ? 4 : 0) | (okV && okE ? 8 : 0) | rate);
    if (known >= 0 && !(okV && okE)) return;
    if (okV && okE) {
      if (pv.separated || pe.separated) this.anySeparated = true;
      if (!this.ambiguous && canonical(pv) !== canonical(pe)) this.ambiguous = { sample: this.sampleAt(at), vi: plainOf(pv), en: plainOf(pe) };
    } else if (okV || okE) this.count((okV ? 2 : 4) | rate, at);
  }

  decision(): LocaleDecision {
    const { vi, en, viWitness, enWitness, ambiguous } = this;
    const mixed = this.mixedFormat();
    if (mixed) return mixed;
    if (vi > en) return { ok: true, locale: 'vi', plain: false, ...(viWitness ? { witness: viWitness } : {}) };
    // Decimal points without any thousands grouping ("210299", "11.8") is the plain format.
    if (en > vi) return { ok: true, locale: 'en', plain: !this.anyGrouped, ...(enWitness ? { witness: enWitness } : {}) };
    if (vi > 0 && viWitness && enWitness) return { ok: false, reason: 'conflict', vi: viWitness, en: enWitness };
    if (ambiguous) return { ok: false, reason: 'ambiguous', ...ambiguous };
    return { ok: true, locale: 'vi', plain: !this.anySeparated };
  }

  /**
   * Counts in one format and rates in the other (Phú Thọ's `390.519` beside `10.51`: a count with three digits
   * after a point is whole, a rate with two is a decimal), each kind by its own majority: its cells read the
   * one way they can be, a cell of the kind's other format a finding as in a file of one format.
   */
  private mixedFormat(): LocaleDecision | undefined {
    const [viCounts, viRates, enCounts, enRates] = this.byKind as [number, number, number, number];
    const counts = viCounts > enCounts ? 'vi' : enCounts > viCounts ? 'en' : undefined;
    const rates = viRates > enRates ? 'vi' : enRates > viRates ? 'en' : undefined;
    if (!counts || !rates || counts === rates) return undefined;
    const w = this.kindWitness;
    return { ok: true, locale: counts, plain: false, witness: w[counts === 'vi' ? 0 : 2]!, rates: { locale: rates, witness: w[rates === 'vi' ? 1 : 3]! } };
  }
}

/**
 * The table of short keys (`shortFlags`), made when a table's values are first voted from bytes (a large table's):
 * the flags + 1 of each short key met (below SHORT_KEYS), 0 for none, read by index where a `Map` would hash the
 * key for each of a million values; any other key stays in `patternFlags`. Made with the short keys met so far
 * moved in (a run of small files, never read from bytes, makes no table).
 */
function shortTable(): Uint8Array {
  const short = (shortFlags = new Uint8Array(SHORT_KEYS));
  for (const [key, flags] of patternFlags) {
    if (typeof key !== 'number' || key >= SHORT_KEYS) continue;
    short[key] = flags + 1;
    patternFlags.delete(key);
  }
  return short;
}

/** The slot of `LocaleVote.byKind` a vote's flags name (2 Vietnamese, 4 English; 16 a rate), -1 for none. */
function voteSlot(flags: number): number {
  return flags & 2 ? (flags & 16 ? 1 : 0) : flags & 4 ? (flags & 16 ? 3 : 2) : -1;
}
