/**
 * `table --format json`: the computed annex as data. Values are strings of plain digits as the annex prints
 * them ("210299", "11.80"); differences name the input cell, what it stated and what was computed.
 */
import { jsonControlsEscaped } from './safe-text.js';
import { INDICATORS } from '../model/indicators.js';
import type { ComputedTable } from '../compute/table.js';
import { displayUnits } from './annex-layout.js';
import { plainValue, type CalendarDate, type RenderOptions } from './table-data.js';
import { NOTHING_CARRIED, type Carried } from '../model/carried-slip.js';
import type { CauseCell } from '../locate/types.js';

const isoDate = (d: CalendarDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export const TABLE_JSON_VERSION = 1;

/**
 * `carried` (commands/carried-slips.ts): the input slips the computed values carry, each difference that follows from
 * one naming its cells (`carries`: the input cell, what it holds and the value that makes every check hold); a
 * difference validate cannot tell from other input cells as the slip names them (`alternatives`: each other cause,
 * its cells with the same fields).
 */
export function renderTableJson(table: ComputedTable, meta: { file: string } & Pick<RenderOptions, 'lang' | 'locale' | 'title' | 'date' | 'source'>, carried: Carried = NOTHING_CARRIED): string {
  const carries = new Map(carried.slips.flatMap((slip) => slip.differences.map((d) => [d, slip.cells] as const)));
  const alternatives = new Map(carried.doubtful.map((d) => [d.difference, d.alternatives] as const));
  const cellsJson = (cells: readonly CauseCell[]) => cells.map((c) => ({ cell: c.cell.ref, unit: c.unit, indicator: c.indicator, stated: c.actual, likely: c.proposed ?? null }));
  const out = {
    povcheck: TABLE_JSON_VERSION,
    command: 'table',
    file: meta.file,
    lang: meta.lang,
    locale: meta.locale,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.date ? { date: isoDate(meta.date) } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    total: table.total ? { name: table.total.name, source: table.totalSource ?? null } : null,
    units: displayUnits(table).map((u) => ({
      name: u.name,
      total: u.isTotal,
      values: Object.fromEntries((table.shaped ? table.indicators : INDICATORS).map((ind) => {
        const d = table.value(u.id, ind);
        return [ind, d === undefined ? null : plainValue(d, ind, table.decimals?.(ind, u.id))];
      })),
    })),
    differences: table.differences.map((d) => ({
      cell: d.cell.ref,
      unit: d.unit.name,
      indicator: d.indicator,
      stated: d.stated,
      computed: plainValue(d.computed, d.indicator, d.decimals),
      ...(carries.has(d) ? { carries: cellsJson(carries.get(d)!) } : {}),
      ...(alternatives.has(d) ? { alternatives: alternatives.get(d)!.map(cellsJson) } : {}),
    })),
  };
  return jsonControlsEscaped(JSON.stringify(out, null, 2)) + '\n';
}
