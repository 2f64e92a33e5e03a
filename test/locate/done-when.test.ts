/**
 * Issue 5's Done-when, exhaustively: every single-cell error planted in a count or a rate of the seed annex
 * (every slip kind at every digit of every cell) is either localised to exactly its cell with the original
 * value proposed, or reported as several explanations (ranked / ambiguous) with the planted cell among
 * them; never a confident wrong answer. Also: a recognised slip ranks the planted cell in the first tier.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/model/indicators.js';
import { slipKind } from '../../src/locate/slips.js';
import { Dec } from '../../src/calc/decimal.js';
import { exactRate } from '../../src/calc/annex-math.js';
import { checkRecords, fixtures } from '../helpers.js';
import { doneWhenProblem, plantText, proposesAlone, run, slipsOf, unrecognised } from './plant.js';

const { wideRecords, SEED, UNITS } = fixtures;
/** The count and households each rate of the seed annex is computed from (its rate check's). */
const RATE_OF: Partial<Record<string, [string, string]>> = { rate_start: ['poor_start', 'households_start'], rate_end: ['poor_end', 'households_end'] };
const seed = checkRecords(wideRecords()).annex;

interface Case {
  ind: (typeof INDICATORS)[number];
  unit: number;
  ref: string;
  original: string;
  kind: string;
  text: string;
}
const cases: Case[] = [];
for (const ind of INDICATORS) {
  UNITS.forEach((_u: string, unit: number) => {
    const original = SEED[ind]![unit]!;
    const ref = seed.values.row(unit)[ind]!.cell.ref;
    for (const s of slipsOf(original, ind, (i) => SEED[i]?.[unit])) cases.push({ ind, unit, ref, original, kind: s.kind, text: s.text });
  });
}

/**
 * Each case planted and localised once, shared by the tests below, one indicator at a time (a test per
 * indicator: each does an eighth of the work). A text typed the same way by two slip kinds (a mistyped digit
 * that is also one off) is one case: the same annex, the same localisation.
 */
const distinct = (list: Case[]) => [...new Map(list.map((c) => [`${c.unit} ${c.text}`, c])).values()];
const memo = new Map<string, Array<{ c: Case; annex: ReturnType<typeof plantText>; loc: ReturnType<typeof run>['loc'] }>>();
const results = (ind: Case['ind']) => {
  if (!memo.has(ind)) {
    memo.set(ind, distinct(cases.filter((c) => c.ind === ind)).map((c) => {
      const annex = plantText(seed, c.unit, c.ind, c.text);
      return { c, annex, loc: run(annex).loc };
    }));
  }
  return memo.get(ind)!;
};

describe('Done when: every single-cell error planted in the seed annex', () => {
  it(`is planted in every count and rate, with every slip kind (${cases.length} cases)`, () => {
    expect(cases.length).toBeGreaterThan(1000);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['transposition', 'mistyped', 'dropped', 'doubled', 'separator', 'share', 'reduction-share']) expect(kinds).toContain(k);
    expect(new Set(cases.map((c) => c.ref)).size).toBe(64);
  });

  it.each(INDICATORS)('%s: is localised to exactly its cell with the original value, or listed among several explanations; never a confident wrong answer', (ind) => {
    const problems: string[] = [];
    for (const { c, loc } of results(ind)) {
      const p = doneWhenProblem(loc, c.ref, c.original);
      if (p) problems.push(`${c.ref} ${c.ind} ${c.original} typed ${c.text} (${c.kind}): ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('pins most slips down to their cell; the rest are honest about the choice', () => {
    const tally = { cases: 0, unique: 0, ranked: 0, ambiguous: 0, rankedFirst: 0 };
    for (const { c, loc } of INDICATORS.flatMap(results)) {
      tally.cases++;
      if (doneWhenProblem(loc, c.ref, c.original)) continue;
      tally[loc.causes[0]!.confidence]++;
      if (loc.causes[0]!.confidence === 'ranked' && proposesAlone(loc.causes[0]!, c.ref, c.original)) tally.rankedFirst++;
    }
    expect(tally.unique).toBeGreaterThan(tally.cases * 0.8);
    // A ranked answer (several, one standing out) puts the planted cell first.
    expect(tally.rankedFirst).toBe(tally.ranked);
  });

  it.each(INDICATORS)('%s: ranks the planted cell in the first tier whenever its slip is recognised', (ind) => {
    const problems: string[] = [];
    for (const { c, annex, loc } of results(ind)) {
      const typed = annex.values.row(c.unit)[c.ind]!;
      if (typed.status !== 'ok') continue;
      const planted = loc.causes.find((x) => proposesAlone(x, c.ref, c.original));
      if (!planted || !planted.pinned) continue;
      const recognised = planted.cells[0]!.kind;
      if (!recognised) continue;
      // The kind named is what the plant did (or an equally good reading of it: 10,36 for 10,3655… is cut, not mistyped).
      const seedValue = (i: string) => (SEED[i] ? new Dec(SEED[i]![c.unit]!) : undefined);
      const over = RATE_OF[c.ind];
      const exact = () => (over ? exactRate(seedValue(over[0])!, seedValue(over[1])!) : undefined);
      expect(slipKind(typed as never, new Dec(c.original), { indicator: c.ind, kind: c.ind.startsWith('rate') ? 'rate' : 'count', rateDp: 2, unitValue: seedValue, exact })).toBe(recognised);
      if (unrecognised(loc.causes[0]!) < unrecognised(planted)) problems.push(`${c.ref} typed ${c.text}: ${loc.causes[0]!.cells[0]!.cell.ref} ranked above`);
    }
    expect(problems).toEqual([]);
  });
});
