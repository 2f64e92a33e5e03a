/**
 * A CI run over a folder of submissions: mixed CSV and XLSX files (clean ones, planted errors, one that cannot
 * be read) in one process, with a verdict per file, one summary and the exit code of the worst file. (How fast
 * a thousand files go is bench/'s business, not a test's.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli, fixtures } from '../helpers.js';

const CLEAN = [
  'tuyen-quang-2020.csv',
  'variants/comma-utf8.csv',
  'variants/english.csv',
  'variants/long-vi.csv',
  'xlsx/tuyen-quang-2020.xlsx',
  'xlsx/annex-formatted.xlsx',
  'xlsx/variants/long-vi.xlsx',
  'xlsx/variants/english.xlsx',
];
const PLANTED = Object.keys(fixtures.planted()).flatMap((p) => [p, `xlsx/${p.replace(/\.csv$/, '.xlsx')}`]);
/** Every planted file and each clean variant (one of them left out for the broken file). */
const FILES = 23;

/** FILES submissions: district folders of clean files, 14 planted errors (7 CSV, 7 XLSX), optionally one broken file. */
function submissions(opts: { broken?: boolean; planted?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'povcheck-many-'));
  const dir = join(root, 'submissions');
  const files: Array<[string, string]> = [];
  if (opts.planted !== false) PLANTED.forEach((p, i) => files.push([p, `huyen-${String(i % 7).padStart(2, '0')}/planted-${i}-${p.split('/').pop()}`]));
  let n = 0;
  while (files.length < (opts.broken ? FILES - 1 : FILES)) {
    const src = CLEAN[n % CLEAN.length]!;
    files.push([src, `huyen-${String(n % 7).padStart(2, '0')}/xa-${String(n).padStart(3, '0')}-${src.split('/').pop()}`]);
    n++;
  }
  for (const [src, dest] of files) {
    mkdirSync(join(dir, dest, '..'), { recursive: true });
    copyFileSync(join(FIXTURES, src), join(dir, dest));
  }
  if (opts.broken) writeFileSync(join(dir, 'huyen-03', 'zz-broken.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
  writeFileSync(join(dir, 'README.txt'), 'not a table: a .txt that is no text export is not checked, only named');
  return root;
}

type Json = { files: Array<{ file: string; status: string; error?: { code: string; message: string } }>; summary: Record<string, number>; passedOver?: string[] };

describe('a folder of 23 mixed CSV/XLSX submissions, in one process', () => {
  const root = submissions({ broken: true });

  it('gives a verdict per file, one summary, and exit 2 for the unreadable one', async () => {
    const r = await cli(['validate', 'submissions', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.files).toHaveLength(23);
    expect(out.files.map((f) => f.file)).toEqual([...out.files.map((f) => f.file)].sort());
    expect(out.files.filter((f) => f.status === 'invalid')).toHaveLength(14);
    expect(out.files.filter((f) => f.status === 'unreadable').map((f) => [f.file, f.error?.code])).toEqual([['submissions/huyen-03/zz-broken.xlsx', 'WORKBOOK_INVALID']]);
    expect(out.files.filter((f) => f.status === 'ok')).toHaveLength(8);
    expect(out.summary).toMatchObject({ files: 23, unreadable: 1 });
    // Without --lang, in the run's language (its tables are Vietnamese), as the JSON's message and the text report say it.
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^povcheck: submissions\/huyen-03\/zz-broken\.xlsx: không phải sổ tính Excel đọc được/),
      expect.stringMatching(/^povcheck: Không kiểm tra 1 tệp \.txt trong thư mục .*: submissions\/README\.txt\. /),
    ]);
    expect(out.passedOver).toEqual(['submissions/README.txt']);
    expect(out.files.find((f) => f.status === 'unreadable')?.error?.message).toMatch(/^không phải sổ tính Excel đọc được/);
  }, 120_000);

  it('GitLab Code Quality: the unreadable file a critical issue, the .txt passed over an info issue, not dropped', async () => {
    const r = await cli(['validate', 'submissions', '--format', 'gitlab'], { cwd: root });
    expect(r.code).toBe(2);
    const issues = JSON.parse(r.stdout) as Array<{ check_name: string; severity: string; location: { path: string } }>;
    expect(issues.filter((i) => i.check_name === 'unreadable' || i.check_name === 'passed-over').map((i) => [i.check_name, i.severity, i.location.path])).toEqual([
      ['unreadable', 'critical', 'submissions/huyen-03/zz-broken.xlsx'],
      ['passed-over', 'info', 'submissions/README.txt'],
    ]);
  }, 120_000);

  it('in Vietnamese the unreadable file\'s line is Vietnamese throughout, the damage of its ZIP too', async () => {
    const r = await cli(['validate', 'submissions', '--lang', 'vi'], { cwd: root });
    const line = r.stdout.split('\n').find((l) => l.includes('zz-broken.xlsx'));
    expect(line).toMatch(/không phải sổ tính Excel đọc được: không có mục lục ZIP \(central directory\): tệp bị cắt cụt hoặc bị hỏng/);
    expect(line).not.toMatch(/cut short|damaged|no ZIP/);
  }, 120_000);

  it('the text report: a verdict line per file and one summary line, no tables by default', async () => {
    const r = await cli(['validate', 'submissions', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(2);
    const verdicts = r.stdout.split('\n').filter((l) => /^[✔✖] submissions\//.test(l));
    expect(verdicts).toHaveLength(23);
    expect(verdicts.filter((l) => l.includes('errors found'))).toHaveLength(14);
    expect(r.stdout).toContain('Total: 23 files (8 without errors, 14 with errors, 1 unreadable)');
    expect(r.stdout).not.toContain('┌');
  }, 120_000);
});

describe('the exit code follows the worst file and --fail-on', () => {
  const withErrors = submissions({});
  const clean = submissions({ planted: false });

  it('errors: exit 1; --fail-on never: exit 0; the same run as a glob', async () => {
    expect((await cli(['validate', 'submissions', '--format', 'json'], { cwd: withErrors })).code).toBe(1);
    expect((await cli(['validate', 'submissions', '--format', 'json', '--fail-on', 'never'], { cwd: withErrors })).code).toBe(0);
    const glob = await cli(['validate', 'submissions/**/*.xlsx', '--format', 'json'], { cwd: withErrors });
    expect(glob.code).toBe(1);
    expect((JSON.parse(glob.stdout) as Json).files.every((f) => f.file.endsWith('.xlsx'))).toBe(true);
  }, 120_000);

  it('only warnings: exit 0; --fail-on warning or --strict: exit 1', async () => {
    expect((await cli(['validate', 'submissions', '--format', 'json'], { cwd: clean })).code).toBe(0);
    expect((await cli(['validate', 'submissions', '--format', 'json', '--fail-on', 'warning'], { cwd: clean })).code).toBe(1);
    expect((await cli(['validate', 'submissions', '--format', 'json', '--strict'], { cwd: clean })).code).toBe(1);
    expect((await cli(['validate', 'submissions', '--format', 'json', '--strict', '--rule', 'denominator=off'], { cwd: clean })).code).toBe(0);
  }, 120_000);

  it('an empty folder or a pattern that matches nothing: exit 2, saying so', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'povcheck-empty-'));
    mkdirSync(join(empty, 'submissions'));
    const r = await cli(['validate', 'submissions', 'nothing/*.csv', '--lang', 'en'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('submissions: cannot be read (this directory holds no table or document povcheck looks for');
    expect(r.stdout).toContain('nothing/*.csv: cannot be read (no file matches this pattern)');
    rmSync(empty, { recursive: true, force: true });
  });
});
