/**
 * `validate --targets/--target` and `validate --series [--units-map]` through the built binary, on the seed
 * annex, the years constructed from it (fixtures/series/) and the targets fixtures (fixtures/targets/):
 * exit codes, where findings sit, the JSON additions, the configuration's targets, and one clear line for
 * targets or units maps that cannot be used.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { FIXTURES, cli } from '../helpers.js';

const SEED = 'fixtures/tuyen-quang-2020.csv';
const SHORT = 'fixtures/targets/na-hang-short.csv';
const NO_REDUCED = 'fixtures/targets/no-reduced-row.csv';
const TARGETS = 'fixtures/targets/tuyen-quang-2020.json';
const Y2021 = 'fixtures/series/tuyen-quang-2021.csv';
const BREAK = 'fixtures/series/tuyen-quang-2021-break.csv';
const Y2022 = 'fixtures/series/tuyen-quang-2022.csv';
const MAP = 'fixtures/series/units-map.json';

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
  indicator: string | null;
  expected: string | null;
  actual: string | null;
  message: string;
  target?: { op: string; value: string; computed: boolean; source: string; gap?: Record<string, string> };
  continuity?: { previous: { file: string; indicator?: string; cells: string[]; units: string[] } };
}
const json = (stdout: string) =>
  JSON.parse(stdout) as {
    files: Array<{ file: string; status: string; findings: JsonFinding[]; skipped: Array<{ rule: string; unit: string | null; reason: string }>; causes: Array<{ explains: number[] }> }>;
    series?: { files: string[]; unitsMap: string | null; transitions: Array<Record<string, unknown>> };
    summary: Record<string, number>;
  };
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal/);

const tmp = mkdtempSync(join(tmpdir(), 'povcheck-targets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate --targets', () => {
  it('the seed annex meets the plan\'s targets: exit 0, one info per target', async () => {
    const r = await cli(['validate', SEED, '--targets', TARGETS, '--no-table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi, 5 cảnh báo, 12 thông tin');
    expect(r.stdout).toContain('ℹ J9 · target · Na Hang · Mức giảm tỷ lệ hộ nghèo');
    expect(r.stdout).toContain('Na Hang: đạt mục tiêu mức giảm tỷ lệ hộ nghèo ≥ 4 điểm %: 4,00 điểm %.');
    expect(r.stdout).toContain('Toàn tỉnh: đạt mục tiêu mức giảm tỷ lệ hộ nghèo ≥ 2,06 điểm %: 2,06 điểm %.');
    expect(r.stdout).toContain('Toàn tỉnh: đạt mục tiêu tỷ lệ hộ nghèo cuối năm ≤ 9,74%: 9,74%.');
    // Na Hang's 4 points are met only because its households grew: 390 exits are 3,73 % of its start households.
    expect(r.stdout).toContain('▲ J9 · denominator · Na Hang');
    expect(r.stdout).toContain('Na Hang: đạt mục tiêu mức giảm tỷ lệ hộ nghèo ≥ 4 điểm % (4,00 điểm %) chỉ nhờ số hộ thay đổi từ 10.468 thành 10.580: tính trên số hộ đầu năm thì được 3,73 điểm % (29,56% − 25,83%, tỷ lệ cuối năm tính trên 10.468 hộ đầu năm), không đạt');
  });

  it('a table without poor households reduced: the notes say the net fall quoted was computed from the start and end counts', async () => {
    const r = await cli(['validate', NO_REDUCED, '--targets', TARGETS, '--no-table', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The total's rate fell 2.06 points, but its poor households fell by 4,188 (net, computed from the start and end counts, as the table prints no reduction), only 1.99 %");
    expect(r.stdout).toContain('The rate fell 4.00 points, but the 390 households reduced (computed from the start and end counts, as the table prints no reduction) are only 3.73 %');
    expect(r.stdout).toContain('(the net fall of 390 poor households, computed from the start and end counts, as the table prints no reduction, is 3.73 % of the start-of-year households)');
    const vi = await cli(['validate', NO_REDUCED, '--targets', TARGETS, '--no-table']);
    expect(vi.stdout).toContain('số hộ nghèo giảm (4.188 hộ, tính ròng từ số đầu năm và cuối năm vì bảng không ghi) chỉ bằng 1,99%');
    // The seed prints its reduction: quoted as printed, without the clause.
    const seed = await cli(['validate', SEED, '--targets', TARGETS, '--no-table', '--lang', 'en']);
    expect(seed.stdout).toContain('its poor households fell by 4,188 (net), only 1.99 %');
    expect(seed.stdout).not.toContain('start and end counts');
  });

  it('a table that misses them: exit 1, errors with the target, the value and the households still needed', async () => {
    const r = await cli(['validate', SHORT, '--targets', TARGETS, '--no-table', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 errors');
    expect(r.stdout).toContain(
      '✖ J9 · target · Na Hang · Poverty rate reduction (points)\n      Na Hang: target poverty rate reduction ≥ 4 points missed: the table shows 3.81 points. At least 20 more poor households would have to leave poverty (net): 390 at least, the table has 370.',
    );
    expect(r.stdout).toContain('Toàn tỉnh: target poverty rate reduction ≥ 2.06 points missed: the table shows 2.05 points. At least 9 more poor households');
  });

  it('JSON: target findings carry the target and the gap under "target"', async () => {
    const r = await cli(['validate', SHORT, '--targets', TARGETS, '--format', 'json']);
    const f = json(r.stdout).files[0]!.findings.find((x) => x.rule === 'target' && x.unit === 'Na Hang')!;
    expect(f).toMatchObject({
      severity: 'error',
      cell: 'J9',
      indicator: 'rate_reduced',
      expected: null,
      actual: '3.81',
      target: { op: '>=', value: '4', computed: false, source: TARGETS, gap: { kind: 'more', exits: '370', minimum: '390', more: '20' } },
    });
    const met = json(r.stdout).files[0]!.findings.find((x) => x.rule === 'target' && x.unit === 'Lâm Bình')!;
    expect(met.severity).toBe('info');
    expect(met.target).not.toHaveProperty('gap');
  });

  it('--target "<unit>=<points>" as in plan, repeatable, beside --targets', async () => {
    const r = await cli(['validate', SEED, '--target', 'lam binh=4', '--target', 'Na Hang=4,5', '--format', 'json']);
    expect(r.code).toBe(1);
    const t = json(r.stdout).files[0]!.findings.filter((x) => x.rule === 'target');
    expect(t.map((x) => [x.unit, x.severity, x.target!.source])).toEqual([
      ['Na Hang', 'error', '--target'],
      ['Lâm Bình', 'info', '--target'],
    ]);
  });

  it('the HTML report draws the targets on its chart', async () => {
    const out = join(tmp, 'report.html');
    const r = await cli(['validate', SHORT, '--targets', TARGETS, '--format', 'html', '-o', out]);
    expect(r.code).toBe(1);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('Mục tiêu: giảm ≥ 4 điểm');
    expect(page).toMatch(/target-text missed">→ cuối năm ≤ 25,56%: ✖ chưa đạt/);
  });

  it('a target without marks that fits two communes spelt differently (Tân Hòa, Tân Hóa): exit 2, the two named; with its marks, the one', async () => {
    const tones = join(tmp, 'tones.csv');
    writeFileSync(tones, readFileSync(SEED, 'utf8').replace('Na Hang', 'Tân Hòa').replace('Lâm Bình', 'Tân Hóa'));
    const r = await cli(['validate', tones, '--target', 'Tan Hoa=4', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('povcheck: --target: target 1: "Tan Hoa" could be "Tân Hòa" or "Tân Hóa": names that differ only in their marks are different units; write the name of the one the target is for with its marks\n');
    const one = await cli(['validate', tones, '--target', 'Tân Hóa=4', '--format', 'json']);
    const targets = (JSON.parse(one.stdout) as { files: Array<{ findings: Array<{ rule: string; unit: string }> }> }).files[0]!.findings.filter((f) => f.rule === 'target');
    expect(targets.map((f) => f.unit)).toEqual(['Tân Hóa']);
  });

  it('a target naming a unit no table has: exit 2, one line naming the targets file, the table and its units', async () => {
    const bad = join(tmp, 'bad-unit.json');
    writeFileSync(bad, JSON.stringify({ targets: [{ unit: 'Lâm Bình', indicator: 'rate_reduced', op: '>=', value: '4' }, { unit: 'Na Hnag', indicator: 'rate_reduced', op: '>=', value: '4' }] }));
    const r = await cli(['validate', SEED, '--targets', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`povcheck: ${bad}: target 2: ${SEED} has no unit "Na Hnag"; its units: total, Toàn tỉnh, Sơn Dương, Yên Sơn, TP Tuyên Quang, Hàm Yên, Chiêm Hóa, Na Hang, Lâm Bình\n`);
    // With the rule switched off the targets are not looked at at all.
    expect((await cli(['validate', SEED, '--targets', bad, '--rule', 'target=off', '--no-table'])).code).toBe(0);
    const vi = await cli(['validate', SEED, Y2021, '--targets', bad, '--lang', 'vi']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('mục tiêu thứ 2: không bảng nào trong 2 bảng có đơn vị "Na Hnag"');
  });

  it('a unit one table of the run lacks but another has: checked where it is, listed as not checked elsewhere', async () => {
    const t = join(tmp, 'merged.json');
    writeFileSync(t, JSON.stringify({ targets: [{ unit: 'Na Hang - Lâm Bình', indicator: 'rate_end', op: '<=', value: '21' }] }));
    const r = await cli(['validate', Y2021, Y2022, '--targets', t, '--format', 'json']);
    expect(r.code).toBe(0);
    const [a, b] = json(r.stdout).files;
    expect(a!.skipped).toEqual([{ rule: 'target', unit: 'Na Hang - Lâm Bình', reason: 'bảng không có đơn vị "Na Hang - Lâm Bình"' }]);
    expect(b!.findings.find((x) => x.rule === 'target')).toMatchObject({ severity: 'info', cell: 'J10', actual: '20.60' });
  });

  it.each([
    ['not JSON', '{"targets": [', /povcheck: .*t-bad\.json: the targets file is not valid JSON at line 1, column 14 \(/],
    ['a trailing comma', '{"targets":[\n  {"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},\n]}', /povcheck: .*t-bad\.json: the targets file is not valid JSON at line 3, column 1 \(/],
    ['a bad op', '{"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":"=>","value":"4"}]}', /povcheck: .*t-bad\.json: target 1: "op" = => is not valid; give one of >=, <=, =/],
  ])('a targets file that cannot be used (%s): exit 2, one line naming it', async (_n, text, line) => {
    const bad = join(tmp, 't-bad.json');
    writeFileSync(bad, text);
    const r = await cli(['validate', SEED, '--targets', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(r.stderr);
  });

  it('a targets file and --target together: each unknown unit named where it was given (it named "t.json, --target" and counted over both), with its entry\'s line', async () => {
    const t = join(tmp, 'both.json');
    writeFileSync(t, '{"targets":[\n  {"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},\n  {"unit":"Ha Giang","indicator":"rate_reduced","op":">=","value":"4"}\n]}\n');
    const r = await cli(['validate', SEED, '--targets', t, '--target', 'Lâm Bình=4', '--target', 'Xyz=3', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').map((l) => l.replace(/; its units: .*/, ''))).toEqual([
      `povcheck: ${t}: target 2 (line 3): ${SEED} has no unit "Ha Giang"`,
      `povcheck: --target: target 2: ${SEED} has no unit "Xyz"`,
      '',
    ]);
  });

  it('a target names a unit written with its level word (Chiêm Hóa → Huyện Chiêm Hoá, the tone mark elsewhere too); two units of two levels: exit 2, both named', async () => {
    const district = join(tmp, 'huyen.csv');
    writeFileSync(district, readFileSync(SEED, 'utf8').replace(';Chiêm Hóa;', ';Huyện Chiêm Hoá;'));
    const r = await cli(['validate', district, '--target', 'Chiêm Hóa=2', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).files[0]!.findings.filter((f) => f.rule === 'target').map((f) => [f.unit, f.severity, f.actual])).toEqual([['Huyện Chiêm Hoá', 'info', '2.47']]);
    const town = join(tmp, 'town.csv');
    writeFileSync(town, readFileSync(district, 'utf8').replace(';Hàm Yên;', ';Thị trấn Chiêm Hóa;'));
    const both = await cli(['validate', town, '--target', 'chiem hoa=2', '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('povcheck: --target: target 1: "chiem hoa" could be "Thị trấn Chiêm Hóa" or "Huyện Chiêm Hoá": units of different levels; write the name of the one the target is for as the table writes it, with its level (Huyện, Thị trấn, Xã …)\n');
  });

  it('a missing targets file: exit 2, naming it', async () => {
    const r = await cli(['validate', SEED, '--targets', 'nope.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('povcheck: nope.json: no such file\n');
  });
});

describe('the configuration\'s targets', () => {
  const dir = join(tmp, 'cfg');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'targets', 'na-hang-short.csv'), join(dir, 'annex.csv'));
  writeFileSync(
    join(dir, 'povcheck.config.json'),
    JSON.stringify({ rules: { denominator: 'off' }, targets: [{ unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' }] }),
  );

  it('are checked by validate', async () => {
    const r = await cli(['validate', 'annex.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const t = json(r.stdout).files[0]!.findings.filter((x) => x.rule === 'target');
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ unit: 'Na Hang', severity: 'error', target: { source: join(dir, 'povcheck.config.json'), gap: { more: '20' } } });
  });

  it('--targets replaces them for a run; --no-config drops them', async () => {
    const t = join(tmp, 'lam-binh.json');
    writeFileSync(t, JSON.stringify({ targets: [{ unit: 'Lâm Bình', indicator: 'rate_reduced', op: '>=', value: '4' }] }));
    const r = await cli(['validate', 'annex.csv', '--targets', t, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files[0]!.findings.filter((x) => x.rule === 'target').map((x) => x.unit)).toEqual(['Lâm Bình']);
    const none = await cli(['validate', 'annex.csv', '--no-config', '--format', 'json'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(json(none.stdout).files[0]!.findings.some((x) => x.rule === 'target')).toBe(false);
  });

  it('--rule target=warning re-levels a missed target', async () => {
    const r = await cli(['validate', 'annex.csv', '--rule', 'target=warning', '--no-table'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('▲ J9 · target · Na Hang');
  });
});

describe('targets and the configuration\'s unit aliases', () => {
  const dir = join(tmp, 'aliases');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), join(dir, 'annex.csv'));
  writeFileSync(join(dir, 'povcheck.config.json'), JSON.stringify({ unitAliases: { 'Thành phố Tuyên Quang': ['TP Tuyên Quang', 'TP. Tuyên Quang'] } }));

  it('a target names the unit by the name the table uses, by an alias, or by the canonical name', async () => {
    for (const name of ['TP Tuyên Quang', 'TP. Tuyên Quang', 'Thành phố Tuyên Quang']) {
      const r = await cli(['validate', 'annex.csv', '--target', `${name}=0.2`, '--format', 'json'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const t = json(r.stdout).files[0]!.findings.filter((x) => x.rule === 'target');
      expect(t).toMatchObject([{ unit: 'TP Tuyên Quang', severity: 'info', cell: 'G9' }]);
    }
  });
});

describe('validate --series', () => {
  it('2020 → 2021 → 2022 with the units map: continuity holds, exit 0; JSON says what each pair gave', async () => {
    const r = await cli(['validate', '--series', SEED, Y2021, Y2022, '--units-map', MAP, '--format', 'json', '--rule', 'denominator=off']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.files.map((f) => f.file)).toEqual([SEED, Y2021, Y2022]);
    expect(out.series).toEqual({
      files: [SEED, Y2021, Y2022],
      unitsMap: MAP,
      transitions: [
        { from: SEED, to: Y2021, checked: true, compared: 8, matched: 8, breaks: 0, appeared: [], disappeared: [], merged: [] },
        { from: Y2021, to: Y2022, checked: true, compared: 7, matched: 7, breaks: 0, appeared: [], disappeared: [], merged: [{ from: ['Na Hang', 'Lâm Bình'], to: 'Na Hang - Lâm Bình' }] },
      ],
    });
    expect(out.summary.errors).toBe(0);
    // The CSV form of the map does the same.
    expect((await cli(['validate', '--series', SEED, Y2021, Y2022, '--units-map', 'fixtures/series/units-map.csv', '--no-table'])).code).toBe(0);
  });

  it('without the map the merged unit appears and the two districts disappear (warnings, exit 0; 1 under --fail-on warning)', async () => {
    const r = await cli(['validate', '--series', Y2021, Y2022, '--no-table', '--rule', 'denominator=off', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('▲ J1 · continuity · Na Hang - Lâm Bình');
    expect(r.stdout).toContain(`▲ — · continuity · Na Hang\n      Na Hang (${Y2021}, J1) is not in this file, so its end of year is not carried over.`);
    expect((await cli(['validate', '--series', Y2021, Y2022, '--no-table', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('the planted break: exit 1, errors at the 2021 file\'s start-of-year cells naming the 2020 file and its cells', async () => {
    const r = await cli(['validate', '--series', SEED, BREAK, '--format', 'json']);
    expect(r.code).toBe(1);
    const [a, b] = json(r.stdout).files;
    expect(a!.status).toBe('ok');
    expect(b!.status).toBe('invalid');
    const breaks = b!.findings.filter((f) => f.rule === 'continuity' && f.severity === 'error');
    expect(breaks.map((f) => [f.cell, f.unit, f.expected, f.actual, f.continuity])).toEqual([
      ['D2', 'Toàn tỉnh', '211780', '211830', { previous: { file: SEED, indicator: 'households_end', cells: ['D3'], units: ['Toàn tỉnh'] } }],
      ['H2', 'Hàm Yên', '31800', '31850', { previous: { file: SEED, indicator: 'households_end', cells: ['H3'], units: ['Hàm Yên'] } }],
    ]);
    expect(breaks[1]!.message).toContain(`${SEED} ghi tổng số hộ cuối năm là 31.800 (ô H3)`);
  });

  it('targets and series together, on the seed and the 2021 table built from it: the 2020 targets met in 2020, the province\'s missed in 2021 by 258 households', async () => {
    const r = await cli(['validate', '--series', SEED, Y2021, '--targets', TARGETS, '--format', 'json']);
    expect(r.code).toBe(1);
    const [a, b] = json(r.stdout).files;
    expect(a!.findings.filter((f) => f.rule === 'target').map((f) => f.severity)).toEqual(['info', 'info', 'info', 'info']);
    const t = b!.findings.filter((f) => f.rule === 'target');
    expect(t.map((f) => [f.cell, f.unit, f.severity, f.actual])).toEqual([
      ['D9', 'Toàn tỉnh', 'error', '1.93'],
      ['J9', 'Na Hang', 'info', '4.22'],
      ['K9', 'Lâm Bình', 'info', '4.32'],
      ['D10', 'Toàn tỉnh', 'info', '7.81'],
    ]);
    expect(t[0]!.target!.gap).toEqual({ kind: 'more', exits: '3994', minimum: '4252', more: '258' });
    expect(b!.findings.filter((f) => f.rule === 'continuity').map((f) => f.severity)).toEqual(['info']);
    expect(json(r.stdout).series!.transitions[0]).toMatchObject({ compared: 8, matched: 8, breaks: 0 });
  });

  it('a workbook year and a CSV year: matched by name across formats; cells named with their sheet', async () => {
    const ok = await cli(['validate', '--series', 'fixtures/xlsx/annex-formatted.xlsx', Y2021, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(json(ok.stdout).series!.transitions[0]).toMatchObject({ compared: 8, matched: 8 });
    const r = await cli(['validate', '--series', 'fixtures/xlsx/tuyen-quang-2020.xlsx', BREAK, '--format', 'json', '--lang', 'en']);
    const h = json(r.stdout).files[1]!.findings.find((f) => f.rule === 'continuity' && f.unit === 'Hàm Yên')!;
    expect(h.continuity!.previous.cells).toEqual(["'tuyen-quang-2020'!H3"]);
    expect(h.message).toContain("fixtures/xlsx/tuyen-quang-2020.xlsx gives 31,800 households at the end of the year ('tuyen-quang-2020'!H3)");
  });

  it('keeps the order given (years, not file names): the same files the other way round break', async () => {
    const r = await cli(['validate', '--series', Y2021, SEED, '--format', 'json']);
    expect(json(r.stdout).files.map((f) => f.file)).toEqual([Y2021, SEED]);
    expect(r.code).toBe(1);
    // Without --series, the inputs are sorted and not compared.
    const plain = await cli(['validate', Y2021, SEED, '--format', 'json']);
    expect(json(plain.stdout).files.map((f) => f.file)).toEqual([Y2021, SEED].sort());
    expect(json(plain.stdout).files.flatMap((f) => f.findings).some((f) => f.rule === 'continuity')).toBe(false);
    expect(json(plain.stdout).series).toBeUndefined();
  });

  it('JUnit: a continuity case for the units with a break, none for the rule elsewhere', async () => {
    const r = await cli(['validate', '--series', SEED, BREAK, '--format', 'junit']);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(r.stdout) as {
      testsuites: { testsuite: Array<{ name: string; testcase: Array<{ name: string; failure?: { message: string } }> }> };
    };
    const [a, b] = doc.testsuites.testsuite;
    expect(a!.testcase.some((c) => c.name.startsWith('continuity'))).toBe(false);
    const cases = b!.testcase.filter((c) => c.name.startsWith('continuity'));
    expect(cases.map((c) => [c.name, !!c.failure])).toEqual([
      ['continuity · Toàn tỉnh', true],
      ['continuity · Hàm Yên', true],
      ['continuity · toàn bảng', false],
    ]);
  });

  it('an unreadable year: exit 2; its pairs are listed as not checked', async () => {
    const r = await cli(['validate', '--series', SEED, 'missing-2021.csv', Y2022, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = json(r.stdout);
    expect(out.series!.transitions.map((t) => t.checked)).toEqual([false, false]);
    expect(out.files[0]!.skipped).toContainEqual({ rule: 'continuity', unit: null, reason: 'không đọc được missing-2021.csv' });
  });

  it.each([
    [['validate', '--series', SEED], 'povcheck: --series compares consecutive years: give at least two files, in year order (got 1)'],
    [['validate', SEED, Y2021, '--units-map', MAP], 'povcheck: --units-map applies to a series: add --series and the files in year order'],
    [['validate', '--series', SEED, Y2021, '--units-map', 'fixtures/targets/tuyen-quang-2020.json'], 'povcheck: fixtures/targets/tuyen-quang-2020.json: a units map looks like {"units":[{"from":["Xã A","Xã B"],"to":"Xã C"}]} (or is a CSV with the columns from and to)'],
    [['validate', '--series', SEED, Y2021, '--units-map', 'nope.csv'], 'povcheck: nope.csv: no such file'],
  ])('%j: exit 2, one line', async (args, line) => {
    const r = await cli([...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line + '\n');
    expect(r.stdout).toBe('');
  });
});
