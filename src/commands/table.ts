/**
 * `povcheck table <file>`: compute every derived cell of the annex from the base counts and render it
 * (text, markdown, csv, xlsx, docx, json, html). Differences between stated and computed values go to stderr.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { catalog, makeFmt } from '../messages/index.js';
import type { ComputedTable } from '../compute/table.js';
import { isCoreIndicator } from '../model/indicators.js';
import type { CalendarDate, RenderOptions } from '../render/table-data.js';
import { addInputOptions, emit, guard, outFile, outputLang, readAnnex, readingNotes, reportDifferences, type InputFlags } from './calc-shared.js';
import { EXIT, envLang, terminalWidth, type CommandContext } from './shared.js';

export const TABLE_FORMATS = ['text', 'markdown', 'csv', 'xlsx', 'docx', 'json', 'html'] as const;
type TableFormat = (typeof TABLE_FORMATS)[number];
/** Formats written to a file only (binary, or a whole document). */
const FILE_ONLY: readonly TableFormat[] = ['xlsx', 'docx', 'html'];

interface TableFlags extends InputFlags {
  format: TableFormat;
  /** true --transpose, false --no-transpose, undefined: chosen by the number of units. */
  transpose?: boolean;
  title?: string;
  date?: CalendarDate;
  source?: string;
  strict?: boolean;
}

/** A date as `2020-12-31` or `31/12/2020` (day first, as Vietnamese documents write it). */
export function parseDate(value: string): CalendarDate | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (year === undefined) return undefined;
  const d = { year: Number(year), month: Number(month), day: Number(day) };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCFullYear() === d.year && check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day ? d : undefined;
}

export function registerTable(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('table')
    .description('compute every derived cell of the annex from the base counts (households, poor households, reduced) and render it')
    .argument('<file>', 'CSV or TAB-separated text file with households_start, households_end, poor_start and poor_reduced or poor_end per unit')
    .addOption(new Option('-f, --format <format>', 'output format (xlsx, docx and html need -o)').choices([...TABLE_FORMATS]).default('text'))
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
  addInputOptions(cmd).action(async (file: string, flags: TableFlags) => {
    ctx.setExit(await guard(ctx, file, (setLang) => runTable(file, flags, ctx, setLang), flags.lang));
  });
}

async function render(table: ComputedTable, format: TableFormat, opts: RenderOptions, file: string): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return (await import('../render/text.js')).renderText(table, opts);
    case 'markdown':
      return (await import('../render/markdown.js')).renderMarkdown(table, opts);
    case 'csv':
      return (await import('../render/csv.js')).renderCsv(table, opts);
    case 'json':
      return (await import('../render/json.js')).renderTableJson(table, { file, ...opts });
    case 'xlsx':
      return (await import('../render/xlsx.js')).renderXlsx(table, { ...opts, created: new Date() });
    case 'docx':
      return (await import('../render/docx.js')).renderDocx(table, opts);
    case 'html':
      return (await import('../render/table-html.js')).renderTableHtml(table, opts);
  }
}

async function runTable(file: string, flags: TableFlags, ctx: CommandContext, setLang: (l: 'vi' | 'en') => void): Promise<number> {
  const out = outFile(flags);
  if (FILE_ONLY.includes(flags.format) && !out) throw new PovcheckError('OUTPUT_REQUIRED', { format: flags.format });
  const { annex, findings } = await readAnnex(file, flags);
  const { lang, locale } = outputLang(flags, annex);
  setLang(lang);
  const calc = catalog(lang).calc;
  // A table of the annex's eight indicators only is computed the annex's way (it must give the base counts);
  // any other shape of published table cell by cell from what it prints (compute/shaped.ts). Both load only here.
  const [{ computeTable }, { computeShaped }] = await Promise.all([import('../compute/table.js'), import('../compute/shaped.js')]);
  const shaped = annex.indicators.every(isCoreIndicator) ? undefined : computeShaped(annex);
  const table = shaped ?? computeTable(annex, { total: flags.total, totalName: calc.totalName });

  const opts = (transpose: boolean | undefined): RenderOptions => ({
    lang,
    locale,
    ...(transpose !== undefined ? { transpose } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.source ? { source: flags.source } : {}),
  });
  let output = await render(table, flags.format, opts(flags.transpose), file);
  // On a terminal, a text table wider than the window is printed with units as rows (unless --no-transpose).
  if (flags.format === 'text' && !out && flags.transpose === undefined && ctx.io.isTTY && typeof output === 'string') {
    const widest = Math.max(...output.split('\n').map((l) => [...l].length));
    if (widest > terminalWidth(ctx.io)) output = await render(table, flags.format, opts(true), file);
  }
  await emit(ctx, output, out, [file]);

  for (const line of readingNotes(file, findings, lang, locale)) ctx.io.err(line + '\n');
  for (const v of shaped?.unreadable ?? []) {
    ctx.io.err(calc.unreadableCell(file, { cell: v.cell.ref, unit: annex.units[v.unit]?.name ?? '', indicator: v.indicator, text: v.text, fraction: v.reason === 'fraction' }, makeFmt(lang, locale)) + '\n');
  }
  if (shaped?.blank) ctx.io.err(calc.blankForm(file, { count: annex.indicators.length }) + '\n');
  if ((await reportDifferences(ctx, file, annex, table.differences, lang, locale)) && flags.strict) return EXIT.FINDINGS;
  return EXIT.OK;
}
