/**
 * What locate needs to know of the whole table, read once per table (a tally, nothing built per cell): the
 * decimals proposed rates are written with (the table's usual rate precision and each rate column's), whether
 * its counts group thousands, whether any cell holds a spreadsheet formula, and each parent's units (for the
 * scope of a unit's relations, relations/scope.ts).
 *
 * A corrected table (`patchAnnex`) gets its facts from the original's and the rows it changes: localising
 * one error after another never reads the whole table again.
 */
import { usualDecimals, type DecimalsTally } from '../model/decimals.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import { childIndex, type Annex, type Unit, type Value, type ValueRow } from '../model/annex.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import type { Scope } from '../relations/scope.js';

import { LongTable } from '../model/long-table.js';
import { indicatorOf } from '../model/slots.js';
import { describeIndicator } from '../model/vocabulary.js';

type Row = ValueRow;

/** How often each number of decimals occurs (insertion order does not matter: see `mode`). */
type Freq = DecimalsTally;

interface Tally {
  /** Decimals of the typed (not computed) rates, over the table and per rate column. */
  readonly rates: Freq;
  readonly bySlot: Map<Indicator, Freq>;
  /** Counts of four digits or more written with a thousands separator, and without. */
  grouped: number;
  plainDigits: number;
  /** Whether some cell holds a spreadsheet formula. */
  anyFormula: boolean;
}

export interface TableFacts {
  /** Decimals of proposed rates: the table's usual rate precision (at least 1). */
  readonly rateDp: number;
  /** The decimals a rate of this column is proposed with. */
  proposalDp(indicator: Indicator): number;
  /** Whether the table groups thousands in its counts (most counts of four digits or more show a separator). */
  readonly grouping: boolean;
  /** Whether some cell holds a spreadsheet formula (any status). */
  readonly anyFormula: boolean;
  /** The ids of the units directly under a parent (any role or partition), in table order. */
  childrenOf(parent: number): ArrayLike<number>;
}

/** The facts with the tally they were read from (a corrected copy's tally is the table's, changed by its rows). */
type TalliedFacts = TableFacts & { readonly tally: Tally };

const FACTS = new WeakMap<Annex, TalliedFacts>();

/** The table's facts (tallied once per table). */
export function tableFacts(annex: Annex): TableFacts {
  return talliedFacts(annex);
}

function talliedFacts(annex: Annex): TalliedFacts {
  let f = FACTS.get(annex);
  if (!f) {
    f = factsOf(annex, tallyOf(annex), lazyChildren(annex));
    FACTS.set(annex, f);
  }
  return f;
}

/**
 * Records the facts of `patched`, the table `base` with the rows `rows` (unit ids) replaced. Its tally is
 * made when first asked for: confirming a cause reads only the parents' units (`childrenOf`), the same as
 * the original's.
 */
export function derivedFacts(base: Annex, patched: Annex, rows: Iterable<number>): void {
  const b = talliedFacts(base);
  const ids = [...rows];
  const tallied = (): TalliedFacts => {
    const tally: Tally = { ...b.tally, rates: new Map(b.tally.rates), bySlot: new Map([...b.tally.bySlot].map(([k, v]) => [k, new Map(v)])) };
    for (const id of ids) {
      addRow(tally, base.values.row(id), -1);
      addRow(tally, patched.values.row(id), 1);
    }
    return factsOf(patched, tally, b.childrenOf);
  };
  FACTS.set(patched, lazyFacts(b.childrenOf, tallied));
}

/**
 * Facts whose tally (`make`) is made when one of them other than `childrenOf` is first read. A class, not an
 * object literal with getters: one is made per cause confirmed, and a literal's accessors are defined anew each time.
 */
class LazyFacts implements TalliedFacts {
  #made: TalliedFacts | undefined;
  constructor(
    readonly childrenOf: TableFacts['childrenOf'],
    private readonly make: () => TalliedFacts,
  ) {}

  // `implements`, not a cast: a member added to TableFacts is a compile error here until it is read through `facts`.
  private get facts(): TalliedFacts {
    return (this.#made ??= this.make());
  }
  get tally(): Tally {
    return this.facts.tally;
  }
  get rateDp(): number {
    return this.facts.rateDp;
  }
  proposalDp(ind: Indicator): number {
    return this.facts.proposalDp(ind);
  }
  get grouping(): boolean {
    return this.facts.grouping;
  }
  get anyFormula(): boolean {
    return this.facts.anyFormula;
  }
}

const lazyFacts = (childrenOf: TableFacts['childrenOf'], make: () => TalliedFacts): TalliedFacts => new LazyFacts(childrenOf, make);

function emptyTally(): Tally {
  return { rates: new Map(), bySlot: new Map(), grouped: 0, plainDigits: 0, anyFormula: false };
}

const GROUPED = /\d[.,\s\u00a0\u2007\u202f]\d{3}/;

/**
 * The whole table's tally. A long table's stored numbers are tallied from its columns, without making a Value
 * and a Cell for each (a million units make eight million: garbage the collector would have to follow).
 */
function tallyOf(annex: Annex): Tally {
  const t = emptyTally();
  const values = annex.values;
  if (values instanceof LongTable) addColumns(t, values);
  else for (const row of values) addRow(t, row, 1);
  return t;
}

/**
 * A long table's values into the tally: its stored numbers counted in local counters and, for rates, per slot
 * and decimals in one typed array (no Map touched, no call made per number), then added; the values it keeps
 * whole as `addValue` adds them. A stored number is a plain cell, not negative, its text its digits with the
 * decimal mark (GROUPED's pattern then matches when three decimals follow the mark) or grouped by thousands.
 */
function addColumns(t: Tally, table: LongTable): void {
  const slots = table.slots;
  const kinds = Uint8Array.from(slots, (ind) => (kindOf(ind) === 'count' ? COUNT : kindOf(ind) === 'rate' ? RATE : 0));
  const rateDps = new Float64Array(slots.length * MAX_DP);
  let grouped = 0;
  let plainDigits = 0;
  table.eachValue(
    (s, scaled, dp, groups) => {
      const kind = kinds[s];
      if (kind === COUNT) {
        // A count of four digits or more (scaled = value × 10^dp).
        const at = THOUSAND_AT[dp];
        if (at !== undefined ? scaled >= at : BigInt(scaled) >= 1000n * 10n ** BigInt(dp)) {
          if (groups || dp >= 3) grouped++;
          else plainDigits++;
        }
      } else if (kind === RATE) rateDps[s * MAX_DP + dp] = rateDps[s * MAX_DP + dp]! + 1;
    },
    (s, v) => addValue(t, slots[s]!, v, 1),
  );
  t.grouped += grouped;
  t.plainDigits += plainDigits;
  for (let s = 0; s < slots.length; s++) {
    for (let dp = 0; dp < MAX_DP; dp++) {
      const n = rateDps[s * MAX_DP + dp]!;
      if (n > 0) addRateDp(t, slots[s]!, dp, n);
    }
  }
}

const COUNT = 1;
const RATE = 2;

/** More decimals than a stored number has (a value's byte in the columns keeps at most 31). */
const MAX_DP = 32;

function addRow(t: Tally, row: Row | undefined, sign: 1 | -1): void {
  if (!row) return;
  for (const ind in row) {
    const v = (row as Record<string, Value | undefined>)[ind];
    if (v) addValue(t, ind as Indicator, v, sign);
  }
}

function addValue(t: Tally, ind: Indicator, v: Value, sign: 1 | -1): void {
  if (v.cell.formula !== undefined) t.anyFormula = true;
  if (v.status !== 'ok' || v.plain === undefined) return;
  // A count of four digits or more: in integers when the value has its scaled form, else a float decides
  // unless the value is within rounding of 1000.
  if (kindOf(v.indicator) === 'count' && atLeast1000(v)) {
    if (GROUPED.test(v.text)) t.grouped += sign;
    else t.plainDigits += sign;
  }
  if (kindOf(ind) === 'rate' && !v.cell.formula?.trim()) addRateDp(t, ind, v.decimals ?? 0, sign);
}

function addRateDp(t: Tally, ind: Indicator, dp: number, sign: number): void {
  bump(t.rates, dp, sign);
  bump(t.bySlot.get(ind) ?? t.bySlot.set(ind, new Map()).get(ind)!, dp, sign);
}

const THOUSAND_AT = Array.from({ length: 16 }, (_, dp) => 1000 * 10 ** dp);

/** |value| ≥ 1000, exactly. */
function atLeast1000(v: Value): boolean {
  const scaled = v.scaled;
  const at = THOUSAND_AT[v.decimals ?? 0];
  if (scaled !== undefined && at !== undefined) return Math.abs(scaled) >= at;
  const n = Math.abs(Number(v.plain));
  return n >= 1000 && (n > 1001 || !v.num!.abs().lt(1000));
}

const KINDS = new Map<string, ReturnType<typeof indicatorKind>>();
const kindOf = (ind: Indicator) => KINDS.get(ind) ?? KINDS.set(ind, indicatorKind(ind)).get(ind)!;

const bump = (f: Freq, dp: number, sign: number) => f.set(dp, (f.get(dp) ?? 0) + sign);

function factsOf(annex: Annex, tally: Tally, childrenOf: (parent: number) => ArrayLike<number>): TalliedFacts {
  // Proposed rates keep the table's usual precision: two decimals in plans, one in statistical releases.
  const rateDp = Math.max(1, usualDecimals(tally.rates) ?? RATE_DECIMALS);
  const columns = new Map<Indicator, number>();
  return {
    tally,
    rateDp,
    // A rate is proposed at the usual precision of its own column (an achievement in whole per cent).
    proposalDp: (ind) => columns.get(ind) ?? columns.set(ind, columnDp(tally.bySlot.get(ind), rateDp, isPoints(ind))).get(ind)!,
    grouping: tally.grouped > tally.plainDigits,
    anyFormula: tally.anyFormula,
    childrenOf,
  };
}

/** Each parent's unit ids (model/annex.ts `childIndex`, made on first use). */
function lazyChildren(annex: Annex): (parent: number) => ArrayLike<number> {
  return (parent) => childIndex(annex.units).of(parent);
}


/** A column's usual decimals: those most of its cells have, the annex's two at least where the table's rates have two. */
function columnDp(freq: Freq | undefined, tableDp: number, points = false): number {
  const m = freq && usualDecimals(freq);
  if (m === undefined) return tableDp;
  // A column of reductions in points printed with one decimal (`giảm 2,1%` of two-decimal rates) is rounded so.
  if (points) return m;
  return tableDp >= RATE_DECIMALS && m >= 1 ? Math.max(m, RATE_DECIMALS) : m;
}

const isPoints = (ind: Indicator) => describeIndicator(indicatorOf(ind))?.measure === 'points';

/**
 * The scope of the relations that read a cell of some units (relations/scope.ts): their own instances, and
 * those over their parts and over their parents' parts. `loaded`: units whose relations an earlier load
 * added; a parent among them is left out, since every instance over a parent's parts reads a cell of the
 * parent (its total, its whole) and was added with it (without this, loading the communes of a district one
 * by one would rebuild the district's sums over all its communes each time).
 */
export function scopeOf(annex: Annex, facts: TableFacts, units: readonly Unit[], loaded: (unit: number) => boolean = () => false): Scope {
  const parents = new Map<number, Unit>();
  for (const u of units) {
    if (facts.childrenOf(u.id).length > 0) parents.set(u.id, u);
    if (u.parent !== undefined && !loaded(u.parent)) parents.set(u.parent, annex.units.at(u.parent)!);
  }
  return { units: [...units].sort((a, b) => a.id - b.id), parents: [...parents.values()].sort((a, b) => a.id - b.id), childrenOf: facts.childrenOf };
}

