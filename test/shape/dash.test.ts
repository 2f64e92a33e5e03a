/**
 * A dash where a figure goes is "none", as statistical tables write it (Hướng Hóa 2016: `-` households back among
 * the poor, with the rate 0,00 beside it): read as 0, said once for the table, and the checks that read the cell run.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

describe('a dash where a figure goes', () => {
  const csv = ['Đơn vị;Số hộ tái nghèo;Số hộ nghèo phát sinh', 'Xã A;-;42', 'Xã B;27;–', 'Xã C;—;5', 'Toàn huyện;27;47'].join('\n');

  it('is 0, so the sums over it are checked; one info for the table names the other cells', async () => {
    const r = await check(csv);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
    expect(r.skipped).toEqual([]);
    const dash = r.findings.filter((f) => f.msg.id === 'number.dash');
    expect(dash.map((f) => [f.severity, f.at?.ref])).toEqual([['info', 'B2']]);
    expect(renderMessage(dash[0]!.msg, makeFmt('en'))).toBe('Xã A, households back among the poor: "-" is read as 0 (none), as statistical tables write it; so are 2 other cells (C3, B4).');
    expect(renderMessage(dash[0]!.msg, makeFmt('vi'))).toMatch(/^Xã A, số hộ tái nghèo: "-" được đọc là 0 \(không có\), như cách ghi của bảng thống kê; 2 ô khác cũng vậy \(C3, B4\)\.$/);
  });

  it('a wrong sum over a dash is found, the dash counted as 0', async () => {
    const r = await check(csv.replace('Toàn huyện;27;47', 'Toàn huyện;28;47'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.at?.ref, f.expected])).toEqual([['sum', 'B5', '27']]);
  });
});

describe('a dash where a rate goes', () => {
  it('is not a number (a rate has no digits to check at): an error saying to write 0, not a rate of 0 at no decimals', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;300;15;5,00', 'Xã A;100;5;-', 'Xã B;200;10;5,00'].join('\n'));
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.msg.id} ${f.at?.ref}`)).toEqual(['error number.dash-rate D3']);
    expect(renderMessage(r.findings[0]!.msg, makeFmt('en'))).toBe('Xã A, poverty rate: "-" is not a number; write 0 if the rate is zero.');
  });
});

