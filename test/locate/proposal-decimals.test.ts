/**
 * A rate is proposed at its column's usual decimals or at its own when it has more, up to two: in a column of
 * mostly whole achievements (368, 179, 100) a published 136,7 typed 163,7 is checked at one decimal, and its
 * proposal is 136,7 (it was 137, against the error line's 136,7); a reduction 11,04 typed 11,40 is now found
 * (11,03 to 11,05), not only the achievement beside it. A share typed for a percentage (0,1180: more decimals than
 * rates are printed with) is still proposed at its column's (fixtures/planted/rate-as-share.csv).
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const table = (huế: string, trị: string) =>
  [
    'Tỉnh;Giảm (điểm %);Chỉ tiêu giảm tỷ lệ hộ nghèo giao đầu năm (%);Tỷ lệ đạt so với chỉ tiêu (%)',
    `Thừa Thiên Huế;${huế};3;368`,
    'Quảng Nam;7;3;233,3',
    'Quảng Ngãi;5,37;3;179',
    `Quảng Trị;4,1;3;${trị}`,
    'Khánh Hoà;6;4,5;133,3',
    'Đắk Nông;5;5;100',
    'Quảng Bình;4;4;100',
  ].join('\n');
const causes = (r: CheckResult) => r.localisation.causes.map((c) => c.cells.map((x) => `${x.cell.ref} ${x.proposed}`).join(' + '));

describe('the decimals a rate is proposed with', () => {
  it('a one-decimal achievement among whole ones: proposed at one decimal, as the error says', async () => {
    const r = await check(table('11,04', '163,7'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.at?.ref} ${f.expected}`)).toEqual(['D5 136.7']);
    expect(causes(r)).toEqual(['D5 136.7']);
  });

  it('a two-decimal reduction among whole ones: its transposed digits are found', async () => {
    const r = await check(table('11,40', '136,7'));
    expect(causes(r)).toEqual(['B2 11.04', 'D2 380']);
  });
});
