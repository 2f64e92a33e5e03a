/**
 * Long tables with code and parent columns: a tree of any depth. `sum` checks every parent against its
 * children at every level; unknown parents, cycles, duplicate codes and orphans are findings.
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, fixtures } from '../helpers.js';

const { hierarchyUnits, hierarchyRecords } = fixtures;
const COLS = ['code', 'parent', 'name', 'households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'];
const ref = (row: number, key: string) => `${String.fromCharCode(65 + COLS.indexOf(key))}${row + 2}`;

describe('a three-level table (province → district → commune)', () => {
  const units = hierarchyUnits(3);
  const clean = checkRecords(hierarchyRecords(units));

  it('reads the tree: the province is the total, districts under it, communes under their district', () => {
    const { annex } = clean;
    expect(annex.layout).toBe('long');
    expect(annex.total?.name).toBe('Toàn tỉnh');
    const byName = new Map([...annex.units].map((u) => [u.name, u]));
    expect(byName.get('Na Hang')!.parent).toBe(annex.total!.id);
    expect(byName.get('Xã 2 Na Hang')!.parent).toBe(byName.get('Na Hang')!.id);
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  const row = (name: string) => units.findIndex((u) => u.name === name);
  const plant = (name: string, key: string, delta: number) => {
    const copy = units.map((u) => ({ ...u }));
    copy[row(name)]![key] = String(Number(copy[row(name)]![key]) + delta);
    return checkRecords(hierarchyRecords(copy)).findings.filter((f) => f.rule === 'sum').map((f) => f.at?.ref).sort();
  };

  it('finds a commune error at its district', () => {
    expect(plant('Xã 3 Chiêm Hóa', 'households_end', 7)).toEqual([ref(row('Chiêm Hóa'), 'households_end')]);
  });

  it('finds a district error against both the province and its communes', () => {
    expect(plant('Hàm Yên', 'poor_start', -5)).toEqual([ref(row('Toàn tỉnh'), 'poor_start'), ref(row('Hàm Yên'), 'poor_start')].sort());
  });

  it('finds a province error at the province', () => {
    expect(plant('Toàn tỉnh', 'poor_reduced', 1)).toEqual([ref(row('Toàn tỉnh'), 'poor_reduced')]);
  });

  it('accepts commune names that repeat in different districts', () => {
    const copy = units.map((u) => ({ ...u, name: u.name!.replace(/^Xã (\d) .*$/, 'Xã $1') }));
    const r = checkRecords(hierarchyRecords(copy));
    expect(r.findings.filter((f) => f.rule === 'duplicate')).toEqual([]);
  });
});

describe('a broken tree', () => {
  const base = () => hierarchyUnits(2).map((u) => ({ ...u }));
  const rules = (units: Array<Record<string, string>>) => checkRecords(hierarchyRecords(units)).findings.filter((f) => f.rule === 'hierarchy' || f.rule === 'duplicate');

  it('reports an unknown parent at its parent cell', () => {
    const u = base();
    u[3]!.parent = '099';
    const f = rules(u);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'hierarchy', unit: u[3]!.name, at: { ref: `B${3 + 2}` } });
    expect(f[0]!.msg.id).toBe('hierarchy.unknown-parent');
  });

  it('reports a cycle once, at its member listed first, naming its members', () => {
    const u = base();
    const a = u.findIndex((x) => x.code === '072');
    const b = u.findIndex((x) => x.code === '07201');
    u[a]!.parent = '07201';
    u[b]!.parent = '072';
    const f = rules(u).filter((x) => x.msg.id === 'hierarchy.cycle');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ unit: u[a]!.name, msg: { params: { unit: u[a]!.name, codes: ['072', '07201'], count: 2 } } });
  });

  it('a loop of 3,000 units is one finding naming its first 5 codes and the count', () => {
    const loop = Array.from({ length: 3000 }, (_, i) => ({ ...base()[1]!, code: `L${i}`, parent: `L${(i + 1) % 3000}`, name: `Xã vòng ${i}` }));
    const f = rules([...base(), ...loop]).filter((x) => x.msg.id === 'hierarchy.cycle');
    expect(f).toHaveLength(1);
    expect(f[0]!.msg.params).toEqual({ unit: 'Xã vòng 0', codes: ['L0', 'L1', 'L2', 'L3', 'L4'], count: 3000 });
  });

  it('reports a duplicate code', () => {
    const u = base();
    u[5]!.code = u[4]!.code!;
    expect(rules(u).some((f) => f.rule === 'duplicate' && f.msg.id === 'duplicate.code')).toBe(true);
  });

  it('reports an orphan: a unit with no parent that is not the total', () => {
    const u = base();
    const i = u.findIndex((x) => x.code === '07101');
    u[i]!.parent = '';
    const f = rules(u);
    expect(f.map((x) => x.msg.id)).toEqual(['hierarchy.orphan']);
    expect(f[0]!.unit).toBe(u[i]!.name);
  });
});

describe('resolveTree looks codes up as a map of first occurrences would', () => {
  it('parents, duplicates and unknown parents on random codes (many alike, hash collisions included)', async () => {
    const fc = (await import('fast-check')).default;
    const { resolveTree } = await import('../../src/shape/hierarchy.js');
    const { digitCode } = await import('../../src/model/pool.js');
    // Codes of digits are looked up as integers (`codeDigits`), up to eight digits; longer ones and any other text as strings.
    // Consecutive codes of two widths (000001, 00001 …): the same numbers, other codes.
    const code = fc.oneof(fc.constantFrom('', '01', '1', '001', 'A', 'a', '00000000', '000000001', '12345678', '123456789', '0'), fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[0-9]{7,10}$/), fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(5, 6)).map(([n, w]) => String(n).padStart(w, '0')));
    fc.assert(
      fc.property(fc.array(fc.tuple(code, fc.nat(40)), { minLength: 1, maxLength: 300 }), (rows) => {
        const codes = rows.map(([c]) => c);
        // A parent code: one of an earlier unit's codes (no loops), or a code no unit has.
        const parents = rows.map(([, k], i) => (k === 0 || i === 0 ? '' : k === 1 ? 'zz' : codes[k % i]!));
        const units = {
          length: rows.length,
          name: (i: number) => `Xã ${i}`,
          code: (i: number) => codes[i] || undefined,
          codeDigits: (i: number) => (digitCode(codes[i]!) > 0 ? digitCode(codes[i]!) : -1),
          parentCode: (i: number) => parents[i] || undefined,
          cell: () => undefined,
          codeCell: () => undefined,
          parentCell: () => undefined,
        };
        const findings: import('../../src/model/finding.js').Finding[] = [];
        const tree = resolveTree(units, findings);
        const first = new Map<string, number>();
        codes.forEach((c, i) => c && !first.has(c) && first.set(c, i));
        const duplicates = codes.filter((c, i) => c && first.get(c) !== i).length;
        expect(findings.filter((f) => f.msg.id === 'duplicate.code').length).toBe(duplicates);
        parents.forEach((p, i) => {
          const expected = p ? first.get(p) : undefined;
          if (expected === undefined || expected === i) expect(tree.parent[i]).toBe(-1);
          else expect(tree.parent[i]).toBe(expected);
        });
        expect(findings.filter((f) => f.msg.id === 'hierarchy.unknown-parent').length).toBe(parents.filter((p) => p && !first.has(p)).length);
      }),
      { numRuns: 300 },
    );
  });
});
