/**
 * `povcheck validate` on plan documents, with the built binary: the seed plan as .docx and as Word's
 * plain-text export (the "Done when"), and every planted variant giving exactly its planted finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, cli, runCli } from '../helpers.js';
import { ooxmlApi } from '../xlsx-build.js';
// @ts-expect-error plain JavaScript module without types
import { PLANTED } from '../../scripts/plan-fixtures.mjs';
// @ts-expect-error plain JavaScript module without types
import { WORD_ONLINE } from '../../scripts/word-online-fixtures.mjs';

const SEED_DOCX = 'fixtures/plans/ke-hoach-giam-ngheo-2020.docx';
const SEED_TXT = 'fixtures/plans/ke-hoach-giam-ngheo-2020.txt';
const UNITS = 'Toàn tỉnh,Sơn Dương,Yên Sơn,TP Tuyên Quang,Hàm Yên,Chiêm Hóa,Na Hang,Lâm Bình';

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
  expected: string | null;
  actual: string | null;
  message: string;
  part?: string;
  place?: { paragraph: number; section: string; quote: string; mark: { start: number; end: number } | null; line: number | null };
}
interface JsonFile {
  status: string;
  findings: JsonFinding[];
  skipped: Array<{ rule: string; unit: string | null; reason: string; part?: string }>;
  document?: { format: string; tables: Array<{ kind: string; units: string[] | null; headerLost: unknown }>; checked?: { targets: number } };
}

async function json(args: string[]): Promise<{ code: number; file: JsonFile }> {
  const r = await cli(['validate', ...args, '--format', 'json']);
  return { code: r.code, file: (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0]! };
}

const marked = (f: JsonFinding) => (f.place?.mark ? f.place.quote.slice(f.place.mark.start, f.place.mark.end) : undefined);
const of = (file: JsonFile, rule: string, severity?: string) => file.findings.filter((f) => f.rule === rule && (severity === undefined || f.severity === severity));

describe('the seed plan as a Word document (its annex a table with the districts in a merged header)', () => {
  let code: number;
  let file: JsonFile;
  beforeAll(async () => ({ code, file } = await json([SEED_DOCX])));

  it('exits 1: one error (the money), one warning beyond the annex\'s (Quyết định 468)', async () => {
    expect(code).toBe(1);
    expect(file.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
    expect(file.document).toMatchObject({ format: 'docx', tables: [{ kind: 'poverty', units: ['Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình'], headerLost: null }] });
  });

  it('the annex: no error', async () => {
    expect(file.findings.filter((f) => f.part === 'tables' && f.severity === 'error')).toEqual([]);
  });

  it('the stated 2,06 / 11,8 / 9,74 agree with the annex', async () => {
    expect(of(file, 'claim').map((f) => [f.severity, f.unit, marked(f), f.place?.paragraph])).toEqual([['info', 'Toàn tỉnh', '2,06', 10]]);
  });

  it('the Lâm Bình and Na Hang targets, from the text, are met', async () => {
    expect(of(file, 'target').map((f) => [f.severity, f.unit, f.cell, f.place?.paragraph]).sort()).toEqual([
      ['info', 'Lâm Bình', 'T1R10C11', 10],
      ['info', 'Na Hang', 'T1R10C10', 10],
    ]);
  });

  it('one error for the money, 79.381 → 86.373 as its likely cause', async () => {
    const money = of(file, 'money');
    expect(money.map((f) => [f.severity, f.expected, f.actual, marked(f), f.place?.paragraph])).toEqual([['error', '86373', '79381', '79.381', 61]]);
  });

  it('one warning for Quyết định 468 cited with two dates', async () => {
    expect(of(file, 'reference').map((f) => [f.severity, marked(f), f.place?.paragraph])).toEqual([['warning', '16/12/2018', 69]]);
    expect(of(file, 'reference')[0]!.message).toContain('16/12/2019');
  });
});

describe('the seed plan as given (plain text, the annex without its header row)', () => {
  let code: number;
  let file: JsonFile;
  beforeAll(async () => ({ code, file } = await json([SEED_TXT])));

  it('the same findings, except that the named-unit targets cannot be matched (said so, not checked)', async () => {
    expect(code).toBe(1);
    expect(of(file, 'money').map((f) => [f.expected, f.actual])).toEqual([['86373', '79381']]);
    expect(of(file, 'reference').map((f) => f.severity)).toEqual(['warning']);
    expect(of(file, 'claim').map((f) => [f.severity, f.unit])).toEqual([['info', 'C4']]);
    expect(of(file, 'target')).toEqual([]);
    // "giảm từ 4% trở lên" sets targets: they, not claims, are what was not checked.
    expect(file.skipped.map((s) => [s.rule, s.unit, s.part])).toEqual([
      ['target', 'Lâm Bình', 'claims'],
      ['target', 'Na Hang', 'claims'],
    ]);
    expect(file.findings.filter((f) => f.part === 'tables' && f.severity === 'error')).toEqual([]);
    // The total is found by arithmetic.
    expect(file.findings.find((f) => f.rule === 'sum' && f.severity === 'info')!.message).toMatch(/C4 là cột tổng/);
  });

  it('the targets it could not check are not counted among the checks that ran, and are said not run, with why (every format)', async () => {
    // It said "9/9 checks ran" and listed the targets as claims not checked: `target` was in neither list.
    const coverage = (JSON.parse((await cli(['validate', SEED_TXT, '--format', 'json'])).stdout) as { files: Array<{ coverage: { checks: { ran: number; total: number }; ran: string[]; notRun: Array<{ check: string; reason: string }> } }> }).files[0]!.coverage;
    expect(coverage.checks).toEqual({ ran: 9, total: 10 });
    expect(coverage.ran).not.toContain('target');
    expect(coverage.notRun).toEqual([{ check: 'target', reason: 'bảng 1 mất dòng tiêu đề nên các cột không có tên (đặt tên cột bằng --units "…")' }]);
    const text = (await cli(['validate', SEED_TXT, '--no-table', '--lang', 'en'])).stdout;
    expect(text).toContain('errors found — 1 error, 2 warnings, 10 info — 9 of 10 checks ran');
    expect(text).toContain('Checks: 9 of 10 ran (sum, flow, rate, rate-change, denominator, range, claim, money, reference); not run: target, because table 1 lost its header row, so its columns have no names (name them with --units "…")');
    expect(text).toContain('· target (Lâm Bình): ¶10: Lâm Bình cannot be matched: table 1 lost its header row');
    expect(text).not.toContain('except in');
    const vi = (await cli(['validate', SEED_TXT, '--no-table'])).stdout;
    expect(vi).toContain('Kiểm tra: 9/10 phép đã chạy (sum, flow, rate, rate-change, denominator, range, claim, money, reference); không chạy: target vì bảng 1 mất dòng tiêu đề nên các cột không có tên');
    const junit = (await cli(['validate', SEED_TXT, '--format', 'junit', '--lang', 'en'])).stdout;
    expect(junit).toContain('<property name="coverage" value="9 of 10 checks ran"/>');
    expect(junit).toMatch(/name="target · Na Hang" time="0">\n {6}<skipped message="¶10: Na Hang cannot be matched: table 1 lost its header row/);
    const sarif = JSON.parse((await cli(['validate', SEED_TXT, '--format', 'sarif'])).stdout) as { runs: Array<{ artifacts: Array<{ properties?: { coverage?: unknown } }> }> };
    expect(sarif.runs[0]!.artifacts[0]!.properties?.coverage).toMatchObject({ checks: { ran: 9, total: 10 }, notRun: ['target'] });
    expect((await cli(['validate', SEED_TXT, '--format', 'github', '--lang', 'en'])).stdout).toContain('title=povcheck coverage::9 of 10 checks ran');
  });

  it('the targets are checked when --units names the columns', async () => {
    const r = (await json([SEED_TXT, '--units', UNITS])).file;
    expect(of(r, 'target').map((f) => [f.severity, f.unit]).sort()).toEqual([
      ['info', 'Lâm Bình'],
      ['info', 'Na Hang'],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('a target whose cells are blank is listed as not checked, not counted among the targets checked', async () => {
    // The seed text with Lâm Bình's reduction and end figures left blank: its "giảm từ 4% trở lên" cannot be compared.
    const lines = readFileSync(SEED_TXT, 'utf8').split('\n');
    const table = lines.findLastIndex((l) => l.includes('Tổng số hộ của toàn tỉnh đầu năm'));
    for (const label of ['Số hộ nghèo giảm trong năm', 'Số hộ nghèo cuối năm', '- Giảm trong năm', '- Cuối năm']) {
      const row = lines.findIndex((l, i) => i > table && l.includes(label));
      lines[row + 9] = '\t\u00a0'; // label, unit, then the eight units: Lâm Bình is the last
    }
    const path = join(mkdtempSync(join(tmpdir(), 'povcheck-plans-')), 'blank-lam-binh.txt');
    writeFileSync(path, lines.join('\n'));
    const r = (await json([path, '--units', UNITS])).file;
    expect(new Set(of(r, 'target').map((f) => f.unit))).toEqual(new Set(['Na Hang']));
    expect(r.skipped.filter((s) => s.rule === 'target').map((s) => s.unit)).toEqual(['Lâm Bình']);
    expect(r.document!.checked!.targets).toBe(1);
  });

  it('a target the text sets for a unit no table has is listed as not checked', async () => {
    const r = (await json(['fixtures/plans/planted/claim-unknown-unit.docx'])).file;
    expect(of(r, 'claim', 'warning').map((f) => f.unit)).toEqual(['Mèo Vạc']);
    expect(r.skipped.filter((s) => s.rule === 'target').map((s) => [s.unit, s.reason])).toEqual([['Mèo Vạc', 'bảng không có đơn vị "Mèo Vạc"']]);
  });

  it('--units naming another number of columns is not used, and the note says so', async () => {
    const r = (await json([SEED_TXT, '--units', 'Toàn tỉnh,Na Hang'])).file;
    expect(r.findings.find((f) => f.rule === 'sum' && f.severity === 'info')!.message).toMatch(/--units nêu 2 đơn vị nhưng bảng có 8 cột đơn vị/);
  });
});

describe('planted variants: each gives exactly its planted finding, at the right place', () => {
  const key = (f: JsonFinding) => `${f.rule} ${f.severity} ${f.unit} ${f.place?.paragraph} ${marked(f)} ${f.expected} ${f.actual} ${f.message}`;
  let base: { code: number; file: JsonFile };
  let baseKeys: Set<string>;
  beforeAll(async () => {
    base = await json(['fixtures/plans/planted/corrected.docx']);
    baseKeys = new Set(base.file.findings.map(key));
  });

  it('the corrected plan has no error (exit 0)', async () => {
    expect(base.code).toBe(0);
    expect(base.file.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  for (const [name, p] of Object.entries(PLANTED as Record<string, { note: string; finding: Record<string, unknown> }>)) {
    it(`${name}: ${p.note}`, async () => {
      const r = await json([`fixtures/plans/planted/${name}.docx`]);
      const added = r.file.findings.filter((f) => !baseKeys.has(key(f)) && !(f.severity === 'info' && ['claim', 'money', 'reference'].includes(f.rule)));
      expect(added).toHaveLength(1);
      const f = added[0]!;
      const want = p.finding as { rule: string; severity: string; paragraph: number; mark: string; expected?: string; actual?: string; unit?: string };
      expect({ rule: f.rule, severity: f.severity, paragraph: f.place?.paragraph, mark: marked(f) }).toEqual({ rule: want.rule, severity: want.severity, paragraph: want.paragraph, mark: want.mark });
      if (want.expected !== undefined) expect(f.expected).toBe(want.expected);
      if (want.actual !== undefined) expect(f.actual).toBe(want.actual);
      if (want.unit !== undefined) expect(f.unit).toBe(want.unit);
      expect(r.code).toBe(want.severity === 'error' ? 1 : 0);
    });
  }
});

describe('a plan in Word 97–2003 (.doc), the built binary', () => {
  it('is checked as its .docx is: the same findings at the same places; the read line names the format', () => {
    const doc = runCli(['validate', join(FIXTURES, 'plans', 'doc', 'ke-hoach-giam-ngheo-2020.doc'), '--format', 'json']);
    const docx = runCli(['validate', join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx'), '--format', 'json']);
    expect(doc.code).toBe(1);
    const findings = (out: string) => (JSON.parse(out) as { files: Array<{ findings: unknown[]; source: { format: string } }> }).files[0]!;
    expect(findings(doc.stdout).source.format).toBe('doc');
    expect(findings(doc.stdout).findings).toEqual(findings(docx.stdout).findings);
    const text = runCli(['validate', join(FIXTURES, 'plans', 'doc', 'money-total-off.doc'), '--lang', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Read as: Word 97–2003 document (.doc), 98 paragraphs, 1 table;');
    expect(text.stdout).toMatch(/¶60 · money/);
  });

  it('a folder run reads its .doc plans', () => {
    const r = runCli(['validate', join(FIXTURES, 'plans', 'doc'), '--format', 'json']);
    const files = (JSON.parse(r.stdout) as { files: Array<{ file: string; source?: { format: string } }> }).files;
    expect(files).toHaveLength(8);
    expect(files.every((f) => f.source?.format === 'doc')).toBe(true);
  });
});

describe('a plan as a web page (Word\'s "Save as Web Page", a system\'s "export to Word" named .doc), the built binary', () => {
  const findings = (out: string) => (JSON.parse(out) as { files: Array<{ findings: unknown[]; source: { format: string } }> }).files[0]!;
  it('is checked as its .docx is, text and tables: the same findings at the same places (LibreOffice\'s web pages of three plans)', () => {
    for (const [html, docx] of [
      ['html/money-total-off.html', 'planted/money-total-off.docx'],
      ['html/stt-numbered.html', 'writer/stt-numbered.docx'],
      ['html/framed-annex.html', 'hand-made/framed-annex.docx'],
      // Word's "Single File Web Page" (MHTML): the page in quoted-printable among its parts.
      ['html/money-total-off.mht', 'planted/money-total-off.docx'],
    ]) {
      const a = runCli(['validate', join(FIXTURES, 'plans', html!), '--format', 'json']);
      const b = runCli(['validate', join(FIXTURES, 'plans', docx!), '--format', 'json']);
      expect(findings(a.stdout).source.format, html).toBe('html');
      expect(findings(a.stdout).findings, html).toEqual(findings(b.stdout).findings);
      expect(a.code, html).toBe(b.code);
    }
  });

  it('a page saved as one file (MHTML) says so in the read line and in JSON', () => {
    const r = runCli(['validate', join(FIXTURES, 'plans', 'html', 'money-total-off.mht'), '--lang', 'en']);
    expect(r.stdout).toContain('Read as: document as a web page (HTML, saved as one file: MHTML), 98 paragraphs, 1 table;');
    const j = runCli(['validate', join(FIXTURES, 'plans', 'html', 'money-total-off.mht'), '--format', 'json']);
    expect(findings(j.stdout).source).toEqual({ kind: 'document', format: 'html', paragraphs: 98, tables: 1, mhtml: true });
  });

  it('Word\'s web page in UTF-16 ("charset=unicode"), named .doc, as Vietnamese document collections keep them: read as its UTF-8 page', () => {
    const page = readFileSync(join(FIXTURES, 'plans', 'html', 'money-total-off.html'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-u16-')), 'ke-hoach.doc');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
    const a = runCli(['validate', file, '--format', 'json']);
    const b = runCli(['validate', join(FIXTURES, 'plans', 'html', 'money-total-off.html'), '--format', 'json']);
    expect(findings(a.stdout).source.format).toBe('html');
    expect(findings(a.stdout).findings).toEqual(findings(b.stdout).findings);
  });

  it('an "export to Word" served as .doc: its header spans read, the slip named at its place in the table, the read line says what it is', () => {
    const f = join(FIXTURES, 'plans', 'html', 'bao-cao-xuat-word.doc');
    const r = runCli(['validate', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Read as: document as a web page (HTML), 9 paragraphs, 1 table; long (one row per unit) layout;');
    expect(r.stdout).toContain('→ Likely cause: Table 1, row 5, column 7 (Poor households at end of year, Xã Sinh Long) holds 234; 243 would make all 3 failing checks pass; the digits look transposed.');
    // Read as a plan, the text's checks ran too (a reference), where as a web page's table they could not.
    expect(r.stdout).toMatch(/Checks: 7 of 9 ran \(sum, flow, rate, rate-change, denominator, range, reference\)/);
    const table = runCli(['table', f, '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('Table 1, row 5, column 7 (Xã Sinh Long, poor households at end of year): the table has 234, computed 243');
  });
});

describe('what is not a plan povcheck can read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-plans-'));

  it('text or binary data named .doc: not a Word document, said so (it was "no column structure")', async () => {
    for (const [name, content] of [['garbage.doc', 'garbage'], ['binary.doc', Buffer.from([0, 1, 2, 3, 0, 0xff, 0x10, 0x80])]] as const) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const r = await cli(['validate', path, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('not a readable Word document: its Office 97–2003 container has no valid header (the file is damaged, or not a Word file)');
    }
  });

  it('a damaged Word 97 file: exit 2, one line naming the damage', async () => {
    const path = join(dir, 'ke-hoach.doc');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]));
    const r = await cli(['validate', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect((r.stdout + r.stderr).trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('not a readable Word document: its Office 97–2003 container has no valid header (the file is damaged, or not a Word file)');
  });

  it('a Writer document (.odt) or an RTF: exit 2, one line saying to save it as .docx (it said: copy the table into a spreadsheet)', async () => {
    const path = join(dir, 'ke-hoach.odt');
    writeFileSync(path, Buffer.from('not read: the name decides'));
    const r = await cli(['validate', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect((r.stdout + r.stderr).trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('a word-processor document (.odt), which povcheck does not read: open it in Word or LibreOffice and save it as .docx (or convert it: libreoffice --headless --convert-to docx <file>), then check the .docx');
    const rtf = join(dir, 'ke-hoach-rtf.txt');
    writeFileSync(rtf, '{\\rtf1\\ansi K\\u7871? ho\\u7841?ch\\par }');
    const v = await cli(['validate', rtf]);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/RTF.*\.docx/);
  });

  it('a document with nothing to check: exit 2, one line', async () => {
    const path = join(dir, 'memo.txt');
    writeFileSync(path, Array.from({ length: 6 }, () => 'Đây là một đoạn văn bản dài không có số liệu nào về hộ nghèo hay kinh phí, chỉ có chữ mà thôi.').join('\n'));
    const r = await cli(['validate', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/nothing to check in this document/);
    // Without --lang, in the document's language (it said so in English on a machine whose locale is not Vietnamese).
    const vi = await cli(['validate', path], { env: { LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' } });
    expect(vi.code).toBe(2);
    expect(vi.stdout).toMatch(/không đọc được \(văn bản không có gì để kiểm tra \(6 đoạn, 0 bảng\)/);
  });
});

describe('plans made by LibreOffice Writer (fixtures/plans/writer/)', () => {
  it('from HTML (the annex a <table> with colspan and rowspan): read as the built .docx is; a typo in a cell found at its place', async () => {
    const clean = await cli(['validate', 'fixtures/plans/writer/from-html.docx', '--no-table', '--lang', 'en']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Checks: 10 of 10 ran (sum, flow, rate, rate-change, denominator, range, claim, target, money, reference)');
    const typo = await cli(['validate', 'fixtures/plans/writer/from-html-cell-typo.docx', '--no-table', '--lang', 'en']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain('→ Likely cause: Table 1, row 5, column 8 (Poor households at start of year, Hàm Yên) holds 4,735; 4,753 would make all 3 failing checks pass; the digits look transposed.');
  });

  it("headings numbered by Word's lists: the numbers are read, so last year's results are not this year's claims", async () => {
    // "KẾT QUẢ THỰC HIỆN NĂM TRƯỚC" numbered I. by a list: without its number it was no heading, and the
    // section's "giảm 2,5% (từ 14,3% xuống còn 11,8%)" gave three claim errors against the annex.
    const r = await cli(['validate', 'fixtures/plans/writer/numbered-headings.docx', '--no-table', '--lang', 'en']);
    expect(r.stdout).toContain('■ Stated figures — 1 statement and 2 targets checked');
    expect(r.stdout).toContain('II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể');
    expect(r.stdout).not.toMatch(/✖ .*claim/);
    expect(r.code).toBe(0);
  });

  describe("an annex whose STT column is numbered by Word's lists (I., 1., 2., II., 1., 2.: the numbers not in the cells' text)", () => {
    const findings = (file: JsonFile) => file.findings.map((f) => [f.rule, f.severity, f.cell, f.unit, f.expected, f.actual]);

    it('is checked as the same table with the numbers typed: the same findings at the same cells, the same likely cause', async () => {
      // The group rows were read without their numbers, so as units of the total beside their own units: 3 sum
      // errors at Tổng cộng (I+II) (126,694 households expected for 63,347) and no likely cause.
      const [typed, numbered] = await Promise.all(['stt-typed', 'stt-numbered'].map((f) => json([`fixtures/plans/writer/${f}.docx`, '--lang', 'en'])));
      expect(findings(numbered!.file)).toEqual([
        ['sum', 'error', 'T1R3C4', 'Đông Sơn', '179', '215'],
        ['rate', 'error', 'T1R5C5', 'Bình Minh', '1.43', '2.31'],
      ]);
      expect(findings(numbered!.file)).toEqual(findings(typed!.file));
      const text = await cli(['validate', 'fixtures/plans/writer/stt-numbered.docx', '--no-table', '--lang', 'en']);
      expect(text.stdout).toContain('→ Likely cause: Table 1, row 5, column 4 (Poor households, Bình Minh) holds 59; 95 would make both failing checks pass; the digits look transposed.');
    });

    it('without the typo: no error (it was 3 false sum errors, exit 1)', async () => {
      const r = await json(['fixtures/plans/writer/stt-numbered-clean.docx', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.file.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  });
});

describe("Word Online's main part, word/document2.xml (fixtures/plans/word-online/stt-numbered.docx)", () => {
  it('is read as the same document under word/document.xml: the same findings, the same report, list numbers and all', async () => {
    // It was "holds no Word document (word/document.xml): damaged …", exit 2.
    const [original, renamed] = await Promise.all(['writer', 'word-online'].map((d) => json([`fixtures/plans/${d}/stt-numbered.docx`, '--lang', 'en'])));
    expect(renamed!.code).toBe(1);
    expect(renamed!.file.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['sum', 'T1R3C4'],
      ['rate', 'T1R5C5'],
    ]);
    expect(renamed!.file.findings).toEqual(original!.file.findings);
    expect(renamed!.file.document).toEqual(original!.file.document);
    const text = await Promise.all(['writer', 'word-online'].map((d) => cli(['validate', `fixtures/plans/${d}/stt-numbered.docx`, '--lang', 'en'])));
    expect(text[1]!.stdout.replaceAll('word-online/', 'writer/')).toBe(text[0]!.stdout);
    expect(text[1]!.code).toBe(1);
  });

  it('is what scripts/word-online-fixtures.mjs builds from writer/stt-numbered.docx', () => {
    for (const [out, from] of Object.entries(WORD_ONLINE as Record<string, string>)) {
      expect(readFileSync(join(FIXTURES, 'plans', out)).equals(ooxmlApi.renameMainPart(readFileSync(join(FIXTURES, 'plans', from)))), out).toBe(true);
    }
  });
});

describe('two paragraphs joined with Track Changes on (fixtures/plans/tracked/paragraphs-joined.docx)', () => {
  it('are one paragraph, as Word shows them: the findings after them quote the paragraph numbers Word shows (¶59, not ¶60)', async () => {
    const { code, file } = await json(['fixtures/plans/tracked/paragraphs-joined.docx', '--lang', 'en']);
    expect(code).toBe(1);
    expect(of(file, 'money', 'error').map((f) => [f.place?.paragraph, marked(f)])).toEqual([[59, '210.769']]);
    expect(of(file, 'claim').map((f) => f.place?.paragraph)).toEqual([9]);
    const text = await cli(['validate', 'fixtures/plans/tracked/paragraphs-joined.docx', '--no-table', '--lang', 'en']);
    expect(text.stdout).toContain('Word document, 97 paragraphs, 1 table');
    expect(text.stdout).toContain('✖ ¶59 · money — expected 210,679, the text says 210,769');
  });
});

describe('a soft hyphen pasted into a district name', () => {
  it('does not lose the targets the sentence sets (it read "1 statement and 0 targets checked", exit 0)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'povcheck-plans-')), 'ke-hoach-shy.txt');
    writeFileSync(path, readFileSync(SEED_TXT, 'utf8').replace('(Lâm Bình, Na Hang)', '(Lâm Bì\u00adnh, Na Hang)'));
    const r = await cli(['validate', path, '--no-table', '--lang', 'en', '--units', UNITS]);
    expect(r.stdout).toContain('■ Stated figures — 1 statement and 2 targets checked');
    expect(r.stdout).toContain('Lâm Bình: target poverty rate reduction ≥ 4 points met: 4.00 points.');
  });
});

describe('the text report groups the document by part, and quotes the sentence with the figure marked', () => {
  it('Vietnamese, plain', async () => {
    const r = await cli(['validate', SEED_DOCX, '--no-table']);
    const parts = ['■ Bảng', '■ Số liệu nêu trong văn bản', '■ Kinh phí', '■ Văn bản dẫn chiếu'].map((h) => r.stdout.indexOf(h));
    expect(parts.every((i, k) => i > 0 && (k === 0 || i > parts[k - 1]!))).toBe(true);
    expect(r.stdout).toContain('“- Dự án 1. Chương trình 30a: «79.381» triệu đồng');
    expect(r.stdout).toContain('✖ đoạn 61 · money — tính lại được 86.373, văn bản ghi 79.381');
    expect(r.stdout).toContain('Bảng 1, dòng 10, cột 4 · denominator · Toàn tỉnh');
  });
});

describe('CI reports of a plan', () => {
  it('GitHub annotations point at the line of a plain-text export; SARIF names the paragraph', async () => {
    const gh = (await cli(['validate', SEED_TXT, '--format', 'github', '--lang', 'en'])).stdout;
    expect(gh).toMatch(/^::error file=fixtures\/plans\/ke-hoach-giam-ngheo-2020\.txt,line=65,col=1,title=povcheck money::¶61: Dự án 1\./m);
    expect(gh).toMatch(/^::warning file=fixtures\/plans\/ke-hoach-giam-ngheo-2020\.txt,line=73,col=1,title=povcheck reference::¶69: /m);
    const sarif = JSON.parse((await cli(['validate', SEED_DOCX, '--format', 'sarif'])).stdout) as {
      runs: Array<{ artifacts: Array<{ mimeType?: string }>; results: Array<{ ruleId: string; locations: Array<{ logicalLocations?: Array<{ name: string }> }>; properties: Record<string, unknown> }> }>;
    };
    const run = sarif.runs[0]!;
    expect(run.artifacts[0]!.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const money = run.results.find((r) => r.ruleId === 'money')!;
    expect(money.locations[0]!.logicalLocations).toEqual([{ name: '¶61', fullyQualifiedName: '¶61', kind: 'paragraph' }]);
    expect(money.properties).toMatchObject({ paragraph: 61, section: 'III. KINH PHÍ THỰC HIỆN', expected: '86373', actual: '79381' });
  });
});
