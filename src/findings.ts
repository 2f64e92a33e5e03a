/**
 * Findings are plain data. Rules and readers create them with a message reference; the report step
 * renders the message in the chosen language. `toPublic` gives the JSON contract shape.
 */
import type { Cell } from './read/grid.js';
import type { CoreIndicator, Indicator } from './model/indicators.js';
import type { MessageRef, SkipRef } from './messages/index.js';
import type { TargetOp } from './calc/annex-math.js';
import type { TextPlace } from './model/document.js';

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
  | 'precision'
  // Plan documents (src/document/): figures stated in the text, money totals, references to other documents.
  | 'claim'
  | 'money'
  | 'reference';

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
  /** Findings about a plan document's text: section, paragraph and a short quote with the figure marked. */
  place?: TextPlace;
}

/**
 * `target`: the target and, for a missed one, the gap in households. `continuity`: where the value it is
 * compared with comes from (the previous file of a series). Numbers are plain digits.
 */
export type FindingDetail =
  | { rule: 'target'; op: TargetOp; value: string; computed: boolean; source: string; gap?: TargetGap }
  | { rule: 'continuity'; previous: { file: string; indicator?: Indicator; cells: string[]; units: string[] } }
  | { rule: 'claim'; unit: string; figures: ClaimFigure[]; table?: number }
  | { rule: 'money'; unit: string; relations: MoneyRelation[]; cause?: { figure: MoneyFigure; proposed: string; confidence: 'unique' | 'ranked' } }
  | { rule: 'reference'; number: string; citations: Citation[] };

/** A figure the text states about a unit, and what the table holds for it (plain digits). */
export interface ClaimFigure {
  indicator: CoreIndicator;
  op: TargetOp;
  stated: string;
  /** The table's value (printed, else computed from its counts) and its cell, when the unit was found. */
  table?: string;
  cell?: string;
}

/** An amount of money as the text or a budget table states it: plain digits in its own unit ("79381" triệu đồng). */
export interface MoneyFigure {
  label: string;
  value: string;
  /** Where: a paragraph of the text, or a budget table's cell ("T2R5C4"). */
  paragraph?: number;
  cell?: string;
}

/** A total and its parts, and what the parts add up to in the total's unit. */
export interface MoneyRelation {
  total: MoneyFigure;
  parts: MoneyFigure[];
  sum: string;
  holds: boolean;
}

/** One citation of a document number in the text. */
export interface Citation {
  paragraph: number;
  section: string;
  /** As written: "16/12/2019", "16 tháng 12 năm 2019". */
  date?: string;
  issuer?: string;
}

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
  /** A check of a plan document's text: the paragraph it comes from. */
  paragraph?: number;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/**
 * Report order: severity, then position in the sheet (row-major), then rule. Rule ids are lowercase ASCII
 * words and hyphens, so code-unit order is localeCompare's order without starting ICU's collator (about
 * 14 ms of a short run; test/findings.test.ts compares both on every pair of ids).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.at?.row ?? -1) - (b.at?.row ?? -1) ||
    (a.at?.col ?? -1) - (b.at?.col ?? -1) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
