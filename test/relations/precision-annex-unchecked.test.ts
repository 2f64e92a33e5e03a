/**
 * The annex's own rates are checked at ≥ 2 decimals by rate and rate-change where the unit prints their inputs;
 * where it does not (Ninh Thuận's fall `1,6` against 2018, a year the table does not print), a rate with fewer
 * decimals than the table's others is a precision warning, as the same fall of the near-poor already was.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const precision = (r: CheckResult) => r.findings.filter((f) => f.rule === 'precision');

const HEADER = 'Đơn vị;Tổng số hộ dân cư;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Tỷ lệ hộ nghèo giảm so với năm 2018 (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%);Tỷ lệ hộ cận nghèo giảm so với năm 2018 (%)\n';

describe('an annex rate nothing checks', () => {
  it('a fall against a year not printed, with one decimal among two: a warning saying nothing checks it', async () => {
    const r = await check(HEADER + 'Toàn tỉnh;176.822;11.925;6,74;1,6;14.176;8,02;1,15\n');
    expect(precision(r).map((f) => f.at?.ref)).toEqual(['E2']);
    expect(precision(r)[0]!.msg.params).toMatchObject({ indicator: 'rate_reduced', actual: '1.6', decimals: 1, usual: 2, unchecked: true });
  });

  it('the near-poor fall as before: a warning, checked at the precision printed', async () => {
    const r = await check(HEADER + 'Toàn tỉnh;176.822;11.925;6,74;1,60;14.176;8,02;1,2\n');
    expect(precision(r).map((f) => f.at?.ref)).toEqual(['H2']);
    expect(precision(r)[0]!.msg.params).not.toHaveProperty('unchecked');
  });

  it('a fall rate-change checks (both rates printed): no precision warning', async () => {
    const r = await check('Đơn vị;Tổng số hộ;Tỷ lệ hộ nghèo đầu năm (%);Tỷ lệ hộ nghèo cuối năm (%);Tỷ lệ hộ nghèo giảm (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)\nToàn tỉnh;176.822;8,34;6,74;1,6;14.176;8,02\n');
    expect(r.coverage.ran).toContain('rate-change');
    expect(precision(r).map((f) => f.at?.ref)).not.toContain('E2');
  });
});
