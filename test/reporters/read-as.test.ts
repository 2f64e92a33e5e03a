/**
 * The "Đọc:" / "Read as:" line names a table whose counts and rates are written in two formats (Phú Thọ 2016:
 * `390.519` beside `10.51`) in words that read as a sentence in both languages.
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
    expect(readAs('vi', mixed('vi', 'en'))).toMatch(/; số viết kiểu Việt Nam cho số hộ, kiểu Anh – Mỹ cho tỷ lệ \(210\.299; 11\.80\)$/);
    expect(readAs('vi', mixed('en', 'vi'))).toMatch(/; số viết kiểu Anh – Mỹ cho số hộ, kiểu Việt Nam cho tỷ lệ \(210,299; 11,80\)$/);
  });

  it('English: "numbers in mixed (…) format", not "numbers in counts Vietnamese, rates English (…) format"', () => {
    expect(readAs('en', mixed('vi', 'en'))).toMatch(/; numbers in mixed \(counts Vietnamese, 210\.299; rates English, 11\.80\) format$/);
    expect(readAs('en', mixed('en', 'vi'))).toMatch(/; numbers in mixed \(counts English, 210,299; rates Vietnamese, 11,80\) format$/);
  });

  it('the published Phú Thọ table says so in its report', async () => {
    const r = await cli(['validate', 'fixtures/published/review-2016-phu-tho-province-districts-point-decimals.csv', '--lang', 'vi', '--no-table']);
    expect(r.stdout).toContain('; số viết kiểu Việt Nam cho số hộ, kiểu Anh – Mỹ cho tỷ lệ (210.299; 11.80)\n');
  });
});
