/**
 * `ValueStore.readScaled`: the integer and decimals the relations decide on, read from a long table's columns
 * without a `Value`, must be exactly what `get` gives (a usable number held as a safe integer), and undefined
 * for anything else; the same for the stores that keep Values (RowValues, OverlayValues).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LongTable, UnitPlaces } from '../../src/model/long-table.js';
import { OverlayValues, RowValues, UnitList, type Value, type ValueStore } from '../../src/model/annex.js';
import { NumberValue } from '../../src/model/value.js';
import { parseNumber, plainDigits } from '../../src/shape/numbers.js';
import type { Cell } from '../../src/model/grid.js';

const SLOTS = ['households_start', 'poor_start', 'rate_start'] as const;

/** What `readScaled` must give: `get`'s value when usable with a safe integer, its integer and decimals. */
function expected(v: Value | undefined): { scaled: number; decimals: number } | undefined {
  return v?.status === 'ok' && v.scaled !== undefined ? { scaled: v.scaled, decimals: v.decimals ?? 0 } : undefined;
}

function agrees(store: ValueStore, units: number): void {
  for (let u = 0; u < units + 1; u++) {
    for (const s of [...SLOTS, 'poor_end']) {
      const q = store.readScaled(u, s);
      expect(q && { scaled: q.scaled, decimals: q.decimals ?? 0 }, `${u} ${s}`).toEqual(expected(store.get(u, s)));
    }
  }
}

/**
 * `readRow` (a unit's every slot in one call, for the relations) gives what `scaledIn` and `decimalsIn` give slot
 * by slot, and where it holds a number, the integer and decimals `readScaled` gives (and so `get`).
 */
function rowAgrees(t: LongTable, units: number): void {
  const all = [...SLOTS];
  const scaled = new Float64Array(t.slotsPerUnit);
  const decimals = new Int32Array(t.slotsPerUnit);
  for (let u = 0; u < units; u++) {
    t.readRow(u, scaled, decimals);
    all.forEach((slot, s) => {
      expect(scaled[s], `${u} ${slot}`).toBe(t.scaledIn(u, s));
      expect(decimals[s], `${u} ${slot}`).toBe(t.decimalsIn(u, s));
      if (!Number.isNaN(scaled[s])) expect({ scaled: scaled[s], decimals: decimals[s] }, `${u} ${slot}`).toEqual(expected(t.get(u, slot)));
    });
  }
}

const raw = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom('0', '1', '7', '9', '.', ',', ' ', '-', 'x'), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.bigInt({ min: 0n, max: 10n ** 18n }).map((n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => `${String(n).replace(/\B(?=(\d{3})+$)/g, '.')},${'5'.repeat(d)}`),
  fc.integer({ min: -9_999, max: 9_999_999 }).map(String),
);

/** A value as the shape stage keeps one the columns cannot write back: a number (spaces, a sign …), text or a blank. */
function full(locale: 'vi' | 'en', slots: readonly string[]) {
  return (i: number, r: string): Value => {
    const unit = Math.floor(i / slots.length);
    const indicator = slots[i % slots.length]!;
    const cell: Cell = { raw: r, ref: `B${unit + 2}`, row: unit + 1, col: 1 };
    const text = r.trim();
    if (text === '') return { indicator, unit, cell, text, status: 'empty' };
    const p = parseNumber(text, locale, 'count');
    return p.ok ? new NumberValue(indicator, unit, cell, text, p.plain, p.decimals, p.num) : { indicator, unit, cell, text, status: 'invalid' };
  };
}

describe('ValueStore.readScaled', () => {
  it("agrees with get() on a long table's columns (plain cells and a workbook's)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(raw, raw, raw, fc.boolean()), { minLength: 1, maxLength: 20 }),
        fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        fc.option(fc.constantFrom<'vi' | 'en'>('vi', 'en'), { nil: undefined }),
        (rows, locale, storeAs) => {
          const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 2);
          rows.forEach(([a, b, c, workbook], u) => {
            if (u === 1 && storeAs) t.storeAs(storeAs);
            const values: Array<string | Cell> = [a, b, workbook ? { raw: c, ref: `D${u + 2}`, row: u + 1, col: 3 } : c];
            t.addUnit({ row: u + 1, name: `X${u}`, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, values);
          });
          t.finishValues(locale, (_i, r) => plainDigits(r, locale), full(locale, SLOTS));
          agrees(t, rows.length);
          rowAgrees(t, rows.length);
          // A corrected row over the columns (locate's overlay), its copy's integer not carried.
          const v = t.get(0, 'households_start');
          const copy = v && v.status === 'ok' ? { ...v, plain: '5', decimals: 0 } : undefined;
          agrees(new OverlayValues(t, new Map([[0, copy ? { households_start: copy as Value } : {}]])), rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with get() on rows of Values', () => {
    const unit = (n: number, plain: string, decimals: number): Value => new NumberValue('poor_start', n, { raw: plain, ref: `C${n + 2}`, row: n + 1, col: 2 }, plain, plain, decimals);
    const store = new RowValues([
      { poor_start: unit(0, '12', 0), households_start: { indicator: 'households_start', unit: 0, cell: { raw: 'x', ref: 'B2', row: 1, col: 1 }, text: 'x', status: 'invalid' } },
      undefined,
      { poor_start: unit(2, '13.50', 2), rate_start: unit(2, '123456789012345678', 0), poor_end: unit(2, '-0', 0) },
    ]);
    agrees(store, 3);
    expect(store.readScaled(2, 'poor_start')).toMatchObject({ scaled: 1350, decimals: 2 });
  });
});

describe('LongTable columns', () => {
  it('gives back numbers past 31 bits, and keeps every value through reserve and trim', () => {
    const texts = ['2.147.483.647', '2.147.483.648', '9.007.199.254.740.991', '4.294.967.296,5', '0', '12,75'];
    const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 1);
    t.storeAs('vi');
    for (let u = 0; u < texts.length; u++) {
      if (u === 2) t.reserve(40);
      t.addUnit({ row: u + 1, name: `Xã ${u}`, nameCol: 0, stt: '', section: undefined, code: `C${u}`, parentCode: '' }, [texts[u]!, texts[(u + 1) % texts.length]!, texts[(u + 2) % texts.length]!]);
    }
    t.trim();
    t.finishValues('vi', (_i, r) => plainDigits(r, 'vi'), full('vi', SLOTS));
    for (let u = 0; u < texts.length; u++) {
      SLOTS.forEach((s, k) => {
        const text = texts[(u + k) % texts.length]!;
        const v = t.get(u, s);
        expect(v?.cell.raw, `${u} ${s}`).toBe(text);
        expect(v?.status === 'ok' ? v.plain : undefined).toBe(text.replaceAll('.', '').replace(',', '.'));
      });
      expect(t.name(u)).toBe(`Xã ${u}`);
      expect(t.code(u)).toBe(`C${u}`);
    }
  });
});

describe('LongTable numbers of 16 and 32 bits', () => {
  it('gives back every number when many need more than 16 bits (the columns widen)', () => {
    const text = (u: number, k: number) => (k === 0 ? String(65_530 + u) : k === 1 ? (u % 7 === 0 ? `${3_000_000_000 + u}` : String(u)) : `${u % 100}.${u % 10}5`);
    const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 16);
    t.storeAs('en');
    const n = 3_000;
    for (let u = 0; u < n; u++) t.addUnit({ row: u + 1, name: `U${u}`, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, [text(u, 0), text(u, 1), text(u, 2)]);
    t.finishValues('en', (_i, r) => plainDigits(r, 'en'), full('en', SLOTS));
    rowAgrees(t, n);
    for (let u = 0; u < n; u++) {
      SLOTS.forEach((s, k) => {
        const v = t.get(u, s);
        expect(v?.cell.raw, `${u} ${s}`).toBe(text(u, k));
        expect(v?.status === 'ok' ? v.plain : undefined, `${u} ${s}`).toBe(text(u, k));
      });
    }
  });
});

describe("a long table's units (UnitPlaces)", () => {
  const name = fc.oneof(fc.constantFrom('', 'Xã Tân', 'Xa Tan', 'Xã Tân ', 'Phường 1', 'xã tân', 'Xã Tân\u0301', '#3', '\ufffd'), fc.string({ unit: 'grapheme', maxLength: 6 }));

  it("finds, on a long table's bytes, the ids a filter by name finds (and so does a list of units)", () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 25 }), fc.array(fc.oneof(name, fc.constant('\ud800')), { maxLength: 5 }), (names, asked) => {
        const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 2);
        names.forEach((n, u) => t.addUnit({ row: u + 1, name: n, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, ['1', '2', '3']));
        const units = new UnitPlaces(t, new Int32Array(names.length).fill(-1), -1, undefined, undefined, (s) => s);
        const wanted = new Set(asked);
        const filtered = [...units].filter((u) => wanted.has(u.name)).map((u) => u.id);
        expect(units.idsNamed(wanted)).toEqual(filtered);
        expect(new UnitList([...units]).idsNamed(wanted)).toEqual(filtered);
      }),
      { numRuns: 500 },
    );
  });

  it('reads parents, roles and partitions by id as the units made when asked give them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 9 }), fc.constantFrom(undefined, 'block', 'of-which', 'breakdown'), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 10 }), (rows) => {
        const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 2);
        rows.forEach((_r, u) => t.addUnit({ row: u + 1, name: `U${u}`, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, ['1', '2', '3']));
        const parents = Int32Array.from(rows, ([p]) => (p < rows.length ? p : -1));
        const units = new UnitPlaces(t, parents, 0, rows.map(([, r]) => r), rows.map(([, , k]) => k), (s) => s.toLowerCase());
        const list = new UnitList([...units]);
        expect(units.length).toBe(rows.length);
        expect(units.at(rows.length)).toBeUndefined();
        expect(units.at(-1)).toBeUndefined();
        for (const u of units) {
          expect(units.at(u.id)).toEqual(u);
          for (const us of [units, list]) {
            expect(us.parentOf(u.id)).toBe(u.parent ?? -1);
            expect(us.roleOf(u.id)).toBe(u.role);
            expect(us.partitionOf(u.id)).toBe(u.partition ?? 0);
          }
          expect(u.isTotal).toBe(u.id === 0);
          expect(u.key).toBe(`u${u.id}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('LongTable.idsNamed', () => {
  // Names alike in length and last byte, with diacritics, a BOM, a lone surrogate, blank (named `#row`), repeated.
  const name = fc.oneof(
    fc.constantFrom('', 'Xã An', 'Xã Ân', 'Xa An', 'Xã Án', 'Phường 1', 'Phường 2', '\ufeffXã An', 'X\ud800', '#3', '#4', 'Thị trấn Đồng Hạ', 'ệ'),
    fc.array(fc.constantFrom('a', 'ã', 'ệ', ' ', '1', '\ufeff', '\ud83d\ude00'), { maxLength: 8 }).map((a) => a.join('')),
  );

  it("gives the units whose name is one of those asked, as a filter over every unit's name does", () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), fc.array(fc.oneof(name, fc.nat({ max: 40 }).map((i) => `#${i}`)), { maxLength: 4 }), (names, asked) => {
        const t = new LongTable([...SLOTS], [1, 2, 3], undefined, undefined, undefined, 2);
        names.forEach((n, u) => t.addUnit({ row: u + 1, name: n, nameCol: 0, stt: '', section: undefined, code: '', parentCode: '' }, ['', '', '']));
        // The names as the units give them (read back from the table), and some of them asked for.
        const wanted = new Set([...asked, ...asked.map((a) => t.name(Math.min(a.length, t.n - 1)))]);
        const all = Array.from({ length: t.n }, (_, u) => u);
        expect(t.idsNamed(wanted)).toEqual(all.filter((u) => wanted.has(t.name(u))));
      }),
      { numRuns: 300 },
    );
  });
});
