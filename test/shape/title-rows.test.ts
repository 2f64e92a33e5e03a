/**
 * A table's own title (shape/title-rows.ts): the rows above its header with one text in its first column, not a unit
 * line; `table` prints it when --title is not given (it dropped it: a yearbook's `262. Tỷ lệ hộ nghèo`).
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { titleRows } from '../../src/shape/title-rows.js';
import { sheetXml, str, workbook } from '../xlsx-build.js';

const SEED = [
  'STT;Chỉ tiêu;ĐVT;Toàn tỉnh;Na Hang;Lâm Bình',
  '1;Tổng số hộ đầu năm;Hộ;18.101;10.468;7.633',
  '2;Số hộ nghèo đầu năm;Hộ;5.844;3.094;2.750',
];
const titleOf = async (lines: string[]) => {
  const grid = await gridFromAnyBytes(new TextEncoder().encode(lines.join('\n') + '\n'), { name: 't.csv' });
  return titleRows(grid, shape(grid).annex);
};

describe('a table\'s own title', () => {
  it('the rows above the header with one text in the first column, joined; a unit line and a group heading left out', async () => {
    expect(await titleOf(['Phụ lục I;;;;;', 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2020;;;;;', ';;;;;Đơn vị tính: hộ, %', ...SEED])).toEqual({ text: 'Phụ lục I KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2020', rows: [0, 1] });
    expect(await titleOf(['Đơn vị tính: hộ;;;;;', ...SEED])).toBeUndefined();
    expect(await titleOf([';;;Kết quả rà soát;;', ...SEED])).toBeUndefined();
    expect(await titleOf(SEED)).toBeUndefined();
  });

  it('a title merged across a sheet counts once (its cells carry the merged cell\'s reference)', async () => {
    const rows = ['Phụ lục: kết quả năm 2020;;;;;', ...SEED].map((line, r) => line.split(';').flatMap((t, c) => (t === '' ? [] : [str(`${'ABCDEF'[c]}${r + 1}`, t)])));
    const xml = sheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>');
    const grid = await gridFromAnyBytes(workbook([['Phụ lục', xml]]), { name: 't.xlsx' });
    expect(titleRows(grid, shape(grid).annex)).toEqual({ text: 'Phụ lục: kết quả năm 2020', rows: [0] });
  });
});
