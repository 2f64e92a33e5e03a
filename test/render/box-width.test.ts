import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/box.js';

/** The definition: the NFC text's code points, combining marks (U+0300–U+036F) left after NFC not counted. */
const codePoints = (s: string) => [...s.normalize('NFC')].filter((ch) => !(ch.codePointAt(0)! >= 0x300 && ch.codePointAt(0)! <= 0x36f)).length;

describe('displayWidth', () => {
  it('counts code points of the NFC text, marks left over not counted', () => {
    for (const s of ['', 'Tuyên Quang', 'Tuye\u0302n Quang', 'Hà Giang\u0301\u0301', 'x\u{1F600}y', '\ud800', '\udc00\ud800', '\ud800\ud800\udc00', 'a\u0323\u0302']) expect(displayWidth(s)).toBe(codePoints(s));
  });

  it('agrees with the definition on any text: surrogates (paired or not), marks, Vietnamese letters', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0x2ff }),
      fc.integer({ min: 0x300, max: 0x36f }),
      fc.integer({ min: 0x1e00, max: 0x1eff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.constantFrom(0x111, 0x110, 0x1a1, 0x1b0, 0x2026, 0x304b, 0x3099, 0x1100, 0x1161),
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
      const s = String.fromCharCode(...units);
      return displayWidth(s) === codePoints(s);
    }), { numRuns: 3000 });
  });
});
