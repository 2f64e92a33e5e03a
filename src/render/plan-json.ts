/**
 * `plan --format json`: per unit its status, targets with the least exits each needs (or why none does), the
 * planned values; per total target whether the plan meets it and how many more exits it needs. Numbers are
 * strings of plain digits.
 */
import { jsonControlsEscaped } from './safe-text.js';
import { plain } from '../calc/decimal.js';
import type { ExitsOutcome } from '../calc/annex-math.js';
import { INDICATORS } from '../model/indicators.js';
import type { PlanResult } from '../compute/plan.js';
import type { Target } from '../targets/index.js';
import { displayUnits } from './annex-layout.js';
import { plainValue } from './table-data.js';

export const PLAN_JSON_VERSION = 1;

function outcomeJson(o: ExitsOutcome, t: Target) {
  if (o.ok) return { reachable: true, minimumExits: plain(o.exits), valueAtMinimum: plainValue(o.value, t.indicator), reason: null };
  return {
    reachable: false,
    minimumExits: null,
    reason: o.reason,
    ...(o.reason === 'unreachable' ? { best: plainValue(o.best, t.indicator) } : {}),
    ...(o.reason === 'not-exact' ? { exits: plain(o.exits), valueAtExits: plainValue(o.value, t.indicator) } : {}),
  };
}

/** `from`: where the target was given (`--target`, the targets file, the plan's text: "plan.docx ¶10"). */
const targetJson = (t: Target) => ({ unit: t.unit, indicator: t.indicator, op: t.op, value: t.value, from: t.origin?.source ?? null });

export function renderPlanJson(plan: PlanResult, meta: { file: string }): string {
  const byUnit = new Map(plan.plans.map((p) => [p.unit.id, p]));
  const out = {
    povcheck: PLAN_JSON_VERSION,
    command: 'plan',
    file: meta.file,
    ok: plan.ok,
    units: displayUnits(plan).map((u) => {
      const p = byUnit.get(u.id);
      return {
        name: u.name,
        total: u.isTotal,
        status: p ? p.status : 'total',
        exits: p?.exits !== undefined ? plain(p.exits) : null,
        inputReduced: p?.inputReduced !== undefined ? plain(p.inputReduced) : null,
        exitsAtStartHouseholds: p?.exitsAtStartHouseholds !== undefined ? plain(p.exitsAtStartHouseholds) : null,
        targets: (p?.targets ?? []).map((r) => ({ ...targetJson(r.target), ...outcomeJson(r.outcome, r.target) })),
        values: Object.fromEntries(INDICATORS.map((ind) => {
          const d = plan.value(u.id, ind);
          return [ind, d === undefined ? null : plainValue(d, ind)];
        })),
      };
    }),
    totalTargets: plan.totalTargets.map((r) => ({
      ...targetJson(r.target),
      ...outcomeJson(r.outcome, r.target),
      planned: plain(r.planned),
      missing: r.missing.map((u) => u.name),
      achieved: r.value !== undefined ? plainValue(r.value, r.target.indicator) : null,
      met: r.met ?? null,
      moreExits: r.more !== undefined ? plain(r.more) : null,
      exitsAtStartHouseholds: r.exitsAtStartHouseholds !== undefined ? plain(r.exitsAtStartHouseholds) : null,
    })),
  };
  return jsonControlsEscaped(JSON.stringify(out, null, 2)) + '\n';
}
