/**
 * An exit's rate printed as a share of the poor households (Vietnamese reports' "tỷ lệ hộ thoát nghèo"), not a
 * rate over all households: found and said as a warning naming that base, with or without households printed.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref} ${f.msg.id}`);

describe('an exit rate that is a share of the poor households', () => {
  it('with households printed: a denominator warning naming the end count with the exits added back', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ thoát nghèo;Tỷ lệ hộ thoát nghèo (%)', 'Toàn tỉnh;423.000;25.650;6,06;6.256;19,84'].join('\n'));
    expect(problems(r)).toEqual(['warning denominator F2 implied-households.flow-share']);
    expect(r.findings[0]!.msg.params).toMatchObject({ stock: 'C2', base: '31906', withExits: true });
  });

  it('without households: the same, from the implied households of the unit\'s other rates', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%);Số hộ thoát nghèo;Tỷ lệ hộ thoát nghèo (%)', 'Toàn tỉnh;25.650;6,06;10.922;2,58;6.256;19,84'].join('\n'));
    expect(problems(r)).toEqual(['warning denominator G2 implied-households.flow-share']);
  });

  it('over the start-of-year poor households when the table prints them', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo đầu năm;Số hộ thoát nghèo;Tỷ lệ hộ thoát nghèo (%)', 'Toàn tỉnh;423.000;31.540;6.256;19,84'].join('\n'));
    // (An annex-shaped table without the end count: its missing indicators are warned of too.)
    expect(problems(r).filter((p) => !p.includes(' missing '))).toEqual(['warning denominator E2 implied-households.flow-share']);
    expect(r.findings.find((f) => f.rule === 'denominator')!.msg.params).toMatchObject({ stock: 'C2', base: '31540' });
  });

  it('an exit rate near neither the households nor the poor stays an error', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ thoát nghèo;Tỷ lệ hộ thoát nghèo (%)', 'Toàn tỉnh;423.000;25.650;6,06;6.256;9,84'].join('\n'));
    expect(problems(r)).toEqual(['error rate F2 rate.mismatch-of']);
  });
});
