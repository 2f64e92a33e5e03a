import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlot, slotKey } from '../../src/model/slots.js';

/** The definition: the slot key's pattern, each dimension present only when the key has it. */
const SLOT = /^([a-z_]+)(?:@([^~:/]+))?(?:~([^:/]+))?(?::(min|max))?(?:\/(.+))?$/;
function reference(key: string) {
  const m = SLOT.exec(key);
  if (!m) return { indicator: key };
  return {
    indicator: m[1]!,
    ...(m[2] !== undefined ? { year: m[2] } : {}),
    ...(m[3] !== undefined ? { standard: m[3] } : {}),
    ...(m[4] !== undefined ? { bound: m[4] } : {}),
    ...(m[5] !== undefined ? { part: m[5] } : {}),
  };
}

describe('parseSlot', () => {
  it('reads back what slotKey writes', () => {
    expect(parseSlot(slotKey('poor_end', { year: '2020', standard: '2021-2025', bound: 'max', part: 'urban' }))).toEqual({ indicator: 'poor_end', year: '2020', standard: '2021-2025', bound: 'max', part: 'urban' });
    expect(parseSlot('rate_end')).toEqual({ indicator: 'rate_end' });
  });

  it('agrees with the slot pattern on any key, plain or with dimensions', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'z', '_', 'r', 'A', '0', '9', '@', '~', ':', '/', '-', ' ', 'ă', 'min', 'max'), maxLength: 14 });
    fc.assert(fc.property(text, (key) => {
      const got = parseSlot(key);
      const want = reference(key);
      return JSON.stringify(got) === JSON.stringify(want) && Object.keys(got).join() === Object.keys(want).join();
    }), { numRuns: 5000 });
  });
});
