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

/**
 * Not rules: the other ids a report names a file or a run by, beside the rules' (`povcheck explain` answers for
 * each): a file that could not be read, one on which no check could run, what a file's checks covered, and the .txt
 * files a folder search did not check.
 */
export const REPORT_IDS = ['unreadable', 'unchecked', 'coverage', 'passed-over'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** A report id's text: a rule's, and where a report names it and how much it weighs (it has no level to set). */
export interface ReportIdDoc extends RuleDoc {
  /** The reports and places that name it. */
  where: string;
  /** What it does to a run's verdict and exit code. */
  weight: string;
}

export type RuleDocs = Record<RuleId, RuleDoc> & {
  /** Not a rule: a file's status in every report, and how CI reports (SARIF, JUnit, GitLab, GitHub) name an input that could not be read. */
  unreadable: ReportIdDoc;
  /** Not a rule: a file's status, and how CI reports name an input that was read but on which no check could run. */
  unchecked: ReportIdDoc;
  /** Not a rule: what a file's checks covered (the JSON `coverage`; a notice in CI reports when only some ran). */
  coverage: ReportIdDoc;
  /** Not a rule: the .txt files of a folder search that were not checked (the JSON `passedOver`). */
  'passed-over': ReportIdDoc;
};

export function ruleDocs(lang: Lang): RuleDocs {
  return lang === 'vi' ? ruleDocsVi : ruleDocsEn;
}
