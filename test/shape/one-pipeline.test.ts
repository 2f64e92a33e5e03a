/**
 * One pipeline for every size (issue 14): a long table's first rows are shaped and the rest read record by
 * record into the same column store (read/csv.ts `delimitedTable`, shape/index.ts `shapeTable`). Whatever the
 * number of rows shaped before the rest is read (3, 10, or the whole table), the findings, skips, coverage and
 * localisation are the same, on random consistent trees with planted slips, broken trees, and rows in any
 * order; and they are those a brute-force check of the table expects (every parent against the sum of its
 * children, every unit's flow, the tree's breaks).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped, type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { fixtures } from '../helpers.js';

const { hierarchyUnits, hierarchyRecords, serialize, annexRate, formatNumber } = fixtures;

/** Rows shaped before the rest is read: a few, more, and the whole of any table here. */
const HEADS = [3, 10, 100_000];

async function atSizes(bytes: Uint8Array): Promise<CheckResult[]> {
  const { text, encoding } = decodeBytes(bytes);
  const out: CheckResult[] = [];
  for (const head of HEADS) out.push(checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {}));
  return out;
}

function view(r: CheckResult) {
  const vi = makeFmt('vi');
  const en = makeFmt('en');
  return {
    units: r.annex.units.length,
    total: r.annex.total?.name,
    locale: r.annex.locale,
    lang: r.annex.lang,
    findings: r.findings.map((f) =>
      JSON.stringify([f.rule, f.severity, f.at?.ref ?? null, f.at?.raw ?? null, f.unit ?? null, f.indicator ?? null, f.expected ?? null, f.actual ?? null, renderMessage(f.msg, vi), renderMessage(f.msg, en)]),
    ),
    skipped: r.skipped.map((s) => JSON.stringify([s.rule, s.unit ?? null, renderSkip(s.msg, en)])),
    coverage: r.coverage,
    causes: r.localisation.causes.map((c) => JSON.stringify([c.cells.map((x) => x.cell.ref), c.cells.map((x) => x.proposed ?? null), c.explains, c.confidence])),
    status: r.localisation.status,
  };
}

/** Every size gives the same result; returns it. */
async function sameAtEverySize(bytes: Uint8Array): Promise<CheckResult> {
  const [first, ...others] = await atSizes(bytes);
  for (const o of others) expect(view(o)).toEqual(view(first!));
  return first!;
}

type Row = Record<string, string>;

/** Rates of a row from its counts, by the annex conventions. */
function withRates(u: Row): Row {
  const out = { ...u };
  out.rate_start = annexRate(u.poor_start!, u.households_start!);
  out.rate_end = annexRate(u.poor_end!, u.households_end!);
  if (out.rate_start && out.rate_end) {
    const c = (x: string) => Math.round(Number(x) * 100);
    const d = c(out.rate_start) - c(out.rate_end);
    out.rate_reduced = `${d < 0 ? '-' : ''}${Math.floor(Math.abs(d) / 100)}.${String(Math.abs(d) % 100).padStart(2, '0')}`;
  } else out.rate_reduced = '';
  return out;
}

const COUNTS = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end'] as const;

interface Leaf {
  hs: number;
  dh: number;
  ps: number;
  pr: number;
}

const leaf: fc.Arbitrary<Leaf> = fc
  .record({
    hs: fc.oneof(fc.integer({ min: 1, max: 6000 }), fc.constantFrom(0, 1, 2, 3)),
    dh: fc.oneof(fc.integer({ min: -30, max: 80 }), fc.constant(0)),
    a: fc.integer({ min: 0, max: 600 }),
    b: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ hs, dh, a, b }) => {
    const ps = Math.floor((hs * a) / 1000);
    return { hs, dh, ps, pr: Math.floor((ps * b) / 1000) };
  });

/** A random consistent tree: a province, districts (or none: province → communes), communes. */
const tree = fc.record({
  twoLevels: fc.boolean(),
  districts: fc.array(fc.array(leaf, { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
  commaNames: fc.boolean(),
});

function rowsOf(t: { twoLevels: boolean; districts: Leaf[][]; commaNames: boolean }): Row[] {
  const countsOf = (l: Leaf) => {
    const he = Math.max(l.hs + l.dh, l.ps - l.pr, 0);
    return { households_start: l.hs, households_end: he, poor_start: l.ps, poor_reduced: l.pr, poor_end: l.ps - l.pr };
  };
  type C = ReturnType<typeof countsOf>;
  const add = (xs: C[]): C => COUNTS.reduce((acc, k) => ({ ...acc, [k]: xs.reduce((s, x) => s + x[k], 0) }), {} as C);
  const str = (c: C) => Object.fromEntries(COUNTS.map((k) => [k, String(c[k])]));
  const rows: Row[] = [];
  const comma = t.commaNames ? ', phường' : '';
  if (t.twoLevels) {
    const communes = t.districts.flat().map(countsOf);
    if (communes.length === 0) communes.push(countsOf({ hs: 100, dh: 1, ps: 10, pr: 1 }));
    rows.push(withRates({ code: '08', parent: '', name: 'Toàn tỉnh', ...str(add(communes)) }));
    communes.forEach((c, i) => rows.push(withRates({ code: `08${String(i).padStart(3, '0')}`, parent: '08', name: `Xã ${i}${comma}`, ...str(c) })));
    return rows;
  }
  const districts = t.districts.map((ls, d) => {
    const communes = ls.map(countsOf);
    const own = communes.length ? add(communes) : countsOf({ hs: 500 + d, dh: 2, ps: 50, pr: 5 });
    return { own, communes, code: `0${70 + d}` };
  });
  rows.push(withRates({ code: '08', parent: '', name: 'Toàn tỉnh', ...str(add(districts.map((d) => d.own))) }));
  for (const [d, x] of districts.entries()) {
    rows.push(withRates({ code: x.code, parent: '08', name: `Huyện ${d}`, ...str(x.own) }));
    x.communes.forEach((c, i) => rows.push(withRates({ code: `${x.code}${String(i).padStart(2, '0')}`, parent: x.code, name: `Xã ${i}${comma}`, ...str(c) })));
  }
  return rows;
}

const KEYS = [...COUNTS, 'rate_start', 'rate_reduced', 'rate_end'];

/** A slip in one cell: typed wrong, text, empty, another format, a fraction, a negative, a huge number. */
const slip = fc.record({
  row: fc.nat(),
  key: fc.constantFrom(...KEYS),
  how: fc.constantFrom('+1', '-1', '+100', 'x', 'empty', 'dash', 'frac', 'neg', 'huge', 'swap', 'lead0', 'space', 'pct'),
});

function plant(rows: Row[], slips: Array<{ row: number; key: string; how: string }>): Row[] {
  const out = rows.map((r) => ({ ...r }));
  for (const s of slips) {
    const r = out[s.row % out.length]!;
    const v = r[s.key] ?? '';
    const isRate = s.key.startsWith('rate_');
    const bump = (d: number) => (isRate ? (Number(v) + d / 100).toFixed(2) : String(Number(v) + d));
    r[s.key] = {
      '+1': bump(1),
      '-1': bump(-1),
      '+100': bump(100),
      x: `${v}x`,
      empty: '',
      dash: '-',
      frac: isRate ? `${v}5` : `${v}.5`,
      neg: v.startsWith('-') ? v.slice(1) : `-${v}`,
      huge: '123456789012345678901',
      swap: v.length > 1 ? v[1]! + v[0]! + v.slice(2) : v,
      lead0: `0${v}`,
      space: ` ${v} `,
      pct: `${v}%`,
    }[s.how]!;
  }
  return out;
}

/** Rows → records in a number format; rates in the format too; raw text (slips) left as typed where not plain digits. */
function records(rows: Row[], locale: 'vi' | 'en' | 'plain', keys: boolean): string[][] {
  const asPlain = (x: string) => /^-?\d+(\.\d+)?$/.test(x);
  const units = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, KEYS.includes(k) && asPlain(v) ? v : v])));
  const recs = hierarchyRecords(units as never, { locale: 'plain', keys });
  // Format numbers per locale here (hierarchyRecords formats only clean digits).
  return recs.map((rec, i) => (i === 0 ? rec : rec.map((cell, c) => (c >= 3 && asPlain(cell) ? formatNumber(cell, locale) : cell))));
}

const encoding = fc.record({ delimiter: fc.constantFrom(';', ',', '\t'), encoding: fc.constantFrom('utf-8', 'utf-8-bom'), eol: fc.constantFrom('\n', '\r\n') });


/** Row (0-based, in the file: the header is row 0) → the row's unit and counts, as written (plain digits only). */
function bruteForce(rows: Row[]) {
  const plainInt = (x: string | undefined) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : undefined);
  const sums = new Set<string>();
  const flows = new Set<number>();
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code && !byCode.has(r.code)) byCode.set(r.code, i);
  });
  const children = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const p = r.parent ? byCode.get(r.parent) : undefined;
    if (p !== undefined && p !== i) (children.get(p) ?? children.set(p, []).get(p)!).push(i);
  });
  let checkable = true;
  for (const [p, kids] of children) {
    for (const k of COUNTS) {
      const parts = kids.map((c) => plainInt(rows[c]![k]));
      const total = plainInt(rows[p]![k]);
      if (total === undefined || parts.some((x) => x === undefined)) {
        checkable = false;
        continue;
      }
      if (parts.reduce((a, b) => a! + b!, 0) !== total) sums.add(`${p + 1}:${k}`);
    }
  }
  rows.forEach((r, i) => {
    const [s, d, e] = [plainInt(r.poor_start), plainInt(r.poor_reduced), plainInt(r.poor_end)];
    if (s === undefined || d === undefined || e === undefined) checkable = false;
    else if (s - d !== e) flows.add(i + 1);
  });
  return { sums, flows, checkable };
}

/** The sum and flow errors found, as bruteForce names them (file row of the unit, indicator). */
function found(r: CheckResult) {
  const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]) - 1;
  return {
    sums: new Set(r.findings.filter((f) => f.rule === 'sum' && f.severity === 'error').map((f) => `${rowOf(f.at!.ref)}:${f.indicator}`)),
    flows: new Set(r.findings.filter((f) => f.rule === 'flow' && f.severity === 'error').map((f) => rowOf(f.at!.ref))),
  };
}

const NUMERIC_SLIPS = ['+1', '-1', '+100', 'swap'];

describe('one pipeline, whatever the rows shaped before the rest is read', () => {
  it('on random consistent trees with planted slips: the same result at every size, the errors brute force finds', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(slip, { maxLength: 3 }), fc.constantFrom('vi', 'en', 'plain'), fc.boolean(), encoding, async (t, slips, locale, keys, enc) => {
        const rows = plant(rowsOf(t), slips);
        const r = await sameAtEverySize(serialize(records(rows, locale as 'vi' | 'en' | 'plain', keys), enc));
        const expected = bruteForce(rows);
        if (expected.checkable && slips.every((s) => NUMERIC_SLIPS.includes(s.how))) {
          const got = found(r);
          expect(got.flows).toEqual(expected.flows);
          for (const s of expected.sums) expect(got.sums).toContain(s);
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('on broken trees (orphans) with planted slips', async () => {
    const broken = fc.record({ row: fc.nat() });
    await fc.assert(
      fc.asyncProperty(tree, broken, fc.array(slip, { maxLength: 2 }), async (t, b, slips) => {
        const rows = plant(rowsOf(t), slips);
        const i = 1 + (b.row % (rows.length - 1));
        rows[i]!.parent = '';
        const r = await sameAtEverySize(serialize(records(rows, 'vi', false), { delimiter: ';' }));
        expect(r.findings.filter((f) => f.msg.id === 'hierarchy.orphan').map((f) => f.unit)).toContain(rows[i]!.name);
      }),
      { numRuns: 40, seed: 777 },
    );
  });

  it('on unknown parents, cycles (a unit its own parent too) and duplicate codes', async () => {
    const broken = fc.record({ row: fc.nat(), other: fc.nat(), how: fc.constantFrom('unknown', 'cycle', 'self', 'duplicate') });
    await fc.assert(
      fc.asyncProperty(tree, broken, fc.array(slip, { maxLength: 2 }), async (t, b, slips) => {
        const rows = plant(rowsOf(t), slips);
        const i = 1 + (b.row % (rows.length - 1));
        const r = rows[i]!;
        let j = i;
        if (b.how === 'unknown') r.parent = '999';
        else if (b.how === 'self') r.parent = r.code!;
        else if (b.how === 'duplicate') {
          j = b.other % rows.length;
          r.code = rows[j]!.code!;
        } else {
          j = 1 + (b.other % (rows.length - 1));
          r.parent = rows[j]!.code!;
          rows[j]!.parent = r.code!;
        }
        const result = await sameAtEverySize(serialize(records(rows, 'vi', false), { delimiter: ';' }));
        const ids = result.findings.map((f) => f.msg.id);
        if (b.how === 'unknown') expect(ids).toContain('hierarchy.unknown-parent');
        else if (b.how === 'self' || (b.how === 'cycle' && i !== j)) expect(ids).toContain('hierarchy.cycle');
        else if (b.how === 'duplicate' && i !== j) expect(ids).toContain('duplicate.code');
      }),
      { numRuns: 40, seed: 99 },
    );
  });

  it('on tables not written top-down (rows in any order)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(slip, { maxLength: 2 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (t, slips, keys) => {
        const rows = plant(rowsOf(t), slips);
        const order = rows.map((_, i) => i).sort((a, b) => keys[a % 40]! - keys[b % 40]! || a - b);
        const shuffled = order.map((i) => rows[i]!);
        const r = await sameAtEverySize(serialize(records(shuffled, 'en', true), { delimiter: ',', encoding: 'utf-8' }));
        const expected = bruteForce(shuffled);
        if (expected.checkable && slips.every((s) => NUMERIC_SLIPS.includes(s.how))) expect(found(r).flows).toEqual(expected.flows);
      }),
      { numRuns: 40, seed: 5150 },
    );
  });
});

describe('the three-level fixture, read row by row after its first rows', () => {
  const units = hierarchyUnits(3);
  const plantAt = (name: string, key: string, delta: number) => {
    const copy = units.map((u) => ({ ...u }));
    const u = copy.find((x) => x.name === name)!;
    u[key] = String(Number(u[key]) + delta);
    return serialize(hierarchyRecords(copy));
  };

  it.each([
    ['a commune', 'Xã 3 Chiêm Hóa', 'households_end', 7],
    ['a district', 'Hàm Yên', 'poor_start', -5],
    ['the province', 'Toàn tỉnh', 'poor_reduced', 1],
  ])('finds a planted error in %s, and localises it to its cell', async (_level, name, key, delta) => {
    const r = await sameAtEverySize(plantAt(name, key, delta));
    expect(r.findings.filter((f) => f.rule === 'sum').length).toBeGreaterThan(0);
    const unit = [...r.annex.units].find((u) => u.name === name)!;
    const col = hierarchyRecords()[0]!.length - 8 + [...COUNTS].indexOf(key as (typeof COUNTS)[number]);
    expect(r.localisation.causes[0]?.cells.map((c) => c.cell.ref)).toEqual([`${String.fromCharCode(65 + col)}${unit.cell!.row + 1}`]);
  });

  it("folds the communes' denominator infos into one per district", async () => {
    const r = await sameAtEverySize(serialize(hierarchyRecords(units)));
    const summaries = r.findings.filter((f) => f.msg.id === 'denominator.summary');
    expect(summaries).toHaveLength(7);
    expect(summaries[0]!.msg.params).toMatchObject({ parent: 'Sơn Dương', count: 3 });
    expect(summaries.every((f) => f.severity === 'info')).toBe(true);
    // The districts keep theirs (infos); the province has the one warning.
    expect(r.findings.filter((f) => f.msg.id === 'denominator.mixed')).toHaveLength(7);
    expect(r.findings.filter((f) => f.rule === 'denominator' && f.severity === 'warning').map((f) => f.msg.id)).toEqual(['denominator.total']);
  });

  it("decides the number format from every row, not the first ones: a count in the other format far down is read in the table's", async () => {
    const copy = units.map((u) => ({ ...u }));
    const last = copy[copy.length - 1]!;
    const recs = hierarchyRecords(copy, { locale: 'vi' });
    recs[recs.length - 1]![3] = formatNumber(last.households_start!, 'en');
    const r = await sameAtEverySize(serialize(recs));
    expect(r.annex.locale).toBe('vi');
    // "12,345" in a Vietnamese table is 12.345: not a whole number of households.
    expect(Number(last.households_start)).toBeGreaterThanOrEqual(1000);
    expect(r.findings.filter((f) => f.at?.row === recs.length - 1 && f.indicator === 'households_start').map((f) => f.rule)).toContain('range');
  });
});

describe('tables without a row of labels, read row by row after their first rows as well', () => {
  /** Heads too short to decide as the whole table does (3), long enough (90, 150), and the whole table. */
  const UNLABELLED_HEADS = [3, 90, 150, 100_000];

  /** Heads after which the rest was read record by record (no grid of the whole table made). */
  let streamed: number[] = [];

  async function resultsAt(text: string): Promise<Array<CheckResult | string>> {
    const out: Array<CheckResult | string> = [];
    streamed = [];
    for (const head of UNLABELLED_HEADS) {
      try {
        const shaped = await shapeTable(delimitedTable(text, 'utf-8', undefined, head));
        if (!shaped.grid) streamed.push(head);
        out.push(checkShaped(shaped, {}));
      } catch (e) {
        out.push(`${(e as { code?: string }).code}`);
      }
    }
    return out;
  }

  /** Rates by year as the columns of a table of units (a statistical release): `n` units under the country. */
  const yearsAsColumns = (rates: Array<[string, string]>, title = '') =>
    `${title ? `${title};;\n` : ''};Năm 2002;Năm 2004\nCả nước;${rates[0]![0]};${rates[0]![1]}\n${rates
      .slice(1)
      .map(([a, b], i) => `Xã số ${i + 1};${a};${b}`)
      .join('\n')}\n`;

  const rate = fc.integer({ min: 0, max: 1000 }).map((x) => `${Math.floor(x / 10)},${x % 10}`);

  it('years as columns, rates inferred from their figures: the same at every size, with slips (a rate outside the parts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(rate, rate), { minLength: 120, maxLength: 400 }), async (rates) => {
        const results = await resultsAt(yearsAsColumns(rates));
        const [first, ...others] = results;
        expect(typeof first).not.toBe('string');
        for (const o of others) expect(view(o as CheckResult)).toEqual(view(first as CheckResult));
        // Read row by row after a head long enough to decide the layout and shorter than the table; a head of 3
        // rows is read whole.
        expect(streamed).toEqual([90, 150].filter((h) => h < rates.length + 1));
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('a later figure that breaks the inference (a count, not a rate) refuses the table at every size, as the whole table is refused', async () => {
    const rates: Array<[string, string]> = Array.from({ length: 300 }, (_, i) => [`${10 + (i % 50)},1`, `${5 + (i % 40)},2`]);
    for (const at of [5, 200, 299]) {
      const broken = rates.map((r, i) => (i === at ? (['1234', r[1]] as [string, string]) : r));
      expect(await resultsAt(yearsAsColumns(broken))).toEqual(['NOT_A_TABLE', 'NOT_A_TABLE', 'NOT_A_TABLE', 'NOT_A_TABLE']);
    }
  });

  it('years as columns under a title that names the indicator, and one indicator beside the names: the same at every size', async () => {
    const counts: Array<[string, string]> = Array.from({ length: 300 }, (_, i) => [String(1000 + i), String(900 + i)]);
    counts[0] = [String(counts.slice(1).reduce((s, c) => s + Number(c[0]), 0)), String(counts.slice(1).reduce((s, c) => s + Number(c[1]) + (0), 0) + 1)];
    const titled = await resultsAt(yearsAsColumns(counts, 'Số hộ nghèo'));
    expect(streamed).toEqual([90, 150]);
    const oneInd = await resultsAt(`Đơn vị;Tỷ lệ hộ nghèo (%)\nCả nước;20,5\n${Array.from({ length: 300 }, (_, i) => `Xã số ${i + 1};${10 + (i % 50)},1`).join('\n')}\n`);
    expect(streamed).toEqual([90, 150]);
    for (const results of [titled, oneInd]) {
      const [first, ...others] = results;
      expect(typeof first).not.toBe('string');
      for (const o of others) expect(view(o as CheckResult)).toEqual(view(first as CheckResult));
    }
    // The titled counts' sum slip is found at every size.
    expect((titled[1] as CheckResult).findings.some((f) => f.rule === 'sum')).toBe(true);
  });
});
