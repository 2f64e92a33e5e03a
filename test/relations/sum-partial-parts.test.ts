/**
 * A total whose parts are printed but for some (Ngân Sơn 2016–2018 by ethnic group: Hoa's 2018 cells blank, the 2018
 * total 7.399 never compared) is not added up, and the report says so with the blank cells: "4 of 4 checks ran" no
 * longer hides it. Parts all blank are a figure given for the total only: no such note (`missing` speaks for it).
 */
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../src/check-grid.js';
import { checkCsv as check } from '../helpers.js';

const sumSkips = (r: CheckResult) => r.skipped.filter((s) => s.rule === 'sum').map((s) => `${s.unit} ${JSON.stringify(s.msg.params)}`);
const HEAD = 'Dân tộc;Tổng số hộ;Hộ nghèo';

describe('a total whose parts are partly blank', () => {
  it('is not added up, and the blank cells are named under "not checked"', async () => {
    const r = await check([HEAD, 'Kinh;389;60', 'Hoa;150;', 'Tày;3.038;604', 'Tổng;3.577;698'].join('\n'));
    expect(r.findings.filter((f) => f.rule === 'sum')).toEqual([]);
    expect(sumSkips(r)).toEqual(['Tổng {"cells":["C3"],"blank":true}']);
    expect(r.coverage.ran).toContain('sum');
  });

  it('parts all blank (a figure for the total only) add no note; parts all printed are checked', async () => {
    const r = await check([HEAD, 'Kinh;389;', 'Tày;3.038;', 'Tổng;3.427;664'].join('\n'));
    expect(sumSkips(r)).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
  });
});
