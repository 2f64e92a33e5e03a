/**
 * A long table's columns read by the relations without an object per figure (model/long-table.ts
 * `readRow`, `scaledIn`): each kind's `each`, when it only checks (`checking`), decides a unit's instances that
 * hold on these integers with the same tests its `check` runs first; anything else (another store, an overlay
 * of corrected rows, a figure not held as an integer) takes the kind's ordinary path.
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

/**
 * One unit's figures, read from the columns by one call per unit (`read`): `scaled[s]`, the number in slot
 * index `s` × 10^decimals (NaN where the columns hold no number: a blank, text, a value kept whole), and
 * `decimals[s]` (`LongTable.scaledIn` and `decimalsIn` of every slot). Made once per kind's loop, reused for
 * every unit.
 */
export class ColumnRow {
  readonly scaled: Float64Array;
  readonly decimals: Int32Array;

  constructor(private readonly cols: LongTable) {
    this.scaled = new Float64Array(cols.slotsPerUnit);
    this.decimals = new Int32Array(cols.slotsPerUnit);
  }

  /** Reads unit `u`'s figures; returns this row. */
  read(u: number): this {
    this.cols.readRow(u, this.scaled, this.decimals);
    return this;
  }
}

/** A number held in the columns as a whole number (no decimals), else `otherwise`. */
export function wholeIn<T>(cols: LongTable, u: number, s: number, otherwise: T): number | T {
  return cols.decimalsIn(u, s) === 0 ? cols.scaledIn(u, s) : otherwise;
}

/** A row's number in slot index `s` when it is whole (no decimals), else `otherwise`. */
export function wholeAt<T>(row: ColumnRow, s: number, otherwise: T): number | T {
  return row.decimals[s] === 0 ? row.scaled[s]! : otherwise;
}

/** Whether every one of the slots `at` holds a number in the row. */
export function allNumbers(row: ColumnRow, at: readonly number[]): boolean {
  const scaled = row.scaled;
  for (let k = 0; k < at.length; k++) if (Number.isNaN(scaled[at[k]!]!)) return false;
  return true;
}
