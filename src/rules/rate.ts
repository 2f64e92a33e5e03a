/**
 * rate: the printed start and end rates match poor / households × 100, half-up to 2 decimals, the end rate
 * over the END-of-year households.
 * rate-change: the printed reduction equals printed start rate − printed end rate (the annex convention:
 * the seed's 2,65 = 15,08 − 12,43 although the unrounded difference rounds to 2,64, which is an info).
 */
import { plain, type Dec } from '../calc/decimal.js';
import { exactRate, poorReduced, printedRateMatches, rate, rateReduction, RATE_DECIMALS, roundRate } from '../calc/annex-math.js';
import type { Unit } from '../model/annex.js';
import type { Finding } from '../findings.js';
import { carries, isOk, okNum, usable, type OkValue, type Rule, type RuleContext } from './types.js';

/** Digits shown in messages for an unrounded quotient. */
const EXACT_SHOWN = 4;

/** A printed rate matches when it equals the computed one at the precision it was printed with (≥ 2 decimals). */
function matchesPrinted(printed: OkValue, exact: Dec): boolean {
  return printedRateMatches(printed.num, printed.decimals ?? 0, exact);
}

function checkRate(ctx: RuleContext, unit: Unit, which: 'rate_start' | 'rate_end') {
  const poorKey = which === 'rate_start' ? 'poor_start' : 'poor_end';
  const hhKey = which === 'rate_start' ? 'households_start' : 'households_end';
  const v = usable(ctx, 'rate', unit, [poorKey, hhKey, which] as const);
  if (!v) return;
  const printed = v[which];
  const exact = exactRate(v[poorKey].num, v[hhKey].num);
  if (exact) ctx.checked('rate');
  if (!exact || matchesPrinted(printed, exact)) return;
  const expected = plain(roundRate(exact), RATE_DECIMALS);
  let startDenominator = false;
  if (which === 'rate_end') {
    const h0 = ctx.annex.values[unit.id]?.households_start;
    const alt = isOk(h0) ? exactRate(v.poor_end.num, h0.num) : undefined;
    startDenominator = !!alt && matchesPrinted(printed, alt);
  }
  ctx.report({
    rule: 'rate',
    severity: 'error',
    at: printed.cell,
    unit: unit.name,
    indicator: which,
    expected,
    actual: printed.plain,
    msg: {
      id: 'rate.mismatch',
      params: {
        unit: unit.name,
        indicator: which,
        poor: v[poorKey].plain,
        households: v[hhKey].plain,
        exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1 /* ROUND_DOWN */), EXACT_SHOWN),
        expected,
        actual: printed.plain,
        ...(startDenominator ? { startDenominator } : {}),
      },
    },
  });
}

export const rateRule: Rule = {
  id: 'rate',
  severity: 'error',
  needs: [['rate_start'], ['rate_end']],
  perUnit: true,
  run(ctx) {
    for (const unit of ctx.annex.units) {
      checkRate(ctx, unit, 'rate_start');
      checkRate(ctx, unit, 'rate_end');
    }
  },
};

/** The start or end rate as printed, else computed from the counts; undefined (and a skip) when neither works. */
function rateFor(ctx: RuleContext, unit: Unit, which: 'rate_start' | 'rate_end'): { value: Dec; computed: boolean } | undefined {
  if (carries(ctx.annex, [which])) {
    const v = usable(ctx, 'rate-change', unit, [which]);
    return v ? { value: v[which].num, computed: false } : undefined;
  }
  const counts = usable(ctx, 'rate-change', unit, which === 'rate_start' ? (['poor_start', 'households_start'] as const) : (['poor_end', 'households_end'] as const));
  if (!counts) return undefined;
  const c = counts as Record<string, OkValue>;
  const r = which === 'rate_start' ? rate(c.poor_start!.num, c.households_start!.num) : rate(c.poor_end!.num, c.households_end!.num);
  return r ? { value: r, computed: true } : undefined;
}

/**
 * Exact start rate − exact end rate from the counts, when all four are usable and agree with the rates
 * used (otherwise the counts explain nothing about the printed reduction). No skip is recorded.
 */
function unroundedFall(ctx: RuleContext, unit: Unit, start: Dec, end: Dec): Dec | undefined {
  const v = ctx.annex.values[unit.id];
  if (!v || !isOk(v.poor_start) || !isOk(v.households_start) || !isOk(v.poor_end) || !isOk(v.households_end)) return undefined;
  const s = exactRate(v.poor_start.num, v.households_start.num);
  const e = exactRate(v.poor_end.num, v.households_end.num);
  if (!s || !e) return undefined;
  if (!roundRate(s).eq(start) || !roundRate(e).eq(end)) return undefined;
  return s.minus(e);
}

/** Reduced households / start households × 100, when usable. */
function shareReduced(ctx: RuleContext, unit: Unit): Dec | undefined {
  const v = ctx.annex.values[unit.id];
  if (!v || !isOk(v.households_start) || v.households_start.num.isZero()) return undefined;
  const reduced = poorReduced(okNum(v.poor_reduced), okNum(v.poor_start), okNum(v.poor_end));
  return reduced ? exactRate(reduced, v.households_start.num) : undefined;
}

export const rateChangeRule: Rule = {
  id: 'rate-change',
  severity: 'error',
  needs: [['rate_reduced']],
  perUnit: true,
  run(ctx) {
    for (const unit of ctx.annex.units) {
      const rr = usable(ctx, 'rate-change', unit, ['rate_reduced']);
      if (!rr) continue;
      const printed = rr.rate_reduced;
      const start = rateFor(ctx, unit, 'rate_start');
      const end = rateFor(ctx, unit, 'rate_end');
      if (!start || !end) continue;
      ctx.checked('rate-change');
      const expected = rateReduction(start.value, end.value);
      const unrounded = unroundedFall(ctx, unit, start.value, end.value);
      const startText = plain(start.value, RATE_DECIMALS);
      const endText = plain(end.value, RATE_DECIMALS);
      if (expected.eq(printed.num)) {
        const rounded = unrounded && roundRate(unrounded);
        if (unrounded && rounded && !rounded.eq(expected)) {
          const note: Finding = {
            rule: 'rate-change',
            severity: 'info',
            at: printed.cell,
            unit: unit.name,
            indicator: 'rate_reduced',
            expected: plain(expected, RATE_DECIMALS),
            actual: printed.plain,
            msg: {
              id: 'rate-change.convention',
              params: {
                unit: unit.name,
                start: startText,
                end: endText,
                actual: printed.plain,
                unrounded: plain(unrounded.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN),
                rounded: plain(rounded, RATE_DECIMALS),
              },
            },
          };
          // A convention, not an error: per unit down to depth 1, one summary per parent below.
          if (ctx.depth(unit) <= 1) ctx.report(note);
          else ctx.fold(note, unit);
        }
        continue;
      }
      const roundedUnrounded = unrounded && roundRate(unrounded);
      const exactShare = shareReduced(ctx, unit);
      const share = exactShare && roundRate(exactShare);
      ctx.report({
        rule: 'rate-change',
        severity: 'error',
        at: printed.cell,
        unit: unit.name,
        indicator: 'rate_reduced',
        expected: plain(expected, RATE_DECIMALS),
        actual: printed.plain,
        msg: {
          id: 'rate-change.mismatch',
          params: {
            unit: unit.name,
            start: startText,
            end: endText,
            expected: plain(expected, RATE_DECIMALS),
            actual: printed.plain,
            computed: start.computed || end.computed,
            ...(unrounded && roundedUnrounded?.eq(printed.num) ? { unrounded: plain(unrounded.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN) } : {}),
            ...(share?.eq(printed.num) ? { share: plain(share, RATE_DECIMALS) } : {}),
          },
        },
      });
    }
  },
};
