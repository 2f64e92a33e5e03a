/**
 * of-which: an "of which" figure is at most the figure it is part of: a row `Trong đó: hộ DTTS` under a count
 * (per unit), and a row `Trong đó: huyện nghèo …` (or a place listed under it) under a unit (per count). It is
 * never added up with the units.
 */
import { someUnitHasRole, type Unit } from '../model/annex.js';
import { indicatorKind } from '../model/indicators.js';
import { ref } from '../model/expr.js';
import { parseSlot } from '../model/slots.js';
import type { OkValue } from '../rules/types.js';
import { okValue } from './slots.js';
import { subUnitsIn, unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface OfWhichRelation extends Relation {
  readonly whole: OkValue;
  /** The row's own words: the unit's name, or the sub-row's label. */
  readonly part: string;
  readonly partUnit: Unit;
}

export const ofWhichKind = defineKind<OfWhichRelation>({
  id: 'of-which',
  relation: 'of-which',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  // Counts only are compared: a table of rates with groups "of which" its total has nothing for this check.
  noneUnlessApplicable: true,
  applicable: (annex) =>
    [...(annex.subSlots?.values() ?? [])].some((s) => s.relation === 'of-which' && indicatorKind(s.parent) === 'count') ||
    (someUnitHasRole(annex.units, 'of-which') && annex.indicators.some((i) => indicatorKind(i) === 'count')),
  *instances(ctx) {
    const { annex } = ctx;
    for (const [key, sub] of annex.subSlots ?? []) {
      if (sub.relation !== 'of-which' || indicatorKind(sub.parent) !== 'count') continue;
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, key);
        const whole = okValue(annex, id, sub.parent);
        if (!at || !whole) continue;
        const unit = annex.units.at(id)!;
        yield { unit, at, cells: [at, whole], whole, part: parseSlot(key).part ?? key, partUnit: unit };
      }
    }
    for (const [parentId, units] of subUnitsIn(ctx, 'of-which')) {
      const parent = annex.units.at(parentId)!;
      for (const id of units) {
        const u = annex.units.at(id)!;
        for (const slot of annex.indicators) {
          if (indicatorKind(slot) !== 'count') continue;
          const at = okValue(annex, u, slot);
          const whole = okValue(annex, parent, slot);
          if (at && whole) yield { unit: parent, at, cells: [at, whole], whole, part: u.name, partUnit: u };
        }
      }
    }
  },
  check(r, ctx) {
    ctx.checked('of-which');
    if (r.at.num.lte(r.whole.num)) return;
    ctx.report({
      rule: 'of-which',
      severity: 'error',
      at: r.at.cell,
      unit: r.partUnit.name,
      indicator: r.at.indicator,
      actual: r.at.plain,
      msg: { id: 'of-which.exceeds', params: { unit: r.unit.name, indicator: r.whole.indicator, part: r.part, partValue: r.at.plain, wholeValue: r.whole.plain } },
    });
  },
  form: (r) => ({ type: 'le', a: ref(r.at.cell.ref), b: ref(r.whole.cell.ref) }),
});
