/**
 * `table`'s flags resolved once into one `TableRun` (pure): the input and output (calc-shared.ts), the format,
 * what the renderers are given, and the terminal's width when a text table goes to one. An output format
 * that needs a file and has none is a PovcheckError (exit 2, one line).
 */
import { PovcheckError } from '../errors.js';
import type { CalendarDate, RenderOptions } from '../render/table-data.js';
import { outFile, resolveInput, type CalcInput, type InputFlags } from './calc-shared.js';
import { checkOutputName, formatNamedBy } from './output-format.js';

export const TABLE_FORMATS = ['text', 'markdown', 'csv', 'xlsx', 'docx', 'json', 'html'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
/** Formats written to a file only (binary, or a whole document). */
const FILE_ONLY: readonly TableFormat[] = ['xlsx', 'docx', 'html'];

export interface TableFlags extends InputFlags {
  /** --format; when absent, the one -o's extension names, else text (output-format.ts). */
  format?: TableFormat;
  /** true --transpose, false --no-transpose, undefined: chosen by the number of units. */
  transpose?: boolean;
  title?: string;
  date?: CalendarDate;
  source?: string;
  strict?: boolean;
}

/** What the renderers are given besides the language, the number format and the orientation. */
export type TableLayout = Omit<RenderOptions, 'lang' | 'locale' | 'transpose'>;

export interface TableRun {
  input: CalcInput;
  format: TableFormat;
  /** --transpose / --no-transpose; undefined: chosen by the number of units. */
  transpose?: boolean;
  layout: TableLayout;
  /** A text table on a terminal, --transpose not given: the terminal's width; a wider table is printed the narrower way round. */
  fitWidth?: number;
  /** --strict: a stated value that differs from the computed one exits 1. */
  strict: boolean;
}

/** `terminal`: whether stdout is one and its width (shared.ts `terminalWidth`), asked only when a text table goes to stdout. */
export function resolveTable(file: string, flags: TableFlags, terminal: { isTTY: () => boolean; width: () => number }): TableRun {
  const input = resolveInput(file, flags);
  const format = flags.format ?? formatNamedBy(outFile(flags), TABLE_FORMATS) ?? 'text';
  checkOutputName(input.output, format, TABLE_FORMATS, [file]);
  // A workbook, a Word document or an HTML page is not shown in a terminal: there it needs -o; redirected or piped
  // (`> annex.xlsx`), it goes to stdout.
  if (FILE_ONLY.includes(format) && !input.output && terminal.isTTY()) throw new PovcheckError('OUTPUT_REQUIRED', { format });
  const fits = format === 'text' && !input.output && flags.transpose === undefined && terminal.isTTY();
  return {
    input,
    format,
    ...(flags.transpose !== undefined ? { transpose: flags.transpose } : {}),
    layout: {
      ...(flags.title ? { title: flags.title } : {}),
      ...(flags.date ? { date: flags.date } : {}),
      ...(flags.source ? { source: flags.source } : {}),
    },
    ...(fits ? { fitWidth: terminal.width() } : {}),
    strict: !!flags.strict,
  };
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
