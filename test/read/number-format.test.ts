import { describe, expect, it } from 'vitest';
import { displayedDigits, parseNumberFormat } from '../../src/read/number-format.js';

describe('number formats', () => {
  it.each([
    [undefined, { kind: 'general' }],
    ['General', { kind: 'general' }],
    ['0', { kind: 'fixed', decimals: 0, percent: false }],
    ['#,##0', { kind: 'fixed', decimals: 0, percent: false }],
    ['0.00', { kind: 'fixed', decimals: 2, percent: false }],
    ['#,##0.00;[Red]-#,##0.00', { kind: 'fixed', decimals: 2, percent: false }],
    ['0.00%', { kind: 'fixed', decimals: 2, percent: true }],
    ['#,##0" hộ"', { kind: 'fixed', decimals: 0, percent: false }],
    ['[$-42A]#,##0.0', { kind: 'fixed', decimals: 1, percent: false }],
    ['"Tỷ lệ: "0.00', { kind: 'fixed', decimals: 2, percent: false }],
    ['0.00E+00', { kind: 'general' }],
    ['@', { kind: 'general' }],
  ])('%s', (code, expected) => {
    expect(parseNumberFormat(code)).toEqual(expected);
  });
});

describe('a number as its cell shows it, in exact digits', () => {
  const fixed = (decimals: number, percent = false) => ({ kind: 'fixed' as const, decimals, percent });
  it.each([
    // The case: stored 9.739999999999, shown 9,74.
    [9.739999999999, fixed(2), '9.74'],
    [11.8, fixed(2), '11.80'],
    [210299, fixed(0), '210299'],
    [210299.00000000003, fixed(0), '210299'],
    // Half-up from the decimal value a spreadsheet keeps (2.675 is 2.67499999… in binary).
    [2.675, fixed(2), '2.68'],
    [1.005, fixed(2), '1.01'],
    [0.0974, fixed(2, true), '9.74'],
    [-0.001, fixed(2), '0.00'],
    [-2.5, fixed(0), '-3'],
  ])('%s with %o → %s', (value, format, digits) => {
    expect(displayedDigits(value, format).digits).toBe(digits);
  });

  it.each([
    [0.1 + 0.2, '0.3'],
    [11.8, '11.8'],
    [9.739999999999, '9.739999999999'],
    [210299, '210299'],
    [1e-7, '0.0000001'],
    [-0, '0'],
    [4.35 * 100, '435'],
  ])('General: %s → %s (15 significant digits, no binary artefacts)', (value, digits) => {
    expect(displayedDigits(value, { kind: 'general' }).digits).toBe(digits);
  });

  it('says when the display is a percentage', () => {
    expect(displayedDigits(0.1180, { kind: 'fixed', decimals: 2, percent: true })).toEqual({ digits: '11.80', percent: true });
  });
});
