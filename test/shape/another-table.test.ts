/**
 * A second table below the first on one sheet (helper-87's f6: the poor households' table, then the near-poor
 * households' under `Biểu 2. …`, the same communes): it was read on as units, each a `duplicate` of the first
 * table's, its header a unit whose rate "is not a number", and its rates called poverty rates (11 errors). Its title
 * or its header (a heading that differs from the first table's) now ends the table, with one warning that the rest
 * is not read. A header printed again (a page break) is skipped. The same whether the rows are shaped from the
 * grid or read record by record.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped, type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';

const HEADER = 'STT;Xã;Tổng số hộ;Số hộ nghèo;Tỷ lệ (%)';
const FIRST = [HEADER, ';Toàn huyện;3.000;181;6,03', '1;Xã A;1.000;44;4,40', '2;Xã B;2.000;137;6,85'];
const SECOND = [';Toàn huyện;3.000;95;3,17', '1;Xã A;1.000;40;4,00', '2;Xã B;2.000;55;2,75'];

/** The result with the rows after the first two shaped from the grid, and read record by record. */
async function both(lines: string[]): Promise<CheckResult[]> {
  const { text, encoding } = decodeBytes(Buffer.from(lines.join('\n'), 'utf8'));
  return Promise.all([100, 2].map(async (head) => checkShaped(await shapeTable(delimitedTable(text, encoding, ';', head)), {})));
}
const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.msg.id} ${f.at?.ref ?? '-'}`);

describe('a second table below the first', () => {
  it('under its title ends the table: one warning, the first table checked alone', async () => {
    for (const r of await both([...FIRST, ';;;;', 'Biểu 2. Hộ cận nghèo sau rà soát năm 2020;;;;', 'STT;Xã;Tổng số hộ;Số hộ cận nghèo;Tỷ lệ (%)', ...SECOND])) {
      expect(problems(r)).toEqual(['warning unknown.another-table A6']);
      expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B']);
      expect(renderMessage(r.findings[0]!.msg, makeFmt('en'))).toBe('Another table starts in row 6 ("Biểu 2. Hộ cận nghèo sau rà soát năm 2020"): the table read ends above it, and it is not read; put it on a sheet of its own to check it.');
    }
  });

  it('under a header of its own (a heading that differs) ends the table, at that heading', async () => {
    for (const r of await both([...FIRST, 'STT;Xã;Tổng số hộ;Số hộ cận nghèo;Tỷ lệ (%)', ...SECOND])) {
      expect(problems(r)).toEqual(['warning unknown.another-table D5']);
      expect(r.annex.units).toHaveLength(3);
    }
  });

  it('a header printed again (a page break) is skipped, the units under it read', async () => {
    for (const r of await both([...FIRST, HEADER, '3;Xã C;500;20;4,00'].map((l) => l.replace(';Toàn huyện;3.000;181;6,03', ';Toàn huyện;3.500;201;5,74')))) {
      expect(problems(r)).toEqual([]);
      expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B', 'Xã C']);
    }
  });

  it('a unit named like a table is none: `Bản Giang`, `Bảng Nậm` are no titles', async () => {
    for (const r of await both([HEADER, ';Toàn huyện;3.000;181;6,03', '1;Bản Giang;1.000;44;4,40', '2;Bảng Nậm;2.000;137;6,85'])) {
      expect(problems(r)).toEqual([]);
      expect(r.annex.units).toHaveLength(3);
    }
  });
});

describe('a header typed again over a page break, units as columns (helper-87\'s f8b, a Word annex)', () => {
  it('is skipped without a word (it was "Chỉ tiêu is not a known indicator", twice)', async () => {
    const head = 'STT;Chỉ tiêu;ĐVT;Toàn tỉnh;Xã A;Xã B';
    const lines = [head, '1;Tổng số hộ đầu năm;Hộ;300;100;200', '2;Số hộ nghèo đầu năm;Hộ;30;10;20', head, '3;Tỷ lệ hộ nghèo đầu năm;%;10,00;10,00;10,00'];
    for (const r of await both(lines)) {
      // (The annex's other indicators are missing: warned as for any partial annex.)
      expect(problems(r).filter((p) => !p.includes('missing.indicator'))).toEqual([]);
      expect(r.annex.indicators).toEqual(['households_start', 'poor_start', 'rate_start']);
    }
  });
});
