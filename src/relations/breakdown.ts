/**
 * breakdown: rows that break a figure down add up to it. In a table of indicator rows, the dash rows under a
 * count (`Số hộ thoát nghèo` → `- Chuyển sang hộ cận nghèo`, `- Thoát tình trạng nghèo, cận nghèo`, …), per
 * unit; in a table of unit rows, the household categories listed under a unit (`Trong đó: hộ nghèo về thu
 * nhập`, `hộ nghèo thiếu hụt …`), in every column they all fill. A net reduction broken down into its gross flows
 * (`Số hộ nghèo giảm` → `- Số hộ thoát nghèo`, `- Số hộ nghèo mới phát sinh`) is its out-flows less its in-flows
 * (shape/wide.ts `flowsUnderNet`). The finding sits at the figure broken down.
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
  /** The parts subtracted: the in-flows of a net reduction's breakdown. */
  readonly minus?: readonly OkValue[];
}

const total = (values: readonly OkValue[]): Dec => values.reduce((s: Dec, v) => s.plus(v.num), zero());

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
  noneUnlessApplicable: true,
  applicable: (annex) => [...(annex.subSlots?.values() ?? [])].some((s) => s.relation === 'breakdown') || someUnitHasRole(annex.units, 'breakdown'),
  *instances(ctx) {
    const { annex } = ctx;
    for (const [parent, rows] of breakdownRows(annex.subSlots)) {
      if (indicatorKind(parent) !== 'count') continue;
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, parent);
        const values = rows.map((k) => okValue(annex, id, k));
        if (!at || !values.every((p) => p)) continue;
        const parts = (values as OkValue[]).filter((_, i) => !annex.subSlots!.get(rows[i]!)!.inFlow);
        const minus = (values as OkValue[]).filter((_, i) => annex.subSlots!.get(rows[i]!)!.inFlow);
        yield { unit: annex.units.at(id)!, at, cells: [at, ...(values as OkValue[])], parts, ...(minus.length > 0 ? { minus } : {}) };
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
    const out = total(r.parts);
    const sum = r.minus ? out.minus(total(r.minus)) : out;
    if (sum.eq(r.at.num)) return;
    const where = { rule: 'breakdown', severity: 'error', at: r.at.cell, unit: r.unit.name, indicator: r.at.indicator, expected: plain(sum), actual: r.at.plain } as const;
    const diff = plain(r.at.num.minus(sum));
    if (r.minus) {
      ctx.report({ ...where, msg: { id: 'breakdown.net', params: { unit: r.unit.name, indicator: r.at.indicator, out: plain(out), in: plain(total(r.minus)), parts: plain(sum), actual: r.at.plain, diff } } });
      return;
    }
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
  form: (r) => {
    const parts = sumOf(r.parts.map((v) => ref(v.cell.ref)));
    return { type: 'eq', expr: sub(ref(r.at.cell.ref), r.minus ? sub(parts, sumOf(r.minus.map((v) => ref(v.cell.ref)))) : parts) };
  },
});
