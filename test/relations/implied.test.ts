/**
 * implied-households.disagree names a cell only when the other pairs agree without it (the odd one out). With two
 * pairs, or pairs that disagree among themselves, it names none and leaves the ranking to the likely causes (Quỳnh
 * Phụ: it blamed C2 while the causes put E2 first).
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

const disagree = (r: CheckResult) => r.findings.filter((f) => f.msg.id === 'implied-households.disagree');
const en = makeFmt('en');

describe('implied-households.disagree', () => {
  it('a pair no number of households fits (a rate above 100) is said so, not "fits 0 households or more"', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)', 'Tỉnh Cà Mau;9.604;314;6.943;2,27'].join('\n'));
    const [f] = disagree(r);
    expect(renderMessage(f!.msg, en)).toContain('B2/C2 fits no possible number of households; D2/E2 fits 305,187 to 306,534 households');
    expect(renderMessage(f!.msg, makeFmt('vi'))).toContain('B2/C2 ứng với một số hộ không thể có;');
  });

  it('two pairs that disagree: no cell is blamed in the sentence, the likely causes rank them', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)', 'Huyện Quỳnh Phụ;2.444;2,86;22.405;2,81'].join('\n'));
    const [f] = disagree(r);
    expect(f).toBeDefined();
    expect(f!.msg.params).not.toHaveProperty('cell');
    const text = renderMessage(f!.msg, en);
    expect(text).toContain('one of these cells is wrong');
    expect(text).not.toContain('is likely wrong');
    expect(renderMessage(f!.msg, makeFmt('vi'))).toContain('một trong các ô này bị ghi sai');
    expect(r.localisation.causes.length).toBeGreaterThan(1);
  });

  it('three pairs of which two agree: the third is named', async () => {
    // Poor, near-poor and both over about 15.370 households; the near-poor rate is mistyped.
    const head = 'Đơn vị;Tỷ lệ hộ nghèo (%);Số hộ nghèo;Tỷ lệ hộ cận nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ nghèo và cận nghèo (%);Số hộ nghèo và cận nghèo';
    const r = await check([head, 'Huyện Tây Sơn;5,85;899;7,04;1.243;13,94;2.142'].join('\n'));
    const [f] = disagree(r);
    expect(f).toBeDefined();
    expect(f!.msg.params).toHaveProperty('cell', 'D2');
    expect(renderMessage(f!.msg, en)).toContain('D2 (or the count beside it) is likely wrong, as the other pairs agree');
  });
});

describe('a start of the year\'s count the table does not print', () => {
  // Hải Dương 2022 (a helper's reconstruction, poverty rising: net reductions below zero): the start counts are
  // the end's plus the net reduction; F2 2,18 fits no household count the poor's start pair fits.
  const HEAD = 'Đơn vị;Tỷ lệ hộ nghèo đầu năm (%);Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%);Tỷ lệ hộ cận nghèo đầu năm (%);Số hộ cận nghèo giảm trong năm;Số hộ cận nghèo cuối năm;Tỷ lệ hộ cận nghèo cuối năm (%)';

  it('is derived from the end\'s and the net reduction, and its pair compared with the other start pairs', async () => {
    const r = await check([HEAD, 'Tỉnh Hải Dương;1,93;-1.430;13.823;2,15;2,18;-1.019;14.441;2,24'].join('\n'));
    const [f] = disagree(r);
    expect(f!.msg.params).toMatchObject({ pairs: [{ count: '(D2 + C2)', rate: 'B2', lo: '640466', hi: '643792' }, { count: '(H2 + G2)', rate: 'F2', lo: '614280', hi: '617103' }] });
    expect(renderMessage(f!.msg, en)).toContain('a count in brackets is the start of the year\'s, not printed');
    const causes = r.localisation.causes.map((c) => c.cells.map((x) => `${x.cell.ref} ${x.range ? `${x.range.min}..${x.range.max}` : x.proposed}`).join('+'));
    expect(causes).toEqual(expect.arrayContaining(['F2 2.08..2.10', 'G2 -510..-375']));
  });

  it('the same figures with 2,09 agree: no error', async () => {
    const r = await check([HEAD, 'Tỉnh Hải Dương;1,93;-1.430;13.823;2,15;2,09;-1.019;14.441;2,24'].join('\n'));
    expect(disagree(r)).toEqual([]);
    expect(r.coverage.ran).toContain('implied-households');
  });
});
