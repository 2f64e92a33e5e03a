/**
 * The annex's count indicators a table lacks, one warning each naming the checks that need them, asked only of
 * what the table claims to be: a table of one point in time (phase-less poor households, a review's result beside
 * the year's fall) is not asked for a start and an end; a table with the start and the end is not asked for the
 * net reduction, their difference; a table of gross flows printing one households column (the review form's, at the
 * review) is not asked for the other's.
 */
import { describe, expect, it } from 'vitest';
import { missingIndicators } from '../../src/shape/index.js';

const asked = (indicators: string[]) => missingIndicators(indicators).map((f) => f.indicator);

describe('missing indicators', () => {
  it('an annex lacking its end of year is asked for it', () => {
    expect(asked(['households_start', 'poor_start', 'poor_reduced', 'rate_start'])).toEqual(['households_end', 'poor_end']);
  });

  it('a table of one point in time (poor households without a phase) is asked for no start or end (Bắc Kạn 2019, Đakrông 2019)', () => {
    expect(asked(['households', 'poor', 'rate', 'poor_reduced', 'rate_reduced'])).toEqual([]);
    expect(asked(['households_end', 'poor', 'poor_reduced', 'rate_reduced'])).toEqual([]);
    // … nor with a dimension (a year) on its poor households.
    expect(asked(['households', 'poor@2019', 'poor_reduced'])).toEqual([]);
  });

  it('without the net reduction when the start and the end are there (their difference)', () => {
    expect(asked(['households_start', 'households_end', 'poor_start', 'poor_end'])).toEqual([]);
    expect(asked(['households_start', 'households_end', 'poor_start'])).toEqual(['poor_reduced', 'poor_end']);
  });

  it('a table of gross flows balances without the net reduction', () => {
    expect(asked(['households_start', 'households_end', 'poor_start', 'poor_exited', 'poor_new'])).toEqual(['poor_end']);
  });

  it('a table of gross flows with one households column (the review form: at the review) is asked for no other (Hướng Hóa 2016)', () => {
    const form = ['households_end', 'poor_start', 'rate_start', 'poor_exited', 'poor_returned', 'poor_new', 'poor_end', 'rate_end'];
    expect(asked(form)).toEqual([]);
    expect(asked(['households_start', 'poor_start', 'poor_exited', 'poor_new', 'poor_end'])).toEqual([]);
    // … but a table of gross flows without any households is asked for them, and one of net figures still is.
    expect(asked(['poor_start', 'poor_exited', 'poor_new', 'poor_end'])).toEqual(['households_start', 'households_end']);
    expect(asked(['households_end', 'poor_start', 'poor_reduced', 'poor_end'])).toEqual(['households_start']);
  });

  it('names the checks that need what is missing', () => {
    const [f] = missingIndicators(['households_start', 'households_end', 'poor_start', 'poor_reduced']);
    expect(f).toMatchObject({ rule: 'missing', severity: 'warning', indicator: 'poor_end', msg: { id: 'missing.indicator', params: { indicator: 'poor_end' } } });
  });
});
