/**
 * Rule levels applied (configuration, `--rule`): a rule switched off loses its findings and skips; a rule
 * re-levelled gives its findings at the level asked. Used wherever findings are made: a grid's checks, a plan
 * document's, a series' continuity.
 */
import { compareFindings, severityRank, withSeverity, type Finding, type RuleId } from '../model/finding.js';
import type { RuleLevels } from '../model/options.js';
import { RULE_IDS } from './index.js';

const DEFAULT_SEVERITY = new Map(RULE_IDS.map((r) => [r.id, r.severity]));

/** Drops the skips (or anything with a rule) of rules switched off. */
export function withoutOffRules<T extends { rule: RuleId }>(items: readonly T[], levels: RuleLevels | undefined): T[] {
  if (!levels) return [...items];
  return items.filter((f) => levels[f.rule] !== 'off');
}

/**
 * Applies rule levels: 'off' drops a rule's findings; a severity replaces the rule's default severity.
 * A finding the rule gives at a lower severity than its default (the `rate-change` convention note, the
 * `range` warning on a negative reduction) keeps it, but never ends above the configured level.
 */
export function relevel(findings: readonly Finding[], levels: RuleLevels | undefined): Finding[] {
  if (!levels) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.rule];
    if (level === undefined) out.push(f);
    else if (level === 'off') continue;
    else {
      const def = DEFAULT_SEVERITY.get(f.rule);
      const severity = f.severity === def ? level : severityRank(f.severity) > severityRank(level) ? f.severity : level;
      out.push(severity === f.severity ? f : withSeverity(f, severity));
    }
  }
  return out.sort(compareFindings);
}
