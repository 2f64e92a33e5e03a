/**
 * A net reduction broken down into its gross flows (Lạc Dương 2019: `Số hộ nghèo giảm` 112 → `- Số hộ thoát nghèo` 126,
 * `- Số hộ nghèo mới phát sinh` 14) is out-flows less in-flows, not parts that add up (a false `breakdown` error, 140);
 * an exit alone under it is not "of which" (it may exceed the net reduction); decreases listed by cause still add up.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const table = (net: string, rows: string[]) => ['STT;Chỉ tiêu;Số hộ', '1;Hộ nghèo cuối năm 2019;224', `2;Số hộ nghèo giảm so với đầu năm 2019;${net}`, ...rows].join('\n');

describe('the gross flows under a net reduction', () => {
  it('exits less the newly poor make the net reduction: checked so, quiet when it holds', async () => {
    const r = await check(table('112', [';- Số hộ thoát nghèo;126', ';- Số hộ nghèo mới phát sinh;14']));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('breakdown');
  });

  it('a slip is an error worded as out-flows less in-flows, each of the three cells a cause', async () => {
    const r = await check(table('121', [';- Số hộ thoát nghèo;126', ';- Số hộ nghèo mới phát sinh;14']));
    expect(problems(r)).toEqual(['error breakdown C3']);
    const f = r.findings.find((x) => x.rule === 'breakdown')!;
    expect(renderMessage(f.msg, makeFmt('en'))).toBe(
      'Tổng: poor households reduced during the year is a net figure: the rows under it give the households that left (126) less those that came in (14) = 112, but the table shows 121 (difference +9).',
    );
    expect(r.localisation?.causes.map((c) => c.cells.map((x) => `${x.cell.ref}=${x.proposed}`).join('+'))).toEqual(['C3=112', 'C4=135', 'C5=5']);
  });

  it('an exit alone under the net reduction is listed, not "of which": 126 exits beside a net fall of 112 is no error', async () => {
    const r = await check(table('112', [';- Số hộ thoát nghèo;126']));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('of-which');
  });

  it('decreases listed by cause (out-flows only) still add up to the reduction', async () => {
    expect(problems(await check(table('112', [';- Số hộ thoát nghèo;100', ';- Số hộ nghèo giảm khác;12'])))).toEqual([]);
    expect(problems(await check(table('112', [';- Số hộ thoát nghèo;100', ';- Số hộ nghèo giảm khác;21'])))).toEqual(['error breakdown C3']);
  });
});
