/**
 * Value cells as samples of the number format (shape/numbers.ts), made only when a decision names one, and a
 * long table's vote, value by value as its rows are read (shape/long.ts `LongReader`).
 */
import { displayRef, type Cell } from '../model/grid.js';
import type { IndicatorKind } from '../model/indicators.js';
import type { LongTable } from '../model/long-table.js';
import { LocaleVote, type LocaleDecision, type NumberSample } from './numbers.js';

/** A value cell as a sample of the number format; its reference is written only if a message names it. */
export class CellSample implements NumberSample {
  readonly text: string;
  constructor(
    private readonly cell: Cell,
    readonly kind: IndicatorKind,
  ) {
    this.text = cell.raw.trim();
  }

  get ref(): string {
    return displayRef(this.cell);
  }
}

/** A long table's value as a sample, whose cell is made only if a message names it. */
export class LazySample implements NumberSample {
  readonly text: string;
  constructor(
    private readonly table: LongTable,
    private readonly i: number,
    private readonly raw: string,
    readonly kind: IndicatorKind,
  ) {
    this.text = raw.trim();
  }

  get ref(): string {
    return displayRef(this.table.valueCell(this.i, this.raw));
  }
}

/** Whole numbers without separators read the same in both formats: they say nothing, and are left out. */
export const DIGITS_ONLY = /^\d+$/;

/** DIGITS_ONLY.test(text), without the regular expression (a long table's every value asks, a wide table's too). */
export function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** `allDigits` of a text given as its UTF-8 bytes. */
function allDigitBytes(b: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = b[k]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The number format's vote over a long table's value cells as they are read, with no sample object each (a
 * big table has millions): the samples `shape`'s `finish` takes from a grid, in the same order.
 */
export class LongVote {
  private readonly vote: LocaleVote;
  private raw = '';
  private cellSample: CellSample | undefined;
  /** Per column its kind's code in the vote (`LocaleVote.kindCode`), asked once, not once per value. */
  private readonly codes: Int32Array;

  constructor(
    table: LongTable,
    private readonly kinds: readonly IndicatorKind[],
  ) {
    this.vote = new LocaleVote((i) => this.cellSample ?? new LazySample(table, i, this.raw, kinds[i % kinds.length]!));
    this.codes = Int32Array.from(kinds, (kind) => this.vote.kindCode(kind));
  }

  /**
   * Value i of the table (unit-major) as the store was given it: a plain cell's text as read, or its Cell (a
   * workbook's, kept by the store); votes in the order values are read.
   */
  add(i: number, value: string | Cell): void {
    if (typeof value !== 'string') return this.addCell(i, value);
    if (value === '' || allDigits(value)) return;
    const text = value.trim();
    if (text === '') return;
    this.raw = value;
    this.vote.add(text, this.kinds[i % this.kinds.length]!, i);
  }

  /**
   * `add(i, text)` for value i (of column k: i % columns) given as the UTF-8 bytes b[start, end) of its text
   * (`decode` gives the text): a pattern the vote already knows is counted from the bytes; anything else is
   * decoded (`text.decode`) and goes through `add`.
   */
  addBytes(i: number, k: number, b: Uint8Array, start: number, end: number, text: { decode(start: number, end: number): string }): void {
    if (start === end || allDigitBytes(b, start, end)) return;
    if (!this.vote.addBytes(b, start, end, this.codes[k]!)) this.add(i, text.decode(start, end));
  }

  private addCell(i: number, cell: Cell): void {
    const raw = cell.raw;
    if (raw === '' || allDigits(raw) || cell.numeric !== undefined) return;
    const kind = this.kinds[i % this.kinds.length]!;
    this.cellSample = new CellSample(cell, kind);
    if (this.cellSample.text !== '') this.vote.add(this.cellSample.text, kind, i);
    this.cellSample = undefined;
  }

  decision(): LocaleDecision {
    return this.vote.decision();
  }
}
