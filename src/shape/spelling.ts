/**
 * Whether two unit names of one key (normalize.ts `unitKey`: case, marks, spacing and a level's abbreviation
 * folded) name one place. Vietnamese tells places apart by their marks alone: Tân Hòa and Tân Hóa are two
 * communes, as Tân Phú and Tấn Phú. But a table typed without marks (`Lam Binh`) names the same unit as one with
 * them (`Lâm Bình`), and the two conventions of where a syllable's tone mark goes (`hoà`, `hòa`; `thuỷ`, `thủy`)
 * write one name. So two names differ as spellings only where, their words matched from the end (a level's
 * abbreviation, `TP` for `Thành phố`, shortens the start), both words carry marks and their letters (with â ă ê ô
 * ơ ư đ) or their tones differ.
 */
import { unitKey } from './normalize.js';
import { withVietnameseD } from '../model/grid.js';

/** The tone marks (grave, acute, tilde, hook above, dot below), wherever in its syllable a word puts one. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** A word's letters lower-cased with their vowel marks, then its tone ('' for none); undefined for a word with no mark at all. */
function wordSpelling(word: string): string | undefined {
  let letters = '';
  let tone = '';
  let marked = false;
  for (const ch of word) {
    if (TONES.has(ch)) {
      tone ||= ch;
      marked = true;
    } else {
      if ((ch >= '\u0300' && ch <= '\u036f') || ch === '\u0111') marked = true;
      letters += ch;
    }
  }
  return marked ? `${letters}|${tone}` : undefined;
}

/** A name's words, decomposed (NFD) and lower-cased, ð (the eth mistyped for đ: normalize.ts) as đ: its runs of letters, marks and digits. */
const wordsOf = (name: string): string[] => withVietnameseD(name).normalize('NFD').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Whether the two names are spelt alike, word by word from the end, wherever both words carry marks. */
export function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  for (let i = 1; i <= Math.min(wa.length, wb.length); i++) {
    const sa = wordSpelling(wa[wa.length - i]!);
    const sb = sa === undefined ? undefined : wordSpelling(wb[wb.length - i]!);
    if (sa !== undefined && sb !== undefined && sa !== sb) return false;
  }
  return true;
}

/**
 * A name's spelling as a key: each word's letters with their vowel marks and its tone, wherever the word puts it
 * (`Tân Hoà` and `Tân Hòa` one key, `Tân Hóa` another); a word without marks as it is. For telling apart units
 * whose names share a key (series/index.ts), not for matching a name typed without marks.
 */
export function spellingKey(name: string): string {
  return wordsOf(name)
    .map((w) => wordSpelling(w) ?? w)
    .join(' ');
}

/**
 * Whether two units whose keys are equal (aliases of the configuration applied) name one place: those the
 * configuration's aliases make one (their own keys differ) do; else as their spellings say.
 */
export function sameUnitName(a: string, b: string): boolean {
  return unitKey(a) !== unitKey(b) || sameSpelling(a, b);
}

/**
 * The first unit of each key in each scope (a parent's units, a block's), names of one key told apart by their
 * spelling: `find` gives the earlier unit that a unit names again (`sameUnitName`), `add` records a unit as the
 * first of its spelling. Names come from `nameOf` only when two units share a scope and key (rare: Tân Hòa beside
 * Tân Hóa), so a national table pays one lookup a unit.
 */
export class FirstOfEachName {
  private readonly first = new Map<string, number>();
  /** Units of a scope and key spelt otherwise than its first, in order. */
  private readonly others = new Map<string, number[]>();

  constructor(private readonly nameOf: (i: number) => string) {}

  /** The earlier unit of `scope` (its key included) that unit `i` names again, or undefined. */
  find(scope: string, i: number): number | undefined {
    const f = this.first.get(scope);
    if (f === undefined) return undefined;
    const name = this.nameOf(i);
    if (sameUnitName(this.nameOf(f), name)) return f;
    return this.others.get(scope)?.find((j) => sameUnitName(this.nameOf(j), name));
  }

  /** Unit `i` as the first of its spelling in `scope` (after `find` gave none). */
  add(scope: string, i: number): void {
    if (!this.first.has(scope)) this.first.set(scope, i);
    else (this.others.get(scope) ?? this.others.set(scope, []).get(scope)!).push(i);
  }
}
