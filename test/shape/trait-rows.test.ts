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
