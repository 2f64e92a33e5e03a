/**
 * What every reporter receives: the per-file results of one run and the presentation choices.
 */
import type { FileResult, TableSummary } from '../validate.js';
import type { Lang } from '../messages/index.js';
import type { Finding } from '../findings.js';

export interface ReportInput {
  files: FileResult[];
  /** Forced message language; otherwise each file's table decides, and `fallbackLang` covers the rest. */
  lang?: Lang;
  fallbackLang: Lang;
  strict: boolean;
}

export interface Style {
  error(s: string): string;
  warning(s: string): string;
  info(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const PLAIN_STYLE: Style = {
  error: (s) => s,
  warning: (s) => s,
  info: (s) => s,
  ok: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
};

export function langOf(input: ReportInput, file: FileResult): Lang {
  return input.lang ?? tableOf(file)?.lang ?? input.fallbackLang;
}

/** What a report says about the table: from the annex, or the streaming path's summary of it. */
export function tableOf(file: FileResult): TableSummary | undefined {
  if (file.table) return file.table;
  const a = file.annex;
  return a ? { layout: a.layout, locale: a.locale, lang: a.lang, units: a.units.length, ...(a.total ? { total: a.total.name } : {}) } : undefined;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

export function totalCounts(files: readonly FileResult[]): Counts & { unreadable: number } {
  const c = { errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  for (const f of files) {
    const k = countFindings(f.findings);
    if (f.status === 'unreadable') c.unreadable++;
    c.errors += k.errors;
    c.warnings += k.warnings;
    c.infos += k.infos;
  }
  return c;
}
