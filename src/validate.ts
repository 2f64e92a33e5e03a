/**
 * The validate pipeline for one input: file → Grid → Annex → findings. No printing, no exit codes:
 * the CLI and the reporters decide what to do with the result.
 */
import { readGrid, type ReadOptions } from './read/index.js';
import type { Grid, SourceInfo } from './read/grid.js';
import { shape, type ShapeOptions } from './shape/index.js';
import { runRules } from './rules/index.js';
import { compareFindings, type Finding, type Skip } from './findings.js';
import type { Annex } from './model/annex.js';
import { PovcheckError } from './errors.js';
import { locate, type Localisation } from './locate/index.js';

export interface ValidateOptions extends ReadOptions, ShapeOptions {
  /** Warnings make the file fail, as errors do. */
  strict?: boolean;
}

export type FileStatus = 'ok' | 'invalid' | 'unreadable';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** How the file was read (encoding and delimiter, or workbook and sheet). */
  source?: SourceInfo;
  grid?: Grid;
  annex?: Annex;
  findings: Finding[];
  skipped: Skip[];
  /** The likely causes of the failing sum / flow / rate / rate-change checks (absent when unreadable). */
  localisation?: Localisation;
  /** Why the file could not be read, when status is 'unreadable'. */
  error?: PovcheckError;
}

export interface CheckResult {
  annex: Annex;
  findings: Finding[];
  skipped: Skip[];
  localisation: Localisation;
}

/** Grid → findings → likely causes. Pure. Throws PovcheckError only when the grid is not a poverty table at all. */
export function checkGrid(grid: Grid, opts: ShapeOptions = {}): CheckResult {
  const shaped = shape(grid, opts);
  const run = runRules(shaped.annex);
  const findings = [...shaped.findings, ...run.findings].sort(compareFindings);
  return { annex: shaped.annex, findings, skipped: run.skipped, localisation: locate(shaped.annex, findings) };
}

export function statusOf(findings: readonly Finding[], strict = false): FileStatus {
  const failing = findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'));
  return failing ? 'invalid' : 'ok';
}

/**
 * Validates one file. Never throws for bad input: an unreadable file comes back with status 'unreadable'
 * and its PovcheckError. Other exceptions are internal faults and propagate.
 */
export async function validateFile(file: string, opts: ValidateOptions = {}): Promise<FileResult> {
  try {
    const grid = await readGrid(file, opts);
    const { annex, findings, skipped, localisation } = checkGrid(grid, opts);
    return { file, status: statusOf(findings, opts.strict), source: grid.source, grid, annex, findings, skipped, localisation };
  } catch (e) {
    if (e instanceof PovcheckError) return { file, status: 'unreadable', findings: [], skipped: [], error: e.withFile(file) };
    throw e;
  }
}
