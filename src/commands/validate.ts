/**
 * `povcheck validate <inputs...>`: recompute every derived number of each table and report each
 * inconsistency at its cell. Inputs are files, directories and glob patterns (inputs.ts); reports go to the
 * terminal or to files, several formats at once: `--format sarif --output-file r.sarif --format text`
 * (an --output-file, alias -o / --output, belongs to the --format just before it, or, given before any, to the
 * first --format, else to the default text report; at most one format goes to stdout; html needs a file on a terminal).
 *
 * This file declares the options; the action resolves them into one run (validate-options.ts), calls `run()`
 * (src/run.ts) and reports the outcome with its exit code (validate-report.ts).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { catalog } from '../messages/index.js';
import { FORMATS, isFormat } from '../reporters/index.js';
import { EXIT, outputPath, delimiterOption, encodingOption, envLang, internalError, langOption, localeOption, noColorOption, oneLine, unitsOption, type CommandContext } from './shared.js';
import type { Output, ValidateFlags } from './validate-options.js';
import { fileOrStdout, formatNamedBy } from './output-format.js';

export function registerValidate(program: Command, ctx: CommandContext): void {
  // --format and --output-file are paired in the order they are given; commander calls these in argv order.
  const outputs: Output[] = [];
  let pending: string | undefined; // an output file named before any --format
  const lang = ctx.lang ?? envLang(ctx.io.env);
  const asPath = outputPath(lang);
  const outputFile = (value: string) => {
    const file = asPath(value);
    const last = outputs[outputs.length - 1];
    if (!last) {
      if (pending !== undefined) throw new PovcheckError('BAD_OPTION', { reason: 'output-twice-bare', files: [pending, file] });
      pending = file;
    } else {
      if (last.file !== undefined) throw new PovcheckError('BAD_OPTION', { reason: 'output-twice', format: last.format });
      last.file = file;
    }
    return file;
  };
  program
    .command('validate')
    .description('recompute every derived number of the tables and report each inconsistency at its cell')
    .argument('<inputs...>', 'files (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods; plan documents .docx and their plain-text export .txt), directories, or quoted glob patterns such as "submissions/**/*.csv"')
    .addOption(
      new Option('-f, --format <format>', `report format, repeatable: ${FORMATS.join(', ')} (default: text)`).argParser((value: string) => {
        if (!isFormat(value)) throw new InvalidArgumentError(`${FORMATS.join(', ')}`);
        outputs.push(outputs.length === 0 && pending !== undefined ? { format: value, file: pending } : { format: value });
        return outputs;
      }),
    )
    .addOption(new Option('-o, --output-file <file>', 'write the report of the --format just before to this file (atomically, never over an input; - is stdout; with no --format, the format its extension names: -o report.json)').argParser(outputFile))
    .addOption(new Option('--output <file>', 'the same as --output-file').argParser(outputFile))
    .addOption(langOption("language of messages and labels (default: the table's)"))
    .addOption(localeOption('number format of numbers written as text (default: detected per file)'))
    .option('--strict', 'warnings fail too (the same as --fail-on warning)')
    .addOption(new Option('--fail-on <level>', 'which findings make the exit code 1 (default: error)').choices(['error', 'warning', 'never']))
    .addOption(delimiterOption('CSV delimiter (default: detected)'))
    .option('--sheet <name|number>', 'workbooks: the sheet to read, by name or 1-based position (default: the first)')
    .option('--rule <id=level>', 'switch a rule off or re-level it, repeatable: --rule denominator=off', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', 'configuration file (default: povcheck.config.json here or in a folder above)')
    .option('--no-config', 'use no configuration file')
    .option('--targets <file>', 'check the targets in this file, the format plan reads (rule target; replaces the configuration\'s targets)')
    .option('-t, --target <unit=points>', 'check that the unit\'s poverty rate fell by at least this many points; "total" is the total unit (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--series', 'the inputs are consecutive years, in the order given: check that each year starts where the one before ended (rule continuity)')
    .option('--units-map <file>', 'with --series: which old units were merged into which new one (JSON or CSV; see docs/targets-and-series.md)')
    .addOption(unitsOption())
    .option('--total <name>', 'the total unit, by name, when its name does not say so (Toàn tỉnh, Tổng cộng, Cộng, Total … do); "first" takes the first unit (default: a unit whose name says so, else the first when its name says a higher level than every unit after it (Thành phố Hà Nội over its Quận …) or its figures are the others\' sums, else none: the sums are not checked)')
    .option('--table', 'print the table under the findings (text format; the default for a single file)')
    .option('--no-table', 'do not print the table')
    .addOption(encodingOption('text encoding of the input (default: detected, Windows-1258 included; TCVN3 and VNI are refused unless named, as is a workbook typed in a .VnTime or VNI-Times font)'))
    .addOption(noColorOption())
    // Worded when the help is shown: a run that only validates never builds the CLI language's whole catalogue.
    .addHelpText('after', () => '\n' + catalog(lang).ui.rulesFooter)
    .action(async (inputs: string[], flags: ValidateFlags) => {
      // An output file named before any --format: the format its extension names (`-o report.json`), else text.
      const all = outputs.length > 0 ? outputs : [pending !== undefined ? { format: formatNamedBy(pending, FORMATS) ?? 'text', file: pending } : { format: 'text' as const }];
      ctx.setExit(await validateCommand(inputs, { ...flags, format: all }, ctx));
    });
}

/** Options → `run()` → reports and the exit code. */
async function validateCommand(inputs: string[], flags: ValidateFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  // An HTML page is no report to read in a terminal: there it needs -o; redirected or piped, it goes to stdout as any format does.
  if (flags.format?.some((o) => o.format === 'html' && fileOrStdout(o.file) === undefined) && io.isTTY) {
    io.err(oneLine(new PovcheckError('OUTPUT_REQUIRED', { format: 'html' }), flags.lang ?? envLang(io.env)) + '\n');
    return EXIT.UNREADABLE;
  }
  const [{ resolveValidate }, { run }, { reportValidate, reportsReadTables }] = await Promise.all([import('./validate-options.js'), import('../run.js'), import('./validate-report.js')]);
  const resolved = await resolveValidate(inputs, flags, io.cwd ?? process.cwd());
  // Asked once per run: a progress bar needs stderr to be a terminal, outside CI (then each file's size is looked at).
  const bars = !io.env.CI && !io.env.NO_PROGRESS && !!io.errIsTTY?.();
  const outcome = await run(resolved.run, {
    ...(bars ? { progressFor: async (file: string) => (await import('./progress.js')).progressFor(file) } : {}),
    internalError: (e, file) => internalError(e, io, file),
    reportsReadTables: (files) => reportsReadTables(resolved.report, files),
  });
  return reportValidate(outcome, resolved.run, resolved.report, ctx);
}
