/**
 * Folding deeper units' notes: exact comparison of effects (safe integers, BigInt beyond, Decimal for
 * fractions), ties keep the first unit, and a parent with a single note keeps that note.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/calc/decimal.js';
import { compareEffect, effectOfDecs, effectOfInts, Folds, summaryFinding } from '../../src/rules/summary.js';
import type { Finding } from '../../src/model/finding.js';

describe('compareEffect', () => {
  it('orders |p1·(h1 − h0)| / (h0·h1) exactly, whatever the representation', () => {
    const count = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(count, count, count, count, count, count, (a0, a1, p, b0, b1, q) => {
        const exact = (h0: number, h1: number, p1: number) => [BigInt(p1) * (BigInt(h1) - BigInt(h0) < 0n ? BigInt(h0) - BigInt(h1) : BigInt(h1) - BigInt(h0)), BigInt(h0) * BigInt(h1)] as const;
        const [n1, d1] = exact(a0, a1, p);
        const [n2, d2] = exact(b0, b1, q);
        const want = n1 * d2 === n2 * d1 ? 0 : n1 * d2 > n2 * d1 ? 1 : -1;
        expect(compareEffect(effectOfInts(a0, a1, p), effectOfInts(b0, b1, q))).toBe(want);
        expect(compareEffect(effectOfDecs(new Dec(a0), new Dec(a1), new Dec(p)), effectOfInts(b0, b1, q))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
  it('compares fractional counts in Decimal', () => {
    expect(compareEffect(effectOfDecs(new Dec(10), new Dec('10.5'), new Dec(3)), effectOfInts(10, 11, 3))).toBe(-1);
  });
});

describe('Folds', () => {
  const note = (unit: string): Finding => ({
    rule: 'denominator',
    severity: 'warning',
    unit,
    msg: { id: 'denominator.mixed', params: { unit, h0: '1', h1: '2', change: '1', reduced: '0', share: '0.00', points: '0.00', growth: '0.00' } },
  });
  it('counts per parent, names the largest effect, keeps the first on a tie', () => {
    const folds = new Folds<Finding>();
    folds.add('denominator', 'D1', () => note('a'), effectOfInts(100, 110, 5));
    folds.add('denominator', 'D2', () => note('x'), effectOfInts(100, 110, 5));
    folds.add('denominator', 'D1', () => note('b'), effectOfInts(100, 120, 5));
    folds.add('denominator', 'D1', () => note('c'), effectOfInts(100, 120, 5));
    const slots = [...folds];
    expect(slots.map((s) => [s.parent, s.count, s.winner.unit])).toEqual([
      ['D1', 3, 'b'],
      ['D2', 1, 'x'],
    ]);
    expect(summaryFinding('denominator', 'Huyện 1', 3, slots[0]!.winner).msg).toMatchObject({ id: 'denominator.summary', params: { parent: 'Huyện 1', count: 3, unit: 'b' } });
    expect(summaryFinding('denominator', 'Huyện 2', 1, slots[1]!.winner).msg.id).toBe('denominator.mixed');
  });
  it("keeps that the named unit's net fall was computed from the start and end counts (the table prints none)", () => {
    const derived = note('a');
    derived.msg = { ...derived.msg, params: { ...(derived.msg.params as object), derived: true } } as Finding['msg'];
    expect(summaryFinding('denominator', 'Huyện 1', 2, derived).msg.params).toMatchObject({ derived: true });
    expect(summaryFinding('denominator', 'Huyện 1', 2, note('a')).msg.params).not.toHaveProperty('derived');
  });
  it("makes the named unit's note once, when the slots are read, whatever units take the name in between", () => {
    const made: number[] = [];
    const maker = (unit: number) => (made.push(unit), note(`u${unit}`));
    const folds = new Folds<Finding>();
    folds.add('denominator', 'D1', maker, effectOfInts(100, 110, 5), 0);
    folds.add('denominator', 'D1', maker, effectOfInts(100, 120, 5), 1);
    folds.add('denominator', 'D1', maker, effectOfInts(100, 130, 5), 2);
    folds.add('denominator', 'D1', maker, effectOfInts(100, 101, 5), 3);
    folds.add('denominator', 'D2', maker, effectOfInts(100, 130, 5), 4);
    folds.add('denominator', 'D2', maker, effectOfInts(100, 101, 5), 5);
    expect(made).toEqual([]);
    expect([...folds].map((s) => s.winner.unit)).toEqual(['u2', 'u4']);
    expect(made).toEqual([2, 4]);
  });
  it('names, per rule and parent, the first unit of the largest effect (random notes against the definition)', () => {
    const entry = fc.record({ rule: fc.constantFrom('denominator' as const, 'rate-change' as const), parent: fc.integer({ min: 0, max: 3 }), h1: fc.integer({ min: 1, max: 40 }), p1: fc.integer({ min: 0, max: 9 }), effect: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const folds = new Folds<Finding>();
        entries.forEach((e, unit) => folds.add(e.rule, e.parent, (u) => note(`u${u}`), e.effect ? effectOfInts(20, e.h1, e.p1) : undefined, unit));
        // The definition: slots in the order their first note came; the first note names the slot until a later
        // one with an effect strictly larger than the named one's (both with effects) takes the name.
        const want: Array<{ rule: string; parent: number; count: number; unit: number; effect: ReturnType<typeof effectOfInts> | undefined }> = [];
        entries.forEach((e, unit) => {
          const effect = e.effect ? effectOfInts(20, e.h1, e.p1) : undefined;
          const slot = want.find((w) => w.rule === e.rule && w.parent === e.parent);
          if (!slot) return void want.push({ rule: e.rule, parent: e.parent, count: 1, unit, effect });
          slot.count++;
          if (effect && slot.effect && compareEffect(effect, slot.effect) > 0) Object.assign(slot, { unit, effect });
        });
        expect([...folds].map((s) => [s.rule, s.parent, s.count, s.winner.unit])).toEqual(want.map((w) => [w.rule, w.parent, w.count, `u${w.unit}`]));
      }),
      { numRuns: 500 },
    );
  });
});
