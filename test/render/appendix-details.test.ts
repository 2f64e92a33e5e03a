/** Details of the appendix table a person sees: the unit line over it, a wrapped name's row in the xlsx. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('the unit line', () => {
  it.each([
    ['fixtures/published/targets-2023-central-highlands-ethnic-minority-achievement.csv', 'vi', 'Đơn vị tính: %'],
    ['fixtures/published/review-2022-thuan-bac-district-gross-flows-poor-near-poor.csv', 'vi', 'Đơn vị tính: hộ, %'],
    ['fixtures/published/targets-2023-central-highlands-ethnic-minority-achievement.csv', 'en', 'Unit: %'],
  ])('%s (%s): %s', async (file, lang, line) => {
    const r = await cli(['table', file, '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    // The line right over the table (over it, the year the labels name: compute/label-year.ts).
    const lines = r.stdout.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('┌')) - 1]).toBe(line);
  });
});

describe('the xlsx body', () => {
  it('gives a row the height of a name wrapped in its column (LibreOffice printed it over the next row)', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { inspectXlsx } = await import('../xlsx-inspect.js');
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-wrap-')), 't.xlsx');
    const r = await cli(['table', 'fixtures/published/review-2022-thuan-bac-district-gross-flows-poor-near-poor.csv', '--format', 'xlsx', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const ws = inspectXlsx(readFileSync(out)).worksheets[0]!;
    let row = 1;
    while (row < 40 && ws.getRow(row).getCell(2).value !== 'Huyện Thuận Bắc') row++;
    expect(ws.getRow(row).getCell(2).value).toBe('Huyện Thuận Bắc');
    // Two lines of the table's type: more than the default height of one.
    expect(ws.getRow(row).height ?? 0).toBeGreaterThan(20);
  });
});
