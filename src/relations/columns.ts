/**
 * A long table's columns read by the relations without an object per figure (model/long-table.ts
 * `scaledIn`): each kind's `each`, when it only checks (`checking`), decides a unit's instances that hold on
 * these integers with the same tests its `check` runs first; anything else (another store, an overlay of
 * corrected rows, a figure not held as an integer) takes the kind's ordinary path.
 */
import { LongTable } from '../model/long-table.js';
import type { ValueStore } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';

/** The columns when the values are a long table's own (not an overlay), else undefined. */
export const columnsOf = (values: ValueStore): LongTable | undefined => (values instanceof LongTable ? values : undefined);

/** The slot indexes of `slots` in the columns, or undefined when the table lacks one of them. */
export function slotIndexes(cols: LongTable, slots: readonly Indicator[]): number[] | undefined {
  const out = slots.map((k) => cols.slotIndex(k));
  return out.every((s) => s >= 0) ? out : undefined;
}

/** A number held in the columns as a whole number (no decimals), else `otherwise`. */
export function wholeIn<T>(cols: LongTable, u: number, s: number, otherwise: T): number | T {
  return cols.decimalsIn(u, s) === 0 ? cols.scaledIn(u, s) : otherwise;
}

/** Whether every one of the slots `at` holds a number in the columns for unit `u`. */
export function allNumbers(cols: LongTable, u: number, at: readonly number[]): boolean {
  for (let k = 0; k < at.length; k++) if (Number.isNaN(cols.scaledIn(u, at[k]!))) return false;
  return true;
}
