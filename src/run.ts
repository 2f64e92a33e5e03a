/**
 * `run()`: one resolved `validate` run → every file's result. Inputs expanded (files, folders, globs), each
 * file through the pipeline (pipeline.ts), the targets no table has, and `--series`' continuity. No printing,
 * no exit code: the command line (src/commands/validate.ts) reports the outcome.
 */
import { PovcheckError, type ErrorParams } from './errors.js';
import { expandInputs, type Input } from './inputs.js';
import { withTableSummary, type FileResult, type SeriesReport } from './model/file-result.js';
import type { ValidateOptions, ValidateRun } from './model/options.js';
import { resolveTargetUnit, type Target, type TargetSet } from './targets/index.js';
import type { Annex } from './model/annex.js';
import { checkShapedFile, compileFor, isShapedFile, shapeFile, validateFile, withFindings, type ShapedFile } from './pipeline.js';
import { clip } from './model/echo.js';

/** What the command line lends a run: a progress bar for a file, and how an unexpected fault is named. */
export interface RunHooks {
  progressFor?: (file: string) => Promise<Progress | undefined>;
  internalError: (e: unknown, file: string) => PovcheckError;
  /**
   * Whether the reports of a run over this many files read the tables themselves (a table drawn under the findings,
   * HTML, JUnit's units), not only their summaries. When they do not (absent: they may), and neither `--series` nor
   * targets read them, each file's result keeps its table's summary instead of its annex and grid
   * (model/file-result.ts `withTableSummary`): a run over 1,000 seed-sized files then holds about 25 KB less per
   * file until its reports, which V8's scavenges copied and promoted.
   */
  reportsReadTables?: (files: number) => boolean;
}

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export interface RunOutcome {
  results: FileResult[];
  /** `--series`: the files in year order and what each pair gave. */
  series?: SeriesReport;
  /** Targets whose unit no table of the run has: a mistake in the targets, reported instead of the results. */
  targetErrors: PovcheckError[];
  /** The .txt files of the folders searched that were not checked (not like a text export): the reports name them. */
  passedOver: string[];
}

export async function run(r: ValidateRun, hooks: RunHooks, { aheadBytes = SHAPED_AHEAD_BYTES }: { aheadBytes?: number } = {}): Promise<RunOutcome> {
  const expanded = await expandInputs([...r.inputs], r.cwd, r.series ? { order: 'given' } : {});
  const passedOver = expanded.flatMap((i) => (i.kind === 'passed-over' ? [i.path] : []));
  const inputs = expanded.filter((i): i is CheckedInput => i.kind !== 'passed-over');
  if (r.series && inputs.length < 2) throw new PovcheckError('BAD_OPTION', { reason: 'series-one', files: inputs.length });
  const options: ValidateOptions = r.options;
  const results: FileResult[] = [];
  if (inputs.length > 1) await compileFor('files');
  const summaries = !r.series && !r.options.targets && hooks.reportsReadTables?.(inputs.length) === false;
  const keep = (result: FileResult) => results.push(summaries ? withTableSummary(result) : result);
  // Small files are shaped ahead of their checks, up to `aheadBytes` of them (SHAPED_AHEAD_BYTES), each checked in order.
  const ahead: ShapedFile[] = [];
  let heldBytes = 0;
  const checkAhead = () => {
    for (const s of ahead.splice(0)) keep(checkedOrFault(s, options, hooks));
    heldBytes = 0;
  };
  for (const input of inputs) {
    const step = inputs.length > 1 ? await shapedOrResult(input, options, hooks) : await resultOf(input, options, hooks);
    if (isShapedFile(step) && heldBytes + step.bytes <= aheadBytes) {
      ahead.push(step);
      heldBytes += step.bytes;
      continue;
    }
    checkAhead();
    keep(isShapedFile(step) ? checkedOrFault(step, options, hooks) : step);
  }
  checkAhead();
  const targetErrors = r.options.targets ? unmatchedTargets(r.options.targets, results) : [];
  if (targetErrors.length > 0 || !r.series) return { results, targetErrors, passedOver };
  return { ...(await withSeries(results, r)), targetErrors, passedOver };
}

/** An input the run checks: a file, or an empty folder or pattern, or a folder it could not search (not a `.txt` passed over). */
type CheckedInput = Exclude<Input, { kind: 'passed-over' }>;

/**
 * In a run over several files, the small delimited files are read and shaped ahead of their checks, up to this many
 * bytes of them held shaped at once (about five times as much heap), then checked in order: a stage's code run over
 * many files in a row instead of each file's stages in turn. Over 1,000 seed-sized files about 9 % less CPU and
 * time (docs/performance-history.md, 2026-12-06); checking them in batches of 50 or 250 files kept little of it.
 * What is checked and reported is the same, in the same order.
 */
export const SHAPED_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * One input as `resultOf` gives it, except that a delimited file is returned shaped, its checks left to
 * `checkedOrFault`; a file with a progress bar (a large one) is validated whole: its bar stops with its checks.
 */
async function shapedOrResult(input: CheckedInput, options: ValidateOptions, hooks: RunHooks): Promise<FileResult | ShapedFile> {
  if (input.kind !== 'file') return resultOf(input, options, hooks);
  const progress = await hooks.progressFor?.(input.path);
  if (progress) return validated(input.path, options, hooks, progress);
  try {
    return await shapeFile(input.path, options);
  } catch (e) {
    return unreadable(input.path, hooks.internalError(e, input.path));
  }
}

/** A shaped file's result; an unexpected fault names the file and counts as unreadable, as in `resultOf`. */
function checkedOrFault(s: ShapedFile, options: ValidateOptions, hooks: RunHooks): FileResult {
  try {
    return checkShapedFile(s, options);
  } catch (e) {
    return unreadable(s.file, hooks.internalError(e, s.file));
  }
}

/** One input's result: an empty folder or glob, a folder that could not be searched, or a file validated. */
async function resultOf(input: CheckedInput, options: ValidateOptions, hooks: RunHooks): Promise<FileResult> {
  if (input.kind === 'empty') return unreadable(input.arg, new PovcheckError('NO_INPUT', { kind: input.source }, { file: input.arg }));
  if (input.kind === 'refused') return unreadable(input.path, input.error);
  return validated(input.path, options, hooks, await hooks.progressFor?.(input.path));
}

/** A file validated, with its progress bar if it has one. */
async function validated(file: string, options: ValidateOptions, hooks: RunHooks, progress: Progress | undefined): Promise<FileResult> {
  try {
    return await validateFile(file, progress ? { ...options, onProgress: progress.update } : options);
  } catch (e) {
    // An unexpected fault still names the file and counts as unreadable, never a stack trace.
    return unreadable(file, hooks.internalError(e, file));
  } finally {
    progress?.stop();
  }
}

const unreadable = (file: string, error: PovcheckError): FileResult => ({ file, status: 'unreadable', findings: [], skipped: [], error });

/** `--series`: each year's start against the year before's end, the findings added to each file's result. */
async function withSeries(results: FileResult[], r: ValidateRun): Promise<{ results: FileResult[]; series: SeriesReport }> {
  const { checkSeries } = await import('./series/index.js');
  const unitsMap = r.series?.unitsMap;
  const checked = checkSeries(
    results.map((x) => ({ file: x.file, ...(x.annex ? { annex: x.annex } : {}) })),
    { ...(unitsMap ? { map: unitsMap } : {}), ...(r.options.unitAliases ? { unitAliases: r.options.unitAliases } : {}) },
  );
  const levels = { ...(Object.keys(r.rules).length ? { rules: r.rules } : {}), failOn: r.failOn };
  const withContinuity = results.map((x, i) => withFindings(x, checked.findings[i] ?? [], checked.skipped[i] ?? [], levels));
  const series = { files: withContinuity.map((x) => x.file), ...(unitsMap ? { unitsMap: unitsMap.source } : {}), transitions: checked.transitions };
  return { results: withContinuity, series };
}

/**
 * The targets whose unit none of the run's readable tables has (a misspelt unit, or a target for another
 * table), as TARGET_UNIT errors naming the targets' source. A target some table lacks but another has is
 * only skipped (and listed as not checked) in the tables that lack it.
 */
export function unmatchedTargets(set: TargetSet, results: readonly FileResult[]): PovcheckError[] {
  const readable = results.filter((r) => r.annex);
  if (readable.length === 0) return [];
  const first = readable[0]!.annex!;
  const known = [...(first.total ? ['total'] : []), ...Array.from(first.units, (u) => u.name)];
  const tables = readable.map((r) => r.file);
  // Each names where the target was given (its file and entry, or the how-manieth --target), else the set's source.
  const placeOf = (t: Target, i: number) => ({ index: t.origin?.index ?? i + 1, ...(t.origin?.line !== undefined ? { line: t.origin.line } : {}) });
  return set.targets
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => readable.every((r) => r.targetsUnmatched?.includes(i)))
    .map(({ t, i }) => new PovcheckError('TARGET_UNIT', { unit: clip(t.unit), known, ...placeOf(t, i), tables, ...candidatesIn(t, first) }, { file: t.origin?.source ?? set.source }));
}

/**
 * The units of `annex` a target's name fits when it fits several: spelt differently (`Tân Hòa`, `Tân Hóa`), or of
 * two levels (`level`: `Huyện Na Hang`, `Thị trấn Na Hang`), or a city named as its province is (`city`).
 */
function candidatesIn(t: Target, annex: Annex): { candidates?: string[]; level?: boolean; city?: boolean } {
  try {
    resolveTargetUnit(t.unit, annex.units, annex.total, annex.unitAliases);
  } catch (e) {
    const p = e instanceof PovcheckError && e.code === 'TARGET_UNIT' ? (e.params as ErrorParams['TARGET_UNIT']) : undefined;
    if (p?.candidates) return { candidates: p.candidates, ...(p.level ? { level: true } : {}), ...(p.city ? { city: true } : {}) };
  }
  return {};
}
