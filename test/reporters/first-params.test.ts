/**
 * reporters/types.ts `firstParams`: the parameters of the first finding of a rule with a message id. Findings of other
 * rules are not read for their message (a national table's notes are made again when it is read: RemadeFinding).
 */
import { describe, expect, it } from 'vitest';
import { firstParams } from '../../src/reporters/types.js';
import type { Finding } from '../../src/model/finding.js';

const note = { rule: 'denominator', severity: 'warning', get msg(): never { throw new Error('message read'); } } as unknown as Finding;
const given: Finding = { rule: 'number', severity: 'warning', msg: { id: 'number.locale-given', params: { given: 'en' } } } as Finding;

describe('firstParams', () => {
  it('finds the first finding of the rule with the message, reading no other rule’s message', () => {
    expect(firstParams([note, given, note], 'number', 'number.locale-given')).toEqual({ given: 'en' });
    expect(firstParams([note, note], 'number', 'number.locale-given')).toBeUndefined();
  });
});
