/**
 * The validate pipeline for one input: file → Grid → Annex → findings. No printing, no exit codes:
 * the CLI and the reporters decide what to do with the result.
 */
import { readGrid, type ReadOptions } from './read/index.js';
import type { Grid, SourceInfo } from './read/grid.js';
import { shape, type ShapeOptions } from './shape/index.js';
import { runRules } from './rules/index.js';
import { compareFindings, type Finding, type Skip } from './findings.js';
import type { Annex, NumberLocale } from './model/annex.js';
import type { Lang } from './messages/index.js';
import { statSync } from 'node:fs';
import { PovcheckError } from './errors.js';

export interface ValidateOptions extends ReadOptions, ShapeOptions {
  /** Warnings make the file fail, as errors do. */
  strict?: boolean;
  /**
   * The streaming path (src/stream/) for long tables with code and parent columns: 'auto' from
   * STREAM_THRESHOLD bytes on (default; POVCHECK_STREAM=always|never overrides), 'always', 'never'.
   */
  stream?: 'auto' | 'always' | 'never';
  /** Bytes read so far of a streamed file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Files from this size on are streamed when they are long tables with code and parent columns. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

/** What the reports say about a table: from its annex, or from the streaming path (which keeps no annex). */
export interface TableSummary {
  layout: 'wide' | 'long';
  locale: NumberLocale | 'plain';
  lang: Lang;
  units: number;
  total?: string;
}

export type FileStatus = 'ok' | 'invalid' | 'unreadable';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** How the file was read (encoding and delimiter, or workbook and sheet). */
  source?: SourceInfo;
  grid?: Grid;
  /** The table as read (in-memory path). */
  annex?: Annex;
  /** Set instead of `annex` by the streaming path. */
  table?: TableSummary;
  findings: Finding[];
  skipped: Skip[];
  /** Why the file could not be read, when status is 'unreadable'. */
  error?: PovcheckError;
}

export interface CheckResult {
  annex: Annex;
  findings: Finding[];
  skipped: Skip[];
}

/** Grid → findings. Pure. Throws PovcheckError only when the grid is not a poverty table at all. */
export function checkGrid(grid: Grid, opts: ShapeOptions = {}): CheckResult {
  const shaped = shape(grid, opts);
  const run = runRules(shaped.annex);
  const findings = [...shaped.findings, ...run.findings].sort(compareFindings);
  return { annex: shaped.annex, findings, skipped: run.skipped };
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
    if (wantsStream(file, opts)) {
      const { streamFile, NotStreamable } = await import('./stream/run.js');
      try {
        return await streamFile(file, opts);
      } catch (e) {
        // Not a table the streaming path reads (wide, UTF-16, one level): the in-memory path reads it.
        if (!(e instanceof NotStreamable)) throw e;
      }
    }
    const grid = await readGrid(file, opts);
    const { annex, findings, skipped } = checkGrid(grid, opts);
    return { file, status: statusOf(findings, opts.strict), source: grid.source, grid, annex, findings, skipped };
  } catch (e) {
    if (e instanceof PovcheckError) return { file, status: 'unreadable', findings: [], skipped: [], error: e.withFile(file) };
    throw e;
  }
}

function wantsStream(file: string, opts: ValidateOptions): boolean {
  const mode = opts.stream ?? envStream();
  if (mode === 'never' || (opts.encoding && opts.encoding !== 'auto' && opts.encoding !== 'utf-8')) return false;
  try {
    // A missing or special file is left to the in-memory reader, which names the problem.
    const info = statSync(file);
    return info.isFile() && info.size > 0 && (mode === 'always' || info.size >= STREAM_THRESHOLD);
  } catch {
    return false;
  }
}

function envStream(): 'auto' | 'always' | 'never' {
  const v = process.env.POVCHECK_STREAM;
  return v === 'always' || v === 'never' ? v : 'auto';
}
