/**
 * Which tables are annex tables (model/indicators.ts `isAnnexShaped`): one of the annex's counts and the households
 * its rates are over. An article's table of end-of-year counts and rates, or with a reduction column, and no
 * households is not one: the households its rates imply are checked (a wrong near-poor rate passed before), and
 * its blank cells are figures it does not print, not errors.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('tables without households are not annex tables', () => {
  it('a reduction column does not turn off the households the rates imply (Bình Thuận 2020: a wrong near-poor rate passed)', async () => {
    const head = 'Đơn vị;Hộ nghèo;Tỷ lệ hộ nghèo (%);Hộ cận nghèo;Tỷ lệ hộ cận nghèo (%);Số hộ nghèo giảm so với năm 2016';
    const r = await check([head, 'Toàn tỉnh;6.323;1,92;15.173;4,91;2.545'].join('\n'));
    expect(problems(r)).toEqual(['error implied-households C2']);
    const right = await check([head, 'Toàn tỉnh;6.323;1,92;15.173;4,61;2.545'].join('\n'));
    expect(problems(right)).toEqual([]);
    expect(right.coverage.ran).toContain('implied-households');
  });

  it('end-of-year counts and rates: their households are implied and compared (Tri Tôn: 37.800 near-poor for 3.780)', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%);Số hộ cận nghèo cuối năm;Tỷ lệ hộ cận nghèo cuối năm (%)', 'Huyện Tri Tôn;2.900;8,65;37.800;11,27'].join('\n'));
    expect(problems(r)).toEqual(['error implied-households C2']);
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['D2', '3780']]);
  });

  it('blank cells of an article\'s table with a reduction column are figures it does not print, not errors', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Số hộ nghèo giảm;Tỷ lệ hộ nghèo giảm (%)', 'Huyện X;3.594;;5,15', 'Xã A;;87;9,10', 'Xã B;;;7,70'].join('\n'));
    expect(problems(r)).toEqual([]);
  });

  it('the annex\'s whole block of poor households without its households rows is an annex that lacks them: said so', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo đầu năm (%);Tỷ lệ hộ nghèo cuối năm (%)', 'Toàn tỉnh;300;30;270;10,00;9,00', 'Xã A;100;10;90;10,00;9,00', 'Xã B;200;20;180;10,00;9,00'].join('\n'));
    expect(problems(r)).toEqual(['warning missing -', 'warning missing -']);
    expect(r.coverage.notRun.map((n) => n.check)).toContain('rate');
  });

  it('an annex table keeps its blanks as errors and its missing counts as warnings', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ nghèo giảm', 'Toàn tỉnh;3.000;300;10,00;30', 'Xã A;1.000;100;10,00;10', 'Xã B;2.000;200;10,00;'].join('\n'));
    expect(problems(r)).toContain('error missing E4');
  });
});

describe('the sums of a table whose total lists no units', () => {
  it('are not run, and the reason names the total instead of saying no unit is the total', async () => {
    const r = await check(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ nghèo giảm', 'Toàn tỉnh;1.000;100;10,00;5'].join('\n'));
    const sum = r.coverage.notRun.find((n) => n.check === 'sum')!;
    expect(renderSkip(sum.reason, makeFmt('en'))).toBe('Toàn tỉnh is the total, but the table lists no units under it to add up');
    expect(renderSkip(sum.reason, makeFmt('vi'))).toBe('Toàn tỉnh là tổng nhưng bảng không liệt kê đơn vị nào thuộc Toàn tỉnh để cộng lại');
  });

  it('a list of units without a total says so', async () => {
    const r = await check(['Xã;Số hộ nghèo đầu năm;Số hộ nghèo cuối năm', 'Xã A;80;45', 'Xã B;60;40'].join('\n'));
    const sum = r.coverage.notRun.find((n) => n.check === 'sum')!;
    expect(renderSkip(sum.reason, makeFmt('en'))).toMatch(/^no unit is the total \(none is named as one: Toàn tỉnh/);
  });

  it('a total over one unit says "the one unit under it", not "the 1 units add up"', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn huyện;30;20', 'Xã A;30;25'].join('\n'));
    const f = r.findings.find((x) => x.rule === 'sum')!;
    expect(renderMessage(f.msg, makeFmt('en'))).toBe('Near-poor households: the one unit under it holds 25, but Toàn huyện shows 20 (difference -5).');
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe('Số hộ cận nghèo: đơn vị trực thuộc duy nhất ghi 25, nhưng Toàn huyện ghi 20 (chênh lệch -5).');
  });
});

describe('one unit named under its parent', () => {
  it('differing in every count: a part of it (an article\'s one district), not added up; repeating a count: its whole list', async () => {
    const part = await check(['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn tỉnh;57.180;43.316', 'Huyện Ea Súp;7.849;3.120'].join('\n'));
    expect(problems(part)).toEqual([]);
    expect(part.coverage.ran).toContain('sum');
    const sum = part.skipped.find((s) => s.rule === 'sum')!;
    expect(renderSkip(sum.msg, makeFmt('en'))).toBe('the table names one unit under it (Huyện Ea Súp): a part of it or a row printed for comparison, not its whole list; only checked that the units listed add up to no more than it');
    // More than its parent: a slip (helper-88's e5f, Thới Bình's 12.663 poor households in a province of 9.604).
    const more = await check(['Đơn vị;Hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;9.604;3,14', 'Huyện Thới Bình;12.663;10,76'].join('\n'));
    expect(problems(more)).toEqual(['error sum B2']);
    const whole = await check(['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn huyện;30;20', 'Xã A;30;25'].join('\n'));
    expect(problems(whole)).toEqual(['error sum C2']);
  });
});

