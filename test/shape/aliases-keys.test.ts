/**
 * The label table folds each heading and each phase once and joins their keys (shape/aliases.ts): that is
 * the key of the whole label for every pair of the lists, so the table is the one labelKey would build.
 */
import { describe, expect, it } from 'vitest';
import { GROUP_HEADINGS, INDICATOR_OF, matchLabel, PHASES, type Group, type Phase } from '../../src/shape/aliases.js';
import { labelKey } from '../../src/shape/normalize.js';

describe('heading + phase keys', () => {
  it('are the keys of the whole labels', () => {
    let pairs = 0;
    for (const lang of ['vi', 'en'] as const) {
      for (const group of Object.keys(INDICATOR_OF) as Group[]) {
        for (const phase of Object.keys(INDICATOR_OF[group]) as Phase[]) {
          for (const h of GROUP_HEADINGS[group][lang]) {
            for (const ph of PHASES[phase][lang]) {
              expect(labelKey(h)).not.toBe('');
              expect(labelKey(ph)).not.toBe('');
              expect(`${labelKey(h)} ${labelKey(ph)}`).toBe(labelKey(`${h} ${ph}`));
              pairs++;
            }
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('find the indicator of a label written out whole', () => {
    expect(matchLabel('Tổng số hộ của toàn tỉnh đầu năm')).toEqual({ kind: 'indicator', indicator: 'households_start', lang: 'vi' });
    expect(matchLabel('- Tỷ lệ hộ nghèo cuối năm (%)')).toEqual({ kind: 'indicator', indicator: 'rate_end', lang: 'vi' });
    expect(matchLabel('Number of poor households at the end of the year')).toEqual({ kind: 'indicator', indicator: 'poor_end', lang: 'en' });
  });
});
