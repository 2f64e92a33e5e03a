/** A rate printed `0` among rates with a decimal is how statistical tables print none: no precision warning without a count to say otherwise. */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const precision = (r: CheckResult) => r.findings.filter((f) => f.rule === 'precision').map((f) => f.at?.ref);

describe('a rate printed 0', () => {
  it('without a count: no precision warning; another rate with fewer decimals still gets one', async () => {
    const r = await check('Tỉnh;Tỷ lệ hộ nghèo (%)\nBình Dương;0\nĐồng Nai;0,3\nHà Nội;0,4\nĐà Nẵng;1\n');
    expect(precision(r)).toEqual(['B5']);
  });
});
