/**
 * Money (document/money.ts): the hierarchy read from the text, totals against their parts in the unit
 * stated, and the one figure that explains the failures; checked against brute force on random budgets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMoney, readMoney } from '../../src/document/money.js';
import { readTextDocument } from '../../src/read/text-document.js';
import { FIXTURES } from '../helpers.js';

const SEED = readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.txt'), 'utf8');
const paragraphs = (...lines: string[]) => readTextDocument(lines.join('\n'), 'utf-8').paragraphs;
const seed = readTextDocument(SEED, 'utf-8').paragraphs;
const brief = (lines: string[]) => checkMoney(paragraphs(...lines)).findings.map((f) => `${f.severity} ${f.msg.id}${f.expected !== undefined ? ` ${f.expected}/${f.actual}` : ''}`);

describe('the seed plan', () => {
  it('reads the total, its five projects and their kinds of capital', () => {
    const { relations } = readMoney(seed);
    expect(relations.map((r) => `${r.total.plain} = ${r.parts.map((p) => p.plain).join(' + ')}${r.exact ? '' : ' (of which)'}`)).toEqual([
      '210679 = 79381 + 118018 + 1884 + 2953 + 1451',
      '79381 = 70756 + 15617',
      '118018 = 83879 + 34139',
      '1884 = 1884',
      '2953 = 2953',
      '1451 = 1451',
    ]);
    expect(relations[0]!.total.label).toBe('Tổng kinh phí');
    expect(relations[1]!.parts.map((p) => p.label)).toEqual(['vốn đầu tư phát triển', 'vốn sự nghiệp']);
  });

  it('one error, at 79.381: the one figure that explains both failing totals, 86.373 proposed', () => {
    const r = checkMoney(seed);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'money', severity: 'error', expected: '86373', actual: '79381', place: { paragraph: 61, section: 'III. KINH PHÍ THỰC HIỆN' } });
    expect(f.place!.quote.slice(f.place!.mark!.start, f.place!.mark!.end)).toBe('79.381');
    expect(f.msg.params).toMatchObject({ confidence: 'unique', pinned: true, relations: [{ role: 'total' }, { role: 'part' }] });
    expect(r.totals).toBe(6);
  });

  it('corrected, every total holds: one info', () => {
    const ok = readTextDocument(SEED.replace('30a: 79.381', '30a: 86.373'), 'utf-8').paragraphs;
    expect(checkMoney(ok).findings.map((f) => [f.severity, f.msg.id])).toEqual([['info', 'money.consistent']]);
  });
});

describe('totals and parts', () => {
  it('in the unit stated: a total in tỷ đồng against parts in triệu đồng, rounded to its decimals', () => {
    expect(brief(['Tổng vốn 1,5 tỷ đồng, trong đó: ngân sách trung ương 800 triệu đồng, ngân sách địa phương 700 triệu đồng.'])).toEqual(['info money.consistent']);
    expect(brief(['Tổng vốn 1,6 tỷ đồng, trong đó: ngân sách trung ương 800 triệu đồng, ngân sách địa phương 750 triệu đồng.'])).toEqual(['info money.consistent']);
    // 1,55 tỷ rounds to 1,6: the total or either part could be the wrong figure.
    expect(brief(['Tổng vốn 1,5 tỷ đồng, trong đó: ngân sách trung ương 800 triệu đồng, ngân sách địa phương 750 triệu đồng.'])).toEqual(['error money.sum 1.55/1.5']);
  });

  it('one part after "trong đó" may be only part of the total, but not more than it', () => {
    expect(brief(['Tổng kinh phí 100 triệu đồng, trong đó vốn sự nghiệp 60 triệu đồng.'])).toEqual(['info money.consistent']);
    expect(brief(['Tổng kinh phí 100 triệu đồng, trong đó vốn sự nghiệp 160 triệu đồng.'])).toEqual(['error money.part-exceeds 100/160']);
  });

  it('a part typed with two digits transposed is named as the likely one of two that could explain it', () => {
    const f = checkMoney(paragraphs('Dự án 2: 118.018 triệu đồng (vốn đầu tư phát triển 83.879 triệu đồng, vốn sự nghiệp 34.193 triệu đồng).')).findings;
    expect(f.map((x) => [x.msg.id, x.expected, x.actual, (x.msg.params as { confidence: string }).confidence])).toEqual([['money.cause', '34139', '34193', 'ranked']]);
  });

  it('when no single figure explains the failures, each failing total is reported with the figures that could be wrong', () => {
    const r = brief(['Tổng kinh phí 100 triệu đồng (vốn A 50 triệu đồng, vốn B 40 triệu đồng).']);
    expect(r).toEqual(['error money.sum 90/100']);
  });

  it('a list opened by "Trong đó:" ends at the first paragraph that is not an item', () => {
    const { relations } = readMoney(paragraphs('Tổng kinh phí: 300 triệu đồng. Trong đó:', '- Dự án A: 100 triệu đồng.', '- Dự án B: 200 triệu đồng.', 'Kinh phí khác 50 triệu đồng.', '- Ghi chú: 7 triệu đồng.'));
    expect(relations.map((r) => `${r.total.plain} = ${r.parts.map((p) => p.plain).join(' + ')}`)).toEqual(['300 = 100 + 200']);
  });
});

describe('lists numbered a), b), c) or 1., 2., 3. (typed, or Word\'s list numbers; a fresh-eyes trial of the seed plan made in Writer)', () => {
  const seedWith = (mark: (i: number) => string) => {
    let i = 0;
    return readTextDocument(SEED.replace(/^- (Dự án \d)/gmu, (_m, d: string) => `${mark(i++)} ${d}`), 'utf-8').paragraphs;
  };
  const shape = (ps: ReturnType<typeof paragraphs>) => readMoney(ps).relations.map((r) => `${r.total.plain} = ${r.parts.map((x) => x.plain).join(' + ')}`);
  const SEED_RELATIONS = ['210679 = 79381 + 118018 + 1884 + 2953 + 1451', '79381 = 70756 + 15617', '118018 = 83879 + 34139', '1884 = 1884', '2953 = 2953', '1451 = 1451'];

  it('a) … e): the projects are the parts of the total, not b) … e) parts of a) (which proposed 210.679 for Dự án 1)', () => {
    const ps = seedWith((i) => `${'abcde'[i]})`);
    expect(shape(ps)).toEqual(SEED_RELATIONS);
    expect(checkMoney(ps).findings.map((f) => [f.msg.id, f.expected, f.actual])).toEqual([['money.cause', '86373', '79381']]);
  });

  it('1. … 5.: the projects are the parts of the total (the total was left unchecked, and 6 totals counted as 5)', () => {
    const ps = seedWith((i) => `${i + 1}.`);
    expect(shape(ps)).toEqual(SEED_RELATIONS);
    expect(checkMoney(ps).totals).toBe(6);
    expect(readMoney(ps).relations[1]!.total.label).toBe('Dự án 1. Chương trình 30a');
  });

  it('a numbered paragraph after dash items, or out of sequence, is the plan\'s next numbered part: it ends the list', () => {
    expect(shape(paragraphs('Tổng kinh phí: 300 triệu đồng. Trong đó:', '- Dự án A: 100 triệu đồng.', '- Dự án B: 200 triệu đồng.', '3. Các nguồn vốn huy động khác: 50 triệu đồng.'))).toEqual(['300 = 100 + 200']);
    expect(shape(paragraphs('Tổng kinh phí: 300 triệu đồng. Trong đó:', '1. Dự án A: 100 triệu đồng.', '2. Dự án B: 200 triệu đồng.', '4. Vốn khác: 50 triệu đồng.'))).toEqual(['300 = 100 + 200']);
    expect(shape(paragraphs('2. Kinh phí: 300 triệu đồng. Trong đó:', '3. Vốn khác: 50 triệu đồng.'))).toEqual([]);
  });
});

describe('the likely cause against brute force', () => {
  // A total, three projects, each with two kinds of capital; one figure changed. The cause found must be the
  // only single figure whose correction makes every total hold (by trying every figure and value).
  it('names a figure exactly when one figure alone explains the failures', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9_000 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 500 }), (caps, which, delta) => {
        const projects = [0, 1, 2].map((i) => caps[2 * i]! + caps[2 * i + 1]!);
        const figs = [projects[0]! + projects[1]! + projects[2]!, ...projects.flatMap((p, i) => [p, caps[2 * i]!, caps[2 * i + 1]!])];
        figs[which] = figs[which]! + delta;
        const n = (x: number) => x.toLocaleString('de-DE');
        const lines = [`Tổng kinh phí: ${n(figs[0]!)} triệu đồng. Trong đó:`, ...[0, 1, 2].map((i) => `- Dự án ${i + 1}: ${n(figs[1 + 3 * i]!)} triệu đồng (vốn đầu tư ${n(figs[2 + 3 * i]!)} triệu đồng, vốn sự nghiệp ${n(figs[3 + 3 * i]!)} triệu đồng).`)];
        const found = checkMoney(paragraphs(...lines)).findings;
        // Brute force: the figures whose replacement by some value makes all four totals hold.
        const rels: Array<[number, number[]]> = [[0, [1, 4, 7]], [1, [2, 3]], [4, [5, 6]], [7, [8, 9]]];
        const holdsWith = (f: number[]) => rels.every(([t, parts]) => f[t] === parts.reduce((a, p) => a + f[p]!, 0));
        const fixes = figs.map((_, k) => {
          const [t, parts] = rels.find(([t, parts]) => t === k || parts.includes(k))!;
          const f = [...figs];
          f[k] = k === t ? parts.reduce((a, p) => a + f[p]!, 0) : f[t]! - parts.filter((p) => p !== k).reduce((a, p) => a + f[p]!, 0);
          return f[k]! >= 0 && f[k] !== figs[k] && holdsWith(f) ? f[k] : undefined;
        });
        const single = fixes.map((v, k) => (v !== undefined ? k : -1)).filter((k) => k >= 0);
        if (single.length === 1) {
          expect(found).toHaveLength(1);
          expect(found[0]!.actual).toBe(String(figs[single[0]!]));
          expect(found[0]!.expected).toBe(String(fixes[single[0]!]));
        } else {
          expect(found.every((f) => f.severity === 'error')).toBe(true);
          if (found.length === 1 && found[0]!.msg.id === 'money.cause') expect((found[0]!.msg.params as { confidence: string }).confidence).toBe('ranked');
        }
      }),
      { numRuns: 300 },
    );
  });
});
