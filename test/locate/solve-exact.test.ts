/**
 * The solver's exact path (locate/solve-exact.ts, rationals on safe integers) against its decimal.js path
 * (solve.ts `solveDecimal`): wherever the exact path answers, it answers what decimal.js answers. Random
 * tables with random wrong cells (fast-check, seeded), every fixture with a table, and the saved slow input;
 * every single cell and a sample of pairs of each. The exact path must answer most candidates (else it
 * would compare nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/calc/decimal.js';
import { add, ceil, cmp, div, floor, fromDec, INEXACT, mul, ratio, roundHalfUp, sub, terminates, type Ratio } from '../../src/calc/ratio.js';
import { INDICATORS } from '../../src/model/indicators.js';
import type { Annex } from '../../src/model/annex.js';
import { buildSystem } from '../../src/locate/model.js';
import { solveDecimal, type SolveLimits } from '../../src/locate/solve.js';
import { solveExact } from '../../src/locate/solve-exact.js';
import { gridFromBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { checkRecords, fixtures } from '../helpers.js';

const SEED_RUN = Number(process.env.PROP_SEED ?? 20261202);
const LIMITS: SolveLimits = { enumLimit: 2_000 };
const ROOT = join(import.meta.dirname, '..', '..');

interface Tally {
  answered: number;
  asked: number;
}

/** Every single entered cell and up to `maxPairs` pairs (spread over the table): the two paths agree. */
function compareOn(annex: Annex, tally: Tally, maxPairs = 80): void {
  const sys = buildSystem(annex);
  const vars = [...sys.cells.keys()].filter(sys.isVar);
  const sets: string[][] = vars.map((v) => [v]);
  const stride = Math.max(1, Math.floor((vars.length * vars.length) / 2 / maxPairs));
  let k = 0;
  for (let i = 0; i < vars.length; i++) for (let j = i + 1; j < vars.length; j++) if (k++ % stride === 0) sets.push([vars[i]!, vars[j]!]);
  for (const set of sets) {
    const exact = solveExact(sys, set, LIMITS);
    tally.asked++;
    if (!exact) continue;
    tally.answered++;
    const decimal = solveDecimal(sys, set, LIMITS);
    expect({ set, kind: decimal.kind }).toEqual({ set, kind: exact.kind });
  }
}

const annexOfFile = (path: string): Annex | undefined => checkGrid(gridFromBytes(readFileSync(path))).annex;

describe('the exact solver answers as decimal.js does', () => {
  it('on random tables with random wrong cells', () => {
    const tally: Tally = { answered: 0, asked: 0 };
    const count = fc.integer({ min: 0, max: 90_000 });
    const rate = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));
    const unitArb = fc.record({ h0: fc.integer({ min: 1, max: 90_000 }), h1: fc.integer({ min: 1, max: 90_000 }), p0: count, pr: count, p1: count, r0: rate, rr: rate, r1: rate });
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 4 }), (units, wrong) => {
        // Consistent where the generator says so: the total is the sum of the units, each flow and rate holds; then a few cells wrong.
        const rows = units.map((u) => {
          const p0 = Math.min(u.p0, u.h0);
          const pr = Math.min(u.pr, p0);
          const p1 = Math.min(p0 - pr, u.h1);
          return { h0: u.h0, h1: u.h1, p0, pr: p0 - p1, p1, u };
        });
        const total = rows.reduce((t, r) => ({ h0: t.h0 + r.h0, h1: t.h1 + r.h1, p0: t.p0 + r.p0, pr: t.pr + r.pr, p1: t.p1 + r.p1 }), { h0: 0, h1: 0, p0: 0, pr: 0, p1: 0 });
        const all = [total, ...rows];
        const data: Record<string, string[]> = Object.fromEntries(INDICATORS.map((i) => [i, []]));
        for (const r of all) {
          const rs = new Dec(r.p0).mul(100).div(r.h0).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
          const re = new Dec(r.p1).mul(100).div(r.h1).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
          Object.entries({ households_start: r.h0, households_end: r.h1, poor_start: r.p0, poor_reduced: r.pr, poor_end: r.p1 }).forEach(([k, v]) => data[k]!.push(String(v)));
          data.rate_start!.push(rs.toFixed(2));
          data.rate_reduced!.push(rs.minus(re).toFixed(2));
          data.rate_end!.push(re.toFixed(2));
        }
        for (const [cell, unit, isRate] of wrong) {
          const u = unit % all.length;
          const ind = INDICATORS[cell % INDICATORS.length]!;
          const src = units[u % units.length]!;
          data[ind]![u] = isRate || ind.startsWith('rate') ? src.rr : String(src.p1);
        }
        const names = ['Toàn tỉnh', ...rows.map((_, i) => `Xã ${String.fromCharCode(65 + i)}`)];
        const annex = checkRecords(fixtures.wideRecords(data, { units: names })).annex;
        if (annex) compareOn(annex, tally, 60);
      }),
      { seed: SEED_RUN, numRuns: Number(process.env.PROP_RUNS ?? 25) },
    );
    expect(tally.answered).toBeGreaterThan(tally.asked / 2);
  });

  it('on every fixture table and the saved slow inputs', () => {
    const tally: Tally = { answered: 0, asked: 0 };
    const files = ['fixtures', 'fixtures/planted', 'fixtures/published', 'fixtures/variants', 'fixtures/shapes']
      .flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.csv')).map((f) => join(ROOT, d, f)))
      .concat(['fuzz-66.csv', 'extra-communes-60.csv'].map((f) => join(import.meta.dirname, 'slow-inputs', f)));
    for (const f of files) {
      let annex: Annex | undefined;
      try {
        annex = annexOfFile(f);
      } catch {
        continue; // not a table (fixtures of refusals)
      }
      if (annex) compareOn(annex, tally);
    }
    expect(tally.answered).toBeGreaterThan(tally.asked / 2);
  });
});

describe('rationals on safe integers (calc/ratio.ts) are exact', () => {
  const dec = (q: Ratio) => new Dec(q.n).div(q.d);
  const anyRatio = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e5 })).map(([n, d]) => ratio(n, d));
  /** The operation's result, or INEXACT when it does not fit (then it must not answer at all). */
  const tryOp = <T,>(f: () => T): T | typeof INEXACT => {
    try {
      return f();
    } catch (e) {
      if (e === INEXACT) return INEXACT;
      throw e;
    }
  };

  it('add, sub, mul, div, cmp, floor, ceil and half-up rounding agree with decimal.js', () => {
    fc.assert(
      fc.property(anyRatio, anyRatio, fc.integer({ min: 0, max: 4 }), (a, b, dp) => {
        const [x, y] = [dec(a), dec(b)];
        const close = (q: Ratio | typeof INEXACT, d: Dec) => q === INEXACT || dec(q).minus(d).abs().lt('1e-60');
        expect(close(tryOp(() => add(a, b)), x.plus(y))).toBe(true);
        expect(close(tryOp(() => sub(a, b)), x.minus(y))).toBe(true);
        expect(close(tryOp(() => mul(a, b)), x.times(y))).toBe(true);
        if (b.n !== 0) expect(close(tryOp(() => div(a, b)), x.div(y))).toBe(true);
        const c = tryOp(() => cmp(a, b));
        if (c !== INEXACT) expect(c).toBe(x.cmp(y));
        expect(floor(a)).toBe(x.floor().toNumber() + 0); // decimal.js writes −0
        expect(ceil(a)).toBe(x.ceil().toNumber() + 0);
        if (terminates(a)) expect(dec(roundHalfUp(a, dp)).eq(x.toDecimalPlaces(dp, Dec.ROUND_HALF_UP))).toBe(true);
        if (terminates(a)) expect(fromDec(x)).toEqual(a);
      }),
      { seed: SEED_RUN, numRuns: 500 },
    );
  });

  it('refuses what does not fit a safe integer instead of rounding', () => {
    expect(tryOp(() => mul(ratio(2 ** 40), ratio(2 ** 20)))).toBe(INEXACT);
    expect(tryOp(() => fromDec(new Dec(1).div(3)))).toBe(INEXACT);
  });
});
