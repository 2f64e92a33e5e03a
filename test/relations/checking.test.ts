/**
 * When the rules only check (no `keep`), the annex's kinds decide the instances that hold on a long table's
 * integers without making them (relations/types.ts `checking`, relations/columns.ts); with `keep` every
 * instance is made and checked. Both must say the same: findings, skips and checks run, on three-level tables
 * whose figures are made hostile (negative, fractions, blanks, text, numbers too long, rates out of bounds,
 * households that change or are zero).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/index.js';
import { LongTable } from '../../src/model/long-table.js';
import { checkRecords, fixtures } from '../helpers.js';

const { hierarchyUnits, hierarchyRecords } = fixtures;

/** The rules run only checking and with every instance kept say the same: findings, skips, checks run. */
function sameWithAndWithoutInstances(annex: Parameters<typeof runRules>[0]): void {
  const plain = runRules(annex);
  const kept = runRules(annex, undefined, { keep: true });
  expect(plain.findings).toEqual(kept.findings);
  expect(plain.skipped).toEqual(kept.skipped);
  expect([...plain.ran].sort()).toEqual([...kept.ran].sort());
}

const TEXTS = ['-5', '0', '12,5', '', 'abc', '1.234.567.890.123.456.789', '-0', '101,00', '-101,00', '-5,00', '99,999', '3', '70.000', ' 12 ', '1.5', '0,00'];

describe('relations checked without their instances', () => {
  it('give the findings, skips and checks run that the instances give', () => {
    const records: string[][] = hierarchyRecords(hierarchyUnits(4));
    const rows = records.length - 1;
    const cols = records[0]!.length;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(rows - 1), fc.integer({ min: 3, max: cols - 1 }), fc.oneof(fc.constantFrom(...TEXTS), fc.nat(200_000).map(String))), { maxLength: 6 }), (edits) => {
        const table = records.map((r) => [...r]);
        for (const [r, c, text] of edits) table[r + 1]![c] = text;
        const annex = checkRecords(table).annex;
        expect(annex.values).toBeInstanceOf(LongTable);
        sameWithAndWithoutInstances(annex);
      }),
      { numRuns: 40 },
    );
  });
});

describe('rate-mean checked without its instances, and over many parts', () => {
  /** A rates-only table: a whole over `n` parts, rates with one or two decimals, some hostile. */
  const table = (whole: string, parts: string[]) => [['Đơn vị', 'Tỷ lệ hộ nghèo (%)'], ['Cả nước', whole], ...parts.map((p, i) => [`Xã số ${i + 1}`, p])];
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map((x) => `${Math.floor(x / 10)},${x % 10}`),
    fc.integer({ min: 0, max: 10000 }).map((x) => `${Math.floor(x / 100)},${String(x % 100).padStart(2, '0')}`),
  );
  const rate = fc.oneof(figure, fc.constantFrom('', 'abc', '12', '100,00'));

  it('the whole within its parts or not: the same findings, skips and checks with and without instances', () => {
    fc.assert(
      // Two parts with figures at least (a column of blanks is no table of rates).
      fc.property(rate, figure, figure, fc.array(rate, { maxLength: 10 }), (whole, a, b, rest) => {
        const annex = checkRecords(table(whole, [a, ...rest, b])).annex;
        sameWithAndWithoutInstances(annex);
      }),
      { numRuns: 200 },
    );
  });

  it('over more than 200 parts the instance keeps the parts that set the bounds: the same finding, its lowest and highest parts named', () => {
    const parts = Array.from({ length: 500 }, (_, i) => `${10 + (i % 50)},${i % 10}`);
    parts[321] = '5,5';
    parts[77] = '70,0';
    for (const whole of ['99,0', '1,0']) {
      const annex = checkRecords(table(whole, parts)).annex;
      const kept = runRules(annex, undefined, { keep: true });
      const plain = runRules(annex);
      expect(plain.findings).toEqual(kept.findings);
      const f = kept.findings.find((x) => x.rule === 'rate-mean')!;
      expect(f.msg.params).toMatchObject({ min: '5.5', max: '70.0', minUnit: 'Xã số 322', maxUnit: 'Xã số 78' });
    }
  });
});
