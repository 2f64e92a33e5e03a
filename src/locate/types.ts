/**
 * What error localisation hands to reporters and to `fix`: plain data, no sentences (the catalogues word it).
 */
import type { Cell } from '../model/grid.js';
import type { Indicator } from '../model/indicators.js';
import type { SlipKind } from './slips.js';

export type { SlipKind } from './slips.js';

/**
 * `unique`: the only explanation of the smallest size. `ranked`: several, and the first looks more like a
 * typing slip than every other. `ambiguous`: several that cannot be told apart. Only `unique` with every
 * value pinned is something `fix` applies.
 */
export type Confidence = 'unique' | 'ranked' | 'ambiguous';

export interface CauseCell {
  readonly cell: Cell;
  readonly unit: string;
  readonly indicator: Indicator;
  /** The value as the table holds it (plain digits, as typed). */
  readonly actual: string;
  /** The value that makes the checks hold, when the checks pin one, or when a slip picks one out of a range (plain digits). */
  readonly proposed?: string;
  /** Set when the checks do not pin this cell: the least and greatest values that work (absent = unbounded). */
  readonly range?: { readonly min?: string; readonly max?: string };
  /** The slip that turns the proposed value into the actual one. */
  readonly kind?: SlipKind;
  /** The cell holds a formula: one povcheck does not recompute ('entered'), or a recomputed one whose inputs explain nothing ('suspect'). */
  readonly formula?: {
    readonly text: string;
    readonly role: 'entered' | 'suspect';
    readonly range?: FormulaRange;
    /** An entered formula that takes one cell of another sheet (`='Na Hang'!E3`): that sheet, where the figure is to be corrected. */
    readonly sheet?: string;
  };
}

/**
 * A suspect formula against the failing check of its cell: the cells the check reads that the formula does not
 * (`leavesOut`) and those the formula reads that the check does not (`adds`), each as `C6 (Xã D)`. A total's sum
 * (`sum`): an =SUM(C3:C5) written before a row was added below; a rate's `=ROUND(C5/B4*100;2)` a row off.
 */
export interface FormulaRange {
  readonly leavesOut: readonly string[];
  readonly adds: readonly string[];
  readonly sum: boolean;
}

export interface Cause {
  readonly cells: readonly CauseCell[];
  /** Indexes into the file's findings: the errors that disappear with the proposed values. */
  readonly explains: readonly number[];
  readonly confidence: Confidence;
  /** Every cell's value is pinned by the checks (not only a range). */
  readonly pinned: boolean;
  /** The cells' values move together (one free parameter), not independently. */
  readonly linked: boolean;
  /** Not pinned because the checks' figures are rounded (a range whose two ends are a rounding's), not because they only bound it. */
  readonly rounding?: true;
  /**
   * A unique cause of several cells: for each finding it explains (by its index), the cells it follows from (by
   * their index in `cells`): those whose value alone makes it go, or all of them when it goes only with them all.
   */
  readonly sources?: Readonly<Record<number, readonly number[]>>;
  /** The cells are a run of a row or column typed one cell off (locate/shift.ts): every cell's kind is `shifted`. */
  readonly shift?: ShiftInfo;
}

/**
 * A row's (or column's) values typed one cell off from the cause's first cell on: `right` / `down`, typed one cell
 * on (the first cell left blank, the last value pushed out of the table); `left` / `up`, one value skipped (the
 * first cell's own value lost, the last cell left blank). `lost`: the cell whose value is not in the table, given
 * by the checks.
 */
export interface ShiftInfo {
  readonly along: 'row' | 'column';
  readonly direction: 'right' | 'left' | 'down' | 'up';
  readonly lost: Cell;
  /** Typed one cell on: the cell just past the run, when it holds something (where the pushed-out value landed). */
  readonly landed?: LandedCell;
}

/**
 * The cell one step past a run typed one cell on, read from the grid whether or not shape read it as a figure:
 * `text` as printed, `plain` its number when it reads as one (as the lost cell's column reads them), `header` its
 * column's header (a row's run) or its row's label (a column's run), '' when it has none; `matches` whether it holds
 * the very value the checks give the lost cell (which confirms the shift).
 */
export interface LandedCell {
  readonly cell: Cell;
  readonly text: string;
  readonly plain?: string;
  readonly header: string;
  readonly matches: boolean;
}

/**
 * `clean`: no sum / flow / rate / rate-change check fails. `found`: causes listed. `none`: no change of one
 * or two cells makes every failing check hold. `stopped`: the search hit its limit before finishing.
 */
export type LocateStatus = 'clean' | 'found' | 'none' | 'stopped';

export interface Localisation {
  readonly status: LocateStatus;
  /** How many sum / flow / rate / rate-change checks fail. */
  readonly failing: number;
  /** Cells per cause (1 or 2; a run typed one cell off, its cells) when found. */
  readonly size?: number;
  readonly causes: readonly Cause[];
  /** Explanations found but not listed (beyond the listing limit). */
  readonly more: number;
  /**
   * Several independent errors (no one or two cells explain every failing check): one localisation per error,
   * in the order found (`causes` is then empty). Each part's causes are alternatives for that error only.
   */
  readonly parts?: readonly Localisation[];
  /** `stopped` because the values the failing checks leave open are too many to single one out, not for the search's budget. */
  readonly open?: true;
}

/** Each independent error's first cause (one per part; the localisation's own when it has no parts): those `fix` writes. */
export function firstCauses(loc: Localisation): Array<Cause | undefined> {
  return loc.parts ? loc.parts.map((p) => p.causes[0]) : [loc.causes[0]];
}

/**
 * A cause that is the only one and every cell of which looks like a typing slip (its `kind`): the cells to correct,
 * and the other cells of the errors it explains right as they stand. A cause that fits without a slip may be a
 * correct cell bent to fit an error elsewhere (the total's households typed wrong, its rates computed from them).
 */
export function isSlipCause(c: Cause | undefined): c is Cause {
  return c !== undefined && c.confidence === 'unique' && c.cells.every((x) => x.kind !== undefined);
}

