/**
 * Findings are plain data. Rules and readers create them with a message reference; the report step
 * renders the message in the chosen language. `toPublic` gives the JSON contract shape.
 */
import type { Cell } from './read/grid.js';
import type { Indicator } from './model/indicators.js';
import type { MessageRef, SkipRef } from './messages/index.js';
import type { TargetOp } from './calc/annex-math.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type RuleId =
  | 'sum'
  | 'flow'
  | 'rate'
  | 'rate-change'
  | 'denominator'
  | 'range'
  | 'number'
  | 'missing'
  | 'duplicate'
  | 'unknown'
  | 'hierarchy'
  | 'target'
  | 'continuity'
  | 'breakdown'
  | 'of-which'
  | 'balance'
  | 'combined'
  | 'implied-households'
  | 'rate-mean'
  | 'achievement'
  | 'formula'
  | 'precision';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The cell the finding sits at; absent for table-wide findings (e.g. a missing indicator). */
  at?: Cell;
  /** Unit name as written, when the finding concerns one unit. */
  unit?: string;
  indicator?: Indicator;
  /** Plain digits ("4693", "13.56"), when the finding compares numbers. */
  expected?: string;
  actual?: string;
  msg: MessageRef;
  /** Data some rules add for scripts (the JSON report gives it under the rule's id: `"target": {…}`). */
  detail?: FindingDetail;
}

/**
 * `target`: the target and, for a missed one, the gap in households. `continuity`: where the value it is
 * compared with comes from (the previous file of a series). Numbers are plain digits.
 */
export type FindingDetail =
  | { rule: 'target'; op: TargetOp; value: string; computed: boolean; source: string; gap?: TargetGap }
  | { rule: 'continuity'; previous: { file: string; indicator?: Indicator; cells: string[]; units: string[] } };

/**
 * How far a missed target is, in poor households leaving poverty (net exits), by the plan's arithmetic:
 * `more` (at least `minimum` exits meet it; the table has `exits`), `fewer` (at most `maximum`), `unreachable`
 * (no number of exits does: `best` is the closest value), `not-exact` (an `=` the rounded value steps over),
 * `counts-meet` (the table's counts meet it; the printed value disagrees with them), `zero-households`,
 * `not-exits` (exits do not move this indicator), `no-counts` (the counts needed are missing or unusable).
 */
export type TargetGap =
  | { kind: 'more'; exits: string; minimum: string; more: string }
  | { kind: 'fewer'; exits: string; maximum: string; fewer: string }
  | { kind: 'unreachable'; direction: 'more' | 'fewer'; poor: string; best: string }
  | { kind: 'not-exact'; exits: string; value: string; nextValue: string }
  | { kind: 'counts-meet'; exits: string }
  | { kind: 'zero-households' }
  | { kind: 'not-exits' }
  | { kind: 'no-counts' };

/** A check that was not run, and why: reports list these so that a gap is never silent. */
export interface Skip {
  rule: RuleId;
  unit?: string;
  msg: SkipRef;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/** Report order: severity, then position in the sheet (row-major), then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.at?.row ?? -1) - (b.at?.row ?? -1) ||
    (a.at?.col ?? -1) - (b.at?.col ?? -1) ||
    a.rule.localeCompare(b.rule)
  );
}
