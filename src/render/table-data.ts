/**
 * What the annex renderers (text, markdown, csv, xlsx, docx, json) take: units, the total, and a number per
 * unit and indicator (undefined = blank cell, e.g. a unit `plan` did not plan). Every renderer lays it out with
 * `annexLayout`, so all formats agree on order, labels and numbers.
 */
import type { Dec } from '../calc/decimal.js';
import { plain } from '../calc/decimal.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import type { Unit } from '../model/annex.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { catalog, formatPlain, type Lang } from '../messages/index.js';
import { annexLayout, type AnnexLayout } from './annex-layout.js';

export interface TableData {
  units: readonly Unit[];
  total?: Unit;
  indicators: readonly Indicator[];
  value(unitId: number, ind: Indicator): Dec | undefined;
}

export interface RenderOptions {
  /** Labels. */
  lang: Lang;
  /** Number format: vi 210.299 and 11,80; en 210,299 and 11.80. */
  locale: 'vi' | 'en';
  /** Units as rows instead of columns. */
  transpose?: boolean;
  /** A title above the table (docx, xlsx, markdown, text). */
  title?: string;
}

/** Plain digits of a value as the annex prints it: counts whole, rates with two decimals. */
export function plainValue(d: Dec, ind: Indicator): string {
  return indicatorKind(ind) === 'rate' ? plain(d.toDecimalPlaces(RATE_DECIMALS, 4), RATE_DECIMALS) : plain(d.toDecimalPlaces(0, 4));
}

/** A value in the chosen number format ("210.299", "11,80"); '' when undefined. */
export function formatValue(d: Dec | undefined, ind: Indicator, locale: 'vi' | 'en'): string {
  return d === undefined ? '' : formatPlain(plainValue(d, ind), locale);
}

/** The annex layout of the data, with its numbers written in the chosen format. */
export function layoutOf(data: TableData, opts: RenderOptions): AnnexLayout {
  return annexLayout(data, catalog(opts.lang).ui, (u, ind) => formatValue(data.value(u.id, ind), ind, opts.locale), { transpose: !!opts.transpose });
}

/** Columns that hold numbers (right-aligned by every renderer). */
export function numericColumns(layout: AnnexLayout): boolean[] {
  return layout.header.map((_, i) => layout.rows.some((r) => r[i]?.kind === 'value'));
}
