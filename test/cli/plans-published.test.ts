/**
 * The published statements of plans and results (fixtures/plans/published/, transcribed verbatim with their
 * sources in fixtures/README.md): povcheck reads every one, checks what it can, and says what it cannot. None
 * has an annex table, so their figures are checked within their sentences only; a text with nothing to check
 * exits 2 and says why.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const run = async (file: string) => {
  const r = await cli(['validate', `fixtures/plans/published/${file}`, '--format', 'json', '--lang', 'en']);
  const f = (JSON.parse(r.stdout) as { files: Array<{ status: string; error?: { message: string }; findings: Array<{ rule: string; severity: string; message: string }> }> }).files[0]!;
  return { code: r.code, f, stderr: r.stderr };
};

describe('fixtures/plans/published', () => {
  it('Đắk Lắk 2020 (in tỷ đồng): 243 = 201 + 36,7 + 4,5 tỷ + 749 triệu đồng holds in the unit stated', async () => {
    const { code, f } = await run('dak-lak-2020-huy-dong-ty-dong.txt');
    expect(code).toBe(0);
    expect(f.findings.map((x) => `${x.severity} ${x.rule}`)).toEqual(['info money']);
  });

  it('references: Bình Thuận\'s Kế hoạch 3341/KH-UBND ngày 06/10/2022 (dated: its date is checked)', async () => {
    const { code, f } = await run('binh-thuan-2022-bao-cao.txt');
    expect(code).toBe(0);
    expect(f.findings.map((x) => `${x.severity} ${x.rule}`)).toEqual(['info reference']);
  });

  it('the openings of three published plans (xã Cát Vân 2019, Lạng Sơn 2024, Quảng Ngãi 2024): every citation read with its date, none in conflict', async () => {
    const expected: Record<string, [number, number]> = {
      // "số:" with a colon, "41/NQ-ĐU, ngày 25/12/2018", "25/2018/NQ- HĐND": 3 of the 7 were read before.
      'cat-van-2019-ke-hoach-14.txt': [7, 7],
      // A preamble of five semicolons, with letterhead lines: "no column structure", exit 2, before.
      'lang-son-2024-ke-hoach-51.txt': [7, 6],
      'quang-ngai-2024-ke-hoach-04.txt': [6, 4],
    };
    for (const [file, [citations, documents]] of Object.entries(expected)) {
      const { code, f } = await run(file);
      expect(code, file).toBe(0);
      expect(f.findings.map((x) => `${x.severity} ${x.rule}`), file).toEqual(['info reference']);
      expect(f.findings[0]!.message, file).toBe(`${citations} citations of ${documents} documents: every date exists, and no document is cited with two dates or two issuers.`);
      const coverage = (f as unknown as { coverage: { ran: string[] } }).coverage;
      expect(coverage.ran, file).toEqual(['reference']);
    }
  });

  it('a citation whose date opens its sentence ("Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số: 57/KH-UBND …") is read with that date and checked (Lạng Sơn 2019, Chợ Mới 2020: "by number alone", exit 2, before)', async () => {
    for (const file of ['lang-son-2019-ke-hoach-57.txt', 'cho-moi-2020-quyet-dinh-3431.txt']) {
      const { code, f } = await run(file);
      expect(code, file).toBe(0);
      expect(f.findings.map((x) => `${x.severity} ${x.rule}`), file).toEqual(['info reference']);
      expect(f.findings[0]!.message, file).toBe('1 citation of 1 document: every date exists, and no document is cited with two dates or two issuers.');
    }
  });

  it('texts with nothing checkable exit 2 and say what they hold', async () => {
    const expected: Record<string, RegExp> = {
      'chu-pah-2023-ke-hoach.txt': /2 statements of poverty figures but no table/,
      'phu-yen-2018-ke-hoach.txt': /1 statement of poverty figures but no table/,
      'phu-yen-2019-ket-qua.txt': /nothing to check/,
      'dak-lak-2020-huy-dong-trieu-dong.txt': /5 amounts of money, none stated as the parts of a total/,
      'thua-thien-hue-2018-ke-hoach-09.txt': /1 total of money stated as bounds \("trên 68 tỷ đồng"\)/,
      // A citation by number alone, once (no date, no second citation with its issuer), compares nothing: it
      // exited 0 with "every date exists" on a citation without a date.
      'lao-cai-2020-ket-qua.txt': /no reference to another document with a date \(1 citation by number alone, nothing to compare\)/,
      // "giảm 52 hộ nghèo" in the headline and the text; "Năm 2022, … giảm 105 hộ nghèo" is another year; "gần 700 triệu đồng".
      'thang-binh-2023-ke-hoach.txt': /no reference to another document; 2 statements of poverty figures but no table to compare them with; 1 amount of money, none stated as the parts of a total$/,
    };
    for (const [file, re] of Object.entries(expected)) {
      const { code, f, stderr } = await run(file);
      expect(code, file).toBe(2);
      expect(f.status).toBe('unreadable');
      expect(f.error!.message, file).toMatch(re);
      expect(stderr.trim().split('\n'), file).toHaveLength(1);
    }
  });

  it('a text without a table names no number format in its "read as" line (it said "numbers in Vietnamese format (210.299; 11,80)" of a text with no table)', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await cli(['validate', 'fixtures/plans/published/binh-thuan-2022-bao-cao.txt', '--lang', lang], { env: { NO_COLOR: '1' } });
      const read = r.stdout.split('\n').find((l) => /^\s+(?:Đọc|Read as):/.test(l));
      expect(read, r.stdout).toMatch(lang === 'vi' ? /bố cục không có bảng tỷ lệ hộ nghèo$/ : /no poverty table layout$/);
    }
  });
});
