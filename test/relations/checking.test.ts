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
        const plain = runRules(annex);
        const kept = runRules(annex, undefined, { keep: true });
        expect(plain.findings).toEqual(kept.findings);
        expect(plain.skipped).toEqual(kept.skipped);
        expect([...plain.ran].sort()).toEqual([...kept.ran].sort());
      }),
      { numRuns: 40 },
    );
  });
});
