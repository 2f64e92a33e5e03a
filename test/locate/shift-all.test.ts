/**
 * Every run of the seed annex typed one cell off is named as one: each indicator's row from any unit on, one column to
 * the right (the first cell blank, the last value in the notes column) or to the left (a value skipped, the last cell
 * blank), and each unit's column from any indicator on, one row down or up (the rate heading passed over), gives one
 * `shifted` cause whose values are the seed's (locate/shift.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, fixtures } from '../helpers.js';

const { wideRecords, shiftedRow, shiftedColumn, SEED, UNITS, COUNTS, RATES, formatNumber } = fixtures;
const INDICATORS = [...COUNTS, ...RATES];
/** The records' row of each indicator (row 6 of the records, 7 of the sheet, is the rate heading). */
const ROW = Object.fromEntries(INDICATORS.map((ind, k) => [ind, k < COUNTS.length ? 1 + k : 2 + k])) as Record<string, number>;
const seedPlain = (ind: string, unit: number) => SEED[ind]![unit]!;

function shiftedRowOf(ind: string, from: number, right: boolean): string[][] {
  return shiftedRow(wideRecords(SEED), ROW[ind]!, from, right);
}

function shiftedColumnOf(unit: number, from: number, down: boolean): string[][] {
  return shiftedColumn(wideRecords(SEED), unit, INDICATORS.slice(from).map((ind) => ROW[ind]!), down);
}

/**
 * The one cause's cells with their values, or what was found instead; `clean` when no check fails (the last two values
 * of a column moved up, 9,74 typed as the reduction and the end rate left blank: nothing says the reduction is wrong).
 */
function found(records: string[][]): string {
  const loc = checkRecords(records).localisation;
  if (loc.status === 'clean') return 'clean';
  const c = loc.causes[0];
  if (loc.status !== 'found' || loc.parts || loc.causes.length !== 1 || !c?.shift) return `no shift (${loc.status}${loc.parts ? `, ${loc.parts.length} parts` : ''})`;
  return `${c.shift.direction} ${c.cells.map((x) => `${x.cell.ref}=${x.proposed ?? '?'}`).join(' ')}`;
}

const ref = (ind: string, unit: number) => `${String.fromCharCode(68 + unit)}${ROW[ind]! + 1}`;
const plainOf = (plain: string) => formatNumber(plain, 'plain');

describe('every run of the seed typed one cell off is one shifted cause with the seed values', () => {
  const rowCases = INDICATORS.flatMap((ind) => UNITS.slice(0, -1).flatMap((_: string, from: number) => [true, false].map((right) => [ind, from, right] as const)));
  const columnCases = UNITS.flatMap((_: string, unit: number) => INDICATORS.slice(0, -1).flatMap((__, from) => [true, false].map((down) => [unit, from, down] as const)));
  it('no more than the runs no check can see are clean', () => {
    const clean = [...rowCases.map(([ind, from, right]) => found(shiftedRowOf(ind, from, right))), ...columnCases.map(([unit, from, down]) => found(shiftedColumnOf(unit, from, down)))].filter((x) => x === 'clean');
    expect(clean.length).toBeLessThanOrEqual(10);
  });

  it.each(rowCases)('row of %s from unit %i, right: %s', (ind, from, right) => {
    const expected = UNITS.slice(from).map((_: string, k: number) => `${ref(ind, from + k)}=${plainOf(seedPlain(ind, from + k))}`).join(' ');
    expect(found(shiftedRowOf(ind, from, right))).toMatch(new RegExp(`^(${right ? 'right' : 'left'} ${expected.replace(/\./g, '\\.')}|clean)$`));
  });

  it.each(columnCases)('column of unit %i from indicator %i, down: %s', (unit, from, down) => {
    const expected = INDICATORS.slice(from).map((ind) => `${ref(ind, unit)}=${plainOf(seedPlain(ind, unit))}`).join(' ');
    expect(found(shiftedColumnOf(unit, from, down))).toMatch(new RegExp(`^(${down ? 'down' : 'up'} ${expected.replace(/\./g, '\\.')}|clean)$`));
  });
});
