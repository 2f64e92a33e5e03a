/**
 * messages/index.ts `renderMessage` calls the unwrapped catalogue and applies `visible` itself (no proxy per
 * message): it must word every message as the wrapped catalogue (`catalog(lang)`) does, whatever the params hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, makeFmt, renderMessage, type Fmt } from '../../src/messages/index.js';
import type { MessageRef } from '../../src/model/message-ref.js';

const PIECES = ['\u001b[31m', '\n', '\u009b', '\u007f', '\u202e', '::error::', '##[', 'Xã Đồng Hạ', '12.345', '-7', '0', '3.5', ''];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 5 }).map((xs) => xs.join(''));
const digits = fc.oneof(fc.constantFrom('1270', '-42', '0.31', '8.81', '0'), text);

/** Messages of several shapes: figures and a unit, a parent and a count, an indicator, a list of pairs. */
const refs: fc.Arbitrary<MessageRef> = fc.oneof(
  fc.record({ unit: text, h0: digits, h1: digits, change: digits, reduced: digits, share: digits, points: digits, growth: digits }).chain((params) =>
    fc.constantFrom('denominator.mixed', 'denominator.total', 'denominator.direction').map((id) => ({ id, params }) as unknown as MessageRef),
  ),
  fc.record({ parent: text, count: fc.integer({ min: 2, max: 9999 }), unit: text, growth: digits, points: digits, share: digits, reduced: digits }).map((params) => ({ id: 'denominator.summary', params }) as unknown as MessageRef),
  fc.record({ unit: text, start: digits, reduced: digits, expected: digits, actual: digits }).map((params) => ({ id: 'flow.mismatch', params }) as unknown as MessageRef),
  fc.record({ indicator: fc.constantFrom('poor_end', 'households_start'), total: text, parts: digits, actual: digits, diff: digits, count: fc.nat(50) }).map((params) => ({ id: 'sum.mismatch', params }) as unknown as MessageRef),
  fc.record({ unit: text, pairs: fc.array(fc.record({ count: digits, rate: digits, lo: digits }), { minLength: 1, maxLength: 3 }) }).map((params) => ({ id: 'implied-households.disagree', params }) as unknown as MessageRef),
);

describe('renderMessage', () => {
  it('words a message as the wrapped catalogue does, in each language and number format', () => {
    const fmts: Fmt[] = [makeFmt('vi'), makeFmt('en'), makeFmt('vi', 'en'), makeFmt('en', 'vi')];
    fc.assert(
      fc.property(refs, fc.constantFrom(...fmts), (ref, fmt) => {
        const wrapped = (catalog(fmt.lang) as unknown as Record<string, (p: unknown, f: Fmt) => string>)[ref.id]!(ref.params, fmt);
        const text = renderMessage(ref, fmt);
        expect(text).toBe(wrapped);
        // The gate held: no control character of the params reaches the sentence.
        expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
      }),
      { numRuns: 400 },
    );
  });
});
