/**
 * `povcheck rate <poor> <households>`: the one-line calculator. Prints poor / households × 100, half-up to two
 * decimals, in the chosen number format; `--exact` adds the exact quotient.
 *
 * Options (`resolveRate`) → `runRate` (the line from rate-line.ts, loaded when it runs, or the error) → `reportRate`.
 */
import type { Command } from 'commander';
import { PovcheckError } from '../errors.js';
import type { Lang } from '../model/lang.js';
import { EXIT, envLang, langOption, localeOption, noColorOption, oneLine, type CommandContext } from './shared.js';

interface RateFlags {
  exact?: boolean;
  lang?: Lang;
  locale?: 'vi' | 'en';
}

export interface RateRun {
  poor: string;
  households: string;
  exact: boolean;
  /** --lang, else the environment's: the language of an error's line. */
  lang: Lang;
  /** --locale, else the language's: the result's number format. */
  locale: 'vi' | 'en';
}

/** The two counts as typed and the flags → one RateRun (pure). */
export function resolveRate(poor: string, households: string, flags: RateFlags, env: NodeJS.ProcessEnv): RateRun {
  const lang = flags.lang ?? envLang(env);
  return { poor, households, exact: !!flags.exact, lang, locale: flags.locale ?? lang };
}

export function registerRate(program: Command, ctx: CommandContext): void {
  program
    .command('rate')
    .description('poverty rate: poor / households × 100, half-up to two decimals')
    .argument('<poor>', 'poor households (24.814, 24,814 or 24814)')
    .argument('<households>', 'households (210.299, 210,299 or 210299)')
    .option('--exact', 'add the exact quotient')
    .addOption(langOption('language (default: from LANG)'))
    .addOption(localeOption('number format of the result (default: that of the language)'))
    .addOption(noColorOption())
    .action(async (poor: string, households: string, flags: RateFlags) => {
      const r = resolveRate(poor, households, flags, ctx.io.env);
      ctx.setExit(reportRate(await runRate(r), r, ctx));
    });
}

/** The line, or why the counts give none (a PovcheckError); any other fault goes on up. */
async function runRate(r: RateRun): Promise<{ line: string } | { error: PovcheckError }> {
  const { rateLine } = await import('./rate-line.js');
  try {
    return { line: rateLine(r.poor, r.households, r) };
  } catch (e) {
    if (!(e instanceof PovcheckError)) throw e;
    return { error: e };
  }
}

/** The line on stdout (exit 0), or the error's one line on stderr (exit 2). */
function reportRate(outcome: { line: string } | { error: PovcheckError }, r: RateRun, { io }: CommandContext): number {
  if ('error' in outcome) {
    io.err(oneLine(outcome.error, r.lang) + '\n');
    return EXIT.UNREADABLE;
  }
  io.out(outcome.line + '\n');
  return EXIT.OK;
}
