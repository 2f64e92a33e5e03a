/**
 * The indicators a table gives figures for that no comparing check read: the verdict's "no errors" says nothing
 * of them, and the coverage says so (model/coverage.ts `notCompared`). A check "ran" as soon as it compared one
 * value, so a table of end counts, end rates, rises and start rates (Hải Dương 2022) ran three checks and was
 * clean while its rises and start rates were read and never set against anything.
 *
 * Which indicators a check read is what its instances read: the comparing kinds that ran list their instances
 * again over a few units (scope.ts), the units every indicator first has a figure at, then, when some are left,
 * units spread over the table (every unit of a small table), and each instance's cells name their indicators. An indicator compared at
 * none of those units is named; on a table of more units than `SAMPLE`, one compared only elsewhere would be
 * named too (the figures of a column are read alike at every unit, so it is rare, and it errs on saying less).
 * The work is a few units' instances, whatever the table's size.
 */
import { childIndex, type Annex, type Unit } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import type { Indicator } from '../model/indicators.js';
import { COMPARING_CHECKS } from '../model/coverage.js';
import { depthOfTable } from './index.js';
import { RELATION_KINDS } from '../relations/index.js';
import type { InstanceContext, Scope } from '../relations/scope.js';
import type { RelationKind } from '../relations/types.js';

/** Units a table may have for every unit to be read; past it, `SPREAD` units spread over the table besides each indicator's first. */
const SAMPLE = 64;
const SPREAD = 16;

/**
 * The table's indicators with at least one figure that none of the comparing checks in `ran` read, in table order.
 * `findings`: the table's, whose `missing.blank-indicator` warnings name the indicators no unit gives (not read).
 */
export function indicatorsNotCompared(annex: Annex, ran: ReadonlySet<string>, findings: readonly Finding[]): Indicator[] {
  // The rule first: a long table's notes make their message when it is read (model/finding.ts RemadeFinding).
  const blank = new Set(findings.filter((f) => f.rule === 'missing' && f.msg.id === 'missing.blank-indicator').map((f) => f.indicator));
  const firsts = firstFigures(annex, annex.indicators.filter((i) => !blank.has(i)));
  if (firsts.size === 0) return [];
  // A unit's own relations first: they list few instances, and usually leave nothing for the sums over parts.
  const comparing = RELATION_KINDS.filter((k) => COMPARING_CHECKS.has(k.id) && ran.has(k.id));
  const kinds = [...comparing.filter((k) => k.perUnit), ...comparing.filter((k) => !k.perUnit)];
  const left = new Set(firsts.keys());
  if (kinds.length === 0) return annex.indicators.filter((i) => left.has(i));
  // The units where each indicator first has a figure, where most tables read every indicator; then, for the
  // indicators left, every unit of a small table or units spread over a large one.
  const firstUnits = [...new Set(firsts.values())];
  readOver(annex, kinds, firstUnits, left);
  if (left.size > 0) readOver(annex, kinds, sampleOf(annex.units.length, firstUnits), left);
  return annex.indicators.filter((i) => left.has(i));
}

/** Deletes from `left` the indicators the kinds' instances over the units (and their parents' parts) read. */
function readOver(annex: Annex, kinds: readonly RelationKind[], ids: readonly number[], left: Set<Indicator>): void {
  const ctx = scopeContext(annex, ids);
  for (const kind of kinds) {
    for (const r of kind.instances(ctx)) for (const c of r.cells) left.delete(c.indicator);
    if (left.size === 0) return;
  }
}

/** Every unit of a table of up to `SAMPLE` units, else `firsts` and `SPREAD` units spread over it. */
function sampleOf(n: number, firsts: readonly number[]): number[] {
  if (n <= SAMPLE) return Array.from({ length: n }, (_, u) => u);
  const ids = new Set(firsts);
  for (let k = 0; k < SPREAD; k++) ids.add(Math.floor((k * n) / SPREAD));
  return [...ids];
}

/** Each indicator's first unit with a figure (a number read), by id; indicators without one are left out. */
function firstFigures(annex: Annex, indicators: readonly Indicator[]): Map<Indicator, number> {
  const out = new Map<Indicator, number>();
  for (const ind of indicators) {
    for (let u = 0; u < annex.units.length; u++) {
      if (annex.values.get(u, ind)?.status === 'ok') {
        out.set(ind, u);
        break;
      }
    }
  }
  return out;
}

/** A rule context whose instances are those over the units (reports and skips go nowhere: the rules' run had them). */
function scopeContext(annex: Annex, ids: readonly number[]): InstanceContext {
  const index = childIndex(annex.units);
  const units = [...ids].sort((a, b) => a - b).map((id) => annex.units.at(id)!);
  const parents = new Map<number, Unit>();
  for (const u of units) {
    if (index.countOf(u.id) > 0) parents.set(u.id, u);
    if (u.parent !== undefined) parents.set(u.parent, annex.units.at(u.parent)!);
  }
  const scope: Scope = { units, parents: [...parents.values()].sort((a, b) => a.id - b.id), childrenOf: (p) => index.of(p) };
  return { annex, scope, depth: depthOfTable(annex), report() {}, skip() {}, fold() {}, checked() {} };
}
