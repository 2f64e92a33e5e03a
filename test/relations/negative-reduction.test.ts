/**
 * A net reduction below zero is a rise (poverty grew during the year: Hải Dương's 2022 re-review): a warning for
 * the poor and for every other population (the near-poor), never an error for one and a warning for the other. A
 * count that is no reduction (poor at the end of the year) below zero stays an error.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

const ranges = (r: CheckResult) => r.findings.filter((f) => f.rule === 'range').map((f) => `${f.severity} ${f.at?.ref} ${f.msg.id}`);
const HEAD = 'Đơn vị;Tỷ lệ hộ nghèo đầu năm (%);Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%);Tỷ lệ hộ cận nghèo đầu năm (%);Số hộ cận nghèo giảm trong năm;Số hộ cận nghèo cuối năm;Tỷ lệ hộ cận nghèo cuối năm (%)';

describe('a negative net reduction', () => {
  it('is a warning for the poor and for the near-poor, naming the population', async () => {
    const r = await check([HEAD, 'Tỉnh Hải Dương;1,93;-1.430;13.823;2,15;2,18;-1.019;14.441;2,24'].join('\n'));
    expect(ranges(r)).toEqual(['warning C2 range.reduced-negative', 'warning G2 range.reduced-negative']);
    const g2 = r.findings.find((f) => f.at?.ref === 'G2')!;
    expect(renderMessage(g2.msg, makeFmt('en'))).toBe('Tỉnh Hải Dương: net reduction of the near-poor during the year is negative (-1,019), i.e. the number grew during the year; check the sign.');
  });

  it('a negative count that is no reduction stays an error', async () => {
    const r = await check([HEAD, 'Tỉnh Hải Dương;1,93;1.430;13.823;2,15;2,18;1.019;-14.441;2,24'].join('\n'));
    expect(ranges(r)).toContain('error H2 range.negative');
  });
});

describe('an ethnic-minority population within its whole', () => {
  const rows = (em: string) => ['Chỉ tiêu;Đơn vị tính;Toàn tỉnh', 'Tổng số hộ dân cư;Hộ;127.667', 'Số hộ nghèo;Hộ;47.336', 'Tỷ lệ hộ nghèo;%;37,08', `Số hộ nghèo là dân tộc thiểu số;Hộ;${em}`].join('\n');
  it('more ethnic-minority poor households than poor households is an error at the part (Điện Biên 2018, 44.121 typed 48.121)', async () => {
    expect(ranges(await check(rows('44.121')))).toEqual([]);
    const r = await check(rows('48.121'));
    expect(ranges(r)).toEqual(['error C5 range.exceeds']);
    expect(renderMessage(r.findings.find((f) => f.rule === 'range')!.msg, makeFmt('en'))).toBe('Toàn tỉnh: ethnic-minority poor households (48,121) is larger than poor households (47,336).');
  });
});
