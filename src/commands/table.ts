/**
 * `povcheck table <file>`: compute every derived cell of the annex from the base counts and render it
 * (text, markdown, csv, xlsx, docx, json, html). Differences between stated and computed values go to stderr.
 *
 * Options (table-options.ts) → `runTable` (table-run.ts: the rendered output) → `reportTable` (table-report.ts).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { catalog } from '../messages/index.js';
import { addInputOptions } from './calc-shared.js';
import { envLang, guard, terminalWidth, type CommandContext } from './shared.js';
import { TABLE_FORMATS, parseDate, resolveTable, type TableFlags } from './table-options.js';

export function registerTable(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('table')
    .description('compute every derived cell of the annex from the base counts (households, poor households, reduced) and render it')
    .argument('<file>', 'the table (CSV, TAB-separated text or a workbook: .xlsx, .xlsm, .xls, .ods) with, per unit, the households at the start and end of the year, the poor households at the start and those reduced (or at the end): labelled as the annex is (Tổng số hộ đầu năm …) or households_start, households_end, poor_start, poor_reduced or poor_end')
    .addOption(new Option('-f, --format <format>', 'output format (default: the one -o\'s extension names, -o annex.xlsx, else text; xlsx, docx and html: -o, or stdout when it is not a terminal)').choices([...TABLE_FORMATS]))
    .option('--title <text>', 'a title above the table (docx, xlsx, markdown, text, html)')
    .addOption(
      new Option('--date <date>', 'the date the figures refer to, 2020-12-31 or 31/12/2020: a line under the title').argParser((v: string) => {
        const d = parseDate(v);
        if (!d) throw new InvalidArgumentError(catalog(ctx.lang ?? envLang(ctx.io.env)).cli.badDate);
        return d;
      }),
    )
    .option('--source <text>', 'where the figures come from: a line under the table')
    .option('--strict', 'exit 1 when the input states a derived value that differs from the computed one');
  addInputOptions(cmd, ctx.lang ?? envLang(ctx.io.env)).action(async (file: string, flags: TableFlags) => {
    ctx.setExit(
      await guard(
        ctx,
        file,
        async (setLang) => {
          const r = resolveTable(file, flags, { isTTY: () => ctx.io.isTTY, width: () => terminalWidth(ctx.io) });
          const [{ runTable }, { reportTable }] = await Promise.all([import('./table-run.js'), import('./table-report.js')]);
          return reportTable(await runTable(r, setLang), r, ctx);
        },
        flags.lang,
      ),
    );
  });
}
