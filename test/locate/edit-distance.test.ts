/**
 * editDistance (one typed array) against the textbook table of arrays it replaced, on random digit strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../../src/locate/slips.js';

function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the optimal string alignment distance (random numbers as typed)', () => {
    const text = fc.array(fc.constantFrom('0', '1', '2', '9', '.', ',', '-'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts a swap of neighbours once', () => {
    expect(editDistance('4963', '4693')).toBe(1);
    expect(editDistance('', '123')).toBe(3);
    expect(editDistance('26026', '20626')).toBe(1);
  });
});
