/**
 * The built binary: `table`, `plan` and `rate` exit codes, stderr, output files (atomic, never over the input)
 * and one clear line for input they cannot use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';

const WITH_TOTAL = 'fixtures/calc/seed-base-counts.csv';
const PLAN_INPUT = 'fixtures/calc/seed-plan-input.csv';
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal/);
const tmp = () => mkdtempSync(join(tmpdir(), 'povcheck-cli-'));
/** `table` on `file`, which must exit 0 (a difference from the input is reported on stderr, not an error). */
async function tableRun(file: string) {
  const r = await cli(['table', file]);
  expect(r.code).toBe(0);
  return r;
}
/** `table --format json`: what it says differs from the input (each cell's stated and computed value, what it carries, its alternatives), and its stderr. */
async function tableDifferences(file: string) {
  const r = await cli(['table', file, '--format', 'json']);
  return { differences: (JSON.parse(r.stdout) as { differences: Array<{ cell: string; carries?: unknown; alternatives?: unknown }> }).differences, stderr: r.stderr };
}

describe('povcheck table', () => {
  it('on a terminal narrower than the table, the narrower way round: one unit and 37 columns prints its indicators as rows', async () => {
    const { main } = await import('../../src/cli.js');
    const width = async (columns: number) => {
      let out = '';
      const code = await main(['node', 'povcheck', 'table', 'fixtures/published/indicators-bac-giang-years-as-columns.csv'], { out: (s) => (out += s), err: () => undefined, isTTY: true, columns, env: { NO_COLOR: '1' }, cwd: ROOT });
      expect(code).toBe(0);
      return { out, widest: Math.max(...out.split('\n').map((l) => [...l].length)) };
    };
    const narrow = await width(80);
    expect(narrow.out).toMatch(/│ 4\s+│ Tỷ lệ hộ nghèo\s+│ %\s+│\s+│\s+15,38 │/);
    expect(narrow.widest).toBeLessThan(200);
  });

  it('keeps the units a published table names without figures (Đông Giang: nine of its eleven communes), blank and numbered in place', async () => {
    const r = await cli(['table', 'fixtures/published/review-2023-dong-giang-district-communes.csv', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(';').slice(0, 2).join(' '));
    expect(rows).toEqual(['1 Huyện Đông Giang', ...['Xã A Rooi', 'Xã A Ting', 'Xã Jơ Ngây', 'Xã Kà Dăng', 'Xã Zà Hung', 'Xã Sông Kôn', 'Xã Tà Lu', 'Thị trấn Prao', 'Xã Mà Cooih', 'Xã Ba', 'Xã Tư'].map((n, i) => `1.${i + 1} ${n}`)]);
  });

  it('differences go to stderr with the cells and a pointer to validate; exit 0, or 1 under --strict', async () => {
    const r = await cli(['table', 'fixtures/planted/poor-end-transposed.csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4,693');
    expect(r.stdout).not.toContain('4,963');
    expect(r.stderr).toContain('I6 (Chiêm Hóa, poor households at end of year): the table has 4,963, computed 4,693');
    expect(r.stderr).toContain('povcheck validate fixtures/planted/poor-end-transposed.csv');
    expect((await cli(['table', 'fixtures/planted/poor-end-transposed.csv', '--strict'])).code).toBe(1);
    expect((await cli(['table', 'fixtures/tuyen-quang-2020.csv', '--strict'])).code).toBe(0);
  });

  it('a difference that follows from a base count likely typed wrong says the stated value may be right and names the cell to correct (national 2022: E4 69.239 for 69.329)', async () => {
    const file = 'fixtures/published/national-2022-regions.csv';
    const r = await tableRun(file);
    expect(r.stderr).toContain(
      '  Các ô E2, C4 trong bảng gốc có thể đã đúng; nguyên nhân có thể của chênh lệch: ô E4 (Số hộ nghèo, Đồng bằng sông Hồng) ghi 69.239, đúng ra là 69.329 (có vẻ hai chữ số liền nhau bị gõ đảo chỗ); giá trị tính được của các ô này mang theo lỗi đó. Sửa ô E4 trong tệp gốc rồi lập lại bảng.\n',
    );
    // C2 and C6 follow from the other group, whose cause (G2 and G6 together) is no typing slip: no claim about them.
    expect(r.stderr).not.toMatch(/C2, |C6 .*có thể đã đúng/);
    const { differences } = await tableDifferences(file);
    expect(Object.fromEntries(differences.map((d) => [d.cell, d.carries ?? null]))).toEqual({
      C2: null,
      E2: [{ cell: 'E4', unit: 'Đồng bằng sông Hồng', indicator: 'poor', stated: '69239', likely: '69329' }],
      C4: [{ cell: 'E4', unit: 'Đồng bằng sông Hồng', indicator: 'poor', stated: '69239', likely: '69329' }],
      C6: null,
    });
  });

  it("a difference validate cannot tell from another cell as the slip says so: Ninh Thuận 2022's achievement 125 is computed 126 from a fall of 1,89, which may be the slip (1,88) instead", async () => {
    const file = 'fixtures/published/report-2022-ninh-thuan-province-districts-target-achievement.csv';
    expect((await tableRun(file)).stderr).toContain(
      '  Ô F2: validate chưa xác định được ô gõ nhầm là F2 hay D2: ô D2 (Mức giảm tỷ lệ hộ nghèo, Toàn tỉnh) ghi 1,89, bất kỳ giá trị nào từ 1,87 đến 1,88 đều được, nhiều khả năng là 1,88 (có vẻ gõ nhầm một chữ số). Giá trị tính được ở F2 coi D2 là đúng như bảng ghi; kiểm tra D2 trong tệp gốc trước khi dùng bảng này.\n',
    );
    expect((await cli(['table', file, '--lang', 'en'])).stderr).toContain('  F2: validate cannot tell whether the slip is F2 or D2: D2 (Poverty rate reduction (points), Toàn tỉnh) holds 1.89,');
    const { differences } = await tableDifferences(file);
    expect(differences).toEqual([expect.objectContaining({ cell: 'F2', stated: '125', computed: '126', alternatives: [[{ cell: 'D2', unit: 'Toàn tỉnh', indicator: 'rate_reduced', stated: '1.89', likely: '1.88' }]] })]);
    expect(differences[0]!.carries).toBeUndefined();
    // A unique cause has no alternative: national 2022's differences name none.
    const national = await tableDifferences('fixtures/published/national-2022-regions.csv');
    expect(national.differences.every((d) => d.alternatives === undefined)).toBe(true);
    expect(national.stderr).not.toContain('chưa xác định được ô gõ nhầm');
  });

  it('every computed cell a slipped start count reaches is named, in table and plan; a slip in the derived cell itself is not (its computed value is the correction)', async () => {
    const dir = tmp();
    const file = join(dir, 'seed-slip.csv');
    writeFileSync(file, readFileSync(join(ROOT, 'fixtures/tuyen-quang-2020.csv'), 'utf8').replace(';3.694;', ';3.649;'));
    const table = await cli(['table', file, '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain(
      '  D4, D6, F6, D8, F8, D10, F10 may be right as the table states them; the likely cause of the differences: F4 (Poor households at start of year, Yên Sơn) holds 3,649, should be 3,694 (the digits look transposed). The computed values carry that slip: correct F4 in the input and make the table again.\n',
    );
    const plan = await cli(['plan', file, '--target', 'total=2', '--lang', 'en']);
    expect(plan.stderr).toContain('  D4 may be right as the table states it; the likely cause of the difference: F4 (Poor households at start of year, Yên Sơn) holds 3,649, should be 3,694');
    // The plan is what the user makes again once F4 is corrected (its exits for Yên Sơn carry the slip too), not a table.
    expect(plan.stderr).toContain('correct F4 in the input and make the plan again.\n');
    expect((await cli(['plan', file, '--target', 'total=2'])).stderr).toContain('Sửa ô F4 trong tệp gốc rồi lập lại kế hoạch.\n');
    const own = await cli(['table', 'fixtures/planted/poor-end-transposed.csv', '--lang', 'en']);
    expect(own.stderr).toContain('I6 (Chiêm Hóa, poor households at end of year): the table has 4,963, computed 4,693');
    expect(own.stderr).not.toContain('may be right');
  });

  it('a run typed one cell on carried into the computed cells: said once as a run with the values moved back, its blank first cell not said to hold nothing ("ghi , đúng ra là")', async () => {
    const file = 'fixtures/planted/row-shifted-right.csv';
    const vi = await cli(['table', file]);
    expect(vi.stderr).toContain('nguyên nhân có thể của chênh lệch: các ô H5–K5 (Số hộ nghèo giảm trong năm) có vẻ bị gõ lệch một ô: dời lại thì là 799, 818, 390, 282; ');
    expect(vi.stderr).not.toMatch(/ ghi , /);
    const en = await cli(['table', file, '--lang', 'en']);
    expect(en.stderr).toContain('the likely cause of the differences: H5–K5 (Poor households reduced during the year) seem typed one cell off: moved back, they hold 799, 818, 390, 282. ');
    expect(en.stderr).not.toMatch(/ holds , /);
    // A unit's row of a long table: the unit named, its indicators differing.
    expect((await cli(['table', 'fixtures/planted/long-row-shifted-right.csv', '--lang', 'en'])).stderr).toContain('E7–I7 (Chiêm Hóa) seem typed one cell off: moved back, they hold 818, 4,693, 16.03, 2.47, 13.56.');
  });

  it('more typing slips than are traced one by one: one line counting them, not a table computed again per slip (10,000 communes with 197 slips took 79 s)', async () => {
    const { writeTable } = (await import(join(ROOT, 'bench', 'gen-table.mjs'))) as { writeTable: (n: number, out: string, o?: { slip?: boolean; districts?: number; provinces?: number }) => Promise<unknown> };
    const dir = tmp();
    const clean = join(dir, 'clean.csv');
    await writeTable(3000, clean, { slip: false, districts: 100, provinces: 5 });
    // Poor households at the start typed 10 more in communes (a base count: the rates, the flow and the sums above reach it).
    const withSlips = (count: number) => {
      let n = 0;
      const lines = readFileSync(clean, 'utf8').split('\r\n').map((l, i) => {
        const f = l.split(';');
        if (i === 0 || n >= count || !/^(Xã|Phường|Thị trấn) /u.test(f[3] ?? '') || i % 97 !== 0) return l;
        const p = Number(f[6]!.replace(/\./g, ''));
        if (p < 100 || Math.floor(p / 10) % 10 === 9) return l;
        n++;
        f[6] = (p + 10).toLocaleString('de-DE');
        return f.join(';');
      });
      const file = join(dir, `slips-${count}.csv`);
      writeFileSync(file, lines.join('\r\n'));
      return file;
    };
    const many = await cli(['table', withSlips(12), '--format', 'csv', '--lang', 'en']);
    expect(many.code).toBe(0);
    expect(many.stderr).toMatch(/^ {2}The input likely has \d+ typing slips the computed values may carry \(too many to trace one by one\)/m);
    const traced = /^ {2}[A-Z]+\d+[^\n]* may be right as the table states/gm;
    expect(many.stderr).not.toMatch(traced);
    const two = await cli(['table', withSlips(2), '--format', 'csv', '--lang', 'en']);
    expect(two.stderr.match(traced)?.length).toBeGreaterThanOrEqual(1);
    expect(two.stderr).not.toContain('too many to trace');
  });

  it('a table whose labels count a period (đầu kỳ, cuối kỳ: Tri Tôn 2021–2023) keeps the period\'s words in every format, not đầu năm / cuối năm', async () => {
    const file = 'fixtures/published/review-2021-2023-tri-ton-district-start-end.csv';
    const csv = await cli(['table', file, '--format', 'csv']);
    const header = csv.stdout.split(/\r?\n/)[0]!;
    expect(header).toContain('Hộ nghèo đầu kỳ: Số hộ;Hộ nghèo đầu kỳ: Tỷ lệ (%);Hộ nghèo cuối kỳ: Số hộ');
    expect(header).not.toMatch(/năm/);
    expect((await cli(['table', file, '--format', 'markdown', '--lang', 'en'])).stdout).toContain('Poor households at end of period');
    // The seed says đầu năm: its labels stand.
    expect((await cli(['table', 'fixtures/tuyen-quang-2020.csv', '--format', 'csv'])).stdout).toContain('Số hộ nghèo đầu năm');
  });

  it('counts a workbook stores as fractions (a Vietnamese table opened with English settings): one line for them all with the cause, not one per cell', async () => {
    const { num, sheetXml, str, workbook } = await import('../xlsx-build.js');
    const file = join(tmp(), 'fractions.xlsx');
    const rows = [['Toàn tỉnh', 90.299, 9.5], ['Huyện A', 50.3, 5.5], ['Huyện B', 39.999, 4]] as const;
    const sheet = sheetXml([[str('A1', 'Đơn vị'), str('B1', 'Tổng số hộ'), str('C1', 'Số hộ nghèo')], ...rows.map(([n, h, p], i) => [str(`A${i + 2}`, n), num(`B${i + 2}`, h), num(`C${i + 2}`, p)])]);
    writeFileSync(file, workbook([['Phụ lục', sheet]]));
    const r = await cli(['table', file, '--lang', 'en']);
    expect(r.stderr).toContain(
      `povcheck: ${file}: 5 household counts are fractions ('Phụ lục'!B2, 'Phụ lục'!C2, 'Phụ lục'!B3, …), cannot be computed with and are printed as read: the table was probably opened with English number settings, which read the thousands point as a decimal point (915.274 households, meant as 915,274, read as 915.274); import it again with Vietnamese settings\n`,
    );
    expect(r.stderr).not.toMatch(/is not a whole number of households/);
  });

  it('a label over two columns (`Tỷ lệ hộ nghèo | Cuối năm`): each rate row keeps its phase, the typed rate is a difference; exit 1 under --strict', async () => {
    const file = 'fixtures/shapes/label-two-columns.csv';
    const r = await cli(['table', file, '--format', 'csv']);
    const labels = r.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(';')[1]);
    expect(labels.slice(5)).toEqual(['Tỷ lệ hộ nghèo', '– Đầu năm', '– Giảm trong năm', '– Cuối năm']);
    expect(r.stderr).toContain('F9 (Na Hang, tỷ lệ hộ nghèo cuối năm): bảng ghi 25,65, tính được 25,56');
    expect((await cli(['table', file, '--strict'])).code).toBe(1);
  });

  it('reads every variant validate reads, with the same result', async () => {
    const json = async (f: string) => JSON.parse((await cli(['table', f, '--format', 'json'])).stdout).units;
    const base = await json('fixtures/tuyen-quang-2020.csv');
    for (const f of ['variants/comma-utf8.csv', 'variants/unicode-text-utf16le.txt', 'variants/tab-utf16be.txt', 'variants/english.csv', 'variants/long-keys.csv', 'variants/long-vi.csv', 'variants/counts-only.csv']) {
      expect(await json(`fixtures/${f}`)).toEqual(base);
    }
  });

  it('--locale changes the number format alone', async () => {
    const r = await cli(['table', WITH_TOTAL, '--lang', 'vi', '--locale', 'en']);
    expect(r.stdout).toContain('Tổng số hộ đầu năm');
    expect(r.stdout).toContain('210,299');
    expect(r.stdout).toContain('11.80');
  });

  it('--output is -o too', async () => {
    const dir = tmp();
    const out = join(dir, 'annex.md');
    expect((await cli(['table', WITH_TOTAL, '--format', 'markdown', '--output', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('| 1 | Tổng số hộ đầu năm | Hộ | 210.299 |');
  });

  it('never writes over the input', async () => {
    const dir = tmp();
    const input = join(dir, 'annex.csv');
    const bytes = readFileSync(join(ROOT, WITH_TOTAL));
    writeFileSync(input, bytes);
    const r = await cli(['table', input, '--format', 'csv', '-o', input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['annex.csv']);
  });

  it('a failed run leaves no file and does not touch an existing one', async () => {
    const dir = tmp();
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'previous');
    const r = await cli(['table', 'fixtures/calc/nope.csv', '--format', 'xlsx', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    const missingDir = join(dir, 'no', 'such', 'dir', 'annex.docx');
    const w = await cli(['table', WITH_TOTAL, '--format', 'docx', '-o', missingDir]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/cannot write the output file|không ghi được tệp kết quả/);
    expect(existsSync(missingDir)).toBe(false);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    noStackTrace(w.stderr);
  });

  it.each([
    ['fixtures/planted/stray-text.csv --transpose', 0, /K5 \(Lâm Bình/],
    ['fixtures/calc/missing.csv', 2, /fixtures\/calc\/missing\.csv: (no such file|không có tệp này)/],
    ['test/zip.ts', 2, /test\/zip\.ts: /],
  ])('%s → exit %i, one clear line', async (args, code, pattern) => {
    const r = await cli(['table', ...args.split(' ')]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    noStackTrace(r.stderr);
  });

  it('names the file and the cell of a base count it cannot use', async () => {
    const dir = tmp();
    const f = join(dir, 'bad.csv');
    writeFileSync(f, readFileSync(join(ROOT, WITH_TOTAL), 'utf8').replace('49.874', '49.87x'));
    const r = await cli(['table', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`povcheck: ${f} E2: Sơn Dương: total households at start of year "49.87x" is not a number`);
    const vi = await cli(['table', f, '--lang', 'vi']);
    expect(vi.stderr.trim()).toBe(`povcheck: ${f} E2: Sơn Dương: tổng số hộ đầu năm "49.87x" không phải là số`);
  });

  it('reads a plan document\'s poverty table (.docx, .doc, plain text): the table the CSV of its annex gives, and which table was read; they were refused ("save its table as .xlsx or CSV")', async () => {
    const seed = await cli(['table', 'fixtures/tuyen-quang-2020.csv', '--format', 'csv', '--lang', 'en']);
    for (const f of ['fixtures/plans/ke-hoach-giam-ngheo-2020.docx', 'fixtures/plans/doc/ke-hoach-giam-ngheo-2020.doc']) {
      const r = await cli(['table', f, '--format', 'csv', '--lang', 'en']);
      expect(r.code, f).toBe(0);
      expect(r.stdout, f).toBe(seed.stdout);
      expect(r.stderr, f).toBe(`povcheck: ${f}: read the document's only table (Table 1)\n`);
    }
    // Word's plain-text export lost the header row: the unit columns named by position, the total by its figures, or by --units.
    const txt = 'fixtures/plans/ke-hoach-giam-ngheo-2020.txt';
    const lost = await cli(['table', txt, '--format', 'csv', '--lang', 'en']);
    expect(lost.code).toBe(0);
    expect(lost.stdout.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe('No.,Indicator,Unit,C4,C5,C6,C7,C8,C9,C10,C11');
    expect(lost.stderr).toMatch(/read the document's only table \(Table 1\); its header row was lost: its unit columns are named by position \(C4, C5, C6, C7, C8, C9, C10, C11; name them with --units "…" in order\), C4 the total\n$/);
    const named = await cli(['table', txt, '--format', 'csv', '--lang', 'en', '--units', 'Toàn tỉnh,Sơn Dương,Yên Sơn,TP Tuyên Quang,Hàm Yên,Chiêm Hóa,Na Hang,Lâm Bình']);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(seed.stdout);
  });

  it('a split annex in a .doc: read whole, each difference at its place in Word, the slip it carries named there', async () => {
    const f = 'fixtures/plans/doc/split-annex.doc';
    const r = await cli(['table', f, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`povcheck: ${f}: read the document's Table 1 (of 2), with Table 2 below it as its continuation over a page break\n`);
    expect(r.stderr).toContain('  Table 2, row 8, column 10 (Na Hang, poverty rate at end of year): the table has 25.56, computed 26.32\n');
    expect(r.stderr).toContain('the likely cause of the differences: Table 2, row 3, column 10 (Poor households reduced during the year, Na Hang) holds 309, should be 390');
    // Cells whose names hold commas are listed apart with semicolons.
    expect(r.stderr).toMatch(/ {2}Table 2, row 3, column 4; Table 2, row 4, column 4; .* may be right as the table states them/);
  });

  it('plan reads a plan document\'s table too', async () => {
    const r = await cli(['plan', 'fixtures/plans/ke-hoach-giam-ngheo-2020.docx', '--target', 'Toàn tỉnh=2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The plan meets every target.');
    expect(r.stderr).toBe("povcheck: fixtures/plans/ke-hoach-giam-ngheo-2020.docx: read the document's only table (Table 1)\n");
  });

  it('refuses a plan document without a poverty table in one line, exit 2, saying what it holds', async () => {
    const cases: Array<[string, string]> = [
      ['fixtures/plans/published/phu-yen-2018-ke-hoach.txt', 'this is a document without a table (povcheck validate checks its text): no poverty table to compute'],
      ['fixtures/plans/doc-word/word97_simple_table.doc', "this document's only table is not a poverty table: it has no poverty-table indicator (such as \"Số hộ nghèo đầu năm\" or \"poor_start\")"],
      ['fixtures/plans/doc-word/table_vmerge_form.doc', "none of this document's 2 tables is a poverty table: none has a poverty-table indicator (such as \"Số hộ nghèo đầu năm\" or \"poor_start\")"],
    ];
    for (const [f, why] of cases) {
      for (const command of ['table', 'plan']) {
        const r = await cli([command, f, '--lang', 'en', ...(command === 'plan' ? ['--target', 'Toàn tỉnh=2'] : [])]);
        expect(r.code, `${command} ${f}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr, `${command} ${f}`).toBe(`povcheck: ${f}: ${why}\n`);
      }
    }
  });

  it('a refusal of the table read from a plan document names that table as Word numbers it (it named the file alone)', async () => {
    for (const f of ['fixtures/plans/hand-made/framed-annex.docx', 'fixtures/plans/html/framed-annex.html']) {
      for (const command of ['table', 'plan']) {
        const en = await cli([command, f, '--lang', 'en', ...(command === 'plan' ? ['--target', 'Toàn tỉnh=2'] : [])]);
        expect(en.code, `${command} ${f}`).toBe(2);
        expect(en.stdout).toBe('');
        expect(en.stderr, `${command} ${f}`).toBe(`povcheck: ${f}, Table 2: the table lacks what the calculation needs: "Total households at end of year"\n`);
      }
      const vi = await cli(['table', f]);
      expect(vi.stderr).toBe(`povcheck: ${f}, Bảng 2: bảng thiếu chỉ tiêu cần để tính: "Tổng số hộ cuối năm"\n`);
    }
    // A targets file's refusal names that file, not the document's table.
    const targets = join(tmp(), 'targets.json');
    writeFileSync(targets, '{ not json');
    const bad = await cli(['plan', 'fixtures/plans/hand-made/framed-annex.docx', '--targets', targets, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.startsWith(`povcheck: ${targets}`)).toBe(true);
    expect(bad.stderr).not.toContain('Table 2');
  });

  it('a count that lost the zeros of its last group in a save: the refusal says what was probably typed, and that fix writes them back', async () => {
    const f = 'fixtures/saved/seed-english-settings-unicode-text.txt';
    for (const command of ['table', 'plan']) {
      const r = await cli([command, f, '--lang', 'en', ...(command === 'plan' ? ['--target', 'Na Hang=4'] : [])]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`povcheck: ${f} E3: Sơn Dương: total households at end of year "50.18" is not a number (probably 50.180: the zeros of its last group were dropped in a save, as in other counts of the table; povcheck fix writes them back)\n`);
    }
    // One such count alone is as likely a slip: the refusal as it was.
    const dir = tmp();
    const one = join(dir, 'one.csv');
    writeFileSync(one, readFileSync(join(ROOT, 'fixtures/calc/seed-base-counts.csv'), 'utf8').replace(';50.180;', ';50.18;'));
    const r = await cli(['table', one, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"50\.18" is not a number\n$/);
  });

  it('table prints the input\'s own title above the table (it dropped it), says so, and --title gives another', async () => {
    const f = 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv';
    const own = await cli(['table', f]);
    expect(own.code).toBe(0);
    expect(own.stdout.split('\n')[0]).toBe('262. Tỷ lệ hộ nghèo Porverty rate');
    expect(own.stderr).toContain(`povcheck: ${f}: tiêu đề in trên bảng là tiêu đề của tệp gốc (dòng 1, 2); --title để đặt tiêu đề khác\n`);
    const html = await cli(['table', f, '--format', 'html']);
    expect(html.stdout).toContain('<h1 class="doc-title">262. Tỷ lệ hộ nghèo Porverty rate</h1>');
    const given = await cli(['table', f, '--title', 'Phụ lục 3']);
    expect(given.stdout.split('\n')[0]).toBe('Phụ lục 3');
    expect(given.stderr).not.toContain('tiêu đề');
    // In another language than the table's, the table's labels are translated and its title is not: none printed.
    const en = await cli(['table', f, '--lang', 'en']);
    expect(en.stdout).not.toContain('262.');
    // The seed has none: nothing above its table, no note.
    const seed = await cli(['table', 'fixtures/calc/seed-base-counts.csv']);
    expect(seed.stdout.startsWith('┌') || seed.stdout.startsWith('(')).toBe(true);
    expect(seed.stderr).not.toContain('tiêu đề');
  });

  it('an input\'s own title with control characters reaches the terminal made visible, as its cells do', async () => {
    const dir = tmp();
    const f = join(dir, 'hostile.csv');
    writeFileSync(f, 'Ti\u001b[31mtle\u0007;;;;;\n' + readFileSync(join(ROOT, 'fixtures/calc/seed-base-counts.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const r = await cli(['table', f]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ti\u241b[31mtle\u2407');
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u001b]/);
  });

  it('fix refuses a plan\'s running text as such (it said "no column structure")', async () => {
    const f = 'fixtures/plans/ke-hoach-giam-ngheo-2020.txt';
    const r = await cli(['fix', f, '-o', join(tmp(), 'fixed.txt'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`povcheck: ${f}: this is running text (a plan, as Word saves it as plain text), not a table: povcheck validate checks a plan document; for this command save its table as .xlsx or CSV`);
  });

  it('refuses a table without the base counts, naming what is missing', async () => {
    const r = await cli(['table', PLAN_INPUT, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the table lacks what the calculation needs: "Poor households reduced during the year" (or "Poor households at end of year")');
  });

  it('xlsx: a text longer than an Excel cell holds is one clear line, exit 2, and no file', async () => {
    const dir = tmp();
    const out = join(dir, 'annex.xlsx');
    const r = await cli(['table', WITH_TOTAL, '--format', 'xlsx', '-o', out, '--lang', 'en', '--title', 'Phụ lục ' + 'x'.repeat(40_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`povcheck: ${WITH_TOTAL}: an Excel cell holds at most 32,767 characters, and the text "Phụ lục ${'x'.repeat(32)}…" has 40,008: shorten it, or write docx or html`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the xlsx writer and docx are loaded only for their formats', async () => {
    // The static import graph from the CLI entry must not reach them (they are imported lazily by table).
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^(?:import|export)\s(?:[^'"]*from\s+)?'([^']+)'/gm)) {
        const spec = m[1]!;
        expect(spec, `${file} imports ${spec} statically`).not.toMatch(/^(exceljs|docx)$/);
        if (spec.startsWith('.')) visit(join(file, '..', spec));
      }
    };
    visit(join(ROOT, 'dist', 'cli.js'));
    expect([...seen].some((f) => f.endsWith('commands/table.js'))).toBe(true);
    expect([...seen].filter((f) => /render\/(xlsx|docx|spreadsheetml)\.js$|io\/zip-write\.js$/.test(f))).toEqual([]);
  });

  it('the built binary (the bundle) initialises the xlsx writer, and loads node:zlib with it, only for --format xlsx', () => {
    // In the bundle the writer's modules are lazy (esbuild's __esm wrappers, their names minified); node:zlib,
    // which the ZIP writer needs, is required when they initialise, and by nothing a CSV table or a CSV check runs.
    const bundle = readFileSync(join(ROOT, 'dist', 'povcheck.cjs'), 'latin1');
    expect(bundle).not.toMatch(/require\("exceljs"\)/);
    const dir = tmp();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, 'zlib:' + process.moduleLoadList.some((m) => /\\bzlib\\b/.test(m)) + '\\n'));");
    const run = (args: string[]) => spawnSync(process.execPath, ['-r', probe, join(ROOT, 'bin', 'povcheck.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const csv = run(['table', WITH_TOTAL, '--format', 'csv', '-o', join(dir, 'annex.csv')]);
    const xlsx = run(['table', WITH_TOTAL, '--format', 'xlsx', '-o', join(dir, 'annex.xlsx')]);
    const check = run(['validate', WITH_TOTAL]);
    expect([csv.status, xlsx.status, check.status]).toEqual([0, 0, 0]);
    expect([csv.stderr, xlsx.stderr, check.stderr].map((e) => /zlib:(true|false)/.exec(e)?.[1])).toEqual(['false', 'true', 'false']);
  });
});

describe('povcheck table: xlsx, docx and html without -o', () => {
  const bin = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'povcheck.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });

  it.each(['xlsx', 'docx'])('%s redirected goes to stdout as its bytes: the same parts, of the same sizes, as with -o', async (format) => {
    const { listZip } = await import('../../src/read/zip-guard.js');
    const file = join(tmp(), `annex.${format}`);
    const piped = bin(['table', WITH_TOTAL, '--format', format]);
    expect(piped.status).toBe(0);
    expect(bin(['table', WITH_TOTAL, '--format', format, '-o', file]).status).toBe(0);
    const parts = (b: Uint8Array) => listZip(b).map((e) => `${e.name} ${e.declaredSize}`);
    // Only the created / modified time in docProps/core.xml differs (compressed, it may differ by a byte).
    expect(parts(piped.stdout)).toEqual(parts(readFileSync(file)));
  });

  it('html redirected goes to stdout; on a terminal each of them needs -o (exit 2, one line)', async () => {
    const page = bin(['table', WITH_TOTAL, '--format', 'html']);
    expect(page.status).toBe(0);
    expect(page.stdout.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    const { main } = await import('../../src/cli.js');
    for (const format of ['xlsx', 'docx', 'html']) {
      let out = '';
      let err = '';
      const code = await main(['node', 'povcheck', 'table', WITH_TOTAL, '--format', format, '--lang', 'en'], { out: (s) => (out += s), err: (s) => (err += s), isTTY: true, columns: 120, env: { NO_COLOR: '1' }, cwd: ROOT });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`povcheck: ${WITH_TOTAL}: the ${format} format is not printed to the terminal: name the output file with -o <file>.${format}\n`);
    }
  });
});

describe('povcheck table: a rate column that measures something else', () => {
  it('Kon Tum J (a share of the poor households, not of the households) is printed as read and said so, not replaced by eleven rates; exit 1 under --strict', async () => {
    const f = 'fixtures/published/review-2022-kon-tum-ethnic-minority-districts.csv';
    const csv = await cli(['table', f, '--format', 'csv'], { cwd: ROOT });
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split(/\r?\n/).map((l) => l.split(';'));
    const col = rows[0]!.indexOf('Tỷ lệ hộ nghèo dân tộc thiểu số (%)');
    expect(rows.slice(1).map((row) => row[col])).toEqual(['99,13', '95,54', '94,92', '94,54', '93,53', '73,38', '95,20', '100,00', '99,97', '75,78', '94,67']);
    const r = await cli(['table', f, '--lang', 'en'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const note = r.stderr.split('\n').filter((l) => l.includes('J3: '));
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(/none of the 11 rates of the column \(J3 to J13\).*It is printed as read\.$/);
    expect(r.stderr).not.toMatch(/differ from the computed/);
    const strict = await cli(['table', f, '--strict', '--format', 'csv'], { cwd: ROOT });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/J3: .*Cột này vẫn được in ra như đã ghi\./);
  });
});

describe('povcheck table: a rate column typed as shares', () => {
  it('is recomputed as percentages at two decimals fewer than the shares (0,1104 → 11,04), each cell listed as differing', async () => {
    const f = join(tmp(), 'shares.csv');
    const rows = [['Toàn huyện', '14.316', '1580', '0,1104'], ['Xã A', '1.774', '298', '0,1680'], ['Xã B', '1.334', '209', '0,1567'], ['Xã C', '2.741', '53', '0,0193'], ['Xã D', '853', '260', '0,3048'], ['Xã E', '1.862', '139', '0,0747'], ['Xã F', '1.585', '260', '0,1640'], ['Xã G', '2.751', '223', '0,0811'], ['Xã H', '1.416', '138', '0,0975']];
    writeFileSync(f, ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...rows.map((r) => r.join(';'))].join('\n'));
    const r = await cli(['table', f, '--format', 'csv']);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split(/\r?\n/).map((l) => l.split(';'));
    expect(out.slice(1).map((row) => row.at(-1))).toEqual(['11,04', '16,80', '15,67', '1,93', '30,48', '7,47', '16,40', '8,11', '9,75']);
    expect(r.stderr).toMatch(/D2 \(Toàn huyện, tỷ lệ hộ nghèo\): bảng ghi 0,1104, tính được 11,04/);
    expect(r.stderr).not.toMatch(/in ra như đã ghi/);
  });
});

describe('povcheck table: a rate column rounded down (truncated)', () => {
  it('is recomputed rounded half-up, not printed as read (validate folds it into one rate.column finding)', async () => {
    const f = join(tmp(), 'truncated.csv');
    // The communes of the shares test above, every rate =ROUNDDOWN(C/B*100;2): six of the nine one hundredth short.
    const rows = [['Toàn huyện', '14.316', '1580', '11,03'], ['Xã A', '1.774', '298', '16,79'], ['Xã B', '1.334', '209', '15,66'], ['Xã C', '2.741', '53', '1,93'], ['Xã D', '853', '260', '30,48'], ['Xã E', '1.862', '139', '7,46'], ['Xã F', '1.585', '260', '16,40'], ['Xã G', '2.751', '223', '8,10'], ['Xã H', '1.416', '138', '9,74']];
    writeFileSync(f, ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ...rows.map((r) => r.join(';'))].join('\n'));
    const r = await cli(['table', f, '--format', 'csv']);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split(/\r?\n/).map((l) => l.split(';'));
    expect(out.slice(1).map((row) => row.at(-1))).toEqual(['11,04', '16,80', '15,67', '1,93', '30,48', '7,47', '16,40', '8,11', '9,75']);
    expect(r.stderr).toMatch(/D2 \(Toàn huyện, tỷ lệ hộ nghèo\): bảng ghi 11,03, tính được 11,04/);
    expect(r.stderr).not.toMatch(/in ra như đã ghi/);
  });
});

describe('povcheck table: rows it does not read', () => {
  it('are named on stderr, printed as read under measure columns too; rows named without figures are printed and not said so', async () => {
    const kan = await cli(['table', 'fixtures/published/review-2018-bac-kan-breakdown-mixed-bases.csv', '--lang', 'en'], { cwd: ROOT });
    expect(kan.code).toBe(0);
    const groups = kan.stderr.split('\n').filter((l) => l.includes('A7:') || l.includes('A8:'));
    expect(groups).toHaveLength(2);
    for (const l of groups) expect(l).toMatch(/It is printed as read\.$/);
    // Under `Số hộ | Tỷ lệ (%)`: its count and its share, each in its column.
    expect(kan.stdout).toMatch(/│ +│ Hộ nghèo thuộc chính sách bảo trợ xã hội +│ +1,125 │ +6\.45 │/);
    const son = await cli(['table', 'fixtures/published/review-2020-bac-son-district-communes-bands.csv', '--lang', 'en'], { cwd: ROOT });
    expect(son.stderr).toContain('A3: Rows 3–12 ("Thị trấn", "Bắc Quỳnh", "Hưng Vũ" and 7 more) have a note only ("tỷ lệ hộ nghèo < 7%"), no values');
    expect(son.stderr).not.toContain('not in the table printed');
    expect(son.stdout).toContain('Bắc Quỳnh');
    // Their notes (the bands: `tỷ lệ hộ nghèo < 7%`) in the notes column, on their rows.
    const csv = await cli(['table', 'fixtures/published/review-2020-bac-son-district-communes-bands.csv', '--format', 'csv'], { cwd: ROOT });
    expect(csv.stdout.split(/\r?\n/)).toContain('1.2;Bắc Quỳnh;;;;;;;;;tỷ lệ hộ nghèo < 7%');
  });

  it('with the units as columns, are printed as read, in place, and said so; with the units as rows, left out and said so', async () => {
    const f = 'fixtures/calc/annex-with-other-rows.csv';
    const r = await cli(['table', f, '--format', 'csv', '--lang', 'en'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split(/\r?\n/);
    // The notes column (Ghi chú) last, its note on the last row.
    expect(rows[0]).toMatch(/,Ghi chú$/);
    expect(rows[1]).toBe(',Thu nhập bình quân đầu người,Triệu đồng,38.5,36.2,37.9,62.4,33.1,32.8,28.6,27.3,');
    expect(rows[2]).toMatch(/^1,"Total households, start of year",/);
    expect(rows[7]).toBe(',Số hộ nghèo được hỗ trợ nhà ở,Hộ,"1,200",300,250,50,200,250,100,50,');
    expect(rows.at(-1)).toBe(',Số lượt hộ được vay vốn ưu đãi,Lượt hộ,"9,850","2,100","1,950",420,"1,760","1,880",940,800,Ngân hàng Chính sách xã hội');
    const notes = r.stderr.split('\n').filter((l) => /B(2|8|13):/.test(l));
    expect(notes).toHaveLength(3);
    for (const l of notes) expect(l).toMatch(/It is printed as read\.$/);
    const t = await cli(['table', f, '--transpose', '--lang', 'en'], { cwd: ROOT });
    expect(t.stdout).not.toContain('vay vốn');
    for (const l of t.stderr.split('\n').filter((x) => /B(2|8|13):/.test(x))) expect(l).toMatch(/It is not in the table printed\.$/);
    // In a workbook their numbers are numbers, with the decimals printed.
    const dir = tmp();
    const out = join(dir, 'annex.xlsx');
    expect((await cli(['table', f, '--format', 'xlsx', '-o', out], { cwd: ROOT })).code).toBe(0);
    const { gridFromWorkbook } = await import('../../src/read/xlsx.js');
    const grid = await gridFromWorkbook(readFileSync(out));
    const income = grid.rows.find((row) => row.some((c) => c?.raw === 'Thu nhập bình quân đầu người'))!;
    expect(income.filter((c) => c?.numeric !== undefined).map((c) => c!.raw).slice(0, 2)).toEqual(['38.5', '36.2']);
  });

  it('with the units as rows, the columns it does not read (a notes column too) are printed as read and said so', async () => {
    const dir = tmp();
    const f = join(dir, 'communes.csv');
    writeFileSync(f, '\uFEFF' + ['STT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Số hộ nghèo được hỗ trợ nhà ở;Ghi chú', ';Toàn huyện;1.000;100;10,00;30;', '1;Xã A;600;60;10,00;20;Xã đặc biệt khó khăn', '2;Xã B;400;40;10,00;10;'].join('\n'));
    const r = await cli(['table', f, '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split(/\r?\n/).slice(-2)).toEqual(['1,Xã A,600,60,10.00,20,Xã đặc biệt khó khăn', '2,Xã B,400,40,10.00,10,']);
    expect(r.stderr).toMatch(/F1: .*Số hộ nghèo được hỗ trợ nhà ở.* It is printed as read\./);
  });

  it('the one year the labels name is said under the title (the headings print without it), unless a date or the title gives it', async () => {
    const dir = tmp();
    const f = join(dir, 'year.csv');
    writeFileSync(f, ['Đơn vị;Tổng số hộ năm 2023;Số hộ nghèo năm 2023;Tỷ lệ hộ nghèo năm 2023 (%)', 'Toàn huyện;3.000;181;6,03', 'Xã A;1.000;44;4,40', 'Xã B;2.000;137;6,85'].join('\n'));
    const r = await cli(['table', f]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['(Số liệu năm 2023)', 'Đơn vị tính: hộ, %']);
    expect((await cli(['table', f, '--lang', 'en', '--format', 'markdown'])).stdout).toMatch(/^\*\(Figures for 2023\)\*\n/);
    expect((await cli(['table', f, '--date', '31/12/2023'])).stdout.split('\n')[0]).toBe('(Số liệu tính đến ngày 31/12/2023)');
    expect((await cli(['table', f, '--title', 'Kết quả rà soát năm 2023'])).stdout).not.toContain('Số liệu năm');
  });

  it('a figure with a note mark after it (25,56*, 12,43¹) is printed without the mark, and the note says so (not a difference)', async () => {
    const f = join(tmp(), 'marks.csv');
    writeFileSync(f, readFileSync(join(ROOT, 'fixtures/tuyen-quang-2020.csv'), 'utf8').replace(';25,56;', ';25,56*;').replace(';12,43;', ';12,43¹;'));
    const r = await cli(['table', f, '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/End of year.*,12\.43,13\.56,25\.56,32\.03/);
    const notes = r.stderr.split('\n').filter((l) => l.includes('note mark'));
    expect(notes.map((l) => l.replace(/^.*?: (?=[A-Z]\d+:)/, ''))).toEqual([
      'H10: Hàm Yên, poverty rate at end of year: "12,43¹" is read as 12.43; the "¹" after it is taken as a note mark (the sign of a footnote), not part of the figure. The table printed gives the figure without the mark.',
      'J10: Na Hang, poverty rate at end of year: "25,56*" is read as 25.56; the "*" after it is taken as a note mark (the sign of a footnote), not part of the figure. The table printed gives the figure without the mark.',
    ]);
    expect(r.stderr).not.toContain('not read as a number');
  });

  it('a column with content but no header is printed as read and said so (not "not in the table printed"); with the units as columns, left out and said so', async () => {
    const dir = tmp();
    const f = join(dir, 'unheaded.csv');
    writeFileSync(f, ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;3.000;181;6,03', 'Xã A;1.000;44;4,40;ghi chú', 'Xã B;2.000;137;6,85'].join('\n'));
    const r = await cli(['table', f, '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split(/\r?\n/).at(-2)).toBe('1,Xã A,"1,000",44,4.40,ghi chú');
    const note = r.stderr.split('\n').filter((l) => l.includes('Column E'));
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(/E3: Column E has content but no header.*It is printed as read\.$/);
    const t = await cli(['table', f, '--no-transpose', '--lang', 'en']);
    expect(t.stdout).not.toContain('ghi chú');
    expect(t.stderr).toMatch(/Column E has content but no header.*It is not in the table printed\.$/m);
  });

  it('a group row read twice is printed as read too; a cell that is no number (`dưới 30`) is printed as read, a long note left blank', async () => {
    const dir = tmp();
    const units = join(dir, 'units.csv');
    writeFileSync(units, '\uFEFF' + ['Chỉ tiêu;ĐVT;Toàn huyện;Xã A;Xã B', 'Tổng số hộ;hộ;1.000;600;400', 'Số hộ nghèo;hộ;100;60;40', 'Hộ nghèo đồng bào dân tộc Mông;hộ;80;50;30', 'Tỷ lệ hộ nghèo;%;10,00;10,00;10,00'].join('\n'));
    const u = await cli(['table', units, '--lang', 'en']);
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/│ +│ Hộ nghèo đồng bào dân tộc Mông +│ hộ +│ +80 │ +50 │ +30 │/);
    expect(u.stderr).toMatch(/A4: "Hộ nghèo đồng bào dân tộc Mông" also reads as poor households .* It is printed as read\./);
    const years = join(dir, 'years.csv');
    const note = 'Năm 2021 là năm tổng rà soát nên chưa có số liệu hộ thoát nghèo của năm';
    writeFileSync(years, '\uFEFF' + ['Chỉ tiêu;ĐVT;Năm 2020;Kế hoạch năm 2021;Mục tiêu năm 2025', 'Tỷ lệ hộ nghèo;%;51,74;46,95;dưới 30', 'Số hộ nghèo;hộ;5.670;;', `Số hộ thoát nghèo;hộ;;${note};`].join('\n'));
    const y = await cli(['table', years, '--lang', 'en']);
    expect(y.code).toBe(0);
    expect(y.stdout).toMatch(/│ 1 +│ Poverty rate +│ % +│ +51\.74 │ +46\.95 │ +dưới 30 │/);
    expect(y.stdout).not.toContain('tổng rà soát');
    expect(y.stderr).toContain('"dưới 30" cannot be read as a number and cannot be computed from other cells; the output prints it as read');
    expect(y.stderr).toContain(`"${note}" cannot be read as a number and cannot be computed from other cells; the output leaves it blank`);
  });
});

describe('povcheck plan', () => {
  it('says a target that waits on units without a plan cannot be told yet, not that it is missed', async () => {
    const r = await cli(['plan', PLAN_INPUT, '--targets', 'fixtures/calc/seed-targets.json', '--lang', 'en']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Whether the plan meets every target cannot be told yet: some units have no plan (the ✖ lines above name them).');
    const missed = await cli(['plan', PLAN_INPUT, '--target', 'Na Hang=4', '--target', 'Yên Sơn=40', '--lang', 'en']);
    expect(missed.stdout.trimEnd().split('\n').at(-1)).toBe('Some targets cannot be met or are not met (the ✖ lines above).');
  });

  it('a table over a period (Tri Tôn 2021–2023: đầu kỳ, cuối kỳ) is planned in the period\'s words: its CSV (which table reads back as such), its table and its targets; never đầu năm / cuối năm', async () => {
    const file = 'fixtures/calc/review-2021-2023-tri-ton-plan-input.csv';
    const dir = tmp();
    const targets = join(dir, 'targets.json');
    writeFileSync(targets, JSON.stringify({ targets: [{ unit: 'Tri Tôn', indicator: 'poor_end', op: '<=', value: '2000' }] }));
    const out = join(dir, 'plan.csv');
    expect((await cli(['plan', file, '--targets', targets, '-o', out])).code).toBe(0);
    const labels = readFileSync(out, 'utf8').split('\r\n').map((l) => l.split(';')[1]);
    expect(labels).toEqual(expect.arrayContaining(['Tổng số hộ đầu kỳ', 'Số hộ nghèo giảm trong kỳ', 'Số hộ nghèo cuối kỳ', '– Cuối kỳ']));
    expect(readFileSync(out, 'utf8')).not.toMatch(/năm/);
    expect((await cli(['table', out, '--format', 'csv'])).stdout).toContain('Số hộ nghèo cuối kỳ;Hộ;2.000');
    const text = await cli(['plan', file, '--targets', targets]);
    expect(text.stdout).toContain('│ 5   │ Số hộ nghèo cuối kỳ ');
    expect(text.stdout).toContain('✔ Huyện Tri Tôn (số hộ nghèo cuối kỳ ≤ 2.000 hộ): cần giảm ít nhất 1.586 hộ nghèo');
    expect(text.stdout).not.toMatch(/năm/);
    const en = await cli(['plan', file, '--targets', targets, '--lang', 'en']);
    expect(en.stdout).toContain('(poor households at the end of the period ≤ 2,000 households)');
    expect(en.stdout).not.toMatch(/\byear\b/);
    // The seed says đầu năm: its plan's labels stand.
    expect((await cli(['plan', PLAN_INPUT, '--target', 'Na Hang=4', '--format', 'csv'])).stdout).toContain('Số hộ nghèo cuối năm');
  });

  it("a period table's refusals name its indicators in the period's words (Tri Tôn without households: đầu kỳ; a count that is not a number: cuối kỳ, its cell)", async () => {
    const triTon = 'fixtures/published/review-2021-2023-tri-ton-district-start-end.csv';
    const vi = await cli(['plan', triTon, '--target', 'Tri Tôn=1']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(`povcheck: ${triTon}: bảng thiếu chỉ tiêu cần để tính: "Tổng số hộ đầu kỳ", "Tổng số hộ cuối kỳ"\n`);
    expect((await cli(['table', triTon, '--lang', 'en', '--format', 'csv'])).code).toBe(0);
    expect((await cli(['plan', triTon, '--target', 'Tri Tôn=1', '--lang', 'en'])).stderr).toContain('"Total households at start of period", "Total households at end of period"');
    const dir = tmp();
    const file = join(dir, 'period-x.csv');
    writeFileSync(file, '\uFEFFĐơn vị;Tổng số hộ đầu kỳ;Tổng số hộ cuối kỳ;Số hộ nghèo đầu kỳ;Số hộ nghèo cuối kỳ\nToàn huyện;2.000;2.020;300;250\nXã A;1.000;1.010;200;x\nXã B;1.000;1.010;100;50\n');
    const x = await cli(['table', file]);
    expect(x.code).toBe(2);
    expect(x.stderr).toBe(`povcheck: ${file} E3: Xã A: số hộ nghèo cuối kỳ "x" không phải là số\n`);
    // A year's table says năm, as before.
    const year = join(dir, 'year-x.csv');
    writeFileSync(year, readFileSync(file, 'utf8').replaceAll('kỳ', 'năm'));
    expect((await cli(['table', year])).stderr).toContain('Xã A: số hộ nghèo cuối năm "x" không phải là số');
  });

  it("a period table's blank total and a unit of no households are said in the period's words too (đầu kỳ, trong kỳ; never năm)", async () => {
    const dir = tmp();
    const file = join(dir, 'period.csv');
    const rows = ['Toàn huyện;2.000;2.020;300;15,00', 'Xã A;1.000;1.010;200;20,00', 'Xã B;1.000;1.010;100;10,00', 'Xã C;0;0;0;0,00'];
    writeFileSync(file, `\uFEFFĐơn vị;Tổng số hộ đầu kỳ;Tổng số hộ cuối kỳ;Số hộ nghèo đầu kỳ;Tỷ lệ hộ nghèo đầu kỳ (%)\n${rows.join('\n')}\n`);
    const args = ['plan', file, '--target', 'Xã A=4', '--target', 'Xã B=40', '--target', 'Xã C=1'];
    const vi = await cli(args);
    expect(vi.stdout).toContain('  Toàn huyện: để trống số hộ nghèo giảm trong kỳ, số hộ nghèo cuối kỳ và các tỷ lệ tính từ đó, vì ');
    expect(vi.stdout).toContain('(tổng số hộ đầu kỳ hoặc cuối kỳ bằng 0, không tính được tỷ lệ hộ nghèo)');
    expect(vi.stdout).toContain('  ✖ Xã C (mức giảm tỷ lệ hộ nghèo ≥ 1 điểm %): không lập được kế hoạch vì tổng số hộ đầu kỳ hoặc cuối kỳ bằng 0, không tính được tỷ lệ hộ nghèo.');
    expect(vi.stdout).not.toMatch(/năm/);
    const en = await cli([...args, '--lang', 'en']);
    expect(en.stdout).toContain('  Toàn huyện: the poor households reduced during the period, the poor households at end of period and their rates are left blank, as ');
    expect(en.stdout).not.toMatch(/\byear\b/);
  });

  it('plans the commune a target names, never another spelt with other marks (Tân Hóa is not Tân Hòa); without marks, asks which', async () => {
    const dir = tmp();
    const file = join(dir, 'tones.csv');
    writeFileSync(file, readFileSync(join(ROOT, PLAN_INPUT), 'utf8').replace('Na Hang', 'Tân Hòa').replace('Lâm Bình', 'Tân Hóa'));
    const r = await cli(['plan', file, '--target', 'Tân Hóa=4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Tân Hóa (mức giảm tỷ lệ hộ nghèo ≥ 4 điểm %): cần giảm ít nhất 282 hộ nghèo');
    const bare = await cli(['plan', file, '--target', 'Tan Hoa=4', '--lang', 'en']);
    expect(bare.code).toBe(2);
    // The target is what is wrong: the line names --target and its place, as validate's does, not the table.
    expect(bare.stderr).toBe(`povcheck: --target: target 1: "Tan Hoa" could be "Tân Hòa" or "Tân Hóa": names that differ only in their marks are different units; write the name of the one the target is for with its marks\n`);
  });

  it('exit 0 when every target is met', async () => {
    const r = await cli(['plan', WITH_TOTAL, '--targets', 'fixtures/calc/seed-targets.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Na Hang (mức giảm tỷ lệ hộ nghèo ≥ 4 điểm %): cần giảm ít nhất 390 hộ nghèo');
    expect(r.stdout).toContain('✔ Toàn tỉnh (mức giảm tỷ lệ hộ nghèo ≥ 2,06 điểm %): với 4.188 hộ nghèo giảm');
  });

  it('a target already met with no exit says so plainly, not "needs at least 0" (TP Tuyên Quang: its rate falls 0,01 with the households alone)', async () => {
    const r = await cli(['plan', WITH_TOTAL, '--target', 'TP Tuyên Quang=0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ TP Tuyên Quang (mức giảm tỷ lệ hộ nghèo ≥ 0 điểm %): đã đạt mà không cần giảm hộ nghèo nào (bảng đầu vào ghi 90 hộ); tỷ lệ hộ nghèo 1,01% → 1,00%, giảm 0,01 điểm %.');
    const en = await cli(['plan', PLAN_INPUT, '--target', 'TP Tuyên Quang=0', '--lang', 'en']);
    expect(en.stdout).toContain('✔ TP Tuyên Quang (poverty rate reduction ≥ 0 points): met already, with no poor household leaving poverty; poverty rate 1.01 % → 1.00 %, down 0.01 points.');
    expect(en.stdout).not.toContain('at least 0 ');
  });

  it('exit 1 when a target cannot be met, with the reason instead of a number', async () => {
    const r = await cli(['plan', WITH_TOTAL, '--target', 'Na Hang=30', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ Na Hang (poverty rate reduction ≥ 30 points): cannot be met: even if all 3,094 poor households left poverty, the poverty rate reduction would only be 29.56 points.');
    // On the terminal the plan says why; nothing more on stderr.
    expect(r.stderr).not.toContain('falls short');
  });

  it('exit 1 with the plan written elsewhere: one line on stderr says why (helper-90: it was silent)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-plan-')), 'plan.csv');
    const r = await cli(['plan', WITH_TOTAL, '--target', 'Na Hang=30', '--lang', 'en', '--format', 'csv', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the plan falls short: Na Hang cannot reach its target however many households leave poverty (details in ${out})`);
    const vi = await cli(['plan', 'fixtures/calc/seed-plan-input.csv', '--targets', 'fixtures/calc/seed-targets.json', '--format', 'json']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('kế hoạch chưa đạt: 1 mục tiêu của đơn vị tổng chưa xác định được (có đơn vị chưa có kế hoạch)');
  });

  it('exit 1 when the total falls short, with the exits it still needs', async () => {
    const r = await cli(['plan', WITH_TOTAL, '--target', 'total=2.5', '--format', 'json']);
    expect(r.code).toBe(1);
    const t = JSON.parse(r.stdout).totalTargets[0];
    expect(t).toMatchObject({ unit: 'total', met: false, planned: '4188', reachable: true });
    expect(Number(t.moreExits)).toBe(Number(t.minimumExits) - 4188);
  });

  it('a plan document without --target: planned for the targets its own text sets, and says so; a table or a text without any: the usage line', async () => {
    const doc = 'fixtures/plans/ke-hoach-giam-ngheo-2020.docx';
    const r = await cli(['plan', doc, '--lang', 'en']);
    expect(r.code).toBe(0);
    // "giảm 2,06% (từ 11,8% xuống còn 9,74%). Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên."
    // A stated figure is one to reach: the reduction at least, the end rate at most.
    expect(r.stdout).toContain('  ✔ Toàn tỉnh (poverty rate reduction ≥ 2.06 points): with 4,188 fewer poor households the poverty rate reduction is 2.06 points: met');
    expect(r.stdout).toContain('  ✔ Toàn tỉnh (poverty rate at the end of the year ≤ 9.74 %)');
    expect(r.stdout).toContain('  ✔ Na Hang (poverty rate reduction ≥ 4 points): needs at least 390 fewer poor households (the table has 390)');
    expect(r.stdout).toContain('  ✔ Lâm Bình (poverty rate reduction ≥ 4 points)');
    expect(r.stdout).toContain('The plan meets every target.');
    expect(r.stderr).toContain(`povcheck: ${doc}: the targets are the plan's own: the 4 its text sets (¶10); give --target or --targets to plan for others\n`);
    // The JSON says where each target came from: the paragraph of the text, or the option.
    const asJson = JSON.parse((await cli(['plan', doc, '--format', 'json'])).stdout) as { totalTargets: Array<{ from: string }>; units: Array<{ targets: Array<{ from: string }> }> };
    expect([...asJson.totalTargets, ...asJson.units.flatMap((u) => u.targets)].map((t) => t.from)).toEqual(Array(4).fill(`${doc} ¶10`));
    const option = JSON.parse((await cli(['plan', doc, '--target', 'Na Hang=5', '--format', 'json'])).stdout) as { units: Array<{ targets: Array<{ from: string }> }> };
    expect(option.units.flatMap((u) => u.targets.map((t) => t.from))).toEqual(['--target']);
    // Given targets are planned instead, and the text's are not mentioned.
    const given = await cli(['plan', doc, '--target', 'Na Hang=5', '--lang', 'en']);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('  ✔ Na Hang (poverty rate reduction ≥ 5 points)');
    expect(given.stdout).not.toContain('Lâm Bình (');
    expect(given.stderr).not.toContain("the plan's own");
    // A text target the table's input does not meet: exit 1, as a given one.
    // The planted plan sets Chiêm Hóa 3 points, which its input's 818 do not reach: the plan needs 1,001, and the
    // province then falls more than its 2,06 (met: a reduction to reach, not to hit).
    const missed = await cli(['plan', 'fixtures/plans/planted/target-missed.docx', '--lang', 'en']);
    expect(missed.code).toBe(0);
    expect(missed.stdout).toContain('Chiêm Hóa (poverty rate reduction ≥ 3 points): needs at least 1,001 fewer poor households (the table has 818)');
    expect(missed.stdout).toContain('  ✔ Toàn tỉnh (poverty rate reduction ≥ 2.06 points): with 4,371 fewer poor households the poverty rate reduction is 2.15 points: met');
    // A table that lost its header row: its total's targets, and why the named units' are not used.
    const txt = 'fixtures/plans/ke-hoach-giam-ngheo-2020.txt';
    const lost = await cli(['plan', txt, '--lang', 'en']);
    expect(lost.code).toBe(0);
    expect(lost.stderr).toContain("the targets are the plan's own: the 2 its text sets (¶10), not those of Lâm Bình, Na Hang, which the table does not name (it lost its header row: name its columns with --units)");
    const none = await cli(['plan', 'fixtures/plans/hand-made/framed-annex.docx', '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`povcheck: fixtures/plans/hand-made/framed-annex.docx: no targets: the plan's text sets none povcheck reads (a reduction or an end-of-year rate of a unit of its table); give --target "<unit>=<points>" or --targets <file>\n`);
  });

  // Each names what is wrong (--target, the targets file), never the table (it named the table before).
  it.each([
    [['--target', 'Na Hang=4', '--target', 'Na Hng=4'], /^povcheck: --target: target 2: fixtures\/calc\/seed-base-counts\.csv has no unit "Na Hng"; its units: total, Toàn tỉnh, Sơn Dương/],
    [['--target', 'Na Hang'], /^povcheck: --target "Na Hang" is not <unit>=<points>, e\.g\. --target "Na Hang=4"$/m],
    // A targets file given to --target: the line says which option takes it.
    [['--target', 'fixtures/targets/tuyen-quang-2020.json'], /^povcheck: --target "fixtures\/targets\/tuyen-quang-2020\.json" is not <unit>=<points>, e\.g\. --target "Na Hang=4"; a targets file is given with --targets "fixtures\/targets\/tuyen-quang-2020\.json"$/m],
    [[], /^povcheck: no targets: give --target/],
    [['--targets', 'fixtures/calc/seed-base-counts.csv'], /^povcheck: fixtures\/calc\/seed-base-counts\.csv: the targets file is not valid JSON at line 1, column 1 /],
    [['--targets', 'fixtures/calc/none.json'], /^povcheck: fixtures\/calc\/none\.json: no such file/],
  ])('usage problems exit 2: %j', async (extra, pattern) => {
    const r = await cli(['plan', WITH_TOTAL, ...extra, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
    noStackTrace(r.stderr);
  });

  it('uses the sums of the units for the total, and names a stated total that differs', async () => {
    const r = await cli(['plan', 'fixtures/planted/households-total-typo.csv', '--target', 'total=2.06', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('210,299');
    expect(r.stderr).toContain('D2 (Toàn tỉnh, total households at start of year): the table has 210,399, computed 210,299');
  });

  it('the total\'s line says a unit\'s target cannot be met, and why, not that the unit "has no poor households reduced" (the seed has 282 for Lâm Bình)', async () => {
    const seed = 'fixtures/tuyen-quang-2020.csv';
    const withTotal = await cli(['plan', seed, '--target', 'lam binh=40', '--target', 'total=2', '--lang', 'en']);
    expect(withTotal.code).toBe(1);
    expect(withTotal.stdout).toContain(
      "  ✖ Toàn tỉnh (poverty rate reduction ≥ 2 points): cannot be told, as Lâm Bình's target cannot be met (even if all its 2,750 poor households left poverty, its poverty rate reduction would only be 36.03 points), so Lâm Bình has no planned exits; Toàn tỉnh needs at least 4,049 in all, the other units have 3,906, 143 short. Total households change from 210,299 to 211,780; were they unchanged, it would take 4,195 fewer poor households.\n",
    );
    expect(withTotal.stdout).not.toContain('Lâm Bình has no poor households reduced');
    // Without a target on the total, its blank cells are said why too.
    const alone = await cli(['plan', seed, '--target', 'lam binh=40']);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain(
      '  Toàn tỉnh: để trống số hộ nghèo giảm trong năm, số hộ nghèo cuối năm và các tỷ lệ tính từ đó, vì mục tiêu của Lâm Bình không thể đạt (kể cả khi toàn bộ 2.750 hộ nghèo đều thoát nghèo, mức giảm tỷ lệ hộ nghèo cũng chỉ là 36,03 điểm %) nên Lâm Bình chưa có số hộ nghèo giảm theo kế hoạch.\n',
    );
    // Units merely not planned are listed as such, and the total has no line of its own for them.
    const notPlanned = await cli(['plan', PLAN_INPUT, '--target', 'na hang=4', '--lang', 'en']);
    expect(notPlanned.stdout).not.toMatch(/^  Toàn tỉnh:/m);
    const both = await cli(['plan', PLAN_INPUT, '--target', 'na hang=40', '--target', 'total=2', '--lang', 'en']);
    expect(both.stdout).toContain("cannot be told, as Na Hang's target cannot be met (even if all its 3,094 poor households left poverty, its poverty rate reduction would only be 29.56 points), so Na Hang has no planned exits; and Sơn Dương, Yên Sơn, TP Tuyên Quang, Hàm Yên, Chiêm Hóa, Lâm Bình have no poor households reduced;");
  });

  it('a targets file with an unsupported target', async () => {
    const dir = tmp();
    const f = join(dir, 't.json');
    writeFileSync(f, '{"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":"<=","value":"4"}]}');
    const r = await cli(['plan', WITH_TOTAL, '--targets', f, '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^povcheck: ${f}: mục tiêu thứ 1: mục tiêu của Na Hang \\(rate_reduced <=\\) không lập kế hoạch được`));
  });

  it('a problem in a targets file is one line naming the targets file and the place in it, never the table (it named the table)', async () => {
    const dir = tmp();
    const write = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const entry = (unit: string, extra = '') => `  {"unit":"${unit}","indicator":"rate_reduced","op":">=","value":"4"${extra}}`;
    const unknown = write('unknown.json', `{"targets":[\n${entry('Na Hang')},\n${entry('Ha Giang')}\n]}\n`);
    const unsupported = write('unsupported.json', `{"targets":[\n${entry('Na Hang')},\n${entry('Lâm Bình').replace('">="', '"<="')}\n]}\n`);
    const comma = write('comma.json', `{"targets":[\n${entry('Na Hang')},\n]}\n`);
    const badValue = write('value.json', `{"targets":[\n${entry('Na Hang')},\n${entry('Lâm Bình').replace('"4"', '"4,5"')}\n]}\n`);
    const empty = write('empty.json', '{"targets":[]}\n');
    const run = async (f: string) => {
      const r = await cli(['plan', WITH_TOTAL, '--targets', f, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2);
      return r.stderr;
    };
    expect(await run(unknown)).toBe(`povcheck: ${unknown}: target 2 (line 3): ${WITH_TOTAL} has no unit "Ha Giang"; its units: total, Toàn tỉnh, Sơn Dương, Yên Sơn, TP Tuyên Quang, Hàm Yên, Chiêm Hóa, Na Hang, Lâm Bình\n`);
    expect(await run(unsupported)).toMatch(new RegExp(`^povcheck: ${unsupported}: target 2 \\(line 3\\): the target for Lâm Bình \\(rate_reduced <=\\) cannot be planned`));
    expect(await run(comma)).toMatch(new RegExp(`^povcheck: ${comma}: the targets file is not valid JSON at line 3, column 1 \\(`));
    expect(await run(badValue)).toBe(`povcheck: ${badValue}: target 2 (line 3): "value" = 4,5 is not valid; give a string of plain digits such as "2.06"\n`);
    expect(await run(empty)).toBe(`povcheck: ${empty}: the targets file lists no target: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}\n`);
    // The same in Vietnamese, the table's language.
    const vi = await cli(['plan', WITH_TOTAL, '--targets', unknown]);
    expect(vi.stderr).toMatch(new RegExp(`^povcheck: ${unknown}: mục tiêu thứ 2 \\(dòng 3\\): ${WITH_TOTAL} không có đơn vị "Ha Giang"`));
  });

  it('a target names a unit written with its level word in the table (Chiêm Hóa → Huyện Chiêm Hoá, the tone mark elsewhere too); two units of two levels are asked about', async () => {
    const dir = tmp();
    const district = join(dir, 'huyen.csv');
    writeFileSync(district, readFileSync(join(ROOT, PLAN_INPUT), 'utf8').replace(';Chiêm Hóa;', ';Huyện Chiêm Hoá;'));
    const r = await cli(['plan', district, '--target', 'Chiêm Hóa=2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Huyện Chiêm Hoá (poverty rate reduction ≥ 2 points): needs at least 655 fewer poor households');
    const targets = join(dir, 't.json');
    writeFileSync(targets, '{"targets":[{"unit":"chiem hoa","indicator":"rate_reduced","op":">=","value":"2"}]}');
    expect((await cli(['plan', district, '--targets', targets, '--lang', 'en'])).stdout).toContain('✔ Huyện Chiêm Hoá (poverty rate reduction ≥ 2 points)');
    const town = join(dir, 'town.csv');
    writeFileSync(town, readFileSync(district, 'utf8').replace(';Hàm Yên;', ';Thị trấn Chiêm Hóa;'));
    const both = await cli(['plan', town, '--target', 'Chiêm Hóa=2', '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('povcheck: --target: target 1: "Chiêm Hóa" could be "Thị trấn Chiêm Hóa" or "Huyện Chiêm Hoá": units of different levels; write the name of the one the target is for as the table writes it, with its level (Huyện, Thị trấn, Xã …)\n');
    expect((await cli(['plan', town, '--target', 'Huyện Chiêm Hóa=2', '--lang', 'en'])).stdout).toContain('✔ Huyện Chiêm Hoá (');
  });
});

describe('povcheck table: a stated cell that is not a number', () => {
  it('is said to be one, not listed as if it differed from the value computed (`"10.51"` against 10,51)', async () => {
    const f = join(tmp(), 'stray.csv');
    const src = readFileSync(join(ROOT, 'fixtures/published/review-2016-phu-tho-province-districts-point-decimals.csv'), 'utf8');
    writeFileSync(f, src.replace(',10.51,', ',"10,51",'));
    const r = await cli(['table', f, '--lang', 'en']);
    expect(r.stderr).toContain('E3 (Toàn tỉnh, poverty rate): the table has "10,51" (not read as a number), computed 10.51');
  });
});

describe('povcheck rate', () => {
  it.each([
    [['24.814', '210.299', '--lang', 'vi'], '11,80'],
    [['24,814', '210,299', '--lang', 'en'], '11.80'],
    [['24814', '210299', '--lang', 'en', '--locale', 'vi'], '11,80'],
    [['20.626', '211.780', '--exact', '--lang', 'vi'], '9,74 (20.626 / 211.780 × 100 = 9,7393521578…)'],
    [['1', '8', '--exact', '--lang', 'en'], '12.50 (1 / 8 × 100 = 12.5)'],
    [['1', '32', '--lang', 'en'], '3.13'],
    [['0', '5', '--lang', 'en'], '0.00'],
    [['24814.00', '210299.00', '--lang', 'en'], '11.80'],
    [['24.814,00', '210.299,00', '--lang', 'en'], '11.80'],
    // --decimals: rounded half-up at the decimals printed (a statistical release's one), from the exact quotient.
    [['24.814', '210.299', '--decimals', '1', '--lang', 'vi'], '11,8'],
    [['1', '16', '--decimals', '1', '--lang', 'en'], '6.3'],
    [['2449', '100000', '--decimals', '1', '--lang', 'vi'], '2,4'], // 2,449 rounded once; not 2,45 rounded again (2,5)
    [['1', '200', '--decimals', '0', '--lang', 'en'], '1'],
    [['1', '3', '--decimals', '6', '--lang', 'en'], '33.333333'],
    [['2', '3', '--decimals', '6', '--lang', 'en'], '66.666667'],
    [['1', '8', '--decimals', '3', '--lang', 'en'], '12.500'],
    [['20.626', '211.780', '--exact', '--decimals', '1', '--lang', 'vi'], '9,7 (20.626 / 211.780 × 100 = 9,7393521578…)'],
  ])('%j → %s', async (args, line) => {
    const r = await cli(['rate', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(line + '\n');
  });

  it.each([
    [['3', '0'], /households are 0/],
    [['12', '10'], /poor households \(12\) are more than the households \(10\)/],
    [['2,5', '10,5'], /"2,5" is not a number of households/],
    [['2.50', '10'], /"2.50" is not a number of households/],
    [['abc', '10'], /"abc" is not a number of households/],
    [['1', '8', '--decimals', '7'], /^povcheck: --decimals "7": the number of decimals is a whole number from 0 to 6, e\.g\. --decimals 1 .*\n$/],
    [['1', '8', '--decimals', 'two'], /^povcheck: --decimals "two": the number of decimals is a whole number from 0 to 6/],
  ])('%j → exit 2', async (args, pattern) => {
    const r = await cli(['rate', ...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    noStackTrace(r.stderr);
  });

  it.each([
    [['24.814', '210.299'], 'C', '11,80'],
    [['20.626', '211.780', '--exact'], 'en_US.UTF-8', '9,74 (20.626 / 211.780 × 100 = 9,7393521578…)'],
    [['24,814', '210,299'], 'vi_VN.UTF-8', '11.80'],
    [['24814', '210299'], 'C', '11.80'],
    [['24814', '210299'], 'vi_VN.UTF-8', '11,80'],
    [['24.814', '210,299'], 'C', '11.80'], // the two say different formats: the language's
    [['24.814', '210.299', '--lang', 'en'], 'vi_VN.UTF-8', '11.80'], // --lang says
  ])('without --locale, %j under LANG=%s → %s: as --lang, else as the counts are typed, else as LANG', async (args, lang, line) => {
    const r = await cli(['rate', ...args], { env: { LANG: lang } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(line + '\n');
  });

  it('a bad --decimals in Vietnamese under LANG=vi, one line', async () => {
    const r = await cli(['rate', '1', '8', '--decimals', '1.5'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('povcheck: --decimals "1.5": số chữ số thập phân phải là số nguyên từ 0 đến 6, ví dụ --decimals 1 (tỷ lệ trong niên giám thống kê) hoặc --decimals 2 (trong kế hoạch)\n');
  });
});
