/**
 * The structure of a list of units without codes (shape/structure.ts): administrative levels named in the units'
 * names nest them (a district over its communes); a list of one level, or one where a name lacks its level word,
 * keeps the annex's structure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminLevel, adminLevels } from '../../src/shape/structure.js';
import { totalMatcher } from '../../src/shape/aliases.js';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shape, shapeTable } from '../../src/shape/index.js';
import { gridFromBytes } from '../../src/read/index.js';
import { ROOT } from '../helpers.js';
import { checkShaped } from '../../src/check-grid.js';
import type { DraftUnit } from '../../src/shape/draft.js';

const list = (...names: string[]): DraftUnit[] => names.map((name) => ({ name }));
const isTotal = totalMatcher([]);

describe('adminLevel', () => {
  it('reads the level word a name starts with, case and diacritics aside', () => {
    expect(['Tỉnh Hà Giang', 'Huyện Na Hang', 'QUẬN 1', 'Thị xã Phú Thọ', 'TX. Sơn Tây', 'Xã Thượng Lâm', 'Phường Tân Quang', 'Thị trấn Na Hang', 'TT. Vĩnh Lộc', 'Thôn Nà Khà', 'Tổ dân phố 5'].map((n) => adminLevel(n))).toEqual([1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4]);
    expect(['Sơn Dương', 'Toàn tỉnh', 'Xã', 'Trong đó: xã nghèo'].map((n) => adminLevel(n))).toEqual([undefined, undefined, undefined, undefined]);
    // `H.` abbreviates Huyện (domain notes: TP, Thành phố, H., Huyện); a name that merely starts with H does not.
    expect(['H. Na Hang', 'H.Lâm Bình', "H'Mông", 'Hàm Yên', 'H Na Hang'].map((n) => adminLevel(n))).toEqual([2, 2, undefined, undefined, undefined]);
  });

  it('takes the centre\'s cities as provinces, any other city as a district, Huế by what follows it', () => {
    expect(adminLevel('Thành phố Hà Nội')).toBe(1);
    expect(adminLevel('TP. Hồ Chí Minh')).toBe(1);
    expect(adminLevel('TP Tuyên Quang', 'Huyện Na Hang')).toBe(2);
    expect(adminLevel('Thành phố Huế', 'Quận Thuận Hóa')).toBe(1);
    expect(adminLevel('Thành phố Huế', 'Phường Phú Hội')).toBe(2);
  });
});

describe('adminLevels', () => {
  it('nests a list whose units all name their level, some followed by deeper ones', () => {
    expect(adminLevels(list('Thành phố Hà Nội', 'Quận Ba Đình', 'Huyện Sóc Sơn', 'Tỉnh Hà Giang', 'Huyện Đồng Văn', 'Xã Lũng Cú'), isTotal)).toEqual([1, 2, 2, 1, 2, 3]);
    expect(adminLevels(list('Toàn tỉnh', 'Huyện Na Hang', 'Xã Thượng Lâm'), isTotal)).toEqual([undefined, 2, 3]);
  });

  it('leaves a list of one level alone: districts and cities alike, provinces and the centre\'s cities alike', () => {
    expect(adminLevels(list('Toàn tỉnh', 'TP Tuyên Quang', 'Huyện Na Hang', 'Thị xã Phú Thọ'), isTotal)).toBeUndefined();
    expect(adminLevels(list('Tỉnh Hà Giang', 'Thành phố Hà Nội', 'Tỉnh Cao Bằng'), isTotal)).toBeUndefined();
  });

  it('leaves a list alone when a name lacks its level word (the nesting would be a guess)', () => {
    expect(adminLevels(list('Huyện Na Hang', 'Xã Yên Hoa', 'Thượng Lâm'), isTotal)).toBeUndefined();
  });

  it('does not read a nesting across the total, a block or an "of which" row', () => {
    expect(adminLevels(list('Xã Yên Hoa', 'Toàn tỉnh', 'Xã Thượng Lâm'), isTotal)).toBeUndefined();
    expect(adminLevels(list('Huyện Na Hang', 'Trong đó: xã nghèo', 'Xã Yên Hoa'), isTotal)).toBeUndefined();
  });
});

describe('a table of districts and their communes, without codes', () => {
  it('checks each district against its communes and the total against the districts', () => {
    const { annex, findings } = shape(gridFromBytes(readFileSync(join(ROOT, 'test', 'shapes', 'levels.csv'))));
    const units = [...annex.units];
    const parent = (name: string, nth = 0) => annex.units.at(units.filter((u) => u.name === name)[nth]!.parent!)?.name;
    expect(parent('Huyện Na Hang')).toBe('Toàn tỉnh');
    expect(parent('Thị trấn Na Hang')).toBe('Huyện Na Hang');
    expect(parent('Xã Yên Hoa', 1)).toBe('Huyện Lâm Bình');
    expect(parent('Phường Tân Quang')).toBe('Thành phố Tuyên Quang');
    // Xã Yên Hoa in two districts is two communes, not a duplicate.
    expect(findings).toEqual([]);
  });

  it('honours --total NAME: a name no unit has is refused (exit 2), as in a flat list; "first" leaves the first district heading its communes', () => {
    const text = readFileSync(join(ROOT, 'test', 'shapes', 'levels.csv'), 'utf8');
    const bytes = (t: string) => gridFromBytes(new TextEncoder().encode(t));
    expect(() => shape(bytes(text), { totalName: 'Không có' })).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(shape(bytes(text), { totalName: 'toàn tỉnh' }).annex.total?.name).toBe('Toàn tỉnh');
    // Without its total row the districts are the roots.
    const headless = text.split('\n').filter((l) => !l.includes('Toàn tỉnh')).join('\n');
    expect(shape(bytes(headless)).annex.total).toBeUndefined();
    const first = shape(bytes(headless), { totalPolicy: 'first' });
    expect(first.annex.total).toBeUndefined();
    expect(first.findings.map((f) => f.msg.id)).not.toContain('sum.total-assumed');
    const lamBinh = [...first.annex.units].find((u) => u.name === 'Huyện Lâm Bình')!;
    expect(lamBinh.parent).toBeUndefined();
  });

  it('gives a national table without its code columns the findings and the cause the codes give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-levels-'));
    try {
      const file = join(dir, 't.csv');
      const gen = '../../bench/gen-table.mjs';
      const { writeTable } = (await import(gen)) as { writeTable: (units: number, out: string) => Promise<unknown> };
      await writeTable(3_000, file);
      const coded = decodeBytes(new Uint8Array(readFileSync(file)));
      // The same table without `Mã` and `Mã cấp trên` (columns B and C): the names' level words are all that is left.
      const text = coded.text.split('\n').map((line) => line.split(';').filter((_, i) => i !== 1 && i !== 2).join(';')).join('\n');
      const check = async (t: string) => {
        const r = checkShaped(await shapeTable(delimitedTable(t, coded.encoding)), {});
        return { findings: r.findings.map((f) => `${f.rule} ${f.severity} ${f.unit} ${f.indicator} ${f.expected} ${f.actual}`), cause: r.localisation?.causes[0]?.cells.map((c) => `${c.unit} ${c.indicator} ${c.proposed}`) };
      };
      const withCodes = await check(coded.text);
      expect(withCodes.findings.filter((f) => f.includes(' error '))).toHaveLength(3);
      expect(await check(text)).toEqual(withCodes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('blocks named by terrain or as groups of units', () => {
  it('head the units under them (`Khu vực đồng bằng`, `Khu vực miền núi`, `Các huyện miền núi`): each adds up on its own, and not with its units', async () => {
    const { blockCandidate } = await import('../../src/shape/structure.js');
    for (const name of ['Khu vực đồng bằng', 'Khu vực miền núi', 'Miền núi', 'Vùng cao', 'Các huyện miền núi', 'Các xã đặc biệt khó khăn', 'Khu vực I']) expect(blockCandidate({ name }), name).toBe(true);
    for (const name of ['Hội An', 'Đồng Hới', 'Cà Mau', 'Các địa phương', 'Xã Miền Đồi']) expect(blockCandidate({ name }), name).toBe(false);
    const csv = ['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn tỉnh;25.650;10.922', 'Khu vực đồng bằng;8.201;7.614', 'Hội An;43;100', 'Điện Bàn;8.158;7.514', 'Khu vực miền núi;17.449;3.308', 'Nam Giang;2.569;1.000', 'Tây Giang;14.880;2.308'].join('\n');
    const grid = gridFromBytes(Buffer.from(`\uFEFF${csv}`));
    const r = checkShaped(shape(grid, {}));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
    // A slip in a unit of a block is found at its block's sum, not at the province's.
    const slipped = checkShaped(shape(gridFromBytes(Buffer.from(`\uFEFF${csv.replace('Hội An;43;100', 'Hội An;43;101')}`)), {}));
    expect(slipped.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['sum C3']);
  });
});

describe('partitions without section rows', () => {
  const check = (csv: string) => checkShaped(shape(gridFromBytes(Buffer.from(`\uFEFF${csv}`)), {}));
  const HEAD = 'Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)';
  // Each region with at least half of its provinces (fewer would be an excerpt, not added up: regions.test.ts).
  const rows = ['Cả nước;1.000;100;10,00', 'Thành thị;400;20;5,00', 'Nông thôn;600;80;13,33', 'Đông Nam Bộ;300;30;10,00', 'Bình Dương;100;10;10,00', 'Đồng Nai;100;10;10,00', 'Tây Ninh;100;10;10,00', 'Tây Nguyên;700;70;10,00', 'Kon Tum;300;30;10,00', 'Gia Lai;200;20;10,00', 'Đắk Lắk;200;20;10,00'];
  const errors = async (csv: string) => (await check(csv)).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`);

  it('the areas, then the regions heading their provinces: each adds up to the total on its own (they were added together)', async () => {
    const { annex } = shape(gridFromBytes(Buffer.from(`\uFEFF${[HEAD, ...rows].join('\n')}`)), {});
    expect([...annex.units].map((u) => `${u.name}:${u.partition ?? 0}`)).toEqual(['Cả nước:0', 'Thành thị:0', 'Nông thôn:0', 'Đông Nam Bộ:1', 'Bình Dương:0', 'Đồng Nai:0', 'Tây Ninh:0', 'Tây Nguyên:1', 'Kon Tum:0', 'Gia Lai:0', 'Đắk Lắk:0']);
    expect(await errors([HEAD, ...rows].join('\n'))).toEqual([]);
    expect(await errors([HEAD, ...rows.map((r) => r.replace('Đồng Nai;100;10;10,00', 'Đồng Nai;100;12;12,00'))].join('\n'))).toEqual(['sum C5']);
    expect(await errors([HEAD, ...rows.map((r) => r.replace('Nông thôn;600;80', 'Nông thôn;600;90'))].join('\n'))).toEqual(expect.arrayContaining(['sum C2']));
  });
});
