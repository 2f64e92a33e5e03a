/**
 * The rates of a count's listed rows that are shares of that count, not rates over households (Lạc Dương 2019:
 * `Hộ nghèo cuối năm 224 | 3,3`, then `Trong đó, tỷ lệ các nhóm đối tượng hộ nghèo:` and `- Về thu nhập 194 | 86,6`,
 * 86,6 = 194 / 224 × 100). A table says so in a heading without figures, or not at all; the figures decide: the
 * rows of a rate are shares when at least two of their rates are their count / the parent's count × 100 at the
 * precision printed and at most one (or a quarter) is not: a slip. `share` checks them so (relations/share.ts); `rate`
 * leaves them out (relations/rate.ts partRates): read over the households, every one was an error.
 */
import { printedAs } from '../calc/annex-math.js';
import type { Annex } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { indicatorOf, parseSlot, withIndicator } from '../model/slots.js';
import { okValue, slotFor, vocabularySlots } from './slots.js';

/** A listed row's rate that is a share of its parent's count: the rate, its row's count and the parent's count. */
export interface PartShare {
  readonly rate: Indicator;
  readonly count: Indicator;
  readonly whole: Indicator;
  /** The row's name (`Về thu nhập`). */
  readonly part: string;
}

const SHARES = new WeakMap<Annex, readonly PartShare[]>();

/** The table's listed rows whose rates are shares of their parent's count (worked out once per table). */
export function partShares(annex: Annex): readonly PartShare[] {
  let out = SHARES.get(annex);
  if (!out) SHARES.set(annex, (out = findPartShares(annex)));
  return out;
}

function findPartShares(annex: Annex): PartShare[] {
  const subSlots = annex.subSlots;
  if (!subSlots) return [];
  const out: PartShare[] = [];
  for (const s of vocabularySlots(annex)) {
    if (s.point.measure !== 'rate' || s.point.role !== 'value') continue;
    const whole = slotFor(s, { measure: 'count' });
    if (whole === undefined) continue;
    const rows: PartShare[] = [];
    for (const [key, sub] of subSlots) {
      if (sub.parent !== s.key) continue;
      const count = withIndicator(key, indicatorOf(whole));
      if (subSlots.get(count)?.parent === whole) rows.push({ rate: key, count, whole, part: parseSlot(key).part ?? '' });
    }
    if (rows.length > 0 && areShares(annex, rows)) out.push(...rows);
  }
  return out;
}

/** At least two of the rows' printed rates (over every unit) are shares of the parent's count, and at most one (or a quarter) is not. */
function areShares(annex: Annex, rows: readonly PartShare[]): boolean {
  let fit = 0;
  let misfit = 0;
  for (let id = 0; id < annex.units.length; id++) {
    for (const row of rows) {
      const r = okValue(annex, id, row.rate);
      const c = okValue(annex, id, row.count);
      const w = okValue(annex, id, row.whole);
      const fits = r && c && w ? printedAs(c.num, w.num, r.num, r.decimals ?? 0) : undefined;
      if (fits === true) fit++;
      else if (fits === false) misfit++;
    }
  }
  return fit >= 2 && (misfit <= 1 || misfit * 3 <= fit);
}
