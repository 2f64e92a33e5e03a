/**
 * `table`'s run: the input read into an Annex, every derived cell computed (compute/table.ts for the annex's
 * indicators, compute/shaped.ts for any other published shape) and rendered in the format asked. Returns the
 * output and what the report says about the input; writes and prints nothing (table-report.ts does).
 */
import { catalog } from '../messages/index.js';
import type { Annex } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { isAnnexShaped, isCoreIndicator, type Indicator } from '../model/indicators.js';
import type { ComputedTable, Difference } from '../compute/table.js';
import type { ShapedTable } from '../compute/shaped.js';
import type { RenderOptions } from '../render/table-data.js';
import { inDocumentTable, withReadHints, outputLang, readAnnex, type CalcOutcome, type ReadInput } from './calc-shared.js';
import type { TableFormat, TableRun } from './table-options.js';
import { carriedSlips } from './carried-slips.js';
import type { Carried } from '../model/carried-slip.js';

export interface TableOutcome extends CalcOutcome {
  output: string | Uint8Array;
  /** The table's own title printed above it (no --title given): its rows in the input, for the note. */
  title?: ReadInput['title'];
  /** Stated values that differ from the computed ones. */
  differences: readonly Difference[];
  /** The input slips some of those computed values carry (carried-slips.ts): the stated values there may be right. */
  carried: Carried;
  /** Rate columns printed as read, not recomputed (over a base the table does not print): validate's finding for each. */
  ratesAsPrinted: readonly Finding[];
  /** Another shape's cells neither readable nor derivable, left blank. */
  unreadable: ShapedTable['unreadable'];
  /** Another shape's table without a figure (a blank official form). */
  blank: boolean;
  /** The input rows of the rows not read that the output prints as read (none with the units as rows), and the columns'. */
  rowsPrintedAsRead: ReadonlySet<number>;
  columnsPrintedAsRead: ReadonlySet<number>;
}

/** `setLang`: told the output's language once it is known (the language of a later error's line). */
export async function runTable(r: TableRun, setLang: (l: Lang) => void): Promise<TableOutcome> {
  const { annex, findings, sheets, hidden, document, title } = await readAnnex(r.input);
  const { lang, locale } = outputLang(r.input, annex);
  setLang(lang);
  // The table's own title, unless --title gives one or the output is in another language than the table's.
  const ownTitle = r.layout.title === undefined && title && lang === annex.lang ? title : undefined;
  if (ownTitle) r = { ...r, layout: { ...r.layout, title: ownTitle.text } };
  const { table, shaped, ratesAsPrinted } = await inDocumentTable(r.input.file, document, () => withReadHints(findings, () => computed(annex, r, lang)));
  const carried = await carriedSlips(r.input, annex, table.differences, async (a) => (await computed(a, r, lang)).table.differences);
  const { output, opts } = await rendered(table, r, { lang, locale }, carried);
  const asRead = await printedAsRead(table, opts);
  return { output, lang, locale, annex, readFindings: findings, ...(sheets ? { sheets } : {}), ...(hidden ? { hidden } : {}), ...(document ? { document } : {}), ...(ownTitle ? { title: ownTitle } : {}), differences: table.differences, carried, ratesAsPrinted, unreadable: shaped?.unreadable ?? [], blank: !!shaped?.blank, ...asRead };
}

/** The rows and columns not read that the output prints: those whose label (header) cell its layout carries. */
async function printedAsRead(table: ComputedTable, opts: RenderOptions): Promise<{ rowsPrintedAsRead: ReadonlySet<number>; columnsPrintedAsRead: ReadonlySet<number> }> {
  if (!table.notRead && !table.notReadColumns) return { rowsPrintedAsRead: new Set(), columnsPrintedAsRead: new Set() };
  const [{ layoutOf }, { columnsNotReadPrinted }] = await Promise.all([import('../render/table-data.js'), import('../render/not-read.js')]);
  const layout = layoutOf(table, opts);
  const rows = new Set(layout.rows.flatMap((r) => r.filter((c) => c.kind === 'label' && c.cell).map((c) => c.cell!.row)));
  return {
    rowsPrintedAsRead: new Set((table.notRead?.rows ?? []).map((r) => r.row).filter((r) => rows.has(r))),
    columnsPrintedAsRead: new Set(table.notReadColumns ? columnsNotReadPrinted(layout, table.notReadColumns).map((c) => c.col) : []),
  };
}

/**
 * An annex table (model/indicators.ts `isAnnexShaped`: counts and their households) of the annex's eight indicators
 * only is computed the annex's way, which needs the base counts and says which are missing; any other shape of
 * published table (rates without counts included, Sốp Cộp's 30,23 → 25,93: the annex's way refused it) cell by cell
 * from what it prints (compute/shaped.ts), but for its rate columns that measure something else (`foreignRates`).
 * Both load only here.
 */
async function computed(annex: Annex, r: TableRun, lang: Lang): Promise<{ table: ComputedTable; shaped?: ShapedTable; ratesAsPrinted: Finding[] }> {
  const [{ computeTable }, { computeShaped }, { labelYear, labelPeriod }] = await Promise.all([import('../compute/table.js'), import('../compute/shaped.js'), import('../compute/label-year.js')]);
  const year = labelYear(annex);
  const period = labelPeriod(annex);
  const ofYear = <T extends ComputedTable>(t: T): T => (year === undefined && !period ? t : { ...t, ...(year !== undefined ? { year } : {}), ...(period ? { period: true as const } : {}) });
  if (annex.indicators.every(isCoreIndicator) && isAnnexShaped(annex.indicators)) return { table: ofYear(computeTable(annex, { total: r.input.total, totalName: catalog(lang).calc.totalName })), ratesAsPrinted: [] };
  const { ratesAsPrinted, shares } = await foreignRates(annex);
  const shaped = ofYear(computeShaped(annex, { asPrinted: new Set(ratesAsPrinted.map((f) => f.indicator!)), shares }));
  return { table: shaped, shaped, ratesAsPrinted };
}

/**
 * The rate columns validate folds into one finding (relations/rate-column.ts: none of the column's rates is its
 * count over its households) and that fit no other column of the table: a share over a base the table does not
 * print (Kon Tum's share of the poor households that are of ethnic minorities) or another quantity. Recomputed,
 * every one of their cells would be replaced by a number the column does not mean; they are printed as read.
 * A column computed over another column of the table (`over`) is a wrong formula, and one whose every rate is a
 * share (`shares`: 0,0603 for 6,03 %) a missing × 100: both are recomputed, the shares as percentages.
 */
async function foreignRates(annex: Annex): Promise<{ ratesAsPrinted: Finding[]; shares: Set<Indicator> }> {
  const { runRules, CHECK_RULES } = await import('../rules/index.js');
  const { findings } = runRules(annex, CHECK_RULES.filter((rule) => rule.id === 'rate'));
  const columns = findings.filter((f) => f.msg.id === 'rate.column' && f.indicator !== undefined && !('over' in f.msg.params) && !('roundedDown' in f.msg.params));
  const shares = columns.filter((f) => 'shares' in f.msg.params);
  return { ratesAsPrinted: columns.filter((f) => !shares.includes(f)), shares: new Set(shares.map((f) => f.indicator!)) };
}

/**
 * The output; on a terminal, a text table wider than the window is rendered both ways round (units as rows, units
 * as columns) and the narrowest of the three is printed (a table of one unit and many columns is narrower with
 * its units as columns).
 */
async function rendered(table: ComputedTable, r: TableRun, lang: { lang: Lang; locale: 'vi' | 'en' }, carried: Carried): Promise<{ output: string | Uint8Array; opts: RenderOptions }> {
  const opts = (transpose: boolean | undefined): RenderOptions => ({ ...lang, ...(transpose !== undefined ? { transpose } : {}), ...r.layout });
  const first = { output: await render(table, r.format, opts(r.transpose), r.input.file, carried), opts: opts(r.transpose) };
  if (r.fitWidth === undefined || typeof first.output !== 'string') return first;
  const widest = (text: string | Uint8Array) => (typeof text === 'string' ? Math.max(...text.split('\n').map((l) => [...l].length)) : Infinity);
  if (widest(first.output) <= r.fitWidth) return first;
  const others = [true, false].map(async (t) => ({ output: await render(table, r.format, opts(t), r.input.file, carried), opts: opts(t) }));
  return (await Promise.all(others)).reduce((best, o) => (widest(o.output) < widest(best.output) ? o : best), first);
}

async function render(table: ComputedTable, format: TableFormat, opts: RenderOptions, file: string, carried: Carried): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return (await import('../render/text.js')).renderText(table, opts);
    case 'markdown':
      return (await import('../render/markdown.js')).renderMarkdown(table, opts);
    case 'csv':
      return (await import('../render/csv.js')).renderCsv(table, opts);
    case 'json':
      return (await import('../render/json.js')).renderTableJson(table, { file, ...opts }, carried);
    case 'xlsx':
      return (await import('../render/xlsx.js')).renderXlsx(table, { ...opts, created: new Date() });
    case 'docx':
      return (await import('../render/docx.js')).renderDocx(table, opts);
    case 'html':
      return (await import('../render/table-html.js')).renderTableHtml(table, opts);
  }
}
