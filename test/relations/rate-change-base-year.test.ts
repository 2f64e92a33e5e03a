/**
 * A fall measured against a year the table does not print (Lai Châu 2016-2020: `Giảm so với cuối năm 2015 (%)`
 * beside the 2020 rate alone) is not checked, and the coverage says which year is missing, not only that the table
 * has no start and end rate.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../helpers.js';

describe('rate-change against a year the table does not print', () => {
  it('names that year under "not checked"', async () => {
    const r = await checkCsv('Đơn vị;Tỷ lệ hộ nghèo năm 2020 (%);Giảm so với cuối năm 2015 (%)\nTỉnh Lai Châu;16,33;24,07');
    expect(r.skipped.filter((s) => s.rule === 'rate-change').map((s) => s.msg)).toEqual([{ id: 'skip.base-year', params: { indicator: 'rate_reduced', year: '2015' } }]);
  });

  it('beside an end rate, against the start of its year (Lạc Dương 2019), the start rate is what is absent', async () => {
    const r = await checkCsv('STT;Chỉ tiêu;Số hộ;Tỷ lệ (%)\n1;Hộ nghèo cuối năm 2019;224;3,3\n2;Tỷ lệ hộ nghèo giảm so với đầu năm 2019;;1,6');
    expect(r.skipped.filter((s) => s.rule === 'rate-change').map((s) => s.msg.id)).toEqual(['skip.absent']);
  });

  it('a fall without a base year still says which rates are absent', async () => {
    const r = await checkCsv('Đơn vị;Tỷ lệ hộ nghèo (%);Tỷ lệ hộ nghèo giảm (%)\nToàn tỉnh;6,63;0,96');
    expect(r.skipped.filter((s) => s.rule === 'rate-change').map((s) => s.msg.id)).toEqual(['skip.absent']);
  });

  it('another population\'s fall against a year the table does not print is named too, not passed over (national 2024: the combined rate\'s fall against 2023)', async () => {
    const r = await checkCsv('Vùng;Tỷ lệ nghèo đa chiều (%);Tổng số hộ nghèo và hộ cận nghèo;Tỷ lệ nghèo đa chiều giảm so với năm 2023 (%)\nCả nước;4,06;1.258.997;1,65');
    expect(r.skipped.filter((s) => s.rule === 'rate-change').map((s) => s.msg)).toEqual([{ id: 'skip.base-year', params: { indicator: 'poor_near_poor_rate_reduced', year: '2023' } }]);
    expect(r.coverage.notRun.map((n) => n.check)).toContain('rate-change');
  });

  it('beside the annex\'s own fall, the near-poor fall against the same year is named as well', async () => {
    const r = await checkCsv('Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Tỷ lệ hộ nghèo giảm so với năm 2021 (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%);Tỷ lệ hộ cận nghèo giảm so với năm 2021 (%)\nHuyện Quỳnh Phụ;2.444;2,86;0,66;2.405;2,81;0,19');
    // One line for the check that did not run (rules/index.ts `oneReasonPerCheckNotRun`): both falls, one year.
    expect(r.skipped.filter((s) => s.rule === 'rate-change').map((s) => s.msg)).toEqual([
      { id: 'skip.base-year', params: { indicator: 'rate_reduced', year: '2021', also: ['near_poor_rate_reduced'] } },
    ]);
  });
});
