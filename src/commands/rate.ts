/**
 * `povcheck rate <poor> <households>`: the one-line calculator. Prints poor / households × 100, half-up to two
 * decimals (`--decimals`: 1 as statistical releases print rates, 0–6), in the chosen number format; `--exact` adds
 * the exact quotient.
 *
 * Options (`resolveRate`) → `runRate` (the line from rate-line.ts, loaded when it runs, or the error) → `reportRate`.
 */
import type { Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { clip } from '../model/echo.js';
import type { Lang } from '../model/lang.js';
import { EXIT, envLang, langOption, localeOption, noColorOption, oneLine, type CommandContext } from './shared.js';

interface RateFlags {
  exact?: boolean;
  decimals?: string;
  lang?: Lang;
  locale?: 'vi' | 'en';
}

export interface RateRun {
  poor: string;
  households: string;
  exact: boolean;
  /** --decimals: the rate is rounded half-up at these many decimals and printed with them; absent, the annex's two. */
  decimals?: number;
  /** --lang, else the environment's: the language of an error's line. */
  lang: Lang;
  /** --locale, else --lang's, else the format the counts are typed in (`24.814`: vi), else the environment's language's: the result's number format. */
  locale: 'vi' | 'en';
}

/** The most decimals `--decimals` takes: past six a poverty rate says nothing more (a household in a million). */
export const MAX_RATE_DECIMALS = 6;

/** The two counts as typed and the flags → one RateRun (pure). Throws BAD_OPTION for a `--decimals` not 0–6. */
export function resolveRate(poor: string, households: string, flags: RateFlags, env: NodeJS.ProcessEnv): RateRun {
  const lang = flags.lang ?? envLang(env);
  const decimals = decimalsOf(flags.decimals, lang);
  const locale = flags.locale ?? flags.lang ?? typedLocale([poor, households]) ?? lang;
  return { poor, households, exact: !!flags.exact, ...(decimals !== undefined ? { decimals } : {}), lang, locale };
}

/**
 * The number format counts are typed in, when their thousands separators say it and agree: `24.814` Vietnamese,
 * `24,814` English (a count is whole, so its one separator groups); undefined for `24814` or a mix.
 */
export function typedLocale(counts: readonly string[]): 'vi' | 'en' | undefined {
  const vi = counts.some((c) => /^\s*\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*$/.test(c));
  const en = counts.some((c) => /^\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$/.test(c));
  return vi === en ? undefined : vi ? 'vi' : 'en';
}

/** `--decimals` as typed: a whole number 0–6 (`1`, `2`), else one line in the command's language. */
function decimalsOf(text: string | undefined, lang: Lang): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^\d{1,2}$/.test(t) && Number(t) <= MAX_RATE_DECIMALS) return Number(t);
  throw new PovcheckError('BAD_OPTION', { reason: 'decimals', value: clip(text), max: MAX_RATE_DECIMALS }, { lang });
}

export function registerRate(program: Command, ctx: CommandContext): void {
  program
    .command('rate')
    .description('poverty rate: poor / households × 100, half-up to two decimals (--decimals)')
    .argument('<poor>', 'poor households (24.814, 24,814 or 24814)')
    .argument('<households>', 'households (210.299, 210,299 or 210299)')
    .option('--decimals <n>', `decimals of the rate, 0–${MAX_RATE_DECIMALS}, rounded half-up at them (statistical releases print 1, plans 2; default: 2)`)
    .option('--exact', 'add the exact quotient')
    .addOption(langOption('language (default: from LANG)'))
    .addOption(localeOption('number format of the result (default: that of --lang, else the one the counts are typed in, 24.814 or 24,814, else that of the language)'))
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
