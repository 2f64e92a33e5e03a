/**
 * Groups of an indicator the vocabulary does not tell apart: a label that reads as an indicator already taken but
 * says more (`Hộ nghèo đồng bào dân tộc Mông` after `Hộ nghèo`) is a warning, not "appears twice"; a
 * column `Trong đó: …` after its count is an "of which" column, checked to be at most it (Đắk Lắk 2018).
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('a group of an indicator already read', () => {
  it('is a warning saying so; the same label twice stays an error', async () => {
    const r = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Tổng số hộ toàn tỉnh;79.677;', 'Hộ nghèo;17.435;21,88', 'Hộ nghèo đồng bào dân tộc Mông;4.941;28,34'].join('\n'));
    expect(problems(r)).toEqual(['warning duplicate A4']);
    expect(renderMessage(r.findings[0]!.msg, makeFmt('en'))).toBe('"Hộ nghèo đồng bào dân tộc Mông" also reads as poor households (as A3 does); probably a group of them, which povcheck does not tell apart: it is not checked.');
    const twice = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Tổng số hộ toàn tỉnh;79.677;', 'Hộ nghèo;17.435;21,88', 'Hộ nghèo;17.435;21,88'].join('\n'));
    expect(problems(twice)).toEqual(['error duplicate A4']);
  });
});

describe('households picked out by a support or a trait', () => {
  const rows = ['Chỉ tiêu;ĐVT;Toàn tỉnh;Huyện A;Huyện B', 'Tổng số hộ;Hộ;1.000;600;400', 'Số hộ nghèo;Hộ;100;60;40', 'Tỷ lệ hộ nghèo;%;10,00;10,00;10,00'];
  const support = ['Số hộ được vay vốn ưu đãi;Hộ;200;120;80', 'Số hộ nghèo được hỗ trợ nhà ở;Hộ;30;20;10', 'Hộ nghèo thuộc chính sách bảo trợ xã hội;Hộ;12;7;5'];

  it('name no indicator: each row a warning saying so, whatever its place (first, they were read as all households and the poor: three false rate errors)', async () => {
    for (const csv of [[rows[0], ...support, ...rows.slice(1)], [...rows, ...support]]) {
      const r = await check(csv.join('\n'));
      expect(problems(r)).toEqual(['warning unknown A2', 'warning unknown A3', 'warning unknown A4'].map((p, i) => (csv[1] === support[0] ? p : p.replace(/A\d/, `A${i + 5}`))));
      expect(r.findings.every((f) => f.rule !== 'unknown' || (f.msg.params as { kind?: string }).kind === 'selectedGroup')).toBe(true);
      expect(r.coverage.ran).toContain('rate');
      expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn tỉnh', 'Huyện A', 'Huyện B']);
    }
    const r = await check([rows[0], ...support, ...rows.slice(1)].join('\n'));
    expect(renderMessage(r.findings[0]!.msg, makeFmt('en'))).toBe('"Số hộ được vay vốn ưu đãi" is a figure of a group (households, people, times) picked out by a support received, a trait or a place (supported, given loans, people of merit, social protection, lacking clean water or housing, poor districts, especially difficult communes…), not an indicator povcheck checks; the row is not checked.');
  });

  it('a row of figures the vocabulary does not name, first under the header, is data, not the header (its figures were the units\' names)', async () => {
    const r = await check([rows[0], 'Thu nhập bình quân đầu người;Triệu đồng;40,5;38,2;42,1', ...rows.slice(1)].join('\n'));
    expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn tỉnh', 'Huyện A', 'Huyện B']);
    expect(problems(r)).toEqual(['warning unknown A2']);
    // Per person (income), not an average over years.
    expect((r.findings[0]!.msg.params as { kind?: string }).kind).toBeUndefined();
    // Rows of one figure each above the first indicator (a table of one unit, a unit of measure beside each): data too,
    // reported, not the header (Vĩnh Long 2024: the units were named `trên 80`, the rows above vanished).
    const one = await check(['Chỉ tiêu;ĐVT;Năm 2023', 'Hỗ trợ vay vốn tín dụng cho lượt hộ nghèo;Lượt hộ;108.444', '- Vốn vay;Tỷ đồng;trên 3.700', 'Tổng số hộ nghèo;Hộ;2.808', 'Tỷ lệ hộ nghèo;%;0,95'].join('\n'));
    expect([...one.annex.units].map((u) => u.name)).toEqual(['Năm 2023']);
    expect(problems(one)).toEqual(['warning unknown A2', 'warning unknown A3']);
    expect((one.findings[1]!.msg.params as { kind?: string }).kind).toBe('money');
    // A row whose unit of measure is not its indicator's is not read (Trùng Khánh 2023: `hộ cận nghèo | %/năm` was read as
    // a count of near-poor households; a count in tỷ đồng as households).
    const units = await check(['Chỉ tiêu;ĐVT;Toàn huyện;Xã A;Xã B', 'Tổng số hộ;Hộ;1.000;600;400', 'Số hộ nghèo;Hộ;100;60;40', 'Tỷ lệ hộ nghèo;%;10,00;10,00;10,00', 'hộ cận nghèo;%/năm;1,3;1,2;1,4', 'Số hộ nghèo được vay;Tỷ đồng;12;7;5'].join('\n'));
    expect(problems(units)).toEqual(['warning unknown A5', 'warning unknown A6']);
    expect(units.findings.map((f) => (f.msg.params as { kind?: string }).kind)).toEqual(['measureMismatch', 'selectedGroup']);
    expect(units.annex.indicators).toEqual(['households', 'poor', 'rate']);
    // Units named with a number (`Quận 10`, `Phường 1`) are a header, not figures.
    const quan = await check(['Chỉ tiêu;Toàn thành phố;Quận 1;Quận 10', 'Tổng số hộ;1.000;600;400', 'Số hộ nghèo;100;60;40', 'Tỷ lệ hộ nghèo (%);10,00;10,00;10,00'].join('\n'));
    expect([...quan.annex.units].map((u) => u.name)).toEqual(['Toàn thành phố', 'Quận 1', 'Quận 10']);
    expect(problems(quan)).toEqual([]);
    // The forms' column-number row under the header (`A | B | C | 1 | 2 | 3`) is neither the header nor a row.
    const numbered = await check(['STT;Chỉ tiêu;ĐVT;Toàn huyện;Xã A;Xã B', 'A;B;C;1;2;3', '1;Tổng số hộ;Hộ;1.000;600;400', '2;Số hộ nghèo;Hộ;100;60;40', '3;Tỷ lệ hộ nghèo;%;10,00;10,00;10,00'].join('\n'));
    expect([...numbered.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B']);
    expect(problems(numbered)).toEqual([]);
    expect(numbered.coverage.ran).toContain('sum');
    // A header of years stays the header.
    const years = await check(['Chỉ tiêu;ĐVT;2019;2020', 'Tổng số hộ;Hộ;1.000;1.010', 'Số hộ nghèo;Hộ;100;90', 'Tỷ lệ hộ nghèo;%;10,00;8,91'].join('\n'));
    expect(problems(years)).toEqual([]);
    expect(years.coverage.ran).toContain('rate');
  });
});

describe('"of which" columns of a count', () => {
  const head = 'Đơn vị;Số hộ nghèo;Trong đó: hộ nghèo về thu nhập thấp;Trong đó: hộ nghèo thiếu hụt tiếp cận các dịch vụ cơ bản xã hội';

  it('are parts of it, each at most it, not the count again', async () => {
    const r = await check([head, 'Toàn tỉnh;57.180;50.868;9.312', 'Huyện A;30.000;25.000;5.000', 'Huyện B;27.180;25.868;4.312'].join('\n'));
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toContain('of-which');
    const over = await check([head, 'Toàn tỉnh;57.180;50.868;9.312', 'Huyện A;30.000;25.000;5.000', 'Huyện B;27.180;25.868;40.312'].join('\n'));
    expect(problems(over)).toEqual(expect.arrayContaining(['error of-which D4']));
    // A count is never proposed with a minus sign.
    expect(over.localisation.causes.flatMap((c) => c.cells).every((c) => !c.proposed?.startsWith('-'))).toBe(true);
  });
});

describe('"of which" columns that add up to their count exactly', () => {
  it('are its breakdown: a likely cause no longer changes the count they confirm (Đắk Lắk 2018)', async () => {
    const head = 'Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Trong đó: hộ nghèo về thu nhập thấp;Trong đó: hộ nghèo thiếu hụt tiếp cận các dịch vụ cơ bản xã hội;Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)';
    const r = await check([head, 'Toàn tỉnh;57.180;12,81;50.868;6.312;43.316;9,12'].join('\n'));
    expect(r.coverage.ran).toContain('breakdown');
    expect(r.localisation.causes.map((c) => c.cells[0]!.cell.ref).sort()).toEqual(['C2', 'F2', 'G2']);
    // Parts that do not add up stay "of which", each at most the count.
    const over = await check([head, 'Toàn tỉnh;57.180;12,81;50.868;5.312;43.316;9,12'].join('\n'));
    expect(over.coverage.ran).not.toContain('breakdown');
    expect(over.coverage.ran).toContain('of-which');
  });
});


describe('a header that says "per cent"', () => {
  it('`(per cent of the total)` is a rate, not a count that must be whole', async () => {
    const r = await check('Area,Poor and near-poor households (per cent of the total)\nTotal,2.14\nA,1.50');
    expect(problems(r)).toEqual([]);
    expect(r.annex.indicators.map((i) => i)).not.toContain('poor_start');
  });
});
