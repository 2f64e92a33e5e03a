/**
 * The annex as a grid of labelled cells, in the seed's layout (STT 1–6, the rate block as a heading with
 * three sub-rows, units as columns with the total first) or transposed (units as rows). Every renderer
 * (terminal, markdown, csv, xlsx, docx, html) starts from this, so they agree on order and labels.
 */
import { INDICATORS, RATE_INDICATORS, indicatorKind, type Indicator } from '../model/indicators.js';
import type { Unit } from '../model/annex.js';
import type { UiText } from '../messages/types.js';

export type LayoutCellKind = 'stt' | 'label' | 'measure' | 'unit' | 'value' | 'heading' | 'blank';

export interface LayoutCell {
  text: string;
  kind: LayoutCellKind;
  unit?: number;
  indicator?: Indicator;
}

export interface AnnexLayout {
  header: LayoutCell[];
  rows: LayoutCell[][];
  transposed: boolean;
}

export interface LayoutSource {
  units: readonly Unit[];
  total?: Unit;
  indicators: readonly Indicator[];
}

/** Total first, then the other units in table order. */
export function displayUnits(src: LayoutSource): Unit[] {
  return src.total ? [src.total, ...src.units.filter((u) => u.id !== src.total!.id)] : [...src.units];
}

export function annexLayout(
  src: LayoutSource,
  ui: UiText,
  value: (unit: Unit, ind: Indicator) => string,
  opts: { transpose?: boolean } = {},
): AnnexLayout {
  const units = displayUnits(src);
  const inds = INDICATORS.filter((i) => src.indicators.includes(i));
  const counts = inds.filter((i) => indicatorKind(i) === 'count');
  const rates = inds.filter((i) => indicatorKind(i) === 'rate');
  const v = (u: Unit, ind: Indicator): LayoutCell => ({ text: value(u, ind), kind: 'value', unit: u.id, indicator: ind });

  if (opts.transpose) {
    const header: LayoutCell[] = [
      { text: ui.sttHeader, kind: 'stt' },
      { text: ui.unitHeader, kind: 'label' },
      ...inds.map((i): LayoutCell => ({
        // Rates get "(%)" unless the label already names its unit ("Poverty rate reduction (points)").
        text: indicatorKind(i) === 'rate' && !/\)\s*$/.test(ui.indicatorLabels[i]) ? `${ui.indicatorLabels[i]} (%)` : ui.indicatorLabels[i],
        kind: 'label',
        indicator: i,
      })),
    ];
    let n = 0;
    const rows = units.map((u): LayoutCell[] => [
      { text: u.isTotal ? '' : String(++n), kind: 'stt' },
      { text: u.name, kind: 'unit', unit: u.id },
      ...inds.map((i) => v(u, i)),
    ]);
    return { header, rows, transposed: true };
  }

  const header: LayoutCell[] = [
    { text: ui.sttHeader, kind: 'stt' },
    { text: ui.labelHeader, kind: 'label' },
    { text: ui.measureHeader, kind: 'measure' },
    ...units.map((u): LayoutCell => ({ text: u.name, kind: 'unit', unit: u.id })),
  ];
  const rows: LayoutCell[][] = [];
  let stt = 0;
  for (const ind of counts) {
    rows.push([
      { text: String(++stt), kind: 'stt' },
      { text: ui.tableLabels[ind], kind: 'label', indicator: ind },
      { text: ui.measure.households, kind: 'measure' },
      ...units.map((u) => v(u, ind)),
    ]);
  }
  if (rates.length > 0) {
    rows.push([
      { text: String(++stt), kind: 'stt' },
      { text: ui.rateHeading, kind: 'heading' },
      { text: '', kind: 'blank' },
      ...units.map((): LayoutCell => ({ text: '', kind: 'blank' })),
    ]);
    for (const ind of RATE_INDICATORS.filter((i) => rates.includes(i))) {
      rows.push([
        { text: '', kind: 'stt' },
        { text: ui.tableLabels[ind], kind: 'label', indicator: ind },
        { text: ui.measure.percent, kind: 'measure' },
        ...units.map((u) => v(u, ind)),
      ]);
    }
  }
  return { header, rows, transposed: false };
}
