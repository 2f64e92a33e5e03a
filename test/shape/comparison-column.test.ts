/**
 * `So sánh (%)` (`SS`) compares two other columns (this year's poor against last year's, the result against the
 * plan): it was read as the poverty rate from its `%` alone and checked so (rate-mean, precision, and over the
 * households a rate), a check on a column misread. Now reported as a comparison, not checked.
 */
import { describe, expect, it } from 'vitest';
import { featuresOf, recognise } from '../../src/shape/words.js';
import { checkCsv as check } from '../helpers.js';

describe('a comparison column', () => {
  it('names no indicator', () => {
    for (const t of ['So sánh (%)', 'SS 2023/2022 (%)', 'So sánh với kế hoạch']) {
      expect(featuresOf(t).compared).toBe(true);
      expect(recognise(t)).toBeUndefined();
    }
    expect(recognise('Tỷ lệ (%)')?.key).toBe('rate');
  });

  it('`Chỉ tiêu (%)` is a target, not the poverty rate (`Chỉ tiêu` alone stays the labels\' heading)', () => {
    expect(featuresOf('Chỉ tiêu (%)').role).toBe('target');
    // The same once the features' prefilter is built (after 400 texts read: words.ts PREFILTER_AFTER), where a text
    // no rule matches takes a shorter way.
    for (let i = 0; i < 450; i++) featuresOf(`Xã Tân Lập ${i} ${'abc'.repeat(i % 7)}`);
    expect(featuresOf('Chỉ tiêu (%) ').role).toBe('target');
    expect(recognise('Chỉ tiêu (%)')?.key).not.toBe('rate');
    expect(featuresOf('Chỉ tiêu')).toEqual({});
  });

  it('beside households and the poor is not checked as their rate', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;So sánh (%)', 'Xã A;1.000;150;75,0', 'Xã B;1.000;90;90,0', 'Tổng;2.000;240;80,0'].join('\n'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'unknown').map((f) => `${f.at?.ref} ${f.msg.id}`)).toEqual(['D1 unknown.column']);
    expect(r.annex.indicators).not.toContain('rate');
  });
});
