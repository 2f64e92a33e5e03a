/** The arithmetic `plan` (and later target checks) use: least exits for a target, quotient exactness. */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { exitsForTarget, minimumExits, plannable, printedRateMatches, rate, smallestExits, terminates, valueWithExits } from '../../src/calc/annex-math.js';

const d = (x: string | number) => new Dec(x);
const naHang = { h0: d(10468), p0: d(3094), h1: d(10580) };

/** The annex reduction with x exits, by brute force from the definition (not via annex-math's search). */
function reductionWith(c: { h0: Dec; p0: Dec; h1: Dec }, x: number): Dec {
  return rate(c.p0, c.h0)!.minus(rate(c.p0.minus(x), c.h1)!);
}

describe('smallestExits', () => {
  it('finds the first x where a monotone predicate turns true', () => {
    expect(smallestExits(d(1000), (x) => x.gte(437))!.toNumber()).toBe(437);
    expect(smallestExits(d(1000), () => true)!.toNumber()).toBe(0);
    expect(smallestExits(d(1000), (x) => x.gte(1001))).toBeUndefined();
    expect(smallestExits(d(0), () => true)!.toNumber()).toBe(0);
  });
});

describe('exitsForTarget', () => {
  it('rate_reduced >= 4 for Na Hang is the least count (checked by brute force)', () => {
    const o = exitsForTarget(naHang, 'rate_reduced', '>=', d(4));
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    let brute = 0;
    while (reductionWith(naHang, brute).lt(4)) brute++;
    expect(o.exits.toNumber()).toBe(brute);
    expect(o.value.toFixed(2)).toBe('4.00');
    expect(minimumExits(naHang.h0, naHang.p0, naHang.h1, d(4))!.eq(o.exits)).toBe(true);
  });

  it('rate_end <= 25,56 gives the same count as a 4-point fall for Na Hang', () => {
    const o = exitsForTarget(naHang, 'rate_end', '<=', d('25.56'));
    const r = exitsForTarget(naHang, 'rate_reduced', '>=', d(4));
    expect(o.ok && r.ok && o.exits.eq(r.exits)).toBe(true);
  });

  it('counts: poor_reduced >= 100 is 100 exits; poor_end <= 3000 is 94', () => {
    const a = exitsForTarget(naHang, 'poor_reduced', '>=', d(100));
    const b = exitsForTarget(naHang, 'poor_end', '<=', d(3000));
    expect(a.ok && a.exits.toNumber()).toBe(100);
    expect(b.ok && b.exits.toNumber()).toBe(94);
  });

  it('target 0 with constant households: 0 exits', () => {
    const o = exitsForTarget({ h0: d(100), p0: d(5), h1: d(100) }, 'rate_reduced', '>=', d(0));
    expect(o.ok && o.exits.toNumber()).toBe(0);
  });

  it('target 0 with fewer households at the end: exits are needed to keep the rate from rising', () => {
    const c = { h0: d(1000), p0: d(100), h1: d(900) };
    const o = exitsForTarget(c, 'rate_reduced', '>=', d(0));
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.exits.toNumber()).toBe(10); // 90 / 900 = 10,00 %
    expect(reductionWith(c, 9).lt(0)).toBe(true);
  });

  it('a target the growth in households already meets needs no exits', () => {
    // 500 / 10.000 = 5,00 %; 500 / 12.500 = 4,00 %: the rate falls a point with no exit at all.
    const o = exitsForTarget({ h0: d(10000), p0: d(500), h1: d(12500) }, 'rate_reduced', '>=', d(1));
    expect(o.ok && o.exits.toNumber()).toBe(0);
  });

  it('unreachable: more than every poor household would have to leave', () => {
    const o = exitsForTarget(naHang, 'rate_reduced', '>=', d(30));
    expect(o).toMatchObject({ ok: false, reason: 'unreachable' });
    if (o.ok || o.reason !== 'unreachable') return;
    expect(o.best.toFixed(2)).toBe('29.56'); // the start rate: the end rate cannot go below 0
  });

  it('zero households: no rate, no plan', () => {
    expect(exitsForTarget({ h0: d(0), p0: d(0), h1: d(10) }, 'rate_reduced', '>=', d(1))).toEqual({ ok: false, reason: 'zero-households' });
    expect(exitsForTarget({ h0: d(10), p0: d(1), h1: d(0) }, 'rate_end', '<=', d(1))).toEqual({ ok: false, reason: 'zero-households' });
  });

  it('= reports when the reduction steps over the value', () => {
    // 1 household of 3: each exit moves the rate by 33,33 points.
    const o = exitsForTarget({ h0: d(3), p0: d(3), h1: d(3) }, 'rate_reduced', '=', d(50));
    expect(o).toMatchObject({ ok: false, reason: 'not-exact' });
    if (o.ok || o.reason !== 'not-exact') return;
    expect(o.exits.toNumber()).toBe(2);
    expect(o.value.toFixed(2)).toBe('66.67');
    expect(o.belowValue!.toFixed(2)).toBe('33.33');
    const exact = exitsForTarget({ h0: d(4), p0: d(4), h1: d(4) }, 'rate_reduced', '=', d(50));
    expect(exact.ok && exact.exits.toNumber()).toBe(2);
  });

  it('valueWithExits computes the annex way', () => {
    expect(valueWithExits({ h0: d(31526), p0: d(4753), h1: d(31800) }, 'rate_reduced', d(799))!.toFixed(2)).toBe('2.65');
  });

  it('plannable: lower bounds on falls, upper bounds on ends', () => {
    expect(plannable('rate_reduced', '>=')).toBe(true);
    expect(plannable('rate_reduced', '<=')).toBe(false);
    expect(plannable('rate_end', '=')).toBe(true);
    expect(plannable('rate_end', '>=')).toBe(false);
    expect(plannable('households_start', '=')).toBe(false);
  });
});

describe('quotients', () => {
  it('terminates only when the denominator has no prime factor but 2 and 5 (after reduction)', () => {
    expect(terminates(d(100), d(8))).toBe(true);
    expect(terminates(d(300), d(3))).toBe(true);
    expect(terminates(d(100), d(3))).toBe(false);
    expect(terminates(d(2481400), d(210299))).toBe(false);
  });
  it('a printed rate matches at its own precision', () => {
    const exact = d(24814).mul(100).div(210299);
    expect(printedRateMatches(d('11.80'), 2, exact)).toBe(true);
    expect(printedRateMatches(d('11.8'), 1, exact)).toBe(true);
    expect(printedRateMatches(d('11.7994'), 4, exact)).toBe(true);
    expect(printedRateMatches(d('11.79'), 2, exact)).toBe(false);
  });
});
