/**
 * What a first user meets (issue 11), through the command line and its JSON report, so that whatever engine
 * checks the tables keeps these behaviours:
 * - a table on which nothing could be checked is never "no errors": status `unchecked`, exit 2, the labels not
 *   understood and the `labels` entry that would map them, in every report format;
 * - a folder run lists every table or document it passes over, with how to convert it, as unreadable;
 * - a correct official table is quiet about its denominators;
 * - the total is only a unit named so (or --total), and output flags are the same in every command.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-first-'));
const put = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};

type JsonFile = {
  file: string;
  status: string;
  total?: string | null;
  findings: Array<{ rule: string; severity: string; unit: string | null; cell: string | null; message: string }>;
  coverage: { checks: { ran: number; total: number }; ran: string[]; notRun: Array<{ check: string; reason: string }>; notUnderstood: Array<{ text: string; cell: string; keys: string[] }> } | null;
  error?: { code: string; message: string };
};
type Json = { files: JsonFile[]; summary: Record<string, number> };
const json = (stdout: string) => JSON.parse(stdout) as Json;

/**
 * A commune table in the wordings published tables use (no phase word on the households and the rate, gross
 * exits), with two wrong cells: Xã B's rate (6,21 for 60 / 980 = 6,12) and Xã C's poor households at the end
 * (41 for 90 − 50 = 40). Since issue 12 these wordings are read: the rate is checked (of the start or the end
 * count), the exits are a gross flow, never the net reduction.
 */
const COMMUNE = put(
  'xa.csv',
  'Xã;Tổng số hộ;Số hộ nghèo đầu năm;Số hộ thoát nghèo;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo (%)\n' +
    'Xã A;1.200;80;35;45;6,67\nXã B;980;60;20;40;6,21\nXã C;1.500;90;50;41;6,00\n',
);
/** The same table with two columns in wordings povcheck does not read: nothing left to check. */
const UNREAD = put(
  'xa-unread.csv',
  'Xã;Số hộ nghèo đầu năm;Số hộ thoát nghèo;Số hộ nghèo cuối năm;Tổng hộ dân;TL (%)\n' + 'Xã A;80;35;45;1.200;6,67\nXã B;60;20;40;980;6,21\nXã C;90;50;41;1.500;6,00\n',
);
const HEADER_LONG = put('header-long.csv', 'unit;households_start;households_end;poor_start;poor_reduced;poor_end\n');
const HEADER_WIDE = put('header-wide.csv', 'Chỉ tiêu;Toàn tỉnh;Huyện A\nTổng số hộ đầu năm;;\nTổng số hộ cuối năm;;\nSố hộ nghèo đầu năm;;\n');
const SEED = join(FIXTURES, 'tuyen-quang-2020.csv');

describe('nothing checked is never "no errors"', () => {
  it('the commune table in published wordings is read: its wrong rate found, the gross exits never read as a net reduction', async () => {
    const r = json((await cli(['validate', COMMUNE, '--format', 'json', '--lang', 'en'])).stdout).files[0]!;
    expect(r.status).toBe('invalid');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cell])).toEqual([['rate', 'F3']]);
    expect(r.coverage!.ran).toContain('rate');
    expect(r.coverage!.notRun.map((n) => n.check)).not.toContain('flow');
  });

  it('a table in wordings povcheck does not read: unchecked, exit 2, naming the columns and the labels entry that would map them', async () => {
    const r = await cli(['validate', UNREAD, '--lang', 'en', '--no-table']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('no errors');
    const [verdict, hint] = r.stdout.split('\n');
    expect(verdict).toMatch(/^⚠ .*xa-unread\.csv: nothing could be checked — .* — not understood: "Tổng hộ dân", "TL \(%\)"$/);
    expect(hint).toContain('"labels": { "<indicator key>": ["Tổng hộ dân"], "<indicator key>": ["TL (%)"] }');
    const j = json((await cli(['validate', UNREAD, '--format', 'json', '--lang', 'en'])).stdout).files[0]!;
    expect(j.status).toBe('unchecked');
    expect(j.coverage!.ran.filter((c) => ['sum', 'flow', 'rate', 'rate-change'].includes(c))).toEqual([]);
    expect(j.coverage!.notUnderstood.map((l) => [l.text, l.cell])).toEqual([
      ['Tổng hộ dân', 'E1'],
      ['TL (%)', 'F1'],
    ]);
    expect(j.coverage!.notRun.find((n) => n.check === 'sum')!.reason).toContain('no unit is the total');
  });

  it('a plan\'s other rows are not understood or read as naming no indicator, without a labels hint: the JSON says which name no indicator and which say nothing of one', async () => {
    const f = 'fixtures/calc/annex-with-other-rows.csv';
    const r = await cli(['validate', f, '--lang', 'en', '--no-table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not understood: "Thu nhập bình quân đầu người"; read, not checked: "Số hộ nghèo được hỗ trợ nhà ở", "Số lượt hộ được vay vốn ưu đãi"');
    expect(r.stdout).not.toContain('"labels"');
    const j = json((await cli(['validate', f, '--format', 'json'])).stdout).files[0]!;
    expect(j.coverage!.notUnderstood).toEqual([
      { text: 'Thu nhập bình quân đầu người', cell: 'B2', keys: [], unrelated: true },
      { text: 'Số hộ nghèo được hỗ trợ nhà ở', cell: 'B8', keys: [], noIndicator: true },
      { text: 'Số lượt hộ được vay vốn ưu đãi', cell: 'B13', keys: [], noIndicator: true },
    ]);
  });

  it('a file left unchecked with errors of reading it says no consistency check could run, not "nothing could be checked"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-unchecked-'));
    const f = join(dir, 'million.csv');
    writeFileSync(f, 'Area,Poor households,Near-poor households\nVietnam,2.3 x,"almost 1.25 million"\n');
    const r = await cli(['validate', f, '--lang', 'en', '--no-table']);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toMatch(/^⚠ .*million\.csv: no consistency check could run — 1 error, 1 warning, 0 info/);
  });

  it('a file left unchecked whose labels were all read (rises) says why the checks did not run, then the labels read and not checked', async () => {
    const f = 'fixtures/published/review-2019-dakrong-district-blocks-communes-reductions.csv';
    const verdict = (await cli(['validate', f, '--lang', 'en', '--no-table'])).stdout.split('\n')[0]!;
    // The district is the total (its name's level is above its areas' and communes'): its list ends with a row of dots.
    expect(verdict).toMatch(/nothing could be checked — .* — the list of units ends with a row of dots \(A11\): not every unit is listed; .*; no unit has the values it needs; read, not checked: "Số hộ dân cư tăng so với đầu năm", "Tỷ lệ hộ cận nghèo tăng so với đầu năm \(%\)"$/);
    expect(verdict).not.toContain('not understood');
  });

  it('a verdict names at most three labels not checked, and how many more (each is a warning below; the JSON lists all)', async () => {
    const f = 'fixtures/published/report-2024-vinh-long-province-support-and-poverty.csv';
    const verdict = (await cli(['validate', f, '--lang', 'en', '--no-table'])).stdout.split('\n')[0]!;
    expect(verdict).toMatch(/; read, not checked: "Giai đoạn 2021 - 2024 \(ước\)", "Năm 2022 - 2023", "Hỗ trợ vay vốn [^"]*" and 8 more$/);
    expect(verdict).not.toContain('not understood');
    expect(json((await cli(['validate', f, '--format', 'json'])).stdout).files[0]!.coverage!.notUnderstood).toHaveLength(11);
  });

  it('fix writes no "unchanged copy" of a table it could not check: exit 2, nothing written', async () => {
    const out = join(dir, 'xa-fixed.csv');
    const r = await cli(['fix', UNREAD, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('not fixed, nothing written: nothing in it could be checked');
    expect(existsSync(out)).toBe(false);
  });

  it('mapping the columns as the hint says makes the table checked, and its two wrong cells found', async () => {
    const sub = join(dir, 'mapped');
    mkdirSync(sub, { recursive: true });
    copyFileSync(UNREAD, join(sub, 'xa.csv'));
    // Mapping the exits as the net reduction is the user's call (the built-in reading never does).
    writeFileSync(join(sub, 'povcheck.config.json'), JSON.stringify({ labels: { households_start: ['Tổng hộ dân'], poor_reduced: ['Số hộ thoát nghèo'], rate_start: ['TL (%)'] } }));
    const r = json((await cli(['validate', 'xa.csv', '--format', 'json'], { cwd: sub })).stdout).files[0]!;
    expect(r.status).toBe('invalid');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cell])).toEqual([
      ['rate', 'F3'],
      ['flow', 'D4'],
    ]);
  });

  it.each([
    ['a long table with a header and no rows', HEADER_LONG],
    ['a wide table with labels and empty unit columns (a blank form)', HEADER_WIDE],
  ])('%s: unchecked, exit 2, saying why', async (_name, file) => {
    const r = await cli(['validate', file, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(2);
    const f = json(r.stdout).files[0]!;
    expect(f.status).toBe('unchecked');
    expect(f.coverage!.ran).toEqual([]);
    expect(r.stderr).toMatch(/^povcheck: .*: nothing checked: /);
    expect(json(r.stdout).summary).toMatchObject({ unchecked: 1 });
  });

  it('some checks ran: the verdict says how many, in the text, JSON, markdown, github, junit, gitlab and html reports', async () => {
    const counts = join(FIXTURES, 'variants/counts-only.csv');
    const text = (await cli(['validate', counts, '--lang', 'en', '--no-table'])).stdout;
    expect(text.split('\n')[0]).toMatch(/no errors — .* — 4 of 6 checks ran$/);
    const j = json((await cli(['validate', counts, '--format', 'json'])).stdout).files[0]!;
    expect(j.coverage!.checks).toEqual({ ran: 4, total: 6 });
    expect(j.coverage!.notRun.map((n) => n.check)).toEqual(['rate', 'rate-change']);
    const out = (format: string) => cli(['validate', counts, '--lang', 'en', '--format', format, '-o', join(dir, `partial.${format}`)]).then(() => readFileSync(join(dir, `partial.${format}`), 'utf8'));
    expect(await out('markdown')).toContain('✔ no errors (4 of 6 checks ran)');
    expect(await out('github')).toMatch(/^::notice file=.*counts-only\.csv,title=povcheck coverage::4 of 6 checks ran/m);
    expect(await out('junit')).toContain('<property name="coverage" value="4 of 6 checks ran"/>');
    expect(JSON.parse(await out('gitlab')).find((i: { check_name: string }) => i.check_name === 'coverage')).toMatchObject({ severity: 'info', description: '4 of 6 checks ran' });
    expect(await out('html')).toContain('no errors — 0 errors, 1 warning, 7 info — 4 of 6 checks ran');
    const sarif = JSON.parse(await out('sarif'));
    expect(sarif.runs[0].artifacts[0].properties.coverage).toMatchObject({ checks: { ran: 4, total: 6 }, notRun: ['rate', 'rate-change'] });
  });

  it('unchecked in every CI format: an error of its own, never a pass', async () => {
    const out = (format: string) => cli(['validate', UNREAD, '--lang', 'en', '--format', format, '-o', join(dir, `unchecked.${format}`)]).then(() => readFileSync(join(dir, `unchecked.${format}`), 'utf8'));
    expect(await out('markdown')).toMatch(/\| `.*xa-unread\.csv` \| ⚠ nothing checked \|/);
    expect(await out('github')).toMatch(/^::error file=.*xa-unread\.csv,title=povcheck unchecked::nothing checked: not understood: "Tổng hộ dân"/m);
    expect(await out('junit')).toMatch(/<testcase classname=".*xa-unread\.csv" name="unchecked" time="0">\n\s+<error message="nothing checked: not understood/);
    expect(JSON.parse(await out('gitlab'))[0]).toMatchObject({ check_name: 'unchecked', severity: 'critical' });
    const sarif = JSON.parse(await out('sarif'));
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'unchecked', level: 'error' });
    expect(await out('html')).toContain('class="verdict verdict-unchecked"');
  });
});

describe('a folder run lists what it passes over', () => {
  it('a damaged .xls, a damaged .ods, a PDF: each unreadable with how to convert it or what is wrong, the summary counts them, exit 2; a note named as not checked; links followed', async () => {
    const root = join(dir, 'submissions');
    mkdirSync(join(root, 'huyen-a'), { recursive: true });
    mkdirSync(join(root, 'huyen-b'), { recursive: true });
    copyFileSync(SEED, join(root, 'huyen-a', 'annex.csv'));
    writeFileSync(join(root, 'huyen-b', 'annex.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(64)]));
    writeFileSync(join(root, 'x.ods'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));
    writeFileSync(join(root, 'ke-hoach.pdf'), '%PDF-1.4\n');
    writeFileSync(join(root, 'README.md'), '# nộp bảng ở đây\n');
    writeFileSync(join(root, 'ghi-chu.txt'), 'Hạn nộp: 15/1.\n');
    copyFileSync(SEED, join(dir, 'outside.csv'));
    symlinkSync(join(dir, 'outside.csv'), join(root, 'huyen-b', 'link.csv'));
    symlinkSync(root, join(root, 'huyen-a', 'loop'));
    const r = await cli(['validate', 'submissions', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✖ submissions/huyen-b/annex.xls: cannot be read (not a readable Excel 97–2003 workbook (.xls): its Office 97–2003 container has no valid header (the file is damaged, or not an Excel file))');
    expect(r.stdout).toContain('✖ submissions/x.ods: cannot be read (not a readable OpenDocument spreadsheet: no ZIP central directory');
    expect(r.stdout).toContain('✖ submissions/ke-hoach.pdf: cannot be read (a PDF');
    expect(r.stdout).toContain('submissions/huyen-b/link.csv: no errors');
    expect(r.stdout).not.toMatch(/README|loop\//);
    expect(r.stdout).toContain('Total: 5 files (2 without errors, 0 with errors, 3 unreadable)');
    // The .txt that is no text export is not checked, and the report says so after the summary.
    expect(r.stdout).toContain('\n\nNot checked: 1 .txt file in the folders that does not look like an Excel text export ("Unicode Text" or "Text (Tab delimited)"): submissions/ghi-chu.txt. Name a file in the command to check it (a table, or a plan\'s text).\n');
    expect(r.stdout).not.toContain('✖ submissions/ghi-chu.txt');
  });

  it('names the .txt files not checked in the JSON report and on stderr, at most five, the verdict and exit code unchanged', async () => {
    const root = join(dir, 'notes-only');
    mkdirSync(join(root, 'sub'), { recursive: true });
    copyFileSync(SEED, join(root, 'annex.csv'));
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) writeFileSync(join(root, 'sub', `${n}.txt`), 'ghi chú\n');
    writeFileSync(join(root, 'bad\u001b[31m.txt'), 'ghi chú\n');
    const r = await cli(['validate', 'notes-only', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { passedOver: string[]; summary: { files: number } };
    expect(report.passedOver).toEqual(['notes-only/bad\u001b[31m.txt', ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `notes-only/sub/${n}.txt`)]);
    expect(report.summary.files).toBe(1);
    // One line on stderr (the report is JSON on stdout), in the table's language, the escape made visible.
    expect(r.stderr).toBe(
      'povcheck: Không kiểm tra 7 tệp .txt trong thư mục (không giống bảng xuất từ Excel dạng "Unicode Text" hay "Text (Tab delimited)"): notes-only/bad\u241b[31m.txt, notes-only/sub/a.txt, notes-only/sub/b.txt, notes-only/sub/c.txt, notes-only/sub/d.txt và 2 tệp khác. Ghi rõ tên tệp trong lệnh để kiểm tra (một bảng, hoặc văn bản kế hoạch).\n',
    );
    // Without them, the report has no such member (the contract: docs/json-report.md).
    const clean = await cli(['validate', 'notes-only/annex.csv', '--format', 'json'], { cwd: dir });
    expect(Object.keys(JSON.parse(clean.stdout) as object)).toEqual(['povcheck', 'files', 'summary']);
  });
});

describe('web pages in a folder', () => {
  it('a plan or table saved as a web page (HTML, MHTML) is checked; a page of something else is named as not checked; povcheck\'s own reports are left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-pages-'));
    const root = join(dir, 'nop');
    mkdirSync(root);
    copyFileSync(SEED, join(root, 'annex.csv'));
    copyFileSync(join(FIXTURES, 'plans/html/framed-annex.html'), join(root, 'ke-hoach.html'));
    copyFileSync(join(FIXTURES, 'plans/html/money-total-off.mht'), join(root, 'ke-hoach.mht'));
    // Word's web page: its ProgId at the top, its table past a long style sheet (beyond the first 4 KiB).
    writeFileSync(join(root, 'word.htm'), `<html><head><meta name=ProgId content=Word.Document><style>${'p{margin:0}\n'.repeat(2000)}</style></head><body><p>KẾ HOẠCH</p></body></html>`);
    writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><html><body><p>Trang chủ của phòng</p></body></html>');
    const report = await cli(['validate', join(root, 'annex.csv'), '--format', 'html', '-o', join(root, 'report.html')]);
    expect(report.code).toBe(0);
    const r = await cli(['validate', 'nop', '--lang', 'en'], { cwd: dir });
    const checked = [...r.stdout.matchAll(/^[✔✖!] (nop\/[^:]+):/gmu)].map((m) => m[1]);
    expect(checked).toEqual(['nop/annex.csv', 'nop/ke-hoach.html', 'nop/ke-hoach.mht', 'nop/word.htm']);
    expect(r.stdout).toContain('\n\nNot checked: 1 file in the folders that does not look like a table or a plan (a web page without a table): nop/index.html. Name a file in the command to check it.\n');
    expect(r.stdout).not.toContain('report.html');
    const vi = await cli(['validate', 'nop', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(vi.stdout) as { passedOver: string[] }).passedOver).toEqual(['nop/index.html']);
    writeFileSync(join(root, 'ghi-chu.txt'), 'ghi chú\n');
    const both = await cli(['validate', 'nop'], { cwd: dir });
    expect(both.stdout).toContain('Không kiểm tra 2 tệp trong thư mục (không giống một bảng hay một kế hoạch: tệp .txt không phải bảng xuất từ Excel, trang web không có bảng): nop/ghi-chu.txt, nop/index.html. Ghi rõ tên tệp trong lệnh để kiểm tra.');
  });
});

describe('a correct official table is quiet', () => {
  it('the seed: one denominator warning, at the total, saying what it means for the total; the districts\' splits are infos', async () => {
    const j = json((await cli(['validate', SEED, '--format', 'json', '--lang', 'en'])).stdout).files[0]!;
    const den = j.findings.filter((f) => f.rule === 'denominator');
    expect(den.filter((f) => f.severity === 'warning').map((f) => [f.unit, f.cell])).toEqual([['Toàn tỉnh', 'D9']]);
    expect(den.find((f) => f.severity === 'warning')!.message).toContain("The total's rate fell 2.06 points, but its poor households fell by 4,188 (net), only 1.99 %");
    expect(den.filter((f) => f.severity === 'info')).toHaveLength(7);
    expect(j.status).toBe('ok');
  });

  it('a unit whose rate falls only because its households grew gets a warning of its own', async () => {
    // Sơn Dương: poor households unchanged (0 reduced), households up: its rate still falls.
    const text = readFileSync(SEED, 'utf8').replace('987;', '0;').replace('3.657', '4.644');
    const f = put('direction.csv', text);
    const j = json((await cli(['validate', f, '--format', 'json', '--lang', 'en', '--rule', 'sum=off'])).stdout).files[0]!;
    const w = j.findings.filter((x) => x.rule === 'denominator' && x.severity === 'warning');
    expect(w.map((x) => x.unit)).toEqual(['Toàn tỉnh', 'Sơn Dương']);
    expect(w[1]!.message).toContain('the rate fell');
    expect(w[1]!.message).toContain('although poor households did not change');
  });
});

describe('the total is a unit named so', () => {
  const NO_TOTAL = put('no-total.csv', 'Xã;households_start;households_end;poor_start;poor_reduced;poor_end\nXã A;1000;1010;100;10;90\nXã B;2000;2020;300;30;270\nXã C;500;505;60;5;55\nXã D;800;808;90;9;81\n');

  it('a commune table with no total row: no false sum errors; the sum check did not run, and coverage says why', async () => {
    const r = await cli(['validate', NO_TOTAL, '--format', 'json', '--lang', 'en']);
    const j = json(r.stdout).files[0]!;
    expect(j.findings.filter((f) => f.rule === 'sum')).toEqual([]);
    expect(j.total).toBeNull();
    expect(j.coverage!.notRun.map((n) => n.check)).toContain('sum');
    expect(r.code).toBe(0);
  });

  it('--total NAME makes a unit the total (and its sum is checked); --total first takes the first; a name no unit has: exit 2', async () => {
    const named = json((await cli(['validate', NO_TOTAL, '--format', 'json', '--total', 'xa b'])).stdout).files[0]!;
    expect(named.total).toBe('Xã B');
    expect(named.coverage!.ran).toContain('sum');
    expect(named.findings.filter((f) => f.rule === 'sum' && f.severity === 'error').length).toBeGreaterThan(0);
    expect(json((await cli(['validate', NO_TOTAL, '--format', 'json', '--total', 'first'])).stdout).files[0]!.total).toBe('Xã A');
    const bad = await cli(['validate', NO_TOTAL, '--total', 'Toàn huyện', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(': cannot be checked as asked (--total "Toàn huyện": the table has no unit of that name (its units: Xã A, Xã B, Xã C, Xã D))');
    const vi = await cli(['validate', NO_TOTAL, '--total', 'Toàn huyện', '--lang', 'vi']);
    expect(vi.stdout).toContain(': không kiểm tra được theo yêu cầu (--total "Toàn huyện": bảng không có đơn vị nào tên như vậy');
    expect(vi.stdout).not.toContain('không đọc được');
  });

  it.each(['Toàn huyện', 'Tổng cộng', 'Cộng', 'Cả nước', 'Tổng số', 'Total'])('"%s" is a total', async (name) => {
    const f = put(`total-${name}.csv`, readFileSync(NO_TOTAL, 'utf8').replace('Xã A;', `${name};`));
    expect(json((await cli(['validate', f, '--format', 'json'])).stdout).files[0]!.total).toBe(name);
  });
});

describe('output flags are the same in every command', () => {
  it.each([
    ['validate', ['validate', SEED, '--format', 'json']],
    ['fix', ['fix', join(FIXTURES, 'planted/poor-end-transposed.csv')]],
    ['table', ['table', join(FIXTURES, 'calc/seed-base-counts.csv'), '--format', 'csv']],
    ['plan', ['plan', join(FIXTURES, 'calc/seed-plan-input.csv'), '--target', 'Na Hang=4', '--format', 'csv']],
  ])('%s: -o and --output-file (and the older spellings) write the file', async (name, args) => {
    for (const flag of ['-o', '--output-file', '--output', ...(name === 'table' || name === 'plan' ? ['--out'] : [])]) {
      const target = join(dir, `${name}${flag}.out`);
      const r = await cli([...(args as string[]), flag, target]);
      expect(r.code, `${name} ${flag}: ${r.stderr}`).toBe(0);
      expect(existsSync(target), `${name} ${flag}`).toBe(true);
    }
  });
});

describe('the CI formats carry the likely cause', () => {
  it('markdown, github, sarif, junit and gitlab each say it, in their own way', async () => {
    const planted = join(FIXTURES, 'planted/poor-end-transposed.csv');
    const out = (format: string) => cli(['validate', planted, '--lang', 'en', '--format', format, '-o', join(dir, `cause.${format}`)]).then(() => readFileSync(join(dir, `cause.${format}`), 'utf8'));
    const cause = 'Likely cause: I6 (Poor households at end of year, Chiêm Hóa) holds 4,963; 4,693 would make all 3 failing checks pass; the digits look transposed.';
    expect(await out('markdown')).toContain(`> → ${cause}`);
    expect(await out('github')).toContain(`title=povcheck flow::I6: Chiêm Hóa: poor households at the end should be 5,511 − 818 = 4,693, but the table shows 4,963.%0A→ ${cause}`);
    const sarif = JSON.parse(await out('sarif')).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'flow');
    expect(sarif.message.text).toContain(cause);
    expect(sarif.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 9 });
    expect(sarif.properties.likelyCause).toBe(cause);
    expect(await out('junit')).toContain(`type="flow">→ ${cause}`);
    expect(JSON.parse(await out('gitlab')).find((i: { check_name: string }) => i.check_name === 'flow').description).toContain(`→ ${cause}`);
  });
});
