/**
 * rate-change decided in safe integers (the common case, with the convention note folded lazily for deeper
 * units) against the same relation decided in exact decimals: the same findings, folds and coverage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInDecimals, quickCheck, rateChangeKind, type RateChangeRelation } from '../../src/relations/rate-change.js';
import { Dec } from '../../src/calc/decimal.js';
import { NumberValue } from '../../src/model/value.js';
import { RowValues, type Value } from '../../src/model/annex.js';
import type { Indicator } from '../../src/model/indicators.js';
import type { RuleContext } from '../../src/rules/types.js';

const cell = (ref: string) => ({ raw: '', ref, row: 0, col: 0 });
const value = (indicator: Indicator, text: string) => {
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return new NumberValue(indicator, 0, cell(indicator), text, text, decimals);
};
const fixed = (d: Dec, dp: number) => d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).toFixed(dp);

const households = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 3_000_000 }), weight: 4 },
  // Households dividing 10^k give exact falls, halves at the third decimal among them (the half-up edge).
  { arbitrary: fc.constantFrom(8_000, 200_000), weight: 3 },
  { arbitrary: fc.constantFrom<number | string>(0, 2 ** 52, '1234.5'), weight: 1 },
);
const share = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000), fc.constantFrom(0, 1));
/** How a printed rate is written: as the counts give it at 2 decimals, at 1 or 3, off by a hundredth, or not at all. */
const printedRate = fc.constantFrom('exact2', 'exact2', 'exact2', 'exact2', 'absent', 'absent', 'exact1', 'exact3', 'off');
/** The printed reduction: the difference of the rates, or off by a hundredth, or with 3 decimals. */
const printedReduction = fc.constantFrom('diff', 'diff', 'diff', 'diff', 'diff', 'off', 'diff3');

interface Case {
  rel: RateChangeRelation;
  row: Partial<Record<string, Value>>;
}

function caseOf(h0: number | string, h1: number | string, s0: number, s1: number, how0: string, how1: string, howR: string, fractionalPoor: boolean): Case | undefined {
  const poor = (h: number | string, s: number) => (typeof h === 'string' ? '7' : String(Math.floor(Number(h) * s)) + (fractionalPoor ? '.5' : ''));
  const row: Partial<Record<string, Value>> = {
    poor_start: value('poor_start', poor(h0, s0)),
    households_start: value('households_start', String(h0)),
    poor_end: value('poor_end', poor(h1, s1)),
    households_end: value('households_end', String(h1)),
  };
  const sourceOf = (p: Value, h: Value, how: string, ind: Indicator) => {
    const pd = new Dec((p as NumberValue).plain);
    const hd = new Dec((h as NumberValue).plain);
    if (how === 'absent') return hd.isZero() ? undefined : { source: { count: p, households: h }, value: pd.mul(100).div(hd).toDecimalPlaces(2, Dec.ROUND_HALF_UP) };
    const exact = hd.isZero() ? new Dec(0) : pd.mul(100).div(hd);
    const text = how === 'exact1' ? fixed(exact, 1) : how === 'exact3' ? fixed(exact, 3) : how === 'off' ? fixed(exact.plus('0.01'), 2) : fixed(exact, 2);
    const v = value(ind, text);
    return { source: { printed: v }, value: new Dec(text) };
  };
  const start = sourceOf(row.poor_start!, row.households_start!, how0, 'rate_start');
  const end = sourceOf(row.poor_end!, row.households_end!, how1, 'rate_end');
  if (!start || !end) return undefined;
  const diff = start.value.minus(end.value);
  const rr = howR === 'off' ? diff.plus('0.01').toFixed(Math.max(2, diff.decimalPlaces())) : howR === 'diff3' ? diff.toFixed(3) : diff.toFixed(Math.max(2, diff.decimalPlaces()));
  const at = value('rate_reduced', rr);
  const rel = { unit: { id: 0, name: 'Xã A', parent: 1 }, at, cells: [], start: start.source, end: end.source } as unknown as RateChangeRelation;
  return { rel, row };
}

/** Runs a check and records what it reports, folds (making the folded note) and marks as checked. */
function record(run: (r: RateChangeRelation, ctx: RuleContext) => void, c: Case, depth: number): unknown[] {
  const events: unknown[] = [];
  const ctx = {
    annex: { indicators: Object.keys(c.row), values: new RowValues([c.row]), units: { length: 1 } },
    depth: () => depth,
    report: (f: unknown) => events.push(['report', f]),
    skip: (s: unknown) => events.push(['skip', s]),
    fold: (rule: string, _unit: unknown, note: () => unknown, effect: unknown) => events.push(['fold', rule, note(), effect]),
    checked: (rule: string) => events.push(['checked', rule]),
  } as unknown as RuleContext;
  run(c.rel, ctx);
  return events;
}

describe('rate-change in integers', () => {
  it('gives the findings the decimals give', () => {
    const answered = { ok: 0, convention: 0 };
    fc.assert(
      fc.property(households, households, share, share, printedRate, printedRate, printedReduction, fc.boolean(), fc.constantFrom(1, 2, 3), (h0, h1, s0, s1, how0, how1, howR, fractional, depth) => {
        const c = caseOf(h0, h1, s0, s1, how0, how1, howR, fractional && s0 > 0.9);
        if (!c) return;
        const ctx = { annex: { values: new RowValues([c.row]), units: { length: 1 } } } as unknown as RuleContext;
        const quick = quickCheck(ctx, c.rel);
        if (quick) answered[quick]++;
        expect(record((r, x) => rateChangeKind.check(r, x), c, depth)).toEqual(record(checkInDecimals, c, depth));
        // The same relation with its printed figures read as the store's integers (a long table's columns).
        const { start, end, at } = c.rel as { start: { printed?: Value }; end: { printed?: Value }; at: Value };
        if (start.printed && end.printed) {
          const withQ = { ...c, rel: { ...c.rel, q: { start: start.printed, end: end.printed, at } } as RateChangeRelation };
          expect(record((r, x) => rateChangeKind.check(r, x), withQ, depth)).toEqual(record(checkInDecimals, c, depth));
        }
      }),
      { numRuns: 3000 },
    );
    // The integers decide most cases, the convention note among them.
    expect(answered.ok).toBeGreaterThan(500);
    expect(answered.convention).toBeGreaterThan(10);
  });

  it('round a half at the third decimal up, as the decimals do', () => {
    // 50 of 200.000 and none: rates 0,03 and 0,00 (0,025 half-up); the unrounded fall 0,025 rounds to 0,03 too.
    const c = caseOf(200_000, 200_000, 50 / 200_000, 0, 'exact2', 'exact2', 'diff', false)!;
    expect((c.row.poor_start as NumberValue).plain).toBe('50');
    const ctx = { annex: { values: new RowValues([c.row]), units: { length: 1 } } } as unknown as RuleContext;
    expect(quickCheck(ctx, c.rel)).toBe('ok');
    expect(record((r, x) => rateChangeKind.check(r, x), c, 2)).toEqual(record(checkInDecimals, c, 2));
  });

  it('fold the seed-like convention note (15,08 − 12,43 = 2,65, unrounded 2,64) at a commune', () => {
    // 1508/10000 = 15,08 %; 1243/10000 = 12,43 %: no note. 15,075 % and 12,434 %: the note (2,641 rounds to 2,64).
    const c = caseOf(200_000, 500_000, 0.15075, 0.12434, 'exact2', 'exact2', 'diff', false)!;
    expect((c.rel.at as NumberValue).plain).toBe('2.65');
    const events = record((r, x) => rateChangeKind.check(r, x), c, 2).map((e) => (e as unknown[]).slice(0, 3));
    expect(events).toEqual(record(checkInDecimals, c, 2).map((e) => (e as unknown[]).slice(0, 3)));
    expect(events[1]).toMatchObject(['fold', 'rate-change', { msg: { id: 'rate-change.convention', params: { unrounded: '2.6410', rounded: '2.64' } } }]);
  });
});
