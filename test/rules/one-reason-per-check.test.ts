/**
 * A check that did not run at all is one line of "not checked", its reasons said together (rules/index.ts
 * `oneReasonPerCheckNotRun`): Bắc Sơn 2020 printed "Chưa kiểm tra (1 phép không chạy)" over two `rate-change` lines
 * (the poor's reduction, the near-poor's), the JSON report two skips, and its coverage gave the first reason only.
 * A check that ran keeps each skip: each is a place it left out.
 */
import { describe, expect, it } from 'vitest';
import { oneReasonPerCheckNotRun } from '../../src/rules/index.js';
import type { Skip } from '../../src/model/finding.js';
import { cli } from '../helpers.js';

const BAC_SON = 'fixtures/published/review-2020-bac-son-district-communes-bands.csv';
const QUYNH_PHU = 'fixtures/published/review-2022-quynh-phu-district-near-poor.csv';

const absent = (...indicators: string[]) => ({ id: 'skip.absent', params: { indicators } }) as Skip['msg'];
const baseYear = (indicator: string, year: string) => ({ id: 'skip.base-year', params: { indicator, year } }) as Skip['msg'];

describe('one reason per check not run', () => {
  it('the indicators two reasons lack, named once; changes against one year, together; other kinds in turn', () => {
    const skips: Skip[] = [
      { rule: 'rate-change', msg: absent('rate_start', 'rate_end') },
      { rule: 'denominator', msg: absent('households_start') },
      { rule: 'rate-change', msg: absent('near_poor_rate_start', 'near_poor_rate_end') },
    ];
    expect(oneReasonPerCheckNotRun(skips, new Set())).toEqual([
      { rule: 'rate-change', msg: absent('rate_start', 'rate_end', 'near_poor_rate_start', 'near_poor_rate_end') },
      { rule: 'denominator', msg: absent('households_start') },
    ]);
    expect(oneReasonPerCheckNotRun([{ rule: 'rate-change', msg: baseYear('rate_reduced', '2021') }, { rule: 'rate-change', msg: baseYear('near_poor_rate_reduced', '2021') }], new Set())).toEqual([
      { rule: 'rate-change', msg: { id: 'skip.base-year', params: { indicator: 'rate_reduced', year: '2021', also: ['near_poor_rate_reduced'] } } },
    ]);
    expect(oneReasonPerCheckNotRun([{ rule: 'rate-change', msg: baseYear('rate_reduced', '2021') }, { rule: 'rate-change', msg: absent('near_poor_rate_start') }], new Set())).toEqual([
      { rule: 'rate-change', msg: { id: 'skip.several', params: { reasons: [baseYear('rate_reduced', '2021'), absent('near_poor_rate_start')] } } },
    ]);
  });

  it('a check that ran keeps each of its skips (places left out), and a unit\'s skip stays its own', () => {
    const skips: Skip[] = [
      { rule: 'flow', msg: baseYear('poor_reduced', '2012') },
      { rule: 'flow', msg: baseYear('near_poor_reduced', '2012') },
      { rule: 'sum', unit: 'Toàn tỉnh', msg: { id: 'skip.bad-value', params: { cells: ['B3'] } } },
      { rule: 'sum', msg: absent('poor_end') },
    ];
    expect(oneReasonPerCheckNotRun(skips, new Set(['flow']))).toEqual(skips);
  });

  it('Bắc Sơn 2020: one rate-change line under "1 phép không chạy", in the text, JSON and JUnit reports alike', async () => {
    const text = (await cli(['validate', BAC_SON, '--no-table'])).stdout.split('\n');
    const at = text.indexOf('  Chưa kiểm tra (1 phép không chạy)');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1).filter((l) => l.startsWith('    · '))).toEqual([
      '    · rate-change: bảng không có tỷ lệ hộ nghèo đầu năm, tỷ lệ hộ nghèo cuối năm, tỷ lệ hộ cận nghèo đầu năm và tỷ lệ hộ cận nghèo cuối năm',
    ]);
    const file = JSON.parse((await cli(['validate', BAC_SON, '--format', 'json'])).stdout).files[0];
    expect(file.skipped).toEqual([{ rule: 'rate-change', unit: null, reason: 'bảng không có tỷ lệ hộ nghèo đầu năm, tỷ lệ hộ nghèo cuối năm, tỷ lệ hộ cận nghèo đầu năm và tỷ lệ hộ cận nghèo cuối năm' }]);
    expect(file.coverage.notRun).toEqual([{ check: 'rate-change', reason: file.skipped[0].reason }]);
    const junit = (await cli(['validate', BAC_SON, '--format', 'junit'])).stdout;
    expect(junit).toContain(`<skipped message="${file.skipped[0].reason}"/>`);
  });

  it('Quỳnh Phụ 2022: the two reductions measured against 2021 in one line, in Vietnamese and English', async () => {
    const vi = JSON.parse((await cli(['validate', QUYNH_PHU, '--format', 'json'])).stdout).files[0];
    expect(vi.skipped.filter((s: { rule: string }) => s.rule === 'rate-change').map((s: { reason: string }) => s.reason)).toEqual([
      'mức giảm tỷ lệ hộ nghèo và mức giảm tỷ lệ hộ cận nghèo được so với năm 2021, năm mà bảng không ghi',
    ]);
    const en = JSON.parse((await cli(['validate', QUYNH_PHU, '--format', 'json', '--lang', 'en'])).stdout).files[0];
    expect(en.skipped.filter((s: { rule: string }) => s.rule === 'rate-change').map((s: { reason: string }) => s.reason)).toEqual([
      'poverty rate reduction (points) and reduction of the rate of near-poor households (points) are measured against 2021, which the table does not print',
    ]);
  });
});
