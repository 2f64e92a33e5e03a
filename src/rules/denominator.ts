/**
 * denominator: where households at the end differ from those at the start, the two rates have different
 * denominators, so the fall in the rate is not the share of households that left poverty. A warning
 * explains by how much: rate_start − rate_end = R/H0 + P1·(H1 − H0)/(H0·H1).
 * The finding sits at the reduction cell (the number readers misread), else at the end households.
 *
 * Per unit for the total and the units directly under it; below that (communes of a district) one summary
 * per parent, naming the unit where the change in households weighs most (rules/summary.ts).
 */
import { plain } from '../calc/decimal.js';
import { poorReduced, rate, rateReduction, RATE_DECIMALS, roundRate, splitReduction } from '../calc/annex-math.js';
import type { Unit } from '../model/annex.js';
import type { Finding } from '../findings.js';
import { effectOfDecs, type Effect } from './summary.js';
import { isOk, okNum, usable, type Rule, type RuleContext } from './types.js';

/** The unit's warning and the size of its effect, when its two rates have different denominators. */
export function denominatorNote(ctx: RuleContext, unit: Unit): { note: Finding; effect: Effect } | undefined {
  const { annex } = ctx;
  const hh = usable(ctx, 'denominator', unit, ['households_start', 'households_end']);
  if (!hh) return undefined;
  const h0 = hh.households_start.num;
  const h1 = hh.households_end.num;
  if (h0.eq(h1) || h0.isZero() || h1.isZero()) return undefined;
  const v = annex.values[unit.id] ?? {};
  const p0 = okNum(v.poor_start);
  const p1Given = okNum(v.poor_end);
  const rGiven = okNum(v.poor_reduced);
  const reduced = poorReduced(rGiven, p0, p1Given);
  const p1 = p1Given ?? (p0 && rGiven ? p0.minus(rGiven) : undefined);
  if (!reduced || !p1) return undefined;
  const split = splitReduction(h0, h1, p1, reduced)!;
  let points: string;
  if (isOk(v.rate_reduced)) points = v.rate_reduced.plain;
  else if (p0) points = plain(rateReduction(rate(p0, h0)!, rate(p1, h1)!), RATE_DECIMALS);
  else points = plain(roundRate(split.exactFall), RATE_DECIMALS);
  const at = v.rate_reduced?.cell ?? v.households_end?.cell;
  const share = plain(roundRate(split.share), RATE_DECIMALS);
  const note: Finding = {
    rule: 'denominator',
    severity: 'warning',
    ...(at ? { at } : {}),
    unit: unit.name,
    indicator: v.rate_reduced ? 'rate_reduced' : 'households_end',
    expected: share,
    actual: points,
    msg: {
      id: 'denominator.mixed',
      params: {
        unit: unit.name,
        h0: plain(h0),
        h1: plain(h1),
        change: plain(h1.minus(h0)),
        reduced: plain(reduced),
        share,
        points,
        growth: plain(roundRate(split.growth), RATE_DECIMALS),
      },
    },
  };
  return { note, effect: effectOfDecs(h0, h1, p1) };
}

export const denominatorRule: Rule = {
  id: 'denominator',
  severity: 'warning',
  needs: [['households_start', 'households_end']],
  perUnit: true,
  run(ctx) {
    for (const unit of ctx.annex.units) {
      const d = denominatorNote(ctx, unit);
      if (!d) continue;
      if (ctx.depth(unit) <= 1) ctx.report(d.note);
      else ctx.fold(d.note, unit, d.effect);
    }
  },
};
