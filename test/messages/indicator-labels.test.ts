/**
 * Indicator labels composed from the vocabulary (messages/indicator-labels.ts): in English without a comma before the
 * time, as the annex's own labels (`Poverty rate at start of year`), so that a sentence listing two reads one way.
 */
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

describe('composed English labels', () => {
  it('name the time without a comma: "no rate of near-poor households at start of year and … at end of year"', async () => {
    // Bắc Sơn 2020 prints reductions of both rates but neither rate at the start nor at the end of the year.
    const r = await cli(['validate', 'fixtures/published/review-2020-bac-son-district-communes-bands.csv', '--lang', 'en', '--no-table', '--no-color'], { cwd: ROOT });
    // Before: "no rate of near-poor households, start of year and rate of near-poor households, end of year".
    // One line for the check (rules/index.ts `oneReasonPerCheckNotRun`), the four rates listed.
    expect(r.stdout).toContain(
      'rate-change: the table has no poverty rate at start of year, poverty rate at end of year, rate of near-poor households at start of year and rate of near-poor households at end of year',
    );
  });
});
