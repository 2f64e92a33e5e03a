/**
 * A table's units by id (model/annex.ts `Units`): each parent's children in typed arrays (`childIndex`) and the
 * parts by partition read from them give what a filter over every unit object gives, in the same order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childIndex, childrenByParent, partitionsByParent, subUnitsByParent, UnitList, type Annex, type Unit, type UnitRole } from '../../src/model/annex.js';

const roles: Array<UnitRole | undefined> = [undefined, 'block', 'of-which', 'breakdown'];

/** Units whose parents are any other unit (before or after it), with roles and partitions. */
const unitsArb = fc.array(fc.tuple(fc.integer({ min: -1, max: 11 }), fc.constantFrom(...roles), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 12 }).map((rows) =>
  rows.map(([p, role, partition], id): Unit => ({
    id,
    name: `U${id}`,
    key: `u${id}`,
    isTotal: false,
    ...(p >= 0 && p < rows.length && p !== id ? { parent: p } : {}),
    ...(role ? { role } : {}),
    ...(partition ? { partition } : {}),
  })),
);

const annexOf = (list: Unit[]) => ({ units: new UnitList(list) }) as unknown as Annex;
const isSub = (u: Unit) => u.role === 'of-which' || u.role === 'breakdown';

describe('Units read by id', () => {
  it("finds each parent's children, parts and sub-units as a filter over the unit objects does", () => {
    fc.assert(
      fc.property(unitsArb, (list) => {
        const annex = annexOf(list);
        const index = childIndex(annex.units);
        for (const p of list) expect([...index.of(p.id)]).toEqual(list.filter((u) => u.parent === p.id).map((u) => u.id));
        // Counted without an array; the units with children listed in table order (sum's parents).
        for (const p of list) expect(index.countOf(p.id)).toBe(list.filter((u) => u.parent === p.id).length);
        expect([...index.parents()]).toEqual(list.filter((p) => list.some((u) => u.parent === p.id)).map((p) => p.id));

        // Partitions, in the order of each parent's first part; every partition's list present.
        const expected = new Map<number, number[][]>();
        for (const u of list) {
          if (u.parent === undefined || isSub(u)) continue;
          const lists = expected.get(u.parent) ?? expected.set(u.parent, []).get(u.parent)!;
          (lists[u.partition ?? 0] ??= []).push(u.id);
        }
        for (const lists of expected.values()) for (let i = 0; i < lists.length; i++) lists[i] ??= [];
        expect([...partitionsByParent(annex)]).toEqual([...expected]);

        const first = new Map<number, number[]>();
        for (const u of list) if (u.parent !== undefined && !isSub(u) && (u.partition ?? 0) === 0) (first.get(u.parent) ?? first.set(u.parent, []).get(u.parent)!).push(u.id);
        // A lookup by parent: its entries in any order.
        expect([...childrenByParent(annex)].sort((x, y) => x[0] - y[0])).toEqual([...first].sort((x, y) => x[0] - y[0]));

        for (const role of ['of-which', 'breakdown'] as const) {
          const subs = new Map<number, number[]>();
          for (const u of list) if (u.parent !== undefined && u.role === role) (subs.get(u.parent) ?? subs.set(u.parent, []).get(u.parent)!).push(u.id);
          expect([...subUnitsByParent(annex, role)]).toEqual([...subs]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
