/**
 * locate/causes.ts `FindingIndex`: `has` says whether a finding of the same key (confirm.ts `keyOf`: rule, cell,
 * unit, indicator, message) is among the file's, and `explainable` lists the errors and warnings of the located
 * relations (and `range`) by key, as a plain search over the findings says; the per-rule index made at the first
 * question changes no answer, whatever the order of the questions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FindingIndex } from '../../src/locate/causes.js';
import { keyOf } from '../../src/locate/confirm.js';
import type { Finding, RuleId, Severity } from '../../src/model/finding.js';
import type { MessageId } from '../../src/model/message-ref.js';

const finding = fc.record({
  rule: fc.constantFrom<RuleId>('sum', 'flow', 'rate', 'denominator', 'range', 'duplicate'),
  severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
  ref: fc.option(fc.constantFrom('A1', 'B2', 'C3', 'D4'), { nil: undefined }),
  unit: fc.option(fc.constantFrom('Xã A', 'Xã B'), { nil: undefined }),
  id: fc.constantFrom('sum.mismatch', 'flow.mismatch', 'rate.mismatch', 'denominator.mixed'),
});

const made = (r: { rule: RuleId; severity: Severity; ref?: string; unit?: string; id: string }): Finding => ({
  rule: r.rule,
  severity: r.severity,
  ...(r.ref ? { at: { ref: r.ref, row: 1, col: 1, raw: '' } } : {}),
  ...(r.unit ? { unit: r.unit } : {}),
  msg: { id: r.id as MessageId, params: {} },
} as Finding);

describe('FindingIndex', () => {
  it('answers as a search over the findings does', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), fc.array(finding, { maxLength: 15 }), (fs, others) => {
        const findings = fs.map(made);
        const index = new FindingIndex(findings);
        // Each finding asked about (its copy: another object of the same key), and others.
        for (const q of [...fs, ...others].map(made)) expect(index.has(q)).toBe(findings.some((f) => keyOf(f) === keyOf(q)));
        const explainable = new Map<string, number[]>();
        findings.forEach((f, i) => {
          if (f.severity === 'info' || !['sum', 'flow', 'rate', 'range'].includes(f.rule)) return;
          (explainable.get(keyOf(f)) ?? explainable.set(keyOf(f), []).get(keyOf(f))!).push(i);
        });
        expect(new Map(index.explainable)).toEqual(explainable);
      }),
      { numRuns: 500 },
    );
  });
});
