/**
 * The whole table's tally (locate/table.ts `tableFacts`): a long table's stored numbers are tallied from its
 * columns (`LongTable.eachValue`), without a Value or Cell each; the tally must be the one made from the
 * values themselves (the same table's rows read as Value objects), on random tables of counts grouped or not,
 * with decimals, rates of 0–3 decimals, blanks, text and cells with spaces. A corrected table's facts, derived
 * from the original's and made when first read, are those of the corrected table tallied whole.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { tableFacts } from '../../src/locate/table.js';
import { LongTable } from '../../src/model/long-table.js';
import { RowValues, type Annex } from '../../src/model/annex.js';
import { Dec } from '../../src/calc/decimal.js';
import { buildSystem } from '../../src/locate/model.js';
import { patchAnnex } from '../../src/locate/patch.js';

const HEADER = ['Tên đơn vị', 'Tổng số hộ đầu năm', 'Tổng số hộ cuối năm', 'Số hộ nghèo đầu năm', 'Số hộ nghèo giảm trong năm', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo đầu năm (%)', 'Tỷ lệ hộ nghèo cuối năm (%)'];

const group = (int: string) => int.replace(/\B(?=(\d{3})+$)/g, '.');

const count = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => group(String(n))),
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([n, dp, g]) => `${g ? group(String(n)) : n},${'5'.repeat(dp)}`),
  fc.constantFrom('', 'n/a', ' 1.234 ', '-', '01.234', '1000', '1.000', '1000,000', '999,9999'),
);
const rate = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 3 })).map(([n, dp]) => (dp === 0 ? String(n) : `${n},${'7'.repeat(dp)}`)),
  fc.constantFrom('', 'x', ' 12,5'),
);
const row = fc.tuple(fc.array(count, { minLength: 5, maxLength: 5 }), fc.array(rate, { minLength: 2, maxLength: 2 }));

/** The tally as plain data (maps as sorted entries). */
function tallyOf(annex: Annex) {
  const t = (tableFacts(annex) as unknown as { tally: { rates: Map<number, number>; bySlot: Map<string, Map<number, number>>; grouped: number; plainDigits: number; anyFormula: boolean } }).tally;
  const sorted = (m: Map<number, number>) => [...m].filter(([, k]) => k !== 0).sort((a, b) => a[0] - b[0]);
  return {
    rates: sorted(t.rates),
    bySlot: [...t.bySlot].map(([s, m]) => [s, sorted(m)] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    grouped: t.grouped,
    plainDigits: t.plainDigits,
    anyFormula: t.anyFormula,
  };
}

describe('locate/table.ts: the tally of a long table from its columns', () => {
  it('is the tally of its values, on random tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const lines = [HEADER.join(';'), 'Tỉnh A;12.345;12.400;1.234;100;1.134;10,00;9,15', ...rows.map(([c, r], i) => [`Xã ${i}`, ...c, ...r].join(';'))];
        const { text, encoding } = decodeBytes(new TextEncoder().encode(lines.join('\r\n')));
        const { annex } = await shapeTable(delimitedTable(text, encoding, undefined, 2));
        expect(annex.values).toBeInstanceOf(LongTable);
        const asRows: Annex = { ...annex, values: new RowValues([...annex.values]) };
        expect(tallyOf(annex)).toEqual(tallyOf(asRows));
      }),
      { numRuns: 150 },
    );
  });
});

describe('locate/table.ts: a corrected table’s facts, derived from the original’s', () => {
  it('are the facts of the corrected table tallied whole, on random tables and corrections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), fc.nat(), fc.oneof(count, rate), async (rows, pick, text) => {
        const lines = [HEADER.join(';'), 'Tỉnh A;12.345;12.400;1.234;100;1.134;10,00;9,15', ...rows.map(([c, r], i) => [`Xã ${i}`, ...c, ...r].join(';'))];
        const { text: decoded, encoding } = decodeBytes(new TextEncoder().encode(lines.join('\r\n')));
        const { annex } = await shapeTable(delimitedTable(decoded, encoding, undefined, 2));
        const sys = buildSystem(annex);
        const cells = [...sys.cells.values()].filter((c) => sys.isVar(c.ref));
        const proposed = Number(text.replace(/\./g, '').replace(',', '.'));
        if (cells.length === 0 || !Number.isFinite(proposed)) return;
        const cell = cells[pick % cells.length]!;
        const patched = patchAnnex(sys, new Map([[cell.ref, new Dec(proposed)]]));
        const whole: Annex = { ...patched, values: new RowValues([...patched.values]) };
        expect(tallyOf(patched)).toEqual(tallyOf(whole));
        const [a, b] = [tableFacts(patched), tableFacts(whole)];
        expect([a.rateDp, a.grouping, a.anyFormula]).toEqual([b.rateDp, b.grouping, b.anyFormula]);
        for (const ind of annex.indicators) expect(a.proposalDp(ind)).toBe(b.proposalDp(ind));
      }),
      { numRuns: 100 },
    );
  });
});
