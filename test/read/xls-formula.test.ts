/**
 * BIFF8 formula tokens → A1 text (read/xls-formula.ts), against brute force: random formulas of the shapes
 * localisation recomputes (numbers, references, ranges, + − * /, unary minus, parentheses, SUM, ROUND) are encoded as
 * Excel stores them (Reverse Polish, ptgParen where the text had parentheses), decompiled, parsed by the formula
 * parser localisation uses, and evaluated: the value must be the tree's own. And no token stream, however damaged,
 * makes the decompiler throw or loop.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { a1 } from '../../src/model/grid.js';
import { evaluate, parseFormula } from '../../src/model/expr.js';
import { decompileFormula } from '../../src/read/xls-formula.js';
import { ptg } from './xls-writer.js';

type Tree =
  | { k: 'num'; v: number }
  | { k: 'ref'; r: number; c: number }
  | { k: 'neg'; a: Tree }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Tree; b: Tree }
  | { k: 'sum'; args: Array<Tree | { k: 'range'; r1: number; c1: number; r2: number; c2: number }> }
  | { k: 'round'; a: Tree; d: number };

const ROWS = 6;
const COLS = 5;
/** The sheet's values: cell (r, c) holds a number with up to two decimals, some negative, some zero. */
const value = (r: number, c: number) => new Dec(((r * 7 + c * 13) % 23) - 5).div(c % 2 === 0 ? 1 : 4);

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'f' },
    fc.record({ k: fc.constant('num' as const), v: fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constantFrom(0.5, 1.25, 100, 2.5e-3)) }),
    fc.record({ k: fc.constant('ref' as const), r: fc.nat(ROWS - 1), c: fc.nat(COLS - 1) }),
    fc.record({ k: fc.constant('neg' as const), a: tie('t') }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), a: tie('t'), b: tie('t') }),
    fc.record({
      k: fc.constant('sum' as const),
      args: fc.array(
        fc.oneof(
          tie('t'),
          fc.record({ k: fc.constant('range' as const), r1: fc.nat(ROWS - 1), c1: fc.nat(COLS - 1), r2: fc.nat(ROWS - 1), c2: fc.nat(COLS - 1) }).map((x) => ({ ...x, r1: Math.min(x.r1, x.r2), r2: Math.max(x.r1, x.r2), c1: Math.min(x.c1, x.c2), c2: Math.max(x.c1, x.c2) })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    fc.record({ k: fc.constant('round' as const), a: tie('t'), d: fc.nat(3) }),
  ),
})).t;

const PREC = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const prec = (t: Tree) => (t.k === 'bin' ? PREC[t.op] : 3);

/** The tokens Excel stores for the tree (ptgParen where the typed text needs parentheses). */
function encode(t: Tree): number[] {
  const wrap = (x: Tree, need: boolean) => (need ? [...encode(x), ...ptg.paren()] : encode(x));
  switch (t.k) {
    case 'num':
      return Number.isInteger(t.v) && t.v <= 0xffff ? ptg.int(t.v) : ptg.num(t.v);
    case 'ref':
      return ptg.ref(t.r, t.c);
    case 'neg':
      return [...wrap(t.a, t.a.k === 'bin'), 0x13];
    case 'bin': {
      const ops = { '+': ptg.add, '-': ptg.sub, '*': ptg.mul, '/': ptg.div };
      return [...wrap(t.a, prec(t.a) < PREC[t.op]), ...wrap(t.b, prec(t.b) <= PREC[t.op]), ...ops[t.op]()];
    }
    case 'sum': {
      const args = t.args.flatMap((a) => (a.k === 'range' ? ptg.area(a.r1, a.c1, a.r2, a.c2) : encode(a)));
      return t.args.length === 1 ? [...args, ...ptg.sum()] : [...args, ...ptg.funcVar(4, t.args.length)];
    }
    case 'round':
      return [...encode(t.a), ...ptg.int(t.d), ...ptg.func(27)];
  }
}

/** The tree's value, directly. */
function direct(t: Tree): Dec | undefined {
  switch (t.k) {
    case 'num':
      return new Dec(t.v);
    case 'ref':
      return value(t.r, t.c);
    case 'neg':
      return direct(t.a)?.neg();
    case 'bin': {
      const a = direct(t.a);
      const b = direct(t.b);
      if (!a || !b) return undefined;
      return t.op === '+' ? a.plus(b) : t.op === '-' ? a.minus(b) : t.op === '*' ? a.mul(b) : b.isZero() ? undefined : a.div(b);
    }
    case 'sum': {
      let s = new Dec(0);
      for (const a of t.args) {
        if (a.k === 'range') {
          for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) s = s.plus(value(r, c));
          continue;
        }
        const v = direct(a);
        if (!v) return undefined;
        s = s.plus(v);
      }
      return s;
    }
    case 'round': {
      const a = direct(t.a);
      return a?.toDecimalPlaces(t.d, Dec.ROUND_HALF_UP);
    }
  }
}

const CELLS = new Map<string, Dec>();
for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) CELLS.set(a1(r, c), value(r, c));
const NO_SHEETS = { sheetOf: () => undefined };

describe('BIFF8 formulas decompiled', () => {
  it('evaluate as the formula Excel stored them from (random formulas against their direct value)', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = decompileFormula(new Uint8Array(encode(t)), undefined, NO_SHEETS);
        const parsed = parseFormula(text);
        expect(parsed, text).toBeDefined();
        const got = evaluate(parsed!, (ref) => CELLS.get(ref.replace(/\$/g, '')));
        const want = direct(t);
        expect(got === undefined ? 'undefined' : got.toString(), text).toBe(want === undefined ? 'undefined' : want.toString());
      }),
      { numRuns: 500, seed: 20201 },
    );
  });

  it('a shared formula\'s relative references are placed from the cell that uses it; absolute ones stay', () => {
    const rgce = new Uint8Array([...ptg.refN(-2, 0), ...ptg.refN(-3, 1), ...ptg.div(), ...ptg.ref(0, 0, { rowRel: false, colRel: false }), ...ptg.add()]);
    expect(decompileFormula(rgce, { row: 3, col: 2 }, NO_SHEETS)).toBe('C2/D1+$A$1');
    expect(decompileFormula(rgce, { row: 9, col: 4 }, NO_SHEETS)).toBe('E8/F7+$A$1');
  });

  it('another sheet\'s cell names the sheet; one of another workbook, a defined name or an unknown token is not read (…)', () => {
    const ctx = { sheetOf: (i: number) => (i === 0 ? "Na Hang's" : undefined) };
    expect(decompileFormula(new Uint8Array(ptg.ref3d(0, 2, 4)), undefined, ctx)).toBe("'Na Hang''s'!E3");
    expect(decompileFormula(new Uint8Array(ptg.ref3d(1, 2, 4)), undefined, ctx)).toBe('…');
    expect(decompileFormula(new Uint8Array([0x23, 1, 0, 0, 0]), undefined, ctx)).toBe('…');
    expect(decompileFormula(new Uint8Array([0xff]), undefined, ctx)).toBe('…');
  });

  it('any token stream gives a text, never a throw or a loop', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.option(fc.record({ row: fc.nat(70_000), col: fc.nat(300) }), { nil: undefined }), (bytes, base) => {
        expect(typeof decompileFormula(bytes, base, NO_SHEETS)).toBe('string');
      }),
      { numRuns: 2000, seed: 20201 },
    );
  });
});
