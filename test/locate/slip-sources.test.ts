/**
 * The values a typing slip could have come from (locate/slips.ts `slipSources`), used to pick a likely value out
 * of a range: a count is never proposed negative (a lost minus sign is only a negative figure's).
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { slipSources } from '../../src/locate/slips.js';

const sources = (plain: string, kind: 'count' | 'rate') => slipSources({ num: new Dec(plain), plain }, kind).map((d) => d.toFixed());

describe('slipSources', () => {
  it('proposes no negative count for a positive one; a negative figure may have gained its sign', () => {
    expect(sources('59312', 'count').some((s) => s.startsWith('-'))).toBe(false);
    expect(sources('59312', 'count')).toContain('53912');
    expect(sources('-120', 'count')).toContain('120');
    expect(sources('1.25', 'rate')).toContain('-1.25');
  });

  it('undoes each digit slip: a digit typed in extra (not only a doubled one) is taken out', () => {
    expect(sources('36857', 'count')).toContain('3657');
    expect(sources('3990', 'count')).toContain('390');
    expect(sources('799', 'count')).toContain('7199');
  });
});
