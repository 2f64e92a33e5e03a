/**
 * A figure of more digits than any count or rate has (a rate cell of a thousand zeros, 1E+308 stored in a
 * workbook) is not read as a number: one finding at its cell, its text cut in the message. Read as a number, every
 * check and the search for a slip worked on its digits (a 257 KB table of such rates ran for minutes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIGURE_DIGITS } from '../../src/shape/numbers.js';
import { checkCsv, cli, FIXTURES } from '../helpers.js';

const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');

describe('a figure of more digits than a table has', () => {
  it('is a number finding at its cell, its text cut; the other figures are checked', async () => {
    const long = `0,${'0'.repeat(5000)}1`;
    const r = await checkCsv(seed.replace(';%;11,80;9,31;', `;%;${long};9,31;`));
    const at = r.findings.filter((f) => f.rule === 'number');
    expect(at.map((f) => [f.at?.ref, f.msg.id])).toEqual([['D8', 'number.digits']]);
    expect(r.coverage.ran).toContain('sum');
  });

  it(`up to ${MAX_FIGURE_DIGITS} digits is a figure; one more is not`, async () => {
    const digits = (n: number) => `0,${'0'.repeat(n - 4)}118`; // n digits, the 0 before the mark one of them
    const ids = async (n: number) => (await checkCsv(seed.replace(';%;11,80;9,31;', `;%;${digits(n)};9,31;`))).findings.filter((f) => f.at?.ref === 'D8').map((f) => f.msg.id);
    expect(await ids(MAX_FIGURE_DIGITS)).not.toContain('number.digits');
    expect(await ids(MAX_FIGURE_DIGITS + 1)).toContain('number.digits');
  });

  it('rate refuses such a count in one line, its text cut', async () => {
    const r = await cli(['rate', '1', `0.${'0'.repeat(20000)}1`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toMatch(/…" is not a number of households/);
  });
});
