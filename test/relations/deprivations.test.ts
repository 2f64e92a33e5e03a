/**
 * Poor households by deprivation (`Số hộ nghèo thiếu hụt …`, one column per indicator of the standard): each a
 * group of the poor, overlapping the others (a poor household lacks three or more), never their breakdown. Read as
 * the poor's parts, their sum was compared with the poor (three false `breakdown` errors on a consistent table).
 */
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../helpers.js';

const TABLE = [
  'Đơn vị;Số hộ nghèo;Số hộ nghèo thiếu hụt về chất lượng nhà ở;Số hộ nghèo thiếu hụt diện tích nhà ở bình quân đầu người;Số hộ nghèo thiếu hụt dịch vụ viễn thông',
  'Toàn huyện;300;120;90;200',
  'Xã A;100;40;30;70',
  'Xã B;200;80;60;130',
].join('\n');

describe('poor households by deprivation', () => {
  it('are groups of the poor, not summed to it: no breakdown error; the units still add up', async () => {
    const r = await checkCsv(TABLE);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'unknown').map((f) => f.at?.ref)).toEqual(['C1', 'D1', 'E1']);
    expect(r.coverage.ran).toContain('sum');
    expect(r.coverage.ran).not.toContain('breakdown');
  });
});
