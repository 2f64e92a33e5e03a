/**
 * `plan` for people: the planned annex as a terminal table, then one line per target (what it needs, or why
 * it cannot be met), the units kept or not planned, and a verdict.
 */
import { plain, type Dec } from '../calc/decimal.js';
import type { ExitsOutcome } from '../calc/annex-math.js';
import type { PlanResult, TotalTargetResult, UnitPlan, UnmetPart } from '../compute/plan.js';
import { catalog, makeFmt, type Fmt } from '../messages/index.js';
import type { AtStartHouseholds, CalcText, UnmetUnit } from '../messages/calc-types.js';
import type { Target } from '../targets/index.js';
import { displayUnits } from './annex-layout.js';
import { plainValue, type RenderOptions } from './table-data.js';
import { renderText } from './text.js';

const phrase = (t: Target, calc: CalcText, f: Fmt) => calc.target({ indicator: t.indicator, op: t.op, value: t.value }, f);

/** The reason fields of a failed outcome, as the catalogue takes them. */
export function reasonParams(o: ExitsOutcome, t: Target, poor: string) {
  if (o.ok) return undefined;
  const ind = t.indicator;
  if (o.reason === 'zero-households') return { reason: o.reason, poor };
  if (o.reason === 'unreachable') return { reason: o.reason, poor, best: plainValue(o.best, ind) };
  return {
    reason: o.reason,
    poor,
    exits: plain(o.exits),
    value: plainValue(o.value, ind),
    ...(o.belowValue !== undefined ? { belowExits: plain(o.exits.minus(1)), belowValue: plainValue(o.belowValue, ind) } : {}),
  };
}

/** The catalogue's field for the exits at constant households (compute/plan.ts `exitsAtStartHouseholds`), when there are. */
function atStart(exits: Dec | undefined, h0: Dec | undefined, h1: Dec | undefined): { atStart?: AtStartHouseholds } {
  return exits !== undefined && h0 !== undefined && h1 !== undefined ? { atStart: { exits: plain(exits), h0: plain(h0), h1: plain(h1) } } : {};
}

function unitLines(plan: PlanResult, p: UnitPlan, calc: CalcText, f: Fmt): string[] {
  if (p.status === 'planned') {
    const v = (ind: 'rate_start' | 'rate_end' | 'rate_reduced') => {
      const d = plan.value(p.unit.id, ind);
      return d === undefined ? undefined : plainValue(d, ind);
    };
    const rs = v('rate_start');
    const re = v('rate_end');
    const rr = v('rate_reduced');
    return [
      calc.unitPlanned(
        {
          unit: p.unit.name,
          targets: p.targets.map((r) => phrase(r.target, calc, f)).join('; '),
          exits: plain(p.exits!),
          ...(rs !== undefined && re !== undefined && rr !== undefined ? { rateStart: rs, rateEnd: re, reduction: rr } : {}),
          ...(p.inputReduced !== undefined ? { input: plain(p.inputReduced) } : {}),
          ...atStart(p.exitsAtStartHouseholds, p.base.households_start, p.base.households_end),
        },
        f,
      ),
    ];
  }
  if (p.status !== 'unreachable') return [];
  const poor = plain(p.base.poor_start);
  return p.targets
    .filter((r) => !r.outcome.ok)
    .map((r) => calc.unitNotMet({ unit: p.unit.name, target: phrase(r.target, calc, f), indicator: r.target.indicator, ...reasonParams(r.outcome, r.target, poor)! }, f));
}

function totalLine(plan: PlanResult, r: TotalTargetResult, calc: CalcText, f: Fmt): string {
  const total = plan.total!;
  const ind = r.target.indicator;
  const poorStart = plan.value(total.id, 'poor_start');
  const common = {
    unit: total.name,
    target: phrase(r.target, calc, f),
    indicator: ind,
    planned: plain(r.planned),
    missing: r.missing.map((u) => u.name),
    poor: poorStart ? plain(poorStart) : '0',
    ...(r.outcome.ok ? { minimum: plain(r.outcome.exits) } : {}),
    ...(r.more !== undefined ? { more: plain(r.more) } : {}),
    ...(r.value !== undefined ? { value: plainValue(r.value, ind) } : {}),
    ...atStart(r.exitsAtStartHouseholds, plan.value(total.id, 'households_start'), plan.value(total.id, 'households_end')),
  };
  if (!r.outcome.ok) return calc.totalResult({ ...common, state: 'impossible', ...reasonParams(r.outcome, r.target, common.poor)! }, f);
  if (r.missing.length > 0) {
    // The units a total's target misses are the total's (`totalMissing`): those of them whose own target fails, said why.
    const unmet = unmetUnits(plan.totalUnmet);
    return calc.totalResult({ ...common, state: 'incomplete', ...(unmet.length > 0 ? { unmet } : {}) }, f);
  }
  return calc.totalResult({ ...common, state: r.met ? 'met' : 'short' }, f);
}

/** The units the total misses because a target of their own cannot be met (compute/plan.ts `totalUnmet`), each with that target's reason, for the total's line. */
function unmetUnits(parts: readonly UnmetPart[]): UnmetUnit[] {
  return parts.map(({ plan: p, failed }) => ({ unit: p.unit.name, indicator: failed.target.indicator, ...reasonParams(failed.outcome, failed.target, plain(p.base.poor_start))! }));
}

export function renderPlanText(plan: PlanResult, opts: RenderOptions & { file: string }): string {
  const calc = catalog(opts.lang).calc;
  const f = makeFmt(opts.lang, opts.locale, { period: !!plan.period });
  const out = [opts.title ?? calc.planTitle(opts.file), renderText(plan, { ...opts, title: '' }).trimEnd(), '', `${calc.targetsHeading}:`];
  const order = new Map(displayUnits(plan).map((u, i) => [u.id, i]));
  const plans = [...plan.plans].sort((a, b) => order.get(a.unit.id)! - order.get(b.unit.id)!);
  for (const r of plan.totalTargets) out.push(`  ${totalLine(plan, r, calc, f)}`);
  // Without a target of its own, a total left blank by a unit whose target cannot be met says so (its target's line
  // says it otherwise; units merely not planned are listed as such below).
  const unmet = plan.total && plan.totalTargets.length === 0 ? unmetUnits(plan.totalUnmet) : [];
  if (unmet.length > 0) out.push(`  ${calc.totalBlank({ unit: plan.total!.name, missing: plan.totalMissing.map((u) => u.name), unmet }, f)}`);
  for (const p of plans) for (const line of unitLines(plan, p, calc, f)) out.push(`  ${line}`);
  const kept = plans.filter((p) => p.status === 'kept').map((p) => p.unit.name);
  const notPlanned = plans.filter((p) => p.status === 'not-planned').map((p) => p.unit.name);
  if (kept.length > 0) out.push(`  ${calc.kept(kept, f)}`);
  if (notPlanned.length > 0) out.push(`  ${calc.notPlanned(notPlanned, f)}`);
  out.push('', calc.verdict(verdictOf(plan)));
  return out.join('\n') + '\n';
}

/**
 * The plan's verdict: `undetermined` when nothing fails but a total's target waits on units without a plan (their
 * exits unknown), which is no target missed.
 */
function verdictOf(plan: PlanResult): 'ok' | 'unmet' | 'undetermined' {
  if (plan.ok) return 'ok';
  const waiting = (t: TotalTargetResult) => t.met === true || (t.met === undefined && t.outcome.ok && t.missing.length > 0);
  return plan.plans.every((p) => p.status !== 'unreachable') && plan.totalTargets.every(waiting) ? 'undetermined' : 'unmet';
}
