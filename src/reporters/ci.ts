/**
 * What the CI reporters (github, sarif, junit, markdown, gitlab) share: where a finding is (line and column
 * from its cell), a stable fingerprint, the path as CI systems want it (relative, with '/'), and the
 * one-line text of a finding. Pure.
 */
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { relativeInside } from '../io/inside.js';
import { displayRef, filePlace } from '../model/grid.js';
import { catalog, makeFmt, renderError, renderMessage } from '../messages/index.js';
import type { Finding, Severity } from '../model/finding.js';
import type { FailOn } from '../model/fail-on.js';
import type { FileResult } from '../model/file-result.js';
import { coverageText, langOf, type ReportInput } from './types.js';
import { likelyCauseLine } from './causes.js';

/**
 * 1-based line and column of a finding's cell (row 1 of the sheet is line 1). In a plan document: the line of
 * the paragraph or table cell in a plain-text export; none in a .docx, which has no lines.
 */
export function lineCol(f: Finding): { line: number; col: number } | undefined {
  if (f.place) return f.place.line !== undefined ? { line: f.place.line, col: 1 } : undefined;
  if (f.at?.table !== undefined) return f.at.line !== undefined ? { line: f.at.line, col: 1 } : undefined;
  if (!f.at) return undefined;
  const at = filePlace(f.at);
  return { line: at.row + 1, col: at.col + 1 };
}

/** Where a finding is, in the stable form machines read: "I6", "Phụ lục!I6", "T1R3C4", or a paragraph "¶12". */
export function findingRef(f: Pick<Finding, 'at' | 'place'>): string | undefined {
  return f.at ? displayRef(f.at) : f.place ? `¶${f.place.paragraph}` : undefined;
}

/**
 * A path as every CI format writes it (github, gitlab, sarif, junit, markdown; docs/ci.md "Paths"): a file inside
 * the base (`ciRoot`: the repository's root in a CI job, which GitHub and GitLab read paths against; else the
 * working directory) relative to it, any other absolute; always with '/'. The file is named as given, against the
 * working directory. The text and JSON reports keep each path as it was given.
 */
export function ciPath(file: string, where: Pick<ReportInput, 'cwd' | 'ciRoot'>): string {
  const { cwd } = where;
  if (!cwd) return slashed(file).replace(/^\.\//, '');
  const base = where.ciRoot ?? cwd;
  const absolute = resolve(cwd, file);
  return slashed(relativeInside(base, absolute) ?? absolute);
}

const slashed = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** The .txt files a folder run passed over (`ReportInput.passedOver`), as CI paths. */
export function ciPassedOver(input: ReportInput): string[] | undefined {
  return input.passedOver?.map((p) => ciPath(p, input));
}

/**
 * A fingerprint that stays the same when the same problem is found again in a later run: the file, the
 * rule and message kind, the sheet and cell, the unit and indicator; not the values, so a cell corrected to
 * another wrong value is still the same alert.
 */
export function fingerprint(path: string, f: Pick<Finding, 'rule' | 'unit' | 'indicator' | 'at' | 'place'> & { msg?: { id: string } }): string {
  // A finding about a plan document's text has no cell: its paragraph stands in for one.
  const ref = f.at?.ref ?? (f.place ? `¶${f.place.paragraph}` : '');
  const key = [path, f.rule, f.msg?.id ?? '', f.at?.sheet ?? '', ref, f.unit ?? '', f.indicator ?? ''].join('\u001f');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** The fingerprint of a file that could not be read: the pseudo-rule `unreadable` and the error's code. */
export function unreadableFingerprint(path: string, file: FileResult): string {
  return fingerprint(path, { rule: 'unreadable' as never, msg: { id: file.error?.code ?? '' } });
}

/** "I6: <message>" (with the sheet for workbooks), in the file's language. */
export function findingText(input: ReportInput, file: FileResult, f: Finding): string {
  const lang = langOf(input, file);
  const msg = renderMessage(f.msg, makeFmt(lang));
  const ref = findingRef(f);
  return ref ? `${ref}: ${msg}` : msg;
}

/** The reason an unreadable file could not be read, in its language. */
export function unreadableText(input: ReportInput, file: FileResult): string {
  const e = file.error;
  if (!e) return '';
  const reason = renderError(e, langOf(input, file));
  return e.cell ? `${e.cell}: ${reason}` : reason;
}

/** Whether a finding makes its file fail under the report's fail-on level (errors always do). */
export function isFailing(sev: Severity, failOn: FailOn): boolean {
  return sev === 'error' || (failOn === 'warning' && sev === 'warning');
}

/** The file's likely causes as one line, in its language, and the findings they explain (causes.ts). */
export function likelyCause(input: ReportInput, file: FileResult): { text: string; explained: ReadonlySet<number> } | undefined {
  const lang = langOf(input, file);
  return likelyCauseLine(file.localisation, lang, makeFmt(lang), file.findings);
}

/** The text for the `unchecked` pseudo-rule of the CI formats: the verdict's clause and the labels hint. */
export function uncheckedText(input: ReportInput, file: FileResult): string {
  const lang = langOf(input, file);
  const { clause, hint } = coverageText(file, lang);
  return [catalog(lang).ui.verdictWord.unchecked + (clause ? `: ${clause}` : ''), hint].filter(Boolean).join('. ');
}
