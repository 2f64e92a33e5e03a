/**
 * A table of one indicator a row with a plan's or an achievement's column beside its figures (`Kế hoạch | Thực
 * hiện | Đạt so với kế hoạch (%)`, `Số hộ | Tỷ lệ (%) | Đạt so với kế hoạch (%)`: a progress report): the plan
 * column is no unit. It was one, and the achievement's 86,67 was "a number of households must be a whole
 * number", 116,67 a reduction "outside −100–100", and the measures beside it were units too (11,9 near-poor
 * households). Now reported as not read, printed as read by `table`, and the figures beside it read as before.
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, type CheckResult } from '../../src/check-grid.js';

const check = async (csv: string): Promise<CheckResult> => checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv.replaceAll('\n', '\r\n')}`, 'utf8'), { name: 't.csv' }));
const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref ?? '-'}`);

describe('a plan or achievement column beside the figures of indicator rows', () => {
  it('beside measures (Lạc Dương 2017): the measures are read, the achievement is reported, no error', async () => {
    const r = await check('Chỉ tiêu;Số hộ;Tỷ lệ (%);Đạt so với kế hoạch (%)\nHộ thoát nghèo;130;;86\nHộ cận nghèo;715;11,9;\n');
    expect(problems(r)).toEqual(['warning unknown D1']);
    expect(r.findings[0]!.msg).toMatchObject({ id: 'unknown.column', params: { text: 'Đạt so với kế hoạch (%)', kind: 'planColumn' } });
    expect(r.annex!.indicators).toEqual(expect.arrayContaining(['near_poor', 'near_poor_rate']));
    expect(r.annex!.columnsNotRead?.map((c) => c.headerCell?.ref)).toEqual(['D1']);
  });

  it('plan | actual | achievement: the plan and the achievement are reported, the actual read, no error', async () => {
    const r = await check('Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện;Đạt so với kế hoạch (%)\nTỷ lệ hộ nghèo giảm;%;3;3,5;116,67\nSố hộ thoát nghèo;Hộ;150;130;86,67\n');
    expect(problems(r)).toEqual(['warning unknown C1', 'warning unknown E1']);
    expect([...r.annex!.units].map((u) => u.name)).toEqual(['Thực hiện']);
    expect(r.annex!.columnsNotRead?.map((c) => c.headerCell?.ref)).toEqual(['C1', 'E1']);
  });

  it('a unit column is still a unit (districts as columns)', async () => {
    const r = await check('Chỉ tiêu;Toàn tỉnh;Huyện A;Huyện B\nTổng số hộ;300;100;200\nSố hộ nghèo;30;10;20\nTỷ lệ hộ nghèo (%);10,00;10,00;10,00\n');
    expect(problems(r)).toEqual([]);
    expect([...r.annex!.units].map((u) => u.name)).toEqual(['Toàn tỉnh', 'Huyện A', 'Huyện B']);
  });
});
