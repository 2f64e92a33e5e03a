/** PovcheckError's copies (errors.ts): each adds what it names and keeps the rest. */
import { describe, expect, it } from 'vitest';
import { PovcheckError } from '../src/errors.js';

describe('PovcheckError copies', () => {
  const absent = () => new PovcheckError('CALC_INPUT', { reason: 'absent', indicators: ['households_end'] });

  it('withTable names a plan document\'s table, kept through withFile and withLang; never over a cell or another table', () => {
    const e = absent().withTable(2).withFile('plan.docx').withLang('vi');
    expect([e.table, e.file, e.lang, e.cell]).toEqual([2, 'plan.docx', 'vi', undefined]);
    expect(e.withTable(3).table).toBe(2);
    const atCell = new PovcheckError('CALC_INPUT', { reason: 'absent', indicators: [] }, { cell: 'T2R3C4' });
    expect(atCell.withTable(2).table).toBeUndefined();
  });

  it('withFile and withLang never replace what is there', () => {
    const e = absent().withFile('a.csv').withLang('en');
    expect(e.withFile('b.csv').file).toBe('a.csv');
    expect(e.withLang('vi').lang).toBe('en');
    expect(e.withLang('vi')).toBe(e);
  });
});
