/**
 * The search for the smallest sets of cells that explain failing checks: one cell must lie in every failing
 * check, so the single candidates are the intersection of their cells; only when no single cell works,
 * pairs: one cell from the smallest failing check, the other from the cells every remaining failing check
 * shares (or, when all of them hold the first, from its neighbours). Each candidate is solved exactly
 * (solve.ts); the system loads the relations of a candidate's unit when the solver first asks for them.
 */
import { refsOf } from '../model/expr.js';
import { formExpr, type Check, type System } from './model.js';
import { solve, type SolutionSet } from './solve.js';

export interface SearchResult {
  sets: SolutionSet[];
  size: number;
  stopped: boolean;
  /** Stopped by the work or pair budget (a large or badly broken table), not only by values left too open to name. */
  budget?: true;
}

export interface SearchLimits {
  maxPairs: number;
  enumLimit: number;
  /** Candidate sets the whole localisation may still solve (shared by every search of the call). */
  work: { left: number };
}

/** Solution sets of the smallest size (1, else 2); with `must`, only sets that contain that cell. */
export function search(sys: System, failing: readonly Check[], limits: SearchLimits, must?: string): SearchResult {
  const singles = searchSingles(sys, failing, limits, must);
  if (singles.sets.length > 0 || singles.exhausted) return singles;
  const pairs = searchPairs(sys, failing, limits, must);
  return { ...pairs, stopped: singles.stopped || pairs.stopped, ...(singles.budget || pairs.budget ? { budget: true as const } : {}) };
}

/** Sheet order of two cells. */
const sheetOrder = (sys: System) => (a: string, b: string) => {
  const ca = sys.cells.get(a)!.value.cell;
  const cb = sys.cells.get(b)!.value.cell;
  return ca.row - cb.row || ca.col - cb.col;
};

/** The cells every set holds. */
function intersect(sets: ReadonlyArray<ReadonlySet<string>>): string[] {
  if (sets.length === 0) return [];
  const sorted = [...sets].sort((x, y) => x.size - y.size);
  return [...sorted[0]!].filter((r) => sorted.every((s) => s.has(r)));
}

/** `exhausted`: the call's work ran out (no pairs are tried then). */
function searchSingles(sys: System, failing: readonly Check[], limits: SearchLimits, must: string | undefined): SearchResult & { exhausted?: true } {
  const sets: SolutionSet[] = [];
  let stopped = false;
  for (const v of intersect(failing.map((c) => c.vars)).filter(sys.isVar).sort(sheetOrder(sys))) {
    if (must && v !== must) continue;
    if (!charge(sys, [v], limits)) return { sets, size: 1, stopped: true, budget: true, exhausted: true };
    const o = solve(sys, [v], limits);
    if (o.kind === 'found') sets.push(o.set);
    else if (o.kind === 'limit') stopped = true;
  }
  return { sets, size: 1, stopped };
}

function searchPairs(sys: System, failing: readonly Check[], limits: SearchLimits, must: string | undefined): SearchResult {
  const order = sheetOrder(sys);
  const sets: SolutionSet[] = [];
  let stopped = false;
  let budget = false;
  const f0 = [...failing].sort((x, y) => x.vars.size - y.vars.size)[0]!;
  const seen = new Set<string>();
  let pairs = 0;
  outer: for (const a of [...f0.vars].filter(sys.isVar).sort(order)) {
    for (const b of partnersOf(sys, failing, a).filter(sys.isVar).sort(order)) {
      if (b === a || (must && a !== must && b !== must)) continue;
      const pair = order(a, b) < 0 ? [a, b] : [b, a];
      const key = pair.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      if (++pairs > limits.maxPairs || !charge(sys, pair, limits)) {
        stopped = budget = true;
        break outer;
      }
      const o = solve(sys, pair, limits);
      if (o.kind === 'found') sets.push(o.set);
      else if (o.kind === 'limit') stopped = true;
    }
  }
  return { sets, size: 2, stopped, ...(budget ? { budget: true as const } : {}) };
}

/** Checks and guards a solve of up to this many costs one unit of the work budget. */
const CHECKS_PER_WORK = 64;

/**
 * Takes a candidate's solve out of the work budget, by its size: the checks and guards its cells are in (a total's
 * cell tied to 10,000 "of which" rows costs what 10,000 small solves cost: counting solves alone let such a table
 * take 16 s). False when what is left does not pay for it.
 */
function charge(sys: System, vars: readonly string[], limits: SearchLimits): boolean {
  if (limits.work.left <= 0) return false;
  let size = 0;
  for (const v of vars) size += sys.checksOf(v).length + sys.guardsOf(v).length;
  const cost = Math.max(1, Math.ceil(size / CHECKS_PER_WORK));
  if (cost > limits.work.left) return false;
  limits.work.left -= cost;
  return true;
}

/** The second cells of pairs with `a`: those every failing check without `a` shares, else `a`'s neighbours. */
function partnersOf(sys: System, failing: readonly Check[], a: string): string[] {
  const rest = failing.filter((c) => !c.vars.has(a));
  if (rest.length > 0) return intersect(rest.map((c) => c.vars));
  const near = new Set<string>();
  for (const c of sys.checksOf(a)) for (const x of c.vars) near.add(x);
  for (const g of sys.guardsOf(a)) for (const x of g.vars) near.add(x);
  return [...near];
}

/** Most formula cells tried one by one in the second pass. */
export const MAX_SUSPECTS = 50;

/** The recomputed formula cells the failing checks read, directly or through other formulas, in sheet order. */
export function suspects(sys: System, failing: readonly Check[]): string[] {
  const out = new Set<string>();
  const visit = (r: string) => {
    const c = sys.cells.get(r);
    if (!c || c.formula?.role !== 'computed' || out.has(r)) return;
    out.add(r);
    for (const x of refsOf(c.formula.expr!)) visit(x);
  };
  for (const c of failing) for (const r of refsOf(formExpr(c.body))) visit(r);
  const pos = (r: string) => sys.cells.get(r)!.value.cell;
  return [...out].sort((a, b) => pos(a).row - pos(b).row || pos(a).col - pos(b).col);
}
