/**
 * The annex model: what the shape stage builds from a Grid and what rules, calculator and renderers use.
 * Values keep their exact digits and the cell they came from (model/value.ts stores them compactly).
 */
import type { Cell } from './grid.js';
import type { Dec } from '../calc/decimal.js';
import type { ScaledValue } from '../calc/scaled.js';
import { indicatorKind, type Indicator } from './indicators.js';
import type { Lang } from './lang.js';
import type { SlotFormula, SubSlot } from './slots.js';

export type NumberLocale = 'vi' | 'en';

export interface Unit {
  /** Index in Annex.units; stable within one annex. */
  readonly id: number;
  /** The name as written (NFC). */
  readonly name: string;
  /** Case- and diacritic-insensitive key used to match names across files. */
  readonly key: string;
  /** The header (wide) or name (long) cell. */
  readonly cell?: Cell;
  /** The parent unit's id; the total has none. A later hierarchy layout sets deeper levels. */
  readonly parent?: number;
  readonly isTotal: boolean;
  readonly code?: string;
  /**
   * What the row (or column) is besides a unit of its parent's partition: a `block` (an urban/rural block,
   * a region) with units under it, or an `of-which` row (`Trong đó: …`), a subset of its parent that is
   * never added up with the parent's parts.
   */
  readonly role?: UnitRole;
  /**
   * Which of the parent's partitions the unit belongs to: a table can split its total twice (`Chia theo
   * khu vực` then `Chia theo vùng`), and each partition adds up to the total on its own. Absent = 0.
   */
  readonly partition?: number;
}

export type UnitRole = 'block' | 'of-which' | 'breakdown';

/**
 * A table's units by id (0 … length − 1), in table order. A unit object may be made when asked and not kept
 * (a long table's, model/long-table.ts): compare units by id, never as objects. Loops over every unit of a
 * large table read ids and the places by id (`parentOf`, `roleOf`, `partitionOf`) without a unit object.
 * `UnitList`: an object per unit (wide tables, workbooks, documents); a long table's `UnitPlaces`.
 */
export interface Units extends Iterable<Unit> {
  readonly length: number;
  /** The unit of that id; undefined outside 0 … length − 1. */
  at(id: number): Unit | undefined;
  /** The parent's id, -1 for none. */
  parentOf(id: number): number;
  roleOf(id: number): UnitRole | undefined;
  /** The partition of its parent the unit belongs to (0: the first). */
  partitionOf(id: number): number;
  /** The ids of the units whose name is one of `names`, in order. */
  idsNamed(names: ReadonlySet<string>): number[];
}

/** Units as an object each. */
export class UnitList implements Units {
  constructor(private readonly list: readonly Unit[]) {}

  get length(): number {
    return this.list.length;
  }

  at(id: number): Unit | undefined {
    return id >= 0 ? this.list[id] : undefined;
  }

  parentOf(id: number): number {
    return this.list[id]!.parent ?? -1;
  }

  roleOf(id: number): UnitRole | undefined {
    return this.list[id]!.role;
  }

  partitionOf(id: number): number {
    return this.list[id]!.partition ?? 0;
  }

  idsNamed(names: ReadonlySet<string>): number[] {
    const out: number[] = [];
    for (const u of this.list) if (names.has(u.name)) out.push(u.id);
    return out;
  }

  [Symbol.iterator](): Iterator<Unit> {
    return this.list[Symbol.iterator]();
  }
}

export type ValueStatus = 'ok' | 'empty' | 'invalid';

/** A blank cell: empty, and no formula there (a formula whose result the file does not hold is empty, not blank). */
export const isBlank = (v: Pick<Value, 'status' | 'cell'>): boolean => v.status === 'empty' && v.cell.formula === undefined;

export interface Value {
  readonly indicator: Indicator;
  readonly unit: number;
  readonly cell: Cell;
  /** Trimmed text of the cell. */
  readonly text: string;
  readonly status: ValueStatus;
  /** The number, when status is 'ok'. */
  readonly num?: Dec;
  /** Exact digits in plain form, keeping the decimals as typed ("13.50"), when status is 'ok'. */
  readonly plain?: string;
  /** Digits after the decimal mark as typed. */
  readonly decimals?: number;
  /**
   * When status is 'ok': the number × 10^decimals when that is a safe integer (model/value.ts), for the
   * relations' exact integer checks (calc/scaled.ts); absent when it does not fit, or for a negative zero.
   */
  readonly scaled?: number | undefined;
}

export interface Annex {
  readonly layout: 'wide' | 'long';
  readonly units: Units;
  /** The total unit (province, or the parent of all listed units), when the table has one. */
  readonly total?: Unit;
  /** Indicators the table carries (rows in wide, columns in long), in table order. */
  readonly indicators: readonly Indicator[];
  /** Where each indicator's label is (row label in wide, column header in long). */
  readonly labelCells: Partial<Record<Indicator, Cell>>;
  /** Each unit's values by slot: `values.get(unitId, slot)` (object rows, or a long table's columns). */
  readonly values: ValueStore;
  /** Number format the file uses; 'plain' when no cell shows grouping or a decimal comma. */
  readonly locale: NumberLocale | 'plain';
  /** The rates' number format when it is not the counts' (`390.519` beside `10.51`); `locale` is then the counts'. */
  readonly rateLocale?: NumberLocale;
  /** Language of the labels, used as the default message language. */
  readonly lang: Lang;
  /**
   * The configuration's unit aliases the units were keyed with (folded alias → canonical name), so that names
   * looked up later (targets) are keyed the same way (shape/normalize.ts `aliasedUnitKey`).
   */
  readonly unitAliases?: ReadonlyMap<string, string>;
  /** Slots that are rows under another slot: breakdown rows (they add up to it) and "of which" rows (at most it). */
  readonly subSlots?: ReadonlyMap<Indicator, SubSlot>;
  /** Column formulas the table prints under its header (`4=3/1*100`). */
  readonly formulas?: readonly SlotFormula[];
  /**
   * The texts of the rows that start another partition of a parent (`Chia theo khu vực`, `Chia theo vùng`), as
   * the table prints them, in order: the units of partition k (k ≥ 1) are listed under the k-th. Layouts print
   * them as heading rows.
   */
  readonly sectionHeadings?: readonly string[];
  /**
   * Lists of units the table marks as incomplete: a row of dots (`…`, `...`) after a unit, the rest of its
   * parent's list not printed (an article's "the highest districts: …"). Nothing is added up or bounded over
   * such a list; a skip says why (relations/sum.ts, rate-mean.ts).
   */
  readonly partialLists?: readonly PartialList[];
  /**
   * Rows a long table names without giving any figure (a commune listed with only a note), each printed before
   * unit `before`: not units (nothing to check; an `unknown.empty-row` warning each, one `unknown.empty-rows` for a
   * run of them with the same note; their list is cut short), but rows of the table as printed, which `table` and
   * the marked table print, blank, in place.
   */
  readonly unitsWithoutFigures?: readonly UnitWithoutFigures[];
  /**
   * The year a change is measured against, by slot, where its label names one (`Số hộ nghèo giảm so với năm 2016`):
   * in a series by year its start is that year's value, not the year before's.
   */
  readonly comparedWith?: Readonly<Record<Indicator, string>>;
  /** Year columns' headings that say more than the year (`Kế hoạch năm 2021`, `Ước thực hiện năm 2021`), by year: printed as the table has them. */
  readonly yearHeadings?: Readonly<Record<string, string>>;
  /**
   * Rows of a table printed with its units as columns that name no indicator povcheck reads (each an `unknown`
   * warning: `Số hộ được hỗ trợ nhà ở`, `Thu nhập bình quân đầu người`), in input order: not checked, but rows of the
   * table as printed, which `table` prints in place with their cells as read.
   */
  readonly rowsNotRead?: readonly RowNotRead[];
  /**
   * The columns it does not read (`Ghi chú`, a column it does not understand, a period among years `Giai đoạn
   * 2016-2020`), their cells by input row, in input order: of a long table read whole (not of one read a record at a
   * time) and of a table of years as columns.
   */
  readonly columnsNotRead?: readonly ColumnNotRead[];
}

/** A cell of a row or column not read: a number as plain digits with its decimals, else the text as printed. */
export interface CellAsRead {
  readonly text: string;
  readonly plain?: string;
  readonly decimals?: number;
}

/** A column the table prints that povcheck does not read (Annex.columnsNotRead). */
export interface ColumnNotRead {
  /** Its column in the input (0-based): it is printed among the indicators' columns by it. */
  readonly col: number;
  /** Its header, the cells over it joined (`Hộ nghèo: Ghi chú`). */
  readonly header: string;
  readonly headerCell?: Cell;
  /** Its cells by the input's row (0-based). */
  readonly cells: ReadonlyMap<number, CellAsRead>;
}

/** The columns not read, with where the table's values were in the input (to place them and their cells). */
export interface NotReadColumns {
  readonly cols: readonly ColumnNotRead[];
  /** Whether the input had its units as rows (a long table): its columns are columns of a layout with the units as rows only. */
  readonly unitsAsRows: boolean;
  /** The input cell of a unit's value in a slot: its column places a column of values, its row a row of them. */
  valueAt(unitId: number, ind: Indicator): { row: number; col: number } | undefined;
  /** The input row of a unit's name (a long table's row). */
  rowOf(unitId: number): number | undefined;
}

/** The annex's columns not read, placed by its values' and its units' cells; undefined when it has none. */
export function notReadColumns(annex: Annex): NotReadColumns | undefined {
  const cols = annex.columnsNotRead;
  if (!cols || cols.length === 0) return undefined;
  return { cols, unitsAsRows: annex.layout === 'long', valueAt: (id, ind) => annex.values.get(id, ind)?.cell, rowOf: (id) => annex.units.at(id)?.cell?.row };
}

/** The rows not read, with where the indicators' rows and the units' columns were in the input (to place them and their cells). */
export interface NotReadRows {
  readonly rows: readonly RowNotRead[];
  rowOf(ind: Indicator): number | undefined;
  /** The input column of a unit's value in a slot (a year's or a measure's column), else of the unit's header. */
  columnOf(unitId: number, ind?: Indicator): number | undefined;
}

/** The annex's rows not read, placed by its label cells and its units' header cells; undefined when it has none. */
export function notReadRows(annex: Annex): NotReadRows | undefined {
  const rows = annex.rowsNotRead;
  if (!rows || rows.length === 0) return undefined;
  return { rows, rowOf: (ind) => annex.labelCells[ind]?.row, columnOf: (id, ind) => (ind === undefined ? undefined : annex.values.get(id, ind)?.cell.col) ?? annex.units.at(id)?.cell?.col };
}

/** A row the table prints that names no indicator (Annex.rowsNotRead). */
export interface RowNotRead {
  /** Its row in the input (0-based): it is printed among the indicators' rows by it. */
  readonly row: number;
  readonly label: string;
  /** The label's cell (a finding about the row is at it). */
  readonly labelCell: Cell;
  /** Its unit of measure (`ĐVT`), when the table has that column. */
  readonly measure?: string;
  /** Its cells by the input's column: a number as plain digits (`1200`, `40.5`) with its decimals, else the text as printed. */
  readonly cells: ReadonlyMap<number, CellAsRead>;
}

export interface UnitWithoutFigures {
  readonly before: number;
  readonly name: string;
  /** Its name's cell in the input: its row (a column not read prints its cell there), and where its warning sits. */
  readonly cell?: Cell;
  /** Listed below the last unit, as its parts (a district's communes after it): that unit's id. */
  readonly under?: number;
}

/**
 * A parent's partition whose list of units a row of dots cuts short (`cell`: that row's text, under unit `after`),
 * or that names units without giving their figures (`empty`: `cell` the first such row's name).
 */
export interface PartialList {
  readonly parent: number;
  readonly partition: number;
  readonly cell: Cell;
  readonly after: number;
  readonly empty?: true;
  /**
   * No row says so, but the country or a region lists fewer than half of its provinces (`Cả nước`, then `Hà
   * Giang`, `Cao Bằng`: an excerpt of a yearbook's list); `cell` is the last province's name.
   */
  readonly excerpt?: { readonly listed: number; readonly of: number };
}

/** What cuts the parent's partition short, if the table has it (looked up by key: a list each). */
export function partialListAt(annex: Annex, parent: number, partition: number): PartialList | undefined {
  const lists = annex.partialLists;
  if (lists === undefined) return undefined;
  let byKey = PARTIAL_BY_KEY.get(lists);
  if (!byKey) PARTIAL_BY_KEY.set(lists, (byKey = new Map(lists.map((l) => [`${l.parent}/${l.partition}`, l]))));
  return byKey.get(`${parent}/${partition}`);
}

const PARTIAL_BY_KEY = new WeakMap<readonly PartialList[], Map<string, PartialList>>();

/** One unit's values by slot. */
export type ValueRow = Readonly<Partial<Record<Indicator, Value>>>;

/**
 * Where a table's values are: `RowValues` (an object per unit: wide tables, workbooks, documents) or a long
 * table's columns (model/long-table.ts), which make a `Value` when asked and keep none. Iterating gives every
 * unit's row in unit order.
 */
export interface ValueStore extends Iterable<ValueRow> {
  /** Units (rows). */
  readonly size: number;
  get(unit: number, slot: Indicator): Value | undefined;
  /** The unit's values by slot (an empty row for a unit without values). */
  row(unit: number): ValueRow;
  /**
   * A usable number's scaled integer and decimals (calc/scaled.ts), read without making its `Value` where the
   * store can (a long table's columns); undefined when the value is not a number held as a safe integer
   * (blank, text, a number kept whole): the caller then asks `get`. Agrees with `get` (test/model/).
   */
  readScaled(unit: number, slot: Indicator): ScaledValue | undefined;
}

/** `get`'s value as a `ScaledValue` when it is a usable number held as a safe integer (the stores that keep Values). */
export function scaledOfValue(v: Value | undefined): ScaledValue | undefined {
  return v !== undefined && v.status === 'ok' && v.scaled !== undefined ? v : undefined;
}

const NO_VALUES: ValueRow = Object.freeze({});

/** Values as an object per unit. */
export class RowValues implements ValueStore {
  constructor(private readonly rows: ReadonlyArray<ValueRow | undefined>) {}

  get size(): number {
    return this.rows.length;
  }

  get(unit: number, slot: Indicator): Value | undefined {
    return this.rows[unit]?.[slot];
  }

  row(unit: number): ValueRow {
    return this.rows[unit] ?? NO_VALUES;
  }

  readScaled(unit: number, slot: Indicator): ScaledValue | undefined {
    return scaledOfValue(this.get(unit, slot));
  }

  *[Symbol.iterator](): IterableIterator<ValueRow> {
    for (let u = 0; u < this.rows.length; u++) yield this.row(u);
  }
}

/** `base` with some units' rows replaced (a corrected table: reads fall through to the original for the others). */
export class OverlayValues implements ValueStore {
  constructor(
    /** The table's own values, under the few rows a correction changes (locate's trials): what is decided of the table as a whole is decided on them. */
    readonly base: ValueStore,
    private readonly rows: ReadonlyMap<number, ValueRow>,
  ) {}

  get size(): number {
    return this.base.size;
  }

  get(unit: number, slot: Indicator): Value | undefined {
    const r = this.rows.get(unit);
    return r ? r[slot] : this.base.get(unit, slot);
  }

  row(unit: number): ValueRow {
    return this.rows.get(unit) ?? this.base.row(unit);
  }

  readScaled(unit: number, slot: Indicator): ScaledValue | undefined {
    const r = this.rows.get(unit);
    return r ? scaledOfValue(r[slot]) : this.base.readScaled(unit, slot);
  }

  *[Symbol.iterator](): IterableIterator<ValueRow> {
    for (let u = 0; u < this.size; u++) yield this.row(u);
  }
}

export function valueOf(annex: Annex, unit: Unit | number, ind: Indicator): Value | undefined {
  return annex.values.get(typeof unit === 'number' ? unit : unit.id, ind);
}

/**
 * Every parent's parts of its first partition: parent id → unit ids, in table order (a lookup; "of which" rows
 * are not parts). With several partitions of one parent, see `partitionsByParent`.
 */
export function childrenByParent(annex: Annex): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const [p, lists] of partitionsInOrder(annex.units)) if (lists[0]!.length > 0) map.set(p, lists[0]!);
  return map;
}

/**
 * The parts each parent's figures are the sum of: `childrenByParent`, less the lists a row of dots cuts short (their
 * parent's figure is its own, not the sum of the units printed). For the calculators: compute/, plan.
 */
export function addingChildren(annex: Annex): Map<number, number[]> {
  const map = childrenByParent(annex);
  if (annex.partialLists) for (const l of annex.partialLists) if (l.partition === 0) map.delete(l.parent);
  for (const [parent, kids] of map) if (onePartNamed(annex, parent, kids)) map.delete(parent);
  return map;
}

/**
 * A list of one unit named without a code under its parent, whose every count differs from the parent's (`Toàn
 * tỉnh` then `Huyện Ea Súp`, an article's one district): a part of the parent, not its whole list, so not added up
 * to it. A single unit that repeats a count of its parent is its whole list (a slip elsewhere is then found); in a
 * table with codes a unit with one unit under it is added up as any other.
 */
export function onePartNamed(annex: Annex, parent: number, parts: ArrayLike<number>): boolean {
  if (parts.length !== 1 || annex.units.at(parts[0]!)?.code !== undefined) return false;
  let compared = 0;
  for (const slot of annex.indicators) {
    if (indicatorKind(slot) !== 'count') continue;
    const a = annex.values.get(parent, slot);
    const b = annex.values.get(parts[0]!, slot);
    if (a?.status !== 'ok' || b?.status !== 'ok' || !a.num || !b.num) continue;
    if (a.num.eq(b.num)) return false;
    compared++;
  }
  return compared > 0;
}

/**
 * Every parent's partitions: parent id → lists of part ids, one per partition (the first is `childrenByParent`'s),
 * in the order of each parent's first part.
 */
export function partitionsByParent(annex: Annex): Map<number, number[][]> {
  const map = new Map<number, number[][]>();
  for (const [p, lists] of partitionsInOrder(annex.units)) map.set(p, lists);
  return map;
}

/** `partitionsByParent`'s entries one at a time (each parent's lists made when reached, none kept). */
export function* partitionsInOrder(units: Units): Generator<[number, number[][]]> {
  const seen = new Uint8Array(units.length);
  for (let u = 0; u < units.length; u++) {
    const p = units.parentOf(u);
    if (p < 0 || seen[p] === 1 || isSubRole(units.roleOf(u))) continue;
    seen[p] = 1;
    yield [p, partitionsOf(units, p)!];
  }
}

const isSubRole = (role: UnitRole | undefined): boolean => role === 'of-which' || role === 'breakdown';

/** A parent's parts by partition (every partition's list present, in table order); undefined when it has none. */
export function partitionsOf(units: Units, parent: number): number[][] | undefined {
  const index = childIndex(units);
  return index.countOf(parent) === 0 ? undefined : partsByPartition(units, index.of(parent));
}

/** `children` (a parent's, any role) by partition, its sub-units left out; undefined when none is left. */
export function partsByPartition(units: Units, children: ArrayLike<number>): number[][] | undefined {
  let lists: number[][] | undefined;
  for (let k = 0; k < children.length; k++) {
    const u = children[k]!;
    if (isSubRole(units.roleOf(u))) continue;
    ((lists ??= [])[units.partitionOf(u)] ??= []).push(u);
  }
  if (lists) for (let i = 0; i < lists.length; i++) lists[i] ??= [];
  return lists;
}

/**
 * Every parent's children (any role or partition), as ids in table order: two typed arrays for the whole
 * table (a national table's million units), made once per table's units (`childIndex`).
 */
export class ChildIndex {
  readonly #start: Int32Array;
  readonly #ids: Int32Array;

  constructor(units: Units) {
    const n = units.length;
    const start = new Int32Array(n + 2);
    for (let u = 0; u < n; u++) {
      const p = units.parentOf(u);
      if (p >= 0) start[p + 2]!++;
    }
    for (let p = 2; p < n + 2; p++) start[p]! += start[p - 1]!;
    const ids = new Int32Array(start[n + 1]!);
    for (let u = 0; u < n; u++) {
      const p = units.parentOf(u);
      if (p >= 0) ids[start[p + 1]!++] = u;
    }
    this.#start = start.subarray(0, n + 1);
    this.#ids = ids;
  }

  /** The ids of the units directly under `parent`, in table order. */
  of(parent: number): Int32Array {
    return this.#ids.subarray(this.#start[parent]!, this.#start[parent + 1]!);
  }

  /** How many units are directly under `parent` (no array made). */
  countOf(parent: number): number {
    return this.#start[parent + 1]! - this.#start[parent]!;
  }

  #parents: Int32Array | undefined;

  /** The ids of the units with at least one unit directly under them, in table order (made once). */
  parents(): Int32Array {
    if (!this.#parents) {
      const start = this.#start;
      let count = 0;
      for (let p = 0; p + 1 < start.length; p++) if (start[p + 1]! > start[p]!) count++;
      const out = new Int32Array(count);
      for (let p = 0, k = 0; p + 1 < start.length; p++) if (start[p + 1]! > start[p]!) out[k++] = p;
      this.#parents = out;
    }
    return this.#parents;
  }
}

const CHILD_INDEX = new WeakMap<Units, ChildIndex>();

/** The table's `ChildIndex`, made on first use (a corrected table has the same units). */
export function childIndex(units: Units): ChildIndex {
  let index = CHILD_INDEX.get(units);
  if (!index) CHILD_INDEX.set(units, (index = new ChildIndex(units)));
  return index;
}

/** Every parent's "of which" rows (`of-which`) or household categories (`breakdown`): parent id → unit ids. */
export function subUnitsByParent(annex: Annex, role: UnitRole): Map<number, number[]> {
  const { units } = annex;
  const map = new Map<number, number[]>();
  for (let u = 0; u < units.length; u++) {
    const p = units.parentOf(u);
    if (p < 0 || units.roleOf(u) !== role) continue;
    (map.get(p) ?? map.set(p, []).get(p)!).push(u);
  }
  return map;
}

/** Whether some unit has this role (read by id). */
export function someUnitHasRole(units: Units, role: UnitRole): boolean {
  for (let u = 0; u < units.length; u++) if (units.roleOf(u) === role) return true;
  return false;
}
