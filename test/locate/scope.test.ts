/**
 * Localisation over the failing relations' component (the default: units loaded as the search reaches them,
 * causes confirmed on the changed units' relations) gives exactly what the system over every relation of the
 * table gives (`whole`, the brute force): on random three-level tables (rows in any order) and random
 * one-level tables with one or two planted slips, and on every planted cell of the shapes' tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { INDICATORS, indicatorKind, type CoreIndicator } from '../../src/model/indicators.js';
import type { Annex } from '../../src/model/annex.js';
import { locate, type LocateOptions } from '../../src/locate/index.js';
import { runRules } from '../../src/rules/index.js';
import { checkRecords, fixtures, FIXTURES, ROOT } from '../helpers.js';
import { plantText, run, slipsOf } from './plant.js';

const SEED_RUN = Number(process.env.PROP_SEED ?? 20261201);
const { hierarchyUnits, hierarchyRecords, wideRecords, SEED } = fixtures as typeof fixtures & { SEED: Record<string, string[]> };

/** Both ways (and, with `all`, again with every cause listed). */
function expectSame(annex: Annex, all = false): string {
  const { findings, loc } = run(annex);
  expect(loc).toEqual(locate(annex, findings, { whole: true }));
  // As `checkGrid` runs it on a small table: with the relations the rules kept (their instances, their findings).
  expect(locate(annex, findings, { checked: runRules(annex, undefined, { keep: true }).checked! })).toEqual(loc);
  const every: LocateOptions = { maxCauses: Infinity };
  if (all) expect(locate(annex, findings, every)).toEqual(locate(annex, findings, { ...every, whole: true }));
  return loc.status;
}

/** A slip (by pick) of one cell, typed into the annex; undefined when the value has none. */
function plant(annex: Annex, unit: number, ind: CoreIndicator, pick: number): Annex | undefined {
  const v = annex.values.get(unit, ind);
  if (v?.status !== 'ok') return undefined;
  const slips = slipsOf(v.plain!, ind, (i) => {
    const w = annex.values.get(unit, i);
    return w?.status === 'ok' ? w.plain : undefined;
  });
  if (slips.length === 0) return undefined;
  return plantText(annex, unit, ind, slips[pick % slips.length]!.text);
}

const plantArb = fc.record({ unit: fc.nat(), ind: fc.constantFrom(...INDICATORS), pick: fc.nat() });

/** One or two slips planted (the second may fall on the first's cell: then one). */
function planted(annex: Annex, plants: ReadonlyArray<{ unit: number; ind: CoreIndicator; pick: number }>): Annex | undefined {
  let out: Annex | undefined = annex;
  for (const p of plants) out = out && plant(out, p.unit % annex.units.length, p.ind, p.pick);
  return out;
}

describe('the component-restricted localisation equals the whole-table one', () => {
  it('on three-level tables (province, districts, communes; rows in any order) with one or two slips', () => {
    const statuses = new Set<string>();
    // The table of (perDistrict, shuffle % 5), read once: the plants go on an overlay, never into the table.
    const tables = new Map<string, Annex>();
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.nat(), fc.array(plantArb, { minLength: 1, maxLength: 2 }), (perDistrict, shuffle, plants) => {
        const units = hierarchyUnits(perDistrict);
        // Some communes moved to the end of the table: a tree the rows do not follow.
        const moved = units.filter((_u, i) => i > 0 && (i * 7 + shuffle) % 5 === 0);
        const rows = [...units.filter((u) => !moved.includes(u)), ...moved];
        const key = `${perDistrict} ${shuffle % 5}`;
        if (!tables.has(key)) tables.set(key, checkRecords(hierarchyRecords(rows)).annex);
        const annex = tables.get(key)!;
        const p = planted(annex, plants);
        fc.pre(p !== undefined);
        statuses.add(expectSame(p!, true));
      }),
      { seed: SEED_RUN, numRuns: Number(process.env.PROP_RUNS ?? 40) },
    );
    expect(statuses).toContain('found');
  });

  it('on the seed annex and one-level tables with one or two slips', () => {
    const seed = checkRecords(wideRecords()).annex;
    const longSeed = checkRecords(fixtures.longRecords(SEED)).annex;
    fc.assert(
      fc.property(fc.array(plantArb, { minLength: 1, maxLength: 2 }), fc.boolean(), (plants, long) => {
        const annex = long ? longSeed : seed;
        const p = planted(annex, plants);
        fc.pre(p !== undefined);
        expectSame(p!, true);
      }),
      { seed: SEED_RUN, numRuns: Number(process.env.PROP_RUNS ?? 60) },
    );
  });

  const SHAPES = ['review-point', 'blocks', 'form-flows', 'flows-wide', 'of-which', 'partitions', 'rates-only', 'years-columns', 'years-rows', 'years-rows-long', 'targets-achievement', 'targets-range'].map((n) => join(ROOT, 'test', 'shapes', `${n}.csv`));
  const PUBLISHED = ['review-2022-binh-dinh-urban-rural', 'review-2022-quang-binh-province-blocks', 'national-2023-poor-districts-of-which', 'review-2021q2-ben-tre-breakdown'].map((n) => join(FIXTURES, 'published', `${n}.csv`));
  it.each([...SHAPES, ...PUBLISHED].map((f) => [f.split('/').pop()!, f]))('on planted cells of %s (each relation kind the shape has)', (_name, file) => {
    const { annex } = shape(gridFromBytes(readFileSync(file)), {});
    // Of a big table about 60 cells, spread over it (each plant localised twice costs tens of milliseconds).
    const cells = [...annex.values].reduce((n, row) => n + Object.keys(row).length, 0);
    const every = Math.max(1, Math.ceil(cells / 60));
    let compared = 0;
    let n = 0;
    [...annex.units].forEach((_u, unit) => {
      for (const [slot, v] of Object.entries(annex.values.row(unit))) {
        if (v?.status !== 'ok' || n++ % every !== 0) continue;
        const slips = slipsOf(v.plain!, indicatorKind(slot) === 'count' ? 'households' : 'rate', () => undefined);
        const slip = slips.find((s) => s.kind === 'transposition') ?? slips.find((s) => s.kind === 'mistyped');
        if (!slip) continue;
        const p = plantText(annex, unit, slot, slip.text);
        if (expectSame(p) !== 'clean') compared++;
      }
    });
    expect(compared).toBeGreaterThan(0);
  });
});
