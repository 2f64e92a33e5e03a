import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProse, looksLikeDocument, proseWords } from '../../src/read/text-document.js';

/** The definition `isProse` counts without allocating: words by splitting, semicolons by matching. */
function proseByDefinition(line: string): boolean {
  const t = line.trim();
  if (t.length < 60 || t.includes('\t')) return false;
  const semicolons = (t.match(/;/g) ?? []).length;
  // More than four semicolons: ten words for each (a preamble of citations), which no table's row has.
  if (t.split(/\s+/u).length < (semicolons <= 4 ? 10 : 10 * semicolons)) return false;
  return /\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}/u.test(t);
}

// Lines of six to thirty words, so that the thresholds (60 characters, 10 words, 4 semicolons) are crossed both
// ways. Every kind of character the counts and the test tell apart: letters (with diacritics), digits, `;`, a TAB,
// each white space and line terminator JavaScript's \s knows, and characters close to them that are not (U+180E,
// U+200B, U+0085).
const WORDS = ['a', 'xã', 'Huyện', 'Nà', 'hộ nghèo', 'giảm', '12', '1.234', '11,80', ''];
const SPACES = ['\t', ' ', '  ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u000b', '\u000c', '\r', '\n', '\u180e', '\u200b', '\u0085', ';'];

describe('isProse', () => {
  it('says what the split-and-match definition says, on any line of those characters', () => {
    const piece = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SPACES)).map(([w, sp]) => w + sp);
    const line = fc.array(piece, { minLength: 6, maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(line, (l) => isProse(l) === proseByDefinition(l)), { numRuns: 3000 });
  });

  it('is never true of a line shorter than its words need (2n − 1 characters for n words): looksLikeDocument skips those uncopied', () => {
    // Short words and many semicolons, so that lines of the words a preamble of citations needs are made too.
    const piece = fc.tuple(fc.constantFrom('a', 'xã', 'hộ', 'nghèo'), fc.constantFrom(...Array<string>(10).fill(' '), '\u00a0', ';')).map(([w, sp]) => w + sp);
    const line = fc.array(piece, { minLength: 20, maxLength: 160 }).map((p) => p.join(''));
    let prose = 0;
    fc.assert(
      fc.property(line, (l) => {
        if (!isProse(l)) return true;
        prose++;
        return l.length >= 2 * proseWords((l.match(/;/g) ?? []).length) - 1;
      }),
      { numRuns: 3000 },
    );
    expect(prose).toBeGreaterThan(100);
  });

  it('tells running text from a table row', () => {
    expect(isProse('Năm 2020, toàn tỉnh phấn đấu giảm tỷ lệ hộ nghèo xuống còn dưới 12,43% theo chuẩn nghèo đa chiều.')).toBe(true);
    expect(isProse('1;Huyện Nà Hang;12.345;1.234;10,00;1.100;8,91;134;1,09;12.500;1.100;8,80')).toBe(false);
    expect(isProse('a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh; ; ; ; ;')).toBe(false);
  });

  it('a preamble of citations, a clause of ten words or more before each of its semicolons, is prose (it was a table\'s row past four semicolons)', () => {
    const clause = 'Quyết định số 1705/QĐ-TTg ngày 12/10/2021 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai';
    expect(isProse(`Căn cứ ${Array(6).fill(clause).join('; ')};`)).toBe(true);
    // Fewer than ten words for each semicolon: a table's row of labels stays a row (49 words, 5 semicolons).
    const row = ['Hộ nghèo đầu năm của xã Nà Hang theo', ...Array(5).fill('Hộ nghèo cuối năm của xã Nà Hang')].join('; ');
    expect(row.split(/\s+/u)).toHaveLength(49);
    expect(isProse(row)).toBe(false);
    expect(isProse(`${row} mới`)).toBe(true);
  });
});

/** `looksLikeDocument` as it was written before it read lines in place: each line copied out, tested and counted. */
function documentByDefinition(text: string): boolean {
  const count = (line: string, ch: string) => line.split(ch).length - 1;
  const semis = new Map<number, number>();
  const commas = new Map<number, number>();
  const candidates: Array<{ semis: number; commas: number }> = [];
  let nonEmpty = 0;
  for (const line of text.slice(0, 1_000_000).split('\n')) {
    if (/^[\s\u00a0]*$/u.test(line)) continue;
    nonEmpty++;
    const counts = { semis: count(line, ';'), commas: count(line, ',') };
    semis.set(counts.semis, (semis.get(counts.semis) ?? 0) + 1);
    commas.set(counts.commas, (commas.get(counts.commas) ?? 0) + 1);
    if (proseByDefinition(line)) candidates.push(counts);
  }
  const rowOf = (tally: Map<number, number>, least: number) => {
    let best = -1;
    for (const [n, c] of tally) if (n >= least && c >= 3 && c * 2 >= nonEmpty && (best < 0 || c > tally.get(best)!)) best = n;
    return best;
  };
  const semiRow = rowOf(semis, 2);
  const commaRow = rowOf(commas, 3);
  const prose = candidates.filter((c) => c.semis !== semiRow && c.commas !== commaRow).length;
  return (prose >= 3 && prose * 5 >= nonEmpty) || (prose >= 1 && prose * 2 > nonEmpty);
}

describe('looksLikeDocument', () => {
  it('says what copying each line out says, on texts of table rows, prose and blank lines', () => {
    const piece = fc.tuple(fc.constantFrom(...WORDS, ',', ', '), fc.constantFrom(...SPACES)).map(([w, sp]) => w + sp);
    const line = fc.oneof(
      fc.array(piece, { minLength: 0, maxLength: 30 }).map((p) => p.join('')),
      fc.array(fc.constantFrom('Xã Nà Hang', '1.234', '11,80', ''), { minLength: 2, maxLength: 8 }).map((cells) => cells.join(';')),
    );
    const text = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(text, (t) => looksLikeDocument(t) === documentByDefinition(t)), { numRuns: 2000 });
  });
});
