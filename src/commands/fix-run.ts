/**
 * `fix`'s run: the input checked (check-grid.ts), the one pinned cause of each independent error patched into
 * the input's bytes (read/patch.ts), the copy checked again. Returns what to write and why, or why not; writes
 * and prints nothing (fix-report.ts does). A PovcheckError from reading or checking names the input.
 */
import { PovcheckError } from '../errors.js';
import type { Grid } from '../model/grid.js';
import type { Delimiter } from '../read/csv.js';
import type { Lang } from '../model/lang.js';
import type { Finding } from '../model/finding.js';
import type { Value } from '../model/annex.js';
import { checkedAnything } from '../model/coverage.js';
import type { CheckResult } from '../check-grid.js';
import type { CauseCell, Localisation } from '../locate/index.js';
import type { FixText } from '../messages/types.js';
import type { FixRun } from './fix-options.js';

export type RefuseReason = Parameters<FixText['refused']>[0]['reason'];

export type FixOutcome =
  /** Nothing in the table could be checked: no "clean" to copy. */
  | { kind: 'unchecked'; lang: Lang }
  /** No unique pinned correction, or errors the correction leaves: nothing written. */
  | { kind: 'refused'; lang: Lang; reason: RefuseReason; cells: string[]; localisation: Localisation; findings: Finding[] }
  /** The copy to write: the input unchanged (`changed` absent, no check failed) or with `changed` corrected. */
  | { kind: 'copy'; lang: Lang; bytes: Uint8Array; changed?: CauseCell[] };

export async function runFix(r: FixRun): Promise<FixOutcome> {
  const [{ readFileBytes, gridFromAnyBytes }, { checkGrid }, { catalog }] = await Promise.all([import('../read/index.js'), import('../check-grid.js'), import('../messages/index.js')]);
  const bytes = await readFileBytes(r.file);
  const grid = await named(r.file, () => gridFromAnyBytes(bytes, { ...r.read, name: r.file }));
  // Workbooks are read (so the refusal is about writing them, not about reading), but not rewritten.
  const source = grid.source;
  if (source.kind !== 'delimited') throw new PovcheckError('USAGE', { detail: catalog(r.lang ?? 'en').fix.workbook({ file: r.file }) });
  const result = await named(r.file, () => checkGrid(grid, shapeOptions(r)));
  const lang: Lang = r.lang ?? result.annex.lang;
  if (!checkedAnything(result.coverage)) return { kind: 'unchecked', lang };
  const refused = (reason: RefuseReason, cells: string[] = []): FixOutcome => ({ kind: 'refused', lang, reason, cells, localisation: result.localisation, findings: result.findings });
  const chosen = chosenCauses(result.localisation);
  if (typeof chosen === 'string') {
    if (chosen !== 'clean') return refused(chosen);
    const left = errorCells(result.findings);
    return left.length > 0 ? refused('other-errors', left) : { kind: 'copy', lang, bytes };
  }
  const patched = await patchedCopy(r, { bytes, grid, delimiter: source.delimiter }, result, chosen, lang);
  const left = errorCells(patched.again.findings);
  return left.length > 0 ? refused('other-errors', left) : { kind: 'copy', lang, bytes: patched.bytes, changed: chosen };
}

const shapeOptions = (r: FixRun) => (r.locale ? { locale: r.locale } : {});

/** A PovcheckError from reading or checking names the input. */
async function named<T>(file: string, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof PovcheckError) throw e.withFile(file);
    throw e;
  }
}

/** The cells of the error findings, "I6 rate" each, once. */
const errorCells = (fs: readonly Finding[]) => [...new Set(fs.filter((f) => f.severity === 'error').map((f) => `${f.at?.ref ?? '—'} ${f.rule}`))];

/**
 * The cells to change: one cause per independent error, when every one is the only one and pinned; else why
 * not ('clean' when no check fails).
 */
function chosenCauses(loc: Localisation): CauseCell[] | 'clean' | RefuseReason {
  if (loc.status === 'clean') return 'clean';
  if (loc.status === 'none' || loc.status === 'stopped') return loc.status;
  const chosen = loc.parts ? loc.parts.map((p) => p.causes[0]) : [loc.causes[0]];
  if (chosen.some((c) => c === undefined || c.confidence !== 'unique')) return 'ambiguous';
  if (chosen.some((c) => !c!.pinned || c!.cells.some((x) => x.proposed === undefined))) return 'not-pinned';
  return chosen.flatMap((c) => c!.cells);
}

/** The input's bytes with the chosen cells' fields changed, and the copy checked again, read exactly as the input was. */
async function patchedCopy(r: FixRun, input: { bytes: Uint8Array; grid: Grid; delimiter: Delimiter }, result: CheckResult, cells: CauseCell[], lang: Lang): Promise<{ bytes: Uint8Array; again: CheckResult }> {
  const [{ checkGrid }, { patchDelimited }, { formatCellValue }, { catalog }] = await Promise.all([import('../check-grid.js'), import('../read/patch.js'), import('../locate/index.js'), import('../messages/index.js')]);
  const valueAt = new Map<string, Value>();
  for (const vals of result.annex.values) for (const v of Object.values(vals)) if (v) valueAt.set(v.cell.ref, v);
  const edits = cells.map((c) => ({ row: c.cell.row, col: c.cell.col, text: formatCellValue(c.proposed!, valueAt.get(c.cell.ref)!, result.annex) }));
  const patched = patchDelimited(input.bytes, input.grid, input.delimiter, edits, r.encoding);
  if (!patched.ok) throw new PovcheckError('USAGE', { detail: catalog(lang).fix.unsafe({ file: r.file, cell: patched.cell }) });
  // The copy must validate without errors, read exactly as the input was (the grid patchDelimited read it back as).
  return { bytes: patched.bytes, again: await named(r.file, () => checkGrid(patched.grid, shapeOptions(r))) };
}
