/**
 * The text of the calculator commands (`table`, `plan`, `rate`): what `Catalog.calc` holds in each language
 * (vi-calc.ts, en-calc.ts). Numbers arrive as plain digits ("4188", "2.06"); `f.n()` writes them.
 */
import type { TargetOp } from '../calc/annex-math.js';
import type { Indicator } from '../model/indicators.js';
import type { HiddenContent } from '../model/grid.js';
import type { DocumentTableNote } from '../model/document.js';
import type { Fmt } from './types.js';

export interface TargetPhrase {
  indicator: Indicator;
  op: TargetOp;
  /** Plain digits. */
  value: string;
}

/** A unit a total's target waits on, whose own target cannot be met, and why (the unit's poor households at the start: `poor`). */
export interface UnmetUnit {
  unit: string;
  indicator: Indicator;
  reason: 'zero-households' | 'unreachable' | 'not-exact';
  poor: string;
  best?: string;
  exits?: string;
  value?: string;
  belowExits?: string;
  belowValue?: string;
}

/** The exits a target would need had the households stayed at `h0` (they change to `h1`), when that differs from the plan's. */
export interface AtStartHouseholds {
  exits: string;
  h0: string;
  h1: string;
}

export interface CalcText {
  /** Name of the total column `table` and `plan` add when the input has none. */
  totalName: string;
  /** Worksheet name in the xlsx output. */
  sheetName: string;
  /** The line above a table that has no unit-of-measure column, naming what its figures count: "Đơn vị tính: hộ, %". */
  unitLine: (measures: { households: boolean; persons: boolean; percent: boolean }) => string;
  /** `--date`: the date the figures refer to, under the title. */
  asOf: (d: { year: number; month: number; day: number }) => string;
  /** The line under the title when the labels name one year and no date is given: "(Số liệu năm 2023)". */
  ofYear: (year: number) => string;
  /** `--source`: the line under the table. */
  sourceLine: (source: string) => string;
  /** Over the second and later parts of a table split because its columns do not fit one page. */
  continued: string;

  /** table: the head line of the differences between stated and computed values (stderr). */
  differencesHead: (file: string, count: number) => string;
  /** One difference: `stated` is plain digits when `statedIsNumber`, else the text as typed. */
  difference: (p: { cell: string; unit: string; indicator: Indicator; stated: string; statedIsNumber: boolean; computed: string }, f: Fmt) => string;
  /** table (a published shape): a cell that is neither a usable number nor derivable from others, left blank. */
  blankForm: (file: string, p: { count: number }) => string;
  /** `printed`: the output prints the cell as read (a short text), else leaves it blank. */
  unreadableCell: (file: string, p: { cell: string; unit: string; indicator: Indicator; text: string; fraction: boolean; printed: boolean }, f: Fmt) => string;
  /**
   * Many counts that are fractions (`915.274` households, meant as 915,274, read as 915.274): one line for them all, with the first
   * cells and the likely cause (a Vietnamese table opened with English number settings), not a line each.
   */
  fractionCells: (file: string, p: { count: number; first: string[] }) => string;
  suggestValidate: (file: string) => string;
  /** A workbook read past its first sheets (a cover page): the sheet read and those before it, which hold no table. */
  /** `webPage`: the tables of a web page (read/html-table.ts), by their position. */
  sheetsPassedOver: (read: string, passedOver: readonly string[], webPage?: boolean) => string;
  /** Which table of a plan document `table` or `plan` read. */
  documentTable: (note: DocumentTableNote) => string;
  /** `table`: the title printed above the table is the input's own, its rows (1-based) above the header. */
  ownTitle: (rows: readonly number[]) => string;
  /** `plan` without --target: the targets a plan document's text sets, how many and where. */
  /** `unmatched`: units the text sets targets for that the table does not name; `unnamed`: the table lost its header row. */
  textTargets: (t: { count: number; paragraphs: readonly number[]; unmatched: readonly string[]; unnamed: boolean }) => string;
  /** The sheet's hidden rows and columns that hold something, not read: "hidden rows 12, 15 not read (hidden in the workbook)". */
  hiddenNotRead: (hidden: HiddenContent) => string;
  /** The workbook's other visible sheets, not read: "sheets "Na Hang", "Lâm Bình" not read (--sheet to check one)". */
  otherSheets: (names: readonly string[]) => string;
  /** A reading note passed on from the shape stage (an unknown row, a duplicate indicator). */
  note: (file: string, message: string) => string;
  /** Why `plan` exits 1, on stderr when the plan goes elsewhere: units no exits bring to their target, total targets not met or not known. */
  planNotOk: (p: { unreachable: string[]; notMet: number; unknown: number; output?: string }) => string;
  /** After a reading note of `table`: the row or column it names is not in the table printed. */
  leftOut: string;
  /** After a figure read without its note mark (`25,56*`): the output gives the figure alone. */
  markLeftOut: string;
  /** A row not read that `table` prints as read (render/rows-not-read.ts). */
  printedAsRead: string;
  /** A column not read that `table` prints as read. */
  columnPrintedAsRead: string;

  /** "tỷ lệ hộ nghèo giảm trong năm ≥ 4 điểm %". */
  target: (p: TargetPhrase, f: Fmt) => string;
  planTitle: (file: string) => string;
  targetsHeading: string;
  unitPlanned: (
    p: { unit: string; targets: string; exits: string; rateStart?: string; rateEnd?: string; reduction?: string; input?: string; atStart?: AtStartHouseholds },
    f: Fmt,
  ) => string;
  /** `best` (unreachable): the indicator's value with every poor household out; not-exact: `exits` give `value`, `belowExits` (one fewer) give `belowValue`. */
  unitNotMet: (p: UnmetUnit & { target: string }, f: Fmt) => string;
  kept: (units: string[], f: Fmt) => string;
  notPlanned: (units: string[], f: Fmt) => string;
  totalResult: (
    p: {
      unit: string;
      target: string;
      indicator: Indicator;
      /** met / short: all units planned; incomplete: `missing` units have no exits; impossible: see reason. */
      state: 'met' | 'short' | 'incomplete' | 'impossible';
      planned: string;
      value?: string;
      minimum?: string;
      more?: string;
      atStart?: AtStartHouseholds;
      missing: string[];
      /**
       * incomplete: the `missing` units that have no exits because a target of theirs cannot be met, each with that
       * target's reason (as `unitNotMet`'s): the line says so, not that they have no poor households reduced.
       */
      unmet?: UnmetUnit[];
      reason?: 'zero-households' | 'unreachable' | 'not-exact';
      poor: string;
      best?: string;
    },
    f: Fmt,
  ) => string;
  /**
   * A total without a target whose exits are unknown, its cells left blank: because `missing` have none, `unmet` of
   * them because a target of theirs cannot be met (with why).
   */
  totalBlank: (p: { unit: string; missing: string[]; unmet: UnmetUnit[] }, f: Fmt) => string;
  /** The plan's last line: every target met, some not met (or not reachable), or whether they are cannot be told yet. */
  verdict: (state: 'ok' | 'unmet' | 'undetermined') => string;
}
