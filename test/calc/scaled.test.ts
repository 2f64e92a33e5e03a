/**
 * The integer checks (calc/scaled.ts) against decimal.js, the arithmetic they stand in for: wherever they
 * answer, they answer as decimal.js does; where they cannot be exact they say so (undefined).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { exactRate, printedRateMatches, roundRate } from '../../src/calc/annex-math.js';
import { compareScaled, intOf, rateCutScaled, rateMatchesScaled, rateScaled, scaledAt, withinScaled } from '../../src/calc/scaled.js';
import { NumberValue, scaledOf } from '../../src/model/value.js';

/** A value as a cell gives it: plain digits with `decimals` decimals. */
const plainOf = (n: bigint, decimals: number): string => {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(decimals + 1, '0');
  const body = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return neg && /[1-9]/.test(digits) ? `-${body}` : body;
};
const value = (n: bigint, decimals: number) => {
  const plain = plainOf(n, decimals);
  return { plain, decimals, scaled: scaledOf(plain), num: new Dec(plain) };
};
const anyValue = fc.tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 4 })).map(([n, d]) => value(n, d));
const count = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: -50, max: 50 }));

describe('scaled integers', () => {
  it('stand for the plain digits exactly, or not at all', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        if (v.scaled === undefined) return;
        expect(new Dec(v.scaled).div(new Dec(10).pow(v.decimals)).eq(v.num)).toBe(true);
      }),
    );
    expect(scaledOf('12345678901234567')).toBeUndefined();
  });

  it('compare as decimal.js compares', () => {
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        const c = compareScaled(a, b);
        if (c !== undefined) expect(c).toBe(a.num.cmp(b.num));
      }),
    );
  });

  it('lie within integer bounds as decimal.js says', () => {
    fc.assert(
      fc.property(anyValue, fc.constantFrom(['0', '100'], ['-100', '100'], ['0', '1000000']), (v, [min, max]) => {
        const w = withinScaled(v, min, max);
        if (w !== undefined) expect(w).toBe(v.num.gte(min) && v.num.lte(max));
      }),
    );
  });

  it('give the half-up rate of decimal.js at every precision', () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 4 }), (p, h, dp) => {
        const r = rateScaled(p, h, dp);
        const exact = exactRate(new Dec(p), new Dec(h));
        if (!exact) {
          expect(r).toBeUndefined();
          return;
        }
        if (r === undefined) return;
        expect(new Dec(r).div(new Dec(10).pow(dp)).eq(exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // The seed's Tuyên Quang: 24.814 / 210.299 × 100 = 11,7994… → 11,80.
    expect(rateScaled(24_814, 210_299, 2)).toBe(1180);
    expect(rateScaled(1, 8, 1)).toBe(125);
    expect(rateScaled(-1, 8, 1)).toBe(-125);
  });

  it('cut the rate toward zero as decimal.js does (ROUND_DOWN), at every precision', () => {
    // Counts and households as large as the unrounded fall's products (p0·h1 − p1·h0 over h0·h1), of either sign.
    const big = fc.oneof(count, fc.integer({ min: -(2 ** 40), max: 2 ** 40 }));
    fc.assert(
      fc.property(big, big, fc.integer({ min: 0, max: 6 }), (p, h, dp) => {
        const r = rateCutScaled(p, h, dp);
        const exact = exactRate(new Dec(p), new Dec(h));
        if (!exact) {
          expect(r).toBeUndefined();
          return;
        }
        if (r === undefined) return;
        expect(Object.is(r, -0)).toBe(false);
        expect(new Dec(r).div(new Dec(10).pow(dp)).eq(exact.toDecimalPlaces(dp, Dec.ROUND_DOWN))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(rateCutScaled(24_814, 210_299, 4)).toBe(117_993);
    expect(rateCutScaled(-1, 3, 4)).toBe(-333_333);
    expect(rateCutScaled(0, -3, 4)).toBe(0);
  });

  it('match a printed rate as printedRateMatches does', () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 2 }), (p, h, dp, off) => {
        const exact = exactRate(new Dec(p), new Dec(h));
        if (!exact) return;
        const printed = value(BigInt(exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).mul(new Dec(10).pow(dp)).toFixed(0)) + BigInt(off), dp);
        const fast = rateMatchesScaled(value(BigInt(p), 0), value(BigInt(h), 0), printed, 2);
        if (fast !== undefined) expect(fast).toBe(printedRateMatches(printed.num, dp, exact));
      }),
      { numRuns: 2000 },
    );
    expect(roundRate(new Dec('11.795')).toFixed()).toBe('11.8');
  });

  it('are only whole counts for intOf, and scale up only while safe', () => {
    expect(intOf(value(1234n, 0))).toBe(1234);
    expect(intOf(value(1234n, 2))).toBeUndefined();
    expect(scaledAt(value(1234n, 2), 4)).toBe(123400);
    expect(scaledAt(value(1234n, 2), 1)).toBeUndefined();
    expect(scaledAt(value(9_000_000_000_000_000n / 10n, 0), 2)).toBeUndefined();
  });
});

describe('a number value', () => {
  it('makes its decimal only when asked, from its plain digits, and keeps a negative zero', () => {
    const cell = { raw: '12,50', ref: 'B2', row: 1, col: 1 };
    const v = new NumberValue('rate_end', 0, cell, '12,50', '12.50', 2);
    expect(v.scaled).toBe(1250);
    expect(v.num.eq(new Dec('12.5'))).toBe(true);
    const zero = new NumberValue('poor_end', 0, { ...cell, raw: '-0' }, '-0', '0', 0, new Dec('-0'));
    expect(zero.num.isNegative()).toBe(true);
    expect(zero.scaled).toBeUndefined();
    // A copy with other digits carries no stale integer.
    const copy = { ...v, plain: '13.50', num: new Dec('13.5') };
    expect((copy as { scaled?: number }).scaled).toBeUndefined();
  });
});
