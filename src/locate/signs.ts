/**
 * A line of one indicator whose every figure has the wrong sign: a change computed the wrong way round (`=D10-D8` for
 * `=D8-D10`, end − start for a reduction) down a row or column. Each unit's own check then fails, and no one or two
 * cells explain them: changing one unit's sign breaks the total's sum, which the negative figures keep. The
 * hypothesis is tested as a whole, as a row typed one cell off is (shift.ts): the line's negative figures made
 * positive, and the corrected table confirmed by the rules (every failing check holds, no new error). Pure.
 */
import type { Value } from '../model/annex.js';
import type { Check } from './model.js';
import { confirmed, hotCells, linesThrough, patched, sourcesOf, type Placed, type ShiftContext } from './shift.js';
import type { Cause, CauseCell, Localisation } from './types.js';

/** Fewest negative figures in a line for it to be a line computed the wrong way round (one is a slip of one cell). */
const LEAST = 2;

/** The localisation of a table whose failing checks are all explained by one line's signs, or undefined. */
export function signsLocalisation(ctx: ShiftContext, failing: readonly Check[]): Localisation | undefined {
  for (const { cells } of linesThrough(ctx.sys, hotCells(failing))) {
    const negative = negativeLine(cells);
    if (!negative) continue;
    const refs = new Set(negative.map((v) => v.cell.ref));
    if (!failing.every((c) => [...c.vars].some((v) => refs.has(v)))) continue;
    const placed: Placed[] = negative.map((v) => ({ to: v, plain: v.plain!.slice(1), text: v.text.replace(/^\s*[-−]\s*/u, ''), decimals: v.decimals ?? 0 }));
    const units = [...new Set(negative.map((v) => v.unit))];
    const explains = confirmed(ctx, patched(ctx.sys.annex, placed), units, negative);
    if (!explains) continue;
    return { status: 'found', failing: failing.length, size: negative.length, causes: [causeOf(ctx, negative, explains, failing)], more: 0 };
  }
  return undefined;
}

/** A line's negative figures, when the line is one indicator's and every figure of it that is not 0 is negative (at least LEAST). */
function negativeLine(cells: readonly Value[]): Value[] | undefined {
  const indicator = cells[0]?.indicator;
  if (indicator === undefined || cells.some((v) => v.indicator !== indicator)) return undefined;
  const figures = cells.filter((v) => v.status === 'ok' && !v.num!.isZero());
  const negative = figures.filter((v) => v.num!.isNegative() && v.plain!.startsWith('-'));
  return negative.length >= LEAST && negative.length === figures.length ? negative : undefined;
}

function causeOf(ctx: ShiftContext, negative: readonly Value[], explains: readonly number[], failing: readonly Check[]): Cause {
  const annex = ctx.sys.annex;
  const cells: CauseCell[] = negative.map((v) => ({
    cell: v.cell,
    unit: annex.units.at(v.unit)!.name,
    indicator: v.indicator,
    actual: v.plain!,
    proposed: v.plain!.slice(1),
    kind: 'sign' as const,
  }));
  return { cells, explains, confidence: 'unique', pinned: true, linked: false, sources: sourcesOf(ctx.findings, explains, failing, negative) };
}
