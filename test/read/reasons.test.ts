/**
 * Wrong reads and misleading reasons (issue 13, item 12): damaged UTF-8 is named at its byte and line, not
 * blamed on a legacy encoding; an unclosed quote is named where it opens; a line of a million columns is
 * "too many columns"; a full disk on standard output is one clear line.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromBytes } from '../../src/read/index.js';
import { PovcheckError } from '../../src/errors.js';
import { BIN, cli, FIXTURES, fixtures } from '../helpers.js';

const SEED = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'));
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PovcheckError) return { code: e.code, params: e.params };
    throw e;
  }
  return undefined;
};

describe('damaged UTF-8', () => {
  // Two bad bytes in the middle of line 4 of the seed annex (otherwise full of Vietnamese UTF-8).
  const at = SEED.indexOf(Buffer.from('Số hộ nghèo đầu năm'));
  const damaged = Buffer.concat([SEED.subarray(0, at), Buffer.from([0xc3, 0x28]), SEED.subarray(at + 2)]);
  // The file cut in the middle of its last multi-byte character.
  const cut = SEED.subarray(0, SEED.lastIndexOf(Buffer.from('ì')) + 1);

  it.each([
    ['detected', undefined],
    ['--encoding utf-8', 'utf-8' as const],
  ])('two bad bytes (%s): the byte offset and the line, not a legacy encoding', (_n, encoding) => {
    const e = errorOf(() => gridFromBytes(damaged, encoding ? { encoding } : {}));
    expect(e).toEqual({ code: 'ENCODING_INVALID', params: { encoding: 'UTF-8', offset: at, line: 4, bytes: expect.stringMatching(/^C3 28/) } });
  });

  it('a multi-byte character cut at the end of the file', () => {
    const e = errorOf(() => gridFromBytes(cut));
    expect(e).toMatchObject({ code: 'ENCODING_INVALID', params: { offset: cut.length - 1 } });
  });

  it('--encoding utf-8 on a Windows-1258 file names the first bad byte instead of reading it as Windows-1258', () => {
    const legacy = readFileSync(join(FIXTURES, 'legacy', 'windows-1258.csv'));
    expect(errorOf(() => gridFromBytes(legacy, { encoding: 'utf-8' }))).toMatchObject({ code: 'ENCODING_INVALID', params: { line: 1 } });
    expect(gridFromBytes(legacy).source).toMatchObject({ encoding: 'windows-1258' });
  });

  it('the one line says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-utf8-'));
    const file = join(dir, 'damaged.csv');
    writeFileSync(file, damaged);
    const r = await cli(['validate', file, '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`not valid UTF-8 at byte ${at.toLocaleString('en-US')} (line 4): bytes C3 28`);
  });

  it('in a long table read row by row: the byte offset and the line too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-utf8s-'));
    const file = join(dir, 'long.csv');
    const records = fixtures.hierarchyRecords(fixtures.hierarchyUnits(6));
    const lines = fixtures.serialize(records, { delimiter: ';', eol: '\n' }).toString().split('\n');
    const text = [...lines.slice(0, -1), ...Array.from({ length: 3000 }, (_, i) => lines[5 + (i % 20)]!.replace(/^\d+/, `9${i}`))].join('\n') + '\n';
    const bytes = Buffer.from(text);
    const spot = bytes.lastIndexOf(Buffer.from('Xã'));
    bytes[spot + 1] = 0x28; // "X" then a cut "ã"
    writeFileSync(file, bytes);
    const line = bytes.subarray(0, spot).toString('latin1').split('\n').length;
    const r = await cli(['validate', file, '--lang', 'en', '--format', 'json', '--encoding', 'utf-8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`not valid UTF-8 at byte ${(spot + 2).toLocaleString('en-US')} (line ${line.toLocaleString('en-US')}): bytes A3`);
  });
});

describe('an unclosed quote is named where it opens', () => {
  const text = ['STT;Chỉ tiêu;Toàn tỉnh;A', '1;Tổng số hộ đầu năm;10;5', '2;Số hộ nghèo đầu năm;"4;2', '3;Số hộ nghèo cuối năm;3;1', ''].join('\r\n');

  it('when no delimiter can be told because of it', () => {
    expect(errorOf(() => gridFromBytes(Buffer.from(text)))).toEqual({ code: 'CSV_MALFORMED', params: { line: 3, reason: 'quote' } });
  });

  it('after a quoted field that closes', () => {
    const t = text.replace('1;Tổng số hộ đầu năm', '1;"Tổng số hộ\r\nđầu năm"');
    expect(errorOf(() => gridFromBytes(Buffer.from(t), { delimiter: ';' }))).toEqual({ code: 'CSV_MALFORMED', params: { line: 4, reason: 'quote' } });
  });

  it('in the one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-quote-'));
    const file = join(dir, 'q.csv');
    writeFileSync(file, text);
    const r = await cli(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a quoted field opens on line 3 and is never closed');
  });
});

describe('lines too wide or too long', () => {
  it('1,000,000 short columns: too many columns, not "a field too long"', () => {
    const line = Array.from({ length: 1_000_000 }, () => 'a').join(';');
    expect(errorOf(() => gridFromBytes(Buffer.from(`${line}\n1;2\n`)))).toEqual({ code: 'CSV_MALFORMED', params: { line: 1, reason: 'columns', limit: 16_384 } });
    expect(errorOf(() => gridFromBytes(Buffer.from(`"x";y\n1;2\n${line}\n`), { delimiter: ';' }))).toEqual({ code: 'CSV_MALFORMED', params: { line: 3, reason: 'columns', limit: 16_384 } });
  });

  it('a line of 1,200,000 characters: the line is too long', () => {
    expect(errorOf(() => gridFromBytes(Buffer.from(`a;b\n1;${'x'.repeat(1_200_000)}\n`)))).toEqual({ code: 'CSV_MALFORMED', params: { line: 2, reason: 'record-size', limit: 1_000_000 } });
  });
});

describe('a full disk on standard output', () => {
  it.each([
    ['validate', ['validate', join(FIXTURES, 'tuyen-quang-2020.csv'), '--lang', 'en']],
    ['table', ['table', join(FIXTURES, 'calc', 'seed-base-counts.csv'), '--lang', 'en']],
    ['validate --format json', ['validate', join(FIXTURES, 'tuyen-quang-2020.csv'), '--format', 'json', '--lang', 'en']],
  ])('%s > /dev/full: one line, exit 2, no internal error', (_n, args) => {
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^povcheck: <stdout>: cannot write the output file \(no space left on the device\)$/)]);
  });
});

describe('a web page named .xls (a web system\'s "export to Excel")', () => {
  it('its table is read as a sheet (what it holds said of it); a page without a table is said to be a web page with how to convert it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-html-'));
    const file = join(dir, 'bao-cao.xls');
    writeFileSync(file, '\uFEFF<!DOCTYPE html>\n<html><body><table><tr><td>Đơn vị</td><td>Số hộ nghèo</td></tr></table></body></html>\n');
    const r = await cli(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('cannot be read (no poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start") found in any row or column; its first row reads "Đơn vị", "Số hộ nghèo")');
    const bare = join(dir, 'bang.csv');
    writeFileSync(bare, '  <table border=1><tr><td>x</td></tr></table>');
    expect((await cli(['validate', bare, '--lang', 'en'])).stdout).toContain('its first row reads "x"');
    const noTable = join(dir, 'trang.xls');
    writeFileSync(noTable, '<!DOCTYPE html><html><body><p>Phiên làm việc đã hết hạn</p></body></html>');
    expect((await cli(['validate', noTable, '--lang', 'en'])).stdout).toContain('cannot be read (a web page (HTML, though named .xls: many systems\' "export to Excel" save one), not a spreadsheet: open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)"');
  });
});

describe('a spreadsheet saved as one XML file', () => {
  it('Excel 2003\'s and a flat OpenDocument one are read as workbooks, not taken for plan documents', async () => {
    const { readInput } = await import('../../src/read/index.js');
    await expect(readInput(join(FIXTURES, 'xlsx', 'src', 'formula-error.fods'))).resolves.toMatchObject({ kind: 'grid', grid: { source: { kind: 'workbook', format: 'fods' } } });
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-xmlss-'));
    const excel2003 = join(dir, 'export.xml');
    writeFileSync(excel2003, '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">Đơn vị</Data></Cell></Row></Table></Worksheet></Workbook>\n');
    await expect(readInput(excel2003)).resolves.toMatchObject({ kind: 'grid', grid: { source: { kind: 'workbook', format: 'xml2003', sheet: 'Sheet1' } } });
    const r = await cli(['validate', excel2003, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no poverty-table indicator');
    // A hand-written flat file whose formulas were never computed: each formula cell is `missing`, as in a workbook.
    const flat = await cli(['validate', join(FIXTURES, 'xlsx', 'src', 'formula-error.fods'), '--lang', 'en', '--no-table']);
    expect(flat.code).toBe(1);
    expect(flat.stdout).toContain('Read as: OpenDocument spreadsheet (.fods), sheet');
  });
});
