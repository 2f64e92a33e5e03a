/**
 * Stated figures (document/claims.ts): which sentences are read as claims, and how they are checked against
 * the seed annex and within their sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClaims, ownUnitNames, readClauses, textNotRunReason, type ClaimTable } from '../../src/document/claims.js';
import { readTextDocument } from '../../src/read/text-document.js';
import { gridFromBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { FIXTURES } from '../helpers.js';
import { UnitList } from '../../src/model/annex.js';

const annex = checkGrid(gridFromBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv')))).annex;
const TABLE: ClaimTable = { number: 1, annex, unnamed: false };
const TITLE = 'KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM 2020';

/** A document of a title and the given paragraphs (under "I. MỤC TIÊU"). */
const paragraphs = (...lines: string[]) => readTextDocument([TITLE, 'I. MỤC TIÊU', ...lines].join('\n'), 'utf-8').paragraphs;
const check = (lines: string[], tables: ClaimTable[] = [TABLE]) => checkClaims(paragraphs(...lines), tables, { source: 'plan text' });
const brief = (lines: string[], tables?: ClaimTable[]) =>
  check(lines, tables).findings.map((f) => `${f.severity} ${f.rule} ${f.unit} ${f.msg.id}${f.expected !== undefined ? ` ${f.expected}/${f.actual}` : ''}`);
const figures = (line: string) => readClauses(paragraphs(line)).flatMap((c) => c.figures.map((f) => `${f.indicator}${f.op}${f.plain}`));

const SEED_SENTENCE =
  '- Tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều chung toàn tỉnh giảm 2,06% (từ 11,8% xuống còn 9,74%). Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên.';

describe('the seed sentence', () => {
  it('states the total\'s reduction, start and end, and a target for two named districts', () => {
    const clauses = readClauses(paragraphs(SEED_SENTENCE));
    expect(clauses.map((c) => [c.units, c.figures.map((f) => `${f.indicator}${f.op}${f.plain}`)])).toEqual([
      [[{ kind: 'total' }], ['rate_reduced=2.06', 'rate_start=11.8', 'rate_end=9.74']],
      [[{ kind: 'named', name: 'Lâm Bình' }, { kind: 'named', name: 'Na Hang' }], ['rate_reduced>=4']],
    ]);
  });

  it('agrees with the annex (11,8 = 11,80) and within itself (11,8 − 9,74 = 2,06); the targets are met', () => {
    const r = check([SEED_SENTENCE]);
    // The targets are met only because the districts' households grew: the denominator rule says so, at the sentence.
    expect(brief([SEED_SENTENCE])).toEqual([
      'info claim Toàn tỉnh claim.consistent',
      'info target Lâm Bình target.met',
      'warning denominator Lâm Bình denominator.decides-target',
      'info target Na Hang target.met',
      'warning denominator Na Hang denominator.decides-target',
    ]);
    expect(r.claims).toBe(1);
    expect(r.targets).toBe(2);
    const place = r.findings[0]!.place!;
    expect(place.quote.slice(place.mark!.start, place.mark!.end)).toBe('2,06');
    expect(place).toMatchObject({ paragraph: 3, section: 'I. MỤC TIÊU' });
  });

  it('a unit named without its class is matched to the unit of that spelling, never one whose marks say another place', () => {
    const text = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace('Na Hang', 'Xã Tân Hòa').replace('Lâm Bình', 'Xã Tân Hóa');
    const tones: ClaimTable = { number: 1, annex: checkGrid(gridFromBytes(Buffer.from(text, 'utf8'))).annex, unnamed: false };
    const sentence = SEED_SENTENCE.replace('(Lâm Bình, Na Hang)', '(Tân Hóa)');
    expect(check([sentence], [tones]).findings.filter((f) => f.rule === 'target').map((f) => f.unit)).toEqual(['Xã Tân Hóa']);
    expect(check([SEED_SENTENCE.replace('(Lâm Bình, Na Hang)', '(Tân Hòa)')], [tones]).findings.filter((f) => f.rule === 'target').map((f) => f.unit)).toEqual(['Xã Tân Hòa']);
  });

  it('written with the eth for Đ (Ðầu năm, ðiểm), the same claims are read and checked', () => {
    const eth = (s: string) => s.replace(/Đ/g, '\u00d0').replace(/đ/g, '\u00f0');
    expect(brief([eth(SEED_SENTENCE)])).toEqual(brief([SEED_SENTENCE]));
    const points = '- Phấn đấu giảm tỷ lệ hộ nghèo 2,06 điểm phần trăm.';
    expect(figures(points)).toEqual(['rate_reduced=2.06']);
    expect(figures(eth(points))).toEqual(['rate_reduced=2.06']);
  });

  it('in a table whose header was lost, the named units cannot be matched: not checked, said so', () => {
    const r = check([SEED_SENTENCE], [{ ...TABLE, unnamed: true, annex: { ...annex, units: new UnitList([...annex.units].map((u, i) => ({ ...u, name: `C${i + 4}`, key: `c${i + 4}` }))) } }]);
    expect(r.findings.map((f) => f.msg.id)).toEqual(['claim.consistent']);
    // The sentence sets targets ("giảm từ 4% trở lên"), no figure to compare: the targets are what is not checked.
    expect(r.skipped.map((s) => [s.rule, s.unit, s.msg.id])).toEqual([
      ['target', 'Lâm Bình', 'skip.claim-unnamed'],
      ['target', 'Na Hang', 'skip.claim-unnamed'],
    ]);
    expect(textNotRunReason(r.skipped, 'target')).toEqual({ id: 'skip.unnamed-columns', params: { table: 1 } });
    expect(textNotRunReason(r.skipped, 'claim')).toBeUndefined();
  });

  it('in such a table, a clause stating a figure and a bound of a named unit is not checked under both rules', () => {
    const unnamed = { ...TABLE, unnamed: true, annex: { ...annex, units: new UnitList([...annex.units].map((u, i) => ({ ...u, name: `C${i + 4}`, key: `c${i + 4}` }))) } };
    const r = check(['Tỷ lệ hộ nghèo huyện Na Hang cuối năm còn 25,56%, giảm từ 4% trở lên.'], [unnamed]);
    expect(r.skipped.map((s) => [s.rule, s.unit])).toEqual([
      ['claim', 'Na Hang'],
      ['target', 'Na Hang'],
    ]);
  });
});

describe('a figure that disagrees', () => {
  it('with the table and its sentence: one error at it, saying both', () => {
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 2,6% (từ 11,8% xuống còn 9,74%).'])).toEqual(['error claim Toàn tỉnh claim.table 2.06/2.6']);
    const f = check(['Tỷ lệ hộ nghèo toàn tỉnh giảm 2,6% (từ 11,8% xuống còn 9,74%).']).findings[0]!;
    expect(f.msg.params).toMatchObject({ within: { start: '11.8', end: '9.74', expected: '2.06' } });
  });

  it('with the table at the precision the text writes: 11,84 fits 11,80 to one decimal, 11,9 does not', () => {
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 2,06% (từ 11,84% xuống còn 9,74%).'])).toEqual(['error claim Toàn tỉnh claim.table 11.80/11.84']);
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh cuối năm còn 9,7%.'])).toEqual(['info claim Toàn tỉnh claim.consistent']);
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh cuối năm còn 9,8%.'])).toEqual(['error claim Toàn tỉnh claim.table 9.74/9.8']);
  });

  it('figures that agree with each other but not with the table: one error each (12 is 11,80 without decimals)', () => {
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 3% (từ 12% xuống còn 9%).'])).toEqual(['error claim Toàn tỉnh claim.table 2.06/3', 'error claim Toàn tỉnh claim.table 9.74/9']);
  });

  it('two wrong figures that also break their sentence: each, and the sentence', () => {
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 3,5% (từ 12,5% xuống còn 9,74%).'])).toEqual([
      'error claim Toàn tỉnh claim.table 2.06/3.5',
      'error claim Toàn tỉnh claim.table 11.80/12.5',
      'error claim Toàn tỉnh claim.sentence 2.76/3.5',
    ]);
    // 12,5 − 9,74 = 2,76, which is 3 without decimals: that sentence holds.
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 3% (từ 12,5% xuống còn 9,74%).'])).toHaveLength(2);
  });

  it('without a table, a sentence is still checked against itself', () => {
    expect(brief(['Tỷ lệ hộ nghèo toàn tỉnh giảm 2,16% (từ 11,8% xuống còn 9,74%).'], [])).toEqual(['error claim total claim.sentence 2.06/2.16']);
    expect(check([SEED_SENTENCE], []).skipped.map((s) => s.msg.id)).toEqual(['skip.claim-no-table']);
  });

  it('households: "giảm 4.188 hộ nghèo" against poor households reduced', () => {
    expect(brief(['Phấn đấu toàn tỉnh giảm 4.188 hộ nghèo.'])).toEqual(['info claim Toàn tỉnh claim.consistent']);
    expect(brief(['Phấn đấu toàn tỉnh giảm 4.118 hộ nghèo.'])).toEqual(['error claim Toàn tỉnh claim.table 4188/4118']);
  });

  it('a unit the table does not have is a warning; a missed target an error with the gap', () => {
    expect(brief(['Tỷ lệ hộ nghèo huyện Mèo Vạc giảm 3%.'])).toEqual(['warning claim Mèo Vạc claim.unknown-unit']);
    expect(brief(['Tỷ lệ hộ nghèo huyện Chiêm Hóa giảm từ 3% trở lên.'])).toEqual(['error target Chiêm Hóa target.missed']);
    expect(brief(['Tỷ lệ hộ nghèo của thành phố Tuyên Quang giảm 0,25%.'])).toEqual(['info claim TP Tuyên Quang claim.consistent']);
  });
});

describe('the phrasing read as claims', () => {
  it('reductions, bounds and ends', () => {
    expect(figures('Phấn đấu giảm tỷ lệ hộ nghèo 2% trở lên.')).toEqual(['rate_reduced>=2']);
    expect(figures('Tỷ lệ hộ nghèo giảm ít nhất 1,5 điểm %.')).toEqual(['rate_reduced>=1.5']);
    expect(figures('Giảm tỷ lệ hộ nghèo xuống còn dưới 5%.')).toEqual(['rate_end<=5']);
    expect(figures('Tỷ lệ hộ nghèo giảm 2 điểm phần trăm, xuống còn 9,8%.')).toEqual(['rate_reduced=2', 'rate_end=9.8']);
  });

  it('not: near-poor and ethnic-minority households, averages, other years, ranges, other sections', () => {
    expect(figures('Tỷ lệ hộ nghèo và hộ cận nghèo giảm 3%.')).toEqual([]);
    expect(figures('Tỷ lệ hộ nghèo dân tộc thiểu số giảm 3%.')).toEqual([]);
    expect(figures('Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.')).toEqual([]);
    expect(figures('Năm 2019 tỷ lệ hộ nghèo giảm 2,5%.')).toEqual([]);
    expect(figures('Tỷ lệ hộ nghèo giảm 1,5 - 2%.')).toEqual([]);
    expect(figures('Giảm 2% tổng số hộ nghèo.')).toEqual([]);
    const past = readTextDocument([TITLE, 'I. KẾT QUẢ THỰC HIỆN NĂM 2019', 'Tỷ lệ hộ nghèo toàn tỉnh giảm 2,5%.'].join('\n'), 'utf-8').paragraphs;
    expect(readClauses(past)).toEqual([]);
  });

  it('the poverty standard\'s period is not a year of the figure', () => {
    expect(figures('Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2016-2020 giảm 2,06%.')).toEqual(['rate_reduced=2.06']);
  });
});

describe('a part of the total in a bracket', () => {
  it('"(riêng các huyện, các xã có tỷ lệ hộ nghèo cao phấn đấu giảm từ 4,5% trở lên)" is a part the text does not name, not the total (it was a target of the total, missed: an error)', () => {
    // Lạng Sơn's Kế hoạch 57/KH-UBND 2019 (fixtures/plans/published/lang-son-2019-ke-hoach-57.txt), without its "bình quân".
    const line = '- Phấn đấu giảm tỷ lệ hộ nghèo từ 2% trở lên (riêng các huyện, các xã có tỷ lệ hộ nghèo cao phấn đấu giảm từ 4,5% trở lên).';
    expect(readClauses(paragraphs(line)).map((c) => [c.units, c.figures.map((f) => `${f.indicator}${f.op}${f.plain}`)])).toEqual([[[{ kind: 'total' }], ['rate_reduced>=2']]]);
    expect(brief([line]).filter((b) => b.startsWith('error'))).toEqual([]);
  });

  it('a bracket naming its units is read for them: "(riêng huyện Na Hang, Lâm Bình giảm từ 4% trở lên)"', () => {
    const clauses = readClauses(paragraphs('- Tỷ lệ hộ nghèo toàn tỉnh giảm 2,06% (riêng huyện Na Hang, Lâm Bình giảm từ 4% trở lên).'));
    expect(clauses.map((c) => [c.units, c.figures.map((f) => `${f.indicator}${f.op}${f.plain}`)])).toEqual([
      [[{ kind: 'total' }], ['rate_reduced=2.06']],
      [[{ kind: 'named', name: 'Na Hang' }, { kind: 'named', name: 'Lâm Bình' }], ['rate_reduced>=4']],
    ]);
  });
});

describe('the document\'s own unit', () => {
  // A district's annex: its total "Toàn huyện", its communes.
  const district = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8')
    .replace('Toàn tỉnh;Sơn Dương;Yên Sơn;TP Tuyên Quang;Hàm Yên;Chiêm Hóa;Na Hang;Lâm Bình', 'Toàn huyện;Xã Bình Lãnh;Xã Bình Trị;Thị trấn Hà Lam;Xã Bình Định Bắc;Xã Bình Quý;Xã Bình Phú;Xã Bình Tú');
  const DISTRICT: ClaimTable = { number: 1, annex: checkGrid(gridFromBytes(Buffer.from(district, 'utf8'))).annex, unnamed: false };
  const plan = (opening: string[], line: string) => readTextDocument([...opening, 'I. MỤC TIÊU', line].join('\n'), 'utf-8').paragraphs;
  const own = (opening: string[], line: string, tables = [DISTRICT], letterhead?: string[]) =>
    checkClaims(plan(opening, line), tables, { source: 'plan text', ...(letterhead ? { letterhead } : {}) }).findings.map((f) => `${f.severity} ${f.rule} ${f.unit} ${f.msg.id}${f.expected !== undefined ? ` ${f.expected}/${f.actual}` : ''}`);
  const LETTERHEAD = ['UBND HUYỆN THĂNG BÌNH', 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'GIẢM NGHÈO NĂM 2020'];

  it('"huyện Thăng Bình phấn đấu giảm 4.188 hộ nghèo" in huyện Thăng Bình\'s plan is the total\'s claim (it was "unit not in the table")', () => {
    expect(own(LETTERHEAD, 'Năm nay huyện Thăng Bình phấn đấu giảm 4.188 hộ nghèo.')).toEqual(['info claim Toàn huyện claim.consistent']);
    expect(own(LETTERHEAD, 'Năm nay huyện Thăng Bình phấn đấu giảm 4.118 hộ nghèo.')).toEqual(['error claim Toàn huyện claim.table 4188/4118']);
    // A bound is the total's target.
    expect(own(LETTERHEAD, 'Tỷ lệ hộ nghèo huyện Thăng Bình giảm từ 3% trở lên.')).toEqual(['error target Toàn huyện target.missed']);
  });

  it('the own unit from the letterhead over two lines, a letterhead table\'s cell, or the title ("trên địa bàn huyện …")', () => {
    const line = 'Năm nay huyện Thăng Bình phấn đấu giảm 4.188 hộ nghèo.';
    expect(own(['ỦY BAN NHÂN DÂN', 'HUYỆN THĂNG BÌNH', 'KẾ HOẠCH', 'GIẢM NGHÈO NĂM 2020'], line)).toEqual(['info claim Toàn huyện claim.consistent']);
    expect(own(['KẾ HOẠCH', 'Giảm nghèo năm 2020 trên địa bàn huyện Thăng Bình'], line)).toEqual(['info claim Toàn huyện claim.consistent']);
    expect(own(['KẾ HOẠCH', 'GIẢM NGHÈO NĂM 2020'], line, [DISTRICT], ['ỦY BAN NHÂN DÂN\nHUYỆN THĂNG BÌNH\n-------', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])).toEqual(['info claim Toàn huyện claim.consistent']);
    // Without it, or in the preamble's citations of another unit, the name is a unit the table does not have.
    expect(own(['KẾ HOẠCH', 'GIẢM NGHÈO NĂM 2020'], line)).toEqual(['warning claim Thăng Bình claim.unknown-unit']);
    expect(own(['KẾ HOẠCH', 'GIẢM NGHÈO NĂM 2020', 'Căn cứ Kế hoạch số 16/KH-UBND của UBND huyện Thăng Bình;'], line)).toEqual(['warning claim Thăng Bình claim.unknown-unit']);
  });

  it('another district, a name spelt with other marks, or a table without a total: as before', () => {
    expect(own(LETTERHEAD, 'Năm nay huyện Quế Sơn phấn đấu giảm 4.188 hộ nghèo.')).toEqual(['warning claim Quế Sơn claim.unknown-unit']);
    expect(own(LETTERHEAD, 'Năm nay huyện Thăng Binh phấn đấu giảm 4.188 hộ nghèo.')).toEqual(['info claim Toàn huyện claim.consistent']);
    expect(own(LETTERHEAD, 'Năm nay huyện Thắng Bình phấn đấu giảm 4.188 hộ nghèo.')).toEqual(['warning claim Thắng Bình claim.unknown-unit']);
    const noTotal = district.replace('Toàn huyện;', 'Xã Bình Nguyên;');
    const parts: ClaimTable = { number: 1, annex: checkGrid(gridFromBytes(Buffer.from(noTotal, 'utf8'))).annex, unnamed: false };
    expect(parts.annex.total).toBeUndefined();
    expect(own(LETTERHEAD, 'Năm nay huyện Thăng Bình phấn đấu giảm 4.188 hộ nghèo.', [parts])).toEqual(['warning claim Thăng Bình claim.unknown-unit']);
  });

  it('a unit of the table that bears the plan\'s name is that unit (a commune named as its district)', () => {
    const named = district.replace('Xã Bình Lãnh', 'Xã Thăng Bình');
    const t: ClaimTable = { number: 1, annex: checkGrid(gridFromBytes(Buffer.from(named, 'utf8'))).annex, unnamed: false };
    expect(own(LETTERHEAD, 'Năm nay xã Thăng Bình phấn đấu giảm 987 hộ nghèo.', [t])).toEqual(['info claim Xã Thăng Bình claim.consistent']);
  });

  it('the openings of published plans name their own unit; a headline\'s body text and the preamble do not', () => {
    const names = (file: string) => ownUnitNames(readTextDocument(readFileSync(join(FIXTURES, 'plans/published', file), 'utf8'), 'utf-8').paragraphs);
    expect(names('lang-son-2024-ke-hoach-51.txt')).toEqual(['LẠNG SƠN']);
    expect(names('quang-ngai-2024-ke-hoach-04.txt')).toEqual(['QUẢNG NGÃI']);
    expect(names('cat-van-2019-ke-hoach-14.txt')).toEqual(['CÁT VÂN']);
    expect(names('lang-son-2019-ke-hoach-57.txt')).toEqual(['Lạng Sơn']);
    // "tỷ lệ hộ nghèo trên địa bàn huyện Chư Pah" in the article's body, not its title.
    expect(names('chu-pah-2023-ke-hoach.txt')).toEqual([]);
  });
});
