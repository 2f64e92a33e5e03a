import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_MAX_UNITS, niceScale, rateChartData, rateChartSvg, type ChartTarget } from '../../src/render/svg-chart.js';
import { checkBytes, checkRecords, fixtures, ROOT } from '../helpers.js';

const seed = () => checkRecords(fixtures.wideRecords()).annex;

/** The seed plan's own targets: the province −2,06 points, the two poor districts −4 points or more. */
const SEED_TARGETS: ChartTarget[] = [
  { unit: 'total', indicator: 'rate_reduced', op: '>=', value: '2.06' },
  { unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' },
  { unit: 'lam binh', indicator: 'rate_reduced', op: '>=', value: '4' },
];

describe('rateChartData', () => {
  it('puts the total first, then the units by end rate, highest first', () => {
    const d = rateChartData(seed());
    expect(d.rows.map((r) => r.unit)).toEqual(['Toàn tỉnh', 'Lâm Bình', 'Na Hang', 'Chiêm Hóa', 'Hàm Yên', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang']);
    expect(d.rows[0]).toMatchObject({ isTotal: true, start: '11.80', end: '9.74', startComputed: false, endComputed: false });
    const ends = d.rows.slice(1).map((r) => Number(r.end));
    expect([...ends].sort((a, b) => b - a)).toEqual(ends);
  });

  it('places a reduction target on the end-rate scale (start − points) and says whether it is met', () => {
    const d = rateChartData(seed(), SEED_TARGETS);
    const naHang = d.rows.find((r) => r.unit === 'Na Hang')!;
    expect(naHang.targets).toEqual([
      { target: SEED_TARGETS[1], indicator: 'rate_reduced', at: '25.56', endOp: '<=', met: true },
    ]);
    expect(d.rows.find((r) => r.unit === 'Lâm Bình')!.targets[0]).toMatchObject({ at: '32.03', met: true });
    expect(d.rows[0]!.targets[0]).toMatchObject({ at: '9.74', met: true });
    expect(d.notDrawn).toEqual([]);
  });

  it('reports a missed end-rate target and lists the targets it cannot draw', () => {
    const targets: ChartTarget[] = [
      { unit: 'Chiêm Hóa', indicator: 'rate_end', op: '<=', value: '13' },
      { unit: 'Sơn Dương', indicator: 'poor_reduced', op: '>=', value: '1000' },
      { unit: 'Nowhere', indicator: 'rate_end', op: '<=', value: '5' },
    ];
    const d = rateChartData(seed(), targets);
    expect(d.rows.find((r) => r.unit === 'Chiêm Hóa')!.targets[0]).toMatchObject({ at: '13.00', endOp: '<=', met: false });
    expect(d.notDrawn).toEqual([targets[1], targets[2]]);
  });

  it('finds a target\'s unit through the configuration\'s unit aliases, as the shape stage keys it', () => {
    const annex = checkRecords(fixtures.wideRecords(), { unitAliases: new Map([['tp tuyen quang', 'Thành phố Tuyên Quang']]) }).annex;
    const targets: ChartTarget[] = [
      { unit: 'TP Tuyên Quang', indicator: 'rate_end', op: '<=', value: '1' },
      { unit: 'Thành phố Tuyên Quang', indicator: 'rate_end', op: '<=', value: '1' },
    ];
    const d = rateChartData(annex, targets);
    expect(d.notDrawn).toEqual([]);
    expect(d.rows.find((r) => r.unit === 'TP Tuyên Quang')!.targets.map((t) => t.target)).toEqual(targets);
  });

  it('draws a rate printed without a time beside a start rate as the end (Hải Dương 2022: 1,93 → 2,15)', () => {
    const annex = checkBytes(readFileSync(join(ROOT, 'fixtures/published/review-2022-hai-duong-province-rise-from-rates.csv'))).annex;
    expect(rateChartData(annex).rows[0]).toMatchObject({ unit: 'Toàn tỉnh', start: '1.93', end: '2.15' });
  });

  it('computes the rates from the counts when the table prints none', () => {
    const d = rateChartData(checkRecords(fixtures.wideRecords(fixtures.SEED, { rates: false })).annex);
    const city = d.rows.find((r) => r.unit === 'TP Tuyên Quang')!;
    expect(city).toMatchObject({ start: '1.01', end: '0.76', startComputed: true, endComputed: true });
  });

  it('marks a rate whose cell has a finding', () => {
    const d = rateChartData(seed(), [], (ref) => (ref === 'I10' ? 'error' : undefined));
    expect(d.rows.find((r) => r.unit === 'Chiêm Hóa')!.endMark).toBe('error');
  });
});

describe('niceScale', () => {
  it('covers the maximum with at most 8 round steps', () => {
    expect(niceScale(36.03)).toEqual({ max: 40, step: 5 });
    expect(niceScale(9.74)).toEqual({ max: 10, step: 2 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.2 });
    expect(niceScale(100)).toEqual({ max: 100, step: 20 });
  });
});

describe('rateChartSvg', () => {
  const svg = (lang: 'vi' | 'en', targets: ChartTarget[] = []) => rateChartSvg(rateChartData(seed(), targets), { lang, idPrefix: 'k' }).value;

  it('labels every bar with its value in the chosen number format', () => {
    const vi = svg('vi');
    expect(vi.match(/<rect [^>]*class="bar start"/g)).toHaveLength(8);
    expect(vi.match(/<rect [^>]*class="bar end"/g)).toHaveLength(8);
    for (const v of ['11,80', '9,74', '36,03', '32,03', '1,01', '0,76']) expect(vi).toContain(`>${v}</text>`);
    expect(svg('en')).toContain('>36.03</text>');
  });

  it('draws the units in sorted order, with their names as direct labels', () => {
    const names = [...svg('vi').matchAll(/class="unit[^"]*">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(['Toàn tỉnh', 'Lâm Bình', 'Na Hang', 'Chiêm Hóa', 'Hàm Yên', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang']);
  });

  it('draws a dashed target line per target, and none without targets', () => {
    expect(svg('vi')).not.toContain('class="target"');
    const withTargets = svg('vi', SEED_TARGETS);
    // one line per target, plus the legend's
    expect(withTargets.match(/<line [^>]*class="target"[^>]*stroke-dasharray/g)).toHaveLength(4);
    expect(withTargets).toContain('Mục tiêu: giảm ≥ 4 điểm');
    expect(withTargets).toContain('→ cuối năm ≤ 25,56%: ✔ đạt');
    expect(svg('en', SEED_TARGETS)).toContain('→ end ≤ 25.56 %: ✔ met');
  });

  it('uses a hatch pattern for the start and a solid fill for the end (black-and-white print)', () => {
    const s = svg('vi');
    expect(s).toContain('<pattern id="k-hatch"');
    expect(s).toMatch(/<rect [^>]*fill="url\(#k-hatch\)"[^>]*class="bar start"/);
    expect(s).toMatch(/<rect [^>]*fill="#1f3b73"[^>]*class="bar end"/);
  });

  it('is an accessible image with a title and a textual description', () => {
    const s = svg('en');
    expect(s).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="k-title k-desc"/);
    expect(s).toContain('<desc id="k-desc">Toàn tỉnh: 11.80 → 9.74; Lâm Bình: 36.03 → 32.03;');
  });

  it('escapes unit names', () => {
    const records = fixtures.wideRecords(fixtures.SEED, { units: ['Toàn tỉnh', '<script>alert(1)</script>', ...fixtures.UNITS.slice(2)] });
    const s = rateChartSvg(rateChartData(checkRecords(records).annex), { lang: 'vi' }).value;
    expect(s).not.toContain('<script>');
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says so when there is nothing to draw', () => {
    expect(rateChartSvg({ rows: [], notDrawn: [], omitted: ['A'], point: false }, { lang: 'en' }).value).toContain('The table has no poverty rates');
  });
});

describe('rateChartData: tables of other shapes', () => {
  const csv = (lines: string[]) => checkBytes(new TextEncoder().encode(lines.join('\n'))).annex;

  it('draws a review\'s rate at a point in time as its one series, under its own title and legend', () => {
    const annex = checkBytes(new Uint8Array(readFileSync(join(ROOT, 'fixtures/shapes/levels.csv')))).annex;
    const d = rateChartData(annex);
    expect(d.point).toBe(true);
    expect(d.rows.map((r) => [r.unit, r.start, r.end])[0]).toEqual(['Toàn tỉnh', undefined, '16.97']);
    expect(d.omitted).toEqual([]);
    const svg = String(rateChartSvg(d, { lang: 'vi' }));
    expect(svg).toContain('<title id="chart-title">Tỷ lệ hộ nghèo theo đơn vị</title>');
    expect(svg).not.toContain('Đầu năm');
    expect(svg).not.toContain('không có tỷ lệ');
    expect(svg).toContain('Các đơn vị xếp theo tỷ lệ hộ nghèo, cao nhất ở trên; dòng đầu là đơn vị tổng.');
  });

  it('tells a name drawn twice apart by its parent, and does not call the first row the total when it is not', () => {
    const annex = checkBytes(new Uint8Array(readFileSync(join(ROOT, 'fixtures/published/review-2022-binh-dinh-urban-rural.csv')))).annex;
    const d = rateChartData(annex);
    const anLao = d.rows.filter((r) => r.unit === 'Huyện An Lão').map((r) => r.within);
    expect(anLao.sort()).toEqual(['Khu vực nông thôn', 'Khu vực thành thị']);
    expect(d.rows.find((r) => r.unit === 'Khu vực thành thị')!.within).toBeUndefined();
    const svg = String(rateChartSvg(d, { lang: 'en' }));
    expect(svg).toContain('Huyện An Lão (Khu vực thành thị)');
    expect(svg).toContain('Units sorted by poverty rate, highest first.');
  });

  it(`draws at most ${CHART_MAX_UNITS} units: the top level of a nested table, else the highest rates, and says so`, () => {
    const flat = ['Đơn vị;Số hộ nghèo;Tổng số hộ;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;5050;100000;5,05', ...Array.from({ length: 100 }, (_, i) => `Xã ${i + 1} Tân;${i + 1};1000;${((i + 1) / 10).toFixed(2).replace('.', ',')}`)];
    const d = rateChartData(csv(flat));
    expect(d.limited).toEqual({ shown: CHART_MAX_UNITS, of: 100, how: 'highest' });
    expect(d.rows).toHaveLength(CHART_MAX_UNITS + 1);
    expect(d.rows[1]!.unit).toBe('Xã 100 Tân');
    expect(d.rows.at(-1)!.unit).toBe(`Xã ${100 - CHART_MAX_UNITS + 1} Tân`);
    expect(String(rateChartSvg(d, { lang: 'vi' }))).toContain(`Biểu đồ chỉ vẽ ${CHART_MAX_UNITS} đơn vị có tỷ lệ cao nhất (trong 100 đơn vị của bảng)`);

    const nested = ['Đơn vị;Số hộ nghèo;Tổng số hộ;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;100;4000;2,50'];
    for (let h = 1; h <= 4; h++) {
      nested.push(`Huyện ${h} Bắc;25;1000;2,50`);
      for (let x = 1; x <= 20; x++) nested.push(`Xã ${h}.${x} Đông;${x === 1 ? 25 : 0};50;${x === 1 ? '50,00' : '0,00'}`);
    }
    const n = rateChartData(csv(nested));
    expect(n.limited).toEqual({ shown: 4, of: 84, how: 'top-level' });
    expect(n.rows.map((r) => r.unit)).toEqual(['Toàn tỉnh', 'Huyện 1 Bắc', 'Huyện 2 Bắc', 'Huyện 3 Bắc', 'Huyện 4 Bắc']);
  });

  it('names at most twelve units without a rate and counts the rest', () => {
    const lines = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;20;', ...Array.from({ length: 20 }, (_, i) => `Xã ${i + 1} Nam;1;`)];
    const d = rateChartData(csv(lines));
    expect(d.omitted).toHaveLength(21);
    const svg = String(rateChartSvg(d, { lang: 'en' }));
    expect(svg).toContain('Xã 11 Nam and 9 other units.');
  });
});
