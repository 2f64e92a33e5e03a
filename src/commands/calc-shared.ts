/**
 * What `table` and `plan` share: reading the input into an Annex (any layout, locale, encoding validate
 * reads), the language and number format of the output, writing the output (atomically, never over the
 * input). Their errors become one line through shared.ts `guard`, as fix's do.
 */
import { Option, type Command } from 'commander';
import { PovcheckError, type ErrorParams } from '../errors.js';
import type { MessageParams } from '../model/message-ref.js';
import type { Annex } from '../model/annex.js';
import type { Grid, HiddenContent } from '../model/grid.js';
import type { Lang } from '../model/lang.js';
import { catalog, cellLabel, makeFmt, renderMessage, visible } from '../messages/index.js';
import type { Finding } from '../model/finding.js';
import { delimiterOption, encodingOption, inLang, unitNamesOf, unitsOption, langOption, localeOption, noColorOption, outputPath, readOptionsOf, type CommandContext } from './shared.js';
import type { Difference, TotalMode } from '../compute/table.js';
import type { EncodingChoice } from '../read/decode.js';
import type { Delimiter } from '../read/csv.js';
import { fileOrStdout } from './output-format.js';
import type { DocumentTableNote } from '../model/document.js';
import type { TextTarget } from '../document/claims.js';
import type { TitleRows } from '../shape/title-rows.js';
import { NOTHING_CARRIED, type Carried } from '../model/carried-slip.js';

export interface InputFlags {
  outputFile?: string;
  /** Older spellings of --output-file. */
  out?: string;
  output?: string;
  lang?: Lang;
  locale?: 'vi' | 'en';
  inputLocale?: 'vi' | 'en';
  delimiter?: string;
  encoding?: EncodingChoice;
  total: TotalMode;
  /** --units: names for the unit columns of a plan document's table whose header row was lost. */
  units?: string;
}

/** The input and output options `table` and `plan` both take. */
export function addInputOptions(cmd: Command, lang: Lang): Command {
  const path = outputPath(lang);
  return cmd
    .addOption(langOption("language of labels and messages (default: the table's)"))
    .addOption(localeOption('number format of the output (default: that of --lang); also that of the input when it cannot be detected'))
    .addOption(new Option('--input-locale <locale>', 'number format of the input (default: detected)').choices(['vi', 'en']))
    .addOption(delimiterOption('CSV delimiter of the input (default: detected)'))
    .addOption(encodingOption('text encoding of the input (default: detected, Windows-1258 included; TCVN3 and VNI are refused unless named, as is a workbook typed in a .VnTime or VNI-Times font)'))
    .addOption(
      new Option('--total <mode>', 'total unit: auto = the one labelled as total, else the first if it is the sum of the others, else one is added; first; none = never add one')
        .choices(['auto', 'first', 'none'])
        .default('auto'),
    )
    .option('--transpose', 'units as rows instead of columns')
    .option('--no-transpose', 'units as columns (the seed layout) however many there are')
    .addOption(unitsOption())
    .addOption(noColorOption())
    .addOption(new Option('-o, --output-file <path>', 'write the output to this file (written whole or not at all; never over the input; - is stdout)').argParser(path))
    // The spellings table and plan had first (--out) and validate's --output: still accepted.
    .addOption(new Option('--out <path>').hideHelp().argParser(path))
    .addOption(new Option('--output <path>').hideHelp().argParser(path));
}

export interface ReadInput {
  annex: Annex;
  findings: Finding[];
  /** A workbook read past its first sheets, which hold no table (a cover page): the sheet read and those before it. */
  sheets?: { read: string; passedOver: string[]; webPage?: true };
  /** The sheet's hidden rows and columns that hold something: not read (read/xlsx.ts). */
  hidden?: HiddenContent;
  /** A plan document read for its poverty table: which table (document/poverty-table.ts). */
  document?: DocumentTableNote;
  /** The targets the plan document's text sets for that table's units (`plan` without --target), read when asked. */
  textTargets?: () => { targets: TextTarget[]; unmatched: string[] };
  /** The table's own title, the rows above its header (shape/title-rows.ts): `table`'s when --title is not given. */
  title?: TitleRows;
}

/** What `table` and `plan` both return: the table read, the language and number format written, what reading found. */
export interface CalcOutcome {
  lang: Lang;
  locale: 'vi' | 'en';
  annex: Annex;
  /** What reading the input found (rows or columns left out, an indicator given twice …). */
  readFindings: Finding[];
  /** The sheets a workbook was read past (`ReadInput`). */
  sheets?: ReadInput['sheets'];
  /** The sheet's hidden rows and columns that hold something, not read (`ReadInput`). */
  hidden?: ReadInput['hidden'];
  /** The table of a plan document read (`ReadInput`). */
  document?: ReadInput['document'];
}

/** What `table` and `plan` read and write, resolved from their flags (pure). */
export interface CalcInput {
  file: string;
  /** -o / --output-file (or the older --out, --output); stdout when absent or `-`. */
  output?: string;
  /** --delimiter and --encoding, as the reader takes them. */
  read: { delimiter?: Delimiter; encoding?: EncodingChoice };
  /** --input-locale: the input's number format (detected when absent). */
  inputLocale?: 'vi' | 'en';
  /** --locale: the output's number format (the language's when absent); also the input's when it cannot be told. */
  locale?: 'vi' | 'en';
  /** --lang (the table's when absent). */
  lang?: Lang;
  total: TotalMode;
  /** --units: a plan document's table whose header row was lost, its unit columns' names in order. */
  unitNames?: readonly string[];
}

export function resolveInput(file: string, flags: InputFlags): CalcInput {
  const output = fileOrStdout(outFile(flags));
  return {
    file,
    ...(output ? { output } : {}),
    read: readOptionsOf(flags),
    ...(flags.inputLocale ? { inputLocale: flags.inputLocale } : {}),
    ...(flags.locale ? { locale: flags.locale } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
    total: flags.total,
    ...(flags.units !== undefined ? { unitNames: unitNamesOf(flags.units) } : {}),
  };
}

/**
 * File → Annex, the total left to the calculator (`totalPolicy: 'none'`): a table, a workbook's first sheet with a
 * table, or a plan document's first poverty table (.docx, .doc, plain text). The reader and shape load only here
 * (start-up).
 */
export async function readAnnex(input: CalcInput): Promise<ReadInput> {
  const [{ readGrid, readInput }, { shape }, { firstTableSheet }, { titleRows }] = await Promise.all([import('../read/index.js'), import('../shape/index.js'), import('../read/sheets.js'), import('../shape/title-rows.js')]);
  const shaped = (grid: Grid, totalNames?: readonly string[]): ReadInput => {
    const read = inInputLocale(input, (locale) => shape(grid, { totalPolicy: 'none', ...(totalNames ? { totalNames } : {}), ...(locale ? { locale } : {}) }));
    const title = titleRows(grid, read.annex);
    return title ? { ...read, title } : read;
  };
  try {
    const content = await readInput(input.file, input.read);
    if (content.kind === 'document') {
      const { povertyTableOf } = await import('../document/poverty-table.js');
      const table = inInputLocale(input, (locale) => povertyTableOf(content.document, { ...(locale ? { locale } : {}), ...(input.unitNames ? { unitNames: input.unitNames } : {}) }));
      const read = await inDocumentTable(input.file, table.note, () => shaped(table.grid, table.totalName !== undefined ? [table.totalName] : undefined));
      return { ...read, document: table.note, textTargets: table.targets };
    }
    if (content.kind !== 'grid') throw new Error('readInput gave records unasked');
    const first = content.grid;
    const workbookSheet = (g: Grid) => (g.source.kind === 'workbook' ? g.source.sheet : undefined);
    const { result, passedOver } = await firstTableSheet(first, workbookSheet, (sheet) => readGrid(input.file, { ...input.read, sheet }), (g) => ({ read: shaped(g), sheet: workbookSheet(g), hidden: g.source.kind === 'workbook' ? g.source.hidden : undefined, webPage: g.source.kind === 'workbook' && g.source.format === 'html' }));
    const read = passedOver && result.sheet !== undefined ? { ...result.read, sheets: { read: result.sheet, passedOver, ...(result.webPage ? { webPage: true as const } : {}) } } : result.read;
    return result.hidden ? { ...read, hidden: result.hidden } : read;
  } catch (e) {
    throw e instanceof PovcheckError ? e.withFile(input.file) : e;
  }
}

/**
 * `step` (the table read from `file` shaped, computed, rendered), a refusal of that table naming the plan document's
 * table it was read from (`document`), as Word numbers it: "plan.docx, Table 2: the table lacks …". A refusal of
 * another file (a targets file) or of the targets is left as it is.
 */
export async function inDocumentTable<T>(file: string, document: DocumentTableNote | undefined, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (!document || !(e instanceof PovcheckError) || (e.file !== undefined && e.file !== file) || e.code.startsWith('TARGET')) throw e;
    throw e.withTable(document.table);
  }
}

/**
 * `step` (the table computed), a refusal of a value that is a count which lost the zeros of its last group in a save
 * (`findings`: what reading found, shape/zeros-dropped.ts) saying what was probably typed.
 */
export async function withReadHints<T>(findings: Finding[], step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (!(e instanceof PovcheckError) || e.code !== 'CALC_INPUT' || e.cell === undefined) throw e;
    const p = e.params as ErrorParams['CALC_INPUT'];
    if (p.reason !== 'value') throw e;
    const { withZerosDropped } = await import('../shape/zeros-dropped.js');
    const at = withZerosDropped(findings).find((f) => f.msg.id === 'number.grouping' && f.at?.ref === e.cell);
    const restored = (at?.msg.params as MessageParams['number.grouping'] | undefined)?.restored;
    if (restored === undefined) throw e;
    throw new PovcheckError('CALC_INPUT', { ...p, restored }, { ...(e.file !== undefined ? { file: e.file } : {}), cell: e.cell, ...(e.lang ? { lang: e.lang } : {}), ...(e.table !== undefined ? { table: e.table } : {}) });
  }
}

/** `read` in the input's number format (`--input-locale`, else detected); one that cannot be told is read in the output's (`--locale`) when one is given. */
function inInputLocale<T>(input: CalcInput, read: (locale?: 'vi' | 'en') => T): T {
  try {
    return read(input.inputLocale);
  } catch (e) {
    if (e instanceof PovcheckError && e.code === 'LOCALE_AMBIGUOUS' && !input.inputLocale && input.locale) return read(input.locale);
    throw e;
  }
}

/** Output language and number format: --lang, else the table's; --locale, else the language's. */
export function outputLang(input: CalcInput, annex: Annex): { lang: Lang; locale: 'vi' | 'en' } {
  const lang = input.lang ?? annex.lang;
  return { lang, locale: input.locale ?? lang };
}

/**
 * Reading notes worth passing on: the sheets a workbook was read past, rows or columns left out, an indicator given
 * twice, a figure read without the note mark after it. `printed` (`table`): the
 * output is a table, and `printedAsRead` the input rows of the rows not read that it prints as read.
 */
export function readingNotes(file: string, read: Pick<ReadInput, 'findings' | 'sheets' | 'hidden' | 'document'>, lang: Lang, locale: 'vi' | 'en', printed?: { printedAsRead: ReadonlySet<number>; columnsPrintedAsRead?: ReadonlySet<number> }): string[] {
  const fmt = makeFmt(lang, locale);
  const calc = catalog(lang).calc;
  const sheets = read.sheets ? [calc.note(file, visible(calc.sheetsPassedOver(read.sheets.read, read.sheets.passedOver, read.sheets.webPage)))] : [];
  if (read.document) sheets.push(calc.note(file, visible(calc.documentTable(read.document))));
  if (read.hidden) sheets.push(calc.note(file, visible(calc.hiddenNotRead(read.hidden))));
  return sheets.concat(read.findings
    .filter((f) => f.rule === 'unknown' || (f.rule === 'duplicate' && f.indicator) || f.msg.id === 'number.note-mark')
    .map((f) => {
      // `table` prints the rows it read, the named rows without figures (blank) and, with the units as columns, the
      // rows it does not read (as read): any other row or column it warns about is not in its output, and the note
      // says so.
      const rowAsRead = printed && (f.msg.id === 'unknown.row' || f.rule === 'duplicate') && f.at !== undefined && printed.printedAsRead.has(f.at.row);
      const columnAsRead = printed && printedColumn(f, printed.columnsPrintedAsRead);
      const leftOut = !printed || NOT_LEFT_OUT.has(f.msg.id) ? '' : ` ${rowAsRead ? calc.printedAsRead : columnAsRead ? calc.columnPrintedAsRead : f.msg.id === 'number.note-mark' ? calc.markLeftOut : calc.leftOut}`;
      return calc.note(file, `${f.at ? `${cellLabel(f.at, lang)}: ` : ''}${renderMessage(f.msg, fmt)}${leftOut}`);
    }));
}

/** Warnings of no row or column left out of `table`'s output: rows without figures, a header or row label split by its delimiter. */
const NOT_LEFT_OUT: ReadonlySet<string> = new Set(['unknown.empty-row', 'unknown.empty-rows', 'unknown.header-joined', 'unknown.header-longer', 'unknown.label-joined', 'unknown.name-joined']);

/** Whether a warning about a column not read is about one of `printed`. */
function printedColumn(f: Finding, printed: ReadonlySet<number> | undefined): boolean {
  if (!printed || f.at === undefined) return false;
  return (f.msg.id === 'unknown.column' || f.msg.id === 'unknown.unlabelled-column') && printed.has(f.at.col);
}

/** The output file as named: -o / --output-file (or the older --out, --output); `-` is stdout (`resolveInput`). */
export const outFile = (flags: InputFlags): string | undefined => flags.outputFile ?? flags.out ?? flags.output;

/**
 * Writes the output to --out (never over one of `inputs`, every file the command read), or to stdout: a workbook's
 * or document's bytes as they are (`> annex.xlsx`; table-options.ts refuses them on a terminal). A refusal to write
 * is worded in `lang`, the output's.
 */
export async function emit(ctx: CommandContext, data: string | Uint8Array, out: string | undefined, inputs: readonly string[], lang: Lang): Promise<void> {
  if (out) await inLang(lang, async () => (await import('../io/write-atomic.js')).writeFileAtomic(out, data, inputs));
  else if (typeof data === 'string') ctx.io.out(data);
  else if (ctx.io.outBytes) ctx.io.outBytes(data);
  else ctx.io.out(Buffer.from(data).toString('latin1'));
}


/**
 * Stated values that differ from the computed ones, on stderr: a head line, one line per cell, a line for each input
 * slip the computed values carry (`carried`: the stated values there may be right; `command`, to run again once it is
 * corrected), and a pointer to `povcheck validate`. Returns whether there were any.
 */
export async function reportDifferences(ctx: CommandContext, file: string, annex: Annex, differences: readonly Difference[], lang: Lang, locale: 'vi' | 'en', carried: Carried = NOTHING_CARRIED, command: 'table' | 'plan' = 'table'): Promise<boolean> {
  if (differences.length === 0) return false;
  const [{ plainValue }, { causeCellText }] = await Promise.all([import('../render/table-data.js'), import('../reporters/causes.js')]);
  const calc = catalog(lang).calc;
  const f = makeFmt(lang, locale);
  ctx.io.err(calc.differencesHead(file, differences.length) + '\n');
  for (const d of differences) {
    const v = annex.values.get(d.unit.id, d.indicator);
    const p = { cell: cellLabel(d.cell, lang), unit: d.unit.name, indicator: d.indicator, stated: d.stated, statedIsNumber: v?.status === 'ok', computed: plainValue(d.computed, d.indicator, d.decimals) };
    ctx.io.err(calc.difference(p, f) + '\n');
  }
  const { locate } = catalog(lang);
  for (const slip of carried.slips) ctx.io.err(locate.carried({ cells: slip.cells.map((c) => causeCellText(c, lang)), carried: slip.differences.map((d) => cellLabel(d.cell, lang)), command }, f) + '\n');
  if (carried.untraced > 0) ctx.io.err(locate.untraced({ count: carried.untraced, command }) + '\n');
  for (const d of carried.doubtful) ctx.io.err(locate.doubtful({ cell: cellLabel(d.difference.cell, lang), alternatives: d.alternatives.map((a) => a.map((c) => causeCellText(c, lang))), command }, f) + '\n');
  ctx.io.err(calc.suggestValidate(file) + '\n');
  return true;
}
