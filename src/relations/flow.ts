/** flow (net balance): poor households at the end = at the start − reduced during the year, per unit. */
import { plain } from '../calc/decimal.js';
import { ref, sub } from '../model/expr.js';
import { usable, type OkValue } from '../rules/types.js';
import { defineKind, type Relation } from './types.js';

export interface FlowRelation extends Relation {
  readonly start: OkValue;
  readonly reduced: OkValue;
}

export const flowKind = defineKind<FlowRelation>({
  id: 'flow',
  relation: 'net-balance',
  severity: 'error',
  needs: [['poor_start', 'poor_reduced', 'poor_end']],
  perUnit: true,
  localised: true,
  *instances(ctx) {
    for (const unit of ctx.annex.units) {
      const v = usable(ctx, 'flow', unit, ['poor_start', 'poor_reduced', 'poor_end']);
      if (v) yield { unit, at: v.poor_end, cells: [v.poor_start, v.poor_reduced, v.poor_end], start: v.poor_start, reduced: v.poor_reduced };
    }
  },
  check(r, ctx) {
    ctx.checked('flow');
    const expected = r.start.num.minus(r.reduced.num);
    if (expected.eq(r.at.num)) return;
    ctx.report({
      rule: 'flow',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: 'poor_end',
      expected: plain(expected),
      actual: r.at.plain,
      msg: {
        id: 'flow.mismatch',
        params: { unit: r.unit.name, start: r.start.plain, reduced: r.reduced.plain, expected: plain(expected), actual: r.at.plain },
      },
    });
  },
  form: (r) => ({ type: 'eq', expr: sub(ref(r.at.cell.ref), sub(ref(r.start.cell.ref), ref(r.reduced.cell.ref))) }),
});
