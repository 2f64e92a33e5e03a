/**
 * "From rows 1–4 of the seed annex alone, `povcheck table` reproduces every other cell of the seed annex
 * exactly, in every format": the built binary on fixtures/calc/, each format read back and compared with the
 * seed's figures; golden files for the text formats; the xlsx and the docx unzipped and looked inside.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { fixtures, ROOT, cli, expectGolden } from '../helpers.js';
import { docxTables, unzip } from '../zip.js';
import { inspectXlsx } from '../xlsx-inspect.js';

const { SEED, UNITS, formatNumber } = fixtures;
const GOLDEN = join(ROOT, 'test', 'render', 'golden');
const WITH_TOTAL = 'fixtures/calc/seed-base-counts.csv';
const NO_TOTAL = 'fixtures/calc/seed-base-counts-no-total.csv';
const ORDER = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'];

const golden = (name: string, actual: string) => expectGolden(GOLDEN, name, actual);

/** The seed's values as text in a number format, indicator by indicator, total first. */
const expected = (locale: 'vi' | 'en') => ORDER.map((ind) => SEED[ind]!.map((v) => formatNumber(v, locale)));

/** Value rows of a rendered wide table (header and the rate heading row dropped), from column 3 on. */
function valueRows(rows: string[][]): string[][] {
  return rows.slice(1).filter((r) => r.slice(3).some((c) => c !== '')).map((r) => r.slice(3));
}

const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-table-'));

describe('table: golden files', () => {
  it.each([
    ['table.seed.vi.txt', ['table', WITH_TOTAL]],
    ['table.seed.en.txt', ['table', WITH_TOTAL, '--lang', 'en', '--title', 'Annex: poverty reduction results, 2020']],
    ['table.no-total.transposed.vi.txt', ['table', NO_TOTAL, '--transpose']],
    ['table.seed.vi.md', ['table', WITH_TOTAL, '--format', 'markdown', '--title', 'Phụ lục: Kết quả giảm nghèo năm 2020']],
    ['table.seed.vi.csv', ['table', WITH_TOTAL, '--format', 'csv']],
    ['table.seed.en.csv', ['table', WITH_TOTAL, '--format', 'csv', '--lang', 'en']],
    ['table.no-total.vi.json', ['table', NO_TOTAL, '--format', 'json']],
    ['plan.seed.vi.txt', ['plan', WITH_TOTAL, '--targets', 'fixtures/calc/seed-targets.json']],
    ['plan.input.en.txt', ['plan', 'fixtures/calc/seed-plan-input.csv', '--target', 'Na Hang=4', '--target', 'Lâm Bình=4', '--target', 'total=2.06', '--target', 'Yên Sơn=40', '--lang', 'en']],
    ['plan.seed.vi.json', ['plan', WITH_TOTAL, '--targets', 'fixtures/calc/seed-targets.json', '--format', 'json']],
    ['plan.seed.vi.csv', ['plan', 'fixtures/calc/seed-plan-input.csv', '--target', 'Na Hang=4', '--target', 'lam binh=4', '--format', 'csv']],
  ])('%s', async (name, args) => {
    const r = await cli(args as string[]);
    golden(name, r.stdout);
  });
});

describe('table reproduces every cell of the seed annex from rows 1–4, in every format', () => {
  it.each([
    ['with the province column', WITH_TOTAL, 'Toàn tỉnh'],
    ['without it (total added)', NO_TOTAL, 'Tổng cộng'],
  ])('text, markdown (%s)', async (_n, file, totalName) => {
    const text = await cli(['table', file]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const boxRows = text.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.slice(1, -1).split('│').map((c) => c.trim()));
    expect(boxRows[0]!.slice(3)).toEqual([totalName, ...UNITS.slice(1)]);
    expect(valueRows(boxRows)).toEqual(expected('vi'));

    const md = await cli(['table', file, '--format', 'markdown', '--lang', 'en']);
    const mdRows = md.stdout.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('| :') && !l.includes('---')).map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
    expect(valueRows(mdRows)).toEqual(expected('en'));
  });

  it.each([
    ['vi', []],
    ['en', ['--lang', 'en']],
    ['vi transposed', ['--transpose']],
    ['en transposed', ['--lang', 'en', '--transpose']],
  ])('csv (%s): povcheck reads it back to the seed, and validate finds 0 errors', async (_n, extra) => {
    for (const file of [WITH_TOTAL, NO_TOTAL]) {
      const dir = tmp();
      const out = join(dir, 'annex.csv');
      const r = await cli(['table', file, '--format', 'csv', '-o', out, ...(extra as string[])]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const { annex, findings } = shape(gridFromBytes(readFileSync(out)), { totalPolicy: 'none' });
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
      const units = [annex.total!, ...[...annex.units].filter((u) => !u.isTotal)];
      for (const ind of ORDER) expect(units.map((u) => annex.values.row(u.id)[ind as 'poor_end']!.plain)).toEqual(SEED[ind]);
      const v = await cli(['validate', out, '--format', 'json']);
      expect(v.code).toBe(0);
      const report = JSON.parse(v.stdout);
      expect(report.summary.errors).toBe(0);
      expect(report.files[0].findings.filter((f: { rule: string }) => f.rule === 'unknown')).toEqual([]);
    }
  });

  it('json', async () => {
    const r = await cli(['table', NO_TOTAL, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.units.map((u: { name: string }) => u.name)).toEqual(['Tổng cộng', ...UNITS.slice(1)]);
    for (const ind of ORDER) expect(doc.units.map((u: { values: Record<string, string> }) => u.values[ind])).toEqual(SEED[ind]);
    expect(doc.total).toEqual({ name: 'Tổng cộng', source: 'added' });
    expect(doc.differences).toEqual([]);
  });

  it('html: one self-contained page whose table holds every seed value, title escaped', async () => {
    const dir = tmp();
    const out = join(dir, 'annex.html');
    const r = await cli(['table', WITH_TOTAL, '--format', 'html', '--title', 'Phụ lục: <Kết quả> 2020', '-o', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('&lt;Kết quả&gt;');
    expect(page).not.toMatch(/<(img|link|iframe)\b|https?:\/\//i);
    const rows = [...page.matchAll(/<tr(?: [^>]*)?>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
    expect(valueRows(rows)).toEqual(expected('vi'));
  });

  it('html without --title prints no title above the table, as docx and xlsx do (the page keeps a name)', async () => {
    const out = join(tmp(), 'annex.html');
    const r = await cli(['table', WITH_TOTAL, '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).not.toContain('<h1');
    expect(page).toContain('<title>Bảng số liệu</title>');
  });

  it('xlsx: read back, numbers are numbers with Vietnamese or English formats', async () => {
    for (const [lang, tag] of [['vi', '[$-42A]'], ['en', '[$-409]']] as const) {
      const dir = tmp();
      const out = join(dir, 'annex.xlsx');
      const r = await cli(['table', WITH_TOTAL, '--format', 'xlsx', '-o', out, '--lang', lang, '--title', 'Phụ lục: Kết quả giảm nghèo năm 2020']);
      expect(r.code).toBe(0);
      const ws = inspectXlsx(readFileSync(out)).worksheets[0]!;
      expect(ws.getCell('A1').value).toBe('Phụ lục: Kết quả giảm nghèo năm 2020');
      expect(ws.getCell('A1').font?.bold).toBe(true);
      // Title, a blank row, the header in row 3 (bold, frozen), the values from row 4.
      const header = ws.getRow(3);
      expect([4, 5, 6, 7, 8, 9, 10, 11].map((c) => header.getCell(c).value)).toEqual(UNITS);
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(header.getCell(4).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 });
      const valueRowNumbers = [4, 5, 6, 7, 8, 10, 11, 12]; // row 9 is the rate heading
      expect(ws.getCell(9, 2).value).toBe(lang === 'vi' ? 'Tỷ lệ hộ nghèo' : 'Poverty rate');
      ORDER.forEach((ind, k) => {
        const row = ws.getRow(valueRowNumbers[k]!);
        SEED[ind]!.forEach((v, i) => {
          const cell = row.getCell(4 + i);
          expect(typeof cell.value).toBe('number');
          expect(new Dec(String(cell.value)).eq(new Dec(v))).toBe(true);
          expect(cell.numFmt).toBe(tag + (ind.startsWith('rate_') ? '0.00' : '#,##0'));
        });
      });
      // Column widths fit the content: the label column is the widest, every unit column fits its name.
      const widths = ws.columns.map((c) => c.width ?? 0);
      expect(widths[1]).toBeGreaterThan(20);
      UNITS.forEach((u, i) => expect(widths[3 + i]).toBeGreaterThanOrEqual(u.length));
    }
  });

  it('docx: a real Word table holding every cell, with the title', async () => {
    const dir = tmp();
    const out = join(dir, 'annex.docx');
    const r = await cli(['table', NO_TOTAL, '--format', 'docx', '-o', out, '--title', 'Phụ lục: Kết quả giảm nghèo năm 2020']);
    expect(r.code).toBe(0);
    const files = unzip(readFileSync(out));
    expect([...files.keys()]).toContain('word/document.xml');
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Phụ lục: Kết quả giảm nghèo năm 2020');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
    const tables = docxTables(xml);
    expect(tables).toHaveLength(1);
    const rows = tables[0]!;
    expect(rows[0]).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Tổng cộng', ...UNITS.slice(1)]);
    expect(rows.map((r) => r[1])).toEqual(['Chỉ tiêu', 'Tổng số hộ đầu năm', 'Tổng số hộ cuối năm', 'Số hộ nghèo đầu năm', 'Số hộ nghèo giảm trong năm', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo', '- Đầu năm', '- Giảm trong năm', '- Cuối năm']);
    expect(valueRows(rows)).toEqual(expected('vi'));
  });
});

describe('plan csv feeds table', () => {
  it('the planned annex read back by table gives the same numbers', async () => {
    const dir = tmp();
    const out = join(dir, 'plan.csv');
    const p = await cli(['plan', WITH_TOTAL, '--targets', 'fixtures/calc/seed-targets.json', '--format', 'csv', '-o', out]);
    expect(p.code).toBe(0);
    const t = await cli(['table', out, '--format', 'json']);
    expect(t.code).toBe(0);
    expect(t.stderr).toBe('');
    const doc = JSON.parse(t.stdout);
    for (const ind of ORDER) expect(doc.units.map((u: { values: Record<string, string> }) => u.values[ind])).toEqual(SEED[ind]);
  });
});
