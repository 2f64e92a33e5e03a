/**
 * The calculator on the seed annex: from its base counts (rows 1–4) every other cell comes out exactly as
 * printed, whatever the layout and number format; stated derived values that differ are listed; input no
 * calculation can start from is refused at its cell.
 */
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { computeTable, type ComputedTable, type TotalMode } from '../../src/compute/table.js';
import { displayUnits } from '../../src/render/annex-layout.js';
import { plainValue } from '../../src/render/table-data.js';
import { INDICATORS } from '../../src/model/indicators.js';
import { PovcheckError } from '../../src/errors.js';
import { fixtures } from '../helpers.js';
import { ANNEX_BLOCKS, ANNEX_OF_WHICH } from './hierarchy-tables.js';

const { SEED, UNITS, wideRecords, longRecords, serialize, cloneData } = fixtures;
const BASE = ['households_start', 'households_end', 'poor_start', 'poor_reduced'];

/** Keeps the header and the rows of the given indicators (wide records from the fixture writers). */
function onlyRows(records: string[][], keep: string[]): string[][] {
  const stt: Record<string, string> = { households_start: '1', households_end: '2', poor_start: '3', poor_reduced: '4', poor_end: '5' };
  const wanted = new Set(keep.map((k) => stt[k]));
  return records.filter((r, i) => i === 0 || wanted.has(r[0]!));
}

function compute(bytes: Buffer, total: TotalMode = 'auto', totalName = 'Tổng cộng'): ComputedTable {
  return computeTable(shape(gridFromBytes(bytes), { totalPolicy: 'none' }).annex, { total, totalName });
}

/** Every cell of the computed table, total first, as plain digits: the seed's own digits when it is right. */
function matrix(t: ComputedTable): Record<string, string[]> {
  const units = displayUnits(t);
  return Object.fromEntries(INDICATORS.map((ind) => [ind, units.map((u) => plainValue(t.value(u.id, ind)!, ind))]));
}

const districts = () => Object.fromEntries(Object.entries(SEED).map(([k, v]) => [k, v.slice(1)]));

describe('table from the base counts of the seed annex', () => {
  it.each([
    ['wide, ; vi, rows 1–4 with the province column', serialize(onlyRows(wideRecords(SEED, { rates: false }), BASE))],
    ['wide, , en labels and numbers', serialize(onlyRows(wideRecords(SEED, { rates: false, locale: 'en', lang: 'en' }), BASE), { delimiter: ',', encoding: 'utf-8' })],
    ['wide, TAB UTF-16LE', serialize(onlyRows(wideRecords(SEED, { rates: false }), BASE), { delimiter: '\t', encoding: 'utf-16le' })],
    ['long, keys, plain numbers', serialize(longRecords(SEED, { locale: 'plain', rates: false }).map((r) => r.slice(0, 5)), { delimiter: ',', encoding: 'utf-8' })],
    ['poor_end instead of poor_reduced', serialize(onlyRows(wideRecords(SEED, { rates: false }), ['households_start', 'households_end', 'poor_start', 'poor_end']))],
  ])('%s: every cell as printed in the seed', (_name, bytes) => {
    const t = compute(bytes);
    expect(t.total?.name).toBe('Toàn tỉnh');
    expect(t.totalSource).toBe('label');
    expect(displayUnits(t).map((u) => u.name)).toEqual(UNITS);
    expect(matrix(t)).toEqual(SEED);
    expect(t.differences).toEqual([]);
  });

  it('without the province column: the total is added as the sum of the districts', () => {
    const t = compute(serialize(onlyRows(wideRecords(districts(), { rates: false, units: UNITS.slice(1) }), BASE)));
    expect(t.totalSource).toBe('added');
    expect(displayUnits(t).map((u) => u.name)).toEqual(['Tổng cộng', ...UNITS.slice(1)]);
    expect(matrix(t)).toEqual(SEED);
  });

  it('an unlabelled first column that is the sum of the others is taken as the total (auto)', () => {
    const names = ['Tuyên Quang', ...UNITS.slice(1)];
    const bytes = serialize(onlyRows(wideRecords(SEED, { rates: false, units: names }), BASE));
    const t = compute(bytes);
    expect(t.totalSource).toBe('sum-match');
    expect(t.total?.name).toBe('Tuyên Quang');
    expect(matrix(t)).toEqual(SEED);
    // --total none: no total, eight units side by side; --total first: the same as auto here.
    expect(compute(bytes, 'none').total).toBeUndefined();
    expect(compute(bytes, 'first').total?.name).toBe('Tuyên Quang');
  });

  it('an unlabelled first column that is not the sum stays a unit, and a total is added', () => {
    const d = districts();
    const t = compute(serialize(onlyRows(wideRecords(d, { rates: false, units: UNITS.slice(1) }), BASE)), 'auto', 'Total');
    expect(t.units.length).toBe(8);
    expect(t.total?.name).toBe('Total');
  });

  it('the full seed annex: nothing differs', () => {
    const t = compute(serialize(wideRecords()));
    expect(matrix(t)).toEqual(SEED);
    expect(t.differences).toEqual([]);
  });
});

describe('stated values that differ from the computed ones', () => {
  it('names each differing cell; the result carries the computed value', () => {
    const data = cloneData();
    data.poor_end![UNITS.indexOf('Chiêm Hóa')] = '4963';
    data.rate_reduced![UNITS.indexOf('Hàm Yên')] = '2.64';
    data.rate_start![UNITS.indexOf('Yên Sơn')] = '9.62';
    data.households_start![0] = '210399';
    const t = compute(serialize(wideRecords(data)));
    expect(t.differences.map((d) => [d.cell.ref, d.unit.name, d.indicator, d.stated, plainValue(d.computed, d.indicator)])).toEqual([
      ['D2', 'Toàn tỉnh', 'households_start', '210399', '210299'],
      ['I6', 'Chiêm Hóa', 'poor_end', '4963', '4693'],
      ['F8', 'Yên Sơn', 'rate_start', '9.62', '9.26'],
      ['H9', 'Hàm Yên', 'rate_reduced', '2.64', '2.65'],
    ]);
    expect(matrix(t)).toEqual(SEED);
  });

  it('rates typed with more or fewer decimals agree when they round alike', () => {
    const t = compute(serialize(wideRecords(SEED, { texts: { 'rate_start:0': '11,7994', 'rate_end:0': '9,74' } })));
    expect(t.differences).toEqual([]);
  });

  it('a derived cell that is not a number is a difference, not a stop', () => {
    const t = compute(serialize(wideRecords(SEED, { texts: { 'rate_end:1': 'n/a' } })));
    expect(t.differences.map((d) => [d.cell.ref, d.stated])).toEqual([['E10', 'n/a']]);
  });

  it('an unreadable poor_reduced is derived from a readable poor_end', () => {
    const t = compute(serialize(wideRecords(SEED, { texts: { [`poor_reduced:${UNITS.indexOf('Lâm Bình')}`]: '28x' } })));
    expect(matrix(t)).toEqual(SEED);
    expect(t.differences.map((d) => [d.cell.ref, d.stated])).toEqual([['K5', '28x']]);
  });
});

describe('input the calculator cannot start from', () => {
  function refusal(bytes: Buffer): { code: string; cell?: string; params: unknown } {
    try {
      compute(bytes);
    } catch (e) {
      if (e instanceof PovcheckError) return { code: e.code, ...(e.cell ? { cell: e.cell } : {}), params: e.params };
      throw e;
    }
    throw new Error('computed');
  }
  const base = (texts: Record<string, string>) => serialize(onlyRows(wideRecords(SEED, { rates: false, texts }), BASE));

  it.each([
    ['a base count missing', { 'poor_start:3': '' }, 'G4', { reason: 'value', unit: 'TP Tuyên Quang', indicator: 'poor_start', text: '' }],
    ['a base count not a number', { 'households_end:2': '40.12x' }, 'F3', { reason: 'value', indicator: 'households_end' }],
    ['a fraction of a household', { 'households_start:1': '49874,5' }, 'E2', { reason: 'fraction' }],
    ['a negative count', { 'poor_start:1': '-5' }, 'E4', { reason: 'negative' }],
    ['zero households with poor households left', { 'households_end:7': '0' }, 'K5', { reason: 'exceeds', unit: 'Lâm Bình', part: 'poor_end', whole: 'households_end' }],
    ['more poor than households', { 'poor_start:6': '10.469' }, 'J4', { reason: 'exceeds', part: 'poor_start', whole: 'households_start' }],
    ['more reduced than poor', { 'poor_reduced:6': '3.095' }, 'J5', { reason: 'exceeds', part: 'poor_reduced', whole: 'poor_start' }],
  ])('%s → CALC_INPUT at the cell', (_n, texts, cell, params) => {
    expect(refusal(base(texts))).toMatchObject({ code: 'CALC_INPUT', cell, params });
  });

  it('a unit with no households and no poor is computed, its rates 0 (0 / 0, as validate accepts)', () => {
    const zeros = { 'households_start:7': '0', 'households_end:7': '0', 'poor_start:7': '0', 'poor_reduced:7': '0' };
    const t = compute(base(zeros));
    const u = t.units.find((x) => x.name === 'Lâm Bình')!;
    expect(['rate_start', 'rate_end', 'rate_reduced'].map((k) => t.values[u.id]![k as 'rate_start']?.toString())).toEqual(['0', '0', '0']);
  });

  it('a table without poor_reduced and poor_end', () => {
    expect(refusal(serialize(onlyRows(wideRecords(SEED, { rates: false }), ['households_start', 'households_end', 'poor_start'])))).toMatchObject({
      code: 'CALC_INPUT',
      params: { reason: 'absent', indicators: ['poor_reduced'] },
    });
  });

  it('a unit given twice', () => {
    const units = [...UNITS.slice(0, 7), 'Na Hang'];
    expect(refusal(serialize(onlyRows(wideRecords(SEED, { rates: false, units }), BASE)))).toMatchObject({ code: 'CALC_INPUT', params: { reason: 'duplicate-unit', unit: 'Na Hang' } });
  });
});

describe('table of a hierarchy (province → district → commune)', () => {
  const hierarchy = (units = fixtures.hierarchyUnits()) => compute(serialize(fixtures.hierarchyRecords(units), { delimiter: ';' }));

  it('sums each district from its communes and the province from the districts, counting no unit twice', () => {
    const t = hierarchy();
    expect(t.total?.name).toBe('Toàn tỉnh');
    const total = displayUnits(t)[0]!;
    expect(INDICATORS.map((ind) => plainValue(t.value(total.id, ind)!, ind))).toEqual(INDICATORS.map((ind) => SEED[ind]![0]));
    const hamYen = t.units.find((u) => u.name === 'Hàm Yên')!;
    expect(plainValue(t.value(hamYen.id, 'households_start')!, 'households_start')).toBe('31526');
    expect(plainValue(t.value(hamYen.id, 'rate_reduced')!, 'rate_reduced')).toBe('2.65');
    expect(t.differences).toEqual([]);
  });

  it("a district that does not add up is reported, and shown as the sum of its communes", () => {
    const units = fixtures.hierarchyUnits().map((u) => (u.name === 'Hàm Yên' ? { ...u, households_start: '31626' } : u));
    const t = hierarchy(units);
    const hamYen = t.units.find((u) => u.name === 'Hàm Yên')!;
    expect(plainValue(t.value(hamYen.id, 'households_start')!, 'households_start')).toBe('31526');
    expect(t.differences.map((d) => [d.unit.name, d.indicator, d.stated, plainValue(d.computed, d.indicator)])).toContainEqual(['Hàm Yên', 'households_start', '31626', '31526']);
  });
});

describe('hierarchies are added up once', () => {
  it('urban and rural blocks listing the same districts: not a duplicate; the total sums the blocks, not the blocks and their units', () => {
    const t = compute(Buffer.from(ANNEX_BLOCKS));
    const total = t.units.find((u) => u.name === 'Tổng cộng (I+II)')!;
    expect(plainValue(t.value(total.id, 'households_start')!, 'households_start')).toBe('63347');
    expect(plainValue(t.value(total.id, 'poor_end')!, 'poor_end')).toBe('887');
    expect(t.differences).toEqual([]);
  });

  it('an "of which" row is computed for itself and never added into its parent or the total', () => {
    const t = compute(Buffer.from(ANNEX_OF_WHICH));
    const total = t.units.find((u) => u.name === 'Toàn tỉnh')!;
    const ofWhich = t.units.find((u) => u.name.startsWith('Trong đó'))!;
    expect(plainValue(t.value(total.id, 'poor_start')!, 'poor_start')).toBe('1027');
    expect(plainValue(t.value(ofWhich.id, 'rate_end')!, 'rate_end')).toBe('4.36');
    expect(t.differences).toEqual([]);
  });
});
