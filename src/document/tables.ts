/**
 * The tables of a plan document, each checked like any table through `checkGrid` (shape, rules, targets,
 * rule levels, error localisation). A table the shape stage does not read as a poverty table (the letterhead,
 * the signature block, a list of communes) is kept as "other", not checked and not reported as a problem.
 *
 * A table whose header row was lost (Word's plain-text export drops it, as in the seed) has units without
 * names. Its columns are then named by position ("C4": column 4 of the table) or from `--units`, and the
 * total is found by arithmetic: the column that equals the sum of the others in the count rows. A header row
 * with those names is put above the table and the table is checked again.
 *
 * A table split in two at a page break (the reader's `follows`: just after the other, as many columns) whose
 * second part has no header row of its own, or the first's typed again, is checked as one table: the first part's
 * rows, then the second's (its repeated header left out), each cell keeping its reference in Word. Pure.
 */
import { COUNT_INDICATORS } from '../model/indicators.js';
import type { Annex } from '../model/annex.js';
import type { DocTable } from '../model/document.js';
import type { Cell, Grid } from '../model/grid.js';
import { PovcheckError } from '../errors.js';
import type { Finding } from '../model/finding.js';
import { isOk } from '../rules/types.js';
import { checkGrid, type CheckResult } from '../check-grid.js';
import { relevel } from '../rules/levels.js';
import type { CheckOptions } from '../model/options.js';

export interface TableCheck {
  table: DocTable;
  /** Absent for tables that are not poverty tables. */
  result?: CheckResult;
  /** The grid checked: the table's, or with the header row povcheck put back. */
  grid: Grid;
  /** The header row was lost: units named by position or by `--units`. */
  headerLost?: { names: string[]; given: boolean; total?: string };
  /** Why a table that looked like a poverty table could not be checked. */
  problem?: PovcheckError;
  /** The table it continues: checked as part of that table's check. */
  continues?: number;
}

/** The document's tables in order, each checked alone or, when it continues the table before it, with that one. */
export function checkDocumentTables(tables: readonly DocTable[], opts: TableOptions): TableCheck[] {
  const checks: TableCheck[] = [];
  for (const table of tables) {
    const head = headOf(checks, table.follows);
    const joined = head !== undefined ? continued(checks[head]!, table, opts) : undefined;
    if (joined) checks[head!] = joined;
    checks.push(joined ? { table, grid: table.grid, continues: joined.table.number } : checkDocumentTable(table, opts));
  }
  return checks;
}

/** The index of the check a table following table `follows` would join: that table's, or the one it continues. */
function headOf(checks: readonly TableCheck[], follows: number | undefined): number | undefined {
  if (follows === undefined) return undefined;
  const before = checks.findIndex((c) => c.table.number === follows);
  if (before < 0) return undefined;
  const head = checks[before]!.continues;
  return head === undefined ? before : checks.findIndex((c) => c.table.number === head);
}

/**
 * The head's check with `table` read on below it, when the head is a poverty table with a header of its own and
 * `table` repeats that header or has none (read alone, its units have no names); undefined otherwise.
 */
function continued(head: TableCheck, table: DocTable, opts: TableOptions): TableCheck | undefined {
  if (!head.result || head.headerLost) return undefined;
  const repeated = repeatedHeaderRows(head.table.grid.rows, table.grid.rows);
  if (repeated === 0 && !readsHeaderless(table.grid, opts)) return undefined;
  const rows = table.grid.rows.slice(repeated);
  if (copiesRows(head.table.grid.rows, rows)) return undefined;
  const grid: Grid = { ...head.table.grid, rows: [...head.table.grid.rows, ...rows.map((r, i) => r.map((c) => ({ ...c, row: head.table.grid.rows.length + i })))] };
  let result: CheckResult;
  try {
    result = checkGrid(grid, opts);
  } catch (e) {
    if (e instanceof PovcheckError) return undefined;
    throw e;
  }
  const at = noteCell(result.annex, rows);
  // At the level the run gives its rule (`--rule split-table=off`), as checkGrid's own findings are.
  const note = relevel([{ rule: 'split-table', severity: 'info', ...(at ? { at } : {}), msg: { id: 'split-table.continued', params: { table: table.number, continues: head.table.number, header: repeated > 0 ? 'repeated' : 'none' } } }], opts.rules);
  return { table: { ...head.table, grid }, grid, result: { ...result, findings: [...note, ...result.findings], localisation: shifted(result.localisation, note.length) } };
}

/**
 * Where the note that a table continues another sits: the first cell of the continuation the report shows with
 * the table (an indicator's label, a unit's name, a value), not a row number beside it (an STT column, which the
 * HTML report draws without its cells' places); else its first cell with text.
 */
function noteCell(annex: Annex, rows: readonly Cell[][]): Cell | undefined {
  const read = new Set([...Object.values(annex.labelCells), ...Array.from(annex.units, (u) => u.cell)].flatMap((c) => (c ? [c.ref] : [])));
  const filled = rows.flat().filter((c) => c.raw.trim() !== '');
  return filled.find((c) => read.has(c.ref)) ?? filled[0];
}

/** How many of the continuation's first rows are the head's first rows typed again (its header, over a page break). */
function repeatedHeaderRows(head: readonly Cell[][], rows: readonly Cell[][]): number {
  let n = 0;
  while (n < rows.length && n < head.length && !isBlankRow(rows[n]!) && sameTexts(head[n]!, rows[n]!)) n++;
  return n;
}

/** Every row with text is one of the head's rows typed again: the table pasted twice, no continuation (read alone). */
function copiesRows(head: readonly Cell[][], rows: readonly Cell[][]): boolean {
  const filled = rows.filter((r) => !isBlankRow(r));
  if (filled.length === 0) return false;
  const headTexts = new Set(head.map(textsOf));
  return filled.every((r) => headTexts.has(textsOf(r)));
}

const textsOf = (row: readonly Cell[]) => Array.from(row, (c) => c?.raw.trim() ?? '').join('\u0000').replace(/\u0000+$/, '');
const sameTexts = (a: readonly Cell[], b: readonly Cell[]) => textsOf(a) === textsOf(b);
const isBlankRow = (row: readonly Cell[]) => row.every((c) => !c || c.raw.trim() === '');

/** Read alone, the table is a poverty table whose units have no header (the rows below a page break). */
function readsHeaderless(grid: Grid, opts: TableOptions): boolean {
  try {
    return headerless(checkGrid(grid, opts).annex);
  } catch (e) {
    if (e instanceof PovcheckError) return false;
    throw e;
  }
}

export interface TableOptions extends CheckOptions {
  /** `--units`: the names of a headerless table's unit columns, in order. */
  unitNames?: readonly string[];
}

/** Checks one document table; `targets` only for the first poverty table (the caller decides). */
export function checkDocumentTable(table: DocTable, opts: TableOptions): TableCheck {
  let first: CheckResult;
  try {
    first = checkGrid(table.grid, opts);
  } catch (e) {
    if (!(e instanceof PovcheckError)) throw e;
    // Most tables of a plan are not poverty tables: only other reasons are worth telling.
    return e.code === 'NOT_A_TABLE' ? { table, grid: table.grid } : { table, grid: table.grid, problem: e };
  }
  if (!headerless(first.annex)) return { table, result: first, grid: table.grid };

  const columns = Array.from(first.annex.units, (u) => unitColumn(first.annex, u.id));
  const given = opts.unitNames !== undefined && opts.unitNames.length === columns.length;
  const names = given ? [...opts.unitNames!] : columns.map((c) => `C${c + 1}`);
  const total = given ? undefined : totalByArithmetic(first.annex);
  const grid = withHeader(table, columns, names);
  const totalNames = total !== undefined ? [...(opts.totalNames ?? []), names[total]!] : opts.totalNames;
  const result = checkGrid(grid, { ...opts, ...(totalNames ? { totalNames } : {}) });
  const totalName = result.annex.total?.name;
  const note: Finding = {
    rule: 'sum',
    severity: 'info',
    msg: {
      id: 'sum.header-lost',
      params: {
        table: table.number,
        names,
        given,
        ...(totalName !== undefined ? { total: totalName } : {}),
        arithmetic: total !== undefined,
        ...(opts.unitNames !== undefined && !given ? { expected: columns.length, count: opts.unitNames.length } : {}),
      },
    },
  };
  return {
    table,
    grid,
    result: { ...result, findings: [note, ...result.findings], localisation: shifted(result.localisation, 1) },
    headerLost: { names, given, ...(totalName !== undefined ? { total: totalName } : {}) },
  };
}

/** The causes' `explains` point into the findings: `n` findings put in front move them. */
function shifted(loc: CheckResult['localisation'], n: number): CheckResult['localisation'] {
  return { ...loc, causes: loc.causes.map((c) => ({ ...c, explains: c.explains.map((i) => i + n) })) };
}

/** A wide table whose units have no header cell: their names are column letters the shape stage made up. */
function headerless(annex: Annex): boolean {
  return annex.layout === 'wide' && annex.units.length > 1 && [...annex.units].every((u) => u.cell === undefined);
}

function unitColumn(annex: Annex, unit: number): number {
  const v = Object.values(annex.values.row(unit)).find((x) => x !== undefined);
  return v?.cell.col ?? 0;
}

/**
 * The unit whose counts equal the sum of the others' in the most count rows (at least one, every usable
 * row of it); undefined when none does or two do.
 */
export function totalByArithmetic(annex: Annex): number | undefined {
  const score = Array.from(annex.units, () => 0);
  for (const ind of COUNT_INDICATORS) {
    const values = Array.from(annex.units, (u) => annex.values.get(u.id, ind));
    if (!values.every(isOk)) continue;
    const sum = values.reduce((s, v) => s.plus(v!.num!), values[0]!.num!.minus(values[0]!.num!));
    values.forEach((v, i) => {
      if (v!.num!.mul(2).eq(sum)) score[i]!++;
    });
  }
  const best = Math.max(...score);
  if (best === 0 || score.filter((s) => s === best).length > 1) return undefined;
  return score.indexOf(best);
}

/** The table with a header row of `names` over `columns` put above it (cells named "T1C4": the column). */
function withHeader(table: DocTable, columns: readonly number[], names: readonly string[]): Grid {
  const header: Cell[] = [];
  columns.forEach((col, i) => {
    header[col] = { raw: names[i]!, ref: `T${table.number}C${col + 1}`, row: -1, col, table: table.number };
  });
  return { ...table.grid, rows: [header, ...table.grid.rows] };
}

/** The texts of the tables before the first paragraph that are not poverty tables: a letterhead laid out in a table (its issuer's name). */
export function letterheadTexts(checks: readonly TableCheck[]): string[] {
  return checks.filter((c) => !c.result && c.table.after === undefined).flatMap((c) => c.table.grid.rows.flat().map((cell) => cell.raw));
}

/** A poverty table's check as the text's checks see it: `unnamed` when its lost header row was not named by `--units`. */
export function claimTableOf(check: TableCheck): { number: number; annex: Annex; unnamed: boolean } {
  return { number: check.table.number, annex: check.result!.annex, unnamed: check.headerLost !== undefined && !check.headerLost.given };
}
