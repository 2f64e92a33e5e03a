/**
 * The one Decimal constructor povcheck uses. Precision 100 keeps every integer operation on
 * household counts exact; rounding is half-up, as the annex tables are computed.
 *
 * decimal.js is loaded at the first use of `Dec` (a construction, a call, a static member such as
 * `Dec.ROUND_HALF_UP`, an `instanceof`), not at start: a run whose checks all hold on integers (the seed annex)
 * never loads it (docs/performance.md "Start-up"). Until then `Dec` is a stand-in that loads it and forwards;
 * loading rebinds `Dec` itself (an ES module's live binding, which the bundle keeps as one variable), so every
 * later use is decimal.js's own class, as before. `zero()` and `hundred()` are the shared constants.
 * Note: `import { Decimal }` (the default import fails type-checking under NodeNext).
 */
import type { Decimal as BaseDecimal } from 'decimal.js';
import { lazyRequire } from '../read/lazy-require.js';

type DecimalClass = typeof BaseDecimal;

// scripts/bundle.mjs removes this line from the bundle, so that the `require('decimal.js')` below is the bundle's
// own (decimal.js bundled, evaluated at that call) and not a package loaded from node_modules.
const require = lazyRequire(() => import.meta.url);

let loaded: DecimalClass | undefined;

/** decimal.js's class with povcheck's settings, made once (the stand-in, if a caller kept it, forwards to the same). */
function load(): DecimalClass {
  if (loaded === undefined) {
    const { Decimal } = require('decimal.js') as { Decimal: DecimalClass };
    loaded = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 60 });
    Dec = loaded;
  }
  return loaded;
}

export let Dec: DecimalClass = new Proxy(function Dec() {} as unknown as DecimalClass, {
  construct: (_, args: [BaseDecimal.Value]) => new (load())(...args),
  apply: (_, self, args: [BaseDecimal.Value]) => Reflect.apply(load(), self, args),
  get: (_, key) => Reflect.get(load(), key),
  has: (_, key) => Reflect.has(load(), key),
});
export type Dec = InstanceType<typeof Dec>;

let zeroValue: Dec | undefined;
let hundredValue: Dec | undefined;
/** 0 as a Dec (one instance, made at the first call). */
export const zero = (): Dec => (zeroValue ??= new Dec(0));
/** 100 as a Dec (one instance, made at the first call). */
export const hundred = (): Dec => (hundredValue ??= new Dec(100));

/** Plain digits, no exponent: "4693", "13.56", "-0.25". */
export function plain(d: Dec, decimals?: number): string {
  return decimals === undefined ? d.toFixed() : d.toFixed(decimals);
}
