/**
 * A row (or column) typed one cell off: from some cell on, each cell of the line holds its neighbour's value. Typed one
 * cell to the right, the first cell of the run is left blank and the last value falls out of the table (into the notes
 * column, or nowhere); one value skipped, the run's first value is lost and its last cell left blank. Each cell's
 * check then fails on its own, and the search for one or two cells (search.ts) sees as many independent slips with
 * unrelated kinds.
 *
 * The hypothesis is tested as a whole: the line's values moved back one cell, the value that is not in the table
 * (the lost one) solved from the checks (solve.ts), and the corrected table confirmed by the rules themselves, as
 * every other cause is (confirm.ts): every failing check of the table must hold, and no new error appear. Only lines
 * through the cells of failing checks that hold a blank cell where the run would leave one are tried, so a table
 * without such a blank costs nothing.
 *
 * Typed one cell on, the pushed-out value is often still in the sheet: in the cell just past the run (the notes
 * column, a column past the header). That cell is read from the grid and named with the cause (`landed`), and the
 * warning about an unlabelled column at it is one the cause explains: the value is there because of the shift.
 */
import { Dec } from '../calc/decimal.js';
import { OverlayValues, isBlank, type Annex, type Value, type ValueRow } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import type { Cell, Grid } from '../model/grid.js';
import { clip } from '../model/echo.js';
import { indicatorKind, type Indicator, type IndicatorKind } from '../model/indicators.js';
import { NumberValue } from '../model/value.js';
import { parseNumber, type ParseResult } from '../shape/numbers.js';
import { findingsNear, keyOf } from './confirm.js';
import { FAMILIES, type FindingIndex } from './causes.js';
import { formatCellValue } from './format.js';
import { buildSystem, type Check, type System } from './model.js';
import { proposedPlain } from './slips.js';
import { isPoint, solve, someT, valuesAt, type SolutionSet } from './solve.js';
import { derivedFacts } from './table.js';
import type { Cause, CauseCell, LandedCell, Localisation, ShiftInfo } from './types.js';

/** Most lines tried; most cells a run moves; most units an indicator's line is built across. */
const MAX_LINES = 64;
const MAX_RUN = 60;
const MAX_LINE_UNITS = 500;
/** Most runs tested against the rules (each a corrected table checked). */
const MAX_TESTED = 64;

export interface ShiftContext {
  readonly sys: System;
  readonly findings: readonly Finding[];
  readonly index: FindingIndex;
  readonly off: ReadonlySet<string>;
  readonly rateColumns: ReadonlySet<Indicator> | undefined;
  readonly explainedSums: ReadonlySet<string> | undefined;
  readonly enumLimit: number;
  /** When given, the only blank cells (refs) a run may start or end at: those a check wanted (index.ts `namedBlanks`). */
  readonly blanks?: ReadonlySet<string>;
  /** The table's grid, when it was read whole: where a run typed one cell on pushed its last value (`landed`). */
  readonly grid?: Grid;
}

/** One way of moving a line's values back: `source[i]` is the value that belongs in `run[i]` (undefined: the lost one). */
interface Hypothesis {
  readonly along: 'row' | 'column';
  readonly forward: boolean;
  readonly run: readonly Value[];
  readonly source: ReadonlyArray<Value | undefined>;
}

/**
 * The localisation of a table whose failing checks are all explained by one line typed one cell off, or undefined.
 * Several lines that do it (rare) are listed as ambiguous.
 */
export function shiftLocalisation(ctx: ShiftContext, failing: readonly Check[]): Localisation | undefined {
  const causes: Cause[] = [];
  // Only the run's cells change: a failing check that reads none of them stays failing (tried first, as it costs nothing).
  const readsRun = (h: Hypothesis) => {
    const refs = new Set(h.run.map((v) => v.cell.ref));
    return failing.every((c) => [...c.vars].some((v) => refs.has(v)));
  };
  const candidates = hypotheses(ctx, failing).filter(readsRun);
  for (const h of candidates.slice(0, MAX_TESTED)) {
    const cause = tested(ctx, h, failing);
    if (cause) causes.push(cause);
  }
  if (causes.length === 0) return undefined;
  const confidence = causes.length === 1 ? 'unique' : 'ambiguous';
  return { status: 'found', failing: failing.length, size: causes[0]!.cells.length, causes: causes.map((c) => ({ ...c, confidence })), more: 0 };
}

/** The cells the failing checks read (refs). */
export function hotCells(failing: readonly Check[]): Set<string> {
  const hot = new Set<string>();
  for (const c of failing) for (const v of c.vars) hot.add(v);
  return hot;
}

/** The rows and columns of the table through the failing checks' cells (at most MAX_LINES), each in sheet order. */
export function linesThrough(sys: System, hot: ReadonlySet<string>): Array<{ along: 'row' | 'column'; cells: Value[] }> {
  const lines = new Map<string, { along: 'row' | 'column'; cells: Value[] }>();
  for (const ref of hot) {
    const seed = sys.cells.get(ref)?.value;
    if (!seed) continue;
    for (const along of ['row', 'column'] as const) {
      const key = `${along}|${seed.cell.sheet ?? ''}|${along === 'row' ? seed.cell.row : seed.cell.col}`;
      if (lines.has(key) || lines.size >= MAX_LINES) continue;
      const cells = lineOf(sys.annex, seed, along);
      if (cells) lines.set(key, { along, cells });
    }
  }
  return [...lines.values()];
}

/**
 * Whether a row or column through the failing checks' cells holds a blank cell a check wanted (`named`: a `missing`
 * error's, or one a skip names, "ô C3 để trống", outside the full annex form): what a shift leaves. One or two cells
 * that explain the failing checks then leave that blank as it is; the shift is tried too, and preferred when it
 * explains them.
 */
export function blankOnFailingLine(sys: System, failing: readonly Check[], named: ReadonlySet<string>): boolean {
  return linesThrough(sys, hotCells(failing)).some((l) => l.cells.some((v) => isBlank(v) && named.has(v.cell.ref)));
}

/** The lines through the failing checks' cells with a blank where a shift leaves one, and the shifts along them. */
function hypotheses(ctx: ShiftContext, failing: readonly Check[]): Hypothesis[] {
  const hot = hotCells(failing);
  const blank = (v: Value) => isBlank(v) && (ctx.blanks === undefined || ctx.blanks.has(v.cell.ref));
  const out: Hypothesis[] = [];
  for (const { along, cells } of linesThrough(ctx.sys, hot)) {
    const lastHot = cells.map((v) => hot.has(v.cell.ref)).lastIndexOf(true);
    if (lastHot < 0) continue;
    const n = cells.length;
    // Typed one cell on (right, down): the run's first cell left blank, each later cell its predecessor's value.
    for (let x = 0; x < lastHot; x++) {
      if (!blank(cells[x]!) || n - x > MAX_RUN) continue;
      const run = cells.slice(x);
      const source = run.map((_, i) => cells[x + i + 1]);
      if (source.slice(0, -1).every((v) => v && !isBlank(v))) out.push({ along, forward: true, run, source });
    }
    // One value skipped (typed one cell back: left, up): the last cell left blank, each cell its successor's value.
    if (blank(cells[n - 1]!)) {
      for (let x = Math.max(0, n - MAX_RUN); x < n - 1; x++) {
        const run = cells.slice(x);
        const source = run.map((_, i) => (i === 0 ? undefined : cells[x + i - 1]));
        if (source.slice(1).every((v) => v && !isBlank(v))) out.push({ along, forward: false, run, source });
      }
    }
  }
  return out;
}

/**
 * The values of the table in the seed's grid row (`row`) or column, in sheet order: one unit's across its indicators,
 * or one indicator's across the units, as the layout puts them. Undefined for an indicator's line across more units
 * than a shift is sought over.
 */
function lineOf(annex: Annex, seed: Value, along: 'row' | 'column'): Value[] | undefined {
  const unitLine = (annex.layout === 'long') === (along === 'row');
  const at = (v: Value) => (along === 'row' ? v.cell.row === seed.cell.row : v.cell.col === seed.cell.col) && v.cell.sheet === seed.cell.sheet;
  const out: Value[] = [];
  if (unitLine) {
    for (const ind of annex.indicators) {
      const v = annex.values.get(seed.unit, ind);
      if (v && at(v)) out.push(v);
    }
  } else {
    if (annex.units.length > MAX_LINE_UNITS) return undefined;
    for (let u = 0; u < annex.units.length; u++) {
      const v = annex.values.get(u, seed.indicator);
      if (v && at(v)) out.push(v);
    }
  }
  const pos = (v: Value) => (along === 'row' ? v.cell.col : v.cell.row);
  return out.sort((a, b) => pos(a) - pos(b));
}

/** A cell of the run with the value a hypothesis puts in it: as plain digits, as typed, and its decimals. */
export interface Placed {
  readonly to: Value;
  readonly plain: string;
  readonly text: string;
  readonly decimals: number;
}

/**
 * What the checks give the lost cell, the moved values in place: one value (`plain`), or a range of values (`plain`
 * one of them; `range` `{}`: any value, no check reading the cell), `rounding` when the range's ends are a rounding's.
 */
interface LostValue {
  readonly plain: string;
  readonly range?: { min?: string; max?: string };
  readonly rounding?: true;
}

/** The hypothesis's cause when the rules agree with it (every failing check holds, no new error), else undefined. */
function tested(ctx: ShiftContext, h: Hypothesis, failingNow: readonly Check[]): Cause | undefined {
  const annex = ctx.sys.annex;
  const moved = movedBack(annex, h);
  if (!moved) return undefined;
  // A shift changes at least two cells (the lost one counted once solved): one is a slip of one cell.
  const movedChanges = moved.filter((m) => !(m.to.status === 'ok' && m.to.plain === m.plain)).length;
  if (movedChanges < 1) return undefined;
  const lost = lostCellOf(h);
  const units = [...new Set(h.run.map((v) => v.unit))];
  const withLost = (lostPlain: string) => patched(annex, [...moved, placedLost(annex, lost, lostPlain)]);
  const lostValue = lostValueOf(ctx, withLost('0'), units, lost);
  if (!lostValue) return undefined;
  const lostChanges = lost.status === 'ok' && lost.plain === lostValue.plain && !lostValue.range ? 0 : 1;
  if (movedChanges + lostChanges < 2) return undefined;
  const explains = confirmed(ctx, withLost(lostValue.plain), units, h.run);
  if (!explains) return undefined;
  return causeOf(ctx, h, failingNow, { moved, lost, lostValue, explains });
}

/** The run's cells with the values the hypothesis moves into them (not the lost one), read as their columns read numbers; undefined when one is no number. */
function movedBack(annex: Annex, h: Hypothesis): Placed[] | undefined {
  const moved: Placed[] = [];
  for (let i = 0; i < h.run.length; i++) {
    const source = h.source[i];
    if (!source) continue;
    const p = parsedAs(annex, h.run[i]!.indicator, source.text);
    if (!p.ok) return undefined;
    moved.push({ to: h.run[i]!, plain: p.plain, text: source.text, decimals: p.decimals });
  }
  return moved;
}

/** The cell of the run whose value is not in the table: its last typed one cell on, its first when one value was skipped. */
const lostCellOf = (h: Hypothesis): Value => h.run[h.forward ? h.run.length - 1 : 0]!;

/** The lost cell holding a value, written as the table writes its figures. */
function placedLost(annex: Annex, lost: Value, plain: string): Placed {
  return { to: lost, plain, text: formatCellValue(plain, lost, annex), decimals: plain.split('.')[1]?.length ?? 0 };
}

/**
 * The lost cell's value from the checks of the run's units over `probe` (the table with the moved values, the lost
 * cell 0); undefined when a failing check does not read the lost cell, or the checks give it no value.
 */
function lostValueOf(ctx: ShiftContext, probe: Annex, units: readonly number[], lost: Value): LostValue | undefined {
  const sys = buildSystem(probe, { off: ctx.off, scope: 'component', rateColumns: ctx.rateColumns, explainedSums: ctx.explainedSums });
  const failing = sys.failing(units);
  const cell = sys.cells.get(lost.cell.ref);
  const kind = indicatorKind(lost.indicator);
  const dp = cell?.proposalDp ?? ctx.sys.rateDp;
  const zero = proposedPlain(new Dec(0), kind, dp);
  if (failing.length === 0) {
    // No check reads the lost cell: its value is not known (any value, 0 among them, leaves the checks as they are).
    return !cell || sys.checksOf(lost.cell.ref).length === 0 ? { plain: zero, range: {} } : { plain: zero };
  }
  if (!cell || !failing.every((c) => c.vars.has(lost.cell.ref))) return undefined;
  const solved = solve(sys, [lost.cell.ref], { enumLimit: ctx.enumLimit });
  if (solved.kind !== 'found') return undefined;
  const set = solved.set;
  const plain = proposedPlain(valuesAt(set, someT(set))[0]!, kind, dp);
  if (isPoint(set)) return { plain };
  return { plain, range: rangeOf(set, kind, dp), ...(set.rounding === true ? { rounding: true as const } : {}) };
}

/** The least and greatest values of a one-cell solution set (absent: unbounded), as proposed. */
function rangeOf(set: SolutionSet, kind: IndicatorKind, dp: number): { min?: string; max?: string } {
  const ends = [set.lo, set.hi].map((t) => (t === undefined ? undefined : valuesAt(set, t)[0]!));
  const [min, max] = set.dir[0]!.isNegative() ? [ends[1], ends[0]] : [ends[0], ends[1]];
  return { ...(min ? { min: proposedPlain(min, kind, dp) } : {}), ...(max ? { max: proposedPlain(max, kind, dp) } : {}) };
}

/** A hypothesis the rules confirmed: the values moved, the lost cell and its value, the findings the correction clears. */
interface Confirmed {
  readonly moved: readonly Placed[];
  readonly lost: Value;
  readonly lostValue: LostValue;
  readonly explains: readonly number[];
}

/** The cause a confirmed hypothesis names: the run's cells, what it explains (the landed cell's warning too), the shift. */
function causeOf(ctx: ShiftContext, h: Hypothesis, failingNow: readonly Check[], { moved, lost, lostValue, explains: cleared }: Confirmed): Cause {
  const annex = ctx.sys.annex;
  const { range } = lostValue;
  const landed = h.forward ? landedCell(ctx.grid, annex, h.along, lost, range === undefined ? lostValue.plain : undefined) : undefined;
  const explains = landed ? withUnlabelledAt(ctx.findings, cleared, landed.cell) : cleared;
  const proposedOf = new Map<Value, string>(moved.map((m) => [m.to, m.plain]));
  const cells: CauseCell[] = h.run.map((v) => ({
    cell: v.cell,
    unit: annex.units.at(v.unit)!.name,
    indicator: v.indicator,
    actual: v.status === 'ok' ? v.plain! : v.text,
    ...(v === lost ? (range ? { range } : { proposed: lostValue.plain }) : { proposed: proposedOf.get(v)! }),
    kind: 'shifted' as const,
  }));
  const shift: ShiftInfo = {
    along: h.along,
    direction: h.along === 'row' ? (h.forward ? 'right' : 'left') : h.forward ? 'down' : 'up',
    lost: lost.cell,
    ...(landed ? { landed } : {}),
  };
  return { cells, explains, confidence: 'unique', pinned: range === undefined, linked: false, ...(range && lostValue.rounding ? { rounding: true as const } : {}), shift, sources: sourcesOf(ctx.findings, explains, failingNow, h.run) };
}

/**
 * The cell one step past the lost one along the line (a run typed one cell on: where its last value went), read from
 * the grid whether or not shape read it as a figure, when it holds something. `pinned`: the value the checks give the
 * lost cell, when they give one: whether the landed cell holds that very value.
 */
function landedCell(grid: Grid | undefined, annex: Annex, along: 'row' | 'column', lost: Value, pinned: string | undefined): LandedCell | undefined {
  if (!grid || (grid.sheet !== undefined && lost.cell.sheet !== undefined && grid.sheet !== lost.cell.sheet)) return undefined;
  const row = lost.cell.row + (along === 'column' ? 1 : 0);
  const col = lost.cell.col + (along === 'row' ? 1 : 0);
  const cell = gridCell(grid, row, col);
  const text = cell?.raw.trim() ?? '';
  if (!cell || text === '') return undefined;
  const plain = numberOf(annex, lost, cell, text);
  // Input text repeated back: clipped as every other (a notes cell may hold a paragraph).
  return {
    cell,
    text: clip(text),
    ...(plain !== undefined ? { plain } : {}),
    header: clip(headerOf(grid, annex, along, lost, cell)),
    matches: pinned !== undefined && plain !== undefined && new Dec(plain).eq(new Dec(pinned)),
  };
}

/**
 * The grid's cell at a row and column (0-based), by its own position: a grid's rows may not start at the sheet's first,
 * and a workbook's rows may have holes (empty cells), the first one included.
 */
function gridCell(grid: Grid, row: number, col: number): Cell | undefined {
  const at = (r: readonly Cell[] | undefined) => r?.find((c) => c?.col === col) ?? undefined;
  const rowOf = (r: readonly Cell[]) => r.find((c) => c !== undefined)?.row;
  const direct = grid.rows[row];
  if (direct && rowOf(direct) === row) return direct[col]?.col === col ? direct[col] : at(direct);
  return at(grid.rows.find((r) => rowOf(r) === row));
}

/**
 * The landed cell's column header (a row's run: the text in the row of the lost cell's own header, a unit's name or
 * an indicator's label) or its row's label (a column's run); '' when there is none. A column shape did not read
 * names its header as read (`Ghi chú`, the cells over it joined).
 */
function headerOf(grid: Grid, annex: Annex, along: 'row' | 'column', lost: Value, landed: Cell): string {
  if (along === 'row') {
    const notRead = annex.columnsNotRead?.find((c) => c.col === landed.col);
    if (notRead) return notRead.header.trim();
  }
  const own = [annex.units.at(lost.unit)?.cell, annex.labelCells[lost.indicator]].find(
    (c) => c !== undefined && (along === 'row' ? c.col === lost.cell.col && c.row !== lost.cell.row : c.row === lost.cell.row && c.col !== lost.cell.col),
  );
  if (!own) return '';
  const at = along === 'row' ? gridCell(grid, own.row, landed.col) : gridCell(grid, landed.row, own.col);
  return at?.raw.trim() ?? '';
}

/** The landed cell's number, read as the lost cell's column reads its numbers; undefined when it is no number. */
function numberOf(annex: Annex, lost: Value, cell: Cell, text: string): string | undefined {
  if (cell.numeric !== undefined) return cell.numeric;
  const p = parsedAs(annex, lost.indicator, text);
  return p.ok ? p.plain : undefined;
}

/** A text read as a number the way the indicator's column reads its numbers (a rate column may have its own locale). */
function parsedAs(annex: Annex, indicator: Indicator, text: string): ParseResult {
  const kind = indicatorKind(indicator);
  const locale = kind === 'rate' ? (annex.rateLocale ?? annex.locale) : annex.locale;
  return parseNumber(text, locale === 'plain' ? 'en' : locale, kind);
}

/** The findings explained, with the warning that the landed cell's column has content and no header, when it is at that cell. */
function withUnlabelledAt(findings: readonly Finding[], explains: readonly number[], at: Cell): number[] {
  const i = findings.findIndex((f) => f.msg.id === 'unknown.unlabelled-column' && f.at !== undefined && f.at.ref === at.ref && f.at.sheet === at.sheet);
  return i < 0 || explains.includes(i) ? [...explains] : [...explains, i].sort((a, b) => a - b);
}

/**
 * For each finding the run explains, the cells of the run its check reads (I6's flow follows from I5 alone, not from
 * the whole row): what the reports name as its cause at a cell the run does not change.
 */
export function sourcesOf(findings: readonly Finding[], explains: readonly number[], failing: readonly Check[], run: readonly Value[]): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const i of explains) {
    const f = findings[i]!;
    const check = failing.find((c) => c.family === f.rule && c.at === f.at?.ref);
    if (!check) continue;
    const from = run.map((v, k) => (check.vars.has(v.cell.ref) ? k : -1)).filter((k) => k >= 0);
    if (from.length > 0) out[i] = from;
  }
  return out;
}

/** The table with these cells holding these values (a blank cell made a number). */
export function patched(annex: Annex, values: readonly Placed[]): Annex {
  const rows = new Map<number, Partial<Record<Indicator, Value>>>();
  for (const { to, plain, text, decimals } of values) {
    const row = rows.get(to.unit) ?? rows.set(to.unit, { ...annex.values.row(to.unit) }).get(to.unit)!;
    row[to.indicator] = new NumberValue(to.indicator, to.unit, to.cell, text, plain, decimals, plain.startsWith('-') ? new Dec(plain) : undefined);
  }
  const out: Annex = { ...annex, values: new OverlayValues(annex.values, rows as Map<number, ValueRow>) };
  derivedFacts(annex, out, rows.keys());
  return out;
}

/**
 * The indexes of the findings the corrected table no longer has, when it has no error of a localised relation left
 * (nor any error the table did not have) and every failing one of the table is among them; else undefined. The
 * blank and unreadable cells of the run (`missing`, `number`) are explained too: they hold a value now.
 */
export function confirmed(ctx: ShiftContext, corrected: Annex, unitIds: readonly number[], run: readonly Value[]): number[] | undefined {
  const { sys, index } = ctx;
  const units = unitIds.map((id) => sys.annex.units.at(id)!);
  // The table as it is first, and both over the rules that ran on it (`sys.checked`): the rules run are cached by the
  // table's units (confirm.ts), and those that apply depend on values (implied-households, where a unit prints no
  // households). Asked of the corrected table first, they were its own: the run's blank households filled, without
  // implied-households, whose failing finding was then in neither list and the shift never confirmed.
  const before = new Set(findingsNear(sys.annex, units, sys.checked).map(keyOf));
  const after = findingsNear(corrected, units, sys.checked);
  for (const f of after) {
    if (f.severity !== 'error' || ctx.off.has(f.rule)) continue;
    if (f.rule === 'rate' && f.indicator !== undefined && ctx.rateColumns?.has(f.indicator)) continue;
    if (f.rule === 'sum' && f.at && ctx.explainedSums?.has(f.at.ref)) continue;
    if (FAMILIES.has(f.rule) || !index.has(f)) return undefined;
  }
  const afterKeys = new Set(after.map(keyOf));
  // Every failing localised finding of the table must be one the correction clears.
  for (const f of ctx.findings) {
    if (!FAMILIES.has(f.rule) || ctx.off.has(f.rule) || f.severity === 'info' || f.msg.id === 'rate.column') continue;
    if (f.rule === 'sum' && f.at && ctx.explainedSums?.has(f.at.ref)) continue;
    const k = keyOf(f);
    if (!before.has(k) || afterKeys.has(k)) return undefined;
  }
  const explains: number[] = [];
  for (const key of before) if (!afterKeys.has(key)) explains.push(...(index.explainable.get(key) ?? []));
  const refs = new Set(run.map((v) => `${v.cell.sheet ?? ''}!${v.cell.ref}`));
  ctx.findings.forEach((f, i) => {
    if ((f.rule === 'missing' || f.rule === 'number') && f.severity !== 'info' && f.at && refs.has(`${f.at.sheet ?? ''}!${f.at.ref}`)) explains.push(i);
  });
  return [...new Set(explains)].sort((a, b) => a - b);
}
