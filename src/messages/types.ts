/**
 * The message catalogue's shape. Rules and readers never build sentences: they emit a message id and its
 * parameters (numbers as plain-digit strings), and a catalogue (vi.ts, en.ts) turns them into text.
 * Both catalogues must implement every id, which the compiler checks.
 */
import type { CoreIndicator, Indicator } from '../model/indicators.js';
import type { ErrorParams, PovcheckErrorCode } from '../errors.js';
import type { SourceInfo } from '../model/grid.js';
import type { Confidence, FormulaRange, SlipKind } from '../locate/types.js';
import type { CalcText } from './calc-types.js';
import type { CliText } from './cli-types.js';
import type { Lang } from '../model/lang.js';
import type { MessageId, MessageParams, SkipId, SkipParams } from '../model/message-ref.js';
import type { DocumentPart } from '../model/document.js';

/** Number and label formatting for one language; handed to every catalogue function. */
export interface Fmt {
  lang: Lang;
  /** A plain-digit number ("210299", "-0.25") in the catalogue's number format ("210.299", "-0,25"). */
  n(plain: string): string;
  /** A number after an operator: as `n`, a negative one in brackets (`24.814 − (-4.188)`, not `24.814 − -4.188`). */
  term(plain: string): string;
  /** The indicator's label in this language (with a period's words when `period`). */
  ind(ind: Indicator): string;
  /** The labels count their phases over a period (`cuối kỳ`, `end of period`), not over a year. */
  readonly period?: boolean;
  /** "a, b and c". */
  list(items: string[]): string;
}

export interface SummaryCounts {
  files: number;
  ok: number;
  invalid: number;
  /** Files read, on which no check could run (status `unchecked`). */
  unchecked: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Fixed text of reports and the CLI. */
export interface UiText {
  indicatorLabels: Record<CoreIndicator, string>;
  /** The unit a fall in points is measured in, after a column's label: `điểm %`, `points`. */
  pointsUnit: string;
  /** Short labels for table rows (rate rows appear under a heading). */
  tableLabels: Record<CoreIndicator, string>;
  rateHeading: string;
  /** Column groups of the documents' header (units as rows): the group over its columns. */
  groups: { households: string; poor: string; rate: string };
  /** Each indicator's column under its group: "Đầu năm", "Giảm trong năm" … */
  phases: Record<CoreIndicator, string>;
  measure: { households: string; percent: string };
  sttHeader: string;
  /** The year column of a series with its years as rows. */
  yearHeader: string;
  labelHeader: string;
  measureHeader: string;
  unitHeader: string;
  severity: { error: string; warning: string; info: string };
  severityPlural: { error: string; warning: string; info: string };
  verdictOk: (file: string) => string;
  verdictInvalid: (file: string) => string;
  /** A file that cannot be read, or (`option`) that was read but cannot be checked as the command line asks (a --total naming no unit). */
  verdictUnreadable: (file: string, reason: string, option?: boolean) => string;
  /** A file that was read but on which no check could run (status `unchecked`). */
  /** `errors`: the file has errors (of reading it), so "nothing could be checked" would contradict its count. */
  verdictUnchecked: (file: string, errors: boolean) => string;
  /** "3 of 6 checks ran" (the verdict's clause when some checks could not run); `gaps`: ", except in 15 places" (they left out). */
  checksRan: (ran: number, total: number, gaps: number) => string;
  /**
   * The text and HTML reports' line naming the checks (rule ids) that ran and those that could not, grouped by why:
   * "Checks: 5 of 6 ran (sum, range, …); not run: rate-mean, because no unit has the values it needs".
   */
  /** `gaps`: places the checks that ran could not check (listed under "Not checked"). */
  /** `listedBelow`: the report's "Not checked" section gives each check's reason, so the line names the checks only. */
  checksLine: (ran: string[], total: number, notRun: Array<{ checks: string[]; reason: string }>, unchecked: boolean, gaps: number, listedBelow: boolean) => string;
  /** "not understood: "Tổng số hộ", "Số hộ thoát nghèo"" */
  notUnderstood: (labels: string[]) => string;
  /** Labels read as naming no indicator povcheck checks (`noIndicator`): understood, not checked. */
  readNotChecked: (labels: string[]) => string;
  /** Indicators given figures that no check set against another figure ("Tỷ lệ hộ nghèo đầu năm (H1)"): read, compared with nothing. */
  notCompared: (indicators: string[]) => string;
  /** Years an indicator is given for: "năm 2011–2018" (consecutive), "năm 2011, 2013 và 2015". */
  inYears: (years: string[]) => string;
  /**
   * The `labels` configuration entry that would map the labels not understood: each with its indicator key
   * when one fits, the keys to choose from when several do (a heading without its phase), else a placeholder.
   */
  labelsHint: (entries: Array<{ text: string; cell: string; keys: string[] }>) => string;
  counts: (errors: number, warnings: number, infos: number) => string;
  /**
   * `numbers`: the number format's name (`localeName`, and `localeGivenAgainst`), or why there is none: the figures
   * are cells stored as numbers (a workbook's), or the table has no figures (then the line says nothing of them).
   */
  readAs: (source: string, layout: string, numbers: { locale: string } | 'numeric-cells' | 'none') => string;
  /** After the format `--locale` gave, when the cells read as `read` (`cell` one of them). */
  localeGivenAgainst: (read: string, cell: string) => string;
  source: (s: SourceInfo) => string;
  layoutName: { wide: string; long: string; none: string };
  localeName: { vi: string; en: string; plain: string; mixedVi: string; mixedEn: string };
  expectedActual: (expected: string, actual: string) => string;
  /** A consequence of a unique cause: the figure recomputed from cells one of which is wrong (`cells`: the cause's). */
  recomputedDueTo: (recomputed: string, actual: string, cells: readonly string[]) => string;
  notChecked: string;
  /**
   * The "Not checked" section's heading: the places the checks that ran left out (the verdict's "except in 2 places")
   * and the checks that did not run at all (the verdict's "5 of 7 ran"), each counted as the verdict counts it.
   */
  notCheckedHeading: (places: number, checksNotRun: number) => string;
  moreFindings: (n: number, rule: string) => string;
  /** `file`: the input, for the command that shows the table with its findings marked (validate's HTML report, not `table`, which recomputes). */
  tableTooWide: (needed: number, width: number, file: string) => string;
  tableOmitted: (units: number) => string;
  skipLine: (rule: string, unit: string | null, reason: string) => string;
  allUnits: string;
  annexTitle: string;
  legend: string;
  /** After the legend when the table marks a likely cause's cells (◆). */
  legendCause: string;
  /** Columns the table does not read that hold a finding, not in the table printed (turned, or too wide with them): `E1 "Số khẩu bình quân"`. */
  columnsNotShown: (columns: readonly string[]) => string;
  /** The sheet of a workbook's table, in the heading of the table printed under the findings (its cells' references are on it). */
  tableSheet: (sheet: string) => string;
  summary: (c: SummaryCounts) => string;
  /** The .txt files a folder run passed over (not like a text export), at most `PASSED_OVER_NAMED` named: not checked. */
  passedOver: (paths: readonly string[]) => string;
  /** One word for a file's verdict (tables, JUnit, step summaries). */
  verdictWord: { ok: string; invalid: string; unchecked: string; unreadable: string };
  /** Markdown report (also the GitHub step summary). */
  markdown: {
    title: string;
    fileHeader: { file: string; verdict: string; errors: string; warnings: string; infos: string };
    findingHeader: { cell: string; rule: string; severity: string; unit: string; indicator: string; message: string };
    noFindings: string;
    more: (n: number) => string;
  };
  /** Name for findings that concern the whole table rather than one unit (JUnit test cases). */
  wholeTable: string;
  /** `povcheck rules` and `povcheck explain`. */
  rulesHeader: { id: string; severity: string; summary: string };
  /** `reportIds`: the ids reports name beside the rules', which `explain` answers for too. */
  rulesFooter: (reportIds: readonly string[]) => string;
  /** `means`, `where`, `weight`: the sections of a report id's text (not a rule: messages/rule-docs.ts REPORT_IDS). */
  explainHeadings: { checks: string; why: string; example: string; severity: string; configure: string; means: string; where: string; weight: string };
  /** A report id's last section: it is no rule, and has no level to set. */
  notARule: string;
  configuredLevel: (level: string, source: string) => string;
  off: string;
  unreadable: (file: string, reason: string) => string;
  /** `--format html` without `-o`. */
  /** After a report was written to a file (stderr). */
  reportWritten: (file: string) => string;
  /** The HTML report (`--format html`) and the HTML annex. */
  html: HtmlText;
}

/** Fixed text about plan documents (validate plan.docx / plan.txt). */
export interface DocumentText {
  /** The parts a document's report is grouped in. */
  parts: Record<DocumentPart, string>;
  /** What each part checked, after its heading. */
  checked: {
    tables: (p: { tables: number; budget: number; other: number }) => string;
    claims: (p: { claims: number; targets: number }) => string;
    money: (p: { totals: number; amounts: number }) => string;
    references: (p: { citations: number; documents: number }) => string;
  };
  /** A table cell as a person finds it in Word ("Table 1, row 3, column 4"). */
  cell: (table: number, row: number, col: number) => string;
  /** A column of a table whose header row povcheck put back ("Table 1, column 4"). */
  column: (table: number, col: number) => string;
  /** "¶12": a paragraph of the text, counted as povcheck does (non-empty paragraphs, tables not counted). */
  paragraph: (n: number) => string;
  /** The section of a paragraph before the first heading. */
  preamble: string;
  /** ui.source for a plan document. */
  source: (s: { format: 'docx' | 'doc' | 'html' | 'text'; encoding?: string; paragraphs: number; tables: number; hiddenText?: number; textBoxText?: number; notes?: number; legacyFont?: 'tcvn3' | 'vni'; mhtml?: true }) => string;
  /** A part with nothing to report. */
  nothing: string;
  /** Heading over a table's drawing: "Table 1". */
  tableTitle: (n: number) => string;
  /** A finding about the text: what it should say, and what it says. */
  expectedStated: (expected: string, stated: string) => string;
}

/** Comparison of a target: the unit's value must be at least, at most, or exactly the target value. */
export type { TargetOp } from '../calc/annex-math.js';
import type { TargetOp } from '../calc/annex-math.js';

/** Fixed text of the HTML report: page, likely causes, the marked annex, the chart. */
export interface HtmlText {
  /** The document's <title>. */
  title: (files: string[]) => string;
  heading: string;
  generatedBy: string;
  filesTitle: string;
  fileColumn: string;
  verdictColumn: string;
  /** Skip link / table of contents entry. */
  toFile: (file: string) => string;
  causesTitle: string;
  /** "holds 4.963; 4.693 would fit", after the cell reference and its place. */
  causeValue: (actual: string, proposed: string) => string;
  /**
   * "holds 1.87; any value from 2.12 to 100.00 would fit (the rates are rounded, so they do not pin the value)",
   * for a cell the checks do not pin; `min`/`max` absent = unbounded; `guess` a value a slip picks out of them.
   */
  causeRange: (actual: string, range: { min?: string; max?: string }, guess: string | undefined, rounding: boolean) => string;
  /** A formula cell's note after its reference and place (` (it is computed by =SUM(C3:C5), which leaves out …)`), as the text report's. */
  causeFormula: (formula: NonNullable<CauseCellText['formula']>) => string;
  causeExplains: (n: number) => string;
  explainsLabel: string;
  confidence: { unique: string; ranked: string; ambiguous: string };
  /** "Slip: two adjacent digits transposed". */
  kind: (kind: SlipKind) => string;
  /** A cause's cells that look like slips of different kinds, each with its own. */
  kinds: (items: ReadonlyArray<{ ref: string; kind: SlipKind }>) => string;
  annexTitle: string;
  legendTitle: string;
  legendCause: string;
  clickHint: string;
  /** Hover/click text of a cell that is a likely cause. */
  proposed: (value: string) => string;
  findingsTitle: string;
  noFindings: string;
  /** A finding at a cell that the annex above does not show (e.g. an unknown row). */
  notInTable: string;
  /** A finding about the whole table (no cell). */
  wholeTable: string;
  toList: string;
  close: string;
  chartTitle: string;
  /** A table of one rate at a point in time (a review's result): the chart's title, its one series, its order. */
  chartTitlePoint: string;
  chartPoint: string;
  chartStart: string;
  chartEnd: string;
  chartTarget: string;
  chartAxis: string;
  /** The order of the rows: by the end rate (or the point's rate), the total first when there is one. */
  chartSorted: (p: { point: boolean; total: boolean }) => string;
  /** A large table's chart draws `shown` of its `of` units: its top level, the highest rates, or both. */
  chartLimited: (p: { shown: number; of: number; how: 'top-level' | 'highest' | 'top-level-highest' }) => string;
  chartComputed: string;
  chartNone: string;
  /** Two short lines for the target column of a unit's bars. */
  chartTargetLines: (
    p: { indicator: 'rate_end' | 'rate_reduced'; op: TargetOp; value: string; endOp: TargetOp; at: string; met?: boolean },
  ) => [string, string];
  chartNotDrawn: (targets: string[]) => string;
  /** The units without a rate, the first of them named, `more` others counted. */
  chartOmitted: (units: string[], more: number) => string;
}

/** A cell of an explanation, as the catalogues word it (numbers as plain digits). */
export interface CauseCellText {
  ref: string;
  unit: string;
  indicator: Indicator;
  actual: string;
  proposed?: string;
  min?: string;
  max?: string;
  kind?: SlipKind;
  formula?: { text: string; role: 'entered' | 'suspect'; range?: FormulaRange; sheet?: string };
}

/** What a "no cause named" line says, and the hint it ends with when the findings give one. */
export interface NoCauseParams {
  failing: number;
  sumsOf?: string;
  fractionsAt?: string;
  localeGiven?: { given: string; cell: string };
  /** `count` figures of one indicator (`label`) are negative, the first at `cell` (a row computed the wrong way round). */
  negative?: { label: string; count: number; cell: string };
}

/** Error localisation: the likely causes of the failing checks (src/locate). */
export interface LocateText {
  /** One cell explains every failing check. */
  /** `rounding`: a range because the checks' figures are rounded; else because they only bound the value. */
  single(p: { cell: CauseCellText; failing: number; pinned: boolean; rounding: boolean }, f: Fmt): string;
  /** One set of several cells explains them. */
  group(p: { cells: CauseCellText[]; failing: number; linked: boolean }, f: Fmt): string;
  /** Several explanations of the same size: the line above the list. */
  several(p: { count: number; size: number; failing: number; confidence: Exclude<Confidence, 'unique'>; more: number }, f: Fmt): string;
  /** One explanation in that list. */
  option(p: { rank: number; cells: CauseCellText[]; linked: boolean }, f: Fmt): string;
  /** The findings an explanation clears ("D6 sum · I6 flow"). */
  explains(items: string[]): string;
  /**
   * `sumsOf`: every failing check is a sum of this unit (the table's structure, not one or two cells);
   * `fractionsAt`: the workbook stores its counts as fractions (the warning's cell), which explains them all;
   * `localeGiven`: `--locale` was given against the cells (the option's value and a cell read the other way).
   */
  none(p: NoCauseParams): string;
  /** Several independent errors, each localised on its own (the head line). */
  /** `sameKind`: every group's cause is this way of computing (reporters/causes.ts `sameMethod`). */
  independent(p: { count: number; failing: number; sameKind?: SlipKind }): string;
  stopped(p: NoCauseParams): string;
  /** No cause named because the cells the failing checks read leave too wide a range of values to single one out. */
  open(p: NoCauseParams): string;
  slip: Record<SlipKind, string>;
  /** A run of a row or column typed one cell off (locate/shift.ts): the whole story, or its line in a list (`rank`). */
  shifted(p: ShiftedParams, f: Fmt): string;
  /** `table` / `plan`: more likely typing slips in the input than are traced one by one (carried-slips.ts `MAX_TRACED`). */
  untraced(p: { count: number; command: 'table' | 'plan' }): string;
  /**
   * `table` / `plan`: the cells (`carried`, references) whose computed value follows from the cause's cells, likely
   * typed wrong: the output carries the slip, and the values the input states there agree with its correction; the
   * advice is to run `command` again once the cells are corrected.
   */
  carried(p: { cells: CauseCellText[]; carried: string[]; command: 'table' | 'plan' }, f: Fmt): string;
  /**
   * `table` / `plan`: a difference at `cell` that validate cannot tell from the `alternatives` (the other causes of the
   * same error, each its cells) as the slip: the computed value takes their cells as right (model/carried-slip.ts
   * DoubtfulDifference).
   */
  doubtful(p: { cell: string; alternatives: CauseCellText[][]; command: 'table' | 'plan' }, f: Fmt): string;
}

/**
 * A row's or column's values typed one cell off: `line` the row's number or the column's letter, `unitLine` whether it
 * holds one unit's values (else one indicator's), `start` the column letter or row number where the run starts,
 * `cells` the run first to last with the values moved back, `span` the run's cells as a range (a sheet's name once:
 * `'Năm 2020'!H5–K5`), `lost` the cell whose value the checks give, `landed` the cell just past a run typed one cell
 * on that holds something (its ref, its text (a number as the report writes numbers), its column's header or row's label, '' for none, and whether its value
 * is the one the checks give).
 */
export interface ShiftedParams {
  along: 'row' | 'column';
  direction: 'right' | 'left' | 'down' | 'up';
  line: string;
  unitLine: boolean;
  start: string;
  cells: CauseCellText[];
  span: string;
  lost: CauseCellText;
  landed?: { ref: string; text: string; header: string; matches: boolean };
  failing: number;
  pinned: boolean;
  rounding: boolean;
  rank?: number;
}

/** `povcheck fix`. */
export interface FixText {
  written(p: { output: string; count: number }): string;
  change(p: { cell: CauseCellText }, f: Fmt): string;
  /** A count that lost the zeros of its last group in a save (`actual`, as the file holds it), written back as typed (`text`). */
  restored(p: { ref: string; unit: string; indicator: Indicator; actual: string; text: string }, f: Fmt): string;
  /**
   * A cell a run typed one cell on pushed its last value into (`ref`, its column's header or row's label, '' when
   * none), holding the very value the checks give: emptied, the value moved back to `movedTo`.
   */
  cleared(p: { ref: string; header: string; along: 'row' | 'column'; text: string; movedTo: string }): string;
  /** After the changed cells: the copy was read and checked again and has no error left (warnings may remain). */
  validates(): string;
  copied(p: { output: string }): string;
  /**
   * `landed` (reason `shifted`): the cell the run's last value was pushed into and what it holds (`number`: a number,
   * as the report writes numbers; else its text), the run's last cell (`lost`) and the value the checks give it
   * (`given`; absent when they give a range).
   */
  refused(p: {
    file: string;
    reason: 'ambiguous' | 'not-pinned' | 'no-slip' | 'shifted' | 'none' | 'stopped' | 'other-errors' | 'unchecked';
    count: number;
    cells: string[];
    landed?: { ref: string; text: string; number: boolean; lost: string; given?: string };
  }): string;
  /**
   * A workbook (fix writes delimited text only): `changes` the one explanation's cells and values ("I6 4.963 → 4.693"),
   * to make by hand; `clean` when no check fails; neither when its errors have no unique, pinned explanation.
   */
  workbook(p: { file: string; changes?: readonly string[]; clean?: boolean }): string;
  unsafe(p: { file: string; cell: string }): string;
}

export type Catalog = { [K in MessageId]: (p: MessageParams[K], f: Fmt) => string } & {
  [K in SkipId]: (p: SkipParams[K], f: Fmt) => string;
} & { ui: UiText; calc: CalcText; cli: CliText; locate: LocateText; fix: FixText; document: DocumentText; errors: { [C in PovcheckErrorCode]: (p: ErrorParams[C]) => string } };
