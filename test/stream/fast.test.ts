/**
 * The fast pre-check never says "clean" where the real rules report something: on small numbers (where
 * rounding ties are frequent) it is compared with the rules run on a one-unit annex; and its number readers
 * accept only what parseNumber reads to the same value.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRow, fastCount, fastRate, Verdict, type FastFacts } from '../../src/stream/fast.js';
import { parseNumber } from '../../src/shape/numbers.js';
import { runRules } from '../../src/rules/index.js';
import { parseValue } from '../../src/shape/index.js';
import { INDICATORS, type Indicator } from '../../src/model/indicators.js';
import type { Annex, Value } from '../../src/model/annex.js';
import { a1 } from '../../src/model/grid.js';
import { fixtures } from '../helpers.js';

function annexOf(texts: Partial<Record<Indicator, string>>): Annex {
  const values: Partial<Record<Indicator, Value>> = {};
  const inds = INDICATORS.filter((i) => texts[i] !== undefined);
  inds.forEach((ind, c) => {
    values[ind] = parseValue({ raw: texts[ind]!, ref: a1(1, c + 1), row: 1, col: c + 1 }, 0, 'X', ind, { locale: 'en', plain: true, witness: '' }).value;
  });
  return { layout: 'long', units: [{ id: 0, name: 'X', key: 'x', isTotal: false }], indicators: inds, labelCells: {}, values: [values], locale: 'plain', lang: 'en' };
}

const cents = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

describe('checkRow', () => {
  it('is clean exactly when the rules report nothing but its notes, on small tables where rounding ties abound', () => {
    const small = fc.integer({ min: 0, max: 16 });
    fc.assert(
      fc.property(small, small, small, small, small, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.boolean(), fc.boolean(), (hs, he, ps, pr, pe, ds, dr, de, rates, counts, end) => {
        const rs = hs ? fixtures.annexRate(String(ps), String(hs)) : '';
        const re = he ? fixtures.annexRate(String(pe), String(he)) : '';
        const c = (x: string) => Math.round(Number(x) * 100);
        const texts: Partial<Record<Indicator, string>> = {
          households_start: String(hs),
          households_end: String(he),
          poor_start: String(ps),
          ...(end || !counts ? { poor_end: String(pe) } : {}),
          ...(counts ? { poor_reduced: String(pr) } : {}),
        };
        if (rates && rs && re) {
          texts.rate_start = cents(c(rs) + ds);
          texts.rate_end = cents(c(re) + de);
          texts.rate_reduced = cents(c(rs) + ds - c(re) - de + dr);
        }
        const v = new Float64Array(8).fill(NaN);
        INDICATORS.forEach((ind, k) => {
          const t = texts[ind];
          if (t !== undefined) v[k] = k < 5 ? Number(t) : Math.round(Number(t) * 100);
        });
        const facts: FastFacts = { denominator: undefined, convention: false };
        const verdict = checkRow(v, facts);
        const run = runRules(annexOf(texts));
        const other = run.findings.filter((f) => !(f.msg.id === 'denominator.mixed' || f.msg.id === 'rate-change.convention'));
        if (verdict === Verdict.Clean) {
          expect(other).toEqual([]);
          expect(run.findings.some((f) => f.msg.id === 'denominator.mixed')).toBe(!!facts.denominator);
          expect(run.findings.some((f) => f.msg.id === 'rate-change.convention')).toBe(facts.convention);
        }
        // Slow on a clean unit is allowed (the real rules decide) but must stay rare: only ties and huge numbers.
        if (verdict === Verdict.Slow && other.length === 0) expect(run.findings.some((f) => f.msg.id === 'rate-change.convention') || hs * he > 2 ** 51).toBe(true);
      }),
      { numRuns: 20000, seed: 6 },
    );
  });
});

describe('fastCount and fastRate', () => {
  const texts = fc.oneof(
    fc.stringMatching(/^[-+]?[0-9]{0,4}([., \u00a0][0-9]{0,4}){0,3}%?$/),
    fc.nat({ max: 10_000_000 }).map((n) => fixtures.formatNumber(String(n), 'vi')),
    fc.nat({ max: 10_000_000 }).map((n) => fixtures.formatNumber(String(n), 'en')),
    fc.nat({ max: 20_000 }).map((n) => fixtures.formatNumber(cents(n - 10_000), 'vi')),
    fc.nat({ max: 20_000 }).map((n) => fixtures.formatNumber(cents(n - 10_000), 'en')),
  );
  it.each(['vi', 'en'] as const)('read only what parseNumber reads, to the same value (%s)', (locale) => {
    const group = (locale === 'vi' ? '.' : ',').charCodeAt(0);
    const mark = (locale === 'vi' ? ',' : '.').charCodeAt(0);
    fc.assert(
      fc.property(texts, (t) => {
        const n = fastCount(t, group);
        if (n >= 0) {
          const p = parseNumber(t, locale, 'count');
          expect(p.ok && p.decimals === 0 && p.plain === String(n) && p.num.eq(n)).toBe(true);
        }
        const r = fastRate(t, mark);
        if (r === r) {
          const p = parseNumber(t, locale, 'rate');
          expect(p.ok && p.num.mul(100).eq(r) && (p.decimals ?? 0) <= 2).toBe(true);
        }
      }),
      { numRuns: 20000, seed: 8 },
    );
  });
  it('reads the usual forms', () => {
    expect(fastCount('210.299', '.'.charCodeAt(0))).toBe(210299);
    expect(fastCount('210 299', '.'.charCodeAt(0))).toBe(210299);
    expect(fastCount('0', '.'.charCodeAt(0))).toBe(0);
    expect(fastCount('012', '.'.charCodeAt(0))).toBe(-1);
    expect(fastCount('4,188', '.'.charCodeAt(0))).toBe(-1);
    expect(fastRate('11,80', ','.charCodeAt(0))).toBe(1180);
    expect(fastRate('9,7', ','.charCodeAt(0))).toBe(970);
    expect(fastRate('-0,25%', ','.charCodeAt(0))).toBe(-25);
    expect(fastRate('1,005', ','.charCodeAt(0))).toBeNaN();
  });
});
