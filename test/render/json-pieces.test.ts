/**
 * render/json-pieces.ts: the pieces join to `JSON.stringify(value, null, 2)` whatever the value and wherever
 * its arrays are made lazily (`LazyList`) or its objects written key by key (`Fields`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH, chunks, Fields, jsonPieces, jsonText, LazyList, mapLazily, utf8Chunks } from '../../src/render/json-pieces.js';

const isLazy = (x: unknown) => x instanceof LazyList || x instanceof Fields;

/**
 * `v` with some of its arrays and objects (chosen by `pick`) turned into the lazy kinds; a container holding a
 * lazy part is lazy itself (a plain one is written whole by JSON.stringify, as the reporter's are).
 */
function lazify(v: unknown, pick: () => boolean): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => lazify(x, pick));
    return items.some(isLazy) || pick() ? new LazyList(mapLazily(items, (x) => x)) : items;
  }
  if (v !== null && typeof v === 'object') {
    const fields = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lazify(x, pick)]));
    return Object.values(fields).some(isLazy) || pick() ? new Fields(fields) : fields;
  }
  return v;
}

describe('jsonPieces', () => {
  it('writes what JSON.stringify(v, null, 2) writes, whichever parts are lazy', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (value, bits) => {
        const lazy = () => {
          let k = 0;
          return lazify(value, () => bits[k++ % bits.length]!);
        };
        expect(jsonText(lazy())).toBe(JSON.stringify(value, null, 2));
        expect([...chunks(jsonPieces(lazy()), 7)].join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, writes empty lists and objects as it does', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, 1], d: {}, e: [], f: { g: undefined }, 'h"\n': 'x\ny\u2028', 2: 'two', 1: 'one' };
    const lazy = new Fields({
      ...value,
      c: new LazyList([undefined, 1]),
      d: new Fields({}),
      e: new LazyList([]),
      f: new Fields({ g: undefined }),
      list: new LazyList(mapLazily([{ x: [1, { y: null }] }, 'z'], (x) => x)),
    });
    expect(jsonText(lazy)).toBe(JSON.stringify({ ...value, list: [{ x: [1, { y: null }] }, 'z'] }, null, 2));
  });

  it('writes a lazy list’s objects member by member as JSON.stringify writes them, whatever they hold', () => {
    class Point {
      constructor(readonly x = 1) {}
    }
    const bare = Object.assign(Object.create(null) as object, { b: 'x', a: -0 });
    const withGetter = Object.defineProperty({ a: 1 }, 'b', { get: () => 'got', enumerable: true });
    const hidden = Object.defineProperty({ a: 1 }, 'b', { value: 'no', enumerable: false });
    const items = [
      { rule: 'sum', n: -0, nan: Number.NaN, inf: -Infinity, t: true, f: false, nil: null, gone: undefined, fn: () => 1, sym: Symbol('s') },
      { 'a"b\n': 'line\nbreak "quoted" \\ \u2028 \ud800', 10: 'ten', 2: 'two', z: '' },
      { tab: 'a\tb', unit: '\u001f', del: '\u007f', pair: '\ud83d\ude00', low: 'x\udc00', vi: 'Xã Đông Tiến Hà: 1.270 hộ', plain: 'I61981' },
      {},
      { gone: undefined },
      { toJSON: () => ({ made: 'by toJSON' }) },
      { when: new Date(0), nested: { a: [1, { b: null }] }, list: [] },
      bare,
      withGetter,
      hidden,
      new Point(),
      Object(String('boxed')) as object,
      [1, 'two', { three: 3 }],
    ];
    expect(jsonText(new Fields({ items: new LazyList(mapLazily(items, (x) => x)) }))).toBe(JSON.stringify({ items }, null, 2));
  });

  it('makes a lazy list’s elements only as the text reaches them, at most a batch ahead', () => {
    let made = 0;
    const list = new LazyList(mapLazily(Array.from({ length: 10 * BATCH }, (_, i) => i + 1), (x) => (made++, { x })));
    const it = jsonPieces(new Fields({ first: 0, list }));
    for (const p of it) if (p.includes('"x": 1\n')) break;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(BATCH);
  });

  it('writes long lazy lists, nested at any depth, as JSON.stringify does', () => {
    const finding = (i: number) => ({ rule: 'sum', cell: `I${i}`, unit: `Xã "${i}"\n`, n: i, none: null, gone: undefined });
    const items = Array.from({ length: 3 * BATCH + 5 }, (_, i) => (i % 50 === 7 ? [i, { deep: [i] }] : i % 61 === 3 ? undefined : finding(i)));
    const nested = { a: [{ b: { findings: items } }] };
    const lazy = new Fields({ a: new LazyList([new Fields({ b: new Fields({ findings: new LazyList(mapLazily(items, (x) => x)) }) })]) });
    expect(jsonText(lazy)).toBe(JSON.stringify(nested, null, 2));
  });

  it('groups pieces into chunks of about the size asked, the same text', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `piece ${i};`);
    const out = [...chunks(pieces, 100)];
    expect(out.join('')).toBe(pieces.join(''));
    expect(out.length).toBeGreaterThan(50);
    expect(out.slice(0, -1).every((c) => c.length >= 100 && c.length < 120)).toBe(true);
    expect([...chunks([])]).toEqual([]);
  });
});

describe('utf8Chunks', () => {
  it('encodes the pieces as the UTF-8 of their joined text, in full chunks no larger than the buffer, each whole characters', () => {
    const piece = fc.array(fc.constantFrom('a', '{', '"', '\n', 'ệ', 'Đ', '\u2028', '\ud83d\ude00', 'xã Đông'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 4, max: 120 }), (pieces, size) => {
        const out: Buffer[] = [];
        // Each chunk is a view of a reused buffer: copied as a writer would have written it.
        for (const c of utf8Chunks(pieces, size)) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(size);
          // Whole characters: each chunk decodes on its own, without a replacement character.
          expect(Buffer.from(c).toString('utf8')).not.toContain('\ufffd');
          out.push(Buffer.from(c));
        }
        // Every chunk but the last is full, up to the 3 bytes a character that did not fit leaves.
        expect(out.slice(0, -1).every((c) => c.length > size - 4)).toBe(true);
        expect(Buffer.concat(out).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
