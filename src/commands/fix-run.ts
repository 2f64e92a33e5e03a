/**
 * `fix`'s run: the input read and checked as validate reads and checks it (pipeline.ts `checkTableInput`: a
 * delimited table's first rows shaped, the rest streamed into the column store, the same budget), the one
 * pinned cause of each independent error patched into the input's bytes (read/patch.ts, without a grid), the
 * copy read and checked again the same way, the input's table let go first. Returns what to write and why, or
 * why not; writes and prints nothing (fix-report.ts does). A PovcheckError from reading or checking names the input.
 */
import { PovcheckError } from '../errors.js';
import type { Delimiter } from '../read/csv.js';
import type { InputContent } from '../read/index.js';
import type { CellEdit } from '../read/patch.js';
import type { Lang } from '../model/lang.js';
import type { Finding } from '../model/finding.js';
import type { Annex, Value } from '../model/annex.js';
import { checkedAnything } from '../model/coverage.js';
import type { CheckResult } from '../check-grid.js';
import { displayRef, filePlace, type Cell } from '../model/grid.js';
import type { Cause, CauseCell, Localisation } from '../locate/index.js';
import { firstCauses, type LandedCell } from '../locate/types.js';
import type { FixText } from '../messages/types.js';
import type { MessageParams } from '../model/message-ref.js';
import type { FixRun } from './fix-options.js';

export type RefuseReason = Parameters<FixText['refused']>[0]['reason'];

export type FixOutcome =
  /** Nothing in the table could be checked: no "clean" to copy. */
  | { kind: 'unchecked'; lang: Lang }
  /** No unique pinned correction, or errors the correction leaves: nothing written. */
  | { kind: 'refused'; lang: Lang; reason: RefuseReason; cells: string[]; localisation: Localisation; findings: Finding[]; pushedInto?: PushedInto }
  /**
   * The copy to write: the input unchanged (`changed` absent, no check failed) or with `changed` corrected, and the
   * cells a run typed one cell on pushed its last value into emptied (`cleared`, the value moved back).
   */
  | { kind: 'copy'; lang: Lang; bytes: Uint8Array; changed?: CauseCell[]; cleared?: Cleared[]; restored?: Restored[] };

/**
 * A count that lost the zeros of its last group in a save (`39.88` for 39.880: shape/zeros-dropped.ts), written back
 * as it was typed (`text`), when the copy's checks then hold.
 */
export interface Restored {
  readonly cell: Cell;
  readonly unit: string;
  readonly indicator: Finding['indicator'] & string;
  /** As the file holds it, and as it is written back. */
  readonly actual: string;
  readonly text: string;
}

type Refused = Extract<FixOutcome, { kind: 'refused' }>;

/** A cell emptied because its value was the last of a run typed one cell on (`ShiftInfo.landed`), moved back to `movedTo`. */
export interface Cleared {
  readonly landed: LandedCell;
  readonly along: 'row' | 'column';
  readonly movedTo: Cell;
}

/**
 * Why a run typed one cell on is not moved back: the cell its last value was pushed into (`ShiftInfo.landed`) holds
 * something other than the value the checks give the run's last cell (`lost`); `given` that value, absent when the
 * checks give a range.
 */
export interface PushedInto {
  readonly landed: LandedCell;
  readonly lost: Cell;
  readonly given?: string;
}

export async function runFix(r: FixRun): Promise<FixOutcome> {
  const { readFileBytes } = await import('../read/index.js');
  const bytes = await readFileBytes(r.file);
  // The input's table lives in `checkInput` alone: let go before the copy is read (one table in memory at a time).
  const first = await checkInput(r, bytes);
  if (first.kind === 'checked' && first.restorable.length > 0) return restoredFix(r, bytes, first);
  return fixChecked(r, bytes, first);
}

/** The copy of a checked input: its one explanation of each error patched in, or why not. */
async function fixChecked(r: FixRun, bytes: Uint8Array, first: FirstCheck): Promise<FixOutcome> {
  if (first.kind === 'unchecked') return first;
  const { lang, localisation, findings, chosen, cleared, edits, delimiter } = first;
  const refused = (reason: RefuseReason, cells: string[] = []): Refused => ({ kind: 'refused', lang, reason, cells, localisation, findings });
  if (typeof chosen === 'string') {
    if (chosen === 'shifted') return shiftedRefusal(localisation, refused('shifted'));
    if (chosen !== 'clean') return refused(chosen, chosen === 'no-slip' ? noSlipCells(localisation) : []);
    const left = errorCells(findings);
    return left.length > 0 ? refused('other-errors', left) : { kind: 'copy', lang, bytes };
  }
  const patched = await patchedCopy(r, bytes, delimiter, edits, lang);
  const left = errorCells(patched.again.findings);
  return left.length > 0 ? refused('other-errors', left) : { kind: 'copy', lang, bytes: patched.bytes, changed: chosen, ...(cleared.length > 0 ? { cleared } : {}) };
}

/**
 * The counts that lost their zeros written back first, then the copy fixed as any input is: written only when it is
 * then free of errors (every check that could not run on them ran and held), else refused with the input's errors.
 */
async function restoredFix(r: FixRun, bytes: Uint8Array, first: Extract<FirstCheck, { kind: 'checked' }>): Promise<FixOutcome> {
  const edits = first.restorable.map((x) => ({ ...filePlace(x.cell), text: x.text }));
  const restored = await patchedCopy(r, bytes, first.delimiter, edits, first.lang);
  const again = await checkInput(r, restored.bytes);
  const outcome = again.kind === 'checked' && again.restorable.length === 0 ? await fixChecked(r, restored.bytes, again) : undefined;
  if (outcome?.kind === 'copy') return { ...outcome, restored: first.restorable };
  return { kind: 'refused', lang: first.lang, reason: 'other-errors', cells: errorCells(first.findings), localisation: first.localisation, findings: first.findings };
}

/** What `fix` keeps of its input's check: no table (the language, the explanations, the cells to change and how). */
type FirstCheck =
  | Extract<FixOutcome, { kind: 'unchecked' }>
  | { kind: 'checked'; lang: Lang; localisation: Localisation; findings: Finding[]; delimiter: Delimiter; chosen: CauseCell[] | 'clean' | RefuseReason; cleared: Cleared[]; edits: CellEdit[]; restorable: Restored[] };

/**
 * The input read and checked as validate does; a workbook refused after it is checked, so that the refusal is
 * about writing it and is worded in the table's language, as every other line of fix is.
 */
async function checkInput(r: FixRun, bytes: Uint8Array): Promise<FirstCheck> {
  const [{ catalog }, { sourceOf }] = await Promise.all([import('../messages/index.js'), import('../read/index.js')]);
  const input = await readTable(r, bytes, r.read);
  const source = sourceOf(input);
  const result = await check(r, input);
  const lang: Lang = r.lang ?? result.annex.lang;
  if (!checkedAnything(result.coverage)) {
    if (source.kind !== 'delimited') throw new PovcheckError('USAGE', { detail: catalog(lang).fix.workbook({ file: r.file }) });
    return { kind: 'unchecked', lang };
  }
  const chosen = chosenCauses(result.localisation);
  if (source.kind !== 'delimited') throw new PovcheckError('USAGE', { detail: catalog(lang).fix.workbook({ file: r.file, ...(await byHand(result, chosen)) }) });
  const cleared = typeof chosen === 'string' ? [] : landedCells(result.localisation);
  const edits = typeof chosen === 'string' ? [] : [...(await cellEdits(result.annex, chosen)), ...cleared.map((c) => ({ ...filePlace(c.landed.cell), text: '' }))];
  return { kind: 'checked', lang, localisation: result.localisation, findings: result.findings, delimiter: source.delimiter, chosen, cleared, edits, restorable: restorable(result.findings) };
}

/** The counts that lost the zeros of their last group, each with the text it was probably typed as (`number.grouping`'s `restored`). */
function restorable(findings: readonly Finding[]): Restored[] {
  return findings.flatMap((f) => {
    if (f.msg.id !== 'number.grouping' || !f.at || !f.indicator) return [];
    const p = f.msg.params as MessageParams['number.grouping'];
    return p.restored === undefined ? [] : [{ cell: f.at, unit: p.unit, indicator: f.indicator, actual: p.text.trim(), text: p.restored }];
  });
}

/**
 * A file's bytes read as validate reads them (pipeline.ts): a delimited table's first rows as a grid, the rest
 * record by record into the column store, whatever its size; a workbook as its grid. Never a plan document.
 */
async function readTable(r: FixRun, bytes: Uint8Array, read: FixRun['read']): Promise<Exclude<InputContent, { kind: 'document' }>> {
  const { inputFromBytes } = await import('../read/index.js');
  const input = await named(r.file, () => inputFromBytes(bytes, { ...read, name: r.file, records: true, documents: false }));
  if (input.kind === 'document') throw new Error('fix read a plan document'); // `documents: false` rules it out
  return input;
}

/** The table checked as validate checks it (pipeline.ts `checkTableInput`). */
async function check(r: FixRun, input: Exclude<InputContent, { kind: 'document' }>): Promise<CheckResult> {
  const { checkTableInput } = await import('../pipeline.js');
  return named(r.file, () => checkTableInput(input, shapeOptions(r)));
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
  const chosen = firstCauses(loc);
  if (chosen.some((c) => c === undefined || c.confidence !== 'unique')) return 'ambiguous';
  // A run typed one cell on (right, down): its last value was pushed out of the table, into the cell just past it (the
  // notes column) or none. Moved back, and that cell emptied, only when it holds the very value the checks give the
  // run's last cell (`landed.matches`): else that value is not known. One value skipped (left, up) is all in the table.
  if (chosen.some((c) => pushedOut(c!) && c!.shift!.landed?.matches !== true)) return 'shifted';
  if (chosen.some((c) => !c!.pinned || c!.cells.some((x) => x.proposed === undefined))) return 'not-pinned';
  // A value that fits but looks like no typing slip may be a correct cell bent to fit an error elsewhere (the
  // total's households typed wrong with its rates computed from them): not written without a person's look.
  if (chosen.some((c) => c!.cells.some(noSlip))) return 'no-slip';
  return chosen.flatMap((c) => c!.cells);
}


/** A cell whose value fits but looks like no typing slip (and holds no formula): what keeps `fix` from writing. */
const noSlip = (x: CauseCell) => x.kind === undefined && x.formula === undefined;

/** The cells of the first causes that look like no typing slip, for the refusal to name. */
function noSlipCells(loc: Localisation): string[] {
  return firstCauses(loc).flatMap((c) => c?.cells.filter(noSlip).map((x) => displayRef(x.cell)) ?? []);
}

/** A run typed one cell on, whose last value fell outside the table. */
const pushedOut = (c: Cause) => c.shift?.direction === 'right' || c.shift?.direction === 'down';

/** The cells the chosen runs typed one cell on pushed their last value into (each holding the value the checks give). */
function landedCells(loc: Localisation): Cleared[] {
  return firstCauses(loc).flatMap((c) => (c && pushedOut(c) && c.shift!.landed ? [{ landed: c.shift!.landed, along: c.shift!.along, movedTo: c.shift!.lost }] : []));
}

/**
 * The refusal of a run typed one cell on whose pushed-out value is not known (the first such cause): its first and
 * last cells, and the cell its last value was pushed into, when one holds something, with the value the checks give.
 */
function shiftedRefusal(loc: Localisation, refusal: Refused): Refused {
  const c = firstCauses(loc).find((x) => x && pushedOut(x) && x.shift!.landed?.matches !== true);
  if (!c) return refusal;
  const { landed, lost } = c.shift!;
  const given = c.pinned ? c.cells.find((x) => x.cell.ref === lost.ref && x.cell.sheet === lost.sheet)?.proposed : undefined;
  return {
    ...refusal,
    cells: [displayRef(c.cells[0]!.cell), displayRef(c.cells[c.cells.length - 1]!.cell)],
    ...(landed ? { pushedInto: { landed, lost, ...(given !== undefined ? { given } : {}) } } : {}),
  };
}

/**
 * What a workbook's refusal says of its errors: the one explanation's cells and values to change by hand (`I6 4.963 →
 * 4.693`, written as the table writes its numbers; none when a run typed one cell on must be moved back too, or when a
 * cell to change holds a formula, which a typed value would replace), or that no check fails.
 */
async function byHand(result: CheckResult, chosen: ReturnType<typeof chosenCauses>): Promise<{ changes?: string[]; clean?: boolean }> {
  if (chosen === 'clean') return errorCells(result.findings).length === 0 ? { clean: true } : {};
  if (typeof chosen === 'string' || landedCells(result.localisation).length > 0 || chosen.some((c) => c.formula !== undefined)) return {};
  const edits = await cellEdits(result.annex, chosen);
  return { changes: chosen.map((c, i) => `${displayRef(c.cell)} ${c.cell.raw.trim()} → ${edits[i]!.text}`) };
}

/** The chosen cells as edits of the input's fields: each proposed value written as the table writes its numbers. */
async function cellEdits(annex: Annex, cells: readonly CauseCell[]): Promise<CellEdit[]> {
  const { formatCellValue } = await import('../locate/index.js');
  return cells.map((c) => ({ ...filePlace(c.cell), text: formatCellValue(c.proposed!, valueAt(annex, c), annex) }));
}

/** The value a cause names (the unit of that name whose value of that indicator stands in that cell). */
function valueAt(annex: Annex, c: CauseCell): Value {
  for (const id of annex.units.idsNamed(new Set([c.unit]))) {
    const v = annex.values.get(id, c.indicator);
    if (v && v.cell.ref === c.cell.ref && v.cell.sheet === c.cell.sheet) return v;
  }
  throw new Error(`fix: no value at ${c.cell.ref}`);
}

/** The input's bytes with the cells' fields changed, and the copy checked again, read exactly as the input was (its delimiter, the encoding asked). */
async function patchedCopy(r: FixRun, bytes: Uint8Array, delimiter: Delimiter, edits: CellEdit[], lang: Lang): Promise<{ bytes: Uint8Array; again: CheckResult }> {
  const [{ patchDelimited }, { catalog }] = await Promise.all([import('../read/patch.js'), import('../messages/index.js')]);
  const patched = patchDelimited(bytes, delimiter, edits, r.encoding);
  if (!patched.ok) throw new PovcheckError('USAGE', { detail: catalog(lang).fix.unsafe({ file: r.file, cell: patched.cell }) });
  const again = await check(r, await readTable(r, patched.bytes, { delimiter, encoding: r.encoding }));
  return { bytes: patched.bytes, again };
}
