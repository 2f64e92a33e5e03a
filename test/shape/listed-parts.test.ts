/**
 * Parts listed under a count (src/shape/listed-parts.ts), as rows (wide) or as columns (long): two or more add up to
 * it, one alone is "of which" it, groups named by a trait overlap. The columns `Hộ nghèo về thu nhập | Hộ nghèo thiếu
 * hụt dịch vụ xã hội cơ bản` after `Số hộ nghèo` (helper-76's Quảng Nam 2019) were duplicates of the poor, unchecked,
 * and `table` dropped them.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const HEAD = 'Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Hộ nghèo về thu nhập;Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản\n';

describe('parts of a count given as columns', () => {
  it('the income and deprivation columns add up to the poor', async () => {
    const ok = await check(`${HEAD}Toàn tỉnh;25.650;6,06;25.617;33\n`);
    expect(problems(ok)).toEqual([]);
    expect(ok.coverage.ran).toContain('breakdown');
    const slip = await check(`${HEAD}Toàn tỉnh;25.650;6,06;25.617;30\n`);
    expect(problems(slip)).toEqual(['error breakdown B2']);
  });

  it('one column alone is "of which" the count: at most it', async () => {
    const r = await check('Đơn vị;Số hộ nghèo;Hộ nghèo về thu nhập\nXã A;100;120\nXã B;50;40\n');
    expect(problems(r)).toEqual(['error of-which C2']);
  });

  it('a column named by a trait beside them overlaps: of which, the other two still add up', async () => {
    const r = await check('Đơn vị;Số hộ nghèo;Hộ nghèo về thu nhập;Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;Hộ nghèo dân tộc thiểu số\nXã A;100;70;30;90\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['breakdown']));
  });

  it('an "of which" column heads the parts after it: `Trong đó: thu nhập | thiếu hụt` under a two-row header split the count', async () => {
    const r = await check('TT;Đơn vị;Tổng số hộ;Số hộ nghèo;;\n;;;Tổng số;Trong đó: hộ nghèo về thu nhập;Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản\n;Toàn huyện;10.000;1.200;1.000;210\n1;Xã A;5.000;500;420;80\n2;Xã B;5.000;700;580;130\n');
    expect(problems(r).sort()).toEqual(['error breakdown D3', 'error breakdown D5']);
  });

  it('columns each saying "Trong đó" are subsets each, not a split', async () => {
    const r = await check('Đơn vị;Tổng số hộ;Số hộ nghèo;Trong đó: hộ nghèo về thu nhập;Trong đó: hộ nghèo thiếu hụt dịch vụ xã hội cơ bản\nXã A;1000;100;60;70\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('breakdown');
  });

  it('the same words as the first column are still a duplicate', async () => {
    const r = await check('Đơn vị;Số hộ nghèo;Tổng số hộ;Số hộ nghèo\nXã A;100;1000;100\n');
    expect(problems(r)).toEqual(['error duplicate D1']);
  });
});
