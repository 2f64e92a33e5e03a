/**
 * share: a part's share of the population it belongs to (`Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo`)
 * = the part's count / the whole's count × 100, rounded half-up at the precision printed. Both counts of the same
 * time and dimensions as the share (`em_poor_share_end` over `em_poor_end` and `poor_end`); a share printed at a
 * point is of the counts at a point.
 */
import { Dec, plain } from '../calc/decimal.js';
import { exactRate } from '../calc/annex-math.js';
import { shareWhole } from '../model/vocabulary.js';
import type { OkValue } from '../rules/types.js';
import { EXACT_SHOWN } from './rate.js';
import { okValue, slotFor, vocabularySlots } from './slots.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface ShareRelation extends Relation {
  readonly part: OkValue;
  readonly whole: OkValue;
}

export const shareKind = defineKind<ShareRelation>({
  id: 'share',
  relation: 'share',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  applicable: (annex) => vocabularySlots(annex).some((s) => s.point.measure === 'share'),
  *instances(ctx) {
    const { annex } = ctx;
    for (const s of vocabularySlots(annex)) {
      const whole = s.point.measure === 'share' ? shareWhole(s.point.population) : undefined;
      if (whole === undefined || s.point.role !== 'value') continue;
      const partKey = slotFor(s, { measure: 'count' });
      const wholeKey = slotFor(s, { measure: 'count', population: whole });
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, s.key);
        const part = at && okValue(annex, id, partKey);
        const wholeValue = part && okValue(annex, id, wholeKey);
        if (at && part && wholeValue) yield { unit: annex.units.at(id)!, at, part, whole: wholeValue, cells: [part, wholeValue, at] };
      }
    }
  },
  check(r, ctx) {
    const exact = exactRate(r.part.num, r.whole.num);
    if (!exact) return;
    ctx.checked('share');
    const dp = r.at.decimals ?? 0;
    const rounded = exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
    if (rounded.eq(r.at.num)) return;
    const expected = plain(rounded, dp);
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
          exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN),
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
