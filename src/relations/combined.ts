/**
 * combined: `Tổng số hộ nghèo và hộ cận nghèo` = poor + near-poor households (exactly), and the
 * multidimensional rate = poverty rate + near-poverty rate within their rounding: each printed rate is within
 * half a unit of its last decimal of the exact one, so the printed sum may differ from the printed combined
 * rate by at most the three half-units together (±0,01 at two decimals).
 */
import { halfUnit } from '../calc/annex-math.js';
import { Dec, plain } from '../calc/decimal.js';
import { ref, sub, sumOf } from '../model/expr.js';
import type { OkValue } from '../rules/types.js';
import { okValue, slotFor, vocabularySlots } from './slots.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface CombinedRelation extends Relation {
  readonly poor: OkValue;
  readonly nearPoor: OkValue;
  readonly rate: boolean;
}

const tolerance = (r: CombinedRelation) => [r.at, r.poor, r.nearPoor].reduce((t, v) => t.plus(halfUnit(v.decimals ?? 0)), new Dec(0));

export const combinedKind = defineKind<CombinedRelation>({
  id: 'combined',
  relation: 'combined',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => vocabularySlots(annex).some((s) => s.point.population === 'poor_near_poor'),
  *instances(ctx) {
    const { annex } = ctx;
    for (const s of vocabularySlots(annex)) {
      if (s.point.population !== 'poor_near_poor' || (s.point.measure !== 'count' && s.point.measure !== 'rate' && s.point.measure !== 'persons')) continue;
      const poorKey = slotFor(s, { population: 'poor' });
      const nearKey = slotFor(s, { population: 'near_poor' });
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, s.key);
        const poor = okValue(annex, id, poorKey);
        const nearPoor = okValue(annex, id, nearKey);
        if (at && poor && nearPoor) yield { unit: annex.units.at(id)!, at, cells: [poor, nearPoor, at], poor, nearPoor, rate: s.point.measure === 'rate' };
      }
    }
  },
  check(r, ctx) {
    ctx.checked('combined');
    const sum = r.poor.num.plus(r.nearPoor.num);
    const where = { at: r.at.cell, unit: r.unit.name, indicator: r.at.indicator, actual: r.at.plain };
    const base = { unit: r.unit.name, indicator: r.at.indicator, poor: r.poor.plain, nearPoor: r.nearPoor.plain, actual: r.at.plain };
    if (!r.rate) {
      if (sum.eq(r.at.num)) return;
      ctx.report({ rule: 'combined', severity: 'error', ...where, expected: plain(sum), msg: { id: 'combined.count', params: { ...base, expected: plain(sum) } } });
      return;
    }
    const tol = tolerance(r);
    if (r.at.num.minus(sum).abs().lte(tol)) return;
    const dp = Math.max(r.poor.decimals ?? 0, r.nearPoor.decimals ?? 0);
    ctx.report({
      rule: 'combined',
      severity: 'error',
      ...where,
      expected: plain(sum, dp),
      msg: { id: 'combined.rate', params: { ...base, sum: plain(sum, dp), tolerance: plain(tol.toDecimalPlaces(dp, Dec.ROUND_DOWN), dp) } },
    });
  },
  form(r) {
    const e = sub(ref(r.at.cell.ref), sumOf([ref(r.poor.cell.ref), ref(r.nearPoor.cell.ref)]));
    const tolCells = [r.at, r.poor, r.nearPoor].map((v) => ({ ref: v.cell.ref, dp: v.decimals ?? 0 }));
    return r.rate ? { type: 'within', expr: e, tol: tolerance(r).toString(), tolCells } : { type: 'eq', expr: e };
  },
});
