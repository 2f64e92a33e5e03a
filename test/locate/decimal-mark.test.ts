/**
 * The decimal mark typed in the wrong place (locate/slips.ts, the `decimal-mark` slip): the right digits, the value off
 * by a power of ten (1,180 or 118,0 for 11,80; 46,93 for 4.693). The thousands separator typed as the mark stays
 * `separator`, a rate typed as a share `share`; a digit dropped with the mark moved is no such slip.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { slipKind, slipSources } from '../../src/locate/slips.js';
import { checkBytes, fixtures } from '../helpers.js';

const typed = (plain: string) => ({ num: new Dec(plain), plain, decimals: plain.split('.')[1]?.length ?? 0 });
const rate = { indicator: 'rate_start' as const, kind: 'rate' as const, rateDp: 2, unitValue: () => undefined };
const count = { indicator: 'poor_end' as const, kind: 'count' as const, rateDp: 2, unitValue: () => undefined };

describe('slipKind: decimal-mark', () => {
  it('a rate with its mark one or two places off', () => {
    expect(slipKind(typed('1.180'), new Dec('11.80'), rate)).toBe('decimal-mark');
    expect(slipKind(typed('118.0'), new Dec('11.80'), rate)).toBe('decimal-mark');
    expect(slipKind(typed('150.8'), new Dec('15.08'), rate)).toBe('decimal-mark');
  });

  it('a count typed with a decimal mark among its digits', () => {
    expect(slipKind(typed('46.93'), new Dec('4693'), count)).toBe('decimal-mark');
    expect(slipKind(typed('469.3'), new Dec('4693'), count)).toBe('decimal-mark');
  });

  it('leaves the slips named before it as they were, and is not a digit lost with the mark', () => {
    expect(slipKind(typed('2.75'), new Dec('2750'), count)).toBe('separator');
    expect(slipKind(typed('0.1180'), new Dec('11.80'), rate)).toBe('share');
    expect(slipKind(typed('1.18'), new Dec('11.80'), rate)).toBeUndefined();
    expect(slipKind(typed('11.08'), new Dec('11.80'), rate)).toBe('transposition');
  });

  it('slipSources offers the value with the mark moved, for a range to pick from', () => {
    const sources = slipSources(typed('46.93'), 'count').map((d) => d.toFixed());
    expect(sources).toContain('4693');
    expect(slipSources(typed('1.180'), 'rate').map((d) => d.toFixed())).toContain('11.8');
  });
});

describe('the planted fixture (province start rate 11,80 typed 1,180)', () => {
  it('is one cause at D8, 11,80, kind decimal-mark', () => {
    const r = checkBytes(fixtures.plantedCauses()['planted/rate-decimal-mark.csv']!.bytes);
    expect(r.localisation.causes).toHaveLength(1);
    expect(r.localisation.causes[0]).toMatchObject({ confidence: 'unique', pinned: true });
    expect(r.localisation.causes[0]!.cells[0]).toMatchObject({ cell: { ref: 'D8' }, actual: '1.180', proposed: '11.80', kind: 'decimal-mark' });
  });
});
