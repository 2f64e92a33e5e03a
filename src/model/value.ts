/**
 * A number read from a cell, stored compactly: its plain digits, decimals and, when it fits, the number ×
 * 10^decimals as a safe integer (`scaled`), on which relations check the common case in integer arithmetic.
 * The exact decimal (`num`, decimal.js) is made only when something asks for it: most values of a clean
 * table never need one.
 */
import { Dec } from '../calc/decimal.js';
import type { Cell } from './grid.js';
import type { Indicator } from './indicators.js';
import type { Value } from './annex.js';

export class NumberValue implements Value {
  readonly status = 'ok' as const;
  #num: Dec | undefined;
  /** null until asked for. */
  #scaled: number | undefined | null = null;

  constructor(
    readonly indicator: Indicator,
    readonly unit: number,
    readonly cell: Cell,
    readonly text: string,
    readonly plain: string,
    readonly decimals: number,
    num?: Dec,
    /** The number × 10^decimals, when the caller knows it (a long table's column). */
    scaled?: number,
  ) {
    this.#num = num;
    if (scaled !== undefined) this.#scaled = scaled;
  }

  /**
   * Computed from `plain` (not an own property: a copy made with `{ ...value, plain, num }` has none, so it
   * never carries a stale one). A negative zero ("-0") keeps its sign only in its decimal: no integer stands for it.
   */
  get scaled(): number | undefined {
    if (this.#scaled === null) this.#scaled = this.#num !== undefined && this.#num.isZero() && this.#num.isNegative() ? undefined : scaledOf(this.plain);
    return this.#scaled;
  }

  get num(): Dec {
    return (this.#num ??= new Dec(this.plain));
  }
}

/** Plain digits ("-13.50") × 10^decimals as a safe integer (-1350), or undefined when it does not fit. */
export function scaledOf(plain: string): number | undefined {
  const digits = plain.replace('.', '');
  if (digits.length > 16) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}
