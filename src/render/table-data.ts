/**
 * What the annex renderers (text, markdown, csv, xlsx, docx, json) take: units, the total, and a number per
 * unit and indicator (undefined = blank cell, e.g. a unit `plan` did not plan). Every renderer lays it out with
 * `annexLayout`, so all formats agree on order, labels and numbers.
 */
import { type Dec, plain } from '../calc/decimal.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import type { Unit, Annex, NotReadColumns, NotReadRows } from '../model/annex.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { describeIndicator } from '../model/vocabulary.js';
import { indicatorOf } from '../model/slots.js';
import { catalog, formatPlain } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { annexLayout, autoTranspose, type AnnexLayout, type LayoutCell } from './annex-layout.js';
import { layoutWords } from '../messages/indicator-labels.js';
import { shapedLayout } from './shaped-layout.js';
import { withColumnsNotRead, withRowsNotRead } from './not-read.js';
import type { ColumnRule } from '../compute/shaped.js';

export interface TableData {
  units: readonly Unit[];
  total?: Unit;
  indicators: readonly Indicator[];
  value(unitId: number, ind: Indicator): Dec | undefined;
  /** Digits a slot is printed with (a published table's rates: one or two); default: the annex's. */
  decimals?: (ind: Indicator, unitId?: number) => number;
  /** A published table (not the annex): laid out by shaped-layout.ts from the annex as read. */
  shaped?: true;
  source?: Annex;
  columnRules?: ReadonlyMap<Indicator, ColumnRule>;
  /** Rows the table names without figures (model/annex.ts): printed blank, in place. */
  unitsWithoutFigures?: Annex['unitsWithoutFigures'];
  /** Rows the table prints that name no indicator (Annex.rowsNotRead): printed as read, in place, when the units are columns. */
  notRead?: NotReadRows;
  /** Columns the table prints that it does not read (Annex.columnsNotRead): printed as read, in place, when the units are rows. */
  notReadColumns?: NotReadColumns;
  /** A cell neither readable as a number nor derivable (`dưới 30`): its text, printed as read. */
  asPrinted?: (unitId: number, ind: Indicator) => string | undefined;
  /** The one year the indicators' labels name (compute/label-year.ts), which their headings do not print. */
  year?: number;
  /** The labels count their phases over a period (`đầu kỳ`, compute/label-year.ts `labelPeriod`): printed so. */
  period?: true;
}



export interface RenderOptions {
  /** Labels. */
  lang: Lang;
  /** Number format: vi 210.299 and 11,80; en 210,299 and 11.80. */
  locale: 'vi' | 'en';
  /** Units as rows (true) or as columns (false); undefined: as rows when there are more than WIDE_MAX_UNITS. */
  transpose?: boolean;
  /** A title above the table (docx, xlsx, markdown, text, html). */
  title?: string;
  /** The date the figures refer to (a line under the title). */
  date?: CalendarDate;
  /** Where the figures come from (a line under the table). */
  source?: string;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The lines around a table in a document: title, date (or the year its labels name), unit line (without a unit-of-measure column), source. */
export interface DocumentLines {
  title?: string;
  date?: string;
  unitLine?: string;
  source?: string;
}

export function documentLines(layout: AnnexLayout, opts: RenderOptions, year?: number): DocumentLines {
  const calc = catalog(opts.lang).calc;
  // Without a date, the year the labels name (their headings are printed without it), unless the title says it.
  const ofYear = year !== undefined && !opts.date && !opts.title?.includes(String(year));
  return {
    ...(opts.title ? { title: opts.title } : {}),
    ...(opts.date ? { date: calc.asOf(opts.date) } : ofYear ? { date: calc.ofYear(year) } : {}),
    ...(layout.hasMeasureColumn ? {} : { unitLine: calc.unitLine(measuresOf(layout)) }),
    ...(opts.source ? { source: calc.sourceLine(opts.source) } : {}),
  };
}

/** What the layout's figures count, for the unit line: households, persons, percentages (rates, points, shares). */
function measuresOf(layout: AnnexLayout): { households: boolean; persons: boolean; percent: boolean } {
  const m = { households: false, persons: false, percent: false };
  for (const row of [layout.header, ...layout.rows]) {
    for (const c of row) {
      if (c.indicator === undefined) continue;
      if (indicatorKind(c.indicator) === 'rate') m.percent = true;
      else if (describeIndicator(indicatorOf(c.indicator))?.measure === 'persons') m.persons = true;
      else m.households = true;
    }
  }
  return m;
}

/** Plain digits of a value as the annex prints it: counts whole, rates with two decimals. */
export function plainValue(d: Dec, ind: Indicator, decimals?: number): string {
  const dp = decimals ?? (indicatorKind(ind) === 'rate' ? RATE_DECIMALS : 0);
  return plain(d.toDecimalPlaces(dp, 4), dp);
}

/** A value in the chosen number format ("210.299", "11,80"); '' when undefined. */
export function formatValue(d: Dec | undefined, ind: Indicator, locale: 'vi' | 'en', decimals?: number): string {
  return d === undefined ? '' : formatPlain(plainValue(d, ind, decimals), locale);
}

/**
 * The annex layout of the data, with its numbers written in the chosen format; units as rows as `transpose`
 * says or, when it says nothing, when there are many. `grouped`: the documents' header (groups, column numbers).
 */
export function layoutOf(data: TableData, opts: RenderOptions, o: { grouped?: boolean } = {}): AnnexLayout {
  const read = layoutOfRead(data, opts, o);
  const layout = data.period ? withLabels(read, layoutWords(opts.lang).ofPeriod) : read;
  const rows = data.notRead ? withRowsNotRead(layout, data.notRead, opts.locale) : layout;
  return data.notReadColumns ? withColumnsNotRead(rows, data.notReadColumns, opts.locale) : rows;
}

/** The layout with every label cell's text (headers, header rows, row labels) given by `f`. */
function withLabels(layout: AnnexLayout, f: (text: string) => string): AnnexLayout {
  const cell = <C extends LayoutCell>(c: C): C => (c.kind === 'label' ? { ...c, text: f(c.text) } : c);
  return { ...layout, header: layout.header.map(cell), ...(layout.head ? { head: layout.head.map((r) => r.map(cell)) } : {}), rows: layout.rows.map((r) => r.map(cell)) };
}

/** The layout of the rows povcheck read (and of the rows named without figures). */
function layoutOfRead(data: TableData, opts: RenderOptions, o: { grouped?: boolean }): AnnexLayout {
  if (data.shaped && data.source) {
    const src = { units: data.units, ...(data.total ? { total: data.total } : {}), indicators: data.indicators, source: data.source, ...(data.columnRules ? { columnRules: data.columnRules } : {}) };
    const value = (u: Unit, ind: Indicator) => formatValue(data.value(u.id, ind), ind, opts.locale, data.decimals?.(ind, u.id)) || (data.asPrinted?.(u.id, ind) ?? '');
    return shapedLayout(src, opts.lang, value, { ...(opts.transpose !== undefined ? { transpose: opts.transpose } : {}), grouped: !!o.grouped });
  }
  // Rows the table names without figures are printed blank in place (model/annex.ts `unitsWithoutFigures`).
  const src = { units: data.units, ...(data.total ? { total: data.total } : {}), indicators: data.indicators, unitsWithoutFigures: data.unitsWithoutFigures };
  return annexLayout(src, catalog(opts.lang).ui, (u, ind) => formatValue(data.value(u.id, ind), ind, opts.locale, data.decimals?.(ind, u.id)), {
    transpose: autoTranspose(src, opts.transpose),
    grouped: !!o.grouped,
  });
}

/** Columns that hold numbers (right-aligned by every renderer). */
export function numericColumns(layout: Pick<AnnexLayout, 'header' | 'rows'>): boolean[] {
  return layout.header.map((_, i) => layout.rows.some((r) => r[i]?.kind === 'value'));
}
