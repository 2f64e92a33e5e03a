/**
 * shape/spelling.ts: unit names of one key are one place unless their marks say otherwise. Tân Hòa and Tân Hóa are
 * two communes; Lâm Bình typed as Lam Binh, or hoà written hòa, is one name. Where it is used: a unit named twice
 * (shape), the unit a target names (targets/index.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstOfEachName, sameSpelling, sameUnitName, spellingKey } from '../../src/shape/spelling.js';
import { unitKey } from '../../src/shape/normalize.js';
import { shape } from '../../src/shape/index.js';
import { gridFromBytes } from '../../src/read/index.js';
import { fixtures } from '../helpers.js';

describe('sameSpelling', () => {
  it.each([
    ['Tân Hòa', 'Tân Hoà', 'the tone mark on either vowel (two conventions)'],
    ['Thủy Nguyên', 'Thuỷ Nguyên', 'the tone mark on either vowel (two conventions)'],
    ['Lâm Bình', 'Lam Binh', 'a name typed without marks'],
    ['Lâm Bình', 'LÂM  BÌNH', 'case and spacing'],
    ['Lâm Bình', 'Lâm Bình'.normalize('NFD'), 'composed or decomposed'],
    ['TP Tuyên Quang', 'Thành phố Tuyên Quang', "a level's abbreviation"],
    ['Tân Hoa', 'Tân Hòa', 'a word without its marks'],
  ])('%s and %s: one name (%s)', (a, b) => {
    expect(sameSpelling(a, b)).toBe(true);
    expect(sameSpelling(b, a)).toBe(true);
  });

  it.each([
    ['Tân Hòa', 'Tân Hóa', 'another tone'],
    ['Tân Phú', 'Tấn Phú', 'a tone on one of them'],
    ['Phú Mỹ', 'Phù Mỹ', 'another tone'],
    ['Đồng Tâm', 'Dồng Tâm', 'đ is not d'],
    ['Tân Thạnh', 'Tân Thành', 'another tone'],
    ['Phước Hưng', 'Phước Hùng', 'another vowel mark'],
  ])('%s and %s: two places (%s)', (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
    expect(sameSpelling(a, b)).toBe(false);
    expect(sameSpelling(b, a)).toBe(false);
  });

  it('is symmetric, holds a name to itself however it is written, and to its unmarked form', () => {
    const letter = fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐ'.split(''), ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'.split(''), 'h', 'n', 'g', 't');
    const name = fc.array(fc.array(letter, { minLength: 1, maxLength: 5 }).map((w) => w.join('')), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sameSpelling(a, b)).toBe(sameSpelling(b, a));
        expect(sameSpelling(a, a.normalize('NFD'))).toBe(true);
        expect(sameSpelling(a, a.toUpperCase())).toBe(true);
        expect(sameSpelling(a, plain(a))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('sameUnitName: names the configuration makes one unit (their own keys differ) are one', () => {
    expect(sameUnitName('TP Tuyên Quang', 'Tuyên Quang city')).toBe(true);
    expect(sameUnitName('Tân Hòa', 'Tân Hóa')).toBe(false);
  });
});

describe('spellingKey', () => {
  it('one key for a name wherever its tone marks sit, another for other marks', () => {
    expect(spellingKey('Tân Hoà')).toBe(spellingKey('TÂN  HÒA'));
    expect(spellingKey('Thuỷ Nguyên')).toBe(spellingKey('Thủy Nguyên'.normalize('NFD')));
    expect(spellingKey('Tân Hòa')).not.toBe(spellingKey('Tân Hóa'));
    expect(spellingKey('Tân Hòa')).not.toBe(spellingKey('Tan Hoa'));
  });
});

describe('FirstOfEachName', () => {
  it('finds the earlier unit a name repeats, told apart by spelling', () => {
    const names = ['Tân Hòa', 'Tân Hóa', 'Tân Hoà', 'Tan Hoa', 'Tân Hóa'];
    const seen = new FirstOfEachName((i) => names[i]!);
    const got = names.map((n, i) => {
      const first = seen.find(unitKey(n), i);
      if (first === undefined) seen.add(unitKey(n), i);
      return first;
    });
    expect(got).toEqual([undefined, undefined, 0, 0, 1]);
  });
});

describe('a unit named twice (shape)', () => {
  const HEAD = 'Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)';
  const dups = (...names: string[]) => {
    const rows = [HEAD, 'Toàn huyện;3.000;300;10,00', ...names.map((n) => `${n};1.000;100;10,00`)].map((l) => l.split(';'));
    return shape(gridFromBytes(fixtures.serialize(rows)))
      .findings.filter((f) => f.rule === 'duplicate')
      .map((f) => [f.unit, f.msg.params]);
  };

  it('--total NAME takes the unit of that spelling, not one of the same letters with other marks', () => {
    const rows = [HEAD, 'Tân Hòa;1.000;100;10,00', 'Tân Hóa;3.000;300;10,00', 'Thôn A;3.000;300;10,00'].map((l) => l.split(';'));
    const grid = gridFromBytes(fixtures.serialize(rows));
    expect(shape(grid, { totalName: 'Tân Hóa' }).annex.total?.name).toBe('Tân Hóa');
    expect(shape(grid, { totalName: 'tan hoa' }).annex.total?.name).toBe('Tân Hòa');
  });

  it('two communes whose names differ only in their marks are two units', () => {
    expect(dups('Xã Tân Hòa', 'Xã Tân Hóa', 'Xã Tân Phú')).toEqual([]);
  });

  it('a name repeated, with its tone elsewhere, without its marks, or in capitals, is a duplicate', () => {
    expect(dups('Xã Tân Hòa', 'Xã Tân Hoà', 'Xã Tân Phú')).toEqual([['Xã Tân Hoà', { unit: 'Xã Tân Hoà', first: 'A3' }]]);
    expect(dups('Xã Tân Hòa', 'Xã Tân Phú', 'Xa Tan Hoa')).toEqual([['Xa Tan Hoa', { unit: 'Xa Tan Hoa', first: 'A3' }]]);
    expect(dups('Xã Tân Hòa', 'Xã Tân Hóa', 'XÃ TÂN HÓA')).toEqual([['XÃ TÂN HÓA', { unit: 'XÃ TÂN HÓA', first: 'A4' }]]);
  });
});
