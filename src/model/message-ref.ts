/**
 * What a finding, a skipped check or an error carries instead of a sentence: a message id and its parameters
 * (numbers as plain-digit strings). Rules and readers build these; the catalogues (src/messages/vi.ts, en.ts)
 * turn them into text, and must implement every id (the compiler checks `Catalog` in messages/types.ts).
 */
import type { CoreIndicator, Indicator } from './indicators.js';
import type { PovcheckErrorCode } from '../errors.js';
import type { SlipKind } from '../locate/types.js';
import type { ClaimFigure, TargetGap } from './finding-detail.js';
import type { TargetOp } from '../calc/annex-math.js';
import type { NoIndicatorKind } from './vocabulary.js';
import type { SpreadsheetError } from './grid.js';

export interface MessageParams {
  'sum.mismatch': { indicator: Indicator; total: string; parts: string; actual: string; diff: string; count: number };
  /** A partial list's `count` listed parts (one: at `part`) add up to more than their parent (by `diff`). */
  'sum.exceeds': { indicator: Indicator; total: string; parts: string; actual: string; diff: string; count: number; part?: string };
  'sum.total-assumed': { unit: string };
  /** No unit named as the total: the first taken as it, as its figures are the sums of the `count` others' in `indicators` (shape/first-total.ts). */
  'sum.total-by-sums': { unit: string; count: number; indicators: Indicator[] };
  'flow.mismatch': { unit: string; start: string; reduced: string; expected: string; actual: string };
  'rate.mismatch': {
    unit: string;
    indicator: 'rate_start' | 'rate_end';
    poor: string;
    households: string;
    exact: string;
    expected: string;
    actual: string;
    /** Set when the printed end rate is poor_end over the START-of-year households. */
    startDenominator?: boolean;
    /** The decimals the table's annex rates are checked at, when not two (a table of one-decimal rates). */
    decimals?: number;
  };
  'rate-change.mismatch': {
    unit: string;
    start: string;
    end: string;
    expected: string;
    actual: string;
    /** The rates were not printed, so start and end were computed from the counts. */
    computed: boolean;
    /** start − end as it is, when `expected` is it rounded to the fewer decimals the reduction column is printed with (2,09 for 2,1). */
    difference?: string;
    /** With `difference`: the decimals `expected` is rounded to. */
    decimals?: number;
    /** The unrounded difference, when the printed value equals it rounded (a convention slip). */
    unrounded?: string;
    /** The share reduced / start households, when the printed value equals it. */
    share?: string;
    /** Another population's reduction or a series by year's (the annex's poverty rate reduction when absent). */
    indicator?: Indicator;
    /** Along a series by year: the rate whose fall it is (without its year) and the years from and to. */
    rate?: Indicator;
    from?: string;
    to?: string;
  };
  'rate-change.convention': { unit: string; start: string; end: string; actual: string; unrounded: string; rounded: string };
  'denominator.mixed': {
    unit: string;
    h0: string;
    h1: string;
    change: string;
    reduced: string;
    share: string;
    points: string;
    growth: string;
    /** The table prints no poor households reduced: `reduced` is computed from the start and end counts. */
    derived?: boolean;
  };
  /** The total unit's rates have different denominators: what it means for the total's reduction (the one warning). */
  'denominator.total': MessageParams['denominator.mixed'];
  /** The change of households alone sets the direction of the unit's rate (it fell while poor households did not, or rose while they fell). */
  'denominator.direction': MessageParams['denominator.mixed'];
  /** With targets: a target met only because households changed (with the start-of-year households it would be missed). */
  'denominator.decides-target': {
    unit: string;
    indicator: Indicator;
    op: TargetOp;
    value: string;
    actual: string;
    constant: string;
    /**
     * A reduction's `constant` as the table computes it, the difference of two rates rounded: the start rate and
     * the end rate over the start-of-year households (it may differ from `share` in its last digit).
     */
    from?: string;
    to?: string;
    h0: string;
    h1: string;
    reduced: string;
    share: string;
    /** `reduced` computed from the start and end counts (the table prints none). */
    derived?: boolean;
  };
  /** Deeper units with mixed denominators under one parent, folded; `unit` is the one with the largest effect. */
  'denominator.summary': { parent: string; count: number; unit: string; growth: string; points: string; share: string; reduced: string; derived?: boolean };
  /** Deeper units under one parent whose reduction follows the convention, folded; `unit` is the first. */
  'rate-change.convention-summary': {
    parent: string;
    count: number;
    unit: string;
    start: string;
    end: string;
    actual: string;
    unrounded: string;
    rounded: string;
  };
  /** A population other than the poor, or a slot with dimensions: end = start − reduced. */
  /** `startIndicator`, `reducedIndicator`: a series by year, whose start is last year's value. */
  'flow.mismatch-of': { unit: string; indicator: Indicator; start: string; reduced: string; expected: string; actual: string; startIndicator?: Indicator; reducedIndicator?: Indicator };
  /** Gross balance: end = start − out-flows + in-flows (`indicator`: the end slot). */
  'balance.mismatch': {
    unit: string;
    indicator: Indicator;
    start: string;
    out: Array<{ indicator: Indicator; value: string }>;
    in: Array<{ indicator: Indicator; value: string }>;
    expected: string;
    actual: string;
  };
  /** Rows (or units) that break a figure down do not add up to it. */
  'breakdown.mismatch': { unit: string; indicator: Indicator; parts: string; actual: string; diff: string; count: number };
  /** A net reduction broken down into its gross flows: the out-flows listed under it less the in-flows. */
  /** A listed row's rate that is its share of the count it is listed under (relations/part-shares.ts). */
  'share.row': { unit: string; row: string; whole: Indicator; count: string; total: string; exact: string; expected: string; actual: string; decimals: number };
  'breakdown.net': { unit: string; indicator: Indicator; out: string; in: string; parts: string; actual: string; diff: string };
  /** An "of which" row (or unit) exceeds the figure it is part of. */
  'of-which.exceeds': { unit: string; indicator: Indicator; part: string; partValue: string; wholeValue: string };
  /** A rate over no households and no count (0 / 0) printed other than 0: there is no rate. */
  'rate.no-households': { unit: string; indicator: Indicator; countIndicator: Indicator; householdsIndicator: Indicator; actual: string };
  /** A rate of the vocabulary (not the annex's start/end rate) against its count and households. */
  'rate.mismatch-of': {
    unit: string;
    indicator: Indicator;
    count: string;
    countIndicator: Indicator;
    households: string;
    householdsIndicator: Indicator;
    exact: string;
    expected: string;
    actual: string;
    decimals: number;
  };
  /**
   * A rate column none of whose `count` rates (`first` … `last`) is its count over its households: one example
   * (the first unit's figures); `over`, another count column of the table every rate is over; else the
   * households the first rate implies.
   */
  'rate.column': {
    indicator: Indicator;
    count: number;
    first: string;
    last: string;
    unit: string;
    countIndicator: Indicator;
    householdsIndicator: Indicator;
    poor: string;
    households: string;
    expected: string;
    actual: string;
    over?: Indicator;
    /** Every rate is its count over its households without × 100: the first as a percentage (`5.44` for `0,0544`). */
    shares?: string;
    /**
     * Every rate of the column is its count over its households rounded down (truncated); `count` of them fail (those
     * that rounding would take up), the others are the same either way. The first failing rate's unrounded value.
     */
    roundedDown?: string;
    /** The rates lie along a row (the indicator is a row of the table): the messages say "row", not "column". */
    alongRow?: true;
    impliedLo?: string;
    impliedHi?: string;
  };
  /** A flow's rate printed over households a few per cent off the table's: another denominator. */
  'denominator.flow-rate': { unit: string; indicator: Indicator; count: string; households: string; exact: string; expected: string; actual: string; impliedLo: string; impliedHi?: string };
  'combined.count': { unit: string; indicator: Indicator; poor: string; nearPoor: string; expected: string; actual: string };
  'combined.rate': { unit: string; indicator: Indicator; poor: string; nearPoor: string; sum: string; actual: string; tolerance: string };
  /** The (count, rate) pairs of a unit admit no common household count; `cell`: the rate that disagrees. */
  /** `cell`: the rate of the one pair the others outvote; absent when no pair is the odd one out. */
  /** A pair's `count`: its cell, or `(D2 + C2)` for a start of the year's count derived from the end's and the net reduction. */
  'implied-households.disagree': { unit: string; pairs: Array<{ count: string; rate: string; lo: string; hi?: string }>; cell?: string };
  /** A flow's (count, rate) pair admits no household count near the unit's. */
  'implied-households.flow': { unit: string; count: string; rate: string; flowLo: string; flowHi?: string; commonLo: string; commonHi?: string };
  'implied-households.flow-denominator': { unit: string; count: string; rate: string; flowLo: string; flowHi?: string; commonLo: string; commonHi?: string };
  /**
   * An exit's rate that fits its population's households (`stock`, at the start; `withExits`: the end with the
   * exits added back, `base` in all), not all households: a share of the poor (or near-poor), not a rate.
   */
  'implied-households.flow-share': { unit: string; count: string; rate: string; flowLo: string; flowHi?: string; commonLo: string; commonHi?: string; stock: string; base: string; withExits?: boolean };
  /** A part implies more households than the whole it is part of. */
  'implied-households.exceeds-whole': { unit: string; whole: string; partLo: string; partHi?: string; wholeLo: string; wholeHi?: string; rate: string; count: string };
  /** The parts' households (implied) cannot add up to the whole's. */
  'implied-households.parts': { unit: string; count: number; partsLo: string; partsHi?: string; wholeLo: string; wholeHi?: string };
  /** The whole's rate lies outside its parts' rates (a weighted mean cannot). */
  'rate-mean.outside': { unit: string; indicator: Indicator; actual: string; min: string; max: string; minUnit: string; maxUnit: string };
  'achievement.mismatch': { unit: string; indicator: Indicator; reduction: string; target: string; exact: string; expected: string; actual: string };
  /** A column formula printed under the header does not hold in this row. */
  'formula.mismatch': { unit: string; indicator: Indicator; formula: string; expected: string; actual: string };
  /** A rate printed with fewer decimals than the table's other rates (`unchecked`: an annex rate the table gives nothing to recompute from). */
  'precision.fewer': { unit: string; indicator: Indicator; actual: string; decimals: number; usual: number; unchecked?: boolean };
  'range.negative': { unit: string; indicator: Indicator; actual: string };
  'range.fraction': { unit: string; indicator: Indicator; actual: string };
  'range.exceeds': { unit: string; part: Indicator; partValue: string; whole: Indicator; wholeValue: string };
  /** `indicator`: another net reduction than the poor's (`near_poor_reduced`). */
  'range.reduced-negative': { unit: string; actual: string; indicator?: Indicator };
  'range.rate': { unit: string; indicator: Indicator; actual: string; min: string; max: string };
  'number.text': { unit: string; indicator: Indicator; text: string };
  'number.digits': { unit: string; indicator: Indicator; text: string; max: number };
  /** A spreadsheet's error value where a figure goes (`#DIV/0!`; `kind` names which), with the cell's formula when the file keeps it. */
  'number.spreadsheet-error': { unit: string; indicator: Indicator; text: string; kind: SpreadsheetError; formula?: string };
  /** A note where a figure goes (three words or more): why the table gives none. */
  'number.note': { unit: string; indicator: Indicator; text: string };
  /** A figure with a note mark after it (`25,56*`, `12,43¹`): read as `value`, the `mark` a footnote's sign. */
  'number.note-mark': { unit: string; indicator: Indicator; text: string; mark: string; value: string };
  /** A figure given approximately (`khoảng 1.200`, `gần 10 nghìn`): not a number to check with. */
  'number.approximate': { unit: string; indicator: Indicator; text: string };
  /** A bound where a figure goes (`hơn 3%/năm`, `tối thiểu 4`, `7,3 trở lên`: a plan's target): no figure to check with. */
  'number.bound': { unit: string; indicator: Indicator; text: string };
  /** A range where a figure goes (`từ 1-1,5`, `4,72% đến 5,11%`): no one figure to check with. */
  'number.range': { unit: string; indicator: Indicator; text: string };
  /** `restored`: a count that lost the zeros of its last group (shape/zeros-dropped.ts), as it was probably typed. */
  'number.grouping': { unit: string; indicator: Indicator; text: string; locale: 'vi' | 'en'; restored?: string };
  /** `count` counts lost the zeros of their last group (`cell` shows `text`, typed `restored`): a spreadsheet that read the thousands separator as a decimal mark saved them. */
  'number.zeros-dropped': { cell: string; text: string; restored: string; count: number };
  /** `kinds`: the file writes counts and rates in formats of their own, `locale` is this kind's. */
  'number.other-locale': { unit: string; indicator: Indicator; text: string; locale: 'vi' | 'en'; witness: string; kinds?: 'count' | 'rate' };
  'number.mixed-format': { locale: 'vi' | 'en'; countCell: string; rateCell: string };
  /** A workbook's counts stored as fractions (`count` of them; `cell` holds `value`). */
  'number.thousands-as-decimals': { cell: string; value: string; count: number };
  /** `--locale given` while the cells (`kinds`: only the rates or the counts) read as `read`, as `cell` does. */
  'number.locale-given': { given: 'vi' | 'en'; read: 'vi' | 'en'; cell: string; kinds?: 'count' | 'rate' };
  /** A dash read as none (0); `more` other cells hold one, the first of them `others`. */
  'number.dash': { unit: string; indicator: Indicator; text: string; others?: string[]; more?: number };
  /** `x` where a figure goes: the statistical tables' mark for no figure; nothing is checked over it. */
  'number.not-applicable': { unit: string; indicator: Indicator; text: string };
  'missing.value': { unit: string; indicator: Indicator };
  /** A spreadsheet formula cell whose file holds no computed result (never recalculated on save). */
  'missing.formula': { unit: string; indicator: Indicator; formula: string };
  /**
   * A count indicator the table lacks: `rules`, the checks that read it; `ran`, once the checks ran, those of them that
   * still compared the table's other figures (the others did not run at all).
   */
  'missing.indicator': { indicator: Indicator; rules: string[]; ran?: string[] };
  /** An annex table's indicator blank for every unit but the total (`units`: the other units). */
  'missing.total-only': { indicator: Indicator; total: string; units: number };
  /** Several indicators each given for the total only: one finding for them all, in column order. */
  'missing.total-only-several': { indicators: Indicator[]; total: string; units: number };
  /** Given for `given` of the table's `units` units only (most blank). */
  'missing.sparse': { indicator: Indicator; given: number; units: number };
  /** Several indicators each given for the same `given` units only: one finding for them all. */
  'missing.sparse-several': { indicators: Indicator[]; given: number; units: number };
  /** An annex table's indicator blank for every one of its `units`. */
  'missing.blank-indicator': { indicator: Indicator; units: number };
  'missing.unit-name': { row: number };
  'duplicate.indicator': { indicator: Indicator; first: string };
  /** A label read as an indicator already taken that says more (a group of it): `text` as printed. */
  /** `since`: the label measures the change against that year, the first label against another time. */
  'duplicate.group': { indicator: Indicator; first: string; text: string; since?: string };
  /**
   * `leftOut`: the parent's (`total`) failing sums, each short by exactly this row's figure; `counted`: the parent whose
   * sums held with this row (rules/duplicate-rows.ts).
   */
  'duplicate.unit': { unit: string; first: string; leftOut?: string[]; total?: string; counted?: string };
  /** A series with its years as rows that gives one year twice: the later row is not read. */
  'duplicate.year': { year: string; first: string };
  'duplicate.code': { code: string; unit: string; first: string };
  'hierarchy.unknown-parent': { unit: string; parent: string };
  /** One finding per loop: its first codes (at most LOOP_EXCERPT, shape/hierarchy.ts) and how many units it has. */
  'hierarchy.cycle': { unit: string; codes: string[]; count: number };
  'hierarchy.orphan': { unit: string };
  /** `kind`: what the label names when no indicator could stand for it (a rise, a share of another total, another group). */
  /** `sameAs`: the cell of an earlier label the same warning was given for (its reason said there, shortly here). */
  'unknown.row': { text: string; kind?: NoIndicatorKind; sameAs?: string };
  'unknown.unlabelled-row': { row: number };
  /** `note`: what the row's notes column says (`tỷ lệ hộ nghèo < 7%`), when it says something. */
  'unknown.empty-row': { text: string; row: number; note?: string };
  /** A second table below a table's units (its title or header): the table ends there; the rest is not read. */
  'unknown.another-table': { text: string; row: number };
  /** Several rows without figures, with the same note (or none): one finding. */
  'unknown.empty-rows': { texts: string[]; rows: number[]; note?: string };
  'unknown.column': { text: string; kind?: NoIndicatorKind; sameAs?: string };
  'unknown.unlabelled-column': { col: string };
  /**
   * A delimited file's header (row `row`, `fields` fields) longer than every row below (`width`): names holding the
   * delimiter, not quoted, split in two; each rest (`cell`, `text`) joined to the name before it (`into`), read as
   * `name` (shape/split-header.ts).
   */
  'unknown.header-joined': { row: number; fields: number; width: number; delimiter: string; joined: JoinedPart[] };
  /** A wide table's row (`row`) whose label holds the delimiter, not quoted: the rest joined back to the label, as for a header. */
  'unknown.label-joined': { row: number; fields: number; width: number; delimiter: string; joined: JoinedPart[] };
  /**
   * A long table's rows (`rows`, the first ten of `count`) whose unit name holds the delimiter, not quoted: each
   * longer than the header (`width` fields), the rest joined back to the name (`joined`: the first three rows' parts).
   */
  'unknown.name-joined': { rows: number[]; count: number; width: number; delimiter: string; joined: JoinedPart[] };
  /** The same, when the rests of the split names cannot be told: `cells`, the header's cells beyond every row's fields. */
  'unknown.header-longer': { row: number; fields: number; width: number; delimiter: string; cells: string[] };
  /** A target the table meets (info). `computed`: the table does not print the indicator; it is computed from the counts. */
  'target.met': { unit: string; indicator: Indicator; op: TargetOp; value: string; actual: string; computed: boolean };
  'target.missed': { unit: string; indicator: Indicator; op: TargetOp; value: string; actual: string; computed: boolean; gap: TargetGap };
  /** A start-of-year value differs from the end-of-year value(s) it continues in the previous file of a series. */
  'continuity.mismatch': {
    unit: string;
    indicator: 'households_start' | 'poor_start';
    /** This file's cell. */
    cell: string;
    actual: string;
    previousFile: string;
    /** The previous file's unit(s) and end-of-year cell(s): several when a units map merges them. */
    previous: Array<{ unit: string; cell: string; value: string }>;
    expected: string;
    diff: string;
  };
  'continuity.appeared': { unit: string; previousFile: string };
  'continuity.disappeared': { unit: string; previousFile: string; cell?: string };
  /** A units-map entry merges units of which the previous file lacks some: the new unit is not compared. */
  'continuity.map-partial': { unit: string; from: string[]; missing: string[]; previousFile: string };
  'continuity.map-ambiguous': { unit: string; parents: string[]; file: string };
  /** One per pair of files: how many units were compared and carried over exactly. */
  'continuity.summary': { previousFile: string; compared: number; matched: number; merged: number };
  /**
   * A plan document's table whose header row was lost (Word's plain-text export): its columns named by
   * position or from --units (`given`), the total found by arithmetic. `expected`/`count`: --units named
   * `count` units for `expected` columns and was not used.
   */
  'sum.header-lost': { table: number; names: string[]; given: boolean; total?: string; arithmetic: boolean; expected?: number; count?: number };
  /** Table `table` read as the continuation of table `continues` (split at a page break): with no header row, or the header typed again. */
  'split-table.continued': { table: number; continues: number; header: 'none' | 'repeated' };
  /** A plan document's table that looks like a poverty table but cannot be read as one. */
  'unknown.document-table': { table: number; error: { code: PovcheckErrorCode; params: unknown } };
  /** The text's figures for a unit agree with the table (and with each other). */
  'claim.consistent': { unit: string; number: number; figures: ClaimFigure[]; within?: ClaimWithin };
  /** A figure the text states disagrees with the table (and, with `within`, with its own sentence). */
  'claim.table': { unit: string; indicator: CoreIndicator; stated: string; table: string; number: number; cell?: string; within?: ClaimWithin };
  /** start − end ≠ reduction within one sentence. */
  'claim.sentence': { unit: string } & ClaimWithin;
  /** The text names a unit the table does not have. */
  'claim.unknown-unit': { unit: string; table: number; known: string[] };
  /** One amount explains the totals that do not add up. */
  'money.cause': {
    figure: MoneyText;
    proposed: string;
    confidence: 'unique' | 'ranked';
    pinned: boolean;
    kind?: SlipKind;
    relations: Array<{ role: 'total' | 'part'; total: MoneyText; parts: MoneyText[]; sum: string }>;
  };
  /** A total that does not equal its parts; `candidates`: figures any one of which could explain it. */
  'money.sum': { total: MoneyText; parts: MoneyText[]; sum: string; diff: string; candidates: MoneyText[] };
  /** A part ("trong đó …") larger than its total. */
  'money.part-exceeds': { total: MoneyText; part: MoneyText };
  'money.consistent': { totals: number; amounts: number };
  'reference.date': { number: string; date: string; reason: 'day' | 'month' | 'year' };
  'reference.year': { number: string; year: number; date: string };
  'reference.conflict': { number: string; kind?: string; what: 'date' | 'issuer'; first: CitationPlace; other: CitationPlace };
  'reference.consistent': { citations: number; documents: number };
}

/** start − end = reduction, as a sentence states them (plain digits) and as they should be. */
export interface ClaimWithin {
  start: string;
  end: string;
  reduced: string;
  expected: string;
}

/** An amount of money as the text states it (plain digits in its own unit). */
export interface MoneyText {
  label: string;
  value: string;
  unit: 'đồng' | 'nghìn đồng' | 'triệu đồng' | 'tỷ đồng';
}

/** Where a document number is cited, and what it says there (its date or issuer). */
export interface CitationPlace {
  paragraph: number;
  section: string;
  value: string;
}

export type MessageId = keyof MessageParams;

export interface MessageRef<K extends MessageId = MessageId> {
  id: K;
  params: MessageParams[K];
}

/** Why a check was not run, for the "not checked" part of a report. */
export interface SkipParams {
  /** Cells whose values a check cannot use; `blank`: every one of them is empty (no text, no formula). */
  'skip.bad-value': { cells: string[]; blank?: boolean };
  'skip.absent': { indicators: Indicator[] };
  /** Rates the table prints and a check that ran could not recompute: the table lacks their `absent` figures. */
  'skip.not-recomputed': { rates: Indicator[]; absent: Indicator[] };
  /** The table has no units at all (a header alone, a blank form). */
  'skip.no-units': Record<string, never>;
  /** No unit is the total (its name does not say so) nor a parent of others: nothing to add up to. */
  /** `total`: the total, which lists no units under it. */
  'skip.no-total': { total?: string };
  /** The check found nothing it could compare (no unit had the values it needs). */
  'skip.nothing': Record<string, never>;
  /**
   * The parent's list of units ends with a row of dots (`…`, `...`) at `cell`: not every unit is listed; `empty`:
   * it names units without their figures (`text`, the first, at `cell`).
   */
  /** `bounded`: the parts listed were checked to add up to no more than the parent (relations/sum.ts). */
  'skip.partial-list': { cell: string; empty?: boolean; text?: string; listed?: number; of?: number; bounded?: true };
  /** One unit named (no code) under its parent: a part of it, not its list. */
  'skip.one-part': { part: string; bounded?: true };
  /** A change measured against a year (`Giảm so với năm 2017`) the table does not print. */
  /** `also`: other changes against the same year, said in the same line (rules/index.ts `oneReasonPerCheckNotRun`). */
  'skip.base-year': { indicator: Indicator; year: string; also?: Indicator[] };
  /** A check not run for several reasons of other kinds, said in one line, in turn. */
  'skip.several': { reasons: SkipRef[] };
  /** A plan document's check that found nothing of its kind in the text (no stated figure, no total with parts, no citation). */
  'skip.document-part': { part: 'claims' | 'money' | 'references' };
  /** A plan document's citations, none with a date nor a number cited twice with its issuer: nothing to compare. */
  'skip.reference-undated': { citations: number };
  /** A target names a unit this table lacks (another file of the run has it). */
  'skip.target-unit': { unit: string };
  /** Continuity with the previous (or next) file of a series could not be checked. */
  'skip.series':
    | { reason: 'value'; file: string; cells: string[] }
    | { reason: 'absent'; file: string; indicators: Indicator[] }
    | { reason: 'unreadable'; file: string };
  /** Figures the text states, and no poverty table to compare them with (`paragraph`: the first). */
  'skip.claim-no-table': { clauses: number; paragraph: number };
  /** A unit named in the text, and the table's header row was lost (its columns have no names). */
  'skip.claim-unnamed': { unit: string; table: number; paragraph: number };
  /** The same said of the whole check (the coverage's reason), when no unit it was asked of could be matched. */
  'skip.unnamed-columns': { table: number };
  /** Totals of money stated as bounds ("trên 68 tỷ đồng"), or with bounds for parts: not checked. */
  'skip.money-bounds': { totals: number; paragraph: number };
  /** A figure about the total, and the table has no total unit. */
  'skip.claim-no-total': { table: number; paragraph: number };
}
export type SkipId = keyof SkipParams;
export interface SkipRef<K extends SkipId = SkipId> {
  id: K;
  params: SkipParams[K];
}

/**
 * A rest of a name split by the delimiter, joined back (shape/split-header.ts): its cell and text, the cell of the
 * name it was joined to, and the name as read.
 */
export interface JoinedPart {
  readonly cell: string;
  readonly text: string;
  readonly into: string;
  readonly name: string;
}

/** How many rows the `joined` parts of an `unknown.name-joined` warning quote (it names more rows than it quotes). */
export function quotedRows(joined: ReadonlyArray<{ into: string }>): number {
  return new Set(joined.map((j) => j.into)).size;
}
