/**
 * The table after a correction: some entered cells changed and every computed cell recomputed. Values keep
 * their cells; the text is written in the table's number format. Only the rows that change are new: the
 * others are the original's (the patched table's rows are an overlay on the original's, so trying a
 * candidate never copies the table), and its facts (table.ts) follow from the original's.
 */
import { Dec } from '../calc/decimal.js';
import { OverlayValues, type Annex, type Value, type ValueRow } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { formatCellValue, groupsThousands } from './format.js';
import { NumberValue } from '../model/value.js';
import { Evaluation, type System } from './model.js';
import { derivedFacts } from './table.js';

export function patchAnnex(sys: System, changes: ReadonlyMap<string, Dec>, grouping = groupsThousands(sys.annex)): Annex {
  const annex = sys.annex;
  const ev = new Evaluation(sys, changes);
  // With recomputed formulas any row may change; otherwise only the rows of the changed cells.
  const ids = sys.hasComputed ? Array.from({ length: annex.units.length }, (_, id) => id) : [...new Set([...changes.keys()].map((r) => sys.cells.get(r)!.unit.id))];
  const rows = new Map<number, ValueRow>();
  for (const id of ids) {
    const vals = annex.values.row(id);
    const row = patchedRow(sys, vals, changes, ev, grouping);
    if (row !== vals) rows.set(id, row);
  }
  const patched: Annex = { ...annex, values: rows.size === 0 ? annex.values : new OverlayValues(annex.values, rows) };
  derivedFacts(annex, patched, rows.keys());
  return patched;
}

/** A row with its changed and recomputed cells (the row itself when none changes). */
function patchedRow(sys: System, vals: ValueRow, changes: ReadonlyMap<string, Dec>, ev: Evaluation, grouping: boolean): ValueRow {
  let out: Partial<Record<Indicator, Value>> | undefined;
  for (const [ind, v] of Object.entries(vals) as Array<[Indicator, Value]>) {
    if (!v || v.status !== 'ok') continue;
    const c = sys.cells.get(v.cell.ref);
    if (!c) continue;
    const changed = changes.get(c.ref);
    const computed = c.formula?.role === 'computed';
    if (!changed && !computed) continue;
    const n = changed ?? ev.get(c.ref);
    if (!n || (!changed && n.eq(c.base))) continue;
    const dp = changed ? (c.kind === 'rate' ? Math.max(c.proposalDp, n.decimalPlaces()) : 0) : c.dp;
    const plain = n.toFixed(dp);
    out ??= { ...vals };
    // A value as a cell gives it: its scaled integer read from the digits (the rules check it in integers), its
    // decimal made when asked (at once for a negative number: a negative zero has no integer).
    out[ind] = new NumberValue(v.indicator, v.unit, v.cell, formatCellValue(plain, v, sys.annex, grouping), plain, dp, plain.startsWith('-') ? new Dec(plain) : undefined);
  }
  return out ?? vals;
}

