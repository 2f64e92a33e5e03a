/**
 * A relation kind's instances over part of a table: error localisation (src/locate/) asks only for the
 * relations that read a cell of some units (a failing relation's, a candidate's), not for every relation of
 * the table. Without a scope, the helpers give the whole table: what the rules run.
 *
 * A relation reads the cells of one unit, or of a parent and its parts (a partition, its "of which" rows, its
 * breakdown units). So the instances reading a cell of unit u are among the per-unit instances of u and the
 * instances over u's parts and over u's parent's parts; the scope lists those units and parents, and a kind
 * enumerates them as it enumerates the whole table (locate keeps those that read the units' cells).
 * Every instance over a parent's parts reads a cell of the parent itself (its total, its whole): locate
 * relies on it to leave out a parent whose relations it loaded earlier (locate/table.ts `scopeOf`).
 */
import { partitionsByParent, subUnitsByParent, type Unit } from '../model/annex.js';
import type { RuleContext } from '../rules/types.js';

export interface Scope {
  /** The units whose own (per-unit) instances are wanted, in table order. */
  readonly units: readonly Unit[];
  /** The parents whose instances over their parts (and sub-units) are wanted, in table order. */
  readonly parents: readonly Unit[];
  /** Every unit directly under a parent (any role, any partition), in table order. */
  childrenOf(parent: number): readonly Unit[];
}

/** A rule context, with the scope of the instances wanted (absent: the whole table). */
export interface InstanceContext extends RuleContext {
  readonly scope?: Scope;
}

/** The units whose per-unit instances are wanted. */
export const unitsIn = (ctx: InstanceContext): readonly Unit[] => ctx.scope?.units ?? ctx.annex.units;

/** The units that may be the parent of a partition instance. */
export const parentsIn = (ctx: InstanceContext): readonly Unit[] => ctx.scope?.parents ?? ctx.annex.units;

/** `partitionsByParent` for the scope's parents (every partition complete). */
export function partitionsIn(ctx: InstanceContext): Map<number, Unit[][]> {
  const { scope } = ctx;
  if (!scope) return partitionsByParent(ctx.annex);
  const map = new Map<number, Unit[][]>();
  for (const p of scope.parents) {
    const lists: Unit[][] = [];
    for (const u of scope.childrenOf(p.id)) {
      if (u.role === 'of-which' || u.role === 'breakdown') continue;
      (lists[u.partition ?? 0] ??= []).push(u);
    }
    if (lists.length === 0) continue;
    for (let i = 0; i < lists.length; i++) lists[i] ??= [];
    map.set(p.id, lists);
  }
  return map;
}

/** `subUnitsByParent` for the scope's parents. */
export function subUnitsIn(ctx: InstanceContext, role: 'of-which' | 'breakdown'): Map<number, Unit[]> {
  const { scope } = ctx;
  if (!scope) return subUnitsByParent(ctx.annex, role);
  const map = new Map<number, Unit[]>();
  for (const p of scope.parents) {
    const subs = scope.childrenOf(p.id).filter((u) => u.role === role);
    if (subs.length > 0) map.set(p.id, subs);
  }
  return map;
}
