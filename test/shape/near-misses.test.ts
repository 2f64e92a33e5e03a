/**
 * Tables read right before this session's new readings and that must still read right (found by a helper's
 * regression hunt against 7b3395f): place names with a target's word, a split by Kinh and the ethnic minorities, a
 * dashed "of which" under a dashed figure, a district whose name starts with `Huyện nghèo`, one mistyped decimal mark
 * in a table of units by year, units listed under a `Chỉ tiêu` header with years as columns.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('near misses of the new readings', () => {
  it('Huyện Giao Thủy is a unit, not a plan column (giao: assigned)', async () => {
    const r = await check('Chỉ tiêu;ĐVT;Toàn tỉnh;Huyện Giao Thủy;Huyện Hải Hậu\nTổng số hộ;Hộ;30.000;20.000;10.000\nSố hộ nghèo;Hộ;1.500;950;600\nTỷ lệ hộ nghèo;%;5,00;4,50;6,00\n');
    expect(problems(r)).toEqual(['error sum C3', 'error rate D4']);
  });

  it('Kinh beside the ethnic minorities: a split that adds up to the total', async () => {
    const r = await check('Đối tượng;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;10.000;1.300;13,00\nHộ dân tộc Kinh;6.000;300;5,00\nHộ dân tộc thiểu số;4.000;900;22,50\n');
    expect(problems(r)).toEqual(['error sum C2']);
  });

  it('a dashed "Trong đó" under a dashed figure is of which it', async () => {
    const r = await check('Chỉ tiêu;Số hộ\n- Số hộ nghèo;1.000\n- Trong đó: hộ nghèo dân tộc thiểu số;600\n- Số hộ cận nghèo;800\n- Trong đó: hộ cận nghèo dân tộc thiểu số;500\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('of-which');
  });

  it('Huyện nghèo Nậm Pồ is a place, added up with the others', async () => {
    const r = await check('Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;30.000;6.000;20,00\nHuyện Mường Nhé (huyện nghèo);10.000;4.000;40,00\nHuyện nghèo Nậm Pồ;10.000;1.500;15,00\nHuyện Điện Biên;10.000;500;5,00\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
  });

  it('units by year with one mark mistyped: read, the mark a number finding at its cell', async () => {
    const r = await check('Tỉnh;2018;2019;2020\nHà Giang;23,5;18,1;15,0\nCao Bằng;20,1;17.0;14,2\nLai Châu;25,3;21,4;17,9\n');
    expect(r.annex?.layout).toBe('long');
    expect(problems(r)).toEqual(['error number C3']);
  });

  it('units under a Chỉ tiêu header with years as columns are units', async () => {
    const r = await check('Tỷ lệ hộ nghèo phân theo huyện (%);;;\nChỉ tiêu;2020;2021;2022\nHuyện A;12,5;10,2;8,1\nHuyện B;14,0;11,9;9,3\n');
    expect([...r.annex!.units].map((u) => u.name)).toEqual(['Huyện A', 'Huyện B']);
  });
});
