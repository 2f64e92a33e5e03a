/**
 * Rows listed under a count that are groups picked out by a trait (`- Đồng bào DTTS`, `- Hộ có thành viên là người
 * có công`) overlap and leave the other households out: each is "of which" the count, they need not add up to it
 * (224 poor households, 219 of them ethnic-minority, 2 with a member of merit was a false `breakdown` error).
 * A list with a complement (`- Không thuộc …`) or under a `phân theo` heading still splits the count.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const table = (rows: string[]) => ['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Số hộ nghèo cuối năm;224;3,3', ...rows].join('\n');

describe('groups of a count picked out by a trait', () => {
  it('are "of which" the count: no sum asked of them, each at most it', async () => {
    const r = await check(table(['- Đồng bào DTTS;219;97,8', '- Hộ có thành viên là người có công;2;0,9']));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('of-which');
    expect(r.coverage.ran).not.toContain('breakdown');
    expect(problems(await check(table(['- Đồng bào DTTS;229;97,8', '- Hộ có thành viên là người có công;2;0,9'])))).toContain('error of-which B3');
  });

  it('a list with a complement still splits the count (they add up)', async () => {
    const rows = (b: string) => ['- Thuộc chính sách bảo trợ xã hội;24;10,7', `- Không thuộc chính sách bảo trợ xã hội;${b};89,3`];
    expect(problems(await check(table(rows('200'))))).toEqual([]);
    expect(problems(await check(table(rows('210'))))).toContain('error breakdown B2');
  });

  it('rows that name no trait (causes) still add up', async () => {
    expect(problems(await check(table(['- Do thiếu vốn;200;89,3', '- Do ốm đau;34;15,2'])))).toContain('error breakdown B2');
  });
});
