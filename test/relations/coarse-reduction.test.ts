/**
 * A reduction printed with fewer decimals than its rates (Tri Tôn 2023: `giảm 2,2%` of 10,74 and 8,65): the
 * difference rounded so, when the whole reduction column is printed so; not an error for `2,1`, and `2,2` named
 * with 2,1 as its likely value. One `2,6` among two-decimal reductions stays a dropped digit.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected ?? ''}`);
const HEAD = 'Đơn vị;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%);Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%);Tỷ lệ hộ nghèo giảm (%)';

describe('a reduction printed with one decimal of two-decimal rates', () => {
  it('is their difference rounded to one decimal', async () => {
    expect(errors(await check([HEAD, 'Huyện X;3.586;10,74;2.900;8,65;2,1'].join('\n')))).toEqual([]);
  });

  it('a wrong one is found with the rounded value, and that value is its first likely cause', async () => {
    const r = await check([HEAD, 'Huyện X;3.586;10,74;2.900;8,65;2,2'].join('\n'));
    expect(errors(r)).toEqual(['rate-change F2 2.1']);
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['F2', '2.1']]);
  });

  it('its message shows the difference before rounding it (10,74 − 8,65 is 2,09, not 2,1)', async () => {
    const f = (await check([HEAD, 'Huyện X;3.586;10,74;2.900;8,65;2,2'].join('\n'))).findings.find((x) => x.rule === 'rate-change')!;
    expect(renderMessage(f.msg, makeFmt('vi'))).toContain('10,74 − 8,65 = 2,09 → 2,1 điểm phần trăm (làm tròn 1 chữ số thập phân như bảng ghi), nhưng bảng ghi 2,2.');
    expect(renderMessage(f.msg, makeFmt('en'))).toContain('10.74 − 8.65 = 2.09 → 2.1 points (rounded half-up to the 1 decimal printed), but the table shows 2.2.');
  });

  it('an exact difference is said without an arrow', async () => {
    const f = (await check([HEAD, 'Huyện X;3.586;10,74;2.900;8,64;2,2'].join('\n'))).findings.find((x) => x.rule === 'rate-change')!;
    expect(renderMessage(f.msg, makeFmt('vi'))).toContain('10,74 − 8,64 = 2,1 điểm phần trăm, nhưng');
  });

  it('one reduction with a decimal fewer among two-decimal ones is a digit dropped, compared exactly', async () => {
    const r = await check([HEAD, 'Xã A;100;10,00;90;9,00;1,00', 'Xã B;200;20,00;190;19,00;1,0', 'Xã C;300;15,00;280;14,06;0,94'].join('\n'));
    expect(errors(r)).toEqual([]);
    const slip = await check([HEAD, 'Xã A;100;10,00;90;9,00;1,00', 'Xã B;200;20,00;190;19,00;1,00', 'Xã C;300;15,00;280;14,06;0,9'].join('\n'));
    expect(errors(slip)).toEqual(['rate-change F4 0.94']);
  });
});
