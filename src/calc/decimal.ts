/**
 * The one Decimal constructor povcheck uses. Precision 100 keeps every integer operation on
 * household counts exact; rounding is half-up, as the annex tables are computed.
 * Note: `import { Decimal }` (the default import fails type-checking under NodeNext).
 */
import { Decimal as BaseDecimal } from 'decimal.js';

export const Dec = BaseDecimal.clone({ precision: 100, rounding: BaseDecimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 60 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/** Plain digits, no exponent: "4693", "13.56", "-0.25". */
export function plain(d: Dec, decimals?: number): string {
  return decimals === undefined ? d.toFixed() : d.toFixed(decimals);
}
