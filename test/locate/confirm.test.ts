/**
 * Confirming a cause runs the rules that can report errors on the corrected copy of the table (locate/confirm.ts):
 * the warning-only rules (denominator, precision) are never asked, not even whether they apply. precision's
 * `applicable` reads every unit's rates, and on a corrected copy (values in an overlay, not in the columns) a
 * national table's million units one `Value` at a time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkBytes, checkRecords, fixtures } from '../helpers.js';
import { KEEP_UP_TO } from '../../src/relations/checked.js';
import { precisionKind } from '../../src/relations/precision.js';
import { denominatorKind } from '../../src/relations/denominator.js';
import type { Annex } from '../../src/model/annex.js';

const { wideRecords, SEED } = fixtures;

afterEach(() => vi.restoreAllMocks());

/** The tables precision and denominator are asked `applicable` about while `check` runs. */
function askedWhile(check: () => { annex?: Annex; localisation: { status: string } }): { asked: Annex[]; annex: Annex | undefined } {
  const asked: Annex[] = [];
  for (const kind of [precisionKind, denominatorKind]) {
    const applicable = kind.applicable!.bind(kind);
    vi.spyOn(kind as Required<typeof kind>, 'applicable').mockImplementation((annex: Annex) => (asked.push(annex), applicable(annex)));
  }
  const r = check();
  expect(r.localisation.status).toBe('found');
  return { asked, annex: r.annex };
}

describe('confirming a cause', () => {
  it('asks the warning-only rules nothing about a corrected small table (its rules\' run is kept)', () => {
    const { asked, annex } = askedWhile(() => checkRecords(wideRecords(SEED, { texts: { 'poor_end:5': '3.709' } })));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a === annex)).toBe(true);
  });

  it(`nor about a corrected table of more than ${KEEP_UP_TO} units (its rules asked again)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-confirm-'));
    try {
      const file = join(dir, 't.csv');
      // The bench's generator (plain JavaScript, untyped): a national table with one slip.
      const gen = '../../bench/gen-table.mjs';
      const { writeTable } = (await import(gen)) as { writeTable: (units: number, out: string) => Promise<unknown> };
      await writeTable(KEEP_UP_TO + 500, file);
      const { asked, annex } = askedWhile(() => checkBytes(new Uint8Array(readFileSync(file))));
      expect(asked.length).toBeGreaterThan(0);
      // Each asked about the table as read only: a corrected copy is another object of the same units.
      expect(asked.every((a) => a === annex)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
