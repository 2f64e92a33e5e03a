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
import { childIndex, onePartNamed, partialListAt, partitionsInOrder, partitionsOf, partsByPartition, subUnitsByParent, type Annex, type Unit } from '../model/annex.js';
import type { RuleContext } from '../rules/types.js';

export interface Scope {
  /** The units whose own (per-unit) instances are wanted, in table order. */
  readonly units: readonly Unit[];
  /** The parents whose instances over their parts (and sub-units) are wanted, in table order. */
  readonly parents: readonly Unit[];
  /** Every unit directly under a parent (any role, any partition), in table order. */
  childrenOf(parent: number): ArrayLike<number>;
}

/** A rule context, with the scope of the instances wanted (absent: the whole table). */
export interface InstanceContext extends RuleContext {
  readonly scope?: Scope;
}


/**
 * Unit ids for a loop by index, without an iterator or an array of the whole table: `list`'s ids (a scope's
 * units), or, with no list, the ids 0 … length − 1. A loop reads `const id = ids.list ? ids.list[k]! : k`:
 * nothing is made per unit.
 */
export interface UnitIds {
  readonly length: number;
  readonly list: ArrayLike<number> | undefined;
}

/**
 * The ids of the units whose per-unit instances are wanted, in table order: a loop over every unit of a large
 * table reads ids and makes a unit (`annex.units.at`) only for a unit it visits.
 */
export function unitIdsIn(ctx: InstanceContext): UnitIds {
  if (!ctx.scope) return { length: ctx.annex.units.length, list: undefined };
  const list = ctx.scope.units.map((u) => u.id);
  return { length: list.length, list };
}

/**
 * The ids of the units that may be the parent of a partition instance, in table order: the scope's parents, or
 * the whole table's units that have a unit under them (model/annex.ts `ChildIndex.parents`).
 */
export function parentIdsIn(ctx: InstanceContext): ArrayLike<number> {
  return ctx.scope ? ctx.scope.parents.map((u) => u.id) : childIndex(ctx.annex.units).parents();
}

/**
 * Each parent's partitions (model/annex.ts `partitionsByParent`'s entries, one at a time): the whole table's,
 * or the scope's parents' (every partition complete).
 */
export function* partitionsIn(ctx: InstanceContext): Generator<[number, number[][]]> {
  const { scope } = ctx;
  if (!scope) return yield* partitionsInOrder(ctx.annex.units);
  for (const p of scope.parents) {
    const lists = partitionsOfIn(ctx, p.id);
    if (lists) yield [p.id, lists];
  }
}

/** One parent's parts by partition, made when asked (the scope's children when scoped); undefined when none. */
export function partitionsOfIn(ctx: InstanceContext, parent: number): number[][] | undefined {
  return ctx.scope ? partsByPartition(ctx.annex.units, ctx.scope.childrenOf(parent)) : partitionsOf(ctx.annex.units, parent);
}

/** `subUnitsByParent` for the scope's parents. */
export function subUnitsIn(ctx: InstanceContext, role: 'of-which' | 'breakdown'): Map<number, number[]> {
  const { scope } = ctx;
  if (!scope) return subUnitsByParent(ctx.annex, role);
  const map = new Map<number, number[]>();
  for (const p of scope.parents) {
    const subs = Array.from(scope.childrenOf(p.id)).filter((u) => ctx.annex.units.roleOf(u) === role);
    if (subs.length > 0) map.set(p.id, subs);
  }
  return map;
}

/**
 * Whether the parent's partition is a list cut short (a row of dots, or units named without figures): not added
 * up (the sum checks only that its parts are no more than the parent: `bounded`, said in the skip). The skip is
 * said when the parent has a figure to compare (`hasFigure`); a blank form's placeholder rows say nothing.
 */
export function cutShort(ctx: InstanceContext, rule: 'sum' | 'rate-mean', parent: number, partition: number, hasFigure: () => boolean, bounded?: () => boolean): boolean {
  const list = ctx.annex.partialLists && partialListAt(ctx.annex, parent, partition);
  if (!list) return false;
  if (hasFigure()) {
    const params = {
      cell: list.cell.ref,
      ...(list.empty ? { empty: true, text: list.cell.raw.trim() } : {}),
      ...(list.excerpt ? { listed: list.excerpt.listed, of: list.excerpt.of } : {}),
      ...(bounded?.() ? { bounded: true as const } : {}),
    };
    ctx.skip({ rule, unit: ctx.annex.units.at(parent)!.name, msg: { id: 'skip.partial-list', params } });
  }
  return true;
}

/** Whether `parts` are the parent's whole list, one unit named under it, or a list cut short (dots, an excerpt). */
export function listKind(annex: Annex, parent: number, parts: readonly number[]): 'whole' | 'one' | 'cut' {
  if (onePartNamed(annex, parent, parts)) return 'one';
  const partition = parts.length > 0 ? annex.units.partitionOf(parts[0]!) : 0;
  return annex.partialLists && partialListAt(annex, parent, partition) ? 'cut' : 'whole';
}
