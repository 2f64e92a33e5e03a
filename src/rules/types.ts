/**
 * A rule is a pure function of the annex: it reports findings and says what it could not check.
 */
import { isBlank, type Annex, type Unit, type Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding, RuleId, Severity, Skip } from '../model/finding.js';
import type { Dec } from '../calc/decimal.js';
import type { Effect, FoldRule } from './summary.js';
import type { CheckedRelations } from '../relations/checked.js';

export interface RuleContext {
  readonly annex: Annex;
  report(f: Finding): void;
  skip(s: Skip): void;
  /**
   * Depth of a unit in the tree: 0 for the total (and any other root), 1 directly under it, 2 below that.
   * Per-unit notes (denominator warnings, convention infos) are reported for depth ≤ 1 and folded into one
   * finding per parent below (see `fold`).
   */
  depth(unit: Unit | number): number;
  /**
   * A deeper unit's note, folded into one summary finding per parent and rule (rules/summary.ts): the
   * summary counts them and names the unit with the largest `effect` (the first one without an effect).
   * `note` is called (with the unit's id) only for the unit named: the others' notes are never written out.
   */
  fold(rule: FoldRule, unit: Unit | number, note: (unit: number) => Finding, effect?: Effect): void;
  /** The rule compared a value (for one unit): the file's coverage counts it as run (model/coverage.ts). */
  checked(rule: RuleId): void;
  /** Where the relation kinds keep the instances they check and each one's findings, when asked (relations/checked.ts). */
  readonly keep?: CheckedRelations;
}

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  /**
   * The groups of indicators the rule compares, each one way it can (the start rate with its count and households;
   * the end rate with its own): a table lacking something of every group gives the rule nothing to compare, and
   * its skip names what the table lacks (rules/index.ts).
   */
  readonly needs: readonly Indicator[][];
  /** Whether the rule applies although `needs` are absent (a table of other indicators it checks too). */
  applies?(annex: Annex): boolean;
  /**
   * For a relation only some tables have: whether this table has what it relates (absent: every table).
   * A check that does not apply is not asked of the table, so its coverage does not count it.
   */
  applicable?(annex: Annex): boolean;
  /** Checks each unit on its own values only (no other unit's). */
  readonly perUnit: boolean;
  run(ctx: RuleContext): void;
}

export type OkValue = Value & { status: 'ok'; num: Dec; plain: string };

export const isOk = (v: Value | undefined): v is OkValue => v?.status === 'ok';

/** The value's number when it is usable. */
export const okNum = (v: Value | undefined): Dec | undefined => (isOk(v) ? v.num : undefined);

/** True when the table carries every one of `inds` (as rows or columns). */
export function carries(annex: Annex, inds: readonly Indicator[]): boolean {
  return inds.every((i) => annex.indicators.includes(i));
}

/**
 * The values of `inds` for `unit` when all are usable. When one is empty or not a number, the check is
 * skipped for this unit and the skip is recorded, so the report can say what was not checked.
 * When the table does not carry an indicator at all, returns undefined silently (reported once per table).
 */
export function usable<const K extends Indicator>(
  ctx: RuleContext,
  rule: RuleId,
  unit: Unit,
  inds: readonly K[],
): Record<K, OkValue> | undefined {
  if (!carries(ctx.annex, inds)) return undefined;
  const out: Partial<Record<K, OkValue>> = {};
  if (!noneUnusable(ctx, rule, unit, inds, out)) return undefined;
  return Object.keys(out).length === inds.length ? (out as Record<K, OkValue>) : undefined;
}

/**
 * Whether none of the unit's cells of `inds` that the table holds is unusable (blank, not a number …); when one
 * is, the skip names every such cell. Indicators the table does not hold are no obstacle. `out` receives the
 * usable values.
 */
export function noneUnusable<const K extends Indicator>(ctx: RuleContext, rule: RuleId, unit: Unit, inds: readonly K[], out?: Partial<Record<K, OkValue>>): boolean {
  const bad: string[] = [];
  let blank = true;
  for (const ind of inds) {
    // A usable number the store reads without making its Value (a long table's columns) needs no Value unless asked for.
    if (!out && ctx.annex.values.readScaled(unit.id, ind) !== undefined) continue;
    const v = ctx.annex.values.get(unit.id, ind);
    if (isOk(v)) {
      if (out) out[ind] = v;
    } else if (v) {
      bad.push(v.cell.ref);
      blank &&= isBlank(v);
    }
  }
  if (bad.length === 0) return true;
  ctx.skip({ rule, unit: unit.name, msg: { id: 'skip.bad-value', params: blank ? { cells: bad, blank } : { cells: bad } } });
  return false;
}
