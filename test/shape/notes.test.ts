/**
 * A note written where a figure goes (three words or more: why the table gives none) is not a mistyped number:
 * a warning where blanks are "not published", an error in an annex table, whose every cell is expected.
 */
import { describe, expect, it } from 'vitest';
import { approximation, isApproximate, isNote } from '../../src/shape/index.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';

const check = async (csv: string) => checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));

describe('isNote', () => {
  it('tells a note from a slip of the keyboard', () => {
    for (const t of ['Như cột số 4', 'Chưa có số liệu', 'Năm 2021 là năm tổng rà soát hộ nghèo', 'not yet reported here']) expect(isNote(t), t).toBe(true);
    for (const t of ['4.18x', 'n/a', '12 hộ', 'chưa có', 'x', 'KXĐ', '1.234 hộ nghèo']) expect(isNote(t), t).toBe(false);
  });
});

describe('a note in a figure\'s cell', () => {
  it('is a warning naming the note in a table of another shape, and what needs it is not checked', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn tỉnh;30;Như cột số 4', 'A;10;', 'B;20;'].join('\n'));
    const f = r.findings.filter((x) => x.rule === 'number');
    expect(f.map((x) => [x.severity, x.at?.ref, x.msg.id])).toEqual([['warning', 'C2', 'number.note']]);
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('is an error in an annex table, as a blank cell is; a word alone stays "not a number"', async () => {
    const head = 'Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm';
    const r = await check([head, 'Toàn tỉnh;300;310;30;5;25', 'A;100;104;10;chưa có số liệu;8', 'B;200;206;20;3;x'].join('\n'));
    const f = r.findings.filter((x) => x.rule === 'number');
    expect(f.map((x) => [x.severity, x.at?.ref, x.msg.id])).toEqual([
      ['error', 'E3', 'number.note'],
      ['error', 'F4', 'number.text'],
    ]);
  });
});

describe('an approximate figure', () => {
  it('is told from a number and from a slip', () => {
    for (const t of ['hơn 6.915', 'gần 10 nghìn', 'khoảng 1.200 hộ', 'trên 50%', 'Gần 2.000', 'about 300', '~ 1.5', '> 40 %']) expect(isApproximate(t), t).toBe(true);
    // A target as a plan words it: a range from, a verb, a rate a year.
    for (const t of ['từ 1-1,5', 'giảm hơn 3%/năm', 'giảm 3-4%/năm', 'trên 4%/năm', '1,5 - 2 %']) expect(isApproximate(t), t).toBe(true);
    for (const t of ['giảm', '3%/năm hơn', 'giảm 3', 'từ']) expect(isApproximate(t), t).toBe(false);
    for (const t of ['6.915', 'hơn', '4.18x', 'n/a', 'hơn 6.915 hộ nghèo mới', '12 hộ']) expect(isApproximate(t), t).toBe(false);
    // A plan's bounds and ranges (Trùng Khánh 2023: `7,3 trở lên` were "not a number" errors).
    for (const t of ['7,3 trở lên', '6,0 trở lên', 'từ 5 trở lên', '30% trở xuống', 'tối thiểu 4', 'ít nhất 1.000 hộ', '1,2 - 1,5', '3 or more']) expect(isApproximate(t), t).toBe(true);
    for (const t of ['trở lên', '1,2 - ', 'Quận 1 - 2']) expect(isApproximate(t), t).toBe(false);
    // Figures rounded to a large unit (VietNamNet 2016: `2.3 million` beside `almost 1.25 million`).
    for (const t of ['2,3 triệu', '2.3 million', '15 nghìn hộ', '1,5 triệu hộ']) expect(isApproximate(t), t).toBe(true);
    for (const t of ['triệu', '2,3 triệu đồng', 'million households 3']) expect(isApproximate(t), t).toBe(false);
  });

  it('is a warning quoting it where blanks are "not published", not "not a number"', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn tỉnh;khoảng 30;12', 'A;10;5', 'B;20;7'].join('\n'));
    expect(r.findings.filter((x) => x.rule === 'number').map((x) => [x.severity, x.at?.ref, x.msg.id])).toEqual([['warning', 'B2', 'number.approximate']]);
  });

  it('is told as what it is: an approximation, a bound or a range (a plan\'s range `từ 1-1,5` is no estimate)', () => {
    for (const t of ['khoảng 1.200 hộ', 'gần 10 nghìn', 'xấp xỉ 5%', '2,3 triệu', 'about 300', '~ 1.5']) expect(approximation(t), t).toBe('approximate');
    for (const t of ['hơn 3%/năm', 'giảm hơn 3%/năm', 'trên 4%/năm', 'tối thiểu 4', '7,3 trở lên', 'ít nhất 1.000 hộ', '> 40 %', '3 or more']) expect(approximation(t), t).toBe('bound');
    for (const t of ['từ 1-1,5', '1,2 - 1,5', 'giảm 3-4%/năm', 'từ 1 đến 1,5', '4,72% đến 5,11%', '1 tới 2', '1.5 to 2']) expect(approximation(t), t).toBe('range');
    for (const t of ['đến 1,5', '1 đến', 'từ 1 đến', 'Quận 1 đến 2', '6.915']) expect(approximation(t), t).toBeUndefined();
  });

  it('a range written with `đến` is a warning quoting it, not "not a number" (TTXVN 2022: `từ 1 đến 1,5%` a target)', async () => {
    const head = 'Đối tượng;Tỷ lệ hộ nghèo năm 2021 (%);Tỷ lệ hộ nghèo năm 2022 (%);Giảm so với năm 2021 (%);Chỉ tiêu giảm giao (%)';
    const r = await check([head, 'Cả nước;5,20;4,03;1,17;từ 1 đến 1,5', 'Hộ dân tộc thiểu số;25,91;21,02;4,89;hơn 3%/năm'].join('\n'));
    expect(r.findings.filter((x) => x.rule === 'number').map((x) => [x.severity, x.at?.ref, x.msg.id])).toEqual([
      ['warning', 'E2', 'number.range'],
      ['warning', 'E3', 'number.bound'],
    ]);
    expect(renderMessage(r.findings.find((x) => x.at?.ref === 'E2')!.msg, makeFmt('en'))).toBe('Cả nước, target: poverty rate reduction (points): "từ 1 đến 1,5" is a range, not one figure, so nothing that needs it is checked.');
  });
});

describe('households of average living standard, a column group of their own', () => {
  it('are not read as households or the poverty rate: their rate is checked over the households', async () => {
    // TP Ninh Bình 2022: households, persons; poor and near-poor each over Số hộ | Số khẩu | Tỷ lệ; and farm households of average living standard.
    const csv = [
      'Đơn vị;Tổng số hộ dân;Số nhân khẩu;Hộ nghèo;;;Hộ cận nghèo;;;Hộ làm nông nghiệp có mức sống trung bình;;',
      ';;;Số hộ;Số khẩu;Tỷ lệ (%);Số hộ;Số khẩu;Tỷ lệ (%);Số hộ;Số khẩu;Tỷ lệ (%)',
      'Thành phố Ninh Bình;38.577;137.896;289;532;0,75;398;931;1,03;4.359;13.990;11,3',
    ].join('\n');
    const r = await check(csv);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.coverage.ran).toContain('rate');
    expect(r.coverage.notUnderstood).toEqual([]);
    expect(r.annex.indicators).toEqual(expect.arrayContaining(['average_living', 'average_living_persons', 'average_living_rate']));
    // 4.359 / 38.577 = 11,2995…: 11,3 holds at its one decimal; 11,4 does not.
    const slip = await check(csv.replace(';11,3', ';11,4'));
    expect(slip.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['rate L3']);
  });
});

