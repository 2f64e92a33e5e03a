/**
 * The rule registry. Rule ids are a public contract (CI users filter and re-level by them); the README
 * documents each. `number`, `missing`, `duplicate` and `unknown` are reported while reading the table.
 */
import type { Annex } from '../model/annex.js';
import { compareFindings, type Finding, type RuleId, type Severity, type Skip } from '../findings.js';
import { denominatorRule } from './denominator.js';
import { flowRule } from './flow.js';
import { rangeRule } from './range.js';
import { rateChangeRule, rateRule } from './rate.js';
import { sumRule } from './sum.js';
import { carries, type Rule } from './types.js';

/** Rules that check the annex's arithmetic, in report order. */
export const CHECK_RULES: readonly Rule[] = [sumRule, flowRule, rateRule, rateChangeRule, denominatorRule, rangeRule];

/** Every rule id with its default severity (reading rules included). */
export const RULE_IDS: ReadonlyArray<{ id: RuleId; severity: Severity }> = [
  ...CHECK_RULES.map((r) => ({ id: r.id, severity: r.severity })),
  { id: 'number', severity: 'error' },
  { id: 'missing', severity: 'error' },
  { id: 'duplicate', severity: 'error' },
  { id: 'unknown', severity: 'warning' },
  { id: 'hierarchy', severity: 'error' },
];

export interface RuleRun {
  findings: Finding[];
  skipped: Skip[];
}

/** Runs every check rule on the annex. Pure: the same annex gives the same findings in the same order. */
export function runRules(annex: Annex, rules: readonly Rule[] = CHECK_RULES): RuleRun {
  const findings: Finding[] = [];
  const skipped: Skip[] = [];
  for (const rule of rules) {
    // A rule whose inputs the table does not carry at all is skipped once for the table, not per unit.
    const absent = rule.needs.filter((group) => !carries(annex, group));
    if (rule.needs.length > 0 && absent.length === rule.needs.length) {
      const missing = [...new Set(absent.flat().filter((i) => !annex.indicators.includes(i)))];
      skipped.push({ rule: rule.id, msg: { id: 'skip.absent', params: { indicators: missing } } });
      continue;
    }
    rule.run({ annex, report: (f) => findings.push(f), skip: (s) => skipped.push(s) });
  }
  findings.sort(compareFindings);
  return { findings, skipped };
}
