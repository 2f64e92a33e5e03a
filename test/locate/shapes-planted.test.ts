/**
 * Planted slips in every shape (test/shapes/*.csv, and the published tables that are consistent): one cell at a
 * time gets a slip (two digits swapped, else one digit mistyped), and wherever that breaks a relation the error
 * is found, and the likely cause names the planted cell with the value that makes every relation hold (or
 * says honestly that several cells could explain it: never a confident wrong answer). Every relation kind
 * the shapes carry is broken by some plant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { indicatorKind } from '../../src/model/indicators.js';
import type { Annex } from '../../src/model/annex.js';
import { FIXTURES, ROOT } from '../helpers.js';
import { plantText, proposesAlone, run, slipsOf } from './plant.js';
import type { Localisation } from '../../src/locate/types.js';

const SHAPES = join(ROOT, 'test', 'shapes');
const TABLES: Array<[string, string]> = [
  ...['review-point', 'blocks', 'form-flows', 'flows-wide', 'of-which', 'partitions', 'rates-only', 'years-columns', 'years-rows', 'years-rows-long', 'targets-achievement', 'targets-range'].map(
    (n): [string, string] => [n, join(SHAPES, `${n}.csv`)],
  ),
  ...['review-2022-binh-dinh-urban-rural', 'review-2022-quang-binh-province-blocks', 'national-2023-poor-districts-of-which', 'review-2021q2-ben-tre-breakdown', 'gso-2002-2004-rates-by-area-and-region', 'yearbook-2016-quang-ngai-rates-by-year'].map(
    (n): [string, string] => [n, join(FIXTURES, 'published', `${n}.csv`)],
  ),
];

interface Outcome {
  table: string;
  cell: string;
  typed: string;
  rules: string[];
  problem?: string;
}

/** The plant of one cell: its first transposition, else its first mistyped digit. */
function plantFor(annex: Annex, unit: number, slot: string): string | undefined {
  const v = annex.values.row(unit)[slot]!;
  const slips = slipsOf(v.plain!, indicatorKind(slot) === 'count' ? 'households' : 'rate', () => undefined);
  return (slips.find((s) => s.kind === 'transposition') ?? slips.find((s) => s.kind === 'mistyped'))?.text;
}

function plantAll(table: string, file: string): Outcome[] {
  const { annex } = shape(gridFromBytes(readFileSync(file)), {});
  const before = new Set(run(annex).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.at?.ref}`));
  const out: Outcome[] = [];
  [...annex.units].forEach((_u, unit) => {
    for (const [slot, v] of Object.entries(annex.values.row(unit))) {
      if (v?.status !== 'ok') continue;
      const text = plantFor(annex, unit, slot);
      if (!text) continue;
      const planted = plantText(annex, unit, slot, text);
      const { findings, loc } = run(planted);
      const errors = findings.filter((f) => f.severity === 'error' && !before.has(`${f.rule}@${f.at?.ref}`));
      if (errors.length === 0) continue;
      const rules = [...new Set(errors.map((f) => f.rule))];
      // Only the relations locate explains (a `range` error alone has no cause to name).
      const explained = rules.some((r) => r !== 'range' && r !== 'number');
      out.push({ table, cell: v.cell.ref, typed: text, rules, ...(explained ? { problem: problemOf(loc, v.cell.ref, v.plain!) } : {}) });
    }
  });
  return out;
}

/**
 * Undefined when the localisation is right: the planted cell alone with its original value (the value, or a
 * range that holds it where rounded rates leave one) as the only cause, or among several listed honestly.
 */
function problemOf(loc: Localisation, ref: string, original: string): string | undefined {
  if (loc.status !== 'found') return `status ${loc.status}`;
  const causes = loc.parts ? loc.parts.flatMap((p) => p.causes) : loc.causes;
  const mine = causes.find((c) => proposesAlone(c, ref, original));
  if (!mine) return `planted cell not named: ${causes.map((c) => c.cells.map((x) => `${x.cell.ref}=${x.proposed ?? JSON.stringify(x.range)}`).join('+')).join(' | ')}`;
  if (causes[0]!.confidence === 'unique' && causes[0] !== mine) return 'a confident wrong answer';
  return undefined;
}

describe('a planted single-cell slip in every shape', () => {
  const outcomes = TABLES.flatMap(([t, f]) => plantAll(t, f));

  it('is found and localised to its cell with the value that makes every relation hold, or listed among several honestly', () => {
    const wrong = outcomes.filter((o) => o.problem !== undefined).map((o) => `${o.table} ${o.cell} typed ${o.typed} (${o.rules.join(',')}): ${o.problem}`);
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(300);
  });

  it('breaks, somewhere, each relation kind the shapes carry', () => {
    const broken = new Set(outcomes.flatMap((o) => o.rules));
    expect([...broken].sort()).toEqual(
      expect.arrayContaining(['achievement', 'balance', 'breakdown', 'combined', 'formula', 'implied-households', 'of-which', 'rate', 'rate-change', 'rate-mean', 'sum']),
    );
  });
});
