/** The byte pools: UTF-8 exactly as TextEncoder writes it, and the code index finds the first unit per code. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodeIndex, StringPool } from '../../src/model/pool.js';

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

describe('CodeIndex', () => {
  it('keeps the first unit of each code, through rehashing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('08', '070', '071', '07101', 'Xã', 'C1', 'C2', 'C3', 'ḁ'), { maxLength: 200 }), (codes) => {
        const pool = new StringPool(1, 1);
        const index = new CodeIndex(pool, 1);
        const first = new Map<string, number>();
        codes.forEach((c, i) => {
          pool.add(c);
          expect(index.insert(i)).toBe(first.has(c) ? first.get(c) : -1);
          if (!first.has(c)) first.set(c, i);
        });
        const probe = new StringPool();
        for (const c of ['08', 'C3', 'nope']) expect(index.find(probe, probe.add(c))).toBe(first.get(c) ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});
