/**
 * share: a part's share of the population it belongs to (`Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo`)
 * = the part's count / the whole's count × 100, rounded half-up at the precision printed. Both counts of the same
 * time and dimensions as the share (`em_poor_share_end` over `em_poor_end` and `poor_end`); a share printed at a
 * point is of the counts at a point. The rates of a count's listed rows that are shares of it (part-shares.ts) too.
 */
import { Dec, plain } from '../calc/decimal.js';
import { exactRate } from '../calc/annex-math.js';
import { shareWhole } from '../model/vocabulary.js';
import type { OkValue } from '../rules/types.js';
import { EXACT_SHOWN } from './rate.js';
import { okValue, slotFor, vocabularySlots } from './slots.js';
import { partShares } from './part-shares.js';
import { unitIdsIn, type InstanceContext } from './scope.js';
import type { Indicator } from '../model/indicators.js';
import { defineKind, type Relation } from './types.js';

export interface ShareRelation extends Relation {
  readonly part: OkValue;
  readonly whole: OkValue;
  /** A listed row's name, when the share is that row's rate (`Về thu nhập`: part-shares.ts). */
  readonly row?: string;
}

/** Each unit's share of one slot, where the share, its part and its whole are numbers (`part`: a listed row's name). */
function* perUnit(ctx: InstanceContext, keys: { rate: Indicator; count: Indicator | undefined; whole: Indicator | undefined; part?: string }): Generator<ShareRelation> {
  const { annex } = ctx;
  for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
    const id = ids.list ? ids.list[nth]! : nth;
    const at = okValue(annex, id, keys.rate);
    const part = at && okValue(annex, id, keys.count);
    const whole = part && okValue(annex, id, keys.whole);
    if (at && part && whole) yield { unit: annex.units.at(id)!, at, part, whole, cells: [part, whole, at], ...(keys.part !== undefined ? { row: keys.part } : {}) };
  }
}

export const shareKind = defineKind<ShareRelation>({
  id: 'share',
  relation: 'share',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => vocabularySlots(annex).some((s) => s.point.measure === 'share') || partShares(annex).length > 0,
  *instances(ctx) {
    const { annex } = ctx;
    for (const s of vocabularySlots(annex)) {
      const whole = s.point.measure === 'share' ? shareWhole(s.point.population) : undefined;
      if (whole === undefined || s.point.role !== 'value') continue;
      yield* perUnit(ctx, { rate: s.key, count: slotFor(s, { measure: 'count' }), whole: slotFor(s, { measure: 'count', population: whole }) });
    }
    for (const row of partShares(annex)) yield* perUnit(ctx, row);
  },
  check(r, ctx) {
    const exact = exactRate(r.part.num, r.whole.num);
    if (!exact) return;
    ctx.checked('share');
    const dp = r.at.decimals ?? 0;
    const rounded = exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
    if (rounded.eq(r.at.num)) return;
    const expected = plain(rounded, dp);
    const exactText = plain(exact.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN);
    if (r.row !== undefined) {
      const params = { unit: r.unit.name, row: r.row, whole: r.whole.indicator, count: r.part.plain, total: r.whole.plain, exact: exactText, expected, actual: r.at.plain, decimals: dp };
      ctx.report({ rule: 'share', severity: 'error', at: r.at.cell, unit: r.unit.name, indicator: r.at.indicator, expected, actual: r.at.plain, msg: { id: 'share.row', params } });
      return;
    }
    ctx.report({
      rule: 'share',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      expected,
      actual: r.at.plain,
      msg: {
        id: 'rate.mismatch-of',
        params: {
          unit: r.unit.name,
          indicator: r.at.indicator,
          count: r.part.plain,
          countIndicator: r.part.indicator,
          households: r.whole.plain,
          householdsIndicator: r.whole.indicator,
          exact: exactText,
          expected,
          actual: r.at.plain,
          decimals: dp,
        },
      },
    });
  },
  form(r) {
    return { type: 'rate', r: r.at.cell.ref, p: r.part.cell.ref, h: r.whole.cell.ref, minDp: 0 };
  },
});
