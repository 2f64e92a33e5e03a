/**
 * exitsRange: the exits meeting a target form one interval; checked against brute force (every x from 0 to
 * the poor households at the start) on the seed's units and on random small units (fast-check, seeded).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/calc/decimal.js';
import { compareTarget, exitsRange, valueWithExits, type TargetIndicator, type TargetOp, type UnitCounts } from '../../src/calc/annex-math.js';

const d = (x: string | number) => new Dec(x);
const naHang: UnitCounts = { h0: d(10468), p0: d(3094), h1: d(10580) };
const province: UnitCounts = { h0: d(210299), p0: d(24814), h1: d(211780) };

/** The exits 0 … p0 meeting the target, by trying each. */
function brute(c: UnitCounts, ind: TargetIndicator, op: TargetOp, value: Dec): number[] {
  const out: number[] = [];
  for (let x = 0; x <= c.p0.toNumber(); x++) {
    const v = valueWithExits(c, ind, d(x));
    if (v !== undefined && compareTarget(v, op, value)) out.push(x);
  }
  return out;
}

function agrees(c: UnitCounts, ind: TargetIndicator, op: TargetOp, value: Dec): void {
  const r = exitsRange(c, ind, op, value);
  const xs = brute(c, ind, op, value);
  if (r.ok) {
    expect(xs.length).toBeGreaterThan(0);
    expect([xs[0], xs[xs.length - 1], xs.length]).toEqual([r.min.toNumber(), r.max.toNumber(), r.max.toNumber() - r.min.toNumber() + 1]);
  } else {
    expect(xs).toEqual([]);
    if (r.reason === 'not-exact') {
      expect(valueWithExits(c, ind, r.exits)!.eq(r.value)).toBe(true);
      expect(valueWithExits(c, ind, r.exits.plus(1))!.eq(r.nextValue)).toBe(true);
      expect(r.value.lt(value) !== r.nextValue.lt(value)).toBe(true);
    }
  }
}

describe('exitsRange', () => {
  it('Na Hang: a fall of 4 points or more needs 390 exits at least (the seed\'s own count), any more will do', () => {
    const r = exitsRange(naHang, 'rate_reduced', '>=', d(4));
    expect(r.ok && [r.min.toNumber(), r.max.toNumber()]).toEqual([390, 3094]);
  });

  it('the province: 2,06 points exactly starts at 4.177 exits (plan\'s least count) and ends before 2,07', () => {
    const r = exitsRange(province, 'rate_reduced', '=', d('2.06'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.min.toNumber()).toBe(4177);
    expect(r.max.gte(4188)).toBe(true); // the seed's 4.188 exits give 2,06
    expect(valueWithExits(province, 'rate_reduced', r.max)!.toFixed(2)).toBe('2.06');
    expect(valueWithExits(province, 'rate_reduced', r.max.plus(1))!.toFixed(2)).toBe('2.07');
  });

  it('upper bounds: a fall of at most 3 points allows up to the last count still under it', () => {
    const r = exitsRange(naHang, 'rate_reduced', '<=', d(3));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.min.toNumber()).toBe(0);
    expect(valueWithExits(naHang, 'rate_reduced', r.max)!.lte(3)).toBe(true);
    expect(valueWithExits(naHang, 'rate_reduced', r.max.plus(1))!.gt(3)).toBe(true);
  });

  it('says why no number of exits works', () => {
    expect(exitsRange(naHang, 'rate_reduced', '>=', d(30))).toMatchObject({ ok: false, reason: 'unreachable', direction: 'more' });
    expect(exitsRange(naHang, 'rate_end', '>=', d(30))).toMatchObject({ ok: false, reason: 'unreachable', direction: 'fewer' });
    expect(exitsRange({ h0: d(0), p0: d(0), h1: d(10) }, 'rate_end', '<=', d(1))).toEqual({ ok: false, reason: 'zero-households' });
    // A rate the rounded values step over: 1 poor of 3 households is 33,33 %, 0 of 3 is 0 %.
    const r = exitsRange({ h0: d(3), p0: d(1), h1: d(3) }, 'rate_end', '=', d(20));
    expect(r).toMatchObject({ ok: false, reason: 'not-exact' });
  });

  it.each<[TargetIndicator, TargetOp, string]>([
    ['rate_reduced', '>=', '4'],
    ['rate_reduced', '<=', '4'],
    ['rate_reduced', '=', '4'],
    ['rate_reduced', '=', '4.01'],
    ['rate_end', '<=', '25.56'],
    ['rate_end', '>=', '25.56'],
    ['rate_end', '=', '25'],
    ['poor_reduced', '=', '390'],
    ['poor_end', '<=', '2704'],
    ['poor_end', '>=', '2704'],
  ])('Na Hang, %s %s %s: the interval is what brute force finds', (ind, op, value) => agrees(naHang, ind, op, d(value)));

  it('random small units and targets: the interval is what brute force finds', () => {
    const unit = fc.record({ h0: fc.integer({ min: 1, max: 400 }), growth: fc.integer({ min: -30, max: 60 }), poor: fc.integer({ min: 0, max: 120 }) });
    const target = fc.record({
      ind: fc.constantFrom<TargetIndicator>('rate_reduced', 'rate_end', 'poor_reduced', 'poor_end'),
      op: fc.constantFrom<TargetOp>('>=', '<=', '='),
      hundredths: fc.integer({ min: -500, max: 6000 }),
    });
    fc.assert(
      fc.property(unit, target, (u, t) => {
        const h1 = Math.max(1, u.h0 + u.growth);
        const c: UnitCounts = { h0: d(u.h0), p0: d(Math.min(u.poor, u.h0, h1)), h1: d(h1) };
        const value = t.ind.startsWith('poor_') ? d(Math.round(t.hundredths / 50)) : d(t.hundredths).div(100);
        agrees(c, t.ind, t.op, value);
      }),
      { seed: 20250705, numRuns: 300 },
    );
  });
});
