/**
 * The calculator on the tables provinces publish (fixtures/published, fixtures/shapes): every derivable cell
 * computed from the base values with the conventions, printed values that differ listed at their cell (the
 * published inconsistencies of fixtures/published/EXPECTED.md), hierarchies never added twice (blocks that
 * list the same districts, "of which" rows, a second partition), rates at the precision the table prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { computeShaped, type ShapedTable } from '../../src/compute/shaped.js';
import { plainValue } from '../../src/render/table-data.js';
import { ROOT } from '../helpers.js';

function compute(file: string): ShapedTable {
  return computeShaped(shape(gridFromBytes(readFileSync(join(ROOT, file))), { totalPolicy: 'none' }).annex);
}

/** A unit's value of a slot as the output prints it (plain digits). */
function cell(t: ShapedTable, unit: string, slot: string): string | undefined {
  const u = t.units.find((x) => x.name === unit)!;
  const d = t.value(u.id, slot);
  return d === undefined ? undefined : plainValue(d, slot, t.decimals(slot, u.id));
}

const diffs = (t: ShapedTable) => t.differences.map((d) => `${d.cell.ref} ${d.stated} → ${plainValue(d.computed, d.indicator, d.decimals)}`);

describe('published tables computed from their base values', () => {
  it('national-2022-regions: the country sums the regions; combined = poor + near-poor; the two published slips found', () => {
    const t = compute('fixtures/published/national-2022-regions.csv');
    expect(cell(t, 'Cả nước', 'poor')).toBe('1057284');
    expect(cell(t, 'Đồng bằng sông Hồng', 'poor_near_poor')).toBe('169476');
    expect(cell(t, 'Cả nước', 'poor_near_poor')).toBe('1972558');
    // No households: the printed rates are kept as printed.
    expect(cell(t, 'Cả nước', 'rate')).toBe('4.03');
    expect(diffs(t)).toEqual(['C2 1972767 → 1972558', 'E2 1057374 → 1057284', 'C4 169566 → 169476', 'C6 236766 → 236647']);
  });

  it('review-2022-quang-nam-province-top-districts: a list cut short by `…` is not summed into its total; the combined rate recomputed', () => {
    const t = compute('fixtures/published/review-2022-quang-nam-province-top-districts.csv');
    expect(cell(t, 'Toàn tỉnh', 'poor_near_poor')).toBe('37819');
    expect(cell(t, 'Toàn tỉnh', 'poor_near_poor_rate')).toBe('8.61');
    expect(diffs(t)).toEqual(['D2 8.60 → 8.61']);
  });

  it('review-2022-binh-dinh-urban-rural: blocks listing the same districts add up once; the grand total sums the blocks', () => {
    const t = compute('fixtures/published/review-2022-binh-dinh-urban-rural.csv');
    expect(cell(t, 'Khu vực thành thị', 'poor')).toBe('5196');
    expect(cell(t, 'Tổng cộng (I+II)', 'poor_near_poor')).toBe('49706');
    expect(cell(t, 'Tổng cộng (I+II)', 'poor')).toBe('25321');
    expect(cell(t, 'Tổng cộng (I+II)', 'poor_near_poor_rate')).toBe('11.34');
    expect(t.differences).toEqual([]);
  });

  it('review-2022-quang-binh-province-blocks: a rate over the households at the precision the table uses', () => {
    const t = compute('fixtures/published/review-2022-quang-binh-province-blocks.csv');
    // E2 is printed "5,0"; 12.855 / 257.085 × 100 = 5,0003: the table's other rates have two decimals.
    expect(cell(t, 'Toàn tỉnh', 'rate')).toBe('5.00');
    expect(cell(t, 'Toàn tỉnh', 'poor_near_poor_rate')).toBe('9.76');
    expect(cell(t, 'Khu vực thành thị', 'rate')).toBe('1.44');
    expect(t.differences).toEqual([]);
  });

  it('national-2023-poor-districts-of-which and review-2016: "of which" rows are never added into the total', () => {
    const t = compute('fixtures/published/national-2023-poor-districts-of-which.csv');
    expect(cell(t, 'Toàn quốc', 'poor')).toBe('815101');
    expect(t.differences).toEqual([]);
    const r = compute('fixtures/published/review-2016-thai-nguyen-of-which.csv');
    expect(cell(r, 'Toàn tỉnh', 'poor')).toBe('35683');
    expect(cell(r, 'Toàn tỉnh', 'rate')).toBe('11.21');
    expect(r.differences).toEqual([]);
  });

  it('gso-2002-2004: two partitions of the country, rates only, one decimal: kept as printed', () => {
    const t = compute('fixtures/published/gso-2002-2004-rates-by-area-and-region.csv');
    expect(t.decimals('rate@2002')).toBe(1);
    expect(cell(t, 'Cả nước', 'rate@2002')).toBe('23.0');
    expect(t.differences).toEqual([]);
  });

  it('indicators-bac-giang: years as columns, the 2011 and 2013 rates recomputed, a rate-like count left blank', () => {
    const t = compute('fixtures/published/indicators-bac-giang-years-as-columns.csv');
    expect(diffs(t)).toEqual(['D8 15.40 → 15.38', 'F8 10.44 → 10.52']);
    expect(t.unreadable.map((v) => [v.cell.ref, v.text, v.reason])).toEqual([['G7', '10.98', 'fraction']]);
    expect(cell(t, 'Toàn tỉnh', 'poor_exited@2014')).toBeUndefined();
  });

  it('targets-2017: the total of the households targets sums the districts; a rate keeps the decimals it was printed with', () => {
    const t = compute('fixtures/published/targets-2017-quang-binh-districts.csv');
    expect(diffs(t)).toEqual(['D11 5374 → 5347']);
    expect(cell(t, 'TP. Đồng Hới', 'rate_reduced_target:max')).toBe('0.15');
    expect(cell(t, 'Tuyên Hóa', 'rate_reduced_target:max')).toBe('5.0');
  });

  it('dak-lak 2018: a rate stated with one decimal among two-decimal ones is printed as stated, not padded (41,1, not 41,10)', () => {
    const t = compute('fixtures/published/review-2018-dak-lak-partial-districts.csv');
    expect(cell(t, 'M’Đrắk', 'rate')).toBe('41.1');
    expect(cell(t, 'Ea Súp', 'rate')).toBe('43.13');
  });

  it('a rate printed with decimals in a column of mostly whole rates keeps them (3,81 was printed 4, 233,3 as 233)', () => {
    const csv = ['Đơn vị;Tỷ lệ hộ nghèo (%)', 'Tỉnh A;3,81', 'Tỉnh B;7', 'Tỉnh C;6', 'Tỉnh D;233,3'].join('\n');
    const t = computeShaped(shape(gridFromBytes(Buffer.from(csv, 'utf8')), { totalPolicy: 'none' }).annex);
    expect(['Tỉnh A', 'Tỉnh B', 'Tỉnh D'].map((u) => cell(t, u, 'rate'))).toEqual(['3.81', '7', '233.3']);
  });

  it('review-2018 gross flows: flow rates over the households, one over another denominator kept; the stray "25, 42" left blank', () => {
    const t = compute('fixtures/published/review-2018-national-son-la-gross-flows.csv');
    // F2 1,73 is over about 1,5 % fewer households (those at the start of the year): a denominator, not a slip.
    expect(cell(t, 'Cả nước', 'rate_exited')).toBe('1.73');
    expect(diffs(t)).toEqual(['J2 0.4 → 0.30']);
    expect(t.unreadable.map((v) => [v.cell.ref, v.reason])).toEqual([['D5', 'text']]);
    // The breakdown rows of the poor are not added into the country.
    expect(cell(t, 'Cả nước', 'poor')).toBe('1304001');
  });

  it('kon-tum 2022: a rate column kept as printed (asPrinted) is neither recomputed nor a difference, nor has a column rule', () => {
    const annex = shape(gridFromBytes(readFileSync(join(ROOT, 'fixtures/published/review-2022-kon-tum-ethnic-minority-districts.csv'))), { totalPolicy: 'none' }).annex;
    const slot = annex.indicators.find((k) => annex.values.get(0, k)?.cell.ref === 'J3')!;
    const recomputed = computeShaped(annex);
    expect(cell(recomputed, 'Đăk Glei', slot)).toBe('21.43');
    expect(recomputed.differences.filter((d) => d.indicator === slot)).toHaveLength(11);
    const kept = computeShaped(annex, { asPrinted: new Set([slot]) });
    expect(cell(kept, 'Đăk Glei', slot)).toBe('99.13');
    expect(cell(kept, 'Tổng cộng', slot)).toBe('94.67');
    expect(kept.differences.filter((d) => d.indicator === slot)).toEqual([]);
    expect(kept.columnRules.has(slot)).toBe(false);
  });

  it('a unit named twice in one list is refused (its total would count it twice); the same name in two blocks is not', () => {
    const csv = 'Đơn vị;Hộ nghèo;Hộ cận nghèo\nToàn tỉnh;30;40\nHuyện A;10;20\nHuyện B;10;10\nHuyện A;10;10\n';
    expect(() => computeShaped(shape(gridFromBytes(Buffer.from(csv)), { totalPolicy: 'none' }).annex)).toThrow(/duplicate-unit/);
    expect(() => compute('fixtures/shapes/blocks.csv')).not.toThrow();
  });

  it('the blank form: nothing to compute, laid out blank (no value, no difference)', () => {
    const t = compute('fixtures/published/form-near-poor-review-summary-blank.csv');
    expect(t.blank).toBe(true);
    expect(t.values.every((row) => Object.keys(row).length === 0)).toBe(true);
    expect(t.differences).toEqual([]);
    expect(compute('fixtures/shapes/blocks.csv').blank).toBe(false);
  });
});

describe('the short shapes', () => {
  it('form-flows: the end of the year is start − exits + returns + new; its rate follows the computed count', () => {
    const t = compute('fixtures/shapes/form-flows.csv');
    expect(diffs(t)).toEqual(['L6 335 → 353']);
    expect(cell(t, 'Xã Phú Lộc', 'rate_end')).toBe('18.82');
    expect(t.columnRules.get('poor_end')).toEqual({ op: 'sum', plus: ['poor_start', 'poor_returned', 'poor_new'], minus: ['poor_exited'] });
    expect(t.columnRules.get('rate_exited')).toEqual({ op: 'rate', of: ['poor_exited', 'households'] });
  });

  it('blocks: the same districts under the urban and the rural block, the total the sum of the blocks', () => {
    const t = compute('fixtures/shapes/blocks.csv');
    expect(cell(t, 'Tổng cộng (I+II)', 'households')).toBe('63347');
    expect(cell(t, 'Tổng cộng (I+II)', 'rate')).toBe('1.62');
    expect(t.differences).toEqual([]);
  });

  it('breakdown, point-in-time, years-columns, targets: the planted slips', () => {
    expect(diffs(compute('fixtures/shapes/breakdown.csv'))).toEqual(['D3 80 → 53']);
    // Tây Sơn's poor households printed 1.694 for 1.964: its combined count and the province's two sums follow the base.
    expect(diffs(compute('fixtures/shapes/point-in-time.csv'))).toEqual(['C2 6826 → 6556', 'E2 3178 → 2908', 'C4 3371 → 3101']);
    expect(diffs(compute('fixtures/shapes/years-columns.csv'))).toEqual(['D5 6.10 → 6.00']);
    expect(diffs(compute('fixtures/shapes/targets.csv'))).toEqual(['F3 80 → 90']);
  });

  it('partitions, rates-only, of-which, years-rows: nothing to recompute, nothing added twice', () => {
    for (const f of ['partitions', 'rates-only', 'of-which', 'years-rows']) expect(compute(`fixtures/shapes/${f}.csv`).differences, f).toEqual([]);
  });
});

describe('against brute force', () => {
  it('urban and rural blocks over the same districts: every block and the total sum their parts once; rates and combined counts exact', () => {
    const unit = fc.record({ households: fc.integer({ min: 1, max: 200_000 }), poor: fc.nat(30_000), near: fc.nat(30_000) }).filter((u) => u.poor + u.near <= u.households);
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), fc.array(unit, { minLength: 1, maxLength: 12 }), (urban, rural) => {
        const dot = (n: number | bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const sum = (us: typeof urban, k: 'households' | 'poor' | 'near') => us.reduce((s, u) => s + BigInt(u[k]), 0n);
        const line = (stt: string, name: string, h: bigint, p: bigint, n: bigint) => `${stt};${name};${dot(h)};${dot(p)};${dot(n)};${dot(p + n)}`;
        const block = (stt: string, name: string, us: typeof urban) => [
          line(stt, name, sum(us, 'households'), sum(us, 'poor'), sum(us, 'near')),
          ...us.map((u, i) => line(String(i + 1), `Xã ${i + 1}`, BigInt(u.households), BigInt(u.poor), BigInt(u.near))),
        ];
        const all = [...urban, ...rural];
        const csv = [
          'TT;Đơn vị;Tổng số hộ;Hộ nghèo;Hộ cận nghèo;Tổng số hộ nghèo và hộ cận nghèo',
          ...block('I', 'Khu vực thành thị', urban),
          ...block('II', 'Khu vực nông thôn', rural),
          line('', 'Tổng cộng', sum(all, 'households'), sum(all, 'poor'), sum(all, 'near')),
        ].join('\n');
        const annex = shape(gridFromBytes(Buffer.from(csv + '\n')), { totalPolicy: 'none' }).annex;
        const t = computeShaped(annex);
        expect(t.differences).toEqual([]);
        const total = t.units.find((u) => u.name === 'Tổng cộng')!;
        expect(t.value(total.id, 'households')!.toFixed()).toBe(sum(all, 'households').toString());
        expect(t.value(total.id, 'poor_near_poor')!.toFixed()).toBe((sum(all, 'poor') + sum(all, 'near')).toString());
      }),
      { numRuns: 60 },
    );
  });

  it('a rate is count / households × 100 half-up at two decimals, as integer arithmetic gives it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.nat(5_000_000), (h, p0) => {
        const p = p0 % (h + 1);
        const csv = `Đơn vị;Tổng số hộ;Hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;${h};${p};1,00\n`;
        const t = computeShaped(shape(gridFromBytes(Buffer.from(csv)), { totalPolicy: 'none' }).annex);
        const u = t.units[0]!;
        const twice = (BigInt(p) * 20000n) / BigInt(h); // 2 × rate × 100, truncated
        const cents = (twice + 1n) / 2n; // half-up
        const want = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
        expect(plainValue(t.value(u.id, 'rate')!, 'rate', t.decimals('rate'))).toBe(want);
      }),
      { numRuns: 200 },
    );
  });
});
