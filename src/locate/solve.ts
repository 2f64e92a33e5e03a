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
import { Evaluation, rateMatches, roundingInterval, withinTol, type Check, type Guard, type System } from './model.js';

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
  /**
   * Both ends are a rounding's (a rate's printed decimals, a `within`'s tolerance), not a limit (a part at most its
   * whole, none below 0): the checks hold exactly near the middle, and a guess out of the range prefers it.
   */
  readonly rounding?: true;
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
  return c?.kind === 'rate' ? rateStep(c.proposalDp) : new Dec(1);
}

/** 10^−dp by dp, made once each (a Dec never changes; `pow` is costly, and rates are proposed at a few precisions). */
const RATE_STEPS: Dec[] = [];
const rateStep = (dp: number): Dec => (Number.isInteger(dp) && dp >= 0 && dp < 64 ? (RATE_STEPS[dp] ??= new Dec(10).pow(-dp)) : new Dec(10).pow(-dp));

interface Bounds {
  lo?: Dec;
  hi?: Dec;
  /** Whether the end that binds is a rounding's (`rounding` of the `bound` that set it). */
  loRounding?: boolean;
  hiRounding?: boolean;
  empty: boolean;
}

/** Tightens `b` with `a + k·t  op  v` for t on the lattice step·ℤ; `rounding`: the bound is a rounding's, not a limit. */
function bound(b: Bounds, a: Dec, k: Dec, op: '>=' | '>' | '<=' | '<', v: Dec, step: Dec, rounding = false): void {
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
    if (b.lo === undefined || lo.gt(b.lo)) {
      b.lo = lo;
      b.loRounding = rounding;
    }
  } else {
    let n = x.floor();
    if (o === '<' && n.eq(x)) n = n.minus(1);
    const hi = n.mul(step);
    if (b.hi === undefined || hi.lt(b.hi)) {
      b.hi = hi;
      b.hiRounding = rounding;
    }
  }
  if (b.lo !== undefined && b.hi !== undefined && b.lo.gt(b.hi)) b.empty = true;
}

interface Line {
  base: Dec[];
  dir: Dec[];
  step: Dec;
}

/** What the phases of one solve share: the unknowns, their values now, and the checks and guards that read them. */
interface Unknowns {
  readonly sys: System;
  readonly vars: readonly string[];
  readonly baseOf: readonly Dec[];
  readonly steps: readonly Dec[];
  readonly checks: Map<number, Check>;
  readonly guards: Map<number, Guard>;
}

/** An expression's value along the line of solutions: a + k·t. */
type OnLine = { a: Dec; k: Dec };

/**
 * All values of `vars` (one or two entered cells) that make every check touching them hold, with every
 * other cell as it is. Phases: the linear equations give a point or a line (`linearRows`, `eliminate`), on
 * the values' lattices; the other checks and the guards bound the line's parameter (`boundLine`); the
 * interval is verified at its ends, or the points are checked one by one (`enumerate`).
 */
export function solve(sys: System, vars: readonly string[], limits: SolveLimits): SolveOutcome {
  const u = unknowns(sys, vars);
  const { rows, filters } = linearRows(u);
  const line = eliminate(rows, vars.length, u.steps as Dec[]);
  if (line === 'none') return { kind: 'none' };
  if (line === 'free2') return { kind: 'limit' };
  const lattice = onLattice(u, line);
  if (lattice !== 'ok') return { kind: lattice };
  const unchanged = (vals: Dec[]) => vals.some((v, i) => v.eq(u.baseOf[i]!));
  if (line.dir.every((d) => d.isZero())) {
    const vals = line.base;
    if (unchanged(vals) || !verify(sys, vars, vals, u.checks, u.guards)) return { kind: 'none' };
    return { kind: 'found', set: { vars, base: vals, dir: line.dir, step: line.step } };
  }
  const bounded = boundLine(u, line, filters);
  if (bounded === 'none') return { kind: 'none' };
  const { b, pointChecks } = bounded;
  const pointGuards = [...u.guards.values()].some((g) => !g.affine);
  if (pointChecks.length === 0 && !pointGuards) return intervalOf(u, line, b, limits, unchanged);
  if (b.lo === undefined || b.hi === undefined || b.hi.minus(b.lo).div(line.step).plus(1).gt(limits.enumLimit)) return { kind: 'limit' };
  return enumerate(sys, vars, line, b, u.checks, u.guards, limits, unchanged);
}

function unknowns(sys: System, vars: readonly string[]): Unknowns {
  const checks = new Map<number, Check>();
  const guards = new Map<number, Guard>();
  for (const v of vars) {
    for (const c of sys.checksOf(v)) checks.set(c.id, c);
    for (const g of sys.guardsOf(v)) guards.set(g.id, g);
  }
  return { sys, vars, baseOf: vars.map((v) => sys.cells.get(v)!.base), steps: vars.map((v) => stepOf(sys, v)), checks, guards };
}

/** Affine form of anything in the unknowns (Σ coef·x + const), from a global affine form and its value now. */
function restrict(u: Unknowns, a: Affine, r0: Dec): { coefs: Dec[]; k: Dec } {
  const coefs = u.vars.map((v) => a.coefs.get(v) ?? new Dec(0));
  let k = r0;
  coefs.forEach((c, i) => (k = k.minus(c.mul(u.baseOf[i]!))));
  return { coefs, k };
}

/** The linear equations in the unknowns, and the checks left to bound or test (`filters`). */
function linearRows(u: Unknowns): { rows: Array<{ coefs: Dec[]; k: Dec }>; filters: Check[] } {
  const rows: Array<{ coefs: Dec[]; k: Dec }> = [];
  const filters: Check[] = [];
  for (const c of u.checks.values()) {
    if (c.body.type === 'eq' && c.affine) {
      // r0: the residual now (the expression's value with nothing changed).
      const r0 = u.sys.residual(c);
      if (!r0) filters.push(c);
      else rows.push(restrict(u, c.affine, r0));
    } else if (c.body.type === 'eq') {
      // Not affine in every cell (ROUND over counts), but perhaps in these unknowns, the rest held fixed.
      const local = affineIn(u.sys, c.body.expr, u.vars);
      if (local) rows.push({ coefs: u.vars.map((v) => local.coefs.get(v) ?? new Dec(0)), k: local.c });
      else filters.push(c);
    } else filters.push(c);
  }
  return { rows, filters };
}

/** The values must lie on their lattices (whole households; rates at the table's precision). */
function onLattice(u: Unknowns, line: Line): 'ok' | 'none' | 'limit' {
  for (let i = 0; i < u.vars.length; i++) {
    if (line.dir[i]!.isZero()) {
      if (!line.base[i]!.div(u.steps[i]!).isInteger()) return 'none';
    } else if (!line.dir[i]!.mul(line.step).div(u.steps[i]!).isInteger() || !line.base[i]!.div(u.steps[i]!).isInteger()) {
      return 'limit';
    }
  }
  return 'ok';
}

/** A cell's value along the line (null when it is not affine in the unknowns). */
function cellOnLine(u: Unknowns, line: Line, r: string): OnLine | null {
  const aff = u.sys.affineOfCell(r);
  const v0 = u.sys.baseValue(r);
  if (!aff || !v0) return null;
  return along(restrict(u, aff, v0), line);
}

/** An expression's value along the line (null when it is not affine in the unknowns). */
function exprOnLine(u: Unknowns, line: Line, e: Expr): OnLine | null {
  const local = affineIn(u.sys, e, u.vars);
  if (!local) return null;
  return along({ coefs: u.vars.map((v) => local.coefs.get(v) ?? new Dec(0)), k: local.c }, line);
}

function along(f: { coefs: Dec[]; k: Dec }, line: Line): OnLine {
  let a = f.k;
  let k = new Dec(0);
  f.coefs.forEach((c, i) => {
    a = a.plus(c.mul(line.base[i]!));
    k = k.plus(c.mul(line.dir[i]!));
  });
  return { a, k };
}

/**
 * Bounds on the line's parameter from the checks that are not linear equations (bounds, rounding
 * intervals of rates, a relation's own bounds) and from the guards; the checks that give no bound are
 * left to be tested point by point.
 */
function boundLine(u: Unknowns, line: Line, filters: readonly Check[]): { b: Bounds; pointChecks: Check[] } | 'none' {
  const b: Bounds = { empty: false };
  const pointChecks: Check[] = [];
  for (const c of filters) {
    const r = boundByCheck(u, line, c, b);
    if (r === 'none') return 'none';
    if (r === 'point') pointChecks.push(c);
  }
  for (const g of u.guards.values()) {
    if (!g.affine) continue; // checked point by point in verify
    const r0 = u.sys.slack(g);
    if (!r0) continue;
    const x = along(restrict(u, g.affine, r0), line);
    bound(b, x.a, x.k, '>=', new Dec(0), line.step);
  }
  return b.empty ? 'none' : { b, pointChecks };
}

/** Tightens `b` with one check: 'bound' when it did, 'point' when the check is to be tested point by point. */
function boundByCheck(u: Unknowns, line: Line, c: Check, b: Bounds): 'bound' | 'point' | 'none' {
  const body = c.body;
  if (body.type === 'le' || body.type === 'within') {
    // Bounds: a ≤ b, or −tol ≤ e ≤ tol, where affine in the unknowns; else point by point.
    const e = exprOnLine(u, line, body.type === 'le' ? { k: 'bin', op: '-', a: body.b, b: body.a } : body.expr);
    if (!e) return 'point';
    if (body.type === 'le') bound(b, e.a, e.k, '>=', new Dec(0), line.step);
    else {
      // A cell moving along the line is proposed at its proposal's decimals: its rounding counts at those.
      const moving = (r: string) => {
        const i = u.vars.indexOf(r);
        return i >= 0 && !line.dir[i]!.isZero();
      };
      const tol = withinTol(body, moving, (r) => u.sys.cells.get(r)?.proposalDp ?? 0);
      bound(b, e.a, e.k, '>=', tol.neg(), line.step, true);
      bound(b, e.a, e.k, '<=', tol, line.step, true);
    }
    return 'bound';
  }
  if (body.type === 'test') {
    // A relation that knows, for one cell moving alone, the exact values that satisfy it.
    const moving = u.vars.filter((v, i) => !line.dir[i]!.isZero() && body.refs.includes(v));
    const iv = moving.length === 1 && body.bounds ? body.bounds(moving[0]!, (r) => u.sys.baseValue(r), (r) => (r === moving[0] ? u.sys.cells.get(r)?.proposalDp : undefined)) : undefined;
    const x = iv && cellOnLine(u, line, moving[0]!);
    if (!iv || !x) return 'point';
    if (iv.lo !== undefined) bound(b, x.a, x.k, iv.loStrict ? '>' : '>=', iv.lo, line.step);
    if (iv.hi !== undefined) bound(b, x.a, x.k, iv.hiStrict ? '<' : '<=', iv.hi, line.step);
    return 'bound';
  }
  if (body.type !== 'rate') return 'point';
  return boundByRate(u, line, body, b);
}

/** A rate check on the line: pins the printed rate when it moves, else bounds the count or the households. */
function boundByRate(u: Unknowns, line: Line, body: Extract<Check['body'], { type: 'rate' }>, b: Bounds): 'bound' | 'point' | 'none' {
  const R = cellOnLine(u, line, body.r);
  const P = cellOnLine(u, line, body.p);
  const H = cellOnLine(u, line, body.h);
  if (!R || !P || !H) return 'point';
  const moving = [R, P, H].filter((f) => !f.k.isZero()).length;
  const rIsVar = u.vars.includes(body.r);
  const dpR = rIsVar ? u.sys.cells.get(body.r)!.proposalDp : Math.max(body.minDp, u.sys.cells.get(body.r)?.dp ?? 0);
  // Over no households only 0 / 0 is checked, and its rate is 0 (evaluation.ts).
  if (moving === 0) return (H.a.isZero() ? P.a.isZero() && !R.a.isZero() : !rateMatches(P.a, H.a, R.a, dpR)) ? 'none' : 'bound';
  if (moving !== 1) return 'point';
  if (!R.k.isZero()) {
    // The printed rate moves: pinned by the counts, at the precision proposed rates are written with.
    if (!rIsVar || (H.a.isZero() && !P.a.isZero())) return 'point';
    const target = H.a.isZero() ? new Dec(0) : P.a.mul(100).div(H.a).toDecimalPlaces(dpR, Dec.ROUND_HALF_UP);
    bound(b, R.a, R.k, '>=', target, line.step, true);
    bound(b, R.a, R.k, '<=', target, line.step, true);
    return 'bound';
  }
  const iv = roundingInterval(R.a, dpR);
  if (!P.k.isZero()) {
    // x = 100·P(t)/H, H fixed.
    if (H.a.isZero()) return R.a.isZero() ? 'bound' : 'point'; // any count over no households but 0, unless the rate is 0
    const a = P.a.mul(100).div(H.a);
    const k = P.k.mul(100).div(H.a);
    bound(b, a, k, iv.loStrict ? '>' : '>=', iv.lo, line.step, true);
    bound(b, a, k, iv.hiStrict ? '<' : '<=', iv.hi, line.step, true);
    return 'bound';
  }
  // x = 100·P/H(t), P fixed and positive, H > 0: lo ≤ 100P/H ⇔ H ≤ 100P/lo (lo > 0); 100P/H < hi ⇔ H > 100P/hi.
  if (!P.a.gt(0)) return 'point';
  const p100 = P.a.mul(100);
  bound(b, H.a, H.k, '>', new Dec(0), line.step);
  if (iv.hi.lte(0)) return 'none';
  bound(b, H.a, H.k, iv.hiStrict ? '>' : '>=', p100.div(iv.hi), line.step, true);
  if (iv.lo.gt(0)) bound(b, H.a, H.k, iv.loStrict ? '<' : '<=', p100.div(iv.lo), line.step, true);
  return 'bound';
}

/** Every check bounds the line: the interval is the answer; its ends verified (an end where a cell would keep its value dropped). */
function intervalOf(u: Unknowns, line: Line, b: Bounds, limits: SolveLimits, unchanged: (vals: Dec[]) => boolean): SolveOutcome {
  const at = (t: Dec) => valuesAt({ vars: u.vars, base: line.base, dir: line.dir, step: line.step }, t);
  const okAt = (t: Dec) => !unchanged(at(t)) && verify(u.sys, u.vars, at(t), u.checks, u.guards);
  let lo = b.lo;
  let hi = b.hi;
  if (lo !== undefined && !okAt(lo)) lo = lo.plus(line.step);
  if (hi !== undefined && !okAt(hi)) hi = hi.minus(line.step);
  if (lo !== undefined && hi !== undefined && lo.gt(hi)) return { kind: 'none' };
  const probe = lo ?? hi;
  if (probe !== undefined && !okAt(probe)) return enumerate(u.sys, u.vars, line, b, u.checks, u.guards, limits, unchanged);
  if (probe === undefined) return { kind: 'limit' };
  return { kind: 'found', set: { vars: u.vars, base: line.base, dir: line.dir, step: line.step, ...(lo !== undefined ? { lo } : {}), ...(hi !== undefined ? { hi } : {}), ...roundingOf(b) } };
}

/** `rounding` for a set whose two ends are both a rounding's. */
const roundingOf = (b: Bounds): { rounding?: true } => (b.loRounding && b.hiRounding ? { rounding: true } : {});

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
  // By index, not by adding the step: a step below the decimals' precision (a rate typed with a hundred decimals)
  // added to a value gives the value back, and the loop never ended.
  const n = Math.round(count.toNumber());
  for (let k = 0; k < n; k++) {
    const t = b.lo.plus(line.step.mul(k));
    if (t.gt(b.hi)) break;
    const vals = line.base.map((x, i) => x.plus(line.dir[i]!.mul(t)));
    if (!unchanged(vals) && verify(sys, vars, vals, checks, guards)) points.push(t);
  }
  if (points.length === 0) return { kind: 'none' };
  const contiguous = points[points.length - 1]!.minus(points[0]!).div(line.step).plus(1).eq(points.length);
  return {
    kind: 'found',
    set: { vars, base: line.base, dir: line.dir, step: line.step, lo: points[0]!, hi: points[points.length - 1]!, ...(contiguous ? {} : { points }), ...roundingOf(b) },
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
