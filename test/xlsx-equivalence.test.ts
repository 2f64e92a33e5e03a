/**
 * The same table as CSV and as the .xlsx LibreOffice saved from it (scripts/xlsx-fixtures.mjs) gives the same
 * findings at the same A1 cells; in particular every planted error is found at its cell either way.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/calc/decimal.js';
import { readGrid } from '../src/read/index.js';
import { checkGrid } from '../src/check-grid.js';
import type { Finding } from '../src/model/finding.js';
import { FIXTURES, fixtures } from './helpers.js';
// @ts-expect-error plain JavaScript module without types
import { CONVERTED } from '../scripts/xlsx-fixtures.mjs';

const converted = CONVERTED as Array<{ csv: string }>;
const planted = fixtures.planted();

/** What must agree: rule, severity, cell, unit, indicator; the numbers by value (11.80 as CSV is 11.8 as General). */
const key = (f: Finding) => `${f.severity} ${f.rule} ${f.at?.ref ?? '-'} ${f.unit ?? '-'} ${f.indicator ?? '-'}`;
const value = (s: string | undefined) => (s === undefined ? '-' : /^-?\d+(\.\d+)?$/.test(s) ? new Dec(s).toFixed() : s);

describe.each(converted.map((c) => c.csv))('%s as CSV and as XLSX', async (csv) => {
  const fromCsv = checkGrid(await readGrid(join(FIXTURES, csv)));
  const fromXlsx = checkGrid(await readGrid(join(FIXTURES, 'xlsx', csv.replace(/\.csv$/, '.xlsx'))));

  it('gives the same findings at the same cells', () => {
    expect(fromXlsx.findings.map(key).sort()).toEqual(fromCsv.findings.map(key).sort());
  });

  it('with the same expected and actual values', () => {
    const pairs = (r: typeof fromCsv) => r.findings.map((f) => `${key(f)} ${value(f.expected)} ${value(f.actual)}`).sort();
    expect(pairs(fromXlsx)).toEqual(pairs(fromCsv));
  });

  it('and the same checks left out', () => {
    const skips = (r: typeof fromCsv) => r.skipped.map((s) => `${s.rule} ${s.unit ?? '-'}`).sort();
    expect(skips(fromXlsx)).toEqual(skips(fromCsv));
  });

  const p = planted[csv];
  if (p) {
    it(`finds the planted error at ${p.cell} (${p.rule}) in the workbook, on its sheet`, () => {
      const f = fromXlsx.findings.find((x) => x.rule === p.rule && x.at?.ref === p.cell && x.severity === 'error');
      expect(f).toBeDefined();
      expect(f!.at!.sheet).toBe(csv.split('/').pop()!.replace(/\.csv$/, ''));
    });
  }
});
