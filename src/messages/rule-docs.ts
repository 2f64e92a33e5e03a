/**
 * What each rule checks, why, and an example: for `povcheck rules`, `povcheck explain <rule>` and the rule
 * metadata of CI reports (SARIF). One module per language, each implementing every rule id (the compiler
 * checks); imported only by the commands and reporters that show them.
 */
import type { RuleId } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { ruleDocsEn } from './rule-docs-en.js';
import { ruleDocsVi } from './rule-docs-vi.js';

export interface RuleDoc {
  /** One line: what the rule checks. */
  summary: string;
  /** The rule in full. */
  checks: string;
  why: string;
  example: string;
}

export type RuleDocs = Record<RuleId, RuleDoc> & {
  /** Not a rule: how CI reports (SARIF, JUnit, GitLab, GitHub) name an input that could not be read. */
  unreadable: RuleDoc;
  /** Not a rule: how CI reports name an input that was read but on which no check could run. */
  unchecked: RuleDoc;
};

export function ruleDocs(lang: Lang): RuleDocs {
  return lang === 'vi' ? ruleDocsVi : ruleDocsEn;
}
