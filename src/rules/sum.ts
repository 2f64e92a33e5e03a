/**
 * sum: for each count indicator, the units add up to the total unit. The finding sits at the total's cell.
 * Works per parent, so deeper hierarchies (province → district → commune) reuse it unchanged.
 */
import { Dec, ZERO, plain } from '../calc/decimal.js';
import { childrenByParent } from '../model/annex.js';
import { COUNT_INDICATORS } from '../model/indicators.js';
import { isOk, type Rule } from './types.js';

export const sumRule: Rule = {
  id: 'sum',
  severity: 'error',
  needs: [],
  run(ctx) {
    const { annex } = ctx;
    const children = childrenByParent(annex);
    for (const parent of annex.units) {
      const parts = children.get(parent.id);
      if (!parts) continue;
      for (const ind of COUNT_INDICATORS) {
        if (!annex.indicators.includes(ind)) continue;
        const total = annex.values[parent.id]?.[ind];
        const values = parts.map((u) => annex.values[u.id]?.[ind]);
        const bad = [total, ...values].filter((v) => v && !isOk(v)).map((v) => v!.cell.ref);
        if (bad.length > 0 || !isOk(total)) {
          if (bad.length > 0) ctx.skip({ rule: 'sum', unit: parent.name, msg: { id: 'skip.bad-value', params: { cells: bad } } });
          continue;
        }
        let sum: Dec = ZERO;
        for (const v of values) if (isOk(v)) sum = sum.plus(v.num);
        if (sum.eq(total.num)) continue;
        ctx.report({
          rule: 'sum',
          severity: 'error',
          at: total.cell,
          unit: parent.name,
          indicator: ind,
          expected: plain(sum),
          actual: total.plain,
          msg: {
            id: 'sum.mismatch',
            params: { indicator: ind, total: parent.name, parts: plain(sum), actual: total.plain, diff: plain(total.num.minus(sum)), count: parts.length },
          },
        });
      }
    }
  },
};
