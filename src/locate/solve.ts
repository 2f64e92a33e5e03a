/**
 * Solving the checks for one or two changed cells, exactly.
 *
 * The affine checks (sum, flow, rate-change over printed rates, and formulas made of SUM / + − / constant
 * factors) give linear equations; with one or two unknowns they pin a value, tie the two together on a
 * line, or leave them free. A rate check is an interval: round(100·P/H, 2) = R holds for a range of P (or
 * of H), so on the line it bounds the parameter; with R itself unknown it pins R. The range checks that
 * hold now bound the parameter too. Anything else (ROUND over an unknown, both P and H unknown) is
 * checked point by point on a bounded stretch of the line. Every solution is finally verified by exact
 * evaluation of all the checks it touches.
 */
import { Dec } from '../calc/decimal.js';
import { affineOf, type Affine, type Expr } from '../model/expr.js';
import { Evaluation, rateMatches, roundingInterval, type Check, type Guard, type System } from './model.js';

/** The solutions for a set of cells: values as base + dir·t for t on the lattice step·ℤ within [lo, hi]. */
export interface SolutionSet {
  readonly vars: readonly string[];
  readonly base: readonly Dec[];
  readonly dir: readonly Dec[];
  readonly step: Dec;
  /** Inclusive bounds of t; undefined = unbounded on that side. */
  readonly lo?: Dec;
  readonly hi?: Dec;
  /** When the set was enumerated and is not every lattice point between lo and hi. */
  readonly points?: readonly Dec[];
}

export type SolveOutcome = { kind: 'none' } | { kind: 'limit' } | { kind: 'found'; set: SolutionSet };

export interface SolveLimits {
  /** Most points checked one by one on a line. */
  enumLimit: number;
}

export const isPoint = (s: SolutionSet): boolean =>
  s.dir.every((d) => d.isZero()) || (s.lo !== undefined && s.hi !== undefined && s.lo.eq(s.hi)) || s.points?.length === 1;

/** The values at parameter t. */
export function valuesAt(s: SolutionSet, t: Dec): Dec[] {
  return s.base.map((b, i) => b.plus(s.dir[i]!.mul(t)));
}

/** The parameter of one point of the set (the only one, or the first). */
export function someT(s: SolutionSet): Dec {
  if (s.points?.length) return s.points[0]!;
  return s.lo ?? s.hi ?? new Dec(0);
}

/** Whether a value vector is in the set (t recovered from the first var that moves). */
export function contains(s: SolutionSet, values: readonly Dec[]): boolean {
  const i = s.dir.findIndex((d) => !d.isZero());
  if (i < 0) return s.base.every((b, j) => b.eq(values[j]!));
  const t = values[i]!.minus(s.base[i]!).div(s.dir[i]!);
  if (!t.div(s.step).isInteger()) return false;
  if (!valuesAt(s, t).every((v, j) => v.eq(values[j]!))) return false;
  if (s.points) return s.points.some((p) => p.eq(t));
  return (s.lo === undefined || t.gte(s.lo)) && (s.hi === undefined || t.lte(s.hi));
}

export function stepOf(sys: System, r: string): Dec {
  const c = sys.cells.get(r);
  return c?.kind === 'rate' ? new Dec(10).pow(-c.proposalDp) : new Dec(1);
}

interface Bounds {
  lo?: Dec;
  hi?: Dec;
  empty: boolean;
}

/** Tightens `b` with `a + k·t  op  v` for t on the lattice step·ℤ. */
function bound(b: Bounds, a: Dec, k: Dec, op: '>=' | '>' | '<=' | '<', v: Dec, step: Dec): void {
  if (b.empty) return;
  if (k.isZero()) {
    const ok = op === '>=' ? a.gte(v) : op === '>' ? a.gt(v) : op === '<=' ? a.lte(v) : a.lt(v);
    if (!ok) b.empty = true;
    return;
  }
  // k·t op (v − a); dividing by a negative k flips the comparison.
  let o = op;
  if (k.isNegative()) o = op === '>=' ? '<=' : op === '>' ? '<' : op === '<=' ? '>=' : '>';
  const x = v.minus(a).div(k).div(step); // in lattice units
  if (o === '>=' || o === '>') {
    let n = x.ceil();
    if (o === '>' && n.eq(x)) n = n.plus(1);
    const lo = n.mul(step);
    if (b.lo === undefined || lo.gt(b.lo)) b.lo = lo;
  } else {
    let n = x.floor();
    if (o === '<' && n.eq(x)) n = n.minus(1);
    const hi = n.mul(step);
    if (b.hi === undefined || hi.lt(b.hi)) b.hi = hi;
  }
  if (b.lo !== undefined && b.hi !== undefined && b.lo.gt(b.hi)) b.empty = true;
}

interface Line {
  base: Dec[];
  dir: Dec[];
  step: Dec;
}

/**
 * All values of `vars` (one or two entered cells) that make every check touching them hold, with every
 * other cell as it is.
 */
export function solve(sys: System, vars: readonly string[], limits: SolveLimits): SolveOutcome {
  const checks = new Map<number, Check>();
  const guards = new Map<number, Guard>();
  for (const v of vars) {
    for (const c of sys.checksOf(v)) checks.set(c.id, c);
    for (const g of sys.guardsOf(v)) guards.set(g.id, g);
  }
  const baseOf = vars.map((v) => sys.cells.get(v)!.base);
  const steps = vars.map((v) => stepOf(sys, v));

  // Affine form of anything in the unknowns: Σ coef·x + const, from a global affine form.
  const restrict = (a: Affine, r0: Dec): { coefs: Dec[]; k: Dec } => {
    const coefs = vars.map((v) => a.coefs.get(v) ?? new Dec(0));
    let k = r0;
    coefs.forEach((c, i) => (k = k.minus(c.mul(baseOf[i]!))));
    return { coefs, k };
  };

  // 1. Linear equations.
  const rows: Array<{ coefs: Dec[]; k: Dec }> = [];
  const filters: Check[] = [];
  for (const c of checks.values()) {
    if (c.body.type === 'eq' && c.affine) {
      // r0: the residual now (the expression's value with nothing changed).
      const r0 = sys.residual(c);
      if (!r0) {
        filters.push(c);
        continue;
      }
      rows.push(restrict(c.affine, r0));
    } else if (c.body.type === 'eq') {
      // Not affine in every cell (ROUND over counts), but perhaps in these unknowns, the rest held fixed.
      const local = affineIn(sys, c.body.expr, vars);
      if (local) rows.push({ coefs: vars.map((v) => local.coefs.get(v) ?? new Dec(0)), k: local.c });
      else filters.push(c);
    } else filters.push(c);
  }
  const line = eliminate(rows, vars.length, steps);
  if (line === 'none') return { kind: 'none' };
  if (line === 'free2') return { kind: 'limit' };

  // The values must lie on their lattices (whole households; rates at the table's precision).
  const free = line.dir.findIndex((d) => !d.isZero());
  for (let i = 0; i < vars.length; i++) {
    if (line.dir[i]!.isZero()) {
      if (!line.base[i]!.div(steps[i]!).isInteger()) return { kind: 'none' };
    } else if (!line.dir[i]!.mul(line.step).div(steps[i]!).isInteger() || !line.base[i]!.div(steps[i]!).isInteger()) {
      return { kind: 'limit' };
    }
  }
  const unchanged = (vals: Dec[]) => vals.some((v, i) => v.eq(baseOf[i]!));

  if (free < 0) {
    const vals = line.base;
    if (unchanged(vals) || !verify(sys, vars, vals, checks, guards)) return { kind: 'none' };
    return { kind: 'found', set: { vars, base: vals, dir: line.dir, step: line.step } };
  }

  // 2. Bounds on t from the rate checks and guards; the rest is checked point by point.
  const b: Bounds = { empty: false };
  const formIn = (r: string): { a: Dec; k: Dec } | null => {
    const aff = sys.affineOfCell(r);
    const v0 = sys.baseValue(r);
    if (!aff || !v0) return null;
    const { coefs, k } = restrict(aff, v0);
    let a = k;
    let kk = new Dec(0);
    coefs.forEach((c, i) => {
      a = a.plus(c.mul(line.base[i]!));
      kk = kk.plus(c.mul(line.dir[i]!));
    });
    return { a, k: kk };
  };
  const pointChecks: Check[] = [];
  // An expression's value along the line: a + k·t (null when it is not affine in the unknowns).
  const exprIn = (e: Expr): { a: Dec; k: Dec } | null => {
    const local = affineIn(sys, e, vars);
    if (!local) return null;
    let a = local.c;
    let kk = new Dec(0);
    vars.forEach((v, i) => {
      const c = local.coefs.get(v) ?? new Dec(0);
      a = a.plus(c.mul(line.base[i]!));
      kk = kk.plus(c.mul(line.dir[i]!));
    });
    return { a, k: kk };
  };
  for (const c of filters) {
    const body = c.body;
    if (body.type === 'le' || body.type === 'within') {
      // Bounds: a ≤ b, or −tol ≤ e ≤ tol, where affine in the unknowns; else point by point.
      const e = exprIn(body.type === 'le' ? { k: 'bin', op: '-', a: body.b, b: body.a } : body.expr);
      if (!e) {
        pointChecks.push(c);
        continue;
      }
      if (body.type === 'le') bound(b, e.a, e.k, '>=', new Dec(0), line.step);
      else {
        bound(b, e.a, e.k, '>=', new Dec(body.tol).neg(), line.step);
        bound(b, e.a, e.k, '<=', new Dec(body.tol), line.step);
      }
      continue;
    }
    if (body.type === 'test') {
      // A relation that knows, for one cell moving alone, the exact values that satisfy it.
      const moving = vars.filter((v, i) => !line.dir[i]!.isZero() && body.refs.includes(v));
      const iv = moving.length === 1 && body.bounds ? body.bounds(moving[0]!, (r) => sys.baseValue(r)) : undefined;
      const x = iv && formIn(moving[0]!);
      if (!iv || !x) {
        pointChecks.push(c);
        continue;
      }
      if (iv.lo !== undefined) bound(b, x.a, x.k, iv.loStrict ? '>' : '>=', iv.lo, line.step);
      if (iv.hi !== undefined) bound(b, x.a, x.k, iv.hiStrict ? '<' : '<=', iv.hi, line.step);
      continue;
    }
    if (body.type !== 'rate') {
      pointChecks.push(c);
      continue;
    }
    const R = formIn(body.r);
    const P = formIn(body.p);
    const H = formIn(body.h);
    if (!R || !P || !H) {
      pointChecks.push(c);
      continue;
    }
    const moving = [R, P, H].filter((f) => !f.k.isZero()).length;
    const rIsVar = vars.includes(body.r);
    const dpR = rIsVar ? sys.cells.get(body.r)!.proposalDp : Math.max(body.minDp, sys.cells.get(body.r)?.dp ?? 0);
    if (moving === 0) {
      if (!H.a.isZero() && !rateMatches(P.a, H.a, R.a, dpR)) {
        return { kind: 'none' };
      }
      continue;
    }
    if (moving !== 1) {
      pointChecks.push(c);
      continue;
    }
    if (!R.k.isZero()) {
      // The printed rate moves: pinned by the counts, at the precision proposed rates are written with.
      if (!rIsVar || H.a.isZero()) {
        pointChecks.push(c);
        continue;
      }
      const target = P.a.mul(100).div(H.a).toDecimalPlaces(dpR, Dec.ROUND_HALF_UP);
      bound(b, R.a, R.k, '>=', target, line.step);
      bound(b, R.a, R.k, '<=', target, line.step);
      continue;
    }
    const iv = roundingInterval(R.a, dpR);
    if (!P.k.isZero()) {
      // x = 100·P(t)/H, H fixed.
      if (H.a.isZero()) continue; // unchecked
      const a = P.a.mul(100).div(H.a);
      const k = P.k.mul(100).div(H.a);
      bound(b, a, k, iv.loStrict ? '>' : '>=', iv.lo, line.step);
      bound(b, a, k, iv.hiStrict ? '<' : '<=', iv.hi, line.step);
      continue;
    }
    // x = 100·P/H(t), P fixed and positive, H > 0: lo ≤ 100P/H ⇔ H ≤ 100P/lo (lo > 0); 100P/H < hi ⇔ H > 100P/hi.
    if (!P.a.gt(0)) {
      pointChecks.push(c);
      continue;
    }
    const p100 = P.a.mul(100);
    bound(b, H.a, H.k, '>', new Dec(0), line.step);
    if (iv.hi.lte(0)) return { kind: 'none' };
    bound(b, H.a, H.k, iv.hiStrict ? '>' : '>=', p100.div(iv.hi), line.step);
    if (iv.lo.gt(0)) bound(b, H.a, H.k, iv.loStrict ? '<' : '<=', p100.div(iv.lo), line.step);
  }
  for (const g of guards.values()) {
    if (!g.affine) continue; // checked point by point in verify
    const r0 = sys.slack(g);
    if (!r0) continue;
    const { coefs, k } = restrict(g.affine, r0);
    let a = k;
    let kk = new Dec(0);
    coefs.forEach((c, i) => {
      a = a.plus(c.mul(line.base[i]!));
      kk = kk.plus(c.mul(line.dir[i]!));
    });
    bound(b, a, kk, '>=', new Dec(0), line.step);
  }
  if (b.empty) return { kind: 'none' };
  const pointGuards = [...guards.values()].some((g) => !g.affine);

  const at = (t: Dec) => valuesAt({ vars, base: line.base, dir: line.dir, step: line.step }, t);
  const bounded = b.lo !== undefined && b.hi !== undefined;
  const count = bounded ? b.hi!.minus(b.lo!).div(line.step).plus(1) : undefined;

  if (pointChecks.length === 0 && !pointGuards) {
    // The interval is the answer; verify its ends (and drop an end where a cell would keep its value).
    let lo = b.lo;
    let hi = b.hi;
    const okAt = (t: Dec) => !unchanged(at(t)) && verify(sys, vars, at(t), checks, guards);
    if (lo !== undefined && !okAt(lo)) lo = lo.plus(line.step);
    if (hi !== undefined && !okAt(hi)) hi = hi.minus(line.step);
    if (lo !== undefined && hi !== undefined && lo.gt(hi)) return { kind: 'none' };
    const probe = lo ?? hi;
    if (probe !== undefined && !okAt(probe)) return enumerate(sys, vars, line, b, checks, guards, limits, unchanged);
    if (probe === undefined) return { kind: 'limit' };
    return { kind: 'found', set: { vars, base: line.base, dir: line.dir, step: line.step, ...(lo !== undefined ? { lo } : {}), ...(hi !== undefined ? { hi } : {}) } };
  }
  if (!bounded || count!.gt(limits.enumLimit)) return { kind: 'limit' };
  return enumerate(sys, vars, line, b, checks, guards, limits, unchanged);
}

function enumerate(
  sys: System,
  vars: readonly string[],
  line: Line,
  b: Bounds,
  checks: Map<number, Check>,
  guards: Map<number, Guard>,
  limits: SolveLimits,
  unchanged: (vals: Dec[]) => boolean,
): SolveOutcome {
  if (b.lo === undefined || b.hi === undefined) return { kind: 'limit' };
  const count = b.hi.minus(b.lo).div(line.step).plus(1);
  if (count.gt(limits.enumLimit)) return { kind: 'limit' };
  const points: Dec[] = [];
  for (let t = b.lo; t.lte(b.hi); t = t.plus(line.step)) {
    const vals = line.base.map((x, i) => x.plus(line.dir[i]!.mul(t)));
    if (!unchanged(vals) && verify(sys, vars, vals, checks, guards)) points.push(t);
  }
  if (points.length === 0) return { kind: 'none' };
  const contiguous = points[points.length - 1]!.minus(points[0]!).div(line.step).plus(1).eq(points.length);
  return {
    kind: 'found',
    set: { vars, base: line.base, dir: line.dir, step: line.step, lo: points[0]!, hi: points[points.length - 1]!, ...(contiguous ? {} : { points }) },
  };
}

/** The affine form of `e` in the unknowns `vars`, every other cell at its current value; null if not affine. */
function affineIn(sys: System, e: Expr, vars: readonly string[]): Affine | null {
  const memo = new Map<string, Affine | null>();
  const leaf = (r: string): Affine | null => {
    if (memo.has(r)) return memo.get(r)!;
    let a: Affine | null;
    const c = sys.cells.get(r);
    if (vars.includes(r)) a = { coefs: new Map([[r, new Dec(1)]]), c: new Dec(0) };
    else if (c?.formula?.role === 'computed' && vars.some((v) => sys.depsOf(r).has(v))) a = affineOf(c.formula.expr!, leaf);
    else {
      const v = sys.baseValue(r);
      a = v ? { coefs: new Map(), c: v } : null;
    }
    memo.set(r, a);
    return a;
  };
  return affineOf(e, leaf);
}

/** Exact check of every check and guard touching the unknowns at these values. */
export function verify(sys: System, vars: readonly string[], vals: readonly Dec[], checks: Map<number, Check>, guards: Map<number, Guard>): boolean {
  const ev = new Evaluation(sys, new Map(vars.map((v, i) => [v, vals[i]!])));
  for (const c of checks.values()) if (!ev.holds(c)) return false;
  for (const g of guards.values()) if (!ev.guardHolds(g)) return false;
  return true;
}

/**
 * Gaussian elimination for one or two unknowns (rows: Σ coef·x + k = 0). Gives the solution line
 * x = base + dir·t (dir all zero for a single point), 'none' when inconsistent, 'free2' when two unknowns
 * are left free.
 */
function eliminate(rows: Array<{ coefs: Dec[]; k: Dec }>, n: number, steps: Dec[]): Line | 'none' | 'free2' {
  const zero = new Dec(0);
  const live = rows.filter((r) => {
    if (r.coefs.every((c) => c.isZero())) return false;
    return true;
  });
  // Rows without unknowns must already hold.
  for (const r of rows) if (r.coefs.every((c) => c.isZero()) && !r.k.isZero()) return 'none';
  if (n === 1) {
    if (live.length === 0) return { base: [zero], dir: [new Dec(1)], step: steps[0]! };
    const x = live[0]!.k.neg().div(live[0]!.coefs[0]!);
    for (const r of live) if (!r.coefs[0]!.mul(x).plus(r.k).isZero()) return 'none';
    return { base: [x], dir: [zero], step: steps[0]! };
  }
  if (live.length === 0) return 'free2';
  // Pivot on the first row; eliminate its first non-zero unknown from the others.
  const p = live[0]!;
  const pi = p.coefs[0]!.isZero() ? 1 : 0;
  const oi = 1 - pi;
  let pinned: Dec | undefined;
  for (const r of live.slice(1)) {
    const f = r.coefs[pi]!.div(p.coefs[pi]!);
    const c = r.coefs[oi]!.minus(f.mul(p.coefs[oi]!));
    const k = r.k.minus(f.mul(p.k));
    if (c.isZero()) {
      if (!k.isZero()) return 'none';
      continue;
    }
    const x = k.neg().div(c);
    if (pinned !== undefined && !pinned.eq(x)) return 'none';
    pinned = x;
  }
  // x_pi = −(k + c_oi·x_oi) / c_pi
  if (pinned !== undefined) {
    const xp = p.k.plus(p.coefs[oi]!.mul(pinned)).neg().div(p.coefs[pi]!);
    const base = [zero, zero];
    base[pi] = xp;
    base[oi] = pinned;
    return { base, dir: [zero, zero], step: steps[0]! };
  }
  // A line: t = x_oi free.
  const base = [zero, zero];
  const dir = [zero, zero];
  base[oi] = zero;
  dir[oi] = new Dec(1);
  base[pi] = p.k.neg().div(p.coefs[pi]!);
  dir[pi] = p.coefs[oi]!.neg().div(p.coefs[pi]!);
  return { base, dir, step: steps[oi]! };
}
