import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideLocale, parseDigits, parseNumber, readDigitsForTests } from '../../src/shape/numbers.js';

const ok = (text: string, locale: 'vi' | 'en', kind: 'count' | 'rate' = 'count') => {
  const p = parseNumber(text, locale, kind);
  return p.ok ? p.plain : `!${p.problem}`;
};

describe('parseNumber', () => {
  it('reads Vietnamese, English and plain formats exactly', () => {
    expect(ok('210.299', 'vi')).toBe('210299');
    expect(ok('11,80', 'vi', 'rate')).toBe('11.80');
    expect(ok('210,299', 'en')).toBe('210299');
    expect(ok('11.80', 'en', 'rate')).toBe('11.80');
    expect(ok('210299', 'vi')).toBe('210299');
    expect(ok('1.234.567,5', 'vi', 'rate')).toBe('1234567.5');
    expect(ok('210 299', 'vi')).toBe('210299');
    expect(ok('−2,06', 'vi', 'rate')).toBe('-2.06');
    expect(ok('11,80%', 'vi', 'rate')).toBe('11.80');
  });

  it('keeps the decimals as typed and never uses binary floats', () => {
    const p = parseNumber('0,10', 'vi', 'rate');
    expect(p.ok && p.num.toFixed()).toBe('0.1');
    expect(p.ok && p.plain).toBe('0.10');
    const big = parseNumber('12345678901234567890', 'vi', 'count');
    expect(big.ok && big.plain).toBe('12345678901234567890');
  });

  it('tells malformed groups from stray text', () => {
    expect(ok('21.0299', 'vi')).toBe('!grouping');
    expect(ok('4.18x', 'vi')).toBe('!text');
    expect(ok('n/a', 'en')).toBe('!text');
    expect(ok('-', 'vi')).toBe('!dash');
    expect(ok('', 'vi')).toBe('!empty');
    expect(ok('0.123', 'vi', 'rate')).toBe('!grouping');
    expect(ok('12%', 'vi', 'count')).toBe('!text');
  });
});

const s = (text: string, kind: 'count' | 'rate' = 'count') => ({ text, kind, ref: 'X1' });

describe('decideLocale', () => {
  it('reads a count with a dot as Vietnamese grouping: 4.188 households can only be 4188', () => {
    expect(decideLocale([s('4.188')])).toMatchObject({ ok: true, locale: 'vi' });
    expect(decideLocale([s('1.000')])).toMatchObject({ ok: true, locale: 'vi' });
    expect(decideLocale([s('4,188')])).toMatchObject({ ok: true, locale: 'en' });
  });

  it('reads rates by their range and decimal mark', () => {
    expect(decideLocale([s('11,80', 'rate')])).toMatchObject({ ok: true, locale: 'vi' });
    expect(decideLocale([s('11.80', 'rate')])).toMatchObject({ ok: true, locale: 'en', plain: true });
    expect(decideLocale([s('210,299'), s('11.80', 'rate')])).toMatchObject({ ok: true, locale: 'en', plain: false });
  });

  it('lets the majority win, so a stray cell in the other format becomes a finding later', () => {
    expect(decideLocale([s('210.299'), s('49.874'), s('11.80', 'rate')])).toMatchObject({ ok: true, locale: 'vi' });
  });

  it('calls a tie between formats a conflict', () => {
    expect(decideLocale([s('210.299'), s('210,299')])).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('gives counts and rates each their own format when their majorities differ (210.299 beside 11.80)', () => {
    expect(decideLocale([s('210.299'), s('11.80', 'rate')])).toMatchObject({ ok: true, locale: 'vi', rates: { locale: 'en' } });
    expect(decideLocale([s('210,299'), s('11,80', 'rate'), s('1,234', 'rate')])).toMatchObject({ ok: true, locale: 'en', rates: { locale: 'vi' } });
  });

  it('calls integers alone plain', () => {
    expect(decideLocale([s('368'), s('90')])).toMatchObject({ ok: true, plain: true });
  });
});

describe('parseDigits', () => {
  // Its plain-digits path (plainDigits) must read every text as the patterns do (parseNumber, without the decimal).
  const text = fc.oneof(
    fc.array(fc.constantFrom('0', '1', '2', '7', '9', '.', ',', ' ', '-', '+', '%', 'x', '\u00a0'), { minLength: 0, maxLength: 14 }).map((a) => a.join('')),
    fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')),
    fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',')),
    fc.tuple(fc.nat(100_000), fc.nat(999)).map(([a, b]) => `${a},${b}`),
    fc.tuple(fc.nat(100_000), fc.nat(999)).map(([a, b]) => `${a}.${b}`),
  );
  it('reads plain digits as the patterns do', () => {
    const { readDigits, readDigitsByPatterns } = readDigitsForTests;
    fc.assert(
      fc.property(text, fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.constantFrom<'count' | 'rate'>('count', 'rate'), (t, locale, kind) => {
        expect(readDigits(t, locale, kind)).toEqual(readDigitsByPatterns(t, locale, kind));
      }),
      { numRuns: 5000 },
    );
    for (const t of ['210.299', '11,80', '0,00', '0', '1.234.567,89', '1,234,567.89', '0.123', '0123', '12,', ',5', '1.23.456']) {
      for (const locale of ['vi', 'en'] as const) expect(readDigits(t, locale, 'count'), `${t} ${locale}`).toEqual(readDigitsByPatterns(t, locale, 'count'));
    }
  });
  it('reads every text as parseNumber does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.constantFrom<'count' | 'rate'>('count', 'rate'), (t, locale, kind) => {
        const d = parseDigits(t, locale, kind);
        const n = parseNumber(t, locale, kind);
        expect(d.ok).toBe(n.ok);
        if (d.ok && n.ok) {
          expect(d.plain).toBe(n.plain);
          expect(d.decimals).toBe(n.decimals);
          expect(d.negativeZero).toBe(n.num.isZero() && n.num.isNegative());
        } else if (!d.ok && !n.ok) expect(d.problem).toBe(n.problem);
      }),
      { numRuns: 5000 },
    );
  });
});
