/** flow: poor households at the end = at the start − reduced during the year, per unit. */
import { plain } from '../calc/decimal.js';
import { usable, type Rule } from './types.js';

export const flowRule: Rule = {
  id: 'flow',
  severity: 'error',
  needs: [['poor_start', 'poor_reduced', 'poor_end']],
  perUnit: true,
  run(ctx) {
    for (const unit of ctx.annex.units) {
      const v = usable(ctx, 'flow', unit, ['poor_start', 'poor_reduced', 'poor_end']);
      if (!v) continue;
      ctx.checked('flow');
      const expected = v.poor_start.num.minus(v.poor_reduced.num);
      if (expected.eq(v.poor_end.num)) continue;
      ctx.report({
        rule: 'flow',
        severity: 'error',
        at: v.poor_end.cell,
        unit: unit.name,
        indicator: 'poor_end',
        expected: plain(expected),
        actual: v.poor_end.plain,
        msg: {
          id: 'flow.mismatch',
          params: { unit: unit.name, start: v.poor_start.plain, reduced: v.poor_reduced.plain, expected: plain(expected), actual: v.poor_end.plain },
        },
      });
    }
  },
};
