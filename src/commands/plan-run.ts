/**
 * `plan`'s run: the targets read, the input read into an Annex, the least exits each target needs
 * (compute/plan.ts), rendered in the format asked. Returns the output and what the report says; writes and
 * prints nothing (plan-report.ts does).
 */
import { PovcheckError } from '../errors.js';
import { catalog } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { PlanResult } from '../compute/plan.js';
import type { RenderOptions } from '../render/table-data.js';
import type { Target } from '../targets/index.js';
import { outputLang, readAnnex, type CalcOutcome } from './calc-shared.js';
import type { PlanRun } from './plan-options.js';

export interface PlanOutcome extends CalcOutcome {
  output: string;
  /** The total's stated base counts that differ from the sums of the units. */
  differences: PlanResult['differences'];
  /** Every target reachable and every total target met. */
  ok: boolean;
  /** When not `ok`, why: the units no exits bring to their targets, the total's targets not met or not known. */
  shortfall?: { unreachable: string[]; notMet: number; unknown: number };
}

function shortfallOf(plan: PlanResult): NonNullable<PlanOutcome['shortfall']> {
  return {
    unreachable: plan.plans.filter((p) => p.status === 'unreachable').map((p) => p.unit.name),
    notMet: plan.totalTargets.filter((t) => t.met === false || !t.outcome.ok).length,
    unknown: plan.totalTargets.filter((t) => t.outcome.ok && t.met === undefined).length,
  };
}

/** `setLang`: told the output's language once it is known (the language of a later error's line). */
export async function runPlan(r: PlanRun, setLang: (l: Lang) => void): Promise<PlanOutcome> {
  // The targets' reader and the calculator load only when the command runs (start-up of every other command).
  const targets = await targetsOf(r);
  const { computePlan } = await import('../compute/plan.js');
  const { annex, findings, sheets, hidden } = await readAnnex(r.input);
  const { lang, locale } = outputLang(r.input, annex);
  setLang(lang);
  const plan = computePlan(annex, targets, { total: r.input.total, totalName: catalog(lang).calc.totalName });
  const output = await rendered(plan, r, { lang, locale, transpose: r.transpose, ...(r.title ? { title: r.title } : {}) });
  const shortfall = plan.ok ? undefined : shortfallOf(plan);
  return { output, lang, locale, annex, readFindings: findings, ...(sheets ? { sheets } : {}), ...(hidden ? { hidden } : {}), differences: plan.differences, ok: plan.ok, ...(shortfall ? { shortfall } : {}) };
}

/** The targets file's, then each --target's; none is a mistake. */
async function targetsOf(r: PlanRun): Promise<Target[]> {
  const { parseTargetArg, readTargetsFile } = await import('../targets/index.js');
  const targets: Target[] = [];
  if (r.targetsFile) targets.push(...(await readTargetsFile(r.targetsFile)));
  targets.push(...r.targetArgs.map(parseTargetArg));
  if (targets.length === 0) throw new PovcheckError('TARGETS_INVALID', { reason: 'none' });
  return targets;
}

async function rendered(plan: PlanResult, r: PlanRun, opts: RenderOptions): Promise<string> {
  if (r.format === 'json') return (await import('../render/plan-json.js')).renderPlanJson(plan, { file: r.input.file });
  if (r.format === 'csv') return (await import('../render/csv.js')).renderCsv(plan, opts);
  return (await import('../render/plan-text.js')).renderPlanText(plan, { ...opts, file: r.input.file });
}
