/**
 * A check that cannot run for what the table lacks says so in the same words whatever else the table lacks, and
 * whatever its layout: the reason names what the check needs and the table lacks (rules/index.ts `applicableRules`,
 * `Rule.needs`), not "no unit has the values it needs" for one table and "the table has no …" for the other.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCsv, FIXTURES } from '../helpers.js';

const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').replace(/^\uFEFF/, '');

/** Tuyên Quang 2020 (wide: a row per indicator) without the rows whose labels start with `labels`. */
const wideWithout = (...labels: string[]) =>
  read('tuyen-quang-2020.csv')
    .split('\n')
    .filter((line) => !labels.some((l) => line.split(';')[1]?.startsWith(l)))
    .join('\n');

/** The same table long (a row per unit) without the columns headed `labels`. */
function longWithout(...labels: string[]): string {
  const rows = read('variants/long-vi.csv').trim().split('\n').map((l) => l.split(';'));
  const keep = rows[0]!.map((h, i) => (labels.some((l) => h.startsWith(l)) ? -1 : i)).filter((i) => i >= 0);
  return rows.map((r) => keep.map((i) => r[i]).join(';')).join('\n');
}

async function reasonOf(csv: string, check: string) {
  const r = await checkCsv(csv);
  return r.coverage.notRun.find((n) => n.check === check)?.reason;
}

const absent = (...indicators: string[]) => ({ id: 'skip.absent', params: { indicators } });

describe('the reason a check did not run', () => {
  it('flow without the poor households at the end of the year: the table lacks them, alone or with another row', async () => {
    expect(await reasonOf(wideWithout('Số hộ nghèo cuối năm'), 'flow')).toEqual(absent('poor_end'));
    expect(await reasonOf(wideWithout('Số hộ nghèo cuối năm', 'Tổng số hộ của toàn tỉnh đầu năm'), 'flow')).toEqual(absent('poor_end'));
    expect(await reasonOf(wideWithout('Số hộ nghèo cuối năm', 'Số hộ nghèo giảm'), 'flow')).toEqual(absent('poor_reduced', 'poor_end'));
    expect(await reasonOf(wideWithout('Số hộ nghèo đầu năm'), 'flow')).toEqual(absent('poor_start'));
  });

  it('the same in a long layout of the same table', async () => {
    expect(await reasonOf(longWithout('Số hộ nghèo cuối năm'), 'flow')).toEqual(absent('poor_end'));
  });

  it('rate without the households its rates are over, or without the rates: what the table lacks of each rate', async () => {
    expect(await reasonOf(wideWithout('Tổng số hộ'), 'rate')).toEqual(absent('households_start', 'households_end'));
    expect(await reasonOf(wideWithout('Tổng số hộ của toàn tỉnh đầu năm', 'Số hộ nghèo cuối năm'), 'rate')).toEqual(absent('households_start', 'poor_end'));
    expect(await reasonOf(wideWithout('6;', '- Đầu năm', '- Cuối năm'), 'rate')).toEqual(absent('rate_start', 'rate_end'));
  });

  it('is listed under "not checked" as a table-wide skip, as a check skipped for its rates is', async () => {
    const r = await checkCsv(wideWithout('Số hộ nghèo cuối năm'));
    expect(r.skipped.filter((s) => s.rule === 'flow')).toEqual([{ rule: 'flow', msg: absent('poor_end') }]);
  });
});
