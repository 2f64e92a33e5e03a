/**
 * The one rule for paths in the CI formats (ci.ts `ciPath`, docs/ci.md "Paths"): a file inside the working directory
 * relative to it, any other absolute, always with '/'; github, gitlab, sarif (against `%SRCROOT%`), junit and markdown
 * alike. The text and JSON reports keep each path as it was given (docs/json-report.md).
 */
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { XMLParser } from 'fast-xml-parser';
import { ciPath } from '../../src/reporters/ci.js';
import { FIXTURES, parseCommand, runCli } from '../helpers.js';

describe('ciPath', () => {
  it('writes a file inside the working directory relative to it, normalised, with /', () => {
    expect(ciPath('/repo/submissions/a.csv', { cwd: '/repo' })).toBe('submissions/a.csv');
    expect(ciPath('./submissions//x/../a.csv', { cwd: '/repo' })).toBe('submissions/a.csv');
    expect(ciPath('/repo/..hidden.csv', { cwd: '/repo' })).toBe('..hidden.csv');
  });

  it('writes a file outside it absolute, however it was given', () => {
    expect(ciPath('/elsewhere/a.csv', { cwd: '/repo' })).toBe('/elsewhere/a.csv');
    expect(ciPath('../elsewhere/a.csv', { cwd: '/repo/sub' })).toBe('/repo/elsewhere/a.csv');
    expect(ciPath('/repository/a.csv', { cwd: '/repo' })).toBe('/repository/a.csv');
  });

  it('with the repository\'s root above the working directory (a CI step in a folder): relative to the root, the file named against the working directory', () => {
    expect(ciPath('a.csv', { cwd: '/repo/data', ciRoot: '/repo' })).toBe('data/a.csv');
    expect(ciPath('../other/b.csv', { cwd: '/repo/data', ciRoot: '/repo' })).toBe('other/b.csv');
    expect(ciPath('/elsewhere/a.csv', { cwd: '/repo/data', ciRoot: '/repo' })).toBe('/elsewhere/a.csv');
  });

  it('without a working directory (a report made outside a run), keeps the path as given', () => {
    expect(ciPath('./a.csv', {})).toBe('a.csv');
    expect(ciPath('/abs/a.csv', {})).toBe('/abs/a.csv');
  });
});

describe('the built binary given an absolute folder, as a CI job gives it', () => {
  // A repository checked out at an absolute path (as /home/runner/work/repo/repo), povcheck run from its root.
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'povcheck-repo-')));
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'povcheck-outside-')));
  mkdirSync(join(repo, 'submissions'));
  const NAME = 'huyện\tA, 2020: 5%.csv';
  copyFileSync(join(FIXTURES, 'planted/two-errors.csv'), join(repo, 'submissions', NAME));
  copyFileSync(join(FIXTURES, 'planted/two-errors.csv'), join(outside, 'b.csv'));
  const inside = `submissions/${NAME}`;
  const run = (format: string, ...inputs: string[]) => {
    const r = runCli(['validate', ...inputs, '--format', format, '--lang', 'en'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    return r.stdout;
  };
  const args = [join(repo, 'submissions'), join(outside, 'b.csv')];
  // (A run reports its files sorted by path: the one outside, under /tmp/povcheck-outside-…, first.)

  it('github: file= relative inside the repository, absolute outside it', () => {
    const files = run('github', ...args)
      .split('\n')
      .filter((l) => l.startsWith('::error'))
      .map((l) => parseCommand(l).props.file);
    expect(new Set(files)).toEqual(new Set([inside, join(outside, 'b.csv')]));
  });

  it('gitlab: location.path the same', () => {
    const issues = JSON.parse(run('gitlab', ...args)) as Array<{ location: { path: string } }>;
    expect(new Set(issues.map((i) => i.location.path))).toEqual(new Set([inside, join(outside, 'b.csv')]));
  });

  it('sarif: a relative uri against %SRCROOT%, an absolute one a file: URI without a base', () => {
    const log = JSON.parse(run('sarif', ...args)) as Sarif.Log;
    const locations = log.runs[0]!.artifacts!.map((a) => a.location);
    expect(locations).toEqual([{ uri: `file://${join(outside, 'b.csv')}` }, { uri: 'submissions/huy%E1%BB%87n%09A%2C%202020%3A%205%25.csv', uriBaseId: '%SRCROOT%' }]);
    for (const r of log.runs[0]!.results!) expect(r.locations![0]!.physicalLocation!.artifactLocation).toMatchObject(locations[r.locations![0]!.physicalLocation!.artifactLocation!.index!]!);
  });

  it('junit: each suite and test case named by the same path', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' });
    const doc = parser.parse(run('junit', ...args)) as { testsuites: { testsuite: Array<{ name: string; testcase: Array<{ classname: string }> }> } };
    const suites = doc.testsuites.testsuite;
    // (The parser leaves the TAB's character reference as written.)
    expect(suites.map((s) => s.name)).toEqual([join(outside, 'b.csv'), inside.replace('\t', '&#9;')]);
    for (const s of suites) for (const c of s.testcase) expect(c.classname).toBe(s.name);
  });

  it('markdown: the overview and the headings the same', () => {
    const md = run('markdown', ...args);
    expect(md).toContain('| `submissions/huyện\u2409A, 2020: 5%.csv` | ✖ ');
    expect(md).toContain(`### ✖ \`${join(outside, 'b.csv')}\``);
    expect(md).not.toContain(repo);
  });

  it('text and JSON keep the paths as given (their contract)', () => {
    const json = JSON.parse(run('json', ...args)) as { files: Array<{ file: string }> };
    expect(json.files.map((f) => f.file)).toEqual([join(outside, 'b.csv'), join(repo, 'submissions', NAME)]);
    expect(run('text', ...args)).toContain(`✖ ${join(repo, 'submissions')}/huyện\u2409A, 2020: 5%.csv: errors found`);
  });
});
