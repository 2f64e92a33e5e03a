/**
 * achievement: `Tỷ lệ đạt so với chỉ tiêu` = the reduction / the target × 100, rounded half-up at the
 * precision printed. The reduction is the printed one (`Giảm … điểm %`), else the printed start rate − the
 * printed end rate, the annex's way.
 */
import { Dec, plain } from '../calc/decimal.js';
import type { OkValue } from '../rules/types.js';
import { EXACT_SHOWN } from './rate.js';
import { carriesSlot, okValue, slotFor, vocabularySlots, type SlotInfo } from './slots.js';
import { describeIndicator } from '../model/vocabulary.js';
import { indicatorOf } from '../model/slots.js';
import type { Annex } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Form, type Relation } from './types.js';

export interface AchievementRelation extends Relation {
  readonly target: OkValue;
  /** The printed reduction, or the two printed rates it is the difference of. */
  readonly reduction: OkValue | { start: OkValue; end: OkValue };
}

const reductionOf = (r: AchievementRelation, get: (v: OkValue) => Dec | undefined): Dec | undefined => {
  if ('num' in r.reduction) return get(r.reduction);
  const s = get(r.reduction.start);
  const e = get(r.reduction.end);
  return s && e ? s.minus(e) : undefined;
};

/**
 * The reduction an achievement is of, and its target: its own (`rate_reduced` for `rate_reduced_achievement`), else
 * the table's only reduction in the same measure (`Tỷ lệ giảm nghèo vùng đồng bào DTTS (%)` beside `Tỷ lệ đạt so với
 * chỉ tiêu (%)`: a table names its group once, in the figure's heading), with the target printed for either.
 */
function reductionOfAchievement(annex: Annex, s: SlotInfo): { value: Indicator | undefined; target: Indicator | undefined } {
  const own = { value: slotFor(s, { role: 'value' }), target: slotFor(s, { role: 'target' }) };
  if (own.value === undefined || carriesSlot(annex, own.value)) return own;
  const measure = describeIndicator(indicatorOf(own.value))?.measure;
  const others = vocabularySlots(annex).filter((x) => x.point.role === 'value' && x.point.time === 'reduced' && x.point.measure === measure);
  if (others.length !== 1) return own;
  const target = slotFor(others[0]!, { role: 'target' });
  return { value: others[0]!.key, target: carriesSlot(annex, target) ? target : own.target };
}

export const achievementKind = defineKind<AchievementRelation>({
  id: 'achievement',
  relation: 'achievement',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => vocabularySlots(annex).some((s) => s.point.role === 'achievement'),
  *instances(ctx) {
    const { annex } = ctx;
    for (const s of vocabularySlots(annex)) {
      if (s.point.role !== 'achievement') continue;
      const { value: valueKey, target: targetKey } = reductionOfAchievement(annex, s);
      const startKey = slotFor(s, { role: 'value', measure: 'rate', time: 'start' });
      const endKey = slotFor(s, { role: 'value', measure: 'rate', time: 'end' });
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, s.key);
        const target = okValue(annex, id, targetKey);
        const printed = okValue(annex, id, valueKey);
        const start = okValue(annex, id, startKey);
        const end = okValue(annex, id, endKey);
        const reduction = printed ?? (start && end ? { start, end } : undefined);
        if (!at || !target || !reduction) continue;
        yield { unit: annex.units.at(id)!, at, target, reduction, cells: [at, target, ...('num' in reduction ? [reduction] : [reduction.start, reduction.end])] };
      }
    }
  },
  check(r, ctx) {
    const reduction = reductionOf(r, (v) => v.num);
    if (reduction === undefined || r.target.num.isZero()) return;
    ctx.checked('achievement');
    const exact = reduction.mul(100).div(r.target.num);
    const dp = r.at.decimals ?? 0;
    const rounded = exact.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
    if (rounded.eq(r.at.num)) return;
    ctx.report({
      rule: 'achievement',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      expected: plain(rounded, dp),
      actual: r.at.plain,
      msg: {
        id: 'achievement.mismatch',
        params: {
          unit: r.unit.name,
          indicator: r.at.indicator,
          reduction: 'num' in r.reduction ? r.reduction.plain : plain(reduction),
          target: r.target.plain,
          exact: plain(exact.toDecimalPlaces(EXACT_SHOWN, 1), EXACT_SHOWN),
          expected: plain(rounded, dp),
          actual: r.at.plain,
        },
      },
    });
  },
  form(r): Form {
    if ('num' in r.reduction) return { type: 'rate', r: r.at.cell.ref, p: r.reduction.cell.ref, h: r.target.cell.ref, minDp: 0 };
    const refs = r.cells.map((c) => c.cell.ref);
    return {
      type: 'test',
      refs,
      holds: (get, dpOf) => {
        const red = reductionOf(r, (v) => get(v.cell.ref));
        const t = get(r.target.cell.ref);
        const a = get(r.at.cell.ref);
        const dp = dpOf?.(r.at.cell.ref) ?? r.at.decimals ?? 0;
        return !red || !t || !a || t.isZero() || red.mul(100).div(t).toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(a);
      },
    };
  },
});

