/**
 * The message catalogue's shape. Rules and readers never build sentences: they emit a message id and its
 * parameters (numbers as plain-digit strings), and a catalogue (vi.ts, en.ts) turns them into text.
 * Both catalogues must implement every id, which the compiler checks.
 */
import type { Indicator } from '../model/indicators.js';
import type { ErrorParams, PovcheckErrorCode } from '../errors.js';
import type { SourceInfo } from '../read/grid.js';

export type Lang = 'vi' | 'en';

export interface MessageParams {
  'sum.mismatch': { indicator: Indicator; total: string; parts: string; actual: string; diff: string; count: number };
  'sum.total-assumed': { unit: string };
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
  };
  'rate-change.mismatch': {
    unit: string;
    start: string;
    end: string;
    expected: string;
    actual: string;
    /** The rates were not printed, so start and end were computed from the counts. */
    computed: boolean;
    /** The unrounded difference, when the printed value equals it rounded (a convention slip). */
    unrounded?: string;
    /** The share reduced / start households, when the printed value equals it. */
    share?: string;
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
  };
  /** Deeper units with mixed denominators under one parent, folded; `unit` is the one with the largest effect. */
  'denominator.summary': { parent: string; count: number; unit: string; growth: string; points: string; share: string; reduced: string };
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
  'range.negative': { unit: string; indicator: Indicator; actual: string };
  'range.fraction': { unit: string; indicator: Indicator; actual: string };
  'range.exceeds': { unit: string; part: Indicator; partValue: string; whole: Indicator; wholeValue: string };
  'range.reduced-negative': { unit: string; actual: string };
  'range.rate': { unit: string; indicator: Indicator; actual: string; min: string; max: string };
  'number.text': { unit: string; indicator: Indicator; text: string };
  'number.grouping': { unit: string; indicator: Indicator; text: string; locale: 'vi' | 'en' };
  'number.other-locale': { unit: string; indicator: Indicator; text: string; locale: 'vi' | 'en'; witness: string };
  'number.dash': { unit: string; indicator: Indicator; text: string };
  'missing.value': { unit: string; indicator: Indicator };
  'missing.indicator': { indicator: Indicator; rules: string[] };
  'missing.unit-name': { row: number };
  'duplicate.indicator': { indicator: Indicator; first: string };
  'duplicate.unit': { unit: string; first: string };
  'duplicate.code': { code: string; unit: string; first: string };
  'hierarchy.unknown-parent': { unit: string; parent: string };
  'hierarchy.cycle': { unit: string; codes: string[] };
  'hierarchy.orphan': { unit: string };
  'unknown.row': { text: string };
  'unknown.unlabelled-row': { row: number };
  'unknown.empty-row': { text: string; row: number };
  'unknown.column': { text: string };
  'unknown.unlabelled-column': { col: string };
}

export type MessageId = keyof MessageParams;

export interface MessageRef<K extends MessageId = MessageId> {
  id: K;
  params: MessageParams[K];
}

/** Why a check was not run, for the "not checked" part of a report. */
export interface SkipParams {
  'skip.bad-value': { cells: string[] };
  'skip.absent': { indicators: Indicator[] };
}
export type SkipId = keyof SkipParams;
export interface SkipRef<K extends SkipId = SkipId> {
  id: K;
  params: SkipParams[K];
}

/** Number and label formatting for one language; handed to every catalogue function. */
export interface Fmt {
  lang: Lang;
  /** A plain-digit number ("210299", "-0.25") in the catalogue's number format ("210.299", "-0,25"). */
  n(plain: string): string;
  /** The indicator's label in this language. */
  ind(ind: Indicator): string;
  /** "a, b and c". */
  list(items: string[]): string;
}

/** Fixed text of reports and the CLI. */
export interface UiText {
  indicatorLabels: Record<Indicator, string>;
  /** Short labels for table rows (rate rows appear under a heading). */
  tableLabels: Record<Indicator, string>;
  rateHeading: string;
  measure: { households: string; percent: string };
  sttHeader: string;
  labelHeader: string;
  measureHeader: string;
  unitHeader: string;
  severity: { error: string; warning: string; info: string };
  severityPlural: { error: string; warning: string; info: string };
  verdictOk: (file: string) => string;
  verdictInvalid: (file: string) => string;
  verdictUnreadable: (file: string, reason: string) => string;
  counts: (errors: number, warnings: number, infos: number) => string;
  readAs: (source: string, layout: string, locale: string) => string;
  source: (s: SourceInfo) => string;
  layoutName: { wide: string; long: string };
  localeName: { vi: string; en: string; plain: string };
  expectedActual: (expected: string, actual: string) => string;
  notChecked: string;
  moreFindings: (n: number, rule: string) => string;
  tableOmitted: (units: number) => string;
  skipLine: (rule: string, unit: string | null, reason: string) => string;
  allUnits: string;
  annexTitle: string;
  legend: string;
  summary: (files: number, errors: number, warnings: number, infos: number) => string;
  unreadable: (file: string, reason: string) => string;
}

export type Catalog = { [K in MessageId]: (p: MessageParams[K], f: Fmt) => string } & {
  [K in SkipId]: (p: SkipParams[K], f: Fmt) => string;
} & { ui: UiText; errors: { [C in PovcheckErrorCode]: (p: ErrorParams[C]) => string } };
