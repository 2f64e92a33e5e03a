/**
 * A line of one indicator computed by a wrong formula (locate/recomputed-line.ts): a change computed the wrong way round
 * down a row, the reduction added. One cause of the line's cells, each with its slip, where the search for one or two
 * cells found none (the total's sum keeps the line's figures) or split the line into as many groups.
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, fixtures } from '../helpers.js';

const { wideRecords, longRecords, SEED } = fixtures;
/** The seed with every figure of an indicator negative (texts by `indicator:unit index`, as a Vietnamese table writes them). */
const negated = (indicator: string) => Object.fromEntries(SEED[indicator]!.map((t, i) => [`${indicator}:${i}`, `-${t.replace('.', ',')}`]));
const cause = (r: ReturnType<typeof checkRecords>) => r.localisation.causes.map((c) => ({ confidence: c.confidence, cells: c.cells.map((x) => [x.cell.ref, x.actual, x.proposed, x.kind]) }));

describe('a line computed the wrong way round', () => {
  it('poor households reduced all negative: one cause of the row\'s eight cells, every flow and range warning explained', () => {
    const r = checkRecords(wideRecords(SEED, { texts: negated('poor_reduced') }));
    expect(r.localisation.status).toBe('found');
    const [c] = cause(r);
    expect(c!.confidence).toBe('unique');
    expect(c!.cells.map(([ref, actual, proposed, kind]) => `${ref} ${actual}→${proposed} ${kind}`)).toEqual(['D5 -4188→4188 sign', 'E5 -987→987 sign', 'F5 -822→822 sign', 'G5 -90→90 sign', 'H5 -799→799 sign', 'I5 -818→818 sign', 'J5 -390→390 sign', 'K5 -282→282 sign']);
    const explained = r.localisation.causes[0]!.explains.map((i) => r.findings[i]!.rule);
    expect(explained.filter((x) => x === 'flow')).toHaveLength(8);
  });

  it('the reductions in points all negative: one cause (it was eight groups of one cell)', () => {
    const r = checkRecords(wideRecords(SEED, { texts: negated('rate_reduced') }));
    expect(r.localisation.parts).toBeUndefined();
    expect(cause(r)[0]!.cells).toHaveLength(8);
  });

  it('in the long layout too (a column)', () => {
    const r = checkRecords(longRecords(SEED, { texts: negated('poor_reduced') }));
    expect(cause(r)[0]!.cells.every(([, , , kind]) => kind === 'sign')).toBe(true);
    expect(cause(r)[0]!.cells).toHaveLength(8);
  });

  it('poor households at the end all the start plus the reduction (=D4+D5): one cause, each cell reduction-added', () => {
    const texts = Object.fromEntries(SEED.poor_end!.map((_, i) => [`poor_end:${i}`, String(Number(SEED.poor_start![i]) + Number(SEED.poor_reduced![i]))]));
    const r = checkRecords(wideRecords(SEED, { texts }));
    const [c] = cause(r);
    expect(c!.cells.map(([ref, , proposed, kind]) => `${ref} ${proposed} ${kind}`)).toEqual(['D6 20626 reduction-added', 'E6 3657 reduction-added', 'F6 2872 reduction-added', 'G6 278 reduction-added', 'H6 3954 reduction-added', 'I6 4693 reduction-added', 'J6 2704 reduction-added', 'K6 2468 reduction-added']);
  });

  it('a line of rates over their counts is left to the groups (each rate picked out of its rounding by its slip)', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { 'rate_end:1': '7,33', 'rate_end:2': '7,20', 'rate_end:4': '12,54' } }));
    expect(r.localisation.parts?.map((p) => p.causes[0]!.cells.map((x) => `${x.cell.ref} ${x.kind}`).join(' '))).toEqual(['E10 start-denominator', 'F10 start-denominator', 'H10 start-denominator']);
  });

  it('one negative figure is a slip of one cell, not a line', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { 'rate_reduced:3': '-0,25' } }));
    expect(cause(r)).toEqual([{ confidence: 'unique', cells: [['G9', '-0.25', '0.25', 'sign']] }]);
  });
});
