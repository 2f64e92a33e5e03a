/**
 * share: a part's share of the population it belongs to = part / whole × 100 at the precision printed (Gia Lai
 * 2015's `Tỷ lệ trong tổng số hộ nghèo`, 31.951 of 36.951 poor households printed 85,94 for 86,47). Rows and
 * columns, the part named in the label or by the count before it; a share of another whole is read, not checked.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const ROWS = (share: string, label = 'Tỷ lệ trong tổng số hộ nghèo') =>
  ['STT;Chỉ tiêu;ĐVT;Toàn tỉnh', '1;Hộ nghèo;Hộ;36.951', ';Tỷ lệ hộ nghèo;%;11,36', ';Số hộ nghèo người dân tộc thiểu số;Hộ;31.951', `;${label};%;${share}`].join('\n');

describe('share, one row per indicator', () => {
  it('holds quietly and counts as a check that ran', async () => {
    const r = await check(ROWS('86,47'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('share');
  });

  it('a wrong share is an error at its cell, worded as part / whole, and localised to it first', async () => {
    const r = await check(ROWS('85,94'));
    expect(problems(r)).toEqual(['error share D5']);
    const f = r.findings.find((x) => x.rule === 'share')!;
    expect(f.expected).toBe('86.47');
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe(
      'Toàn tỉnh: tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo phải là 31.951 / 36.951 × 100 = 86,4685… → 86,47 (mẫu số là số hộ nghèo, làm tròn 2 chữ số thập phân như bảng ghi), nhưng bảng ghi 85,94.',
    );
    expect(r.localisation?.causes[0]?.cells.map((c) => `${c.cell.ref}=${c.proposed}`)).toEqual(['D5=86.47']);
  });

  it('the part named in the label itself, at one decimal', async () => {
    expect(problems(await check(ROWS('86,5', 'Tỷ lệ hộ nghèo DTTS so với tổng số hộ nghèo')))).toEqual([]);
    expect(problems(await check(ROWS('86,4', 'Tỷ lệ hộ nghèo DTTS so với tổng số hộ nghèo')))).toEqual(['error share D5']);
  });

  it('a share whose whole is not the population of the count before it is read, not checked, and the verdict says so', async () => {
    const csv = ['STT;Chỉ tiêu;ĐVT;Toàn tỉnh', '1;Hộ cận nghèo;Hộ;21.956', ';Tỷ lệ hộ cận nghèo;%;6,75', ';Số hộ cận nghèo người dân tộc thiểu số;Hộ;16.077', ';Tỷ lệ trong tổng số hộ nghèo;%;50,00'].join('\n');
    const r = await check(csv);
    expect(problems(r)).toEqual(['warning unknown B5']);
    expect(r.coverage.notUnderstood).toEqual([expect.objectContaining({ text: 'Tỷ lệ trong tổng số hộ nghèo', noIndicator: true })]);
  });
});

describe('share, one column per indicator', () => {
  const HEAD = 'Đơn vị;Số hộ nghèo;Số hộ nghèo DTTS;Tỷ lệ so với tổng số hộ nghèo (%)';
  it('a column naming only its whole measures the count to its left; the units each checked', async () => {
    const r = await check([HEAD, 'Toàn huyện;1.200;900;75,00', 'Xã A;700;600;85,71', 'Xã B;500;300;60,00'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('share');
    const slipped = await check([HEAD, 'Toàn huyện;1.200;900;75,00', 'Xã A;700;600;87,51', 'Xã B;500;300;60,00'].join('\n'));
    expect(problems(slipped)).toEqual(['error share D3']);
  });

  it('a share labelled without `Tỷ lệ` (`Hộ nghèo DTTS so với tổng số hộ nghèo (%)`) is a share, not households "not whole"', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Số hộ nghèo DTTS;Hộ nghèo DTTS so với tổng số hộ nghèo (%)', 'Huyện A;6.325;5.278;83,45', 'Huyện B;1.000;400;40,00'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('share');
    const slipped = await check(['Đơn vị;Số hộ nghèo;Số hộ nghèo DTTS;Hộ nghèo DTTS so với tổng số hộ nghèo (%)', 'Huyện A;6.325;5.278;83,40', 'Huyện B;1.000;400;40,00'].join('\n'));
    expect(problems(slipped)).toEqual(['error share D2']);
  });

  it('a share of a whole the count before it is no part of is not read as that count\'s share (was: the near-poor among the poor and near-poor)', async () => {
    const r = await check(['Đơn vị;Số hộ cận nghèo;Tỷ lệ trong tổng số hộ nghèo (%)', 'Toàn tỉnh;3.000;100,00', 'Huyện A;1.200;40,00', 'Huyện B;1.800;60,00'].join('\n'));
    expect(r.annex.indicators).toEqual(['near_poor']);
    expect(problems(r)).toEqual(['warning unknown C1']);
  });

  it('a share of the province beside a count of the same population is another total: not read as a share', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Chiếm so với tổng số hộ nghèo toàn tỉnh (%)', 'Huyện A;1.200;40,00', 'Huyện B;1.800;60,00'].join('\n'));
    expect(r.coverage.ran).not.toContain('share');
    expect(problems(r)).toContain('warning unknown C1');
  });
});

describe('share, the rates of rows listed under a count', () => {
  const withRates = (a: string, b = '60,0') =>
    ['STT;Chỉ tiêu;Số hộ;Tỷ lệ (%)', '1;Số hộ nghèo;224;3,3', ';Trong đó:;;', `;- Hộ nghèo về thu nhập;194;${a}`, `;- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;30;13,4`, `;- Hộ nghèo dân tộc thiểu số;219;97,8`, `;- Hộ nghèo thuộc chính sách bảo trợ xã hội;8;3,6`].join('\n');

  it('rates that are the rows\' counts over the count they are listed under are shares, checked so', async () => {
    const r = await check(withRates('86,6'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('share');
  });

  it('one that is not is an error at its cell, worded as a share of the poor', async () => {
    const r = await check(withRates('68,6'));
    expect(problems(r)).toEqual(['error share D4']);
    expect(renderMessage(r.findings.find((f) => f.rule === 'share')!.msg, makeFmt('en'))).toBe(
      'Tổng: the share of "Hộ nghèo về thu nhập" among poor households should be 194 / 224 × 100 = 86.6071… → 86.6 (rounded half-up to the 1 decimal printed, as the other rates of these rows are), but the table shows 68.6.',
    );
  });

  it('rates of listed rows that are not shares of their count (most misfit) are not read as shares', async () => {
    const csv = ['STT;Chỉ tiêu;Số hộ;Tỷ lệ (%)', '1;Số hộ nghèo;224;3,3', ';Trong đó:;;', ';- Hộ nghèo về thu nhập;194;2,9', ';- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;30;0,4', '2;Số hộ cận nghèo;630;9,3'].join('\n');
    const r = await check(csv);
    expect(r.coverage.ran).not.toContain('share');
    expect(r.findings.some((f) => f.rule === 'share')).toBe(false);
  });
});
