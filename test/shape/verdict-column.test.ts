/**
 * A column (or a row) of verdicts on targets (`Kết quả` over `đạt`, `không đạt`, `vượt kế hoạch`): no figures, so no
 * indicator; its `unknown` warning says so (kind `verdict`), instead of "not a known indicator, see the label list",
 * which sent the reader to rename a column that holds nothing to check (TTXVN 2022's national targets).
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

const unknowns = (r: Awaited<ReturnType<typeof check>>) => r.findings.filter((f) => f.rule === 'unknown').map((f) => [f.at?.ref, (f.msg.params as { kind?: string }).kind]);

describe('a column of verdicts', () => {
  const head = 'Đơn vị;Tỷ lệ hộ nghèo đầu năm (%);Tỷ lệ hộ nghèo cuối năm (%);Giảm (điểm %);Kết quả';

  it('is named as verdicts, in both languages', async () => {
    const r = await check([head, 'Huyện A;10,00;8,50;1,50;Đạt', 'Huyện B;12,00;11,20;0,80;Không đạt', 'Huyện C;9,00;7,00;2,00;'].join('\n'));
    expect(unknowns(r)).toEqual([['E1', 'verdict']]);
    const f = r.findings.find((x) => x.rule === 'unknown')!;
    expect(renderMessage(f.msg, makeFmt('en'))).toBe('"Kết quả" holds verdicts (đạt, không đạt: met, not met…), not figures, not an indicator povcheck checks; the column is not checked.');
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe('Cột "Kết quả" ghi lời đánh giá (đạt, không đạt, vượt…) chứ không ghi số liệu, không phải chỉ tiêu povcheck kiểm tra; cột này không được kiểm tra.');
    expect(r.coverage.notUnderstood).toEqual([expect.objectContaining({ text: 'Kết quả', noIndicator: true })]);
  });

  it('a column with anything else in it (a figure, a remark) stays not understood', async () => {
    for (const other of ['12', 'đạt một phần chỉ tiêu']) {
      const r = await check([head, 'Huyện A;10,00;8,50;1,50;Đạt', `Huyện B;12,00;11,20;0,80;${other}`].join('\n'));
      expect(unknowns(r), other).toEqual([['E1', undefined]]);
    }
  });

  it('a second column of verdicts says so shortly, naming the first', async () => {
    const two = 'Đơn vị;Tỷ lệ hộ nghèo đầu năm (%);Tỷ lệ hộ nghèo cuối năm (%);Kết quả;Đánh giá';
    const r = await check([two, 'Huyện A;10,00;8,50;Đạt;Vượt kế hoạch', 'Huyện B;12,00;11,20;Không đạt;Chưa đạt'].join('\n'));
    expect(unknowns(r)).toEqual([['D1', 'verdict'], ['E1', 'verdict']]);
    const said = r.findings.filter((f) => f.rule === 'unknown').map((f) => renderMessage(f.msg, makeFmt('en')));
    expect(said[1]).toBe('"Đánh giá", like D1, holds verdicts, not figures; the column is not checked.');
  });

  it('a row of verdicts in a table of indicators by unit is named so too', async () => {
    const r = await check(['Chỉ tiêu;Huyện A;Huyện B', 'Tỷ lệ hộ nghèo đầu năm (%);10,00;12,00', 'Tỷ lệ hộ nghèo cuối năm (%);8,50;11,20', 'Kết quả;Vượt kế hoạch;Không đạt'].join('\n'));
    expect(unknowns(r)).toEqual([['A4', 'verdict']]);
  });
});
