/**
 * Findings are plain data. Rules and readers create them with a message reference; the report step
 * renders the message in the chosen language. reporters/json.ts gives the JSON contract shape.
 */
import type { Cell } from './grid.js';
import type { Indicator } from './indicators.js';
import type { MessageRef, SkipRef } from './message-ref.js';
import type { TextPlace } from './document.js';
import type { FindingDetail } from './finding-detail.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type RuleId =
  | 'sum'
  | 'flow'
  | 'rate'
  | 'rate-change'
  | 'denominator'
  | 'range'
  | 'number'
  | 'missing'
  | 'duplicate'
  | 'unknown'
  | 'hierarchy'
  | 'target'
  | 'continuity'
  | 'breakdown'
  | 'of-which'
  | 'balance'
  | 'combined'
  | 'implied-households'
  | 'rate-mean'
  | 'achievement'
  | 'formula'
  | 'precision'
  | 'share'
  // Plan documents (src/document/): figures stated in the text, money totals, references to other documents.
  | 'claim'
  | 'money'
  | 'reference'
  // How a plan document's tables were read: a table split at a page break read as one (an info).
  | 'split-table';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The cell the finding sits at; absent for table-wide findings (e.g. a missing indicator). */
  at?: Cell;
  /** Unit name as written, when the finding concerns one unit. */
  unit?: string;
  indicator?: Indicator;
  /** Plain digits ("4693", "13.56"), when the finding compares numbers. */
  expected?: string;
  actual?: string;
  msg: MessageRef;
  /** Data some rules add for scripts (the JSON report gives it under the rule's id: `"target": {…}`). */
  detail?: FindingDetail;
  /** Findings about a plan document's text: section, paragraph and a short quote with the figure marked. */
  place?: TextPlace;
}

/**
 * What a table's `RemadeFinding`s of one kind share: their rule, severity and indicator, how one is made again
 * from its table and unit (`make`, a pure function of the checked table), and its cell (`cell`, made when read).
 */
export interface RemadeKind<S> {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly indicator: Indicator | undefined;
  make(source: S, unit: number): Finding;
  cell(source: S, unit: number): Cell | undefined;
}

/**
 * A finding kept small and made again when its text is read: a national table gives a note for most of its
 * million units (`denominator`), each about 470 bytes as plain data (its cell, the unit's name, the message's
 * figures as strings), all alive until the report is written. It holds its kind (shared), its table and its
 * unit: its rule, severity and indicator are its kind's, its cell is made when read (sorting, counting and
 * filtering read them); its unit, figures and message come from `kind.make(source, unit)` when first read,
 * and the last finding made is kept (a report reads one finding's fields one after the other). A copy with
 * another severity: `withSeverity`.
 */
export class RemadeFinding<S = unknown> implements Finding {
  readonly #kind: RemadeKind<S>;
  readonly #source: S;
  readonly #unit: number;

  constructor(kind: RemadeKind<S>, source: S, unit: number) {
    this.#kind = kind;
    this.#source = source;
    this.#unit = unit;
  }

  get rule(): RuleId {
    return this.#kind.rule;
  }

  get severity(): Severity {
    return this.#kind.severity;
  }

  get indicator(): Indicator | undefined {
    return this.#kind.indicator;
  }

  get at(): Cell | undefined {
    return this.#kind.cell(this.#source, this.#unit);
  }

  get unit(): string | undefined {
    return this.#made().unit;
  }

  get expected(): string | undefined {
    return this.#made().expected;
  }

  get actual(): string | undefined {
    return this.#made().actual;
  }

  get msg(): MessageRef {
    return this.#made().msg;
  }

  get detail(): FindingDetail | undefined {
    return this.#made().detail;
  }

  withSeverity(severity: Severity): RemadeFinding<S> {
    return severity === this.severity ? this : new RemadeFinding({ ...this.#kind, severity }, this.#source, this.#unit);
  }

  #made(): Finding {
    const make = this.#kind.make;
    if (lastRemade?.source !== this.#source || lastRemade.unit !== this.#unit || lastRemade.make !== make) {
      lastRemade = { source: this.#source, unit: this.#unit, make: make as (source: unknown, unit: number) => Finding, made: make(this.#source, this.#unit) };
    }
    return lastRemade.made;
  }
}

let lastRemade: { source: unknown; unit: number; make: (source: unknown, unit: number) => Finding; made: Finding } | undefined;

/** `f` with another severity (rule levels): a RemadeFinding stays one, other findings are copied. */
export function withSeverity(f: Finding, severity: Severity): Finding {
  return f instanceof RemadeFinding ? f.withSeverity(severity) : { ...f, severity };
}

/** A check that was not run, and why: reports list these so that a gap is never silent. */
export interface Skip {
  rule: RuleId;
  unit?: string;
  msg: SkipRef;
  /** A check of a plan document's text: the paragraph it comes from. */
  paragraph?: number;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/**
 * Report order: severity, then position in the sheet (row-major), then rule. Rule ids are lowercase ASCII
 * words and hyphens, so code-unit order is localeCompare's order without starting ICU's collator (about
 * 14 ms of a short run; test/model/finding.test.ts compares both on every pair of ids).
 */
export function compareFindings(a: Finding, b: Finding): number {
  const d = severityRank(a.severity) - severityRank(b.severity);
  if (d !== 0) return d;
  // Each cell read once (a kept note's is made when read).
  const x = a.at;
  const y = b.at;
  return (x?.row ?? -1) - (y?.row ?? -1) || (x?.col ?? -1) - (y?.col ?? -1) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
