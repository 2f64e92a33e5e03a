/**
 * A header over two rows whose lower row names the parts of a group (`Số hộ nghèo` over `Tổng số | Trong đó: hộ
 * nghèo về thu nhập`): read from the lower row. It was read from the upper one (as many indicators), and the lower
 * row was a row of data: "Row 2 has values but no unit name", "'Tổng số' is not a number", two false errors and
 * the sums not run (found by a helper).
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

const HEAD = 'Đơn vị;Số hộ nghèo;;Tỷ lệ hộ nghèo (%)\n;Tổng số;Trong đó: hộ nghèo về thu nhập;\n';

describe('a header whose lower row names a group’s parts', () => {
  it('is read from its lower row: no false error, the sums and the "of which" checked', async () => {
    const r = await check(`${HEAD}Toàn tỉnh;25.650;25.617;6,06\nHuyện A;650;617;6,06\nHuyện B;25.000;25.000;6,06\n`);
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'of-which', 'implied-households']));
    expect([...r.annex!.units].map((u) => u.name)).toEqual(['Toàn tỉnh', 'Huyện A', 'Huyện B']);
  });

  it('a slip in a part is found at the total', async () => {
    const r = await check(`${HEAD}Toàn tỉnh;25.650;25.617;6,06\nHuyện A;650;617;6,06\nHuyện B;25.100;25.000;6,06\n`);
    expect(problems(r)).toContain('error sum B3');
  });

  it('a header of one row is read as before (the row under it is data)', async () => {
    const r = await check('Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;650;6,06\nHuyện A;300;6,06\nHuyện B;350;6,06\n');
    expect(problems(r)).toEqual([]);
    expect([...r.annex!.units]).toHaveLength(3);
  });
});
