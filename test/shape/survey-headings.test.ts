/**
 * A survey's table (helper-78: the VHLSS deprivation shares): bare section headings without figures (`6 vùng`,
 * `Dân tộc`) start another partition of the country, and the regions' short names (`ĐB sông Hồng`, `TD&MN phía
 * Bắc`, `BTB&DH miền Trung`, `ĐBSCL`) are the regions. They were units without figures (the country's mean not
 * checked) and `ĐB sông Cửu Long` an "of which" row.
 */
import { describe, expect, it } from 'vitest';
import { regionNamed } from '../../src/shape/regions.js';
import { checkCsv as check } from '../helpers.js';

const TABLE = (country: string) =>
  `Khu vực;Tỷ lệ hộ nghèo\nNông thôn;0,188\nThành thị;0,034\n6 vùng;\nĐB sông Hồng;0,070\nTD&MN phía Bắc;0,336\nBTB&DH miền Trung;0,164\nTây Nguyên;0,177\nĐông Nam bộ;0,021\nĐB sông Cửu Long;0,102\nDân tộc;\nDân tộc khác;0,453\nKinh - Hoa;0,086\nCả nước;${country}\n`;

describe('a survey table with bare section headings', () => {
  it('reads 6 vùng and Dân tộc as headings: three partitions of the country, its mean checked', async () => {
    const r = await check(TABLE('0,144'));
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.coverage.ran).toContain('rate-mean');
    expect([...r.annex!.units].filter((u) => u.role !== undefined).map((u) => u.name)).toEqual([]);
  });

  it('a country rate outside the areas\' and the regions\' is an error for each (inside the ethnic groups\' it holds)', async () => {
    const r = await check(TABLE('0,400'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['rate-mean B14', 'rate-mean B14']);
  });

  it('knows the regions by their short names', () => {
    expect(['ĐB sông Hồng', 'TD&MN phía Bắc', 'BTB&DH miền Trung', 'Tây Nguyên', 'Đông Nam bộ', 'ĐB sông Cửu Long', 'ĐBSCL'].map(regionNamed)).toEqual([1, 0, 2, 3, 4, 5, 5]);
  });
});
