/**
 * The planner: from base counts (households at the start and the projected households at the end, poor
 * households at the start) and targets, the least number of poor households that must leave poverty in each
 * targeted unit, computed the annex's way (calc/annex-math.ts: exitsForTarget), and what that gives the total.
 * Pure: no I/O, no wording.
 */
import { PovcheckError } from '../errors.js';
import { zero, type Dec } from '../calc/decimal.js';
import { compareTarget, exitsForTarget, plannable, valueWithExits, type ExitsOutcome, type TargetIndicator, type UnitCounts } from '../calc/annex-math.js';
import { INDICATORS, type Indicator } from '../model/indicators.js';
import { addingChildren, type Annex, type Unit } from '../model/annex.js';
import { givenAt, resolveTargetUnit, type Target } from '../targets/index.js';
import { chooseTotal, inTableWords, totalParts, derive, readBase, requireIndicators, statedDifferences, sumBase, type BaseCounts, type Difference, type TotalChoice, type TotalMode, type TotalSource } from './table.js';
import type { TableData } from '../render/table-data.js';

export type UnitPlanStatus =
  /** Targets given and all reachable: `exits` is the least number that meets them all. */
  | 'planned'
  /** No target: the table's own reduction is kept. */
  | 'kept'
  /** No target and no reduction in the table. */
  | 'not-planned'
  /** A target cannot be met (see the targets' outcomes). */
  | 'unreachable';

export interface TargetResult {
  target: Target;
  outcome: ExitsOutcome;
}

export interface UnitPlan {
  unit: Unit;
  status: UnitPlanStatus;
  targets: TargetResult[];
  /** Exits used for the unit: planned, or the table's (kept). */
  exits?: Dec;
  /** The table's own reduction, when the unit was planned and the table had one. */
  inputReduced?: Dec;
  /**
   * The least exits its targets would need had the unit's households stayed at their start-of-year number, when a rate
   * target makes that differ from `exits` (the households change during the year: the end rate has another
   * denominator; `validate` warns when a target is met only so, rule `denominator`).
   */
  exitsAtStartHouseholds?: Dec;
  base: BaseCounts;
}

export interface TotalTargetResult {
  target: Target;
  /** The least exits the total needs for the target, from the total's own counts. */
  outcome: ExitsOutcome;
  /** Exits of the units that have some (planned or kept). */
  planned: Dec;
  /** Units with no exits (not planned, or unreachable): the total's result is then unknown. */
  missing: Unit[];
  /** The indicator's value for the total with the planned exits, when no unit is missing. */
  value?: Dec;
  met?: boolean;
  /** Further exits the total needs (outcome ok, not met): minimum − planned. */
  more?: Dec;
  /** The least exits had the total's households stayed at their start-of-year number, when that differs (UnitPlan's). */
  exitsAtStartHouseholds?: Dec;
}

/** A unit the total sums that has no exits because a target of its own cannot be met, and that target (its first such). */
export interface UnmetPart {
  /** The unit's plan (status `unreachable`). */
  plan: UnitPlan;
  /** The unit's first target that cannot be met, with why (its outcome is not ok). */
  failed: TargetResult;
}

export interface PlanResult extends TableData {
  units: Unit[];
  total?: Unit;
  totalSource?: TotalSource;
  /** One per unit the total sums (every unit when there is no total), in table order. */
  plans: UnitPlan[];
  totalTargets: TotalTargetResult[];
  /** The units the total sums that have no exits (not planned, or a target they cannot meet): the total's exits are then unknown. */
  totalMissing: Unit[];
  /** Of `totalMissing`, in its order, those whose own target cannot be met (not those merely not planned): why the total has no exits. */
  totalUnmet: UnmetPart[];
  values: Array<Partial<Record<Indicator, Dec>>>;
  /** The total's stated base counts that differ from the sums of the units (the plan uses the sums). */
  differences: Difference[];
  /** Every target reachable and every total target met. */
  ok: boolean;
}

const countsOf = (b: BaseCounts): UnitCounts => ({ h0: b.households_start, p0: b.poor_start, h1: b.households_end });

/** The least exits meeting all of a unit's targets (the largest of the minimums); the first failure otherwise. */
function planUnit(b: BaseCounts, targets: Target[]): { results: TargetResult[]; exits?: Dec } {
  const results = targets.map((t) => ({ target: t, outcome: exitsForTarget(countsOf(b), t.indicator as TargetIndicator, t.op, t.num) }));
  if (results.some((r) => !r.outcome.ok)) return { results };
  const exits = results.reduce((m, r) => (r.outcome.ok && r.outcome.exits.gt(m) ? r.outcome.exits : m), zero());
  // Several targets on one unit: the largest minimum meets them all, unless an `=` target is then overshot.
  for (const r of results) {
    const v = valueWithExits(countsOf(b), r.target.indicator as TargetIndicator, exits);
    if (v === undefined || !compareTarget(v, r.target.op, r.target.num)) {
      r.outcome = { ok: false, reason: 'not-exact', exits, value: v ?? zero() };
      return { results };
    }
  }
  return { results, exits };
}

/**
 * The least exits `targets` would need had the households stayed at their start-of-year number, when a rate target
 * makes them differ from `exits` (a unit's plan, a total's target).
 */
function exitsAtStartHouseholds(b: BaseCounts, targets: Target[], exits: Dec): Dec | undefined {
  if (b.households_end.eq(b.households_start) || !targets.some((t) => t.indicator.startsWith('rate_'))) return undefined;
  const constant = planUnit({ ...b, households_end: b.households_start }, targets).exits;
  return constant !== undefined && !constant.eq(exits) ? constant : undefined;
}

/**
 * Plans the exits for the targets. Throws CALC_INPUT for unusable base counts, TARGET_UNIT for a target
 * naming no unit, TARGET_UNSUPPORTED for a target that exits cannot move towards.
 */
export function computePlan(annex: Annex, targets: Target[], opts: { total: TotalMode; totalName: string }): PlanResult {
  return inTableWords(annex, () => planOf(annex, targets, opts));
}

function planOf(annex: Annex, targets: Target[], opts: { total: TotalMode; totalName: string }): PlanResult {
  requireIndicators(annex, false);
  const choice = chooseTotal(annex, opts.total, opts.totalName);
  const units: Unit[] = [...annex.units];
  if (choice.source === 'added') units.push(choice.total!);
  // The total is the sum of the top level of its first partition; with none ("of which" rows only) it is planned on its own counts.
  const totalIsSum = !!choice.total && totalParts(choice.parts).length > 0;
  const parts = totalIsSum || !choice.total ? choice.parts : [choice.total, ...choice.parts];
  const byUnit = targetsByUnit(annex, targets, choice.total);
  const values: Array<Partial<Record<Indicator, Dec>>> = units.map(() => ({}));
  const plans = planUnits({ annex, byUnit, values, ...(choice.total ? { total: choice.total } : {}) }, parts);
  const { totalTargets, differences, missing } = totalIsSum ? planTotal(annex, choice, plans, parts, byUnit.get(choice.total!.id) ?? [], values) : { totalTargets: [], differences: [], missing: [] };
  const ok = plans.every((p) => p.status !== 'unreachable') && totalTargets.every((t) => t.outcome.ok && t.met === true);
  return {
    units,
    ...(choice.total ? { total: choice.total } : {}),
    ...(choice.source ? { totalSource: choice.source } : {}),
    indicators: [...INDICATORS],
    plans,
    totalTargets,
    totalMissing: missing,
    totalUnmet: unmetParts(plans, missing),
    values,
    differences,
    ok,
    value: (unitId, ind) => values[unitId]?.[ind],
  };
}

/**
 * Targets by unit id; each target names a unit (TARGET_UNIT) and something exits move (TARGET_UNSUPPORTED), the
 * error naming where the target was given (targets/index.ts `givenAt`).
 */
function targetsByUnit(annex: Annex, targets: readonly Target[], total: Unit | undefined): Map<number, Target[]> {
  const byUnit = new Map<number, Target[]>();
  for (const t of targets) {
    let unit: Unit;
    try {
      unit = resolveTargetUnit(t.unit, annex.units, total);
    } catch (e) {
      throw givenAt(e, t);
    }
    if (!plannable(t.indicator, t.op)) throw givenAt(new PovcheckError('TARGET_UNSUPPORTED', { unit: t.unit, indicator: t.indicator, op: t.op }), t);
    byUnit.set(unit.id, [...(byUnit.get(unit.id) ?? []), t]);
  }
  return byUnit;
}

/** What planning the units reads and fills: the table, the targets by unit, the total (never a subtotal's part), each unit's cells. */
interface PlanContext {
  annex: Annex;
  byUnit: ReadonlyMap<number, Target[]>;
  total?: Unit;
  values: Array<Partial<Record<Indicator, Dec>>>;
}

/**
 * Each unit's plan, its cells written to `values`. A unit with units under it (a block, a district over its
 * communes) and no target of its own is their subtotal: its counts and exits are the sums of theirs, so a
 * target on a commune reaches its district and the total.
 */
function planUnits(ctx: PlanContext, parts: readonly Unit[]): UnitPlan[] {
  const children = addingChildren(ctx.annex);
  const under = (u: Unit) => (children.get(u.id) ?? []).filter((c) => c !== ctx.total?.id).map((c) => ctx.annex.units.at(c)!);
  const planned = new Map<number, UnitPlan>();
  const planOf = (unit: Unit, depth = 0): UnitPlan => {
    const known = planned.get(unit.id);
    if (known) return known;
    const kids = depth < ctx.annex.units.length ? under(unit) : [];
    const plan = kids.length > 0 && !ctx.byUnit.has(unit.id) ? subtotalPlan(unit, kids.map((k) => planOf(k, depth + 1))) : leafPlan(ctx, unit);
    planned.set(unit.id, plan);
    ctx.values[unit.id] = cells(plan.base, plan.exits);
    return plan;
  };
  return parts.map((unit) => planOf(unit));
}

/** A unit planned on its own counts: its targets' least exits, else the exits the input states (kept). */
function leafPlan({ annex, byUnit }: PlanContext, unit: Unit): UnitPlan {
  const base = readBase(annex, unit, { needReduced: false, allowZeroHouseholds: true });
  const ts = byUnit.get(unit.id) ?? [];
  if (ts.length === 0) {
    return { unit, status: base.poor_reduced !== undefined ? 'kept' : 'not-planned', targets: [], ...(base.poor_reduced !== undefined ? { exits: base.poor_reduced } : {}), base };
  }
  const { results, exits } = planUnit(base, ts);
  const atStart = exits !== undefined ? exitsAtStartHouseholds(base, ts, exits) : undefined;
  return {
    unit,
    status: exits !== undefined ? 'planned' : 'unreachable',
    targets: results,
    ...(exits !== undefined ? { exits } : {}),
    ...(atStart !== undefined ? { exitsAtStartHouseholds: atStart } : {}),
    ...(base.poor_reduced !== undefined ? { inputReduced: base.poor_reduced } : {}),
    base,
  };
}

function subtotalPlan(unit: Unit, kids: UnitPlan[]): UnitPlan {
  const base = sumBase(kids.map((k) => k.base));
  const exits = kids.every((k) => k.exits !== undefined) ? kids.reduce((s, k) => s.plus(k.exits!), zero()) : undefined;
  return { unit, status: exits !== undefined ? 'kept' : 'not-planned', targets: [], ...(exits !== undefined ? { exits } : {}), base };
}

/**
 * A total that sums the top level of its partition: its cells from the sums (the exits only when every part
 * has them), its stated base counts against the sums, and its own targets against the planned exits.
 */
function planTotal(
  annex: Annex,
  choice: TotalChoice,
  plans: readonly UnitPlan[],
  parts: readonly Unit[],
  targets: readonly Target[],
  values: Array<Partial<Record<Indicator, Dec>>>,
): { totalTargets: TotalTargetResult[]; differences: Difference[]; missing: Unit[] } {
  const total = choice.total!;
  const top = new Set(totalParts(parts).map((u) => u.id));
  const summed = plans.filter((p) => top.has(p.unit.id));
  const missing = summed.filter((p) => p.exits === undefined).map((p) => p.unit);
  const planned = summed.filter((p) => p.exits !== undefined).reduce((s, p) => s.plus(p.exits!), zero());
  const sums = sumBase(summed.map((p) => p.base));
  values[total.id] = cells(sums, missing.length === 0 ? planned : undefined);
  const differences = choice.source !== 'added' ? statedDifferences(annex, total, values[total.id]!, ['households_start', 'households_end', 'poor_start'], {}) : [];
  return { totalTargets: targets.map((t) => totalTarget(t, sums, planned, missing)), differences, missing };
}

/** The missing units whose own target cannot be met, each with that target (its first such). */
function unmetParts(plans: readonly UnitPlan[], missing: readonly Unit[]): UnmetPart[] {
  return missing.flatMap((u) => {
    const plan = plans.find((p) => p.unit.id === u.id);
    const failed = plan?.status === 'unreachable' ? plan.targets.find((r) => !r.outcome.ok) : undefined;
    return plan && failed ? [{ plan, failed }] : [];
  });
}

/** A target on the total: the exits it needs, what the units' planned exits give it, and how many more it needs. */
function totalTarget(t: Target, sums: BaseCounts, planned: Dec, missing: Unit[]): TotalTargetResult {
  const c = countsOf(sums);
  const outcome = exitsForTarget(c, t.indicator as TargetIndicator, t.op, t.num);
  const r: TotalTargetResult = { target: t, outcome, planned, missing };
  if (missing.length === 0) {
    const v = valueWithExits(c, t.indicator as TargetIndicator, planned);
    if (v !== undefined) {
      r.value = v;
      r.met = compareTarget(v, t.op, t.num);
    }
  }
  if (outcome.ok && r.met !== true && outcome.exits.gt(planned)) r.more = outcome.exits.minus(planned);
  const atStart = outcome.ok ? exitsAtStartHouseholds(sums, [t], outcome.exits) : undefined;
  if (atStart !== undefined) r.exitsAtStartHouseholds = atStart;
  return r;
}

/** A unit's cells: the base counts always; the rest when its exits are known (rates only with households). */
function cells(base: BaseCounts, exits: Dec | undefined): Partial<Record<Indicator, Dec>> {
  const d = derive({ ...base, poor_reduced: exits ?? zero() });
  const out: Partial<Record<Indicator, Dec>> = { households_start: base.households_start, households_end: base.households_end, poor_start: base.poor_start };
  if (d.rate_start) out.rate_start = d.rate_start;
  if (exits === undefined) return out;
  out.poor_reduced = exits;
  out.poor_end = d.poor_end!;
  if (d.rate_end) out.rate_end = d.rate_end;
  if (d.rate_reduced) out.rate_reduced = d.rate_reduced;
  return out;
}
