/**
 * What every reporter receives: the per-file results of one run and the presentation choices.
 */
import type { FileResult } from '../validate.js';
import type { Lang } from '../messages/index.js';
import type { Finding } from '../findings.js';

/**
 * A likely cause of a file's failing checks (error localisation): the cells to change, the values that make
 * the explained findings hold, and how sure that is. `explains` holds indices into the file's `findings`.
 * The HTML report shows these first when a file carries them.
 */
export interface LikelyCause {
  /** A1 references as displayed ("I6", "Sheet1!I6"). */
  cells: string[];
  /** Proposed value per cell, plain digits ("4693"). */
  proposed: Record<string, string>;
  explains: number[];
  /** The slip it looks like (the ids of `SlipKind`: transposition, mistyped, dropped, doubled, separator, share, …). */
  kind?: string;
  confidence: 'unique' | 'ranked' | 'ambiguous';
}

/** A file's result as reporters receive it: causes are optional until localisation runs. */
export type ReportFile = FileResult & { causes?: LikelyCause[] };

export interface ReportInput {
  files: ReportFile[];
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
  return input.lang ?? file.annex?.lang ?? input.fallbackLang;
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
