/**
 * The layout of a table as read (render/shaped-layout.ts), as the marked table of `validate` and `table` print it.
 */
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { layoutAsRead } from '../../src/render/shaped-layout.js';

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
