/**
 * An indicator's label over two columns (`Tỷ lệ hộ nghèo | Đầu năm`, the group merged down, typed again or written in
 * its first row only): each row's label is the two joined (src/shape/split-labels.ts). Before, the CSV form gave
 * "✔ no errors" (the rates never checked, the sub-labels' column "unknown"), and the merged forms two false
 * `duplicate` errors in place of the real one (new-fixtures-29 c11b, x6, d1, d1b).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { joinSplitLabels } from '../../src/shape/split-labels.js';
import { essence, FIXTURES } from '../helpers.js';
import { sheetXml, str, workbook } from '../xlsx-build.js';

const HEADER = 'STT;Chỉ tiêu;;ĐVT;Tổng cộng;Na Hang;Lâm Bình';
const COUNTS = ['1;Tổng số hộ đầu năm;;Hộ;18.101;10.468;7.633', '2;Tổng số hộ cuối năm;;Hộ;18.285;10.580;7.705', '3;Số hộ nghèo đầu năm;;Hộ;5.844;3.094;2.750', '4;Số hộ nghèo giảm trong năm;;Hộ;672;390;282', '5;Số hộ nghèo cuối năm;;Hộ;5.172;2.704;2.468'];
/** The rates' figures, Na Hang's end rate 25,56 typed 25,65. */
const RATES = [['Đầu năm', '32,29;29,56;36,03'], ['Giảm trong năm', '4,00;4,00;4,00'], ['Cuối năm', '28,29;25,65;32,03']] as const;

const check = async (lines: readonly string[]) => checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${lines.join('\n')}`, 'utf8'), { name: 't.csv' }));
/** The rate block with the group label in its first row only (`first`), or typed again in each row (`every`). */
const rateRows = (group: 'first' | 'every', label = 'Tỷ lệ hộ nghèo') => RATES.map(([sub, figures], i) => `${i === 0 ? '6' : ''};${i === 0 || group === 'every' ? label : ''};${sub};%;${figures}`);
const problems = (r: Awaited<ReturnType<typeof check>>) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref ?? '-'}`);
const EXPECTED = ['error rate-change F8', 'error rate F9', 'warning denominator E8'];

describe('an indicator label over two columns', () => {
  it('with the group in its first row only (a merge exported to CSV): the rates are checked, the end rate found', async () => {
    const r = await check([HEADER, ...COUNTS, ...rateRows('first')]);
    expect(problems(r)).toEqual(EXPECTED);
    expect(r.annex.labelCells['rate_end']).toMatchObject({ raw: 'Tỷ lệ hộ nghèo – Cuối năm', ref: 'C9' });
    expect(r.localisation.causes[0]?.cells.map((c) => c.cell.ref)).toEqual(['F9']);
  });

  it('finds what the seed\'s one column finds', async () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace('25,56;32,03', '25,65;32,03').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    const split = seed.map((l) => l.replace(/^([^;]*);- /, '$1;;').replace(/^6;Tỷ lệ hộ nghèo;;/, ''));
    // The seed's heading row joined to its first phase's row: `6;Tỷ lệ hộ nghèo;Đầu năm;…`, `;;Giảm trong năm;…`.
    const rows = split.filter((l) => l !== '' && !/^;;;/.test(l)).map((l) => (/^;;Đầu năm/.test(l) ? `6;Tỷ lệ hộ nghèo;${l.slice(2)}` : l));
    const twoColumns = rows.map((l) => (/^(?:[1-5]|STT);/.test(l) ? l.replace(/^([^;]*;[^;]*);/, '$1;;') : l));
    const a = await check(seed);
    const b = await check(twoColumns);
    expect(b.findings.map(essence)).toEqual(a.findings.map(essence));
    expect(b.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
  });

  it('typed again in each row: no duplicate, the same findings', async () => {
    const r = await check([HEADER, ...COUNTS, ...rateRows('every')]);
    expect(problems(r)).toEqual(EXPECTED);
  });

  it('merged down in a workbook (B7:B9, the text repeated at B7): never a duplicate', async () => {
    // Text cells, as typed (`4,00` keeps its decimals); the reader repeats B7's text, with its reference, in B8:B9.
    const rows = [HEADER, ...COUNTS, ...rateRows('first')].map((line, r) => line.split(';').map((t, c) => str(`${'ABCDEFG'[c]}${r + 1}`, t)));
    const xml = sheetXml(rows, '<mergeCells count="2"><mergeCell ref="B7:B9"/><mergeCell ref="A7:A9"/></mergeCells>');
    const r = checkGrid(await gridFromAnyBytes(workbook([['Phụ lục', xml]]), { name: 't.xlsx' }));
    expect(problems(r).map((p) => p.replace(/Phụ lục!/, ''))).toEqual(EXPECTED);
  });

  it('the counts too (`Tổng số hộ | Đầu năm`, `Số hộ nghèo | Giảm trong năm`), in English too', async () => {
    const vi = await check([HEADER, '1;Tổng số hộ;Đầu năm;Hộ;18.101;10.468;7.633', ';;Cuối năm;Hộ;18.285;10.580;7.705', '2;Số hộ nghèo;Đầu năm;Hộ;5.844;3.094;2.750', ';;Giảm trong năm;Hộ;672;390;282', ';;Cuối năm;Hộ;5.172;2.704;2.468', ...rateRows('first', 'Tỷ lệ hộ nghèo (%)')]);
    expect(vi.annex.indicators).toEqual(['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end']);
    expect(problems(vi)).toEqual(EXPECTED);
    const en = await check(['No;Indicator;;Unit;Total;Na Hang;Lâm Bình', '1;Poor households;Start of year;Households;5844;3094;2750', ';;End of year;Households;5172;2704;2468', '2;Poverty rate;Start of year;%;32.29;29.56;36.03', ';;End of year;%;28.29;25.65;32.03']);
    expect(en.annex.indicators).toEqual(['poor_start', 'poor_end', 'rate_start', 'rate_end']);
    expect(en.findings.filter((f) => f.rule === 'unknown' || f.rule === 'duplicate')).toEqual([]);
  });

  it('years as sub-labels (`Năm 2019 | Giảm so với năm 2019 | Năm 2020`): read as the one column\'s `Tỷ lệ hộ nghèo năm 2019`, never a unit (new-fixtures-30 l5, l5b)', async () => {
    const years = [['Năm 2019', '32,29;29,56;36,03'], ['Giảm so với năm 2019', '4,00;4,00;4,00'], ['Năm 2020', '28,29;25,65;32,03']] as const;
    const rows = years.map(([sub, figures], i) => `${i === 0 ? '6' : ''};${i === 0 ? 'Tỷ lệ hộ nghèo' : ''};${sub};%;${figures}`);
    const r = await check([HEADER, ...COUNTS, ...rows]);
    // Before: column C read as a unit named "C" (`C: no value …` ×5, `"Năm 2019" is not a number`), the rates not read.
    expect(r.findings.filter((f) => f.unit === 'C')).toEqual([]);
    expect(r.annex.labelCells['rate_reduced']).toMatchObject({ raw: 'Tỷ lệ hộ nghèo – Giảm so với năm 2019', ref: 'C8' });
    expect(problems(r)).toEqual(['error rate-change F8', 'warning denominator E8']);
    const oneColumn = await check([HEADER.replace(';;', ';'), ...COUNTS.map((l) => l.replace(';;', ';')), ...years.map(([sub, figures], i) => `${6 + i};Tỷ lệ hộ nghèo ${sub.replace(/^Năm/, 'năm').replace(/^Giảm/, 'giảm')};%;${figures}`)]);
    expect(r.findings.map(essence)).toEqual(oneColumn.findings.map(essence));
    const correct = await check([HEADER, ...COUNTS, ...rows.map((l) => l.replace('25,65', '25,56'))]);
    expect(correct.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a bare year or a row of other words as the sub-label: not joined', async () => {
    const grid = await gridFromAnyBytes(Buffer.from([HEADER, ...COUNTS, '6;Tỷ lệ hộ nghèo;2019;%;32,29;29,56;36,03', ';;2020;%;28,29;25,65;32,03'].join('\n'), 'utf8'), { name: 't.csv' });
    expect(joinSplitLabels(grid, { cols: 12, rows: 300 })).toBe(grid);
  });

  it('a group row of its own, its phases under it in the next column', async () => {
    const r = await check([HEADER, ...COUNTS, '6;Tỷ lệ hộ nghèo;;;;;', ...RATES.map(([sub, figures]) => `;;${sub};%;${figures}`)]);
    expect(problems(r)).toEqual(['error rate-change F9', 'error rate F10', 'warning denominator E9']);
  });
});

describe('labels that are not split', () => {
  it('the seed\'s one column: the grid as read', async () => {
    const grid = await gridFromAnyBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv')), { name: 't.csv' });
    expect(joinSplitLabels(grid, { cols: 12, rows: 300 })).toBe(grid);
  });

  it('a long table\'s header row of phases under its groups, the units\' header over a blank: not joined', async () => {
    const lines = [
      'Đơn vị;Tổng số hộ;;Số hộ nghèo;;;Tỷ lệ hộ nghèo (%);;',
      ';Đầu năm;Cuối năm;Đầu năm;Giảm trong năm;Cuối năm;Đầu năm;Giảm trong năm;Cuối năm',
      'Toàn tỉnh;18.101;18.285;5.844;672;5.172;32,29;4,00;28,29',
      'Na Hang;10.468;10.580;3.094;390;2.704;29,56;4,00;25,65',
      'Lâm Bình;7.633;7.705;2.750;282;2.468;36,03;4,00;32,03',
    ];
    const grid = await gridFromAnyBytes(Buffer.from(lines.join('\n'), 'utf8'), { name: 't.csv' });
    expect(joinSplitLabels(grid, { cols: 12, rows: 300 })).toBe(grid);
    const r = checkGrid(grid);
    expect(r.annex.layout).toBe('long');
    expect(problems(r)).toEqual(['error rate-change H4', 'error rate I4', 'warning denominator H3']);
  });

  it('a long table\'s header with a reduction beside a rate (`Tỷ lệ hộ nghèo năm 2022 (%) | Giảm (%)`): one row, not joined', async () => {
    const lines = ['Đối tượng;Tỷ lệ hộ nghèo năm 2021 (%);Tỷ lệ hộ nghèo năm 2022 (%);Giảm (%)', 'Hộ dân tộc thiểu số;25,91;21,02;5,89'];
    const grid = await gridFromAnyBytes(Buffer.from(lines.join('\n'), 'utf8'), { name: 't.csv' });
    expect(joinSplitLabels(grid, { cols: 12, rows: 300 })).toBe(grid);
  });
});
