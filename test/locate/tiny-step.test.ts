/**
 * A rate typed with a hundred decimals: locate's enumeration stepped by adding a step below the decimals' precision,
 * which gave the value back, and `validate` never ended (found by a hostile test). It is counted by index now.
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';

describe('a rate with a hundred decimals', () => {
  it('is checked and located in bounded time', async () => {
    const csv = `Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn huyện;10.000;1.200;12,${'1'.repeat(100)}\nXã A;5.000;500;10,00\n`;
    const r = checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['rate D2']);
  }, 30_000);
});
