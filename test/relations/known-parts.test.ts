/**
 * Units listed under a parent in a list the table does not give whole are bounded by it (sum.exceeds,
 * implied-households) only when their names say they are its parts (relations/known-parts.ts): a row printed
 * under a total for comparison is no part of it (helper-93's new-fixtures-30).
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const errors = async (rows: string[]) => problems(await check(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...rows].join('\n'))).filter((p) => p.startsWith('error'));

describe('a row under a total', () => {
  it.each([
    ['its region', 'Vùng Trung du và miền núi phía Bắc;364.681;18,20'],
    ['the country\'s region by its long name', 'Vùng Đồng bằng sông Cửu Long;95.000;2,90'],
    ['another province', 'Tỉnh Bạc Liêu;12.000;4,10'],
    ['the same time last year', 'Cùng kỳ năm 2022;11.900;3,90'],
    ['the plan', 'Kế hoạch giao;10.000;3,30'],
  ])('printed for comparison (%s) is not bounded by it: no error', async (_what, row) => {
    expect(await errors(['Toàn tỉnh;9.604;3,14', row])).toEqual([]);
  });

  it('a district of the province, a province of the region, an area of the province: bounded', async () => {
    expect(await errors(['Toàn tỉnh;9.604;3,14', 'Huyện Thới Bình;12.663;10,76'])).toEqual(['error sum B2']);
    expect(await errors(['Trung du và miền núi phía Bắc;364.681;18,20', 'Hà Giang;395.496;31,12'])).toEqual(['error sum B2']);
    // helper-88's e5e: a region with more poor households than the country under which it is named.
    expect(await errors(['Cả nước;815.101;2,93', 'Trung du và miền núi phía Bắc;964.681;18,20'])).toContain('error sum B2');
    expect(await errors(['Toàn tỉnh;25.650;6,06', 'Khu vực đồng bằng;8.201;2,42', 'Khu vực miền núi;17.549;20,85', '...;;'])).toEqual(['error sum B2']);
  });

  it('a list cut short: its parts\' households are not said to fall short of the whole\'s (helper-93\'s e06)', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Huyện Mường Tè;4.000;33,00', 'Huyện Sìn Hồ;5.000;30,00', '...;;', 'Toàn tỉnh;20.000;20,00'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('implied-households');
  });

  it('a list with a name twice (two years read as one list) is not bounded', async () => {
    expect(await errors(['Toàn tỉnh;12.000;5,00', 'Huyện A;7.000;20,00', 'Năm 2022;;', 'Huyện A;8.000;21,00', 'Huyện B;5.000;9,00', '...;;'])).not.toContain('error sum B2');
  });
});
