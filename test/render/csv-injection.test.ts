/**
 * CSV formula injection (issue 13, item 7): every CSV povcheck writes (`table --format csv`, `plan --format
 * csv`) neutralises text cells a spreadsheet would run as formulas; numbers stay numbers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvSafeText } from '../../src/render/csv.js';
import { cli, fixtures, type CliRun } from '../helpers.js';

const HOSTILE = ['Toàn tỉnh', '=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(1)', '\r=2+2', '\t=1+2', '＝3+4'];

describe('csvSafeText', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\r=2+2', "'\r=2+2"],
    ['\t=1', "'\t=1"],
    // A label's list dash: an en dash, no apostrophe for Excel and LibreOffice to show (helper-90's review).
    ['- Đầu năm', '\u2013 Đầu năm'],
    ['－ Cuối năm', '\u2013 Cuối năm'],
    ['- cmd|\' /C calc\'!A0', "\u2013 cmd|' /C calc'!A0"],
    ['-cmd', "'-cmd"],
    ['Sơn Dương', 'Sơn Dương'],
    ['a=b', 'a=b'],
    // A cell named with its sheet (model/sheet-ref.ts) starts with its quote or a letter: no formula, left as it is.
    ["'Chỉ tiêu 2017'!D11", "'Chỉ tiêu 2017'!D11"],
    ["'=x'!A1", "'=x'!A1"],
  ])('text %j → %j', (text, safe) => expect(csvSafeText(text)).toBe(safe));

  it.each(['-2,65', '-0.25', '210.299', '210,299', '11,80%', '+4', '0'])('the number %s stays a number', (n) => expect(csvSafeText(n)).toBe(n));
});

describe.each([
  ['table', (file: string) => ['table', file, '--format', 'csv', '--total', 'first']],
  ['plan', (file: string) => ['plan', file, '--format', 'csv', '--target', 'total=0', '--total', 'first']],
])('%s --format csv with hostile unit names', (_cmd, args) => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-csvinj-'));
  const file = join(dir, 'hostile.csv');
  // Every field quoted, so that the CR and TAB stay inside their names.
  writeFileSync(file, '\ufeff' + stringify(fixtures.wideRecords(fixtures.SEED, { units: HOSTILE }), { delimiter: ';', quoted: true, record_delimiter: 'windows' }));
  let r: CliRun;
  let rows: string[][];
  beforeAll(async () => {
    r = await cli(args(file));
    rows = parse(r.stdout.replace(/^\ufeff/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
  });

  it('runs', () => expect(r.code, r.stderr).toBe(0));

  it('no cell a spreadsheet would run as a formula; the names are kept behind the apostrophe', () => {
    for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r＝]/);
    // (The reader trims the spaces around a name, a leading CR or TAB with them: "\r=2+2" is read as "=2+2".)
    expect(rows[0]).toEqual(expect.arrayContaining([`'=HYPERLINK("http://x","click")`, "'+1+1", "'-2+3", "'@SUM(1)", "'=2+2", "'=1+2", "'＝3+4"]));
  });

  it('numbers stay numbers', () => {
    const start = rows.find((r) => r[1]?.includes('Đầu năm'))!;
    expect(start.slice(3, 6)).toEqual(['11,80', '9,31', '9,26']);
  });
});
