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

/**
 * A difference whose computed value validate cannot vouch for: the cell is one of several causes validate finds
 * equally possible for an error (ambiguous or ranked), and the others are input cells the computed value takes as right
 * (Ninh Thuận 2022: the achievement `125` computed as 126 from a fall of 1,89, which may itself be the slip).
 */
export interface DoubtfulDifference {
  readonly difference: Difference;
  /** The other causes, each an alternative to the difference's own cell: its cells, to be corrected together. */
  readonly alternatives: readonly (readonly CauseCell[])[];
}

/**
 * What `table` / `plan` can say of the slips their computed values carry: each traced (`slips`), or, past the number
 * of causes traced one by one (commands/carried-slips.ts `MAX_TRACED`), how many typing slips the input likely has
 * that may reach the computed values (`untraced`), without a claim about which cell; and the differences whose cell
 * validate cannot tell from another as the slip (`doubtful`).
 */
export interface Carried {
  readonly slips: readonly CarriedSlip[];
  readonly untraced: number;
  readonly doubtful: readonly DoubtfulDifference[];
}

export const NOTHING_CARRIED: Carried = { slips: [], untraced: 0, doubtful: [] };

