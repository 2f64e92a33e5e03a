/**
 * A long table through the CLI (in this process: `cli`), whatever its size (one pipeline, issue 14): its errors
 * localised, the configuration's total names taken, and the text report's table drawn only up to
 * MAX_TABLE_UNITS units (reporters/text.ts), the one rule for every table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixtures, type CliRun } from '../helpers.js';
import { HEAD_ROWS } from '../../src/read/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-cli-long-'));

function planted(): string {
  const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
  units.find((u) => u.name === 'Xã 3 Chiêm Hóa')!.households_end = '1';
  const f = join(dir, 'planted.csv');
  writeFileSync(f, fixtures.serialize(fixtures.hierarchyRecords(units)));
  return f;
}

/** The three-level fixture's communes repeated until the table has more rows than are shaped before the rest is read. */
function big(): string {
  const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
  const commune = units.find((u) => u.name === 'Xã 3 Chiêm Hóa')!;
  const more = Array.from({ length: HEAD_ROWS + 500 }, (_, i) => ({ ...commune, code: `${commune.code}${i}`, parent: '', name: `Xã thêm ${i}` }));
  const f = join(dir, 'big.csv');
  writeFileSync(f, fixtures.serialize(fixtures.hierarchyRecords([...units, ...more])));
  return f;
}

describe('a long table through the CLI', () => {
  /** The big table, read once for both of its reports (JSON and text). */
  const bigRun: { code?: number; json?: string; text?: string } = {};
  beforeAll(async () => {
    const [json, text] = [join(dir, 'big.json'), join(dir, 'big.txt')];
    const r: CliRun = await cli(['validate', big(), '--lang', 'en', '--format', 'json', '-o', json, '--format', 'text', '-o', text]);
    Object.assign(bigRun, { code: r.code, json: readFileSync(json, 'utf8'), text: readFileSync(text, 'utf8') });
  }, 120_000); // a hang guard, as runCli's; not a duration

  it('localises a planted error to its cell', async () => {
    const r = await cli(['validate', planted(), '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.localisation.status).toBe('found');
    expect(file.causes[0].cells).toHaveLength(1);
  });

  it('reads the rows after the first ones as the first ones: each extra orphan is reported, at its cell', () => {
    expect(bigRun.code).toBe(1);
    const orphans = JSON.parse(bigRun.json!).files[0].findings.filter((f: { message: string }) => /outside the tree|orphan|no parent/i.test(f.message) || false);
    const hierarchy = JSON.parse(bigRun.json!).files[0].findings.filter((f: { rule: string }) => f.rule === 'hierarchy');
    expect(hierarchy).toHaveLength(HEAD_ROWS + 500);
    expect(hierarchy[hierarchy.length - 1].cell).toMatch(/^[A-Z]+\d+$/);
    expect(orphans.length).toBeLessThanOrEqual(hierarchy.length);
  });

  it("takes the configuration's total names", async () => {
    const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
    units[0]!.name = 'Vùng X';
    units.find((u) => u.name === 'Na Hang')!.parent = '';
    const file = join(dir, 'table.csv');
    writeFileSync(file, fixtures.serialize(fixtures.hierarchyRecords(units)));
    writeFileSync(join(dir, 'povcheck.config.json'), JSON.stringify({ totalNames: ['Vung X'] }));
    const r = await cli(['validate', file, '--format', 'json', '--lang', 'en', '--config', join(dir, 'povcheck.config.json')]);
    const orphans = (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ rule: string; unit: string }> }> }).files[0]!.findings.filter((f) => f.rule === 'hierarchy').map((f) => f.unit);
    expect(orphans).toEqual(['Na Hang']);
  });

  it('draws the table of 29 units under the text report, and says a table of more than 100 is not drawn', async () => {
    const small = await cli(['validate', 'fixtures/variants/hierarchy-3-levels.csv', '--lang', 'en']);
    expect(small.code).toBe(0);
    expect(small.stdout).not.toMatch(/too many to print here/);
    expect(bigRun.text).toMatch(new RegExp(`The table has ${(29 + HEAD_ROWS + 500).toLocaleString('en-US')} units, too many to print here`));
  });
});
