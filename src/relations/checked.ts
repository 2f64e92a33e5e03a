/**
 * The rules' verdicts, kept for error localisation: the instances each relation kind checked over a whole
 * table, in the order it checked them, with the findings each check reported. Locate (src/locate/confirm.ts)
 * reads the findings of the relations near a cause, on the table as it is, from them instead of running the
 * same checks a second time (a check runs once per table); its model (src/locate/model.ts) loads a unit's
 * relations from the instances reading the unit's cells (`reading`, each instance's cells read once:
 * `cellsOf`), and the kinds kept are the rules that apply. Kept for small tables only (`KEEP_UP_TO`): a big
 * table's instances would outlive the rules' pass, and locate reads only a few of its units there.
 */
import type { Annex } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import type { Relation } from './types.js';

/** Tables of at most this many units keep their checked relations. */
export const KEEP_UP_TO = 2_000;

/** One kind's instances in check order, and the findings each reported (absent: none). */
export interface KindVerdicts {
  readonly instances: Relation[];
  readonly findings: Array<Finding[] | undefined>;
}

export class CheckedRelations {
  private readonly kinds = new Map<string, KindVerdicts>();
  /** The kinds the rules ran over the table without keeping their instances (`RelationKind.unkept`). */
  private readonly unkept = new Set<string>();
  /** Per kind, per unit id: the indexes (ascending) of the instances reading a cell of the unit. */
  private readonly byUnit = new Map<string, Array<number[] | undefined>>();
  /** Per kind, each instance's cells as the unit index read them (an instance's `cells` may be made when asked). */
  private readonly cellLists = new Map<string, Array<Relation['cells'] | undefined>>();

  constructor(readonly annex: Annex) {}

  private current: KindVerdicts | undefined;

  /** Starts recording a kind's run: `checking` is then called before each instance's check, in check order. */
  record(kind: string): KindVerdicts {
    const k: KindVerdicts = { instances: [], findings: [] };
    this.kinds.set(kind, k);
    this.current = k;
    return k;
  }

  /** The instance the kind checks next: the findings reported until the next one are its. */
  checking(k: KindVerdicts, r: Relation): void {
    k.instances.push(r);
    this.current = k;
  }

  /** A finding the rules reported (a check's: runRules calls it for every finding its checks report). */
  reported(f: Finding): void {
    const k = this.current;
    if (!k || k.instances.length === 0) return;
    (k.findings[k.instances.length - 1] ??= []).push(f);
  }

  /** The kind's run is over: findings reported now (folded summaries) are no instance's. */
  done(): void {
    this.current = undefined;
  }

  /** The rules ran the kind over the table without keeping it (`RelationKind.unkept`). */
  ranUnkept(kind: string): void {
    this.unkept.add(kind);
  }

  /** Whether the rules ran the kind over this table (kept or not). */
  ran(kind: string): boolean {
    return this.kinds.has(kind) || this.unkept.has(kind);
  }

  /** The kind's verdicts over this table, or undefined when the rules did not run it or did not keep it. */
  of(kind: string): KindVerdicts | undefined {
    return this.kinds.get(kind);
  }

  /** The indexes (ascending, each once) of the kind's instances reading a cell of one of `units` (unit ids). */
  reading(kind: string, units: readonly number[]): readonly number[] {
    const index = this.unitIndex(kind);
    if (units.length === 1) return index[units[0]!] ?? NONE;
    const seen = new Set<number>();
    const out: number[] = [];
    for (const u of units) for (const i of index[u] ?? NONE) if (!seen.has(i)) seen.add(i), out.push(i);
    return out.sort((a, b) => a - b);
  }

  /** The cells of the kind's instance `i` (one `reading` has listed), read once. */
  cellsOf(kind: string, i: number): Relation['cells'] {
    const lists = this.cellLists.get(kind)!;
    return (lists[i] ??= this.kinds.get(kind)!.instances[i]!.cells);
  }

  /**
   * Per unit id, the indexes (ascending) of the kind's instances reading a cell of the unit. An instance that
   * knows its units (`Relation.unitIds`) is indexed by them, its cells made only when `cellsOf` asks: a locate
   * reads the instances of a few units.
   */
  private unitIndex(kind: string): Array<number[] | undefined> {
    let index = this.byUnit.get(kind);
    if (index) return index;
    index = [];
    const instances = this.kinds.get(kind)?.instances ?? [];
    const lists: Array<Relation['cells'] | undefined> = new Array(instances.length);
    this.cellLists.set(kind, lists);
    for (let i = 0; i < instances.length; i++) {
      const inst = instances[i]!;
      const ids = inst.unitIds?.();
      if (ids !== undefined) {
        for (let j = 0; j < ids.length; j++) addTo(index, ids[j]!, i);
        continue;
      }
      const cells = inst.cells;
      lists[i] = cells;
      for (let j = 0; j < cells.length; j++) addTo(index, cells[j]!.unit, i);
    }
    this.byUnit.set(kind, index);
    return index;
  }
}

/** Instance `i` into its unit's list (once: the instances are added in ascending order). */
function addTo(index: Array<number[] | undefined>, unit: number, i: number): void {
  const list = index[unit];
  if (list === undefined) index[unit] = [i];
  else if (list[list.length - 1] !== i) list.push(i);
}

const NONE: readonly number[] = [];
