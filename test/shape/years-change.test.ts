/**
 * Indicators as rows, two years as columns and the fall between them last (`Chỉ tiêu | Năm 2021 (%) | Năm 2022 (%) |
 * Giảm (%)`, national and provincial reports). The columns were three units, nothing was checked (exit 2), a wrong
 * fall passed; a year with a unit of measure after it (`Năm 2021 (%)`) was no year; one such row was "cannot be
 * read". The fall is each row's change between the two years, checked as a row of falls is (rate-change, flow).
 */
import { describe, expect, it } from 'vitest';
import { plainYearOf, yearChange, yearsOnly } from '../../src/shape/years.js';
import { withoutYearMark } from '../../src/shape/words.js';
import { checkCsv as check, problemsOf } from '../helpers.js';

const HEAD = 'Chỉ tiêu;Năm 2021 (%);Năm 2022 (%);Giảm (%)';

describe('a year with a unit of measure after it', () => {
  it('is the year', () => {
    for (const t of ['Năm 2021 (%)', '2021 (%)', 'Năm 2021 (hộ)', 'Năm 2021 (điểm %)']) expect(plainYearOf(t), t).toBe('2021');
    expect(withoutYearMark('2021 (ước) (%)')).toBe('2021');
    expect(yearsOnly(['Năm 2021 (%)', 'Năm 2022 (%)'])).toBe(true);
  });

  it('reads two such columns as years, not as units', async () => {
    const r = await check(['Chỉ tiêu;Năm 2021 (%);Năm 2022 (%)', 'Tỷ lệ hộ nghèo;5,20;4,03', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02'].join('\n'));
    expect(r.annex.units.length).toBe(1);
    expect(r.annex.indicators).toContain('rate@2021');
  });
});

describe('the heading of the fall between two years', () => {
  it('is a fall, in points or in households, against the year it names', () => {
    expect(yearChange('Giảm')).toEqual({});
    expect(yearChange('Giảm (%)')).toEqual({ measure: 'rate' });
    expect(yearChange('Mức giảm (điểm %)')).toEqual({ measure: 'rate' });
    expect(yearChange('Giảm (hộ)')).toEqual({ measure: 'count' });
    expect(yearChange('Giảm so với năm 2021')).toEqual({ since: '2021' });
  });

  it('is not a rise, a change of either sign, a comparison, a population or an average', () => {
    for (const t of ['Tăng', 'Tăng (%)', 'Tăng/giảm', 'Tăng (+), giảm (-)', 'Chênh lệch', 'So sánh (%)', 'Mức giảm tỷ lệ hộ nghèo', 'Giảm bình quân (%/năm)', 'Chỉ tiêu giao (%)'])
      expect(yearChange(t), t).toBeUndefined();
  });
});

describe('indicators as rows, two years and the fall between them', () => {
  it('checks each row\'s fall as the earlier rate less the later, at the fall\'s cell', async () => {
    const r = await check([HEAD, 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều;5,20;4,03;1,71', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02;4,89'].join('\n'));
    expect(r.annex.units.length).toBe(1);
    expect(problemsOf(r)).toEqual(['error rate-change D2']);
    const f = r.findings.find((x) => x.rule === 'rate-change')!;
    expect([f.expected, f.actual, f.indicator]).toEqual(['1.17', '1.71', 'rate_reduced']);
  });

  it('the ethnic-minority rate\'s fall too', async () => {
    const r = await check([HEAD, 'Tỷ lệ hộ nghèo;5,20;4,03;1,17', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02;4,98'].join('\n'));
    expect(problemsOf(r)).toEqual(['error rate-change D3']);
  });

  it('one such row is read as two are (a table of one place, its name in no title)', async () => {
    const r = await check([HEAD, 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều (cả nước);5,20;4,03;1,71'].join('\n'));
    expect(problemsOf(r)).toEqual(['error rate-change D2']);
    const ok = await check(['Chỉ tiêu;Năm 2021;Năm 2022;Giảm', 'Tỷ lệ hộ nghèo (%);5,20;4,03;1,17'].join('\n'));
    expect(problemsOf(ok)).toEqual([]);
    expect(ok.coverage.ran).toContain('rate-change');
  });

  it('a count\'s fall is the difference of the counts (flow), the unit the title names', async () => {
    const r = await check(['Chỉ tiêu toàn tỉnh;;;', 'Chỉ tiêu;Năm 2021;Năm 2022;Giảm', 'Số hộ nghèo (hộ);20.100;17.600;2.600', 'Tỷ lệ hộ nghèo (%);10,05;8,61;1,44'].join('\n'));
    expect(r.annex.total?.name).toBe('Toàn tỉnh');
    expect(problemsOf(r)).toEqual(['error flow C3']);
  });

  it('a fall against the year its heading names, between two years that are not consecutive', async () => {
    const r = await check(['Chỉ tiêu;Năm 2019;Năm 2022;Giảm so với năm 2019', 'Tỷ lệ hộ nghèo (%);10,05;8,61;1,45'].join('\n'));
    expect(problemsOf(r)).toEqual(['error rate-change D2']);
  });

  it('a relative fall of a count (`Giảm (%)` beside households) is not read as its fall: reported, not checked', async () => {
    const r = await check(['Chỉ tiêu;Năm 2021 (hộ);Năm 2022 (hộ);Giảm (%)', 'Số hộ nghèo;20.100;17.600;12,44'].join('\n'));
    expect(problemsOf(r)).toEqual(['warning unknown D1']);
    expect(r.annex.units.length).toBe(1);
  });

  it('a rise, a change of either sign and a fall beside three years are reported, the years still years', async () => {
    for (const [head, at] of [
      ['Chỉ tiêu;Năm 2021;Năm 2022;Tăng (%)', 'D1'],
      ['Chỉ tiêu;Năm 2021;Năm 2022;Chênh lệch', 'D1'],
      ['Chỉ tiêu;Năm 2021;Năm 2022;Tăng/giảm', 'D1'],
    ]) {
      const r = await check([head, 'Tỷ lệ hộ nghèo (%);10,05;8,61;-1,44', 'Tỷ lệ hộ cận nghèo (%);5,05;4,61;-0,44'].join('\n'));
      expect(problemsOf(r), head).toEqual([`warning unknown ${at}`]);
      expect(r.annex.units.length, head).toBe(1);
    }
    const three = await check(['Chỉ tiêu;2020;2021;2022;Giảm', 'Tỷ lệ hộ nghèo (%);11,00;10,05;8,61;1,44', 'Tỷ lệ hộ cận nghèo (%);5,05;4,61;4,00;0,61'].join('\n'));
    expect(problemsOf(three)).toEqual(['warning unknown E1']);
    expect(three.annex.indicators).not.toContain('rate_reduced');
  });

  it('a plan beside the years and the fall (the published table) keeps the years', async () => {
    const r = await check([`${HEAD};Chỉ tiêu giao (%)`, 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều (cả nước);;4,03;1,17;1-1,5', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02;4,89;hơn 3'].join('\n'));
    expect(problemsOf(r)).toEqual(['warning unknown E1']);
    expect(r.coverage.ran).toContain('rate-change');
    const wrong = await check([`${HEAD};Chỉ tiêu giao (%)`, 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều (cả nước);;4,03;1,17;1-1,5', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02;4,98;hơn 3'].join('\n'));
    expect(problemsOf(wrong)).toEqual(['error rate-change D3', 'warning unknown E1']);
  });
});
