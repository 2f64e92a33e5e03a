/**
 * No cause named on a small table because the failing check leaves too many values open is said so, not as a
 * search that "stopped at its limit (a large or badly broken table)" (a five-line table said that).
 */
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { causeLines } from '../../src/reporters/causes.js';
import { makeFmt } from '../../src/messages/index.js';

const plain = { bold: (s: string) => s, dim: (s: string) => s } as never;

describe('no cause named on a small table', () => {
  it('says the values left open are too many, not that the search hit its limit', async () => {
    // A district with more near-poor households, and households by its rate, than its province (the province's
    // second year under the first's heading was the case until the rows of one name stopped being its parts).
    const csv = ['Đơn vị;Hộ nghèo;Tỷ lệ hộ nghèo (%);Hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)', 'Toàn tỉnh;17.162;5,81;11.658;3,95', 'Huyện A;6.323;1,92;15.173;4,61'].join('\n');
    const r = checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`), { name: 't.csv' }));
    expect(r.localisation).toMatchObject({ status: 'stopped', open: true });
    const [line] = causeLines(r.localisation, r.findings, 'en', makeFmt('en'), plain);
    expect(line).toBe('  → No cause is named for the 2 failing checks: the cells they read leave too wide a range of values to single one out; see the findings below.');
    expect(line).not.toContain('large or badly broken');
  });
});
