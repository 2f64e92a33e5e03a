/**
 * What the relation kinds work out from a table's list of indicators alone is worked out once per list
 * (`ofIndicators`): the answers are those of the definition, whichever table of a list asks first.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSlots } from '../../src/relations/sum.js';
import { COUNT_INDICATORS, indicatorKind, type Indicator } from '../../src/model/indicators.js';
import type { Annex } from '../../src/model/annex.js';

const POOL: Indicator[] = [
  ...COUNT_INDICATORS,
  'rate_start',
  'rate_reduced',
  'rate_end',
  'households',
  'poor',
  'rate',
  'poor_exited',
  'near_poor_start',
  'near_poor_end',
  'rate_start@2020',
  'poor_start@2020',
  'poor_exited/Chuyển sang hộ cận nghèo',
];

/** The definition: the annex's counts in their order, then the table's other count slots in its order. */
const definition = (indicators: readonly Indicator[]): Indicator[] => [
  ...COUNT_INDICATORS.filter((i) => indicators.includes(i)),
  ...indicators.filter((i) => !(COUNT_INDICATORS as readonly string[]).includes(i) && indicatorKind(i) === 'count'),
];

describe('countSlots', () => {
  it("gives the definition's slots for every list, asked again by another table of the same list", () => {
    const list = fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: POOL.length });
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 6 }), (lists) => {
        for (const indicators of [...lists, ...lists]) {
          const annex = { indicators: [...indicators] } as unknown as Annex;
          expect(countSlots(annex)).toEqual(definition(indicators));
        }
      }),
      { numRuns: 300 },
    );
  });
});
