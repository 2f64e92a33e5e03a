/**
 * The one year a table's labels name (`Số hộ nghèo năm 2023`): `table` prints each indicator under its own
 * heading, without the year, and says the year in the line under the title instead (it was lost from the
 * appendix). None when the labels name two years, a change against a named year, a year that is not after
 * `năm`/`in`/`year` (a decision's number), or when the units are years.
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { labelPeriod, labelYear } from '../../src/compute/label-year.js';

const yearOf = async (rows: string[]): Promise<number | undefined> => {
  const r = await checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${rows.join('\r\n')}`, 'utf8'), { name: 't.csv' }));
  return labelYear(r.annex!);
};
const units = ['Toàn huyện;3.000;181;6,03', 'Xã A;1.000;44;4,40', 'Xã B;2.000;137;6,85'];

describe('the year the labels name', () => {
  it('one year in every label, or in some: that year', async () => {
    expect(await yearOf(['Đơn vị;Tổng số hộ năm 2023;Số hộ nghèo năm 2023;Tỷ lệ hộ nghèo năm 2023 (%)', ...units])).toBe(2023);
    expect(await yearOf(['Đơn vị;Tổng số hộ;Số hộ nghèo cuối năm 2023;Tỷ lệ hộ nghèo (%)', ...units])).toBe(2023);
    expect(await yearOf(['Unit;Households;Poor households in 2023;Poverty rate (%)', 'Total;3,000;181;6.03', 'A;1,000;44;4.40', 'B;2,000;137;6.85'])).toBe(2023);
  });

  it('no year, two years, or a year not named as one: none', async () => {
    expect(await yearOf(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...units])).toBeUndefined();
    expect(await yearOf(['Đơn vị;Tổng số hộ năm 2023;Số hộ nghèo năm 2022;Tỷ lệ hộ nghèo (%)', ...units])).toBeUndefined();
    expect(await yearOf(['Đơn vị;Tổng số hộ;Số hộ nghèo theo QĐ 59/2015/QĐ-TTg năm 2023;Tỷ lệ hộ nghèo (%)', ...units])).toBeUndefined();
  });

  it('a start figure named by its year alone, beside what it fell to: none (that year is the start of the change); đầu năm 2023: that year', async () => {
    const rates = ['Huyện A;30,23;25,93;4,30', 'Huyện B;20,00;18,00;2,00'];
    expect(await yearOf(['Đơn vị;Tỷ lệ hộ nghèo năm 2023 (%);Tỷ lệ hộ nghèo xuống còn (%);Tỷ lệ hộ nghèo giảm (%)', ...rates])).toBeUndefined();
    expect(await yearOf(['Đơn vị;Tỷ lệ hộ nghèo đầu năm 2023 (%);Tỷ lệ hộ nghèo cuối năm (%);Tỷ lệ hộ nghèo giảm (%)', ...rates])).toBe(2023);
  });

  it('the table of the seed (đầu năm, cuối năm without a year): none', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await checkGrid(await gridFromAnyBytes(readFileSync('fixtures/tuyen-quang-2020.csv'), { name: 'seed.csv' }));
    expect(labelYear(r.annex!)).toBeUndefined();
  });
});

describe('labels that count a period (đầu kỳ, cuối kỳ), not a year', () => {
  const periodOf = async (rows: string[]): Promise<boolean> => {
    const r = await checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${rows.join('\r\n')}`, 'utf8'), { name: 't.csv' }));
    return labelPeriod(r.annex!);
  };
  const flows = ['Toàn huyện;3.000;300;100;200', 'Xã A;1.000;100;40;60', 'Xã B;2.000;200;60;140'];

  it('every phase said over the period: yes (Tri Tôn 2021–2023, Gia Lai 2022)', async () => {
    expect(await periodOf(['Đơn vị;Tổng số hộ;Số hộ nghèo đầu kỳ;Số hộ nghèo giảm trong kỳ;Số hộ nghèo cuối kỳ', ...flows])).toBe(true);
    expect(await periodOf(['Unit;Households;Poor households at start of period;Net reduction of the poor;Poor households at end of period', 'Total;3,000;300;100;200', 'A;1,000;100;40;60', 'B;2,000;200;60;140'])).toBe(true);
  });

  it('a phase said over the year, alone or beside the period: no (the standard words stand)', async () => {
    expect(await periodOf(['Đơn vị;Tổng số hộ;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm', ...flows])).toBe(false);
    expect(await periodOf(['Đơn vị;Tổng số hộ;Số hộ nghèo đầu kỳ;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối kỳ', ...flows])).toBe(false);
  });
});

describe('the labels written with the period\'s words', () => {
  it('đầu năm, cuối năm, trong năm (any case) become kỳ; a named year (đầu năm 2023) and other words stay', async () => {
    const { layoutWords } = await import('../../src/messages/indicator-labels.js');
    expect(layoutWords('vi').ofPeriod('Số hộ nghèo đầu năm · giảm trong năm · Tỷ lệ cuối năm (%) · – Đầu năm · đầu năm 2023 · năm 2022')).toBe(
      'Số hộ nghèo đầu kỳ · giảm trong kỳ · Tỷ lệ cuối kỳ (%) · – Đầu kỳ · đầu năm 2023 · năm 2022',
    );
    expect(layoutWords('en').ofPeriod('Poverty rate at start of year · at end of year · Net reduction of the poor during the year · end of year 2023')).toBe(
      'Poverty rate at start of period · at end of period · Net reduction of the poor during the period · end of year 2023',
    );
  });
});
