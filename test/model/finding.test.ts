import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFindings, type Finding, type RuleId } from '../../src/model/finding.js';
import { RULE_IDS } from '../../src/rules/index.js';

const finding = (rule: string): Finding => ({ rule: rule as RuleId, severity: 'error', msg: { id: 'sum.mismatch', params: {} } as unknown as Finding['msg'] });
const sign = (n: number) => Math.sign(n);

describe('compareFindings', () => {
  it('orders rules of the same severity and cell as localeCompare does, for every pair of rule ids', () => {
    // Ids of every rule, and those other branches add (the relations of published tables).
    const ids = [...RULE_IDS.map((r) => r.id), 'breakdown', 'of-which', 'balance', 'combined', 'implied-households', 'rate-mean', 'achievement', 'formula', 'precision'];
    for (const a of ids) for (const b of ids) expect(sign(compareFindings(finding(a), finding(b))), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('agrees with localeCompare on any word of lowercase letters and hyphens (the shape of a rule id)', () => {
    const id = fc.stringMatching(/^[a-z-]{1,12}$/);
    fc.assert(fc.property(id, id, (a, b) => sign(compareFindings(finding(a), finding(b))) === sign(a.localeCompare(b))));
  });

  it('puts severity first, then the row, then the column', () => {
    const at = (row: number, col: number) => ({ raw: '', ref: 'A1', row, col });
    const sorted = [
      { ...finding('sum'), severity: 'info' as const, at: at(0, 0) },
      { ...finding('sum'), at: at(2, 0) },
      { ...finding('flow'), at: at(1, 3) },
      { ...finding('rate'), at: at(1, 1) },
    ].sort(compareFindings);
    expect(sorted.map((f) => f.rule)).toEqual(['rate', 'flow', 'sum', 'sum']);
  });
});
