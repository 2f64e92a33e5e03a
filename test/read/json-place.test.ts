/** Places in a side file's JSON text (read/json-place.ts): the first mistake, each entry of a targets list's line. */
import { describe, expect, it } from 'vitest';
import { jsonMistake, placeOf, targetsEntryLines } from '../../src/read/json-place.js';

describe('jsonMistake', () => {
  it.each([
    ['{"targets":[1,]}', { line: 1, column: 15 }],
    ['{"targets":[\n  {"a":1}\n  {"b":2}\n]}', { line: 3, column: 3 }],
    ['{"targets": [', { line: 1, column: 14 }],
    ["{'targets':[]}", { line: 1, column: 2 }],
    ['{"targets":[]} x', { line: 1, column: 16 }],
    ['{"a":"tab\there"}', { line: 1, column: 10 }],
    ['{"a":"\\x"}', { line: 1, column: 8 }],
    ['{"a":01}', { line: 1, column: 7 }],
    ['{"a":-}', { line: 1, column: 6 }],
    ['{"a":tru}', { line: 1, column: 6 }],
    ['', { line: 1, column: 1 }],
  ])('%j → %j', (text, place) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonMistake(text)).toEqual(place);
  });

  it('JSON has no mistake (every form of value)', () => {
    for (const text of ['{"targets":[]}', ' [1, -2.5e3, true, false, null, "\\u00e2\\n", {"a": {}}] ', '"x"', '\ufeff{}']) {
      expect(jsonMistake(text), text).toBeUndefined();
    }
  });

  it('nesting too deep to scan says no place, never overflows the stack', () => {
    expect(jsonMistake('['.repeat(100_000))).toBeUndefined();
  });
});

describe('targetsEntryLines', () => {
  it('the line each entry of the top-level targets list starts on; none for a list elsewhere', () => {
    expect(targetsEntryLines('{"note":[1,\n2],\n"targets":[\n {"unit":"a"},\n\n {"unit":\n"b"}]}')).toEqual([4, 6]);
    expect(targetsEntryLines('{"x":{"targets":[1,2]}}')).toEqual([]);
    expect(targetsEntryLines('{"targets":[]}')).toEqual([]);
  });

  it('placeOf counts lines and columns from 1', () => {
    expect(placeOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(placeOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
