/**
 * Rows that are not one more part of the total: a group of places picked out by a decision (`Huyện nghèo theo
 * Quyết định 353`, `Poor districts (Decision 353)`) crosses the regions; a household category alone under its unit
 * (`- Trong đó: hộ nghèo theo chuẩn của trung ương`) breaks nothing down. Both are "of which" their unit: at most it,
 * never summed into it (helper-80's reproductions of the VietnamPlus 2023 and Hà Nội tables).
 */
import { describe, expect, it } from 'vitest';
import { checkCsv, problemsOf } from '../helpers.js';

describe('a group of places picked out by a decision', () => {
  it.each([
    ['Huyện nghèo theo Quyết định 353', 'Cả nước'],
    ['Huyện nghèo (Quyết định 353)', 'Việt Nam'],
    ['Xã đặc biệt khó khăn theo Quyết định 861', 'Toàn quốc'],
  ])('%s under %s is not summed into the country', async (group, total) => {
    const r = await checkCsv(`Vùng,Số hộ nghèo,Tỷ lệ hộ nghèo (%)\n${total},1.000,"4,00"\nVùng A,400,"8,00"\nVùng B,600,"3,00"\n${group},300,"30,00"`);
    expect(problemsOf(r)).toEqual([]);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['sum', 'of-which']));
  });

  it('in English too, and larger than the country it is an of-which error', async () => {
    const ok = await checkCsv('Area,Poor households\nVietnam,1000\nRegion A,400\nRegion B,600\nPoor districts (Decision 353),300');
    expect(problemsOf(ok)).toEqual([]);
    expect(ok.coverage.ran).toEqual(expect.arrayContaining(['sum', 'of-which']));
    const bad = await checkCsv('Area,Poor households\nVietnam,1000\nRegion A,400\nRegion B,600\nPoor districts (Decision 353),3000');
    expect(problemsOf(bad)).toEqual(['error of-which B5']);
  });

  it('a district named with its note is still a place: `Huyện nghèo Nậm Pồ` is summed', async () => {
    const r = await checkCsv('Đơn vị,Số hộ nghèo\nToàn tỉnh,1.000\nHuyện A,400\nHuyện nghèo Nậm Pồ,500');
    expect(problemsOf(r)).toEqual(['error sum B2']);
  });
});

describe('a household category alone under its unit', () => {
  it('is "of which" it: larger than it is an error at its cell', async () => {
    const r = await checkCsv('Đơn vị,Số hộ nghèo\nToàn thành phố,59.365\n- Trong đó: hộ nghèo theo chuẩn của trung ương,95.454');
    expect(problemsOf(r)).toEqual(['error of-which B3']);
  });

  it('two categories still break it down (they add up)', async () => {
    const r = await checkCsv('Đơn vị,Số hộ nghèo\nToàn thành phố,100\nTrong đó: hộ nghèo về thu nhập,60\nHộ nghèo thiếu hụt dịch vụ xã hội cơ bản,30');
    expect(problemsOf(r)).toEqual(['error breakdown B2']);
  });
});

describe('--total first with an "of which" row', () => {
  it('takes the first unit as the total', async () => {
    const csv = 'Đơn vị,Số hộ nghèo\nThành phố Hà Nội,59.365\n- Trong đó: hộ nghèo theo chuẩn của trung ương,95.454';
    const r = await checkCsv(csv, { totalPolicy: 'first' });
    expect(problemsOf(r)).toEqual(['error of-which B3']);
    expect(r.annex.total?.name).toBe('Thành phố Hà Nội');
  });
});

describe('household categories listed with a mark under a unit, without `Trong đó:`', () => {
  // Quảng Nam 2019 (fixtures/published/review-2019-quang-nam-province-areas-districts-communes.csv): the income-poor
  // and the deprivation-poor under the province, then its two areas. They were units of the province, a partition
  // of their own: a slip in one was "the units do not add up to Toàn tỉnh".
  const CSV = 'Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;25.650;6,06\n- Hộ nghèo về thu nhập;25.617;\n- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;33;\nKhu vực đồng bằng;8.201;2,42\nKhu vực miền núi;17.449;20,85\n';

  it('break the unit above down (they add up to it), beside its areas', async () => {
    const r = await checkCsv(CSV);
    expect(problemsOf(r)).toEqual([]);
    expect([...r.annex!.units].map((u) => u.role ?? '-')).toEqual(['-', 'breakdown', 'breakdown', '-', '-']);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['breakdown', 'sum']));
    expect(problemsOf(await checkCsv(CSV.replace('25.617', '25.671')))).toEqual(['error breakdown B2']);
  });

  it('alone under the total too; a group named by a trait among them is "of which", not summed', async () => {
    const alone = await checkCsv('Đơn vị;Số hộ nghèo\nToàn tỉnh;100\n- Hộ nghèo về thu nhập;70\n- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;30\n');
    expect([...alone.annex!.units].map((u) => u.role ?? '-')).toEqual(['-', 'breakdown', 'breakdown']);
    expect(alone.coverage.ran).toContain('breakdown');
    const trait = await checkCsv('Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)\nToàn tỉnh;100;;;\n- Hộ nghèo dân tộc thiểu số;80;;;\n- Hộ nghèo về thu nhập;70;;;\n- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;30;;;\n');
    expect(problemsOf(trait)).toEqual([]);
    expect([...trait.annex!.units].map((u) => u.role ?? '-')).toEqual(['-', 'of-which', 'breakdown', 'breakdown']);
  });
});

describe('three rows listed with a mark under the total, a header of two indicators', () => {
  it('are still rows under a unit: the table is not read as indicator rows with the total and the areas "not understood"', async () => {
    const r = await checkCsv('Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;25.650;6,06\n- Hộ nghèo dân tộc thiểu số;20.000;\n- Hộ nghèo về thu nhập;25.617;\n- Hộ nghèo thiếu hụt dịch vụ xã hội cơ bản;33;\nKhu vực đồng bằng;8.201;2,42\nKhu vực miền núi;17.449;20,85\n');
    expect(problemsOf(r)).toEqual([]);
    expect(r.annex!.layout).toBe('long');
    expect([...r.annex!.units].map((u) => u.role ?? '-')).toEqual(['-', 'of-which', 'breakdown', 'breakdown', '-', '-']);
    expect(r.coverage.ran).toEqual(expect.arrayContaining(['breakdown', 'of-which', 'sum', 'implied-households']));
  });
});

describe('a record of the total named with the unit it lies in, in brackets', () => {
  // Quảng Nam 2019: the districts with the most poor households, then the communes, each with its district in brackets.
  const CSV = 'Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\nToàn tỉnh;25.650;6,06\nKhu vực đồng bằng;8.201;2,42\nKhu vực miền núi;17.449;20,85\nBắc Trà My;3.704;\nNam Giang;2.569;36,51\nTP.Hội An;43;0,19\nXã Trà Bui (Bắc Trà My);850;\nXã Cà Dy (Nam Giang);552;\nTân Hiệp (TP.Hội An);0;\nXã Trà Cang (Nam Trà My);496;\nHuyện Mường Nhé (huyện nghèo);500;\n';

  it('is "of which" that unit when the list names it above: larger than it is an error at its cell', async () => {
    const r = await checkCsv(CSV);
    expect(problemsOf(r)).toEqual([]);
    const units = [...r.annex!.units];
    const parentOf = (name: string) => units[r.annex!.units.parentOf(units.find((u) => u.name === name)!.id)]?.name;
    expect(['Xã Trà Bui (Bắc Trà My)', 'Xã Cà Dy (Nam Giang)', 'Tân Hiệp (TP.Hội An)'].map(parentOf)).toEqual(['Bắc Trà My', 'Nam Giang', 'TP.Hội An']);
    // A district the list does not name, and a bracket that is a note, leave the row "of which" the total.
    expect(['Xã Trà Cang (Nam Trà My)', 'Huyện Mường Nhé (huyện nghèo)'].map(parentOf)).toEqual(['Toàn tỉnh', 'Toàn tỉnh']);
    expect(problemsOf(await checkCsv(CSV.replace(';850;', ';8.500;')))).toEqual(['error of-which B8']);
  });
});
