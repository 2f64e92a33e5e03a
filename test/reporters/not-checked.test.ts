/**
 * The "Not checked" section counts what the verdict counts (`reporters/types.ts` `notCheckedSection`): the places the
 * checks that ran left out ("except in 1 place") and the checks that did not run ("5 of 7 ran"). Its heading said
 * "Chưa kiểm tra (2)" under "trừ 1 chỗ chưa kiểm tra được", counting a check that did not run as a place, and left out
 * a check that did not run without a skip of its own (combined).
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const NATIONAL = 'fixtures/published/national-2024-regions-combined-poor-partial.csv';
const QUANG_NAM = 'fixtures/published/review-2022-quang-nam-province-top-districts.csv';

/** The section of a text report: its heading and its lines. */
function section(stdout: string, heading: RegExp): string[] {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('    · '));
  return lines.slice(at, end < 0 ? undefined : end);
}

describe('the "Not checked" section counts as the verdict does', () => {
  it('national 2024: 1 place and 2 checks not run, under "5/7 … trừ 1 chỗ"', async () => {
    const r = await cli(['validate', NATIONAL, '--no-table']);
    expect(r.stdout.split('\n')[0]).toContain('5/7 phép kiểm tra đã chạy, trừ 1 chỗ chưa kiểm tra được');
    expect(section(r.stdout, /Chưa kiểm tra \(/)).toEqual([
      '  Chưa kiểm tra (1 chỗ; 2 phép không chạy)',
      '    · sum (Cả nước): ô E5, E6, E7 và E8 để trống',
      '    · rate-change: mức giảm tỷ lệ hộ nghèo và cận nghèo được so với năm 2023, năm mà bảng không ghi',
      '    · combined: không đơn vị nào có đủ số liệu cần thiết',
    ]);
  });

  it('in English too', async () => {
    const r = await cli(['validate', NATIONAL, '--no-table', '--lang', 'en']);
    expect(r.stdout.split('\n')[0]).toContain('5 of 7 checks ran, except in 1 place');
    expect(section(r.stdout, /Not checked \(/)[0]).toBe('  Not checked (1 place; 2 checks not run)');
  });

  it('Quảng Nam 2022: the place first, then the checks that did not run', async () => {
    const r = await cli(['validate', QUANG_NAM, '--no-table']);
    expect(r.stdout.split('\n')[0]).toContain('5/7 phép kiểm tra đã chạy, trừ 1 chỗ chưa kiểm tra được');
    const lines = section(r.stdout, /Chưa kiểm tra \(/);
    expect(lines[0]).toBe('  Chưa kiểm tra (1 chỗ; 2 phép không chạy)');
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(['    · sum (Toàn tỉnh)', '    · flow', '    · rate-change']);
  });

  it('the checks that did not run for one reason without a skip of their own are one line (a blank form)', async () => {
    const r = await cli(['validate', 'fixtures/published/form-near-poor-review-summary-blank.csv', '--no-table', '--lang', 'en']);
    expect(section(r.stdout, /Not checked \(/)).toEqual(['  Not checked (4 checks not run)', '    · sum, rate, range, balance: no unit has the values it needs']);
  });

  it('a plan document\'s part without skips still says it has nothing of its kind', async () => {
    const r = await cli(['validate', 'fixtures/plans/published/binh-thuan-2022-bao-cao.txt', '--no-table', '--lang', 'en']);
    expect(r.stdout).not.toContain('Not checked (');
    expect(r.stdout.match(/nothing of this kind in the document/g)).toHaveLength(3);
  });

  it('the HTML report heads it the same way', async () => {
    const r = await cli(['validate', NATIONAL, '--format', 'html']);
    expect(r.stdout).toContain('<h3>Chưa kiểm tra (1 chỗ; 2 phép không chạy)</h3>');
  });
});
