/** The calculator's workbook (`table --format xlsx`), read back by `validate`: numbers as numbers, 0 errors. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('povcheck table --format xlsx, then validate', () => {
  it.each(['vi', 'en'])('--lang %s: the computed annex validates with 0 errors, read as a workbook', async (lang) => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-roundtrip-')), 'annex.xlsx');
    expect((await cli(['table', 'fixtures/calc/seed-base-counts.csv', '--format', 'xlsx', '--lang', lang, '-o', out])).code).toBe(0);
    const r = await cli(['validate', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.source.kind).toBe('workbook');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(file.findings.find((f: { rule: string }) => f.rule === 'denominator')).toMatchObject({ unit: expect.any(String), expected: '1.99', actual: '2.06' });
  });
});
