/** The byte pools: UTF-8 exactly as TextEncoder writes it. (The first unit per code: test/shape/hierarchy.test.ts.) */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodeStrings, IdColumn, InternedStrings, NumberedStrings, RunStrings, SteadyColumn, StringPool } from '../../src/model/pool.js';

describe('StringPool', () => {
  it('stores any string as TextEncoder would and gives it back', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('Xã 1', '', '\ud800', 'a\udc00b')), { maxLength: 30 }), (strings) => {
        const pool = new StringPool(2, 4);
        strings.forEach((s) => pool.add(s));
        strings.forEach((s, i) => {
          expect(Buffer.from(pool.data.subarray(pool.start(i), pool.end(i)))).toEqual(Buffer.from(new TextEncoder().encode(s)));
          expect(pool.get(i)).toBe(new TextDecoder().decode(new TextEncoder().encode(s)));
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('InternedStrings', () => {
  // Names that repeat (few distinct ones), and any string (a BOM before a name, lone surrogates, blanks).
  const strings = fc.array(
    fc.oneof(fc.constantFrom('Xã Tân Lập', 'Xã Tân Lập ', 'Phường 1', '', '\ufeffXã Tân Lập', '\ud800', '\ufffd', 'a\udc00b'), fc.string({ unit: 'grapheme', maxLength: 6 })),
    { maxLength: 60 },
  );

  it('gives back every string as a StringPool does, whatever repeats, trimmed or grown on the way', () => {
    fc.assert(
      fc.property(strings, fc.nat(70), fc.boolean(), (all, trimAt, reserve) => {
        const interned = new InternedStrings(1);
        const pool = new StringPool(2, 4);
        if (reserve) interned.reserve(all.length, 0);
        all.forEach((s, i) => {
          expect(interned.add(s)).toBe(i);
          pool.add(s);
          if (i === trimAt) interned.trim();
        });
        expect(interned.length).toBe(all.length);
        all.forEach((s, i) => {
          expect(interned.get(i)).toBe(pool.get(i));
          expect(interned.isEmpty(i)).toBe(pool.isEmpty(i));
          expect(interned.decodesEmpty(i)).toBe(pool.decodesEmpty(i));
        });
        const asked = [...new Set(all.slice(0, 3)), 'Xã Tân Lập', '\ud800', 'nothing'];
        const [mine, theirs] = [interned.matcher(asked), pool.matcher(asked)];
        all.forEach((_, i) => expect(mine(i)).toBe(theirs(i)));
        // The same bytes, one string; other bytes, another.
        all.forEach((s, i) => all.forEach((t, j) => expect(interned.idOf(i) === interned.idOf(j)).toBe(Buffer.from(s).equals(Buffer.from(t)))));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps each distinct string's bytes once, and nothing per row while every string is new", () => {
    const interned = new InternedStrings();
    for (let i = 0; i < 1000; i++) interned.add(`Xã số ${i}`);
    interned.trim();
    const distinct = interned.footprint;
    for (let i = 0; i < 100_000; i++) interned.add(`Xã số ${i % 1000}`);
    interned.trim();
    // The rows' indices (4 bytes each) and no more bytes of names.
    expect(interned.footprint - distinct).toBeLessThanOrEqual(101_000 * 4);
    expect(interned.used).toBe([...Array(1000).keys()].reduce((n, i) => n + Buffer.byteLength(`Xã số ${i}`), 0));
    expect([interned.get(0), interned.get(1999), interned.get(100_999)]).toEqual(['Xã số 0', 'Xã số 999', 'Xã số 999']);
  });

  it('appends strings that seldom repeat, and reads every one back', () => {
    const interned = new InternedStrings();
    const name = (i: number) => `Thôn ${i % 50_000}`;
    for (let i = 0; i < 120_000; i++) interned.add(name(i));
    for (const i of [0, 16_383, 16_384, 49_999, 50_000, 99_999, 119_999]) expect(interned.get(i)).toBe(name(i));
    // The first 16,384 were all distinct: the others appended, each repeat stored again.
    expect(interned.idOf(50_000)).not.toBe(interned.idOf(0));
    expect(interned.idOf(16_383)).toBe(16_383);
  });

  it('finds the strings added from their bytes, and adds a row with what it found as addBytes would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(strings, fc.boolean()), { maxLength: 4 }), fc.nat(70), (batches, trimAt) => {
        const interned = new InternedStrings(1);
        const pool = new StringPool(2, 4);
        const fromBytes = new Set<string>();
        let i = 0;
        for (const [all, asText] of batches) {
          for (const s of all) {
            const b = Buffer.from(`<${s}>`);
            const [start, end] = [1, b.length - 1];
            const known = interned.found(b, start, end);
            const bytes = Buffer.from(s).toString('hex');
            // Found only when a row was added from the same bytes before (and the table is kept: not after `trim`).
            if (known >= 0) expect(fromBytes.has(bytes)).toBe(true);
            if (asText) interned.add(s);
            else {
              interned.addBytes(b, start, end, known);
              fromBytes.add(bytes);
            }
            pool.addBytes(new Uint8Array(b.buffer, b.byteOffset, b.length), start, end);
            if (i++ === trimAt) interned.trim();
          }
        }
        for (let r = 0; r < pool.length; r++) expect(interned.get(r)).toBe(pool.get(r));
        for (let r = 0; r < pool.length; r++) for (let q = 0; q < pool.length; q++) expect(interned.idOf(r) === interned.idOf(q)).toBe(interned.get(r) === interned.get(q) && Buffer.from(pool.data.subarray(pool.start(r), pool.end(r))).equals(Buffer.from(pool.data.subarray(pool.start(q), pool.end(q)))));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps finding strings that repeat, however many rows', () => {
    const interned = new InternedStrings();
    const name = (i: number) => `Xã ${i % 5_000}`;
    for (let i = 0; i < 120_000; i++) interned.add(name(i));
    for (const i of [0, 4_999, 5_000, 16_384, 119_999]) {
      expect(interned.get(i)).toBe(name(i));
      expect(interned.idOf(i)).toBe(i % 5_000);
    }
  });
});

describe('CodeStrings', () => {
  it('gives back every code as a StringPool does: digits with leading zeros, long ones, blanks, any text', () => {
    const code = fc.oneof(
      fc.stringMatching(/^[0-9]{0,10}$/),
      fc.constantFrom('0', '00', '01', '001', '00000001', '99999999', '999999999', '000000000', 'VN', '\ufeff01', '01 ', ' 1', '-1', '1.5', '١'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), fc.boolean(), (all, reserve) => {
        const codes = new CodeStrings(1);
        const pool = new StringPool(2, 4);
        if (reserve) codes.reserve(all.length, 0);
        all.forEach((s, i) => {
          expect(codes.add(s)).toBe(i);
          pool.add(s);
        });
        codes.trim();
        expect(codes.length).toBe(all.length);
        all.forEach((_, i) => {
          expect(codes.get(i)).toBe(pool.get(i));
          expect(codes.isEmpty(i)).toBe(pool.isEmpty(i));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a code of digits in 4 bytes', () => {
    const codes = new CodeStrings();
    for (let i = 0; i < 10_000; i++) codes.add(String(i).padStart(5, '0'));
    codes.trim();
    expect(codes.footprint).toBeLessThanOrEqual(10_000 * 4 + 1_200);
    expect([codes.get(0), codes.get(9_999)]).toEqual(['00000', '09999']);
  });
});

describe('NumberedStrings and SteadyColumn', () => {
  // Runs of row numbers counting up (from any start, with breaks: a repeat, a gap, a leading zero, text, blanks).
  const numbered = fc
    .array(fc.tuple(fc.nat(20), fc.nat(12), fc.constantFrom('', '0', '07', 'I', 'a', '-1', ' 3', '1.2', '1234567890')), { maxLength: 8 })
    .map((runs) => runs.flatMap(([start, len, breaker]) => [...Array.from({ length: len }, (_, k) => String(start + k)), breaker]));

  it('gives back every row number as added, counting or not', () => {
    fc.assert(
      fc.property(numbered, fc.boolean(), (strings, reserve) => {
        const pool = new NumberedStrings();
        if (reserve) pool.reserve(strings.length, strings.length * 2);
        strings.forEach((s, i) => expect(pool.add(s)).toBe(i));
        expect(pool.length).toBe(strings.length);
        strings.forEach((s, i) => {
          expect(pool.get(i)).toBe(s);
          expect(pool.isEmpty(i)).toBe(s === '');
        });
        pool.trim();
        strings.forEach((s, i) => expect(pool.get(i)).toBe(s));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps nothing per row while the numbers count up one by one', () => {
    const pool = new NumberedStrings();
    for (let i = 1; i <= 1000; i++) pool.add(String(i));
    expect(pool.footprint).toBe(0);
    expect(pool.get(999)).toBe('1000');
    pool.add('1002');
    expect(pool.footprint).toBeGreaterThan(0);
    expect([pool.get(0), pool.get(999), pool.get(1000)]).toEqual(['1', '1000', '1002']);
  });

  it('gives back every value of a column set in order, resized on the way', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(-1), fc.constant(3), fc.integer({ min: -5, max: 5 })), { maxLength: 60 }), fc.nat(10), fc.constantFrom(0, 1), fc.nat(40), (values, start, step, steady) => {
        // A steady run first (as most tables have), then anything.
        const all = [...Array.from({ length: steady }, (_, i) => 7 + step * i), ...values];
        const col = new SteadyColumn(start, step);
        all.forEach((v, i) => {
          if (i >= start) col.resize(Math.ceil(i * 1.5) + 1);
          col.set(i, v);
        });
        all.forEach((v, i) => expect(col.get(i)).toBe(v));
        expect(col.byteLength === 0).toBe(all.every((v, i) => v === all[0]! + step * i));
      }),
      { numRuns: 300 },
    );
  });
});

describe('IdColumn', () => {
  it('gives back every index set in order, counting or not, past 16 bits or not, resized on the way', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(5), fc.constant(0xffff), fc.constant(0x10000), fc.nat(200_000)), { maxLength: 60 }), fc.nat(10), fc.nat(40), (values, start, counting) => {
        const all = [...Array.from({ length: counting }, (_, i) => i), ...values];
        const col = new IdColumn(start);
        all.forEach((v, i) => {
          if (i >= col.capacity) col.resize(Math.ceil(i * 1.5) + 1);
          col.set(i, v);
        });
        all.forEach((v, i) => expect(col.get(i)).toBe(v));
        const bytes = all.every((v, i) => v === i) ? 0 : all.every((v) => v <= 0xffff) ? 2 : 4;
        expect(col.byteLength).toBe(bytes * col.capacity);
      }),
      { numRuns: 500 },
    );
  });
});

describe('RunStrings', () => {
  it('gives back every string as added, read in order or in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('', '01', '001', 'VN', 'Mã ă', '\ud800'), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (runs, reads) => {
          const strings = runs.flatMap(([s, k]) => Array.from({ length: k }, () => s));
          const pool = new RunStrings();
          strings.forEach((s, i) => expect(pool.add(s)).toBe(i));
          const decoded = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));
          strings.forEach((s, i) => expect([pool.get(i), pool.isEmpty(i)]).toEqual([decoded(s), s === '']));
          for (const r of reads) expect(pool.get(r % strings.length)).toBe(decoded(strings[r % strings.length]!));
          pool.trim();
          for (let i = strings.length - 1; i >= 0; i--) expect(pool.get(i)).toBe(decoded(strings[i]!));
        },
      ),
      { numRuns: 300 },
    );
  });
});
