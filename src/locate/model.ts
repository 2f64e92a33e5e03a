/**
 * The annex as a system of checks over cells, for error localisation. Each check mirrors one rule exactly
 * (`sum`, `flow`, `rate`, `rate-change`, with the rules' skip conditions), so "this assignment makes every
 * check hold" means "the rules would report none of these errors". Guards are the `range` checks that hold
 * now: a proposed value must not break them (no negative counts, poor ≤ households, rates within 0–100).
 *
 * Cells computed by a recognised spreadsheet formula (SUM, + − * /, ROUND over cells of the table) are not
 * variables: their value follows from their inputs, and every check that reads them reads their inputs.
 */
import { Dec } from '../calc/decimal.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import type { Annex, Unit, Value } from '../model/annex.js';
import { indicatorKind, type Indicator, type IndicatorKind } from '../model/indicators.js';
import { isOk, type OkValue, type RuleContext } from '../rules/types.js';
import { RELATION_KINDS } from '../relations/index.js';
import type { Form } from '../relations/types.js';
import { depthOf } from '../rules/index.js';
import { affineOf, evaluate, parseFormula, ref, refsOf, sub, sumOf, type Affine, type Expr } from '../model/expr.js';

/** The rule a check comes from (the relation kind's id). */
export type Family = string;

/** How locate treats a cell that holds a formula. */
export type FormulaRole =
  /** Recomputed from its inputs; never a variable. */
  | 'computed'
  /** Not a shape povcheck recomputes (or reads cells outside the table, or is circular, or its cached value disagrees): an entered value. */
  | 'entered'
  /** A recognised formula treated as an entered value because its inputs explain nothing (second pass). */
  | 'suspect';

export interface LCell {
  readonly ref: string;
  readonly unit: Unit;
  readonly indicator: Indicator;
  readonly kind: IndicatorKind;
  readonly value: OkValue;
  readonly base: Dec;
  /** Decimals as typed (or as cached, for a formula cell). */
  readonly dp: number;
  /** Decimals a proposed value of this cell is sought at: a count's none; a rate's, the table's usual rate precision (at least 2). */
  proposalDp: number;
  readonly formula?: { readonly text: string; readonly expr?: Expr; readonly role: FormulaRole };
}

/** A check's form (relations/types.ts `Form`), over cell references. */
export type CheckBody = Form;

export interface Check {
  readonly id: number;
  readonly family: Family;
  /** The cell the rule's finding sits at. */
  readonly at: string;
  readonly unit: string;
  readonly indicator: Indicator;
  readonly body: CheckBody;
  /** The entered cells the check depends on (through formulas too). */
  readonly vars: ReadonlySet<string>;
  /** The affine form over all entered cells, when the check is an affine equation. */
  readonly affine: Affine | null;
}

/** a ≤ b, a `range` check that holds now. */
export interface Guard {
  readonly id: number;
  readonly a: Expr;
  readonly b: Expr;
  readonly vars: ReadonlySet<string>;
  readonly affine: Affine | null;
}

export interface System {
  readonly annex: Annex;
  readonly cells: ReadonlyMap<string, LCell>;
  readonly checks: readonly Check[];
  readonly guards: readonly Guard[];
  readonly checksOf: ReadonlyMap<string, readonly Check[]>;
  readonly guardsOf: ReadonlyMap<string, readonly Guard[]>;
  /** Decimals of proposed rates: the table's usual rate precision, at least 2. */
  readonly rateDp: number;
  /** The formula cell treated as an entered value in this pass (second pass), if any. */
  readonly suspect?: string;
  /** Whether any cell holds a formula povcheck recomputes. */
  readonly hasComputed: boolean;
  isVar(ref: string): boolean;
  /** The affine form of a cell over the entered cells, or null (a non-affine formula). */
  affineOfCell(ref: string): Affine | null;
  /** Baseline value of any cell of the table (computed cells recomputed). */
  baseValue(ref: string): Dec | undefined;
  /** The entered cells a cell's value depends on (itself, for an entered cell). */
  depsOf(ref: string): ReadonlySet<string>;
  /** An equation check's value now (0 when it holds); undefined when it cannot be evaluated. Memoised. */
  residual(check: Check): Dec | undefined;
  /** A guard's b − a now (≥ 0). Memoised. */
  slack(guard: Guard): Dec | undefined;
}

export interface BuildOptions {
  /** Rules switched off: their checks are left out. */
  off?: ReadonlySet<string>;
  /**
   * A cell whose recognised formula is treated as an entered value ('suspect'): its value becomes a
   * variable, while the formulas that read it still recompute from it.
   */
  suspect?: string;
}

export function buildSystem(annex: Annex, opts: BuildOptions = {}): System {
  const cells = new Map<string, LCell>();
  const rateDecimals: number[] = [];
  for (const unit of annex.units) {
    const vals = annex.values[unit.id] ?? {};
    for (const [ind, v] of Object.entries(vals) as Array<[Indicator, Value]>) {
      if (!isOk(v)) continue;
      const dp = v.decimals ?? 0;
      const ft = v.cell.formula?.trim();
      const c: LCell = {
        ref: v.cell.ref,
        unit,
        indicator: ind,
        kind: indicatorKind(ind),
        value: v,
        base: v.num,
        dp,
        proposalDp: 0,
        ...(ft ? { formula: { text: ft, role: 'entered' as FormulaRole } } : {}),
      };
      cells.set(c.ref, c);
      if (c.kind === 'rate' && !ft) rateDecimals.push(dp);
    }
  }

  // Proposed rates keep the table's usual precision: two decimals in plans, one in statistical releases.
  const rateDp = Math.max(1, mode(rateDecimals) ?? RATE_DECIMALS);
  // A rate is proposed at the usual precision of its own column (an achievement in whole per cent).
  const bySlot = new Map<string, number[]>();
  for (const c of cells.values()) if (c.kind === 'rate' && !c.formula) (bySlot.get(c.indicator) ?? bySlot.set(c.indicator, []).get(c.indicator)!).push(c.dp);
  for (const c of cells.values()) c.proposalDp = c.kind === 'rate' ? columnDp(bySlot.get(c.indicator), rateDp) : 0;

  // Formulas: parse, keep those over cells of the table, without cycles, whose cached value they reproduce.
  classifyFormulas(cells, opts.suspect);
  const isComputed = (r: string) => cells.get(r)?.formula?.role === 'computed';

  // Baseline values and dependencies, memoised.
  const baseMemo = new Map<string, Dec | undefined>();
  const baseValue = (r: string): Dec | undefined => {
    if (baseMemo.has(r)) return baseMemo.get(r);
    const c = cells.get(r);
    let v: Dec | undefined;
    if (!c) v = undefined;
    else if (isComputed(r)) v = evaluate(c.formula!.expr!, baseValue);
    else v = c.base;
    baseMemo.set(r, v);
    return v;
  };
  const depMemo = new Map<string, Set<string>>();
  const depsOf = (r: string): Set<string> => {
    let d = depMemo.get(r);
    if (d) return d;
    d = new Set<string>();
    if (isComputed(r)) for (const x of refsOf(cells.get(r)!.formula!.expr!)) for (const y of depsOf(x)) d.add(y);
    else d.add(r);
    depMemo.set(r, d);
    return d;
  };
  const affMemo = new Map<string, Affine | null>();
  const affineOfCell = (r: string): Affine | null => {
    if (affMemo.has(r)) return affMemo.get(r)!;
    let a: Affine | null;
    if (isComputed(r)) a = affineOf(cells.get(r)!.formula!.expr!, affineOfCell);
    else if (cells.has(r)) a = { coefs: new Map([[r, new Dec(1)]]), c: new Dec(0) };
    else a = null;
    affMemo.set(r, a);
    return a;
  };
  const varsOf = (e: Expr): Set<string> => {
    const out = new Set<string>();
    for (const r of refsOf(e)) for (const d of depsOf(r)) out.add(d);
    return out;
  };

  const checks: Check[] = [];
  const addCheck = (family: Family, at: string, unit: Unit, indicator: Indicator, body: CheckBody) => {
    const e = formExpr(body);
    checks.push({
      id: checks.length,
      family,
      at,
      unit: unit.name,
      indicator,
      body,
      vars: varsOf(e),
      affine: body.type === 'eq' ? affineOf(body.expr, affineOfCell) : null,
    });
  };
  // Guards: the bounds (range) that hold now.
  const guards: Guard[] = [];
  const addGuard = (a: Expr, b: Expr) => {
    const av = evaluate(a, baseValue);
    const bv = evaluate(b, baseValue);
    if (!av || !bv || av.gt(bv)) return;
    const e = sub(b, a);
    guards.push({ id: guards.length, a, b, vars: varsOf(e), affine: affineOf(e, affineOfCell) });
  };
  // Every relation's instances, from the same kinds the rules run (src/relations/).
  const quiet = quietContext(annex);
  for (const kind of RELATION_KINDS) {
    if (!kind.localised && !kind.guard) continue;
    if (kind.localised && opts.off?.has(kind.id)) continue;
    for (const inst of kind.instances(quiet)) {
      const forms = kind.form(inst);
      for (const f of forms === undefined ? [] : Array.isArray(forms) ? forms : [forms as Form]) {
        if (kind.localised) addCheck(kind.id, inst.at.cell.ref, inst.unit, inst.at.indicator, f);
        else if (f.type === 'le') addGuard(f.a, f.b);
      }
    }
  }

  const residuals = new Map<number, Dec | undefined>();
  const slacks = new Map<number, Dec | undefined>();
  const checksOf = new Map<string, Check[]>();
  for (const c of checks) for (const v of c.vars) (checksOf.get(v) ?? checksOf.set(v, []).get(v)!).push(c);
  const guardsOf = new Map<string, Guard[]>();
  for (const g of guards) for (const v of g.vars) (guardsOf.get(v) ?? guardsOf.set(v, []).get(v)!).push(g);

  return {
    annex,
    cells,
    checks,
    guards,
    checksOf,
    guardsOf,
    rateDp,
    ...(opts.suspect ? { suspect: opts.suspect } : {}),
    hasComputed: [...cells.values()].some((c) => c.formula?.role === 'computed'),
    isVar: (r) => cells.has(r) && !isComputed(r),
    affineOfCell,
    baseValue,
    depsOf,
    residual: (c) => {
      if (c.body.type !== 'eq') return undefined;
      if (!residuals.has(c.id)) residuals.set(c.id, evaluate(c.body.expr, baseValue));
      return residuals.get(c.id);
    },
    slack: (g) => {
      if (!slacks.has(g.id)) {
        const a = evaluate(g.a, baseValue);
        const b = evaluate(g.b, baseValue);
        slacks.set(g.id, a && b ? b.minus(a) : undefined);
      }
      return slacks.get(g.id);
    },
  };
}

function mode(xs: number[]): number | undefined {
  const freq = new Map<number, number>();
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [x, k] of freq) if (k > n || (k === n && best !== undefined && x > best)) [best, n] = [x, k];
  return best;
}

/**
 * Marks recognised formulas 'computed' when they read only cells of the table, are not circular, and
 * reproduce their cached value; everything else stays 'entered'.
 */
function classifyFormulas(cells: Map<string, LCell>, suspect?: string): void {
  const parsed = new Map<string, Expr>();
  for (const [r, c] of cells) {
    if (!c.formula) continue;
    if (r === suspect) {
      const expr = parseFormula(c.formula.text);
      cells.set(r, { ...c, formula: { text: c.formula.text, ...(expr ? { expr } : {}), role: 'suspect' } });
      continue;
    }
    const expr = parseFormula(c.formula.text);
    if (expr && [...refsOf(expr)].every((x) => cells.has(x))) parsed.set(r, expr);
  }
  // Drop formulas on a cycle (or reading one).
  const state = new Map<string, 'visiting' | 'ok' | 'bad'>();
  const visit = (r: string): boolean => {
    if (!parsed.has(r)) return true;
    const s = state.get(r);
    if (s === 'ok') return true;
    if (s === 'bad' || s === 'visiting') return false;
    state.set(r, 'visiting');
    let ok = true;
    for (const x of refsOf(parsed.get(r)!)) if (!visit(x)) ok = false;
    state.set(r, ok ? 'ok' : 'bad');
    return ok;
  };
  for (const r of [...parsed.keys()]) if (!visit(r)) parsed.delete(r);
  // Recompute: a formula whose cached value it does not reproduce (not recalculated) counts as entered.
  const memo = new Map<string, Dec | undefined>();
  const value = (r: string): Dec | undefined => {
    if (memo.has(r)) return memo.get(r);
    memo.set(r, undefined);
    const e = parsed.get(r);
    const v = e ? evaluate(e, value) : cells.get(r)?.base;
    memo.set(r, v);
    return v;
  };
  const stale = new Set<string>();
  for (const r of parsed.keys()) {
    const v = value(r);
    const c = cells.get(r)!;
    const shown = Math.min(c.dp, 9);
    if (!v || !v.toDecimalPlaces(shown, Dec.ROUND_HALF_UP).eq(c.base.toDecimalPlaces(shown, Dec.ROUND_HALF_UP))) stale.add(r);
  }
  // A formula reading a stale one is recomputed from a value that is not what the sheet shows: entered too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [r, e] of parsed) {
      if (stale.has(r)) continue;
      if ([...refsOf(e)].some((x) => stale.has(x))) {
        stale.add(r);
        changed = true;
      }
    }
  }
  for (const [r, e] of parsed) {
    if (stale.has(r)) continue;
    const c = cells.get(r)!;
    cells.set(r, { ...c, formula: { text: c.formula!.text, expr: e, role: 'computed' } });
  }
}

/** ½·10^−dp by dp: rates are compared at a few precisions only, so each is made once. */
const HALF_UNITS: Dec[] = [];
const halfUnit = (dp: number): Dec => (HALF_UNITS[dp] ??= new Dec(10).pow(-dp).div(2));

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
    if (b.type === 'eq') {
      // An affine check moves by its coefficients times the changes: O(changes), not O(terms). A sum over a
      // thousand communes is otherwise re-added for every candidate.
      if (check.affine && this.changes.size > 0) {
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
      if (h.isZero()) return true;
      return rateMatches(p, h, r, Math.max(b.minDp, this.dpOf(b.r)));
    }
    if (b.type === 'le') {
      const x = evaluate(b.a, this.get);
      const y = evaluate(b.b, this.get);
      return !x || !y || x.lte(y);
    }
    if (b.type === 'within') {
      const v = evaluate(b.expr, this.get);
      return v === undefined || v.abs().lte(b.tol);
    }
    return b.holds(this.get);
  }

  guardHolds(g: Guard): boolean {
    const a = evaluate(g.a, this.get);
    const b = evaluate(g.b, this.get);
    return !a || !b || a.lte(b);
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

/** A rule context that reports nothing: the relations' instances, for building the system. */
function quietContext(annex: Annex): RuleContext {
  return { annex, report: () => {}, skip: () => {}, depth: depthOf(annex), fold: () => {}, checked: () => {} };
}


/** A column's usual decimals: those most of its cells have, the annex's two at least where the table's rates have two. */
function columnDp(dps: number[] | undefined, tableDp: number): number {
  const m = dps && mode(dps);
  if (m === undefined) return tableDp;
  return tableDp >= RATE_DECIMALS && m >= 1 ? Math.max(m, RATE_DECIMALS) : m;
}
