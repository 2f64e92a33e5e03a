/**
 * The `target` rule on the seed annex (whose targets it meets: the province −2,06 points, Na Hang and Lâm Bình
 * −4 points or more) and on variants that miss them: the finding's cell, the value, and the gap in households
 * by the plan's arithmetic, for every op, the total and units, printed and computed values.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecords, checkBytes, fixtures, FIXTURES } from '../helpers.js';
import { checkTargets } from '../../src/rules/target.js';
import { parseTargets, targetsFromEntries, type Target, type TargetSet } from '../../src/targets/index.js';
import { computePlan } from '../../src/compute/plan.js';
import type { Finding } from '../../src/model/finding.js';
import type { TargetGap } from '../../src/model/finding-detail.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';

const { wideRecords, SEED, UNITS } = fixtures;
const seedAnnex = () => checkRecords(wideRecords()).annex;
const set = (targets: Array<Omit<Target, 'num'>>): TargetSet => ({ source: 'test', targets: targetsFromEntries(targets) });
const one = (unit: string, indicator: string, op: string, value: string) => set([{ unit, indicator, op, value } as Omit<Target, 'num'>]);
/** The one `target` finding (a met target may also bring a `denominator` warning: tested on its own below). */
const only = (fs: Finding[]) => {
  const t = fs.filter((f) => f.rule === 'target');
  expect(t).toHaveLength(1);
  return t[0]!;
};
const gapOf = (f: Finding): TargetGap => (f.msg.params as { gap: TargetGap }).gap;

describe('the seed annex and the plan\'s targets', () => {
  const targets = parseTargets(readFileSync(join(FIXTURES, 'targets', 'tuyen-quang-2020.json'), 'utf8'));
  it('meets all four: infos at the cells, nothing missed, nothing skipped; each met only because households grew', () => {
    const r = checkTargets(seedAnnex(), { source: 'tuyen-quang-2020.json', targets });
    expect(r.unmatched).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'target').map((f) => [f.severity, f.at?.ref, f.unit, f.indicator, f.actual])).toEqual([
      ['info', 'D9', 'Toàn tỉnh', 'rate_reduced', '2.06'],
      ['info', 'D10', 'Toàn tỉnh', 'rate_end', '9.74'],
      ['info', 'K9', 'Lâm Bình', 'rate_reduced', '4.00'],
      ['info', 'J9', 'Na Hang', 'rate_reduced', '4.00'],
    ]);
    // Over the start-of-year households each would be missed: 1,99 and 9,81 for the province, 3,70 and 3,73 for the two districts.
    expect(r.findings.filter((f) => f.rule === 'denominator').map((f) => [f.severity, f.at?.ref, f.unit, (f.msg.params as { constant: string }).constant])).toEqual([
      ['warning', 'D9', 'Toàn tỉnh', '1.99'],
      ['warning', 'D10', 'Toàn tỉnh', '9.81'],
      ['warning', 'K9', 'Lâm Bình', '3.70'],
      ['warning', 'J9', 'Na Hang', '3.73'],
    ]);
    expect(r.findings[0]!.detail).toEqual({ rule: 'target', op: '>=', value: '2.06', computed: false, source: 'tuyen-quang-2020.json' });
  });

  it('fixtures/targets/na-hang-short.csv misses Na Hang\'s and the province\'s, by 20 and 9 households', () => {
    const r = checkBytes(readFileSync(join(FIXTURES, 'targets', 'na-hang-short.csv')), { targets: { source: 't', targets } });
    const missed = r.findings.filter((f) => f.rule === 'target' && f.severity === 'error');
    expect(missed.map((f) => [f.at?.ref, f.unit, f.actual, gapOf(f)])).toEqual([
      ['D9', 'Toàn tỉnh', '2.05', { kind: 'more', exits: '4168', minimum: '4177', more: '9' }],
      ['J9', 'Na Hang', '3.81', { kind: 'more', exits: '370', minimum: '390', more: '20' }],
      ['D10', 'Toàn tỉnh', '9.75', { kind: 'more', exits: '4168', minimum: '4177', more: '9' }],
    ]);
    // No other error: the table itself is consistent.
    expect(r.findings.filter((f) => f.severity === 'error' && f.rule !== 'target')).toEqual([]);
    // Error localisation leaves targets alone.
    expect(r.localisation.status).toBe('clean');
  });

  it('the gap is the plan\'s: plan asks for the same least number of exits', () => {
    const annex = checkBytes(readFileSync(join(FIXTURES, 'targets', 'na-hang-short.csv'))).annex;
    const plan = computePlan(annex, targets, { total: 'auto', totalName: 'Tổng cộng' });
    const naHang = plan.plans.find((p) => p.unit.name === 'Na Hang')!;
    expect(naHang.exits!.toNumber()).toBe(390);
    expect(plan.totalTargets[0]!.outcome).toMatchObject({ ok: true });
    expect(plan.totalTargets[0]!.outcome.ok && plan.totalTargets[0]!.outcome.exits.toNumber()).toBe(4177);
  });
});

describe('ops, units and the total', () => {
  it.each([
    ['Na Hang', 'rate_reduced', '>=', '4', 'info'],
    ['Na Hang', 'rate_reduced', '=', '4', 'info'],
    ['Na Hang', 'rate_reduced', '<=', '4', 'info'],
    ['Na Hang', 'rate_reduced', '>=', '4.01', 'error'],
    ['Na Hang', 'rate_reduced', '<=', '3.99', 'error'],
    ['Na Hang', 'rate_reduced', '=', '4.1', 'error'],
    ['total', 'rate_reduced', '=', '2.06', 'info'],
    ['Toàn tỉnh', 'rate_end', '<=', '9.74', 'info'],
    ['TOTAL', 'poor_end', '<=', '20626', 'info'],
    ['lam binh', 'poor_reduced', '>=', '283', 'error'],
    ['Hàm Yên', 'rate_start', '>=', '15.08', 'info'],
    ['Hàm Yên', 'households_end', '>=', '32000', 'error'],
  ])('%s %s %s %s → %s', (unit, indicator, op, value, want) => {
    const f = only(checkTargets(seedAnnex(), one(unit, indicator, op, value)).findings);
    expect(f.severity).toBe(want);
    expect(f.rule).toBe('target');
  });

  it('a missed lower bound on the fall: how many more exits (Lâm Bình, 5 points: 359 at least, 282 in the table)', () => {
    const f = only(checkTargets(seedAnnex(), one('Lâm Bình', 'rate_reduced', '>=', '5')).findings);
    expect(f).toMatchObject({ severity: 'error', at: { ref: 'K9' }, actual: '4.00' });
    expect(gapOf(f)).toEqual({ kind: 'more', exits: '282', minimum: '359', more: '77' });
    expect(renderMessage(f.msg, makeFmt('vi'))).toBe(
      'Lâm Bình: chưa đạt mục tiêu mức giảm tỷ lệ hộ nghèo ≥ 5 điểm %: bảng ghi 4,00 điểm %. Số hộ nghèo giảm trong năm cần thêm ít nhất 77 hộ: tối thiểu 359 hộ, bảng ghi 282 hộ.',
    );
    expect(renderMessage(f.msg, makeFmt('en'))).toContain('At least 77 more poor households would have to leave poverty (net): 359 at least, the table has 282.');
  });

  it('a missed upper bound: how many fewer (Na Hang, a fall of at most 3,5 points)', () => {
    const f = only(checkTargets(seedAnnex(), one('Na Hang', 'rate_reduced', '<=', '3.5')).findings);
    const g = gapOf(f);
    expect(g).toMatchObject({ kind: 'fewer', exits: '390' });
    if (g.kind !== 'fewer') return;
    expect(Number(g.exits) - Number(g.maximum)).toBe(Number(g.fewer));
  });

  it('an end-of-year target on counts: poor households at the end ≤ 2.650 needs 54 more exits in Na Hang', () => {
    const f = only(checkTargets(seedAnnex(), one('Na Hang', 'poor_end', '<=', '2650')).findings);
    expect(gapOf(f)).toEqual({ kind: 'more', exits: '390', minimum: '444', more: '54' });
  });

  it('= a value the rounded rate steps over: no number of exits gives it, and the two nearest are named', () => {
    const f = only(checkTargets(seedAnnex(), one('TP Tuyên Quang', 'rate_end', '=', '0.765')).findings);
    expect(gapOf(f)).toMatchObject({ kind: 'not-exact', value: '0.77', nextValue: '0.76' });
    expect(renderMessage(f.msg, makeFmt('en'))).toMatch(/No number of households leaving poverty gives exactly this value: \d+ give 0\.77 %, one more gives 0\.76 %\./);
  });

  it('more points than the start rate: unreachable, with the best value', () => {
    const f = only(checkTargets(seedAnnex(), one('Na Hang', 'rate_reduced', '>=', '30')).findings);
    expect(gapOf(f)).toEqual({ kind: 'unreachable', direction: 'more', poor: '3094', best: '29.56' });
    expect(renderMessage(f.msg, makeFmt('en'))).toContain('even if all 3,094 poor households left poverty, the poverty rate reduction would be 29.56 points');
  });

  it('indicators exits do not move: no number is invented', () => {
    const f = only(checkTargets(seedAnnex(), one('Hàm Yên', 'households_end', '>=', '32000')).findings);
    expect(gapOf(f)).toEqual({ kind: 'not-exits' });
    expect(renderMessage(f.msg, makeFmt('vi'))).toContain('Số hộ nghèo giảm không làm thay đổi tổng số hộ cuối năm, nên không tính số hộ còn thiếu.');
  });

  it('the printed value misses it but the counts meet it (the printed reduction is wrong): says so', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { [`rate_reduced:${UNITS.indexOf('Na Hang')}`]: '3,90' } }), { targets: one('Na Hang', 'rate_reduced', '>=', '4') });
    const f = r.findings.find((x) => x.rule === 'target')!;
    expect(f).toMatchObject({ severity: 'error', actual: '3.90' });
    expect(gapOf(f)).toEqual({ kind: 'counts-meet', exits: '390' });
    // The typo itself is localised; the target finding is not part of it.
    expect(r.localisation.causes[0]!.cells.map((c) => c.cell.ref)).toEqual(['J9']);
    expect(r.localisation.causes[0]!.explains.map((i) => r.findings[i]!.rule)).not.toContain('target');
  });

  it('a table without rates: the rate is computed from the counts, and says so', () => {
    const r = checkRecords(wideRecords(SEED, { rates: false }), { targets: one('Na Hang', 'rate_reduced', '>=', '4') });
    const f = r.findings.find((x) => x.rule === 'target')!;
    expect(f).toMatchObject({ severity: 'info', actual: '4.00', at: { ref: 'J1' } });
    expect(f.detail).toMatchObject({ computed: true });
    expect(renderMessage(f.msg, makeFmt('en'))).toContain('(computed from the counts; the table does not print it)');
  });

  it('a cell that is not a number: the target is listed as not checked', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { [`rate_reduced:${UNITS.indexOf('Na Hang')}`]: '4,0x' } }), { targets: one('Na Hang', 'rate_reduced', '>=', '4') });
    expect(r.findings.filter((f) => f.rule === 'target')).toEqual([]);
    expect(r.skipped).toContainEqual({ rule: 'target', unit: 'Na Hang', msg: { id: 'skip.bad-value', params: { cells: ['J9'] } } });
  });

  it('a unit the table lacks: unmatched (the command decides), and skipped for this table', () => {
    const r = checkTargets(seedAnnex(), set([
      { unit: 'Na Hnag', indicator: 'rate_reduced', op: '>=', value: '4' },
      { unit: 'Lâm Bình', indicator: 'rate_reduced', op: '>=', value: '4' },
    ]));
    expect(r.unmatched).toEqual([0]);
    expect(r.skipped).toEqual([{ rule: 'target', unit: 'Na Hnag', msg: { id: 'skip.target-unit', params: { unit: 'Na Hnag' } } }]);
    expect(r.findings.filter((f) => f.rule === 'target')).toHaveLength(1);
  });

  it('re-levelled and switched off like any rule', () => {
    const t = one('Lâm Bình', 'rate_reduced', '>=', '5');
    const warn = checkRecords(wideRecords(), { targets: t, rules: { target: 'warning' } });
    expect(warn.findings.find((f) => f.rule === 'target')!.severity).toBe('warning');
    const off = checkRecords(wideRecords(), { targets: t, rules: { target: 'off' } });
    expect(off.findings.some((f) => f.rule === 'target')).toBe(false);
  });
});

describe('a target the change of households decides (rule denominator)', () => {
  it('Na Hang: 390 exits are 3,73 % of its start households, yet its rate falls 4,00 points, its target: a warning at J9', () => {
    const fs = checkTargets(seedAnnex(), one('Na Hang', 'rate_reduced', '>=', '4')).findings;
    const w = fs.find((f) => f.rule === 'denominator')!;
    expect(w).toMatchObject({ severity: 'warning', at: { ref: 'J9' }, unit: 'Na Hang', msg: { id: 'denominator.decides-target' } });
    expect(w.msg.params).toMatchObject({ constant: '3.73', from: '29.56', to: '25.83', reduced: '390', share: '3.73', h0: '10468', h1: '10580' });
    expect(renderMessage(w.msg, makeFmt('en'))).toContain('only because households changed from 10,468 to 10,580');
  });

  it('Lâm Bình: the reduction over the start households is the difference of two rounded rates, both quoted beside the share that differs from it (3,70 and 3,69)', () => {
    const w = checkTargets(seedAnnex(), one('Lâm Bình', 'rate_reduced', '>=', '4')).findings.find((f) => f.rule === 'denominator')!;
    expect(w.msg.params).toMatchObject({ constant: '3.70', from: '36.03', to: '32.33', share: '3.69' });
    expect(renderMessage(w.msg, makeFmt('vi'))).toContain('tính trên số hộ đầu năm thì được 3,70 điểm % (36,03% − 32,33%, tỷ lệ cuối năm tính trên 7.633 hộ đầu năm), không đạt');
    expect(renderMessage(w.msg, makeFmt('en'))).toContain('it would be 3.70 points (36.03 % − 32.33 %, the end rate over the 7,633 start-of-year households), and missed');
    // A target on the end rate: that rate is the whole of it, no difference to quote.
    const end = checkTargets(seedAnnex(), one('Lâm Bình', 'rate_end', '<=', '32.1')).findings.find((f) => f.rule === 'denominator')!;
    expect(end.msg.params).toMatchObject({ constant: '32.33' });
    expect(end.msg.params).not.toHaveProperty('from');
  });

  it('no warning when a count it reads is not a number (it quoted the 390 exits derived beside "39x")', () => {
    const r = checkRecords(wideRecords(SEED, { texts: { [`poor_reduced:${UNITS.indexOf('Na Hang')}`]: '39x' } }), { targets: one('Na Hang', 'rate_reduced', '>=', '4') });
    expect(r.findings.filter((f) => f.rule === 'denominator' && f.unit === 'Na Hang')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'target' && f.unit === 'Na Hang')).toBe(true);
  });

  it('no warning where the target is met over the start-of-year households too, or missed anyway, or not a rate', () => {
    for (const [unit, ind, op, value] of [
      ['Na Hang', 'rate_reduced', '>=', '3.7'],
      ['Na Hang', 'rate_reduced', '>=', '4.01'],
      ['Na Hang', 'poor_reduced', '>=', '390'],
    ] as const) {
      expect(checkTargets(seedAnnex(), one(unit, ind, op, value)).findings.filter((f) => f.rule === 'denominator'), `${unit} ${ind} ${op} ${value}`).toEqual([]);
    }
  });
});
