/**
 * Error localisation (Fellegi–Holt): the smallest sets of cells whose changed values make every failing
 * `sum`, `flow`, `rate` and `rate-change` check hold, across rows and columns of the whole table (totals are
 * cells like any other), with the values that do it and the slip each looks like.
 *
 * Search: one cell must lie in every failing check, so the candidates are the intersection of the failing
 * checks' cells; each is solved exactly (solve.ts). Only when no single cell works, pairs: one cell from the
 * smallest failing check, the other from the cells every remaining failing check shares (or, when all of
 * them hold the first, from its neighbours). Cells a recognised formula computes are never candidates;
 * when their inputs explain nothing, a second pass treats them as entered ('suspect').
 *
 * Every explanation is finally confirmed by running the rules themselves on the corrected table: all
 * errors of those four rules gone, no new error anywhere. Pure: annex and findings in, data out.
 */
import { NumberValue } from '../model/value.js';
import { Dec } from '../calc/decimal.js';
import type { Annex, Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding, RuleId } from '../findings.js';
import { CHECK_RULES, runRules } from '../rules/index.js';
import { RELATION_KINDS } from '../relations/index.js';
import { isAnnexShaped, isCoreIndicator } from '../model/indicators.js';
import { formatCellValue, groupsThousands } from './format.js';
import { buildSystem, Evaluation, formExpr, type Check, type LCell, type System } from './model.js';
import { refsOf, showFormula } from '../model/expr.js';
import { editDistance, proposedPlain, SLIP_KINDS, slipKind, slipSources, type SlipKind } from './slips.js';
import { contains, isPoint, solve, someT, valuesAt, type SolutionSet } from './solve.js';
import type { Cause, CauseCell, Confidence, Localisation } from './types.js';

export type { Cause, CauseCell, Confidence, Localisation, LocateStatus, SlipKind } from './types.js';
export { SLIP_KINDS } from './slips.js';
export { formatCellValue, groupsThousands } from './format.js';

export interface LocateOptions {
  /** Most pairs of cells tried (bounds the time on big, badly broken tables). */
  maxPairs?: number;
  /** Most points checked one by one along a line of solutions. */
  enumLimit?: number;
  /** Most causes listed; the rest are counted in `more`. */
  maxCauses?: number;
  /** Most candidate sets solved in the whole call (MAX_SOLVES). */
  maxSolves?: number;
  /** Rules switched off (configuration): their checks are not localised and their findings not required to clear. */
  off?: readonly RuleId[];
}

/** The rules whose errors locate explains (the relation kinds it solves). */
const FAMILIES: ReadonlySet<string> = new Set(RELATION_KINDS.filter((k) => k.localised).map((k) => k.id));
/** The rules that can report errors (denominator only warns). */
const CONFIRM_RULES = CHECK_RULES.filter((r) => r.id !== 'denominator');
const EXPLAINABLE: ReadonlySet<string> = new Set([...FAMILIES, 'range']);

export function locate(annex: Annex, findings: readonly Finding[], opts: LocateOptions = {}): Localisation {
  const limits: Limits = { maxPairs: opts.maxPairs ?? 20_000, enumLimit: opts.enumLimit ?? 2_000, maxCauses: opts.maxCauses ?? 20, work: { left: opts.maxSolves ?? MAX_SOLVES } };
  const off = new Set<string>(opts.off ?? []);
  const sys = buildSystem(annex, { off });
  const failing = failingChecks(sys);
  if (failing.length === 0) return { status: 'clean', failing: 0, causes: [], more: 0 };
  // The failing checks of more units than one or two cells reach: no search for one explanation of them all.
  const spread = beyondTwoCells(annex, findings, off);
  const whole: Localisation = spread === undefined ? localise(sys, failing, findings, off, limits, new Set()) : { status: 'none', failing: failing.length, causes: [], more: 0 };
  if (whole.status === 'found') return whole;
  // No one or two cells explain every failing check: the table has several independent errors. Each group
  // of failing checks that share no cell with the others is localised on its own; a group still left
  // unexplained is peeled: the cell that explains most of its checks first, then the rest.
  const parts = independent(sys, failing, findings, off, limits, MAX_ROUNDS);
  if (!parts || !parts.some((p) => p.status === 'found')) return whole;
  return combine(parts, failing.length);
}

/** How many errors locate names one after another in a table with several. */
const MAX_ROUNDS = 4;

/**
 * The work one localisation may do, counted in candidate sets solved, shared by every search of the call (the
 * whole table, its independent groups, the peeled rounds, the formula suspects): a table broken in many
 * places stops with status `stopped` (its findings stay, without a likely cause) instead of searching on.
 */
const MAX_SOLVES = 20_000;

type Limits = { maxPairs: number; enumLimit: number; maxCauses: number; work: { left: number } };

/** The causes of `failing` (checks of `sys`); findings of `tolerated` checks may stay (other errors). */
function localise(sys: System, failing: readonly Check[], findings: readonly Finding[], off: ReadonlySet<string>, limits: Limits, tolerated: ReadonlySet<string>): Localisation {
  const first = search(sys, failing, limits);
  let found = first.sets.map((set) => ({ sys, set }));
  let size = first.size;
  let stopped = first.stopped;
  if (found.length === 0 && sys.hasComputed) {
    // Second pass: the entered cells explain nothing, so a recomputed formula may itself be wrong (a SUM
    // over the wrong range). Each formula cell the failing checks read is tried as an entered value, the
    // formulas that read it still recomputing from it.
    const second: Array<{ sys: System; set: SolutionSet; size: number }> = [];
    for (const f of suspects(sys, failing).slice(0, MAX_SUSPECTS)) {
      const sf = buildSystem(sys.annex, { suspect: f, off });
      const r = search(sf, failingChecks(sf).filter((c) => failing.some((x) => x.family === c.family && x.at === c.at)), limits, f);
      stopped ||= r.stopped;
      for (const set of r.sets) second.push({ sys: sf, set, size: r.size });
    }
    size = Math.min(...second.map((x) => x.size));
    found = second.filter((x) => x.size === size);
  }
  const builders = new Map<System, CauseBuilder>();
  const drafts = found.map(({ sys: s, set }) => (builders.get(s) ?? builders.set(s, new CauseBuilder(s, findings, off, tolerated)).get(s)!).draft(set)).sort(compareDrafts);
  // Confirm in rank order (running the rules is the costly part) until enough are listed.
  const listed: Array<{ draft: Draft; explains: number[] }> = [];
  let next = 0;
  for (; next < drafts.length && listed.length < limits.maxCauses; next++) {
    const d = drafts[next]!;
    const explains = d.builder.confirm(d);
    if (explains) listed.push({ draft: d, explains });
  }
  if (listed.length === 0) return { status: stopped ? 'stopped' : 'none', failing: failing.length, causes: [], more: 0 };
  const pool = [...listed.map((x) => x.draft), ...drafts.slice(next)];
  const confidence: Confidence = pool.length === 1 ? 'unique' : pool[0]!.score < pool[1]!.score ? 'ranked' : 'ambiguous';
  const causes = listed.map(({ draft, explains }): Cause => ({ ...draft.cause, explains, confidence }));
  return { status: 'found', failing: failing.length, size, causes, more: drafts.length - next };
}

/** A check's identity across systems built from the same table (and the findings it gives). */
const checkKey = (c: Pick<Check, 'family' | 'at'>) => `${c.family}|${c.at}`;

/** The groups of failing checks that share no cell with each other (connected components). */
export function components(failing: readonly Check[]): Check[][] {
  const parent = failing.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  failing.forEach((c, i) => {
    for (const v of c.vars) {
      const j = owner.get(v);
      if (j === undefined) owner.set(v, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Check[]>();
  failing.forEach((c, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(c));
  return [...groups.values()];
}

/**
 * The independent errors of a table, each localised on its own: per group of failing checks sharing no cell;
 * a group no one or two cells explain is peeled, the single cell that explains the most of its checks (and
 * breaks none) first, then what is left, with that cell corrected.
 */
function independent(sys: System, failing: readonly Check[], findings: readonly Finding[], off: ReadonlySet<string>, limits: Limits, rounds: number): Localisation[] | undefined {
  if (rounds <= 0) return undefined;
  const groups = components(failing);
  const parts: Localisation[] = [];
  for (const group of groups) {
    const others = new Set(failing.filter((c) => !group.includes(c)).map(checkKey));
    const one = groups.length > 1 ? localise(sys, group, findings, off, limits, others) : ({ status: 'none', failing: group.length, causes: [], more: 0 } as Localisation);
    if (one.status === 'found') {
      parts.push(one);
      continue;
    }
    const peeled = peel(sys, group, findings, off, limits, others, rounds);
    parts.push(...(peeled ?? [one]));
  }
  return parts;
}

/** The single cell explaining the most checks of `group` (and breaking none), then the rest of the group. */
function peel(sys: System, group: readonly Check[], findings: readonly Finding[], off: ReadonlySet<string>, limits: Limits, others: ReadonlySet<string>, rounds: number): Localisation[] | undefined {
  const candidates = new Map<string, number>();
  for (const c of group) for (const v of c.vars) if (sys.isVar(v)) candidates.set(v, (candidates.get(v) ?? 0) + 1);
  const order = [...candidates].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || position(sys, a[0]) - position(sys, b[0]));
  // Each candidate costs a pass over the group and the other failing checks: counted in the call's work.
  const pass = 1 + Math.ceil((group.length + others.size) / 20);
  for (const [v, n] of order) {
    if ((limits.work.left -= pass) <= 0) return undefined;
    const explained = group.filter((c) => c.vars.has(v));
    if (explained.length !== n) continue;
    const rest = new Set([...others, ...group.filter((c) => !c.vars.has(v)).map(checkKey)]);
    const part = localise(sys, explained, findings, off, limits, rest);
    if (part.status !== 'found' || part.size !== 1 || !part.causes[0]!.cells.every((x) => x.cell.ref === v)) continue;
    // Correct that cell, then localise what is left on the corrected table.
    const cause = part.causes[0]!;
    const proposed = cause.cells[0]!.proposed;
    if (proposed === undefined) return [part];
    const patched = patchAnnex(sys, new Map([[v, new Dec(proposed)]]));
    const next = buildSystem(patched, { off });
    const left = failingChecks(next).filter((c) => group.some((g) => checkKey(g) === checkKey(c)));
    if (left.length === 0) return [part];
    const tail = localise(next, left, findings, off, limits, others);
    if (tail.status === 'found') return [part, withoutExplained(tail, part)];
    const more = independent(next, left, findings, off, limits, rounds - 1);
    return more ? [part, ...more.map((m) => withoutExplained(m, part))] : [part, tail];
  }
  return undefined;
}

const position = (sys: System, ref: string) => {
  const c = sys.cells.get(ref)!.value.cell;
  return c.row * 100_000 + c.col;
};

/** A later part's causes without the findings an earlier part already explains. */
function withoutExplained(loc: Localisation, before: Localisation): Localisation {
  const done = new Set(before.causes.flatMap((c) => c.explains));
  return { ...loc, causes: loc.causes.map((c) => ({ ...c, explains: c.explains.filter((i) => !done.has(i)) })) };
}

/** The localisation of a table with several independent errors: one part per error. */
function combine(parts: Localisation[], failing: number): Localisation {
  const status = parts.every((p) => p.status === 'found') ? 'found' : parts.some((p) => p.status === 'found') ? 'found' : 'none';
  return { status, failing, causes: [], more: 0, parts };
}

/**
 * Without formulas, a cell lies only in the checks of its own unit and in the sums of its parent and of its
 * own children (their findings name the parent): one cell reaches the findings of at most 2 units, two cells
 * 4. When the failing checks name more units, no change of one or two cells explains them: the count of
 * failing checks, answered before the system is built (a big, badly broken table costs seconds there).
 */
function beyondTwoCells(annex: Annex, findings: readonly Finding[], off: ReadonlySet<string>): number | undefined {
  // Relations beyond the annex's (a part's households against its whole's, …) reach further: not decided here.
  if (!isAnnexShaped(annex.indicators) || annex.indicators.some((i) => !isCoreIndicator(i))) return undefined;
  for (const row of annex.values) for (const v of Object.values(row)) if (v?.cell.formula !== undefined) return undefined;
  const failing = findings.filter((f) => FAMILIES.has(f.rule) && !off.has(f.rule) && f.severity !== 'info');
  const units = new Set(failing.map((f) => f.unit));
  return units.size > 4 ? failing.length : undefined;
}

/** Most formula cells tried one by one in the second pass. */
const MAX_SUSPECTS = 50;

/** The recomputed formula cells the failing checks read, directly or through other formulas, in sheet order. */
function suspects(sys: System, failing: readonly Check[]): string[] {
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

function failingChecks(sys: System): Check[] {
  const ev = new Evaluation(sys, new Map());
  return sys.checks.filter((c) => !ev.holds(c));
}

interface SearchResult {
  sets: SolutionSet[];
  size: number;
  stopped: boolean;
}

/** Solution sets of the smallest size (1, else 2); with `must`, only sets that contain that cell. */
function search(sys: System, failing: readonly Check[], limits: Pick<Limits, 'maxPairs' | 'enumLimit' | 'work'>, must?: string): SearchResult {
  const order = (a: string, b: string) => {
    const ca = sys.cells.get(a)!.value.cell;
    const cb = sys.cells.get(b)!.value.cell;
    return ca.row - cb.row || ca.col - cb.col;
  };
  const intersect = (sets: ReadonlyArray<ReadonlySet<string>>): string[] => {
    if (sets.length === 0) return [];
    const sorted = [...sets].sort((x, y) => x.size - y.size);
    return [...sorted[0]!].filter((r) => sorted.every((s) => s.has(r)));
  };
  let stopped = false;
  const sets: SolutionSet[] = [];

  for (const v of intersect(failing.map((c) => c.vars)).filter(sys.isVar).sort(order)) {
    if (must && v !== must) continue;
    if (limits.work.left-- <= 0) return { sets, size: 1, stopped: true };
    const o = solve(sys, [v], limits);
    if (o.kind === 'found') sets.push(o.set);
    else if (o.kind === 'limit') stopped = true;
  }
  if (sets.length > 0) return { sets, size: 1, stopped };

  const f0 = [...failing].sort((x, y) => x.vars.size - y.vars.size)[0]!;
  const seen = new Set<string>();
  let pairs = 0;
  outer: for (const a of [...f0.vars].filter(sys.isVar).sort(order)) {
    const rest = failing.filter((c) => !c.vars.has(a));
    let partners: string[];
    if (rest.length > 0) partners = intersect(rest.map((c) => c.vars));
    else {
      const near = new Set<string>();
      for (const c of sys.checksOf.get(a) ?? []) for (const x of c.vars) near.add(x);
      for (const g of sys.guardsOf.get(a) ?? []) for (const x of g.vars) near.add(x);
      partners = [...near];
    }
    for (const b of partners.filter(sys.isVar).sort(order)) {
      if (b === a || (must && a !== must && b !== must)) continue;
      const pair = order(a, b) < 0 ? [a, b] : [b, a];
      const key = pair.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      if (++pairs > limits.maxPairs || limits.work.left-- <= 0) {
        stopped = true;
        break outer;
      }
      const o = solve(sys, pair, limits);
      if (o.kind === 'found') sets.push(o.set);
      else if (o.kind === 'limit') stopped = true;
    }
  }
  return { sets, size: 2, stopped };
}

interface Draft {
  builder: CauseBuilder;
  cells: LCell[];
  /** The values the rules are run with: the proposal, or one solution of a range. */
  probe: Dec[];
  cause: Omit<Cause, 'confidence' | 'explains'>;
  /** Cells whose slip is not recognised: lower ranks first. */
  score: number;
  distance: number;
  kindRank: number;
  row: number;
  col: number;
}

function compareDrafts(a: Draft, b: Draft): number {
  return a.score - b.score || Number(b.cause.pinned) - Number(a.cause.pinned) || a.distance - b.distance || a.kindRank - b.kindRank || a.row - b.row || a.col - b.col;
}

const KIND_RANK = new Map<SlipKind, number>(SLIP_KINDS.map((k, i) => [k, i]));

/** A finding's identity across runs, whatever level the configuration gives its rule. */
type FindingKey = string;
const keyOf = (f: Finding): FindingKey => `${f.rule}|${f.at?.ref ?? ''}|${f.unit ?? ''}|${f.indicator ?? ''}|${f.msg.id}`;

class CauseBuilder {
  private readonly originalKeys: Set<FindingKey>;
  private readonly grouping: boolean;
  constructor(
    private readonly sys: System,
    private readonly findings: readonly Finding[],
    private readonly off: ReadonlySet<string>,
    /** Checks (rule|cell) of other errors, whose findings may stay. */
    private readonly tolerated: ReadonlySet<string> = new Set(),
  ) {
    this.originalKeys = new Set(findings.map(keyOf));
    this.grouping = groupsThousands(sys.annex);
  }

  /** The cause for a solution set, ranked but not yet confirmed by the rules. */
  draft(set: SolutionSet): Draft {
    const cells = set.vars.map((v) => this.sys.cells.get(v)!);
    const pinned = isPoint(set);
    let values: Dec[] | undefined;
    let guessed = false;
    // A value that is its neighbour's (the row above or below, same column) looks copied: nothing in it tells
    // what it should be, so no value is guessed out of a range for it.
    const copied = cells.map((c) => this.copiedFrom(c));
    if (pinned) values = valuesAt(set, someT(set));
    else if (copied.every((x) => x === undefined)) {
      values = this.guess(set, cells);
      guessed = values !== undefined;
    }
    const probe = values ?? valuesAt(set, someT(set));
    const kinds = (values ? this.kinds(cells, values) : cells.map(() => undefined)).map((k, i) => k ?? (copied[i] ? ('copied' as const) : undefined));
    const out: CauseCell[] = cells.map((c, i) => {
      const dir = set.dir[i]!;
      const fixedHere = dir.isZero();
      const range = fixedHere || pinned ? undefined : this.rangeOf(set, i, c);
      const proposed = values ? proposedPlain(values[i]!, c.kind, c.proposalDp) : undefined;
      return {
        cell: c.value.cell,
        unit: c.unit.name,
        indicator: c.indicator,
        actual: c.value.plain,
        ...(proposed !== undefined && (pinned || fixedHere || guessed) ? { proposed } : {}),
        ...(range ? { range } : {}),
        ...(kinds[i] ? { kind: kinds[i] } : {}),
        ...(c.formula && c.formula.role !== 'computed' ? { formula: { text: showFormula(c.formula.text), role: c.formula.role } } : {}),
      };
    });
    // Ranking: fewer cells without a recognised slip first; then pinned before ranges; then the smaller
    // edit (Damerau–Levenshtein over the digits), the more specific slip kind; then sheet order.
    const distance = values ? cells.reduce((sum, c, i) => sum + editDistance(c.value.plain, proposedPlain(values![i]!, c.kind, c.proposalDp)), 0) : Number.MAX_SAFE_INTEGER;
    const first = cells[0]!.value.cell;
    return {
      builder: this,
      cells,
      probe,
      cause: { cells: out, pinned, linked: !pinned && set.dir.filter((d) => !d.isZero()).length > 1 },
      score: kinds.filter((k) => !k).length,
      distance,
      kindRank: Math.min(...kinds.map((k) => (k ? KIND_RANK.get(k)! : SLIP_KINDS.length))),
      row: first.row,
      col: first.col,
    };
  }

  /** The cell of the unit listed just above or below with the same value in the same slot, if any. */
  private copiedFrom(c: LCell): string | undefined {
    const { annex } = this.sys;
    for (const id of [c.unit.id - 1, c.unit.id + 1]) {
      const v = annex.values[id]?.[c.indicator];
      if (v?.status === 'ok' && v.num!.eq(c.base) && v.text === c.value.text) return v.cell.ref;
    }
    return undefined;
  }

  /** The slip each cell's value looks like, with the whole proposal applied to its unit. */
  private kinds(cells: LCell[], values: Dec[]): Array<SlipKind | undefined> {
    const ev = new Evaluation(this.sys, new Map(cells.map((c, i) => [c.ref, values[i]!])));
    return cells.map((c, i) => {
      const ctx = {
        indicator: c.indicator,
        kind: c.kind,
        rateDp: c.proposalDp,
        unitValue: (ind: Indicator) => {
          const v = this.sys.annex.values[c.unit.id]?.[ind];
          return v && v.status === 'ok' ? ev.get(v.cell.ref) : undefined;
        },
      };
      const kind = slipKind(c.value, values[i]!, ctx);
      if (kind || c.kind !== 'rate' || c.dp >= c.proposalDp) return kind;
      // A rate printed with fewer decimals (0,4 among two-decimal rates): the slip at its own precision (0,3 → 0,4).
      const own = values[i]!.toDecimalPlaces(c.dp, Dec.ROUND_HALF_UP);
      return own.eq(c.value.num) ? undefined : slipKind(c.value, own, { ...ctx, rateDp: c.dp });
    });
  }

  /** A value in the range that a recognised slip of the typed value would give, if any. */
  private guess(set: SolutionSet, cells: LCell[]): Dec[] | undefined {
    // Best: fewest cells without a slip, then the most specific kind, then the smallest change.
    let best: { values: Dec[]; misses: number; rank: number; change: Dec } | undefined;
    cells.forEach((c, i) => {
      const dir = set.dir[i]!;
      if (dir.isZero()) return;
      for (const source of slipSources(c.value, c.kind)) {
        const t = source.minus(set.base[i]!).div(dir);
        const vals = valuesAt(set, t);
        if (!contains(set, vals)) continue;
        const kinds = this.kinds(cells, vals);
        if (!kinds[i]) continue;
        const cand = { values: vals, misses: kinds.filter((k) => !k).length, rank: KIND_RANK.get(kinds[i]!)!, change: vals[i]!.minus(c.base).abs() };
        const better = (x: typeof cand, y: typeof cand) => (x.misses !== y.misses ? x.misses < y.misses : x.rank !== y.rank ? x.rank < y.rank : x.change.lt(y.change));
        if (!best || better(cand, best)) best = cand;
      }
    });
    return best?.values;
  }

  private rangeOf(set: SolutionSet, i: number, c: LCell): { min?: string; max?: string } {
    const ends = [set.lo, set.hi].map((t) => (t === undefined ? undefined : valuesAt(set, t)[i]!));
    const [a, b] = set.dir[i]!.isNegative() ? [ends[1], ends[0]] : [ends[0], ends[1]];
    return {
      ...(a !== undefined ? { min: proposedPlain(a, c.kind, c.proposalDp) } : {}),
      ...(b !== undefined ? { max: proposedPlain(b, c.kind, c.proposalDp) } : {}),
    };
  }

  /**
   * The rules themselves must agree: runs them on the table with the draft's values (the proposal, or any
   * solution of a range). Undefined unless every sum / flow / rate / rate-change error is gone and no new
   * error appears; else the indexes of the findings that disappear.
   */
  confirm(d: Draft): number[] | undefined {
    const patched = patchAnnex(this.sys, new Map(d.cells.map((c, i) => [c.ref, d.probe[i]!])), this.grouping);
    const run = runRules(patched, CONFIRM_RULES);
    const after = new Set(run.findings.map(keyOf));
    for (const f of run.findings) {
      if (f.severity !== 'error' || this.off.has(f.rule)) continue;
      if ((FAMILIES.has(f.rule) && !this.tolerated.has(`${f.rule}|${f.at?.ref ?? ''}`)) || !this.originalKeys.has(keyOf(f))) return undefined;
    }
    // The findings (as the file reports them, whatever their configured level) that disappear.
    const explains: number[] = [];
    this.findings.forEach((f, i) => {
      if (f.severity !== 'info' && EXPLAINABLE.has(f.rule) && !after.has(keyOf(f))) explains.push(i);
    });
    return explains;
  }
}

/**
 * The annex with some entered cells changed and every computed cell recomputed: what the table would be
 * after the correction. Values keep their cells; the text is written in the table's number format.
 */
export function patchAnnex(sys: System, changes: ReadonlyMap<string, Dec>, grouping = groupsThousands(sys.annex)): Annex {
  const annex = sys.annex;
  const ev = new Evaluation(sys, changes);
  const values = annex.values.map((vals) => {
    const out: Partial<Record<Indicator, Value>> = { ...vals };
    for (const [ind, v] of Object.entries(vals) as Array<[Indicator, Value]>) {
      if (!v || v.status !== 'ok') continue;
      const c = sys.cells.get(v.cell.ref);
      if (!c) continue;
      const changed = changes.get(c.ref);
      const computed = c.formula?.role === 'computed';
      if (!changed && !computed) continue;
      const n = changed ?? ev.get(c.ref);
      if (!n || (!changed && n.eq(c.base))) continue;
      const dp = changed ? (c.kind === 'rate' ? Math.max(c.proposalDp, n.decimalPlaces()) : 0) : c.dp;
      const plain = n.toFixed(dp);
      out[ind] = new NumberValue(v.indicator, v.unit, v.cell, formatCellValue(plain, v, annex, grouping), plain, dp, new Dec(plain));
    }
    return out;
  });
  return { ...annex, values };
}
