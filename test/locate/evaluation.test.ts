/**
 * Locate's checks on the table as it is, decided in integers (evaluation.ts `holdsInIntegers`,
 * `compareInIntegers`) against the same forms evaluated in decimals (`evaluate`, `rateMatches`), on random
 * cells and expressions: wherever the integers answer, they answer as the decimals do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { evaluate, type Expr } from '../../src/model/expr.js';
import { compareInIntegers, holdsInIntegers, rateMatches } from '../../src/locate/evaluation.js';
import type { LCell } from '../../src/locate/model.js';
import type { Form } from '../../src/relations/types.js';
import { NumberValue } from '../../src/model/value.js';
import type { OkValue } from '../../src/rules/types.js';

const plainOf = (n: bigint, decimals: number): string => {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(decimals + 1, '0');
  const body = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return neg && /[1-9]/.test(digits) ? `-${body}` : body;
};

/** A loaded cell as locate's model keeps it: the value (its scaled integer when it fits) and its decimals. */
const cellOf = (ref: string, n: bigint, decimals: number): LCell => {
  const plain = plainOf(n, decimals);
  const value = new NumberValue('poor_start', 0, { raw: plain, ref, row: 0, col: 0 }, plain, plain, decimals) as unknown as OkValue;
  return { ref, value, base: value.num, dp: decimals } as unknown as LCell;
};

const REFS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
/** Small and large magnitudes: sums that stay safe integers and sums past them. */
const magnitude = fc.oneof(fc.bigInt({ min: -2_000n, max: 2_000n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }));
const cells = fc.tuple(...REFS.map(() => fc.tuple(magnitude, fc.integer({ min: 0, max: 3 })))).map((xs) => new Map(xs.map(([n, d], i) => [REFS[i]!, cellOf(REFS[i]!, n, d)])));

/** Expressions over the cells (some not loaded: `Z9`), with constants, and the operations the integers leave to decimals. */
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...REFS, 'Z9').map((ref): Expr => ({ k: 'ref', ref })),
    fc.constantFrom('0', '100', '-1', '0.5', '12.25', '1e-20').map((v): Expr => ({ k: 'num', v: new Dec(v) })),
    tie('e').map((a): Expr => ({ k: 'neg', a })),
    fc.tuple(fc.constantFrom('+', '-', '+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, tie('e'), tie('e')).map(([op, a, b]): Expr => ({ k: 'bin', op, a, b })),
    fc.array(tie('e'), { maxLength: 5 }).map((args): Expr => ({ k: 'sum', args })),
    fc.tuple(tie('e'), fc.constantFrom(0, 1, 2)).map(([a, d]): Expr => ({ k: 'round', a, d: { k: 'num', v: new Dec(d) } })),
  ),
})).e;

const enteredIn = (m: Map<string, LCell>) => (ref: string) => m.get(ref);
const getIn = (m: Map<string, LCell>) => (ref: string) => m.get(ref)?.base;

describe('checks on the table as it is, in integers', () => {
  it('an equation holds in integers exactly when it holds in decimals', () => {
    let answered = 0;
    fc.assert(
      fc.property(cells, expr, (m, e) => {
        const known = holdsInIntegers({ type: 'eq', expr: e }, enteredIn(m));
        if (known === undefined) return;
        answered++;
        const v = evaluate(e, getIn(m));
        expect(known).toBe(v === undefined || v.isZero());
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('an equation of cells that cancel holds (sums of parts against their total)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }), (parts) => {
        const m = new Map(parts.map(([n, d], i) => [REFS[i]!, cellOf(REFS[i]!, n, d)]));
        const total = parts.reduce((s, [n, d]) => s + n * 10n ** BigInt(3 - d), 0n);
        m.set('T1', cellOf('T1', total, 3));
        const e: Expr = { k: 'bin', op: '-', a: { k: 'ref', ref: 'T1' }, b: { k: 'sum', args: parts.map((_, i): Expr => ({ k: 'ref', ref: REFS[i]! })) } };
        expect(holdsInIntegers({ type: 'eq', expr: e }, enteredIn(m))).toBe(true);
      }),
    );
  });

  it('a bound compares in integers as in decimals', () => {
    let answered = 0;
    fc.assert(
      fc.property(cells, expr, expr, (m, a, b) => {
        const sign = compareInIntegers(a, b, enteredIn(m));
        const le = holdsInIntegers({ type: 'le', a, b }, enteredIn(m));
        expect(le).toBe(sign === undefined ? undefined : sign <= 0);
        if (sign === undefined) return;
        answered++;
        const [x, y] = [evaluate(a, getIn(m)), evaluate(b, getIn(m))];
        expect(x && y && Math.sign(x.minus(y).toNumber())).toBe(sign);
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('a rate matches in integers exactly when it matches in decimals', () => {
    const count = fc.oneof(fc.bigInt({ min: 0n, max: 2_000n }), fc.bigInt({ min: -50n, max: 30_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 16n }));
    let answered = 0;
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer({ min: 0, max: 1 }), fc.integer({ min: -3, max: 3 }), (p, h, pd, rd, minDp, exact, hd, off) => {
        const pc = cellOf('P1', p, pd);
        const hc = cellOf('H1', h, hd);
        // The printed rate: often the rate itself rounded at its decimals (it matches), else any nearby value.
        const rate = h === 0n ? new Dec(0) : pc.base.mul(100).div(hc.base);
        const printed = exact ? rate.toDecimalPlaces(rd, Dec.ROUND_HALF_UP) : rate.plus(new Dec(off).div(10 ** rd)).toDecimalPlaces(rd, Dec.ROUND_DOWN);
        const rc = cellOf('R1', BigInt(printed.mul(10 ** rd).toFixed(0)), rd);
        const m = new Map([['P1', pc], ['H1', hc], ['R1', rc]]);
        const form: Form = { type: 'rate', r: 'R1', p: 'P1', h: 'H1', minDp };
        const known = holdsInIntegers(form, enteredIn(m));
        if (known === undefined) return;
        answered++;
        // Over no households only 0 / 0 is checked, and only a rate of 0 holds then.
        const expected = hc.base.isZero() ? !pc.base.isZero() || rc.base.isZero() : rateMatches(pc.base, hc.base, rc.base, Math.max(minDp, rd));
        expect(known).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it('leaves to decimals what it cannot decide exactly', () => {
    const m = new Map([['A1', cellOf('A1', 5n, 0)], ['A2', cellOf('A2', 10n ** 17n, 0)]]);
    const ref = (r: string): Expr => ({ k: 'ref', ref: r });
    expect(holdsInIntegers({ type: 'eq', expr: { k: 'bin', op: '*', a: ref('A1'), b: ref('A1') } }, enteredIn(m))).toBeUndefined();
    expect(holdsInIntegers({ type: 'eq', expr: ref('Z9') }, enteredIn(m))).toBeUndefined();
    expect(holdsInIntegers({ type: 'eq', expr: ref('A2') }, enteredIn(m))).toBeUndefined();
    expect(holdsInIntegers({ type: 'within', expr: ref('A1'), tol: '1' }, enteredIn(m))).toBeUndefined();
    expect(holdsInIntegers({ type: 'eq', expr: { k: 'bin', op: '-', a: ref('A1'), b: { k: 'num', v: new Dec(5) } } }, enteredIn(m))).toBe(true);
  });
});
