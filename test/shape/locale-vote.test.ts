/**
 * The number format's vote (shape/numbers.ts `LocaleVote`, behind `decideLocale` and a long table's
 * `longVote`) remembers what a text's pattern says, by a number for short texts of digits and separators:
 * its decision must be the one reached by reading every sample in both formats, on random samples.
 * And a long table's one-pass number reader (`LongTable.scanNumber`) stores exactly the texts the long way
 * stores, with their digits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideLocale, LocaleVote, parseNumber, plainDigits, type LocaleDecision, type NumberSample } from '../../src/shape/numbers.js';
import type { IndicatorKind } from '../../src/model/indicators.js';
import { LongTable } from '../../src/model/long-table.js';
import type { Value } from '../../src/model/annex.js';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped } from '../../src/check-grid.js';

/** decideLocale without remembering anything: every sample read in both formats. */
function reference(samples: NumberSample[]): LocaleDecision {
  let vi = 0;
  let en = 0;
  let viWitness: NumberSample | undefined;
  let enWitness: NumberSample | undefined;
  let ambiguous: { sample: NumberSample; vi: string; en: string } | undefined;
  let anySeparated = false;
  let anyGrouped = false;
  const counts = { vi: [] as NumberSample[], en: [] as NumberSample[] };
  const rates = { vi: [] as NumberSample[], en: [] as NumberSample[] };
  const plausible = (p: ReturnType<typeof parseNumber>, kind: IndicatorKind) => {
    if (!p.ok) return false;
    const [int, frac = ''] = p.plain.replace(/^-/, '').split('.');
    if (kind === 'count') return p.decimals === 0 || (p.decimals !== 3 && /^0*$/.test(frac));
    const i = int!.replace(/^0+/, '');
    return i.length < 3 || (i === '100' && /^0*$/.test(frac));
  };
  for (const s of samples) {
    if (/\d[.,]\d{3}(?:\D|$)/.test(s.text)) anyGrouped = true;
    const pv = parseNumber(s.text, 'vi', s.kind);
    const pe = parseNumber(s.text, 'en', s.kind);
    const okV = plausible(pv, s.kind);
    const okE = plausible(pe, s.kind);
    if (okV && okE && pv.ok && pe.ok) {
      if (pv.separated || pe.separated) anySeparated = true;
      if (!ambiguous && !pv.num.eq(pe.num)) ambiguous = { sample: s, vi: pv.plain, en: pe.plain };
    } else if (okV) {
      vi++;
      viWitness ??= s;
      (s.kind === 'rate' ? rates : counts).vi.push(s);
    } else if (okE) {
      en++;
      enWitness ??= s;
      (s.kind === 'rate' ? rates : counts).en.push(s);
    }
  }
  // Counts and rates each by their own majority, when those differ.
  const major = (k: { vi: NumberSample[]; en: NumberSample[] }) => (k.vi.length > k.en.length ? 'vi' : k.en.length > k.vi.length ? 'en' : undefined);
  const c = major(counts);
  const r = major(rates);
  if (c && r && c !== r) return { ok: true, locale: c, plain: false, witness: counts[c][0]!, rates: { locale: r, witness: rates[r][0]! } };
  if (vi > en) return { ok: true, locale: 'vi', plain: false, ...(viWitness ? { witness: viWitness } : {}) };
  if (en > vi) return { ok: true, locale: 'en', plain: !anyGrouped, ...(enWitness ? { witness: enWitness } : {}) };
  if (vi > 0 && viWitness && enWitness) return { ok: false, reason: 'conflict', vi: viWitness, en: enWitness };
  if (ambiguous) return { ok: false, reason: 'ambiguous', ...ambiguous };
  return { ok: true, locale: 'vi', plain: !anySeparated };
}

const chars = fc.constantFrom('0', '1', '2', '5', '9', '.', ',', ',', '.', '0', ' ', '-', '%', 'x');
const text = fc.oneof(
  fc.array(chars, { minLength: 1, maxLength: 22 }).map((a) => a.join('').trim()),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',')),
  fc.tuple(fc.constantFrom(0, 1, 5, 10, 99, 100, 101, 110, 200, 900, 1000), fc.constantFrom('0', '00', '5', '50', '000', '123')).map(([a, b]) => `${a},${b}`),
  fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${b}`),
);
const sample = fc.tuple(text, fc.constantFrom<IndicatorKind>('count', 'rate')).filter(([t]) => t !== '');

describe('LocaleVote', () => {
  it('decides as reading every sample in both formats does', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 40 }), (pairs) => {
        const samples = pairs.map(([t, kind], i): NumberSample => ({ text: t, kind, ref: `A${i + 1}` }));
        expect(decideLocale(samples)).toEqual(reference(samples));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LocaleVote from bytes', () => {
  // A long table's vote: its first values read as text (`add`), the rest from their bytes (`addBytes`, which
  // remembers short patterns in a table of its own from then on), `add` where `addBytes` declines.
  it('decides as reading every sample in both formats does, whenever the bytes start', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 60 }), fc.nat(60), (pairs, fromBytes) => {
        const samples = pairs.map(([t, kind], i): NumberSample => ({ text: t, kind, ref: `A${i + 1}` }));
        const vote = new LocaleVote((at) => samples[at]!);
        samples.forEach((s, i) => {
          const b = new TextEncoder().encode(s.text);
          if (i < fromBytes || !vote.addBytes(b, 0, b.length, vote.kindCode(s.kind))) vote.add(s.text, s.kind, i);
        });
        expect(vote.decision()).toEqual(reference(samples));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LongTable: numbers read in one pass', () => {
  const raw = fc.oneof(
    fc.array(fc.constantFrom('0', '1', '7', '9', '.', ','), { minLength: 1, maxLength: 24 }).map((a) => a.join('')),
    fc.bigInt({ min: 0n, max: 10n ** 18n }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => `${String(n).replace(/\B(?=(\d{3})+$)/g, '.')},${'3'.repeat(d)}`),
  );
  it('stores exactly the texts the long way stores, with their digits', () => {
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 30 }), fc.constantFrom<'vi' | 'en'>('vi', 'en'), (raws, locale) => {
        const t = new LongTable(['households_start'], [1], undefined, undefined, undefined, 4);
        raws.forEach((r, u) => t.addUnit({ row: u + 1, name: `X${u}`, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, [r]));
        const kept = (i: number, r: string): Value => ({ indicator: 'households_start', unit: i, cell: { raw: r, ref: `B${i + 2}`, row: i + 1, col: 1 }, text: r, status: 'invalid' });
        t.finishValues(locale, (_i, r) => plainDigits(r, locale), kept);
        raws.forEach((r, u) => {
          const v = t.get(u, 'households_start')!;
          const p = plainDigits(r, locale);
          const stores = p !== undefined && p.plain.replace('.', '').length <= 16 && Number.isSafeInteger(Number(p.plain.replace('.', '')));
          expect(v.status === 'ok', r).toBe(stores);
          if (stores) {
            expect(v.text).toBe(r);
            expect(v.plain).toBe(p!.plain);
            expect(v.decimals).toBe(p!.decimals);
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('LongTable: values stored as they arrive', () => {
  const raw = fc.oneof(
    fc.array(fc.constantFrom('0', '1', '7', '.', ',', ' ', 'x'), { maxLength: 10 }).map((a) => a.join('')),
    fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')),
    fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',')),
  );
  const read = (raws: string[], locale: 'vi' | 'en', storeAs?: 'vi' | 'en') => {
    const t = new LongTable(['households_start'], [1], undefined, undefined, undefined, 2);
    const calls: string[] = [];
    raws.forEach((r, u) => {
      if (u === 1 && storeAs) t.storeAs(storeAs);
      t.addUnit({ row: u + 1, name: `X${u}`, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, [r]);
    });
    t.finishValues(
      locale,
      (_i, r) => plainDigits(r, locale),
      (i, r): Value => {
        calls.push(`${i}:${r}`);
        return { indicator: 'households_start', unit: i, cell: { raw: r, ref: `B${i + 2}`, row: i + 1, col: 1 }, text: r, status: r === '' ? 'empty' : 'invalid' };
      },
    );
    return { calls, values: raws.map((_, u) => { const v = t.get(u, 'households_start'); return v && [v.status, v.text, v.plain ?? null, v.decimals ?? null, v.cell.ref, v.cell.raw]; }) };
  };
  it('are those read once the format is known, in either format first', () => {
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 30 }), fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.constantFrom<'vi' | 'en'>('vi', 'en'), (raws, locale, first) => {
        expect(read(raws, locale, first)).toEqual(read(raws, locale));
      }),
      { numRuns: 500 },
    );
  });

  it('a table whose first rows vote for one format and the whole for the other reads as the whole', async () => {
    const header = 'Tên đơn vị;Tổng số hộ đầu năm;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%)';
    // The first rows are English (1,234 and 11.80); most of the table is Vietnamese: the English cells are findings.
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => `Xã A${i};1,234;567;45.95`),
      ...Array.from({ length: 12 }, (_, i) => `Xã B${i};2.345;${100 + i};${(100 + i) / 23.45 >= 10 ? '' : '0'}4,${String(26 + i).padStart(2, '0')}`),
    ];
    const { text, encoding } = decodeBytes(new TextEncoder().encode([header, ...rows].join('\n')));
    const view = async (head: number) => {
      const r = checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {});
      return { locale: r.annex.locale, findings: r.findings.map((f) => [f.rule, f.at?.ref, f.expected, f.actual, JSON.stringify(f.msg)]) };
    };
    const whole = await view(100);
    expect(whole.locale).toBe('vi');
    expect(whole.findings.some((f) => f[0] === 'number')).toBe(true);
    expect(await view(2)).toEqual(whole);
    expect(await view(4)).toEqual(whole);
  });
});
