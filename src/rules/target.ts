/**
 * The `target` rule: the plan's targets (`validate --targets`, `--target`, the configuration's `targets`)
 * checked against the table. Per target: the unit's value of the indicator as the table prints it (computed
 * from the counts the annex's way when the table does not print it) compared with `op value`. A met target is
 * an info; a missed one an error with the gap in households: how many more (or fewer) poor households leaving
 * poverty would meet it, by the plan's arithmetic (calc/annex-math.ts `exitsRange`, built on `exitsForTarget`),
 * or why no number of exits would. Pure; unlike the other check rules it needs the targets, so it is not in
 * CHECK_RULES (and error localisation leaves it alone: a missed target is not a typing slip).
 */
import { exitsRange, compareTarget, plannable, poorReduced, rate, roundRate, valueWithExits, type UnitCounts } from '../calc/annex-math.js';
import { plain, type Dec } from '../calc/decimal.js';
import { PovcheckError } from '../errors.js';
import type { Finding, Skip } from '../model/finding.js';
import type { TargetGap } from '../model/finding-detail.js';
import type { Annex, Unit } from '../model/annex.js';
import type { Indicator } from '../model/indicators.js';
import { resolveTargetUnit, type Target, type TargetSet } from '../targets/index.js';
import { isOk, okNum } from './types.js';
import { noteFiguresUsable } from '../relations/denominator.js';

export interface TargetCheck {
  findings: Finding[];
  skipped: Skip[];
  /** Indexes (0-based) of the targets naming a unit this table does not have. */
  unmatched: number[];
}

const digits = (ind: Indicator, d: Dec) => (ind.startsWith('rate_') ? plain(d, 2) : plain(d));

/**
 * The unit's usable base counts and net exits (poor_reduced, else poor_start − poor_end: `derived`); undefined when
 * missing.
 */
function countsOf(annex: Annex, unit: Unit): { counts: UnitCounts; exits: Dec; derived: boolean } | undefined {
  const v = annex.values.row(unit.id);
  const h0 = v.households_start;
  const h1 = v.households_end;
  const p0 = v.poor_start;
  if (!isOk(h0) || !isOk(h1) || !isOk(p0)) return undefined;
  const exits = poorReduced(okNum(v.poor_reduced), p0.num, okNum(v.poor_end));
  if (exits === undefined) return undefined;
  return { counts: { h0: h0.num, p0: p0.num, h1: h1.num }, exits, derived: !isOk(v.poor_reduced) };
}

/** The indicator's value computed from the counts, for a table that does not print it. */
function computedValue(annex: Annex, unit: Unit, ind: Indicator): Dec | undefined {
  const v = annex.values.row(unit.id);
  if (ind === 'rate_start') return isOk(v.poor_start) && isOk(v.households_start) ? rate(v.poor_start.num, v.households_start.num) : undefined;
  if (!plannable(ind, '=')) return undefined;
  const c = countsOf(annex, unit);
  return c ? valueWithExits(c.counts, ind, c.exits) : undefined;
}

/** How far a missed target is, in exits. */
function gapOf(annex: Annex, unit: Unit, t: Target): TargetGap {
  if (!plannable(t.indicator, '=')) return { kind: 'not-exits' };
  const c = countsOf(annex, unit);
  if (!c) return { kind: 'no-counts' };
  const r = exitsRange(c.counts, t.indicator, t.op, t.num);
  if (!r.ok) {
    if (r.reason === 'zero-households') return { kind: 'zero-households' };
    if (r.reason === 'unreachable') return { kind: 'unreachable', direction: r.direction, poor: plain(c.counts.p0), best: digits(t.indicator, r.best) };
    return { kind: 'not-exact', exits: plain(r.exits), value: digits(t.indicator, r.value), nextValue: digits(t.indicator, r.nextValue) };
  }
  if (c.exits.lt(r.min)) return { kind: 'more', exits: plain(c.exits), minimum: plain(r.min), more: plain(r.min.minus(c.exits)) };
  if (c.exits.gt(r.max)) return { kind: 'fewer', exits: plain(c.exits), maximum: plain(r.max), fewer: plain(c.exits.minus(r.max)) };
  return { kind: 'counts-meet', exits: plain(c.exits) };
}

/**
 * A met target that the change of households decides (rule `denominator`, a warning): over the start-of-year
 * households, with the same exits, the value would miss it. Na Hang: 390 exits are 3,73 % of its start
 * households, yet its rate falls 4,00 points, its target. Only the rates move with the end households.
 */
export function decidesTarget(annex: Annex, unit: Unit, t: Target, actual: string): Finding | undefined {
  if (t.indicator !== 'rate_reduced' && t.indicator !== 'rate_end') return undefined;
  const c = countsOf(annex, unit);
  if (!c || c.counts.h0.eq(c.counts.h1) || c.counts.h0.isZero()) return undefined;
  // Not over a cell that cannot be used: the warning would quote the reduction derived from the others as read.
  if (!noteFiguresUsable(annex.values.row(unit.id))) return undefined;
  const constant = valueWithExits({ ...c.counts, h1: c.counts.h0 }, t.indicator, c.exits);
  if (constant === undefined || compareTarget(constant, t.op, t.num)) return undefined;
  // A reduction is the difference of two rounded rates: both quoted, as the share of exits beside it is not rounded so.
  const from = t.indicator === 'rate_reduced' ? rate(c.counts.p0, c.counts.h0) : undefined;
  const to = t.indicator === 'rate_reduced' ? valueWithExits({ ...c.counts, h1: c.counts.h0 }, 'rate_end', c.exits) : undefined;
  return {
    rule: 'denominator',
    severity: 'warning',
    unit: unit.name,
    indicator: t.indicator,
    actual,
    msg: {
      id: 'denominator.decides-target',
      params: {
        unit: unit.name,
        indicator: t.indicator,
        op: t.op,
        value: t.value,
        actual,
        constant: digits(t.indicator, constant),
        ...(from && to ? { from: digits('rate_start', from), to: digits('rate_end', to) } : {}),
        h0: plain(c.counts.h0),
        h1: plain(c.counts.h1),
        reduced: plain(c.exits),
        share: plain(roundRate(c.exits.mul(100).div(c.counts.h0)), 2),
        ...(c.derived ? { derived: true } : {}),
      },
    },
  };
}

/** Checks every target of `set` against the table. Pure. */
export function checkTargets(annex: Annex, set: TargetSet): TargetCheck {
  const out: TargetCheck = { findings: [], skipped: [], unmatched: [] };
  set.targets.forEach((t, i) => {
    let unit: Unit;
    try {
      unit = resolveTargetUnit(t.unit, annex.units, annex.total, annex.unitAliases);
    } catch (e) {
      if (!(e instanceof PovcheckError) || e.code !== 'TARGET_UNIT') throw e;
      out.unmatched.push(i);
      out.skipped.push({ rule: 'target', unit: t.unit, msg: { id: 'skip.target-unit', params: { unit: t.unit } } });
      return;
    }
    const printed = annex.indicators.includes(t.indicator) ? annex.values.get(unit.id, t.indicator) : undefined;
    let actual: Dec;
    let actualDigits: string;
    const computed = printed === undefined;
    if (printed !== undefined) {
      if (!isOk(printed)) {
        out.skipped.push({ rule: 'target', unit: unit.name, msg: { id: 'skip.bad-value', params: { cells: [printed.cell.ref] } } });
        return;
      }
      actual = printed.num;
      actualDigits = printed.plain;
    } else {
      const c = computedValue(annex, unit, t.indicator);
      if (c === undefined) {
        out.skipped.push({ rule: 'target', unit: unit.name, msg: { id: 'skip.absent', params: { indicators: [t.indicator] } } });
        return;
      }
      actual = c;
      actualDigits = digits(t.indicator, c);
    }
    const at = printed?.cell ?? unit.cell;
    const base = { unit: unit.name, indicator: t.indicator, op: t.op, value: t.value, actual: actualDigits, computed };
    const detail = { rule: 'target' as const, op: t.op, value: t.value, computed, source: set.source };
    if (compareTarget(actual, t.op, t.num)) {
      out.findings.push({ rule: 'target', severity: 'info', ...(at ? { at } : {}), unit: unit.name, indicator: t.indicator, actual: actualDigits, msg: { id: 'target.met', params: base }, detail });
      const decided = decidesTarget(annex, unit, t, actualDigits);
      if (decided) out.findings.push({ ...decided, ...(at ? { at } : {}) });
    } else {
      const gap = gapOf(annex, unit, t);
      out.findings.push({
        rule: 'target',
        severity: 'error',
        ...(at ? { at } : {}),
        unit: unit.name,
        indicator: t.indicator,
        actual: actualDigits,
        msg: { id: 'target.missed', params: { ...base, gap } },
        detail: { ...detail, gap },
      });
    }
  });
  return out;
}
