/**
 * A wide table of ONE indicator row measured several ways (`Chỉ tiêu | Số hộ | Tỷ lệ (%)`, `Số hộ nghèo cuối năm |
 * 224 | 3,3`, with or without rows listed under it) was refused as "no poverty-table indicator found": `detect` needs
 * two indicators down a column. Read now when the header right of the labels names measures only.
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { PovcheckError } from '../../src/errors.js';

const check = async (csv: string) => checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));

describe('a wide table of one indicator row', () => {
  it('with rows listed under it: read, its list checked', async () => {
    const r = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Số hộ nghèo cuối năm;224;3,3', '- Do thiếu vốn;200;89,3', '- Do ốm đau;34;15,2'].join('\n'));
    expect(r.annex.layout).toBe('wide');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['breakdown B2']);
  });

  it('alone: read, and said to have nothing to compare (not "cannot be read")', async () => {
    const r = await check(['Chỉ tiêu;Số hộ;Tỷ lệ (%)', 'Hộ nghèo;224;3,3'].join('\n'));
    expect(r.annex.layout).toBe('wide');
    expect(r.findings).toEqual([]);
    expect(r.coverage.ran).toEqual(['range']);
  });

  it('under a header that names no measure: still refused', async () => {
    await expect(check(['Ghi chú;Nội dung', 'Số hộ nghèo;224'].join('\n'))).rejects.toBeInstanceOf(PovcheckError);
  });
});

describe('the unit a table of indicators does not name', () => {
  it('is the total in the labels\' language: `Tổng` in a Vietnamese table, `Total` in an English one', async () => {
    const vi = await check('Chỉ tiêu,Số hộ,Tỷ lệ (%)\nTổng số hộ,1.000,\nSố hộ nghèo,250,"24,00"');
    expect([...vi.annex.units].map((u) => u.name)).toEqual(['Tổng']);
    const en = await check('Indicator,Number,Rate (%)\nTotal households,1000,\nPoor households,250,24.00');
    expect([...en.annex.units].map((u) => u.name)).toEqual(['Total']);
    expect(en.findings.find((f) => f.rule === 'rate')?.unit).toBe('Total');
  });
});
