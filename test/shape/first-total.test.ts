/**
 * The first unit as the total where no unit is named so (shape/structure.ts outranksTheRest, shape/first-total.ts):
 * by its name's level above every place after it (`Thành phố Hà Nội` over its `Quận …`, `Huyện Đakrông` over its
 * areas and `Xã …`), or, in a flat list, by its figures being the others' sums in two count indicators or more.
 * Never a district-level `Thành phố` among districts, nor a first row that does not add up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape, type ShapeOptions } from '../../src/shape/index.js';
import { checkShaped } from '../../src/check-grid.js';
import { validateFile } from '../../src/pipeline.js';
import { firstAsSum } from '../../src/shape/first-total.js';
import type { Finding } from '../../src/model/finding.js';
import { ROOT } from '../helpers.js';

const HEAD = 'Đơn vị;Tổng số hộ đầu năm;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%)';
const table = (...rows: string[]) => `\uFEFF${[HEAD, ...rows].join('\n')}\n`;
/** Shaped from a grid (a workbook's way). */
const shaped = (csv: string, opts: ShapeOptions = {}) => shape(gridFromBytes(Buffer.from(csv)), opts);
/** Validated from a file (a delimited file's way: its rows read into the column store). */
const dir = mkdtempSync(join(tmpdir(), 'povcheck-first-total-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const validated = async (csv: string) => {
  const file = join(dir, `t${files++}.csv`);
  writeFileSync(file, csv);
  return validateFile(file);
};
const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`);
const ids = (findings: readonly Finding[]) => findings.map((f) => f.msg.id);

// Hà Nội's figures here are made up; they add up where a test says so.
const HA_NOI = ['Thành phố Hà Nội;45.300;1.520;3,36', 'Quận Ba Đình;20.100;300;1,49', 'Huyện Sóc Sơn;15.200;900;5,92', 'Thị xã Sơn Tây;10.000;320;3,20'];

describe('the first unit named at a higher level than every unit after it', () => {
  it('a centrally-run city over its districts is the total (it only headed them), in a grid and in a delimited file', async () => {
    const csv = table(...HA_NOI);
    expect(shaped(csv).annex.total?.name).toBe('Thành phố Hà Nội');
    const r = await validated(csv);
    expect(r.annex?.total?.name).toBe('Thành phố Hà Nội');
    expect(errors(r.findings)).toEqual([]);
    expect(r.coverage?.ran).toContain('sum');
    // No info: the names say it, as `Toàn tỉnh` does.
    expect(ids(r.findings)).not.toContain('sum.total-by-sums');
    const slipped = await validated(table(...HA_NOI.map((row) => row.replace('Quận Ba Đình;20.100', 'Quận Ba Đình;20.110'))));
    expect(errors(slipped.findings)).toEqual(['sum B2']);
  });

  it('TP. Hồ Chí Minh over its quận, a district-level Thành phố and a huyện; a province over its city, town and districts', () => {
    const hcm = table('TP. Hồ Chí Minh;60.000;600;1,00', 'Quận 1;10.000;100;1,00', 'Thành phố Thủ Đức;30.000;300;1,00', 'Huyện Củ Chi;20.000;200;1,00');
    expect(shaped(hcm).annex.total?.name).toBe('TP. Hồ Chí Minh');
    const quangTri = table('Tỉnh Quảng Trị;40.000;4.000;10,00', 'Thành phố Đông Hà;20.000;500;2,50', 'Thị xã Quảng Trị;5.000;200;4,00', 'Huyện Đakrông;15.000;3.300;22,00');
    expect(shaped(quangTri).annex.total?.name).toBe('Tỉnh Quảng Trị');
  });

  it('a district over its communes and township; Huế (a centrally-run city since 2025) over its wards', () => {
    expect(shaped(table('Huyện Sóc Sơn;15.200;900;5,92', 'Xã Phù Linh;5.200;400;7,69', 'Thị trấn Sóc Sơn;10.000;500;5,00')).annex.total?.name).toBe('Huyện Sóc Sơn');
    expect(shaped(table('Thành phố Huế;30.000;300;1,00', 'Phường Thuận Hóa;10.000;100;1,00', 'Phường Phú Xuân;20.000;200;1,00')).annex.total?.name).toBe('Thành phố Huế');
  });

  it('Đakrông 2019 (a district, its two areas, six of its communes) without `--total first`', async () => {
    const r = await validateFile(join(ROOT, 'fixtures', 'published', 'review-2019-dakrong-district-blocks-communes-reductions.csv'));
    expect(r.annex?.total?.name).toBe('Huyện Đakrông');
    const areas = [...r.annex!.units].filter((u) => u.name.startsWith('Khu vực'));
    expect(areas.map((u) => u.parent)).toEqual([r.annex!.total!.id, r.annex!.total!.id]);
  });

  it('never a district-level Thành phố among districts, even where its figures happen to be their sums', async () => {
    // Thành phố Tuyên Quang's figures are the three districts' sums here: the names still say peers.
    const csv = table('Thành phố Tuyên Quang;45.300;1.520;3,36', 'Huyện Sơn Dương;20.100;300;1,49', 'Huyện Yên Sơn;15.200;900;5,92', 'Huyện Na Hang;10.000;320;3,20');
    expect(shaped(csv).annex.total).toBeUndefined();
    const r = await validated(csv);
    expect(r.annex?.total).toBeUndefined();
    expect(r.coverage?.ran).not.toContain('sum');
  });

  it('nor a city over its wards followed by a district of its own level, nor a province followed by another', () => {
    expect(shaped(table('Thành phố Tuyên Quang;20.000;200;1,00', 'Phường Tân Quang;10.000;100;1,00', 'Phường Minh Xuân;10.000;100;1,00', 'Huyện Na Hang;10.000;2.000;20,00', 'Xã Yên Hoa;10.000;2.000;20,00')).annex.total).toBeUndefined();
    expect(shaped(table(...HA_NOI, 'Tỉnh Bắc Ninh;10.000;100;1,00', 'Huyện Quế Võ;10.000;100;1,00')).annex.total).toBeUndefined();
    // A name without its level word leaves the nesting a guess (these figures do not add up: nothing else says so).
    expect(shaped(table('Thành phố Hà Nội;45.000;1.520;3,38', 'Quận Ba Đình;20.100;300;1,49', 'Sóc Sơn;15.200;900;5,92')).annex.total).toBeUndefined();
  });

  it('not when the table is shaped for the calculator (`totalPolicy: none`: table and plan find their own)', () => {
    expect(shaped(table(...HA_NOI), { totalPolicy: 'none' }).annex.total).toBeUndefined();
  });
});

describe('the first unit of a flat list whose figures are the others\' sums', () => {
  // Hà Nội's districts named without their level word: the names say nothing of the nesting.
  const PLAIN = ['Thành phố Hà Nội;45.300;1.520;3,36', 'Ba Đình;20.100;300;1,49', 'Sóc Sơn;15.200;900;5,92', 'Sơn Tây;10.000;320;3,20'];

  it('is the total, and an info says why', async () => {
    for (const r of [checkShaped(shaped(table(...PLAIN))), await validated(table(...PLAIN))]) {
      expect(r.annex!.total?.name).toBe('Thành phố Hà Nội');
      const info = r.findings.find((f) => f.msg.id === 'sum.total-by-sums')!;
      expect(info).toMatchObject({ severity: 'info', at: { ref: 'A2' }, msg: { params: { unit: 'Thành phố Hà Nội', count: 3, indicators: ['households_start', 'poor_start'] } } });
      expect(errors(r.findings)).toEqual([]);
      expect(r.coverage!.ran).toContain('sum');
    }
  });

  it('with a slip in a third count, the two that add up make it the total and the third is the error', async () => {
    const head = 'Đơn vị;Tổng số hộ đầu năm;Số hộ nghèo đầu năm;Số hộ cận nghèo';
    const rows = ['Quảng Trị;45.300;1.520;2.100', 'Đông Hà;20.100;300;700', 'Hướng Hóa;15.200;900;1.000', 'Đakrông;10.000;320;410'];
    const r = await validated(`\uFEFF${[head, ...rows].join('\n')}\n`);
    expect(r.annex?.total?.name).toBe('Quảng Trị');
    expect(errors(r.findings)).toEqual(['sum D2']);
  });

  it('is left a peer when it does not add up, or adds up in one count only', async () => {
    const peer = await validated(table('Sơn Dương;30.100;3.300;10,96', 'Yên Sơn;15.200;1.900;12,50', 'Hàm Yên;10.000;2.320;23,20'));
    expect(peer.annex?.total).toBeUndefined();
    expect(ids(peer.findings)).not.toContain('sum.total-by-sums');
    // Households add up, the poor do not (1.530 against 1.520): one count either way is no evidence.
    const oneOfTwo = await validated(table(...PLAIN.map((row) => row.replace('45.300;1.520', '45.300;1.530'))));
    expect(oneOfTwo.annex?.total).toBeUndefined();
    // One count column only: 1.520 = 300 + 900 + 320 could be chance.
    const oneCount = shaped(`\uFEFF${['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Hà Nội;1.520;3,36', 'Ba Đình;300;1,49', 'Sóc Sơn;900;5,92', 'Sơn Tây;320;3,20'].join('\n')}\n`);
    expect(oneCount.annex.total).toBeUndefined();
  });

  it('needs two counts with different non-zero totals and more agreeing than not', () => {
    const of = (rows: number[][]) => firstAsSum(rows.length, ['households_start', 'poor_start', 'poor_end'], (u, ind) => {
      const v = rows[u]![['households_start', 'poor_start', 'poor_end'].indexOf(ind)];
      return v === undefined || Number.isNaN(v) ? undefined : { scaled: v, decimals: 0 };
    });
    expect(of([[30, 6, 5], [10, 2, 2], [20, 4, 3]])).toEqual(['households_start', 'poor_start', 'poor_end']);
    expect(of([[30, 6, 9], [10, 2, 2], [20, 4, 3]])).toEqual(['households_start', 'poor_start']);
    // Zeros add up to anything's zero; one total twice (two columns alike) is one piece of evidence.
    expect(of([[30, 0, 0], [10, 0, 0], [20, 0, 0]])).toBeUndefined();
    expect(of([[30, 30, 7], [10, 10, 2], [20, 20, 3]])).toBeUndefined();
    // Two agree, two would not be more than one that does not: [30, 6, 9] above; here one agrees, one does not.
    expect(of([[30, 7, NaN], [10, 2, 2], [20, 4, 3]])).toBeUndefined();
    // Two units only: the first and one more are never a total and its list.
    expect(of([[10, 2, 2], [10, 2, 2]])).toBeUndefined();
  });

  it('not where the first is named at the level of a unit after it, nor when `--total` names another', () => {
    const csv = table('Thành phố Tuyên Quang;45.300;1.520;3,36', 'Sơn Dương;20.100;300;1,49', 'Yên Sơn;15.200;900;5,92', 'Thị xã Phú Thọ;10.000;320;3,20');
    expect(shaped(csv).annex.total).toBeUndefined();
    expect(shaped(table(...PLAIN), { totalName: 'Sơn Tây' }).annex.total?.name).toBe('Sơn Tây');
  });
});
