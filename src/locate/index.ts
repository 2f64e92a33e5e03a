/**
 * Error localisation (Fellegi–Holt): the smallest sets of cells whose changed values make every failing
 * relation hold (sum, flow, rate, rate-change and the published shapes' relations), across rows and columns
 * of the whole table (totals are cells like any other), with the values that do it and the slip each looks
 * like.
 *
 * Cost proportional to the error: the system (model.ts) starts from the units the errors' findings name,
 * and loads another unit's relations only when the search asks about one of its cells; the search
 * (search.ts) solves each candidate exactly (solve.ts); each cause is confirmed by running the rules on the
 * relations that read the changed units (confirm.ts). A slip in one commune of a national table reads that
 * commune, its district and their neighbours. Cells a recognised formula computes are never candidates;
 * when their inputs explain nothing, a second pass treats them as entered ('suspect').
 *
 * When no one or two cells explain every failing relation, or they leave a blank cell on a failing relation's row or
 * column, a row or column typed one cell off is tried as one cause (shift.ts), then a line of one indicator computed by a
 * wrong formula (recomputed-line.ts); else each group of failing relations
 * sharing no cell is localised on its own, and a group still unexplained is peeled. Pure: annex and findings in, data out.
 */
import { Dec } from '../calc/decimal.js';
import type { Annex } from '../model/annex.js';
import type { Finding, RuleId, Skip } from '../model/finding.js';
import type { Grid } from '../model/grid.js';
import type { SkipRef } from '../model/message-ref.js';
import { isAnnexShaped, isCoreIndicator, type Indicator } from '../model/indicators.js';
import { buildSystem, type Check, type System } from './model.js';
import { patchAnnex } from './patch.js';
import { MAX_SUSPECTS, search, suspects } from './search.js';
import { CauseBuilder, compareDrafts, FAMILIES, FindingIndex, type Draft, type Tolerated } from './causes.js';
import { tableFacts } from './table.js';
import { blankOnFailingLine, shiftLocalisation } from './shift.js';
import { recomputedLineLocalisation } from './recomputed-line.js';
import type { SolutionSet } from './solve.js';
import type { Cause, Confidence, Localisation } from './types.js';
import type { CheckedRelations } from '../relations/checked.js';

export type { Cause, CauseCell, Confidence, Localisation, LocateStatus, ShiftInfo, SlipKind } from './types.js';
export { SLIP_KINDS } from './slips.js';
export { formatCellValue, groupsThousands } from './format.js';
export { patchAnnex } from './patch.js';

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
  /** Build the system over every relation of the table at once (the reference the tests compare with). */
  whole?: boolean;
  /** The relations the rules checked over this table, with their findings (`runRules` with `keep`): reused, not run again. */
  checked?: CheckedRelations;
  /** Rate columns every rate of which failed (`RuleRun.rateColumns`): one cause the findings say, not slips to localise. */
  rateColumns?: ReadonlySet<Indicator>;
  /** The cells (refs) of the failing sums a row typed twice explains (`sumsLeftOut`): that row is their cause, not slips to localise. */
  explainedSums?: ReadonlySet<string>;
  /** The rules' skips: a blank cell one names (a check not run for it) may be the blank a row typed one cell off leaves. */
  skipped?: readonly Skip[];
  /** The table's grid, when it was read whole: a run typed one cell on names the cell its last value was pushed into. */
  grid?: Grid;
}

/** What every step of one localisation shares. */
interface Run {
  readonly findings: FindingIndex;
  readonly off: ReadonlySet<string>;
  readonly limits: Limits;
  readonly scope: 'table' | 'component';
  readonly checked: CheckedRelations | undefined;
  readonly rateColumns: ReadonlySet<Indicator> | undefined;
  readonly explainedSums: ReadonlySet<string> | undefined;
}

/**
 * The work one localisation may do, counted in candidate sets solved (a solve over more than 64 checks and guards
 * counts once per 64: search.ts `charge`), shared by every search of the call (the
 * whole table, its independent groups, the peeled rounds, the formula suspects): a table broken in many
 * places stops with status `stopped` (its findings stay, without a likely cause) instead of searching on.
 */
const MAX_SOLVES = 20_000;

type Limits = { maxPairs: number; enumLimit: number; maxCauses: number; work: { left: number } };

/** How many errors locate names one after another in a table with several. */
const MAX_ROUNDS = 4;
/** Most independent errors (groups of failing checks sharing no cell) localised in one table. */
const MAX_PARTS = 1000;

export function locate(annex: Annex, findings: readonly Finding[], opts: LocateOptions = {}): Localisation {
  const run: Run = {
    findings: new FindingIndex(findings),
    off: new Set<string>(opts.off ?? []),
    limits: { maxPairs: opts.maxPairs ?? 20_000, enumLimit: opts.enumLimit ?? 2_000, maxCauses: opts.maxCauses ?? 20, work: { left: opts.maxSolves ?? MAX_SOLVES } },
    scope: opts.whole ? 'table' : 'component',
    checked: opts.checked,
    rateColumns: opts.rateColumns,
    explainedSums: opts.explainedSums,
  };
  const sys = buildSystem(annex, { off: run.off, scope: run.scope, checked: run.checked, rateColumns: run.rateColumns, explainedSums: run.explainedSums });
  const localised = withoutExplainedSums(findings, opts.explainedSums);
  const failing = sys.failing(unitsNamed(annex, localised, run.off));
  if (failing.length === 0) return { status: 'clean', failing: 0, causes: [], more: 0 };
  // The failing checks of more units than one or two cells reach: no search for one explanation of them all.
  const spread = beyondTwoCells(annex, localised, run.off);
  const whole: Localisation = spread === undefined ? localise(sys, failing, run, () => false) : { status: 'none', failing: failing.length, causes: [], more: 0 };
  // A row (or column) typed one cell off breaks one check per cell it moves, and leaves a blank cell: tried when no one
  // or two cells explain the failing checks, or when they do but leave a blank cell (a run of two cells moved: the pair
  // of cells after the blank takes the two values, and the blank stays blank). The blank is a `missing` error in the
  // full annex form; elsewhere only a skip names it (a check not run), and a blank no check wanted (a column the table
  // leaves empty for a row) is no sign of a run: then only the runs from such a named blank are tried.
  const blank = findings.some((f) => f.rule === 'missing' && f.severity === 'error' && f.at !== undefined);
  const named = whole.status === 'found' ? namedBlanks(findings, opts.skipped) : undefined;
  const lines = { sys, findings, index: run.findings, off: run.off, rateColumns: run.rateColumns, explainedSums: run.explainedSums, enumLimit: run.limits.enumLimit };
  if (whole.status !== 'found' || blank || (named && blankOnFailingLine(sys, failing, named))) {
    const shifted = shiftLocalisation({ ...lines, ...(named ? { blanks: named } : {}), ...(opts.grid ? { grid: opts.grid } : {}) }, failing);
    if (shifted) return shifted;
  }
  if (whole.status === 'found') return whole;
  // A line of one indicator computed by a wrong formula (end − start for a reduction, the reduction added): its figures
  // recomputed from their units' own checks, as one cause, before the failing checks are split into groups each of
  // which one cell would not explain without breaking the total's sum.
  const line = recomputedLineLocalisation(lines, failing);
  if (line) return line;
  // No one or two cells explain every failing check: the table has several independent errors. Each group
  // of failing checks that share no cell with the others is localised on its own; a group still left
  // unexplained is peeled: the cell that explains most of its checks first, then the rest.
  const parts = independent(sys, failing, run, MAX_ROUNDS);
  if (!parts || !parts.some((p) => p.status === 'found')) return run.limits.work.left <= 0 && whole.status === 'none' ? { ...whole, status: 'stopped' } : whole;
  return combine(parts, failing.length);
}

/** The cells (refs) a `missing` error sits at or a skip names as not usable (`skip.bad-value`): blanks a check wanted. */
function namedBlanks(findings: readonly Finding[], skipped: readonly Skip[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (f.rule === 'missing' && f.severity === 'error' && f.at) out.add(f.at.ref);
  for (const s of skipped ?? []) if (isBadValue(s.msg)) for (const ref of s.msg.params.cells) out.add(ref);
  return out;
}

const isBadValue = (msg: SkipRef): msg is SkipRef<'skip.bad-value'> => msg.id === 'skip.bad-value';

/** The findings but the failing sums a row typed twice explains: that row is their cause. */
function withoutExplainedSums(findings: readonly Finding[], explained: ReadonlySet<string> | undefined): readonly Finding[] {
  return explained ? findings.filter((f) => !(f.rule === 'sum' && f.at && explained.has(f.at.ref))) : findings;
}

/**
 * The units the errors of the localised relations name (a relation's finding names a unit whose cells it
 * reads): where the failing relations are. Infos (notes on relations that hold) name none.
 */
function unitsNamed(annex: Annex, findings: readonly Finding[], off: ReadonlySet<string>): number[] {
  const names = new Set<string>();
  // The cells the findings sit at, by unit name: of several units of one name (communes of one name in
  // different districts of a national table), those holding the cell.
  const cells = new Map<string, Set<string> | null>();
  for (const f of findings) {
    if (!FAMILIES.has(f.rule) || off.has(f.rule) || f.severity === 'info' || f.msg.id === 'rate.column') continue;
    const name = f.unit ?? '';
    names.add(name);
    if (!f.at || f.at.sheet !== undefined || cells.get(name) === null) cells.set(name, null);
    else (cells.get(name) ?? cells.set(name, new Set()).get(name)!).add(f.at.ref);
  }
  if (names.has('')) return Array.from({ length: annex.units.length }, (_, id) => id);
  const named = annex.units.idsNamed(names).map((id) => annex.units.at(id)!);
  // Each name one unit's: every unit named, whichever cells the findings sit at.
  if (new Set(named.map((u) => u.name)).size === named.length) return named.map((u) => u.id);
  const holding = named.filter((u) => {
    const refs = cells.get(u.name);
    return !refs || Object.values(annex.values.row(u.id)).some((v) => v && refs.has(v.cell.ref));
  });
  // A finding at no value of its unit (a label): every unit of the name.
  const held = new Set(holding.map((u) => u.name));
  const kept = new Set(holding.map((u) => u.id));
  return named.filter((u) => !held.has(u.name) || kept.has(u.id)).map((u) => u.id);
}

/** The causes of `failing` (checks of `sys`); findings of `tolerated` checks may stay (other errors). */
function localise(sys: System, failing: readonly Check[], run: Run, tolerated: Tolerated): Localisation {
  const found = solutions(sys, failing, run);
  const builders = new Map<System, CauseBuilder>();
  const builderOf = (s: System) => builders.get(s) ?? builders.set(s, new CauseBuilder(s, run.findings, run.off, tolerated)).get(s)!;
  const drafts = found.sets.map(({ sys: s, set }) => builderOf(s).draft(set)).sort(compareDrafts);
  return confirmed(drafts, found, failing.length, run.limits.maxCauses);
}

interface Found {
  sets: Array<{ sys: System; set: SolutionSet }>;
  size: number;
  stopped: boolean;
  budget?: boolean;
}

/** The solution sets of the smallest size: over the entered cells, else over a formula cell taken as entered. */
function solutions(sys: System, failing: readonly Check[], run: Run): Found {
  const first = search(sys, failing, run.limits);
  const firstFound = { sets: first.sets.map((set) => ({ sys, set })), size: first.size, stopped: first.stopped, budget: !!first.budget };
  if (!sys.hasComputed || (first.sets.length > 0 && !first.sets.every(zeroesOnly))) return firstFound;
  // Second pass: the entered cells explain nothing, so a recomputed formula may itself be wrong (a SUM over
  // the wrong range). Each formula cell the failing checks read is tried as an entered value, the formulas
  // that read it still recomputing from it. Also when the entered cells' only explanation is parts made 0: what
  // a total's =SUM(C3:C5) leaving out C6 looks like, preferred when a formula explains it with as few cells.
  let stopped = first.stopped;
  let budget = !!first.budget;
  const second: Array<{ sys: System; set: SolutionSet; size: number }> = [];
  for (const f of suspects(sys, failing).slice(0, MAX_SUSPECTS)) {
    const sf = buildSystem(sys.annex, { suspect: f, off: run.off, checked: run.checked, rateColumns: run.rateColumns, explainedSums: run.explainedSums });
    const keys = new Set(failing.map(checkKey));
    const r = search(sf, sf.failing().filter((c) => keys.has(checkKey(c))), run.limits, f);
    stopped ||= r.stopped;
    budget ||= !!r.budget;
    for (const set of r.sets) second.push({ sys: sf, set, size: r.size });
  }
  const size = Math.min(...second.map((x) => x.size));
  if (first.sets.length > 0 && size > first.size) return firstFound;
  return { sets: second.filter((x) => x.size === size), size, stopped, budget };
}

/** Whether a solution set is one point (a single value of its t) that makes every cell of it 0. */
function zeroesOnly(set: SolutionSet): boolean {
  const t = set.dir.every((d) => d.isZero()) ? new Dec(0) : set.points?.length === 1 ? set.points[0]! : set.lo !== undefined && set.hi !== undefined && set.lo.eq(set.hi) ? set.lo : undefined;
  return t !== undefined && set.base.every((b, i) => b.plus(set.dir[i]!.mul(t)).isZero());
}

/** Confirms the drafts in rank order (running the rules is the costly part) until enough are listed. */
function confirmed(drafts: readonly Draft[], found: Found, failing: number, maxCauses: number): Localisation {
  const listed: Array<{ draft: Draft; explains: number[] }> = [];
  let next = 0;
  for (; next < drafts.length && listed.length < maxCauses; next++) {
    const d = drafts[next]!;
    const explains = d.builder.confirm(d);
    if (explains) listed.push({ draft: d, explains });
  }
  // Stopped with the budget left: the values the failing checks leave open are too many to name one (not a large table).
  if (listed.length === 0) return { status: found.stopped ? 'stopped' : 'none', failing, causes: [], more: 0, ...(found.stopped && !found.budget ? { open: true as const } : {}) };
  const pool = [...listed.map((x) => x.draft), ...drafts.slice(next)];
  const confidence: Confidence = pool.length === 1 ? 'unique' : pool[0]!.score < pool[1]!.score ? 'ranked' : 'ambiguous';
  const causes = listed.map(({ draft, explains }): Cause => {
    const sources = confidence === 'unique' ? draft.builder.sources(draft, explains) : undefined;
    return draft.builder.withConfirmedRange(draft, { ...draft.cause, explains, confidence, ...(sources ? { sources } : {}) });
  });
  return { status: 'found', failing, size: found.size, causes, more: drafts.length - next };
}

/** The failing checks of the other groups (by key), and how many keys they have. */
type Others = Tolerated & { readonly size: number };

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
 * breaks none) first, then what is left, with that cell corrected. `outer`: the failing checks of the groups
 * around a peeled one (a later round's), which its causes may leave failing as the first round's could.
 */
function independent(sys: System, failing: readonly Check[], run: Run, rounds: number, outer?: Others): Localisation[] | undefined {
  if (rounds <= 0) return undefined;
  const groups = components(failing);
  const failingKeys = new Map<string, number>();
  for (const c of failing) failingKeys.set(checkKey(c), (failingKeys.get(checkKey(c)) ?? 0) + 1);
  const parts: Localisation[] = [];
  for (const [i, group] of groups.entries()) {
    if (i === MAX_PARTS) {
      // A table with an error on almost every row: the rest is counted, not searched (bounded work).
      const rest = groups.slice(i).reduce((n, g) => n + g.length, 0);
      parts.push({ status: 'stopped', failing: rest, causes: [], more: 0 });
      break;
    }
    const own = new Map<string, number>();
    for (const c of group) own.set(checkKey(c), (own.get(checkKey(c)) ?? 0) + 1);
    const others: Others = Object.assign((k: string) => (failingKeys.has(k) && failingKeys.get(k) !== own.get(k)) || (outer?.(k) ?? false), {
      // How many checks' keys the others have (the peeling's cost counts them).
      size: failingKeys.size - [...own].filter(([k, n]) => failingKeys.get(k) === n).length + (outer?.size ?? 0),
    });
    const one = groups.length > 1 ? localise(sys, group, run, others) : ({ status: 'none', failing: group.length, causes: [], more: 0 } as Localisation);
    if (one.status === 'found') {
      parts.push(one);
      continue;
    }
    const peeled = peel(sys, group, run, others, rounds);
    parts.push(...(peeled ?? [one]));
  }
  return parts;
}

/** The single cell explaining the most checks of `group` (and breaking none), then the rest of the group. */
function peel(sys: System, group: readonly Check[], run: Run, others: Others, rounds: number): Localisation[] | undefined {
  // Each candidate costs a pass over the group (the others are a lookup): counted in the call's work.
  const pass = 1 + Math.ceil(group.length / 20);
  for (const { v, lone } of peelCandidates(sys, group)) {
    if ((run.limits.work.left -= pass) <= 0) return undefined;
    const rest = new Set(group.filter((c) => !c.vars.has(v)).map(checkKey));
    const part = localise(
      sys,
      group.filter((c) => c.vars.has(v)),
      run,
      (k) => others(k) || rest.has(k),
    );
    if (part.status !== 'found' || part.size !== 1 || !part.causes[0]!.cells.every((x) => x.cell.ref === v)) continue;
    // A lone cell's check alone may be explained as well by another of its cells: peeled only when it is the likelier.
    if (lone && part.causes[0]!.confidence === 'ambiguous') continue;
    // Correct that cell, then localise what is left on the corrected table.
    const proposed = part.causes[0]!.cells[0]!.proposed;
    if (proposed === undefined) return [part];
    const next = buildSystem(patchAnnex(sys, new Map([[v, new Dec(proposed)]])), { off: run.off, scope: run.scope, rateColumns: run.rateColumns, explainedSums: run.explainedSums });
    const keys = new Set(group.map(checkKey));
    const left = next.failing(unitsOf(sys, group)).filter((c) => keys.has(checkKey(c)));
    if (left.length === 0) return [part];
    const tail = localise(next, left, run, others);
    if (tail.status === 'found') return [part, withoutExplained(tail, part)];
    const more = independent(next, left, run, rounds - 1, others);
    return more ? [part, ...more.map((m) => withoutExplained(m, part))] : [part, tail];
  }
  return undefined;
}

/**
 * The cells of a group in at least two of its checks, those in most first (then in sheet order); then the cells of
 * its small checks that no other check of the group reads (a rate typed `12,20` for `12,00` is in its own rate check
 * alone: three such slips linked by a sum's cells were never peeled), at most MAX_LONE_CANDIDATES of them.
 */
function peelCandidates(sys: System, group: readonly Check[]): Array<{ v: string; lone?: true }> {
  const count = new Map<string, number>();
  for (const c of group) for (const v of c.vars) if (sys.isVar(v)) count.set(v, (count.get(v) ?? 0) + 1);
  const shared = [...count]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || position(sys, a[0]) - position(sys, b[0]))
    .map(([v]) => v);
  const lone = group
    .filter((c) => c.vars.size <= SMALL_CHECK)
    .flatMap((c) => [...c.vars].filter((v) => count.get(v) === 1))
    .sort((a, b) => position(sys, a) - position(sys, b))
    .slice(0, MAX_LONE_CANDIDATES);
  return [...shared.map((v) => ({ v })), ...lone.map((v) => ({ v, lone: true as const }))];
}

/** A check of at most this many cells (a rate's: count, households, rate) is small enough to peel a lone cell of. */
const SMALL_CHECK = 4;
/** Most lone cells tried by one peel. */
const MAX_LONE_CANDIDATES = 40;

/** The units whose cells some of these checks read. */
function unitsOf(sys: System, checks: readonly Check[]): number[] {
  const ids = new Set<number>();
  for (const c of checks) for (const v of c.vars) ids.add(sys.cells.get(v)!.unit.id);
  return [...ids];
}

const position = (sys: System, ref: string) => {
  const c = sys.cells.get(ref)!.value.cell;
  return c.row * 100_000 + c.col;
};

/** A later part's causes without the findings an earlier part already explains. */
function withoutExplained(loc: Localisation, before: Localisation): Localisation {
  const done = new Set(before.causes.flatMap((c) => c.explains));
  // A cell the earlier part corrected holds, in the table, what it held before the correction (not the corrected value).
  const held = new Map(before.causes[0]?.cells.map((x) => [x.cell.ref, x.actual]) ?? []);
  const asHeld = (x: Cause['cells'][number]) => (held.has(x.cell.ref) ? { ...x, actual: held.get(x.cell.ref)! } : x);
  return { ...loc, causes: loc.causes.map((c) => ({ ...c, cells: c.cells.map(asHeld), explains: c.explains.filter((i) => !done.has(i)) })) };
}

/** The localisation of a table with several independent errors: one part per error. */
function combine(parts: Localisation[], failing: number): Localisation {
  const status = parts.some((p) => p.status === 'found') ? 'found' : 'none';
  return { status, failing, causes: [], more: 0, parts };
}

/**
 * Without formulas, a cell lies only in the checks of its own unit and in the sums of its parent and of its
 * own children (their findings name the parent): one cell reaches the findings of at most 2 units, two cells
 * 4. When the failing checks name more units, no change of one or two cells explains them: the count of
 * failing checks, answered before any search (a big, badly broken table costs seconds there).
 */
function beyondTwoCells(annex: Annex, findings: readonly Finding[], off: ReadonlySet<string>): number | undefined {
  // Relations beyond the annex's (a part's households against its whole's, …) reach further: not decided here.
  if (!isAnnexShaped(annex.indicators) || annex.indicators.some((i) => !isCoreIndicator(i))) return undefined;
  if (tableFacts(annex).anyFormula) return undefined;
  const failing = findings.filter((f) => FAMILIES.has(f.rule) && !off.has(f.rule) && f.severity !== 'info' && f.msg.id !== 'rate.column');
  const units = new Set(failing.map((f) => f.unit));
  return units.size > 4 ? failing.length : undefined;
}

