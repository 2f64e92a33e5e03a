/**
 * JUnit XML, for CI test reports (GitLab `artifacts:reports:junit`, Jenkins, GitHub test-report actions):
 * one <testsuite> per file, one <testcase> per rule × unit (plus "whole table" where a rule has table-wide
 * findings; `target` and `continuity`, which run only when asked for, only for the units they concern). A test case fails when the rule found an error for that unit (or a warning under
 * --fail-on warning); other findings go to its <system-out>; a check that was not run is <skipped>. An
 * unreadable file is a suite with one <error>; the .txt files a folder run did not check, a suite of skipped test
 * cases. Rules switched off are left out. Pure.
 */
import { consequencesOf, expectedPair } from './causes.js';
import { OPTIONAL_RULES, RULE_IDS } from '../rules/index.js';
import type { RuleId } from '../model/finding.js';
import type { FileResult } from '../model/file-result.js';
import { catalog, makeFmt, renderSkip } from '../messages/index.js';
import { ciPassedOver, ciPath, findingText, isFailing, likelyCause, uncheckedText, unreadableText } from './ci.js';
import { coverageText, failOnOfReport, langOf, passedOverLine, showsExpected, type ReportInput } from './types.js';
import { documentText, xmlControlsEscaped } from '../render/safe-text.js';

/** XML 1.0 text: escaped, and without the characters XML cannot carry (render/safe-text.ts). */
export function xmlEscape(s: string): string {
  return xmlControlsEscaped(
    documentText(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;'),
  );
}

/**
 * An attribute's value: escaped, and its TABs and line breaks as character references, which a parser keeps (raw,
 * it reads each as a space: a file named with a line break would be another file's name).
 */
const attrValue = (v: string) => xmlEscape(v).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${attrValue(String(v))}"`)
    .join('');

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** A file that could not be read, or on which no check could run: a suite with one <error>. */
function unreadableSuite(input: ReportInput, file: FileResult): Suite {
  const unchecked = file.status === 'unchecked';
  const reason = unchecked ? uncheckedText(input, file) : unreadableText(input, file);
  const path = ciPath(file.file, input);
  const xml = [
    `  <testsuite${attrs({ name: path, tests: 1, failures: 0, errors: 1, skipped: 0, time: 0 })}>`,
    `    <testcase${attrs({ classname: path, name: unchecked ? 'unchecked' : 'unreadable', time: 0 })}>`,
    `      <error${attrs({ message: reason, type: unchecked ? 'UNCHECKED' : (file.error?.code ?? 'INTERNAL') })}>${xmlEscape(reason)}</error>`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: 1, failures: 0, errors: 1, skipped: 0 };
}

function fileSuite(input: ReportInput, file: FileResult): Suite {
  const lang = langOf(input, file);
  const ui = catalog(lang).ui;
  const fmt = makeFmt(lang);
  const failOn = failOnOfReport(input);
  const path = ciPath(file.file, input);
  const whole = ui.wholeTable;
  const units = new Set(file.annex ? Array.from(file.annex.units, (u) => u.name) : []);
  for (const f of file.findings) if (f.unit) units.add(f.unit);
  const rules = RULE_IDS.map((r) => r.id).filter((id) => input.rules?.[id] !== 'off');
  // Findings and skips by rule and unit, so that a table of many units with many findings costs what it holds.
  const key = (rule: string, unit: string | undefined) => `${rule}\u0000${unit ?? '\u0000'}`;
  const group = <T extends { rule: string; unit?: string }>(items: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of items) {
      const k = key(x.rule, x.unit);
      const list = m.get(k);
      if (list) list.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const findingsAt = group(file.findings);
  const dueTo = consequencesOf(file.localisation, file.findings);
  const skipsAt = group(file.skipped);
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  const cause = likelyCause(input, file);
  const index = new Map(file.findings.map((f, i) => [f, i]));
  const caseFor = (rule: RuleId, unit: string | undefined) => {
    const findings = findingsAt.get(key(rule, unit)) ?? [];
    const skips = [...(skipsAt.get(key(rule, unit)) ?? []), ...(unit !== undefined ? (skipsAt.get(key(rule, undefined)) ?? []) : [])];
    const name = `${rule} · ${unit ?? whole}`;
    const failing = findings.filter((f) => isFailing(f.severity, failOn));
    const others = findings.filter((f) => !isFailing(f.severity, failOn));
    const line = (f: (typeof findings)[number]) => {
      const pair = showsExpected(f) ? ` (${expectedPair(f, lang, fmt, dueTo.get(f))})` : '';
      return `[${ui.severity[f.severity]}] ${findingText(input, file, f)}${pair}`;
    };
    const body: string[] = [];
    if (failing.length > 0) {
      failures++;
      // The likely cause first, when it explains one of this case's failures: the line that says what to fix.
      const explained = cause && failing.some((f) => cause.explained.has(index.get(f)!)) ? [`→ ${cause.text}`] : [];
      body.push(`      <failure${attrs({ message: findingText(input, file, failing[0]!), type: rule })}>${xmlEscape([...explained, ...failing.map(line)].join('\n'))}</failure>`);
    } else if (findings.length === 0 && skips.length > 0) {
      skipped++;
      body.push(`      <skipped${attrs({ message: skips.map((s) => renderSkip(s.msg, fmt)).join('; ') })}/>`);
    }
    if (others.length > 0) body.push(`      <system-out>${xmlEscape(others.map(line).join('\n'))}</system-out>`);
    const open = `    <testcase${attrs({ classname: path, name, time: 0 })}`;
    cases.push(body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n'));
  };
  // Units only a skip names (a plan's text naming a unit its table, its header row lost, cannot match): cases of
  // the optional rules that skipped them.
  const skipUnits = file.skipped.flatMap((s) => (s.unit !== undefined && !units.has(s.unit) ? [s.unit] : []));
  const optionalUnits = skipUnits.length > 0 ? new Set([...units, ...skipUnits]) : units;
  for (const rule of rules) {
    // `target` and `continuity` run only when asked for: cases for the units they say something about.
    const optional = OPTIONAL_RULES.includes(rule);
    const concerned = (u: string) => findingsAt.has(key(rule, u)) || skipsAt.has(key(rule, u));
    for (const unit of optional ? optionalUnits : units) if (!optional || concerned(unit)) caseFor(rule, unit);
    // Table-wide findings get a case of their own; a table-wide skip already shows in every unit's case.
    if (findingsAt.has(key(rule, undefined)) || (optional && skipsAt.has(key(rule, undefined)))) caseFor(rule, undefined);
  }
  const head = `  <testsuite${attrs({ name: path, tests: cases.length, failures, errors: 0, skipped, time: 0 })}>`;
  const { clause, hint } = coverageText(file, lang);
  const props = file.annex
    ? [
        '    <properties>',
        `      <property${attrs({ name: 'layout', value: file.annex.layout })}/>`,
        `      <property${attrs({ name: 'locale', value: file.annex.locale })}/>`,
        ...(file.annex.rateLocale ? [`      <property${attrs({ name: 'rateLocale', value: file.annex.rateLocale })}/>`] : []),
        ...(file.source?.kind === 'workbook' ? [`      <property${attrs({ name: 'sheet', value: file.source.sheet })}/>`] : []),
        // Some checks could not run: said on the suite (their test cases are <skipped>).
        ...(clause ? [`      <property${attrs({ name: 'coverage', value: [clause, hint].filter(Boolean).join('. ') })}/>`] : []),
        '    </properties>',
      ]
    : [];
  return { xml: [head, ...props, ...cases, '  </testsuite>'].join('\n'), tests: cases.length, failures, errors: 0, skipped };
}

/** The .txt files a folder run did not check (not like a text export): one suite, each file a skipped test case. */
function passedOverSuite(input: ReportInput): Suite[] {
  const paths = ciPassedOver(input);
  const line = passedOverLine(input, paths);
  if (!line || !paths) return [];
  const n = paths.length;
  const cases = paths.map((path) => [`    <testcase${attrs({ classname: path, name: 'passed-over', time: 0 })}>`, `      <skipped${attrs({ message: line })}/>`, '    </testcase>'].join('\n'));
  const xml = [`  <testsuite${attrs({ name: 'passed-over', tests: n, failures: 0, errors: 0, skipped: n, time: 0 })}>`, ...cases, '  </testsuite>'].join('\n');
  return [{ xml, tests: n, failures: 0, errors: 0, skipped: n }];
}

export function junitReport(input: ReportInput): string {
  const suites = [...input.files.map((f) => (f.status === 'unreadable' || f.status === 'unchecked' ? unreadableSuite(input, f) : fileSuite(input, f))), ...passedOverSuite(input)];
  const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'povcheck', tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), skipped: sum('skipped'), time: 0 })}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
