import { expect, it } from 'vitest';
import * as decimal from '../../src/calc/decimal.js';

it('Dec, kept before decimal.js is loaded or read after, is one class with povcheck settings', () => {
  const kept = decimal.Dec; // the stand-in when nothing in this file has loaded decimal.js yet
  const a = new kept(1);
  const b = new decimal.Dec(2);
  const c = new kept(3);
  expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
  expect(Object.getPrototypeOf(c)).toBe(Object.getPrototypeOf(b));
  expect(c instanceof decimal.Dec && a instanceof kept).toBe(true);
  expect(kept.ROUND_HALF_UP).toBe(decimal.Dec.ROUND_HALF_UP);
  expect(new kept(1).div(3).toFixed()).toBe(`0.${'3'.repeat(100)}`);
  expect(new decimal.Dec('2.345').toDecimalPlaces(2).toFixed()).toBe('2.35');
  expect(decimal.zero().isZero() && decimal.hundred().eq(100) && decimal.zero() === decimal.zero()).toBe(true);
});
