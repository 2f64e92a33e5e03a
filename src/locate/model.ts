/**
 * The table as a system of checks over cells, for error localisation. Each check is a relation's form
 * (src/relations/, the same instances the rules check), so "this assignment makes every check hold" means
 * "the rules would report none of these errors". Guards are the `range` relations that hold now: a proposed
 * value must not break them (no negative counts, poor ≤ households, rates within 0–100).
 *
 * Built over part of the table (`scope: 'component'`): a unit's relations are loaded the first time one of
 * its cells is asked about (`checksOf`, `guardsOf`, `failing`), through the relation kinds' scoped instances
 * (relations/scope.ts). A slip in one commune loads that commune, its district and their neighbours, never
 * the whole table. A table whose cells hold spreadsheet formulas is loaded whole: a formula may read any cell.
 *
 * Cells computed by a recognised spreadsheet formula (SUM, + − * /, ROUND over cells of the table) are not
 * variables: their value follows from their inputs, and every check that reads them reads their inputs.
 */
import { Dec } from '../calc/decimal.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import type { Annex, Unit, Value } from '../model/annex.js';
import { indicatorKind, type Indicator, type IndicatorKind } from '../model/indicators.js';
import { isOk, type OkValue } from '../rules/types.js';
import { RELATION_KINDS, type AnyKind } from '../relations/index.js';
import type { Form, Relation } from '../relations/types.js';
import type { InstanceContext, Scope } from '../relations/scope.js';
import type { CheckedRelations } from '../relations/checked.js';
import { affineOf, evaluate, parseFormula, refsOf, sub, wholeAffineOf, type Affine, type Expr } from '../model/expr.js';
import { compareInIntegers, Evaluation, formExpr } from './evaluation.js';
import { scopeOf, tableFacts, type TableFacts } from './table.js';
import { appliesTo, depthOfTable } from '../rules/index.js';

export { Evaluation, formExpr, rateMatches, roundingInterval, withinTol, type RoundingInterval } from './evaluation.js';

/** The rule a check comes from (the relation kind's id). */
export type Family = string;

/** How locate treats a cell that holds a formula. */
export type FormulaRole =
  /** Recomputed from its inputs; never a variable. */
  | 'computed'
  /** Not a shape povcheck recomputes (or reads cells outside the table, or is circular, or its cached value disagrees): an entered value. */
  | 'entered'
  /** A recognised formula treated as an entered value because its inputs explain nothing (second pass). */
  | 'suspect';

export interface LCell {
  readonly ref: string;
  readonly unit: Unit;
  readonly indicator: Indicator;
  readonly kind: IndicatorKind;
  readonly value: OkValue;
  readonly base: Dec;
  /** Decimals as typed (or as cached, for a formula cell). */
  readonly dp: number;
  /** Decimals a proposed value of this cell is sought at: a count's none; a rate's, its column's usual rate precision (at least 2). */
  readonly proposalDp: number;
  readonly formula?: { readonly text: string; readonly expr?: Expr; readonly role: FormulaRole };
}

/** A check's form (relations/types.ts `Form`), over cell references. */
export type CheckBody = Form;

export interface Check {
  readonly id: number;
  readonly family: Family;
  /** The cell the rule's finding sits at. */
  readonly at: string;
  readonly unit: string;
  readonly indicator: Indicator;
  readonly body: CheckBody;
  /** The entered cells the check depends on (through formulas too). */
  readonly vars: ReadonlySet<string>;
  /** The affine form over all entered cells, when the check is an affine equation. */
  readonly affine: Affine | null;
  /** Its place in check order (`compareChecks`): the kind, the unit and slot of its cell, the form. */
  readonly rank: readonly [kind: number, unit: number, slot: number, form: number];
}

/** a ≤ b, a `range` check that holds now. */
export interface Guard {
  readonly id: number;
  readonly a: Expr;
  readonly b: Expr;
  readonly vars: ReadonlySet<string>;
  readonly affine: Affine | null;
}

export interface System {
  readonly annex: Annex;
  readonly facts: TableFacts;
  /** The relations the rules checked over `annex`, with their findings, when kept (relations/checked.ts). */
  /** Rate columns whose every rate failed: one cause the findings say; their rate relations are left out. */
  readonly rateColumns: ReadonlySet<Indicator> | undefined;
  /** The cells of the failing sums a row typed twice explains (rules/duplicate-rows.ts): their sum relations are left out. */
  readonly explainedSums: ReadonlySet<string> | undefined;
  readonly checked: CheckedRelations | undefined;
  /** The cells loaded: those of the units loaded and every cell their checks read. */
  readonly cells: ReadonlyMap<string, LCell>;
  /** The checks loaded (every check of the table, for a whole system), in the order they were loaded. */
  readonly checks: readonly Check[];
  readonly guards: readonly Guard[];
  /** Every check that reads the cell (through formulas too), in check order. */
  checksOf(ref: string): readonly Check[];
  /** Every guard that reads the cell. */
  guardsOf(ref: string): readonly Guard[];
  /** The checks that fail now among those loaded, after loading these units' (or every check of a whole system), in check order. */
  failing(units?: Iterable<number>): Check[];
  /** Decimals of proposed rates: the table's usual rate precision, at least 2. */
  readonly rateDp: number;
  /** The formula cell treated as an entered value in this pass (second pass), if any. */
  readonly suspect?: string;
  /** Whether any cell holds a formula povcheck recomputes. */
  readonly hasComputed: boolean;
  isVar(ref: string): boolean;
  /** The affine form of a cell over the entered cells, or null (a non-affine formula). */
  affineOfCell(ref: string): Affine | null;
  /** A loaded cell whose baseline value is its own entered value (not computed, not asked about before it was loaded), else undefined. */
  enteredCell(ref: string): LCell | undefined;
  /** Baseline value of any loaded cell (computed cells recomputed). */
  baseValue(ref: string): Dec | undefined;
  /** The entered cells a cell's value depends on (itself, for an entered cell). */
  depsOf(ref: string): ReadonlySet<string>;
  /** An equation check's value now (0 when it holds); undefined when it cannot be evaluated. Memoised. */
  residual(check: Check): Dec | undefined;
  /** A guard's b − a now (≥ 0). Memoised. */
  slack(guard: Guard): Dec | undefined;
}

export interface BuildOptions {
  /** Rules switched off: their checks are left out. */
  off?: ReadonlySet<string>;
  /**
   * A cell whose recognised formula is treated as an entered value ('suspect'): its value becomes a
   * variable, while the formulas that read it still recompute from it.
   */
  suspect?: string;
  /**
   * `table` (default): every relation of the table, loaded at once. `component`: each unit's relations
   * loaded when one of its cells is first asked about (a table with formulas is still loaded whole).
   */
  scope?: 'table' | 'component';
  /** The relations the rules checked over this table with their findings (relations/checked.ts), for confirming causes. */
  checked?: CheckedRelations;
  /** Rate columns whose every rate failed (relations/rate-column.ts): their rate relations are left out. */
  rateColumns?: ReadonlySet<Indicator> | undefined;
  /** The cells (refs) of the failing sums a row typed twice explains (rules/duplicate-rows.ts): their sum relations are left out. */
  explainedSums?: ReadonlySet<string> | undefined;
}

/** Check order: by relation kind, then the unit and slot of the check's cell, then the form; the cells read last. */
export function compareChecks(a: Check, b: Check): number {
  for (let i = 0; i < 4; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  if (a.id === b.id) return 0;
  const ka = [...a.vars].join(' ');
  const kb = [...b.vars].join(' ');
  return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
}

export function buildSystem(annex: Annex, opts: BuildOptions = {}): System {
  return new TableSystem(annex, opts);
}

/** The relation kinds locate reads: those it explains and the guards, with their place in check order. */
const LOCATE_KINDS: ReadonlyArray<{ kind: AnyKind; index: number }> = RELATION_KINDS.map((kind, index) => ({ kind, index })).filter(({ kind }) => kind.localised || kind.guard);

class TableSystem implements System {
  readonly facts: TableFacts;
  readonly cells = new Map<string, LoadedCell>();
  readonly checks: Check[] = [];
  private readonly guardList: Guard[] = [];
  readonly rateDp: number;
  readonly suspect?: string;
  readonly hasComputed: boolean;
  private readonly whole: boolean;
  private readonly off: ReadonlySet<string>;
  readonly rateColumns: ReadonlySet<Indicator> | undefined;
  readonly explainedSums: ReadonlySet<string> | undefined;
  readonly checked: CheckedRelations | undefined;
  private readonly checksByCell = new Map<string, Check[]>();
  /**
   * Every guard that reads the cell, in the order the guards were loaded. Without formulas, a cell's list is made
   * when first asked for (and again after a load adds a bound on the cell), from `pendingByCell`.
   */
  private readonly guardsByCell = new Map<string, Guard[]>();
  /**
   * Without formulas, the bounds (guard instances) loaded, per cell they read, in load order: made into guards
   * only when a guard of one of their cells is asked for. A small table's search asks about a few cells, and a
   * guard is a form, two expressions and a test of the table as it is.
   */
  private readonly pendingByCell = new Map<string, PendingGuards[]>();
  private readonly pending: PendingGuards[] = [];
  /**
   * Without formulas, the guard kinds of bounds on one unit's own cells (`range`: `perUnit`, not kept by the rules)
   * whose bounds are listed for a loaded unit only when a guard of one of its cells is first asked for
   * (`listBounds`): a small table's search asks about the cells of one or two units, and a unit has eleven bounds.
   */
  private readonly deferred: Array<{ kind: AnyKind; index: number }> = [];
  /** Loaded units whose deferred bounds are not listed yet, in load order. */
  private readonly boundsToList = new Set<number>();
  /** Cells whose list of checks has grown since it was last put in check order. */
  private readonly unsorted = new Set<string>();
  /** The load (1, 2, …) in which each unit's relations were loaded. */
  private readonly loadOf = new Map<number, number>();
  private loads = 0;
  private readonly slotIndex: ReadonlyMap<Indicator, number>;
  private readonly baseMemo = new Map<string, Dec | undefined>();
  /** The values whose cells were added (`addCell`), by unit and slot: `unit × slots + slot`. */
  private readonly valuesSeen = new Set<number>();
  /** Cells asked about before they were loaded. */
  private readonly unknown = new Set<string>();
  private readonly depMemo = new Map<string, Set<string>>();
  private readonly affMemo = new Map<string, Affine | null>();
  private readonly residuals = new Map<number, Dec | undefined>();
  private readonly slacks = new Map<number, Dec | undefined>();

  constructor(
    readonly annex: Annex,
    opts: BuildOptions,
  ) {
    this.facts = tableFacts(annex);
    this.rateDp = this.facts.rateDp;
    this.off = opts.off ?? new Set();
    this.rateColumns = opts.rateColumns;
    this.explainedSums = opts.explainedSums;
    this.checked = opts.checked?.annex === annex ? opts.checked : undefined;
    if (opts.suspect) this.suspect = opts.suspect;
    this.whole = opts.scope !== 'component' || this.facts.anyFormula;
    this.slotIndex = new Map(annex.indicators.map((ind, i) => [ind, i]));
    if (this.whole) {
      for (const unit of annex.units) this.addRowCells(unit);
      // Formulas: parse, keep those over cells of the table, without cycles, whose cached value they reproduce.
      classifyFormulas(this.cells, opts.suspect);
      this.load([...annex.units], undefined);
    }
    this.hasComputed = [...this.cells.values()].some((c) => c.formula?.role === 'computed');
  }

  checksOf(ref: string): readonly Check[] {
    this.loadCell(ref);
    const list = this.checksByCell.get(ref) ?? [];
    if (this.unsorted.delete(ref)) list.sort(compareChecks);
    return list;
  }

  guardsOf(ref: string): readonly Guard[] {
    this.loadCell(ref);
    if (this.boundsToList.size > 0) {
      const unit = this.cells.get(ref)?.unit;
      if (unit && this.boundsToList.has(unit.id)) this.listBounds(unit);
    }
    let list = this.guardsByCell.get(ref);
    if (list !== undefined || this.facts.anyFormula) return list ?? [];
    // The bounds on the cell, in load order: their guards that read it (a guard's cells are its bound's).
    list = [];
    for (const p of this.pendingByCell.get(ref) ?? []) for (const g of this.guardsOfBound(p)) if (g.vars.has(ref)) list.push(g);
    this.guardsByCell.set(ref, list);
    return list;
  }

  /** Every guard loaded (each bound loaded made into its guards, in the order they were made). */
  get guards(): readonly Guard[] {
    for (const id of [...this.boundsToList]) this.listBounds(this.annex.units.at(id)!);
    for (const p of this.pending) this.guardsOfBound(p);
    return this.guardList;
  }

  failing(units?: Iterable<number>): Check[] {
    if (!this.whole && units) this.loadUnits([...units].map((id) => this.annex.units.at(id)!));
    const ev = new Evaluation(this, new Map());
    return this.checks.filter((c) => !ev.holds(c)).sort(compareChecks);
  }

  isVar = (r: string): boolean => this.cells.has(r) && !this.isComputed(r);

  private isComputed(r: string): boolean {
    return this.cells.get(r)?.formula?.role === 'computed';
  }

  enteredCell = (r: string): LCell | undefined => {
    const c = this.cells.get(r);
    return !c || c.formula?.role === 'computed' || (this.unknown.size > 0 && this.unknown.has(r)) ? undefined : c;
  };

  baseValue = (r: string): Dec | undefined => {
    // An entered cell's value is its own (one lookup: this is the search's innermost call); a computed cell's is
    // recomputed once. A cell asked about before it was loaded stays unknown, as it was first answered.
    const c = this.cells.get(r);
    if (!c) {
      this.unknown.add(r);
      return undefined;
    }
    if (this.unknown.size > 0 && this.unknown.has(r)) return undefined;
    if (c.formula?.role !== 'computed') return c.base;
    if (this.baseMemo.has(r)) return this.baseMemo.get(r);
    const v = evaluate(c.formula.expr!, this.baseValue);
    this.baseMemo.set(r, v);
    return v;
  };

  depsOf = (r: string): Set<string> => {
    let d = this.depMemo.get(r);
    if (d) return d;
    d = new Set<string>();
    if (this.isComputed(r)) for (const x of refsOf(this.cells.get(r)!.formula!.expr!)) for (const y of this.depsOf(x)) d.add(y);
    else d.add(r);
    this.depMemo.set(r, d);
    return d;
  };

  affineOfCell = (r: string): Affine | null => {
    if (this.affMemo.has(r)) return this.affMemo.get(r)!;
    let a: Affine | null;
    if (this.isComputed(r)) a = affineOf(this.cells.get(r)!.formula!.expr!, this.affineOfCell);
    else if (this.cells.has(r)) a = { coefs: new Map([[r, new Dec(1)]]), c: new Dec(0) };
    else a = null;
    this.affMemo.set(r, a);
    return a;
  };

  /**
   * The affine form of a check's or guard's expression over the entered cells (`affineOfCell` at its cells).
   * Without formulas every cell is its own variable, and a form of sums and differences is worked in integers
   * (model/expr.ts `wholeAffineOf`, the same form); else, or when it cannot be, in decimals.
   */
  private readonly affineForm = (e: Expr): Affine | null => (this.facts.anyFormula ? undefined : wholeAffineOf(e, this.ownVar)) ?? affineOf(e, this.affineOfCell);

  /** Without formulas: whether `affineOfCell(r)` is the cell itself (as it first answered, when it was asked already). */
  private readonly ownVar = (r: string): boolean => {
    const a = this.affMemo.get(r);
    return a !== undefined ? a !== null : this.cells.has(r);
  };

  residual(c: Check): Dec | undefined {
    if (c.body.type !== 'eq') return undefined;
    if (!this.residuals.has(c.id)) this.residuals.set(c.id, evaluate(c.body.expr, this.baseValue));
    return this.residuals.get(c.id);
  }

  slack(g: Guard): Dec | undefined {
    if (!this.slacks.has(g.id)) {
      const a = evaluate(g.a, this.baseValue);
      const b = evaluate(g.b, this.baseValue);
      this.slacks.set(g.id, a && b ? b.minus(a) : undefined);
    }
    return this.slacks.get(g.id);
  }

  // Loading: cells, then the relations of some units.

  /** Loads the relations of the unit of a loaded cell (a whole system has them all). */
  private loadCell(ref: string): void {
    if (this.whole) return;
    const c = this.cells.get(ref);
    if (c && !this.loadOf.has(c.unit.id)) this.loadUnits([c.unit]);
  }

  private loadUnits(units: readonly Unit[]): void {
    const batch = [...new Set(units.filter((u) => !this.loadOf.has(u.id)))].sort((a, b) => a.id - b.id);
    if (batch.length === 0) return;
    for (const u of batch) this.addRowCells(u);
    this.load(batch, scopeOf(this.annex, this.facts, batch, (id) => this.loadOf.has(id)));
  }

  /**
   * Adds the checks and guards of the instances that read a cell of `batch` and none of an earlier load's
   * units (those were added then): every instance reading a loaded unit's cell is added exactly once.
   */
  private load(batch: readonly Unit[], scope: Scope | undefined): void {
    const n = ++this.loads;
    for (const u of batch) this.loadOf.set(u.id, n);
    const isNew = (cells: readonly OkValue[]) => {
      let inBatch = false;
      for (let i = 0; i < cells.length; i++) {
        const l = this.loadOf.get(cells[i]!.unit);
        if (l === n) inBatch = true;
        else if (l !== undefined) return false;
      }
      return inBatch;
    };
    let ctx: InstanceContext | undefined;
    const ids = batch.map((u) => u.id);
    const checked = this.checked;
    for (const { kind, index } of LOCATE_KINDS) {
      if (kind.localised && this.off.has(kind.id)) continue;
      const kept = checked?.of(kind.id);
      // A kind the rules did not run here (appliesTo, memoised for the table) that has no instances where it does not apply.
      if (!kept && checked && kind.noneUnlessApplicable && !appliesTo(kind, this.annex)) continue;
      if (scope && kind.guard && kind.perUnit && !kept) {
        // Bounds on the batch's own cells, listed when one of a unit's guards is asked for.
        if (!this.deferred.some((d) => d.kind === kind)) this.deferred.push({ kind, index });
        for (let i = 0; i < ids.length; i++) this.boundsToList.add(ids[i]!);
        continue;
      }
      if (kept && scope) {
        // The instances the rules kept that read a unit of the batch, with the cells the kept index read.
        const reading = checked!.reading(kind.id, ids);
        for (let j = 0; j < reading.length; j++) {
          const cells = checked!.cellsOf(kind.id, reading[j]!);
          if (isNew(cells)) this.addInstance(kind, index, kept.instances[reading[j]!]!, cells);
        }
        continue;
      }
      // Every instance the rules kept (a whole system), else the kind's instances over the scope.
      for (const inst of kept ? kept.instances : (kind.instances((ctx ??= this.context(scope))) as Iterable<Relation>)) {
        const cells = scope ? inst.cells : undefined;
        if (!cells || isNew(cells)) this.addInstance(kind, index, inst, cells);
      }
    }
  }

  /**
   * A unit's deferred bounds (a per-unit guard kind's instances over the unit, in the order its load would have
   * listed them): they read the unit's own cells only, so its load would have added each of them, and only they
   * bound its cells.
   */
  private listBounds(unit: Unit): void {
    this.boundsToList.delete(unit.id);
    const ctx = this.context({ units: [unit], parents: [], childrenOf: this.facts.childrenOf });
    for (const { kind, index } of this.deferred) for (const inst of kind.instances(ctx) as Iterable<Relation>) this.addInstance(kind, index, inst, inst.cells);
  }

  /** An instance's checks (a kind locate explains) or guards (`range`); with `cells`, their cells added first. */
  private addInstance(kind: AnyKind, index: number, inst: Relation, cells: Relation['cells'] | undefined): void {
    if (this.rateColumns && kind.id === 'rate' && this.rateColumns.has(inst.at.indicator)) return;
    if (this.explainedSums && kind.id === 'sum' && this.explainedSums.has(inst.at.cell.ref)) return;
    if (cells) for (let i = 0; i < cells.length; i++) this.addCell(cells[i]!);
    if (!kind.localised) return this.addBound(kind, inst);
    const forms = kind.form(inst, this.annex);
    if (forms === undefined) return;
    const list = Array.isArray(forms) ? (forms as readonly Form[]) : [forms as Form];
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      this.addCheck(kind.id, index, inst, i, f);
    }
  }

  /**
   * A bound (a guard kind's instance, its cells added). With formulas its guards are made at once (a guard
   * reads the entered cells under a formula's); else kept by the cells it reads until one is asked about.
   */
  private addBound(kind: AnyKind, inst: Relation): void {
    if (this.facts.anyFormula) {
      for (const g of this.guardsOfBound({ kind, inst, guards: undefined })) for (const v of g.vars) (this.guardsByCell.get(v) ?? this.guardsByCell.set(v, []).get(v)!).push(g);
      return;
    }
    const p: PendingGuards = { kind, inst, guards: undefined };
    this.pending.push(p);
    const cells = inst.cells;
    for (let i = 0; i < cells.length; i++) {
      const ref = cells[i]!.cell.ref;
      const list = this.pendingByCell.get(ref);
      if (list === undefined) this.pendingByCell.set(ref, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
      // The cell's list, if made, is made again with this bound.
      this.guardsByCell.delete(ref);
    }
  }

  /** A bound's guards (its forms `a ≤ b` that hold now), made once. */
  private guardsOfBound(p: PendingGuards): readonly Guard[] {
    if (p.guards) return p.guards;
    const out: Guard[] = [];
    const forms = p.kind.form(p.inst, this.annex);
    if (forms !== undefined) {
      const list = Array.isArray(forms) ? (forms as readonly Form[]) : [forms as Form];
      for (const f of list) {
        if (f.type !== 'le') continue;
        const g = this.addGuard(f.a, f.b);
        if (g) out.push(g);
      }
    }
    return (p.guards = out);
  }

  /** A rule context that reports nothing: the relations' instances (over `scope`, when given). */
  private context(scope: Scope | undefined): InstanceContext {
    const depth = depthOfTable(this.annex);
    return { annex: this.annex, report: () => {}, skip: () => {}, depth, fold: () => {}, checked: () => {}, ...(scope ? { scope } : {}) };
  }

  private addRowCells(unit: Unit): void {
    const vals = this.annex.values.row(unit.id);
    for (const [ind, v] of Object.entries(vals) as Array<[Indicator, Value]>) if (isOk(v)) this.addCell(v, ind, unit);
  }

  private addCell(v: OkValue, ind?: Indicator, unit?: Unit): void {
    // A value's cell may be made when asked (a long table's): asked once per value of the table, the values
    // already seen known by their unit and slot (instances read the same cells many times over).
    const slot = this.slotIndex.get(v.indicator);
    if (slot !== undefined) {
      const key = v.unit * this.slotIndex.size + slot;
      if (this.valuesSeen.has(key)) return;
      this.valuesSeen.add(key);
    }
    const cell = v.cell;
    if (this.cells.has(cell.ref)) return;
    const indicator = ind ?? v.indicator;
    const ft = cell.formula?.trim();
    const kind = indicatorKind(indicator);
    // A rate is proposed at its column's usual decimals, or at its own when it has more, up to two (136,7 among whole
    // figures is checked, and its expected value given, at one decimal: its proposal is 136,7, not 137; a share typed
    // for a percentage, 0,1180, has more digits than any rate is printed with, and is proposed at its column's).
    const own = v.decimals ?? 0;
    const proposalDp = kind === 'rate' ? Math.max(this.facts.proposalDp(indicator), own <= RATE_DECIMALS ? own : 0) : 0;
    this.cells.set(cell.ref, new LoadedCell(v, cell.ref, unit ?? this.annex.units.at(v.unit)!, indicator, kind, proposalDp, ft ? { text: ft, role: 'entered' } : undefined));
  }

  private varsOf(e: Expr): Set<string> {
    // Without formulas every cell is its own only dependency.
    if (!this.facts.anyFormula) return refsOf(e);
    const out = new Set<string>();
    for (const r of refsOf(e)) for (const d of this.depsOf(r)) out.add(d);
    return out;
  }

  private addCheck(family: Family, kindIndex: number, inst: Relation, formIndex: number, body: CheckBody): void {
    const check = new LoadedCheck(
      this.checks.length,
      family,
      inst,
      body,
      this.varsOf(formExpr(body)),
      [kindIndex, inst.at.unit, this.slotIndex.get(inst.at.indicator) ?? -1, formIndex],
      this.affineForm,
    );
    this.checks.push(check);
    for (const v of check.vars) {
      (this.checksByCell.get(v) ?? this.checksByCell.set(v, []).get(v)!).push(check);
      this.unsorted.add(v);
    }
  }

  /** A guard: a bound (range) that holds now; undefined when it does not. */
  private addGuard(a: Expr, b: Expr): Guard | undefined {
    const sign = compareInIntegers(a, b, this.enteredCell);
    if (sign === undefined) {
      const av = evaluate(a, this.baseValue);
      const bv = evaluate(b, this.baseValue);
      if (!av || !bv || av.gt(bv)) return undefined;
    } else if (sign > 0) return undefined;
    const e = sub(b, a);
    const guard = new LoadedGuard(this.guardList.length, a, b, this.varsOf(e), e, this.affineForm);
    this.guardList.push(guard);
    return guard;
  }
}

/**
 * A loaded cell. Its exact decimal (`base`) is made when first asked for: the checks of the table as it is are
 * decided on the value's scaled integer when they can be (evaluation.ts `Evaluation.holds`).
 */
class LoadedCell implements LCell {
  readonly dp: number;
  #base: Dec | undefined;
  constructor(
    readonly value: OkValue,
    readonly ref: string,
    readonly unit: Unit,
    readonly indicator: Indicator,
    readonly kind: IndicatorKind,
    readonly proposalDp: number,
    readonly formula: LCell['formula'] | undefined,
  ) {
    this.dp = value.decimals ?? 0;
  }

  get base(): Dec {
    return (this.#base ??= this.value.num);
  }

  /** The same cell with its formula classified. */
  withFormula(formula: NonNullable<LCell['formula']>): LoadedCell {
    return new LoadedCell(this.value, this.ref, this.unit, this.indicator, this.kind, this.proposalDp, formula);
  }
}

/** A check's or guard's expression → its affine form over the entered cells (`TableSystem.affineForm`). */
type FormOf = (e: Expr) => Affine | null;

/** A bound loaded (a guard kind's instance) and, once made, its guards. */
interface PendingGuards {
  readonly kind: AnyKind;
  readonly inst: Relation;
  guards: readonly Guard[] | undefined;
}

/**
 * A check whose affine form is made when first asked for: most checks of a small table are loaded but never
 * solved, and an affine form is a map of exact decimals.
 */
class LoadedCheck implements Check {
  readonly at: string;
  readonly unit: string;
  readonly indicator: Indicator;
  #affine: Affine | null | undefined;
  constructor(
    readonly id: number,
    readonly family: Family,
    inst: Relation,
    readonly body: CheckBody,
    readonly vars: ReadonlySet<string>,
    readonly rank: Check['rank'],
    private readonly formOf: FormOf,
  ) {
    this.at = inst.at.cell.ref;
    this.unit = inst.unit.name;
    this.indicator = inst.at.indicator;
    if (body.type !== 'eq') this.#affine = null;
  }

  get affine(): Affine | null {
    if (this.#affine === undefined) this.#affine = this.formOf((this.body as { expr: Expr }).expr);
    return this.#affine;
  }
}

/** A guard whose affine form (of b − a) is made when first asked for. */
class LoadedGuard implements Guard {
  #affine: Affine | null | undefined;
  constructor(
    readonly id: number,
    readonly a: Expr,
    readonly b: Expr,
    readonly vars: ReadonlySet<string>,
    private readonly e: Expr,
    private readonly formOf: FormOf,
  ) {}

  get affine(): Affine | null {
    if (this.#affine === undefined) this.#affine = this.formOf(this.e);
    return this.#affine;
  }
}

/**
 * Marks recognised formulas 'computed' when they read only cells of the table, are not circular, and
 * reproduce their cached value; everything else stays 'entered'.
 */
function classifyFormulas(cells: Map<string, LoadedCell>, suspect?: string): void {
  const parsed = new Map<string, Expr>();
  for (const [r, c] of cells) {
    if (!c.formula) continue;
    if (r === suspect) {
      const expr = parseFormula(c.formula.text);
      cells.set(r, c.withFormula({ text: c.formula.text, ...(expr ? { expr } : {}), role: 'suspect' }));
      continue;
    }
    const expr = parseFormula(c.formula.text);
    if (expr && [...refsOf(expr)].every((x) => cells.has(x))) parsed.set(r, expr);
  }
  // Drop formulas on a cycle (or reading one).
  const state = new Map<string, 'visiting' | 'ok' | 'bad'>();
  const visit = (r: string): boolean => {
    if (!parsed.has(r)) return true;
    const s = state.get(r);
    if (s === 'ok') return true;
    if (s === 'bad' || s === 'visiting') return false;
    state.set(r, 'visiting');
    let ok = true;
    for (const x of refsOf(parsed.get(r)!)) if (!visit(x)) ok = false;
    state.set(r, ok ? 'ok' : 'bad');
    return ok;
  };
  for (const r of [...parsed.keys()]) if (!visit(r)) parsed.delete(r);
  // Recompute: a formula whose cached value it does not reproduce (not recalculated) counts as entered.
  const memo = new Map<string, Dec | undefined>();
  const value = (r: string): Dec | undefined => {
    if (memo.has(r)) return memo.get(r);
    memo.set(r, undefined);
    const e = parsed.get(r);
    const v = e ? evaluate(e, value) : cells.get(r)?.base;
    memo.set(r, v);
    return v;
  };
  const stale = new Set<string>();
  for (const r of parsed.keys()) {
    const v = value(r);
    const c = cells.get(r)!;
    const shown = Math.min(c.dp, 9);
    if (!v || !v.toDecimalPlaces(shown, Dec.ROUND_HALF_UP).eq(c.base.toDecimalPlaces(shown, Dec.ROUND_HALF_UP))) stale.add(r);
  }
  // A formula reading a stale one is recomputed from a value that is not what the sheet shows: entered too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [r, e] of parsed) {
      if (stale.has(r)) continue;
      if ([...refsOf(e)].some((x) => stale.has(x))) {
        stale.add(r);
        changed = true;
      }
    }
  }
  for (const [r, e] of parsed) {
    if (stale.has(r)) continue;
    const c = cells.get(r)!;
    cells.set(r, c.withFormula({ text: c.formula!.text, expr: e, role: 'computed' }));
  }
}

