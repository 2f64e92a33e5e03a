/**
 * A spreadsheet's error value where a figure goes (`#DIV/0!` in a CSV saved from Excel, `Err:502` from
 * LibreOffice): an error that names it and what it means, not only "not a number"; the other checks run.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { spreadsheetError } from '../../src/shape/numbers.js';
import { checkCsv as check } from '../helpers.js';

describe('spreadsheetError', () => {
  it.each([
    ['#DIV/0!', '#DIV/0!'],
    [' #ref! ', '#REF!'],
    ['#N/A', '#N/A'],
    ['#NAME?', '#NAME?'],
    ['#SPILL!', 'other'],
    ['#GETTING_DATA', undefined],
    ['Err:502', 'other'],
    ['#1', undefined],
    ['#', undefined],
    ['n/a', undefined],
    ['4,40', undefined],
    ['#DIV/0! (sai)', undefined],
  ])('%j → %s', (text, kind) => {
    expect(spreadsheetError(text)).toBe(kind);
  });
});

describe('a spreadsheet error where a figure goes', () => {
  const csv = ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;3.000;181;6,03', 'Xã A;1.000;44;4,40', 'Xã B;2.000;137;#DIV/0!'].join('\n');

  it('is an error at its cell saying which error and what it means, in both languages; the sums still run', async () => {
    const r = await check(csv);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.msg.id} ${f.at?.ref}`)).toEqual(['number.spreadsheet-error D4']);
    expect(renderMessage(errors[0]!.msg, makeFmt('en'))).toBe('Xã B, poverty rate: the cell shows the spreadsheet error #DIV/0! (a formula divided by an empty or zero cell), not a figure; correct the formula or type the figure.');
    expect(renderMessage(errors[0]!.msg, makeFmt('vi'))).toBe('Xã B, tỷ lệ hộ nghèo: ô hiện lỗi #DIV/0! của bảng tính: công thức chia cho ô trống hoặc bằng 0; đây không phải là số liệu. Sửa công thức hoặc nhập số liệu.');
    expect(r.coverage.ran).toContain('sum');
  });

  it('a text that is no error value stays "not a number"', async () => {
    const r = await check(csv.replace('#DIV/0!', 'chưa có'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.msg.id)).toEqual(['number.text']);
  });
});
