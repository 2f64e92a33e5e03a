/**
 * range: counts are whole and not negative; poor households never exceed all households; no more are
 * reduced than there were; rates lie within 0–100 (the reduction within −100–100). A negative
 * reduction is a warning: the figure is net, and poverty can grow, but the sign is a common slip.
 */
import { COUNT_INDICATORS, type Indicator } from '../model/indicators.js';
import { isOk, type Rule, type RuleContext } from './types.js';
import type { Unit } from '../model/annex.js';

function exceeds(ctx: RuleContext, unit: Unit, part: Indicator, whole: Indicator) {
  const v = ctx.annex.values[unit.id];
  const p = v?.[part];
  const w = v?.[whole];
  if (!isOk(p) || !isOk(w) || p.num.lte(w.num) || p.num.isNegative()) return;
  ctx.report({
    rule: 'range',
    severity: 'error',
    at: p.cell,
    unit: unit.name,
    indicator: part,
    actual: p.plain,
    msg: { id: 'range.exceeds', params: { unit: unit.name, part, partValue: p.plain, whole, wholeValue: w.plain } },
  });
}

export const rangeRule: Rule = {
  id: 'range',
  severity: 'error',
  needs: [],
  perUnit: true,
  run(ctx) {
    for (const unit of ctx.annex.units) {
      const v = ctx.annex.values[unit.id] ?? {};
      for (const ind of COUNT_INDICATORS) {
        const x = v[ind];
        if (!isOk(x)) continue;
        ctx.checked('range');
        const base = { rule: 'range' as const, at: x.cell, unit: unit.name, indicator: ind, actual: x.plain };
        if (x.num.isNegative()) {
          if (ind === 'poor_reduced') {
            ctx.report({ ...base, severity: 'warning', msg: { id: 'range.reduced-negative', params: { unit: unit.name, actual: x.plain } } });
          } else {
            ctx.report({ ...base, severity: 'error', msg: { id: 'range.negative', params: { unit: unit.name, indicator: ind, actual: x.plain } } });
          }
        } else if (!x.num.isInteger()) {
          ctx.report({ ...base, severity: 'error', msg: { id: 'range.fraction', params: { unit: unit.name, indicator: ind, actual: x.plain } } });
        }
      }
      exceeds(ctx, unit, 'poor_start', 'households_start');
      exceeds(ctx, unit, 'poor_end', 'households_end');
      exceeds(ctx, unit, 'poor_reduced', 'poor_start');
      for (const ind of ['rate_start', 'rate_reduced', 'rate_end'] as const) {
        const x = v[ind];
        if (!isOk(x)) continue;
        ctx.checked('range');
        const min = ind === 'rate_reduced' ? '-100' : '0';
        if (x.num.gte(min) && x.num.lte(100)) continue;
        ctx.report({
          rule: 'range',
          severity: 'error',
          at: x.cell,
          unit: unit.name,
          indicator: ind,
          actual: x.plain,
          msg: { id: 'range.rate', params: { unit: unit.name, indicator: ind, actual: x.plain, min, max: '100' } },
        });
      }
    }
  },
};
