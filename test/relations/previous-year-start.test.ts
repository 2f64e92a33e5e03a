/**
 * A year's start printed as the end of the year before (`Tổng số hộ nghèo cuối năm 2021 | Hộ nghèo phát sinh năm
 * 2022 | Hộ thoát nghèo năm 2022 | Tổng số hộ nghèo cuối năm 2022`, Thuận Bắc 2022): the gross balance and the net
 * flow run from it, and so does the fall of the rate. They ran only from a column named the start of 2022, and the file was "nothing could be
 * checked" with a slip in it.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const GROSS = 'Đơn vị;Tổng số hộ nghèo cuối năm 2021;Hộ nghèo phát sinh năm 2022;Hộ thoát nghèo năm 2022;Tổng số hộ nghèo cuối năm 2022';

describe('last year’s end as this year’s start', () => {
  it('the gross balance holds: checked, quiet', async () => {
    const r = await check(`${GROSS}\nHuyện Thuận Bắc;2.597;35;502;2.130\n`);
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('balance');
  });

  it('a slip in it is an error at the end of the year', async () => {
    const r = await check(`${GROSS}\nHuyện Thuận Bắc;2.597;35;502;2.230\n`);
    expect(problems(r)).toEqual(['error balance E2']);
    expect(r.findings.find((f) => f.rule === 'balance')).toMatchObject({ expected: '2130', actual: '2230' });
  });

  it('the net flow too (cuối năm 2021 − giảm năm 2022 = cuối năm 2022)', async () => {
    const head = 'Đơn vị;Số hộ nghèo cuối năm 2021;Số hộ nghèo giảm năm 2022;Số hộ nghèo cuối năm 2022';
    expect(problems(await check(`${head}\nXã A;300;40;260\n`))).toEqual([]);
    const r = await check(`${head}\nXã A;300;40;250\n`);
    expect(problems(r)).toEqual(['error flow D2']);
  });

  it('the year before only: two years back is no start', async () => {
    const r = await check('Đơn vị;Tổng số hộ nghèo cuối năm 2020;Hộ nghèo phát sinh năm 2022;Hộ thoát nghèo năm 2022;Tổng số hộ nghèo cuối năm 2022\nHuyện A;2.597;35;502;2.230\n');
    expect(r.coverage.ran).not.toContain('balance');
  });

  it('the fall of the rate runs from last year’s end rate (helper-79: 12,50 − 10,00 printed 2,00 was not checked)', async () => {
    const r = await check('Đơn vị;Tỷ lệ hộ nghèo cuối năm 2021 (%);Tỷ lệ hộ nghèo cuối năm 2022 (%);Mức giảm tỷ lệ hộ nghèo năm 2022 (%)\nHuyện A;12,50;10,00;2,00\nHuyện B;8,00;7,00;1,00\n');
    expect(problems(r)).toEqual(['error rate-change D2']);
  });

  it('a unit whose start of the year is blank starts from last year’s end (helper-79 e06: Xã A was never looked at)', async () => {
    const gross = await check('Đơn vị;Số hộ nghèo cuối năm 2021;Số hộ nghèo đầu năm 2022;Hộ nghèo phát sinh năm 2022;Hộ thoát nghèo năm 2022;Số hộ nghèo cuối năm 2022\nXã A;400;;30;100;340\nXã B;600;600;30;160;470\n');
    expect(problems(gross)).toEqual(['error balance F2']);
    const net = await check('Đơn vị;Số hộ cận nghèo cuối năm 2021;Số hộ cận nghèo đầu năm 2022;Số hộ cận nghèo giảm năm 2022;Số hộ cận nghèo cuối năm 2022\nXã A;400;;100;310\nXã B;600;600;160;440\n');
    expect(problems(net)).toEqual(['error flow E2']);
    // The fall of the rate too.
    const fall = await check('Đơn vị;Tỷ lệ hộ nghèo cuối năm 2021 (%);Tỷ lệ hộ nghèo đầu năm 2022 (%);Tỷ lệ hộ nghèo cuối năm 2022 (%);Mức giảm tỷ lệ hộ nghèo năm 2022 (%)\nXã A;12,50;;10,00;2,00\nXã B;8,00;8,00;7,00;1,00\n');
    expect(problems(fall)).toEqual(['error rate-change E2']);
  });
});
