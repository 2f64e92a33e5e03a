/**
 * Quảng Nam 2023 (Báo Quảng Nam, 10/01/2024, on the approved review): `Tổng số hộ nghèo và hộ cận nghèo đa chiều`
 * beside `Tổng số hộ nghèo đa chiều` and `Tổng số hộ cận nghèo đa chiều`. The last two were read as the two together,
 * so all four poor and near-poor columns were duplicates, the urban/rural split never added up, and the verdict ✔.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check } from '../helpers.js';

const HEAD =
  'Đơn vị;Tổng số hộ dân;Tổng số hộ nghèo và hộ cận nghèo đa chiều;Tỷ lệ nghèo đa chiều (%);Tổng số hộ nghèo đa chiều;Tỷ lệ hộ nghèo đa chiều (%);Tổng số hộ cận nghèo đa chiều;Tỷ lệ hộ cận nghèo đa chiều (%)';
const rows = (urbanPoor: string) => [HEAD, 'Toàn tỉnh;442.673;33.071;7,47;24.669;5,57;8.402;1,90', `Khu vực thành thị;;;;${urbanPoor};;1.095;`, 'Khu vực nông thôn;;;;22.846;;7.307;'].join('\n');

describe('poor and near-poor "đa chiều" columns beside the two together', () => {
  it('are read as the poor and the near-poor: no duplicate, the combined count and the areas checked', async () => {
    const r = await check(rows('1.823'));
    expect(r.findings.filter((f) => f.rule === 'duplicate' || f.severity === 'error')).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'rate', 'combined']));
  });

  it('a slip in an area is found at its cell', async () => {
    const r = await check(rows('1.832'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['sum E2']);
  });
});
