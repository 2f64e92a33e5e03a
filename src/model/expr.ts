/**
 * Expressions over cells, exact (Dec): what the checks say (`sum`: total − Σ parts = 0, `flow`, `rate-change`)
 * and what spreadsheet formulas compute. `parseFormula` is a small, safe parser for exactly the formulas
 * locate recomputes: numbers, A1 references and ranges, + − * /, parentheses, SUM(…) and ROUND(x; n), with
 * `;` or `,` between arguments. Anything else (other functions, other sheets, %, ^, text) is not recomputed:
 * the cell then counts as an entered value. No eval, bounded length and depth.
 */
import { Dec } from '../calc/decimal.js';
import { a1, parseA1 } from './grid.js';
import { scaledOf } from './value.js';

export type Expr =
  | { readonly k: 'num'; readonly v: Dec; readonly scaled?: ScaledConstant | null }
  | { readonly k: 'ref'; readonly ref: string }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'sum'; readonly args: readonly Expr[] }
  | { readonly k: 'round'; readonly a: Expr; readonly d: Expr };

/** A constant × 10^dp as a safe integer, dp its decimals. */
export interface ScaledConstant {
  readonly n: number;
  readonly dp: number;
}

/** A constant's scaled integer, or null when it has none in safe integers. */
export function scaledConstant(v: Dec): ScaledConstant | null {
  const dp = v.decimalPlaces();
  const n = dp < 16 ? scaledOf(v.toFixed(dp)) : undefined;
  return n === undefined ? null : { n, dp };
}

/**
 * A constant. A number's node (or a number written as text) is made once, with its scaled integer: a Dec never
 * changes, and every instance's form reads the same few (0, 100, a rate's bounds).
 */
export const num = (v: Dec | number | string): Expr => {
  if (typeof v === 'object' || (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))) return { k: 'num', v: new Dec(v) };
  let e = NUMBERS.get(v);
  if (e === undefined) {
    const d = new Dec(v);
    e = { k: 'num', v: d, scaled: scaledConstant(d) };
    if (NUMBERS.size < MAX_NUMBERS) NUMBERS.set(v, e);
  }
  return e;
};
const NUMBERS = new Map<number | string, Expr>();
const MAX_NUMBERS = 64;
export const ref = (r: string): Expr => ({ k: 'ref', ref: r });
export const sub = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '-', a, b });
export const sumOf = (args: Expr[]): Expr => ({ k: 'sum', args });

const MAX_FORMULA = 4000;
const MAX_DEPTH = 60;
const MAX_RANGE_CELLS = 100_000;

type Token =
  | { t: 'num'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: '+' | '-' | '*' | '/' }
  | { t: '(' }
  | { t: ')' }
  | { t: ':' }
  | { t: 'sep' };

function tokenize(src: string): Token[] | undefined {
  // With ';' between arguments (a Vietnamese-locale spreadsheet), ',' may be the decimal mark.
  const semicolons = src.includes(';');
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ':') {
      out.push({ t: c });
      i++;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/') {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === ';' || (c === ',' && !semicolons)) {
      out.push({ t: 'sep' });
      i++;
      continue;
    }
    const mNum = (semicolons ? /^(\d+(?:[.,]\d+)?)/ : /^(\d+(?:\.\d+)?)/).exec(src.slice(i));
    if (mNum) {
      // A number directly followed by letters is not a number (e.g. "1E5", "2x"): refuse.
      if (/^[A-Za-z_$]/.test(src.slice(i + mNum[1]!.length))) return undefined;
      out.push({ t: 'num', v: mNum[1]!.replace(',', '.') });
      i += mNum[1]!.length;
      continue;
    }
    const mRef = /^(\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6})(?![A-Za-z0-9_(!.])/.exec(src.slice(i));
    if (mRef) {
      out.push({ t: 'ref', v: mRef[1]! });
      i += mRef[1]!.length;
      continue;
    }
    const mName = /^([A-Za-z][A-Za-z0-9_.]*)(?=\s*\()/.exec(src.slice(i));
    if (mName) {
      out.push({ t: 'name', v: mName[1]!.toUpperCase() });
      i += mName[1]!.length;
      continue;
    }
    return undefined; // anything else: text, '!', '%', '^', '&', comparison, array constants…
  }
  return out;
}

function normRef(r: string): string | undefined {
  const p = parseA1(r);
  return p ? a1(p.row, p.col) : undefined;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Token[]) {}

  parseAll(): Expr | undefined {
    const e = this.expr();
    return e && this.i === this.toks.length ? e : undefined;
  }

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private enter(): boolean {
    return ++this.depth <= MAX_DEPTH;
  }

  private expr(): Expr | undefined {
    if (!this.enter()) return undefined;
    let left = this.term();
    while (left) {
      const t = this.peek();
      if (t?.t !== 'op' || (t.v !== '+' && t.v !== '-')) break;
      this.i++;
      const right = this.term();
      left = right ? { k: 'bin', op: t.v, a: left, b: right } : undefined;
    }
    this.depth--;
    return left;
  }

  private term(): Expr | undefined {
    let left = this.unary();
    while (left) {
      const t = this.peek();
      if (t?.t !== 'op' || (t.v !== '*' && t.v !== '/')) break;
      this.i++;
      const right = this.unary();
      left = right ? { k: 'bin', op: t.v, a: left, b: right } : undefined;
    }
    return left;
  }

  private unary(): Expr | undefined {
    const t = this.peek();
    if (t?.t === 'op' && (t.v === '-' || t.v === '+')) {
      this.i++;
      if (!this.enter()) return undefined;
      const a = this.unary();
      this.depth--;
      return a && (t.v === '-' ? { k: 'neg', a } : a);
    }
    return this.primary();
  }

  private primary(): Expr | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.t === 'num') {
      this.i++;
      return { k: 'num', v: new Dec(t.v) };
    }
    if (t.t === 'ref') {
      this.i++;
      const r = normRef(t.v);
      return r ? { k: 'ref', ref: r } : undefined;
    }
    if (t.t === '(') {
      this.i++;
      const e = this.expr();
      if (!e || this.peek()?.t !== ')') return undefined;
      this.i++;
      return e;
    }
    if (t.t === 'name') return this.call(t.v);
    return undefined;
  }

  private call(name: string): Expr | undefined {
    this.i++;
    if (this.peek()?.t !== '(') return undefined;
    this.i++;
    const args: Expr[][] = [];
    if (this.peek()?.t !== ')') {
      for (;;) {
        const a = this.arg();
        if (!a) return undefined;
        args.push(a);
        const t = this.peek();
        if (t?.t === 'sep') {
          this.i++;
          continue;
        }
        break;
      }
    }
    if (this.peek()?.t !== ')') return undefined;
    this.i++;
    if (name === 'SUM') return args.length > 0 ? { k: 'sum', args: args.flat() } : undefined;
    if (name === 'ROUND') {
      if (args.length !== 2 || args[0]!.length !== 1 || args[1]!.length !== 1) return undefined;
      return { k: 'round', a: args[0]![0]!, d: args[1]![0]! };
    }
    return undefined;
  }

  /** One argument: a range (expanded to its cells) or an expression. */
  private arg(): Expr[] | undefined {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t?.t === 'ref' && next?.t === ':') {
      const end = this.toks[this.i + 2];
      if (end?.t !== 'ref') return undefined;
      this.i += 3;
      const p = parseA1(t.v);
      const q = parseA1(end.v);
      if (!p || !q) return undefined;
      const [r0, r1] = [Math.min(p.row, q.row), Math.max(p.row, q.row)];
      const [c0, c1] = [Math.min(p.col, q.col), Math.max(p.col, q.col)];
      if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE_CELLS) return undefined;
      const out: Expr[] = [];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push({ k: 'ref', ref: a1(r, c) });
      return out;
    }
    const e = this.expr();
    return e ? [e] : undefined;
  }
}

/**
 * Parses a spreadsheet formula (with or without the leading "="). Undefined when it is not one of the
 * shapes povcheck recomputes.
 */
export function parseFormula(text: string): Expr | undefined {
  const src = text.trim().replace(/^=/, '');
  if (src === '' || src.length > MAX_FORMULA) return undefined;
  const toks = tokenize(src);
  if (!toks || toks.length === 0) return undefined;
  return new Parser(toks).parseAll();
}

/** Every cell an expression reads. */
export function refsOf(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.k) {
    case 'num':
      break;
    case 'ref':
      out.add(e.ref);
      break;
    case 'neg':
      refsOf(e.a, out);
      break;
    case 'bin':
      refsOf(e.a, out);
      refsOf(e.b, out);
      break;
    case 'sum':
      for (const a of e.args) refsOf(a, out);
      break;
    case 'round':
      refsOf(e.a, out);
      refsOf(e.d, out);
      break;
  }
  return out;
}

/** Exact value; undefined on a division by zero or an unknown cell. ROUND is half away from zero, as Excel's. */
export function evaluate(e: Expr, get: (ref: string) => Dec | undefined): Dec | undefined {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref':
      return get(e.ref);
    case 'neg': {
      const a = evaluate(e.a, get);
      return a?.neg();
    }
    case 'bin': {
      const a = evaluate(e.a, get);
      const b = evaluate(e.b, get);
      if (!a || !b) return undefined;
      if (e.op === '+') return a.plus(b);
      if (e.op === '-') return a.minus(b);
      if (e.op === '*') return a.mul(b);
      return b.isZero() ? undefined : a.div(b);
    }
    case 'sum': {
      let s = new Dec(0);
      for (const a of e.args) {
        const v = evaluate(a, get);
        if (!v) return undefined;
        s = s.plus(v);
      }
      return s;
    }
    case 'round': {
      const a = evaluate(e.a, get);
      const d = evaluate(e.d, get);
      if (!a || !d) return undefined;
      const digits = d.trunc().toNumber();
      if (!Number.isFinite(digits) || digits > 30 || digits < -30) return undefined;
      if (digits >= 0) return a.toDecimalPlaces(digits, Dec.ROUND_HALF_UP);
      const scale = new Dec(10).pow(-digits);
      return a.div(scale).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(scale);
    }
  }
}

/** An affine form Σ coef·cell + c. */
export interface Affine {
  readonly coefs: ReadonlyMap<string, Dec>;
  readonly c: Dec;
}

const constant = (c: Dec): Affine => ({ coefs: new Map(), c });

function combine(a: Affine, b: Affine, sb: Dec): Affine {
  const coefs = new Map(a.coefs);
  for (const [r, k] of b.coefs) {
    const v = (coefs.get(r) ?? new Dec(0)).plus(k.mul(sb));
    if (v.isZero()) coefs.delete(r);
    else coefs.set(r, v);
  }
  return { coefs, c: a.c.plus(b.c.mul(sb)) };
}

function scale(a: Affine, k: Dec): Affine {
  if (k.isZero()) return constant(new Dec(0));
  const coefs = new Map<string, Dec>();
  for (const [r, v] of a.coefs) coefs.set(r, v.mul(k));
  return { coefs, c: a.c.mul(k) };
}

/**
 * The affine form of `e` in the variables that `leaf` reports: `leaf(ref)` gives a cell's own form (a
 * variable, a constant, or a computed cell's form) or null when the cell makes the expression non-affine.
 * Null when the expression is not affine in them (a product of two variables, ROUND over a variable…), or
 * undefined-valued (division by zero).
 */
export function affineOf(e: Expr, leaf: (ref: string) => Affine | null): Affine | null {
  switch (e.k) {
    case 'num':
      return constant(e.v);
    case 'ref':
      return leaf(e.ref);
    case 'neg': {
      const a = affineOf(e.a, leaf);
      return a && scale(a, new Dec(-1));
    }
    case 'bin': {
      const a = affineOf(e.a, leaf);
      const b = affineOf(e.b, leaf);
      if (!a || !b) return null;
      if (e.op === '+') return combine(a, b, new Dec(1));
      if (e.op === '-') return combine(a, b, new Dec(-1));
      if (e.op === '*') {
        if (a.coefs.size === 0) return scale(b, a.c);
        if (b.coefs.size === 0) return scale(a, b.c);
        return null;
      }
      if (b.coefs.size !== 0 || b.c.isZero()) return null;
      return scale(a, new Dec(1).div(b.c));
    }
    case 'sum': {
      // One map for all the terms (a total over hundreds of communes).
      const coefs = new Map<string, Dec>();
      let c = new Dec(0);
      for (const x of e.args) {
        const a = affineOf(x, leaf);
        if (!a) return null;
        for (const [r, k] of a.coefs) {
          const v = (coefs.get(r) ?? new Dec(0)).plus(k);
          if (v.isZero()) coefs.delete(r);
          else coefs.set(r, v);
        }
        c = c.plus(a.c);
      }
      return { coefs, c };
    }
    case 'round': {
      const a = affineOf(e.a, leaf);
      const d = affineOf(e.d, leaf);
      if (!a || !d || a.coefs.size > 0 || d.coefs.size > 0) return null;
      const v = evaluate({ k: 'round', a: { k: 'num', v: a.c }, d: { k: 'num', v: d.c } }, () => undefined);
      return v ? constant(v) : null;
    }
  }
}

/** An affine form with whole coefficients and constant, in numbers (`wholeAffineOf`'s working form). */
interface WholeAffine {
  readonly coefs: Map<string, number>;
  readonly c: number;
}

/**
 * `affineOf` where every cell `isVar` accepts is its own variable (coefficient 1), worked in safe integers and
 * the decimals made once at the end; undefined where it cannot be so (a constant with decimals, a product of
 * two variables, a quotient, a rounding, a cell `isVar` refuses, a figure past the safe integers): `affineOf`
 * answers then. Where it answers, its form is affineOf's: the same steps in the same order (coefficients that
 * come to 0 dropped, the others in the order they came), exact in integers as in decimals
 * (test/model/expr.test.ts). A sum over a district's communes is one map of numbers, not a decimal per step.
 */
export function wholeAffineOf(e: Expr, isVar: (ref: string) => boolean): Affine | undefined {
  const w = wholeForm(e, isVar);
  if (w === undefined) return undefined;
  const coefs = new Map<string, Dec>();
  for (const [r, k] of w.coefs) coefs.set(r, new Dec(k));
  return { coefs, c: new Dec(w.c) };
}

const whole = (x: number): number | undefined => (Number.isSafeInteger(x) ? x : undefined);

function wholeForm(e: Expr, isVar: (ref: string) => boolean): WholeAffine | undefined {
  switch (e.k) {
    case 'num': {
      const s = e.scaled === undefined ? scaledConstant(e.v) : e.scaled;
      // A negative zero is a decimal's -0 (its scaled integer reads 0).
      return s && s.dp === 0 ? { coefs: new Map(), c: s.n === 0 && e.v.isNegative() ? -0 : s.n } : undefined;
    }
    case 'ref':
      return isVar(e.ref) ? { coefs: new Map([[e.ref, 1]]), c: 0 } : undefined;
    case 'neg': {
      const a = wholeForm(e.a, isVar);
      return a && wholeScale(a, -1);
    }
    case 'bin': {
      if (e.op === '/') return undefined;
      const a = wholeForm(e.a, isVar);
      const b = a && wholeForm(e.b, isVar);
      if (!a || !b) return undefined;
      if (e.op === '+') return wholeCombine(a, b, 1);
      if (e.op === '-') return wholeCombine(a, b, -1);
      if (a.coefs.size === 0) return wholeScale(b, a.c);
      if (b.coefs.size === 0) return wholeScale(a, b.c);
      return undefined;
    }
    case 'sum': {
      const coefs = new Map<string, number>();
      let c = 0;
      for (const x of e.args) {
        const a = wholeForm(x, isVar);
        if (!a) return undefined;
        for (const [r, k] of a.coefs) {
          const v = whole((coefs.get(r) ?? 0) + k);
          if (v === undefined) return undefined;
          if (v === 0) coefs.delete(r);
          else coefs.set(r, v);
        }
        // Numbers add and multiply zeros' signs as decimal.js does (-0 + 0 = 0, 0 · −1 = −0): the constant is the same.
        const sum = whole(c + a.c);
        if (sum === undefined) return undefined;
        c = sum;
      }
      return { coefs, c };
    }
    case 'round':
      return undefined;
  }
}

/** affineOf's `combine` in integers. */
function wholeCombine(a: WholeAffine, b: WholeAffine, sb: number): WholeAffine | undefined {
  const coefs = new Map(a.coefs);
  for (const [r, k] of b.coefs) {
    const v = whole((coefs.get(r) ?? 0) + k * sb);
    if (v === undefined) return undefined;
    if (v === 0) coefs.delete(r);
    else coefs.set(r, v);
  }
  const c = whole(a.c + b.c * sb);
  return c === undefined ? undefined : { coefs, c };
}

/** affineOf's `scale` in integers. */
function wholeScale(a: WholeAffine, k: number): WholeAffine | undefined {
  if (k === 0) return { coefs: new Map(), c: 0 };
  const coefs = new Map<string, number>();
  for (const [r, v] of a.coefs) {
    const x = whole(v * k);
    if (x === undefined) return undefined;
    coefs.set(r, x);
  }
  const c = whole(a.c * k);
  return c === undefined ? undefined : { coefs, c };
}

/** A formula as written, for reports: the leading "=" added when missing. */
export function showFormula(text: string): string {
  const t = text.trim();
  return t.startsWith('=') ? t : `=${t}`;
}

/**
 * The sheet a formula takes its one cell from (`='Na Hang'!E3`, `=Sheet2!$E$3`), when that is all it does: where
 * a summary sheet's figure is to be corrected (parseFormula reads no other sheet).
 */
export function sheetTakenFrom(formula: string): { sheet?: string } {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^\s'!=(),;+\-*/]+))!\$?[A-Za-z]{1,3}\$?\d+\s*$/.exec(formula);
  const sheet = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
  return sheet ? { sheet } : {};
}
