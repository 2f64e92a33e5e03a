/**
 * An input slip the computed figures of `table` / `plan` carry (commands/carried-slips.ts finds them; the JSON table
 * and the commands' stderr report them): the input cells validate's likely cause names, and the differences whose
 * computed value follows from them, where the value the input states agrees with the correction.
 */
import type { Difference } from '../compute/table.js';
import type { CauseCell } from '../locate/types.js';

export interface CarriedSlip {
  /** The cause's cells: the input cells likely typed wrong, with the values that make every check hold. */
  readonly cells: readonly CauseCell[];
  /** The differences whose computed value follows from those cells: each stated value agrees with the correction. */
  readonly differences: readonly Difference[];
}
