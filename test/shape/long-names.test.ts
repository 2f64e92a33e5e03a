/**
 * A unit's name is its identity and `table` writes it back: names were cut at 120 characters (the length a label is
 * echoed at in messages), so two long names that differ after it were one unit (a false `duplicate` error) and
 * `table` wrote the cut name. Names are kept whole up to 1,000 characters; past that a cell is a note, cut.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check } from '../helpers.js';

describe('long unit names', () => {
  const long = (n: number) => `Xã ${'Tân Lập '.repeat(20)}${n}`;

  it('are kept whole: two that differ after 120 characters are two units, no duplicate', async () => {
    for (const layout of ['long', 'wide'] as const) {
      const csv =
        layout === 'long'
          ? ['Đơn vị;Tổng số hộ;Số hộ nghèo', `${long(1)};1.000;100`, `${long(2)};1.000;50`, 'Tổng;2.000;150'].join('\n')
          : [`Chỉ tiêu;Tổng;${long(1)};${long(2)}`, 'Tổng số hộ;2.000;1.000;1.000', 'Số hộ nghèo;150;100;50'].join('\n');
      const r = await check(csv);
      expect(long(1).length).toBeGreaterThan(160);
      expect(r.findings.filter((f) => f.severity === 'error'), layout).toEqual([]);
      expect([...r.annex.units].map((u) => u.name)).toContain(long(2));
    }
  });
});
