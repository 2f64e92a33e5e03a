/**
 * The rules' checked relations (relations/checked.ts), kept for locate, change nothing it says: the same
 * findings from the rules, the same findings near any unit as running the rules there again, the same
 * localisation (the kinds kept being the applicable ones, each instance's cells read once); on the seed
 * (wide and long) with slips planted in every cell, on three-level tables, on every planted fixture and on
 * published shapes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { applicableRules, runRules } from '../../src/rules/index.js';
import { RELATION_KINDS } from '../../src/relations/index.js';
import { compareFindings } from '../../src/model/finding.js';
import { INDICATORS } from '../../src/model/indicators.js';
import type { Annex } from '../../src/model/annex.js';
import { locate } from '../../src/locate/index.js';
import { findingsNear, keyOf } from '../../src/locate/confirm.js';
import { checkRecords, fixtures, FIXTURES } from '../helpers.js';
import { plantText, slipsOf } from '../locate/plant.js';

const { hierarchyUnits, hierarchyRecords, wideRecords, SEED } = fixtures as typeof fixtures & { SEED: Record<string, string[]> };

/** Every way locate reads the kept relations, against the same without them. */
function expectSame(annex: Annex): string {
  const plain = runRules(annex);
  const kept = runRules(annex, undefined, { keep: true });
  expect(kept.findings).toEqual(plain.findings);
  const checked = kept.checked!;
  expect(checked).toBeDefined();
  // The kinds run are the applicable ones (locate/confirm.ts asks them of a corrected copy), those kept all
  // but the `unkept`, and each instance's cells as the unit index read them are its cells.
  if (annex.units.length > 0) {
    const applicable = applicableRules(annex, RELATION_KINDS, []);
    expect(RELATION_KINDS.filter((k) => checked.ran(k.id)).map((k) => k.id)).toEqual(applicable.map((k) => k.id));
    expect(RELATION_KINDS.filter((k) => checked.of(k.id)).map((k) => k.id)).toEqual(applicable.filter((k) => !(k as { unkept?: true }).unkept).map((k) => k.id));
  }
  for (const k of RELATION_KINDS) {
    const verdicts = checked.of(k.id);
    if (!verdicts) continue;
    for (const i of checked.reading(k.id, [...annex.units].map((u) => u.id))) expect(checked.cellsOf(k.id, i)).toEqual(verdicts.instances[i]!.cells);
    // An instance that names its units (`unitIds`, indexed without its cells) names those of its cells; and the
    // instances read as reading a unit are those with a cell of it.
    for (const inst of verdicts.instances) {
      const ids = inst.unitIds?.();
      if (ids) expect(new Set(ids)).toEqual(new Set(inst.cells.map((c) => c.unit)));
    }
    for (const u of annex.units) {
      const plainScan = verdicts.instances.flatMap((inst, i) => (inst.cells.some((c) => c.unit === u.id) ? [i] : []));
      expect(checked.reading(k.id, [u.id])).toEqual(plainScan);
    }
  }
  // The findings near each unit: the rules' verdicts kept, the rules run again.
  for (const u of annex.units) {
    const keys = (fs: ReturnType<typeof findingsNear>) => fs.map(keyOf).sort();
    expect(keys(findingsNear(annex, [u], checked))).toEqual(keys(findingsNear(annex, [u])));
  }
  const findings = plain.findings.sort(compareFindings);
  const loc = locate(annex, findings);
  expect(locate(annex, findings, { checked })).toEqual(loc);
  return loc.status;
}

describe('locate on the rules’ checked relations', () => {
  it('gives what it gives without them: the seed, a slip in every cell', () => {
    const statuses = new Set<string>();
    for (const annex of [checkRecords(wideRecords()).annex, checkRecords(fixtures.longRecords(SEED)).annex]) {
      statuses.add(expectSame(annex));
      for (const u of annex.units) {
        for (const ind of INDICATORS) {
          const v = annex.values.get(u.id, ind);
          if (v?.status !== 'ok') continue;
          const slips = slipsOf(v.plain!, ind, (i) => {
            const w = annex.values.get(u.id, i);
            return w?.status === 'ok' ? w.plain : undefined;
          });
          for (const slip of slips.slice(0, 2)) statuses.add(expectSame(plantText(annex, u.id, ind, slip.text)));
        }
      }
    }
    expect(statuses).toContain('found');
  });

  it('gives what it gives without them: three-level tables with a slip', () => {
    const annex = checkRecords(hierarchyRecords(hierarchyUnits(3))).annex;
    expectSame(annex);
    const district = [...annex.units].find((u) => u.parent !== undefined && [...annex.units].some((c) => c.parent === u.id))!;
    const commune = [...annex.units].find((u) => u.parent === district.id)!;
    for (const [unit, ind] of [
      [commune, 'poor_end'],
      [district, 'households_start'],
      [commune, 'rate_end'],
    ] as const) {
      const v = annex.values.get(unit.id, ind);
      if (v?.status !== 'ok') continue;
      const slip = slipsOf(v.plain!, ind, () => undefined)[0]!;
      expect(expectSame(plantText(annex, unit.id, ind, slip.text))).toBe('found');
    }
  });

  it('gives what it gives without them: the planted and published fixtures', () => {
    const files = [
      ...readdirSync(join(FIXTURES, 'planted'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(FIXTURES, 'planted', f)),
      ...readdirSync(join(FIXTURES, 'published'))
        .filter((f) => f.endsWith('.csv'))
        .slice(0, 12)
        .map((f) => join(FIXTURES, 'published', f)),
    ];
    let shaped = 0;
    for (const file of files) {
      let annex: Annex;
      try {
        annex = shape(gridFromBytes(readFileSync(file)), {}).annex;
      } catch {
        continue;
      }
      shaped++;
      expectSame(annex);
    }
    expect(shaped).toBeGreaterThan(10);
  });
});
