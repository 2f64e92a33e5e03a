/**
 * The files a run reads or writes beside its tables keep the promises a table and an -o file keep: a configuration
 * named with --config that is a FIFO or /dev/zero is refused (it hung, then aborted out of memory), one larger than a
 * side file's limit is refused before it is read; GitHub's job summary is never appended to an input of the run
 * (it was, by any name) nor to a FIFO (it hung).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from '../helpers.js';

const SEED = join(FIXTURES, 'tuyen-quang-2020.csv');
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-side-'));

describe('--config', () => {
  it.each([
    ['/dev/zero', 'povcheck: /dev/zero: this is not a regular file\n'],
    ['fifo', 'povcheck: cfg.fifo: this is not a regular file\n'],
  ])('naming %s is refused in one line, exit 2', async (what, line) => {
    const dir = tmp();
    let name = what;
    if (what === 'fifo') {
      execFileSync('mkfifo', [join(dir, 'cfg.fifo')]);
      name = 'cfg.fifo';
    }
    const r = await cli(['validate', SEED, '--config', name, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
  });

  it('larger than a side file may be is refused before it is read', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.json'), `{"totalNames":[${Array.from({ length: 1_800_000 }, (_, i) => `"n${i}"`).join(',')}]}`);
    const r = await cli(['validate', SEED, '--config', 'big.json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('povcheck: big.json: the file is larger than 16 MB\n');
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('is appended to, never when it is an input of the run, by any name', async () => {
    const dir = tmp();
    const input = join(dir, 's.csv');
    copyFileSync(join(FIXTURES, 'planted', 'two-errors.csv'), input);
    symlinkSync(input, join(dir, 'link.md'));
    const before = readFileSync(input);
    for (const summary of [input, join(dir, 'link.md')]) {
      const r = await cli(['validate', input, '--format', 'github', '--lang', 'en'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('refusing to write over the input file');
      expect(readFileSync(input).equals(before)).toBe(true);
    }
    const r = await cli(['validate', input, '--format', 'github', '--lang', 'en'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^## povcheck report/);
  });

  it('that is a FIFO is refused in one line, not waited on', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'summary.fifo')]);
    const r = await cli(['validate', SEED, '--format', 'github', '--lang', 'en'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.fifo') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file: a job summary is appended to one');
  });
});

describe('texts a side file or an option gives are repeated cut, never whole', () => {
  const long = (c: string) => c.repeat(1_000_000);
  it.each([
    ['a configuration\'s sheet', { sheet: long('x') }, 0],
    ['a configuration\'s unknown key', { [long('k')]: 1 }, 2],
  ])('%s', async (_what, config, code) => {
    const dir = tmp();
    writeFileSync(join(dir, 'povcheck.json'), JSON.stringify(config));
    const r = await cli(['validate', SEED, '--config', 'povcheck.json', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stdout.length + r.stderr.length).toBeLessThan(20_000);
    expect(r.stdout + r.stderr).toMatch(/[xk]{100}…/);
  });

  it.each([
    ['unit', { unit: long('u'), indicator: 'rate_reduced', op: '>=', value: '2' }],
    ['value', { unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: `${long('9')}x` }],
  ])('a targets file\'s %s', async (_what, entry) => {
    const dir = tmp();
    writeFileSync(join(dir, 't.json'), JSON.stringify({ targets: [entry] }));
    const r = await cli(['validate', SEED, '--targets', 't.json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1_000);
    expect(r.stderr).toMatch(/[u9]{100}…/);
  });

  it('--sheet naming no sheet of a workbook', async () => {
    const book = join(FIXTURES, 'published', 'xlsx', readdirSync(join(FIXTURES, 'published', 'xlsx')).find((f) => f.endsWith('.xlsx'))!);
    const r = await cli(['validate', book, '--sheet', 's'.repeat(100_000), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect((r.stdout + r.stderr).length).toBeLessThan(5_000);
    expect(r.stdout + r.stderr).toMatch(/s{100}…/);
  });
});

describe('paths in the CI reports of a step run in a folder of the repository (`working-directory: data`)', () => {
  it('are relative to the repository\'s root (GITHUB_WORKSPACE, CI_PROJECT_DIR), not to the folder; outside it, to the folder', async () => {
    const root = tmp();
    const data = join(root, 'data');
    execFileSync('mkdir', ['-p', data]);
    copyFileSync(join(FIXTURES, 'planted', 'two-errors.csv'), join(data, 'annex.csv'));
    const github = await cli(['validate', 'annex.csv', '--format', 'github', '--lang', 'en'], { cwd: data, env: { GITHUB_WORKSPACE: root } });
    expect(github.stdout).toMatch(/^::error file=data\/annex\.csv,/m);
    expect(github.stdout).not.toMatch(/file=annex\.csv/);
    const sarif = JSON.parse((await cli(['validate', 'annex.csv', '--format', 'sarif'], { cwd: data, env: { GITHUB_WORKSPACE: root } })).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'data/annex.csv', uriBaseId: '%SRCROOT%' });
    const gitlab = JSON.parse((await cli(['validate', 'annex.csv', '--format', 'gitlab'], { cwd: data, env: { CI_PROJECT_DIR: root } })).stdout);
    expect(gitlab[0].location.path).toBe('data/annex.csv');
    // A workspace the folder is not in (a checkout elsewhere): relative to the folder, as before.
    const elsewhere = await cli(['validate', 'annex.csv', '--format', 'github', '--lang', 'en'], { cwd: data, env: { GITHUB_WORKSPACE: join(root, 'other') } });
    expect(elsewhere.stdout).toMatch(/^::error file=annex\.csv,/m);
  });
});
