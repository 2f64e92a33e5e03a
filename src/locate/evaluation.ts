/**
 * Checks evaluated exactly: the value of every cell under a change of some entered cells (computed cells
 * recomputed), whether a check or a guard holds, and the rate rule's rounding comparison, exact and cheap.
 */
import { Dec } from '../calc/decimal.js';
import { evaluate, ref, scaledConstant, sub, sumOf, type Expr, type ScaledConstant } from '../model/expr.js';
import type { Form } from '../relations/types.js';
import type { Check, Guard, LCell, System } from './model.js';
import { rateMatchesAt, scaleTo } from '../calc/scaled.js';
import { halfUnit } from '../calc/annex-math.js';

/** ½·10^−dp by dp: rates are compared at a few precisions only, so each is made once. */

/** Checks over more cells than this are moved along their affine form rather than evaluated. */
const AFFINE_FROM = 8;

export interface RoundingInterval {
  lo: Dec;
  loStrict: boolean;
  hi: Dec;
  hiStrict: boolean;
}

/**
 * The value interval of x with round_half_up(x, dp) = r, for r with at most dp decimals (h = ½·10^−dp):
 * [r − h, r + h) for r > 0, (−h, h) for 0, (r − h, r + h] below.
 */
export function roundingInterval(r: Dec, dp: number): RoundingInterval {
  const h = halfUnit(dp);
  if (r.gt(0)) return { lo: r.minus(h), loStrict: false, hi: r.plus(h), hiStrict: true };
  if (r.isZero()) return { lo: h.neg(), loStrict: true, hi: h, hiStrict: true };
  return { lo: r.minus(h), loStrict: true, hi: r.plus(h), hiStrict: false };
}

/**
 * round_half_up(100·p/h, dp) = round_half_up(r, dp), the rate rule's comparison. For h > 0 it multiplies
 * instead of dividing: 100p lies in the rounding interval of round_half_up(r, dp) times h, exact and cheap.
 */
export function rateMatches(p: Dec, h: Dec, r: Dec, dp: number): boolean {
  const target = r.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
  if (!h.gt(0)) return p.mul(100).div(h).toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(target);
  const iv = roundingInterval(target, dp);
  const x = p.mul(100);
  const lo = iv.lo.mul(h);
  const hi = iv.hi.mul(h);
  return (iv.loStrict ? x.gt(lo) : x.gte(lo)) && (iv.hiStrict ? x.lt(hi) : x.lte(hi));
}

/**
 * Values of every cell under a change of some entered cells. Computed cells are recomputed on demand.
 * `dpOf` gives the decimals a cell shows, which the rate check compares at.
 */
export class Evaluation {
  private readonly memo = new Map<string, Dec | undefined>();
  constructor(
    private readonly sys: System,
    private readonly changes: ReadonlyMap<string, Dec>,
  ) {}

  get = (r: string): Dec | undefined => {
    const ch = this.changes.get(r);
    if (ch) return ch;
    if (this.changes.size === 0) return this.sys.baseValue(r);
    if (this.memo.has(r)) return this.memo.get(r);
    const c = this.sys.cells.get(r);
    let v: Dec | undefined;
    if (!c) v = undefined;
    else if (c.formula?.role === 'computed') v = evaluate(c.formula.expr!, this.get);
    else v = c.base;
    this.memo.set(r, v);
    return v;
  };

  dpOf(r: string): number {
    const c = this.sys.cells.get(r);
    if (this.changes.has(r)) return c?.proposalDp ?? 0;
    return c?.dp ?? 0;
  }

  holds(check: Check): boolean {
    const b = check.body;
    if (this.changes.size === 0) {
      const known = holdsInIntegers(b, this.sys.enteredCell);
      if (known !== undefined) return known;
    }
    if (b.type === 'eq') {
      // An affine check moves by its coefficients times the changes: O(changes), not O(terms). A sum over a
      // thousand communes is otherwise re-added for every candidate; a check over a few cells is evaluated
      // (its affine form, a map of decimals, would cost more than it saves).
      if (this.changes.size > 0 && check.vars.size > AFFINE_FROM && check.affine) {
        const r0 = this.sys.residual(check);
        if (r0 === undefined) return true;
        let v = r0;
        for (const [ref, x] of this.changes) {
          const k = check.affine.coefs.get(ref);
          if (k) v = v.plus(k.mul(x.minus(this.sys.cells.get(ref)!.base)));
        }
        return v.isZero();
      }
      const v = evaluate(b.expr, this.get);
      return v === undefined || v.isZero();
    }
    if (b.type === 'rate') {
      const h = this.get(b.h);
      const p = this.get(b.p);
      const r = this.get(b.r);
      if (!h || !p || !r) return true;
      // Over no households: 0 / 0 has only the rate 0; a count above 0 is range's (more than its households).
      if (h.isZero()) return !p.isZero() || r.isZero();
      return rateMatches(p, h, r, Math.max(b.minDp, this.dpOf(b.r)));
    }
    if (b.type === 'le') {
      const x = evaluate(b.a, this.get);
      const y = evaluate(b.b, this.get);
      return !x || !y || x.lte(y);
    }
    if (b.type === 'within') {
      const v = evaluate(b.expr, this.get);
      return v === undefined || v.abs().lte(withinTol(b, (r) => this.changes.has(r), (r) => this.dpOf(r)));
    }
    return b.holds(this.get, (r) => (this.changes.has(r) ? this.sys.cells.get(r)?.proposalDp : undefined));
  }

  guardHolds(g: Guard): boolean {
    const a = evaluate(g.a, this.get);
    const b = evaluate(g.b, this.get);
    return !a || !b || a.lte(b);
  }
}

/**
 * Whether a check holds on the table as it is, decided in integers: every cell it reads is an entered value
 * held as a safe integer × 10^−decimals (model/value.ts `scaled`) and it adds, subtracts and compares them,
 * or is the rate rule's comparison of whole counts (calc/scaled.ts). Undefined otherwise (a computed cell or
 * one not loaded, a product, a quotient, a rounding, a value past the safe integers, a tolerance or a test):
 * the caller then evaluates in decimals, which gives the same answer (test/locate/evaluation.test.ts).
 */
export function holdsInIntegers(b: Form, entered: EnteredCell): boolean | undefined {
  switch (b.type) {
    case 'eq': {
      const dp = decimalsIn(b.expr, entered);
      const v = dp < 0 ? undefined : scaledValue(b.expr, dp, entered);
      return v === undefined ? undefined : v === 0;
    }
    case 'le': {
      const sign = compareInIntegers(b.a, b.b, entered);
      return sign === undefined ? undefined : sign <= 0;
    }
    case 'rate': {
      const [h, p, r] = [entered(b.h), entered(b.p), entered(b.r)];
      if (!h || !p || !r || h.value.scaled === undefined || p.value.scaled === undefined || r.value.scaled === undefined) return undefined;
      if (h.value.scaled === 0) return p.value.scaled !== 0 || r.value.scaled === 0;
      if (h.dp !== 0 || p.dp !== 0 || h.value.scaled < 0) return undefined;
      return rateMatchesAt(p.value.scaled, h.value.scaled, r.value.scaled, r.dp, b.minDp);
    }
    default:
      return undefined;
  }
}

/** The sign of a − b on the table as it is, in integers as `holdsInIntegers` decides, or undefined. */
export function compareInIntegers(a: Expr, b: Expr, entered: EnteredCell): number | undefined {
  const da = decimalsIn(a, entered);
  const db = decimalsIn(b, entered);
  if (da < 0 || db < 0) return undefined;
  const dp = Math.max(da, db);
  const x = scaledValue(a, dp, entered);
  const y = scaledValue(b, dp, entered);
  return x === undefined || y === undefined ? undefined : Math.sign(x - y);
}

/** A cell whose value is its entered one (System.enteredCell). */
type EnteredCell = (ref: string) => LCell | undefined;

/** A constant's scaled integer and decimals, or null (kept on the nodes `num` makes, else worked out). */
const constantOf = (e: Extract<Expr, { k: 'num' }>): ScaledConstant | null => (e.scaled !== undefined ? e.scaled : scaledConstant(e.v));

/** The most decimals of an expression's cells and constants when it only adds, subtracts and negates entered scaled values; −1 otherwise. */
function decimalsIn(e: Expr, entered: EnteredCell): number {
  switch (e.k) {
    case 'num':
      return constantOf(e)?.dp ?? -1;
    case 'ref': {
      const c = entered(e.ref);
      return c && c.value.scaled !== undefined ? c.dp : -1;
    }
    case 'neg':
      return decimalsIn(e.a, entered);
    case 'bin': {
      if (e.op !== '+' && e.op !== '-') return -1;
      const a = decimalsIn(e.a, entered);
      const b = decimalsIn(e.b, entered);
      return a < 0 || b < 0 ? -1 : Math.max(a, b);
    }
    case 'sum': {
      let dp = 0;
      for (const a of e.args) {
        const x = decimalsIn(a, entered);
        if (x < 0) return -1;
        if (x > dp) dp = x;
      }
      return dp;
    }
    default:
      return -1;
  }
}

/** An expression `decimalsIn` accepts, × 10^dp (dp at least its decimals), or undefined past the safe integers. */
function scaledValue(e: Expr, dp: number, entered: EnteredCell): number | undefined {
  switch (e.k) {
    case 'num': {
      const c = constantOf(e)!;
      return scaleTo(c.n, c.dp, dp);
    }
    case 'ref': {
      const c = entered(e.ref)!;
      return scaleTo(c.value.scaled!, c.dp, dp);
    }
    case 'neg': {
      const a = scaledValue(e.a, dp, entered);
      return a === undefined ? undefined : -a;
    }
    case 'bin': {
      const a = scaledValue(e.a, dp, entered);
      const b = scaledValue(e.b, dp, entered);
      if (a === undefined || b === undefined) return undefined;
      const v = e.op === '+' ? a + b : a - b;
      return Number.isSafeInteger(v) ? v : undefined;
    }
    case 'sum': {
      let s = 0;
      for (const a of e.args) {
        const x = scaledValue(a, dp, entered);
        if (x === undefined) return undefined;
        s += x;
        if (!Number.isSafeInteger(s)) return undefined;
      }
      return s;
    }
    default:
      return undefined;
  }
}

/** The cells a form reads, as one expression (for its variables). */
export function formExpr(f: Form): Expr {
  switch (f.type) {
    case 'eq':
    case 'within':
      return f.expr;
    case 'rate':
      return sumOf([ref(f.r), ref(f.p), ref(f.h)]);
    case 'le':
      return sub(f.b, f.a);
    case 'test':
      return sumOf(f.refs.map(ref));
  }
}

/**
 * A `within` form's tolerance: its cells' half-units, each changed cell's at the decimals it is proposed with
 * (`dpOf`), the others' at their printed decimals; the form's fixed `tol` when it names no cells.
 */
export function withinTol(f: Extract<Form, { type: 'within' }>, changed: (ref: string) => boolean, dpOf: (ref: string) => number): Dec {
  if (!f.tolCells) return new Dec(f.tol);
  let tol = new Dec(0);
  for (const c of f.tolCells) tol = tol.plus(halfUnit(changed(c.ref) ? dpOf(c.ref) : c.dp));
  return tol;
}
