/**
 * A kind that says it has no instances where it does not apply (`noneUnlessApplicable`: locate then does not list
 * them over a table the rules ran on) has none over any fixture it does not apply to; and each such kind applies
 * to some fixture (the test reads what it should).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { validateFile } from '../../src/pipeline.js';
import { RELATION_KINDS } from '../../src/relations/index.js';
import { appliesTo, depthOfTable } from '../../src/rules/index.js';
import type { Annex } from '../../src/model/annex.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(csv|tsv|txt|xlsx|xlsm|fods|docx)$/i.test(name) ? [p] : [];
  });
}

describe('noneUnlessApplicable', () => {
  const kinds = RELATION_KINDS.filter((k) => k.noneUnlessApplicable);

  it('is said by kinds that have an applicability', () => {
    expect(kinds.length).toBeGreaterThan(5);
    for (const k of kinds) expect(k.applicable, k.id).toBeDefined();
  });

  it('holds on every fixture: a kind that does not apply lists nothing', async () => {
    const annexes: Annex[] = [];
    for (const f of files(FIXTURES)) {
      const r = await validateFile(f);
      if (r.status !== 'unreadable' && r.annex && r.annex.units.length > 0) annexes.push(r.annex);
    }
    expect(annexes.length).toBeGreaterThan(50);
    const applied = new Set<string>();
    for (const annex of annexes) {
      const ctx = { annex, report: () => {}, skip: () => {}, depth: depthOfTable(annex), fold: () => {}, checked: () => {} };
      for (const kind of kinds) {
        if (appliesTo(kind, annex)) applied.add(kind.id);
        else expect([...kind.instances(ctx)], kind.id).toEqual([]);
      }
    }
    expect([...applied].sort()).toEqual(kinds.map((k) => k.id).sort());
  }, 120_000);
});
