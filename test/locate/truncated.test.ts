/**
 * A value cut at its printed decimals instead of rounded (locate/slips.ts `truncatedAt`, the `truncated` slip):
 * 35,69 for 493 / 1.381 × 100 = 35,6987… (Ngân Sơn 2016, E5). Never at a tie (12,34 for 12,345 is also rounding half
 * down or half to even), never where the cut is the rounded value. Checked against integer arithmetic (fast-check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/calc/decimal.js';
import { exactRate } from '../../src/calc/annex-math.js';
import { slipKind, truncatedAt } from '../../src/locate/slips.js';
import { checkBytes } from '../helpers.js';

const SEED_RUN = Number(process.env.PROP_SEED ?? 20250705);
const d = (s: string) => new Dec(s);
const rateOf = (p: number, h: number) => exactRate(new Dec(p), new Dec(h))!;

/** 100·p / h in units of 10^−dp, cut toward zero (BigInt division), and twice its remainder against h. */
function longDivision(p: number, h: number, dp: number): { cut: bigint; twiceRest: bigint } {
  const n = 100n * BigInt(p) * 10n ** BigInt(dp);
  const cut = n / BigInt(h);
  const rest = n - cut * BigInt(h);
  return { cut, twiceRest: 2n * (rest < 0n ? -rest : rest) };
}
/** Whether `units` · 10^−dp is p / h × 100 cut where rounding gives another value: the remainder over half of h. */
function oracle(p: number, h: number, dp: number, units: bigint): boolean {
  const { cut, twiceRest } = longDivision(p, h, dp);
  return units === cut && twiceRest > BigInt(h);
}
const atDecimals = (units: bigint, dp: number) => new Dec(units.toString()).div(new Dec(10).pow(dp));

describe('truncatedAt', () => {
  it('is the exact value cut at the printed decimals where rounding half-up gives another value', () => {
    expect(truncatedAt(d('35.69'), 2, rateOf(493, 1381))).toBe(true);
    expect(truncatedAt(d('97.7'), 1, rateOf(219, 224))).toBe(true);
    expect(truncatedAt(d('35'), 0, rateOf(493, 1381))).toBe(true);
    // Toward zero: a negative value cut is the larger one.
    expect(truncatedAt(d('-2.64'), 2, d('-2.6478'))).toBe(true);
    expect(truncatedAt(d('-2.65'), 2, d('-2.6478'))).toBe(false);
  });

  it('is not the rounded value, nor a tie, nor a value cut at other decimals', () => {
    // 12,3412: cut and rounded are both 12,34.
    expect(truncatedAt(d('12.34'), 2, d('12.3412'))).toBe(false);
    // 1 / 800 × 100 = 0,125 exactly: 0,12 is half-even's and half-down's rounding too.
    expect(truncatedAt(d('0.12'), 2, rateOf(1, 800))).toBe(false);
    expect(truncatedAt(d('-0.12'), 2, d('-0.125'))).toBe(false);
    // 35,698 is 35,6987… cut at three decimals, not at the two it is compared at.
    expect(truncatedAt(d('35.698'), 2, rateOf(493, 1381))).toBe(false);
    expect(truncatedAt(d('35.68'), 2, rateOf(493, 1381))).toBe(false);
  });

  it('agrees with integer arithmetic: the quotient of 100·p·10^dp by h cut, its remainder over half of h', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -2, max: 2 }), (p, h, dp, off) => {
        const units = longDivision(p, h, dp).cut + BigInt(off);
        expect(truncatedAt(atDecimals(units, dp), dp, rateOf(p, h))).toBe(oracle(p, h, dp, units));
      }),
      { seed: SEED_RUN, numRuns: Number(process.env.PROP_RUNS ?? 2000) },
    );
  });

  it('agrees with it for every rate over up to 250 households at two decimals, ties included (brute force)', () => {
    const tally = { truncated: 0, ties: 0 };
    for (let h = 1; h <= 250; h++) {
      for (let p = 0; p <= h; p++) {
        const { cut, twiceRest } = longDivision(p, h, 2);
        const want = oracle(p, h, 2, cut);
        if (want) tally.truncated++;
        if (twiceRest === BigInt(h)) tally.ties++;
        if (truncatedAt(atDecimals(cut, 2), 2, rateOf(p, h)) !== want) throw new Error(`${p} / ${h} cut at ${cut}`);
      }
    }
    expect(tally.truncated).toBeGreaterThan(5_000);
    expect(tally.ties).toBeGreaterThan(10);
  });
});

describe('the truncated slip', () => {
  const ctx = (exact?: Dec) => ({ indicator: 'rate', kind: 'rate' as const, rateDp: 2, unitValue: () => undefined, ...(exact ? { exact: () => exact } : {}) });

  it('names a rate cut instead of rounded, before the digit slips (12,34 for 12,3456 is one digit too)', () => {
    expect(slipKind({ num: d('35.69'), plain: '35.69', decimals: 2 }, d('35.70'), ctx(rateOf(493, 1381)))).toBe('truncated');
    expect(slipKind({ num: d('12.34'), plain: '12.34', decimals: 2 }, d('12.35'), ctx(d('12.3456')))).toBe('truncated');
    expect(slipKind({ num: d('12.34'), plain: '12.34', decimals: 2 }, d('12.35'), ctx())).toBe('mistyped');
  });

  it('is not named at a tie, nor without the value the check recomputes', () => {
    expect(slipKind({ num: d('0.12'), plain: '0.12', decimals: 2 }, d('0.13'), ctx(rateOf(1, 800)))).toBe('mistyped');
    expect(slipKind({ num: d('35.69'), plain: '35.69', decimals: 2 }, d('35.70'), ctx())).toBeUndefined();
  });
});

describe('locate names the cut rate', () => {
  const table = (rows: string[]) => checkBytes(Buffer.from(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...rows].join('\n'), 'utf8'));
  const causeAt = (r: ReturnType<typeof table>, ref: string) =>
    (r.localisation.parts ?? [r.localisation]).flatMap((p) => p.causes).find((c) => c.cells.length === 1 && c.cells[0]!.cell.ref === ref)!.cells[0]!;

  it('over its own count and households, and not at a tie', () => {
    const r = table(['Xã A;1381;493;35,69', 'Xã B;800;1;0,12', 'Xã C;368;88;23,91']);
    expect(causeAt(r, 'D2')).toMatchObject({ proposed: '35.70', kind: 'truncated' });
    expect(causeAt(r, 'D3')).toMatchObject({ proposed: '0.13', kind: 'mistyped' });
  });
});
