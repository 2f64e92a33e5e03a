/**
 * `povcheck plan <file> --target <unit>=<points> … [--targets <file>]`: the least number of poor households
 * each targeted unit must lift out of poverty for its target, computed the annex's way, and what that gives
 * the total. Exit 0 when every target is met, 1 when one cannot be met or the total falls short.
 *
 * Options (plan-options.ts) → `runPlan` (plan-run.ts: the rendered plan) → `reportPlan` (plan-report.ts).
 */
import { Option, type Command } from 'commander';
import { addInputOptions } from './calc-shared.js';
import { envLang, guard, type CommandContext } from './shared.js';
import { PLAN_FORMATS, resolvePlan, type PlanFlags } from './plan-options.js';

export function registerPlan(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('plan')
    .description('compute the least number of poor households each unit must lift out of poverty to meet its target')
    .argument('<file>', 'the table (CSV, TAB-separated text or a workbook: .xlsx, .xlsm, .xls, .ods) with, per unit, the households at the start and end of the year (projected) and the poor households at the start: labelled as the annex is (Tổng số hộ đầu năm …) or households_start, households_end, poor_start')
    .option('-t, --target <unit=points>', 'the unit\'s poverty rate must fall by at least this many points; "total" is the total unit (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--targets <file>', 'a targets file: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}')
    .addOption(new Option('-f, --format <format>', 'output format (default: the one -o\'s extension names, else text); csv is the planned annex, readable by `povcheck table`').choices([...PLAN_FORMATS]))
    .option('--title <text>', 'a title above the plan (text)');
  addInputOptions(cmd, ctx.lang ?? envLang(ctx.io.env)).action(async (file: string, flags: PlanFlags) => {
    const r = resolvePlan(file, flags);
    const [{ runPlan, planTargets }, { reportPlan }] = await Promise.all([import('./plan-run.js'), import('./plan-report.js')]);
    // The targets before the table, outside its guard: a bad --target or targets file is named itself, never the table.
    const targets = await planTargets(r);
    ctx.setExit(await guard(ctx, file, async (setLang) => reportPlan(await runPlan(r, targets, setLang), r, ctx), flags.lang));
  });
}
