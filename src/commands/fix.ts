/**
 * `povcheck fix <file> -o <fixed>`: writes a corrected copy when the failing checks have exactly one
 * explanation with pinned values (src/locate), changing only those cells (and, for a run typed one cell on, emptying the
 * cell just past it that holds the run's last value) and keeping every other byte.
 * Never writes over the input, never writes a copy that still has errors.
 *
 * Options (fix-options.ts) → `runFix` (fix-run.ts: what to write, or why not) → `reportFix` (fix-report.ts).
 *
 * Exit codes: 0 a copy was written (corrected, or unchanged when no check fails) and it validates without
 * errors; 1 nothing written: no unique correction, or errors fix does not correct; 2 unreadable input, nothing
 * in it could be checked (nothing written), bad command line, the output is the input, or the output cannot be written.
 */
import { Option, type Command } from 'commander';
import { EXIT, delimiterOption, encodingOption, envLang, guard, langOption, localeOption, noColorOption, outputPath, type CommandContext } from './shared.js';
import { resolveFix, type FixFlags } from './fix-options.js';

export function registerFix(program: Command, ctx: CommandContext): void {
  program
    .command('fix')
    .description('write a corrected copy of a table whose errors have exactly one explanation (the cells and values povcheck validate names as the likely cause)')
    .argument('<file>', 'CSV or TAB-separated text file (UTF-8, UTF-8 with BOM, UTF-16, Windows-1258; TCVN3 and VNI with --encoding)')
    .addOption(new Option('-o, --output-file <fixed>', 'where to write the corrected copy (required; never the input)').argParser(outputPath(ctx.lang ?? envLang(ctx.io.env))))
    // The spelling fix had first: still accepted.
    .addOption(new Option('--output <fixed>').hideHelp().argParser(outputPath(ctx.lang ?? envLang(ctx.io.env))))
    .addOption(langOption("language of messages (default: the table's)"))
    .addOption(localeOption('number format of the input (default: detected)'))
    .addOption(delimiterOption('CSV delimiter (default: detected)'))
    .addOption(encodingOption('text encoding of the input (default: detected, Windows-1258 included; TCVN3 and VNI are refused unless named); the copy keeps it'))
    .addOption(noColorOption())
    .action(async (file: string, flags: FixFlags, cmd: Command) => {
      if ((flags.outputFile ?? flags.output) === undefined) cmd.error("error: required option '-o, --output-file <fixed>' not specified", { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
      // An input that cannot be read, a copy that cannot be written or named so, an unexpected fault: one line naming
      // the file, in the table's language once it is read (the stack only with POVCHECK_DEBUG=1).
      ctx.setExit(
        await guard(
          ctx,
          file,
          async (setLang) => {
            const r = resolveFix(file, flags);
            if (r === undefined) return EXIT.UNREADABLE; // not reached: checked above
            const [{ runFix }, { reportFix }] = await Promise.all([import('./fix-run.js'), import('./fix-report.js')]);
            const outcome = await runFix(r);
            setLang(outcome.lang);
            return reportFix(outcome, r, ctx);
          },
          flags.lang,
        ),
      );
    });
}
