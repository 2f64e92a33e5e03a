/**
 * What every reporter receives: the per-file results of one run and the presentation choices.
 */
import { foldedSkips } from './folded-skips.js';
import { tableSummary, type FileResult, type SeriesReport, type TableSummary } from '../model/file-result.js';
import type { RuleLevels } from '../model/options.js';
import { failOnOf, type FailOn } from '../model/fail-on.js';
import { catalog, makeFmt, renderSkip, type SummaryCounts } from '../messages/index.js';
export { cellLabel, refLabel } from '../messages/index.js';
import type { UiText } from '../messages/types.js';
import type { MessageId, MessageParams, SkipRef } from '../model/message-ref.js';
import type { Lang } from '../model/lang.js';
import { INDICATORS } from '../model/indicators.js';
import { parseSlot } from '../model/slots.js';
import { isPartial, type Coverage } from '../model/coverage.js';
import type { Finding, RuleId, Skip } from '../model/finding.js';
import type { ChartTarget } from '../render/svg-chart.js';
import type { CauseCell, SlipKind } from '../locate/types.js';
import { partOf, type DocumentPart, type TextPlace } from '../model/document.js';

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
  /**
   * Cells the checks do not pin (rounded rates): the least and greatest values that make the explained findings
   * hold (absent = unbounded), by the same references; such a cell has a proposed value only when a slip picks one.
   */
  ranges?: Record<string, { min?: string; max?: string }>;
  explains: number[];
  /** The slip it looks like (transposition, mistyped, dropped, doubled, extra, separator, share, …). */
  kind?: SlipKind;
  /** Its cells' slips by reference, when they are of different kinds (the reduction as a share and the end rate over the start households). */
  kinds?: Record<string, SlipKind>;
  /** The cells holding a formula (entered, or a suspect with what it reads against its failing check), by reference. */
  formulas?: Record<string, NonNullable<CauseCell['formula']>>;
  confidence: 'unique' | 'ranked' | 'ambiguous';
  /** The ranges are a rounding's (rounded rates), not bounds (a part at most its whole). */
  rounding?: boolean;
}

/** A file's result as reporters receive it: causes are optional until localisation runs. */
export type ReportFile = FileResult & { causes?: LikelyCause[] };

/**
 * "4 of 6 checks ran" for a checked file on which some checks did not run, or ran with places left out ("6 of 6
 * checks ran, except in 15 places"), for the overviews of several files: a verdict there says no more than was
 * checked. Undefined when every check ran everywhere, or nothing was checked.
 */
export function checksRanNote(f: FileResult, ui: UiText): string | undefined {
  if (!f.coverage || f.status === 'unchecked' || f.status === 'unreadable') return undefined;
  const gaps = gapsOf(f);
  return isPartial(f.coverage) || gaps > 0 ? ui.checksRan(f.coverage.ran.length, f.coverage.checks.length, gaps) : undefined;
}

/** The places the checks that ran could not check (a blank cell of a unit: listed under "Not checked"). */
function gapsOf(file: FileResult): number {
  return notCheckedOf(file).places.length;
}

/** A line of the "Not checked" section: a check (or, `rule`, several that did not run for one reason), its unit, why. */
export interface NotCheckedLine {
  rule: string;
  unit?: string;
  msg: SkipRef;
}

/**
 * What a file (or one part of a plan document) did not check, as the "Not checked" section lists it: `places`, the
 * places the checks that ran left out (folded, as the verdict's "except in 2 places" counts them); `notRun`, what kept
 * each check that did not run from running (its skips; for a table, a check without one by the reason its coverage
 * gives, the checks of one reason on one line), and how many checks that is (the verdict's "5 of 7 ran"). A plan
 * document's part lists its skips only: its heading says what it checked.
 */
export function notCheckedOf(file: FileResult, part?: DocumentPart): { places: Skip[]; notRun: NotCheckedLine[]; checksNotRun: number } {
  const ran = new Set(file.coverage?.ran);
  const folded = foldedSkips(part === undefined ? file.skipped : file.skipped.filter((sk) => partOf(sk) === part));
  const skipsNotRun = folded.filter((s) => !ran.has(s.rule));
  const unlisted = part === undefined ? (file.coverage?.notRun ?? []).filter((n) => !file.skipped.some((s) => s.rule === n.check)) : [];
  const byReason = new Map<string, { checks: string[]; msg: SkipRef }>();
  for (const n of unlisted) {
    const key = JSON.stringify(n.reason);
    byReason.set(key, { checks: [...(byReason.get(key)?.checks ?? []), n.check], msg: n.reason });
  }
  const grouped = [...byReason.values()].map((g) => ({ rule: g.checks.join(', '), msg: g.msg }));
  return { places: folded.filter((s) => ran.has(s.rule)), notRun: [...skipsNotRun, ...grouped], checksNotRun: new Set(skipsNotRun.map((s) => s.rule)).size + unlisted.length };
}

/** The "Not checked" section: its heading counting places and checks as the verdict does, then its lines, the places first; undefined when empty. */
export function notCheckedSection(ui: UiText, file: FileResult, part?: DocumentPart): { heading: string; skips: NotCheckedLine[] } | undefined {
  const n = notCheckedOf(file, part);
  const skips = [...n.places, ...n.notRun];
  return skips.length > 0 ? { heading: ui.notCheckedHeading(n.places.length, n.checksNotRun), skips } : undefined;
}

export interface ReportInput {
  files: ReportFile[];
  /** Forced message language; otherwise each file's table decides, and `fallbackLang` covers the rest. */
  lang?: Lang;
  fallbackLang: Lang;
  strict: boolean;
  /** Which findings fail a file (JUnit failures, the verdicts); `strict` means 'warning'. */
  failOn?: FailOn;
  /** povcheck's version, for reports that name the tool (SARIF). */
  version?: string;
  /** The working directory: the files' paths are read against it. */
  cwd?: string;
  /** What CI reports give paths relative to when not the working directory: the repository's root in a CI job (commands/validate-report.ts `ciRoot`). */
  ciRoot?: string;
  /** Rules switched off or re-levelled for the run (JUnit leaves out rules that are off). */
  rules?: RuleLevels;
  /** The run's targets (`--targets`, `--target`, the configuration): the HTML report's chart draws them. */
  targets?: readonly ChartTarget[];
  /** `--series`: the files in year order and what each pair gave (the JSON report's `series`). */
  series?: SeriesReport;
  /** The .txt files of the folders searched that were not checked (run.ts `passedOver`), when there are any. */
  passedOver?: readonly string[];
}

/**
 * The line naming the .txt files a folder run did not check (or `paths`: some of them, written as a CI report
 * writes paths), in the run's language; undefined when there are none.
 */
export function passedOverLine(input: ReportInput, paths: readonly string[] | undefined = input.passedOver): string | undefined {
  return paths?.length ? catalog(runLang(input)).ui.passedOver(paths) : undefined;
}

/** The language of a whole-run report (summaries): forced, else the first readable table's, else the fallback. */
export function runLang(input: ReportInput): Lang {
  return input.lang ?? input.files.map(tableOf).find((t) => t)?.lang ?? input.fallbackLang;
}

/** The fail-on level of a report. */
export function failOnOfReport(input: ReportInput): FailOn {
  return failOnOf(input);
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

/** A file's report language: forced, else its table's, else (unreadable) its text's, else the run's. */
export function langOf(input: ReportInput, file: FileResult): Lang {
  return input.lang ?? tableOf(file)?.lang ?? file.error?.lang ?? runLang(input);
}

/**
 * The most units a report draws the table for, under its findings (text: a few screens; HTML: a page a
 * browser opens at once); above, it says the table is not drawn. One rule for every table, by its units,
 * whatever the size of the file.
 */
export const DRAWN_TABLE_UNITS = { text: 100, html: 10_000 } as const;

/** What a report says about the table: from the annex, or a plan document's summary without one. */
export function tableOf(file: FileResult): TableSummary | undefined {
  if (file.table) return file.table;
  return file.annex ? tableSummary(file.annex) : undefined;
}

/**
 * The parameters of the first finding of `rule` with message `id`, when there is one. (The rule is compared first: a
 * national table's notes are made again when their message is read, model/finding.ts RemadeFinding.)
 */
export function firstParams<K extends MessageId>(findings: readonly Finding[], rule: RuleId, id: K): MessageParams[K] | undefined {
  const f = findings.find((x) => x.rule === rule && x.msg.id === id);
  return f ? (f.msg.params as MessageParams[K]) : undefined;
}

/**
 * The table's number format as the "read as" line names it, with `--locale` given against the cells said there; a
 * table whose figures are all cells stored as numbers, or that has none, has no format to name (`figures`).
 */
export function localeText(ui: UiText, t: TableSummary, findings: readonly Finding[]): Parameters<UiText['readAs']>[2] {
  if (t.figures) return t.figures;
  const name = ui.localeName[localeKey(t)];
  const p = firstParams(findings, 'number', 'number.locale-given');
  return { locale: p ? name + ui.localeGivenAgainst(ui.localeName[p.read], p.cell) : name };
}

/** The key of `ui.localeName` that names a table's number format (counts and rates in formats of their own: `mixedVi`, `mixedEn` by the counts'). */
export function localeKey(t: TableSummary): keyof UiText['localeName'] {
  if (t.rateLocale) return t.locale === 'en' ? 'mixedEn' : 'mixedVi';
  return t.locale;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Whether a finding's "expected vs found" pair is shown: only where the table holds a wrong value (the
 * denominator warning's pair is a share and a fall in points, explained in its message).
 */
export function showsExpected(f: Finding): f is Finding & { expected: string; actual: string } {
  return f.expected !== undefined && f.actual !== undefined && f.expected !== f.actual && f.rule !== 'denominator';
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

export function summaryCounts(files: readonly FileResult[]): SummaryCounts {
  const c = totalCounts(files);
  return {
    files: files.length,
    ok: files.filter((f) => f.status === 'ok').length,
    invalid: files.filter((f) => f.status === 'invalid').length,
    unchecked: files.filter((f) => f.status === 'unchecked').length,
    unreadable: c.unreadable,
    errors: c.errors,
    warnings: c.warnings,
    infos: c.infos,
  };
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

/** Where a finding about a document's text is: "¶12 — I. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể". */
export function placeLabel(place: TextPlace, lang: Lang): string {
  const d = catalog(lang).document;
  return `${d.paragraph(place.paragraph)} — ${place.section || d.preamble}`;
}

/** The quote of a place with its figure wrapped by `mark` (the text as is: callers escape it). */
export function markedQuote(place: TextPlace, mark: (figure: string) => string): string {
  const q = place.quote;
  if (!place.mark) return q;
  return q.slice(0, place.mark.start) + mark(q.slice(place.mark.start, place.mark.end)) + q.slice(place.mark.end);
}

/**
 * What a report says about a file's coverage, in every format: `clause`, added to the verdict ("3 of 6 checks
 * ran; not understood: "Tổng số hộ"") when some checks could not run or left places out ("6 of 6 checks ran, except
 * in 15 places") or a label was not understood (for an `unchecked` file: the labels not understood, else why nothing
 * ran); `hint`, the `labels` configuration entry that would map the labels not understood. Both absent when every
 * check ran everywhere.
 */
export function coverageText(file: FileResult, lang: Lang): { clause?: string; hint?: string } {
  const c = file.coverage;
  if (!c || file.status === 'unreadable') return {};
  const ui = catalog(lang).ui;
  // Labels it does not understand, then those it reads as naming no indicator it checks (a support row, a period).
  const unknown = c.notUnderstood.filter((l) => !l.noIndicator).map((l) => l.text);
  const known = c.notUnderstood.filter((l) => l.noIndicator).map((l) => l.text);
  // …and the indicators read and set against nothing: the verdict's "no errors" says nothing of them.
  const notCompared = notComparedNames(c, lang);
  const parts = [
    ...(unknown.length > 0 ? [ui.notUnderstood(unknown)] : []),
    ...(known.length > 0 ? [ui.readNotChecked(known)] : []),
    ...(notCompared.length > 0 ? [ui.notCompared(notCompared)] : []),
  ];
  const labels = parts.length > 0 ? parts.join('; ') : undefined;
  // The configuration entry that would map them: not for a rise or a share, which no indicator stands for, nor for a
  // label that says nothing of one (a plan's other rows).
  const mappable = c.notUnderstood.filter((l) => !l.noIndicator && !l.unrelated);
  const hint = mappable.length > 0 ? ui.labelsHint(mappable.map((l) => ({ text: l.text, cell: l.cell, keys: l.keys ?? [] }))) : undefined;
  let clause: string | undefined;
  if (file.status === 'unchecked') {
    const fmt = makeFmt(lang);
    // Labels not understood say why; labels read as naming nothing checked do not: then the checks' reasons, and them.
    const why = unknown.length > 0 ? [] : [...new Set(withAbsentMerged(c.notRun.map((n) => n.reason)).map((r) => renderSkip(r, fmt)))];
    clause = [...why, ...parts].join('; ') || undefined;
  } else {
    const gaps = gapsOf(file);
    if (isPartial(c) || gaps > 0 || labels) clause = [ui.checksRan(c.ran.length, c.checks.length, gaps), ...(labels ? [labels] : [])].join('; ');
  }
  return { ...(clause ? { clause } : {}), ...(hint ? { hint } : {}) };
}

/**
 * The indicators a file's checks set against nothing, as a report names them: "Tỷ lệ hộ nghèo đầu năm (H1)"; one
 * indicator over several years at one label (a row of a table with years as columns) once, with its years: "Số hộ
 * thoát nghèo (năm 2011–2018) (A7)", not eight names with the same cell.
 */
function notComparedNames(c: Coverage, lang: Lang): string[] {
  const fmt = makeFmt(lang);
  const groups: Array<{ key: string; years: string[]; cell?: string }> = [];
  for (const n of c.notCompared ?? []) {
    const { year } = parseSlot(n.indicator);
    const key = year === undefined ? n.indicator : n.indicator.replace(`@${year}`, '');
    const last = groups[groups.length - 1];
    if (year !== undefined && last && last.years.length > 0 && last.key === key && last.cell === n.cell) last.years.push(year);
    else groups.push({ key, years: year === undefined ? [] : [year], ...(n.cell ? { cell: n.cell } : {}) });
  }
  const ui = catalog(lang).ui;
  return groups.map((g) => {
    const name = g.years.length === 0 ? fmt.ind(g.key) : g.years.length === 1 ? fmt.ind(`${g.key}@${g.years[0]}`) : `${fmt.ind(g.key)} (${ui.inYears(g.years)})`;
    return g.cell ? `${name} (${g.cell})` : name;
  });
}

/**
 * Reasons naming the indicators a table lacks (`skip.absent`) as one, in the place of the first, each indicator named
 * once: an unchecked table's verdict said "bảng không có số hộ nghèo đầu năm và số hộ nghèo cuối năm; bảng không có
 * tổng số hộ đầu năm, số hộ nghèo đầu năm, …" (one reason per check, the same indicators in several).
 */
function withAbsentMerged(reasons: readonly SkipRef[]): SkipRef[] {
  const isAbsent = (r: SkipRef): r is SkipRef<'skip.absent'> => r.id === 'skip.absent';
  // The annex's indicators in the annex's order (households, poor, rates; start before end), any other after them.
  const rank = (i: string) => ((INDICATORS as readonly string[]).includes(i) ? (INDICATORS as readonly string[]).indexOf(i) : INDICATORS.length);
  const indicators = [...new Set(reasons.filter(isAbsent).flatMap((r) => r.params.indicators))].sort((a, b) => rank(a) - rank(b));
  const first = reasons.findIndex(isAbsent);
  return reasons.flatMap((r, i) => (!isAbsent(r) ? [r] : i === first ? [{ id: 'skip.absent', params: { indicators } } as SkipRef] : []));
}

/**
 * The line naming what a readable table's checks covered: the checks that ran, by rule id, and those that could
 * not, grouped by why. Every verdict of the text and HTML reports carries it, a clean one too: "no errors"
 * then says which checks found none. `listedBelow`: the report's "Not checked" section (`notCheckedSection`, which
 * lists every check not run) follows, so the line names those checks and points there instead of giving each reason.
 */
export function checksLine(file: FileResult, lang: Lang, { listedBelow = false }: { listedBelow?: boolean } = {}): string | undefined {
  const c = file.coverage;
  if (!c || file.status === 'unreadable') return undefined;
  const fmt = makeFmt(lang);
  const byReason = new Map<string, string[]>();
  for (const n of c.notRun) {
    const reason = renderSkip(n.reason, fmt);
    byReason.set(reason, [...(byReason.get(reason) ?? []), n.check]);
  }
  const notRun = [...byReason].map(([reason, checks]) => ({ checks, reason }));
  // A check that ran may still have left places out (a cell not a number): said here, listed under "Not checked".
  return catalog(lang).ui.checksLine(c.ran, c.checks.length, notRun, file.status === 'unchecked', gapsOf(file), listedBelow);
}

/** The verdict of a readable file, in a language: no errors, errors found, or nothing could be checked. */
export function verdictText(file: FileResult, lang: Lang): string {
  const ui = catalog(lang).ui;
  return file.status === 'ok' ? ui.verdictOk(file.file) : file.status === 'unchecked' ? ui.verdictUnchecked(file.file, file.findings.some((f) => f.severity === 'error')) : ui.verdictInvalid(file.file);
}
