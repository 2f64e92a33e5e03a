/**
 * Exact rationals on safe integers, for localisation's solver (locate/solve-exact.ts): numerator and a
 * positive denominator, reduced. Every operation checks that what it computes is a safe integer and throws
 * `INEXACT` otherwise; the caller then answers with decimal.js (calc/decimal.ts), as calc/scaled.ts does.
 */
import { Dec } from './decimal.js';

export interface Ratio {
  readonly n: number;
  /** Positive. */
  readonly d: number;
}

/** Thrown when a result is not a safe integer ratio (caught by the caller, which falls back to decimal.js). */
export const INEXACT: unique symbol = Symbol('inexact');

const safe = (x: number): number => {
  if (!Number.isSafeInteger(x)) throw INEXACT;
  return x;
};

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export const ZERO_Q: Ratio = { n: 0, d: 1 };
export const ONE_Q: Ratio = { n: 1, d: 1 };

/** n / d reduced (d ≠ 0). */
export function ratio(n: number, d = 1): Ratio {
  safe(n);
  safe(d);
  if (d === 0) throw INEXACT;
  if (d < 0) [n, d] = [-n, -d];
  if (n === 0) return ZERO_Q;
  if (d === 1) return { n, d };
  const g = gcd(n, d);
  return g === 1 ? { n, d } : { n: n / g, d: d / g };
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A scaled integer (the number × 10^decimals) as a ratio. */
export function fromScaled(scaled: number, decimals: number): Ratio {
  if (decimals < 0 || decimals >= POW10.length) throw INEXACT;
  return ratio(scaled, POW10[decimals]!);
}

/** 10^−dp. */
export const tenth = (dp: number): Ratio => fromScaled(1, dp);

/** A decimal's exact ratio, when its digits fit a safe integer. */
export function fromDec(x: Dec): Ratio {
  if (!x.isFinite()) throw INEXACT;
  const dp = x.decimalPlaces();
  if (dp >= POW10.length) throw INEXACT;
  const n = dp === 0 ? x.toNumber() : x.times(POW10[dp]!).toNumber();
  return fromScaled(safe(n), dp);
}

export const isZero = (a: Ratio): boolean => a.n === 0;
export const sign = (a: Ratio): number => Math.sign(a.n);
export const isInt = (a: Ratio): boolean => a.d === 1;
export const eq = (a: Ratio, b: Ratio): boolean => a.n === b.n && a.d === b.d;
export const neg = (a: Ratio): Ratio => (a.n === 0 ? a : { n: -a.n, d: a.d });

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  if (a.d === b.d) return ratio(safe(a.n + b.n), a.d);
  return ratio(safe(safe(a.n * b.d) + safe(b.n * a.d)), safe(a.d * b.d));
}

export const sub = (a: Ratio, b: Ratio): Ratio => add(a, neg(b));

export function mul(a: Ratio, b: Ratio): Ratio {
  if (a.n === 0 || b.n === 0) return ZERO_Q;
  if (a.d === 1 && b.d === 1) return { n: safe(a.n * b.n), d: 1 };
  // Cross-reduce first: the products stay small.
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return ratio(safe((a.n / g1) * (b.n / g2)), safe((a.d / g2) * (b.d / g1)));
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.n === 0) throw INEXACT;
  return mul(a, { n: b.d * Math.sign(b.n), d: Math.abs(b.n) });
}

/** Sign of a − b. */
export function cmp(a: Ratio, b: Ratio): number {
  if (a.d === b.d) return Math.sign(a.n - b.n);
  return Math.sign(safe(a.n * b.d) - safe(b.n * a.d));
}

/** The greatest integer ≤ a. */
export function floor(a: Ratio): number {
  if (a.d === 1) return a.n;
  let f = Math.floor(a.n / a.d);
  // The float quotient may be one off: correct it with exact products.
  while (safe(f * a.d) > a.n) f--;
  while (safe((f + 1) * a.d) <= a.n) f++;
  return f;
}

export const ceil = (a: Ratio): number => 0 - floor(neg(a));

/** Whether the ratio is a terminating decimal (its denominator has no prime factor but 2 and 5). */
export function terminates(a: Ratio): boolean {
  let d = a.d;
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d === 1;
}

/** round_half_up(a, dp) (away from zero at the half, as decimal.js's ROUND_HALF_UP), as a ratio. */
export function roundHalfUp(a: Ratio, dp: number): Ratio {
  const unit = POW10[dp];
  if (unit === undefined) throw INEXACT;
  const x = mul({ n: Math.abs(a.n), d: a.d }, { n: unit, d: 1 });
  const r = floor(add(x, { n: 1, d: 2 }));
  return ratio(a.n < 0 ? -r : r, unit);
}
