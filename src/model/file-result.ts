/**
 * One file's result, what every reporter and the series check read: its status, how it was read, the table,
 * the findings and skipped checks, the coverage and the likely causes; the verdict (`statusOf`) and a run's
 * exit code (`exitCodeOf`) under fail-on.
 */
import type { PovcheckError } from '../errors.js';
import type { Localisation } from '../locate/types.js';
import type { Annex, NumberLocale } from './annex.js';
import { checkedAnything, type Coverage } from './coverage.js';
import type { DocumentReport } from './document.js';
import type { Finding, Skip } from './finding.js';
import type { Grid, SourceInfo } from './grid.js';
import { failOnOf, type FailOn } from './fail-on.js';
import type { Lang } from './lang.js';
import type { Transition } from '../series/index.js';

/** What the reports say about a table without an annex (a plan document without a poverty table). */
export interface TableSummary {
  /** 'none': a plan document without a poverty table (its text was checked). */
  layout: 'wide' | 'long' | 'none';
  locale: NumberLocale | 'plain';
  /** The rates' format when it is not the counts' (`Annex.rateLocale`). */
  rateLocale?: NumberLocale;
  /**
   * Why a `plain` table shows no format (the "read as" line says so, not "no thousands separators"): its figures are
   * all cells stored as numbers (a workbook's: `numeric-cells`), or it has no figures at all (a blank form: `none`).
   */
  figures?: PlainFigures;
  lang: Lang;
  units: number;
  total?: string;
}

export type PlainFigures = 'numeric-cells' | 'none';

/** What the reports say about a table (its layout, number format, language, units and total), from its annex. */
export function tableSummary(a: Annex): TableSummary {
  const figures = a.locale === 'plain' ? plainFigures(a) : undefined;
  return { layout: a.layout, locale: a.locale, ...(a.rateLocale ? { rateLocale: a.rateLocale } : {}), ...(figures ? { figures } : {}), lang: a.lang, units: a.units.length, ...(a.total ? { total: a.total.name } : {}) };
}

const plainFiguresOf = new WeakMap<Annex, PlainFigures | undefined>();

/** A `plain` table's figures when none is written as text: all stored as numbers, or none at all; undefined when some figure is text (`1234`). */
function plainFigures(a: Annex): PlainFigures | undefined {
  if (plainFiguresOf.has(a)) return plainFiguresOf.get(a);
  let numeric = false;
  let text = false;
  for (const row of a.values) {
    for (const v of Object.values(row)) {
      if (v?.status !== 'ok') continue;
      if (v.cell.numeric === undefined) text = true;
      else numeric = true;
    }
    if (text) break;
  }
  const figures = text ? undefined : numeric ? 'numeric-cells' : 'none';
  plainFiguresOf.set(a, figures);
  return figures;
}

/**
 * A table's result as reports that read only its summary need it: `table` (the summary) instead of its annex and
 * grid, which a run over many files would otherwise hold until the reports are written (run.ts). A plan document's
 * result (its tables' annexes are in its report) and a result without an annex are returned as they are.
 */
export function withTableSummary(result: FileResult): FileResult {
  if (!result.annex || result.document) return result;
  const { annex, grid: _grid, ...rest } = result;
  return { ...rest, table: tableSummary(annex) };
}

/**
 * `unchecked`: the file was read, but no check that compares values could run (labels not understood, no
 * units, no total…): never `ok`, exit 2 like an unreadable file.
 */
export type FileStatus = 'ok' | 'invalid' | 'unchecked' | 'unreadable';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** How the file was read (encoding and delimiter, or workbook and sheet). */
  source?: SourceInfo;
  grid?: Grid;
  /** The table as read (in-memory path). */
  annex?: Annex;
  /**
   * Set instead of `annex` for a plan document without a poverty table, and for a table whose reports need only its
   * summary (`withTableSummary`).
   */
  table?: TableSummary;
  findings: Finding[];
  skipped: Skip[];
  /** Which checks ran, which could not and why, which labels were not understood (absent when unreadable). */
  coverage?: Coverage;
  /** The likely causes of the failing sum / flow / rate / rate-change checks (absent when unreadable). */
  localisation?: Localisation;
  /** Why the file could not be read, when status is 'unreadable'. */
  error?: PovcheckError;
  /** Indexes of the targets naming a unit this table lacks (the command refuses targets no table matches). */
  targetsUnmatched?: number[];
  /** A plan document: its tables and what was checked in its text (findings hold every part). */
  document?: DocumentReport;
}

/** `--series`: the files in year order and what each pair of consecutive files gave (the JSON report's `series`). */
export interface SeriesReport {
  files: string[];
  /** The units-map file, when one was given. */
  unitsMap?: string;
  transitions: Transition[];
}

/**
 * 'unchecked' when no check that compares values ran (whatever the findings: nothing was checked), else
 * 'invalid' when the file has an error, or a warning under fail-on 'warning'. Under 'never' a file with
 * errors is still 'invalid' (the verdict describes the file); only the exit code ignores it.
 */
export function statusOf(findings: readonly Finding[], strict: boolean | FailOn = false, coverage?: Coverage): FileStatus {
  if (coverage && !checkedAnything(coverage)) return 'unchecked';
  const failOn = typeof strict === 'boolean' ? failOnOf({ strict }) : strict;
  const failing = findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
  return failing ? 'invalid' : 'ok';
}

/** The exit code of a run: 2 when a file is unreadable or nothing in it could be checked, 1 when one fails under `failOn`, else 0. */
export function exitCodeOf(results: readonly FileResult[], failOn: FailOn): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'unreadable' || r.status === 'unchecked')) return 2;
  if (failOn !== 'never' && results.some((r) => r.status === 'invalid')) return 1;
  return 0;
}
