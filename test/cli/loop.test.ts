/**
 * A loop of parents is reported once with a bounded excerpt, in every report (issue 13, item 4): a 30,000-unit
 * loop used to put the whole loop into each unit's finding (a report of gigabytes, "Invalid string length", or
 * a V8 abort). A loop of 3,000 units shows that fault (its reports would be 72 MB, each finding naming all
 * 3,000 codes) and goes through both stages of a long table's reading (its first 301 rows shaped, the rest
 * read record by record); the CLI runs in this process (the hostile corpus runs such a loop through the built
 * binary too).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixtures, type CliRun } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = fixtures.hierarchyUnits(2);
/** A loop of n units V0 → V1 → … → V0 after the seed's tree; each unit consistent in itself (no other finding). */
function loopTable(n: number): string {
  const c = seed[2]!;
  const unit: Record<string, string> = { ...c, households_end: c.households_start!, rate_end: fixtures.annexRate(c.poor_end!, c.households_start!) };
  unit.rate_reduced = ((Math.round(Number(unit.rate_start) * 100) - Math.round(Number(unit.rate_end) * 100)) / 100).toFixed(2);
  const loop = Array.from({ length: n }, (_, i) => ({ ...unit, code: `V${i}`, parent: `V${(i + 1) % n}`, name: `Xã vòng ${i}` }));
  const file = join(dir, `loop-${n}.csv`);
  writeFileSync(file, fixtures.serialize(fixtures.hierarchyRecords([...seed, ...loop]), { delimiter: ';' }));
  return file;
}

const FORMATS = ['json', 'html', 'sarif', 'junit', 'gitlab', 'markdown', 'github', 'text'];

describe.each([['loop', 3_000]])('a loop of parents (%s of %i units)', (how, n) => {
  const outs = FORMATS.flatMap((f) => ['--format', f, '--output-file', join(dir, `${how}.${f}`)]);
  let r: CliRun;
  beforeAll(async () => {
    r = await cli(['validate', loopTable(n), '--lang', 'en', ...outs]);
  }, 120_000); // a hang guard, as runCli's; not a duration

  it('exits 1 with no internal error', () => {
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|Invalid string length/);
  });

  it.each(FORMATS)('the %s report grows with the table, not with the square of the loop, and names the loop in one finding', (f) => {
    const path = join(dir, `${how}.${f}`);
    // Linear: at most ~1.5 kB per unit (the HTML and JUnit reports list every unit); each of n findings naming
    // all n codes made n² (72 MB for 3,000 units, gigabytes for 30,000).
    expect(statSync(path).size).toBeLessThan(1_500 * n + 200_000);
    const text = readFileSync(path, 'utf8');
    // One finding (a report may show its message twice, as a title and as the body).
    expect(text.match(/loop of parents/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(text.match(/loop of parents/g)?.length ?? 0).toBeLessThanOrEqual(2);
    expect(text).toContain(`V0 → V1 → V2 → V3 → V4 → …; ${n.toLocaleString('en-US')} units in all`);
  });
});
