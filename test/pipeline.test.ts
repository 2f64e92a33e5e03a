import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DEFAULT_INTERRUPT_BUDGET, DEFAULT_SEMI_SPACE_GROWTH, FILES_INTERRUPT_BUDGET, FULL_COMPILE_BYTES, inliningFor, interruptBudgetFor, LEAN_COMPILE_BYTES, LEAN_TURBOFAN_PHASES, LONG_BUDGET_BYTES, semiSpaceGrowthFor, validateFile } from '../src/pipeline.js';
import { ooxmlApi, sheetXml, str, workbook, zipApi } from './xlsx-build.js';
import { cli, ROOT } from './helpers.js';

// How much V8 inlines is a speed setting (pipeline.ts compileFor); what it must never do is load node:v8 (and
// with it Node's streams) for a run of one small file, whose start-up is measured, or take inlining from a
// million-unit table, whose rules need it.
describe('inliningFor', () => {
  it('changes nothing for one small file: a seed run never loads node:v8', () => {
    expect(inliningFor(2_000, undefined)).toBeUndefined();
    expect(inliningFor(LEAN_COMPILE_BYTES - 1, undefined)).toBeUndefined();
  });

  it('turns inlining off for a run of several files and for a file of 10,000 units', () => {
    expect(inliningFor('files', undefined)).toBe(false);
    expect(inliningFor(802_532, undefined)).toBe(false);
    expect(inliningFor(LEAN_COMPILE_BYTES, true)).toBe(false);
  });

  it("keeps V8's default for a large table, and turns inlining back on for one after smaller files", () => {
    expect(inliningFor(82_246_500, undefined)).toBeUndefined();
    expect(inliningFor(FULL_COMPILE_BYTES, undefined)).toBeUndefined();
    expect(inliningFor(FULL_COMPILE_BYTES, false)).toBe(true);
    expect(inliningFor(FULL_COMPILE_BYTES, true)).toBeUndefined();
  });

  it('sets nothing twice', () => {
    expect(inliningFor('files', false)).toBeUndefined();
    expect(inliningFor(1_000_000, false)).toBeUndefined();
  });
});

// The interrupt budget is a speed setting too: larger for a run of several files, or one table of up to about
// 25,000 units (code run a few thousand times is not worth Turbofan's compiling), V8's default for a larger table
// (its loops are), and set back to the default when inlining is turned back on for a large table after smaller files.
describe('interruptBudgetFor', () => {
  it('raises the budget for a run of several files and for a table below 2 MB', () => {
    expect(interruptBudgetFor('files', false)).toBe(FILES_INTERRUPT_BUDGET);
    expect(FILES_INTERRUPT_BUDGET).toBeGreaterThan(DEFAULT_INTERRUPT_BUDGET);
    expect(interruptBudgetFor(802_532, false)).toBe(FILES_INTERRUPT_BUDGET);
    expect(interruptBudgetFor(LONG_BUDGET_BYTES - 1, false)).toBe(FILES_INTERRUPT_BUDGET);
    expect(interruptBudgetFor(LONG_BUDGET_BYTES, false)).toBeUndefined();
    expect(interruptBudgetFor(7_800_000, false)).toBeUndefined();
  });

  it("sets V8's default back with inlining", () => {
    expect(interruptBudgetFor(FULL_COMPILE_BYTES, true)).toBe(DEFAULT_INTERRUPT_BUDGET);
  });
});

// How the young generation grows is a speed setting too: kept at its size for one table checked without inlining,
// left alone for a run of several files, V8's default back with inlining.
describe('semiSpaceGrowthFor', () => {
  it('keeps the young generation as it is for one table of 10,000 to 100,000 units', () => {
    expect(semiSpaceGrowthFor(802_532, false)).toBe(1);
    expect(semiSpaceGrowthFor(FULL_COMPILE_BYTES - 1, false)).toBe(1);
  });

  it("leaves a run of several files to V8's default, and sets it back with inlining", () => {
    expect(semiSpaceGrowthFor('files', false)).toBeUndefined();
    expect(semiSpaceGrowthFor(FULL_COMPILE_BYTES, true)).toBe(DEFAULT_SEMI_SPACE_GROWTH);
  });

  it("names V8's flag and its default as this Node's V8 has them", () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toContain(`default: --semi-space-growth-factor=${DEFAULT_SEMI_SPACE_GROWTH}\n`);
  });
});

// V8 ignores a flag it does not know (setFlagsFromString prints nothing): a phase renamed in another Node would make
// the lean compile a silent no-op. Each must be one of this V8's boolean flags, on by default.
describe('LEAN_TURBOFAN_PHASES', () => {
  it("are Turbofan phases this Node's V8 knows, each on by default", () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const phase of LEAN_TURBOFAN_PHASES) expect(options).toContain(`default: --${phase}\n`);
  });
});

describe('a workbook whose first sheet holds no table (a cover page)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-sheets-'));
  const cover = sheetXml([[str('A1', 'BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2020')], [str('A2', 'Sở Lao động - Thương binh và Xã hội')]]);

  it('is read from its first sheet that holds one, the sheets passed over named in its source', async () => {
    const file = join(dir, 'cover.xlsx');
    writeFileSync(file, workbook([['Bìa', cover], ['Ghi chú', cover], ['Phụ lục', ooxmlApi.annexSheet()]]));
    const r = await validateFile(file);
    expect(r.status).not.toBe('unreadable');
    expect(r.source).toMatchObject({ kind: 'workbook', sheet: 'Phụ lục', passedOver: ['Bìa', 'Ghi chú'] });
    expect(r.findings.every((f) => !f.at || f.at.sheet === 'Phụ lục')).toBe(true);
  });

  it('names the visible sheets it did not read (not those passed over, not hidden ones): a verdict on one sheet claims no more', async () => {
    const file = join(dir, 'others.xlsx');
    const book = zipApi.readZip(workbook([['Bìa', cover], ['Phụ lục', ooxmlApi.annexSheet()], ['Na Hang', ooxmlApi.annexSheet()], ['Tra cứu', cover]]));
    const xml = book.get('xl/workbook.xml')!.toString('utf8');
    expect(xml).toContain('name="Tra cứu"');
    book.set('xl/workbook.xml', Buffer.from(xml.replace('name="Tra cứu"', 'name="Tra cứu" state="hidden"'), 'utf8'));
    writeFileSync(file, zipApi.writeZip([...book]));
    expect((await validateFile(file)).source).toMatchObject({ kind: 'workbook', sheet: 'Phụ lục', passedOver: ['Bìa'], others: ['Na Hang'] });
    expect((await validateFile(file, { sheet: 'Na Hang' })).source).toMatchObject({ sheet: 'Na Hang', others: ['Bìa', 'Phụ lục'] });
    const r = await cli(['validate', file, '--lang', 'en']);
    expect(r.stdout).toContain('sheet "Phụ lục" ("Bìa" before it holds no table); sheet "Na Hang" not read (--sheet to check one);');
  });

  it('table and plan read past it too, and say so in one line on stderr', async () => {
    const file = join(dir, 'cover-table.xlsx');
    // The seed annex as a sheet of text cells (numbers stored as text are read like CSV).
    const seed = readFileSync(join(ROOT, 'fixtures/tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const col = (c: number) => String.fromCharCode(65 + c);
    const annex = sheetXml(seed.map((line, r) => line.split(';').map((t, c) => str(`${col(c)}${r + 1}`, t))));
    writeFileSync(file, workbook([['Bìa', cover], ['Phụ lục', annex]]));
    for (const args of [['table', file, '--lang', 'en'], ['plan', file, '--target', 'Na Hang=4', '--lang', 'en']]) {
      const r = await cli(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stderr.split('\n')[0]).toBe(`povcheck: ${file}: read sheet "Phụ lục": "Bìa" before it holds no table`);
    }
  });

  it('a sheet named with --sheet is read alone; no sheet with a table is the first sheet\'s refusal', async () => {
    const file = join(dir, 'covers.xlsx');
    writeFileSync(file, workbook([['Bìa', cover], ['Phụ lục', ooxmlApi.annexSheet()]]));
    expect((await validateFile(file, { sheet: '1' })).error?.code).toBe('NOT_A_TABLE');
    const none = join(dir, 'none.xlsx');
    writeFileSync(none, workbook([['Bìa', cover], ['Bìa 2', cover]]));
    expect((await validateFile(none)).error?.code).toBe('NOT_A_TABLE');
  });
});

describe('--sheet for a text file', () => {
  it('does not apply: the file is read whole and its source says so; a workbook\'s source does not', async () => {
    const seed = join(ROOT, 'fixtures/tuyen-quang-2020.csv');
    const r = await validateFile(seed, { sheet: 'Phụ lục' });
    expect(r.status).toBe('ok');
    expect(r.source).toMatchObject({ kind: 'delimited', sheetNotApplied: 'Phụ lục' });
    expect((await validateFile(seed)).source).not.toHaveProperty('sheetNotApplied');
    const out = await cli(['validate', seed, '--sheet', '2', '--lang', 'en']);
    expect(out.stdout).toContain('semicolon-delimited (--sheet "2" does not apply: a text file holds one table, read whole)');
  });
});
