import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, loadConfig, parseConfig, schemaPath, shapeOptionsOf } from '../src/config.js';
import { PovcheckError } from '../src/errors.js';
import { catalog } from '../src/messages/index.js';
import { RULE_IDS } from '../src/rules/index.js';
import { INDICATORS } from '../src/model/indicators.js';
import { vocabularyKeys } from '../src/model/vocabulary.js';
import { checkRecords, fixtures } from './helpers.js';

const message = (e: PovcheckError, lang: 'vi' | 'en') => (catalog(lang).errors[e.code] as (p: unknown) => string)(e.params);
async function problem(text: string): Promise<PovcheckError> {
  try {
    await parseConfig(text, 'povcheck.config.json');
  } catch (e) {
    if (e instanceof PovcheckError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('finding the configuration', () => {
  it('is found in the working directory or a folder above it; --config names one; --no-config none', async () => {
    const root = mkdtempSync(join(tmpdir(), 'povcheck-config-'));
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(await findConfig(deep)).toBeUndefined();
    writeFileSync(join(root, 'povcheck.config.json'), '{"lang": "en"}');
    expect(await findConfig(deep)).toBe(join(root, 'povcheck.config.json'));
    expect(await loadConfig(undefined, deep)).toMatchObject({ lang: 'en' });
    expect(await loadConfig(false, deep)).toBeUndefined();
    writeFileSync(join(root, 'a', 'other.json'), '{"lang": "vi"}');
    expect(await loadConfig('../other.json', deep)).toMatchObject({ lang: 'vi', path: '../other.json' });
    await expect(loadConfig('missing.json', deep)).rejects.toMatchObject({ code: 'CONFIG_INVALID', params: { reason: 'not-found' } });
  });
});

describe('validating the configuration against its JSON Schema', () => {
  it('accepts a full configuration', async () => {
    const c = await parseConfig(
      JSON.stringify({
        $schema: './node_modules/povcheck/schema/povcheck.config.schema.json',
        locale: 'vi',
        lang: 'vi',
        strict: false,
        failOn: 'warning',
        sheet: 2,
        rules: { denominator: 'off', unknown: 'error' },
        labels: { poor_end: ['Số hộ nghèo còn lại cuối năm'] },
        totalNames: ['Tỉnh Tuyên Quang'],
        unitAliases: { 'Thành phố Tuyên Quang': ['TP Tuyên Quang'] },
        targets: [{ unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' }],
      }),
      'c.json',
    );
    expect(c).toMatchObject({ sheet: '2', rules: { denominator: 'off' }, failOn: 'warning' });
  });

  it.each([
    ['{"rules": {"denominator": "of"}}', '/rules/denominator must be one of off, error, warning, info'],
    ['{"rules": {"denominatr": "off"}}', '/rules has an unknown key "denominatr"'],
    ['{"strict": "yes"}', '/strict must be true or false'],
    ['{"colour": true}', 'the top level has an unknown key "colour"'],
    ['{"targets": [{"unit": "Na Hang", "op": ">=", "value": "4"}]}', '/targets/0 lacks "indicator"'],
    ['{"targets": [{"unit": "Na Hang", "indicator": "rate_reduced", "op": ">=", "value": "4,0"}]}', '/targets/0/value is not in the expected form'],
    ['{"labels": {"poor_end": "Số hộ nghèo còn lại"}}', '/labels/poor_end must be a list'],
  ])('%s → %s', async (text, expected) => {
    const e = await problem(text);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.file).toBe('povcheck.config.json');
    expect(message(e, 'en')).toContain(expected);
    expect(message(e, 'vi')).toMatch(/tệp cấu hình không khớp lược đồ/);
  });

  it('says so when the file is not JSON', async () => {
    const e = await problem('{ "lang": "vi", }');
    expect(message(e, 'en')).toMatch(/not valid JSON/);
    expect(message(e, 'vi')).toMatch(/không phải JSON hợp lệ/);
    // Where it stops being JSON, as a targets file's mistake is placed (read/json-place.ts).
    const placed = await problem('{\n  "lang": "vi",\n  "rules": { "denominator": "off", }\n}');
    expect(message(placed, 'en')).toMatch(/^the configuration file is not valid JSON at line 3, column 36 \(/);
    expect(message(placed, 'vi')).toMatch(/^tệp cấu hình không phải JSON hợp lệ: lỗi ở dòng 3, cột 36 \(/);
  });

  it('the schema lists every rule id and indicator key (kept in step with the code)', () => {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8'));
    expect(schema.properties.rules.propertyNames.enum).toEqual(RULE_IDS.map((r) => r.id));
    // Any key of the vocabulary (docs/input.md), the annex's eight first.
    expect(schema.properties.labels.propertyNames.enum).toEqual(vocabularyKeys());
    expect(schema.properties.targets.items.properties.indicator.enum).toEqual([...INDICATORS]);
  });
});

describe('what the configuration changes', () => {
  const { wideRecords, UNITS } = fixtures;

  it('an extra label makes an unknown row an indicator', async () => {
    const records = wideRecords();
    // A wording povcheck cannot read for its parts (no population, phase or measure words).
    records[5]![1] = 'Còn lại';
    expect(checkRecords(records).findings.some((f) => f.rule === 'unknown')).toBe(true);
    const opts = shapeOptionsOf(await parseConfig('{"labels": {"poor_end": ["Còn lại"]}}', 'c'));
    const r = checkRecords(records, opts);
    expect(r.findings.some((f) => f.rule === 'unknown')).toBe(false);
    expect(r.annex.indicators).toContain('poor_end');
  });

  it('an extra total name makes that column the total', async () => {
    const units = ['Tỉnh Tuyên Quang', ...UNITS.slice(1)];
    const records = wideRecords(undefined, { units });
    // Without it the province is the total only because its figures are the districts' sums (an info says so).
    const bySums = checkRecords(records);
    expect(bySums.annex.total?.name).toBe('Tỉnh Tuyên Quang');
    expect(bySums.findings.some((f) => f.msg.id === 'sum.total-by-sums')).toBe(true);
    // Without it, and with a slip in all but two counts, no unit is the total: the sums are not checked, and the coverage says why.
    const slipped = records.map((r, i) => (i >= 3 && i <= 5 ? [...r.slice(0, 3), String(Number(r[3]!.replace(/\./g, '')) + 1), ...r.slice(4)] : r));
    const none = checkRecords(slipped);
    expect(none.annex.total).toBeUndefined();
    expect(none.coverage.notRun).toContainEqual({ check: 'sum', reason: { id: 'skip.no-total', params: {} } });
    const r = checkRecords(records, shapeOptionsOf(await parseConfig('{"totalNames": ["Tỉnh Tuyên Quang"]}', 'c')));
    expect(r.findings.some((f) => f.msg.id === 'sum.total-assumed' || f.msg.id === 'sum.total-by-sums')).toBe(false);
    expect(r.annex.total?.name).toBe('Tỉnh Tuyên Quang');
    expect(r.coverage.ran).toContain('sum');
  });

  it('unit aliases make two names one unit (a duplicate), with the canonical key', async () => {
    const units = [...UNITS];
    units[3] = 'Thị xã Tuyên Quang';
    units[4] = 'Thành phố Tuyên Quang';
    const records = wideRecords(undefined, { units });
    expect(checkRecords(records).findings.some((f) => f.rule === 'duplicate')).toBe(false);
    const r = checkRecords(records, shapeOptionsOf(await parseConfig('{"unitAliases": {"Thành phố Tuyên Quang": ["Thị xã Tuyên Quang"]}}', 'c')));
    expect(r.findings.find((f) => f.rule === 'duplicate')).toMatchObject({ unit: 'Thành phố Tuyên Quang', at: { ref: 'H1' } });
    expect(r.annex.units.at(3)).toMatchObject({ name: 'Thị xã Tuyên Quang', key: 'thanh pho tuyen quang' });
  });

  it('needs no alias for a level\'s abbreviation: TP Tuyên Quang and Thành phố Tuyên Quang are one unit', () => {
    const units = [...UNITS];
    units[4] = 'Thành phố Tuyên Quang';
    const r = checkRecords(wideRecords(undefined, { units }));
    expect(r.findings.find((f) => f.rule === 'duplicate')).toMatchObject({ unit: 'Thành phố Tuyên Quang', at: { ref: 'H1' } });
  });
});
