/**
 * messages/number-format.ts: `formatPlain` reads its digits by hand (it runs for every number of every message)
 * and gives what a regular expression gives; `count` writes the report's own counts in the language's format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, count, formatPlain } from '../../src/messages/index.js';

/** `formatPlain` as a regular expression reads it. */
function formatByRules(plain: string, locale: 'vi' | 'en'): string {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!m) return plain;
  const [, sgn, int, frac] = m;
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  return `${sgn}${grouped}${frac !== undefined ? (locale === 'vi' ? ',' : '.') + frac : ''}`;
}

describe('formatPlain', () => {
  it('groups and marks plain digits as the regular expression reads them, and leaves anything else', () => {
    const plain = fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', ',', 'a', ' ', '٣'), { maxLength: 14 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(plain, fc.constantFrom<'vi' | 'en'>('vi', 'en'), (p, locale) => {
        expect(formatPlain(p, locale)).toBe(formatByRules(p, locale));
      }),
      { numRuns: 5000 },
    );
    expect(formatPlain('-1234567.50', 'vi')).toBe('-1.234.567,50');
    expect(formatPlain('+1000', 'en')).toBe('+1,000');
    expect(formatPlain('210299', 'vi')).toBe('210.299');
  });
});

describe('count', () => {
  it("groups the report's counts as the language writes numbers", () => {
    expect(count(87299, 'vi')).toBe('87.299');
    expect(count(999, 'vi')).toBe('999');
    expect(count(1000000, 'en')).toBe('1,000,000');
    expect(catalog('vi').ui.counts(3, 87299, 1607)).toBe('3 lỗi, 87.299 cảnh báo, 1.607 thông tin');
    expect(catalog('en').ui.counts(1, 87299, 1607)).toBe('1 error, 87,299 warnings, 1,607 info');
    expect(catalog('vi').ui.tableOmitted(1000000)).toContain('Bảng có 1.000.000 đơn vị');
  });
});
