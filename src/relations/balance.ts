/**
 * balance: the year's gross balance of a population, end = start − out-flows + in-flows, where the table
 * prints the start, the end and its gross flows (thoát nghèo and other decreases out; tái nghèo, phát sinh,
 * from near-poor and other increases in), as the official forms' column formula `9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8`.
 * A year's end may be the next year's column (`Số hộ nghèo` by year with `Số hộ thoát nghèo`, `tái nghèo` and
 * `phát sinh` by year). The households that left poverty are a gross out-flow, never the net reduction: a
 * table with exits but no in-flows claims no balance, and none is checked.
 */
import { plain, type Dec } from '../calc/decimal.js';
import type { Annex } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { ref, sub, sumOf, type Expr } from '../model/expr.js';
import { IN_FLOWS, OUT_FLOWS } from '../model/vocabulary.js';
import type { OkValue } from '../rules/types.js';
import { carriesSlot, ofIndicators, okStart, okValue, seriesStart, slotFor, vocabularySlots, yearStart, type YearStart } from './slots.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Relation } from './types.js';

export interface BalanceRelation extends Relation {
  readonly start: OkValue;
  readonly out: readonly OkValue[];
  readonly in: readonly OkValue[];
}

interface Shape {
  end: Indicator;
  /** The start (a series' last year, or the year's start with last year's end for a unit that leaves it blank). */
  from: YearStart;
  out: Indicator[];
  in: Indicator[];
}

/** The balances the table's slots make: per population and dimensions, and along the years of a series. */
function balances(annex: Annex): Shape[] {
  const carries = (k: Indicator | undefined): k is Indicator => carriesSlot(annex, k);
  const out: Shape[] = [];
  for (const s of vocabularySlots(annex)) {
    if (s.point.measure !== 'count' || s.point.role !== 'value') continue;
    // A series by year: last year's count is this year's start (last year's end, printed in its place).
    const from: YearStart = s.point.time === 'end' ? yearStart(annex, s) : { start: seriesStart(annex, s) };
    if (!carries(from.start)) continue;
    const flows = (times: readonly string[]) => times.map((t) => slotFor(s, { time: t as never })).filter(carries);
    const o = flows(OUT_FLOWS);
    const i = flows(IN_FLOWS);
    if (o.length > 0 && i.length > 0) out.push({ end: s.key, from, out: o, in: i });
  }
  return out;
}

/** The table's balances, from its indicators alone: once per list of indicators. */
const balancesOf = (annex: Annex): readonly Shape[] => ofIndicators(annex, 'balances', balances);

const total = (xs: readonly OkValue[], from: Dec) => xs.reduce((t, v) => t.plus(v.num), from);

export const balanceKind = defineKind<BalanceRelation>({
  id: 'balance',
  relation: 'gross-balance',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => balancesOf(annex).length > 0,
  *instances(ctx) {
    const { annex } = ctx;
    for (const b of balancesOf(annex)) {
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, b.end);
        const start = okStart(annex, id, b.from);
        const o = b.out.map((k) => okValue(annex, id, k));
        const i = b.in.map((k) => okValue(annex, id, k));
        if (!at || !start || o.some((v) => !v) || i.some((v) => !v)) continue;
        yield { unit: annex.units.at(id)!, at, start, out: o as OkValue[], in: i as OkValue[], cells: [start, ...(o as OkValue[]), ...(i as OkValue[]), at] };
      }
    }
  },
  check(r, ctx) {
    ctx.checked('balance');
    const expected = total(r.in, r.start.num.minus(total(r.out, r.start.num.mul(0))));
    if (expected.eq(r.at.num)) return;
    const item = (v: OkValue) => ({ indicator: v.indicator, value: v.plain });
    ctx.report({
      rule: 'balance',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      expected: plain(expected),
      actual: r.at.plain,
      msg: { id: 'balance.mismatch', params: { unit: r.unit.name, indicator: r.at.indicator, start: r.start.plain, out: r.out.map(item), in: r.in.map(item), expected: plain(expected), actual: r.at.plain } },
    });
  },
  form(r) {
    const refs = (xs: readonly OkValue[]): Expr[] => xs.map((v) => ref(v.cell.ref));
    // end − (start − Σ out + Σ in) = 0
    return { type: 'eq', expr: sub(sub(ref(r.at.cell.ref), sumOf([ref(r.start.cell.ref), ...refs(r.in)])), { k: 'neg', a: sumOf(refs(r.out)) }) };
  },
});
