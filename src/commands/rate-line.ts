/**
 * The body of `povcheck rate` (commands/rate.ts): the counts read in either number format, the rate half-up to
 * two decimals (or `--decimals`), the exact quotient with `--exact`. Loaded only when the command runs.
 */
import { PovcheckError } from '../errors.js';
import { exactRate, terminates, RATE_DECIMALS } from '../calc/annex-math.js';
import { Dec, plain } from '../calc/decimal.js';
import { formatPlain } from '../messages/index.js';
import { MAX_FIGURE_DIGITS, parseNumber } from '../shape/numbers.js';
import { clip } from '../model/echo.js';

/** Decimals shown of a quotient that does not terminate. */
const SHOWN = 10;

/**
 * A count typed in either format: "24.814" (Vietnamese) and "24,814" (English) are both 24814; the reading that
 * gives a whole number is taken, with decimals only if they are zeros (`24814.00`, `24.814,00`, as spreadsheets
 * export counts); a whole number without decimals first (`24.000` is 24000).
 */
export function parseCount(text: string): Dec {
  // No count has more digits than a figure a table holds (shape/index.ts MAX_FIGURE_DIGITS), with its separators.
  if (text.length > MAX_FIGURE_DIGITS * 2) throw new PovcheckError('CALC_ARG', { reason: 'not-a-count', text: clip(text) });
  for (const wholeOnly of [true, false]) {
    for (const locale of ['vi', 'en'] as const) {
      const p = parseNumber(text, locale, 'count');
      if (p.ok && (wholeOnly ? p.decimals === 0 : p.num.isInteger()) && !p.num.isNeg()) return p.num.truncated();
    }
  }
  throw new PovcheckError('CALC_ARG', { reason: 'not-a-count', text });
}

/**
 * The rate line. `decimals` (default the annex's two): the exact quotient rounded half-up at them and printed with
 * them, as a release printing one decimal rounds (1 / 8 → 12,5; 1 / 16 × 100 = 6,25 → 6,3).
 */
export function rateLine(poorText: string, householdsText: string, opts: { exact: boolean; locale: 'vi' | 'en'; decimals?: number }): string {
  const poor = parseCount(poorText);
  const households = parseCount(householdsText);
  if (households.isZero()) throw new PovcheckError('CALC_ARG', { reason: 'zero-households' });
  if (poor.gt(households)) throw new PovcheckError('CALC_ARG', { reason: 'exceeds', poor: poorText, households: householdsText });
  const n = (d: string) => formatPlain(d, opts.locale);
  const dp = opts.decimals ?? RATE_DECIMALS;
  const q = exactRate(poor, households)!;
  const line = n(plain(q.toDecimalPlaces(dp, Dec.ROUND_HALF_UP), dp));
  if (!opts.exact) return line;
  const exact = terminates(poor.mul(100), households) ? n(plain(q)) : `${n(plain(q.toDecimalPlaces(SHOWN, 1 /* ROUND_DOWN */), SHOWN))}…`;
  return `${line} (${n(plain(poor))} / ${n(plain(households))} × 100 = ${exact})`;
}

