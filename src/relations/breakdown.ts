/**
 * breakdown: rows that break a figure down add up to it. In a table of indicator rows, the dash rows under a
 * count (`Số hộ thoát nghèo` → `- Chuyển sang hộ cận nghèo`, `- Thoát tình trạng nghèo, cận nghèo`, …), per
 * unit; in a table of unit rows, the household categories listed under a unit (`Trong đó: hộ nghèo về thu
 * nhập`, `hộ nghèo thiếu hụt …`), in every column they all fill. The finding sits at the figure broken down.
 */
import { Dec, zero, plain } from '../calc/decimal.js';
import { someUnitHasRole } from '../model/annex.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { ref, sub, sumOf } from '../model/expr.js';
import type { SubSlot } from '../model/slots.js';
import type { OkValue } from '../rules/types.js';
import { okValue } from './slots.js';
import { subUnitsIn, unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface BreakdownRelation extends Relation {
  readonly parts: readonly OkValue[];
}

/** The breakdown rows of each slot, each breakdown on its own (a count broken down two ways adds up each way): its parent slot and rows, in table order. */
function breakdownRows(subSlots: ReadonlyMap<Indicator, SubSlot> | undefined): Array<[Indicator, Indicator[]]> {
  const out = new Map<string, [Indicator, Indicator[]]>();
  for (const [key, sub] of subSlots ?? []) {
    if (sub.relation !== 'breakdown') continue;
    const k = `${sub.parent}#${sub.group ?? 0}`;
    (out.get(k) ?? out.set(k, [sub.parent, []]).get(k)!)[1].push(key);
  }
  return [...out.values()];
}

export const breakdownKind = defineKind<BreakdownRelation>({
  id: 'breakdown',
  relation: 'breakdown',
  severity: 'error',
  needs: [],
  perUnit: false,
  localised: true,
  applicable: (annex) => [...(annex.subSlots?.values() ?? [])].some((s) => s.relation === 'breakdown') || someUnitHasRole(annex.units, 'breakdown'),
  *instances(ctx) {
    const { annex } = ctx;
    for (const [parent, rows] of breakdownRows(annex.subSlots)) {
      if (indicatorKind(parent) !== 'count') continue;
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, parent);
        const parts = rows.map((k) => okValue(annex, id, k));
        if (at && parts.every((p) => p)) yield { unit: annex.units.at(id)!, at, cells: [at, ...(parts as OkValue[])], parts: parts as OkValue[] };
      }
    }
    for (const [parentId, units] of subUnitsIn(ctx, 'breakdown')) {
      const unit = annex.units.at(parentId)!;
      for (const slot of annex.indicators) {
        if (indicatorKind(slot) !== 'count') continue;
        const at = okValue(annex, unit, slot);
        const parts = units.map((u) => okValue(annex, u, slot));
        if (at && parts.length >= 2 && parts.every((p) => p)) yield { unit, at, cells: [at, ...(parts as OkValue[])], parts: parts as OkValue[] };
      }
    }
  },
  check(r, ctx) {
    ctx.checked('breakdown');
    const sum = r.parts.reduce((s: Dec, v) => s.plus(v.num), zero());
    if (sum.eq(r.at.num)) return;
    ctx.report({
      rule: 'breakdown',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      expected: plain(sum),
      actual: r.at.plain,
      msg: { id: 'breakdown.mismatch', params: { unit: r.unit.name, indicator: r.at.indicator, parts: plain(sum), actual: r.at.plain, diff: plain(r.at.num.minus(sum)), count: r.parts.length } },
    });
  },
  form: (r) => ({ type: 'eq', expr: sub(ref(r.at.cell.ref), sumOf(r.parts.map((v) => ref(v.cell.ref)))) }),
});
