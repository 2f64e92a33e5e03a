/**
 * The households-change notes say which way the rate moved and what the change of households did to it: they were
 * worded for a rate that fell among growing households only ("the rate fell -0.16 points, but the -50 households
 * reduced are only -0.48 % … of the fall" for a rate that rose).
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';

const base = { unit: 'Na Hang', h0: '10468', h1: '10580', change: '112', reduced: '987', share: '1.98', points: '2.02', growth: '0.04' };
const say = (lang: 'vi' | 'en', id: 'denominator.mixed' | 'denominator.total', p: Partial<typeof base>) => renderMessage({ id, params: { ...base, ...p } } as never, makeFmt(lang, lang));

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
});
