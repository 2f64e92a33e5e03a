/**
 * `povcheck rate <poor> <households>`: the one-line calculator. Prints poor / households × 100, half-up to two
 * decimals, in the chosen number format; `--exact` adds the exact quotient (rate-line.ts, loaded when it runs).
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
      const lang = flags.lang ?? envLang(ctx.io.env);
      const { rateLine } = await import('./rate-line.js');
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
