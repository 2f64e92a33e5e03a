/**
 * A rate typed with a hundred decimals: locate's enumeration stepped by adding a step below the decimals' precision,
 * which gave the value back, and `validate` never ended (found by a hostile test). It is counted by index now, and a
 * figure of more than 34 digits is no longer read as a number at all (shape/numbers.ts MAX_FIGURE_DIGITS).
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';

describe('a rate with a hundred decimals', () => {
  const errors = async (decimals: number) => {
    const csv = `Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn huyện;10.000;1.200;12,${'1'.repeat(decimals)}\nXã A;5.000;500;10,00\n`;
    const r = checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));
    return r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`);
  };

  it('is checked and located in bounded time', async () => {
    expect(await errors(32)).toEqual(['rate D2']);
    expect(await errors(100)).toEqual(['number D2']);
  }, 30_000);
});
