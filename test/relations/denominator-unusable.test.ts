/**
 * A unit whose note would read a cell that cannot be used (`28x`, text, a blank) gets no denominator note: the
 * note quoted a figure the table does not hold ("282 households reduced", derived from the start and the end,
 * beside `28x`). The skip names the cell, as sum's and flow's do; the other units keep their notes.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import type { CheckResult } from '../../src/check-grid.js';
import { checkBytes, checkRecords, fixtures } from '../helpers.js';

const { SEED, UNITS, serialize, wideRecords } = fixtures;
const lamBinh = UNITS.indexOf('Lâm Bình');
const withText = (texts: Record<string, string>) => checkBytes(serialize(wideRecords(SEED, { texts })));
const notesOf = (r: CheckResult, unit: string) => r.findings.filter((f) => f.rule === 'denominator' && f.unit === unit);
const skipsOf = (r: CheckResult, unit: string) => r.skipped.filter((s) => s.rule === 'denominator' && s.unit === unit).map((s) => (s.msg.params as { cells: string[] }).cells);

describe('a denominator note over an unusable cell', () => {
  it.each([
    ['poor_reduced', '28x', 'K5'],
    ['poor_reduced', 'không rõ', 'K5'],
    ['poor_reduced', '', 'K5'],
    ['poor_end', '2.46x', 'K6'],
    ['poor_start', '2.75x', 'K4'],
    ['rate_reduced', '4,0x', 'K9'],
    ['households_end', '7.70x', 'K3'],
  ])('%s typed "%s": no note for the unit, the skip names %s', (indicator, text, ref) => {
    const r = withText({ [`${indicator}:${lamBinh}`]: text });
    expect(notesOf(r, 'Lâm Bình')).toEqual([]);
    expect(skipsOf(r, 'Lâm Bình')).toEqual([[ref]]);
    // The other units' notes stay.
    expect(notesOf(r, 'Na Hang')).toHaveLength(1);
    expect(notesOf(r, 'Toàn tỉnh')).toHaveLength(1);
  });

  it('the total\'s reduction typed "4.18x": the total\'s warning is not made (it quoted 4.188 households reduced)', () => {
    const r = withText({ 'poor_reduced:0': '4.18x' });
    expect(notesOf(r, 'Toàn tỉnh')).toEqual([]);
    expect(skipsOf(r, 'Toàn tỉnh')).toEqual([['D5']]);
    for (const f of r.findings) expect(renderMessage(f.msg, makeFmt('vi'))).not.toContain('4.188');
  });

  it('no note anywhere quotes the derived 282 beside "28x"', () => {
    const r = withText({ [`poor_reduced:${lamBinh}`]: '28x' });
    const texts = r.findings.map((f) => renderMessage(f.msg, makeFmt('en')));
    expect(texts.some((t) => t.includes('"28x" is not a number'))).toBe(true);
    expect(texts.filter((t) => /\b282\b/.test(t))).toEqual([]);
  });

  it('a commune\'s note folded into its district\'s summary: the commune is not named, its skip is recorded', () => {
    const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
    units.find((u) => u.name === 'Xã 1 Lâm Bình')!.poor_reduced = '1x';
    const r = checkRecords(fixtures.hierarchyRecords(units));
    expect(skipsOf(r, 'Xã 1 Lâm Bình')).toHaveLength(1);
    for (const f of r.findings.filter((x) => x.rule === 'denominator')) expect(renderMessage(f.msg, makeFmt('vi'))).not.toContain('Xã 1 Lâm Bình');
  });

  it('households that do not change make no note whatever the counts hold: no skip either', () => {
    const r = withText({ [`households_end:${lamBinh}`]: '7.633', [`poor_reduced:${lamBinh}`]: '28x' });
    expect(notesOf(r, 'Lâm Bình')).toEqual([]);
    expect(skipsOf(r, 'Lâm Bình')).toEqual([]);
  });
});
