/**
 * docs/ci.md: the GitHub Actions job, the GitLab CI job and the pre-commit hook work as written.
 * Their blocks are taken from docs/ci.md, parsed (YAML), and their commands run on a submissions repository
 * made of fixtures, with povcheck installed from the package `npm pack` makes, exactly as the jobs install it
 * (`npm install --global …`, into a temporary npm prefix).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { XMLValidator } from 'fast-xml-parser';
import { FIXTURES, docBlocks, ROOT } from '../helpers.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The fenced blocks of `lang` under `heading`, each ending in a newline as a file would. */
const blocks = (heading: string, lang: string): string[] => docBlocks('docs/ci.md', heading).filter((b) => b.lang === lang).map((b) => b.text + '\n');

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
const github = parse(blocks('### GitHub Actions', 'yaml')[0]!) as { on: unknown; permissions: Record<string, string>; jobs: { povcheck: { 'runs-on': string; steps: Step[] } } };
const gitlab = parse(blocks('### GitLab CI', 'yaml')[0]!) as { povcheck: { image: string; script: string[]; artifacts: { when: string; reports: Record<string, string> } } };
const hook = blocks('### pre-commit hook', 'sh')[0]!;
const precommit = parse(blocks('### pre-commit hook', 'yaml')[0]!) as { repos: Array<{ repo: string; hooks: Array<{ id: string; entry: string; language: string; files: string }> }> };

/** The file a `--format X --output-file F` pair names in a povcheck command line. */
const outputOf = (cmd: string, format: string) => new RegExp(`--format ${format} --output-file (\\S+)`).exec(cmd)?.[1];

let repo = '';
let env: NodeJS.ProcessEnv = {};

/** A submissions repository: clean and planted tables as CSV and XLSX, and povcheck's package in tools/. */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'povcheck-readme-'));
  const put = (src: string, dest: string) => {
    mkdirSync(dirname(join(repo, dest)), { recursive: true });
    copyFileSync(join(FIXTURES, src), join(repo, dest));
  };
  put('tuyen-quang-2020.csv', 'submissions/tinh/annex.csv');
  put('xlsx/annex-formatted.xlsx', 'submissions/tinh/annex.xlsx');
  put('planted/poor-end-transposed.csv', 'submissions/chiem-hoa/annex.csv');
  put('xlsx/planted/stray-text.xlsx', 'submissions/lam-binh/annex.xlsx');
  mkdirSync(join(repo, 'tools'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', join(repo, 'tools')], { cwd: ROOT, stdio: 'pipe' });
  expect(existsSync(join(repo, 'tools', `povcheck-${version}.tgz`))).toBe(true);
  const prefix = join(repo, '..', `${repo.split('/').pop()}-npm-global`);
  env = { ...process.env, npm_config_prefix: prefix, PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', LANG: 'C', LC_ALL: '' };
}, 180_000);

const sh = (cmd: string, cwd = repo) => spawnSync('bash', ['-e', '-c', cmd], { cwd, env, encoding: 'utf8', timeout: 170_000 });

describe('the GitHub Actions job', () => {
  const steps = github.jobs.povcheck.steps;
  const runs = steps.filter((s) => s.run).map((s) => s.run!);
  const validate = runs.find((r) => r.startsWith('povcheck validate'))!;

  it('is a workflow: checkout, Node 20, install, validate, SARIF upload even when validate fails', () => {
    expect(github.jobs.povcheck['runs-on']).toBe('ubuntu-latest');
    expect(steps[0]!.uses).toBe('actions/checkout@v4');
    expect(steps[1]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(runs[0]).toBe(`npm install --global --ignore-scripts ./tools/povcheck-${version}.tgz`);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with!.sarif_file).toBe(outputOf(validate, 'sarif'));
    expect(github.permissions['security-events']).toBe('write');
    expect(validate).toContain('--format github');
  });

  it('its run steps work as written: annotations on stdout, the SARIF file written, exit 1 for the planted errors', () => {
    const install = sh(runs[0]!);
    expect(install.status, install.stderr).toBe(0);
    const r = sh(validate);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=submissions\/chiem-hoa\/annex\.csv,line=6,col=9,title=povcheck flow::I6: /m);
    expect(r.stdout).toMatch(/^::error file=submissions\/lam-binh\/annex\.xlsx,line=5,col=11,title=povcheck number::'stray-text'!K5: /m);
    const sarif = JSON.parse(readFileSync(join(repo, outputOf(validate, 'sarif')!), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([
      'submissions/chiem-hoa/annex.csv',
      'submissions/lam-binh/annex.xlsx',
      'submissions/tinh/annex.csv',
      'submissions/tinh/annex.xlsx',
    ]);
  }, 180_000);
});

describe('the GitLab CI job', () => {
  const job = gitlab.povcheck;

  it('keeps its reports as artifacts even when the job fails', () => {
    expect(job.image).toBe('node:20');
    expect(job.artifacts.when).toBe('always');
    const validate = job.script.find((l) => l.startsWith('povcheck validate'))!;
    expect(job.artifacts.reports.codequality).toBe(outputOf(validate, 'gitlab'));
    expect(job.artifacts.reports.junit).toBe(outputOf(validate, 'junit'));
  });

  it('its script works as written and writes the Code Quality and JUnit reports', () => {
    const r = sh(job.script.join('\n'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Tổng cộng: 4 tệp (2 tệp không có lỗi, 2 tệp có lỗi, 0 tệp không đọc được)');
    const cq = JSON.parse(readFileSync(join(repo, job.artifacts.reports.codequality!), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    expect(cq.find((i) => i.check_name === 'flow')!.location.path).toBe('submissions/chiem-hoa/annex.csv');
    expect(XMLValidator.validate(readFileSync(join(repo, job.artifacts.reports.junit!), 'utf8'))).toBe(true);
  }, 180_000);
});

describe('the pre-commit hook', () => {
  it('stops a commit of a table with errors, lets a clean one through', () => {
    const git = (args: string[], cwd: string) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
    const work = mkdtempSync(join(tmpdir(), 'povcheck-hook-'));
    expect(git(['init', '-q'], work).status).toBe(0);
    // povcheck on PATH, as after the install above (run it here too, in case this test runs alone).
    expect(sh(github.jobs.povcheck.steps.find((s) => s.run)!.run!).status).toBe(0);
    writeFileSync(join(work, '.git', 'hooks', 'pre-commit'), hook);
    chmodSync(join(work, '.git', 'hooks', 'pre-commit'), 0o755);

    writeFileSync(join(work, 'notes.md'), 'no table here\n');
    git(['add', 'notes.md'], work);
    expect(git(['commit', '-q', '-m', 'notes'], work).status).toBe(0);

    mkdirSync(join(work, 'huyen a'));
    copyFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), join(work, 'huyen a', 'annex 2020.csv'));
    copyFileSync(join(FIXTURES, 'xlsx', 'annex-formatted.xlsx'), join(work, 'huyen a', 'annex.xlsx'));
    git(['add', '.'], work);
    const clean = git(['commit', '-q', '-m', 'clean tables'], work);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    copyFileSync(join(FIXTURES, 'planted', 'poor-end-transposed.csv'), join(work, 'chiem-hoa.csv'));
    git(['add', 'chiem-hoa.csv'], work);
    const bad = git(['commit', '-q', '-m', 'planted'], work);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('✖ chiem-hoa.csv: có lỗi');
    expect(git(['log', '--oneline'], work).stdout.trim().split('\n')).toHaveLength(2);
    expect(git(['commit', '-q', '--no-verify', '-m', 'planted anyway'], work).status).toBe(0);

    // A table named like an option is a table (`--`): not `-o annex.csv`, writing the report over a table and
    // leaving itself unchecked (a clean table staged beside it, the commit would go through).
    copyFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), join(work, 'annex.csv'));
    const before = readFileSync(join(work, 'annex.csv'), 'utf8');
    copyFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), join(work, 'b.csv'));
    copyFileSync(join(FIXTURES, 'planted', 'poor-end-transposed.csv'), join(work, '-oannex.csv'));
    git(['add', '--', 'b.csv', '-oannex.csv'], work);
    const dashed = git(['commit', '-q', '-m', 'dashed'], work);
    expect(dashed.status).not.toBe(0);
    expect(dashed.stdout + dashed.stderr).toContain('✖ -oannex.csv: có lỗi');
    expect(readFileSync(join(work, 'annex.csv'), 'utf8')).toBe(before);
  }, 180_000);

  it('the pre-commit framework entry runs the same command on the same files', () => {
    const h = precommit.repos[0]!.hooks[0]!;
    expect(precommit.repos[0]!.repo).toBe('local');
    expect(h).toMatchObject({ id: 'povcheck', entry: 'povcheck validate --no-table --', language: 'system' });
    const files = new RegExp(h.files);
    for (const f of ['a.csv', 'd/b.xlsx', 'c.xlsm', 'e.tsv']) expect(files.test(f), f).toBe(true);
    for (const f of ['a.txt', 'a.csv.bak', 'README.md']) expect(files.test(f), f).toBe(false);
  });
});
