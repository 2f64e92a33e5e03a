/**
 * A table of units by year whose year columns say what their figures are (helper-79 d06, d09, d10): `Sơ bộ - 2020`
 * (a yearbook's last column), `Prel. 2020`, `Thực hiện năm 2022` are years; a `Kế hoạch năm 2023` beside them is a
 * plan, reported as one. They made the table unreadable or the year "not understood".
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check } from '../helpers.js';

describe('year headings with a word of what their figures are', () => {
  it.each([
    ['Sơ bộ - 2020', 'Tỷ lệ hộ nghèo (%);;;\n;2018;2019;Sơ bộ - 2020\nToàn tỉnh;14,0;12,0;10,5\nHuyện A;13,0;11,0;10,0\nHuyện B;15,0;13,0;11,0\n'],
    ['Prel. 2020', 'Poverty rate by district (%),,,\nDistrict,2018,2019,Prel. 2020\nProvince,14.0,12.0,10.5\nDistrict A,13.0,11.0,10.0\nDistrict B,15.0,13.0,11.0\n'],
    ['Thực hiện năm 2020', 'Tỷ lệ hộ nghèo (%);;;\nĐơn vị;Năm 2018;Năm 2019;Thực hiện năm 2020\nToàn tỉnh;14,0;12,0;10,5\nHuyện A;13,0;11,0;10,0\nHuyện B;15,0;13,0;11,0\n'],
  ])('%s is the year 2020', async (_name, csv) => {
    const r = await check(csv);
    expect(r.annex!.indicators).toEqual(['rate@2018', 'rate@2019', 'rate@2020']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a plan year beside them is reported as a plan, its column not read', async () => {
    const r = await check('Tỷ lệ hộ nghèo (%);;;\nĐơn vị;Năm 2021;Thực hiện năm 2022;Kế hoạch năm 2023\nToàn huyện;13,25;11,05;9,00\nHuyện A;12,50;10,20;8,00\nHuyện B;14,00;11,90;10,00\n');
    expect(r.annex!.indicators).toEqual(['rate@2021', 'rate@2022']);
    expect(r.findings.filter((f) => f.rule === 'unknown').map((f) => [f.at?.ref, (f.msg.params as { kind?: string }).kind])).toEqual([['D2', 'planYear']]);
    expect(r.coverage.ran).toContain('rate-mean');
  });
});
