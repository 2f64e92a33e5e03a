/**
 * Exact arithmetic on values kept as scaled integers (model/value.ts: the number × 10^decimals when it is a
 * safe integer). The relations check the common case here, without decimal objects: counts that add up,
 * rates that match half-up at the precision printed, bounds. Every function returns undefined when it cannot
 * answer exactly in safe integers; the caller then asks decimal.js (calc/decimal.ts), which gives the same
 * answer (test/calc/scaled.test.ts holds them to it).
 */

/** What a scaled value needs: the integer and its decimals (absent `scaled`: not representable). */
export interface ScaledValue {
  readonly scaled?: number | undefined;
  readonly decimals?: number | undefined;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The value × 10^dp as a safe integer (dp ≥ its decimals), or undefined. */
export function scaledAt(v: ScaledValue, dp: number): number | undefined {
  return v.scaled === undefined ? undefined : scaleTo(v.scaled, v.decimals ?? 0, dp);
}

/** scaledAt of x × 10^-decimals given as numbers (no object). */
export function scaleTo(x: number, decimals: number, dp: number): number | undefined {
  const k = dp - decimals;
  if (k < 0 || k >= POW10.length) return undefined;
  const n = x * POW10[k]!;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The value as a safe integer when it is written without decimals. */
export function intOf(v: ScaledValue): number | undefined {
  return (v.decimals ?? 0) === 0 ? v.scaled : undefined;
}

/** Sign of a − b, exactly, or undefined. */
export function compareScaled(a: ScaledValue, b: ScaledValue): number | undefined {
  return a.scaled === undefined || b.scaled === undefined ? undefined : compareAt(a.scaled, a.decimals ?? 0, b.scaled, b.decimals ?? 0);
}

/** compareScaled of x (× 10^dx) and y (× 10^dy), given as numbers (a long table's columns: no object). */
export function compareAt(x: number, dx: number, y: number, dy: number): number | undefined {
  const dp = Math.max(dx, dy);
  const a = scaleTo(x, dx, dp);
  const b = scaleTo(y, dy, dp);
  if (a === undefined || b === undefined) return undefined;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Whether min ≤ v ≤ max for integer bounds written as text ("-100", "100"), or undefined. */
export function withinScaled(v: ScaledValue, min: string, max: string): boolean | undefined {
  return v.scaled === undefined ? undefined : withinAt(v.scaled, v.decimals ?? 0, Number(min), Number(max));
}

/** withinScaled of x (× 10^dp) and integer bounds given as numbers (a long table's columns: no object). */
export function withinAt(x: number, dp: number, min: number, max: number): boolean | undefined {
  if (dp >= POW10.length) return undefined;
  const lo = min * POW10[dp]!;
  const hi = max * POW10[dp]!;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return undefined;
  return x >= lo && x <= hi;
}

/**
 * count / households × 100 rounded half-up (away from zero at the half, as decimal.js's ROUND_HALF_UP) to
 * `dp` decimals, × 10^dp: for whole counts whose products stay safe integers; undefined otherwise or
 * without households.
 */
export function rateScaled(count: number, households: number, dp: number): number | undefined {
  return rateQuotient(count, households, dp, true);
}

/**
 * count / households × 100 cut toward zero (decimal.js's ROUND_DOWN) at `dp` decimals, × 10^dp: as rateScaled,
 * for whole counts whose products stay safe integers; undefined otherwise or without households.
 */
export function rateCutScaled(count: number, households: number, dp: number): number | undefined {
  return rateQuotient(count, households, dp, false);
}

/** |count| × 100 × 10^dp / |households|, rounded half-up (`half`) or cut, with the quotient's sign (never -0). */
function rateQuotient(count: number, households: number, dp: number, half: boolean): number | undefined {
  if (households === 0 || dp >= POW10.length - 2) return undefined;
  const n = Math.abs(count) * 100 * POW10[dp]!;
  const d = Math.abs(households);
  if (!Number.isSafeInteger(n + 2 * d)) return undefined;
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The float quotient may be one off near an integer: correct it with the exact remainder.
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  const rounded = half && 2 * r >= d ? q + 1 : q;
  return (count < 0) !== (households < 0) && rounded !== 0 ? -rounded : rounded;
}

/** A scaled integer's plain digits with `dp` decimals, as decimal.js's `toFixed(dp)` writes it: 1350 → "13.50", -5 → "-0.05", 0 → "0.00". */
export function scaledPlain(n: number, dp: number): string {
  const digits = String(Math.abs(n)).padStart(dp + 1, '0');
  const text = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
  return n < 0 ? `-${text}` : text;
}

/** Whether a printed rate matches count / households × 100 at its precision (≥ `minDp`), or undefined. */
export function rateMatchesScaled(count: ScaledValue, households: ScaledValue, printed: ScaledValue, minDp: number): boolean | undefined {
  const p = intOf(count);
  const h = intOf(households);
  if (p === undefined || h === undefined || printed.scaled === undefined) return undefined;
  return rateMatchesAt(p, h, printed.scaled, printed.decimals ?? 0, minDp);
}

/** rateMatchesScaled of whole counts and a printed rate r (× 10^rd) given as numbers (a long table's columns: no object). */
export function rateMatchesAt(p: number, h: number, r: number, rd: number, minDp: number): boolean | undefined {
  if (h === 0) return undefined;
  const dp = Math.max(rd, minDp);
  const expected = rateScaled(p, h, dp);
  const actual = scaleTo(r, rd, dp);
  return expected === undefined || actual === undefined ? undefined : expected === actual;
}
