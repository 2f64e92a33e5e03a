/**
 * A region's row heads only its own provinces (regions.ts, the GSO's six regions): an article's highest region then
 * lowest provinces is a list of records, not a region and its parts (a false rate-mean error, found by a helper).
 */
import { describe, expect, it } from 'vitest';
import { regionNamed, regionOfProvince } from '../../src/shape/regions.js';
import { checkCsv as check, problemsOf as problems } from '../helpers.js';

describe('regions and their provinces', () => {
  it('knows the 63 provinces by their usual spellings, and the six regions', () => {
    expect(regionOfProvince('Bình Dương')).toBe(regionOfProvince('TP. HCM'));
    expect(regionOfProvince('Tỉnh Hà Giang')).toBe(regionNamed('Trung du và miền núi phía Bắc'));
    expect(regionOfProvince('Đắc Lắc')).toBe(regionNamed('Tây Nguyên'));
    expect(regionOfProvince('Thành phố Cần Thơ')).toBe(regionNamed('Vùng Đồng bằng sông Cửu Long'));
    expect(regionOfProvince('Huyện Na Hang')).toBeUndefined();
    expect(regionNamed('Khu vực nông thôn')).toBeUndefined();
  });

  it('a region then provinces of other regions: records of the total, no rate-mean error', async () => {
    const r = await check('Đơn vị;Tỷ lệ hộ nghèo (%)\nCả nước;4,4\nTrung du và miền núi phía Bắc;13,4\nBình Dương;0,1\nHà Nội;0,4\n');
    expect(problems(r)).toEqual([]);
    expect(r.coverage.ran).not.toContain('rate-mean');
  });

  it('a region with its own provinces still heads them (their counts add up to it)', async () => {
    const r = await check('Đơn vị;Số hộ nghèo\nCả nước;300\nTây Nguyên;300\nKon Tum;100\nGia Lai;150\nĐắk Lắk;40\n');
    expect(problems(r)).toEqual(['error sum B3']);
  });
});

describe('an excerpt of the provinces under the country or a region', () => {
  it('two of the 63 under `Cả nước` bound nothing: rate-mean is not run, said with the list (a yearbook excerpt)', async () => {
    const r = await check('Tỷ lệ hộ nghèo phân theo địa phương (%);2018;2019\nCả nước;6,8;5,7\nHà Giang;23,5;18,1\nCao Bằng;20,1;17,0');
    expect(problems(r)).toEqual([]);
    const skip = r.skipped.find((s) => s.rule === 'rate-mean')!;
    expect(skip.msg).toMatchObject({ id: 'skip.partial-list', params: { listed: 2, of: 63, cell: 'A4' } });
  });

  it('three of a region\'s 14 provinces are no sum of it', async () => {
    const r = await check('Đơn vị;Số hộ nghèo\nTrung du và miền núi phía Bắc;100.000\nHà Giang;30.000\nCao Bằng;20.000\nLai Châu;10.000');
    expect(problems(r)).toEqual([]);
    expect(r.skipped.find((s) => s.rule === 'sum')?.msg.params).toMatchObject({ listed: 3, of: 14 });
  });

  it('most of a region\'s provinces are checked: the one left out is then the error', async () => {
    const names = ['Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông'];
    const r = await check(['Đơn vị;Số hộ nghèo', 'Tây Nguyên;1.000', ...names.map((n) => `${n};200`)].join('\n'));
    expect(problems(r)).toEqual(['error sum B2']);
  });
});
