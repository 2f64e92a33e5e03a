/**
 * The likely-cause lines when no one or two cells explain the errors (reporters/causes.ts): when every failing
 * check is a sum of one unit, the line says the fault is the table's structure (a total row from elsewhere, or
 * parts listed under it that it does not add up), in the text report (and `fix`, which draws the same lines) and
 * the CI formats alike.
 */
import { describe, expect, it } from 'vitest';
import { sameMethod, sumsOfOneUnit } from '../../src/reporters/causes.js';
import type { Finding } from '../../src/model/finding.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '../../src/messages/index.js';
import { cli, FIXTURES } from '../helpers.js';

const SLOW = 'test/locate/slow-inputs/extra-communes-60.csv';
const f = (rule: string, unit: string | undefined, severity: Finding['severity'] = 'error') => ({ rule, unit, severity }) as Finding;

describe('sumsOfOneUnit', () => {
  it('names the unit only when two or more errors are all sums of it (warnings and infos aside)', () => {
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('sum', 'Toàn tỉnh'), f('denominator', 'Xã A', 'warning')])).toBe('Toàn tỉnh');
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('sum', 'Huyện B')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('flow', 'Toàn tỉnh')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', undefined), f('sum', undefined)])).toBeUndefined();
  });
});

describe('a total that does not add up the units listed under it (60 communes it leaves out)', () => {
  it('the text report and the CI formats say the structure, not "several cells" (one run, both reports)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-causes-'));
    const r = await cli(['validate', SLOW, '--lang', 'en', '--format', 'text', '-o', join(dir, 'r.txt'), '--format', 'markdown', '-o', join(dir, 'r.md')]);
    expect(r.code).toBe(1);
    for (const name of ['r.txt', 'r.md']) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text).toContain('Every failing check is a sum of Toàn tỉnh: rather than wrong cells, its row may come from another table or year, or the units listed under it are not the ones its total adds up (check their parent codes)');
      expect(text).not.toContain('several cells are probably wrong');
    }
  });

  it('in Vietnamese, for a search that ended without a cause or stopped at its limit', () => {
    const t = catalog('vi').locate;
    expect(t.none({ failing: 5, sumsOf: 'Toàn tỉnh' })).toContain('Mọi phép kiểm tra đang sai đều là phép cộng của Toàn tỉnh');
    expect(t.stopped({ failing: 5, sumsOf: 'Toàn tỉnh' })).toContain('Mọi phép kiểm tra đang sai đều là phép cộng của Toàn tỉnh');
    expect(t.none({ failing: 5 })).toContain('có lẽ nhiều ô cùng sai');
  });
});

describe('consequencesOf: a finding another cell explains is said to need no change only when that cell looks like a typing slip', () => {
  it('the seed with I6 transposed: D6 and I10 follow from I6; the seed with its total households and rates typed coherently wrong: no such claim', async () => {
    const { consequencesOf } = await import('../../src/reporters/causes.js');
    const { checkCsv } = await import('../helpers.js');
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
    const slip = await checkCsv(readFileSync(join(FIXTURES, 'planted', 'poor-end-transposed.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect([...consequencesOf(slip.localisation, slip.findings).keys()].map((f) => f.at?.ref)).toEqual(['D6', 'I10']);
    // helper-93's p8: D2 210.149 (true 210.299) with the total's start rate and reduction computed from it. The one
    // cause that fits, G2 36.540 → 36.390, is no slip: D2 is not said to need no change (fix's choice aside).
    const coherent = seed.replace(';Hộ;210.299;', ';Hộ;210.149;').replace(';%;11,80;', ';%;11,81;').replace(';%;2,06;', ';%;2,07;');
    const r = await checkCsv(coherent);
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.kind])).toEqual([['G2', undefined]]);
    expect(consequencesOf(r.localisation, r.findings).size).toBe(0);
  });

  it('two cells together (I6 and F8 of two-errors.csv): each finding follows from the cell it reads, not from both', async () => {
    const { consequencesOf } = await import('../../src/reporters/causes.js');
    const { checkCsv } = await import('../helpers.js');
    const r = await checkCsv(readFileSync(join(FIXTURES, 'planted', 'two-errors.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(r.localisation.causes[0]!.cells.map((c) => c.cell.ref)).toEqual(['I6', 'F8']);
    const from = [...consequencesOf(r.localisation, r.findings)].map(([f, cells]) => `${f.at?.ref} ← ${cells.map((c) => c.ref).join(' ')}`);
    expect(from).toEqual(['D6 ← I6', 'F9 ← F8', 'I10 ← I6']);
  });
});

describe('several independent groups of failing checks beside an error no check of consistency gives', () => {
  it('Bắc Giang (3 errors: G7 not a whole number, D8 and F8 rates): the head line counts the 2 failing consistency checks as 2 groups, not "2 errors" beside "3 errors"', async () => {
    const file = join(FIXTURES, 'published', 'indicators-bac-giang-years-as-columns.csv');
    const vi = await cli(['validate', file, '--lang', 'vi']);
    expect(vi.stdout).toContain('3 lỗi, 0 cảnh báo');
    expect(vi.stdout).toContain('→ 2 phép kiểm tra tính khớp đang sai tách thành 2 nhóm không có ô nào chung; nguyên nhân có thể của từng nhóm:');
    expect(vi.stdout).not.toContain('Bảng có 2 lỗi');
    const en = await cli(['validate', file, '--lang', 'en']);
    expect(en.stdout).toContain('→ The 2 failing consistency checks fall into 2 groups that share no cell; the likely cause of each group:');
  });
});

describe('cells that must change together', () => {
  it('say so in words a reader understands, in both languages (was "(các giá trị đi liền với nhau)")', async () => {
    const file = join(FIXTURES, 'published', 'national-2013-2014-decisions-years-as-rows.csv');
    expect((await cli(['validate', file])).stdout).toContain('(các ô này ràng buộc nhau: đổi một ô thì các ô kia đổi theo)');
    expect((await cli(['validate', file, '--lang', 'en'])).stdout).toContain('(tied: changing one changes the others)');
  });
});

describe('every group explained by the same way of computing', () => {
  // The seed with its end-of-year rates computed over the start-of-year households (and the reductions from them): seven
  // districts' groups, one way of computing, not seven slips.
  const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n').filter((l) => l !== '').map((l) => l.split(';'));
  const num = (s: string) => Number(s.replace(/\./g, ''));
  const hundredths = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);
  const show = (h: number) => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;
  const end = seed[1]!.slice(3, 11).map((h, i) => Math.floor((num(seed[5]![3 + i]!) * 20000) / num(h) + 1) >> 1);
  const rows = seed.map((r) => [...r]);
  for (let i = 0; i < 8; i++) {
    rows[9]![3 + i] = show(end[i]!);
    rows[8]![3 + i] = show(hundredths(seed[7]![3 + i]!) - end[i]!);
  }

  it('the head line says it once: probably the whole row computed so, not N slips (it listed N causes alone)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-method-')), 'end-over-start.csv');
    writeFileSync(file, rows.map((r) => r.join(';')).join('\n') + '\n');
    const en = await cli(['validate', file, '--lang', 'en']);
    expect(en.stdout).toContain('→ The 7 failing consistency checks fall into 7 groups that share no cell, and in every group the end rate looks computed over the start-of-year households: probably one way of computing applied to the whole row or column, not 7 slips; the likely cause of each group:');
    const vi = await cli(['validate', file]);
    expect(vi.stdout).toContain('và ở mọi nhóm có vẻ tỷ lệ cuối năm được tính trên tổng số hộ đầu năm: có lẽ cả dòng hoặc cả cột được tính theo cùng một cách sai, không phải 7 chỗ gõ nhầm;');
    // The HTML report too: the head line, and each cell's own slip where a cause's cells differ in kind (it named none).
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-method-')), 'r.html');
    await cli(['validate', file, '--lang', 'en', '--format', 'html', '-o', out]);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<p>The 7 failing consistency checks fall into 7 groups that share no cell, and in every group the end rate looks computed over the start-of-year households');
    expect(page).toContain('Slips: D9, the reduction typed as reduced households / start households (1.99 instead of 2.06); D10, the end rate taken over the start-of-year households.');
    expect(page).toContain('Slip: H10, the end rate taken over the start-of-year households.');
    const md = await cli(['validate', file, '--lang', 'en', '--format', 'markdown']);
    expect(md.stdout).toContain('in every group the end rate looks computed over the start-of-year households');
  });

  it('every reduction in points with a minus sign (a formula the wrong way round, =D10-D8): one cause, the row\'s signs (it was 8 groups)', async () => {
    const signed = seed.map((r, i) => (i === 8 ? r.map((x, c) => (c >= 3 && c < 11 ? `-${x}` : x)) : r));
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-method-')), 'negative.csv');
    writeFileSync(file, signed.map((r) => r.join(';')).join('\n') + '\n');
    const en = await cli(['validate', file, '--lang', 'en']);
    expect(en.stdout).toContain('→ Likely cause: 8 cells together: D9 (Poverty rate reduction (points), Toàn tỉnh) holds -2.06, should be 2.06 (the sign looks wrong); E9');
    expect(en.stdout).toContain('explains: D9 rate-change · E9 rate-change · F9 rate-change · G9 rate-change · H9 rate-change · I9 rate-change · J9 rate-change · K9 rate-change');
  });

  it('a sign the wrong way in every group that no one line explains is still said once', () => {
    const part = (ref: string) => ({ status: 'found', failing: 1, causes: [{ cells: [{ cell: { ref, row: 0, col: 0, raw: '' }, unit: 'A', indicator: 'rate_reduced', actual: '-2.06', proposed: '2.06', kind: 'sign' }], explains: [0], confidence: 'unique', pinned: true, linked: false }], more: 0 });
    const loc = { status: 'found', failing: 3, causes: [], more: 0, parts: [part('D9'), part('E9'), part('F9')] } as unknown as Parameters<typeof sameMethod>[0];
    expect(sameMethod(loc)).toEqual({ sameKind: 'sign' });
    expect(sameMethod({ ...loc, parts: loc.parts!.slice(0, 2) })).toEqual({});
  });

  it('every poor households reduced negative (=end-start), their flows failing together through the sums: one cause, the row\'s signs, which fix corrects; beside another error, the no-cause line says why, once', async () => {
    const signed = seed.map((r, i) => (i === 4 ? r.map((x, c) => (c >= 3 && c < 11 ? `-${x}` : x)) : r));
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-method-'));
    const file = join(dir, 'negative-counts.csv');
    writeFileSync(file, signed.map((r) => r.join(';')).join('\n') + '\n');
    const en = await cli(['validate', file, '--lang', 'en']);
    expect(en.stdout).toContain('→ Likely cause: 8 cells together: D5 (Poor households reduced during the year, Toàn tỉnh) holds -4,188, should be 4,188 (the sign looks wrong);');
    const fixed = await cli(['fix', file, '-o', join(dir, 'fixed.csv'), '--lang', 'en']);
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(dir, 'fixed.csv'), 'utf8')).toBe(seed.map((r) => r.join(';')).join('\n') + '\n');
    // With a slip elsewhere the line alone does not clear every failing check: no one cause; the hint, once.
    const plus = join(dir, 'negative-and-slip.csv');
    writeFileSync(plus, signed.map((r) => r.join(';')).join('\n').replace(';36.791;', ';36.719;') + '\n');
    const both = (await cli(['validate', plus, '--lang', 'en'])).stdout;
    expect(both.split('8 figures of poor households reduced during the year are negative (see the warning at D5): rather than wrong cells, the row probably gives the change, computed the wrong way round (end − start); correct their signs, then check again.')).toHaveLength(2);
    // Three units whose poverty grew (their flows balance) beside a slip elsewhere: no such hint.
    const grew = seed.map((r) => [...r]);
    for (const c of [4, 5, 6]) {
      const reduced = num(grew[4]![c]!);
      grew[4]![c] = `-${grew[4]![c]}`;
      const end = num(grew[3]![c]!) + reduced;
      grew[5]![c] = end.toLocaleString('de-DE');
    }
    const other = join(mkdtempSync(join(tmpdir(), 'povcheck-method-')), 'grew.csv');
    writeFileSync(other, grew.map((r) => r.join(';')).join('\n') + '\n');
    expect((await cli(['validate', other, '--lang', 'en'])).stdout).not.toContain('figures of poor households reduced during the year are negative (see');
  });

  it('typing slips in several groups are slips, one by one: nothing said of a way of computing', async () => {
    const file = join(FIXTURES, 'published', 'indicators-bac-giang-years-as-columns.csv');
    expect((await cli(['validate', file, '--lang', 'en'])).stdout).not.toContain('in every group');
  });
});
