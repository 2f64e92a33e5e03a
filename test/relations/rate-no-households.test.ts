/**
 * A rate over no households (a commune with 0 households and 0 poor) has no value but 0: a printed 5,00 passed
 * while the report said every rate check ran. Now it is a `rate` error at its cell, 0 is the localised fix, and
 * `table` prints 0,00 there instead of refusing the whole table.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const HEAD = 'STT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)';
const table = (b: string) => [HEAD, '1;Xã A;1.200;120;10,00', `2;Xã B;${b}`, '3;Xã C;800;40;5,00', ';Tổng;2.000;160;8,00'].join('\n');
const rateErrors = (r: CheckResult) => r.findings.filter((f) => f.rule === 'rate').map((f) => `${f.at?.ref} ${f.msg.id} ${f.expected} ${f.actual}`);

describe('a rate over no households', () => {
  it('0 households, 0 poor, a rate of 5,00: an error at the rate, 0 its fix', async () => {
    const r = await check(table('0;0;5,00'));
    expect(rateErrors(r)).toEqual(['E3 rate.no-households 0 5.00']);
    expect(r.localisation.causes[0]?.cells.map((c) => `${c.cell.ref} ${c.proposed}`)).toEqual(['E3 0.00']);
  });

  it('0 households, 0 poor, a rate of 0 or 0,00: checked, no finding (no precision warning on an exact 0)', async () => {
    for (const printed of ['0', '0,00']) {
      const r = await check(table(`0;0;${printed}`));
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(r.coverage.ran).toContain('rate');
    }
  });

  it('poor households over 0 households are range\'s error, not a second rate error', async () => {
    const r = await check(table('0;5;5,00').replace('160;8,00', '165;8,25'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['range D3']);
  });
});
