/**
 * A table whose counts group thousands with "." (`390.519`) while its rates take "." as the decimal mark
 * (`10.51`), as Phú Thọ's 2016 review prints it (shape/numbers.ts `mixedFormat`): each cell is read the one
 * way it can be, in either layout and at any length (a long table's later rows are stored as they arrive in
 * the counts' format; its rates wait for theirs).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCsv, problemsOf } from '../helpers.js';
import { causeLines } from '../../src/reporters/causes.js';
import { makeFmt } from '../../src/messages/index.js';

const units = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const households = 10_000 + i * 7;
    const poor = 1_000 + i;
    return { name: `Xã Số ${i + 1}`, households, poor, rate: rateOf(poor, households) };
  });

/** count / households × 100 rounded half-up to two decimals (exact integer arithmetic), with a decimal point. */
function rateOf(count: number, households: number): string {
  const scaled = Math.floor((2 * count * 10_000 + households) / (2 * households));
  return `${Math.floor(scaled / 100)}.${String(scaled % 100).padStart(2, '0')}`;
}

const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

function longCsv(n: number): string {
  const list = units(n);
  const sum = (k: 'households' | 'poor') => list.reduce((a, u) => a + u[k], 0);
  const total = { name: 'Toàn tỉnh', households: sum('households'), poor: sum('poor') };
  const totalRate = rateOf(total.poor, total.households);
  return ['Đơn vị,Tổng số hộ,Số hộ nghèo,Tỷ lệ hộ nghèo (%)', `${total.name},${vi(total.households)},${vi(total.poor)},${totalRate}`, ...list.map((u) => `${u.name},${vi(u.households)},${vi(u.poor)},${u.rate}`)].join('\n');
}

describe('counts grouped with "." beside rates with a decimal point', () => {
  it.each([3, 400])('a long table of %i units: no error, one note, every check run', async (n) => {
    const r = await checkCsv(longCsv(n));
    expect(problemsOf(r)).toEqual([]);
    expect(r.findings.filter((f) => f.msg.id === 'number.mixed-format')).toHaveLength(1);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'rate']));
    expect(r.annex.rateLocale).toBe('en');
  });

  it('a slip in a later row of a long table is found at its cell', async () => {
    const csv = longCsv(400).split('\n');
    csv[350] = csv[350]!.replace(/,(\d+)\.(\d)(\d)$/, (_m, a: string, b: string, c: string) => `,${a}.${c}${b}`);
    const r = await checkCsv(csv.join('\n'));
    expect(problemsOf(r)).toEqual(['error rate D351']);
  });

  it('a rate with a decimal comma in a later row of a long table is a number error there (the rows stored as they arrive)', async () => {
    const csv = longCsv(400).split('\n');
    csv[350] = csv[350]!.replace(/,(\d+)\.(\d\d)$/, ',"$1,$2"');
    const r = await checkCsv(csv.join('\n'));
    expect(problemsOf(r)).toEqual(['error number D351']);
  });

  it('in a table of indicator rows too', async () => {
    const r = await checkCsv('Chỉ tiêu,Toàn tỉnh,Huyện A,Huyện B\nTổng số hộ,390.519,55.518,335.001\nSố hộ nghèo,41.050,707,40.343\nTỷ lệ hộ nghèo (%),10.51,1.27,12.04');
    expect(problemsOf(r)).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'rate']));
    expect(r.annex.rateLocale).toBe('en');
  });

  it('counts grouped with "," beside rates with a decimal comma, the other way round', async () => {
    const r = await checkCsv('Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;390,519;41,050;10,51\nHuyện A;55,518;707;1,27\nHuyện B;335,001;40,343;12,04');
    expect(problemsOf(r)).toEqual([]);
    expect([r.annex.locale, r.annex.rateLocale]).toEqual(['en', 'vi']);
  });

  it('a file of one format is not mixed: its one rate with a point is still the error it was', async () => {
    const r = await checkCsv('Đơn vị,Tổng số hộ,Số hộ nghèo,Tỷ lệ hộ nghèo (%)\nToàn tỉnh,390.519,41.050,"10,51"\nHuyện A,55.518,707,1.27\nHuyện B,335.001,40.343,"12,04"');
    expect(problemsOf(r)).toEqual(['error number D3']);
    expect(r.annex.rateLocale).toBeUndefined();
  });
});

describe('--locale given against the cells', () => {
  const shapeGiven = (csv: string, locale: 'vi' | 'en') => checkCsv(csv, { locale });
  const given = (r: Awaited<ReturnType<typeof shapeGiven>>) => r.findings.filter((f) => f.msg.id === 'number.locale-given').map((f) => [f.severity, f.msg.params]);

  it('is one warning naming a cell that reads the other way, in a long table however long', async () => {
    const vi = longCsv(400).replace(/(\d)\.(\d\d)$/gm, '"$1,$2"');
    expect(given(await shapeGiven(vi, 'en'))).toEqual([['warning', { given: 'en', read: 'vi', cell: 'B2' }]]);
    expect(given(await shapeGiven(vi, 'vi'))).toEqual([]);
  });

  it('in a table of indicator rows, and for the rates alone of a mixed table', async () => {
    const wide = 'Chỉ tiêu;Toàn tỉnh;Huyện A\nTổng số hộ;390.519;55.518\nSố hộ nghèo;41.050;707\nTỷ lệ hộ nghèo (%);10,51;1,27';
    expect(given(await shapeGiven(wide, 'en'))).toEqual([['warning', { given: 'en', read: 'vi', cell: 'B2' }]]);
    expect(given(await shapeGiven(longCsv(3), 'vi'))).toEqual([['warning', { given: 'vi', read: 'en', cell: 'D2', kinds: 'rate' }]]);
  });

  it('the causes line then says so, not that several cells are probably wrong (the seed read with --locale en)', async () => {
    const seed = readFileSync(new URL('../../fixtures/tuyen-quang-2020.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
    const r = await shapeGiven(seed, 'en');
    expect(r.localisation?.status).toBe('none');
    const plain = { bold: (x: string) => x, dim: (x: string) => x } as never;
    expect(causeLines(r.localisation, r.findings, 'en', makeFmt('en'), plain)[0]).toContain('read with --locale en, against the way the file writes them (see the warning about D2)');
    expect(causeLines(r.localisation, r.findings, 'vi', makeFmt('vi'), plain)[0]).toContain('hãy chạy lại không có --locale');
  });

  it('says nothing when the cells tell nothing (plain numbers)', async () => {
    expect(given(await shapeGiven('Đơn vị,Số hộ nghèo\nToàn tỉnh,300\nA,100\nB,200', 'en'))).toEqual([]);
  });
});
