/**
 * The fast pre-check of one row, in exact safe-integer arithmetic: counts are whole numbers below 2^53, rates
 * are integer hundredths, rounding half-up is done with remainders (never a float division). It only ever
 * answers "this unit is clean" (or "clean but for a note that is folded per parent") when the real rules
 * (src/rules/) would report nothing for it; anything unusual (a decimal in a count, a negative, a rate with
 * more than two decimals, a number too large for the checks to stay exact, any text) sends the row to the
 * slow path, which builds a one-unit annex and runs the real rules on it.
 */
import { effectOfInts, type Effect } from '../rules/summary.js';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * A count as the file's format writes it, when it is a plain canonical whole number: digits without
 * leading zeros, optionally grouped by threes with the format's group mark or spaces. -1 otherwise.
 */
export function fastCount(s: string, group: number): number {
  const n = s.length;
  if (n === 0 || n > 24) return -1;
  let c = s.charCodeAt(0);
  if (c === 0x30) return n === 1 ? 0 : -1;
  if (c < 0x31 || c > 0x39) return -1;
  let v = c - 0x30;
  let run = 1;
  let sep = 0;
  for (let i = 1; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      run++;
      continue;
    }
    const kind = c === group ? 1 : c === 0x20 || c === 0xa0 || c === 0x2007 || c === 0x202f ? 2 : 0;
    if (kind === 0 || (sep === 0 ? run > 3 : run !== 3) || (sep !== 0 && (kind === 1) !== (sep === 1))) return -1;
    sep = kind;
    run = 0;
  }
  if (sep !== 0 && run !== 3) return -1;
  // Exact while below 2^53 (each step is exact there); anything at or above is left to the slow path.
  return v <= MAX ? v : -1;
}

/** A rate in hundredths ("11,80" → 1180, "-0,25" → -25, "9,7" → 970), up to two decimals; NaN otherwise. */
export function fastRate(s: string, mark: number): number {
  let n = s.length;
  let i = 0;
  let neg = false;
  if (n > 0 && s.charCodeAt(0) === 0x2d) {
    neg = true;
    i = 1;
  }
  if (n > 0 && s.charCodeAt(n - 1) === 0x25) n--;
  let int = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    int = int * 10 + (c - 0x30);
    digits++;
  }
  if (digits === 0 || digits > 7) return NaN;
  let frac = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== mark) return NaN;
    const d = n - i - 1;
    if (d < 1 || d > 2) return NaN;
    for (let k = i + 1; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c < 0x30 || c > 0x39) return NaN;
      frac = frac * 10 + (c - 0x30);
    }
    if (d === 1) frac *= 10;
  }
  const cents = int * 100 + frac;
  return neg ? -cents : cents;
}

/** round_half_up(poor / households × 100, 2 decimals) in hundredths; -1 when not exact in safe integers. */
export function rateCents(poor: number, households: number): number {
  const num = poor * 20000 + households;
  if (num > MAX) return -1;
  const den = 2 * households;
  return (num - (num % den)) / den; // an exact division: num − num % den is a multiple of den
}

/** What the fast check found for a row. */
export const enum Verdict {
  /** Nothing to report. */
  Clean = 0,
  /** Let the real rules look at it. */
  Slow = 1,
}

/** Indices into the values array handed to `checkRow`. */
export const HS = 0;
export const HE = 1;
export const PS = 2;
export const PR = 3;
export const PE = 4;
export const RS = 5;
export const RR = 6;
export const RE = 7;

export interface FastFacts {
  /** The household-change effect of a unit whose two rates have different denominators (denominator note). */
  denominator: Effect | undefined;
  /** The reduction follows the convention where the unrounded difference rounds otherwise (rate-change note). */
  convention: boolean;
}

/**
 * Checks one row. `v` holds the eight indicators (NaN for one the table does not carry); counts are safe
 * integers ≥ 0, rates hundredths. Returns Slow when any rule would report an error, a warning or an info
 * that is not a foldable note; otherwise Clean, with the notes in `facts`.
 */
export function checkRow(v: Float64Array, facts: FastFacts): Verdict {
  facts.denominator = undefined;
  facts.convention = false;
  const hs = v[HS]!;
  const he = v[HE]!;
  const ps = v[PS]!;
  const pr = v[PR]!;
  const pe = v[PE]!;
  const rs = v[RS]!;
  const rr = v[RR]!;
  const re = v[RE]!;
  // NaN compares false, so each check below only runs when its inputs are carried.
  // range: poor ≤ households, reduced ≤ poor at the start, rates within bounds.
  if (ps > hs || pe > he || pr > ps) return Verdict.Slow;
  if (rs < 0 || rs > 10000 || re < 0 || re > 10000 || rr < -10000 || rr > 10000) return Verdict.Slow;
  // flow
  if (ps === ps && pr === pr && pe === pe && pe !== ps - pr) return Verdict.Slow;
  // rate: the printed rates are the counts' rates.
  let sc = NaN;
  let ec = NaN;
  if (ps === ps && hs === hs && hs !== 0) {
    sc = rateCents(ps, hs);
    if (sc < 0) return Verdict.Slow;
    if (rs === rs && rs !== sc) return Verdict.Slow;
  }
  if (pe === pe && he === he && he !== 0) {
    ec = rateCents(pe, he);
    if (ec < 0) return Verdict.Slow;
    if (re === re && re !== ec) return Verdict.Slow;
  }
  // rate-change: the printed reduction is the difference of the printed (or computed) rates.
  if (rr === rr) {
    const start = rs === rs ? rs : sc;
    const end = re === re ? re : ec;
    if (start === start && end === end) {
      const e = start - end;
      if (rr !== e) return Verdict.Slow;
      if (sc === sc && ec === ec) {
        // The unrounded difference a − b = e + (α − β) with α = a − sc = rα/hs, β = rβ/he (in hundredths);
        // it rounds (half away from zero) to e unless α − β reaches ±1/2: compare 2·(rα·he − rβ·hs) with hs·he.
        const d = hs * he;
        if (d * 2 > MAX) return Verdict.Slow;
        const ra = ps * 10000 - sc * hs;
        const rb = pe * 10000 - ec * he;
        const n2 = 2 * (ra * he - rb * hs);
        // An exact tie is left to the real rule, whose decimal quotients decide it there.
        if (n2 === d || n2 === -d) return Verdict.Slow;
        const same = e > 0 ? -d <= n2 && n2 < d : e < 0 ? -d < n2 && n2 <= d : -d < n2 && n2 < d;
        if (!same) facts.convention = true;
      }
    }
  }
  // denominator: the two rates have different numbers of households.
  if (hs === hs && he === he && hs !== he && hs !== 0 && he !== 0) {
    const reduced = pr === pr ? pr : ps === ps && pe === pe ? ps - pe : NaN;
    const p1 = pe === pe ? pe : ps === ps && pr === pr ? ps - pr : NaN;
    if (reduced === reduced && p1 === p1) facts.denominator = effectOfInts(hs, he, p1);
    // The change of households alone sets the direction of the rate: a warning of its own (the real rule, whose
    // fall is the printed reduction, else the difference of the rates computed from the counts).
    if (reduced === reduced && p1 === p1) {
      const end = rateCents(p1, he);
      const fall = rr === rr ? rr : sc === sc && end >= 0 ? sc - end : NaN;
      if (fall !== fall || Math.sign(reduced) !== Math.sign(fall)) return Verdict.Slow;
    }
  }
  return Verdict.Clean;
}
