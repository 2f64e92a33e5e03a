/**
 * The denominator note's figures in safe integers (the common case) against the same figures in exact
 * decimals: wherever the integers answer, they answer as the decimals do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresInDecimals, figuresInIntegers, type DenominatorRelation } from '../../src/relations/denominator.js';
import { NumberValue } from '../../src/model/value.js';
import type { Value } from '../../src/model/annex.js';
import type { Indicator } from '../../src/model/indicators.js';

const cell = (ref: string) => ({ raw: '', ref, row: 0, col: 0 });
const value = (indicator: Indicator, n: number | string) => {
  const plain = String(n);
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  return new NumberValue(indicator, 0, cell(indicator), plain, plain, decimals);
};

const count = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: -50, max: 50 }), fc.constant(1e15));
const rateText = fc.integer({ min: -20_000, max: 20_000 }).map((n) => (n / 100).toFixed(2));

describe('denominator note figures', () => {
  it('in integers are those in decimals', () => {
    let answered = 0;
    fc.assert(
      fc.property(count, count, fc.option(count), fc.option(count), fc.option(count), fc.option(rateText), fc.option(fc.tuple(rateText, rateText)), (h0, h1, p0, p1, r, rr, rates) => {
        const v: Partial<Record<string, Value>> = {};
        if (rates !== null) [v.rate_start, v.rate_end] = [value('rate_start', rates[0]), value('rate_end', rates[1])];
        if (p0 !== null) v.poor_start = value('poor_start', p0);
        if (p1 !== null) v.poor_end = value('poor_end', p1);
        if (r !== null) v.poor_reduced = value('poor_reduced', r);
        if (rr !== null) v.rate_reduced = value('rate_reduced', rr);
        const rel = { unit: { id: 0, name: 'A' }, at: value('households_end', h1), start: value('households_start', h0), cells: [] } as unknown as DenominatorRelation;
        const ints = figuresInIntegers(rel, v);
        const decs = figuresInDecimals(rel, v);
        if (ints === undefined) return;
        answered++;
        expect(ints.params).toEqual(decs!.params);
        expect(ints.decides).toBe(decs!.decides);
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it('write the seed district\'s figures', () => {
    const v = { poor_start: value('poor_start', 4644), poor_end: value('poor_end', 3657) };
    const rel = { unit: { id: 0, name: 'Sơn Dương' }, at: value('households_end', 50180), start: value('households_start', 49874), cells: [] } as unknown as DenominatorRelation;
    expect(figuresInIntegers(rel, v)).toEqual(figuresInDecimals(rel, v));
    expect(figuresInIntegers(rel, v)!.params).toMatchObject({ change: '306', reduced: '987', share: '1.98' });
  });

  it('speak of the fall, not of a misprinted reduction (1,99 typed for 11,80 − 9,74 = 2,06: rate-change\'s error)', () => {
    const rel = { unit: { id: 0, name: 'Toàn tỉnh' }, at: value('households_end', 211780), start: value('households_start', 210299), cells: [] } as unknown as DenominatorRelation;
    const seed = { poor_start: value('poor_start', 24814), poor_end: value('poor_end', 20626), rate_start: value('rate_start', '11.80'), rate_end: value('rate_end', '9.74') };
    const misprinted = { ...seed, rate_reduced: value('rate_reduced', '1.99') };
    expect(figuresInIntegers(rel, misprinted)!.params).toMatchObject({ points: '2.06', share: '1.99', growth: '0.07' });
    expect(figuresInDecimals(rel, misprinted)!.params.points).toBe('2.06');
    // As printed when it is the difference of the printed rates (a wrong start rate's consequence), or the counts' fall.
    expect(figuresInIntegers(rel, { ...seed, rate_reduced: value('rate_reduced', '2.06') })!.params.points).toBe('2.06');
    expect(figuresInIntegers(rel, { ...seed, rate_start: value('rate_start', '11.81'), rate_reduced: value('rate_reduced', '2.07') })!.params.points).toBe('2.07');
    expect(figuresInIntegers(rel, { ...seed, rate_start: value('rate_start', '11.90'), rate_reduced: value('rate_reduced', '2.06') })!.params.points).toBe('2.06');
  });
});
