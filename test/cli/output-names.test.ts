/**
 * The built binary: what `-o` names. `-o -` is the standard output; without --format the output file's extension
 * names the format; a --format the extension contradicts is refused before anything is read or written.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const SEED = 'fixtures/tuyen-quang-2020.csv';
const PLANTED = 'fixtures/planted/poor-end-transposed.csv';
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-o-'));
const isZip = (file: string) => readFileSync(file).subarray(0, 2).toString('latin1') === 'PK';
const oneLine = (s: string) => expect(s.trim().split('\n')).toHaveLength(1);

describe('-o names the format when --format is not given', () => {
  it('table -o annex.xlsx writes a workbook, -o annex.docx a Word document, -o annex.html a page (it wrote a text table under those names)', () => {
    const dir = tmp();
    for (const [name, check] of [['annex.xlsx', isZip], ['annex.docx', isZip], ['annex.html', (f: string) => readFileSync(f, 'utf8').startsWith('<!DOCTYPE html>')]] as const) {
      const r = runCli(['table', SEED, '-o', join(dir, name)]);
      expect(r.code, r.stderr).toBe(0);
      expect(check(join(dir, name))).toBe(true);
    }
  });

  it('plan -o plan.csv writes the planned annex; validate -o report.json a JSON report', () => {
    const dir = tmp();
    expect(runCli(['plan', SEED, '--target', 'lam binh=4', '-o', join(dir, 'plan.csv')]).code).toBe(0);
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8')).toMatch(/^\uFEFFSTT;Chỉ tiêu;ĐVT;/);
    expect(runCli(['validate', SEED, '-o', join(dir, 'report.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).povcheck).toBe(1);
  });

  it('a plain-text or unknown name keeps the default text', () => {
    const dir = tmp();
    expect(runCli(['validate', SEED, '-o', join(dir, 'report.txt')]).code).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/^✔ /);
  });
});

describe('a --format the file name contradicts', () => {
  it('is refused with one line naming the name to use, exit 2, nothing written', () => {
    const dir = tmp();
    const cases: Array<[string[], RegExp]> = [
      [['table', SEED, '--format', 'csv', '-o', join(dir, 'annex.xlsx')], /-o .*annex\.xlsx: the output is csv, but a file name ending in \.xlsx says otherwise.*name it .*annex\.csv, or give --format xlsx$/],
      [['plan', SEED, '--target', 'lam binh=4', '-o', join(dir, 'plan.xlsx')], /the output is text.*name it .*plan\.txt$/],
      [['validate', SEED, '--format', 'json', '-o', join(dir, 'r.xml')], /the output is json.*or give --format junit$/],
      [['fix', PLANTED, '-o', join(dir, 'fixed.xlsx')], /the output is csv.*name it .*fixed\.csv$/],
    ];
    for (const [args, line] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr.trim()).toMatch(line);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in Vietnamese when asked', () => {
    const r = runCli(['table', SEED, '--format', 'csv', '-o', join(tmp(), 'b.docx'), '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kết quả ở định dạng csv, nhưng tên tệp có đuôi \.docx .*hoặc dùng --format docx/);
  });
});

describe('two reports to one file', () => {
  it('are refused however the file is named (a.json, ./a.json: the second was written over the first)', () => {
    const dir = tmp();
    const r = runCli(['validate', join(process.cwd(), SEED), '-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', './a.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two formats would be written to \.\/a\.json/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('-o given twice without --format', () => {
  it('says so, naming both files (it said "--format text has two --output-file options" of a run that named no format)', () => {
    const r = runCli(['validate', SEED, '-o', 'a.json', '-o', 'b.json'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o is given twice \(a\.json, b\.json\) and no --format/);
  });
});

describe('-o - is the standard output', () => {
  it('table and plan print; no file named "-" is written', () => {
    const dir = tmp();
    const t = runCli(['table', join(process.cwd(), SEED), '--format', 'csv', '-o', '-'], { cwd: dir });
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^\uFEFFSTT;Chỉ tiêu;ĐVT;Toàn tỉnh/);
    const p = runCli(['plan', join(process.cwd(), SEED), '--target', 'lam binh=4', '-o', '-'], { cwd: dir });
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('Lâm Bình');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('validate: the format it follows goes to stdout, and counts as the one format on the terminal', () => {
    const dir = tmp();
    const r = runCli(['validate', join(process.cwd(), SEED), '--format', 'json', '-o', '-', '--format', 'text', '-o', 'r.txt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).povcheck).toBe(1);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const two = runCli(['validate', join(process.cwd(), SEED), '--format', 'json', '-o', '-', '--format', 'text'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/several formats would go to the terminal \(json, text\)/);
  });

  it('fix refuses it: its report is on stdout; exit 2, one line', () => {
    const dir = tmp();
    const r = runCli(['fix', join(process.cwd(), PLANTED), '-o', '-'], { cwd: dir });
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/fix writes the corrected copy to a file and its report to the terminal/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
