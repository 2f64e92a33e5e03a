/**
 * The "Đọc:" / "Read as:" line names a table whose counts and rates are written in two formats (Phú Thọ 2016:
 * `390.519` beside `10.51`) in words that read as a sentence in both languages; a workbook whose figures are cells
 * stored as numbers, or a table without figures, has no written format to name.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/messages/index.js';
import { localeText } from '../../src/reporters/types.js';
import type { TableSummary } from '../../src/model/file-result.js';
import { cli } from '../helpers.js';

const mixed = (locale: 'vi' | 'en', rateLocale: 'vi' | 'en'): TableSummary => ({ layout: 'long', locale, rateLocale, lang: 'vi', units: 2 });
const readAs = (lang: 'vi' | 'en', t: TableSummary) => catalog(lang).ui.readAs('', 'x', localeText(catalog(lang).ui, t, []));

describe('the number format of counts and rates written in two formats', () => {
  it('Vietnamese: "số viết kiểu … cho số hộ, kiểu … cho tỷ lệ", not "số viết số hộ kiểu …"', () => {
    expect(readAs('vi', mixed('vi', 'en'))).toMatch(/; số viết kiểu Việt Nam cho số hộ \(dấu "\." tách nhóm ba chữ số\), kiểu Anh – Mỹ cho tỷ lệ \(dấu "\." là dấu thập phân\)$/);
    expect(readAs('vi', mixed('en', 'vi'))).toMatch(/; số viết kiểu Anh – Mỹ cho số hộ \(dấu "," tách nhóm ba chữ số\), kiểu Việt Nam cho tỷ lệ \(dấu "," là dấu thập phân\)$/);
  });

  it('English: "numbers in mixed format (…)", not "numbers in counts Vietnamese, rates English (…)"', () => {
    expect(readAs('en', mixed('vi', 'en'))).toMatch(/; numbers in mixed format \(counts Vietnamese, "\." groups three digits; rates English, "\." is the decimal mark\)$/);
    expect(readAs('en', mixed('en', 'vi'))).toMatch(/; numbers in mixed format \(counts English, "," groups three digits; rates Vietnamese, "," is the decimal mark\)$/);
  });

  it('the published Phú Thọ table says so in its report', async () => {
    const r = await cli(['validate', 'fixtures/published/review-2016-phu-tho-province-districts-point-decimals.csv', '--lang', 'vi', '--no-table']);
    expect(r.stdout).toContain('; số viết kiểu Việt Nam cho số hộ (dấu "." tách nhóm ba chữ số), kiểu Anh – Mỹ cho tỷ lệ (dấu "." là dấu thập phân)\n');
  });
});

describe('a table whose figures have no written format', () => {
  const line = (out: string, head: string) => out.split('\n').find((l) => l.startsWith(`  ${head}`));

  // Every .xlsx of the published fixtures said "số viết không có dấu phân cách hàng nghìn" of its numeric cells.
  it.each(['review-2022-binh-dinh-urban-rural', 'targets-2017-quang-binh-districts', 'yearbook-2016-quang-ngai-rates-by-year'])('%s.xlsx: figures stored as numbers', async (name) => {
    const file = `fixtures/published/xlsx/${name}.xlsx`;
    const vi = await cli(['validate', file, '--lang', 'vi', '--no-table']);
    expect(line(vi.stdout, 'Đọc:')).toMatch(/\); số liệu lưu ở ô kiểu số \(không phải văn bản\)$/);
    const en = await cli(['validate', file, '--lang', 'en', '--no-table']);
    expect(line(en.stdout, 'Read as:')).toMatch(/ layout; figures stored as numbers \(not text\)$/);
    // The JSON report's contract is unchanged: such a workbook's locale is `plain` (docs/json-report.md).
    const json = await cli(['validate', file, '--format', 'json']);
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ locale: 'plain', source: { kind: 'workbook' } });
  });

  // The blank form said "số viết không có dấu phân cách hàng nghìn" of no number at all.
  it.each(['form-near-poor-review-summary-blank.csv', 'xlsx/form-near-poor-review-summary-blank.xlsx'])('%s: no figures, nothing said of their format', async (name) => {
    const file = `fixtures/published/${name}`;
    const vi = await cli(['validate', file, '--lang', 'vi', '--no-table']);
    expect(line(vi.stdout, 'Đọc:')).toMatch(/; bố cục dọc \(mỗi dòng một đơn vị\)$/);
    const en = await cli(['validate', file, '--lang', 'en', '--no-table']);
    expect(line(en.stdout, 'Read as:')).toMatch(/; long \(one row per unit\) layout$/);
    expect(JSON.parse((await cli(['validate', file, '--format', 'json'])).stdout).files[0].locale).toBe('plain');
  });

  it('a text table of whole numbers without separators still says so', async () => {
    const r = await cli(['validate', 'fixtures/shapes/breakdown.csv', '--lang', 'en', '--no-table']);
    expect(line(r.stdout, 'Read as:')).toMatch(/; numbers in plain format \(no separators\)$/);
  });
});
