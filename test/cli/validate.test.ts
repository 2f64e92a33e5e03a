/**
 * The built binary on the fixtures: exit codes, findings, and one clear line for input that cannot be
 * read. `npm test` builds first, so this runs what users run.
 */
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, cli, FIXTURES, ROOT } from '../helpers.js';

const SEED = 'fixtures/tuyen-quang-2020.csv';
const json = (stdout: string) => JSON.parse(stdout) as {
  povcheck: number;
  files: Array<{ file: string; status: string; layout: string; locale: string; source?: Record<string, unknown>; findings: Array<Record<string, string | null>>; error?: { code: string; message: string }; causes?: Array<Record<string, unknown> & { message: string }> }>;
  summary: Record<string, number>;
};
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('povcheck validate on the seed annex', () => {
  it('prints the annex, 0 errors and the denominator warnings, and exits 0', async () => {
    const r = await cli(['validate', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi, 1 cảnh báo');
    expect(r.stdout).toContain('số hộ nghèo giảm (4.188 hộ, tính ròng) chỉ bằng 1,99% tổng số hộ đầu năm');
    expect(r.stdout).toContain('khoảng 0,07 điểm');
    expect(r.stdout).toMatch(/│ 1\s+│ Tổng số hộ đầu năm\s+│ Hộ\s+│\s+210\.299 │/);
    expect(r.stderr).toBe('');
  });

  it('names a TAB-delimited "Unicode Text" file\'s delimiter in the "read as" line (it was "undefined-delimited")', async () => {
    const file = join(FIXTURES, 'variants', 'unicode-text-utf16le.txt');
    expect((await cli(['validate', file, '--lang', 'en'])).stdout).toContain('Read as: UTF-16LE text, TAB-delimited;');
    expect((await cli(['validate', file])).stdout).toContain('Đọc: văn bản UTF-16LE, phân cách bằng TAB;');
  });

  it('speaks English with --lang en', async () => {
    const r = await cli(['validate', SEED, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1.99 % of the start-of-year households');
    expect(r.stdout).toContain('about 0.07 points');
  });

  it('gives the JSON contract with --format json', async () => {
    const r = await cli(['validate', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.povcheck).toBe(1);
    expect(out.files[0]).toMatchObject({ file: SEED, status: 'ok', layout: 'wide', locale: 'vi' });
    const prov = out.files[0]!.findings.find((f) => f.rule === 'denominator' && f.unit === 'Toàn tỉnh')!;
    expect(prov).toMatchObject({ severity: 'warning', cell: 'D9', indicator: 'rate_reduced', expected: '1.99', actual: '2.06' });
    expect(out.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 8, unreadable: 0, unchecked: 0 });
  });

  it('exits 1 under --strict, where warnings count', async () => {
    expect((await cli(['validate', SEED, '--strict', '--no-table'])).code).toBe(1);
  });

  it('can leave the table out', async () => {
    expect((await cli(['validate', SEED, '--no-table'])).stdout).not.toContain('┌');
  });
});

describe('the variants of the seed annex', () => {
  it.each(Object.keys(fixtures.variants()))('%s: exit 0, no errors', async (name) => {
    const r = await cli(['validate', `fixtures/${name}`, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.errors).toBe(0);
  });
});

describe('planted errors', () => {
  const planted = fixtures.planted();
  it.each(Object.keys(planted))('%s: exit 1 and the finding at its cell', async (name) => {
    const p = planted[name]!;
    const r = await cli(['validate', `fixtures/${name}`, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = json(r.stdout).files[0]!.findings;
    expect(findings.some((f) => f.rule === p.rule && f.cell === p.cell && f.severity === 'error')).toBe(true);
  });

  it('the text report names the rule, the cell, the unit, expected and found', async () => {
    const r = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('I6 · flow · Chiêm Hóa · Poor households at end of year — expected 4,693, found 4,963');
    expect(r.stdout).toMatch(/4,963 ✖/);
  });

  it('a formula LibreOffice computed to #DIV/0! (a rate divided by the blank notes column) is named with its formula and what the error means', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/formula-error.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const errors = json(r.stdout).files[0]!.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.cell} ${f.unit}`)).toEqual(['number H11 Hàm Yên']);
    expect(errors[0]!.message).toBe('Hàm Yên, poverty rate at start of year: the cell shows the spreadsheet error #DIV/0! of =ROUND(H7/L5*100,2) (a formula divided by an empty or zero cell), not a figure; correct the formula or type the figure.');
  });

  it('hidden rows and columns of a workbook are not read and are named (a helper column was a district, helper rows took the rates\' place)', async () => {
    const clean = await cli(['validate', 'fixtures/xlsx/hidden-helpers.xlsx', '--format', 'json', '--lang', 'en']);
    expect(clean.code).toBe(0);
    const file = json(clean.stdout).files[0]!;
    expect(file.source).toMatchObject({ kind: 'workbook', hidden: { rows: [12, 15], cols: ['M'] } });
    expect(file.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cell}`)).toEqual(['denominator D13']);
    const typo = await cli(['validate', 'fixtures/xlsx/hidden-rows-typo.xlsx', '--lang', 'en']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain('Read as: xlsx workbook, sheet "Phụ lục"; hidden rows 12, 15 not read (hidden in the workbook);');
    expect(typo.stdout).toMatch(/Likely cause: 'Phụ lục'!J14 \(Poverty rate at end of year, Na Hang\) holds 25\.65; 25\.56 would make both failing checks pass/);
    const table = await cli(['table', 'fixtures/xlsx/hidden-rows-typo.xlsx', '--lang', 'en']);
    expect(table.stderr).toContain('hidden-rows-typo.xlsx: hidden rows 12, 15 not read (hidden in the workbook)');
  });

  it('a second table below the first on one sheet ends the table read, with one warning (it was read on as duplicate units)', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/two-tables-one-sheet.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const findings = json(r.stdout).files[0]!.findings;
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(['warning unknown A14']);
    expect(findings[0]!.message).toMatch(/^Another table starts in row 14 \("Biểu 2\. Hộ cận nghèo sau rà soát năm 2020"\)/);
  });

  it('a summary sheet whose figures come from the districts\' sheets names the sheet where a figure is to be corrected', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/summary-and-district-sheets.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const file = json(r.stdout).files[0]!;
    expect(file.source).toMatchObject({ sheet: 'Tổng hợp', others: ['Na Hang', 'Lâm Bình'] });
    const cause = file.causes![0]!;
    expect(cause).toMatchObject({ cells: ['E4'], formulas: { E4: { formula: "='Na Hang'!E3", treated: 'entered', sheet: 'Na Hang' } } });
    expect(cause.message).toContain('holds 324 (it takes =\'Na Hang\'!E3 from sheet "Na Hang": correct the figure there; --sheet "Na Hang" checks that sheet), should be 342');
    const na = await cli(['validate', 'fixtures/xlsx/summary-and-district-sheets.xlsx', '--sheet', 'Na Hang', '--format', 'json', '--lang', 'en']);
    expect(json(na.stdout).files[0]!.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('a total whose =SUM stops a row short (LibreOffice-made) is the cause, naming the commune it leaves out', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/sum-range-short.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const cause = json(r.stdout).files[0]!.causes![0]!;
    expect(cause).toMatchObject({ cells: ['C2'], proposed: { C2: '291' }, formulas: { C2: { formula: '=SUM(C3:C5)', treated: 'suspect', leavesOut: ['C6 (Xã Kim Quan)'], adds: [] } } });
    expect(cause.message).toContain("it is computed by =SUM(C3:C5), which leaves out C6 (Xã Kim Quan): check the formula's range");
    // The HTML report's likely cause says it too, after the value as the text report has it.
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-sumrange-')), 'r.html');
    expect((await cli(['validate', 'fixtures/xlsx/sum-range-short.xlsx', '--format', 'html', '-o', out, '--lang', 'en'])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('holds 271 (it is computed by =SUM(C3:C5), which leaves out C6 (Xã Kim Quan): check the formula&#39;s range); 291 would fit');
  });

  it('a rate whose =ROUND reads the row above\'s households (LibreOffice-made) is the cause, naming the cell it reads and the one it should', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/rate-row-off.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const cause = json(r.stdout).files[0]!.causes![0]!;
    expect(cause).toMatchObject({ cells: ['D5'], sheet: 'Sheet1', proposed: { D5: '6.00' }, formulas: { D5: { formula: '=ROUND(C5/B4*100,2)', treated: 'suspect', leavesOut: ['B5 (Xã Trung Minh)'], adds: ['B4 (Xã Hùng Lợi)'] } } });
    expect(cause.message).toContain("it is computed by =ROUND(C5/B4*100,2), which reads B4 (Xã Hùng Lợi) where the check reads B5 (Xã Trung Minh): check the formula's references");
  });

  it('a province total whose =SUM adds the communes under its districts again (LibreOffice-made): the formula, naming what it adds', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/sum-double-count.xlsx', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const cause = json(r.stdout).files[0]!.causes![0]!;
    expect(cause).toMatchObject({ cells: ['C2'], proposed: { C2: '291' }, formulas: { C2: { formula: '=SUM(C3:C8)', treated: 'suspect', leavesOut: [], adds: ['C4 (Xã Thanh Tương)', 'C5 (Xã Năng Khả)', 'C7 (Xã Lăng Can)', 'C8 (Xã Thượng Lâm)'] } } });
  });

  it('the rows it does not read are written in the report\'s language too (a yearbook\'s income row beside the rates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-rows-'));
    const p = join(dir, 'yearbook.csv');
    writeFileSync(p, 'Chỉ tiêu;2019;2020\nThu nhập bình quân đầu người một tháng (nghìn đồng);5.505;6.057\nTỷ lệ hộ nghèo (%);0,89;0,69\n');
    const r = await cli(['validate', p, '--lang', 'en']);
    expect(r.stdout).toMatch(/│ 5,505 │ +6,057 │/);
    expect(r.stdout).toMatch(/│ {2}0\.89 │ +0\.69 │/);
  });
});

describe('a hand-made CSV whose header or row label holds a name split by the delimiter (fixtures/hand-made/)', () => {
  const FILE = 'fixtures/hand-made/long-header-name-split.csv';

  it('reads the name whole, the names after it over their figures: the seed annex\'s verdict, with one warning at the split', async () => {
    const r = await cli(['validate', FILE, '--no-table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi, 2 cảnh báo');
    expect(r.stdout).toContain('Ô D1 ("sau rà soát)") được đọc là phần sau của tên ở C1: "Tổng số hộ của toàn tỉnh cuối năm (hộ; sau rà soát)"');
    const json = JSON.parse((await cli(['validate', FILE, '--format', 'json'])).stdout) as { files: Array<{ findings: Array<{ rule: string; cell: string | null; severity: string }> }> };
    expect(json.files[0]!.findings.filter((f) => f.rule === 'unknown').map((f) => `${f.severity} ${f.cell}`)).toEqual(['warning D1']);
  });

  it('a wide table\'s row label split so (wide-row-label-split.csv): the row read and checked, one warning at its rest', async () => {
    const r = await cli(['validate', 'fixtures/hand-made/wide-row-label-split.csv', '--no-table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6/6 phép đã chạy');
    expect(r.stdout).toContain('Ô C5 ("tính ròng)") được đọc là phần sau của tên ở B5: "Số hộ nghèo giảm trong năm (hộ; tính ròng)"');
    // table prints that row: its note says what was joined, not that the row is left out.
    const t = await cli(['table', 'fixtures/hand-made/wide-row-label-split.csv']);
    expect(t.stderr).toContain('C5: Dòng 5 có 13 ô, nhiều hơn các dòng khác của bảng (12 ô)');
    expect(t.stderr).not.toContain('không có trong bảng in ra');
    expect(t.stdout).toMatch(/Số hộ nghèo giảm trong năm\s+│ Hộ\s+│\s+4\.188/);
  });

  it('table passes the warning on, as a note of the header, not of a row or column left out', async () => {
    const r = await cli(['table', FILE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('D1: Dòng 1 có 10 ô, nhiều hơn mọi dòng bên dưới (9 ô)');
    expect(r.stderr).not.toContain('không có trong bảng in ra');
    expect(r.stdout).toMatch(/Tổng số hộ cuối năm\s+│ Hộ\s+│\s+211\.780/);
  });

  it('a long table\'s unit names split so (long-unit-name-split.csv, two rows): read whole, one warning naming both rows', async () => {
    // Before: the two longer rows made ',' (the decimal marks) the delimiter, and the file was refused (exit 2); one
    // such row alone read its figures one column right, 8 errors with causes that were not wrong.
    const f = 'fixtures/hand-made/long-unit-name-split.csv';
    const r = await cli(['validate', f, '--no-table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi, 2 cảnh báo');
    expect(r.stdout).toContain('2 dòng (5, 9) có nhiều ô hơn dòng tiêu đề (9 ô)');
    expect(r.stdout).toContain('; ô B9 ("tách từ Na Hang)") được đọc là phần sau của tên ở A9: "Lâm Bình (huyện mới; tách từ Na Hang)"');
    const t = await cli(['table', f]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('TP Tuyên Quang (phường; xã)');
    expect(t.stderr).not.toContain('không có trong bảng in ra');
  });
});

describe('input that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-bad-'));
  const file = (name: string, content: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const cases: Array<[string, string, RegExp]> = [
    ['an empty file', file('empty.csv', ''), /the file is empty/],
    ['blank space', file('blank.csv', '\n  \r\n'), /only blank space/],
    ['binary data', file('random.bin', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))), /binary data/],
    ['a PNG image', file('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), /PNG image/],
    ['a cut-short ZIP named csv', file('book.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])), /not a readable Excel workbook: no ZIP central directory/],
    ['prose', file('prose.txt', 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020\nKhông có bảng nào ở đây.\n'), /no column structure/],
    // What povcheck saw at the top is named: the reader sees it looked at the right file, or the wrong one.
    ['a table of something else', file('other.csv', 'name;age\nAn;30\nBình;41\n'), /no poverty-table indicator .*; its first row reads "name", "age"\)$/],
    ['legacy encoding', file('tcvn3.csv', Buffer.from([0x4e, 0x69, 0x6e, 0x68, 0x20, 0x42, 0xd7, 0x6e, 0x68, 0x3b, 0x31, 0x0a, 0x61, 0x3b, 0x32, 0x0a])), /legacy Vietnamese encoding/],
    ['a missing file', join(dir, 'nope.csv'), /no such file/],
    ['a directory', mkdirSync(join(dir, 'sub'), { recursive: true }) ?? join(dir, 'sub'), /directory/],
  ];

  it.each(cases)('%s: exit 2, one line naming the file, no stack trace', async (_name, path, reason) => {
    const r = await cli(['validate', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    const lines = (r.stdout + r.stderr).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toMatch(reason);
    noStackTrace(r.stdout + r.stderr);
  });

  it('says it in Vietnamese with --lang vi', async () => {
    const r = await cli(['validate', cases[0]![1], '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('tệp rỗng');
  });

  it('a Vietnamese table it cannot read says so in Vietnamese without --lang (the environment English); --lang en still English', async () => {
    const p = file('deprivation.csv', '\uFEFFKhu vực;Thiếu hụt bảo hiểm y tế (%)\nNông thôn;0,637\nThành thị;0,614\n');
    const vi = await cli(['validate', p]);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toMatch(/không đọc được .*không thấy chỉ tiêu nào/);
    const json = await cli(['validate', p, '--format', 'json']);
    expect(json.stderr).toContain('không thấy chỉ tiêu nào');
    const table = await cli(['table', p]);
    expect(table.stderr).toContain('không thấy chỉ tiêu nào');
    expect((await cli(['validate', p, '--lang', 'en'])).stdout).toContain('no poverty-table indicator');
  });

  it('a workbook\'s cover sheet saved as CSV (no columns, Vietnamese text) is refused in Vietnamese without --lang', async () => {
    // LibreOffice's and Excel's "Save as CSV" write the first (or active) sheet: a cover page of one column.
    const p = file('bia.csv', 'UỶ BAN NHÂN DÂN TỈNH TUYÊN QUANG\n\nBÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2020\nKèm theo Kế hoạch số .../KH-UBND\n');
    const env = { LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' };
    const vi = await cli(['validate', p], { env });
    expect(vi.code).toBe(2);
    // Before: "cannot be read (no column structure: no line splits into several fields at a comma, semicolon or TAB)".
    expect(vi.stdout).toMatch(/không đọc được/);
    expect((await cli(['validate', p, '--lang', 'en'], { env })).stdout).toContain('no column structure');
  });

  it('json: the file is "unreadable" with a code, and stderr has the line', async () => {
    const r = await cli(['validate', cases[0]![1], '--format', 'json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).files[0]).toMatchObject({ status: 'unreadable', error: { code: 'FILE_EMPTY' } });
    // Every member the contract gives an unreadable file: `coverage` and `localisation` null (helper-90: absent).
    expect(json(r.stdout).files[0]).toMatchObject({ findings: [], skipped: [], coverage: null, causes: [], localisation: null });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an undecidable number format: exit 2 naming the cell and asking for --locale', async () => {
    const p = file('mixed.csv', 'STT;Chỉ tiêu;Toàn tỉnh\n1;Tổng số hộ đầu năm;210,299\n2;Số hộ nghèo đầu năm;24.814\n');
    const r = await cli(['validate', p, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/C2.*--locale/);
    // Read with --locale (one unit and two counts: nothing to compare, so `unchecked`, but no longer unreadable).
    expect(json((await cli(['validate', p, '--locale', 'en', '--format', 'json'])).stdout).files[0]!.status).toBe('unchecked');
  });

  it('the worst file decides the exit code', async () => {
    expect((await cli(['validate', SEED, 'fixtures/planted/flow.csv-missing'])).code).toBe(2);
    expect((await cli(['validate', SEED, 'fixtures/planted/poor-end-transposed.csv', '--no-table'])).code).toBe(1);
  });
});

describe('the command line', () => {
  it('--version and --help exit 0', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0 });
    const help = await cli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format');
  });

  it('an unknown option or a bad choice exits 2 with a message', async () => {
    const r = await cli(['validate', SEED, '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect((await cli(['validate', SEED, '--format', 'yaml'])).code).toBe(2);
    expect((await cli(['validate'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: povcheck');
  });
});

describe('validate --format html -o', () => {
  const out = (name = 'report.html') => join(mkdtempSync(join(tmpdir(), 'povcheck-html-')), name);

  it('writes the report to the file, says so on stderr (in the report\'s language, the table\'s), and keeps the exit code of the findings', async () => {
    const o = out();
    const r = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'html', '-o', o]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`povcheck: đã ghi báo cáo vào ${o}\n`);
    const doc = readFileSync(o, 'utf8');
    expect(doc).toMatch(/^<!DOCTYPE html>/);
    expect(doc).toContain('id="c0-I6"');
    expect((await cli(['validate', SEED, '--format', 'html', '--output', out()])).code).toBe(0);
  });

  it('on a terminal needs -o: exit 2 and a message, in the chosen language', async () => {
    const { main } = await import('../../src/cli.js');
    const onTerminal = async (...extra: string[]) => {
      let out = '';
      let err = '';
      const code = await main(['node', 'povcheck', 'validate', SEED, '--format', 'html', ...extra], { out: (s) => (out += s), err: (s) => (err += s), isTTY: true, columns: 120, env: { NO_COLOR: '1' }, cwd: ROOT });
      return { code, out, err };
    };
    const r = await onTerminal('--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('povcheck: the html format is not printed to the terminal: name the output file with -o <file>.html\n');
    expect((await onTerminal('--lang', 'vi')).err).toContain('hãy chỉ rõ tệp kết quả bằng -o <tệp>.html');
  });

  it('redirected or piped, goes to stdout as any format does (`> report.html`): the page -o writes', async () => {
    const o = join(mkdtempSync(join(tmpdir(), 'povcheck-html-')), 'r.html');
    const piped = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'html']);
    expect(piped.code).toBe(1);
    expect(piped.stderr).toBe('');
    expect((await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'html', '-o', o])).code).toBe(1);
    expect(piped.stdout).toBe(readFileSync(o, 'utf8'));
  });

  it('never writes over an input file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-html-'));
    const input = join(dir, 'annex.csv');
    writeFileSync(input, readFileSync(SEED));
    const r = await cli(['validate', input, '--format', 'html', '-o', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write over the input file');
    expect(readFileSync(input)).toEqual(readFileSync(SEED));
  });

  it('-o also takes the text and JSON reports (text without colours)', async () => {
    const o = out('report.txt');
    expect((await cli(['validate', SEED, '-o', o], { env: { FORCE_COLOR: '1' } })).code).toBe(0);
    const text = readFileSync(o, 'utf8');
    expect(text).toContain('0 lỗi, 1 cảnh báo');
    expect(text).not.toContain('\u001b[');
    const j = out('report.json');
    await cli(['validate', SEED, '--format', 'json', '-o', j]);
    expect(JSON.parse(readFileSync(j, 'utf8')).summary.errors).toBe(0);
  });

  it('names an unreadable file on stderr when the report goes to a file', async () => {
    const r = await cli(['validate', SEED, 'fixtures/nope.csv', '--format', 'html', '-o', out(), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('povcheck: fixtures/nope.csv: no such file');
  });
});
