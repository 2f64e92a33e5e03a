/**
 * Groups picked out by a trait overlap and leave the rest out (the ethnic minorities, the poor districts, people of
 * merit): "of which" a total, never parts that add up to it or bound its rate. Found by a helper on national tables
 * (4 false errors); each case also fails without its change.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('groups named by a trait', () => {
  it('units after a total (Cả nước, Hộ dân tộc thiểu số, 74 huyện nghèo): "of which", no rate-mean bound', async () => {
    const r = await check('Đối tượng;Tỷ lệ hộ nghèo (%)\nCả nước;4,03\nHộ dân tộc thiểu số;21,02\n74 huyện nghèo;38,62\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('rate-mean');
    expect([...r.annex!.units].map((u) => u.role ?? '-')).toEqual(['-', 'of-which', 'of-which']);
    // Of which compares counts: with rates alone it has nothing to run on, and is not listed as not run.
    expect(r.coverage.notRun.map((n) => n.check)).not.toContain('of-which');
  });

  it('a place named with a note is a place (Huyện Mường Nhé (huyện nghèo)); a group without a total above it is a unit', async () => {
    const r = await check('Đơn vị;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;20,00\nHuyện Mường Nhé (huyện nghèo);38,62\nHuyện Điện Biên;10,00\n');
    expect(r.coverage.ran).toContain('rate-mean');
    const alone = await check('Đối tượng;Tỷ lệ hộ nghèo năm 2021 (%);Tỷ lệ hộ nghèo năm 2022 (%);Giảm (%)\nHộ dân tộc thiểu số;25,91;21,02;4,89\n');
    expect(problems(alone)).toEqual([]);
    expect(alone.coverage.ran).toContain('rate-change');
  });

  it('dash rows: the ethnic minorities beside the income and deprivation split are "of which"; the split adds up', async () => {
    const rows = 'Chỉ tiêu;Số hộ\nTổng số hộ nghèo;1.642.489\n- Hộ nghèo dân tộc thiểu số;864.931\n- Hộ nghèo về thu nhập;1.429.280\n- Hộ nghèo thiếu hụt tiếp cận các dịch vụ xã hội cơ bản;213.209\n';
    const r = await check(rows);
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['breakdown', 'of-which']));
    expect(problems(await check(rows.replace('213.209', '231.209')))).toEqual(['error breakdown B2']);
  });

  it('a dash row is not the parent of its dash siblings (a total not read above them)', async () => {
    const r = await check('Chỉ tiêu;Số hộ\nTổng cộng, cả nước có;1.642.489\n- Hộ nghèo dân tộc thiểu số;864.931\n- Hộ nghèo về thu nhập;1.429.280\n');
    expect(problems(r).filter((p) => p.startsWith('error'))).toEqual([]);
  });
});

describe('a fall printed beside two years\' rates', () => {
  it('is checked where both rates are printed, and skipped at its blank cells where not; no table-wide "no start rate"', async () => {
    const r = await check('Đối tượng;Tỷ lệ hộ nghèo năm 2021 (%);Tỷ lệ hộ nghèo năm 2022 (%);Giảm (%)\nCả nước;;4,03;1,17\nHộ dân tộc thiểu số;25,91;21,02;5,89\n');
    expect(problems(r)).toEqual(['error rate-change D3']);
    expect(r.skipped.map((s) => `${s.rule} ${s.unit ?? '-'} ${s.msg.id}`)).toEqual(['rate-change Cả nước skip.bad-value']);
  });
});
