/**
 * A line of one indicator computed by a wrong formula down a row or column: `=D10-D8` for `=D8-D10` (every figure with
 * the wrong sign), `=D4+D5` for `=D4-D5` (the reduction added). Each unit's own check then fails, and no one or two
 * cells explain them: changing one unit's figure breaks the total's sum, which the line's figures, all computed the
 * same wrong way, keep. The hypothesis is tested as a whole, as a row typed one cell off is (shift.ts): each figure of
 * the line whose unit's check fails recomputed from that unit's own checks (the sums left out, so that each is solved
 * alone), and the corrected table confirmed by the rules, the sums included (every failing check holds, no new error).
 * Each cell's slip is named as any cause's is (slips.ts: `sign`, `reduction-added`, …). Pure.
 */
import { Dec } from '../calc/decimal.js';
import type { Annex, Value } from '../model/annex.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { formatCellValue } from './format.js';
import { buildSystem, type Check } from './model.js';
import { confirmed, hotCells, linesThrough, patched, sourcesOf, type Placed, type ShiftContext } from './shift.js';
import { proposedPlain, slipKind } from './slips.js';
import { isPoint, solve, someT, valuesAt } from './solve.js';
import type { Cause, CauseCell, Localisation } from './types.js';

/** Fewest figures of a line recomputed for it to be a line computed the wrong way (one is a slip of one cell). */
const LEAST = 2;
/** Most lines tested against the rules (each a corrected table checked). */
const MAX_TESTED = 16;

/** The localisation of a table whose failing checks are all explained by one line recomputed, or undefined. */
export function recomputedLineLocalisation(ctx: ShiftContext, failing: readonly Check[]): Localisation | undefined {
  const perUnit = buildSystem(ctx.sys.annex, { off: new Set([...ctx.off, 'sum']), scope: 'component', ...(ctx.rateColumns ? { rateColumns: ctx.rateColumns } : {}), ...(ctx.explainedSums ? { explainedSums: ctx.explainedSums } : {}) });
  const causes: Cause[] = [];
  let tested = 0;
  for (const { cells } of linesThrough(ctx.sys, hotCells(failing))) {
    if (tested >= MAX_TESTED) break;
    const indicator = cells[0]?.indicator;
    if (indicator === undefined || !recomputable(indicator) || cells.some((v) => v.indicator !== indicator)) continue;
    // The line's figures its units' own checks fail on (the sums aside), each with the value those checks give it.
    const wrong = cells.filter((v) => v.status === 'ok' && failing.some((c) => c.family !== 'sum' && c.vars.has(v.cell.ref)));
    if (wrong.length < LEAST) continue;
    const refs = new Set(wrong.map((v) => v.cell.ref));
    if (!failing.every((c) => [...c.vars].some((v) => refs.has(v)))) continue;
    const placed = recomputed(ctx, perUnit, wrong);
    if (!placed) continue;
    tested++;
    const corrected = patched(ctx.sys.annex, placed);
    const explains = confirmed(ctx, corrected, [...new Set(wrong.map((v) => v.unit))], wrong);
    if (explains) causes.push(causeOf(ctx, corrected, placed, explains, failing));
  }
  if (causes.length === 0) return undefined;
  const confidence = causes.length === 1 ? 'unique' : 'ambiguous';
  return { status: 'found', failing: failing.length, size: causes[0]!.cells.length, causes: causes.map((c) => ({ ...c, confidence })), more: 0 };
}

/**
 * Counts and the reduction in points (a difference of two printed rates): a line of rates over their counts is left to
 * the search for one or two cells in each group, which picks a rate's value out of its rounding by the slip it looks
 * like (a share's percentage at two decimals fewer, a cut rate's rounding), where solving it alone gives the rounding's
 * middle at the column's decimals.
 */
const recomputable = (indicator: Indicator) => indicatorKind(indicator) === 'count' || indicator === 'rate_reduced';

/** Each figure with the one value its unit's own checks give it, written as the table writes figures; undefined when one has no such value. */
function recomputed(ctx: ShiftContext, perUnit: ReturnType<typeof buildSystem>, wrong: readonly Value[]): Placed[] | undefined {
  const out: Placed[] = [];
  // The units' own relations loaded first (a system of component scope loads a unit when its checks are asked for).
  perUnit.failing([...new Set(wrong.map((v) => v.unit))]);
  for (const v of wrong) {
    const solved = solve(perUnit, [v.cell.ref], { enumLimit: ctx.enumLimit });
    if (solved.kind !== 'found' || !isPoint(solved.set)) return undefined;
    const cell = perUnit.cells.get(v.cell.ref);
    const plain = proposedPlain(valuesAt(solved.set, someT(solved.set))[0]!, indicatorKind(v.indicator), cell?.proposalDp ?? perUnit.rateDp);
    out.push({ to: v, plain, text: formatCellValue(plain, v, ctx.sys.annex), decimals: plain.split('.')[1]?.length ?? 0 });
  }
  return out;
}

function causeOf(ctx: ShiftContext, corrected: Annex, placed: readonly Placed[], explains: readonly number[], failing: readonly Check[]): Cause {
  const annex = ctx.sys.annex;
  const cells: CauseCell[] = placed.map(({ to: v, plain }) => {
    const proposed = new Dec(plain);
    const unitValue = (ind: Indicator) => {
      const x = corrected.values.get(v.unit, ind);
      return x?.status === 'ok' ? x.num : undefined;
    };
    const kind = slipKind({ num: v.num!, plain: v.plain!, ...(v.decimals !== undefined ? { decimals: v.decimals } : {}) }, proposed, { indicator: v.indicator, kind: indicatorKind(v.indicator), rateDp: Math.max(2, plain.split('.')[1]?.length ?? 0), unitValue });
    return { cell: v.cell, unit: annex.units.at(v.unit)!.name, indicator: v.indicator, actual: v.plain!, proposed: plain, ...(kind ? { kind } : {}) };
  });
  return { cells, explains, confidence: 'unique', pinned: true, linked: false, sources: sourcesOf(ctx.findings, explains, failing, placed.map((p) => p.to)) };
}
