/**
 * A dash where a figure goes is "none", as statistical tables write it (Hướng Hóa 2016: `-` households back among
 * the poor, with the rate 0,00 beside it): read as 0 (a rate as 0,00), said once for the table, and the checks that
 * read the cell run. An `x` marks no figure: said, and nothing is checked over it.
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
  it('is a rate of 0,00 beside no poor households: no error (helper-87: a township with no poor households)', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;300;10;3,33', 'Xã A;100;-;-', 'Xã B;200;10;5,00'].join('\n'));
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.coverage.ran).toContain('rate');
    expect(r.findings.map((f) => `${f.msg.id} ${f.at?.ref}`)).toEqual(['number.dash C3']);
  });

  it('beside poor households is a rate of 0,00 at two decimals, whose check fails (not a rate of 0 at no decimals, which 0,30 % would round to)', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;3.000;13;0,43', 'Xã A;1.000;3;-', 'Xã B;2.000;10;0,50'].join('\n'));
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref} ${f.expected}`)).toEqual(['error rate D3 0.30']);
  });
});

describe('an x where a figure goes', () => {
  it('marks no figure (not applicable or not published): an info, not an error, and the checks over it do not run', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;3.000;181;6,03', 'Xã A;1.000;x;x', 'Xã B;2.000;137;6,85'].join('\n'));
    expect(r.findings.map((f) => `${f.severity} ${f.msg.id} ${f.at?.ref}`)).toEqual(['info number.not-applicable C3', 'info number.not-applicable D3']);
    expect(r.skipped.map((s) => s.rule)).toEqual(['sum']);
    expect(renderMessage(r.findings[0]!.msg, makeFmt('en'))).toBe('Xã A, poor households: "x" marks no figure (not applicable or not published), as statistical tables write it; the checks over this cell do not run.');
  });
});

