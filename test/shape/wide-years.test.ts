/**
 * Years down a wide table (src/shape/wide-years.ts): indicators given again for another year, the year in a column
 * beside the labels, in the labels themselves or in a heading row. Each year's rows are its slots (checked), never
 * duplicates of the first year's (helper-78's transposed Ngân Sơn table: six false `duplicate` errors, two years
 * unchecked, a real sum error passed as "no errors").
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('years down a wide table', () => {
  it('a Năm column with the year on the first row of each block', async () => {
    const r = await check('Năm;Chỉ tiêu;Xã A;Xã B;Toàn huyện\nNăm 2017;Tổng số hộ;1000;2000;3000\n;Hộ nghèo;120;300;420\nNăm 2018;Tổng số hộ;1010;2020;3030\n;Hộ nghèo;100;280;390\n');
    expect(problems(r)).toEqual(['error sum E5']);
    expect(r.annex!.indicators).toEqual(['households@2017', 'poor@2017', 'households@2018', 'poor@2018']);
  });

  it('the year in each row label', async () => {
    const r = await check('Chỉ tiêu;Xã A;Xã B;Toàn huyện\nTổng số hộ năm 2017;1000;2000;3000\nSố hộ nghèo năm 2017;120;300;420\nTổng số hộ năm 2018;1010;2020;3030\nSố hộ nghèo năm 2018;100;280;390\n');
    expect(problems(r)).toEqual(['error sum D5']);
  });

  it('a heading row of the year over its rows; each year\'s rate over its own households', async () => {
    const r = await check('Chỉ tiêu;Xã A;Xã B;Toàn huyện\nNăm 2017;;;\nTổng số hộ;1000;2000;3000\nSố hộ nghèo;120;300;420\nTỷ lệ hộ nghèo (%);12,00;15,00;14,00\nNăm 2018;;;\nTổng số hộ;1010;2020;3030\nSố hộ nghèo;101;280;381\nTỷ lệ hộ nghèo (%);10,00;13,86;12,87\n');
    expect(problems(r)).toEqual(['error rate D9']);
    expect(r.findings.filter((f) => f.rule === 'unknown')).toEqual([]);
  });

  it('one year only is the table\'s year: no year in the slots', async () => {
    const r = await check('Chỉ tiêu;Xã A;Xã B;Toàn huyện\nTổng số hộ năm 2017;1000;2000;3000\nSố hộ nghèo năm 2017;120;300;420\n');
    expect(r.annex!.indicators).toEqual(['households', 'poor']);
    expect(problems(r)).toEqual([]);
  });

  it('the same indicator twice in one year is still a duplicate', async () => {
    const r = await check('Năm;Chỉ tiêu;Xã A;Xã B;Toàn huyện\nNăm 2017;Tổng số hộ;1000;2000;3000\n;Tổng số hộ;1000;2000;3000\n;Hộ nghèo;120;300;420\nNăm 2018;Tổng số hộ;1010;2020;3030\n;Hộ nghèo;100;280;380\n');
    expect(problems(r)).toEqual(['error duplicate B3']);
  });
});

describe('a plan\'s years as rows under `Kế hoạch năm` (Đắk Nông 2023–2024, helper-86)', () => {
  it('reads the years as the rows\' names and the end of the year before as the start: no row without a name, no false fall', async () => {
    const { gridFromAnyBytes } = await import('../../src/read/index.js');
    const { checkGrid } = await import('../../src/check-grid.js');
    const csv = [
      'Kế hoạch năm;Số hộ nghèo cuối năm trước (theo kết quả rà soát);Tỷ lệ hộ nghèo cuối năm trước (%);Phấn đấu giảm tỷ lệ hộ nghèo từ … trở lên (%);Tương ứng số hộ nghèo giảm trên (hộ);Số hộ nghèo cuối năm kế hoạch;Tỷ lệ hộ nghèo cuối năm kế hoạch (%)',
      '2023;13.342;7,97;3;4.990;8.352;4,97',
      '2024;8.838;5,18;2;3.415;5.423;3,15',
    ].join('\r\n');
    const r = await checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 'dak-nong.csv' }));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.annex!.indicators.slice(0, 2).map(String)).toEqual(expect.arrayContaining([expect.stringMatching(/^poor_start/), expect.stringMatching(/^rate_start/)]));
  });
});
