/** The byte pools: UTF-8 exactly as TextEncoder writes it. (The first unit per code: test/shape/hierarchy.test.ts.) */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StringPool } from '../../src/model/pool.js';

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
