import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { exactRate, minimumExits, rate, rateReduction, splitReduction } from '../../src/calc/annex-math.js';

const d = (x: string | number) => new Dec(x);

describe('rates', () => {
  it('rounds half-up to two decimals', () => {
    expect(rate(d(24814), d(210299))!.toFixed(2)).toBe('11.80');
    expect(rate(d(20626), d(211780))!.toFixed(2)).toBe('9.74');
    // exactly x.xx5 rounds up
    expect(rate(d(1), d(8))!.toFixed(2)).toBe('12.50');
    expect(rate(d(1), d(16))!.toFixed(2)).toBe('6.25');
    expect(rate(d(1), d(32))!.toFixed(2)).toBe('3.13'); // 3.125 → 3.13
    expect(rate(d(1), d(0))).toBeUndefined();
  });

  it('takes the reduction from the two-decimal rates (the seed\'s 4th district: 2,65, not 2,64)', () => {
    const start = rate(d(4753), d(31526))!;
    const end = rate(d(3954), d(31800))!;
    expect(rateReduction(start, end).toFixed(2)).toBe('2.65');
    expect(exactRate(d(4753), d(31526))!.minus(exactRate(d(3954), d(31800))!).toDecimalPlaces(2).toFixed(2)).toBe('2.64');
  });

  it('splits the fall into exits and the change in households', () => {
    const split = splitReduction(d(210299), d(211780), d(20626), d(4188))!;
    expect(split.share.toDecimalPlaces(2).toFixed(2)).toBe('1.99');
    expect(split.growth.toDecimalPlaces(2).toFixed(2)).toBe('0.07');
    const exactFall = exactRate(d(24814), d(210299))!.minus(exactRate(d(20626), d(211780))!);
    expect(split.exactFall.minus(exactFall).abs().lt('1e-60')).toBe(true);
  });
});

describe('minimumExits', () => {
  it('finds the smallest count whose rounded reduction reaches the target', () => {
    const x = minimumExits(d(10468), d(3094), d(10580), d(4))!;
    const reached = (n: Dec) => rate(d(3094), d(10468))!.minus(rate(d(3094).minus(n), d(10580))!);
    expect(reached(x).gte(4)).toBe(true);
    expect(reached(x.minus(1)).lt(4)).toBe(true);
  });
  it('is undefined for an unreachable target', () => {
    expect(minimumExits(d(100), d(5), d(100), d(6))).toBeUndefined();
  });
  it('is 0 for a target of 0', () => {
    expect(minimumExits(d(100), d(5), d(100), d(0))!.toNumber()).toBe(0);
  });
});
