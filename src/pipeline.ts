/**
 * The pipeline for one input file: file → Grid (or plan document) → checkGrid → FileResult. No printing, no
 * exit codes: the command line and the reporters decide what to do with the result.
 */
import { statSync, type Stats } from 'node:fs';
import { readInput, sourceOf, type InputContent } from './read/index.js';
import { firstTableSheet } from './read/sheets.js';
import type { Cell, Grid, SourceInfo } from './model/grid.js';
import { compareFindings, type Finding, type Skip } from './model/finding.js';
import { PovcheckError } from './errors.js';
import type { Cause, Localisation } from './locate/index.js';
import { Dec } from './calc/decimal.js';
import { writesVietnameseText, type PlanDocument } from './model/document.js';
import { failOnOf, type FailOn } from './model/fail-on.js';
import { statusOf, type FileResult } from './model/file-result.js';
import type { CheckOptions, RuleLevels, ValidateOptions } from './model/options.js';
import { relevel, withoutOffRules } from './rules/levels.js';
import { checkShaped, type CheckResult } from './check-grid.js';
import { shape, shapeTable } from './shape/index.js';
import { clip } from './model/echo.js';

/**
 * Validates one file. Never throws for bad input: an unreadable file comes back with status 'unreadable'
 * and its PovcheckError. Other exceptions are internal faults and propagate.
 */
export async function validateFile(file: string, opts: ValidateOptions = {}): Promise<FileResult> {
  const step = await shapeFile(file, opts);
  return isShapedFile(step) ? checkShapedFile(step, opts) : step;
}

export const isShapedFile = (x: FileResult | ShapedFile): x is ShapedFile => 'shaped' in x;

/** A delimited file read and shaped, its checks still to run (`checkShapedFile`). */
export interface ShapedFile {
  file: string;
  input: Extract<InputContent, { kind: 'table' }>;
  shaped: Awaited<ReturnType<typeof shapeTable>>;
  /** The file's size in bytes (what a run holding several shaped files counts: run.ts). */
  bytes: number;
}

/**
 * The first half of `validateFile`: a delimited file read and shaped, its checks left for `checkShapedFile`, so that
 * a run over many files can shape several before checking them (run.ts); any other file (a workbook, whose sheets
 * are tried in turn, a plan document, a file that cannot be read) validated whole: its result.
 */
export async function shapeFile(file: string, opts: ValidateOptions = {}): Promise<FileResult | ShapedFile> {
  try {
    // Stat'ed once (the reader's checks: a missing or special file: the reader names it).
    const stats = statOrNothing(file);
    if (stats) await compileFor(stats.size);
    const input = await readInput(file, { ...opts, records: true }, stats);
    if (input.kind === 'document') return await documentResult(file, input.document, opts);
    if (input.kind === 'table') return { file, input, shaped: await shapeTable(input.table, opts, opts.onProgress), bytes: stats?.size ?? 0 };
    return tableResult(file, await checkFirstTableSheet(file, input, opts, stats), opts);
  } catch (e) {
    return unreadableResult(file, e);
  }
}

/** The second half of `validateFile`: a shaped delimited file's checks and likely causes, its result. */
export function checkShapedFile(s: ShapedFile, opts: ValidateOptions = {}): FileResult {
  try {
    const source = sourceOf(s.input);
    const checked = { ...checkShaped(s.shaped, opts), ...(s.shaped.grid ? { grid: s.shaped.grid } : {}) };
    // `--sheet` names a workbook's sheet: a text file has one table, read whole, and the report says so.
    return tableResult(s.file, { ...checked, source: opts.sheet !== undefined && source.kind === 'delimited' ? { ...source, sheetNotApplied: clip(opts.sheet) } : source }, opts);
  } catch (e) {
    return unreadableResult(s.file, e);
  }
}

function tableResult(file: string, r: Awaited<ReturnType<typeof checkTableInput>>, opts: ValidateOptions): FileResult {
  const { annex, findings, skipped, coverage, localisation, targetsUnmatched, source, grid } = r;
  return {
    file,
    status: statusOf(findings, failOnOf(opts), coverage),
    source,
    ...(grid ? { grid } : {}),
    annex,
    findings,
    skipped,
    coverage,
    localisation,
    ...(targetsUnmatched ? { targetsUnmatched } : {}),
  };
}

/** A PovcheckError (cannot be read) as the file's result; any other exception is an internal fault and propagates. */
function unreadableResult(file: string, e: unknown): FileResult {
  if (e instanceof PovcheckError) return { file, status: 'unreadable', findings: [], skipped: [], error: e.withFile(file) };
  throw e;
}

/**
 * A table input checked (validate's files, and `fix`'s input and its corrected copy): a delimited table's first
 * rows shaped, the rest read row by row into the same table (shape/index.ts), whatever its size; a workbook's
 * grid shaped whole. `grid`: the whole table's, when it was read as one.
 */
export async function checkTableInput(
  input: Exclude<InputContent, { kind: 'document' }>,
  opts: CheckOptions,
  progress?: (done: number, total: number) => void,
): Promise<CheckResult & { source: SourceInfo; grid?: Grid }> {
  const shaped = input.kind === 'table' ? await shapeTable(input.table, opts, progress) : { ...shape(input.grid, opts), grid: input.grid };
  const source = sourceOf(input);
  return { ...checkShaped(shaped, opts), source, ...(shaped.grid ? { grid: shaped.grid } : {}) };
}

/**
 * A workbook's sheet checked (a delimited file goes through `shapeFile` and `checkShapedFile`); a workbook read
 * without `--sheet` whose first sheet holds no poverty table (a cover page) is checked from its first later sheet that
 * holds one, its source naming the sheets passed over (read/sheets.ts).
 */
async function checkFirstTableSheet(file: string, input: Extract<InputContent, { kind: 'grid' }>, opts: ValidateOptions, stats: Stats | undefined): ReturnType<typeof checkTableInput> {
  const workbookSheet = (x: InputContent) => (opts.sheet === undefined && x.kind === 'grid' && x.grid.source.kind === 'workbook' ? x.grid.source.sheet : undefined);
  const { result, passedOver } = await firstTableSheet<InputContent, Awaited<ReturnType<typeof checkTableInput>>>(
    input,
    workbookSheet,
    (position) => readInput(file, { ...opts, sheet: position }, stats),
    (x) => checkTableInput(x as Exclude<InputContent, { kind: 'document' }>, opts, opts.onProgress),
  );
  if (passedOver && result.source.kind === 'workbook') {
    // The sheets passed over were looked at: not among those left unread.
    const others = result.source.others?.filter((s) => !passedOver.includes(s));
    const { others: _all, ...source } = result.source;
    return { ...result, source: { ...source, passedOver, ...(others?.length ? { others } : {}) } };
  }
  return result;
}

/** A plan document's result: its tables, stated figures, money and references (src/document/). */
async function documentResult(file: string, doc: PlanDocument, opts: ValidateOptions): Promise<FileResult> {
  const { checkDocument } = await import('./document/index.js');
  const r = checkDocument(doc, opts);
  const lang = r.annex?.lang ?? (writesVietnameseText(doc) ? 'vi' : 'en');
  return {
    file,
    status: statusOf(r.findings, failOnOf(opts), r.coverage),
    source: { kind: 'document', format: doc.format, ...(doc.encoding ? { encoding: doc.encoding } : {}), paragraphs: doc.paragraphs.length, tables: doc.tables.length, ...(doc.hiddenText ? { hiddenText: doc.hiddenText } : {}), ...(doc.textBoxText ? { textBoxText: doc.textBoxText } : {}), ...(doc.notes ? { notes: doc.notes } : {}), ...(doc.legacyFont ? { legacyFont: doc.legacyFont } : {}), ...(doc.mhtml ? { mhtml: true as const } : {}) },
    ...(r.grid ? { grid: r.grid } : {}),
    // Without a table no number format was decided: the "read as" line names none (`figures`).
    ...(r.annex ? { annex: r.annex } : { table: { layout: 'none', locale: 'vi', figures: 'none', lang, units: 0 } }),
    findings: r.findings,
    skipped: r.skipped,
    coverage: r.coverage,
    localisation: r.localisation,
    document: r.report,
    ...(r.targetsUnmatched ? { targetsUnmatched: r.targetsUnmatched } : {}),
  };
}

const sameCell = (a: Cell, b: Cell) => a.ref === b.ref && a.sheet === b.sheet;

/**
 * A file's result with findings from outside the file (a series' `continuity`) added: re-levelled, in report
 * order, the causes' `explains` moved with the findings they point at (and extended to an added error whose
 * expected value a cause proposes at its cell), the verdict recomputed. Pure.
 */
export function withFindings(result: FileResult, extra: readonly Finding[], skips: readonly Skip[], opts: { rules?: RuleLevels; failOn: FailOn }): FileResult {
  if (result.status === 'unreadable' || (extra.length === 0 && skips.length === 0)) return result;
  const extraRules = [...new Set([...extra.map((f) => f.rule), ...skips.map((s) => s.rule)])].filter((r) => opts.rules?.[r] !== 'off');
  const added = relevel(extra, opts.rules);
  const findings = [...result.findings, ...added].sort(compareFindings);
  const position = new Map(findings.map((f, i) => [f, i]));
  const moved = (i: number) => position.get(result.findings[i]!) ?? i;
  // A cause whose proposed value is exactly what an added finding expects at that cell explains it too.
  const alsoExplains = (c: Cause) =>
    added.filter((f) => f.severity === 'error' && f.at && f.expected !== undefined && c.cells.some((x) => sameCell(x.cell, f.at!) && x.proposed !== undefined && new Dec(x.proposed).eq(f.expected!))).map((f) => position.get(f)!);
  const remap = (loc: Localisation): Localisation => ({
    ...loc,
    causes: loc.causes.map((c) => ({ ...c, explains: [...c.explains.map(moved), ...alsoExplains(c)].sort((a, b) => a - b) })),
    ...(loc.parts ? { parts: loc.parts.map(remap) } : {}),
  });
  const localisation = result.localisation && remap(result.localisation);
  const skipped = [...result.skipped, ...withoutOffRules(skips, opts.rules)];
  // The rules these findings come from (a series' `continuity`) join the file's coverage: run when they found something.
  const coverage = result.coverage && {
    ...result.coverage,
    checks: [...result.coverage.checks, ...extraRules.filter((r) => !result.coverage!.checks.includes(r))],
    ran: [...result.coverage.ran, ...extraRules.filter((r) => !result.coverage!.ran.includes(r) && added.some((f) => f.rule === r))],
    notRun: [
      ...result.coverage.notRun.filter((n) => !added.some((f) => f.rule === n.check)),
      ...extraRules
        .filter((r) => !result.coverage!.checks.includes(r) && !added.some((f) => f.rule === r))
        .map((r) => ({ check: r, reason: skips.find((s) => s.rule === r)?.msg ?? { id: 'skip.nothing' as const, params: {} } })),
    ],
    // An indicator an added finding compares (a start count against the year before) is compared.
    ...(result.coverage.notCompared ? { notCompared: result.coverage.notCompared.filter((n) => !added.some((f) => f.indicator === n.indicator)) } : {}),
  };
  return {
    ...result,
    findings,
    skipped,
    ...(localisation ? { localisation } : {}),
    ...(coverage ? { coverage } : {}),
    status: statusOf(findings, opts.failOn, coverage),
  };
}

/**
 * How much V8's optimising compiler inlines, set by how long the run is (a speed setting: never what is checked
 * or reported). About half the CPU time of a 10,000-unit table, or of a run over 1,000 seed-sized files, was V8
 * compiling hot functions on its background thread, most of it inlining; without it those runs take about a
 * quarter less CPU, their code as fast. Over a table of a million units the inlined code is what is fast (the
 * rules a third slower without it), and the compiling is paid once: there V8's default is kept. So a run of
 * several files, or of a file of `LEAN_COMPILE_BYTES` or more, compiles without inlining, and a file of
 * `FULL_COMPILE_BYTES` or more turns inlining back on (docs/performance-history.md, branch `small3`). Setting a V8 flag
 * needs `node:v8`, which loads Node's streams (several milliseconds: a seed run's start-up would feel it), so a
 * run of one small file never does.
 */
export async function compileFor(work: 'files' | number): Promise<void> {
  const set = inliningFor(work, inlining);
  if (set === undefined) return;
  const v8 = await import('node:v8');
  v8.setFlagsFromString(set ? '--turbo-inlining' : '--no-turbo-inlining');
  for (const phase of LEAN_TURBOFAN_PHASES) v8.setFlagsFromString(`--${set ? '' : 'no-'}${phase}`);
  const growth = semiSpaceGrowthFor(work, set);
  if (growth !== undefined) v8.setFlagsFromString(`--semi-space-growth-factor=${growth}`);
  const budget = interruptBudgetFor(work, set);
  if (budget !== undefined) v8.setFlagsFromString(`--interrupt-budget=${budget}`);
  inlining = set;
}

/**
 * Turbofan's phases a lean compile (`compileFor` with inlining off) leaves out, back on with inlining: loop
 * peeling, load elimination and escape analysis, the costliest of its optional phases for code that runs a few
 * thousand times (a table below 8 MiB, a run of several files). Without them Turbofan compiles the same
 * functions in less time on its background thread: 10,000 units about 6 % less CPU and 4–5 % less wall time, the
 * 1,000 seed-sized files about 3 % less CPU (docs/performance-history.md, 2026-12-05). What is checked and
 * reported is unchanged: these are V8's optimisations, not povcheck's.
 */
export const LEAN_TURBOFAN_PHASES = ['turbo-loop-peeling', 'turbo-load-elimination', 'turbo-escape'] as const;

/**
 * How V8's young generation grows (`--semi-space-growth-factor`, read by V8 each time it grows the space) for this
 * much work, given inlining `set`: a single table checked without inlining (10,000–100,000 units) keeps it at the
 * size it has (1 MB at start) instead of doubling it up to 16 MB; set back to V8's default with inlining. Such a table
 * makes mostly short-lived objects: a small young generation collects them in more, shorter scavenges, over memory
 * already touched, where every page of a grown one is memory the process touches for the first time (a page fault
 * each, about 3 ms a MB on the project's virtual machine). 10,000 units 0.91× CPU and 0.89× wall, 100,000 units
 * 0.90× and 0.88× (paired medians, docs/performance-history.md 2026-12-06). Not for a run of several files: there it
 * changed nothing measurable (0.98–1.01×), its results held to the end promoted sooner. A speed setting only.
 */
export function semiSpaceGrowthFor(work: 'files' | number, set: boolean): number | undefined {
  if (set) return DEFAULT_SEMI_SPACE_GROWTH;
  return work === 'files' ? undefined : 1;
}
/** V8's own (Node 20, V8 11.3): each growth doubles the young generation's semi-spaces. */
export const DEFAULT_SEMI_SPACE_GROWTH = 2;

/**
 * The interrupt budget `compileFor` sets with inlining `set` for this much work: the larger one for several files
 * or a file below `LONG_BUDGET_BYTES`, back to V8's default with inlining; else none.
 */
export function interruptBudgetFor(work: 'files' | number, set: boolean): number | undefined {
  if (work === 'files' || (!set && work < LONG_BUDGET_BYTES)) return FILES_INTERRUPT_BUDGET;
  return set ? DEFAULT_INTERRUPT_BUDGET : undefined;
}

/**
 * A file checked without inlining and smaller than this gets the larger interrupt budget of a run of several
 * files too: a table of 4,000–20,000 units runs most of its code a few thousand times, not enough for Turbofan's
 * compiling to pay (10,000 units: 0.91× wall, 0.87× CPU); from about 25,000 units (2 MB) the loops run long
 * enough for V8's default (30,000 units: 1.02× wall with the larger budget). docs/performance-history.md, 2026-12-04.
 */
export const LONG_BUDGET_BYTES = 2 * 1024 * 1024;

/**
 * How much a function runs before V8 optimises it (V8's profiler budget, in bytecodes' worth), in a run of several
 * files: four times V8's default, so that code run only once or a few times a file (a file's shape, each relation
 * kind's set-up, the report's pieces) stays in V8's baseline tiers instead of being compiled by Turbofan, which was
 * two fifths of the instructions of a run over 200 of the bench's files. A single table gets it too below
 * `LONG_BUDGET_BYTES` (docs/performance-history.md, branch `small5` and 2026-12-04).
 */
export const FILES_INTERRUPT_BUDGET = 4 * 67_584;
/** V8's own (Node 20, V8 11.3), set back with inlining. */
export const DEFAULT_INTERRUPT_BUDGET = 67_584;

/**
 * What `compileFor` sets for this much work (several files, or a file's size in bytes), given what the run set
 * before (`now`): inlining on (true), off (false), or nothing to change (undefined).
 */
export function inliningFor(work: 'files' | number, now: boolean | undefined): boolean | undefined {
  if (work !== 'files' && work >= FULL_COMPILE_BYTES) return now === false ? true : undefined;
  return now === false || (work !== 'files' && work < LEAN_COMPILE_BYTES) ? undefined : false;
}

/** Whether this run set inlining on or off (undefined: V8's default, inlining, never changed). */
let inlining: boolean | undefined;

/** A file at least this large has enough to check for compiling without inlining to pay back loading `node:v8` (a seed annex: 2 KB; 10,000 units: 0.8 MB). */
export const LEAN_COMPILE_BYTES = 256 * 1024;
/** A file at least this large is checked long enough for inlining to pay back (100,000 units: 7.8 MB, where both were measured alike). */
export const FULL_COMPILE_BYTES = 8 * 1024 * 1024;

function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
