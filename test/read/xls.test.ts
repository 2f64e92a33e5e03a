/**
 * Excel 97–2003 workbooks (.xls, read/xls.ts behind read/cfb.ts): read as the .xlsx they were saved from is read. The
 * fixtures in fixtures/xls/ are LibreOffice's saves of workbooks in fixtures/xlsx/ (soffice --convert-to xls); files
 * built byte by byte (test/read/xls-writer.ts) for what LibreOffice does not write: Excel's shared formulas, texts
 * split over CONTINUE records, hidden sheets, encrypted and Excel 5.0/95 files, damaged containers and records.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PovcheckError } from '../../src/errors.js';
import type { Grid } from '../../src/model/grid.js';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { cli, FIXTURES } from '../helpers.js';
import { biff, compoundFile, DEFAULT_XF, defaultGlobals, ptg, record, workbookStream, xlsFile } from './xls-writer.js';

const SOURCES: Record<string, string> = {
  'tuyen-quang-2020': 'xlsx/tuyen-quang-2020.xlsx',
  'annex-formatted': 'xlsx/annex-formatted.xlsx',
  'hidden-helpers': 'xlsx/hidden-helpers.xlsx',
  'summary-and-district-sheets': 'xlsx/summary-and-district-sheets.xlsx',
  'two-tables-one-sheet': 'xlsx/two-tables-one-sheet.xlsx',
  'poor-end-transposed': 'xlsx/planted/poor-end-transposed.xlsx',
  'rate-start-typo': 'xlsx/planted/rate-start-typo.xlsx',
  'formulas-poor-start-transposed': 'xlsx/planted/formulas-poor-start-transposed.xlsx',
};

/** A grid as a reader leaves it: every cell's reference, text, displayed number, formula and merge; the sheet, hidden content and other sheets. */
function essentials(g: Grid) {
  const source = g.source.kind === 'workbook' ? { sheet: g.source.sheet, hidden: g.source.hidden, others: g.source.others } : undefined;
  return { rows: g.rows.map((r) => Array.from(r, (c) => (c ? [c.ref, c.raw, c.numeric, c.formula, c.merge] : null))), sheet: g.sheet, source };
}

const fixture = (path: string) => readFileSync(join(FIXTURES, path));

describe('LibreOffice saves of the workbook fixtures', () => {
  it.each(Object.entries(SOURCES))('%s.xls reads as the same grid as its workbook, cell by cell', async (name, source) => {
    const xls = await gridFromAnyBytes(fixture(`xls/${name}.xls`));
    expect(xls.source).toMatchObject({ kind: 'workbook', format: 'xls' });
    expect(essentials(xls)).toEqual(essentials(await gridFromAnyBytes(fixture(source))));
  });

  it('another sheet is read by name or position, as in a workbook', async () => {
    for (const sheet of ['Na Hang', '2']) {
      const xls = await gridFromAnyBytes(fixture('xls/summary-and-district-sheets.xls'), { sheet });
      expect(essentials(xls)).toEqual(essentials(await gridFromAnyBytes(fixture('xlsx/summary-and-district-sheets.xlsx'), { sheet })));
    }
  });

  it('validate on the planted .xls: the workbook\'s findings and likely cause, the read line naming the format; a folder run checks .xls', async () => {
    const r = await cli(['validate', join(FIXTURES, 'xls', 'poor-end-transposed.xls'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Read as: Excel 97–2003 workbook (.xls), sheet "poor-end-transposed"');
    expect(r.stdout).toMatch(/Likely cause: 'poor-end-transposed'!I6 \(Poor households at end of year, Chiêm Hóa\) holds 4,963; 4,693 would make all 3 failing checks pass/);
    const folder = await cli(['validate', join(FIXTURES, 'xls'), '--format', 'json']);
    const report = JSON.parse(folder.stdout) as { files: Array<{ file: string; status: string }> };
    expect(report.files.map((f) => f.file.replace(/^.*\//, '')).sort()).toEqual(Object.keys(SOURCES).map((n) => `${n}.xls`).sort());
    expect(report.files.every((f) => f.status !== 'unreadable')).toBe(true);
  });
});

describe('what Excel writes and LibreOffice does not (built byte by byte)', () => {
  const cellOf = (g: Grid, ref: string) => g.rows.flat().find((c) => c?.ref === ref);
  const TEXTS = ['Chỉ tiêu', 'Toàn tỉnh', 'Huyện Na Hang', 'Tổng số hộ cuối năm', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo cuối năm (%)'];
  const globals = (strings = TEXTS, sst: { maxRecordData?: number } = {}) => [...defaultGlobals(), biff.format(164, '0.00'), biff.xf(164), ...biff.sst(strings, sst)];
  const RATE_XF = 16;
  /** One unit's households, poor households and rate; the rate a formula ROUND(B3/B2*100,2) with its saved result. */
  const small = (rateRecords: Uint8Array[]) => [
    biff.labelSst(0, 0, DEFAULT_XF, 0),
    biff.labelSst(0, 1, DEFAULT_XF, 1),
    biff.labelSst(1, 0, DEFAULT_XF, 3),
    biff.rk(1, 1, DEFAULT_XF, 1000),
    biff.labelSst(2, 0, DEFAULT_XF, 4),
    biff.number(2, 1, DEFAULT_XF, 118),
    biff.labelSst(3, 0, DEFAULT_XF, 5),
    ...rateRecords,
  ];
  const ROUND_RATE = [...ptg.ref(2, 1), ...ptg.ref(1, 1), ...ptg.div(), ...ptg.int(100), ...ptg.mul(), ...ptg.int(2), ...ptg.func(27)];

  it('texts split over CONTINUE records (mid-text, a fresh flags byte), RK, NUMBER and a formula with its saved result', async () => {
    for (const maxRecordData of [20, 37, 8224]) {
      const g = await gridFromAnyBytes(xlsFile([{ name: 'Phụ lục', records: small([biff.formula(3, 1, RATE_XF, 11.8, ROUND_RATE)]) }], globals(TEXTS, { maxRecordData })));
      expect(g.rows.map((r) => Array.from(r, (c) => c?.raw))).toEqual([['Chỉ tiêu', 'Toàn tỉnh'], ['Tổng số hộ cuối năm', '1000'], ['Số hộ nghèo cuối năm', '118'], ['Tỷ lệ hộ nghèo cuối năm (%)', '11.80']]);
      expect(cellOf(g, 'B4')).toMatchObject({ numeric: '11.80', formula: 'ROUND(B3/B2*100,2)' });
      expect(g.sheet).toBe('Phụ lục');
    }
  });

  it('a text whose header ends one record and whose characters start the next (after their flags byte), as xlrd reads it', async () => {
    // SST: two texts; the first's header (3 characters, 16-bit) closes the record; the CONTINUE opens with its flags byte.
    const sst = [record(0x00fc, [2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 1]), record(0x003c, [1, 0x54, 0x00, 0xd1, 0x1e, 0x6e, 0x00, 2, 0, 0, 0x78, 0xe3])];
    const g = await gridFromAnyBytes(xlsFile([{ name: 'S', records: [biff.labelSst(0, 0, DEFAULT_XF, 0), biff.labelSst(0, 1, DEFAULT_XF, 1)] }], [...defaultGlobals(), ...sst]));
    expect(g.rows[0]!.map((c) => c?.raw)).toEqual(['Tốn', 'xã']);
  });

  it('a shared formula (SHRFMLA) is placed at each cell that uses it, as Excel shows it', async () => {
    const shared = [...ptg.refN(-2, 0), ...ptg.refN(-3, 0), ...ptg.div(), ...ptg.int(100), ...ptg.mul(), ...ptg.int(2), ...ptg.func(27)];
    const records = [
      biff.labelSst(0, 1, DEFAULT_XF, 1),
      biff.labelSst(0, 2, DEFAULT_XF, 2),
      biff.rk(1, 1, DEFAULT_XF, 1000),
      biff.rk(1, 2, DEFAULT_XF, 400),
      biff.rk(2, 1, DEFAULT_XF, 118),
      biff.rk(2, 2, DEFAULT_XF, 50),
      biff.formula(3, 1, RATE_XF, 11.8, ptg.exp(3, 1), { shared: true }),
      biff.shrfmla(3, 3, 1, 2, shared),
      biff.formula(3, 2, RATE_XF, 12.5, ptg.exp(3, 1), { shared: true }),
    ];
    const g = await gridFromAnyBytes(xlsFile([{ name: 'Sheet1', records }], globals()));
    expect(cellOf(g, 'B4')).toMatchObject({ raw: '11.80', formula: 'ROUND(B2/B1*100,2)' });
    expect(cellOf(g, 'C4')).toMatchObject({ raw: '12.50', formula: 'ROUND(C2/C1*100,2)' });
    // A cell pointing at a shared formula no SHRFMLA holds keeps its saved value, its formula not read.
    const orphan = await gridFromAnyBytes(xlsFile([{ name: 'Sheet1', records: [biff.formula(0, 0, RATE_XF, 9.74, ptg.exp(5, 5), { shared: true })] }], globals()));
    expect(cellOf(orphan, 'A1')).toMatchObject({ raw: '9.74', formula: '…' });
  });

  it('MULRK, a text result (STRING), booleans and errors, a merged range, a hidden row and column, a hidden sheet not named', async () => {
    const records = [
      biff.mulrk(0, 0, [{ xf: DEFAULT_XF, value: 1 }, { xf: DEFAULT_XF, value: 2.5 }, { xf: RATE_XF, value: 3 }]),
      biff.formula(1, 0, DEFAULT_XF, 'Xã Đà Vị', [...ptg.str('Xã Đà Vị')]),
      biff.string('Xã Đà Vị'),
      biff.boolerr(1, 1, DEFAULT_XF, true),
      biff.boolerr(1, 2, DEFAULT_XF, 'error', 0x07),
      biff.labelSst(2, 0, DEFAULT_XF, 1),
      biff.mergeCells([[2, 0, 2, 2]]),
      biff.row(3, { hidden: true }),
      biff.labelSst(3, 0, DEFAULT_XF, 2),
      biff.colinfo(4, 4, { hidden: true }),
      biff.labelSst(0, 4, DEFAULT_XF, 0),
    ];
    const g = await gridFromAnyBytes(xlsFile([{ name: 'Sheet1', records }, { name: 'Danh mục', hidden: 1, records: [] }, { name: 'Huyện', records: [] }], globals()));
    expect(g.rows[0]!.slice(0, 3).map((c) => c?.raw)).toEqual(['1', '2.5', '3.00']);
    expect(cellOf(g, 'A2')).toMatchObject({ raw: 'Xã Đà Vị', formula: '"Xã Đà Vị"' });
    expect([cellOf(g, 'B2')?.raw, cellOf(g, 'C2')?.raw]).toEqual(['TRUE', '#DIV/0!']);
    expect(cellOf(g, 'A3')).toMatchObject({ raw: 'Toàn tỉnh', merge: { rows: 1, cols: 3 } });
    expect(g.source).toMatchObject({ format: 'xls', hidden: { rows: [4], cols: ['E'] }, others: ['Huyện'] });
  });

  it('the container: a small Workbook stream in the mini stream, a large one in regular sectors', async () => {
    const rows = Array.from({ length: 900 }, (_, i) => biff.number(i, 0, DEFAULT_XF, i));
    const small1 = await gridFromAnyBytes(compoundFile({ Workbook: workbookStream([{ name: 'S', records: [biff.rk(0, 0, DEFAULT_XF, 7)] }]) }));
    expect(small1.rows[0]![0]!.raw).toBe('7');
    const big = await gridFromAnyBytes(compoundFile({ Workbook: workbookStream([{ name: 'S', records: rows }]) }));
    expect(big.rows.length).toBe(900);
    expect(big.rows[899]![0]!.raw).toBe('899');
  });
});

describe('workbooks Excel wrote (xlrd\'s samples, fixtures/xls-excel/)', () => {
  const rows = (g: Grid) => g.rows.map((r) => Array.from(r ?? [], (c) => (c ? (c.formula !== undefined ? `${c.raw} {=${c.formula}}` : c.raw) : '')));

  it('formulas with a number, a text, an empty text, a boolean and an error as saved results; Cyrillic text', async () => {
    const g = await gridFromAnyBytes(fixture('xls-excel/formula_test_sjmachin.xls'));
    expect(g.source).toMatchObject({ format: 'xls', sheet: 'Sheet1', others: ['Sheet2', 'Sheet3'] });
    expect(rows(g)).toEqual([
      ['Description', 'Data'],
      ['Non-latin1 text', 'МОСКВА Москва'],
      ['formula number', '0.142857142857143 {=1/7}'],
      ['formula text', 'ABCDEF {="ABC"&"DEF"}'],
      ['formula zero-length text', ' {=REPT("foo",0)}'],
      ['formula boolean', 'TRUE {=2>1}'],
      ['formula error', '#DIV/0! {=1/0}'],
      ['formula non-latin1 text', 'МОСКВА Москва {=B2}'],
    ]);
  });

  it('sheet names with diacritics, dates, percentages and decimals as their formats show them; an Excel 4.0 file refused as too old', async () => {
    const g = await gridFromAnyBytes(fixture('xls-excel/Formate.xls'));
    expect(g.source).toMatchObject({ sheet: 'Blätt1', others: ['ÖÄÜ', 'Blätt3', 'Formate'] });
    expect(rows(g).slice(0, 2)).toEqual([['Huber', '1907-07-03'], ['Äcker', '2005-02-23']]);
    expect(rows(g).slice(6, 10)).toEqual([['gut', '97.4%'], ['schlecht', '12.4%'], ['viel', '1000.30'], ['wenig', '1.20']]);
    const old = await gridFromAnyBytes(fixture('xls-excel/biff4_no_format_no_window2.xls')).catch((e: PovcheckError) => e);
    expect(old).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'biff-version', version: 'BIFF4' } });
  });
});

describe('refused with the reason, never a hang or an internal fault', () => {
  const refusal = (bytes: Uint8Array, name?: string) => gridFromAnyBytes(bytes, name ? { name } : {}).then(() => undefined, (e: PovcheckError) => e);
  const wb = () => workbookStream([{ name: 'S', records: [biff.rk(0, 0, DEFAULT_XF, 7)] }]);
  /** A Workbook stream past the mini stream's cutoff (4,096 bytes): in regular sectors. */
  const bigWb = () => workbookStream([{ name: 'S', records: Array.from({ length: 400 }, (_, i) => biff.number(i, 0, DEFAULT_XF, i)) }]);

  it('an encrypted workbook (FILEPASS), a password-protected .xlsx (EncryptedPackage), a Word 97 document, an Excel 5.0/95 workbook', async () => {
    const encrypted = compoundFile({ Workbook: workbookStream([{ name: 'S', records: [] }], [biff.filepass(), ...defaultGlobals()]) });
    expect(await refusal(encrypted)).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'encrypted' } });
    expect(await refusal(compoundFile({ EncryptedInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(5000) }), 'annex.xlsx')).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'encrypted' } });
    expect(await refusal(compoundFile({ WordDocument: new Uint8Array(5000) }))).toMatchObject({ code: 'FILE_BINARY', params: { kind: 'doc' } });
    const biff5 = compoundFile({ Book: new Uint8Array([0x09, 0x08, 8, 0, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]) });
    expect(await refusal(biff5)).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'biff-version', version: 'BIFF5', of: 'xls' } });
    const oldBof = compoundFile({ Workbook: new Uint8Array([0x09, 0x08, 8, 0, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]) });
    expect(await refusal(oldBof)).toMatchObject({ params: { damage: 'biff-version', version: 'BIFF5' } });
  });

  it('a chain of sectors that loops, a sector past the end, a file cut short, a record past its stream, a sheet outside it, a text number the workbook lacks', async () => {
    const file = compoundFile({ Workbook: bigWb() });
    expect(await refusal(file)).toBeUndefined();
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const fatSector = view.getUint32(76, true);
    const fatAt = (fatSector + 1) * 512;
    // The directory's chain pointing back to itself.
    const dirSector = view.getUint32(48, true);
    const looped = new Uint8Array(file);
    new DataView(looped.buffer).setUint32(fatAt + dirSector * 4, dirSector, true);
    expect(await refusal(looped)).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'ole', fault: 'loop', of: 'xls' } });
    const past = new Uint8Array(file);
    new DataView(past.buffer).setUint32(48, 99_999, true);
    expect(await refusal(past)).toMatchObject({ params: { damage: 'ole', fault: 'sector' } });
    expect(await refusal(file.subarray(0, 1024))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'ole' } });
    // A small stream the header's cutoff puts in the mini stream, written in regular sectors: no mini stream holds it.
    expect(await refusal(compoundFile({ Workbook: wb() }, { miniCutoff: 0 }))).toMatchObject({ code: 'WORKBOOK_INVALID', params: { damage: 'ole' } });
    const stream = bigWb();
    const cut = stream.subarray(0, stream.length - 12);
    expect(await refusal(compoundFile({ Workbook: cut }))).toMatchObject({ params: { damage: 'biff-record', of: 'xls' } });
    const outside = new Uint8Array(stream);
    // The first BOUNDSHEET's place (its lbPlyPos) moved past the stream's end.
    const bs = Buffer.from(outside).indexOf(Buffer.from([0x85, 0x00]));
    new DataView(outside.buffer).setUint32(bs + 4, stream.length + 10, true);
    expect(await refusal(compoundFile({ Workbook: outside }))).toMatchObject({ params: { damage: 'biff-record', at: stream.length + 10 } });
    const misplaced = new Uint8Array(stream);
    new DataView(misplaced.buffer).setUint32(bs + 4, 0, true);
    expect(await refusal(compoundFile({ Workbook: misplaced }))).toMatchObject({ params: { damage: 'biff-sheet', sheet: 'S' } });
    expect(await refusal(xlsFile([{ name: 'S', records: [biff.labelSst(0, 0, DEFAULT_XF, 5)] }], [...defaultGlobals(), ...biff.sst(['a'])]))).toMatchObject({ params: { damage: 'shared-string', index: '5' } });
  });

  it('a container listing more than 5,000 entries is refused before they are read (an .xls holds a few)', async () => {
    const streams: Record<string, Uint8Array> = { Workbook: wb() };
    for (let i = 0; i < 5_001; i++) streams[`s${i}`] = new Uint8Array(0);
    expect(await refusal(compoundFile(streams))).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', params: { what: 'entries', limit: 5_000 } });
  });

  it('validate names the file and the damage in one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-xls-'));
    const path = join(dir, 'annex.xls');
    writeFileSync(path, compoundFile({ Workbook: wb() }).subarray(0, 700));
    const r = await cli(['validate', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/annex\.xls: cannot be read \(not a readable Excel 97–2003 workbook \(\.xls\): /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
