/**
 * A missing indicator's warning, once the checks ran (check-grid.ts `missingWithChecksRan`), agrees with the checks
 * line: a check reading the indicator that still ran on the table's other figures is said to have run on them, not
 * to be unchecked; one that did not run is said not to have run; one switched off is not named.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCsv, cli, FIXTURES } from './helpers.js';

/** Tuyên Quang 2020 without its poor households at the end of the year. */
const withoutEnd = () =>
  readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((line) => !line.startsWith('5;Số hộ nghèo cuối năm'))
    .join('\n');

describe('the missing-indicator warning and the checks that ran', () => {
  it('names the checks that still ran (sum, rate, range) apart from the one that did not (flow), as the coverage has them', async () => {
    const r = await checkCsv(withoutEnd());
    const missing = r.findings.find((f) => f.msg.id === 'missing.indicator');
    expect(missing?.msg.params).toEqual({ indicator: 'poor_end', rules: ['sum', 'flow', 'rate', 'range'], ran: ['sum', 'rate', 'range'] });
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'rate', 'range']));
    expect(r.coverage.notRun.map((n) => n.check)).toEqual(['flow']);
  });

  it('leaves out a check switched off', async () => {
    const r = await checkCsv(withoutEnd(), { rules: { range: 'off' } });
    expect(r.findings.find((f) => f.msg.id === 'missing.indicator')?.msg.params).toMatchObject({ rules: ['sum', 'flow', 'rate'], ran: ['sum', 'rate'] });
  });

  it('the text report says so in both languages, beside a checks line counting the same checks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-')), 'no-end.csv');
    writeFileSync(file, `\uFEFF${withoutEnd()}`);
    const vi = await cli(['validate', file, '--no-table']);
    expect(vi.stdout).toContain('Bảng không có chỉ tiêu "Số hộ nghèo cuối năm", nên những gì cần đến chỉ tiêu này không được kiểm tra: sum, rate, range chỉ chạy trên các số liệu khác; flow không chạy.');
    // The end rate, printed without its count, is not recomputed: a place `rate` left out, named under "not checked".
    expect(vi.stdout).toContain('Kiểm tra: 6/7 phép đã chạy (sum, rate, rate-change, denominator, range, rate-mean), trừ 1 chỗ chưa kiểm tra được; không chạy: flow (xem mục “Chưa kiểm tra”)');
    expect(vi.stdout).toContain('    · rate: không tính lại được tỷ lệ hộ nghèo cuối năm: bảng không có số hộ nghèo cuối năm\n');
    const en = await cli(['validate', file, '--no-table', '--lang', 'en']);
    expect(en.stdout).toContain('so nothing that needs it is checked: sum, rate, range ran on the other figures only; flow did not run.');
  });
});
