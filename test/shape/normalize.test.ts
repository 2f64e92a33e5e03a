/**
 * foldKey and labelKey tell characters one by one where they used regular expressions (start-up: each pattern
 * was compiled at every start). The keys must be the patterns' keys: here the patterns themselves, as they were,
 * are the oracle, on random texts built from the characters they treat specially and on every label and unit
 * name of the fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, labelKey, unitKey } from '../../src/shape/normalize.js';

function foldByPatterns(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\W]+/gu, ' ')
    .trim();
}

const MEASURE_SUFFIX = /\s*[([]\s*(?:%|hộ|ho|households?|hh|điểm\s*%?|diem\s*%?|points?|pp|percentage points|người)\s*[)\]]\s*$/iu;

function labelKeyByPatterns(text: string): string {
  let t = text.normalize('NFC').trim();
  t = t.replace(/^[-–—+*•·]+\s*/u, '');
  t = t.replace(/^(?:[0-9]{1,2}|[IVXivx]{1,4}|[a-zđ])[.)]\s+/u, '');
  t = t.replace(/^[-–—+*•·]+\s*/u, '');
  t = t.replace(MEASURE_SUFFIX, '');
  t = t.replace(/[:：]\s*$/u, '');
  return foldByPatterns(t);
}

/** Characters the patterns treat specially, and some they do not. */
const PIECES = [
  ...'-–—+*•·.):：([]%_ aAbBiIvVxXzZđĐðÐ0123456789',
  ...'\t\n\u000b\f\r\u00a0\u1680\u2000\u2005\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u180e\u0085',
  ...'\u0300\u0301\u0303\u0309\u0323\u036f\u0370ſKİıßÅ',
  'ộ', 'Ộ', 'ể', 'ư', 'Ư', 'ờ', 'ắ', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ', '\ud83d\ude00', '\ud800',
  'hộ', 'HỘ', 'ho', 'households', 'household', 'hh', 'điểm', 'ĐIỂM', 'diem', 'points', 'point', 'pp', 'percentage points', 'người',
  'IV', 'XII', 'iii', '10', '123', 'a)', '1.', 'II.', 'x)', 'đ)',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((xs) => xs.join(''));

/** Every cell text of the fixtures' delimited tables (labels, unit names, numbers). */
function fixtureTexts(): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(csv|tsv|txt)$/.test(name) && statSync(p).size < 200_000) {
        const raw = readFileSync(p);
        const s = raw[0] === 0xff && raw[1] === 0xfe ? raw.toString('utf16le') : raw.toString('utf8');
        for (const line of s.split(/\r?\n/)) for (const cell of line.split(/[;,\t]/)) out.add(cell.replace(/^"|"$/g, ''));
      }
    }
  };
  walk(join(__dirname, '..', '..', 'fixtures'));
  return [...out];
}

describe('foldKey and labelKey without regular expressions', () => {
  it('give the patterns’ keys on random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldKey(t)).toBe(foldByPatterns(t));
        expect(labelKey(t)).toBe(labelKeyByPatterns(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('give the patterns’ keys on the examples that tell them apart', () => {
    const cases = [
      '- Đầu năm', '1. Tổng số hộ', '12) Số hộ', '123. x', 'IV. Tỷ lệ', 'IIII) a', 'IIIII. a', 'a) hộ nghèo', 'đ) hộ', 'Đ) hộ',
      'x.y', '1.5', '1.\u00a0a', '1.', '1. ', '.) a', 'Tỷ lệ (%)', 'Tỷ lệ [ %  ]  ', 'Số hộ (HỘ)', 'Giảm (điểm %)', 'Giảm (điểm%)',
      'Households (householdſ)', 'Rate ( percentage points )', 'Rate (percentage  points)', 'a (hộ) (%)', 'a ((%)', 'Số hộ:', 'Số hộ ：  ',
      'Số hộ::', ':', '  —  – + * • · Số', '+- 1. - Số', '·II) Hộ', 'Thành phố Tuyên Quang', 'Cả nước', '__x__', 'ſ K İ ı ß',
      '\ufeffSTT', 'Xã Đồng Tâm', '\u2028x\u2029',
    ];
    for (const t of [...cases, ...fixtureTexts()]) {
      expect(foldKey(t), t).toBe(foldByPatterns(t));
      expect(labelKey(t), t).toBe(labelKeyByPatterns(t));
    }
  });
});

/**
 * foldKey tells the characters it knows (ASCII to U+036F, U+1E00–U+1EFF) through a table of each one's part and
 * hands any other text to NFD; labelKey skips NFC for text of characters that are NFC as they are. Each must give
 * the patterns' keys for every BMP character, alone and beside letters, marks and Vietnamese letters.
 */
describe('foldKey and labelKey on every character of the BMP', () => {
  const contexts = (ch: string) => [` ${ch}`, `A${ch}\u0301ộ${ch}`, `Đ${ch}1 `];

  it('give the patterns’ keys for each character in several places', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      for (const t of contexts(String.fromCharCode(c))) {
        if (foldKey(t) !== foldByPatterns(t) || labelKey(t) !== labelKeyByPatterns(t)) wrong.push(`U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(t)}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('give the patterns’ keys on labels written decomposed (NFD), where NFC is what makes them match', () => {
    for (const t of ['Giảm (điểm %)', 'Số hộ (hộ)', 'Tổng số hộ:', 'a) Hộ nghèo', 'Xã Đồng Tâm', ...fixtureTexts()]) {
      const nfd = t.normalize('NFD');
      expect(foldKey(nfd), nfd).toBe(foldByPatterns(nfd));
      expect(labelKey(nfd), nfd).toBe(labelKeyByPatterns(nfd));
    }
  });

  /** Characters from everywhere in the BMP, most from the ranges the table knows. */
  const anyChar = fc.oneof(
    fc.integer({ min: 0, max: 0x36f }),
    fc.integer({ min: 0x1e00, max: 0x1eff }),
    fc.integer({ min: 0, max: 0xffff }),
    fc.constantFrom(0x20, 0x2e, 0x29, 0x28, 0x25, 0x3a, 0x111, 0x110, 0x300, 0x301, 0x323, 0x3a3, 0x130, 0x212a, 0xd800, 0xdc00),
  );
  const anyText = fc.array(anyChar, { maxLength: 24 }).map((cs) => String.fromCharCode(...cs));

  it('give the patterns’ keys on random texts of any characters', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(foldKey(t)).toBe(foldByPatterns(t));
        expect(labelKey(t)).toBe(labelKeyByPatterns(t));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('unitKey', () => {
  it('reads a level\'s abbreviation as its word, and nothing else', () => {
    const same = [
      ['TP Tuyên Quang', 'Thành phố Tuyên Quang'],
      ['TP. Vinh', 'thành phố vinh'],
      ['TX. Sơn Tây', 'Thị xã Sơn Tây'],
      ['TT Na Hang', 'Thị trấn Na Hang'],
      ['H. Na Hang', 'Huyện Na Hang'],
    ];
    for (const [a, b] of same) expect(unitKey(a!), a).toBe(unitKey(b!));
    expect(['Tân Phú', 'Thành phố', 'Hàm Yên', 'TPHCM', 'Tổng cộng', "H'Mông", 'H Na Hang'].map(unitKey)).toEqual(['tan phu', 'thanh pho', 'ham yen', 'tphcm', 'tong cong', 'h mong', 'h na hang']);
  });
});
