/**
 * flow (net balance): poor households at the end = at the start − reduced during the year, per unit; and
 * the same for any other population (near-poor …) or dimension the table prints a net reduction for.
 */
import { plain } from '../calc/decimal.js';
import { intOf } from '../calc/scaled.js';
import { ref, sub } from '../model/expr.js';
import { usable, type OkValue } from '../rules/types.js';
import { isAnnexShaped } from '../model/indicators.js';
import type { Annex } from '../model/annex.js';
import { IN_FLOWS, OUT_FLOWS } from '../model/vocabulary.js';
import { defineKind, type Relation } from './types.js';
import { unitsIn } from './scope.js';
import { carriesSlot, okValue, slotFor, vocabularySlots } from './slots.js';

export interface FlowRelation extends Relation {
  readonly start: OkValue;
  readonly reduced: OkValue;
  /** Not the annex's poor households (worded with the end slot's name). */
  readonly other?: boolean;
}

/** Whether the table prints gross flows (households that left, came back, fell into poverty). */
function grossFlows(annex: Annex): boolean {
  return vocabularySlots(annex).some((s) => (OUT_FLOWS as readonly string[]).includes(s.point.time) || (IN_FLOWS as readonly string[]).includes(s.point.time));
}

/** Whether the table prints a net reduction of some population (beyond the annex's). */
function netReductions(annex: Annex): boolean {
  return vocabularySlots(annex).some((s) => s.point.time === 'reduced' && s.point.measure === 'count' && s.point.role === 'value');
}

export const flowKind = defineKind<FlowRelation>({
  id: 'flow',
  relation: 'net-balance',
  severity: 'error',
  needs: [['poor_start', 'poor_reduced', 'poor_end']],
  applies: netReductions,
  perUnit: true,
  localised: true,
  annex: true,
  // A table of gross flows (thoát nghèo, tái nghèo …) without a net reduction balances by `balance` instead.
  applicable: (annex) => annex.indicators.includes('poor_reduced') || (isAnnexShaped(annex.indicators) && !grossFlows(annex)) || netReductions(annex),
  *instances(ctx) {
    const { annex } = ctx;
    for (const unit of unitsIn(ctx)) {
      const v = usable(ctx, 'flow', unit, ['poor_start', 'poor_reduced', 'poor_end']);
      if (v) yield { unit, at: v.poor_end, cells: [v.poor_start, v.poor_reduced, v.poor_end], start: v.poor_start, reduced: v.poor_reduced };
    }
    for (const s of vocabularySlots(annex)) {
      if (s.point.measure !== 'count' || s.point.role !== 'value' || s.point.time !== 'end' || s.key === 'poor_end') continue;
      const startKey = slotFor(s, { time: 'start' });
      const reducedKey = slotFor(s, { time: 'reduced' });
      if (!carriesSlot(annex, startKey) || !carriesSlot(annex, reducedKey)) continue;
      for (const unit of unitsIn(ctx)) {
        const at = okValue(annex, unit, s.key);
        const start = okValue(annex, unit, startKey);
        const reduced = okValue(annex, unit, reducedKey);
        if (at && start && reduced) yield { unit, at, cells: [start, reduced, at], start, reduced, other: true };
      }
    }
  },
  check(r, ctx) {
    ctx.checked('flow');
    // Whole counts (the common case): exact in integers, no decimal object.
    const [s, d, e] = [intOf(r.start), intOf(r.reduced), intOf(r.at)];
    if (s !== undefined && d !== undefined && e !== undefined && s - d === e) return;
    const expected = r.start.num.minus(r.reduced.num);
    if (expected.eq(r.at.num)) return;
    if (r.other) {
      ctx.report({
        rule: 'flow',
        severity: 'error',
        at: r.at.cell,
        unit: r.unit.name,
        indicator: r.at.indicator,
        expected: plain(expected),
        actual: r.at.plain,
        msg: { id: 'flow.mismatch-of', params: { unit: r.unit.name, indicator: r.at.indicator, start: r.start.plain, reduced: r.reduced.plain, expected: plain(expected), actual: r.at.plain } },
      });
      return;
    }
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
