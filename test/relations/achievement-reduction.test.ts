/**
 * An achievement of a target (`Tỷ lệ đạt so với chỉ tiêu (%)`) beside the table's only reduction, of a group
 * (`Tỷ lệ giảm nghèo vùng đồng bào DTTS ước năm 2023 (%)`, a published 2023 table of 17 provinces): checked against
 * that reduction (it was "not run: no unit has the values it needs"). And a table of reductions without start and
 * end rates says once that rate-change has nothing to compare with, not "B17 is blank" for each blank reduction.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check } from '../helpers.js';

const table = (head: string, trị: string) =>
  [`Tỉnh;${head};Chỉ tiêu giảm tỷ lệ hộ nghèo giao đầu năm (%);Tỷ lệ đạt so với chỉ tiêu (%)`, 'Thừa Thiên Huế;11,04;3;368', 'Quảng Nam;7;3;233,3', `Quảng Trị;4,1;3;${trị}`, 'Khánh Hoà;6;4,5;133,3', 'Hà Tĩnh;;;75'].join('\n');

describe('an achievement beside the table\'s only reduction', () => {
  it('of a group: checked against it, a slip found at its cell', async () => {
    const head = 'Tỷ lệ giảm nghèo vùng đồng bào DTTS ước năm 2023 (%)';
    const ok = await check(table(head, '136,7'));
    expect(ok.coverage.ran).toContain('achievement');
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const slip = await check(table(head, '163,7'));
    expect(slip.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected}`)).toEqual(['achievement D4 136.7']);
  });

  it('with its plan headed `Kế hoạch (%)` beside the reduction: that reduction\'s target, checked', async () => {
    const head = 'Tỷ lệ giảm nghèo vùng đồng bào DTTS ước năm 2023 (%);Kế hoạch (%);Đạt so với kế hoạch (%)';
    const rows = (trị: string) => [`Tỉnh;${head}`, 'Thừa Thiên Huế;11,04;3;368', 'Quảng Nam;7;3;233,3', `Quảng Trị;4,1;3;${trị}`, 'Khánh Hoà;6;4,5;133,3'].join('\n');
    const ok = await check(rows('136,7'));
    expect(ok.annex.indicators).toContain('em_poor_rate_reduced_target');
    expect(ok.coverage.ran).toContain('achievement');
    expect((await check(rows('163,7'))).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected}`)).toEqual(['achievement D4 136.7']);
  });

  it('without start and end rates, rate-change is said not to run once, for the table', async () => {
    const r = await check(table('Giảm (điểm %)', '136,7'));
    const skips = r.skipped.filter((s) => s.rule === 'rate-change');
    expect(skips.map((s) => `${s.unit ?? '-'} ${s.msg.id}`)).toEqual(['- skip.absent']);
    expect(r.coverage.notRun.map((n) => n.check)).toEqual(['rate-change']);
  });
});
