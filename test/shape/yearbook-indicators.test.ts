/**
 * A yearbook's indicator rows under years (`Chỉ tiêu | 2018 | 2019 | 2020`; income, the human development index, the
 * poverty rate …): the poverty rate read by year, the other rows reported. They were read as units with the years
 * as poverty rates (income 5.505 "outside 0–100", three false errors and precision warnings), or, rows in another
 * order, "cannot be read: the file mixes both number formats" (found by a helper on Đà Nẵng's yearbook).
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const HDI = 'Chỉ số phát triển con người;0,773;0,778;0,779';
const INCOME = 'Thu nhập bình quân đầu người một tháng (nghìn đồng);5.505;6.057;5.284';
const RATE = 'Tỷ lệ hộ nghèo tiếp cận đa chiều (%);0,89;0,69;0,51';

describe('a yearbook\'s indicator rows under years', () => {
  it.each([
    ['the rate last', ['Chỉ tiêu;2018;2019;2020', HDI, INCOME, RATE]],
    ['the rate first', ['Chỉ tiêu;2018;2019;2020', RATE, INCOME]],
    ['under a title, no label header, a preliminary year', ['Một số chỉ tiêu xã hội chủ yếu;;;', ';2018;2019;Sơ bộ - 2020', HDI, INCOME, RATE]],
  ])('%s: the poverty rate by year, the other rows reported, no error', async (_, rows) => {
    const r = await check(rows.join('\n'));
    expect(r.annex?.layout).toBe('wide');
    expect(r.annex?.indicators).toEqual(['rate@2018', 'rate@2019', 'rate@2020']);
    expect(problems(r).filter((p) => !p.startsWith('warning unknown'))).toEqual([]);
  });

  it('a table of units with years as columns and rates in one format is read as before', async () => {
    const r = await check('Tỉnh;2018;2019\nHà Giang;23,5;18,1\nCao Bằng;20,1;17,0\n');
    expect(r.annex?.layout).toBe('long');
    expect([...r.annex!.units].map((u) => u.name)).toEqual(['Hà Giang', 'Cao Bằng']);
  });
});
