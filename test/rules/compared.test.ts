/**
 * The indicators read and set against nothing (src/rules/compared.ts): named in the coverage, so that "no errors"
 * claims no more than was compared. Hải Dương 2022 ran three checks, clean, while its rises and start rates were
 * never compared with anything; the sample of units the kinds are listed over agrees with listing them over the
 * whole table (the brute force), on every fixture.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBytes, cli, FIXTURES, ROOT } from '../helpers.js';
import { indicatorsNotCompared } from '../../src/rules/compared.js';
import { RELATION_KINDS } from '../../src/relations/index.js';
import { COMPARING_CHECKS } from '../../src/model/coverage.js';
import { depthOfTable } from '../../src/rules/index.js';
import type { Annex } from '../../src/model/annex.js';
import type { Finding } from '../../src/model/finding.js';
import { validateFile } from '../../src/pipeline.js';
import { tmpdir } from 'node:os';

const HAI_DUONG = 'published/review-2022-hai-duong-province-rise-from-rates.csv';
const check = (name: string) => checkBytes(readFileSync(join(FIXTURES, name)));

/** The brute force: every comparing kind that ran, listed over the whole table. */
function notComparedWhole(annex: Annex, ran: ReadonlySet<string>, findings: readonly Finding[]): string[] {
  const blank = new Set(findings.filter((f) => f.msg.id === 'missing.blank-indicator').map((f) => f.indicator));
  const given = annex.indicators.filter((i) => !blank.has(i) && Array.from({ length: annex.units.length }, (_, u) => annex.values.get(u, i)).some((v) => v?.status === 'ok'));
  const ctx = { annex, depth: depthOfTable(annex), report() {}, skip() {}, fold() {}, checked() {} };
  const read = new Set<string>();
  for (const kind of RELATION_KINDS) {
    if (!COMPARING_CHECKS.has(kind.id) || !ran.has(kind.id)) continue;
    for (const r of kind.instances(ctx)) for (const c of r.cells) read.add(c.indicator);
  }
  return given.filter((i) => !read.has(i));
}

describe('indicators read and compared with nothing', () => {
  it('Hải Dương 2022: its rises and start rates, at their labels', () => {
    const r = check(HAI_DUONG);
    expect(r.coverage.ran).toEqual(['range', 'implied-households', 'precision']);
    expect(r.coverage.notCompared).toEqual([
      { indicator: 'poor_new', cell: 'F1' },
      { indicator: 'near_poor_new', cell: 'G1' },
      { indicator: 'rate_start', cell: 'H1' },
      { indicator: 'near_poor_rate_start', cell: 'I1' },
    ]);
  });

  it('none on the seed, whose every figure some check reads', () => {
    expect(check('tuyen-quang-2020.csv').coverage.notCompared).toEqual([]);
  });

  it('none on a generated national table of 3,000 units (the sample of units finds every indicator read)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-compared-')), 'table.csv');
    // The bench's generator (plain JavaScript, untyped).
    const gen = '../../bench/gen-table.mjs';
    const { writeTable } = (await import(gen)) as { writeTable: (units: number, out: string, o: object) => Promise<unknown> };
    await writeTable(3_000, file, { districts: 200, provinces: 20 });
    expect(checkBytes(readFileSync(file)).coverage.notCompared).toEqual([]);
  });

  it('the sample agrees with the whole table on every fixture (the same on up to 64 units, never fewer named above)', async () => {
    const files = execFileSync('git', ['ls-files', 'fixtures'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(csv|txt|xlsx|xlsm|fods)$/.test(f) && !f.includes('/plans/'));
    let compared = 0;
    for (const f of files) {
      const r = await validateFile(join(ROOT, f));
      if (!r.annex || !r.coverage || !r.coverage.ran.some((id) => COMPARING_CHECKS.has(id))) continue;
      const ran = new Set(r.coverage.ran);
      const sampled = indicatorsNotCompared(r.annex, ran, r.findings);
      const whole = notComparedWhole(r.annex, ran, r.findings);
      if (r.annex.units.length <= 64) expect(sampled, f).toEqual(whole);
      else expect(sampled, f).toEqual(expect.arrayContaining(whole));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  }, 60_000);

  it('a rule switched off compares nothing: the seed without sum and flow leaves its reductions in households', () => {
    const r = checkBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv')), { rules: { sum: 'off', flow: 'off' } });
    expect(r.coverage.notCompared?.map((n) => n.indicator)).toEqual(['poor_reduced']);
  });

  it('none when nothing was compared (the verdict says the table was not checked)', () => {
    const r = check('published/review-2024-sop-cop-district-rate-fall-ethnic-minority-bound.csv');
    expect(r.coverage.ran.some((id) => COMPARING_CHECKS.has(id))).toBe(false);
    expect(r.coverage.notCompared).toEqual([]);
  });
});

describe('the reports name them', () => {
  it('in the verdict, Vietnamese and English', async () => {
    const vi = await cli(['validate', join('fixtures', HAI_DUONG), '--no-table']);
    expect(vi.code).toBe(0);
    expect(vi.stdout.split('\n')[0]).toContain(
      'không có lỗi — 0 lỗi, 0 cảnh báo, 0 thông tin — 3/3 phép kiểm tra đã chạy; đọc được nhưng không đối chiếu với số liệu nào khác: Số hộ nghèo phát sinh (F1), Số hộ cận nghèo phát sinh (G1), Tỷ lệ hộ nghèo đầu năm (H1) và Tỷ lệ hộ cận nghèo đầu năm (I1)',
    );
    const en = await cli(['validate', join('fixtures', HAI_DUONG), '--no-table', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toContain('3 of 3 checks ran; read, but checked against no other figure: Newly poor households (F1),');
  });

  it('in the JSON report, with the label as the report words it', async () => {
    const r = await cli(['validate', join('fixtures', HAI_DUONG), '--format', 'json']);
    const coverage = JSON.parse(r.stdout).files[0].coverage;
    expect(coverage.notCompared[2]).toEqual({ indicator: 'rate_start', label: 'Tỷ lệ hộ nghèo đầu năm', cell: 'H1' });
    const seed = await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '--format', 'json']);
    expect(JSON.parse(seed.stdout).files[0].coverage.notCompared).toEqual([]);
  });

  it('an indicator over several years at one label once, with its years (Bắc Giang: eight years of a row)', async () => {
    const f = 'fixtures/published/indicators-bac-giang-years-as-columns.csv';
    const vi = await cli(['validate', f, '--no-table']);
    expect(vi.stdout.split('\n')[0]).toMatch(/đọc được nhưng không đối chiếu với số liệu nào khác: Số hộ thoát nghèo \(năm 2011–2018\) \(A7\)$/);
    const en = await cli(['validate', f, '--no-table', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toMatch(/read, but checked against no other figure: Households that left the poor \(2011–2018\) \(A7\)$/);
    const json = JSON.parse((await cli(['validate', f, '--format', 'json'])).stdout).files[0].coverage.notCompared;
    expect(json).toHaveLength(8);
  });

  it('a clean seed verdict stays as it was', async () => {
    const r = await cli(['validate', 'fixtures/tuyen-quang-2020.csv', '--no-table']);
    expect(r.stdout.split('\n')[0]).not.toContain('đối chiếu');
  });
});
