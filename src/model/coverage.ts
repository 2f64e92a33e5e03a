/**
 * What a file's checks covered, so that a verdict never claims more than was checked: which checks ran, which
 * could not run at all and why, and which labels of the table were not understood. Built once per file from
 * what the checks report (`coverageOf`), whichever engine ran them; every report format shows it.
 *
 * Checks are named by their ids (the rule ids: `sum`, `flow`, …). A check "ran" when it compared at least one
 * value; one that was skipped for some units only still ran (those units are in the report's "not checked").
 */
import type { SkipRef } from './message-ref.js';
import type { Indicator } from './indicators.js';

export interface Coverage {
  /** The checks this file was asked for, by id, in report order. */
  checks: string[];
  /** Those of `checks` that compared at least one value. */
  ran: string[];
  /** Checks that did not run at all, each with why (the first reason recorded for it). */
  notRun: Array<{ check: string; reason: SkipRef }>;
  /**
   * Labels (rows or columns) the table has that were not understood as an indicator: their text and cell, and
   * the indicator keys it may stand for when the engine can tell (a heading without its phase), for the hint.
   */
  notUnderstood: Array<{ text: string; cell: string; keys?: string[]; noIndicator?: boolean; unrelated?: boolean }>;
  /**
   * Indicators the table gives figures for that no comparing check read (rules/compared.ts), in table order, each
   * with its label's cell: read, and set against nothing. Absent where it was not worked out (a plan document).
   */
  notCompared?: Array<{ indicator: Indicator; cell?: string }>;
}

/**
 * The checks that compare values of the table with each other (or with the run's targets and the year
 * before): when none of them ran, nothing was checked and the file is `unchecked`, whatever else was read.
 */
export const COMPARING_CHECKS: ReadonlySet<string> = new Set([
  'sum',
  'flow',
  'rate',
  'rate-change',
  'target',
  'continuity',
  'breakdown',
  'of-which',
  'balance',
  'combined',
  'implied-households',
  'rate-mean',
  'achievement',
  'formula',
  'share',
  // Plan documents (src/document/).
  'claim',
  'money',
  'reference',
]);

/** Whether anything was checked: at least one comparing check ran. */
export function checkedAnything(c: Coverage): boolean {
  return c.ran.some((id) => COMPARING_CHECKS.has(id));
}

/** Whether some asked-for checks could not run at all (the verdict then says how many ran). */
export function isPartial(c: Coverage): boolean {
  return c.ran.length < c.checks.length;
}

/**
 * The coverage record from what the checks reported: the ids asked for, the ids that compared something, the
 * skips (a skip without a unit is table-wide: its reason is the check's), and the labels not understood.
 * A check that did not run and has no table-wide skip gets the first of its per-unit reasons, else `fallback`.
 */
export function coverageOf(input: {
  checks: readonly string[];
  ran: ReadonlySet<string>;
  skipped: ReadonlyArray<{ rule: string; unit?: string; msg: SkipRef }>;
  notUnderstood: ReadonlyArray<{ text: string; cell: string; keys?: string[]; noIndicator?: boolean; unrelated?: boolean }>;
  notCompared?: ReadonlyArray<{ indicator: Indicator; cell?: string }>;
  fallback: SkipRef;
}): Coverage {
  const ran = input.checks.filter((c) => input.ran.has(c));
  const notRun = input.checks
    .filter((c) => !input.ran.has(c))
    .map((check) => {
      const skips = input.skipped.filter((s) => s.rule === check);
      const reason = (skips.find((s) => s.unit === undefined) ?? skips[0])?.msg ?? input.fallback;
      return { check, reason };
    });
  return { checks: [...input.checks], ran, notRun, notUnderstood: [...input.notUnderstood], ...(input.notCompared ? { notCompared: [...input.notCompared] } : {}) };
}
