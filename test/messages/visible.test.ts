/**
 * messages/visible.ts `visible` reads its text by hand (it runs for every text of every message): it gives what
 * its rules, written as regular expressions here, give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/messages/index.js';

/** `visible`'s rules as regular expressions alone (the gate as documented in visible.ts). */
function visibleByRules(text: string): string {
  const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  const picture = (ch: string) => {
    const c = ch.charCodeAt(0);
    if (c < 0x20) return String.fromCharCode(0x2400 + c);
    if (c === 0x7f) return '\u2421';
    return `\\u${c.toString(16).padStart(4, '0')}`;
  };
  return text.replace(unsafe, picture).replace(/^(\s*):(?=:)/, '$1\ua789').replace(/##(?=(?:vso)?\[)/gi, '#\uff03');
}

// Characters on each side of every boundary the hand-written test draws, and the texts that matter.
const EDGES = [
  '\u0000', '\t', '\n', '\u001b', '\u001f', ' ', '!', '"', '#', '$', '9', ':', ';', '[', 'v', 's', 'o', 'V', '~', '\u007f', '\u0080',
  '\u009f', '\u00a0', 'à', 'Đ', '\u061b', '\u061c', '\u061d', 'ệ', '\u1ef9', '\u200d', '\u200e', '\u200f', '\u2013', '\u2028', '\u2029',
  '\u202a', '\u202e', '\u202f', '\u2066', '\u2069', '\u206a', '\u3000', '\ud83d', '\ude00', '\ufeff', '\uff03', '\ua789',
];
const WORDS = ['::', '##', '##[', '##vso[', '##VSO[', '::error::', '  ::', 'Xã Đồng Hạ', '12.345'];
const text = fc.array(fc.oneof(fc.constantFrom(...EDGES), fc.constantFrom(...WORDS), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((xs) => xs.join(''));

describe('visible', () => {
  it('gives what its rules give, whatever the text', () => {
    fc.assert(fc.property(text, (t) => {
        expect(visible(t)).toBe(visibleByRules(t));
      }), { numRuns: 3000 });
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}:b#`;
      expect(visible(t)).toBe(visibleByRules(t));
    }
  });

  it('returns a text it leaves unchanged as it is', () => {
    const name = 'Thị trấn Đồng Hạ (Huyện Lạc Cẩm Tân)';
    expect(visible(name)).toBe(name);
  });
});
