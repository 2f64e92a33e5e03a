/**
 * The layout of a table as read (render/shaped-layout.ts), as the marked table of `validate` and `table` print it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { layoutAsRead } from '../../src/render/shaped-layout.js';
import { rowIndents } from '../../src/render/annex-layout.js';
import type { Annex } from '../../src/model/annex.js';
import { FIXTURES } from '../helpers.js';

describe('the unit of measure column', () => {
  it('gives an achievement of a target in points as a percentage of it', () => {
    const csv = ['STT;Chỉ tiêu;ĐVT;Toàn tỉnh', '1;Tỷ lệ hộ nghèo giảm so với năm 2021;%;1,89', '2;Chỉ tiêu giảm tỷ lệ hộ nghèo giao đầu năm;%;1,5', '3;Tỷ lệ đạt so với chỉ tiêu;%;126'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const layout = layoutAsRead(annex, 'en', () => '');
    const units = layout.rows.map((r) => [r[1]!.text, r.find((c) => c.kind === 'measure')?.text]);
    expect(units).toEqual([
      ['Poverty rate reduction (points)', 'Points'],
      ['Target: poverty rate reduction (points)', 'Points'],
      ['Achievement of the target (%): poverty rate reduction (points)', '%'],
    ]);
  });
});

describe('breakdown rows', () => {
  it('stand under the row they break down, not after every other row', () => {
    const csv = [
      'STT;Chỉ tiêu;ĐVT;Toàn tỉnh',
      '1;Số hộ thoát nghèo;Hộ;3.507',
      ';- Chuyển sang hộ cận nghèo;Hộ;1.833',
      ';- Thoát tình trạng nghèo, cận nghèo;Hộ;1.630',
      ';- Do chết, chuyển đi nơi khác;Hộ;44',
      '2;Số hộ thoát cận nghèo;Hộ;5.295',
      ';- Rơi xuống nghèo;Hộ;81',
      ';- Thoát tình trạng nghèo, cận nghèo;Hộ;5.187',
      ';- Do chết, chuyển đi nơi khác;Hộ;27',
      '3;Tỷ lệ hộ nghèo;%;5,93',
    ].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const labels = layoutAsRead(annex, 'vi', () => '').rows.map((r) => r[1]!.text);
    expect(labels).toEqual([
      'Số hộ thoát nghèo',
      'Chuyển sang hộ cận nghèo',
      'Thoát tình trạng nghèo, cận nghèo',
      'Do chết, chuyển đi nơi khác',
      'Số hộ thoát cận nghèo',
      'Rơi xuống nghèo',
      'Thoát tình trạng nghèo, cận nghèo',
      'Do chết, chuyển đi nơi khác',
      'Tỷ lệ hộ nghèo',
    ]);
  });
});

describe('units the table names without figures', () => {
  const rowsOf = (csv: string, transpose?: boolean) => {
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    return layoutAsRead(annex, 'vi', (u, ind) => annex.values.get(u.id, ind)?.text ?? '', transpose).rows.map((r) => r.map((c) => c.text));
  };

  it('are printed blank where the table names them, numbered in their list', () => {
    // The district over its communes is the total (its name's level): not numbered, its communes 1, 2 ….
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Huyện Đông Giang;2.878;37,46', 'Xã A Rooi;;', 'Xã A Ting;;', 'Xã Ba;;14,46', 'Xã Tư;;24,67'].join('\n');
    expect(rowsOf(csv)).toEqual([
      ['', 'Huyện Đông Giang', '2.878', '37,46'],
      ['1', 'Xã A Rooi', '', ''],
      ['2', 'Xã A Ting', '', ''],
      ['3', 'Xã Ba', '', '14,46'],
      ['4', 'Xã Tư', '', '24,67'],
    ]);
  });

  it('stand in the seed layout too, as rows or as columns', () => {
    const csv = [
      'Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm',
      'Toàn huyện;300;300;30;5;25',
      'Xã A;100;100;10;2;8',
      'Xã B;;;;;',
      'Xã C;200;200;20;3;17',
    ].join('\n');
    expect(rowsOf(csv, true).map((r) => r.slice(0, 3))).toEqual([
      ['', 'Toàn huyện', '300'],
      ['1', 'Xã A', '100'],
      ['2', 'Xã B', ''],
      ['3', 'Xã C', '200'],
    ]);
    expect(rowsOf(csv, false)[0]!.slice(3)).toEqual(['300', '100', '', '200']);
  });

  it('are not rows of a footnote below the table', () => {
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Huyện X;30;10,00', 'Xã A;10;10,00', 'Nguồn: Phòng Lao động;;'].join('\n');
    expect(rowsOf(csv).map((r) => r[1])).toEqual(['Huyện X', 'Xã A']);
  });
});

describe('units listed below the last unit with a note and no figures', () => {
  it('are reported and printed (Bắc Sơn: a district and its communes given as rate bands); a footnote is neither', async () => {
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Ghi chú', 'Huyện Bắc Sơn;1.589;9,17;', 'Bắc Quỳnh;;;tỷ lệ hộ nghèo < 7%', 'Long Đống;;;tỷ lệ hộ nghèo từ 7% đến dưới 15%', 'Nguồn: UBND huyện Bắc Sơn;;;'].join('\n');
    const { annex, findings } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(findings.filter((f) => f.msg.id === 'unknown.empty-row').map((f) => f.at?.ref)).toEqual(['A3', 'A4']);
    const rows = layoutAsRead(annex, 'vi', (u, ind) => annex.values.get(u.id, ind)?.text ?? '').rows.map((r) => r.slice(1, 3).map((c) => c.text));
    expect(rows).toEqual([
      ['Huyện Bắc Sơn', '1.589'],
      ['Bắc Quỳnh', ''],
      ['Long Đống', ''],
    ]);
    // Listed after the district and not of its level: its communes, numbered under it.
    const layout = layoutAsRead(annex, 'vi', () => '');
    expect(layout.rows.map((r) => r[0]!.text)).toEqual(['1', '1.1', '1.2']);
    expect(layout.rowInfo.map((i) => i.indent)).toEqual([0, 1, 1]);
  });
});

describe('a plan\'s year columns', () => {
  it('`Kế hoạch năm 2021` is a year column (not a unit), printed as the table heads it', () => {
    const csv = ['Chỉ tiêu;ĐVT;2020;Kế hoạch năm 2021', 'Tổng số hộ;hộ;10.958;11.200', 'Số hộ nghèo;hộ;5.670;4.920', 'Tỷ lệ hộ nghèo;%;51,74;43,93'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(annex.units.length).toBe(1);
    expect(annex.indicators).toContain('poor@2021');
    const layout = layoutAsRead(annex, 'vi', () => '');
    expect(layout.header.slice(-2).map((c) => c.text)).toEqual(['Năm 2020', 'Kế hoạch năm 2021']);
  });
});

describe('a breakdown listed under a heading without figures', () => {
  it('is printed under its heading (`Hộ nghèo phân theo dân tộc`), not as if it broke down the row above it', () => {
    const csv = ['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Tổng số hộ toàn tỉnh;79.677;', 'Hộ nghèo;17.435;21,88', 'Hộ nghèo thuộc dân tộc thiểu số;16.636;95,42', 'Hộ nghèo phân theo dân tộc;;', '- Dân tộc Dao;5.793;', '- Dân tộc khác;11.642;'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const labels = layoutAsRead(annex, 'vi', () => '').rows.map((r) => [r[0]!.text, r[1]!.text, r[1]!.kind]);
    expect(labels.slice(-3)).toEqual([
      ['', 'Hộ nghèo phân theo dân tộc', 'heading'],
      ['', 'Dân tộc Dao', 'label'],
      ['', 'Dân tộc khác', 'label'],
    ]);
  });
});


describe('a series with its years as rows', () => {
  it('is laid out as printed: a row per year, a column per indicator (was one row of every year\'s columns)', () => {
    const csv = ['Năm;Tổng số hộ nghèo;Số hộ nghèo giảm so với năm trước;Tỷ lệ hộ nghèo (%)', '2013;1.797.889;351.221;7,80', '2014;1.442.261;375.628;5,97'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const layout = layoutAsRead(annex, 'vi', (_u, ind) => ind);
    expect(layout.header.map((c) => c.text)).toEqual(['Năm', 'Số hộ nghèo', 'Số hộ nghèo giảm trong năm', 'Tỷ lệ hộ nghèo (%)']);
    expect(layout.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['2013', 'poor@2013', 'poor_reduced@2013', 'rate@2013'],
      ['2014', 'poor@2014', 'poor_reduced@2014', 'rate@2014'],
    ]);
  });

  it('a unit with its years as columns keeps its layout', () => {
    const csv = ['Chỉ tiêu;ĐVT;Năm 2019;Năm 2020', 'Số hộ nghèo;Hộ;5.000;4.500', 'Tỷ lệ hộ nghèo;%;10,00;8,90'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(layoutAsRead(annex, 'vi', () => '').header[0]!.text).not.toBe('Năm');
  });
});

describe('a measure column of the rows\' falls', () => {
  it('is headed as a fall, with the year its heading names (was "Điểm %")', () => {
    const csv = ['Chỉ tiêu;Số hộ;Tỷ lệ (%);Giảm so với năm 2017 (%)', 'Tổng số hộ toàn tỉnh;79.677;;', 'Hộ nghèo;17.435;21,88;2,65'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(annex.comparedWith).toEqual({ rate_reduced: '2017' });
    expect(layoutAsRead(annex, 'vi', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Giảm so với năm 2017 (điểm %)']);
    expect(layoutAsRead(annex, 'en', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Fall since 2017 (points)']);
  });
});

describe('a unit\'s fall against a year its heading names (Lai Châu 2016-2020)', () => {
  it('is headed with that year as its base, not as its own year (was "Mức giảm tỷ lệ hộ nghèo (năm 2015)")', () => {
    const csv = ['Đơn vị;Tỷ lệ hộ nghèo năm 2020 (%);Giảm so với cuối năm 2015 (%)', 'Tỉnh Lai Châu;16,33;24,07'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(annex.comparedWith).toEqual({ rate_reduced: '2015' });
    expect(layoutAsRead(annex, 'vi', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Mức giảm tỷ lệ hộ nghèo so với năm 2015 (điểm %)']);
    expect(layoutAsRead(annex, 'en', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Poverty rate reduction since 2015 (points)']);
  });

  it('a count\'s fall against a named year is not said to be "during the year" (Quảng Nam 2022)', () => {
    const csv = ['Đơn vị;Số hộ nghèo;Số hộ nghèo giảm so với năm 2021', 'Toàn tỉnh;29.146;3.981'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect(layoutAsRead(annex, 'vi', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Số hộ nghèo giảm so với năm 2021']);
    expect(layoutAsRead(annex, 'en', () => '').header.map((c) => c.text).slice(-1)).toEqual(['Poor households reduced since 2021']);
  });
});

describe('"of which" columns', () => {
  it('stand after their count\'s group, where the table prints them (Đắk Lắk), not after every other column', () => {
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Trong đó: hộ nghèo về thu nhập thấp;Trong đó: hộ nghèo thiếu hụt tiếp cận các dịch vụ cơ bản xã hội;Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)', 'Toàn tỉnh;57.180;12,81;50.868;6.312;43.316;9,12'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const layout = layoutAsRead(annex, 'vi', (_u, ind) => ind);
    expect(layout.rows[0]!.slice(2).map((c) => c.text)).toEqual([
      'poor',
      'rate',
      'poor/hộ nghèo về thu nhập thấp',
      'poor/hộ nghèo thiếu hụt tiếp cận các dịch vụ cơ bản xã hội',
      'near_poor',
      'near_poor_rate',
    ]);
    // Headed as printed, `Trong đó: …`, not `Số hộ nghèo: …`.
    expect(layout.header.map((c) => c.text).slice(4, 6)).toEqual(['Trong đó: hộ nghèo về thu nhập thấp', 'Trong đó: hộ nghèo thiếu hụt tiếp cận các dịch vụ cơ bản xã hội']);
  });
});

describe('a column\'s unit after its label', () => {
  it('a fall in points and its target say điểm %, a rate and an achievement %', async () => {
    const { readFileSync } = await import('node:fs');
    const { computeShaped } = await import('../../src/compute/shaped.js');
    const { layoutOf } = await import('../../src/render/table-data.js');
    const annex = shape(gridFromBytes(readFileSync('fixtures/shapes/targets.csv')), {}).annex;
    const header = layoutOf(computeShaped(annex), { lang: 'vi', locale: 'vi' }).header.map((c) => c.text);
    expect(header).toEqual(expect.arrayContaining(['Tỷ lệ hộ nghèo đầu năm (%)', 'Mức giảm tỷ lệ hộ nghèo (điểm %)', 'Chỉ tiêu mức giảm tỷ lệ hộ nghèo (điểm %)']));
    expect(header.find((t) => t.startsWith('Tỷ lệ đạt'))).toMatch(/\(%\)|%\)/);
  });
});

describe('the fall between two years, a column after them', () => {
  const headOf = (csv: string, lang: 'vi' | 'en') => layoutAsRead(shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {}).annex, lang, () => '').header.map((c) => c.text);

  it('is headed a fall in points when every row is a rate', () => {
    const csv = ['Chỉ tiêu;Năm 2021 (%);Năm 2022 (%);Giảm (%)', 'Tỷ lệ hộ nghèo;5,20;4,03;1,17', 'Tỷ lệ hộ nghèo dân tộc thiểu số;25,91;21,02;4,89'].join('\n');
    expect(headOf(csv, 'vi').slice(-3)).toEqual(['Năm 2021 (%)', 'Năm 2022 (%)', 'Giảm (điểm %)']);
  });

  it('a fall without a unit when a count\'s fall (households) stands beside a rate\'s (points)', () => {
    const csv = ['Chỉ tiêu;Năm 2021;Năm 2022;Giảm', 'Số hộ nghèo (hộ);20.100;17.500;2.600', 'Tỷ lệ hộ nghèo (%);10,05;8,61;1,44'].join('\n');
    expect(headOf(csv, 'vi').at(-1)).toBe('Giảm');
    expect(headOf(csv, 'en').at(-1)).toBe('Fall');
  });
});

describe('a total of a higher level printed under the table’s total for comparison', () => {
  it('is not numbered as one of the total’s units (helper-96 e10)', () => {
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;59.496;31,12', 'Huyện Mèo Vạc;7.000;30,1', 'Huyện Đồng Văn;6.000;29,5', 'Cả nước;1.278.000;4,3'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const rows = layoutAsRead(annex, 'vi', () => '').rows.map((r) => [r[0]!.text, r[1]!.text]);
    expect(rows).toEqual([
      ['', 'Toàn tỉnh'],
      ['1', 'Huyện Mèo Vạc'],
      ['2', 'Huyện Đồng Văn'],
      ['', 'Cả nước'],
    ]);
  });

  it('leaves the communes named without figures before it numbered in the district’s list (helper-96 e09)', () => {
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;2.878;37,46', 'Xã A Rooi;;', 'Xã A Ting;;', 'Toàn tỉnh;29.146;6,63'].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    const rows = layoutAsRead(annex, 'vi', () => '').rows.map((r) => [r[0]!.text, r[1]!.text]);
    expect(rows).toEqual([
      ['', 'Toàn huyện'],
      ['1', 'Xã A Rooi'],
      ['2', 'Xã A Ting'],
      ['', 'Toàn tỉnh'],
    ]);
  });
});

describe('row numbers', () => {
  const numbersOf = (...rows: string[]) => {
    const csv = ['Đơn vị;Tổng số hộ dân cư cuối năm;Số hộ nghèo;Số hộ nghèo giảm;Tỷ lệ hộ nghèo giảm so với đầu năm (%)', ...rows].join('\n');
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    return layoutAsRead(annex, 'vi', () => '').rows.map((r) => `${r[0]!.text} ${r[1]!.text}`);
  };

  it('number a list with a block in it I, II, III throughout, not 1, 2, I (two districts, then a group of communes over its communes)', () => {
    const numbers = numbersOf('Đakrông;10.396;3.594;;5,15', 'Hướng Hóa;;;;5,27', 'Các xã đặc biệt khó khăn;;;;5,03', 'Xã Hướng Hiệp;;;87;9,1', 'Xã A Vao;;;;7,7');
    expect(numbers).toEqual(['I Đakrông', 'II Hướng Hóa', 'III Các xã đặc biệt khó khăn', '1 Xã Hướng Hiệp', '2 Xã A Vao']);
  });

  it('number Đakrông\'s two areas 1, 2 under the district, its total; the communes named after them are "of which" it', () => {
    const numbers = numbersOf('Huyện Đakrông;10.396;3.594;;5,15', 'Khu vực thị trấn;;;;5,27', 'Khu vực nông thôn;;;;5,03', 'Xã Hướng Hiệp;;;87;9,1', 'Xã A Vao;;;;7,7');
    expect(numbers).toEqual([' Huyện Đakrông', '1 Khu vực thị trấn', '2 Khu vực nông thôn', ' Xã Hướng Hiệp', ' Xã A Vao']);
  });
});

describe('"of which" rows stand one level below the unit they are of', () => {
  const QUANG_NAM = readFileSync(join(FIXTURES, 'published', 'review-2019-quang-nam-province-areas-districts-communes.csv'), 'utf8');
  const annexOf = (csv: string) => shape(gridFromBytes(Buffer.from(csv)), {}).annex;
  /** The unit rows' names, each indented by two spaces a level, as the documents indent them. */
  const indented = (annex: Annex) => {
    const layout = layoutAsRead(annex, 'vi', () => '', true);
    return layout.rows.map((r, i) => `${'  '.repeat(layout.rowInfo[i]!.indent)}${r[1]!.text}`);
  };
  const parentOf = (annex: Annex, name: string) => annex.units.at([...annex.units].find((u) => u.name === name)!.parent!)!.name;

  it('not under the row above when that is another unit (Quảng Nam 2019: the province\'s districts after its areas, the communes after the last district)', () => {
    const annex = annexOf(QUANG_NAM);
    // The annex: the districts are "of which" the province, each commune "of which" its district.
    expect(['Bắc Trà My', 'TP.Hội An'].map((n) => [parentOf(annex, n), annex.units.at([...annex.units].find((u) => u.name === n)!.id)!.role])).toEqual([['Toàn tỉnh', 'of-which'], ['Toàn tỉnh', 'of-which']]);
    expect(parentOf(annex, 'Xã Trà Bui (Bắc Trà My)')).toBe('Bắc Trà My');
    expect(indented(annex)).toEqual([
      'Toàn tỉnh',
      '  - Hộ nghèo về thu nhập',
      '  - Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản',
      'Khu vực đồng bằng',
      'Khu vực miền núi',
      // Indented, they read as the mountain area's; flush, as the province's, which they are.
      'Bắc Trà My',
      'Nam Trà My',
      'Nam Giang',
      'Tây Giang',
      'TP.Hội An',
      // Indented, they read as Hội An's; flush, as the province's (their district in their name).
      'Xã Trà Bui (Bắc Trà My)',
      'Xã Cà Dy (Nam Giang)',
      'Xã Trà Cang (Nam Trà My)',
      'Xã Ch’Ơm (Tây Giang)',
      'Xã Trà Giác (Bắc Trà My)',
      'Xã Trà Ka (Bắc Trà My)',
    ]);
  });

  it('not under the row above in Tiền Giang 2023 either: its two districts after its two areas', () => {
    const csv = readFileSync(join(FIXTURES, 'published', 'review-2023-tien-giang-province-decision-areas-districts.csv'), 'utf8');
    expect(indented(annexOf(csv)).slice(0, 5)).toEqual(['Toàn tỉnh', 'Khu vực thành thị', 'Khu vực nông thôn', 'Huyện Châu Thành', 'Huyện Tân Phú Đông']);
  });

  it('indented under their parent when they follow it, or follow other rows of it (Sơn La 2018, Sốp Cộp 2024)', () => {
    const sonLa = readFileSync(join(FIXTURES, 'published', 'review-2018-national-son-la-gross-flows.csv'), 'utf8');
    expect(indented(annexOf(sonLa))).toEqual(['Cả nước', '  Trong đó: hộ nghèo về thu nhập', '  hộ nghèo thiếu hụt tiếp cận các dịch vụ xã hội cơ bản', '  Tỉnh Sơn La']);
    const sopCop = readFileSync(join(FIXTURES, 'published', 'review-2024-sop-cop-district-rate-fall-ethnic-minority-bound.csv'), 'utf8');
    expect(indented(annexOf(sopCop))).toEqual(['Huyện Sốp Cộp', '  Trong đó: hộ dân tộc thiểu số']);
  });
});

describe('rowIndents', () => {
  it('keeps a row one level below its parent where it reads as its, sets it back where it would read as another row\'s', () => {
    // Toàn tỉnh (0); areas 1, 2; districts 3, 4 "of which" the province; communes 5 (of 3) and 6 (of 4).
    const parent = new Map([[1, 0], [2, 0], [3, 0], [4, 0], [5, 3], [6, 4]]);
    const { lay, subRow } = rowIndents((id) => parent.get(id));
    lay(0, -1);
    expect([lay(1, 0), lay(2, 0)]).toEqual([0, 0]);
    // After the areas: flush, as the province's, not indented as area 2's.
    expect(subRow(3, 1)).toBe(0);
    // Right after its district: under it.
    expect(subRow(5, 1)).toBe(1);
    // After district 3's commune: flush again (indented, it would read as district 3's).
    expect(subRow(4, 1)).toBe(0);
    expect(subRow(6, 1)).toBe(1);
    // Wanted two levels down under a row it is not of: as deep as reads under an ancestor of it (the province).
    expect(subRow(5, 2)).toBe(0);
  });
});
