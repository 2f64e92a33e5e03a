/**
 * No input exhausts memory (issue 14, item 3): a delimited table is read only while its cells fit in this
 * process's heap (read/memory-budget.ts), and one past it is refused with one line, never with a V8 abort
 * (exit 134); a table that fits is checked and localised in that heap, and `fix` reads it as validate does (one
 * pipeline: no grid of every cell, the same refusal). The CLI runs here get a small heap
 * (NODE_OPTIONS=--max-old-space-size=64) so that the tables stay small.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_CELL, BYTES_PER_FINDING, CellCounter, cellBudget, findingsBudget, RecordCounter } from '../../src/read/memory-budget.js';
import { PovcheckError } from '../../src/errors.js';
import { ROOT, runCli } from '../helpers.js';

const MB = 2 ** 20;

describe('the unit budget', () => {
  it('caps the room reserved for a file\'s estimated units at what it admits', () => {
    const env = process.env.POVCHECK_MAX_ROWS;
    try {
      delete process.env.POVCHECK_MAX_ROWS;
      expect(new RecordCounter().atMost(5_000)).toBe(5_000);
      expect(new RecordCounter().atMost(1e12)).toBeLessThan(1e9);
      process.env.POVCHECK_MAX_ROWS = '100';
      expect(new RecordCounter().atMost(5_000)).toBe(101);
      expect(new RecordCounter().atMost(50)).toBe(50);
    } finally {
      if (env === undefined) delete process.env.POVCHECK_MAX_ROWS;
      else process.env.POVCHECK_MAX_ROWS = env;
    }
  });
});

describe('the cell budget', () => {
  it('grows with the heap limit, at BYTES_PER_CELL a cell, and the environment may only lower it', () => {
    const small = cellBudget({}, 112 * MB);
    const large = cellBudget({}, 4144 * MB);
    expect(small).toBeGreaterThan(100_000);
    expect(large).toBeGreaterThan(30 * small);
    expect(large * BYTES_PER_CELL).toBeLessThan(4144 * MB);
    expect(cellBudget({ POVCHECK_MAX_CELLS: '1000' }, 4144 * MB)).toBe(1000);
    expect(cellBudget({ POVCHECK_MAX_CELLS: '999999999999' }, 112 * MB)).toBe(small);
    expect(cellBudget({ POVCHECK_MAX_CELLS: 'lots' }, 112 * MB)).toBe(small);
  });

  it('refuses a table while it is read, once past the budget, with TABLE_TOO_LARGE', () => {
    const env = process.env.POVCHECK_MAX_CELLS;
    process.env.POVCHECK_MAX_CELLS = '25';
    try {
      const counter = new CellCounter();
      counter.add(12);
      counter.add(12);
      let error: unknown;
      try {
        counter.add(12);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PovcheckError);
      expect((error as PovcheckError).code).toBe('TABLE_TOO_LARGE');
      expect((error as PovcheckError).params).toMatchObject({ what: 'cells', limit: 25 });
    } finally {
      if (env === undefined) delete process.env.POVCHECK_MAX_CELLS;
      else process.env.POVCHECK_MAX_CELLS = env;
    }
  });
});

describe('a table larger than the heap, in a 64 MB heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-memory-'));
  const big = join(dir, 'big.csv');
  const slip = join(dir, 'slip.csv');
  const env = { NODE_OPTIONS: '--max-old-space-size=64' };
  beforeAll(async () => {
    const { writeTable } = (await import(join(ROOT, 'bench', 'gen-table.mjs'))) as { writeTable: (n: number, out: string, o?: { slip?: boolean }) => Promise<unknown> };
    await writeTable(150_000, big, { slip: false });
    await writeTable(6_000, slip);
  });

  it('is refused with one line naming the file and the heap, exit 2 (a long table: its units counted)', () => {
    const r = runCli(['validate', big, '--lang', 'en'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/big\.csv: .*more than [\d,]+ rows of units, more than povcheck holds in memory here \(Node's heap limit is \d+ MB\)/)]);
  });

  it('fix reads it as validate does: refused with validate\'s one line (its units counted), exit 2, nothing written', () => {
    const out = join(dir, 'big-fixed.csv');
    const r = runCli(['fix', big, '-o', out, '--lang', 'en'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/^povcheck: .*big\.csv: the table has more than [\d,]+ rows of units, more than povcheck holds in memory here \(Node's heap limit is \d+ MB\)[^\n]*\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('fix corrects a long table validate checks in that heap, never reading it as a grid of cells (a cell budget below its 72,000 cells)', () => {
    const out = join(dir, 'slip-fixed.csv');
    const r = runCli(['fix', slip, '-o', out, '--lang', 'en'], { env: { ...env, POVCHECK_MAX_CELLS: '60000' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*slip-fixed\.csv: 1 cell corrected:\n  I\d+ \(Poor households at end of year, [^)]+\): [\d,]+ → [\d,]+ \(the digits look transposed\)\nThe copy was checked again: no errors left\.\n$/);
    // The copy is the input with that one field changed.
    const lines = (f: string) => readFileSync(f, 'utf8').split('\r\n');
    const before = lines(slip);
    const after = lines(out);
    expect(after.length).toBe(before.length);
    expect(after.filter((l, i) => l !== before[i]).length).toBe(1);
  });

  it('one that fits, with a slip, is checked and its slip localised in that heap', () => {
    const r = runCli(['validate', slip, '--format', 'json'], { env });
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string }) => f.rule).sort()).toEqual(['flow', 'rate', 'sum']);
    expect(file.localisation).toMatchObject({ status: 'found' });
  });
});

describe('tables without a row of labels, in a 64 MB heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-memory-'));
  const env = { NODE_OPTIONS: '--max-old-space-size=64' };
  const years = join(dir, 'years-columns.csv');
  const yearRows = join(dir, 'years-rows.csv');
  beforeAll(() => {
    // Rates by year as the columns of 120,000 units (a release without a title: rates inferred from their figures).
    const units = Array.from({ length: 120_000 }, (_, i) => `Xã số ${i};${10 + (i % 50)},1;${5 + (i % 40)},2`);
    writeFileSync(years, `;Năm 2002;Năm 2004\nCả nước;23,0;18,1\n${units.join('\n')}\n`);
    // Years as rows, 1.2 million of them: a layout read whole, past the heap.
    const rows = Array.from({ length: 1_200_000 }, (_, i) => `Năm ${1000 + (i % 1000)};${10 + (i % 50)},1;${5 + (i % 40)},2`);
    writeFileSync(yearRows, `Tỷ lệ hộ nghèo;;\n;Thành thị;Nông thôn\n${rows.join('\n')}\n`);
  });

  it('years as the columns of a table of units: read row by row after its first rows, so checked in that heap (it was read as a grid of every cell: refused, or a V8 abort)', () => {
    const r = runCli(['validate', years, '--no-table', '--lang', 'en'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ .*years-columns\.csv: no errors — 0 errors, 0 warnings, 0 info\n/);
    expect(r.stdout).toContain('Checks: 3 of 3 ran (range, rate-mean, precision)');
  });

  it('a layout read whole is refused with one line before its text is decoded whole (it was a V8 abort, exit 134)', () => {
    const r = runCli(['validate', yearRows, '--lang', 'en'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/years-rows\.csv: .*more than [\d,]+ cells, more than povcheck holds in memory here \(Node's heap limit is \d+ MB\)/)]);
  });
});

describe('a long table with a word in every row\'s count, in a 64 MB heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-memory-'));
  const words = join(dir, 'words.csv');
  beforeAll(() => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Xã số ${i};100;10;không rõ;9`);
    writeFileSync(words, `Tên đơn vị;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm\nToàn tỉnh;4.000.000;400.000;40.000;360.000\n${rows.join('\n')}\n`);
  });

  it('is refused with one line once its findings would not fit beside its units (it was a V8 abort, exit 134)', () => {
    const r = runCli(['validate', words, '--lang', 'en'], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/FATAL|v8::|at /);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/words\.csv: .*more than [\d,]+ findings .*povcheck stops here rather than run out of memory/)]);
  });

  it('so is a table without codes whose 60,000 units all have one name: its duplicates are counted before its values are read (it was a V8 abort)', () => {
    const dup = join(dir, 'same-name.csv');
    const rows = Array.from({ length: 60_000 }, () => 'Xã Hòa An;100;10;1;9');
    writeFileSync(dup, `Tên đơn vị;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm\nToàn tỉnh;4.000.000;400.000;40.000;360.000\n${rows.join('\n')}\n`);
    const r = runCli(['validate', dup, '--lang', 'en'], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/FATAL|v8::|at /);
    expect(r.stdout).toMatch(/same-name\.csv: .*more than [\d,]+ findings/);
  });
});

describe('the findings budget of the shape stage', () => {
  it('is what the heap holds beside the units, at BYTES_PER_FINDING a finding, never below 10,000', () => {
    expect(findingsBudget(0, 1024 * MB)).toBe(Math.floor(((1024 - 40) * MB * 0.75) / BYTES_PER_FINDING));
    expect(findingsBudget(1_000_000, 1024 * MB)).toBe(Math.floor(((1024 - 40) * MB * 0.75 - 1_000_000 * 400) / BYTES_PER_FINDING));
    expect(findingsBudget(1_000_000, 256 * MB)).toBe(10_000);
  });
});
