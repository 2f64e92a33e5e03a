/**
 * A rule is a pure function of the annex: it reports findings and says what it could not check.
 */
import type { Annex, Unit, Value } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding, RuleId, Severity, Skip } from '../findings.js';
import type { Dec } from '../calc/decimal.js';

export interface RuleContext {
  readonly annex: Annex;
  report(f: Finding): void;
  skip(s: Skip): void;
}

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  /** Indicators whose absence from the table means the rule does not apply at all. */
  readonly needs: readonly Indicator[][];
  run(ctx: RuleContext): void;
}

export type OkValue = Value & { status: 'ok'; num: Dec; plain: string };

export const isOk = (v: Value | undefined): v is OkValue => v?.status === 'ok';

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
  const out = {} as Record<K, OkValue>;
  const bad: string[] = [];
  for (const ind of inds) {
    const v = ctx.annex.values[unit.id]?.[ind];
    if (isOk(v)) out[ind] = v;
    else if (v) bad.push(v.cell.ref);
  }
  if (bad.length > 0) {
    ctx.skip({ rule, unit: unit.name, msg: { id: 'skip.bad-value', params: { cells: bad } } });
    return undefined;
  }
  return Object.keys(out).length === inds.length ? out : undefined;
}
