/**
 * How many cells of delimited text povcheck reads into memory on this machine: the table is refused with
 * TABLE_TOO_LARGE (what: 'cells') while it is being read, before the heap runs out, never with a V8 abort.
 *
 * A cell costs about BYTES_PER_CELL of heap from reading to the report (its text, its place in the grid,
 * its value and the checks' work; measured on the bench's national table, docs/performance.md "Memory"), and
 * Node's own heap about FIXED_BYTES. The budget is a share of what remains under V8's heap limit
 * (`--max-old-space-size`), so a larger heap admits a larger table. POVCHECK_MAX_CELLS lowers it (tests).
 */
import { lazyRequire } from './lazy-require.js';
import { PovcheckError } from '../errors.js';

// node:v8 costs about 10 ms to load: asked only when a table is large enough to need the budget.
const require = lazyRequire(() => import.meta.url);
const heapSizeLimit = (): number => (require('node:v8') as typeof import('node:v8')).getHeapStatistics().heap_size_limit;

/** Heap per cell read (measured: a 100,000-unit table of 12 columns, 1.2 M cells, needs 300–400 MB of heap). */
export const BYTES_PER_CELL = 320;
/** Heap that povcheck's code and Node use whatever the table. */
const FIXED_BYTES = 40 * 1024 * 1024;
/** The share of the rest a table may take: the garbage collector needs room to work. */
const SHARE = 0.75;

/** Cells that fit in this process's heap, or fewer when POVCHECK_MAX_CELLS says so. */
export function cellBudget(env: NodeJS.ProcessEnv = process.env, heapLimit: number = heapSizeLimit()): number {
  const fits = Math.max(0, Math.floor(((heapLimit - FIXED_BYTES) * SHARE) / BYTES_PER_CELL));
  const asked = env.POVCHECK_MAX_CELLS;
  return asked && /^[1-9][0-9]*$/.test(asked) ? Math.min(Number(asked), fits) : fits;
}

/**
 * Heap per unit of a long table read into its column store (model/long-table.ts), from reading to the report,
 * measured on the bench's national table when its whole text was kept as well (docs/performance.md "Large
 * tables"): on the safe side since a large file is read and decoded a piece at a time and the store is compact
 * (about 50 bytes of typed arrays a unit, outside the heap, and no heap object kept per unit, plus the findings:
 * about 8 bytes a unit on the bench's table; branch `units6`). Kept at 400: a table whose values are kept as
 * `Value`s (text, a workbook's cells) costs more per unit, and the heap grows to a multiple of what is live
 * between collections.
 */
export const BYTES_PER_UNIT = 400;

/** Records (units of a long table) that fit in this process's heap, or fewer when POVCHECK_MAX_ROWS says so. */
export function recordBudget(env: NodeJS.ProcessEnv = process.env, heapLimit: number = heapSizeLimit()): number {
  const fits = Math.max(0, Math.floor(((heapLimit - FIXED_BYTES) * SHARE) / BYTES_PER_UNIT));
  const asked = env.POVCHECK_MAX_ROWS;
  return asked && /^[1-9][0-9]*$/.test(asked) ? Math.min(Number(asked), fits) : fits;
}

/** Counts the records of a long table as they are stored; past the budget, refuses the table. */
export class RecordCounter {
  private records = 0;
  private limit: number | undefined;
  /** Below this many units no table is refused: small files never ask V8 anything. */
  private static readonly FREE = 10_000;

  add(): void {
    if (++this.records <= RecordCounter.FREE && process.env.POVCHECK_MAX_ROWS === undefined) return;
    this.limit ??= recordBudget();
    if (this.records > this.limit) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'units', limit: this.limit, heapMb: Math.round(heapSizeLimit() / 2 ** 20) });
  }

  /** `n` units, or as many as the budget admits when fewer (room reserved for a file's estimated records). */
  atMost(n: number): number {
    if (n <= RecordCounter.FREE && process.env.POVCHECK_MAX_ROWS === undefined) return n;
    this.limit ??= recordBudget();
    return Math.min(n, this.limit + 1);
  }
}

/** Counts cells as records arrive; past the budget, refuses the table (the budget is computed once it matters). */
export class CellCounter {
  private cells = 0;
  private limit: number | undefined;
  /** Below this many cells no table is refused: small files never ask V8 anything. */
  private static readonly FREE = 100_000;

  add(n: number): void {
    this.cells += n;
    if (this.cells <= CellCounter.FREE && process.env.POVCHECK_MAX_CELLS === undefined) return;
    this.limit ??= cellBudget();
    if (this.cells > this.limit) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'cells', limit: this.limit, heapMb: Math.round(heapSizeLimit() / 2 ** 20) });
  }
}

/**
 * Heap a finding of the shape stage holds while a long table is checked: the finding, its cell and the value kept
 * whole beside the columns (a word where a count should be). Measured: a 1,000,000-unit table with a word in every
 * row's count grew past 1.2 GB of heap before the findings' own budget (check-grid.ts) could refuse it.
 */
export const BYTES_PER_FINDING = 1_200;

/**
 * The findings a long table's values give as they are read (a word or a blank where a number should be), counted
 * against what the heap holds beside its `units` (BYTES_PER_UNIT each); past it the table is refused
 * (TABLE_TOO_LARGE, what: 'findings') before the heap runs out. Below FREE findings nothing is asked.
 */
export class FindingsGuard {
  private n = 0;
  private limit: number | undefined;
  private static readonly FREE = 10_000;

  constructor(private readonly units: number) {}

  /** `n` findings more (one when not given). */
  add(n = 1): void {
    if ((this.n += n) <= FindingsGuard.FREE) return;
    this.limit ??= findingsBudget(this.units);
    if (this.n > this.limit) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'findings', limit: this.limit });
  }
}

/** Findings of the shape stage that fit in this process's heap beside `units` units (at least FindingsGuard's FREE). */
export function findingsBudget(units: number, heapLimit: number = heapSizeLimit()): number {
  return Math.max(10_000, Math.floor(((heapLimit - FIXED_BYTES) * SHARE - units * BYTES_PER_UNIT) / BYTES_PER_FINDING));
}
