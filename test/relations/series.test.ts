/**
 * A series by year (years as rows, or as columns): the net reduction of year Y is last year's value less this
 * year's (`so với năm trước`), or the value of the year its label names less this year's (`so với năm 2016`); the
 * same for a rate's reduction in points, the difference of the printed rates. Another population's rate reduction
 * between the start and the end of the year is checked as the annex's is. Before, none of these was compared:
 * the national 2013–2014 decisions' 1.442.261 for 1.797.889 − 375.628 passed.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const en = makeFmt('en');

const YEARS_AS_ROWS = 'Năm;Tổng số hộ nghèo;Số hộ nghèo giảm so với năm trước;Tỷ lệ hộ nghèo (%);Tỷ lệ hộ nghèo giảm so với năm trước (%)';

describe('a series by year', () => {
  it('years as rows: this year = last year − the reduction, in counts and in points', async () => {
    const right = await check([YEARS_AS_ROWS, '2013;1.797.889;351.221;7,80;1,80', '2014;1.422.261;375.628;5,97;1,83', '2015;1.200.000;222.261;4,50;1,47'].join('\n'));
    expect(problems(right)).toEqual([]);
    expect(right.coverage.ran).toEqual(expect.arrayContaining(['flow', 'rate-change']));
    const wrong = await check([YEARS_AS_ROWS, '2013;1.797.889;351.221;7,80;1,80', '2014;1.442.261;375.628;5,97;1,73', '2015;1.220.000;222.261;4,50;1,47'].join('\n'));
    expect(problems(wrong)).toEqual(['error flow B3', 'error rate-change E3']);
    const flow = wrong.findings.find((f) => f.rule === 'flow')!;
    expect(renderMessage(flow.msg, en)).toBe(
      'Tổng: poor households (2014) should be poor households (2013) less poor households reduced during the year (2014): 1,797,889 − 375,628 = 1,422,261, but the table shows 1,442,261.',
    );
    const rate = wrong.findings.find((f) => f.rule === 'rate-change')!;
    expect(renderMessage(rate.msg, en)).toBe('Tổng: the fall of the poverty rate from 2013 to 2014 should be 7.80 − 5.97 = 1.83 points, but the table shows 1.73.');
    // 2015's flow holds with B3 as printed: the reduction C3 (355.628 mistyped 375.628) is proposed, with E3 or D2.
    expect(wrong.localisation.causes.map((c) => c.cells.map((x) => `${x.cell.ref}=${x.proposed}`).join('+'))).toContain('C3=355628+E3=1.83');
  });

  it('a reduction against a named year is from that year, not the year before', async () => {
    const head = 'Năm;Số hộ nghèo;Số hộ nghèo giảm so với năm 2016;Tỷ lệ hộ nghèo (%);Tỷ lệ hộ nghèo giảm so với năm 2016 (%)';
    const right = await check([head, '2016;5.000;;10,00;', '2017;4.500;500;9,00;1,00', '2018;4.000;1.000;8,00;2,00'].join('\n'));
    expect(problems(right)).toEqual([]);
    expect(right.coverage.ran).toEqual(expect.arrayContaining(['flow', 'rate-change']));
    const wrong = await check([head, '2016;5.000;;10,00;', '2017;4.500;500;9,00;1,00', '2018;4.000;1.100;8,00;2,00'].join('\n'));
    expect(problems(wrong)).toEqual(['error flow B4']);
  });

  it('years as columns (the indicators in rows)', async () => {
    const csv = (last: string) => ['Chỉ tiêu;ĐVT;Năm 2019;Năm 2020;Năm 2021', `Số hộ nghèo;Hộ;5.000;4.500;${last}`, 'Số hộ nghèo giảm;Hộ;;500;300', 'Tỷ lệ hộ nghèo;%;10,00;8,90;8,00', 'Tỷ lệ hộ nghèo giảm;%;;1,10;0,90'].join('\n');
    expect(problems(await check(csv('4.200')))).toEqual([]);
    expect(problems(await check(csv('4.100')))).toEqual(['error flow E2']);
  });

  it('years that do not follow each other are not compared', async () => {
    const r = await check([YEARS_AS_ROWS, '2013;1.797.889;351.221;7,80;1,80', '2015;1.200.000;222.261;4,50;1,47'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('flow');
  });
});

describe('another population\'s rate reduction', () => {
  it('the near-poor rate\'s reduction is the difference of its printed start and end rates', async () => {
    const head = 'Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ cận nghèo đầu năm;Số hộ cận nghèo cuối năm;Tỷ lệ hộ cận nghèo đầu năm (%);Tỷ lệ hộ cận nghèo cuối năm (%);Tỷ lệ hộ cận nghèo giảm (%)';
    const r = await check([head, 'Toàn huyện;2.000;2.000;200;150;10,00;7,50;2,50', 'Xã A;1.000;1.000;100;70;10,00;7,00;3,30', 'Xã B;1.000;1.000;100;80;10,00;8,00;2,00'].join('\n'));
    expect(problems(r).filter((p) => !p.startsWith('warning missing'))).toEqual(['error rate-change H3']);
    const f = r.findings.find((x) => x.rule === 'rate-change')!;
    expect(f.indicator).toBe('near_poor_rate_reduced');
    expect(renderMessage(f.msg, en)).toBe('Xã A: reduction of the rate of near-poor households (points) should be 10.00 − 7.00 = 3.00 points, but the table shows 3.30.');
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['H3', '3.00']]);
  });
});

describe('two years and one reduction without a year', () => {
  const head = 'Đơn vị;Số hộ nghèo năm 2021;Số hộ nghèo năm 2022;Số hộ nghèo giảm;Tỷ lệ hộ nghèo năm 2021 (%);Tỷ lệ hộ nghèo năm 2022 (%);Tỷ lệ hộ nghèo giảm (%)';
  it('the reduction is from the earlier year to the later, in counts and in points', async () => {
    const rows = (a: string) => [head, 'Toàn huyện;1.000;800;200;10,00;8,00;2,00', a, 'Xã B;400;300;100;8,00;6,00;2,00'].join('\n');
    const right = await check(rows('Xã A;600;500;100;12,00;10,00;2,00'));
    expect(problems(right)).toEqual([]);
    expect(right.coverage.ran).toEqual(expect.arrayContaining(['flow', 'rate-change']));
    expect(problems(await check(rows('Xã A;600;500;100;12,00;10,00;2,20')))).toEqual(['error rate-change G3']);
    expect(problems(await check(rows('Xã A;600;510;100;12,00;10,00;2,00')))).toEqual(['error sum C2', 'error flow C3']);
  });

  it('three years and one reduction without a year: not compared (which two?)', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo năm 2020;Số hộ nghèo năm 2021;Số hộ nghèo năm 2022;Số hộ nghèo giảm', 'Huyện X;1.000;800;700;999'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('flow');
  });
});

describe('rates printed with one decimal', () => {
  it('the fall is said at the decimals printed (58,2 − 27,9 = 30,3), not padded to two', async () => {
    const r = await check(['Địa bàn;Tỷ lệ hộ nghèo năm 2006 (%);Tỷ lệ hộ nghèo năm 2021 (%);Giảm (%)', 'Lai Châu;58,2;27,9;30,9'].join('\n'));
    expect(problems(r)).toEqual(['error rate-change D2']);
    const f = r.findings.find((x) => x.rule === 'rate-change')!;
    expect(f.expected).toBe('30.3');
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe('Lai Châu: mức giảm tỷ lệ hộ nghèo từ năm 2006 đến năm 2021 phải là 58,2 − 27,9 = 30,3 điểm phần trăm, nhưng bảng ghi 30,9.');
  });
});

describe('a second fall against a named year', () => {
  it('is said to be against that year, not "probably a group"', async () => {
    const r = await check(['Địa bàn;Tỷ lệ hộ nghèo năm 2006 (%);Tỷ lệ hộ nghèo năm 2021 (%);Giảm (%);Giảm so với năm 2020 (điểm phần trăm)', 'Cả nước;15,5;4,4;11,1;0,4'].join('\n'));
    expect(problems(r)).toEqual(['warning duplicate E1']);
    const f = r.findings.find((x) => x.rule === 'duplicate')!;
    expect(f.msg.params).toHaveProperty('since', '2020');
    expect(renderMessage(f.msg, en)).toContain('against 2020, where D1 is against another time');
  });
});

describe('a fall against a year the table does not print', () => {
  it('is named under "not checked", once per column, when the table prints it', async () => {
    const r = await check([YEARS_AS_ROWS, '2018;17.435;;21,88;2,65', '2019;16.003;1.432;19,93;1,95'].join('\n'));
    expect(problems(r)).toEqual([]);
    const skips = r.skipped.filter((x) => x.msg.id === 'skip.base-year');
    expect(skips.map((x) => [x.rule, x.msg.params])).toEqual([['rate-change', { indicator: 'rate_reduced@2018', year: '2017' }]]);
    expect(renderSkip(skips[0]!.msg, en)).toBe('poverty rate reduction (points) (2018) is measured against 2017, which the table does not print');
  });
});

describe('a year given twice in a series with its years as rows', () => {
  it('is an error naming both rows, not a row dropped in silence', async () => {
    const r = await check([YEARS_AS_ROWS, '2013;1.797.889;351.221;7,80;1,80', '2014;1.422.261;375.628;5,97;1,83', '2014;1.400.000;397.889;5,90;1,90'].join('\n'));
    expect(problems(r)).toEqual(['error duplicate A4']);
    expect(r.findings[0]!.msg).toEqual({ id: 'duplicate.year', params: { year: '2014', first: 'A3' } });
    expect(renderMessage(r.findings[0]!.msg, en)).toBe('The year 2014 appears twice (first at A3); this row is not read, so nothing in it is checked.');
    // The first 2014 row is read and checked as before.
    expect(r.coverage.ran).toContain('flow');
  });
});

describe('years marked as estimates or with a footnote', () => {
  it('are still the years of the series (2021 (ước), 2021*), printed as the table has them', async () => {
    for (const mark of ['2021 (ước)', '2021*', '2021 (sơ bộ)']) {
      const r = await check(['Năm;Số hộ nghèo;Số hộ nghèo giảm so với năm trước', '2019;1.000;', 'Năm 2020;900;100', `${mark};800;110`].join('\n'));
      expect(problems(r), mark).toEqual(['error flow B4']);
      expect(r.annex.yearHeadings, mark).toEqual({ '2021': mark });
    }
  });
});

describe('a year column marked as an estimate', () => {
  it('is a year of the series, not a unit named "2021 (ước)"', async () => {
    const csv = (last: string) => ['Chỉ tiêu;ĐVT;2019;2020;2021 (ước)', `Số hộ nghèo;Hộ;5.000;4.500;${last}`, 'Số hộ nghèo giảm;Hộ;;500;300'].join('\n');
    const right = await check(csv('4.200'));
    expect(problems(right)).toEqual([]);
    expect(right.coverage.ran).toContain('flow');
    expect(right.annex.yearHeadings).toEqual({ '2021': '2021 (ước)' });
    expect(problems(await check(csv('4.300')))).toEqual(['error flow E2']);
  });
});

describe('two years as column groups and a group of their falls', () => {
  it('`Giảm so với năm 2021` over `Số hộ | Tỷ lệ (%)`: the poor households\' fall and the rate\'s, checked against the two years', async () => {
    const head = ['Đơn vị;Năm 2021;;Năm 2022;;Giảm so với năm 2021;', ';Số hộ nghèo;Tỷ lệ (%);Số hộ nghèo;Tỷ lệ (%);Số hộ;Tỷ lệ (%)'];
    const r = await check([...head, 'Toàn huyện;1.000;10,00;800;8,00;200;2,00', 'Xã A;600;12,00;500;10,00;100;2,00', 'Xã B;400;8,00;300;6,00;110;2,00'].join('\n'));
    expect(problems(r)).toEqual(['error sum F3', 'error flow D5']);
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['F5', '100']]);
    expect(r.coverage.notUnderstood).toEqual([]);
  });
});

describe('an average fall per year beside two years', () => {
  it('is not compared with the fall between them (20,00 → 12,00 over four years: 2,00 a year is right, 8,00 is the fall)', async () => {
    const r = await check(['Đơn vị;Tỷ lệ hộ nghèo năm 2016 (%);Tỷ lệ hộ nghèo năm 2020 (%);Giảm bình quân mỗi năm (%)', 'Huyện X;20,00;12,00;2,00'].join('\n'));
    expect(problems(r)).toEqual(['warning unknown D1']);
    expect(r.coverage.notUnderstood.map((l) => l.noIndicator)).toEqual([true]);
  });
});

describe('an average fall a year as a measure column', () => {
  it('is reported as not understood and not read (its figures are not counts of the rows)', async () => {
    const r = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%);Giảm bình quân (%/năm)', 'Tổng số hộ toàn tỉnh;79.677;;', 'Hộ nghèo;17.435;21,88;2,65'].join('\n'));
    expect(problems(r)).toEqual(['warning unknown D1']);
    expect(r.coverage.ran).toContain('rate');
    // Named in the verdict's "not understood", as a label naming no indicator (no configuration hint for it).
    expect(r.coverage.notUnderstood).toEqual([{ text: 'Giảm bình quân (%/năm)', cell: 'D1', keys: [], noIndicator: true }]);
  });
});
