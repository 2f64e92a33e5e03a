/**
 * The households-change notes say which way the rate moved and what the change of households did to it: they were
 * worded for a rate that fell among growing households only ("the rate fell -0.16 points, but the -50 households
 * reduced are only -0.48 % … of the fall" for a rate that rose).
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';

const base = { unit: 'Na Hang', h0: '10468', h1: '10580', change: '112', reduced: '987', share: '1.98', points: '2.02', growth: '0.04' };
const say = (lang: 'vi' | 'en', id: 'denominator.mixed' | 'denominator.total' | 'denominator.direction', p: Partial<typeof base> & { derived?: boolean }) => renderMessage({ id, params: { ...base, ...p } } as never, makeFmt(lang, lang));

describe('the households-change notes', () => {
  it('a fall among growing households: as before', () => {
    expect(say('en', 'denominator.mixed', {})).toContain('The rate fell 2.02 points, but the 987 households reduced are only 1.98 % of the start-of-year households; the change in the number of households alone accounts for about 0.04 points of the fall.');
  });

  it('a rise among growing households: the rise, held back by the growth', () => {
    const p = { points: '-0.16', reduced: '-50', share: '-0.48', growth: '0.32' };
    expect(say('en', 'denominator.mixed', p)).toContain('The rate rose 0.16 points, while poor households grew by 50 (net), 0.48 % of the start-of-year households: the growth in the number of households alone held the rise back by about 0.32 points.');
    expect(say('vi', 'denominator.mixed', p)).toContain('Tỷ lệ hộ nghèo tăng 0,16 điểm phần trăm, trong khi số hộ nghèo tăng 50 hộ (tính ròng), bằng 0,48% tổng số hộ đầu năm; riêng việc tổng số hộ tăng đã làm mức tăng ít đi khoảng 0,32 điểm phần trăm.');
    expect(say('en', 'denominator.total', p)).toContain('Read the rise as the change of the rate');
  });

  it('households that shrank: what the fall in households did, for a fall and for a rise', () => {
    expect(say('en', 'denominator.mixed', { change: '-200', points: '2.00', share: '2.10', growth: '-0.10' })).toContain('The rate fell 2.00 points, while poor households fell by 987 (net), 2.10 % of the start-of-year households: the fall in the number of households alone held the fall back by about 0.10 points.');
    expect(say('en', 'denominator.mixed', { change: '-200', points: '-0.50', reduced: '-30', share: '-0.29', growth: '-0.21' })).toContain('The rate rose 0.50 points, but poor households grew by only 30 (net), 0.29 % of the start-of-year households: the fall in the number of households alone added about 0.21 points to the rise.');
    expect(say('vi', 'denominator.total', { change: '-200', points: '2.00', share: '2.10', growth: '-0.10' })).toContain('riêng việc tổng số hộ giảm đã làm mức giảm ít đi khoảng 0,10 điểm phần trăm');
  });

  it('a net fall the table does not print: said to be computed from the start and end counts, in every note', () => {
    const derived = { derived: true };
    expect(say('en', 'denominator.total', derived)).toContain('its poor households fell by 987 (net, computed from the start and end counts, as the table prints no reduction), only 1.98 %');
    expect(say('vi', 'denominator.total', derived)).toContain('số hộ nghèo giảm (987 hộ, tính ròng từ số đầu năm và cuối năm vì bảng không ghi) chỉ bằng 1,98%');
    expect(say('en', 'denominator.mixed', derived)).toContain('but the 987 households reduced (computed from the start and end counts, as the table prints no reduction) are only 1.98 %');
    expect(say('vi', 'denominator.mixed', derived)).toContain('(987 hộ, tính ròng từ số đầu năm và cuối năm vì bảng không ghi)');
    expect(say('en', 'denominator.mixed', { ...derived, points: '-0.16', reduced: '-50', share: '-0.48', growth: '0.32' })).toContain('grew by 50 (net, computed from the start and end counts, as the table prints no reduction)');
    expect(say('en', 'denominator.direction', { ...derived, points: '-0.10' })).toContain('although poor households fell by 987 (computed from the start and end counts, as the table prints no reduction):');
    expect(say('vi', 'denominator.direction', { ...derived, points: '-0.10' })).toContain('dù số hộ nghèo giảm 987 hộ (tính ròng từ số đầu năm và cuối năm vì bảng không ghi):');
    const summary = { parent: 'Huyện 1', count: 3, unit: 'Xã A', growth: '0.04', points: '2.02', share: '1.98', reduced: '987', derived: true };
    expect(renderMessage({ id: 'denominator.summary', params: summary }, makeFmt('en', 'en'))).toContain('but the 987 households reduced (computed from the start and end counts, as the table prints no reduction) are 1.98 %');
    expect(renderMessage({ id: 'denominator.summary', params: summary }, makeFmt('vi', 'vi'))).toContain('(987 hộ, tính ròng từ số đầu năm và cuối năm vì bảng không ghi)');
    const target = { unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4', actual: '4.00', constant: '3.73', h0: '10468', h1: '10580', reduced: '390', share: '3.73', derived: true } as const;
    expect(renderMessage({ id: 'denominator.decides-target', params: target }, makeFmt('en', 'en'))).toContain('(the net fall of 390 poor households, computed from the start and end counts, as the table prints no reduction, is 3.73 %');
    expect(renderMessage({ id: 'denominator.decides-target', params: target }, makeFmt('vi', 'vi'))).toContain('390 hộ tính ròng từ số đầu năm và cuối năm vì bảng không ghi, chỉ bằng 3,73%');
  });

  it('a net fall the table prints: quoted as before, without the clause', () => {
    for (const lang of ['vi', 'en'] as const) for (const id of ['denominator.mixed', 'denominator.total', 'denominator.direction'] as const) expect(say(lang, id, {})).not.toMatch(/start and end counts|số đầu năm và cuối năm/);
    expect(say('en', 'denominator.total', {})).toContain('its poor households fell by 987 (net), only');
    expect(say('vi', 'denominator.total', {})).toContain('(987 hộ, tính ròng) chỉ bằng');
  });
});
