/** English messages of the relation kinds added for published tables (src/relations/). */
import type { Fmt } from './types.js';
import { signed } from './number-format.js';
import type { MessageParams } from '../model/message-ref.js';
import type { RelationMessage } from './vi-relations.js';

type Texts = { [K in RelationMessage]: (p: MessageParams[K], f: Fmt) => string };

const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const span = (lo: string, hi: string | undefined, f: Fmt) => (lo === '' ? 'no possible number of households' : hi === undefined ? `${f.n(lo)} households or more` : lo === hi ? `${f.n(lo)} households` : `${f.n(lo)} to ${f.n(hi)} households`);

export const enRelations: Texts = {
  'flow.mismatch-of': (p, f) =>
    p.startIndicator && p.reducedIndicator
      ? `${p.unit}: ${low(f.ind(p.indicator))} should be ${low(f.ind(p.startIndicator))} less ${low(f.ind(p.reducedIndicator))}: ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`
      : `${p.unit}: ${low(f.ind(p.indicator))} should be ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`,
  'balance.mismatch': (p, f) => {
    const terms = [...p.out.map((x) => ` − ${f.term(x.value)} (${low(f.ind(x.indicator))})`), ...p.in.map((x) => ` + ${f.term(x.value)} (${low(f.ind(x.indicator))})`)].join('');
    return `${p.unit}: ${low(f.ind(p.indicator))} should be the start ${f.n(p.start)}${terms} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)} (end = start − out-flows + in-flows).`;
  },
  'breakdown.mismatch': (p, f) =>
    `${p.unit}: the ${p.count} rows that break down ${low(f.ind(p.indicator))} add up to ${f.n(p.parts)}, but the table shows ${f.n(p.actual)} (difference ${f.n(signed(p.diff))}).`,
  'share.row': (p, f) =>
    `${p.unit}: the share of "${p.row}" among ${low(f.ind(p.whole))} should be ${f.n(p.count)} / ${f.n(p.total)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (rounded half-up to the ${p.decimals} ${p.decimals === 1 ? 'decimal' : 'decimals'} printed, as the other rates of these rows are), but the table shows ${f.n(p.actual)}.`,
  'breakdown.net': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} is a net figure: the rows under it give the households that left (${f.n(p.out)}) less those that came in (${f.n(p.in)}) = ${f.n(p.parts)}, but the table shows ${f.n(p.actual)} (difference ${f.n(signed(p.diff))}).`,
  'of-which.exceeds': (p, f) => `${p.unit}: "${p.part}" is part ("of which") of ${low(f.ind(p.indicator))}, but shows ${f.n(p.partValue)}, more than ${f.n(p.wholeValue)}.`,
  'rate.mismatch-of': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} should be ${f.n(p.count)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (over ${low(f.ind(p.householdsIndicator))}, rounded half-up to the ${p.decimals} ${p.decimals === 1 ? 'decimal' : 'decimals'} printed), but the table shows ${f.n(p.actual)}.`,
  'rate.no-households': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} is printed ${f.n(p.actual)}, but ${low(f.ind(p.householdsIndicator))} are 0 and so are ${low(f.ind(p.countIndicator))}: with no households there is no rate, so the cell should be 0 or left blank.`,
  'rate.column': (p, f) => {
    const line = p.alongRow ? 'row' : 'column';
    return p.roundedDown
      ? `${f.ind(p.indicator)}: every rate of the ${line} is ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} × 100 rounded down (truncated) instead of rounded half-up, so ${p.count} of them (${p.first} to ${p.last}) are one less in their last decimal (${p.unit}: ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.roundedDown)}… → ${f.n(p.expected)}, the table shows ${f.n(p.actual)}), the others come out the same either way. Round the ${line} half-up (in a spreadsheet ROUND, not ROUNDDOWN, TRUNC or INT). Its cells are not proposed for correction one by one.`
      : `${f.ind(p.indicator)}: none of the ${p.count} rates of the ${line} (${p.first} to ${p.last}) is ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} × 100 (${p.unit}: ${f.n(p.poor)} / ${f.n(p.households)} × 100 → ${f.n(p.expected)}, the table shows ${f.n(p.actual)}). ${
          p.over
            ? `Every one is ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.over))} × 100: the ${line} is computed over the wrong ${line}.`
            : p.shares
              ? `Every one is ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} without × 100 (${f.n(p.actual)} is ${f.n(p.shares)} %): the ${line} holds shares, not percentages; multiply it by 100.`
              : `The ${line} is computed over another base or measures something else${p.impliedLo ? ` (${p.first} fits ${span(p.impliedLo, p.impliedHi, f)}, a base the table does not print)` : ''}: check how it was computed and what its heading should say.`
        } Its cells are not proposed for correction one by one.`;
  },
  'denominator.flow-rate': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} is not ${f.n(p.count)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)}; it fits ${span(p.impliedLo, p.impliedHi, f)}, so it is over another denominator (most likely the households at the start of the year). Not a typing slip, but the denominator should be stated.`,
  'combined.count': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} should be poor + near-poor = ${f.n(p.poor)} + ${f.term(p.nearPoor)} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`,
  'combined.rate': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} should be close to the poverty rate + the near-poverty rate = ${f.n(p.poor)} + ${f.term(p.nearPoor)} = ${f.n(p.sum)} (rounding allows at most ${f.n(p.tolerance)}).`,
  'implied-households.disagree': (p, f) =>
    `${p.unit}: the table prints no households, but each pair of a count and its rate implies them: ${p.pairs.map((x) => `${x.count}/${x.rate} fits ${span(x.lo, x.hi, f)}`).join('; ')}${p.pairs.some((x) => x.count.startsWith('(')) ? ' (a count in brackets is the start of the year\'s, not printed: the end of the year\'s plus the net reduction)' : ''}. No household count fits every pair; ${p.cell ? `${p.cell} (or the count beside it) is likely wrong, as the other pairs agree.` : 'one of these cells is wrong (the likely causes rank them).'}`,
  'implied-households.flow': (p, f) =>
    `${p.unit}: the pair ${p.count}/${p.rate} fits ${span(p.flowLo, p.flowHi, f)}, while the unit's other rates fit ${span(p.commonLo, p.commonHi, f)}; no denominator of the table gives this rate.`,
  'implied-households.flow-share': (p, f) =>
    `${p.unit}: the pair ${p.count}/${p.rate} fits ${span(p.flowLo, p.flowHi, f)}, not the unit's households (${span(p.commonLo, p.commonHi, f)}), but close to ${p.withExits ? `${p.stock} with the households that left added back (${f.n(p.base)}, the start of the year but for the year's entries)` : `the start-of-year count in ${p.stock} (${f.n(p.base)})`}: this rate is a share of those households, not a rate over all households. Its heading should name the denominator.`,
  'implied-households.flow-denominator': (p, f) =>
    `${p.unit}: the pair ${p.count}/${p.rate} fits ${span(p.flowLo, p.flowHi, f)}, a few per cent off the unit's other rates (${span(p.commonLo, p.commonHi, f)}): this rate is over another denominator (most likely the households at the start of the year).`,
  'implied-households.exceeds-whole': (p, f) =>
    `${p.unit}: the pair ${p.count}/${p.rate} fits ${span(p.partLo, p.partHi, f)}, more than the whole ${p.whole} (${span(p.wholeLo, p.wholeHi, f)}); a part cannot have more households than the whole, so ${p.rate} or ${p.count} is wrong.`,
  'implied-households.parts': (p, f) =>
    `${p.unit}: by their printed rates the ${p.count} parts have ${span(p.partsLo, p.partsHi, f)}, and ${p.unit} ${span(p.wholeLo, p.wholeHi, f)}; these cannot be equal, so the parts' rates and ${p.unit}'s are over different denominators.`,
  'rate-mean.outside': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} lies outside its parts' rates (${f.n(p.min)} for ${p.minUnit} to ${f.n(p.max)} for ${p.maxUnit}); the whole's rate is a weighted mean of its parts' and must lie between them.`,
  'achievement.mismatch': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} should be ${f.n(p.reduction)} / ${f.n(p.target)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} %, but the table shows ${f.n(p.actual)}.`,
  'formula.mismatch': (p, f) => `${p.unit}: by the column's formula (${p.formula}), ${low(f.ind(p.indicator))} should be ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`,
  'precision.fewer': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} is printed ${f.n(p.actual)} with ${p.decimals} ${p.decimals === 1 ? 'decimal' : 'decimals'} where the table's other rates have ${p.usual}; ${p.unchecked ? 'nothing in the table recomputes it, so the dropped digit cannot be told' : 'it is checked at the precision printed'}.`,
};
