/**
 * A rate column whose every rate fails is one finding, not one slip per cell (relations/rate-column.ts): named
 * over the column it is computed over when one of the table's fits every unit; left out of the localisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, type CheckResult } from '../../src/check-grid.js';
import { MIN_UNITS } from '../../src/relations/rate-column.js';

async function check(csv: string): Promise<CheckResult> {
  return checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));
}

/** Half-up to 2 decimals, Vietnamese. */
const rate = (p: number, h: number) => {
  const q = (BigInt(p) * 20000n) / BigInt(h);
  const r = Number((q + 1n) / 2n);
  return `${Math.floor(r / 100)},${String(r % 100).padStart(2, '0')}`;
};
const vn = (n: number) => n.toLocaleString('de-DE');

const UNITS: Array<[string, number, number, number]> = [
  ['Huyện A Lưới', 20595, 20419, 9016],
  ['Huyện Bình Sơn', 13547, 7061, 2573],
  ['Huyện Cà Mau', 36067, 5294, 2580],
  ['Huyện Đà Bắc', 5862, 4843, 1162],
  ['Huyện Ea Súp', 20357, 7283, 3037],
  ['Huyện Phú Lộc', 35819, 32218, 6606],
];

/** A table of units, households, ethnic-minority households, poor households and a rate over `base` of them. */
function table(units: ReadonlyArray<[string, number, number, number]>, rateOf: (u: [string, number, number, number], i: number) => string): string {
  const total: [string, number, number, number] = ['Toàn tỉnh', ...([1, 2, 3] as const).map((k) => units.reduce((s, u) => s + u[k], 0))] as [string, number, number, number];
  const rows = [total, ...units].map((u, i) => `${u[0]};${vn(u[1])};${vn(u[2])};${vn(u[3])};${rateOf(u, i)}`);
  return ['Đơn vị;Tổng số hộ;Trong đó số hộ DTTS;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...rows].join('\n') + '\n';
}

const rateFindings = (r: CheckResult) => r.findings.filter((f) => f.rule === 'rate');

describe('a rate column that fails at every unit', () => {
  it('is one error naming the column the rates are over when one fits every unit, with no cause proposed per cell', async () => {
    const r = await check(table(UNITS, (u) => rate(u[3], u[2])));
    expect(rateFindings(r).map((f) => [f.severity, f.at?.ref, f.msg.id])).toEqual([['error', 'E2', 'rate.column']]);
    expect(rateFindings(r)[0]!.msg.params).toMatchObject({ count: 7, first: 'E2', last: 'E8', over: 'em_households', countIndicator: 'poor', householdsIndicator: 'households' });
    expect(r.localisation.status).toBe('clean');
    expect(r.localisation.causes).toEqual([]);
  });

  it('says which base the first rate fits when no column of the table does (a share of another total)', async () => {
    // The rate of each unit is over a base the table does not print: its poor households + 100.
    const r = await check(table(UNITS, (u) => rate(u[3], u[3] + 100)));
    const f = rateFindings(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.msg.params).toMatchObject({ count: 7, impliedLo: expect.any(String) });
    expect(f[0]!.msg.params).not.toHaveProperty('over');
  });

  it('says the rates are shares, not percentages, when every one is its count over its households without × 100', async () => {
    // Each rate typed as the share with four decimals (0,0544 for 5,44 %), as a column computed =C/B and formatted 0.0000.
    const share = (p: number, h: number) => rate(p, h).replace(/^(\d+),(\d\d)$/, (_, i: string, d: string) => `0,${i.padStart(2, '0')}${d}`);
    const r = await check(table(UNITS, (u) => share(u[3], u[1])));
    const f = rateFindings(r);
    expect(f.map((x) => x.msg.id)).toEqual(['rate.column']);
    expect(f[0]!.msg.params).toMatchObject({ count: 7, shares: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(f[0]!.msg.params).not.toHaveProperty('impliedLo');
    // A column over another base is not taken for shares.
    expect(rateFindings(await check(table(UNITS, (u) => rate(u[3], u[3] + 100))))[0]!.msg.params).not.toHaveProperty('shares');
  });

  it('keeps the findings per cell when a rate of the column holds, or when fewer units fail than MIN_UNITS', async () => {
    // Every rate over ethnic-minority households but one (Bình Sơn) right: slips, each localised.
    const r = await check(table(UNITS, (u, i) => (i === 2 ? rate(u[3], u[1]) : rate(u[3], u[2]))));
    expect(rateFindings(r).map((f) => f.msg.id)).toEqual(Array(6).fill('rate.mismatch-of'));
    const few = UNITS.slice(0, MIN_UNITS - 2);
    const s = await check(table(few, (u) => rate(u[3], u[2])));
    expect(rateFindings(s).map((f) => f.msg.id)).toEqual(Array(few.length + 1).fill('rate.mismatch-of'));
  });

  it('does not hide a slip elsewhere in the table: it is still localised', async () => {
    // The rate column over the wrong households, and Ea Súp's poor households typed 3.307 for 3.037 (sum fails).
    const csv = table(UNITS, (u) => rate(u[3], u[2])).replace('Huyện Ea Súp;20.357;7.283;3.037;', 'Huyện Ea Súp;20.357;7.283;3.307;');
    const r = await check(csv);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['sum D2', 'rate E2']);
    // Any poor-households cell could make the sum right; the digits of D7 look swapped: ranked first.
    expect(r.localisation.causes[0]).toMatchObject({ confidence: 'ranked', cells: [{ kind: 'transposition' }] });
    expect(r.localisation.causes[0]!.cells.map((c) => `${c.cell.ref}=${c.proposed}`)).toEqual(['D7=3037']);
  });
});

describe('a rate column rounded down (truncated) instead of rounded', () => {
  // The seed annex with every rate truncated (=ROUNDDOWN(…;2)) and the reductions the differences of those:
  // 5 start rates and 5 end rates are one hundredth short, the others are the same either way.
  const seed = readFileSync(new URL('../../fixtures/tuyen-quang-2020.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  const truncated = seed
    .replace(';- Đầu năm;%;11,80;9,31;9,26;1,01;15,08;16,03;29,56;36,03;', ';- Đầu năm;%;11,79;9,31;9,26;1,00;15,07;16,03;29,55;36,02;')
    .replace(';- Giảm trong năm;%;2,06;2,02;2,10;0,25;2,65;2,47;4,00;4,00;', ';- Giảm trong năm;%;2,06;2,03;2,11;0,25;2,64;2,47;4,00;3,99;')
    .replace(';- Cuối năm;%;9,74;7,29;7,16;0,76;12,43;13,56;25,56;32,03;', ';- Cuối năm;%;9,73;7,28;7,15;0,75;12,43;13,56;25,55;32,03;');

  it('is one error per column saying so, with no retyping proposed per cell (before: 10 errors, each with two-cell rewrites)', async () => {
    expect(truncated).not.toBe(seed);
    const r = await check(truncated);
    expect(rateFindings(r).map((f) => `${f.at?.ref} ${f.msg.id}`)).toEqual(['D8 rate.column', 'D10 rate.column']);
    expect(rateFindings(r)[0]!.msg.params).toMatchObject({ count: 5, first: 'D8', last: 'K8', roundedDown: '11.7993', expected: '11.80', actual: '11.79' });
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(r.localisation.status).toBe('clean');
    expect(renderMessage(rateFindings(r)[1]!.msg, makeFmt('vi'))).toContain('bị cắt bớt chữ số thập phân (làm tròn xuống) thay vì làm tròn, nên 5 tỷ lệ (từ ô D10 đến ô J10)');
    expect(renderMessage(rateFindings(r)[1]!.msg, makeFmt('en'))).toContain('rounded down (truncated) instead of rounded half-up, so 5 of them (D10 to J10)');
  });

  it('says "row" of a table with one row per indicator (the seed\'s annex), "column" of a table with one row per unit', async () => {
    const wide = rateFindings(await check(truncated))[0]!.msg;
    expect(wide.params).toMatchObject({ alongRow: true });
    expect(renderMessage(wide, makeFmt('vi'))).toMatch(/^Tỷ lệ hộ nghèo đầu năm: mọi tỷ lệ trên dòng đều là .* Cần làm tròn cả dòng .* Từng ô của dòng không/);
    expect(renderMessage(wide, makeFmt('en'))).toMatch(/every rate of the row is .* Round the row half-up/);
    const long = rateFindings(await check(table(UNITS, (u) => rate(u[3], u[2]))))[0]!.msg;
    expect(long.params).not.toHaveProperty('alongRow');
    expect(renderMessage(long, makeFmt('vi'))).toContain('tỷ lệ của cột (từ ô E2 đến ô E8)');
    expect(renderMessage(long, makeFmt('en'))).toContain('rates of the column (E2 to E8)');
  });

  it('is not folded when one rate of the column is neither (a slip beside the truncated ones)', async () => {
    const r = await check(truncated.replace(';- Đầu năm;%;11,79;9,31;9,26;', ';- Đầu năm;%;11,79;9,31;9,62;'));
    expect(rateFindings(r).map((f) => `${f.at?.ref} ${f.msg.id}`)).toContain('F8 rate.mismatch');
    expect(rateFindings(r).filter((f) => f.indicator === 'rate_start' && f.msg.id === 'rate.column')).toEqual([]);
  });
});
