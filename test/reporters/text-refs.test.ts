/**
 * The text report's table names its cells as the input does: the input's row numbers left of the printed rows and its
 * column letters over the printed columns (swapped when the table is printed the other way round), so the cell a
 * finding names (`G6`) is found in the table under it; the sheet once, in the table's heading; within the terminal.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

/** The table's lines: from the line after its heading to the legend. */
function tableLines(stdout: string, heading: RegExp): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  const end = lines.findIndex((l, i) => i > start && /✖ (lỗi|error)/.test(l) && !l.includes('│'));
  return lines.slice(start + 1, end);
}

/** `validate FILE` in a terminal `columns` wide (`args` added): its output, and its table's lines under `heading`. */
async function printed(file: string, columns: number, args: string[] = [], heading = /Bảng số liệu/): Promise<{ stdout: string; t: string[] }> {
  const r = await cli(['validate', file, ...args], { env: { COLUMNS: String(columns) } });
  return { stdout: r.stdout, t: tableLines(r.stdout, heading) };
}

/** The text of the printed cell at the input's `row` label and `col` label, read as an analyst would: along the margins. */
function at(lines: readonly string[], row: string, col: string): string {
  const letters = lines[0]!;
  const line = lines.find((l) => l.includes('│') && l.slice(0, l.indexOf('│')).trim() === row);
  if (!line) throw new Error(`no printed row ${row}`);
  const m = new RegExp(`(?<=\\s|^)${col.replace(/[–]/g, '\\$&')}(?=\\s|$)`).exec(letters);
  if (!m) throw new Error(`no printed column ${col}`);
  const x = m.index;
  // The cell of `line` whose borders enclose the letter's position.
  const left = line.lastIndexOf('│', x);
  const right = line.indexOf('│', x);
  return line.slice(left + 1, right).trim();
}

describe('the printed table, cell by the input\'s reference', () => {
  it('units as columns, as read (the seed planted with a typo): I6, D6 and I10 where the findings say', async () => {
    const { t } = await printed('fixtures/planted/poor-end-transposed.csv', 200);
    // The error's one likely cause, I6, marked ◆ too: the cell to correct.
    expect(at(t, '6', 'I')).toBe('4.963 ✖◆');
    expect(at(t, '6', 'D')).toBe('20.626 ✖');
    expect(at(t, '10', 'I')).toBe('13,56 ✖');
    expect(at(t, '1', 'I')).toBe('Chiêm Hóa');
    expect(at(t, '6', 'B')).toBe('Số hộ nghèo cuối năm');
  });

  it('units as rows in the input, printed as columns to fit: letters on the rows, row numbers over the columns (Hướng Hóa\'s G6)', async () => {
    const { stdout, t } = await printed('fixtures/published/review-2016-huong-hoa-urban-rural-gross-flows.csv', 100);
    expect(stdout).toContain('G6 · formula · Nông thôn');
    expect(at(t, 'G', '6')).toBe('8,0 ✖◆');
    expect(at(t, 'B', '6')).toBe('Nông thôn');
    expect(at(t, 'H', '5')).toBe('0 ℹ');
  });

  it('units as rows, printed as read: row numbers on the rows, letters over the columns (national 2022\'s C4)', async () => {
    const { t } = await printed('fixtures/published/national-2022-regions.csv', 250);
    expect(at(t, '4', 'C')).toBe('169.566 ✖');
    expect(at(t, '4', 'A')).toBe('Đồng bằng sông Hồng');
    expect(at(t, '2', 'E')).toBe('1.057.374 ✖');
  });

  it('rows named without figures (communes with a note only) keep their row numbers, and their warning marks the name (Vĩnh Linh\'s A6, A10)', async () => {
    const file = 'fixtures/published/review-2023-vinh-linh-district-communes-combined-falls.csv';
    const asRows = await printed(file, 400);
    expect(asRows.stdout).toContain('A6 · unknown');
    const { t } = asRows;
    expect(at(t, '6', 'A')).toBe('Xã Vĩnh Thủy ▲');
    expect(at(t, '7', 'A')).toBe('Xã Vĩnh Long');
    expect(at(t, '10', 'A')).toBe('Thị trấn Bến Quan ▲');
    expect(at(t, '13', 'A')).toBe('Xã Vĩnh Chấp');
    // Printed the other way round to fit: the same cells by row number over the columns.
    const { t: c } = await printed(file, 300, ['--lang', 'en'], /The table/);
    expect(at(c, 'A', '6')).toBe('Xã Vĩnh Thủy ▲');
    expect(at(c, 'A', '13')).toBe('Xã Vĩnh Chấp');
    expect(at(c, 'C', '3')).toBe('27.82');
  });

  it('a row a split label moved one column right: the columns keep their letters, the moved cell is named where it is (wide-row-label-split.csv)', async () => {
    const { t } = await printed('fixtures/hand-made/wide-row-label-split.csv', 200);
    expect(t[0]).not.toContain('–');
    expect(at(t, '9', 'D')).toBe('2,06 ▲');
    expect(at(t, '5', 'D')).toBe('4.188');
    expect(at(t, '1', 'K')).toBe('Lâm Bình');
  });

  it('a unit named twice: the error at its name is marked in the table (Cà Mau\'s Phú Tân, B13)', async () => {
    const { t } = await printed('fixtures/published/review-2014-ca-mau-districts-duplicate-name.csv', 250);
    expect(at(t, '13', 'B')).toBe('Huyện Phú Tân ✖');
  });

  it('a workbook: its sheet once, in the table\'s heading; the cells by letter and number', async () => {
    const { stdout, t } = await printed('fixtures/xlsx/annex-formatted.xlsx', 200);
    const heading = stdout.split('\n').find((l) => l.includes('Bảng số liệu'))!;
    expect(heading).toContain('trang "Phụ lục"');
    expect(t.join('\n')).not.toContain('Phụ lục');
    expect(stdout).toContain("'Phụ lục'!K12 · denominator · Lâm Bình");
    expect(at(t, '12', 'K')).toBe('4,00 ℹ');
  });

  it('a Word plan\'s table: rows and columns by number, as its findings count them', async () => {
    const plan = await printed('fixtures/plans/ke-hoach-giam-ngheo-2020.docx', 200, [], /^\s+Bảng 1$/);
    expect(plan.stdout).toContain('Bảng 1, dòng 10, cột 4 · denominator · Toàn tỉnh');
    const t = plan.t.map((l) => l.slice(2));
    expect(at(t, '10', '4')).toBe('2,06 ▲');
  });

  it('within the terminal: the margins count in the width; a table too wide either way is not drawn', async () => {
    for (const file of ['fixtures/published/review-2016-huong-hoa-urban-rural-gross-flows.csv', 'fixtures/planted/poor-end-transposed.csv', 'fixtures/published/national-2022-regions.csv']) {
      for (const width of [80, 120, 200]) {
        // The table's lines (its letters over it included), or the one line saying it is not drawn.
        const t = (await printed(file, width)).t.filter((l) => !l.includes('không vừa'));
        for (const l of t) expect([...l].length, `${file} at ${width}: ${l}`).toBeLessThanOrEqual(width);
      }
    }
    // Hướng Hóa's table is 79 characters wide with its letters: drawn in 80 columns, not in 78.
    const fits = await cli(['validate', 'fixtures/published/review-2016-huong-hoa-urban-rural-gross-flows.csv'], { env: { COLUMNS: '80' } });
    expect(fits.stdout).toMatch(/^G │ 5 {3}│ Tỷ lệ hộ thoát nghèo/m);
    const narrow = await cli(['validate', 'fixtures/published/review-2016-huong-hoa-urban-rural-gross-flows.csv'], { env: { COLUMNS: '78' } });
    expect(narrow.stdout).toContain('không vừa 78 cột');
  });
});
