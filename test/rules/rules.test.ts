/**
 * Each rule on the seed annex with one value changed: the rule fires at its cell with the expected and
 * actual digits, and stays silent on the clean seed.
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, fixtures } from '../helpers.js';
import type { Finding } from '../../src/model/finding.js';

const { wideRecords, SEED, UNITS } = fixtures;
const col = (unit: string) => UNITS.indexOf(unit);
const withTexts = (texts: Record<string, string>) => checkRecords(wideRecords(SEED, { texts }));
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const at = (fs: Finding[], ref: string, rule: string) => fs.find((f) => f.at?.ref === ref && f.rule === rule);

describe('the clean seed annex', () => {
  const r = checkRecords(wideRecords());
  it('has no errors', () => expect(errors(r.findings)).toEqual([]));
  it('is quiet about its denominators: one warning at the total (1,99 % and 0,07 points), each district\'s split an info', () => {
    const den = r.findings.filter((f) => f.rule === 'denominator');
    expect(den.filter((f) => f.severity === 'warning').map((f) => f.unit)).toEqual(['Toàn tỉnh']);
    const prov = den.find((f) => f.unit === 'Toàn tỉnh')!;
    expect(prov).toMatchObject({ severity: 'warning', expected: '1.99', actual: '2.06', at: { ref: 'D9' }, msg: { id: 'denominator.total' } });
    expect(prov.msg.params).toMatchObject({ share: '1.99', growth: '0.07', h0: '210299', h1: '211780', reduced: '4188' });
    const districts = den.filter((f) => f.unit !== 'Toàn tỉnh');
    expect(districts).toHaveLength(7);
    for (const f of districts) expect(f).toMatchObject({ severity: 'info', msg: { id: 'denominator.mixed' } });
  });
  it('notes the 4th district\'s 2,65 as the annex convention, not an error', () => {
    const info = r.findings.filter((f) => f.severity === 'info' && f.rule === 'rate-change');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ rule: 'rate-change', unit: 'Hàm Yên', actual: '2.65' });
    expect(info[0]!.msg.params).toMatchObject({ unrounded: '2.6424', rounded: '2.64' });
  });
  it('has nothing left unchecked', () => expect(r.skipped).toEqual([]));
});

describe('sum', () => {
  it('puts the finding at the total\'s cell with the sum of the parts and the difference', () => {
    const r = withTexts({ [`poor_start:${col('Na Hang')}`]: '3.104' });
    const f = at(r.findings, 'D4', 'sum')!;
    expect(f).toMatchObject({ severity: 'error', unit: 'Toàn tỉnh', indicator: 'poor_start', expected: '24824', actual: '24814' });
    expect(f.msg.params).toMatchObject({ diff: '-10', count: 7 });
  });
});

describe('flow', () => {
  it('flags poor_end ≠ poor_start − poor_reduced at the end cell', () => {
    const r = withTexts({ [`poor_end:${col('Chiêm Hóa')}`]: '4.963' });
    expect(at(r.findings, 'I6', 'flow')).toMatchObject({ expected: '4693', actual: '4963', unit: 'Chiêm Hóa' });
  });
});

describe('rate', () => {
  it('flags a start rate that is not poor_start / households_start', () => {
    const r = withTexts({ [`rate_start:${col('Yên Sơn')}`]: '9,62' });
    expect(at(r.findings, 'F8', 'rate')).toMatchObject({ expected: '9.26', actual: '9.62' });
  });
  it('explains an end rate taken over the start-of-year households', () => {
    const r = withTexts({ [`rate_end:${col('Na Hang')}`]: '25,83' });
    const f = at(r.findings, 'J10', 'rate')!;
    expect(f).toMatchObject({ expected: '25.56', actual: '25.83' });
    expect(f.msg.params).toMatchObject({ startDenominator: true });
  });
  it('accepts a rate printed with fewer decimals when equal ("1,0" for 1,00) and more decimals when exact', () => {
    const r = withTexts({ [`rate_start:${col('TP Tuyên Quang')}`]: '1,007', [`rate_end:${col('TP Tuyên Quang')}`]: '0,76' });
    expect(at(r.findings, 'G8', 'rate')).toBeUndefined();
  });
});

describe('rate-change', () => {
  it('flags a reduction that is not the difference of the printed rates', () => {
    const r = withTexts({ [`rate_reduced:${col('TP Tuyên Quang')}`]: '0,52' });
    expect(at(r.findings, 'G9', 'rate-change')).toMatchObject({ expected: '0.25', actual: '0.52' });
  });
  it('calls the unrounded difference rounded a convention slip', () => {
    const r = withTexts({ [`rate_reduced:${col('Hàm Yên')}`]: '2,64' });
    const f = at(r.findings, 'H9', 'rate-change')!;
    expect(f).toMatchObject({ severity: 'error', expected: '2.65', actual: '2.64' });
    expect(f.msg.params).toMatchObject({ unrounded: '2.6424' });
  });
  it('recognises the reduction typed as reduced / start households', () => {
    const r = withTexts({ 'rate_reduced:0': '1,99' });
    expect(at(r.findings, 'D9', 'rate-change')!.msg.params).toMatchObject({ share: '1.99' });
  });
  it('uses rates computed from the counts when the table prints only the reduction', () => {
    const recs = wideRecords().filter((row) => row[1] !== '- Đầu năm' && row[1] !== '- Cuối năm');
    recs[7]![4] = '2,20';
    const r = checkRecords(recs);
    expect(r.findings.find((f) => f.rule === 'rate-change' && f.severity === 'error')).toMatchObject({ unit: 'Sơn Dương', expected: '2.02', actual: '2.20' });
  });
});

describe('range', () => {
  it('flags negative counts, fractions and poor above all households', () => {
    const r = withTexts({
      [`households_start:${col('Yên Sơn')}`]: '-39.880',
      [`poor_end:${col('Na Hang')}`]: '2.704,5',
      [`poor_start:${col('Lâm Bình')}`]: '8.000',
    });
    expect(at(r.findings, 'F2', 'range')?.msg.id).toBe('range.negative');
    expect(at(r.findings, 'J6', 'range')?.msg.id).toBe('range.fraction');
    expect(at(r.findings, 'K4', 'range')?.msg.id).toBe('range.exceeds');
  });
  it('flags rates outside 0–100 and warns on a negative reduction', () => {
    const r = withTexts({ [`rate_start:${col('Na Hang')}`]: '129,56', [`poor_reduced:${col('Hàm Yên')}`]: '-799' });
    expect(at(r.findings, 'J8', 'range')?.msg.id).toBe('range.rate');
    expect(at(r.findings, 'H5', 'range')).toMatchObject({ severity: 'warning' });
  });
});

describe('number and missing', () => {
  it('flags malformed groups and stray text at the cell, and skips what depends on them', () => {
    const r = withTexts({ [`households_end:${col('Sơn Dương')}`]: '50.1800', [`poor_reduced:${col('Lâm Bình')}`]: '28x' });
    expect(at(r.findings, 'E3', 'number')?.msg.id).toBe('number.grouping');
    expect(at(r.findings, 'K5', 'number')?.msg.id).toBe('number.text');
    // no cascade: the sum of households_end and Sơn Dương's end rate are not checked, and say so
    expect(r.findings.filter((f) => f.rule === 'sum')).toEqual([]);
    expect(at(r.findings, 'E10', 'rate')).toBeUndefined();
    expect(r.skipped.map((s) => `${s.rule}:${s.unit}`)).toEqual(expect.arrayContaining(['sum:Toàn tỉnh', 'rate:Sơn Dương', 'flow:Lâm Bình']));
  });
  it('names a cell in the other number format', () => {
    const r = withTexts({ [`rate_end:${col('Yên Sơn')}`]: '7.16' });
    expect(at(r.findings, 'F10', 'number')?.msg.id).toBe('number.other-locale');
  });
  it('flags an empty value as missing', () => {
    const r = withTexts({ [`poor_start:${col('Hàm Yên')}`]: '' });
    expect(at(r.findings, 'H4', 'missing')).toMatchObject({ severity: 'error', indicator: 'poor_start' });
  });
});
