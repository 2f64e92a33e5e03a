/**
 * solve.ts's solver in exact rationals on safe integers (calc/ratio.ts) instead of decimal.js: the same
 * phases, the same decisions, a tenth of the cost. Most candidates a search tries have no solution (a big
 * failing sum tries hundreds of pairs), so this path answers `none` and `limit` itself and leaves every
 * candidate that has a solution, and anything it does not handle, to solve.ts (`undefined`):
 *   - tables with recomputed formulas, checks that are not affine equations or rates (bounds, tests), an
 *     equation that is affine only in the unknowns;
 *   - a number that does not fit a safe integer;
 *   - a bound that decimal.js computes through a rounded division (a rate's 100·P/H) and that falls exactly on
 *     a lattice point: there the rounded quotient may round the other way, and solve.ts's answer is the one kept.
 * Everywhere else decimal.js computes exactly what the rationals compute (sums, differences, products and
 * quotients that terminate, at precision 100), so the answers are the same (test/locate/solve-exact.test.ts
 * holds them to it).
 */
import {
  add,
  ceil,
  cmp,
  div,
  eq,
  floor,
  fromDec,
  fromScaled,
  INEXACT,
  isInt,
  isZero,
  mul,
  neg,
  ONE_Q,
  ratio,
  roundHalfUp,
  sign,
  sub,
  tenth,
  terminates,
  ZERO_Q,
  type Ratio,
} from '../calc/ratio.js';
import type { Affine } from '../model/expr.js';
import type { Check, Guard, System } from './model.js';
import type { SolveLimits, SolveOutcome } from './solve.js';

/** What the exact path answers: `none` or `limit`, or undefined (solve.ts answers: a solution, or a case left to it). */
export function solveExact(sys: System, vars: readonly string[], limits: SolveLimits): SolveOutcome | undefined {
  if (sys.hasComputed) return undefined;
  try {
    return solveIn(sys, vars, limits);
  } catch (e) {
    if (e === INEXACT) return undefined;
    throw e;
  }
}

const FOUND = undefined;

interface Line {
  base: Ratio[];
  dir: Ratio[];
  step: Ratio;
}

interface Bounds {
  lo?: Ratio;
  hi?: Ratio;
  empty: boolean;
}

interface Unknowns {
  readonly sys: System;
  readonly exact: ExactOf;
  readonly vars: readonly string[];
  readonly baseOf: readonly Ratio[];
  readonly steps: readonly Ratio[];
  readonly checks: Map<number, Check>;
  readonly guards: Map<number, Guard>;
}

type Row = { coefs: Ratio[]; k: Ratio };
type OnLine = { a: Ratio; k: Ratio };

function solveIn(sys: System, vars: readonly string[], limits: SolveLimits): SolveOutcome | undefined {
  const u = unknowns(sys, vars);
  const { rows, filters } = linearRows(u);
  const line = eliminate(rows, vars.length, u.steps);
  if (line === 'none') return { kind: 'none' };
  if (line === 'free2') return { kind: 'limit' };
  const lattice = onLattice(u, line);
  if (lattice !== 'ok') return { kind: lattice };
  const unchanged = (vals: readonly Ratio[]) => vals.some((v, i) => eq(v, u.baseOf[i]!));
  if (line.dir.every(isZero)) return unchanged(line.base) || !verify(u, line.base) ? { kind: 'none' } : FOUND;
  const bounded = boundLine(u, line, filters);
  if (bounded === 'none') return { kind: 'none' };
  const { b, pointChecks } = bounded;
  const pointGuards = [...u.guards.values()].some((g) => !g.affine);
  if (pointChecks.length === 0 && !pointGuards) return intervalOf(u, line, b, limits, unchanged);
  if (b.lo === undefined || b.hi === undefined || cmp(add(div(sub(b.hi, b.lo), line.step), ONE_Q), ratio(limits.enumLimit)) > 0) return { kind: 'limit' };
  return enumerate(u, line, b, limits, unchanged);
}

function unknowns(sys: System, vars: readonly string[]): Unknowns {
  const checks = new Map<number, Check>();
  const guards = new Map<number, Guard>();
  for (const v of vars) {
    for (const c of sys.checksOf(v)) checks.set(c.id, c);
    for (const g of sys.guardsOf(v)) guards.set(g.id, g);
  }
  const exact = exactOf(sys);
  const steps = vars.map((v) => {
    const c = sys.cells.get(v)!;
    return c.kind === 'rate' ? tenth(c.proposalDp) : ONE_Q;
  });
  return { sys, exact, vars, baseOf: vars.map((v) => exact.value(v)!), steps, checks, guards };
}

function restrict(u: Unknowns, a: ExactAffine, r0: Ratio): Row {
  const coefs = u.vars.map((v) => a.coefs.get(v) ?? ZERO_Q);
  let k = r0;
  coefs.forEach((c, i) => (k = sub(k, mul(c, u.baseOf[i]!))));
  return { coefs, k };
}

function linearRows(u: Unknowns): { rows: Row[]; filters: Check[] } {
  const rows: Row[] = [];
  const filters: Check[] = [];
  for (const c of u.checks.values()) {
    if (c.body.type === 'eq') {
      // Affine in the unknowns only (solve.ts `affineIn`): left to solve.ts.
      if (!c.affine) throw INEXACT;
      const e = u.exact.check(c);
      rows.push(restrict(u, e, e.residual));
    } else filters.push(c);
  }
  return { rows, filters };
}

function onLattice(u: Unknowns, line: Line): 'ok' | 'none' | 'limit' {
  for (let i = 0; i < u.vars.length; i++) {
    if (isZero(line.dir[i]!)) {
      if (!isInt(div(line.base[i]!, u.steps[i]!))) return 'none';
    } else if (!isInt(div(mul(line.dir[i]!, line.step), u.steps[i]!)) || !isInt(div(line.base[i]!, u.steps[i]!))) {
      return 'limit';
    }
  }
  return 'ok';
}

/** A cell's value along the line (null when it is not loaded). */
function cellOnLine(u: Unknowns, line: Line, r: string): OnLine | null {
  const i = u.vars.indexOf(r);
  if (i >= 0) return { a: line.base[i]!, k: line.dir[i]! };
  const v0 = u.exact.value(r);
  return v0 ? { a: v0, k: ZERO_Q } : null;
}

function along(f: Row, line: Line): OnLine {
  let a = f.k;
  let k = ZERO_Q;
  f.coefs.forEach((c, i) => {
    a = add(a, mul(c, line.base[i]!));
    k = add(k, mul(c, line.dir[i]!));
  });
  return { a, k };
}

function boundLine(u: Unknowns, line: Line, filters: readonly Check[]): { b: Bounds; pointChecks: Check[] } | 'none' {
  const b: Bounds = { empty: false };
  const pointChecks: Check[] = [];
  for (const c of filters) {
    const r = boundByCheck(u, line, c, b);
    if (r === 'none') return 'none';
    if (r === 'point') pointChecks.push(c);
  }
  for (const g of u.guards.values()) {
    if (!g.affine) continue;
    const e = u.exact.guard(g);
    const x = along(restrict(u, e, e.residual), line);
    bound(b, x.a, x.k, '>=', ZERO_Q, line.step, false);
  }
  return b.empty ? 'none' : { b, pointChecks };
}

function boundByCheck(u: Unknowns, line: Line, c: Check, b: Bounds): 'bound' | 'point' | 'none' {
  const body = c.body;
  if (body.type === 'le' || body.type === 'within' || body.type === 'test') throw INEXACT;
  if (body.type !== 'rate') return 'point';
  const R = cellOnLine(u, line, body.r);
  const P = cellOnLine(u, line, body.p);
  const H = cellOnLine(u, line, body.h);
  if (!R || !P || !H) return 'point';
  const moving = [R, P, H].filter((f) => !isZero(f.k)).length;
  const rIsVar = u.vars.includes(body.r);
  const dpR = rIsVar ? u.sys.cells.get(body.r)!.proposalDp : Math.max(body.minDp, u.sys.cells.get(body.r)?.dp ?? 0);
  if (moving === 0) return !isZero(H.a) && !rateMatches(P.a, H.a, R.a, dpR) ? 'none' : 'bound';
  if (moving !== 1) return 'point';
  const hundred = ratio(100);
  if (!isZero(R.k)) {
    if (!rIsVar || isZero(H.a)) return 'point';
    const target = roundHalfUp(div(mul(P.a, hundred), H.a), dpR);
    bound(b, R.a, R.k, '>=', target, line.step, false);
    bound(b, R.a, R.k, '<=', target, line.step, false);
    return 'bound';
  }
  const iv = roundingInterval(R.a, dpR);
  if (!isZero(P.k)) {
    if (isZero(H.a)) return 'bound';
    const a = div(mul(P.a, hundred), H.a);
    const k = div(mul(P.k, hundred), H.a);
    // decimal.js rounds 100·P/H when it does not terminate.
    const rounded = !terminates(a) || !terminates(k);
    bound(b, a, k, iv.loStrict ? '>' : '>=', iv.lo, line.step, rounded);
    bound(b, a, k, iv.hiStrict ? '<' : '<=', iv.hi, line.step, rounded);
    return 'bound';
  }
  if (!(sign(P.a) > 0)) return 'point';
  const p100 = mul(P.a, hundred);
  bound(b, H.a, H.k, '>', ZERO_Q, line.step, false);
  if (sign(iv.hi) <= 0) return 'none';
  const vHi = div(p100, iv.hi);
  bound(b, H.a, H.k, iv.hiStrict ? '>' : '>=', vHi, line.step, !terminates(vHi));
  if (sign(iv.lo) > 0) {
    const vLo = div(p100, iv.lo);
    bound(b, H.a, H.k, iv.loStrict ? '<' : '<=', vLo, line.step, !terminates(vLo));
  }
  return 'bound';
}

/**
 * Tightens `b` with `a + k·t  op  v` for t on the lattice step·ℤ (solve.ts `bound`). `rounded`: decimal.js
 * computes a, k or v through a rounded division; its quotient then differs from the exact one by far less
 * than any distance to a lattice point, except at a lattice point itself, which is left to solve.ts.
 */
function bound(b: Bounds, a: Ratio, k: Ratio, op: '>=' | '>' | '<=' | '<', v: Ratio, step: Ratio, rounded: boolean): void {
  if (b.empty) return;
  if (isZero(k)) {
    const c = cmp(a, v);
    if (rounded && c === 0) throw INEXACT;
    const ok = op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c < 0;
    if (!ok) b.empty = true;
    return;
  }
  let o = op;
  if (sign(k) < 0) o = op === '>=' ? '<=' : op === '>' ? '<' : op === '<=' ? '>=' : '>';
  const q = div(sub(v, a), k);
  const x = div(q, step);
  if (isInt(x) && (rounded || !terminates(q))) throw INEXACT;
  if (o === '>=' || o === '>') {
    let n = ceil(x);
    if (o === '>' && isInt(x) && x.n === n) n += 1;
    const lo = mul(ratio(n), step);
    if (b.lo === undefined || cmp(lo, b.lo) > 0) b.lo = lo;
  } else {
    let n = floor(x);
    if (o === '<' && isInt(x) && x.n === n) n -= 1;
    const hi = mul(ratio(n), step);
    if (b.hi === undefined || cmp(hi, b.hi) < 0) b.hi = hi;
  }
  if (b.lo !== undefined && b.hi !== undefined && cmp(b.lo, b.hi) > 0) b.empty = true;
}

function intervalOf(u: Unknowns, line: Line, b: Bounds, limits: SolveLimits, unchanged: (vals: readonly Ratio[]) => boolean): SolveOutcome | undefined {
  const okAt = (t: Ratio) => {
    const vals = valuesAt(line, t);
    return !unchanged(vals) && verify(u, vals);
  };
  let lo = b.lo;
  let hi = b.hi;
  if (lo !== undefined && !okAt(lo)) lo = add(lo, line.step);
  if (hi !== undefined && !okAt(hi)) hi = sub(hi, line.step);
  if (lo !== undefined && hi !== undefined && cmp(lo, hi) > 0) return { kind: 'none' };
  const probe = lo ?? hi;
  if (probe !== undefined && !okAt(probe)) return enumerate(u, line, b, limits, unchanged);
  if (probe === undefined) return { kind: 'limit' };
  return FOUND;
}

function enumerate(u: Unknowns, line: Line, b: Bounds, limits: SolveLimits, unchanged: (vals: readonly Ratio[]) => boolean): SolveOutcome | undefined {
  if (b.lo === undefined || b.hi === undefined) return { kind: 'limit' };
  const count = add(div(sub(b.hi, b.lo), line.step), ONE_Q);
  if (cmp(count, ratio(limits.enumLimit)) > 0) return { kind: 'limit' };
  for (let t = b.lo; cmp(t, b.hi) <= 0; t = add(t, line.step)) {
    const vals = valuesAt(line, t);
    if (!unchanged(vals) && verify(u, vals)) return FOUND;
  }
  return { kind: 'none' };
}

const valuesAt = (line: Line, t: Ratio): Ratio[] => line.base.map((x, i) => add(x, mul(line.dir[i]!, t)));

/** Every check and guard touching the unknowns holds at these values (solve.ts `verify`, Evaluation's checks). */
function verify(u: Unknowns, vals: readonly Ratio[]): boolean {
  const changed = new Map<string, Ratio>();
  u.vars.forEach((v, i) => changed.set(v, vals[i]!));
  const get = (r: string) => changed.get(r) ?? u.exact.value(r);
  const moved = (e: ExactAffine): Ratio => {
    let x = e.residual;
    u.vars.forEach((v, i) => {
      const c = e.coefs.get(v);
      if (c) x = add(x, mul(c, sub(vals[i]!, u.baseOf[i]!)));
    });
    return x;
  };
  for (const c of u.checks.values()) {
    const body = c.body;
    if (body.type === 'eq') {
      if (!c.affine) throw INEXACT;
      if (!isZero(moved(u.exact.check(c)))) return false;
    } else if (body.type === 'rate') {
      const h = get(body.h);
      const p = get(body.p);
      const r = get(body.r);
      if (!h || !p || !r || isZero(h)) continue;
      const dpR = changed.has(body.r) ? (u.sys.cells.get(body.r)?.proposalDp ?? 0) : (u.sys.cells.get(body.r)?.dp ?? 0);
      if (!rateMatches(p, h, r, Math.max(body.minDp, dpR))) return false;
    } else throw INEXACT;
  }
  for (const g of u.guards.values()) {
    if (!g.affine) throw INEXACT;
    if (sign(moved(u.exact.guard(g))) < 0) return false;
  }
  return true;
}

/** round_half_up(100·p/h, dp) = round_half_up(r, dp) (evaluation.ts `rateMatches`), exactly. */
function rateMatches(p: Ratio, h: Ratio, r: Ratio, dp: number): boolean {
  return eq(roundHalfUp(div(mul(p, ratio(100)), h), dp), roundHalfUp(r, dp));
}

/** evaluation.ts `roundingInterval`, exactly. */
function roundingInterval(r: Ratio, dp: number): { lo: Ratio; loStrict: boolean; hi: Ratio; hiStrict: boolean } {
  const h = div(tenth(dp), ratio(2));
  const s = sign(r);
  if (s > 0) return { lo: sub(r, h), loStrict: false, hi: add(r, h), hiStrict: true };
  if (s === 0) return { lo: neg(h), loStrict: true, hi: h, hiStrict: true };
  return { lo: sub(r, h), loStrict: true, hi: add(r, h), hiStrict: false };
}

/**
 * eliminate (solve.ts) in rationals. A division that does not terminate is rounded by decimal.js: left to
 * solve.ts.
 */
function eliminate(rows: readonly Row[], n: number, steps: readonly Ratio[]): Line | 'none' | 'free2' {
  const exactDiv = (a: Ratio, b: Ratio) => {
    const q = div(a, b);
    if (!terminates(q)) throw INEXACT;
    return q;
  };
  const live = rows.filter((r) => !r.coefs.every(isZero));
  for (const r of rows) if (r.coefs.every(isZero) && !isZero(r.k)) return 'none';
  if (n === 1) {
    if (live.length === 0) return { base: [ZERO_Q], dir: [ONE_Q], step: steps[0]! };
    const x = exactDiv(neg(live[0]!.k), live[0]!.coefs[0]!);
    for (const r of live) if (!isZero(add(mul(r.coefs[0]!, x), r.k))) return 'none';
    return { base: [x], dir: [ZERO_Q], step: steps[0]! };
  }
  if (live.length === 0) return 'free2';
  const p = live[0]!;
  const pi = isZero(p.coefs[0]!) ? 1 : 0;
  const oi = 1 - pi;
  let pinned: Ratio | undefined;
  for (const r of live.slice(1)) {
    const f = exactDiv(r.coefs[pi]!, p.coefs[pi]!);
    const c = sub(r.coefs[oi]!, mul(f, p.coefs[oi]!));
    const k = sub(r.k, mul(f, p.k));
    if (isZero(c)) {
      if (!isZero(k)) return 'none';
      continue;
    }
    const x = exactDiv(neg(k), c);
    if (pinned !== undefined && !eq(pinned, x)) return 'none';
    pinned = x;
  }
  if (pinned !== undefined) {
    const xp = exactDiv(neg(add(p.k, mul(p.coefs[oi]!, pinned))), p.coefs[pi]!);
    const base = [ZERO_Q, ZERO_Q];
    base[pi] = xp;
    base[oi] = pinned;
    return { base, dir: [ZERO_Q, ZERO_Q], step: steps[0]! };
  }
  const base = [ZERO_Q, ZERO_Q];
  const dir = [ZERO_Q, ZERO_Q];
  dir[oi] = ONE_Q;
  base[pi] = exactDiv(neg(p.k), p.coefs[pi]!);
  dir[pi] = exactDiv(neg(p.coefs[oi]!), p.coefs[pi]!);
  return { base, dir, step: steps[oi]! };
}

// ---------------------------------------------------------------------------------------------------------
// The system's values and affine forms as rationals, made once per system (a search solves many candidates).

interface ExactAffine {
  readonly coefs: ReadonlyMap<string, Ratio>;
  /** The form's value now: a check's residual, a guard's slack. */
  readonly residual: Ratio;
}

interface ExactOf {
  value(ref: string): Ratio | undefined;
  check(c: Check): ExactAffine;
  guard(g: Guard): ExactAffine;
}

const EXACT = new WeakMap<System, ExactOf>();

function exactOf(sys: System): ExactOf {
  let e = EXACT.get(sys);
  if (!e) EXACT.set(sys, (e = new SystemRatios(sys)));
  return e;
}

class SystemRatios implements ExactOf {
  private readonly values = new Map<string, Ratio | undefined>();
  /** null: a form that does not fit safe integers (asked again, it throws again at once). */
  private readonly checks = new Map<number, ExactAffine | null>();
  private readonly guards = new Map<number, ExactAffine | null>();
  constructor(private readonly sys: System) {}

  value(ref: string): Ratio | undefined {
    if (this.values.has(ref)) return this.values.get(ref);
    const c = this.sys.cells.get(ref);
    let v: Ratio | undefined;
    if (c) {
      const scaled = c.value.scaled;
      v = scaled !== undefined ? fromScaled(scaled, c.value.decimals ?? 0) : fromDec(c.base);
    }
    this.values.set(ref, v);
    return v;
  }

  check(c: Check): ExactAffine {
    return this.remembered(this.checks, c.id, c.affine!);
  }

  guard(g: Guard): ExactAffine {
    return this.remembered(this.guards, g.id, g.affine!);
  }

  private remembered(memo: Map<number, ExactAffine | null>, id: number, a: Affine): ExactAffine {
    let e = memo.get(id);
    if (e === undefined) {
      memo.set(id, null);
      memo.set(id, (e = this.affine(a)));
    }
    if (e === null) throw INEXACT;
    return e;
  }

  /** The affine form's coefficients and its value now (every cell it reads is loaded: it has a form). */
  private affine(a: Affine): ExactAffine {
    const coefs = new Map<string, Ratio>();
    let residual = fromDec(a.c);
    for (const [r, k] of a.coefs) {
      const q = fromDec(k);
      coefs.set(r, q);
      const v = this.value(r);
      if (!v) throw INEXACT;
      residual = add(residual, mul(q, v));
    }
    return { coefs, residual };
  }
}
