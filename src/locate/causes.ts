/**
 * Causes from solution sets: each set's cells with their values (pinned, guessed out of a range from a
 * recognised slip, or a range), the slip each looks like, ranked; then confirmed by the rules themselves
 * (confirm.ts) on the corrected table, in rank order.
 */
import { Dec } from '../calc/decimal.js';
import { addingChildren } from '../model/annex.js';
import { exactRate, percentDecimalsOfShare, printedRateMatches, RATE_DECIMALS } from '../calc/annex-math.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding } from '../model/finding.js';
import { RELATION_KINDS } from '../relations/index.js';
import { showFormula } from '../model/expr.js';
import { groupsThousands } from './format.js';
import { Evaluation, formExpr, type LCell, type System } from './model.js';
import { refsOf, sheetTakenFrom } from '../model/expr.js';
import { patchAnnex } from './patch.js';
import { findingsNear, findingsOfTable, keyOf, type FindingKey } from './confirm.js';
import { editDistance, proposedPlain, SLIP_KINDS, slipKind, slipSources, type SlipKind } from './slips.js';
import { contains, isPoint, someT, stepOf, valuesAt, type SolutionSet } from './solve.js';
import type { Cause, CauseCell, FormulaRange } from './types.js';

/** The rules whose errors locate explains (the relation kinds it solves). */
export const FAMILIES: ReadonlySet<string> = new Set(RELATION_KINDS.filter((k) => k.localised).map((k) => k.id));
const EXPLAINABLE: ReadonlySet<string> = new Set([...FAMILIES, 'range']);

/** Whether a failing check's findings (rule|cell) may stay after a cause's correction: they are another error's. */
export type Tolerated = (check: string) => boolean;

export interface Draft {
  builder: CauseBuilder;
  cells: LCell[];
  /** The values the rules are run with: the proposal, or one solution of a range. */
  probe: Dec[];
  cause: Omit<Cause, 'confidence' | 'explains'>;
  /** Twice the cells whose slip is not recognised, less one for a wrong computation: lower ranks first. */
  score: number;
  distance: number;
  kindRank: number;
  row: number;
  col: number;
}

export function compareDrafts(a: Draft, b: Draft): number {
  return a.score - b.score || Number(b.cause.pinned) - Number(a.cause.pinned) || a.distance - b.distance || a.kindRank - b.kindRank || a.row - b.row || a.col - b.col;
}

const KIND_RANK = new Map<SlipKind, number>(SLIP_KINDS.map((k, i) => [k, i]));
/** Slips that are a wrong computation of the value, not a keystroke: the typed value equals what that formula gives. */
const COMPUTED: ReadonlySet<SlipKind> = new Set(['reduction-share', 'reduction-added', 'unrounded-difference', 'start-denominator', 'summed-rates', 'mean-of-rates', 'part-left-out', 'sum-of-rates']);

/** The file's findings by identity, made once per localisation (a table full of errors confirms thousands of causes). */
export class FindingIndex {
  /**
   * The findings of a rule by cell (a short key: a national table's tens of thousands of notes would each keep a long
   * one, their unit's name in it), made for a rule when `has` is first asked about one of its findings: a confirmation
   * asks about errors after a correction, of a few rules, and a national table's 87,000 `denominator` notes need
   * never have their cells made (each a cell object and its reference, made again when read).
   */
  private readonly byPlace = new Map<string, Map<string, number | number[]>>();
  /** The indexes of the findings a cause may explain (errors and warnings of the relations located and of `range`), by key. */
  readonly explainable = new Map<FindingKey, number[]>();
  constructor(private readonly findings: readonly Finding[]) {
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.severity === 'info' || !EXPLAINABLE.has(f.rule)) continue;
      const k = keyOf(f);
      (this.explainable.get(k) ?? this.explainable.set(k, []).get(k)!).push(i);
    }
  }

  /** Whether a finding with `f`'s key (confirm.ts `keyOf`) is among them. */
  has(f: Finding): boolean {
    const at = this.placesOf(f.rule).get(f.at?.ref ?? '');
    if (at === undefined) return false;
    const key = keyOf(f);
    return typeof at === 'number' ? keyOf(this.findings[at]!) === key : at.some((i) => keyOf(this.findings[i]!) === key);
  }

  /** The indexes of the findings of `rule` by their cell's reference ('' for none), made at the first question. */
  private placesOf(rule: string): Map<string, number | number[]> {
    let byCell = this.byPlace.get(rule);
    if (byCell) return byCell;
    byCell = new Map();
    this.byPlace.set(rule, byCell);
    for (let i = 0; i < this.findings.length; i++) {
      const f = this.findings[i]!;
      if (f.rule !== rule) continue;
      const ref = f.at?.ref ?? '';
      const at = byCell.get(ref);
      if (at === undefined) byCell.set(ref, i);
      else if (typeof at === 'number') byCell.set(ref, [at, i]);
      else at.push(i);
    }
    return byCell;
  }
}

export class CauseBuilder {
  private readonly grouping: boolean;
  private readonly nearBefore = new Map<string, ReadonlySet<FindingKey>>();
  constructor(
    private readonly sys: System,
    private readonly index: FindingIndex,
    private readonly off: ReadonlySet<string>,
    /** Checks (rule|cell) of other errors, whose findings may stay. */
    private readonly tolerated: Tolerated = () => false,
  ) {
    this.grouping = groupsThousands(sys.annex);
  }

  /** The keys of the findings near these units on the table as it is: the same for every draft changing them. */
  private findingsBefore(units: readonly LCell['unit'][]): ReadonlySet<FindingKey> {
    const key = units.map((u) => u.id).sort((a, b) => a - b).join(' ');
    let keys = this.nearBefore.get(key);
    if (!keys) this.nearBefore.set(key, (keys = new Set(findingsNear(this.sys.annex, units, this.sys.checked).map(keyOf))));
    return keys;
  }

  /** The cause for a solution set, ranked but not yet confirmed by the rules. */
  draft(set: SolutionSet): Draft {
    const cells = set.vars.map((v) => this.sys.cells.get(v)!);
    const pinned = isPoint(set);
    let values: Dec[] | undefined;
    let guessed = false;
    // A value that is its neighbour's (the row above or below, same column) looks copied: nothing in it tells
    // what it should be, so no value is guessed out of a range for it.
    const copied = cells.map((c) => this.copiedFrom(c));
    if (pinned) values = valuesAt(set, someT(set));
    else if (copied.every((x) => x === undefined)) {
      values = this.guess(set, cells);
      guessed = values !== undefined;
    }
    const probe = values ?? valuesAt(set, someT(set));
    // Without values for the set, the cells it fixes still have theirs, and so their slips.
    const slips = values ? this.kinds(cells, values) : this.kinds(cells, probe).map((k, i) => (set.dir[i]!.isZero() ? k : undefined));
    // A suspect formula's value is no typed digits: no digit slip is read into it.
    const kinds = slips.map((k, i) => (cells[i]!.formula?.role === 'suspect' ? undefined : (k ?? (copied[i] ? ('copied' as const) : this.ofParts(cells[i]!, probe[i]!)))));
    const out: CauseCell[] = cells.map((c, i) => {
      const dir = set.dir[i]!;
      const fixedHere = dir.isZero();
      const range = fixedHere || pinned ? undefined : this.rangeOf(set, i, c);
      // A cell the solution set fixes (it does not move along it) has its value even when no value is guessed for the others.
      const value = values?.[i] ?? (fixedHere ? probe[i] : undefined);
      const proposed = value ? (kinds[i] === 'share' ? shareProposal(c, value) : proposedPlain(value, c.kind, c.proposalDp)) : undefined;
      return {
        cell: c.value.cell,
        unit: c.unit.name,
        indicator: c.indicator,
        actual: c.value.plain,
        ...(proposed !== undefined && (pinned || fixedHere || guessed) ? { proposed } : {}),
        ...(range ? { range } : {}),
        ...(kinds[i] ? { kind: kinds[i] } : {}),
        ...(c.formula && c.formula.role !== 'computed' ? { formula: { text: showFormula(c.formula.text), role: c.formula.role, ...this.formulaRange(set.vars[i]!, c), ...sheetTakenFrom(c.formula.text) } } : {}),
      };
    });
    // Ranking: fewer cells without a recognised slip first, and before a tie a cause whose value is a known wrong
    // computation (`COMPUTED`: the typed value is exactly what a wrong formula gives, far less likely by chance
    // than one digit off, which a range almost always admits); then pinned before ranges; then the smaller edit
    // (Damerau–Levenshtein over the digits), the more specific slip kind; then sheet order.
    const distance = values ? cells.reduce((sum, c, i) => sum + editDistance(c.value.plain, proposedPlain(values![i]!, c.kind, c.proposalDp)), 0) : Number.MAX_SAFE_INTEGER;
    const first = cells[0]!.value.cell;
    return {
      builder: this,
      cells,
      probe,
      cause: { cells: out, pinned, linked: !pinned && set.dir.filter((d) => !d.isZero()).length > 1, ...(!pinned && set.rounding ? { rounding: true as const } : {}) },
      score: 2 * kinds.filter((k) => !k).length - (kinds.some((k) => k !== undefined && COMPUTED.has(k)) ? 1 : 0),
      distance,
      kindRank: Math.min(...kinds.map((k) => (k ? KIND_RANK.get(k)! : SLIP_KINDS.length))),
      row: first.row,
      col: first.col,
    };
  }

  /**
   * A suspect formula against the failing check of its cell (a sum's first): the cells the check reads that it
   * does not, and those it reads that the check does not (`range`), when either is any.
   */
  private formulaRange(ref: string, c: LCell): { range?: FormulaRange } {
    if (c.formula?.role !== 'suspect' || !c.formula.expr) return {};
    const reads = refsOf(c.formula.expr);
    const name = (r: string) => {
      const x = this.sys.cells.get(r);
      return x ? `${x.value.cell.ref} (${x.unit.name})` : r;
    };
    const failing = this.sys.failing();
    for (const check of [...failing.filter((x) => x.family === 'sum'), ...failing.filter((x) => x.family !== 'sum')]) {
      const parts = refsOf(formExpr(check.body));
      if (!parts.has(ref)) continue;
      parts.delete(ref);
      const leavesOut = [...parts].filter((r) => !reads.has(r)).map(name);
      const adds = [...reads].filter((r) => !parts.has(r)).map(name);
      if (leavesOut.length > 0 || adds.length > 0) return { range: { leavesOut, adds, sum: check.family === 'sum' } };
    }
    return {};
  }

  /**
   * What a unit's value, typed in place of `proposed`, is of the values of the units it is the sum of (`addingChildren`:
   * its first partition, no `of which` row, no list a row of dots cuts short): for a rate, their plain average rounded half-up as it is printed (AVERAGE down
   * the column, where the total's rate is its own count over its own households: 16,61 for the province's 11,80); for a
   * count, their sum but one (a SUM range a row short: 22.064 for 24.814, Lâm Bình's 2.750 left out); for a rate, their
   * sum (the total column's SUM copied down onto a rate row: 116,28).
   */
  private ofParts(c: LCell, proposed: Dec): 'mean-of-rates' | 'sum-of-rates' | 'part-left-out' | undefined {
    if (c.value.num.eq(proposed)) return undefined;
    const parts = this.partValues(c);
    if (!parts || parts.length < 2) return undefined;
    const sum = parts.reduce((a, b) => a.plus(b), new Dec(0));
    if (c.kind === 'rate' && c.value.num.eq(sum)) return 'sum-of-rates';
    if (c.kind === 'rate') return printedRateMatches(c.value.num, c.value.decimals ?? c.value.num.decimalPlaces(), sum.div(parts.length)) ? 'mean-of-rates' : undefined;
    return c.kind === 'count' && proposed.eq(sum) && parts.some((p) => sum.minus(p).eq(c.value.num)) ? 'part-left-out' : undefined;
  }

  /** The values of the cell's slot of the units its unit is the sum of, when every one is a number. */
  private partValues(c: LCell): Dec[] | undefined {
    const out: Dec[] = [];
    for (const id of this.partsOf().get(c.unit.id) ?? []) {
      const v = this.sys.annex.values.get(id, c.indicator);
      if (v?.status !== 'ok') return undefined;
      out.push(v.num!);
    }
    return out;
  }

  /** The units each unit's figures are the sum of (model/annex.ts `addingChildren`), by parent id: made once, at its first use. */
  private parts?: Map<number, number[]>;
  private partsOf(): Map<number, number[]> {
    return (this.parts ??= addingChildren(this.sys.annex));
  }

  /** The cell of the unit listed just above or below with the same value in the same slot, if any. */
  private copiedFrom(c: LCell): string | undefined {
    const { annex } = this.sys;
    for (const id of [c.unit.id - 1, c.unit.id + 1]) {
      const v = annex.values.get(id, c.indicator);
      // The texts first: equal texts are rare, and a value's decimal is made when asked.
      if (v?.status === 'ok' && v.text === c.value.text && v.num!.eq(c.base)) return v.cell.ref;
    }
    return undefined;
  }

  /** The slip each cell's value looks like, with the whole proposal applied to its unit. */
  private kinds(cells: LCell[], values: Dec[]): Array<SlipKind | undefined> {
    const ev = new Evaluation(this.sys, new Map(cells.map((c, i) => [c.ref, values[i]!])));
    return cells.map((c, i) => {
      const ctx = {
        indicator: c.indicator,
        kind: c.kind,
        rateDp: c.proposalDp,
        unitValue: (ind: Indicator) => {
          const v = this.sys.annex.values.get(c.unit.id, ind);
          return v && v.status === 'ok' ? ev.get(v.cell.ref) : undefined;
        },
        exact: () => this.exactOf(c, ev),
      };
      const kind = slipKind(c.value, values[i]!, ctx);
      if (kind || c.kind !== 'rate' || c.dp >= c.proposalDp) return kind;
      // A rate printed with fewer decimals (0,4 among two-decimal rates): the slip at its own precision (0,3 → 0,4).
      const own = values[i]!.toDecimalPlaces(c.dp, Dec.ROUND_HALF_UP);
      return own.eq(c.value.num) ? undefined : slipKind(c.value, own, { ...ctx, rateDp: c.dp });
    });
  }

  /** The unrounded value the cell's rate check recomputes it as (100 · count / whole), the proposal applied; none without one. */
  private exactOf(c: LCell, ev: Evaluation): Dec | undefined {
    const body = this.sys.checksOf(c.ref).find((x) => x.body.type === 'rate' && x.body.r === c.ref)?.body;
    if (body?.type !== 'rate') return undefined;
    const p = ev.get(body.p);
    const h = ev.get(body.h);
    return p && h ? exactRate(p, h) : undefined;
  }

  /** A value in the range that a recognised slip of the typed value would give, if any. */
  private guess(set: SolutionSet, cells: LCell[]): Dec[] | undefined {
    // Best: fewest cells without a slip, then the most specific kind, then, when the range's ends are both a
    // rounding's, the one nearest its middle (where the checks hold exactly), then the smallest change.
    // 25,6 among two-decimal rates with 36,97 − 11,29 = 25,68: 25,68, not 25,67 (a digit dropped either way).
    const middle = set.rounding && set.lo !== undefined && set.hi !== undefined ? set.lo.plus(set.hi).div(2) : undefined;
    let best: { values: Dec[]; misses: number; rank: number; off: Dec; change: Dec } | undefined;
    cells.forEach((c, i) => {
      const dir = set.dir[i]!;
      if (dir.isZero()) return;
      for (const source of slipSources(c.value, c.kind)) {
        const t = source.minus(set.base[i]!).div(dir);
        const vals = valuesAt(set, t);
        if (!contains(set, vals)) continue;
        const kinds = this.kinds(cells, vals);
        if (!kinds[i]) continue;
        const off = middle ? t.minus(middle).abs() : new Dec(0);
        const cand = { values: vals, misses: kinds.filter((k) => !k).length, rank: KIND_RANK.get(kinds[i]!)!, off, change: vals[i]!.minus(c.base).abs() };
        const better = (x: typeof cand, y: typeof cand) =>
          x.misses !== y.misses ? x.misses < y.misses : x.rank !== y.rank ? x.rank < y.rank : !x.off.eq(y.off) ? x.off.lt(y.off) : x.change.lt(y.change);
        if (!best || better(cand, best)) best = cand;
      }
    });
    return best?.values;
  }

  private rangeOf(set: SolutionSet, i: number, c: LCell): { min?: string; max?: string } {
    const ends = [set.lo, set.hi].map((t) => (t === undefined ? undefined : valuesAt(set, t)[i]!));
    const [a, b] = set.dir[i]!.isNegative() ? [ends[1], ends[0]] : [ends[0], ends[1]];
    return {
      ...(a !== undefined ? { min: proposedPlain(a, c.kind, c.proposalDp) } : {}),
      ...(b !== undefined ? { max: proposedPlain(b, c.kind, c.proposalDp) } : {}),
    };
  }

  /**
   * The rules themselves must agree: runs them on the table with the draft's values (the proposal, or any
   * solution of a range). Undefined unless every error of the relations located is gone (but another error's)
   * and no new error appears; else the indexes of the findings that disappear.
   */
  /**
   * For a draft of several cells and the findings it explains: which cells each follows from, those whose value
   * alone makes it go (the total's sum goes with the commune's count, not with another commune's rate); all of
   * them for a finding that goes only with them all. Undefined for one cell.
   */
  sources(d: Draft, explains: readonly number[]): Record<number, number[]> | undefined {
    if (d.cells.length < 2) return undefined;
    const keyAt = new Map<number, FindingKey>();
    for (const [key, indexes] of this.index.explainable) for (const i of indexes) keyAt.set(i, key);
    const goneWith = d.cells.map((c, i) => {
      const patched = patchAnnex(this.sys, new Map([[c.ref, d.probe[i]!]]), this.grouping);
      const whole = this.sys.hasComputed;
      const after = new Set((whole ? findingsOfTable(patched) : findingsNear(patched, [c.unit], this.sys.checked)).map(keyOf));
      const before = whole ? new Set(this.index.explainable.keys()) : this.findingsBefore([c.unit]);
      return (key: FindingKey | undefined) => key !== undefined && before.has(key) && !after.has(key);
    });
    const all = d.cells.map((_, i) => i);
    const out: Record<number, number[]> = {};
    for (const e of explains) {
      const from = all.filter((i) => goneWith[i]!(keyAt.get(e)));
      out[e] = from.length > 0 ? from : all;
    }
    return out;
  }

  /**
   * A one-cell cause's range with ends the rules themselves agree with: the solver bounds a rounding by
   * |printed − unrounded| ≤ half a unit, where half-up rounding excludes one end (10,90 − 8,65 = 2,25 is printed
   * 2,3, not 2,2); an end the rules refuse is moved one step inward. The cause as it is otherwise.
   */
  withConfirmedRange(d: Draft, cause: Cause): Cause {
    const cell = cause.cells[0];
    if (cause.cells.length !== 1 || !cell?.range || d.cells.length !== 1) return cause;
    const c = d.cells[0]!;
    const step = stepOf(this.sys, c.ref);
    const explains = cause.explains.join(' ');
    const holds = (v: Dec) => this.confirm({ ...d, probe: [v] })?.join(' ') === explains;
    const end = (text: string | undefined, inward: Dec): string | undefined => {
      if (text === undefined) return undefined;
      const v = new Dec(text);
      return holds(v) || !holds(v.plus(inward)) ? text : proposedPlain(v.plus(inward), c.kind, c.proposalDp);
    };
    const min = end(cell.range.min, step);
    const max = end(cell.range.max, step.neg());
    if (min === cell.range.min && max === cell.range.max) return cause;
    const range = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    return { ...cause, cells: [{ ...cell, range }] };
  }

  confirm(d: Draft): number[] | undefined {
    const patched = patchAnnex(this.sys, new Map(d.cells.map((c, i) => [c.ref, d.probe[i]!])), this.grouping);
    // Only the relations reading a changed unit's cells can change their findings (a table with recomputed formulas: any).
    const units = [...new Set(d.cells.map((c) => c.unit))];
    const whole = this.sys.hasComputed;
    const after = whole ? findingsOfTable(patched) : findingsNear(patched, units, this.sys.checked);
    for (const f of after) {
      if (f.severity !== 'error' || this.off.has(f.rule)) continue;
      // A rate column failing at every unit stays as it was: its one cause is not a cell (relations/rate-column.ts).
      if (f.rule === 'rate' && f.indicator !== undefined && this.sys.rateColumns?.has(f.indicator)) continue;
      // A sum short by a row typed twice stays as it was: its cause is that row (rules/duplicate-rows.ts).
      if (f.rule === 'sum' && f.at && this.sys.explainedSums?.has(f.at.ref)) continue;
      if ((FAMILIES.has(f.rule) && !this.tolerated(`${f.rule}|${f.at?.ref ?? ''}`)) || !this.index.has(f)) return undefined;
    }
    // The findings (as the file reports them, whatever their configured level) that disappear: of those the
    // relations of the changed units gave (any, when the whole table was run).
    const afterKeys = new Set(after.map(keyOf));
    const before = whole ? this.index.explainable.keys() : this.findingsBefore(units);
    const explains: number[] = [];
    for (const key of before) if (!afterKeys.has(key)) explains.push(...(this.index.explainable.get(key) ?? []));
    explains.sort((a, b) => a - b);
    return explains;
  }
}

/**
 * A rate typed as a share, proposed as its percentage at two decimals fewer than the share's (0,0603 → 6,03, which
 * the rate check at two decimals takes), not at the share column's four (6,0333); at the column's when that would
 * leave fewer than two.
 */
function shareProposal(c: LCell, value: Dec): string {
  const dp = percentDecimalsOfShare(c.value.decimals ?? 0);
  return dp >= RATE_DECIMALS ? value.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).toFixed(dp) : proposedPlain(value, c.kind, c.proposalDp);
}
