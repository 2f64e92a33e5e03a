/**
 * A unit named twice in one list (shape's `duplicate.unit`) told with what its parent's sums say of the second row:
 * - every failing sum of the parent is short by exactly that row's figure (`leftOut`): the total leaves the row
 *   out, so it is a row typed twice, or another unit misnamed and left out of the total (Cà Mau's list with
 *   `Huyện Phú Tân` twice, the total without the second: its likely causes were two-cell rewrites elsewhere);
 * - the parent's sums held with both rows (`counted`): the total counts both, so the second is most likely
 *   another unit under a wrong name (Cà Mau 2014: Năm Căn printed as `Huyện Phú Tân`).
 * Pure; the findings are returned with those duplicates' parameters set.
 */
import { Dec } from '../calc/decimal.js';
import { displayRef } from '../model/grid.js';
import { countSlots } from '../relations/sum.js';
import type { Annex } from '../model/annex.js';
import type { Finding, Skip } from '../model/finding.js';

/** Past this many duplicates the table is a list of one name (60,000 `Xã Tân Lập`): left as it is. */
const MOST_TOLD = 20;

export function duplicatesWithTheirSums(findings: Finding[], annex: Annex, sumRan: boolean, skipped: readonly Skip[]): Finding[] {
  // The rule first: a national table's notes are made again when their message is read (model/finding.ts RemadeFinding).
  const dups = findings.filter((f) => f.rule === 'duplicate' && f.msg.id === 'duplicate.unit' && f.at);
  if (dups.length === 0 || dups.length > MOST_TOLD) return findings;
  const told = new Map<Finding, Finding>();
  for (const f of dups) {
    const id = unitAt(annex, displayRef(f.at!));
    const parent = id === undefined ? -1 : annex.units.parentOf(id);
    if (id === undefined || parent < 0) continue;
    const params = sumsOfParent(findings, annex, id, parent, sumRan, skipped);
    if (params) told.set(f, { ...f, msg: { id: 'duplicate.unit', params: { ...(f.msg.params as { unit: string; first: string }), ...params } } });
  }
  return told.size === 0 ? findings : findings.map((f) => told.get(f) ?? f);
}

/**
 * The cells (refs) of the failing sums that a row typed twice explains (a duplicate told `leftOut`): each is short by
 * exactly that row, which is their cause, not a slip in a cell (locate leaves them out).
 */
export function sumsLeftOut(findings: readonly Finding[]): ReadonlySet<string> | undefined {
  const refs = new Set<string>();
  for (const dup of findings) {
    if (dup.rule !== 'duplicate' || dup.msg.id !== 'duplicate.unit') continue;
    const { leftOut, total } = dup.msg.params as { leftOut?: string[]; total?: string };
    if (!leftOut || total === undefined) continue;
    for (const f of findings) if (f.rule === 'sum' && f.unit === total && f.at && leftOut.includes(displayRef(f.at))) refs.add(f.at.ref);
  }
  return refs.size > 0 ? refs : undefined;
}

/** The unit whose name is at `ref`. */
function unitAt(annex: Annex, ref: string): number | undefined {
  for (const u of annex.units) if (u.cell && displayRef(u.cell) === ref) return u.id;
  return undefined;
}

function sumsOfParent(findings: readonly Finding[], annex: Annex, id: number, parent: number, sumRan: boolean, skipped: readonly Skip[]): { leftOut: string[]; total: string } | { counted: string } | undefined {
  const total = annex.units.at(parent)!.name;
  const failing = findings.filter((f) => f.rule === 'sum' && f.msg.id === 'sum.mismatch' && f.unit === total && f.indicator !== undefined);
  if (failing.length > 0) {
    // Each failing sum short by exactly the row's figure: the total = the others.
    const leftOut = failing.every((f) => {
      const v = annex.values.get(id, f.indicator!);
      const diff = (f.msg.params as { diff: string }).diff;
      return v?.status === 'ok' && v.num !== undefined && !v.num.isZero() && new Dec(diff).plus(v.num).isZero();
    });
    return leftOut ? { leftOut: failing.map((f) => displayRef(f.at!)), total } : undefined;
  }
  // No sum of the parent failed, none was skipped, and the row has a count the sums read: the total counts it.
  if (!sumRan || skipped.some((s) => s.rule === 'sum' && (s.unit === total || s.unit === undefined))) return undefined;
  const counted = countSlots(annex).some((ind) => annex.values.get(id, ind)?.status === 'ok' && annex.values.get(parent, ind)?.status === 'ok');
  return counted ? { counted: total } : undefined;
}
