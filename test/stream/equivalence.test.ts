/**
 * The streaming path and the in-memory path give the same findings (rule, severity, cell, unit, indicator,
 * expected, actual, message in both languages), the same skips and the same table summary, on random
 * consistent hierarchical tables with random planted errors; and the planted error at each level of the
 * three-level fixture is found by both.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFile } from '../../src/pipeline.js';
import type { FileResult } from '../../src/model/file-result.js';
import type { ValidateOptions } from '../../src/model/options.js';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { tableOf } from '../../src/reporters/types.js';
import { fixtures } from '../helpers.js';

const { hierarchyUnits, hierarchyRecords, serialize, annexRate, formatNumber } = fixtures;

const dir = mkdtempSync(join(tmpdir(), 'povcheck-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

function write(bytes: Uint8Array): string {
  const f = join(dir, `t${fileNo++}.csv`);
  writeFileSync(f, bytes);
  return f;
}

function view(r: FileResult) {
  const vi = makeFmt('vi');
  const en = makeFmt('en');
  return {
    status: r.status,
    error: r.error ? `${r.error.code} ${JSON.stringify(r.error.params)} ${r.error.cell ?? ''}` : undefined,
    table: tableOf(r),
    source: r.source,
    findings: r.findings
      .map((f) =>
        JSON.stringify([f.rule, f.severity, f.at?.ref ?? null, f.unit ?? null, f.indicator ?? null, f.expected ?? null, f.actual ?? null, renderMessage(f.msg, vi), renderMessage(f.msg, en)]),
      )
      .sort(),
    skipped: r.skipped.map((s) => JSON.stringify([s.rule, s.unit ?? null, renderSkip(s.msg, en)])).sort(),
  };
}

async function both(bytes: Uint8Array, opts: ValidateOptions = {}) {
  const file = write(bytes);
  const memory = await validateFile(file, { ...opts, stream: 'never' });
  const streamed = await validateFile(file, { ...opts, stream: 'always' });
  return { memory, streamed };
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

describe('streaming and in-memory paths agree', () => {
  it('on random consistent trees with planted slips', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(slip, { maxLength: 3 }), fc.constantFrom('vi', 'en', 'plain'), fc.boolean(), encoding, async (t, slips, locale, keys, enc) => {
        const recs = records(plant(rowsOf(t), slips), locale as 'vi' | 'en' | 'plain', keys);
        const { memory, streamed } = await both(serialize(recs, enc));
        expect(view(streamed)).toEqual(view(memory));
      }),
      { numRuns: 150, seed: 4242 },
    );
  });

  it('on broken trees (orphans) with planted slips', async () => {
    const broken = fc.record({ row: fc.nat() });
    await fc.assert(
      fc.asyncProperty(tree, broken, fc.array(slip, { maxLength: 2 }), async (t, b, slips) => {
        const rows = plant(rowsOf(t), slips);
        const r = rows[1 + (b.row % (rows.length - 1))]!;
        r.parent = '';
        const { memory, streamed } = await both(serialize(records(rows, 'vi', false), { delimiter: ';' }));
        expect(view(streamed)).toEqual(view(memory));
      }),
      { numRuns: 100, seed: 777 },
    );
  });

  it('on unknown parents, cycles (a unit its own parent too) and duplicate codes', async () => {
    const broken = fc.record({ row: fc.nat(), other: fc.nat(), how: fc.constantFrom('unknown', 'cycle', 'self', 'duplicate') });
    await fc.assert(
      fc.asyncProperty(tree, broken, fc.array(slip, { maxLength: 2 }), async (t, b, slips) => {
        const rows = plant(rowsOf(t), slips);
        const i = 1 + (b.row % (rows.length - 1));
        const r = rows[i]!;
        if (b.how === 'unknown') r.parent = '999';
        else if (b.how === 'self') r.parent = r.code!;
        else if (b.how === 'duplicate') r.code = rows[b.other % rows.length]!.code!;
        else {
          const j = 1 + (b.other % (rows.length - 1));
          r.parent = rows[j]!.code!;
          rows[j]!.parent = r.code!;
        }
        const { memory, streamed } = await both(serialize(records(rows, 'vi', false), { delimiter: ';' }));
        expect(view(streamed)).toEqual(view(memory));
      }),
      { numRuns: 100, seed: 99 },
    );
  });

  it('on tables not written top-down (rows in any order)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(slip, { maxLength: 2 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (t, slips, keys) => {
        const rows = plant(rowsOf(t), slips);
        const order = rows.map((_, i) => i).sort((a, b) => (keys[a % 40]! - keys[b % 40]!) || a - b);
        const shuffled = order.map((i) => rows[i]!);
        const { memory, streamed } = await both(serialize(records(shuffled, 'en', true), { delimiter: ',', encoding: 'utf-8' }));
        expect(view(streamed)).toEqual(view(memory));
      }),
      { numRuns: 100, seed: 5150 },
    );
  });
});

describe('the three-level fixture, streamed', () => {
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
  ])('finds a planted error in %s as the in-memory path does', async (_level, name, key, delta) => {
    const { memory, streamed } = await both(plantAt(name, key, delta));
    expect(view(streamed)).toEqual(view(memory));
    expect(streamed.findings.filter((f) => f.rule === 'sum').length).toBeGreaterThan(0);
  });

  it('folds the communes\' denominator infos into one per district, as the in-memory path does', async () => {
    const { memory, streamed } = await both(serialize(hierarchyRecords(units)));
    expect(view(streamed)).toEqual(view(memory));
    const summaries = streamed.findings.filter((f) => f.msg.id === 'denominator.summary');
    expect(summaries).toHaveLength(7);
    expect(summaries[0]!.msg.params).toMatchObject({ parent: 'Sơn Dương', count: 3 });
    expect(summaries.every((f) => f.severity === 'info')).toBe(true);
    // The districts keep theirs (infos); the province has the one warning.
    expect(streamed.findings.filter((f) => f.msg.id === 'denominator.mixed')).toHaveLength(7);
    expect(streamed.findings.filter((f) => f.rule === 'denominator' && f.severity === 'warning').map((f) => f.msg.id)).toEqual(['denominator.total']);
  });

  it('decides the number format from the head only', async () => {
    const bytes = serialize(hierarchyRecords(units, { locale: 'vi' }));
    const file = write(bytes);
    const r = await validateFile(file, { stream: 'always', headRows: 3 } as ValidateOptions);
    expect(tableOf(r)?.locale).toBe('vi');
    expect(r.status).toBe('ok');
  });
});
