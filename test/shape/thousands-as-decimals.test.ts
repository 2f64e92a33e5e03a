/**
 * A Vietnamese table opened or imported with English number settings: the spreadsheet read `210.299` as 210.299
 * and stored it as a number (and `39.880` as 39.88). Each count is a `range` error at its cell, as it is; one
 * warning says why, and what to do (found trying LibreOffice's import in an English locale on the seed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline.js';
import { num, sheetXml, str, workbook } from '../xlsx-build.js';
import { causeLines } from '../../src/reporters/causes.js';
import { makeFmt } from '../../src/messages/index.js';

const plain = { bold: (s: string) => s, dim: (s: string) => s } as never;

const dir = mkdtempSync(join(tmpdir(), 'povcheck-fractions-'));
const sheet = (households: Array<number | string>, poor: Array<number | string>) =>
  sheetXml([
    [str('A1', 'Đơn vị'), str('B1', 'Tổng số hộ'), str('C1', 'Số hộ nghèo')],
    [str('A2', 'Toàn tỉnh'), num('B2', households[0]!), num('C2', poor[0]!)],
    [str('A3', 'Huyện A'), num('B3', households[1]!), num('C3', poor[1]!)],
    [str('A4', 'Huyện B'), num('B4', households[2]!), num('C4', poor[2]!)],
  ]);

describe('counts stored as fractions in a workbook', () => {
  it('one warning at the first says the thousands separator was read as a decimal point', async () => {
    const file = join(dir, 'fractions.xlsx');
    writeFileSync(file, workbook([['Phụ lục', sheet([90.299, 50.3, 39.999], [9.5, 5.5, 4])]]));
    const r = await validateFile(file);
    const notes = r.findings.filter((f) => f.msg.id === 'number.thousands-as-decimals');
    expect(notes.map((f) => [f.severity, f.at?.ref, f.msg.params])).toEqual([['warning', 'B2', { cell: "'Phụ lục'!B2", value: '90.299', count: 5 }]]);
    expect(r.findings.filter((f) => f.rule === 'range').length).toBe(5);
  });

  it('whole counts say nothing of it', async () => {
    const file = join(dir, 'whole.xlsx');
    writeFileSync(file, workbook([['Phụ lục', sheet([90299, 50300, 39999], [9500, 5500, 4000])]]));
    const r = await validateFile(file);
    expect(r.findings.filter((f) => f.msg.id === 'number.thousands-as-decimals')).toEqual([]);
  });
});

describe('the seed opened with English number settings (as LibreOffice stores it)', () => {
  // 210.299 → the number 210.299, 39.880 → 39.88, 987 stays 987, 11,80 → 11.8: what an English-locale import keeps.
  const col = (i: number) => String.fromCharCode(65 + i);
  const cellOf = (text: string, ref: string) =>
    /^\d{1,3}(\.\d{3})+$/.test(text) || /^\d+$/.test(text) ? num(ref, Number(text)) : /^\d+,\d+$/.test(text) ? num(ref, Number(text.replace(',', '.'))) : str(ref, text);
  const rows = readFileSync(new URL('../../fixtures/tuyen-quang-2020.csv', import.meta.url), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l, r) => l.split(';').flatMap((t, c) => (t === '' ? [] : [cellOf(t, `${col(c)}${r + 1}`)])));

  it('the causes line says the counts are stored as fractions, not that several cells are wrong', async () => {
    const file = join(dir, 'seed-en.xlsx');
    writeFileSync(file, workbook([['seed', sheetXml(rows)]]));
    const r = await validateFile(file);
    expect(r.findings.filter((f) => f.msg.id === 'number.thousands-as-decimals').map((f) => f.at?.ref)).toEqual(['D2']);
    const lines = causeLines(r.localisation, r.findings, 'en', makeFmt('en'), plain);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('The workbook stores its counts as fractions (see the warning at seed!D2)');
    expect(causeLines(r.localisation, r.findings, 'vi', makeFmt('vi'), plain)[0]).toContain('Sổ tính lưu các số hộ thành số thập phân (xem cảnh báo ở ô seed!D2)');
  });
});
