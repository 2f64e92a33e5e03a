/**
 * What some findings add for scripts, under the rule's id in the JSON report (`"target": {…}`), and the figures
 * the plan-document checks compare: plain digits, no wording.
 */
import type { CoreIndicator, Indicator } from './indicators.js';
import type { TargetOp } from '../calc/annex-math.js';

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
