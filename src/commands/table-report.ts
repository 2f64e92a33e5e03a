/**
 * `table`'s outcome reported: the output to its file (atomically, never over the input) or to stdout; on stderr
 * the reading notes, the cells left blank, the rate columns printed as read, a blank form, the stated values that
 * differ from the computed ones; the exit code (1 for a difference or a rate column printed as read, only with --strict).
 */
import { catalog, cellLabel, makeFmt, renderMessage, visible } from '../messages/index.js';
import { emit, readingNotes, reportDifferences } from './calc-shared.js';
import { EXIT, type CommandContext } from './shared.js';
import type { TableRun } from './table-options.js';
import type { TableOutcome } from './table-run.js';

/** From this many counts that are fractions, one line says what they all say (`fractionCells`). */
const MANY_FRACTIONS = 3;

export async function reportTable(o: TableOutcome, r: TableRun, ctx: CommandContext): Promise<number> {
  const { file } = r.input;
  await emit(ctx, o.output, r.input.output, [file], o.lang);
  const calc = catalog(o.lang).calc;
  if (o.title) ctx.io.err(calc.note(file, visible(calc.ownTitle(o.title.rows.map((r) => r + 1)))) + '\n');
  for (const line of readingNotes(file, { findings: o.readFindings, ...(o.sheets ? { sheets: o.sheets } : {}), ...(o.hidden ? { hidden: o.hidden } : {}), ...(o.document ? { document: o.document } : {}) }, o.lang, o.locale, { printedAsRead: o.rowsPrintedAsRead, columnsPrintedAsRead: o.columnsPrintedAsRead })) ctx.io.err(line + '\n');
  // Counts a workbook stores as fractions, as the reader found (`915.274` households read with English settings), say
  // one thing: one line for them all.
  const fractions = o.unreadable.filter((v) => v.reason === 'fraction' && v.printed);
  const many = fractions.length >= MANY_FRACTIONS && o.readFindings.some((f) => f.msg.id === 'number.thousands-as-decimals');
  if (many) ctx.io.err(calc.fractionCells(file, { count: fractions.length, first: fractions.slice(0, 3).map((v) => cellLabel(v.cell, o.lang)) }) + '\n');
  for (const v of many ? o.unreadable.filter((x) => !fractions.includes(x)) : o.unreadable) {
    const cell = { cell: cellLabel(v.cell, o.lang), unit: o.annex.units.at(v.unit)?.name ?? '', indicator: v.indicator, text: v.text, fraction: v.reason === 'fraction', printed: v.printed };
    ctx.io.err(calc.unreadableCell(file, cell, makeFmt(o.lang, o.locale)) + '\n');
  }
  for (const f of o.ratesAsPrinted) ctx.io.err(calc.note(file, `${cellLabel(f.at!, o.lang)}: ${renderMessage(f.msg, makeFmt(o.lang, o.locale))} ${calc.columnPrintedAsRead}`) + '\n');
  if (o.blank) ctx.io.err(calc.blankForm(file, { count: o.annex.indicators.length }) + '\n');
  const differ = await reportDifferences(ctx, file, o.annex, o.differences, o.lang, o.locale, o.carried);
  if ((differ || o.ratesAsPrinted.length > 0) && r.strict) return EXIT.FINDINGS;
  return EXIT.OK;
}
