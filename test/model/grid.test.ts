/**
 * A cell's text (model/grid.ts trimmedText): the spaces around it removed and the text in NFC, whatever the
 * shortcut that returns most cells as they are (text of Latin and Vietnamese letters, signs and inner spaces).
 * Each text is compared with the rule written out in full.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedText } from '../../src/model/grid.js';

const EDGE_SPACE = /^[\s\u00a0\u2007\u202f\ufeff]+|[\s\u00a0\u2007\u202f\ufeff]+$/g;
const reference = (raw: string) => raw.replace(EDGE_SPACE, '').normalize('NFC').replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111');
const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join('+');
const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i));

/** The characters the shortcut may return as they are (and the eth, which it must not: read as Đ). */
const LATIN = [...span(0x20, 0x7e), ...span(0xa0, 0x2ff), ...span(0x1e00, 0x1eff)];
const ETH = ['\u00d0', '\u00f0'];
/** Each range's edges and the characters just outside them: controls, C1, combining marks, Greek. */
const EDGES = [0x00, 0x09, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x85, 0x9f, 0xa0, 0xa1, 0x2fe, 0x2ff, 0x300, 0x301, 0x323, 0x36f, 0x1dff, 0x1e00, 0x1eff, 0x1f00, 0x1f01, 0x2007, 0x202f, 0x212b, 0xfeff].map((c) => String.fromCharCode(c));

describe('trimmedText', () => {
  it('leaves text of Latin and Vietnamese letters as it is only where trimming and NFC would', () => {
    // Each character between every other and itself: a character that decomposed, or composed with the one
    // before or after it, would change the whole text.
    const wrong = LATIN.filter((a) => {
      const text = `${LATIN.filter((c) => !ETH.includes(c)).join(a)}${a}`;
      return trimmedText(text) !== reference(text) || (reference(text) !== text.trim()) !== ETH.includes(a);
    });
    expect(wrong.map(hex)).toEqual([]);
  });

  it('reads every character and pair of characters at the ranges’ edges as trimming and NFC do', () => {
    const wrong: string[] = [];
    for (const a of [...EDGES, ...LATIN]) {
      for (const t of [a, ` ${a}`, `${a} `, `${a}\u00a0`]) if (trimmedText(t) !== reference(t)) wrong.push(t);
      if (!EDGES.includes(a)) continue;
      for (const b of EDGES) if (trimmedText(a + b) !== reference(a + b)) wrong.push(a + b);
    }
    expect(wrong.map(hex)).toEqual([]);
  });

  it('reads the eth (Ð, ð), which looks like Đ and stands for it in mistyped Vietnamese, as Đ', () => {
    expect(trimmedText('\u00d0ầu năm')).toBe('Đầu năm');
    expect(trimmedText(' \u00d0\u00f0 ')).toBe('\u0110\u0111');
  });

  it('reads any text of letters, marks and spaces as trimming and NFC do', () => {
    const piece = fc.oneof(
      fc.constantFrom('Số hộ nghèo', 'Tỷ lệ (%)', 'Hà Nội', 'Đầu năm', 'ủy', ' ', '\u00a0', '\t', '\u202f', '\ufeff', '\u0301', '\u0323', 'e\u0302', 'A\u030a', '\u212b', 'ǅ', 'ﬁ'),
      fc.constantFrom(...LATIN, ...EDGES),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (ps) => {
        const raw = ps.join('');
        expect(trimmedText(raw)).toBe(reference(raw));
      }),
      { numRuns: 1000 },
    );
  });
});
