/** Rule levels (configuration, --rule): a rule switched off, a rule re-levelled. */
import { describe, expect, it } from 'vitest';
import { relevel } from '../../src/rules/levels.js';
import type { Finding } from '../../src/model/finding.js';
import { checkRecords, fixtures } from '../helpers.js';

const f = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({ rule, severity, msg: { id: 'sum.total-assumed', params: { unit: 'x' } } });

describe('rule levels', () => {
  it('off drops a rule\'s findings and its skips', () => {
    const records = fixtures.wideRecords(undefined, { texts: { 'poor_reduced:7': '28x' } });
    const plain = checkRecords(records);
    expect(plain.findings.some((x) => x.rule === 'denominator')).toBe(true);
    expect(plain.skipped.some((s) => s.rule === 'flow')).toBe(true);
    const off = checkRecords(records, { rules: { denominator: 'off', flow: 'off' } });
    expect(off.findings.some((x) => x.rule === 'denominator' || x.rule === 'flow')).toBe(false);
    expect(off.skipped.some((s) => s.rule === 'flow')).toBe(false);
  });

  it('a level replaces the default severity; lower severities are kept but never above the level', () => {
    const findings = [f('denominator', 'warning'), f('rate-change', 'error'), f('rate-change', 'info'), f('range', 'error'), f('range', 'warning'), f('sum', 'info')];
    const out = relevel(findings, { denominator: 'error', 'rate-change': 'warning', range: 'info', sum: 'warning' });
    expect(out.map((x) => `${x.rule}:${x.severity}`).sort()).toEqual(
      ['denominator:error', 'rate-change:warning', 'rate-change:info', 'range:info', 'range:info', 'sum:info'].sort(),
    );
  });
});
