/**
 * `povcheck fix` (the built binary): a corrected copy only when the cause is unique, byte for byte the
 * input except the corrected cells (so fixing a planted slip gives back the clean file exactly, in every
 * encoding, delimiter and layout); never over the input; exit codes 0 / 1 / 2.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, cli, ROOT } from '../helpers.js';

const { wideRecords, longRecords, serialize, SEED, UNITS } = fixtures;
const SEED_FILE = 'fixtures/tuyen-quang-2020.csv';
const seedBytes = () => readFileSync(join(ROOT, SEED_FILE));
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-fix-'));
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('fix on a row whose label or unit name was split by the delimiter and joined back (shape/split-header.ts)', () => {
  it.each([
    // A wide table's row label: its figures one column right of the other rows'.
    ['wide-row-label-split.csv', ';390;282;', ';390;228;', 'ô L5 (Số hộ nghèo giảm trong năm, Lâm Bình): 228 → 282'],
    // A long table's unit name: the fields after it one column right.
    ['long-unit-name-split.csv', ';2.750;282;2.468;', ';2.750;282;2.486;', 'ô G9 (Số hộ nghèo cuối năm, Lâm Bình (huyện mới; tách từ Na Hang)): 2.486 → 2.468'],
  ])('%s: patches the slipped figure where it is in the file, not where the joined row reads it', async (name, from, to, change) => {
    const dir = tmp();
    const input = join(dir, 'split.csv');
    const clean = readFileSync(join(ROOT, 'fixtures', 'hand-made', name), 'utf8');
    const slipped = clean.replace(from, to);
    expect(slipped).not.toBe(clean);
    writeFileSync(input, slipped);
    const out = join(dir, 'fixed.csv');
    const r = await cli(['fix', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(change);
    expect(readFileSync(out, 'utf8')).toBe(clean);
  });
});

describe('fix on counts that lost the zeros of their last group in a save (fixtures/saved/)', () => {
  const seedText = readFileSync(join(ROOT, 'fixtures', 'saved', 'seed-english-settings-unicode-text.txt')).toString('utf16le');
  const restoredText = seedText.replace(/\t(\d{1,3})\.(\d{1,2})(?=\t)/g, (_, a: string, b: string) => `\t${a}.${b.padEnd(3, '0')}`);

  it('writes the zeros back when the copy then checks clean, byte for byte the input elsewhere, in its encoding', async () => {
    const out = join(tmp(), 'fixed.txt');
    const r = await cli(['fix', 'fixtures/saved/seed-english-settings-unicode-text.txt', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 cells corrected:\n  F2 (Total households at start of year, Yên Sơn): 39.88 → 39.880 (the zeros of its last group, dropped in a save, written back)\n');
    expect(r.stdout).toContain('The copy was checked again: no errors left.');
    expect(restoredText).not.toBe(seedText);
    expect(readFileSync(out).toString('utf16le')).toBe(restoredText);
    const again = await cli(['validate', out, '--format', 'json']);
    expect(again.code).toBe(0);
  });

  it('with a typing slip as well: both, the slip found on the restored copy', async () => {
    const dir = tmp();
    const input = join(dir, 'slip.txt');
    writeFileSync(input, Buffer.from(seedText.replace('\t24.814\t', '\t24.815\t'), 'utf16le'));
    const out = join(dir, 'fixed.txt');
    const r = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9 cells corrected:');
    expect(r.stdout).toContain('D4 (Poor households at start of year, Toàn tỉnh): 24,815 → 24,814 (one digit looks mistyped)');
    expect(readFileSync(out).toString('utf16le')).toBe(restoredText);
  });

  it('nothing written when the zeros written back leave errors it cannot pin (exit 1), naming the input\'s errors', async () => {
    const dir = tmp();
    const input = join(dir, 'wrong.txt');
    // Yên Sơn's households were 39.881, not 39.880: the sums fail after the zeros, and no one cell is sure.
    writeFileSync(input, Buffer.from(seedText.replace('\t39.88\t36.54\t', '\t39.88\t36.55\t'), 'utf16le'));
    const out = join(dir, 'fixed.txt');
    const r = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain('F2 number');
  });
});

describe('fix on the planted fixtures', () => {
  it.each([
    ['poor-end-transposed.csv', 'I6', '4.963 → 4.693'],
    ['households-total-typo.csv', 'D2', '210.399 → 210.299'],
    ['rate-start-typo.csv', 'F8', '9,62 → 9,26'],
    ['rate-change-rounded.csv', 'H9', '2,64 → 2,65'],
    ['end-rate-start-denominator.csv', 'J10', '25,83 → 25,56'],
    ['poor-start-separator.csv', 'K4', '2,75 → 2.750'],
    ['rate-as-share.csv', 'D8', '0,1180 → 11,80'],
    ['reduction-share.csv', 'D9', '1,99 → 2,06'],
    ['two-errors.csv', 'I6', '4.963 → 4.693'],
    ['rate-decimal-mark.csv', 'D8', '1,180 → 11,80'],
    ['row-shifted-left.csv', 'K5', '(trống) → 282'],
    // Typed one cell on, its last value in the notes column: the very value the checks give, moved back and L5 emptied.
    ['row-shifted-right.csv', 'L5', '282 → (trống): đây là giá trị của ô K5 bị gõ lệch sang, nay đã dời về ô K5'],
  ])('%s: exit 0, the changed cell printed, the copy is the clean seed byte for byte', async (name, cell, change) => {
    const out = join(tmp(), 'fixed.csv');
    const input = join(ROOT, 'fixtures', 'planted', name);
    const before = readFileSync(input);
    const r = await cli(['fix', `fixtures/planted/${name}`, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ô ${cell} (`);
    expect(r.stdout).toContain(change);
    expect(readFileSync(out).equals(seedBytes())).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('prints every changed cell of a two-cell cause, in English with --lang en', async () => {
    const out = join(tmp(), 'fixed.csv');
    const r = await cli(['fix', 'fixtures/planted/two-errors.csv', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Wrote ${out}: 2 cells corrected:\n` +
        '  I6 (Poor households at end of year, Chiêm Hóa): 4,963 → 4,693 (the digits look transposed)\n' +
        '  F8 (Poverty rate at start of year, Yên Sơn): 9.62 → 9.26 (the digits look transposed)\n' +
        // The copy is checked again before it is written: the report says so (it did not).
        'The copy was checked again: no errors left.\n',
    );
  });
});

describe('fix on a row typed one cell on whose last value landed in a column without a header', () => {
  it('moves the run back and empties that cell, saying so (long-row-shifted-right.csv: J7)', async () => {
    const out = join(tmp(), 'fixed.csv');
    const r = await cli(['fix', 'fixtures/planted/long-row-shifted-right.csv', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}: 6 cells corrected:\n`);
    expect(r.stdout).toContain("  J7 (a column without a header): 13.56 → (blank): I7's value, typed one cell on into it, moved back to I7\n");
    const row = readFileSync(out, 'utf8').split(/\r?\n/)[6]!.split(';');
    expect(row.slice(4)).toEqual(['818', '4.693', '16,03', '2,47', '13,56', '']);
  });
});

describe('fix on a table whose rates take a decimal point beside counts grouped with one', () => {
  it('writes the corrected rate with the point, as the table does (Phú Thọ 2016 with a slip)', async () => {
    const dir = tmp();
    const clean = readFileSync(join(ROOT, 'fixtures/published/review-2016-phu-tho-province-districts-point-decimals.csv'), 'utf8');
    writeFileSync(join(dir, 'slip.csv'), clean.replace(',10.51,', ',10.15,'));
    const r = await cli(['fix', join(dir, 'slip.csv'), '-o', join(dir, 'fixed.csv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fixed.csv'), 'utf8')).toBe(clean);
  });
});

describe('fix refuses, writing nothing', () => {
  it('column-shifted-down.csv: a run typed one cell on, its last value pushed out of the table, into no cell (exit 1, the run named)', async () => {
    const out = join(tmp(), 'fixed.csv');
    const r = await cli(['fix', 'fixtures/planted/column-shifted-down.csv', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toMatch(/not fixed, nothing written: the values of I4–I10 seem typed one cell on \(listed below\): the last one was pushed out of the table, and no cell just past it holds the value the checks give/);
    expect(r.stdout).toContain('Likely cause: ');
  });

  it('row-shifted-right.csv with another value in the cell its last value was pushed into (280 where the checks give 282): not moved back (exit 1)', async () => {
    const dir = tmp();
    const input = join(dir, 'shifted.csv');
    writeFileSync(input, readFileSync(join(ROOT, 'fixtures/planted/row-shifted-right.csv'), 'utf8').replace(/;390;282(\r?\n)/, ';390;280$1'));
    const out = join(dir, 'fixed.csv');
    const r = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    // The refusal names the cell the value was pushed into, what it holds and what the checks give, not "no cell".
    expect(r.stdout.split('\n')[0]).toBe(
      `${input}: not fixed, nothing written: the values of H5–K5 seem typed one cell on (listed below): the last one was pushed into L5, but L5 holds 280, while the checks give K5 282; move the values back by hand, then correct or clear L5.`,
    );
    const vi = await cli(['fix', input, '-o', out]);
    expect(vi.stdout.split('\n')[0]).toBe(
      `${input}: chưa sửa, không ghi tệp nào: các số liệu ở H5–K5 có vẻ bị gõ lệch sang ô kế tiếp (xem bên dưới): số liệu cuối bị đẩy sang ô L5, nhưng ô L5 ghi 280, còn theo các phép kiểm tra thì giá trị của ô K5 là 282; hãy tự dời các số liệu lại, rồi sửa hoặc xóa ô L5.`,
    );
    // A note where the value went: its text, quoted.
    writeFileSync(input, readFileSync(join(ROOT, 'fixtures/planted/row-shifted-right.csv'), 'utf8').replace(/;390;282(\r?\n)/, ';390;đã rà soát$1'));
    const note = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(note.code).toBe(1);
    expect(note.stdout).toContain('the last one was pushed into L5, but L5 holds "đã rà soát", while the checks give K5 282;');
  });

  // A blank that only a skip names (not the full annex form): the two cells after it explained the checks, and fix
  // wrote `Xã A;1.000;;100;50;5,00` (the poor count still blank, a rate of 100 %) saying the copy was clean.
  it('a row typed one cell on whose blank only a skip names: the run named, not two cells after the blank (exit 1)', async () => {
    const dir = tmp();
    const input = join(dir, 'row.csv');
    writeFileSync(
      input,
      'Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ cận nghèo;Tỷ lệ hộ cận nghèo (%)\n' +
        'Toàn huyện;3.000;300;10,00;150;5,00\nXã A;1.000;;100;10,00;50\nXã B;2.000;200;10,00;100;5,00\n',
    );
    const out = join(dir, 'fixed.csv');
    const r = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toMatch(/not fixed, nothing written: the values of C3–F3 seem typed one cell on/);
    expect(r.stdout).not.toContain('no errors left');
  });

  it('when several explanations fit (exit 1, the explanations listed)', async () => {
    const out = join(tmp(), 'fixed.csv');
    const r = await cli(['fix', 'fixtures/planted/households-ambiguous.csv', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toMatch(/not fixed, nothing written: \d+ explanations fit/);
    expect(r.stdout).toContain('E2 (Total households at start of year, Sơn Dương) holds 49,875, should be 49,874 (one digit looks mistyped)');
  });

  it.each(['malformed-group.csv', 'stray-text.csv'])('%s: errors fix does not correct (exit 1)', async (name) => {
    const out = join(tmp(), 'fixed.csv');
    const r = await cli(['fix', `fixtures/planted/${name}`, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain('còn lỗi mà lệnh fix không sửa được');
  });

  it('when no set of cells explains the failing checks (exit 1)', async () => {
    const dir = tmp();
    const input = join(dir, 'row.csv');
    writeFileSync(input, serialize(wideRecords(SEED, { texts: { 'households_start:0': '210.999', 'households_start:1': '49.000', 'households_start:2': '39.000', 'households_start:3': '36.000' } })));
    const r = await cli(['fix', input, '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    expect(r.stdout).toContain('không có cách sửa một hay hai ô nào');
  });

  it('when the one value that fits looks like no typing slip: a correct cell bent to fit an error elsewhere (exit 1)', async () => {
    // helper-93's p8: the total's start households typed 210.149 (true 210.299) with its rate and reduction computed
    // from them; the one cause that fits moves TP Tuyên Quang's correct 36.540 to 36.390, no slip. fix wrote it.
    const dir = tmp();
    const input = join(dir, 'coherent.csv');
    writeFileSync(input, serialize(wideRecords(SEED, { texts: { 'households_start:0': '210.149', 'rate_start:0': '11,81', 'rate_reduced:0': '2,07' } })));
    const r = await cli(['fix', input, '-o', join(dir, 'out.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    expect(r.stdout).toContain('the value that fits G2 looks like no typing slip, so the cell may be right and the error elsewhere');
  });

  it('with two independent errors, names the cells of the one that keeps it from writing (not the slip it could fix)', async () => {
    const r = await cli(['fix', 'fixtures/published/national-2022-regions.csv', '-o', join(tmp(), 'out.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not fixed, nothing written: the values that fit G2 and G6 look like no typing slip, so those cells may be right');
  });

  it('three independent slips, each the only explanation of its own errors: all three corrected', async () => {
    const dir = tmp();
    const input = join(dir, 'three.csv');
    writeFileSync(input, serialize(wideRecords(SEED, { texts: { 'poor_end:5': '4.963', 'rate_start:2': '9,62', 'households_end:6': '10.850' } })));
    const out = join(dir, 'out.csv');
    const r = await cli(['fix', input, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 cells corrected');
    expect(readFileSync(out).equals(serialize(wideRecords(SEED)))).toBe(true);
  });
});

describe('fix on a clean table', () => {
  it('writes an unchanged copy and exits 0', async () => {
    const out = join(tmp(), 'copy.csv');
    const r = await cli(['fix', SEED_FILE, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote an unchanged copy');
    expect(readFileSync(out).equals(seedBytes())).toBe(true);
  });
});

describe('fix never writes over its input, and bad input is one line, exit 2', () => {
  it('-o naming the input (also through another path): exit 2, input untouched', async () => {
    const dir = tmp();
    const input = join(dir, 'annex.csv');
    const bytes = readFileSync(join(ROOT, 'fixtures/planted/poor-end-transposed.csv'));
    writeFileSync(input, bytes);
    for (const target of [input, join(dir, '.', '..', dir.split('/').pop()!, 'annex.csv')]) {
      const r = await cli(['fix', input, '-o', target]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      // In the table's language, as the rest of fix's output (the table is Vietnamese).
      expect(r.stderr).toContain('không ghi đè lên tệp đầu vào');
      noStackTrace(r.stderr);
      expect((await cli(['fix', input, '-o', target, '--lang', 'en'])).stderr).toContain('refusing to write over the input file');
      expect(readFileSync(input).equals(bytes)).toBe(true);
    }
  });

  it('a missing input, a binary input, a missing -o, an unwritable output', async () => {
    const dir = tmp();
    const missing = await cli(['fix', join(dir, 'nope.csv'), '-o', join(dir, 'out.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    writeFileSync(join(dir, 'book.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const binary = await cli(['fix', join(dir, 'book.csv'), '-o', join(dir, 'out.csv')]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('book.csv');
    noStackTrace(binary.stderr);
    const noOutput = await cli(['fix', SEED_FILE]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain("required option '-o, --output-file <fixed>'");
    const unwritable = await cli(['fix', 'fixtures/planted/poor-end-transposed.csv', '-o', join(dir, 'no', 'such', 'dir', 'out.csv')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(unwritable.stderr);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });
});

describe('fix keeps the format of the input', () => {
  const ci = UNITS.indexOf('Chiêm Hóa');
  const variants: Array<[string, (texts: Record<string, string>) => Buffer, string]> = [
    ['comma, UTF-8, LF (decimals quoted)', (texts) => serialize(wideRecords(SEED, { texts }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }), '4.963'],
    ['UTF-16LE "Unicode Text", TAB, CRLF', (texts) => serialize(wideRecords(SEED, { texts }), { delimiter: '\t', encoding: 'utf-16le' }), '4.963'],
    ['UTF-16BE, TAB', (texts) => serialize(wideRecords(SEED, { texts }), { delimiter: '\t', encoding: 'utf-16be' }), '4.963'],
    ['English numbers, comma (groups quoted)', (texts) => serialize(wideRecords(SEED, { locale: 'en', lang: 'en', texts }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }), '4,963'],
    ['English, typed without the grouping the table uses (quotes added)', (texts) => serialize(wideRecords(SEED, { locale: 'en', lang: 'en', texts }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }), '4963'],
    ['long layout, keys, plain numbers', (texts) => serialize(longRecords(SEED, { locale: 'plain', texts }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }), '4963'],
    ['long layout, Vietnamese labels, ;', (texts) => serialize(longRecords(SEED, { keys: false, texts }), { delimiter: ';' }), '4.963'],
    ['counts only', (texts) => serialize(wideRecords(SEED, { rates: false, texts }), { delimiter: ';' }), '4.963'],
  ];
  it.each(variants)('%s: the fixed copy is the clean file byte for byte', async (_name, write, typo) => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, write({ [`poor_end:${ci}`]: typo }));
    const out = join(dir, 'out.csv');
    const r = await cli(['fix', input, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out).equals(write({}))).toBe(true);
  });

  // TCVN3 and VNI files are read only with --encoding, Windows-1258 without it too; the copy stays in the legacy
  // encoding, names and all.
  it.each([
    ['windows-1258', 'windows-1258'],
    ['tcvn3', 'tcvn3'],
    ['vni', 'vni'],
    ['utf-8-tcvn3-font', 'tcvn3'],
  ])('%s with --encoding %s: the fixed copy is the clean file byte for byte', async (encoding, flag) => {
    const write = (texts: Record<string, string>) => serialize(wideRecords(SEED, { texts }), { delimiter: ';', encoding });
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, write({ [`poor_end:${ci}`]: '4.963' }));
    const out = join(dir, 'out.csv');
    const unnamed = await cli(['fix', input, '-o', out]);
    if (encoding === 'windows-1258') {
      expect(unnamed.code).toBe(0);
      expect(readFileSync(out).equals(write({}))).toBe(true);
      rmSync(out);
    } else {
      expect(unnamed.code).toBe(2);
      expect(unnamed.stderr).toContain('--encoding');
      expect(existsSync(out)).toBe(false);
    }
    const r = await cli(['fix', input, '-o', out, '--encoding', flag]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chiêm Hóa');
    expect(r.stdout).toContain('4.963 → 4.693');
    expect(readFileSync(out).equals(write({}))).toBe(true);
  });


  it('keeps spaces around the value and a quoted field quoted', async () => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, serialize(wideRecords(SEED, { texts: { [`poor_end:${ci}`]: ' 4.963 ' } }), { delimiter: ';' }));
    const out = join(dir, 'out.csv');
    expect((await cli(['fix', input, '-o', out])).code).toBe(0);
    expect(readFileSync(out).equals(serialize(wideRecords(SEED, { texts: { [`poor_end:${ci}`]: ' 4.693 ' } }), { delimiter: ';' }))).toBe(true);
  });
});

describe('a workbook (fix writes delimited text only)', () => {
  const refusal = async (file: string) => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-fix-xlsx-')), 'out.csv');
    const r = await cli(['fix', file, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr;
  };

  it('says the one explanation of its errors, to correct by hand', async () => {
    expect(await refusal('fixtures/xlsx/planted/poor-end-transposed.xlsx')).toContain(
      "fix writes delimited text files (CSV, TAB-separated) only; its errors have one explanation, to correct in the workbook by hand: 'poor-end-transposed'!I6 4963 → 4693",
    );
    expect(await refusal('fixtures/xlsx/planted/rate-start-typo.xlsx')).toContain("'rate-start-typo'!F8 9.62 → 9.26");
  });

  it('names no cell when the explanation is not unique and pinned, or a formula would be overwritten', async () => {
    expect(await refusal('fixtures/xlsx/planted/malformed-group.xlsx')).toContain('only; povcheck validate names the likely causes of its errors');
    expect(await refusal('fixtures/xlsx/planted/formulas-poor-start-transposed.xlsx')).toContain('only; povcheck validate names the likely causes');
  });

  it('says when nothing fails', async () => {
    expect(await refusal('fixtures/xlsx/annex-formatted.xlsx')).toContain('only; no check fails in this workbook: nothing to correct');
  });
});
