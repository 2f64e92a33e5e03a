/**
 * What a table prints that povcheck does not read, put back in place by render/not-read.ts: the rows that name no
 * indicator (model/annex.ts `rowsNotRead`; `table` and the validate report's table, units as columns) and the columns
 * of a long table (`columnsNotRead`; `table`, units as rows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { layoutAsRead } from '../../src/render/shaped-layout.js';
import { layoutOf } from '../../src/render/table-data.js';
import { computeTable } from '../../src/compute/table.js';
import { computeShaped } from '../../src/compute/shaped.js';
import { ROOT } from '../helpers.js';

const annexOf = (csv: string) => shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {}).annex;
const labels = (rows: ReadonlyArray<ReadonlyArray<{ text: string; kind: string }>>) => rows.map((r) => r.find((c) => c.kind === 'label' || c.kind === 'heading')?.text ?? '');

describe('rows not read', () => {
  const file = readFileSync(join(ROOT, 'fixtures/calc/annex-with-other-rows.csv'));

  it('are kept by the shape stage with their label, unit of measure and cells as printed (numbers in the file\'s format)', () => {
    const annex = shape(gridFromBytes(file), {}).annex;
    expect(annex.rowsNotRead?.map((r) => [r.row, r.label, r.labelCell.ref, r.measure])).toEqual([
      [1, 'Thu nhập bình quân đầu người', 'B2', 'Triệu đồng'],
      [7, 'Số hộ nghèo được hỗ trợ nhà ở', 'B8', 'Hộ'],
      [12, 'Số lượt hộ được vay vốn ưu đãi', 'B13', 'Lượt hộ'],
    ]);
    // Column D (3) is the province; K (10) Lâm Bình; the notes column L is no unit's.
    expect(annex.rowsNotRead![0]!.cells.get(3)).toEqual({ text: '38,5', plain: '38.5', decimals: 1 });
    expect(annex.rowsNotRead![2]!.cells.get(3)).toEqual({ text: '9.850', plain: '9850', decimals: 0 });
    expect(annex.rowsNotRead![2]!.cells.has(11)).toBe(false);
  });

  it('stand where the input has them: before the first row below them, after the last row when nothing is below', () => {
    const annex = shape(gridFromBytes(file), {}).annex;
    const table = computeTable(annex, { total: 'auto', totalName: 'Tổng' });
    const layout = layoutOf(table, { lang: 'vi', locale: 'en' });
    expect(labels(layout.rows)).toEqual([
      'Thu nhập bình quân đầu người',
      'Tổng số hộ đầu năm',
      'Tổng số hộ cuối năm',
      'Số hộ nghèo đầu năm',
      'Số hộ nghèo giảm trong năm',
      'Số hộ nghèo cuối năm',
      'Số hộ nghèo được hỗ trợ nhà ở',
      'Tỷ lệ hộ nghèo',
      '- Đầu năm',
      '- Giảm trong năm',
      '- Cuối năm',
      'Số lượt hộ được vay vốn ưu đãi',
    ]);
    // Numbers in the output's format, each with its own decimals; no row number; not an indicator's cell.
    const income = layout.rows[0]!;
    // The notes column (`Ghi chú`, a note on the last row) last.
    expect(income.map((c) => c.text)).toEqual(['', 'Thu nhập bình quân đầu người', 'Triệu đồng', '38.5', '36.2', '37.9', '62.4', '33.1', '32.8', '28.6', '27.3', '']);
    expect(layout.rows.at(-1)!.at(-1)!.text).toBe('Ngân hàng Chính sách xã hội');
    expect(income.every((c) => c.indicator === undefined)).toBe(true);
    expect(layout.rows[11]![3]).toMatchObject({ text: '9,850', kind: 'value', plain: '9850', decimals: 0 });
    expect(layout.rowInfo).toHaveLength(layout.rows.length);
  });

  it('are not printed with the units as rows (they would be columns)', () => {
    const annex = shape(gridFromBytes(file), {}).annex;
    const layout = layoutOf(computeTable(annex, { total: 'auto', totalName: 'Tổng' }), { lang: 'vi', locale: 'vi', transpose: true });
    expect(layout.transposed).toBe(true);
    expect(layout.rows.flat().some((c) => c.text.includes('vay vốn'))).toBe(false);
  });

  it('in the validate report\'s table, as printed; in a published shape\'s table too', () => {
    const annex = shape(gridFromBytes(file), {}).annex;
    expect(layoutAsRead(annex, 'en', () => 'x').rows[0]!.map((c) => c.text).slice(3, 5)).toEqual(['38,5', '36,2']);
    const shaped = annexOf(['Chỉ tiêu;ĐVT;Toàn tỉnh;Huyện A;Huyện B', 'Số hộ được vay vốn ưu đãi;Hộ;200;120;80', 'Tổng số hộ;Hộ;1.000;600;400', 'Số hộ nghèo;Hộ;100;60;40', 'Tỷ lệ hộ nghèo;%;10,00;10,00;10,00', 'Tỷ lệ hộ cận nghèo;%;5,00;5,00;5,00'].join('\n'));
    const layout = layoutOf(computeShaped(shaped), { lang: 'vi', locale: 'vi' });
    expect(labels(layout.rows)[0]).toBe('Số hộ được vay vốn ưu đãi');
    expect(layout.rows[0]!.slice(-3).map((c) => c.text)).toEqual(['200', '120', '80']);
  });
});

describe('columns not read', () => {
  const csv = ['STT;Đơn vị;Tổng số hộ;Số hộ nghèo được hỗ trợ nhà ở;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Ghi chú', ';Toàn huyện;1.000;30;100;10,00;', '1;Xã A;600;20;60;10,00;Xã đặc biệt khó khăn', '2;Xã B;400;10;40;10,00;'].join('\n');

  it('are kept for a long table read whole, by input row, the notes column with a note among them', () => {
    const annex = annexOf(csv);
    expect(annex.columnsNotRead?.map((c) => [c.col, c.header, c.headerCell?.ref, [...c.cells]])).toEqual([
      [3, 'Số hộ nghèo được hỗ trợ nhà ở', 'D1', [[1, { text: '30', plain: '30', decimals: 0 }], [2, { text: '20', plain: '20', decimals: 0 }], [3, { text: '10', plain: '10', decimals: 0 }]]],
      [6, 'Ghi chú', 'G1', [[2, { text: 'Xã đặc biệt khó khăn' }]]],
    ]);
  });

  it('stand where the input has them with the units as rows, never inside a group of the document header; with the units as columns, not printed', () => {
    const table = computeShaped(annexOf(csv));
    const layout = layoutOf(table, { lang: 'vi', locale: 'vi' }, { grouped: true });
    expect(layout.transposed).toBe(true);
    expect(layout.header.map((c) => c.text)).toEqual(['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo được hỗ trợ nhà ở', 'Hộ nghèo: Số hộ', 'Hộ nghèo: Tỷ lệ (%)', 'Ghi chú']);
    expect(layout.rows.map((r) => [r[3]!.text, r[6]!.text, r[6]!.kind])).toEqual([['30', '', 'blank'], ['20', 'Xã đặc biệt khó khăn', 'text'], ['10', '', 'blank']]);
    // The document header: `Hộ nghèo` still over its two columns, the inserted ones over every header row.
    const top = layout.head![0]!.map((h) => [h.text, h.col, h.colSpan, h.rowSpan]);
    expect(top).toContainEqual(['Hộ nghèo', 4, 2, 1]);
    expect(top).toContainEqual(['Số hộ nghèo được hỗ trợ nhà ở', 3, 1, 2]);
    expect(top).toContainEqual(['Ghi chú', 6, 1, 2]);
    expect(layout.columnNumbers).toHaveLength(layout.header.length);
    expect(layout.columnNumbers![3]).toBe('');
    const wide = layoutOf(table, { lang: 'vi', locale: 'vi', transpose: false });
    expect(wide.header.some((c) => c.text === 'Ghi chú')).toBe(false);
  });

  it('are not in the validate report\'s table (a notes column would widen it)', () => {
    const annex = annexOf(csv);
    expect(layoutAsRead(annex, 'vi', () => 'x').header.some((c) => c.text === 'Ghi chú')).toBe(false);
  });
});

describe('rows not read under years or measures', () => {
  it('are printed under the column each cell was read in; a table of approximate targets is no blank form', () => {
    const annex = annexOf(['STT;Chỉ tiêu;ĐVT;Năm 2022;Kế hoạch năm 2023', '1;Giảm tỷ lệ hộ nghèo;%;;6,0 trở lên', '2;Tỷ lệ hộ nghèo;%;;dưới 20', '3;Thu nhập bình quân đầu người;Triệu đồng;27,8;trên 30'].join('\n'));
    const table = computeShaped(annex);
    expect(table.blank).toBe(false);
    const layout = layoutOf(table, { lang: 'vi', locale: 'vi' });
    const income = layout.rows.find((r) => r.some((c) => c.text === 'Thu nhập bình quân đầu người'))!;
    expect(income.slice(-3).map((c) => c.text)).toEqual(['Triệu đồng', '27,8', 'trên 30']);
    expect(layout.rows[0]!.at(-1)!.text).toBe('6,0 trở lên');
  });
});

describe('a period among years', () => {
  it('is no unit: the years stay a series, the period is reported and printed as read where the input has it', () => {
    const annex = annexOf(['Chỉ tiêu;ĐVT;Năm 2016;Năm 2020;Giai đoạn 2016-2020;Kế hoạch năm 2021', 'Tỷ lệ hộ nghèo;%;72,09;51,74;;46,95', 'Số hộ nghèo;Hộ;;5.670;;', 'Số hộ thoát nghèo;Hộ;;;3.302;'].join('\n'));
    expect([...annex.units]).toHaveLength(1);
    expect(annex.indicators).toEqual(expect.arrayContaining(['rate@2016', 'rate@2020', 'rate@2021']));
    expect(annex.columnsNotRead?.map((c) => [c.header, [...c.cells].map(([r, v]) => [r, v.text])])).toEqual([['Giai đoạn 2016-2020', [[3, '3.302']]]]);
    const layout = layoutOf(computeShaped(annex), { lang: 'vi', locale: 'vi' });
    expect(layout.header.map((c) => c.text).slice(-4)).toEqual(['Năm 2016', 'Năm 2020', 'Giai đoạn 2016-2020', 'Kế hoạch năm 2021']);
    const exits = layout.rows.find((r) => r.some((c) => c.indicator?.startsWith('poor_exited')))!;
    expect(exits.slice(-4).map((c) => c.text)).toEqual(['', '', '3.302', '']);
  });
});

describe('a plan beside a year\'s results, and a comparison', () => {
  const csv = ['STT;Chỉ tiêu;ĐVT;Thực hiện năm 2022;Kế hoạch năm 2023;Ước thực hiện năm 2023;So sánh (%)', '1;Tổng số hộ;Hộ;24.512;;24.890;', '2;Số hộ nghèo;Hộ;3.120;;2.610;', '3;Tỷ lệ hộ nghèo;%;12,73;10,50;10,49;', '4;Mức giảm tỷ lệ hộ nghèo;Điểm %;;2,2;2,24;101,8'].join('\n');

  it('the year is read from its results, the plan\'s and the comparison\'s columns are reported and printed as read in place', () => {
    const { annex, findings } = shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {});
    expect([...annex.units]).toHaveLength(1);
    expect(annex.indicators).toEqual(expect.arrayContaining(['rate@2022', 'rate@2023', 'rate_reduced@2023']));
    expect(annex.values.get(0, 'rate@2023')?.cell.ref).toBe('F4');
    expect(findings.filter((f) => f.msg.id === 'unknown.column').map((f) => `${f.at!.ref} ${(f.msg.params as { kind?: string }).kind}`)).toEqual(['E1 planBeside', 'G1 comparison']);
    expect(annex.columnsNotRead?.map((c) => c.header)).toEqual(['Kế hoạch năm 2023', 'So sánh (%)']);
    const layout = layoutOf(computeShaped(annex), { lang: 'vi', locale: 'vi' });
    expect(layout.header.map((c) => c.text).slice(-4)).toEqual(['Thực hiện năm 2022', 'Kế hoạch năm 2023', 'Ước thực hiện năm 2023', 'So sánh (%)']);
    expect(layout.rows.at(-1)!.slice(-4).map((c) => c.text)).toEqual(['', '2,2', '2,24', '101,8']);
    // The row's unit is in its ĐVT cell, not after its label too.
    expect(layout.rows.at(-1)!.map((c) => c.text)).toContain('Mức giảm tỷ lệ hộ nghèo');
  });

  it('a year printed twice without a plan among them, or a column that is neither, keeps the columns units', () => {
    expect([...annexOf(csv.replace('Kế hoạch năm 2023', 'Thực hiện năm 2023')).units]).toHaveLength(4);
    // … but a plan's column is never a unit (reported, printed as read).
    const mixed = annexOf(csv.replace('So sánh (%)', 'Huyện A'));
    expect([...mixed.units].map((u) => u.name)).toEqual(['Thực hiện năm 2022', 'Ước thực hiện năm 2023', 'Huyện A']);
    expect(mixed.columnsNotRead?.map((c) => c.header)).toEqual(['Kế hoạch năm 2023']);
  });
});

describe('a wide table\'s notes column', () => {
  it('is printed as read with the units as columns, each note on its indicator\'s row; an empty one is not printed', () => {
    const annex = annexOf(['STT;Chỉ tiêu;ĐVT;Toàn huyện;Xã A;Xã B;Ghi chú', '1;Tổng số hộ;Hộ;1.000;600;400;', '2;Số hộ nghèo;Hộ;100;60;40;Theo Quyết định 123/QĐ-UBND', '3;Tỷ lệ hộ nghèo;%;10,00;10,00;10,00;'].join('\n'));
    const layout = layoutOf(computeShaped(annex), { lang: 'vi', locale: 'vi' });
    expect(layout.header.at(-1)!.text).toBe('Ghi chú');
    expect(layout.rows.map((r) => r.at(-1)!.text)).toEqual(['', 'Theo Quyết định 123/QĐ-UBND', '']);
    expect(layoutOf(computeShaped(annex), { lang: 'vi', locale: 'vi', transpose: true }).header.some((c) => c.text === 'Ghi chú')).toBe(false);
    const seed = annexOf(readFileSync(join(ROOT, 'fixtures/tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(seed.columnsNotRead).toBeUndefined();
  });
});
