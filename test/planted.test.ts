/**
 * Any single planted error in one count or rate of the seed annex gives at least one error, of the right
 * rule at the right cell: sum at the total's cell, flow at poor_end, rate / rate-change at the rate cell.
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, fixtures } from './helpers.js';

const { wideRecords, cloneData, SEED, UNITS, COUNTS, RATES } = fixtures;
const COL = 'DEFGHIJK';
const ROW: Record<string, number> = {
  households_start: 2,
  households_end: 3,
  poor_start: 4,
  poor_reduced: 5,
  poor_end: 6,
  rate_start: 8,
  rate_reduced: 9,
  rate_end: 10,
};
const ref = (ind: string, unit: number) => `${COL[unit]}${ROW[ind]}`;

/** Typical slips: off by one, digits swapped, a digit doubled or dropped. */
function countSlips(v: string): string[] {
  const out = new Set<string>([String(Number(v) + 1), String(Math.max(0, Number(v) - 1)), `${v}0`]);
  if (v.length > 1) out.add(v.slice(0, -1));
  for (let i = 0; i + 1 < v.length; i++) if (v[i] !== v[i + 1]) out.add(v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2));
  out.delete(v);
  return [...out].filter((x) => !/^0\d/.test(x));
}

function rateSlips(v: string): string[] {
  const cents = Math.round(Number(v) * 100);
  const fmt = (c: number) => (c / 100).toFixed(2);
  const out = new Set<string>([fmt(cents + 1), fmt(Math.max(0, cents - 1)), fmt(cents + 10)]);
  const digits = v.replace('.', '');
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const s = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    out.add(`${s.slice(0, -2)}.${s.slice(-2)}`.replace(/^0(\d)/, '$1'));
  }
  out.delete(v);
  return [...out];
}

const cases: Array<[string, string, number, string]> = [];
for (const ind of [...COUNTS, ...RATES]) {
  UNITS.forEach((_u: string, i: number) => {
    const slips = ind.startsWith('rate_') ? rateSlips(SEED[ind]![i]!) : countSlips(SEED[ind]![i]!);
    for (const s of slips) cases.push([`${ind} of ${UNITS[i]} ${SEED[ind]![i]} → ${s}`, ind, i, s]);
  });
}

describe('every single planted error in the seed annex', () => {
  it(`covers many slips (${cases.length})`, () => expect(cases.length).toBeGreaterThan(250));

  it.each(cases)('%s', (_name, ind, unit, value) => {
    const data = cloneData();
    data[ind]![unit] = value;
    const r = checkRecords(wideRecords(data));
    const errors = r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.at?.ref}`);
    const expected: string[] = [];
    if (COUNTS.includes(ind)) expected.push(`sum@${ref(ind, 0)}`);
    if (ind === 'poor_end' || ind === 'poor_reduced' || ind === 'poor_start') expected.push(`flow@${ref('poor_end', unit)}`);
    if (ind === 'rate_start' || ind === 'rate_end') expected.push(`rate@${ref(ind, unit)}`);
    if (ind === 'rate_reduced') expected.push(`rate-change@${ref(ind, unit)}`);
    expect(errors).toEqual(expect.arrayContaining(expected));
  });
});
