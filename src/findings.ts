/**
 * Findings are plain data. Rules and readers create them with a message reference; the report step
 * renders the message in the chosen language. `toPublic` gives the JSON contract shape.
 */
import type { Cell } from './read/grid.js';
import type { Indicator } from './model/indicators.js';
import type { MessageRef, SkipRef } from './messages/index.js';

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
  | 'hierarchy';

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
}

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
