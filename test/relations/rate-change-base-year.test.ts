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
});
