/**
 * The shapes published tables take (test/shapes/*.csv, written like the published ones): each is read without
 * editing, with the right units, totals, blocks, sub-rows and years.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import type { Annex } from '../../src/model/annex.js';
import { ROOT } from '../helpers.js';

export const SHAPES = join(ROOT, 'test', 'shapes');

export function read(name: string): { annex: Annex; findings: ReturnType<typeof shape>['findings'] } {
  return shape(gridFromBytes(readFileSync(join(SHAPES, `${name}.csv`))), { totalPolicy: 'first' });
}

const names = (a: Annex) => [...a.units].map((u) => u.name);
const parentOf = (a: Annex, name: string, nth = 0) => {
  const u = [...a.units].filter((x) => x.name === name)[nth]!;
  return u.parent === undefined ? undefined : a.units.at(u.parent)!.name;
};
const cellOf = (a: Annex, unit: string, slot: string, nth = 0) => a.values.get([...a.units].filter((u) => u.name === unit)[nth]!.id, slot)?.cell.ref;

describe('point-in-time review results (no phase words, no households column)', () => {
  it('reads poor, near-poor and their sum, counts and rates, at a point', () => {
    const { annex, findings } = read('review-point');
    expect(annex.layout).toBe('long');
    expect(annex.indicators).toEqual(['poor_near_poor_rate', 'poor_near_poor', 'rate', 'poor', 'near_poor_rate', 'near_poor']);
    expect(annex.total?.name).toBe('Toàn tỉnh');
    expect(names(annex)).toHaveLength(5);
    expect(cellOf(annex, 'Huyện Tây Sơn', 'poor')).toBe('F4');
    expect(findings).toEqual([]);
  });
});

describe('urban/rural blocks, a two-row header, the column-number row', () => {
  const { annex, findings } = read('blocks');
  it('reads the blocks with their subtotals under the total written last, the same districts in each block', () => {
    expect(annex.total?.name).toBe('Tổng cộng (I+II)');
    expect(parentOf(annex, 'Khu vực thành thị')).toBe('Tổng cộng (I+II)');
    expect(parentOf(annex, 'Khu vực nông thôn')).toBe('Tổng cộng (I+II)');
    expect(parentOf(annex, 'Huyện Đông Sơn', 0)).toBe('Khu vực thành thị');
    expect(parentOf(annex, 'Huyện Đông Sơn', 1)).toBe('Khu vực nông thôn');
    expect([...annex.units].find((u) => u.name === 'Khu vực thành thị')?.role).toBe('block');
    // A unit listed in both blocks is not a duplicate.
    expect(findings).toEqual([]);
  });
  it('reads the group over its sub-columns and skips the column-number row, keeping its formulas', () => {
    expect(annex.indicators).toEqual(['households', 'poor', 'rate', 'near_poor', 'near_poor_rate', 'poor_near_poor', 'poor_near_poor_rate']);
    expect(cellOf(annex, 'Khu vực thành thị', 'poor')).toBe('D4');
    expect(annex.formulas?.map((f) => `${f.slot}=${f.text}`)).toEqual(['rate=2/1*100', 'near_poor_rate=4/1*100', 'poor_near_poor=2+4', 'poor_near_poor_rate=6/1*100']);
  });
});

describe('an official form: three header rows, gross flows, one households column', () => {
  it('reads start, the flows and the end, each as a count and a rate', () => {
    const { annex, findings } = read('form-flows');
    expect(annex.indicators).toEqual([
      'households',
      'poor_start',
      'rate_start',
      'poor_exited',
      'rate_exited',
      'poor_returned',
      'rate_returned',
      'poor_new',
      'rate_new',
      'poor_end',
      'rate_end',
    ]);
    expect(annex.total?.name).toBe('Toàn huyện');
    expect(cellOf(annex, 'Xã Phú Lộc', 'poor_exited')).toBe('F7');
    expect(annex.formulas?.map((f) => f.text)).toEqual(['2-4+6+8', '10/1*100']);
    expect(findings).toEqual([]);
  });
});

describe('gross flows as rows, with breakdown rows and an "of which" row', () => {
  it('reads the breakdown rows under the row they break down, never the exits as a net reduction', () => {
    const { annex } = read('flows-wide');
    expect(annex.layout).toBe('wide');
    expect(annex.indicators).not.toContain('poor_reduced');
    expect(annex.indicators).toContain('poor_exited');
    expect([...(annex.subSlots ?? new Map())].map(([k, v]) => `${k} ${v.relation} ${v.parent}`)).toEqual([
      'poor_exited/Chuyển sang hộ cận nghèo breakdown poor_exited',
      'poor_exited/Thoát tình trạng nghèo, cận nghèo breakdown poor_exited',
      'poor_exited/Do chết, chuyển đi, nhập hộ breakdown poor_exited',
      'poor_end/hộ nghèo dân tộc thiểu số of-which poor_end',
    ]);
    expect(cellOf(annex, 'Xã A', 'poor_exited/Chuyển sang hộ cận nghèo')).toBe('E4');
  });
});

describe('"of which" rows that are not units', () => {
  it('keeps them out of the partition of the total, under the row they qualify', () => {
    const { annex, findings } = read('of-which');
    const rows = [...annex.units].map((u) => `${u.name}:${u.role ?? 'unit'}:${u.parent ?? '-'}`);
    expect(rows).toEqual(['Toàn tỉnh:unit:-', 'Trong đó: 4 huyện miền núi:of-which:0', 'Huyện Tây Sơn:of-which:0']);
    expect(findings).toEqual([]);
  });
});

describe('section rows that split the total twice', () => {
  it('reads two partitions of the same total', () => {
    const { annex } = read('partitions');
    expect([...annex.units].map((u) => `${u.name}:${u.partition ?? 0}`)).toEqual(['Toàn tỉnh:0', 'Thành thị:1', 'Nông thôn:1', 'Vùng núi:2', 'Vùng đồng bằng:2', 'Vùng ven biển:2']);
    expect([...annex.units].slice(1).every((u) => u.parent === 0)).toBe(true);
    // The section rows' texts are kept, partition k under the k-th, for the layouts' heading rows.
    expect(annex.sectionHeadings).toEqual(['Chia theo khu vực', 'Chia theo vùng']);
  });
});

describe('rates only, one decimal, regions followed by their provinces', () => {
  it('reads each region as the parent of the provinces under it, without a total', () => {
    const { annex, findings } = read('rates-only');
    expect(annex.total).toBeUndefined();
    expect(parentOf(annex, 'Gia Lai')).toBe('Tây Nguyên');
    expect(parentOf(annex, 'Tây Ninh')).toBe('Đông Nam Bộ');
    expect(parentOf(annex, 'Tây Nguyên')).toBeUndefined();
    expect(annex.values.get(1, 'rate')).toMatchObject({ plain: '11.6', decimals: 1 });
    expect(findings).toEqual([]);
  });
});

describe('years as columns, counts exported as 412204.00', () => {
  it('reads one unit named in the title, a slot per indicator and year; a blank year is not published', () => {
    const { annex, findings } = read('years-columns');
    expect(names(annex)).toEqual(['Toàn tỉnh']);
    expect(annex.indicators).toContain('poor@2021');
    expect(annex.indicators).toContain('poor_exited@2022');
    expect(annex.values.row(0)['households@2020']).toMatchObject({ plain: '250000.00', cell: { ref: 'D5' } });
    expect(annex.values.row(0)['households@2019']?.status).toBe('empty');
    expect(findings).toEqual([]);
  });
});

describe('years as rows, two poverty standards as section rows', () => {
  it('reads the units from the header (the whole, then its urban and rural parts) and the same year under two standards', () => {
    const { annex, findings } = read('years-rows');
    expect(names(annex)).toEqual(['Tổng', 'Thành thị', 'Nông thôn']);
    expect(annex.total?.name).toBe('Tổng');
    expect(annex.indicators).toEqual(['rate@2014~2011-2015', 'rate@2015~2011-2015', 'rate@2015~2016-2020', 'rate@2016~2016-2020']);
    expect(annex.values.row(2)['rate@2015~2016-2020']?.cell.ref).toBe('D10');
    expect(findings).toEqual([]);
  });
  it('reads a long table whose rows are years as one unit\'s series', () => {
    const { annex, findings } = read('years-rows-long');
    expect(names(annex)).toEqual(['Tổng']);
    expect(annex.indicators).toEqual(['households@2020', 'poor@2020', 'rate@2020', 'households@2021', 'poor@2021', 'rate@2021', 'households@2022', 'poor@2022', 'rate@2022']);
    expect(findings).toEqual([]);
  });
});

describe('targets: as achievement, and as from–to ranges', () => {
  it('reads the target, the achievement and the printed reduction', () => {
    const { annex, findings } = read('targets-achievement');
    expect(annex.indicators).toEqual(['rate_start', 'rate_end', 'rate_reduced', 'rate_reduced_target', 'rate_reduced_achievement']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('reads the ranges in points and in households, both targets, the year of the heading not a dimension', () => {
    const { annex, findings } = read('targets-range');
    expect(annex.indicators).toEqual(['rate_reduced_target:min', 'rate_reduced_target:max', 'poor_reduced_target:min', 'poor_reduced_target:max']);
    expect(annex.total?.name).toBe('Toàn tỉnh');
    expect(findings).toEqual([]);
  });
});
