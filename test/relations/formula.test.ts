/**
 * The forms' column formulas (`5=4/2`, `11=10/1`, `3=2/1*100`) as the published tables print them: a quotient over a
 * column in % is a percentage with or without its "× 100", and a formula over a column povcheck does not read is
 * not checked (its number is that column, never the constant 1). Hướng Hóa's 2016 review table (a real published
 * table) gave 12 errors for its one slip.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected ?? ''}`);

const HEAD = ['TT;Đơn vị;Hộ nghèo đầu năm;;Hộ thoát nghèo;', ';;Số hộ;Tỷ lệ;Số hộ;Tỷ lệ'];

describe('column formulas as the forms print them', () => {
  it('a quotient over a column in % is a percentage without its × 100 (5=4/2: the exits over the poor at the start)', async () => {
    const ok = await check([...HEAD, 'A;B;1;2;3;4=3/1', '1;Xã A;577;10,92;108;18,72', '2;Xã B;6.118;43,49;526;8,60'].join('\n'));
    expect(errors(ok)).toEqual([]);
    expect(ok.coverage.ran).toContain('formula');
    const slip = await check([...HEAD, 'A;B;1;2;3;4=3/1', '1;Xã A;577;10,92;108;18,72', '2;Xã B;6.118;43,49;526;8,06'].join('\n'));
    expect(errors(slip)).toEqual(['formula F5 8.60']);
  });

  it('the same with the × 100 written', async () => {
    const r = await check([...HEAD, 'A;B;1;2;3;4=3/1*100', '1;Xã A;577;10,92;108;18,27'].join('\n'));
    expect(errors(r)).toEqual(['formula F4 18.72']);
  });

  it('a formula over a column whose label is not read is not checked, not read as a constant', async () => {
    const r = await check(['TT;Đơn vị;Tổng hộ dân;Hộ nghèo cuối năm;', ';;;Số hộ;Tỷ lệ', 'A;B;1;2;3=2/1', '1;Xã A;5.714;511;8,94', '2;Xã B;14.638;5.833;39,85'].join('\n'));
    expect(errors(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('formula');
  });
});
