/**
 * Each record ends at its own line break (issue 13, item 11): a file whose lines end in CRLF, LF and CR
 * mixed (edited on several systems) reads as the same table as a clean one, and
 * `fix` keeps every line ending as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { checkBytes, cli, essence, fixtures } from '../helpers.js';

/** Records joined with the given endings in turn; fields with a quote or delimiter quoted. */
function withEndings(records: string[][], endings: string[], delimiter = ';'): Buffer {
  const field = (f: string) => (/[";\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return Buffer.from('\ufeff' + records.map((r, i) => r.map(field).join(delimiter) + endings[i % endings.length]).join(''), 'utf8');
}

const WIDE = fixtures.wideRecords();
const clean = checkBytes(withEndings(WIDE, ['\r\n']));

describe.each([
  ['CRLF and LF alternating', ['\r\n', '\n']],
  ['LF and CR alternating', ['\n', '\r']],
  ['CR only', ['\r']],
  ['CR, CRLF, LF', ['\r', '\r\n', '\n']],
])('%s', (_name, endings) => {
  const bytes = withEndings(WIDE, endings);

  it('reads the same grid as the clean file', () => {
    const grid = gridFromBytes(bytes);
    expect(grid.rows.map((r) => r.map((c) => c.raw))).toEqual(gridFromBytes(withEndings(WIDE, ['\r\n'])).rows.map((r) => r.map((c) => c.raw)));
  });

  it('and the same findings (no invented errors)', () => {
    expect(checkBytes(bytes).findings.map(essence)).toEqual(clean.findings.map(essence));
  });

  it('with a quoted field (csv-parse reads from there on)', () => {
    const quoted = WIDE.map((r, i) => (i === 2 ? [r[0]!, `${r[1]!} "x"`, ...r.slice(2)] : r));
    const grid = gridFromBytes(withEndings(quoted, endings));
    expect(grid.rows).toHaveLength(WIDE.length);
    expect(grid.rows[2]![1]!.raw).toBe(`${WIDE[2]![1]} "x"`);
  });
});

describe('a long table with mixed endings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-eol-'));
  const records = fixtures.hierarchyRecords(fixtures.hierarchyUnits(3));
  const mixed = join(dir, 'mixed.csv');
  writeFileSync(mixed, withEndings(records, ['\r\n', '\n', '\r']));
  const plain = join(dir, 'plain.csv');
  writeFileSync(plain, withEndings(records, ['\n']));

  it('the findings of the clean file', async () => {
    const a = await cli(['validate', mixed, '--format', 'json']);
    const b = await cli(['validate', plain, '--format', 'json']);
    expect(a.code).toBe(b.code);
    const f = (r: typeof a) => JSON.parse(r.stdout).files[0].findings.map((x: { rule: string; cell: string }) => `${x.rule} ${x.cell}`);
    expect(f(a)).toEqual(f(b));
  });
});

describe('fix keeps each line ending', () => {
  it('corrects the cell and changes no other byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-eol-fix-'));
    const planted = WIDE.map((r) => [...r]);
    planted[5]![4] = '3.675'; // Sơn Dương, poor_end (3.657 transposed)
    const input = join(dir, 'in.csv');
    const bytes = withEndings(planted, ['\r\n', '\n', '\r']);
    writeFileSync(input, bytes);
    const out = join(dir, 'fixed.csv');
    const r = await cli(['fix', input, '-o', out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(out).toString()).toBe(bytes.toString().replace('3.675', '3.657'));
  });
});
