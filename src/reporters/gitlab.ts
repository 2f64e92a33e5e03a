/**
 * GitLab Code Quality report (a JSON array, the Code Climate issue format GitLab reads as
 * `artifacts:reports:codequality`): per finding `description`, `check_name` (the rule id), `fingerprint`,
 * `severity` (error → major, warning → minor, info → info; an unreadable file → critical), and
 * `location.path` with `location.lines.begin` (the cell's row; 1 for table-wide findings). A .txt file a folder run
 * passed over (not checked: inputs.ts `passed-over`) is an info issue `passed-over` on that file, so that the merge
 * request does not read as covering it. Pure.
 */
import { jsonControlsEscaped } from '../render/safe-text.js';
import type { Severity } from '../model/finding.js';
import { ciPassedOver, ciPath, fingerprint, findingText, likelyCause, lineCol, uncheckedText, unreadableFingerprint, unreadableText } from './ci.js';
import { coverageText, langOf, passedOverLine, type ReportInput } from './types.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  engine_name: 'povcheck';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

/** What every issue says alike. */
const base = () => ({ type: 'issue' as const, engine_name: 'povcheck' as const, categories: ['Bug Risk'] });

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'major', warning: 'minor', info: 'info' };

export function gitlabIssues(input: ReportInput): CodeQualityIssue[] {
  const out: CodeQualityIssue[] = [];
  for (const file of input.files) {
    const path = ciPath(file.file, input);
    if (file.status === 'unreadable') {
      out.push({
        ...base(),
        check_name: 'unreadable',
        description: unreadableText(input, file),
        fingerprint: unreadableFingerprint(path, file),
        severity: 'critical',
        location: { path, lines: { begin: 1 } },
      });
      continue;
    }
    if (file.status === 'unchecked') {
      out.push({ ...base(), check_name: 'unchecked', description: uncheckedText(input, file), fingerprint: fingerprint(path, { rule: 'unchecked' as never, msg: { id: 'unchecked' } }), severity: 'critical', location: { path, lines: { begin: 1 } } });
    } else {
      // Some checks could not run: an info issue on the file, so the merge request shows the gap.
      const { clause, hint } = coverageText(file, langOf(input, file));
      if (clause) out.push({ ...base(), check_name: 'coverage', description: [clause, hint].filter(Boolean).join('. '), fingerprint: fingerprint(path, { rule: 'coverage' as never, msg: { id: 'coverage' } }), severity: 'info', location: { path, lines: { begin: 1 } } });
    }
    // The likely cause joins the description of each finding it explains (Code Quality shows only that line).
    const cause = likelyCause(input, file);
    for (const [i, f] of file.findings.entries()) {
      out.push({
        ...base(),
        check_name: f.rule,
        description: findingText(input, file, f) + (cause?.explained.has(i) ? ` → ${cause.text}` : ''),
        fingerprint: fingerprint(path, f),
        severity: SEVERITY[f.severity],
        location: { path, lines: { begin: lineCol(f)?.line ?? 1 } },
      });
    }
  }
  out.push(...passedOverIssues(input));
  // GitLab wants each fingerprint once per report: should two findings ever share one, number the later.
  const seen = new Map<string, number>();
  for (const issue of out) {
    const n = seen.get(issue.fingerprint) ?? 0;
    seen.set(issue.fingerprint, n + 1);
    if (n > 0) issue.fingerprint = fingerprint(`${issue.location.path}#${n}`, { rule: issue.check_name as never, msg: { id: issue.fingerprint } });
  }
  return out;
}

/** The .txt files a folder run did not check: one info issue each, its line naming that file. */
function passedOverIssues(input: ReportInput): CodeQualityIssue[] {
  return (ciPassedOver(input) ?? []).map((path) => ({
    ...base(),
    check_name: 'passed-over',
    description: passedOverLine(input, [path]) ?? '',
    fingerprint: fingerprint(path, { rule: 'passed-over' as never, msg: { id: 'passed-over' } }),
    severity: 'info',
    location: { path, lines: { begin: 1 } },
  }));
}

export function gitlabReport(input: ReportInput): string {
  return jsonControlsEscaped(JSON.stringify(gitlabIssues(input), null, 2)) + '\n';
}
