/**
 * messages/visible.ts `visible` and messages/index.ts `formatPlain` read their text by hand (they run for every
 * text of every message): each gives what its rules, written as regular expressions here, give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPlain, visible } from '../../src/messages/index.js';

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

/** `formatPlain` as a regular expression reads it. */
function formatByRules(plain: string, locale: 'vi' | 'en'): string {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!m) return plain;
  const [, sgn, int, frac] = m;
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  return `${sgn}${grouped}${frac !== undefined ? (locale === 'vi' ? ',' : '.') + frac : ''}`;
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

describe('formatPlain', () => {
  it('groups and marks plain digits as the regular expression reads them, and leaves anything else', () => {
    const plain = fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', ',', 'a', ' ', '٣'), { maxLength: 14 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(plain, fc.constantFrom<'vi' | 'en'>('vi', 'en'), (p, locale) => {
        expect(formatPlain(p, locale)).toBe(formatByRules(p, locale));
      }),
      { numRuns: 5000 },
    );
    expect(formatPlain('-1234567.50', 'vi')).toBe('-1.234.567,50');
    expect(formatPlain('+1000', 'en')).toBe('+1,000');
    expect(formatPlain('210299', 'vi')).toBe('210.299');
  });
});
