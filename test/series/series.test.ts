/**
 * Series (rule `continuity`): the seed annex (2020) and the years constructed from it (fixtures/series/):
 * continuity holds 2020 → 2021 → 2022 (with the units map for the merged unit), a planted break is found at
 * the later file's start-of-year cell naming both files and cells, units that appear or disappear are
 * reported, a units map sums old units into the new one, and units-map files are read or refused clearly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkRecords, fixtures, FIXTURES } from '../helpers.js';
import { checkSeries, parseUnitsMap, type SeriesFile, type UnitsMap } from '../../src/series/index.js';
import { PovcheckError } from '../../src/errors.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { withFindings } from '../../src/pipeline.js';
import type { Finding } from '../../src/model/finding.js';

const { wideRecords, longRecords, SEED, UNITS, cloneData } = fixtures;
const read = (name: string): SeriesFile => ({ file: name, annex: checkBytes(readFileSync(join(FIXTURES, name))).annex });
const Y2020 = 'tuyen-quang-2020.csv';
const Y2021 = 'series/tuyen-quang-2021.csv';
const BREAK = 'series/tuyen-quang-2021-break.csv';
const Y2022 = 'series/tuyen-quang-2022.csv';
const mapOf = (name: string): UnitsMap => parseUnitsMap(readFileSync(join(FIXTURES, name)), name);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const refusal = (text: string) => {
  try {
    parseUnitsMap(Buffer.from(text), 'm');
  } catch (e) {
    if (e instanceof PovcheckError) return e.params;
  }
  throw new Error('not refused');
};

describe('continuity on the seed and the years constructed from it', () => {
  it('2020 → 2021: every unit starts where it ended; one info says so', () => {
    const r = checkSeries([read(Y2020), read(Y2021)]);
    expect(r.findings[0]).toEqual([]);
    expect(r.findings[1]!.map((f) => [f.severity, f.msg.id])).toEqual([['info', 'continuity.summary']]);
    expect(r.transitions).toEqual([{ from: Y2020, to: Y2021, checked: true, compared: 8, matched: 8, breaks: 0, appeared: [], disappeared: [], merged: [] }]);
    expect(r.skipped).toEqual([[], []]);
  });

  it('two units whose names differ only in their marks (Tân Hòa, Tân Hóa) are each compared: a break at the second is found', () => {
    const tones = (name: string, text = readFileSync(join(FIXTURES, name), 'utf8')): SeriesFile => ({
      file: name,
      annex: checkBytes(Buffer.from(text.replace('Na Hang', 'Tân Hòa').replace('Lâm Bình', 'Tân Hóa'), 'utf8')).annex,
    });
    const clean = checkSeries([tones(Y2020), tones(Y2021)]);
    expect(clean.transitions[0]).toMatchObject({ compared: 8, matched: 8, breaks: 0, appeared: [], disappeared: [] });
    const y2021 = readFileSync(join(FIXTURES, Y2021), 'utf8');
    expect(y2021).toContain(';10.580;7.705;');
    const broken = checkSeries([tones(Y2020), tones(Y2021, y2021.replace(';10.580;7.705;', ';10.580;7.715;'))]);
    expect(errors(broken.findings[1]!).map((f) => [f.unit, f.at?.ref, f.expected, f.actual])).toEqual([['Tân Hóa', 'K2', '7705', '7715']]);
  });

  it('names told apart by their marks in one year only: each matched with the unit of its spelling; a units map finds either', () => {
    const tones = (name: string, hoa: string, hoa2: string): SeriesFile => ({
      file: name,
      annex: checkBytes(Buffer.from(readFileSync(join(FIXTURES, name), 'utf8').replace('Na Hang', hoa).replace('Lâm Bình', hoa2), 'utf8')).annex,
    });
    // 2020 lists Tân Hòa and Tân Hóa; 2021 lists Tân Hòa and (renamed) Tân Lập: Tân Hòa is compared, Tân Hóa gone, Tân Lập new.
    const one = checkSeries([tones(Y2020, 'Tân Hòa', 'Tân Hóa'), tones(Y2021, 'Tân Hòa', 'Tân Lập')]);
    expect(one.transitions[0]).toMatchObject({ compared: 7, matched: 7, breaks: 0, appeared: ['Tân Lập'], disappeared: ['Tân Hóa'] });
    // The other way round: 2021 has both, 2020 Tân Hòa only.
    const other = checkSeries([tones(Y2020, 'Tân Hòa', 'Tân Lập'), tones(Y2021, 'Tân Hòa', 'Tân Hóa')]);
    expect(other.transitions[0]).toMatchObject({ compared: 7, matched: 7, breaks: 0, appeared: ['Tân Hóa'], disappeared: ['Tân Lập'] });
    // A units map naming one of the two (Tân Lập became Tân Hóa) finds it.
    const map = parseUnitsMap(Buffer.from(JSON.stringify({ units: [{ from: ['Tân Lập'], to: 'Tân Hóa' }] })), 'map.json');
    const mapped = checkSeries([tones(Y2020, 'Tân Hòa', 'Tân Lập'), tones(Y2021, 'Tân Hòa', 'Tân Hóa')], { map });
    expect(mapped.transitions[0]).toMatchObject({ compared: 8, matched: 8, appeared: [], disappeared: [], merged: [{ from: ['Tân Lập'], to: 'Tân Hóa' }] });
  });

  it('the constructed years are consistent tables themselves', () => {
    for (const name of [Y2021, BREAK, Y2022]) expect(errors(checkBytes(readFileSync(join(FIXTURES, name))).findings)).toEqual([]);
  });

  it('the planted break: Hàm Yên\'s (and so the province\'s) households at the start of 2021, at the 2021 file\'s cells', () => {
    const r = checkSeries([read(Y2020), read(BREAK)]);
    const found = errors(r.findings[1]!);
    expect(found.map((f) => [f.at?.ref, f.unit, f.indicator, f.expected, f.actual])).toEqual([
      ['D2', 'Toàn tỉnh', 'households_start', '211780', '211830'],
      ['H2', 'Hàm Yên', 'households_start', '31800', '31850'],
    ]);
    const h = found[1]!;
    expect(h.detail).toEqual({ rule: 'continuity', previous: { file: Y2020, indicator: 'households_end', cells: ['H3'], units: ['Hàm Yên'] } });
    expect(renderMessage(h.msg, makeFmt('vi'))).toBe(
      `Hàm Yên: tổng số hộ đầu năm ở tệp này là 31.850 (ô H2), nhưng ${Y2020} ghi tổng số hộ cuối năm là 31.800 (ô H3) (chênh lệch +50); số đầu năm phải bằng số cuối năm trước.`,
    );
    expect(renderMessage(h.msg, makeFmt('en'))).toBe(
      `Hàm Yên: households at the start of the year are 31,850 here (H2), but ${Y2020} gives 31,800 households at the end of the year (H3) (difference +50); a year starts with the households and poor households the year before ended with.`,
    );
    expect(r.transitions[0]).toMatchObject({ compared: 8, matched: 6, breaks: 2 });
  });

  it('plan documents in a series: the cells in the message are named as in Word, not "T1R5C4" (a fresh-eyes trial: "…are 20,572 here (T1R5C4), but plan-2020.docx gives … (T1R7C4)")', () => {
    const msg = { id: 'continuity.mismatch' as const, params: { unit: 'Chiêm Hóa', indicator: 'poor_start' as const, cell: 'T1R5C8', actual: '4639', previousFile: 'ke-hoach-2020.docx', previous: [{ unit: 'Chiêm Hóa', cell: 'T1R7C9', value: '4693' }], expected: '4693', diff: '-54' } };
    expect(renderMessage(msg, makeFmt('en'))).toBe(
      'Chiêm Hóa: poor households at the start of the year are 4,639 here (Table 1, row 5, column 8), but ke-hoach-2020.docx gives 4,693 poor households at the end of the year (Table 1, row 7, column 9) (difference -54); a year starts with the households and poor households the year before ended with.',
    );
    expect(renderMessage(msg, makeFmt('vi'))).toBe(
      'Chiêm Hóa: số hộ nghèo đầu năm ở tệp này là 4.639 (Bảng 1, dòng 5, cột 8), nhưng ke-hoach-2020.docx ghi số hộ nghèo cuối năm là 4.693 (Bảng 1, dòng 7, cột 9) (chênh lệch -54); số đầu năm phải bằng số cuối năm trước.',
    );
    const gone = { id: 'continuity.disappeared' as const, params: { unit: 'Na Hang', previousFile: 'ke-hoach-2020.docx', cell: 'T1R2C10' } };
    expect(renderMessage(gone, makeFmt('en'))).toContain('Na Hang (ke-hoach-2020.docx, Table 1, row 2, column 10) is not in this file');
    expect(renderMessage(gone, makeFmt('vi'))).toContain('Na Hang (Bảng 1, dòng 2, cột 10 của ke-hoach-2020.docx) không có');
  });

  it('a break in poor households is found as well', () => {
    const data = cloneData(SEED);
    data.poor_end![UNITS.indexOf('Chiêm Hóa')] = '4694'; // the 2020 file says 4.694 …
    data.poor_reduced![UNITS.indexOf('Chiêm Hóa')] = '817';
    data.poor_end![0] = '20627';
    data.poor_reduced![0] = '4187';
    const prev: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(data)).annex };
    const r = checkSeries([prev, read(Y2021)]); // … and 2021 starts with 4.693
    expect(errors(r.findings[1]!).map((f) => [f.at?.ref, f.indicator, f.expected, f.actual])).toEqual([
      ['D4', 'poor_start', '20627', '20626'],
      ['I4', 'poor_start', '4694', '4693'],
    ]);
  });

  it('the order matters: 2021 before 2020 breaks everywhere', () => {
    const r = checkSeries([read(Y2021), read(Y2020)]);
    expect(errors(r.findings[1]!).length).toBeGreaterThan(8);
  });

  it('units are matched by name, not by position or layout; case and diacritics are ignored', () => {
    const renamed = UNITS.map((u) => (u === 'Lâm Bình' ? 'LAM BINH' : u === 'Chiêm Hóa' ? 'chiêm hoá' : u));
    const y2021 = read(Y2021).annex!;
    // 2020 as a long table with the units in another order and respelt.
    const order = [0, 7, 6, 5, 4, 3, 2, 1];
    const data = Object.fromEntries(Object.entries(SEED).map(([k, v]) => [k, order.map((i) => v[i]!)]));
    const prev: SeriesFile = { file: 'long.csv', annex: checkRecords(longRecords(data, { units: order.map((i) => renamed[i]!) })).annex };
    const r = checkSeries([prev, { file: Y2021, annex: y2021 }]);
    expect(errors(r.findings[1]!)).toEqual([]);
    expect(r.transitions[0]).toMatchObject({ compared: 8, matched: 8, appeared: [], disappeared: [] });
  });

  it('a name written with its level word one year and without it the next (Huyện Chiêm Hoá, Chiêm Hóa) is the same unit: its break is found, not two warnings (a fresh-eyes trial)', () => {
    const units = UNITS.map((u) => (u === 'Chiêm Hóa' ? 'Huyện Chiêm Hoá' : u === 'Hàm Yên' ? 'huyện Hàm Yên' : u));
    const data = dataOf(read(Y2021));
    data.poor_start![UNITS.indexOf('Chiêm Hóa')] = '4639'; // 2020 ends with 4.693
    const prev: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(SEED)).annex };
    const next: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(data, { units })).annex };
    const r = checkSeries([prev, next]);
    expect(r.transitions[0]).toMatchObject({ compared: 8, appeared: [], disappeared: [] });
    expect(errors(r.findings[1]!).map((f) => [f.unit, f.indicator, f.expected, f.actual])).toEqual([['Huyện Chiêm Hoá', 'poor_start', '4693', '4639']]);
    // Back the other way (the level word dropped), the same.
    expect(checkSeries([next, { file: 'c.csv', annex: checkRecords(wideRecords(SEED)).annex }]).transitions[0]).toMatchObject({ appeared: [], disappeared: [] });
  });

  it('a level word is not matched away when it could be either of two units, or when both names have one (a change of level)', () => {
    const prev: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(SEED)).annex };
    const twice = UNITS.map((u) => (u === 'Chiêm Hóa' ? 'Huyện Chiêm Hóa' : u === 'Hàm Yên' ? 'Thị trấn Chiêm Hóa' : u));
    expect(checkSeries([prev, { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2021)), { units: twice })).annex }]).transitions[0]).toMatchObject({
      appeared: ['Thị trấn Chiêm Hóa', 'Huyện Chiêm Hóa'],
      disappeared: ['Hàm Yên', 'Chiêm Hóa'],
    });
    const prevLevel: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(SEED, { units: UNITS.map((u) => (u === 'Chiêm Hóa' ? 'Huyện Chiêm Hóa' : u)) })).annex };
    const nextLevel = UNITS.map((u) => (u === 'Chiêm Hóa' ? 'Thị xã Chiêm Hóa' : u));
    expect(checkSeries([prevLevel, { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2021)), { units: nextLevel })).annex }]).transitions[0]).toMatchObject({
      appeared: ['Thị xã Chiêm Hóa'],
      disappeared: ['Huyện Chiêm Hóa'],
    });
  });

  it('the configuration\'s unit aliases match renamed units', () => {
    // A change of level (Thị xã → Thành phố, as Tuyên Quang's in 2010) needs an alias.
    const units = UNITS.map((u) => (u === 'TP Tuyên Quang' ? 'Thị xã Tuyên Quang' : u));
    const aliases = new Map([['thi xa tuyen quang', 'Thành phố Tuyên Quang']]);
    const prev: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(SEED)).annex };
    const next: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2021)), { units })).annex };
    expect(checkSeries([prev, next]).transitions[0]).toMatchObject({ appeared: ['Thị xã Tuyên Quang'], disappeared: ['TP Tuyên Quang'] });
    // A level's abbreviation needs no alias: TP is Thành phố.
    const spelled = UNITS.map((u) => (u === 'TP Tuyên Quang' ? 'Thành phố Tuyên Quang' : u));
    const nextSpelled: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2021)), { units: spelled })).annex };
    expect(checkSeries([prev, nextSpelled]).transitions[0]).toMatchObject({ compared: 8, matched: 8, appeared: [], disappeared: [] });
    // With the aliases applied when reading (as validate does) and to the map names.
    const prevA: SeriesFile = { file: 'a.csv', annex: checkRecords(wideRecords(SEED), { unitAliases: aliases }).annex };
    const nextA: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2021)), { units }), { unitAliases: aliases }).annex };
    expect(checkSeries([prevA, nextA], { unitAliases: aliases }).transitions[0]).toMatchObject({ compared: 8, matched: 8, appeared: [], disappeared: [] });
  });
});

/** The plain digits of an annex, in the writers' data format. */
function dataOf(f: SeriesFile): Record<string, string[]> {
  const a = f.annex!;
  return Object.fromEntries(a.indicators.map((ind) => [ind, [...a.units].map((u) => a.values.row(u.id)[ind]!.plain!)]));
}

describe('units that appear or disappear, and the units map', () => {
  it('2021 → 2022 without a map: Na Hang and Lâm Bình disappear, the merged unit appears (warnings), the rest is compared', () => {
    const r = checkSeries([read(Y2021), read(Y2022)]);
    const fs = r.findings[1]!;
    expect(errors(fs)).toEqual([]);
    expect(fs.filter((f) => f.severity === 'warning').map((f) => [f.msg.id, f.unit, f.at?.ref])).toEqual([
      ['continuity.appeared', 'Na Hang - Lâm Bình', 'J1'],
      ['continuity.disappeared', 'Na Hang', undefined],
      ['continuity.disappeared', 'Lâm Bình', undefined],
    ]);
    const gone = fs.find((f) => f.msg.id === 'continuity.disappeared')!;
    expect(renderMessage(gone.msg, makeFmt('en'))).toContain(`Na Hang (${Y2021}, J1) is not in this file`);
    expect(r.transitions[0]).toMatchObject({ compared: 6, matched: 6, appeared: ['Na Hang - Lâm Bình'], disappeared: ['Na Hang', 'Lâm Bình'] });
  });

  it.each(['series/units-map.json', 'series/units-map.csv'])('with %s: the merged unit starts with the two districts\' end of 2021, summed', (name) => {
    const map = mapOf(name);
    expect(map.entries).toEqual([{ index: name.endsWith('.json') ? 1 : 2, from: ['Na Hang', 'Lâm Bình'], to: 'Na Hang - Lâm Bình' }]);
    const r = checkSeries([read(Y2020), read(Y2021), read(Y2022)], { map });
    expect(r.findings.flat().filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.transitions.map((t) => [t.compared, t.matched, t.merged])).toEqual([
      [8, 8, []],
      [7, 7, [{ from: ['Na Hang', 'Lâm Bình'], to: 'Na Hang - Lâm Bình' }]],
    ]);
  });

  it('a wrong start of the merged unit names both old units and their cells', () => {
    const data = dataOf(read(Y2022));
    data.poor_start![6] = '4431';
    data.poor_start![0] = String(Number(data.poor_start![0]) + 8);
    data.poor_end![6] = String(Number(data.poor_end![6]) + 8);
    data.poor_end![0] = String(Number(data.poor_end![0]) + 8);
    const next: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(data, { units: [...read(Y2022).annex!.units].map((u) => u.name) })).annex };
    const r = checkSeries([read(Y2021), next], { map: mapOf('series/units-map.json') });
    const f = errors(r.findings[1]!).find((x) => x.unit === 'Na Hang - Lâm Bình')!;
    expect(f).toMatchObject({ at: { ref: 'J4' }, indicator: 'poor_start', expected: '4423', actual: '4431' });
    expect(f.detail).toEqual({ rule: 'continuity', previous: { file: Y2021, indicator: 'poor_end', cells: ['J6', 'K6'], units: ['Na Hang', 'Lâm Bình'] } });
    expect(renderMessage(f.msg, makeFmt('en'))).toContain(`in ${Y2021} Na Hang (J6: 2,273) and Lâm Bình (K6: 2,150), merged into it by the units map, add up to 4,423 poor households at the end of the year (difference +8)`);
  });

  it('a unit that absorbed others keeps its own values in the sum', () => {
    // 2022 calls the merged unit "Na Hang": Lâm Bình merged into it.
    const units = [...read(Y2022).annex!.units].map((u) => (u.name === 'Na Hang - Lâm Bình' ? 'Na Hang' : u.name));
    const next: SeriesFile = { file: 'b.csv', annex: checkRecords(wideRecords(dataOf(read(Y2022)), { units })).annex };
    const map = parseUnitsMap(Buffer.from('{"units":[{"from":"Lâm Bình","to":"Na Hang"}]}'), 'm.json');
    const r = checkSeries([read(Y2021), next], { map });
    expect(errors(r.findings[1]!)).toEqual([]);
    expect(r.transitions[0]).toMatchObject({ compared: 7, matched: 7, disappeared: [], appeared: [], merged: [{ from: ['Na Hang', 'Lâm Bình'], to: 'Na Hang' }] });
    // The same map on 2020 → 2021, where both still exist, does not apply.
    expect(checkSeries([read(Y2020), read(Y2021)], { map }).transitions[0]).toMatchObject({ compared: 8, matched: 8, merged: [] });
  });

  it('an entry naming an old unit the earlier file lacks: the new unit is not compared, with a warning', () => {
    const map = parseUnitsMap(Buffer.from('{"units":[{"from":["Na Hang","Lâm Binh Cũ"],"to":"Na Hang - Lâm Bình"}]}'), 'm.json');
    const r = checkSeries([read(Y2021), read(Y2022)], { map });
    const w = r.findings[1]!.filter((f) => f.severity === 'warning');
    expect(w.map((f) => f.msg.id)).toEqual(['continuity.map-partial', 'continuity.disappeared']);
    expect(renderMessage(w[0]!.msg, makeFmt('en'))).toBe(
      `The units map merges Na Hang and Lâm Binh Cũ into Na Hang - Lâm Bình, but ${Y2021} has no Lâm Binh Cũ: Na Hang - Lâm Bình is not compared.`,
    );
  });

  it('an unreadable file: its pairs are not checked, the readable neighbour says so', () => {
    const r = checkSeries([read(Y2020), { file: 'gone.csv' }, read(Y2022)]);
    expect(r.transitions.map((t) => t.checked)).toEqual([false, false]);
    expect(r.skipped[0]).toEqual([{ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'unreadable', file: 'gone.csv' } } }]);
    expect(r.skipped[2]).toEqual([{ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'unreadable', file: 'gone.csv' } } }]);
  });

  it('a table without the end-of-year counts: listed as not checked', () => {
    const base = checkRecords(wideRecords(SEED).filter((r) => !['2', '5'].includes(r[0]!))).annex;
    const r = checkSeries([{ file: 'a.csv', annex: base }, read(Y2021)]);
    expect(r.skipped[1]).toEqual([{ rule: 'continuity', msg: { id: 'skip.series', params: { reason: 'absent', file: 'a.csv', indicators: ['households_end', 'poor_end'] } } }]);
    expect(errors(r.findings[1]!)).toEqual([]);
  });
});

describe('names a table gives several units', () => {
  /** A province's districts and their communes (no codes), one commune name in both districts; `end` the year's end counts. */
  const year = (ends: Record<string, [number, number]>, starts: Record<string, [number, number]>) => {
    const names = ['Toàn tỉnh', 'Huyện Na Hang', 'Huyện Na Hang/Xã Yên Hoa', 'Huyện Na Hang/Xã Thượng Lâm', 'Huyện Lâm Bình', 'Huyện Lâm Bình/Xã Yên Hoa', 'Huyện Lâm Bình/Xã Lăng Can'];
    const rows = names.map((n) => {
      const [h0, p0] = starts[n]!;
      const [h1, p1] = ends[n]!;
      return [n.split('/').at(-1)!, String(h0), String(h1), String(p0), String(p0 - p1), String(p1)];
    });
    const text = ['Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm', ...rows.map((r) => r.join(';'))].join('\n');
    return checkBytes(new TextEncoder().encode(text)).annex;
  };
  const communes: Record<string, [number, number]> = {
    'Huyện Na Hang/Xã Yên Hoa': [300, 90],
    'Huyện Na Hang/Xã Thượng Lâm': [200, 40],
    'Huyện Lâm Bình/Xã Yên Hoa': [500, 150],
    'Huyện Lâm Bình/Xã Lăng Can': [400, 60],
  };
  const withTotals = (c: Record<string, [number, number]>): Record<string, [number, number]> => {
    const sum = (prefix: string) => Object.entries(c).filter(([k]) => k.startsWith(prefix)).reduce<[number, number]>((a, [, v]) => [a[0] + v[0], a[1] + v[1]], [0, 0]);
    const na = sum('Huyện Na Hang/');
    const lb = sum('Huyện Lâm Bình/');
    return { ...c, 'Huyện Na Hang': na, 'Huyện Lâm Bình': lb, 'Toàn tỉnh': [na[0] + lb[0], na[1] + lb[1]] };
  };
  const later = (c: Record<string, [number, number]>) => Object.fromEntries(Object.entries(c).map(([k, [h, p]]) => [k, [h + 10, p - 5]])) as Record<string, [number, number]>;
  const y1End = withTotals(communes);
  const y1 = year(y1End, withTotals(later(communes)));
  const y2 = year(withTotals(later(later(communes))), y1End);

  it('matches each commune with the same district\'s commune of the year before', () => {
    const r = checkSeries([{ file: 'y1.csv', annex: y1 }, { file: 'y2.csv', annex: y2 }]);
    expect(r.findings[1]!.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.transitions[0]).toMatchObject({ compared: 7, matched: 7, breaks: 0, appeared: [], disappeared: [] });
  });

  it('finds a break in one of them, at its own cell', () => {
    const broken = { ...y1End, 'Huyện Lâm Bình/Xã Yên Hoa': [500, 151] as [number, number] };
    const r = checkSeries([{ file: 'y1.csv', annex: year(y1End, withTotals(later(communes))) }, { file: 'y2.csv', annex: year(withTotals(later(later(communes))), broken) }]);
    const errs = errors(r.findings[1]!);
    expect(errs.map((f) => `${f.unit} ${f.at?.ref} ${f.indicator}`)).toEqual(['Xã Yên Hoa D7 poor_start']);
  });
});

describe('units-map files', () => {
  it('reads one name or a list, trims and normalises', () => {
    const m = parseUnitsMap(Buffer.from('\ufeff{"units":[{"from":" Xã A ","to":"Xã C"},{"from":["Xa\u0301 B"],"to":"Xã D"}]}'), 'm');
    expect(m.entries.map((e) => [e.from, e.to])).toEqual([[['Xã A'], 'Xã C'], [['Xá B'], 'Xã D']]);
  });

  it('reads a CSV in any delimiter with Vietnamese or English headers', () => {
    const m = parseUnitsMap(Buffer.from('old,new\r\nXã A,Xã C\r\nXã B,Xã C\r\n\r\nXã D,Xã E\r\n'), 'm.csv');
    expect(m.entries).toEqual([
      { index: 2, from: ['Xã A', 'Xã B'], to: 'Xã C' },
      { index: 5, from: ['Xã D'], to: 'Xã E' },
    ]);
  });

  it.each([
    ['not JSON', '{"units": [', { reason: 'json' }],
    ['not JSON: where it stops', '{"units": [\n {"from": ["A"], "to": "B"}\n ,,]}', { reason: 'json', line: 3, column: 3 }],
    ['no list', '{"unit": []}', { reason: 'shape' }],
    ['no from', '{"units":[{"to":"C"}]}', { reason: 'field', index: 1, field: 'from' }],
    ['empty from', '{"units":[{"from":[],"to":"C"}]}', { reason: 'field', index: 1, field: 'from', text: '[]' }],
    ['no to', '{"units":[{"from":["A"],"to":""}]}', { reason: 'field', index: 1, field: 'to' }],
    ['an old unit twice', '{"units":[{"from":["A","B"],"to":"C"},{"from":["b"],"to":"D"}]}', { reason: 'twice', unit: 'b', index: 2, first: 1 }],
    ['a new unit twice', '{"units":[{"from":["A"],"to":"C"},{"from":["B"],"to":"c"}]}', { reason: 'twice', unit: 'c', index: 2, first: 1 }],
    ['CSV without a header', 'Xã A;Xã C\nXã B;Xã C\n', { reason: 'csv-header' }],
    ['CSV row without a new unit', 'from;to\nXã A;\n', { reason: 'field', index: 2, field: 'to', row: true }],
    ['CSV old unit twice', 'from;to\nXã A;Xã C\nxa a;Xã D\n', { reason: 'twice', index: 3, first: 2, row: true }],
  ])('%s → UNITS_MAP_INVALID', (_n, text, params) => expect(refusal(text)).toMatchObject(params));
});

describe('withFindings: continuity findings join a file\'s result', () => {
  it('re-sorts, keeps the causes pointing at their findings, adds a break the cause explains, and re-decides the verdict', () => {
    // 2022 with the merged unit's poor households at the start typed 4.431 for 4.423: a cause at J4.
    const data = dataOf(read(Y2022));
    data.poor_start![6] = '4431';
    const units = [...read(Y2022).annex!.units].map((u) => u.name);
    const checked = checkRecords(wideRecords(data, { units }));
    const file = { file: 'b.csv', status: 'invalid' as const, annex: checked.annex, findings: checked.findings, skipped: checked.skipped, localisation: checked.localisation };
    const cause = checked.localisation.causes[0]!;
    expect(cause.cells.map((c) => [c.cell.ref, c.proposed])).toEqual([['J4', '4423']]);
    const before = cause.explains.map((i) => checked.findings[i]);
    const s = checkSeries([read(Y2021), { file: 'b.csv', annex: checked.annex }], { map: mapOf('series/units-map.json') });
    const merged = withFindings(file, s.findings[1]!, s.skipped[1]!, { failOn: 'error' });
    const explains = merged.localisation!.causes[0]!.explains.map((i) => merged.findings[i]!);
    expect(explains.filter((f) => f.rule !== 'continuity')).toEqual(before);
    expect(explains.filter((f) => f.rule === 'continuity').map((f) => f.at?.ref)).toEqual(['J4']);
    expect(merged.findings.length).toBe(checked.findings.length + s.findings[1]!.length);
    // Re-levelled, and the verdict follows.
    const clean = { file: 'a.csv', status: 'ok' as const, findings: [], skipped: [] };
    expect(withFindings(clean, s.findings[1]!, [], { failOn: 'error' }).status).toBe('invalid');
    expect(withFindings(clean, s.findings[1]!, [], { failOn: 'error', rules: { continuity: 'warning' } }).status).toBe('ok');
  });
});

describe('a units map over names a table gives several units', () => {
  const head = 'Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm;Số hộ nghèo cuối năm';
  /** Rows of [name, households start, end, poor start, end]; the reduction is start − end. */
  const table = (rows: Array<[string, number, number, number, number]>) =>
    checkBytes(new TextEncoder().encode([head, ...rows.map(([n, h0, h1, p0, p1]) => [n, h0, h1, p0, p0 - p1, p1].join(';'))].join('\n'))).annex;
  // 2024: two districts, a Xã Yên Hoa in each; 2025: Lâm Bình's Yên Hoa and Lăng Can merged into Xã Lâm Bình.
  const y2024: SeriesFile = {
    file: '2024.csv',
    annex: table([
      ['Toàn tỉnh', 1380, 1400, 340, 300],
      ['Huyện Na Hang', 490, 500, 130, 120],
      ['Xã Yên Hoa', 290, 300, 90, 80],
      ['Xã Thượng Lâm', 200, 200, 40, 40],
      ['Huyện Lâm Bình', 890, 900, 210, 180],
      ['Xã Yên Hoa', 490, 500, 150, 130],
      ['Xã Lăng Can', 400, 400, 60, 50],
    ]),
  };
  const y2025: SeriesFile = {
    file: '2025.csv',
    annex: table([
      ['Toàn tỉnh', 1400, 1420, 300, 280],
      ['Huyện Na Hang', 500, 510, 120, 110],
      ['Xã Yên Hoa', 300, 310, 80, 70],
      ['Xã Thượng Lâm', 200, 200, 40, 40],
      ['Huyện Lâm Bình', 900, 910, 180, 170],
      ['Xã Lâm Bình', 900, 910, 180, 170],
    ]),
  };
  const map = (from: string[]) => parseUnitsMap(Buffer.from(JSON.stringify({ units: [{ from, to: 'Xã Lâm Bình' }] })), 'm.json');

  it('takes "Parent / Unit" for the unit of that name under that parent', () => {
    const r = checkSeries([y2024, y2025], { map: map(['Huyện Lâm Bình / Xã Yên Hoa', 'Xã Lăng Can']) });
    expect(r.findings[1]!.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.transitions[0]).toMatchObject({ merged: [{ from: ['Xã Yên Hoa', 'Xã Lăng Can'], to: 'Xã Lâm Bình' }], appeared: [], disappeared: [], breaks: 0 });
    // The parent written the same way for a name the table gives once.
    expect(checkSeries([y2024, y2025], { map: map(['Huyện Lâm Bình/Xã Yên Hoa', 'Huyện Lâm Bình / Xã Lăng Can']) }).transitions[0]!.merged).toHaveLength(1);
  });

  it('says which parents a bare repeated name could mean, and does not apply the entry', () => {
    const r = checkSeries([y2024, y2025], { map: map(['Xã Yên Hoa', 'Xã Lăng Can']) });
    const ambiguous = r.findings[1]!.find((f) => f.msg.id === 'continuity.map-ambiguous')!;
    expect(ambiguous.severity).toBe('warning');
    expect(renderMessage(ambiguous.msg, makeFmt('en'))).toBe(
      'The units map names Xã Yên Hoa, but 2024.csv has 2 units of that name (under Huyện Na Hang and Huyện Lâm Bình): write it with its parent, as "Huyện Na Hang / Xã Yên Hoa", to say which; the entry is not applied.',
    );
    expect(r.transitions[0]!.merged).toEqual([]);
  });

  it('says so of a new unit the later file gives twice', () => {
    const to = parseUnitsMap(Buffer.from(JSON.stringify({ units: [{ from: ['Xã Lăng Can'], to: 'Xã Yên Hoa' }] })), 'm.json');
    const twice: SeriesFile = { file: '2025b.csv', annex: y2024.annex };
    const r = checkSeries([y2024, twice], { map: to });
    // Not where the entry cannot apply: the earlier file has none of its old units.
    expect(checkSeries([y2025, twice], { map: to }).findings[1]!.some((f) => f.msg.id === 'continuity.map-ambiguous')).toBe(false);
    expect(r.findings[1]!.filter((f) => f.msg.id === 'continuity.map-ambiguous').map((f) => renderMessage(f.msg, makeFmt('en')))).toEqual([
      'The units map names Xã Yên Hoa, but 2025b.csv has 2 units of that name (under Huyện Na Hang and Huyện Lâm Bình): write it with its parent, as "Huyện Na Hang / Xã Yên Hoa", to say which; the entry is not applied.',
    ]);
  });
});
