/**
 * `table` and `plan` compute the derived cells from the input's base counts. When a base count was typed wrong, the
 * computed figures carry the slip, and a derived cell the input printed right is replaced by a wrong one (national
 * 2022: a region's poor households 69.239 for 69.329, and the published total "corrected" with it). Validate's likely
 * cause tells them apart: for each unique cause whose cells all look like typing slips (the cause reporters/causes.ts
 * `consequencesOf` also trusts), the input is corrected with the cause's values and computed again; the differences
 * that are gone then, at cells other than the cause's, are the ones the slip carries: the input states there what the
 * correction gives.
 *
 * Validate runs once more on the file, only when there are differences, with the reading options the command was
 * given (a table the commands read is small); a file validate cannot read, or a cause the command's reading does not
 * hold, gives no carried slip: never a claim.
 */
import type { Difference } from '../compute/table.js';
import { PovcheckError } from '../errors.js';
import { firstCauses, isSlipCause, type Cause, type CauseCell, type Localisation } from '../locate/types.js';
import { OverlayValues, type Annex, type Value, type ValueRow } from '../model/annex.js';
import { NOTHING_CARRIED, type Carried, type CarriedSlip, type DoubtfulDifference } from '../model/carried-slip.js';
import { displayRef } from '../model/grid.js';
import type { Indicator } from '../model/indicators.js';
import { NumberValue } from '../model/value.js';
import type { CalcInput } from './calc-shared.js';

/** The command's differences computed again over a corrected table. */
export type DifferencesOf = (annex: Annex) => Promise<readonly Difference[]>;

/**
 * The most causes traced one by one: each costs the table computed again, so that a table with hundreds of slips
 * took minutes (10,000 communes, 197 slips: 79 s). Past it, the causes are counted, not traced.
 */
export const MAX_TRACED = 8;

export async function carriedSlips(input: CalcInput, annex: Annex, differences: readonly Difference[], differencesOf: DifferencesOf): Promise<Carried> {
  if (differences.length === 0) return NOTHING_CARRIED;
  const { validateFile } = await import('../pipeline.js');
  // What the slips say is a note beside the command's output: a check that fails here (an internal fault included)
  // leaves the output as it is, with no claim.
  const result = await validateFile(input.file, { ...input.read, ...(input.inputLocale ? { locale: input.inputLocale } : {}) }).catch(() => undefined);
  if (!result || result.status === 'unreadable' || !result.localisation) return NOTHING_CARRIED;
  // A cause whose every cell the command computes (a difference's) is a slip the output corrects: it carries nothing.
  const computedCells = new Set(differences.map((d) => displayRef(d.cell)));
  const causes = typingSlips(result.localisation).filter((c) => c.cells.some((x) => !computedCells.has(displayRef(x.cell))));
  const doubtful = doubtfulDifferences(result.localisation, differences);
  if (causes.length > MAX_TRACED) return { slips: [], untraced: causes.length, doubtful };
  const { formatCellValue, groupsThousands } = await import('../locate/format.js');
  const text = (plain: string, original: Value) => formatCellValue(plain, original, annex, groupsThousands(annex));
  const out: CarriedSlip[] = [];
  for (const cause of causes) {
    const patched = corrected(annex, cause.cells, text);
    if (!patched) continue;
    const after = await differencesOf(patched).catch((e: unknown) => {
      // A corrected table the command cannot compute (a count then below another) says nothing about the slip.
      if (e instanceof PovcheckError) return undefined;
      throw e;
    });
    if (!after) continue;
    const left = new Set(after.map((d) => displayRef(d.cell)));
    const own = new Set(cause.cells.map((c) => displayRef(c.cell)));
    const carried = differences.filter((d) => !own.has(displayRef(d.cell)) && !left.has(displayRef(d.cell)));
    if (carried.length > 0) out.push({ cells: cause.cells, differences: carried });
  }
  return { slips: out, untraced: 0, doubtful };
}

/**
 * The differences at a cell that is, alone, one of several causes of an error (an error's alternatives: validate's
 * ambiguous or ranked causes), each with the other causes (their cells): the computed value there takes those as right.
 */
function doubtfulDifferences(loc: Localisation, differences: readonly Difference[]): DoubtfulDifference[] {
  const out: DoubtfulDifference[] = [];
  for (const group of loc.parts ?? [loc]) {
    if (group.causes.length < 2) continue;
    for (const d of differences) {
      const ref = displayRef(d.cell);
      if (out.some((o) => o.difference === d)) continue;
      if (!group.causes.some((c) => c.cells.length === 1 && displayRef(c.cells[0]!.cell) === ref)) continue;
      const alternatives = group.causes.filter((c) => !c.cells.some((x) => displayRef(x.cell) === ref)).map((c) => c.cells);
      if (alternatives.length > 0) out.push({ difference: d, alternatives });
    }
  }
  return out;
}

/** Each error's cause when it is the only one and every cell of it looks like a typing slip with its value given. */
function typingSlips(loc: Localisation): Cause[] {
  return firstCauses(loc).filter(isSlipCause).filter((c) => c.cells.every((cell) => cell.proposed !== undefined));
}

/** The annex with the cause's cells (by reference) holding its values; undefined when one of them is not a value of it. */
export function corrected(annex: Annex, cells: readonly CauseCell[], text: (plain: string, original: Value) => string): Annex | undefined {
  const wanted = new Map(cells.map((c) => [displayRef(c.cell), c.proposed!]));
  const rows = new Map<number, ValueRow>();
  for (let id = 0; id < annex.units.length; id++) {
    for (const [ind, v] of Object.entries(annex.values.row(id)) as Array<[Indicator, Value | undefined]>) {
      const plain = v && wanted.get(displayRef(v.cell));
      if (!v || plain === undefined) continue;
      rows.set(id, { ...(rows.get(id) ?? annex.values.row(id)), [ind]: new NumberValue(v.indicator, v.unit, v.cell, text(plain, v), plain, plain.split('.')[1]?.length ?? 0) });
      wanted.delete(displayRef(v.cell));
    }
  }
  return wanted.size === 0 ? { ...annex, values: new OverlayValues(annex.values, rows) } : undefined;
}
