/**
 * Affine forms: `wholeAffineOf` (in integers, every accepted cell its own variable) gives, wherever it answers,
 * the form `affineOf` gives in decimals with the same cells as variables: the same coefficients in the same
 * order and the same constant (a zero's sign included); and it answers the sums and differences locate's checks are.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/calc/decimal.js';
import { affineOf, num, ref, sub, sumOf, wholeAffineOf, type Affine, type Expr } from '../../src/model/expr.js';

const REFS = ['A1', 'B2', 'C3', 'D4', 'E5'];

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...REFS).map(ref),
    fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 2 ** 52, -(2 ** 52), 0.5, 1.25), fc.constantFrom('3', '-0', '2.50', '0.1')).map((v) => num(v)),
    fc.constantFrom(-0, 0).map((v) => ({ k: 'num', v: new Dec(v) }) as Expr),
    tie('e').map((a) => ({ k: 'neg', a }) as Expr),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), a: tie('e'), b: tie('e') }).map(({ op, a, b }) => ({ k: 'bin', op, a, b }) as Expr),
    fc.array(tie('e'), { maxLength: 5 }).map((args) => sumOf(args)),
    fc.record({ a: tie('e'), d: tie('e') }).map(({ a, d }) => ({ k: 'round', a, d }) as Expr),
  ),
})).e;

/** A form as comparable data: coefficients in their order, the constant with a zero's sign. */
const shown = (a: Affine | null | undefined) => a && { coefs: [...a.coefs].map(([r, k]) => [r, k.toString()]), c: a.c.toString(), negative: a.c.isNegative() };

describe('wholeAffineOf', () => {
  it('gives affineOf’s form wherever it answers (random expressions)', () => {
    fc.assert(
      fc.property(exprArb, fc.subarray(REFS), (e, vars) => {
        const isVar = (r: string) => vars.includes(r);
        const fast = wholeAffineOf(e, isVar);
        if (fast === undefined) return;
        const slow = affineOf(e, (r) => (isVar(r) ? { coefs: new Map([[r, new Dec(1)]]), c: new Dec(0) } : null));
        expect(shown(fast)).toEqual(shown(slow));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers sums and differences of cells and whole constants', () => {
    const e = sub(ref('A1'), sumOf([ref('B2'), ref('C3'), ref('A1'), num(7), sub(ref('D4'), ref('B2'))]));
    const fast = wholeAffineOf(e, () => true);
    expect(shown(fast)).toEqual({ coefs: [['C3', '-1'], ['D4', '-1']], c: '-7', negative: true });
    expect(wholeAffineOf(sub(ref('A1'), num('0.5')), () => true)).toBeUndefined();
    expect(wholeAffineOf(ref('A1'), () => false)).toBeUndefined();
  });
});
