/**
 * The .txt files a folder run passed over (inputs.ts `passed-over`): every human report and the JSON contract name
 * them, each path shown safely; a run without them reports as before.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubReport, githubStepSummary } from '../../src/reporters/github.js';
import { sarifReport } from '../../src/reporters/sarif.js';
import { junitReport } from '../../src/reporters/junit.js';
import { gitlabIssues, gitlabReport } from '../../src/reporters/gitlab.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlReport } from '../../src/reporters/html.js';
import { jsonReport } from '../../src/reporters/json.js';
import { markdownReport } from '../../src/reporters/markdown.js';
import { textReport } from '../../src/reporters/text.js';
import { PLAIN_STYLE, type ReportInput } from '../../src/reporters/types.js';
import { validateFile } from '../../src/pipeline.js';
import { FIXTURES, reportInput } from '../helpers.js';

const SEED = join(FIXTURES, 'tuyen-quang-2020.csv');
const TEXT = { style: PLAIN_STYLE, table: false, width: 200, fitWidth: false };
const PATHS = ['nop/ghi-chu.txt', 'nop/<b>\u001b[2J.txt'];

const reports = (input: ReportInput) => ({
  text: textReport(input, TEXT),
  markdown: markdownReport(input),
  html: htmlReport(input),
  github: githubReport(input),
  summary: githubStepSummary(input),
  json: jsonReport(input),
  sarif: sarifReport(input),
  junit: junitReport(input),
  gitlab: gitlabReport(input),
});

describe('the .txt files passed over', () => {
  it('are named by every human report, in the run’s language, their paths shown safely', async () => {
    const base = reportInput([await validateFile(SEED)]);
    const r = reports({ ...base, passedOver: PATHS });
    const line = 'Không kiểm tra 2 tệp .txt trong thư mục';
    for (const format of ['text', 'markdown', 'github', 'summary'] as const) {
      expect(r[format]).toContain(line);
      expect(r[format]).not.toContain('\u001b');
    }
    for (const format of ['text', 'github'] as const) expect(r[format]).toContain('nop/ghi-chu.txt, nop/<b>\u241b[2J.txt.');
    // Markdown: as typed, not read as HTML or a link.
    for (const format of ['markdown', 'summary'] as const) expect(r[format]).toContain('nop/ghi-chu.txt, nop/&lt;b&gt;\u241b\\[2J.txt.');
    expect(r.html).toContain(line);
    expect(r.html).toContain('nop/ghi-chu.txt, nop/&lt;b&gt;\u241b[2J.txt.');
    // GitHub: a notice on the run, not a plain line (the annotations list it).
    expect(r.github).toMatch(/^::notice title=povcheck::Không kiểm tra 2 tệp \.txt/m);
    expect(JSON.parse(r.json).passedOver).toEqual(PATHS);
    // JUnit: a suite of skipped test cases, one per file, the totals counting them.
    expect(XMLValidator.validate(r.junit)).toBe(true);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.junit) as { testsuites: { skipped: string; testsuite: Array<{ name: string; skipped: string; testcase: Array<{ classname: string; skipped: { message: string } }> }> } };
    const suite = junit.testsuites.testsuite.find((s) => s.name === 'passed-over')!;
    expect(suite.skipped).toBe('2');
    // (XML 1.0 cannot carry ESC: left out of the path, as JUnit writes every path.)
    expect(suite.testcase.map((c) => c.classname)).toEqual(['nop/ghi-chu.txt', 'nop/<b>[2J.txt']);
    expect(suite.testcase[0]!.skipped.message).toContain('Không kiểm tra 2 tệp .txt');
    // SARIF: a note among the run's tool notifications.
    const notes = (JSON.parse(r.sarif) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }> }> }).runs[0]!.invocations[0]!.toolExecutionNotifications ?? [];
    expect(notes.filter((n) => n.level === 'note').map((n) => n.message.text)).toEqual([expect.stringContaining('nop/ghi-chu.txt, nop/<b>\u241b[2J.txt.')]);
    expect(Object.keys(JSON.parse(r.json) as object)).toEqual(['povcheck', 'files', 'passedOver', 'summary']);
    expect(textReport({ ...base, lang: 'en', passedOver: PATHS }, TEXT)).toContain('Not checked: 2 .txt files in the folders that do not look like an Excel text export');
  });

  it('are an info issue each in GitLab Code Quality, with a stable fingerprint of their own', async () => {
    const base = reportInput([await validateFile(SEED)]);
    const issues = gitlabIssues({ ...base, passedOver: PATHS });
    const passed = issues.filter((i) => i.check_name === 'passed-over');
    expect(passed.map((i) => [i.location.path, i.location.lines.begin, i.severity])).toEqual([
      ['nop/ghi-chu.txt', 1, 'info'],
      ['nop/<b>\u001b[2J.txt', 1, 'info'],
    ]);
    expect(passed[0]!.description).toMatch(/^Không kiểm tra 1 tệp \.txt trong thư mục .*: nop\/ghi-chu\.txt\. /);
    expect(passed[1]!.description).toContain('nop/<b>\u241b[2J.txt.');
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(gitlabIssues({ ...base, passedOver: [PATHS[0]!] }).find((i) => i.check_name === 'passed-over')!.fingerprint).toBe(passed[0]!.fingerprint);
  });

  it('are named by their path relative to the working directory in the CI reports', async () => {
    const cwd = join(FIXTURES, '..');
    const base = { ...reportInput([await validateFile(SEED)]), cwd, passedOver: [join(cwd, 'nop', 'ghi-chu.txt')] };
    const line = 'trong thư mục (không giống bảng xuất từ Excel dạng "Unicode Text" hay "Text (Tab delimited)"): nop/ghi-chu.txt.';
    expect(githubReport(base)).toContain(line);
    expect(sarifReport(base)).toContain(line.replace(/"/g, '\\"'));
    expect(gitlabIssues(base).find((i) => i.check_name === 'passed-over')).toMatchObject({ location: { path: 'nop/ghi-chu.txt' }, description: expect.stringContaining(line) });
  });

  it('leave a run without them as it was', async () => {
    const base = reportInput([await validateFile(SEED)]);
    const without = reports(base);
    const empty = reports({ ...base, passedOver: [] });
    expect(empty).toEqual(without);
    for (const text of Object.values(without)) expect(text).not.toMatch(/Không kiểm tra \d+ tệp \.txt|passedOver/);
  });
});
