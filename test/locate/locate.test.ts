/**
 * Error localisation on hand-made cases: each slip kind named, the findings a cause explains, rates that
 * do not pin a count, no explanation of size ≤ 2, spreadsheet formulas (consequences vs entries), and a
 * bound on big tables. Also: the check system agrees with the rules on what fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { a1, type Cell, type Grid } from '../../src/model/grid.js';
import { checkGrid } from '../../src/check-grid.js';
import { evaluate, parseFormula } from '../../src/model/expr.js';
import { buildSystem, compareChecks, Evaluation } from '../../src/locate/model.js';
import { runRules } from '../../src/rules/index.js';
import { RELATION_KINDS } from '../../src/relations/index.js';
import { locate } from '../../src/locate/index.js';
import { Dec } from '../../src/calc/decimal.js';
import { slipKind } from '../../src/locate/slips.js';
import { checkBytes, checkRecords, fixtures } from '../helpers.js';
import { jsonReport } from '../../src/reporters/json.js';
import { textReport } from '../../src/reporters/text.js';
import { PLAIN_STYLE } from '../../src/reporters/types.js';

const { wideRecords, longRecords, SEED, UNITS } = fixtures;
const col = (u: string) => UNITS.indexOf(u);
const withTexts = (texts: Record<string, string>) => checkRecords(wideRecords(SEED, { texts }));
const only = (r: ReturnType<typeof withTexts>) => {
  expect(r.localisation.status).toBe('found');
  expect(r.localisation.causes).toHaveLength(1);
  const c = r.localisation.causes[0]!;
  expect(c.confidence).toBe('unique');
  expect(c.cells).toHaveLength(1);
  return { cause: c, cell: c.cells[0]!, explains: c.explains.map((i) => `${r.findings[i]!.rule}@${r.findings[i]!.at?.ref}`).sort() };
};

describe('the seed annex', () => {
  it('is clean: nothing to locate', () => {
    const r = checkRecords(wideRecords());
    expect(r.localisation).toEqual({ status: 'clean', failing: 0, causes: [], more: 0 });
  });
});

describe('one cell explains everything, and the slip is named', () => {
  it.each([
    ['transposition', { [`poor_end:${col('Chiêm Hóa')}`]: '4.963' }, 'I6', '4693', ['flow@I6', 'rate@I10', 'sum@D6']],
    ['mistyped', { 'households_start:0': '210.399' }, 'D2', '210299', ['rate@D8', 'sum@D2']],
    ['dropped', { [`poor_reduced:${col('Hàm Yên')}`]: '79' }, 'H5', '799', ['flow@H6', 'sum@D5']],
    ['doubled', { [`poor_reduced:${col('Na Hang')}`]: '3.990' }, 'J5', '390', ['flow@J6', 'range@J5', 'sum@D5']],
    ['extra', { [`poor_end:${col('Sơn Dương')}`]: '36.857' }, 'E6', '3657', ['flow@E6', 'rate@E10', 'sum@D6']],
    ['separator', { [`poor_start:${col('Lâm Bình')}`]: '2,75' }, 'K4', '2750', ['flow@K6', 'range@K4', 'range@K5', 'rate@K8', 'sum@D4']],
    ['share', { 'rate_start:0': '0,1180' }, 'D8', '11.80', ['rate-change@D9', 'rate@D8']],
    ['reduction-share', { 'rate_reduced:0': '1,99' }, 'D9', '2.06', ['rate-change@D9']],
    ['unrounded-difference', { [`rate_reduced:${col('Hàm Yên')}`]: '2,64' }, 'H9', '2.65', ['rate-change@H9']],
    ['start-denominator', { [`rate_end:${col('Na Hang')}`]: '25,83' }, 'J10', '25.56', ['rate-change@J9', 'rate@J10']],
    ['transposition', { [`rate_start:${col('Yên Sơn')}`]: '9,62' }, 'F8', '9.26', ['rate-change@F9', 'rate@F8']],
  ])('%s: %j', (kind, texts, ref, proposed, explains) => {
    const o = only(withTexts(texts));
    expect(o.cell).toMatchObject({ proposed, kind });
    expect(o.cell.cell.ref).toBe(ref);
    expect(o.cause.pinned).toBe(true);
    expect(o.explains).toEqual(explains);
  });

  it('the same in the long layout and in English', () => {
    const r = checkRecords(longRecords(SEED, { keys: false, texts: { [`poor_end:${col('Chiêm Hóa')}`]: '4.963' } }));
    const o = only(r);
    expect(o.cell).toMatchObject({ proposed: '4693', kind: 'transposition', unit: 'Chiêm Hóa', indicator: 'poor_end' });
    const en = checkRecords(wideRecords(SEED, { locale: 'en', lang: 'en', texts: { [`poor_end:${col('Chiêm Hóa')}`]: '4,963' } }));
    expect(only(en).cell).toMatchObject({ proposed: '4693', kind: 'transposition' });
  });
});

describe('what the checks cannot decide', () => {
  it('several equally small explanations: all listed, ranked, ambiguous', () => {
    // One household more in Sơn Dương leaves every rate as it is: only the sum fails.
    const r = withTexts({ [`households_start:${col('Sơn Dương')}`]: '49.875' });
    const loc = r.localisation;
    expect(loc.causes.length).toBeGreaterThan(1);
    expect(loc.causes.every((c) => c.confidence === 'ambiguous')).toBe(true);
    expect(loc.causes.map((c) => c.cells[0]!.cell.ref)).toContain('E2');
    // Slips first: the cells whose change is one mistyped digit come before the others.
    const firstPlain = loc.causes.findIndex((c) => !c.cells[0]!.kind);
    expect(loc.causes.slice(0, firstPlain).every((c) => c.cells[0]!.kind === 'mistyped')).toBe(true);
    expect(loc.causes.slice(firstPlain).every((c) => !c.cells[0]!.kind)).toBe(true);
  });

  it('rates do not pin a count: a range, pinned false, a slip-like value picked out of it', () => {
    // One commune, no total: its households appear only in its rates.
    const data = { households_start: ['7633'], households_end: ['7705'], poor_start: ['2750'], poor_reduced: ['282'], poor_end: ['2468'], rate_start: ['36.03'], rate_reduced: ['4.00'], rate_end: ['32.03'] };
    const r = checkRecords(wideRecords(data, { units: ['Lâm Bình'], texts: { 'households_start:0': '7.363' } }));
    const loc = r.localisation;
    expect(loc.status).toBe('found');
    expect(loc.causes).toHaveLength(1);
    const c = loc.causes[0]!;
    expect(c.confidence).toBe('unique');
    expect(c.pinned).toBe(false);
    const cell = c.cells[0]!;
    expect(cell.cell.ref).toBe('D2');
    const min = new Dec(cell.range!.min!);
    const max = new Dec(cell.range!.max!);
    expect(min.lte(7633) && max.gte(7633)).toBe(true);
    expect(max.minus(min).gt(0)).toBe(true);
    // Every value in the range keeps 36,03 %; the ends are tight.
    const rateOf = (h: Dec) => new Dec(2750).mul(100).div(h).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
    expect([rateOf(min), rateOf(max)]).toEqual(['36.03', '36.03']);
    expect(rateOf(min.minus(1))).not.toBe('36.03');
    expect(rateOf(max.plus(1))).not.toBe('36.03');
    expect(cell).toMatchObject({ proposed: '7633', kind: 'transposition' });
  });

  it('three slips, no set of one or two cells for all: each independent error localised on its own', () => {
    const r = withTexts({
      [`poor_end:${col('Chiêm Hóa')}`]: '4.963',
      [`rate_start:${col('Yên Sơn')}`]: '9,62',
      [`households_end:${col('Na Hang')}`]: '10.850',
    });
    expect(r.localisation).toMatchObject({ status: 'found', causes: [] });
    expect(r.localisation.failing).toBeGreaterThan(4);
    const parts = r.localisation.parts!.map((p) => p.causes[0]!.cells.map((c) => `${c.cell.ref}=${c.proposed}`).join('+'));
    expect(parts).toEqual(['J3=10580+I6=4693', 'F8=9.26']);
    expect(r.localisation.parts!.every((p) => p.causes[0]!.confidence === 'unique')).toBe(true);
  });

  it('rate slips linked by a sum\'s cells: a rate cell in its own check alone is peeled (helper-78: no cause was named)', async () => {
    const { gridFromAnyBytes } = await import('../../src/read/index.js');
    const csv = '\uFEFFTT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)\n1;Xã A;1000;120;12,20\n2;Xã B;2000;300;15,50\n3;Xã C;1500;90;6,00\n;Toàn huyện;4600;510;\n';
    const r = checkGrid(await gridFromAnyBytes(Buffer.from(csv, 'utf8'), { name: 't.csv' }));
    expect(r.localisation.status).toBe('found');
    const parts = r.localisation.parts!.map((p) => p.causes[0]!.cells.map((c) => `${c.cell.ref}=${c.proposed}`).join('+'));
    expect(parts).toEqual(['E2=12.00', 'E3=15.00+C5=4500']);
  });

  it('no set of cells explains the errors of one row: says so instead of guessing', () => {
    const r = withTexts({ 'households_start:0': '210.999', 'households_start:1': '49.000', 'households_start:2': '39.000', 'households_start:3': '36.000' });
    expect(r.localisation).toMatchObject({ status: 'none', causes: [] });
  });

  it('answers on a big table with errors in more units than two cells reach: no search for one explanation of all, each error on its own', () => {
    const n = 600;
    const units = ['Toàn tỉnh', ...Array.from({ length: n }, (_, i) => `Xã ${i + 1}`)];
    const row = (f: (i: number) => number) => [String(Array.from({ length: n }, (_, i) => f(i)).reduce((a, b) => a + b, 0)), ...Array.from({ length: n }, (_, i) => String(f(i)))];
    const h = (i: number) => 1000 + ((i * 37) % 500);
    const p0 = (i: number) => 100 + (i % 50);
    const data = { households_start: row(h), households_end: row(h), poor_start: row(p0), poor_reduced: row(() => 10), poor_end: row((i) => p0(i) - 10) };
    const texts = { 'households_start:5': '1.185', 'households_start:9': '9.999', 'poor_start:17': '177', 'poor_end:300': '1' };
    const r = checkRecords(wideRecords(data, { units, rates: false, texts }));
    expect(r.localisation.failing).toBe(r.findings.filter((f) => f.severity === 'error' && ['sum', 'flow', 'rate', 'rate-change'].includes(f.rule)).length);
    expect(r.localisation.status).toBe('found');
    // What it names is honest: the sum two slips hide in is ambiguous, never one confident cell; the slips of
    // poor households (U4, KR6) are named with their values.
    const parts = r.localisation.parts!;
    for (const p of parts) if (p.failing === 1) expect(p.causes[0]?.confidence).not.toBe('unique');
    expect(parts.some((p) => p.causes[0]!.cells.map((c) => c.cell.ref).join('+') === 'U4+KR6')).toBe(true);
  });
});

describe('the model of a small table', () => {
  it('takes the instances the rules kept, listing none again, and loads the same checks', () => {
    const r = withTexts({ [`poor_end:${col('Chiêm Hóa')}`]: '4.963', 'households_start:0': '210.399' });
    const { checked } = runRules(r.annex, undefined, { keep: true });
    const keys = (sys: ReturnType<typeof buildSystem>) => [...sys.checks].sort(compareChecks).map((c) => `${c.family}@${c.at}:${[...c.vars].join(' ')}`);
    const ids = Array.from({ length: r.annex.units.length }, (_, id) => id);
    const listed = RELATION_KINDS.filter((k) => checked!.of(k.id)).map((k) => vi.spyOn(k, 'instances'));
    try {
      const kept = buildSystem(r.annex, { scope: 'component', checked });
      kept.failing([col('Chiêm Hóa')]);
      kept.failing(ids);
      expect(listed.length).toBeGreaterThan(3);
      for (const spy of listed) expect(spy).not.toHaveBeenCalled();
      const scoped = buildSystem(r.annex, { scope: 'component' });
      scoped.failing([col('Chiêm Hóa')]);
      scoped.failing(ids);
      expect(keys(kept)).toEqual(keys(scoped));
      expect(kept.guards.length).toBe(scoped.guards.length);
    } finally {
      for (const spy of listed) spy.mockRestore();
    }
  });

  it('lists a unit’s bounds when a guard of its cells is first asked for: each cell’s guards those the whole table’s listing gives, in its order', () => {
    const guardKeys = (sys: ReturnType<typeof buildSystem>, ref: string) => sys.guardsOf(ref).map((g) => JSON.stringify([g.a, g.b, [...g.vars]]));
    const tables = [
      withTexts({}),
      withTexts({ [`poor_end:${col('Chiêm Hóa')}`]: '4.963', 'households_start:0': '210.399' }),
      withTexts({ 'rate_end:2': '101,5', [`poor_reduced:${col('Lâm Bình')}`]: '-282' }),
      checkRecords(fixtures.longRecords(SEED, { texts: { 'poor_start:3': '5.913', 'rate_start:1': '9,13' } })),
    ];
    for (const r of tables) {
      const { checked } = runRules(r.annex, undefined, { keep: true });
      const ids = Array.from({ length: r.annex.units.length }, (_, id) => id);
      const whole = buildSystem(r.annex, { checked });
      // Cells asked about in an order other than the table's (a unit loaded and its bounds listed at the first question
      // about one of its cells), then every cell with every unit loaded.
      const scoped = buildSystem(r.annex, { scope: 'component', checked });
      scoped.failing([ids.length - 1]);
      let asked = 0;
      for (const ref of [...whole.cells.keys()].reverse()) if (scoped.cells.has(ref) && ++asked) expect(guardKeys(scoped, ref)).toEqual(guardKeys(whole, ref));
      expect(asked).toBeGreaterThan(10);
      scoped.failing(ids);
      for (const ref of whole.cells.keys()) expect(guardKeys(scoped, ref)).toEqual(guardKeys(whole, ref));
      expect(scoped.guards.length).toBe(whole.guards.length);
      expect(scoped.guards.length).toBeGreaterThan(0);
    }
  });
});

describe('the checks mirror the rules', () => {
  it.each([
    [{}],
    [{ [`poor_end:${col('Chiêm Hóa')}`]: '4.963' }],
    [{ 'rate_reduced:3': '0,52', 'households_end:2': '40.214' }],
    [{ [`poor_reduced:${col('Lâm Bình')}`]: '28x', 'poor_start:2': '3.649' }],
  ])('the failing checks are exactly the sum / flow / rate / rate-change errors: %j', (texts) => {
    const r = withTexts(texts);
    const sys = buildSystem(r.annex);
    const ev = new Evaluation(sys, new Map());
    const failing = sys.checks.filter((c) => !ev.holds(c)).map((c) => `${c.family}@${c.at}`).sort();
    const errors = r.findings.filter((f) => f.severity === 'error' && ['sum', 'flow', 'rate', 'rate-change'].includes(f.rule)).map((f) => `${f.rule}@${f.at?.ref}`).sort();
    expect(failing).toEqual(errors);
  });

  it('rates computed from the counts when the table prints none', () => {
    // Only the reduction is printed: the check computes start and end rates from the counts.
    const r = checkRecords(longRecords(SEED, { locale: 'plain', texts: {} }).map((row) => row.filter((_, i) => i !== 6 && i !== 8)));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const rows = longRecords(SEED, { locale: 'plain', texts: { 'rate_reduced:4': '2.64' } }).map((row) => row.filter((_, i) => i !== 6 && i !== 8));
    const bad = checkRecords(rows);
    const c = bad.localisation.causes;
    expect(c.map((x) => [x.cells[0]!.cell.ref, x.cells[0]!.proposed, x.cells[0]!.kind, x.confidence])).toEqual([['G6', '2.65', 'unrounded-difference', 'unique']]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Spreadsheet formulas. Grids built by hand, as issue 4's XLSX reader fills Cell.formula: the raw text is
// the cached value, the formula what computes it.

interface Sheet {
  values: string[][];
  formulas: Record<string, string>;
}

/** The seed in the wide layout as a workbook would hold it: totals as =SUM, rates as =ROUND(…;2). */
function seedSheet(): Sheet {
  const values = wideRecords();
  const formulas: Record<string, string> = {};
  for (let r = 2; r <= 6; r++) formulas[`D${r}`] = `=SUM(E${r}:K${r})`;
  for (const c of 'DEFGHIJK') {
    formulas[`${c}8`] = `=ROUND(${c}4/${c}2*100;2)`;
    formulas[`${c}10`] = `=ROUND(${c}6/${c}3*100;2)`;
    formulas[`${c}9`] = `=${c}8-${c}10`;
  }
  return { values, formulas };
}

/** Sets an entered cell and recalculates the formulas, as the spreadsheet would before saving. */
function recalc(sheet: Sheet, set: Record<string, string> = {}): Grid {
  const values = sheet.values.map((r) => [...r]);
  const at = (ref: string) => {
    const m = /^([A-Z])(\d+)$/.exec(ref)!;
    return [Number(m[2]) - 1, m[1]!.charCodeAt(0) - 65] as const;
  };
  for (const [ref, v] of Object.entries(set)) {
    const [r, c] = at(ref);
    values[r]![c] = v;
  }
  const num = (s: string) => new Dec(s.replace(/\./g, '').replace(',', '.'));
  for (let pass = 0; pass < 3; pass++) {
    for (const [ref, f] of Object.entries(sheet.formulas)) {
      const [r, c] = at(ref);
      const v = evaluate(parseFormula(f)!, (x) => {
        const [rr, cc] = at(x);
        return num(values[rr]![cc]!);
      })!;
      values[r]![c] = fixtures.formatNumber(r + 1 >= 8 ? v.toFixed(2) : v.toFixed(0), 'vi');
    }
  }
  const rows = values.map((rec, r) => rec.map((raw, c): Cell => ({ raw, ref: a1(r, c), row: r, col: c, sheet: 'Sheet1', ...(sheet.formulas[a1(r, c)] ? { formula: sheet.formulas[a1(r, c)]! } : {}) })));
  return { rows, sheet: 'Sheet1', source: { kind: 'workbook', format: 'xlsx', sheet: 'Sheet1' } };
}

describe('spreadsheet formulas', () => {
  it('the recalculated seed workbook is clean', () => {
    const r = checkGrid(recalc(seedSheet()));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.localisation.status).toBe('clean');
  });

  it('a district typo under =SUM totals (rates typed) is one cause, not the totals', () => {
    const sheet = seedSheet();
    for (const k of Object.keys(sheet.formulas)) if (!/^D[2-6]$/.test(k)) delete sheet.formulas[k];
    const r = checkGrid(recalc(sheet, { I6: '4.963' }));
    // The spreadsheet recomputed the total D6: the sums hold, flow fails in Chiêm Hóa and in the province.
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.at?.ref}`).sort()).toEqual(['flow@D6', 'flow@I6', 'rate@D10', 'rate@I10']);
    const loc = r.localisation;
    expect(loc.causes).toHaveLength(1);
    expect(loc.causes[0]!.confidence).toBe('unique');
    expect(loc.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind, c.formula])).toEqual([['I6', '4693', 'transposition', undefined]]);
  });

  it('under =ROUND rates too, the rates are no evidence: the typo ranks first among the flow\'s cells', () => {
    const r = checkGrid(recalc(seedSheet(), { I6: '4.963' }));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.at?.ref}`).sort()).toEqual(['flow@D6', 'flow@I6']);
    const loc = r.localisation;
    expect(loc.causes.map((c) => [c.cells[0]!.cell.ref, c.cells[0]!.proposed, c.cells[0]!.kind ?? null, c.confidence])).toEqual([
      ['I6', '4693', 'transposition', 'ranked'],
      ['I4', '5781', null, 'ranked'],
      ['I5', '548', null, 'ranked'],
    ]);
    // No total is ever proposed: D6 is a consequence.
    expect(loc.causes.flatMap((c) => c.cells.map((x) => x.cell.ref))).not.toContain('D6');
  });

  it('a formula of another shape counts as an entered value, and the cause says so', () => {
    const sheet = seedSheet();
    sheet.formulas.D5 = '=SUMPRODUCT(E5:K5;1)'; // not recomputed
    const g = recalc({ ...sheet, formulas: { ...sheet.formulas, D5: '=SUM(E5:K5)' } });
    // Cached value typed over: the province's reduced households 4.188 shows as 4.818.
    const rows = g.rows.map((row) => row.map((c) => (c.ref === 'D5' ? { ...c, raw: '4.818', formula: '=SUMPRODUCT(E5:K5;1)' } : c)));
    const r = checkGrid({ ...g, rows });
    const loc = r.localisation;
    expect(loc.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind, c.formula?.role])).toEqual([['D5', '4188', 'transposition', 'entered']]);
  });

  it('the reports say how a formula cell was treated (JSON `formulas`, `sheet`; the sentence)', () => {
    const sheet = seedSheet();
    sheet.formulas.D2 = '=SUM(E2:J2)';
    const grid = recalc(sheet);
    const r = checkGrid(grid);
    const file = { file: 'annex.xlsx', status: 'invalid' as const, source: grid.source, grid, annex: r.annex, findings: r.findings, skipped: r.skipped, localisation: r.localisation };
    const out = JSON.parse(jsonReport({ files: [file], lang: 'en', fallbackLang: 'en', strict: false }));
    expect(out.files[0].causes[0]).toMatchObject({ cells: ['D2'], sheet: 'Sheet1', proposed: { D2: '210299' }, formulas: { D2: { formula: '=SUM(E2:J2)', treated: 'suspect', leavesOut: ['K2 (Lâm Bình)'], adds: [] } }, confidence: 'unique' });
    expect(out.files[0].causes[0].message).toContain("it is computed by =SUM(E2:J2), which leaves out K2 (Lâm Bình): check the formula's range");
    const text = textReport({ files: [file], lang: 'vi', fallbackLang: 'vi', strict: false }, { style: PLAIN_STYLE, table: false, width: 200 });
    expect(text).toContain('→ Nguyên nhân có thể: ô Sheet1!D2 (Tổng số hộ đầu năm, Toàn tỉnh) ghi 202.666 (ô được tính bằng công thức =SUM(E2:J2)');
  });

  it('a SUM over the wrong range: the inputs explain nothing, so the formula cell is the suspect', () => {
    const sheet = seedSheet();
    sheet.formulas.D2 = '=SUM(E2:J2)'; // leaves out Lâm Bình
    const r = checkGrid(recalc(sheet));
    const loc = r.localisation;
    expect(loc.status).toBe('found');
    expect(loc.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.formula?.role])).toEqual([['D2', '210299', 'suspect']]);
  });

  it('a total whose =SUM stops a row short, under computed rates: the formula, not the part it leaves out made 0', () => {
    // Long layout: Toàn huyện = SUM(C3:C5) while the communes run to row 6; each rate =ROUND(C/B*100;2).
    const values = [
      ['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
      ['Toàn huyện', '5.300', '0', '0'],
      ['Xã A', '1.000', '44', '0'],
      ['Xã B', '2.000', '137', '0'],
      ['Xã C', '1.500', '90', '0'],
      ['Xã D', '800', '20', '0'],
    ];
    const formulas: Record<string, string> = { B2: '=SUM(B3:B6)', C2: '=SUM(C3:C5)' };
    for (let r = 2; r <= 6; r++) formulas[`D${r}`] = `=ROUND(C${r}/B${r}*100;2)`;
    const r = checkGrid(recalc({ values, formulas }));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.at?.ref}`)).toEqual(['sum@C2']);
    const cause = r.localisation.causes[0]!;
    expect(cause.cells.map((c) => [c.cell.ref, c.proposed, c.kind, c.formula])).toEqual([['C2', '291', undefined, { text: '=SUM(C3:C5)', role: 'suspect', range: { leavesOut: ['C6 (Xã D)'], adds: [], sum: true } }]]);
  });

  it('a stale formula (cached value not what it computes) counts as entered', () => {
    const g = recalc(seedSheet());
    const rows = g.rows.map((row) => row.map((c) => (c.ref === 'D3' ? { ...c, raw: '211.870' } : c)));
    const r = checkGrid({ ...g, rows });
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind, c.formula?.role])).toEqual([['D3', '211780', 'transposition', 'entered']]);
  });
});

describe('formula parser', () => {
  const get = (m: Record<string, number>) => (r: string) => (m[r] === undefined ? undefined : new Dec(m[r]!));
  it.each([
    ['=SUM(E2:K2)', { E2: 1, F2: 2, G2: 3, H2: 4, I2: 5, J2: 6, K2: 7 }, '28'],
    ['SUM(E2:E3;F2)', { E2: 1, E3: 2, F2: 3 }, '6'],
    ['=ROUND(E4/E2*100;2)', { E4: 4644, E2: 49874 }, '9.31'],
    ['=ROUND(E4/E2*100,2)', { E4: 4644, E2: 49874 }, '9.31'],
    ['=round(1,005;2)', {}, '1.01'],
    ['=ROUND(-2.5,0)', {}, '-3'],
    ['=E4-E5', { E4: 5511, E5: 818 }, '4693'],
    ['=-(E4)+ $E$5 * 2', { E4: 10, E5: 3 }, '-4'],
    ['= E8 - E10', { E8: 9.31, E10: 7.29 }, '2.02'],
    ['=1/E1', { E1: 0 }, undefined],
  ])('%s', (f, cells, want) => {
    const e = parseFormula(f);
    expect(e).toBeDefined();
    const v = evaluate(e!, get(cells));
    expect(v?.toFixed()).toBe(want);
  });

  it.each(['=AVERAGE(E2:K2)', '=Sheet2!E2', '=E2%', '=E2^2', '="text"', '=E2&E3', '=SUM()', '=ROUND(E2)', '=(E2', '=E2)', 'constructor', '=E2 E3', '=1E5', '=SUM(A1:ZZ99999)', `=${'('.repeat(100)}1${')'.repeat(100)}`, ''])('refuses %s', (f) => {
    expect(parseFormula(f)).toBeUndefined();
  });
});

describe('locate on its own', () => {
  it('is pure: the same annex and findings give the same answer', () => {
    const r = withTexts({ [`poor_end:${col('Chiêm Hóa')}`]: '4.963' });
    expect(locate(r.annex, r.findings)).toEqual(r.localisation);
    expect(locate(r.annex, r.findings)).toEqual(locate(r.annex, r.findings));
  });
});

describe('mean-of-rates', () => {
  it("names a total's rate typed as the plain average of its units' rates (AVERAGE down the column: 16,61 for 11,80)", () => {
    // The seed's seven districts' start rates average (9,31 + 9,26 + 1,01 + 15,08 + 16,03 + 29,56 + 36,03) / 7 = 16,611…
    const r = withTexts({ 'rate_start:0': '16,61' });
    const first = r.localisation.causes[0]!;
    expect(first.cells.map((c) => [c.cell.ref, c.proposed, c.kind])).toEqual([['D8', '11.80', 'mean-of-rates']]);
    // A district's rate is no mean of anything; nor is a total's rate that is not the average (a digit slip then).
    expect(withTexts({ 'rate_start:1': '16,61' }).localisation.causes[0]!.cells[0]!.kind).toBeUndefined();
    expect(withTexts({ 'rate_start:0': '11,08' }).localisation.causes[0]!.cells[0]!.kind).toBe('transposition');
  });

  it("names a total's count typed as the sum of its units but one (a SUM range a row short: 22.064 for 24.814, Lâm Bình's 2.750 left out)", () => {
    const r = withTexts({ 'poor_start:0': '22.064' });
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind])).toEqual([['D4', '24814', 'part-left-out']]);
    // Any unit left out, not only the last; a district's count is no sum of anything.
    expect(withTexts({ 'poor_start:0': '20.170' }).localisation.causes[0]!.cells[0]!.kind).toBe('part-left-out');
    expect(withTexts({ 'poor_start:0': '24.815' }).localisation.causes[0]!.cells[0]!.kind).toBe('mistyped');
  });

  it("names a total's rate typed as the sum of its units' rates (the total column's SUM copied onto a rate row: 116,28)", () => {
    const r = withTexts({ 'rate_start:0': '116,28' });
    expect(r.localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind])).toEqual([['D8', '11.80', 'sum-of-rates']]);
  });
});

describe('reduction-added', () => {
  it('names the end typed as the start plus the reduction (=D4+D5 for =D4-D5): poor households and the end rate', () => {
    expect(withTexts({ [`poor_end:${col('Na Hang')}`]: '3.484' }).localisation.causes[0]!.cells.map((c) => [c.cell.ref, c.proposed, c.kind])).toEqual([['J6', '2704', 'reduction-added']]);
    const v: Record<string, string> = { rate_start: '29.56', rate_reduced: '4.00' };
    const ctx = { indicator: 'rate_end', kind: 'rate' as const, rateDp: 2, unitValue: (i: string) => (v[i] ? new Dec(v[i]!) : undefined) };
    expect(slipKind({ num: new Dec('33.56'), plain: '33.56', decimals: 2 }, new Dec('25.56'), ctx)).toBe('reduction-added');
    // Not a digit slip that happens to be near: 25,65 is two digits transposed.
    expect(slipKind({ num: new Dec('25.65'), plain: '25.65', decimals: 2 }, new Dec('25.56'), ctx)).toBe('transposition');
  });
});

describe('summed-rates slip', () => {
  it('names a poor and near-poor rate typed as the two printed rates added (8,60 = 6,63 + 1,97 for 8,61)', () => {
    const v: Record<string, string> = { rate: '6.63', near_poor_rate: '1.97' };
    const ctx = { indicator: 'poor_near_poor_rate', kind: 'rate' as const, rateDp: 2, unitValue: (i: string) => (v[i] ? new Dec(v[i]!) : undefined) };
    expect(slipKind({ num: new Dec('8.60'), plain: '8.60', decimals: 2 }, new Dec('8.61'), ctx)).toBe('summed-rates');
    // Not when the typed rate is not that sum (a digit slip then), nor for another indicator.
    expect(slipKind({ num: new Dec('8.71'), plain: '8.71', decimals: 2 }, new Dec('8.61'), ctx)).toBe('mistyped');
    expect(slipKind({ num: new Dec('8.60'), plain: '8.60', decimals: 2 }, new Dec('8.61'), { ...ctx, indicator: 'near_poor_rate' })).toBe('mistyped');
  });

  it('names a rate rounded to fewer decimals and printed with zeros (Bắc Giang 2011: 15,40 for 15,3756… → 15,38), after the digit slips', () => {
    const ctx = { indicator: 'rate', kind: 'rate' as const, rateDp: 2, unitValue: () => undefined };
    expect(slipKind({ num: new Dec('15.40'), plain: '15.40', decimals: 2 }, new Dec('15.38'), ctx)).toBe('rounded-coarser');
    expect(slipKind({ num: new Dec('15.00'), plain: '15.00', decimals: 2 }, new Dec('14.96'), ctx)).toBe('rounded-coarser');
    // One digit off is a digit slip first; no zero printed after the rounding, no such slip.
    expect(slipKind({ num: new Dec('15.30'), plain: '15.30', decimals: 2 }, new Dec('15.38'), ctx)).toBe('mistyped');
    expect(slipKind({ num: new Dec('15.4'), plain: '15.4', decimals: 1 }, new Dec('15.38'), ctx)).toBeUndefined();
    expect(slipKind({ num: new Dec('15.50'), plain: '15.50', decimals: 2 }, new Dec('15.38'), ctx)).toBeUndefined();
  });

  it('reads the digits of a whole count printed with zero decimals as the count\'s (63379.00: one digit from 63479)', () => {
    const ctx = { indicator: 'poor', kind: 'count' as const, rateDp: 2, unitValue: () => undefined };
    expect(slipKind({ num: new Dec('63379'), plain: '63379.00', decimals: 2 }, new Dec('63479'), ctx)).toBe('mistyped');
    expect(slipKind({ num: new Dec('63379'), plain: '63379', decimals: 0 }, new Dec('63479'), ctx)).toBe('mistyped');
  });
});

describe('share slip', () => {
  it('names a rate typed as a share when its column prints the shares (0,0603 for 6,03 %, 4 decimals proposing 6,0333)', () => {
    const ctx = { indicator: 'rate', kind: 'rate' as const, rateDp: 4, unitValue: () => undefined };
    expect(slipKind({ num: new Dec('0.0603'), plain: '0.0603', decimals: 4 }, new Dec('6.0333'), ctx)).toBe('share');
    expect(slipKind({ num: new Dec('0.0440'), plain: '0.0440', decimals: 4 }, new Dec('4.4000'), ctx)).toBe('share');
    // Not a share of another rate (0,0604 is no rounding of 6,0333 %), nor a share too coarse to say (0,1 for 6,0333).
    expect(slipKind({ num: new Dec('0.0604'), plain: '0.0604', decimals: 4 }, new Dec('6.0333'), ctx)).not.toBe('share');
    expect(slipKind({ num: new Dec('0.1'), plain: '0.1', decimals: 1 }, new Dec('6.0333'), ctx)).not.toBe('share');
  });
});

describe('a rate typed as a share, proposed', () => {
  it('as its percentage at two decimals fewer than the share (0,0603 → 6,03), not at the share column\'s four (6,0333)', () => {
    const r = checkBytes(Buffer.from(['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn huyện;3.000;181;0,0603', 'Xã A;1.000;44;0,0440', 'Xã B;2.000;137;0,0685'].join('\n'), 'utf8'));
    // Three independent errors: a part each.
    const proposed = (r.localisation.parts ?? []).map((p) => p.causes[0]!.cells[0]!).map((c) => [c.cell.ref, c.kind, c.proposed]);
    expect(proposed).toEqual([
      ['D2', 'share', '6.03'],
      ['D3', 'share', '4.40'],
      ['D4', 'share', '6.85'],
    ]);
  });
});

describe('a rate printed with fewer decimals, in a sum of rounded rates (combined)', () => {
  it('is a cause too, its rounding counted at the decimals it is proposed with (Điện Biên 2023: 25,6 + 11,29 against 36,97)', () => {
    const r = checkBytes(Buffer.from(['Chỉ tiêu;Năm 2023;Năm 2024', 'Tỷ lệ nghèo đa chiều (%);36,97;33,24', 'Tỷ lệ hộ nghèo (%);25,6;21,29', 'Tỷ lệ hộ cận nghèo (%);11,29;11,96'].join('\n'), 'utf8'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['combined B2']);
    // Before: B3 had the printed one decimal's ±0,05 in the solver, its range 25,62–25,74, and a proposal at two
    // decimals failed the rules' ±0,015: the cause was dropped. Now 25,67–25,69, and listed.
    const causes = r.localisation.causes.map((c) => `${c.cells[0]!.cell.ref} ${c.cells[0]!.range?.min ?? ''}-${c.cells[0]!.range?.max ?? ''}`);
    expect(causes).toContain('B3 25.67-25.69');
    expect(causes).toHaveLength(3);
  });

  it('guesses, among values of one slip kind, the one where the check holds exactly: 25,68 (36,97 − 11,29), 36,90 (near 36,89)', () => {
    const r = checkBytes(Buffer.from(['Chỉ tiêu;Năm 2023;Năm 2024', 'Tỷ lệ nghèo đa chiều (%);36,97;33,24', 'Tỷ lệ hộ nghèo (%);25,6;21,29', 'Tỷ lệ hộ cận nghèo (%);11,29;11,96'].join('\n'), 'utf8'));
    // Before: the smallest change won the tie, 25,67 (a digit dropped, as 25,68 and 25,69 are) and 36,95.
    const guessed = r.localisation.causes.map((c) => `${c.cells[0]!.cell.ref} ${c.cells[0]!.proposed} ${c.cells[0]!.kind}`);
    expect(guessed).toEqual(['B3 25.68 dropped', 'B2 36.90 mistyped', 'B4 11.39 mistyped']);
  });
});
