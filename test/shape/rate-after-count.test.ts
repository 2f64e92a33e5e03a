/**
 * A rate whose label names only its whole, the households of the count before it (`Tỷ lệ trong tổng số hộ DTTS (%)`
 * after `Số hộ nghèo DTTS`, as Điện Biên 2018 prints it), is that count's rate over them: it was "not a known
 * indicator" and never checked. A label naming all households after the poor is the poverty rate; one naming the
 * poor is a share (share.test.ts); households of another population are nothing.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { namedByWhole } from '../../src/shape/words.js';
import { checkCsv as check } from '../helpers.js';

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected}`);

describe('a rate named by its whole after a count', () => {
  it('reads the label after the count it follows', () => {
    const emPoor = { population: 'em_poor', time: 'point' } as const;
    expect(namedByWhole('Tỷ lệ trong tổng số hộ DTTS (%)', emPoor)?.key).toBe('em_poor_rate');
    expect(namedByWhole('Tỷ lệ so với tổng số hộ dân tộc thiểu số', emPoor)?.key).toBe('em_poor_rate');
    expect(namedByWhole('Tỷ lệ so với tổng số hộ (%)', { population: 'poor', time: 'end' })?.key).toBe('rate_end');
    // All households after the ethnic-minority poor, ethnic-minority households after the poor: not their rate.
    expect(namedByWhole('Tỷ lệ trong tổng số hộ (%)', emPoor)).toBeUndefined();
    expect(namedByWhole('Tỷ lệ trong tổng số hộ DTTS (%)', { population: 'poor', time: 'point' })).toBeUndefined();
  });

  it('checks it over the ethnic-minority households, in a long and in a wide table', async () => {
    const long = ['Đơn vị;Tổng số hộ DTTS;Số hộ nghèo DTTS;Tỷ lệ trong tổng số hộ DTTS (%)', 'Huyện A;8.000;1.900;27,35', 'Huyện B;3.000;450;15,00', 'Tổng;11.000;2.350;21,36'].join('\n');
    expect(errors(await check(long))).toEqual(['rate D2 23.75']);
    const wide = ['Chỉ tiêu;Huyện A;Huyện B', 'Tổng số hộ DTTS;8.000;3.000', 'Số hộ nghèo DTTS;1.900;450', 'Tỷ lệ trong tổng số hộ DTTS (%);23,75;51,00'].join('\n');
    expect(errors(await check(wide))).toEqual(['rate C4 15.00']);
  });
});
