/**
 * The text report ends with the table as read, its failing cells marked: for every shape, with the table's
 * values (before, a published shape showed only its unit names) in the same layout `table` uses. The HTML
 * report's table too.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers.js';
import { knownWidth, terminalWidth } from '../../src/commands/shared.js';

const tableOf = (stdout: string) => stdout.slice(stdout.indexOf('Bảng số liệu (ô có vấn đề được đánh dấu)'));

describe('the marked table of a published shape', () => {
  it('national-2022-regions: the values, grouped column names, the failing cells marked', async () => {
    const r = await cli(['validate', 'fixtures/published/national-2022-regions.csv']);
    const box = tableOf(r.stdout);
    expect(box).toContain('│ Hộ nghèo: Số hộ │');
    // ✖ where the checks fail; ◆ on the cell of the likely cause that looks like a typing slip, which holds no finding
    // of its own (E4's 69.239 makes E2's sum and C4 fail), so that the table shows the cell to correct. G2 and G6,
    // which together explain C2 and C6 but look like no slip (both off by 119), are not marked.
    expect(box).toMatch(/│ Cả nước\s+│\s+7,52 │\s+1\.972\.767 ✖ │\s+4,03 │\s+1\.057\.374 ✖ │\s+3,49 │\s+915\.274 │/);
    expect(box).toMatch(/│ 4\s+│ Tây Nguyên\s+│\s+15,39 │\s+236\.766 ✖ │\s+8,39 │\s+129\.160 │\s+6,99 │\s+107\.487 │/);
    expect(box).toMatch(/│ 2\s+│ Đồng bằng sông Hồng\s+│\s+2,45 │\s+169\.566 ✖ │\s+1,00 │\s+69\.239 ◆ │/);
    expect(box).toContain('✖ lỗi  ▲ cảnh báo  ℹ thông tin  ◆ nguyên nhân có thể (ô cần sửa)');
  });

  it('urban/rural blocks and years as rows: numbered as the forms, values as printed', async () => {
    const blocks = tableOf((await cli(['validate', 'fixtures/published/review-2022-binh-dinh-urban-rural.csv'])).stdout);
    expect(blocks).toMatch(/│ I\s+│ Khu vực thành thị\s+│\s+6,39 │\s+10\.618 │/);
    expect(blocks).toMatch(/│\s+│ Tổng cộng \(I\+II\)\s+│\s+11,34 │\s+│/);
    const years = tableOf((await cli(['validate', 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv'])).stdout);
    expect(years).toMatch(/│ 4\s+│ Năm 2013\s+│ %\s+│ 14,93 │\s+6,06 │\s+16,5 ▲ │/);
  });

  it('the annex keeps its own layout', async () => {
    const box = tableOf((await cli(['validate', 'fixtures/planted/poor-end-transposed.csv'])).stdout);
    expect(box).toContain('Tổng số hộ đầu năm');
  });
});

describe('the marked table and the terminal\'s width', () => {
  const lines = (stdout: string) => tableOf(stdout).split('\n').filter((l) => l.includes('│'));
  const widest = (stdout: string) => Math.max(...lines(stdout).map((l) => [...l].length));

  it('years as columns (Bắc Giang): the indicators as rows, years as columns, as read, within the terminal', async () => {
    const r = await cli(['validate', 'fixtures/published/indicators-bac-giang-years-as-columns.csv'], { env: { COLUMNS: '156' } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(156);
    expect(tableOf(r.stdout)).toMatch(/│ 4\s+│ Tỷ lệ hộ nghèo\s+│ %\s+│\s+│\s+15,40 ✖ │/);
  });

  it('a terminal of unknown size (0 columns, as `script` gives) is taken as 160 columns, not 0', () => {
    const io = (columns: number | undefined, env: Record<string, string> = {}) => ({ columns, env }) as unknown as Parameters<typeof terminalWidth>[0];
    expect(terminalWidth(io(0))).toBe(160);
    expect(knownWidth(io(0))).toBe(false);
    expect(terminalWidth(io(0, { COLUMNS: '100' }))).toBe(100);
    expect(terminalWidth(io(90, { COLUMNS: '100' }))).toBe(90);
    expect(knownWidth(io(90))).toBe(true);
  });

  it('a table that fits neither way is not drawn: one line says so and where to see it', async () => {
    const r = await cli(['validate', 'fixtures/tuyen-quang-2020.csv'], { env: { COLUMNS: '80' } });
    expect(lines(r.stdout)).toEqual([]);
    // validate's HTML report, which marks the findings' cells (`table` recomputes them: a file with errors looks clean there).
    expect(tableOf(r.stdout)).toMatch(/Bảng rộng \d+ ký tự, không vừa 80 cột của màn hình .*povcheck validate "fixtures\/tuyen-quang-2020.csv" --format html -o bao-cao.html/);
    const en = await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(en.stdout).toMatch(/The table is \d+ characters wide and does not fit the terminal's 80 columns/);
    expect(widest((await cli(['validate', 'fixtures/tuyen-quang-2020.csv'], { env: { COLUMNS: '160' } })).stdout)).toBeLessThanOrEqual(160);
    // Written to a file, the table is drawn whatever the terminal.
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-wide-')), 'report.txt');
    await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '-o', out], { env: { COLUMNS: '80' } });
    expect(lines(readFileSync(out, 'utf8')).length).toBeGreaterThan(5);
  });
});

describe('the HTML report of a published shape', () => {
  it('national-2022-regions: the values in the table, the failing cells marked', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-shape-report-')), 'report.html');
    expect((await cli(['validate', 'fixtures/published/national-2022-regions.csv', '--format', 'html', '-o', out])).code).toBe(1);
    const table = /<table class="annex[\s\S]*?<\/table>/.exec(readFileSync(out, 'utf8'))![0];
    expect(table).toContain('Hộ nghèo: Số hộ');
    expect(table).toContain('1.057.374');
    expect(table).toContain('455.271');
  });
});

describe('a column the table does not read, where a finding sits', () => {
  // A long table with a column povcheck does not understand: its warning sits at the column's header (E1).
  const file = () => {
    const f = join(mkdtempSync(join(tmpdir(), 'povcheck-unread-column-')), 'xa.csv');
    writeFileSync(f, 'Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số khẩu bình quân;Ghi chú\nToàn huyện;3.000;300;10,00;4,1;\nXã A;1.000;100;10,00;4,2;\nXã B;2.000;200;10,00;4,0;mới\n');
    return f;
  };

  it('is drawn in the text report, its header marked under its column letter (the notes column, with none, is not)', async () => {
    const r = await cli(['validate', file()]);
    expect(r.stdout).toMatch(/▲ E1 · unknown/);
    const box = tableOf(r.stdout);
    expect(box).toMatch(/│ Hộ nghèo: Tỷ lệ \(%\) │ Số khẩu bình quân ▲ │\n/);
    expect(box).toMatch(/│\s+10,00 │\s+4,2 │\n/);
    expect(box.split('\n').find((l) => /\bD\b/.test(l))).toMatch(/D\s+E\s*$/);
    expect(box).not.toContain('Ghi chú');
  });

  it('too wide with it, the table is drawn as read without it rather than the other way round, and says so under it', async () => {
    const box = tableOf((await cli(['validate', file()], { env: { COLUMNS: '85' } })).stdout);
    expect(box).not.toContain('│ Số khẩu bình quân');
    expect(box).toMatch(/│ Xã A\s+│\s+1\.000 │/);
    expect(box).toContain('Không in trong bảng (cột povcheck không đọc): E1 "Số khẩu bình quân".');
    // Drawn, it is not named again.
    expect(tableOf((await cli(['validate', file()])).stdout)).not.toContain('Không in trong bảng');
  });

  it('a table turned the other way (units as columns) names the columns it cannot print (Tri Tôn G1)', async () => {
    const r = await cli(['validate', 'fixtures/published/review-2021-2023-tri-ton-district-start-end.csv', '--lang', 'en']);
    expect(r.stdout).toContain('Not in the table printed (columns povcheck does not read): G1 "Hộ nghèo dân tộc thiểu số chiếm (%)".');
  });

  it('is drawn in the HTML report, its header marked and the finding linked to it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-unread-column-html-')), 'report.html');
    await cli(['validate', file(), '--format', 'html', '-o', out]);
    const doc = readFileSync(out, 'utf8');
    expect(doc).toMatch(/<th[^>]*id="c0-E1"[^>]*>[\s\S]*?Số khẩu bình quân/);
    expect(/<th[^>]*id="c0-E1"[^>]*>/.exec(doc)![0]).toContain('sev-warning');
    expect(doc).toContain('<a href="#c0-E1">E1</a>');
  });
});
