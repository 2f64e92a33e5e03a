/**
 * rate: a printed rate matches its count / households × 100, half-up at the precision printed (at least 2
 * decimals in the annex); the end rate over the END-of-year households.
 */
import { plain, type Dec } from '../calc/decimal.js';
import { exactRate, printedRateMatches, RATE_DECIMALS, roundRate } from '../calc/annex-math.js';
import { isOk, usable, type OkValue } from '../rules/types.js';
import { defineKind, type Relation } from './types.js';

/** Digits shown in messages for an unrounded quotient. */
export const EXACT_SHOWN = 4;

export interface RateRelation extends Relation {
  readonly which: 'rate_start' | 'rate_end';
  readonly count: OkValue;
  readonly households: OkValue;
}

/** A printed rate matches when it equals the computed one at the precision it was printed with (≥ 2 decimals). */
export function matchesPrinted(printed: OkValue, exact: Dec): boolean {
  return printedRateMatches(printed.num, printed.decimals ?? 0, exact);
}

export const rateKind = defineKind<RateRelation>({
  id: 'rate',
  relation: 'rate',
  severity: 'error',
  needs: [['rate_start'], ['rate_end']],
  perUnit: true,
  localised: true,
  *instances(ctx) {
    for (const unit of ctx.annex.units) {
      for (const which of ['rate_start', 'rate_end'] as const) {
        const poorKey = which === 'rate_start' ? 'poor_start' : 'poor_end';
        const hhKey = which === 'rate_start' ? 'households_start' : 'households_end';
        const v = usable(ctx, 'rate', unit, [poorKey, hhKey, which] as const);
        if (v) yield { unit, at: v[which], cells: [v[poorKey], v[hhKey], v[which]], which, count: v[poorKey], households: v[hhKey] };
      }
    }
  },
  check(r, ctx) {
    const printed = r.at;
    const exact = exactRate(r.count.num, r.households.num);
    if (exact) ctx.checked('rate');
    if (!exact || matchesPrinted(printed, exact)) return;
    const expected = plain(roundRate(exact), RATE_DECIMALS);
    let startDenominator = false;
    if (r.which === 'rate_end') {
      const h0 = ctx.annex.values[r.unit.id]?.households_start;
      const alt = isOk(h0) ? exactRate(r.count.num, h0.num) : undefined;
      startDenominator = !!alt && matchesPrinted(printed, alt);
    }
    ctx.report({
      rule: 'rate',
      severity: 'error',
      at: printed.cell,
      unit: r.unit.name,
      indicator: r.which,
      expected,
      actual: printed.plain,
      msg: {
        id: 'rate.mismatch',
        params: {
          unit: r.unit.name,
          indicator: r.which,
          poor: r.count.plain,
          households: r.households.plain,
          exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1 /* ROUND_DOWN */), EXACT_SHOWN),
          expected,
          actual: printed.plain,
          ...(startDenominator ? { startDenominator } : {}),
        },
      },
    });
  },
  form: (r) => ({ type: 'rate', r: r.at.cell.ref, p: r.count.cell.ref, h: r.households.cell.ref, minDp: RATE_DECIMALS }),
});
