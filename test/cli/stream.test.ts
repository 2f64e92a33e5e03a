/**
 * The built CLI with the streaming path forced (POVCHECK_STREAM=always, which runs it in its worker thread)
 * prints the same JSON report as the in-memory path; tables it does not stream fall back to the in-memory
 * path unchanged.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-cli-stream-'));

/** A JSON report without the likely causes, which only the in-memory path computes. */
function withoutCauses(stdout: string) {
  const doc = JSON.parse(stdout);
  for (const f of doc.files) {
    delete f.causes;
    delete f.localisation;
  }
  return doc;
}

function planted(): string {
  const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
  units.find((u) => u.name === 'Xã 3 Chiêm Hóa')!.households_end = '1';
  units.find((u) => u.name === 'Na Hang')!.rate_start = '29,65';
  const f = join(dir, 'planted.csv');
  writeFileSync(f, fixtures.serialize(fixtures.hierarchyRecords(units)));
  return f;
}

describe('validate with the streaming path forced', () => {
  it.each([
    ['the three-level fixture', 'fixtures/variants/hierarchy-3-levels.csv'],
    ['a three-level table with planted errors', planted()],
    ['the wide seed annex (not streamed: falls back)', 'fixtures/tuyen-quang-2020.csv'],
    ['an unreadable file', 'fixtures/legacy/tcvn3.csv'],
  ])('%s: the same JSON report and exit code', (_name, file) => {
    const memory = runCli(['validate', file, '--format', 'json', '--lang', 'en'], { env: { POVCHECK_STREAM: 'never' } });
    const streamed = runCli(['validate', file, '--format', 'json', '--lang', 'en'], { env: { POVCHECK_STREAM: 'always' } });
    expect(streamed.stderr).toBe(memory.stderr);
    expect(withoutCauses(streamed.stdout)).toEqual(withoutCauses(memory.stdout));
    expect(streamed.code).toBe(memory.code);
  });

  it('localises nothing in a streamed table (it is not kept), and says clean when nothing fails', () => {
    const clean = JSON.parse(runCli(['validate', 'fixtures/variants/hierarchy-3-levels.csv', '--format', 'json'], { env: { POVCHECK_STREAM: 'always' } }).stdout);
    expect(clean.files[0].localisation).toMatchObject({ status: 'clean', failing: 0 });
    const broken = JSON.parse(runCli(['validate', planted(), '--format', 'json'], { env: { POVCHECK_STREAM: 'always' } }).stdout);
    expect(broken.files[0].localisation).toBeNull();
    expect(broken.files[0].causes).toEqual([]);
  });

  it('does not call a table clean whose failing checks were re-levelled to warnings (as in memory)', () => {
    const args = ['validate', planted(), '--format', 'json', '--rule', 'sum=warning', '--rule', 'rate=warning', '--rule', 'rate-change=warning', '--rule', 'range=warning'];
    const memory = JSON.parse(runCli(args, { env: { POVCHECK_STREAM: 'never' } }).stdout);
    expect(memory.files[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(memory.files[0].localisation.status).not.toBe('clean');
    const streamed = JSON.parse(runCli(args, { env: { POVCHECK_STREAM: 'always' } }).stdout);
    expect(streamed.files[0].localisation).toBeNull();
  });

  it("takes the configuration's total names, as in memory", () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-stream-total-'));
    const units = fixtures.hierarchyUnits(3).map((u) => ({ ...u }));
    units[0]!.name = 'Vùng X';
    units.find((u) => u.name === 'Na Hang')!.parent = '';
    const file = join(dir, 'table.csv');
    writeFileSync(file, fixtures.serialize(fixtures.hierarchyRecords(units)));
    writeFileSync(join(dir, 'povcheck.config.json'), JSON.stringify({ totalNames: ['Vung X'] }));
    const args = ['validate', file, '--format', 'json', '--lang', 'en', '--config', join(dir, 'povcheck.config.json')];
    const memory = runCli(args, { env: { POVCHECK_STREAM: 'never' } });
    const streamed = runCli(args, { env: { POVCHECK_STREAM: 'always' } });
    const orphans = (out: string) => (JSON.parse(out) as { files: Array<{ findings: Array<{ rule: string; unit: string }> }> }).files[0]!.findings.filter((f) => f.rule === 'hierarchy').map((f) => f.unit);
    expect(orphans(memory.stdout)).toEqual(['Na Hang']);
    expect(orphans(streamed.stdout)).toEqual(orphans(memory.stdout));
    expect(withoutCauses(streamed.stdout)).toEqual(withoutCauses(memory.stdout));
  });

  it('says in the text report that a streamed table is not drawn', () => {
    const r = runCli(['validate', 'fixtures/variants/hierarchy-3-levels.csv', '--lang', 'en'], { env: { POVCHECK_STREAM: 'always' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/The table has 29 units, too many to print here/);
    expect(r.stderr).toBe('');
  });
});
