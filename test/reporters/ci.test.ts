/**
 * Each CI report checked by its consumer or against its documented shape:
 * - SARIF: typed with @types/sarif, every rule listed, results at their cells (the SARIF SDK's own validator
 *   runs in test/e2e/sarif-validator.test.ts: an external program, with the packaging tests);
 * - JUnit: well-formed XML (fast-xml-parser's validator), parsed back, counts consistent;
 * - GitLab Code Quality: the documented fields, checked with a JSON Schema (ajv), fingerprints unique;
 * - GitHub: every line a workflow command of the documented syntax, properties escaped, and the job summary
 *   appended to $GITHUB_STEP_SUMMARY;
 * - markdown: every table row has as many cells as its header.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT, cli, parseCommand, reportInput } from '../helpers.js';
import { markdownReport } from '../../src/reporters/markdown.js';
import { junitReport } from '../../src/reporters/junit.js';
import { validateFile } from '../../src/pipeline.js';
import { escapeData, escapeProperty, githubReport } from '../../src/reporters/github.js';
import { OPTIONAL_RULES, RULE_IDS } from '../../src/rules/index.js';

const RUN = ['fixtures/planted/poor-end-transposed.csv', 'fixtures/xlsx/annex-formatted.xlsx', 'fixtures/xlsx/planted/stray-text.xlsx', 'fixtures/planted/missing.csv'];
const out = mkdtempSync(join(tmpdir(), 'povcheck-ci-'));

async function report(format: string, extra: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const file = join(out, `${format}-${Math.random().toString(36).slice(2)}`);
  const r = await cli(['validate', ...RUN, '--lang', 'en', ...extra, '--format', format, '--output-file', file], { env });
  expect(r.code).toBe(2); // the missing file
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('fixtures/planted/missing.csv: no such file');
  return readFileSync(file, 'utf8');
}

it('"-" is no file, and the line says povcheck does not read standard input', async () => {
  const r = await cli(['validate', '-', '--lang', 'en']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('✖ -: cannot be read (no file named "-"; povcheck does not read a table from standard input: save it to a file and name the file)\n');
});

// ---------------------------------------------------------------------------------------------

describe('sarif', async () => {
  const text = await report('sarif');
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0]!;

  it('lists every rule with metadata, and results refer to them by stable id and index', async () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS.map((r) => r.id), 'unreadable', 'unchecked']);
    for (const r of rules) {
      expect(r.shortDescription?.text).toBeTruthy();
      expect(r.fullDescription?.text).toBeTruthy();
      expect(r.help?.text).toBeTruthy();
      expect(r.defaultConfiguration?.level).toMatch(/^(error|warning|note)$/);
    }
    expect(rules.find((r) => r.id === 'denominator')!.defaultConfiguration!.level).toBe('warning');
    for (const res of run.results!) expect(rules[res.ruleIndex!]!.id).toBe(res.ruleId);
  });

  it('puts each result at its cell: region line = sheet row, column = sheet column; sheet as logical location', async () => {
    const flow = run.results!.find((r) => r.ruleId === 'flow')!;
    expect(flow.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('fixtures/planted/poor-end-transposed.csv');
    expect(flow.locations![0]!.physicalLocation!.region).toEqual({ startLine: 6, startColumn: 9 });
    const num = run.results!.find((r) => r.ruleId === 'number')!;
    expect(num.locations![0]!.physicalLocation!.region).toEqual({ startLine: 5, startColumn: 11 });
    expect(num.locations![0]!.logicalLocations).toEqual([{ name: 'K5', fullyQualifiedName: "'stray-text'!K5" }]);
    expect(num.properties).toMatchObject({ cell: 'K5', sheet: 'stray-text', unit: 'Lâm Bình', actual: '28x' });
    expect(run.results!.find((r) => r.ruleId === 'unreadable')).toMatchObject({ level: 'error', message: { text: 'no such file' } });
  });

  it('partialFingerprints are unique in a run and the same in the next run', async () => {
    const prints = run.results!.map((r) => r.partialFingerprints!['povcheck/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const again = (JSON.parse(await report('sarif')) as Sarif.Log).runs[0]!.results!.map((r) => r.partialFingerprints!['povcheck/v1']);
    expect(again).toEqual(prints);
  });
});

// ---------------------------------------------------------------------------------------------

describe('junit', async () => {
  const xml = await report('junit');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });
  type Case = { name: string; classname: string; failure?: { type: string; message: string }; error?: unknown; skipped?: { message: string }; 'system-out'?: string };
  type Suite = { name: string; tests: string; failures: string; errors: string; skipped: string; testcase: Case[] };
  const doc = parser.parse(xml) as { testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: Suite[] } };

  it('is well-formed XML', async () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XMLValidator.validate(xml.replace('</testsuites>', ''))).not.toBe(true);
  });

  it('a file name with a line break or a TAB keeps it in its attributes (a parser reads a raw one as a space)', async () => {
    const seed = await validateFile(join(ROOT, 'fixtures/planted/two-errors.csv'));
    const names = ['nop/line\nbreak.csv', 'nop/tab\tname.csv', 'nop/cr\r.csv'];
    const text = junitReport(reportInput(names.map((file) => ({ ...seed, file }))));
    expect(text).toContain('<testsuite name="nop/line&#10;break.csv"');
    expect(text).toContain('classname="nop/tab&#9;name.csv"');
    expect(text).toContain('name="nop/cr&#13;.csv"');
    expect(text).not.toMatch(/="[^"]*[\t\n\r]/);
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it('has one testsuite per file and counts that add up', async () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([...RUN].sort());
    for (const s of suites) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure).length);
      expect(Number(s.skipped)).toBe(s.testcase.filter((c) => c.skipped !== undefined).length);
    }
    const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + Number(s[k]), 0);
    expect(Number(doc.testsuites.tests)).toBe(sum('tests'));
    expect(Number(doc.testsuites.failures)).toBe(sum('failures'));
    expect(Number(doc.testsuites.errors)).toBe(1);
  });

  it('one testcase per rule × unit; the planted error fails its own', async () => {
    const suite = doc.testsuites.testsuite.find((s) => s.name === 'fixtures/planted/poor-end-transposed.csv')!;
    // target and continuity run only when asked for (targets, --series): no cases without them.
    expect(suite.testcase).toHaveLength((RULE_IDS.length - OPTIONAL_RULES.length) * 8);
    expect(suite.testcase.some((c) => /^(target|continuity) /.test(c.name))).toBe(false);
    const flow = suite.testcase.find((c) => c.name === 'flow · Chiêm Hóa')!;
    expect(flow.failure).toMatchObject({ type: 'flow' });
    expect(flow.failure!.message).toMatch(/^I6: Chiêm Hóa/);
    expect(suite.testcase.find((c) => c.name === 'flow · Na Hang')!.failure).toBeUndefined();
    expect(suite.testcase.find((c) => c.name === 'denominator · Na Hang')!['system-out']).toMatch(/J9/);
    const stray = doc.testsuites.testsuite.find((s) => s.name === 'fixtures/xlsx/planted/stray-text.xlsx')!;
    expect(stray.testcase.find((c) => c.name === 'number · Lâm Bình')!.failure).toBeDefined();
    expect(stray.testcase.find((c) => c.name === 'flow · Lâm Bình')!.skipped!.message).toBe('K5 not usable');
    const missing = doc.testsuites.testsuite.find((s) => s.name === 'fixtures/planted/missing.csv')!;
    expect(missing.testcase[0]!.error).toBeDefined();
  });

  it('under --fail-on warning warnings fail their test case; a rule switched off has none', async () => {
    const strict = parser.parse(await report('junit', ['--fail-on', 'warning', '--rule', 'unknown=off'])) as typeof doc;
    const suite = strict.testsuites.testsuite.find((s) => s.name === 'fixtures/xlsx/annex-formatted.xlsx')!;
    expect(suite.testcase.find((c) => c.name === 'denominator · Toàn tỉnh')!.failure).toBeDefined();
    // A unit's own denominator split is an info: it fails nothing, even under --fail-on warning.
    expect(suite.testcase.find((c) => c.name === 'denominator · Na Hang')!.failure).toBeUndefined();
    expect(suite.testcase.some((c) => c.name.startsWith('unknown '))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** GitLab's documented Code Quality fields (docs: "Code Quality report format"), as a JSON Schema. */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('gitlab', async () => {
  const issues = JSON.parse(await report('gitlab')) as Array<{ check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } }; description: string }>;
  const Ajv = ((await import('ajv')) as unknown as { default: { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } } }).default.default;
  const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);

  it('fits the documented Code Quality shape (and the check can fail)', async () => {
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...issues[0], severity: 'error' }])).toBe(false);
  });

  it('fingerprints are unique; paths relative; line = the cell\'s row', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const flow = issues.find((i) => i.check_name === 'flow')!;
    expect(flow).toMatchObject({ severity: 'major', location: { path: 'fixtures/planted/poor-end-transposed.csv', lines: { begin: 6 } } });
    expect(issues.find((i) => i.check_name === 'denominator')!.severity).toBe('minor');
    expect(issues.find((i) => i.check_name === 'unreadable')!.severity).toBe('critical');
  });
});

// ---------------------------------------------------------------------------------------------

/** GitHub's workflow command syntax, and its unescaping. */
const COMMAND = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$/;
const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('github', async () => {
  const text = await report('github');
  const lines = text.trimEnd().split('\n');

  it('every line but the closing summary is a well-formed workflow command', async () => {
    const commands = lines.slice(0, -1);
    expect(commands.length).toBeGreaterThan(20);
    for (const l of commands) expect(l, l).toMatch(COMMAND);
    expect(lines[lines.length - 1]).toMatch(/^Total: 4 files/);
  });

  it('carries file, line and column from the cell, and the rule as title', async () => {
    const parsed = lines.slice(0, -1).map((l) => {
      const [, kind, props, msg] = COMMAND.exec(l)!;
      return { kind, ...Object.fromEntries(props!.split(',').map((p) => p.split('=').map(unescape))), msg: unescape(msg!) };
    });
    expect(parsed.find((p) => p.title === 'povcheck flow')).toMatchObject({ kind: 'error', file: 'fixtures/planted/poor-end-transposed.csv', line: '6', col: '9' });
    expect(parsed.find((p) => p.title === 'povcheck number')).toMatchObject({ file: 'fixtures/xlsx/planted/stray-text.xlsx', line: '5', col: '11' });
    expect(parsed.find((p) => p.title === 'povcheck unreadable')).toMatchObject({ kind: 'error', file: 'fixtures/planted/missing.csv', msg: 'no such file' });
    expect(parsed.some((p) => p.kind === 'notice' && p.title === 'povcheck rate-change')).toBe(true);
    // "1.99 %" in a message is escaped on the wire and back intact.
    expect(parsed.find((p) => p.title === 'povcheck denominator')!.msg).toContain('1.99 % of');
  });

  it('escapes data and properties as GitHub documents', async () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('dir/a,b:c.csv')).toBe('dir/a%2Cb%3Ac.csv');
  });

  it('a file named with a TAB, a comma, a colon, a percent sign or a line break is that very file to the runner; ##[ is not written', async () => {
    const seed = await validateFile(join(ROOT, 'fixtures/planted/two-errors.csv'));
    const names = ['nop/a\tb.csv', 'nop/a,b:c.csv', 'nop/50%.csv', 'nop/%0A%3A.csv', 'nop/a\r\nb.csv', 'nop/x=y ##[z].csv', 'nop/tail\t', 'nop/\u001b[2J\u202e.csv'];
    const text = githubReport(reportInput(names.map((file) => ({ ...seed, file }))));
    const commands = text.split('\n').filter((l) => l.startsWith('::error'));
    // Every name read back as it is, but those that would act on a terminal showing the line (ESC, a bidi override)
    // or on a log that reads legacy commands anywhere (`##[`): no genuine submission is named so.
    const asRead = names.map((n) => n.replace('##[', '#\uff03[').replace('\u001b[2J\u202e', '\u241b[2J\\u202e'));
    expect(new Set(commands.map((l) => parseCommand(l).props.file))).toEqual(new Set(asRead));
    expect(text).not.toMatch(/[\u001b\u202e]|##(vso)?\[/i);
    // Escaped as @actions/core escapes a property: '%', CR, LF, ':' and ',' only; a TAB as it is.
    expect(text).toContain('::error file=nop/a\tb.csv,line=6,col=4,title=povcheck sum::');
    expect(text).toContain('::error file=nop/a%2Cb%3Ac.csv,line=6,');
    expect(text).toContain('::error file=nop/%250A%253A.csv,line=6,');
    expect(text).toContain('::error file=nop/a%0D%0Ab.csv,line=6,');
    for (const l of commands) expect(Object.keys(parseCommand(l).props)).toEqual(['file', 'line', 'col', 'title']);
  });

  it('escapes data exactly, its lines made visible: a message reads back whole', async () => {
    const seed = await validateFile(join(ROOT, 'fixtures/planted/two-errors.csv'));
    const first = githubReport(reportInput([seed], 'en')).split('\n')[0]!;
    expect(parseCommand(first).data).toMatch(/^[A-Z]\d+: /);
    expect(parseCommand(first).data).not.toMatch(/%(25|0A|0D)/);
  });

  it('appends a markdown summary of everything to $GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const summary = join(out, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    await report('github', [], { GITHUB_STEP_SUMMARY: summary });
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n')).toBe(true);
    expect(md).toContain('## povcheck report');
    expect(md).toContain('| `I6` | `flow` | error | Chiêm Hóa |');
  });
});

// ---------------------------------------------------------------------------------------------

describe('markdown', async () => {
  const md = await report('markdown');
  const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length - 2;

  it('every table row has as many cells as its header', async () => {
    const blocks = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(blocks.length).toBe(4); // the overview, and the three readable files (all have findings)
    for (const b of blocks) {
      const rows = b.trim().split('\n');
      expect(rows[1]).toMatch(/^\|(-+:?\|)+$/);
      for (const r of rows) expect(cells(r), r).toBe(cells(rows[0]!));
    }
  });

  it('escapes a pipe in a cell', async () => {
    expect(md).not.toMatch(/[^\\]\|\|/);
  });

  it('a file name with a pipe keeps its row of the overview whole; names passed over are not emphasis', async () => {
    const seed = await validateFile(join(ROOT, 'fixtures/planted/two-errors.csv'));
    const text = markdownReport({ ...reportInput([{ ...seed, file: 'nop/a|b.csv' }]), passedOver: ['nop/ghi |*chu*.txt'] });
    const row = text.split('\n').find((l) => l.startsWith('| `nop/'))!;
    expect(row).toMatch(/^\| `nop\/a\\\|b\.csv` \| ✖ /);
    expect(cells(row)).toBe(5);
    expect(text).toContain('nop/ghi \\|\\*chu\\*.txt.');
    expect(text).toContain('### ✖ `nop/a|b.csv`');
  });

  it('says which checks did not run and why, as the text report does (it gave only "3/4 checks ran")', async () => {
    const file = await validateFile(join(ROOT, 'fixtures/published/review-2020-bac-son-district-communes-bands.csv'));
    const text = markdownReport(reportInput([file]));
    expect(text).toContain('**Chưa kiểm tra (1 phép không chạy)**\n\n- rate-change: bảng không có tỷ lệ hộ nghèo đầu năm, tỷ lệ hộ nghèo cuối năm,');
    // A file without findings but with a place left unchecked gets its section too; the list is capped as the findings are.
    const many = { ...file, findings: [], skipped: Array.from({ length: 5 }, (_, i) => ({ ...file.skipped[0]!, unit: `Xã ${i + 1}` })) };
    const capped = markdownReport(reportInput([many]), { maxFindingsPerFile: 3 });
    expect(capped).toContain('### ');
    expect(capped.match(/^- rate-change \(Xã \d\)/gm)).toHaveLength(3);
    expect(capped).toMatch(/… và 2 phát hiện chưa kiểm tra nữa/);
  });
});

describe('all reports go where they are sent', () => {
  it('several formats in one run: one to the terminal, the others to their files', async () => {
    const sarif = join(out, 'pair.sarif');
    const junit = join(out, 'pair.xml');
    const r = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'sarif', '--output-file', sarif, '--format', 'text', '--format', 'junit', '-o', junit, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ fixtures/planted/poor-end-transposed.csv: errors found');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
  });

  it('an --output-file before any --format belongs to the first --format (or to the default text report)', async () => {
    const sarif = join(out, 'first.sarif');
    const r = await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '--output-file', sarif, '--format', 'sarif', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(r.stdout).povcheck).toBe(1);
    expect(r.stderr).toBe(`povcheck: report written to ${sarif}\n`);
    const text = join(out, 'default.txt');
    expect((await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '-o', text])).code).toBe(0);
    expect(readFileSync(text, 'utf8')).toContain('0 lỗi, 1 cảnh báo');
  });

  it.each([
    [['--format', 'sarif', '-o', 'a', '-o', 'b'], /--format sarif has two --output-file options/],
    [['-o', 'a', '--output', 'b'], /-o is given twice \(a, b\) and no --format/],
    [['--format', 'json', '--format', 'text'], /several formats would go to the terminal \(json, text\)/],
    [['--format', 'json', '-o', 'same', '--format', 'sarif', '-o', 'same'], /two formats would be written to same/],
    [['--format', 'yaml'], /argument 'yaml' is invalid/],
  ])('%j is refused with exit 2', async (args, message) => {
    const r = await cli(['validate', 'fixtures/tuyen-quang-2020.csv', ...args], { cwd: out });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
  });

  it('never writes a report over an input', async () => {
    const r = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'json', '-o', 'fixtures/planted/poor-end-transposed.csv']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(ROOT, 'fixtures/planted/poor-end-transposed.csv'), 'utf8')).toContain('Tổng số hộ');
  });
});

describe('a unit name with a C1 control (U+009B, a terminal\'s control sequence introducer)', () => {
  it('is escaped in every machine-readable report, as ESC is by JSON itself, and the text stays what it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-c1-'));
    const file = join(dir, 'c1.csv');
    // helper-89's h1: the name came through raw in json (stdout), sarif and junit.
    writeFileSync(file, ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;3.000;181;6,03', 'Xã \u009b31mA;1.000;44;4,50', 'Xã B;2.000;137;6,85'].join('\n'));
    for (const format of ['json', 'sarif', 'junit', 'gitlab']) {
      const r = await cli(['validate', file, '--format', format]);
      expect(r.code).toBe(1);
      expect(r.stdout, format).not.toMatch(/[\u007f-\u009f]/);
      // GitLab's description is a message, made visible (`visible`) before it is written: `\u009b` as text.
      expect(r.stdout, format).toContain(format === 'junit' ? 'Xã &#x009b;31mA' : format === 'gitlab' ? 'Xã \\\\u009b31mA' : 'Xã \\u009b31mA');
      if (format === 'json' || format === 'sarif') expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Xã \u009b31mA');
    }
  });
});

describe('a cell moved in the grid when a split label is joined back (shape/split-header.ts)', () => {
  it('is annotated where its text is in the file: the province\'s sum at E5 is line 5, column 5 (the grid\'s D)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-ci-split-'));
    const file = join(dir, 'split.csv');
    writeFileSync(file, readFileSync(join(ROOT, 'fixtures', 'hand-made', 'wide-row-label-split.csv'), 'utf8').replace(';390;282;', ';390;228;'));
    const gh = (await cli(['validate', file, '--format', 'github'])).stdout;
    expect(gh).toMatch(/^::error file=[^,]+,line=5,col=5,title=povcheck sum::E5: /m);
    const sarif = JSON.parse((await cli(['validate', file, '--format', 'sarif'])).stdout) as Sarif.Log;
    const sum = sarif.runs[0]!.results!.find((r) => r.ruleId === 'sum');
    expect(sum?.locations![0]!.logicalLocations?.[0]?.name).toBe('E5');
    expect(sum?.locations![0]!.physicalLocation!.region).toEqual({ startLine: 5, startColumn: 5 });
  });
});
