/**
 * A total printed under the table's own total for comparison (src/shape/index.ts `oneLevel`): `Cả nước` or
 * `Toàn quốc` under `Toàn tỉnh`, `Toàn tỉnh` under `Toàn huyện` (helper-96's e01, c5, e09, e10). Two totals whose
 * names say different levels are two units, not a duplicate; the one of the higher level is under no parent (never
 * a part of the table's total, never added up). Two totals of the same level stay a duplicate.
 */
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { checkCsv, fixtures, problemsOf } from '../helpers.js';

const HEAD = 'Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%)';
const csv = (...rows: string[]) => [HEAD, ...rows].join('\n') + '\n';
const shapeCsv = (text: string) => shape(gridFromBytes(fixtures.serialize(text.trim().split('\n').map((l) => l.split(';')))));
const duplicates = <F extends { rule: string }>(findings: readonly F[]): F[] => findings.filter((f) => f.rule === 'duplicate');

describe('a total of another level printed under the table’s total', () => {
  it.each([
    ['Cả nước', 'Toàn tỉnh', '9.604;3,14', '1.718.145;5,2'],
    ['Toàn quốc', 'Toàn tỉnh', '9.604;3,14', '1.278.000;4,30'],
    ['Toàn tỉnh', 'Toàn huyện', '2.878;37,46', '29.146;6,63'],
  ])('%s under %s is no duplicate and no part of it', async (other, own, ownFigures, otherFigures) => {
    const { annex, findings } = shapeCsv(csv(`${own};${ownFigures}`, `${other};${otherFigures}`));
    expect(duplicates(findings)).toEqual([]);
    expect(annex.total?.name).toBe(own);
    const comparison = [...annex.units].find((u) => u.name === other)!;
    expect(comparison.isTotal).toBe(false);
    expect(comparison.parent).toBeUndefined();
    const r = await checkCsv(csv(`${own};${ownFigures}`, `${other};${otherFigures}`));
    expect(problemsOf(r)).toEqual([]);
  });

  it('after a full list of districts: the list is summed without the country (helper-96 e10, whole)', async () => {
    const r = await checkCsv(csv('Toàn tỉnh;300;3,14', 'Huyện A;100;3,0', 'Huyện B;200;3,2', 'Cả nước;1.718.145;5,2'));
    expect(problemsOf(r)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'sum' && f.severity === 'error')).toBe(false);
  });

  it('after districts and a row of dots (helper-96 e10): no duplicate, the country is not a listed part', async () => {
    const r = await checkCsv(csv('Toàn tỉnh;59.496;31,12', 'Huyện Mèo Vạc;7.000;', '...;;', 'Cả nước;1.278.000;4,3'));
    expect(problemsOf(r)).toEqual([]);
  });

  it('after a district’s communes printed without figures (helper-96 e09): no duplicate', async () => {
    const r = await checkCsv(csv('Toàn huyện;2.878;37,46', 'Xã A Rooi;;', 'Xã A Ting;;', 'Toàn tỉnh;29.146;6,63'));
    expect(duplicates(r.findings)).toEqual([]);
  });

  it('two totals of the same level stay a duplicate', async () => {
    const { findings } = shapeCsv(csv('Toàn tỉnh;300;3,14', 'Huyện A;100;3,0', 'Huyện B;200;3,2', 'Toàn tỉnh;300;3,14'));
    expect(duplicates(findings).map((f) => f.msg.id)).toEqual(['duplicate.unit']);
  });

  it('a total whose name says no level (Tổng cộng) then the country: as before, a duplicate', () => {
    const { findings } = shapeCsv(csv('Tổng cộng;300;3,14', 'Huyện A;100;3,0', 'Huyện B;200;3,2', 'Cả nước;1.718.145;5,2'));
    expect(duplicates(findings).map((f) => f.msg.id)).toEqual(['duplicate.unit']);
  });
});
