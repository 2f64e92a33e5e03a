/**
 * An annex table's indicator given for the total only (or for no unit) is one warning, not an error at every
 * blank cell; a blank among figures stays an error at its cell. The same in a wide table, a long table read whole
 * and a long table read past its head (one pipeline).
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped, type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { checkRecords, fixtures } from '../helpers.js';

const HEADER = ['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Số hộ nghèo giảm so với đầu năm'];
const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info' && f.rule === 'missing').map((f) => `${f.severity} ${f.msg.id} ${f.at?.ref ?? '-'} ${f.indicator ?? ''}`);
const en = makeFmt('en');

/** A province and `n` districts with rates only; the province also gives households, poor and their reduction. */
function totalOnly(n: number, extra: (i: number) => string[] = () => ['', '', '']): string[][] {
  const rows = [HEADER, ['Toàn tỉnh', '80.276', '16.003', '19,93', '1.432']];
  for (let i = 0; i < n; i++) {
    const [h, p, red] = extra(i);
    rows.push([`Huyện ${String.fromCharCode(65 + (i % 26))}${i}`, h!, p!, '20,50', red!]);
  }
  return rows;
}

describe('an indicator given for the total only', () => {
  it('is one warning for all such indicators at the first one’s first blank cell, not an error per cell; the checks that need them say so', () => {
    const r = checkRecords(totalOnly(8));
    expect(problems(r)).toEqual(['warning missing.total-only-several B3 ']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const f = r.findings.find((x) => x.msg.id === 'missing.total-only-several')!;
    expect(f.msg.params).toMatchObject({ indicators: ['households', 'poor', 'poor_reduced'], total: 'Toàn tỉnh', units: 8 });
    expect(renderMessage(f.msg, en)).toBe(
      '3 indicators are given for Toàn tỉnh only (Households; Poor households; Poor households reduced during the year): the cells of the other 8 units are blank in each, so nothing that needs them per unit is checked.',
    );
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe(
      '3 chỉ tiêu chỉ có số liệu của Toàn tỉnh (Tổng số hộ; Số hộ nghèo; Số hộ nghèo giảm trong năm): ô của 8 đơn vị còn lại đều để trống, nên những gì cần đến số liệu từng đơn vị không được kiểm tra.',
    );
    expect(r.coverage.notRun.map((n) => n.check)).toContain('sum');
    // Why the sum did not run: the units' cells are blank, not "not usable".
    const sum = r.coverage.notRun.find((n) => n.check === 'sum')!;
    expect(renderSkip(sum.reason, en)).toMatch(/^E3, E4, .* and E10 are blank$/);
    expect(renderSkip(sum.reason, makeFmt('vi'))).toMatch(/^ô E3, E4, .* và E10 để trống$/);
  });

  it('one such indicator is a warning of its own, naming it', () => {
    const r = checkRecords(totalOnly(8, () => ['10.000', '2.050', '']));
    expect(problems(r)).toEqual(['warning missing.total-only E3 poor_reduced']);
    const f = r.findings.find((x) => x.msg.id === 'missing.total-only')!;
    expect(renderMessage(f.msg, en)).toBe(
      'Poor households reduced during the year: only Toàn tỉnh has a value; the cells of the other 8 units are blank (the table gives it for the total only), so nothing that needs it per unit is checked.',
    );
    expect(renderMessage(f.msg, makeFmt('vi'))).toMatch(/^Số hộ nghèo giảm trong năm: chỉ Toàn tỉnh có số liệu; ô của 8 đơn vị còn lại để trống/);
  });

  it('a blank among figures is still an error at its cell (one district left out is a forgotten cell)', () => {
    const r = checkRecords(totalOnly(8, (i) => (i === 3 ? ['', '', ''] : ['10.000', '2.050', '100'])));
    expect(problems(r)).toEqual(expect.arrayContaining(['error missing.value B6 households', 'error missing.value C6 poor', 'error missing.value E6 poor_reduced']));
    expect(problems(r).filter((p) => p.includes('total-only'))).toEqual([]);
  });

  it('blank for every unit, the total too: one warning naming all of them', () => {
    const rows = totalOnly(5);
    rows[1]![4] = '';
    const r = checkRecords(rows);
    const f = r.findings.find((x) => x.msg.id === 'missing.blank-indicator')!;
    expect(f).toMatchObject({ severity: 'warning', indicator: 'poor_reduced', at: { ref: 'E2' } });
    expect(renderMessage(f.msg, en)).toBe('Poor households reduced during the year: blank for all 6 units, so nothing that needs it is checked.');
    expect(r.findings.filter((x) => x.msg.id === 'missing.value' && x.indicator === 'poor_reduced')).toEqual([]);
  });

  it('with one unit besides the total, a blank is a cell, not a pattern: an error', () => {
    const r = checkRecords(totalOnly(1));
    expect(problems(r)).toEqual(expect.arrayContaining(['error missing.value B3 households']));
    expect(problems(r).filter((p) => p.includes('total-only'))).toEqual([]);
  });

  it('the same in a wide table (indicators as rows)', () => {
    const long = totalOnly(4);
    const wide = long[0]!.map((_, c) => long.map((row) => row[c]!));
    const r = checkRecords(wide);
    expect(problems(r)).toEqual(['warning missing.total-only-several C2 ']);
    // In the table's order: a wide table's indicators are its rows.
    expect(r.findings.find((x) => x.msg.id === 'missing.total-only-several')!.msg.params).toMatchObject({ indicators: ['households', 'poor', 'poor_reduced'] });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the same whether a long table is shaped whole or from its first rows (one pipeline)', async () => {
    const { text, encoding } = decodeBytes(fixtures.serialize(totalOnly(400)));
    const seen = [];
    for (const head of [3, 50, 100_000]) {
      const r = checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {});
      seen.push(problems(r));
    }
    expect(seen[0]).toEqual(['warning missing.total-only-several B3 ']);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });
});

describe('an indicator given for a few units only', () => {
  it('blank for most units: one warning saying for how many it is given, not an error per blank (Đakrông 2019)', () => {
    const r = checkRecords(totalOnly(8, (i) => (i === 2 ? ['10.000', '2.050', ''] : ['', '', ''])));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(problems(r)).toEqual(['warning missing.sparse-several B3 ', 'warning missing.total-only E3 poor_reduced']);
    const f = r.findings.find((x) => x.msg.id === 'missing.sparse-several')!;
    expect(f.msg.params).toMatchObject({ indicators: ['households', 'poor'], given: 2, units: 9 });
    expect(renderMessage(f.msg, en)).toBe(
      '2 indicators are given for only 2 of the 9 units (Households; Poor households): their other cells are blank (the table gives them for some units only), so nothing that needs them there is checked.',
    );
    expect(renderMessage(f.msg, makeFmt('vi'))).toMatch(/^2 chỉ tiêu chỉ có số liệu của 2 trong 9 đơn vị \(Tổng số hộ; Số hộ nghèo\): các ô còn lại đều để trống/);
  });

  it('given for different numbers of units: a warning for each, saying for how many', () => {
    const r = checkRecords(totalOnly(8, (i) => (i === 2 ? ['10.000', '2.050', '100'] : i === 5 ? ['', '2.050', ''] : ['', '', ''])));
    expect(problems(r)).toEqual(['warning missing.sparse-several B3 ', 'warning missing.sparse C3 poor']);
    const one = r.findings.find((x) => x.msg.id === 'missing.sparse')!;
    expect(renderMessage(one.msg, en)).toBe('Poor households: only 3 of the 9 units have a value; the other cells are blank (the table gives it for some units only), so nothing that needs it there is checked.');
  });

  it('blank for half of the units or fewer: each blank is a cell forgotten, an error', () => {
    const r = checkRecords(totalOnly(8, (i) => (i < 4 ? ['', '', ''] : ['10.000', '2.050', '100'])));
    expect(problems(r).filter((p) => p.startsWith('error missing.value')).length).toBe(12);
  });
});

