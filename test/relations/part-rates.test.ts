/**
 * Rows under a count that give their own count and rate (`- Hộ nghèo về tiêu chí thu nhập;16.594;20,83`, Bắc Kạn
 * 2018): their rates are checked over the households as their parent's are (they were not, while the coverage said
 * `rate` ran), and one such row alone is a group of the count ("of which"), not a breakdown it must add up to.
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.expected ?? ''}`);

describe('rates of the rows under a count', () => {
  const head = ['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Tổng số hộ toàn tỉnh;79.677;', 'Hộ nghèo;17.435;21,88'];

  it('one row: of which (at most the count), its rate over the households', async () => {
    expect(errors(await check([...head, '- Hộ nghèo về tiêu chí thu nhập;16.594;20,83'].join('\n')))).toEqual([]);
    expect(errors(await check([...head, '- Hộ nghèo về tiêu chí thu nhập;16.594;20,82'].join('\n')))).toEqual(['rate C4 20.83']);
    const r = await check([...head, '- Hộ nghèo về tiêu chí thu nhập;16.594;20,83'].join('\n'));
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['rate', 'of-which']));
    expect(r.coverage.ran).not.toContain('breakdown');
  });

  it('two rows: a breakdown that adds up, each rate checked', async () => {
    const rows = [...head, '- Hộ nghèo về tiêu chí thu nhập;16.594;20,83', '- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;841;1,06'];
    expect(errors(await check(rows.join('\n')))).toEqual([]);
    expect(errors(await check(rows.join('\n').replace('841;1,06', '841;1,60')))).toEqual(['rate C5 1.06']);
  });
});

describe('a column of reductions beside the measures', () => {
  it('is each row\'s reduction in points, not a unit whose households are rates (Bắc Kạn 2018: 4 range errors)', async () => {
    const r = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%);Giảm so với năm 2017 (%)', 'Tổng số hộ toàn tỉnh;79.677;;', 'Hộ nghèo;17.435;21,88;2,65', 'Hộ cận nghèo;9.415;11,82;'].join('\n'));
    expect(errors(r)).toEqual([]);
    expect(r.coverage.ran).toContain('rate');
    const slip = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%);Giảm so với năm 2017 (%)', 'Tổng số hộ toàn tỉnh;79.677;;', 'Hộ nghèo;17.435;21,98;2,65', 'Hộ cận nghèo;9.415;11,82;'].join('\n'));
    expect(errors(slip)).toEqual(['rate C3 21.88']);
  });
});

describe('a count broken down two ways', () => {
  const rows = [
    'Chỉ tiêu;Số hộ;Tỷ lệ (%)',
    'Tổng số hộ toàn tỉnh;79.677;',
    'Hộ nghèo;17.435;21,88',
    '- Hộ nghèo về tiêu chí thu nhập;16.594;20,83',
    '- Hộ nghèo thiếu hụt các dịch vụ xã hội cơ bản;841;1,06',
    'Hộ nghèo phân theo dân tộc;;',
    '- Dân tộc Dao;5.793;',
    '- Dân tộc Tày;5.320;',
    '- Dân tộc khác;6.322;',
  ];

  it('by a heading `… phân theo dân tộc`: each list adds up to the count on its own', async () => {
    const r = await check(rows.join('\n'));
    expect(errors(r)).toEqual([]);
    expect(r.coverage.ran).toContain('breakdown');
    expect(r.findings.filter((f) => f.rule === 'unknown')).toEqual([]);
  });

  it('a slip in the second list is found there, with no negative count proposed', async () => {
    const r = await check(rows.join('\n').replace('5.793', '5.739'));
    expect(errors(r)).toEqual(['breakdown B3 17381']);
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['B7', '5793']]);
    expect(r.localisation.causes.flatMap((c) => c.cells).every((c) => !(c.proposed ?? '').startsWith('-') && !(c.range?.min ?? '').startsWith('-'))).toBe(true);
  });
});

