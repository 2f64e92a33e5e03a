/**
 * `plan`'s outcome reported: the plan to its file (atomically, never over the input or the targets file) or to
 * stdout; on stderr the reading notes and the total's stated counts that differ; exit 0 when every target is met.
 */
import { emit, readingNotes, reportDifferences } from './calc-shared.js';
import { EXIT, type CommandContext } from './shared.js';
import { catalog, visible } from '../messages/index.js';
import type { PlanRun } from './plan-options.js';
import type { PlanOutcome } from './plan-run.js';

export async function reportPlan(o: PlanOutcome, r: PlanRun, ctx: CommandContext): Promise<number> {
  const { file } = r.input;
  await emit(ctx, o.output, r.input.output, [file, ...(r.targetsFile ? [r.targetsFile] : [])], o.lang);
  for (const line of readingNotes(file, { findings: o.readFindings, ...(o.sheets ? { sheets: o.sheets } : {}), ...(o.hidden ? { hidden: o.hidden } : {}), ...(o.document ? { document: o.document } : {}) }, o.lang, o.locale)) ctx.io.err(line + '\n');
  if (o.textTargets) ctx.io.err(catalog(o.lang).calc.note(file, catalog(o.lang).calc.textTargets(o.textTargets)) + '\n');
  await reportDifferences(ctx, file, o.annex, o.differences, o.lang, o.locale, o.carried, 'plan');
  // The text plan on the terminal says why it falls short; a plan written to a file or as data says it here too.
  const output = r.input.output;
  if (o.shortfall && (output !== undefined || r.format !== 'text')) {
    const calc = catalog(o.lang).calc;
    ctx.io.err(calc.note(file, visible(calc.planNotOk({ ...o.shortfall, ...(output ? { output } : {}) }))) + '\n');
  }
  return o.ok ? EXIT.OK : EXIT.FINDINGS;
}
