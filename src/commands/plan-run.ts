/**
 * `plan`'s run: the targets read, the input read into an Annex, the least exits each target needs
 * (compute/plan.ts), rendered in the format asked (with a period's words, `đầu kỳ`, when the table's labels count
 * a period: compute/label-year.ts `labelPeriod`, as `table` does). Returns the output and what the report says; writes and
 * prints nothing (plan-report.ts does).
 */
import { PovcheckError, type ErrorParams } from '../errors.js';
import { catalog } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { Annex } from '../model/annex.js';
import type { PlanResult } from '../compute/plan.js';
import type { RenderOptions } from '../render/table-data.js';
import type { Target } from '../targets/index.js';
import { inDocumentTable, withReadHints, outputLang, readAnnex, type CalcOutcome } from './calc-shared.js';
import type { PlanRun } from './plan-options.js';
import { carriedSlips } from './carried-slips.js';
import type { Carried } from '../model/carried-slip.js';

export interface PlanOutcome extends CalcOutcome {
  output: string;
  /** The total's stated base counts that differ from the sums of the units. */
  differences: PlanResult['differences'];
  /** The input slips those sums carry (carried-slips.ts): the total's stated counts there may be right. */
  carried: Carried;
  /** Every target reachable and every total target met. */
  ok: boolean;
  /** The targets were a plan document's own, read from its text (no --target given): how many, in which paragraphs. */
  textTargets?: { count: number; paragraphs: number[]; unmatched: string[]; unnamed: boolean };
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

/**
 * `targets`: `planTargets`'s, read before the table. `setLang`: told the output's language once it is known (the
 * language of a later error's line).
 */
export async function runPlan(r: PlanRun, targets: Target[], setLang: (l: Lang) => void): Promise<PlanOutcome> {
  // The calculator loads only when the command runs (start-up of every other command).
  const [{ computePlan }, { labelPeriod }] = await Promise.all([import('../compute/plan.js'), import('../compute/label-year.js')]);
  const { annex, findings, sheets, hidden, document, textTargets: readTextTargets } = await readAnnex(r.input);
  const { lang, locale } = outputLang(r.input, annex);
  setLang(lang);
  const textTargets = targets.length === 0 ? readTextTargets?.() : undefined;
  const fromText = textTargets !== undefined && textTargets.targets.length > 0 ? textTargets.targets : undefined;
  // No target given: the command line's mistake, unless the plan document's text was asked and set none.
  if (targets.length === 0 && !fromText) throw document ? new PovcheckError('TARGETS_INVALID', { reason: 'none', document: true }, { file: r.input.file }) : new PovcheckError('TARGETS_INVALID', { reason: 'none' });
  // A text target's problem names the document and its paragraph, as a targets file's names the file and entry.
  const planned = fromText ? fromText.map((t, i) => ({ ...t.target, origin: { source: `${r.input.file} ¶${t.paragraph}`, index: i + 1 } })) : targets;
  const planOf = (a: Annex) => computePlan(a, planned, { total: r.input.total, totalName: catalog(lang).calc.totalName });
  // A table counting over a period (`đầu kỳ`, `cuối kỳ`) is planned with the period's words, as `table` keeps them.
  const plan = { ...(await inDocumentTable(r.input.file, document, () => withReadHints(findings, () => withTable(() => planOf(annex), r.input.file)))), ...(labelPeriod(annex) ? { period: true as const } : {}) };
  const output = await rendered(plan, r, { lang, locale, transpose: r.transpose, ...(r.title ? { title: r.title } : {}) });
  const shortfall = plan.ok ? undefined : shortfallOf(plan);
  const carried = await carriedSlips(r.input, annex, plan.differences, async (a) => planOf(a).differences);
  return { output, lang, locale, annex, readFindings: findings, ...(sheets ? { sheets } : {}), ...(hidden ? { hidden } : {}), ...(document ? { document } : {}), ...(fromText ? { textTargets: { count: fromText.length, paragraphs: [...new Set(fromText.map((t) => t.paragraph))], unmatched: textTargets!.unmatched, unnamed: document?.headerLost !== undefined && !document.headerLost.given } } : {}), differences: plan.differences, carried, ok: plan.ok, ...(shortfall ? { shortfall } : {}) };
}

/**
 * The targets file's, then each --target's; none is a mistake. Read before the table, and their errors name the
 * targets file (with the place in it) or nothing (a bad --target names itself), never the table.
 */
export async function planTargets(r: PlanRun): Promise<Target[]> {
  // The targets' reader loads only when the command runs (start-up of every other command).
  const { parseTargetArgs, readTargetsFile } = await import('../targets/index.js');
  const targets: Target[] = [];
  if (r.targetsFile) targets.push(...(await readTargetsFile(r.targetsFile)));
  if (r.targetsFile && targets.length === 0 && r.targetArgs.length === 0) throw new PovcheckError('TARGETS_INVALID', { reason: 'none', empty: true }, { file: r.targetsFile });
  targets.push(...parseTargetArgs(r.targetArgs));
  // None given: a plan document's own, read from its text once the input is read (`runPlan`).
  return targets;
}

/** `plan()`, a target naming no unit of the table (the error names the target's file and place) saying which table. */
function withTable<T>(plan: () => T, table: string): T {
  try {
    return plan();
  } catch (e) {
    if (!(e instanceof PovcheckError) || e.code !== 'TARGET_UNIT' || e.file === undefined) throw e;
    const p = e.params as ErrorParams['TARGET_UNIT'];
    throw p.candidates || p.tables ? e : new PovcheckError('TARGET_UNIT', { ...p, tables: [table] }, { file: e.file, ...(e.lang ? { lang: e.lang } : {}) });
  }
}

async function rendered(plan: PlanResult, r: PlanRun, opts: RenderOptions): Promise<string> {
  if (r.format === 'json') return (await import('../render/plan-json.js')).renderPlanJson(plan, { file: r.input.file });
  if (r.format === 'csv') return (await import('../render/csv.js')).renderCsv(plan, opts);
  return (await import('../render/plan-text.js')).renderPlanText(plan, { ...opts, file: r.input.file });
}
