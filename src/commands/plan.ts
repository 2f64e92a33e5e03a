/**
 * `povcheck plan <file> --target <unit>=<points> … [--targets <file>]`: the least number of poor households
 * each targeted unit must lift out of poverty for its target, computed the annex's way, and what that gives
 * the total. Exit 0 when every target is met, 1 when one cannot be met or the total falls short.
 */
import { Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { catalog } from '../messages/index.js';
import type { RenderOptions } from '../render/table-data.js';
import type { Target } from '../targets/index.js';
import { addInputOptions, emit, guard, outFile, outputLang, readAnnex, readingNotes, reportDifferences, type InputFlags } from './calc-shared.js';
import { EXIT, type CommandContext } from './shared.js';

export const PLAN_FORMATS = ['text', 'json', 'csv'] as const;
type PlanFormat = (typeof PLAN_FORMATS)[number];

interface PlanFlags extends InputFlags {
  format: PlanFormat;
  target?: string[];
  targets?: string;
  transpose?: boolean;
  title?: string;
}

export function registerPlan(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('plan')
    .description('compute the least number of poor households each unit must lift out of poverty to meet its target')
    .argument('<file>', 'CSV or TAB-separated text file with households_start, households_end (projected) and poor_start per unit')
    .option('-t, --target <unit=points>', 'the unit\'s poverty rate must fall by at least this many points; "total" is the total unit (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--targets <file>', 'a targets file: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}')
    .addOption(new Option('-f, --format <format>', 'output format; csv is the planned annex, readable by `povcheck table`').choices([...PLAN_FORMATS]).default('text'))
    .option('--title <text>', 'a title above the plan (text)');
  addInputOptions(cmd).action(async (file: string, flags: PlanFlags) => {
    ctx.setExit(await guard(ctx, file, (setLang) => runPlan(file, flags, ctx, setLang), flags.lang));
  });
}

async function runPlan(file: string, flags: PlanFlags, ctx: CommandContext, setLang: (l: 'vi' | 'en') => void): Promise<number> {
  // The targets' reader and the calculator load only when the command runs (start-up of every other command).
  const [{ parseTargetArg, readTargetsFile }, { computePlan }] = await Promise.all([import('../targets/index.js'), import('../compute/plan.js')]);
  const targets: Target[] = [];
  if (flags.targets) targets.push(...(await readTargetsFile(flags.targets)));
  targets.push(...(flags.target ?? []).map(parseTargetArg));
  if (targets.length === 0) throw new PovcheckError('TARGETS_INVALID', { reason: 'none' });

  const { annex, findings } = await readAnnex(file, flags);
  const { lang, locale } = outputLang(flags, annex);
  setLang(lang);
  const plan = computePlan(annex, targets, { total: flags.total, totalName: catalog(lang).calc.totalName });
  const opts: RenderOptions = { lang, locale, transpose: !!flags.transpose, ...(flags.title ? { title: flags.title } : {}) };
  let output: string;
  if (flags.format === 'json') output = (await import('../render/plan-json.js')).renderPlanJson(plan, { file });
  else if (flags.format === 'csv') output = (await import('../render/csv.js')).renderCsv(plan, opts);
  else output = (await import('../render/plan-text.js')).renderPlanText(plan, { ...opts, file });
  await emit(ctx, output, outFile(flags), [file, ...(flags.targets ? [flags.targets] : [])]);
  for (const line of readingNotes(file, findings, lang, locale)) ctx.io.err(line + '\n');
  await reportDifferences(ctx, file, annex, plan.differences, lang, locale);
  return plan.ok ? EXIT.OK : EXIT.FINDINGS;
}
