/**
 * `povcheck rate <poor> <households>`: the one-line calculator. Prints poor / households × 100, half-up to two
 * decimals, in the chosen number format; `--exact` adds the exact quotient.
 */
import type { Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { exactRate, rate, terminates, RATE_DECIMALS } from '../calc/annex-math.js';
import { plain, type Dec } from '../calc/decimal.js';
import { formatPlain, type Lang } from '../messages/index.js';
import { parseNumber } from '../shape/numbers.js';
import { EXIT, envLang, langOption, localeOption, noColorOption, oneLine, type CommandContext } from './shared.js';

interface RateFlags {
  exact?: boolean;
  lang?: Lang;
  locale?: 'vi' | 'en';
}

/** Decimals shown of a quotient that does not terminate. */
const SHOWN = 10;

/**
 * A count typed in either format: "24.814" (Vietnamese) and "24,814" (English) are both 24814; the reading that
 * gives a whole number is taken.
 */
export function parseCount(text: string): Dec {
  for (const locale of ['vi', 'en'] as const) {
    const p = parseNumber(text, locale, 'count');
    if (p.ok && p.decimals === 0 && !p.num.isNeg()) return p.num;
  }
  throw new PovcheckError('CALC_ARG', { reason: 'not-a-count', text });
}

export function rateLine(poorText: string, householdsText: string, opts: { exact: boolean; locale: 'vi' | 'en' }): string {
  const poor = parseCount(poorText);
  const households = parseCount(householdsText);
  if (households.isZero()) throw new PovcheckError('CALC_ARG', { reason: 'zero-households' });
  if (poor.gt(households)) throw new PovcheckError('CALC_ARG', { reason: 'exceeds', poor: poorText, households: householdsText });
  const n = (d: string) => formatPlain(d, opts.locale);
  const line = n(plain(rate(poor, households)!, RATE_DECIMALS));
  if (!opts.exact) return line;
  const q = exactRate(poor, households)!;
  const exact = terminates(poor.mul(100), households) ? n(plain(q)) : `${n(plain(q.toDecimalPlaces(SHOWN, 1 /* ROUND_DOWN */), SHOWN))}…`;
  return `${line} (${n(plain(poor))} / ${n(plain(households))} × 100 = ${exact})`;
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
    .action((poor: string, households: string, flags: RateFlags) => {
      const lang = flags.lang ?? envLang(ctx.io.env);
      try {
        ctx.io.out(rateLine(poor, households, { exact: !!flags.exact, locale: flags.locale ?? lang }) + '\n');
        ctx.setExit(EXIT.OK);
      } catch (e) {
        if (!(e instanceof PovcheckError)) throw e;
        ctx.io.err(oneLine(e, lang) + '\n');
        ctx.setExit(EXIT.UNREADABLE);
      }
    });
}
