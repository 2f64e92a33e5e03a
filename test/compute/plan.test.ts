/**
 * The planner against the seed annex: the districts whose reduction is exactly the least number of exits for
 * their printed points are worked out here by brute force from the annex's own figures, and `plan` must give
 * those very counts. Then the cases around: a target already met, an unreachable one, zero households, 0.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/decimal.js';
import { rate } from '../../src/calc/annex-math.js';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { computePlan, type PlanResult } from '../../src/compute/plan.js';
import { parseTargetArg, parseTargets, type Target } from '../../src/targets/index.js';
import { PovcheckError } from '../../src/errors.js';
import { fixtures } from '../helpers.js';
import { ANNEX_BLOCKS, ANNEX_OF_WHICH } from './hierarchy-tables.js';

const { SEED, UNITS, wideRecords, serialize } = fixtures;

function rows(records: string[][], stts: string[]) {
  return records.filter((r, i) => i === 0 || stts.includes(r[0]!));
}
const baseCounts = (data = SEED, units = UNITS) => serialize(rows(wideRecords(data, { rates: false, units }), ['1', '2', '3', '4']));
const planInput = (data = SEED, units = UNITS) => serialize(rows(wideRecords(data, { rates: false, units }), ['1', '2', '3']));

function plan(bytes: Buffer, targets: Target[]): PlanResult {
  return computePlan(shape(gridFromBytes(bytes), { totalPolicy: 'none' }).annex, targets, { total: 'auto', totalName: 'Tổng cộng' });
}
const byName = (p: PlanResult, name: string) => p.plans.find((x) => x.unit.name === name)!;
const t = (s: string) => parseTargetArg(s);

/** The annex reduction for a district with x exits, straight from the definition. */
function reduction(i: number, x: number): Dec {
  const h0 = new Dec(SEED.households_start![i]!);
  const h1 = new Dec(SEED.households_end![i]!);
  const p0 = new Dec(SEED.poor_start![i]!);
  return rate(p0, h0)!.minus(rate(p0.minus(x), h1)!);
}

/** Units whose printed reduction (row 4) is the least count reaching their printed points (row 6). */
function minimalInSeed(): string[] {
  return UNITS.filter((_, i) => {
    const x = Number(SEED.poor_reduced![i]);
    const points = new Dec(SEED.rate_reduced![i]!);
    return reduction(i, x).gte(points) && reduction(i, x - 1).lt(points);
  });
}

describe('plan reproduces the seed where its figures are minimal', () => {
  const minimal = minimalInSeed();

  it('the seed has such units (Hàm Yên, Chiêm Hóa, Na Hang, Lâm Bình); the others lift out more than the minimum', () => {
    expect(minimal).toEqual(['Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình']);
  });

  it('planning each unit for its printed points gives its printed count exactly where that is minimal, and never more', () => {
    const targets = UNITS.slice(1).map((u, i) => t(`${u}=${SEED.rate_reduced![i + 1]}`));
    const p = plan(planInput(), targets);
    for (const [i, u] of UNITS.entries()) {
      if (i === 0) continue;
      const up = byName(p, u);
      expect(up.status).toBe('planned');
      const seed = new Dec(SEED.poor_reduced![i]!);
      if (minimal.includes(u)) expect(up.exits!.eq(seed)).toBe(true);
      else expect(up.exits!.lt(seed)).toBe(true);
      // The planned count reaches the points; one fewer does not.
      expect(reduction(i, up.exits!.toNumber()).gte(new Dec(SEED.rate_reduced![i]!))).toBe(true);
      expect(reduction(i, up.exits!.toNumber() - 1).lt(new Dec(SEED.rate_reduced![i]!))).toBe(true);
    }
    expect(p.ok).toBe(true);
  });

  it('the plan\'s own targets (Na Hang and Lâm Bình −4 points, province −2,06) on rows 1–4: met', () => {
    const targets = parseTargets('{"targets":[{"unit":"total","indicator":"rate_reduced","op":">=","value":"2.06"},{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},{"unit":"lam binh","indicator":"rate_reduced","op":">=","value":"4"}]}');
    const p = plan(baseCounts(), targets);
    expect(byName(p, 'Na Hang').exits!.toNumber()).toBe(390);
    expect(byName(p, 'Lâm Bình').exits!.toNumber()).toBe(282);
    expect(byName(p, 'Sơn Dương')).toMatchObject({ status: 'kept' });
    const total = p.totalTargets[0]!;
    expect(total.met).toBe(true);
    expect(total.planned.toNumber()).toBe(4188);
    expect(total.value!.toFixed(2)).toBe('2.06');
    expect(total.outcome.ok && total.outcome.exits.toNumber()).toBe(4177);
    expect(total.more).toBeUndefined();
    expect(p.value(p.total!.id, 'rate_end')!.toFixed(2)).toBe('9.74');
    expect(p.ok).toBe(true);
  });
});

describe('the total target', () => {
  it('not met: says how many more exits it needs', () => {
    const p = plan(baseCounts(), [t('total=2.5')]);
    const r = p.totalTargets[0]!;
    expect(r.met).toBe(false);
    expect(r.outcome.ok).toBe(true);
    if (!r.outcome.ok) return;
    expect(r.more!.eq(r.outcome.exits.minus(4188))).toBe(true);
    // The needed total is the least one: one fewer exit misses 2,50.
    const h0 = new Dec(SEED.households_start![0]!);
    const h1 = new Dec(SEED.households_end![0]!);
    const p0 = new Dec(SEED.poor_start![0]!);
    const red = (x: Dec) => rate(p0, h0)!.minus(rate(p0.minus(x), h1)!);
    expect(red(r.outcome.exits).gte('2.5')).toBe(true);
    expect(red(r.outcome.exits.minus(1)).lt('2.5')).toBe(true);
    expect(p.ok).toBe(false);
  });

  it('units without exits: the total cannot be told, the shortfall is counted from the others', () => {
    const p = plan(planInput(), [t('Na Hang=4'), t('total=2.06')]);
    const r = p.totalTargets[0]!;
    expect(r.missing.map((u) => u.name)).toEqual(UNITS.slice(1).filter((u) => u !== 'Na Hang'));
    expect(r.met).toBeUndefined();
    expect(r.planned.toNumber()).toBe(390);
    expect(r.more!.toNumber()).toBe(4177 - 390);
    expect(p.value(p.total!.id, 'poor_reduced')).toBeUndefined();
    expect(p.ok).toBe(false);
  });

  it('why the total has no exits: the missing units whose own target cannot be met, each with its first such target', () => {
    const reachable = parseTargets('{"targets":[{"unit":"Na Hang","indicator":"rate_end","op":"<=","value":"25"}]}');
    const p = plan(planInput(), [...reachable, t('Na Hang=30'), t('Lâm Bình=4'), t('total=2.06')]);
    expect(p.totalMissing.map((u) => u.name)).toEqual(UNITS.slice(1).filter((u) => u !== 'Lâm Bình'));
    expect(p.totalUnmet).toHaveLength(1);
    const [{ plan: unit, failed }] = p.totalUnmet as [PlanResult['totalUnmet'][number]];
    expect(unit).toBe(byName(p, 'Na Hang'));
    expect(failed).toBe(unit.targets[1]);
    expect(failed.outcome).toMatchObject({ ok: false, reason: 'unreachable' });
    // Units merely not planned give none.
    expect(plan(planInput(), [t('Lâm Bình=4'), t('total=2.06')]).totalUnmet).toEqual([]);
  });

  it('the total named by its own name, or by "Toàn tỉnh" when povcheck added it', () => {
    expect(plan(baseCounts(), [t('toan tinh=2.06')]).totalTargets).toHaveLength(1);
    const d = Object.fromEntries(Object.entries(SEED).map(([k, v]) => [k, v.slice(1)]));
    const p = plan(baseCounts(d, UNITS.slice(1)), [t('Toàn tỉnh=2.06')]);
    expect(p.total?.name).toBe('Tổng cộng');
    expect(p.totalTargets[0]!.met).toBe(true);
  });
});

describe('targets around the edges', () => {
  it('a target already met by the table\'s own reduction plans no more than needed', () => {
    // Sơn Dương lifts out 987, but 984 already give its 2,02 points.
    const p = plan(baseCounts(), [t('Sơn Dương=2.02')]);
    const u = byName(p, 'Sơn Dương');
    expect(u.exits!.toNumber()).toBe(984);
    expect(u.inputReduced!.toNumber()).toBe(987);
  });

  it('a target the growth in households alone meets: 0 exits', () => {
    const p = plan(baseCounts(), [t('Na Hang=0.05')]);
    // 3.094 / 10.580 = 29,24 %: the rate falls 0,32 points with no exit.
    expect(byName(p, 'Na Hang').exits!.toNumber()).toBe(0);
  });

  it('target 0: 0 exits', () => {
    const p = plan(baseCounts(), [t('Na Hang=0')]);
    expect(byName(p, 'Na Hang')).toMatchObject({ status: 'planned' });
    expect(byName(p, 'Na Hang').exits!.toNumber()).toBe(0);
    expect(p.value(byName(p, 'Na Hang').unit.id, 'poor_end')!.toNumber()).toBe(3094);
  });

  it('an unreachable target: a reason, not a number', () => {
    const p = plan(baseCounts(), [t('Na Hang=30')]);
    const u = byName(p, 'Na Hang');
    expect(u.status).toBe('unreachable');
    expect(u.exits).toBeUndefined();
    expect(u.targets[0]!.outcome).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(p.value(u.unit.id, 'poor_reduced')).toBeUndefined();
    expect(p.ok).toBe(false);
  });

  it('zero households: a reason, not a number', () => {
    const data = fixtures.cloneData();
    for (const k of ['households_start', 'households_end', 'poor_start', 'poor_reduced']) data[k]![7] = '0';
    for (const k of ['households_start', 'households_end', 'poor_start', 'poor_reduced']) data[k]![0] = String(Number(SEED[k]![0]) - Number(SEED[k]![7]));
    const p = plan(baseCounts(data), [t('Lâm Bình=1')]);
    const u = byName(p, 'Lâm Bình');
    expect(u.status).toBe('unreachable');
    expect(u.targets[0]!.outcome).toEqual({ ok: false, reason: 'zero-households' });
    // No households and no poor: the rate is 0, as `table` prints it and validate accepts it (0 / 0).
    expect(p.value(u.unit.id, 'rate_start')?.toString()).toBe('0');
  });

  it('several targets on one unit: the largest minimum meets them all', () => {
    const p = plan(baseCounts(), [t('Na Hang=4'), ...parseTargets('{"targets":[{"unit":"Na Hang","indicator":"rate_end","op":"<=","value":"25"}]}')]);
    const u = byName(p, 'Na Hang');
    expect(u.status).toBe('planned');
    expect(p.value(u.unit.id, 'rate_end')!.lte(25)).toBe(true);
    expect(u.exits!.gt(390)).toBe(true);
  });

  it('refuses a target exits cannot move towards, and a unit the table does not have', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof PovcheckError) return e.code;
      }
      return 'none';
    };
    expect(code(() => plan(baseCounts(), parseTargets('{"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":"<=","value":"4"}]}')))).toBe('TARGET_UNSUPPORTED');
    expect(code(() => plan(baseCounts(), [t('Na Hng=4')]))).toBe('TARGET_UNIT');
  });
});

describe('plans over hierarchies add up once', () => {
  it('blocks listing the same districts: the total sums the blocks, a block its districts (with their planned exits)', () => {
    const p = plan(Buffer.from(ANNEX_BLOCKS), [t('total=0.1')]);
    const total = p.units.find((u) => u.name === 'Tổng cộng (I+II)')!;
    expect(p.value(total.id, 'households_start')!.toFixed()).toBe('63347');
    expect(p.value(total.id, 'poor_reduced')!.toFixed()).toBe('140');
    expect(p.differences).toEqual([]);
    expect(p.totalTargets[0]!.planned.toFixed()).toBe('140');
  });

  it('an "of which" row is planned for itself and never added into the total', () => {
    // The rows after `Trong đó:` are read as "of which" rows too (shape/structure.ts): the province is planned on its own counts.
    const p = plan(Buffer.from(ANNEX_OF_WHICH), [t('Huyện A=0.5'), t('total=0.1')]);
    const total = p.units.find((u) => u.name === 'Toàn tỉnh')!;
    expect(p.value(total.id, 'households_start')!.toFixed()).toBe('63347');
    expect(byName(p, 'Toàn tỉnh')).toMatchObject({ status: 'planned' });
    expect(byName(p, 'Toàn tỉnh').exits!.toFixed()).toBe('58');
    expect(byName(p, 'Huyện A').exits!.toFixed()).toBe('169');
    expect(p.differences).toEqual([]);
  });
});

describe('the exits a rate target would need at constant households', () => {
  /** The least x with the reduction at constant households (h1 = h0) reaching `points`, by brute force. */
  function leastAtStart(i: number, points: Dec): number {
    const h0 = new Dec(SEED.households_start![i]!);
    const p0 = new Dec(SEED.poor_start![i]!);
    for (let x = 0; x <= p0.toNumber(); x++) if (rate(p0, h0)!.minus(rate(p0.minus(x), h0)!).gte(points)) return x;
    return -1;
  }

  it('every district with 4 points: the brute-force count when households change (Na Hang 418 for its 390), none when it is the same', () => {
    const districts = UNITS.filter((u) => u !== 'Toàn tỉnh');
    const p = plan(planInput(), districts.map((u) => t(`${u}=4`)));
    let planned = 0;
    for (const u of districts) {
      const i = UNITS.indexOf(u);
      const up = byName(p, u);
      if (up.status !== 'planned') continue;
      planned++;
      const atStart = leastAtStart(i, new Dec(4));
      if (atStart === up.exits!.toNumber()) expect(up.exitsAtStartHouseholds).toBeUndefined();
      else expect(up.exitsAtStartHouseholds?.toNumber()).toBe(atStart);
    }
    // TP Tuyên Quang starts at 1,01 %: 4 points are out of its reach.
    expect(byName(p, 'TP Tuyên Quang').status).toBe('unreachable');
    expect(planned).toBe(districts.length - 1);
    expect(byName(p, 'Na Hang').exitsAtStartHouseholds?.toNumber()).toBe(418);
    expect(byName(p, 'Na Hang').exits?.toNumber()).toBe(390);
  });

  it('the total\'s target too: 4.321 exits at its 210.299 households for the 2,06 points that 4.177 give at 211.780', () => {
    const p = plan(planInput(), [t('total=2.06')]);
    const r = p.totalTargets[0]!;
    expect(r.outcome.ok && r.outcome.exits.toNumber()).toBe(4177);
    expect(r.exitsAtStartHouseholds?.toNumber()).toBe(4321);
    // By the definition: the least x with 11,80 − rate(24.814 − x, 210.299) ≥ 2,06.
    const [h0, p0] = [new Dec(210299), new Dec(24814)];
    const reduction = (x: number) => rate(p0, h0)!.minus(rate(p0.minus(x), h0)!);
    expect(reduction(4321).gte(new Dec('2.06')) && reduction(4320).lt(new Dec('2.06'))).toBe(true);
  });

  it('not for a target on a count (the end-of-year poor households do not depend on the households)', () => {
    const p = plan(planInput(), parseTargets('{"targets":[{"unit":"Na Hang","indicator":"poor_end","op":"<=","value":"2704"}]}'));
    expect(byName(p, 'Na Hang').status).toBe('planned');
    expect(byName(p, 'Na Hang').exitsAtStartHouseholds).toBeUndefined();
  });
});
