/**
 * An indicator an annex table gives for its total only, every other unit's cell blank (a review summary that
 * prints the province's reduction and each district's rate), or for no unit at all: one warning for the
 * indicator, not an error at each blank cell. The cells were not forgotten one by one: the table does not give
 * the figure per unit, and the checks that need it say so in the coverage. A blank among figures stays an error
 * at its cell (`missing.value`); an indicator blank for most units but not all (the table gives it for a few
 * communes) is one warning too (`missing.sparse`).
 *
 * The blank cells wait as indexes (with their text when not empty) until every value is read; their errors are
 * made then, for the indicators not given for the total only: a column of a million blanks is one warning, never
 * a million findings held first. Both the grid's values and a long table's columns go through this (shape/index.ts).
 */
import type { Cell } from '../model/grid.js';
import type { Finding } from '../model/finding.js';
import type { Indicator } from '../model/indicators.js';

/** Blank cells of one indicator: how many among the units other than the total, the first, the total's. */
interface Blanks {
  others: number;
  first: Cell;
  total: boolean;
}

/** Units besides the total below which a blank indicator is not a pattern (one district's blank is one cell). */
const FEWEST_UNITS = 2;

/** Units besides the total from which an indicator blank for most of them (not all) is given for some only. */
const SPARSE_UNITS = 4;

export class BlankIndicators {
  readonly #blanks = new Map<Indicator, Blanks>();
  readonly #at: number[] = [];
  readonly #raw = new Map<number, string>();
  /** The indicators blank at the first unit (id 0), while it is not the total. */
  readonly #firstUnit = new Set<Indicator>();

  constructor(private totalIdx: number) {}

  /** Value `i` (the caller's index), of unit `unit` (its id) and `indicator`, is blank; `raw` its text. */
  blankAt(i: number, unit: number, indicator: Indicator, cell: Cell, raw: string): void {
    const b = this.#blanks.get(indicator);
    const total = unit === this.totalIdx;
    if (unit === 0 && !total) this.#firstUnit.add(indicator);
    if (b === undefined) this.#blanks.set(indicator, { others: total ? 0 : 1, first: cell, total });
    else if (total) b.total = true;
    else b.others++;
    this.#at.push(i);
    if (raw !== '') this.#raw.set(i, raw);
  }

  /**
   * The first unit, read while the table had no total, is its total after all (its figures say so: first-total.ts):
   * its blanks are the total's, before `settle`.
   */
  firstIsTotal(): void {
    if (this.totalIdx >= 0) return;
    this.totalIdx = 0;
    for (const indicator of this.#firstUnit) {
      const b = this.#blanks.get(indicator)!;
      b.total = true;
      b.others--;
    }
  }

  /**
   * Into `findings`: each blank cell's error made by `error(i, raw)` unless its indicator (`slotOf(i)`) is given
   * for the total only or for no unit, `counted` after each; then the one warning of each such indicator.
   * `units`: the table's units; `totalName`: its total's name.
   */
  settle(findings: Finding[], units: number, totalName: string | undefined, slotOf: (i: number) => Indicator, error: (i: number, raw: string) => Finding | undefined, counted: () => void = () => {}): void {
    const { folded, warnings } = this.#folded(units, totalName);
    for (const i of this.#at) {
      if (folded.has(slotOf(i))) continue;
      const f = error(i, this.#raw.get(i) ?? '');
      if (f === undefined) continue;
      findings.push(f);
      counted();
    }
    findings.push(...warnings);
  }

  /**
   * The indicators given for the total only (or for no unit, or for some units), and their warnings: one each,
   * but one for all those given for the total only, and one for all those given for the same number of units
   * (a review summary prints the province's every figure and each district's rate: eight warnings said one
   * thing), at the first one's cell.
   */
  #folded(units: number, totalName: string | undefined): { folded: Set<Indicator>; warnings: Finding[] } {
    const others = this.totalIdx >= 0 ? units - 1 : units;
    const folded = new Set<Indicator>();
    const warnings: Finding[] = [];
    const totalOnly: Blank[] = [];
    const sparse = new Map<number, Blank[]>();
    for (const [indicator, b] of this.#blanks) {
      if (others < FEWEST_UNITS) continue;
      // Blank for most units but given for some (an article's table of a district and its communes): the table
      // gives it where it has it, not a cell forgotten at each blank.
      if (b.others < others) {
        if (b.others * 2 <= others || others < SPARSE_UNITS) continue;
        const given = units - b.others - (b.total ? 1 : 0);
        folded.add(indicator);
        const same = sparse.get(given);
        if (same) same.push({ indicator, at: b.first });
        else sparse.set(given, [{ indicator, at: b.first }]);
        continue;
      }
      folded.add(indicator);
      if (b.total || totalName === undefined) warnings.push({ rule: 'missing', severity: 'warning', at: b.first, indicator, msg: { id: 'missing.blank-indicator', params: { indicator, units } } });
      else totalOnly.push({ indicator, at: b.first });
    }
    for (const [given, list] of sparse) warnings.push(givenForSome(list.sort(byPlace), given, units));
    if (totalName !== undefined && totalOnly.length > 0) warnings.push(givenForTotalOnly(totalOnly.sort(byPlace), totalName, others));
    return { folded, warnings };
  }
}

/** An indicator blank where it is not given, at its first blank cell. */
interface Blank {
  indicator: Indicator;
  at: Cell;
}

/** In the table's order of indicators: by column, then row (a wide table's indicators are rows). */
const byPlace = (a: Blank, b: Blank) => a.at.col - b.at.col || a.at.row - b.at.row;

/** The warning of the indicators given for `total` only, blank at the `units` others: at the first one's cell. */
function givenForTotalOnly(list: readonly Blank[], total: string, units: number): Finding {
  const { indicator, at } = list[0]!;
  if (list.length === 1) return { rule: 'missing', severity: 'warning', at, indicator, msg: { id: 'missing.total-only', params: { indicator, total, units } } };
  return { rule: 'missing', severity: 'warning', at, msg: { id: 'missing.total-only-several', params: { indicators: list.map((b) => b.indicator), total, units } } };
}

/** The warning of the indicators each given for `given` of the table's `units` units only. */
function givenForSome(list: readonly Blank[], given: number, units: number): Finding {
  const { indicator, at } = list[0]!;
  if (list.length === 1) return { rule: 'missing', severity: 'warning', at, indicator, msg: { id: 'missing.sparse', params: { indicator, given, units } } };
  return { rule: 'missing', severity: 'warning', at, msg: { id: 'missing.sparse-several', params: { indicators: list.map((b) => b.indicator), given, units } } };
}
