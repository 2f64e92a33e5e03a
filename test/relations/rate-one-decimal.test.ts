/**
 * A table that prints every start and end rate at one decimal, as a statistical release does (`11,8`, `9,3`): its rates
 * are checked at the precision printed (calc/annex-math.ts `annexRateDecimals`), as the brief's convention says; they
 * were checked at two, an error at every rate ("expected 9.31, found 9.3"). A table that mixes keeps two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annexRateDecimals } from '../../src/calc/annex-math.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv, cli, FIXTURES } from '../helpers.js';

const ONE = join(FIXTURES, 'variants', 'rates-one-decimal.csv');
const text = () => readFileSync(ONE, 'utf8').replace(/^\uFEFF/, '');

describe('rates printed at one decimal throughout', () => {
  it('check clean at one decimal, every check run', async () => {
    const r = await checkCsv(text());
    expect(annexRateDecimals(r.annex)).toBe(1);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.coverage.ran).toContain('rate');
    const seed = await checkCsv(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(annexRateDecimals(seed.annex)).toBe(2);
  });

  it('a slip is localised, and the rate it carries is recomputed at one decimal, said so', async () => {
    const r = await checkCsv(text().replace(';2.704;2.468;', ';2.740;2.468;'));
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind])).toEqual([['J6', '2704', 'transposition']]);
    const rate = r.findings.find((f) => f.rule === 'rate')!;
    expect([rate.at?.ref, rate.expected, rate.actual]).toEqual(['J10', '25.9', '25.6']);
    expect(renderMessage(rate.msg, makeFmt('en'))).toContain('→ 25.9 (over the END-of-year households, rounded half-up to 1 decimal, as the table prints its rates)');
  });

  it('one rate at two decimals among them: the table is a plan\'s, checked at two as before', async () => {
    const r = await checkCsv(text().replace(';%;11,8;', ';%;11,80;'));
    expect(annexRateDecimals(r.annex)).toBe(2);
    expect(r.findings.filter((f) => f.rule === 'rate' && f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('table computes and writes its rates at one decimal, and lists no difference', async () => {
    const t = await cli(['table', ONE, '--lang', 'en', '--format', 'csv']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("Start of year,%,11.8,9.3,9.3,1.0,15.1,16.0,29.6,36.0");
    expect(t.stderr).toBe('');
  });
});
