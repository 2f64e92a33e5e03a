/**
 * Numbers in a language's format, for every catalogue and renderer: `formatPlain` writes a value's plain digits
 * (never changing them; a negative figure keeps its hyphen-minus, the one minus sign of every message), `count` a
 * count the report itself makes (findings, files, units); `signed` / `unsigned` a figure with its sign always
 * written or without it; and the short lists the catalogues write (`firstThree`, `namedPaths`, `firstEight`).
 */

import { visible } from './visible.js';
import type { CauseCellText } from './types.js';

/**
 * Writes plain digits ("210299", "-11.80") in a number format: Vietnamese groups with "." and marks
 * decimals with ","; English the other way round. The digits themselves are never changed.
 */
export function formatPlain(plainDigits: string, locale: 'vi' | 'en'): string {
  // Read by hand (this runs for every number of every message): a sign, digits, then a mark and digits or nothing,
  // as /^([+-]?)(\d+)(?:\.(\d+))?$/ reads it; anything else is left as it is. (Digits tested in the loops, not
  // by a call: large files are checked with V8's inlining off.)
  const len = plainDigits.length;
  const c0 = plainDigits.charCodeAt(0);
  const intStart = c0 === PLUS || c0 === MINUS ? 1 : 0;
  let i = intStart;
  while (i < len) {
    const c = plainDigits.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    i++;
  }
  const intEnd = i;
  if (intEnd === intStart) return plainDigits;
  if (i < len) {
    if (plainDigits.charCodeAt(i) !== POINT || i + 1 === len) return plainDigits;
    for (let j = i + 1; j < len; j++) {
      const c = plainDigits.charCodeAt(j);
      if (c < ZERO || c > NINE) return plainDigits;
    }
  }
  const group = locale === 'vi' ? '.' : ',';
  // The integer digits grouped by three from the right; the sign and the decimals kept.
  let cut = intStart + ((intEnd - intStart) % 3 || 3);
  let out = plainDigits.slice(0, cut);
  for (; cut < intEnd; cut += 3) out += group + plainDigits.slice(cut, cut + 3);
  return intEnd < len ? out + (locale === 'vi' ? ',' : '.') + plainDigits.slice(intEnd + 1) : out;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** A count as the language writes it: 87.299 in Vietnamese, 87,299 in English. */
export function count(n: number, locale: 'vi' | 'en'): string {
  return formatPlain(String(n), locale);
}

/** The first three labels quoted, and `more(n)` for the n others (a verdict names a plan's dozen rows so). */
export function firstThree(labels: readonly string[], more: (n: number) => string): string {
  return `${labels.slice(0, 3).map((l) => `"${l}"`).join(', ')}${labels.length > 3 ? more(labels.length - 3) : ''}`;
}

/** Names of our own (indicators), unquoted: all of them up to four (`a, b and c`, `and` the language's word), else the first three and `more(n)` for the others. */
export function namesCut(names: readonly string[], more: (n: number) => string, and: string): string {
  return names.length <= 4 ? listed(names, and) : `${names.slice(0, 3).join(', ')}${more(names.length - 3)}`;
}

/** `a, b and c` (`and`: the language's word); one item alone; none: empty. */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Years as a span when they follow each other (`2011–2018`), else listed (`2011, 2013 and 2015`). */
export function yearsSpan(years: readonly string[], and: string): string {
  const consecutive = years.every((y, i) => i === 0 || Number(y) === Number(years[i - 1]) + 1);
  return consecutive && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : listed(years, and);
}

/** Whether a path a folder run passed over is a `.txt` (the rest are web pages without a table). */
export const isTxt = (path: string): boolean => path.toLowerCase().endsWith('.txt');

/** Most paths `namedPaths` writes out; the others are counted. */
export const PASSED_OVER_NAMED = 5;

/** The most alternative causes `table` / `plan` describe for a difference validate cannot pin on one cell (locate.doubtful); the rest are counted. */
export const DOUBTFUL_SHOWN = 3;

/**
 * An error's alternative causes (each its cells, corrected together) as locate.doubtful words them: each as a
 * reference (`D2`, `(D5 and D6)`), the first `DOUBTFUL_SHOWN` described (`describe`), how many more, and every cell
 * once (`cells`). `and`: the language's word.
 */
export function alternativesOf(
  alternatives: readonly (readonly CauseCellText[])[],
  and: string,
  describe: (c: CauseCellText) => string,
): { refs: string[]; described: string; more: number; cells: string } {
  const shown = alternatives.slice(0, DOUBTFUL_SHOWN);
  return {
    refs: alternatives.map((a) => (a.length === 1 ? a[0]!.ref : `(${a.map((c) => c.ref).join(` ${and} `)})`)),
    described: shown.map((a) => a.map(describe).join(` ${and} `)).join('; '),
    more: alternatives.length - shown.length,
    cells: [...new Set(alternatives.flat().map((c) => c.ref))].join(', '),
  };
}

/** Up to `PASSED_OVER_NAMED` file paths (from the disk: shown through `visible`), then `more(n)` for the n others. */
export function namedPaths(paths: readonly string[], more: (n: number) => string): string {
  const shown = paths.slice(0, PASSED_OVER_NAMED).map(visible).join(', ');
  return paths.length > PASSED_OVER_NAMED ? `${shown} ${more(paths.length - PASSED_OVER_NAMED)}` : shown;
}

/** Up to eight items joined by commas, then `more(n)` for the n others (hidden rows 12, 15, 18 …). */
/** Cells named in a list: "I6, I8", or "Table 2, row 3, column 4; Table 2, row 4, column 4" (names with commas in them). */
export function refList(refs: readonly string[]): string {
  return refs.join(refs.some((r) => r.includes(',')) ? '; ' : ', ');
}

export function firstEight(items: readonly (string | number)[], more: (n: number) => string): string {
  return `${items.slice(0, 8).join(', ')}${items.length > 8 ? more(items.length - 8) : ''}`;
}

/**
 * Which way a households-change note's figures go: the rate fell or rose (its points' sign), the households grew or
 * shrank (the sign of the change, which the growth term shares). The notes were worded for a fall among growing
 * households only ("fell -0,16 points … of the fall" for a rate that rose).
 */
export function splitCase(p: { points: string; change: string }): 'fell-grew' | 'fell-shrank' | 'rose-grew' | 'rose-shrank' {
  return `${p.points.startsWith('-') ? 'rose' : 'fell'}-${p.change.startsWith('-') ? 'shrank' : 'grew'}` as const;
}

/** A plain figure without its minus sign (`-0.16` → `0.16`), for sentences that say the direction in words. */
export const unsigned = (plain: string): string => (plain.startsWith('-') ? plain.slice(1) : plain);

/**
 * A plain figure with its sign always written (`+1481`, `-270`), for a change or a difference. A negative figure
 * is written with the hyphen-minus `formatPlain` keeps, in every message as in the table's cells and the JSON
 * report; U+2212 is only the operator of `a − b`.
 */
export const signed = (plain: string): string => (plain.startsWith('-') ? plain : `+${plain}`);

/**
 * A missing indicator's checks once they ran (`missing.indicator`): ": those that ran on the other figures; those that
 * did not run", each clause written by the catalogue (`ranOn`, `notRun`), the empty ones left out ("" for none).
 */
export function missingChecksClause(rules: readonly string[], ran: readonly string[], ranOn: (checks: string) => string, notRun: (checks: string) => string): string {
  const still = rules.filter((r) => ran.includes(r));
  const not = rules.filter((r) => !ran.includes(r));
  const clauses = [...(still.length > 0 ? [ranOn(still.join(', '))] : []), ...(not.length > 0 ? [notRun(not.join(', '))] : [])];
  return clauses.length > 0 ? `: ${clauses.join('; ')}` : '';
}
