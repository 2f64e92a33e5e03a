/** `povcheck rules`, `povcheck explain`, and validate's --sheet, --rule and configuration file. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { ruleDocs } from '../../src/messages/rule-docs.js';

describe('povcheck rules', () => {
  it('lists every rule id with its default severity and one line, in English', async () => {
    const r = await cli(['rules', '--lang', 'en']);
    expect(r.code).toBe(0);
    for (const { id, severity } of RULE_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+${severity}\\s+\\S`, 'm'));
    expect(r.stdout).toContain('povcheck explain <rule>');
  });

  it('and in Vietnamese', async () => {
    const r = await cli(['rules', '--lang', 'vi']);
    expect(r.stdout).toMatch(/^denominator\s+cảnh báo\s+khi số hộ cuối năm khác đầu năm/m);
    expect(r.stdout).toMatch(/^sum\s+lỗi\s+cộng các đơn vị phải bằng đơn vị tổng/m);
  });

  it('as JSON, with the levels a configuration gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-rules-'));
    writeFileSync(join(dir, 'povcheck.config.json'), '{"rules": {"denominator": "off"}}');
    const r = await cli(['rules', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { rules: Array<{ id: string; severity: string; configured?: string }> };
    expect(out.rules.map((x) => x.id)).toEqual(RULE_IDS.map((x) => x.id));
    expect(out.rules.find((x) => x.id === 'denominator')).toMatchObject({ severity: 'warning', configured: 'off' });
    expect((await cli(['rules', '--lang', 'en'], { cwd: dir })).stdout).toMatch(/^denominator\s+warning → off \(set in .*povcheck\.config\.json\)/m);
  });

  it('every rule has documentation in both languages, Vietnamese with its diacritics', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const docs = ruleDocs(lang);
      for (const { id } of [...RULE_IDS, { id: 'unreadable' as const }, { id: 'unchecked' as const }]) {
        const d = docs[id];
        for (const k of ['summary', 'checks', 'why', 'example'] as const) expect(d[k].length, `${lang} ${id} ${k}`).toBeGreaterThan(10);
      }
    }
    for (const { id } of RULE_IDS) expect(ruleDocs('vi')[id].checks).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });

  it('a rule\'s summary does not repeat its level, which `rules` prints beside it (precision read "warning … (warning)")', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const { id } of RULE_IDS) expect(ruleDocs(lang)[id].summary, `${lang} ${id}`).not.toMatch(/\((?:warning|error|info|cảnh báo|lỗi|thông tin)\)$/);
    }
  });
});

describe('povcheck explain', () => {
  it('says what a rule checks, why, and shows an example', async () => {
    const r = await cli(['explain', 'flow', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flow: poor households at the end = at the start − reduced/);
    expect(r.stdout).toContain('What it checks');
    expect(r.stdout).toContain('Why');
    expect(r.stdout).toMatch(/Example\n  fixtures\/planted\/poor-end-transposed\.csv: .* → error at I6/);
  });

  it('in Vietnamese', async () => {
    const r = await cli(['explain', 'rate-change', '--lang', 'vi']);
    expect(r.stdout).toContain('Kiểm tra gì');
    expect(r.stdout).toContain('Vì sao');
    expect(r.stdout).toContain('15,08 − 12,43 = 2,65');
  });

  it('denominator names its warnings on flow rates too (an exit rate over the poor is one), in both languages', async () => {
    const en = await cli(['explain', 'denominator', '--lang', 'en']);
    expect(en.stdout).toContain('an exit rate over the poor, not over all households');
    const vi = await cli(['explain', 'denominator', '--lang', 'vi']);
    expect(vi.stdout).toContain('tỷ lệ hộ thoát nghèo tính trên số hộ nghèo, không phải trên tổng số hộ');
  });

  it('an unknown id: exit 2, one line naming the rules and the other ids reports name', async () => {
    const r = await cli(['explain', 'sums', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`povcheck: no rule or report id "sums"; the rules: ${RULE_IDS.map((x) => x.id).join(', ')}; the other ids reports name: unreadable, unchecked, coverage, passed-over\n`);
    const vi = await cli(['explain', 'sums', '--lang', 'vi']);
    expect(vi.stderr).toMatch(/^povcheck: không có quy tắc hay mã báo cáo "sums"; các quy tắc: sum, flow, .*; các mã khác có trong báo cáo: unreadable, unchecked, coverage, passed-over\n$/);
  });

  it('answers for every id a report names, not only the rules (unchecked, coverage, passed-over, unreadable were unknown to it): what it means, where, what it does to the run', async () => {
    // A folder with one file of each kind: partly checked (coverage), unchecked, unreadable, and a .txt note (passed over).
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-explain-'));
    writeFileSync(join(dir, 'a.csv'), readFileSync(join(ROOT, 'fixtures/planted/stray-text.csv')));
    writeFileSync(join(dir, 'xa.csv'), 'Đơn vị;Tổng số hộ;Số hộ thoát nghèo\nXã A;100;5\nXã B;200;7\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'ghi-chu.txt'), 'ghi chú\n');
    const gitlab = JSON.parse((await cli(['validate', dir, '--format', 'gitlab'])).stdout) as Array<{ check_name: string }>;
    const report = JSON.parse((await cli(['validate', dir, '--format', 'json'])).stdout) as { files: Array<{ status: string; findings: Array<{ rule: string }> }>; passedOver?: string[] };
    const ids = new Set([...gitlab.map((i) => i.check_name), ...report.files.flatMap((f) => [f.status, ...f.findings.map((x) => x.rule)]).filter((s) => s !== 'ok' && s !== 'invalid'), 'coverage', ...(report.passedOver ? ['passedOver'] : [])]);
    expect([...ids]).toEqual(expect.arrayContaining(['unreadable', 'unchecked', 'coverage', 'passed-over', 'passedOver', 'number']));
    for (const id of ids) {
      const r = await cli(['explain', id, '--lang', 'en']);
      expect(r.code, id).toBe(0);
      expect(r.stderr, id).toBe('');
    }
    const r = await cli(['explain', 'coverage', '--lang', 'en']);
    expect(r.stdout).toMatch(/^coverage: what the checks of a file covered/);
    expect(r.stdout).toContain('What it means\n');
    expect(r.stdout).toContain('Where reports name it\n');
    expect(r.stdout).toContain('What it does to the run\n  information: it never fails a run by itself');
    expect(r.stdout).toContain('Not a rule: nothing to turn off or re-level');
    expect(r.stdout).not.toContain('--rule coverage');
    expect((await cli(['explain', 'passedOver', '--lang', 'en'])).stdout).toMatch(/^passed-over: /);
    const vi = await cli(['explain', 'unchecked', '--lang', 'vi']);
    expect(vi.stdout).toMatch(/^unchecked: đọc được tệp nhưng không phép kiểm tra nào chạy được\n/);
    expect(vi.stdout).toContain('Ảnh hưởng tới kết quả\n  lỗi: lần chạy kết thúc với mã 2');
    // Every report id has its texts in both languages.
    for (const lang of ['vi', 'en'] as const) {
      for (const id of ['unreadable', 'unchecked', 'coverage', 'passed-over'] as const) {
        const d = ruleDocs(lang)[id];
        expect(Object.values(d).every((t) => typeof t === 'string' && t.length > 10), `${lang} ${id}`).toBe(true);
      }
    }
  });

  it('rules says explain answers for the report ids too', async () => {
    expect((await cli(['rules', '--lang', 'en'])).stdout).toContain('it explains the other ids reports name too: unreadable, unchecked, coverage, passed-over.');
  });
});

describe('validate --sheet', () => {
  it('reads the named or numbered sheet; its findings carry the sheet', async () => {
    for (const sheet of ['Bản nháp', '2']) {
      const r = await cli(['validate', 'fixtures/xlsx/annex-formatted.xlsx', '--sheet', sheet, '--format', 'json']);
      expect(r.code).toBe(1);
      const file = JSON.parse(r.stdout).files[0];
      expect(file.source).toEqual({ kind: 'workbook', format: 'xlsx', sheet: 'Bản nháp', others: ['Phụ lục'] });
      expect(file.findings.find((f: { rule: string }) => f.rule === 'flow')).toMatchObject({ cell: 'F7', sheet: 'Bản nháp', unit: 'Chiêm Hóa' });
    }
  });

  it('a sheet that is not there: exit 2, listing the sheets', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/annex-formatted.xlsx', '--sheet', '9', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('the workbook has no sheet number 9 (it has 2); its sheets: 1 "Phụ lục", 2 "Bản nháp"');
  });
});

describe('validate with a configuration file', () => {
  const project = () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-cfg-'));
    mkdirSync(join(dir, 'submissions', 'deep'), { recursive: true });
    return dir;
  };
  const SEED = join(ROOT, 'fixtures', 'tuyen-quang-2020.csv');

  it('is found upward from the working directory and applies (failOn, rules, lang)', async () => {
    const dir = project();
    writeFileSync(join(dir, 'povcheck.config.json'), JSON.stringify({ lang: 'en', failOn: 'warning', rules: { 'rate-change': 'off' } }));
    const cwd = join(dir, 'submissions', 'deep');
    const r = await cli(['validate', SEED, '--format', 'json'], { cwd });
    expect(r.code).toBe(1); // the denominator warnings fail under failOn warning
    const f = JSON.parse(r.stdout).files[0];
    expect(f.lang).toBe('en');
    expect(f.findings.some((x: { rule: string }) => x.rule === 'rate-change')).toBe(false);
    // Flags win over the file; --no-config ignores it.
    expect((await cli(['validate', SEED, '--format', 'json', '--fail-on', 'error'], { cwd })).code).toBe(0);
    expect(JSON.parse((await cli(['validate', SEED, '--format', 'json', '--no-config'], { cwd })).stdout).files[0].lang).toBe('vi');
  });

  it('--rule re-levels from the command line', async () => {
    const r = await cli(['validate', SEED, '--format', 'json', '--rule', 'denominator=error', '--no-config']);
    expect(r.code).toBe(1);
    expect((await cli(['validate', SEED, '--rule', 'denominator=loud'])).stderr).toContain('--rule denominator=loud: write <rule>=<off|error|warning|info>');
  });

  it('an invalid configuration: exit 2 and one clear line naming the file and the key', async () => {
    const dir = project();
    writeFileSync(join(dir, 'povcheck.config.json'), '{"rules": {"denominator": "of"}, "colour": true}');
    const r = await cli(['validate', SEED, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/povcheck\.config\.json: the configuration does not fit its schema/);
    expect(lines[0]).toContain('/rules/denominator must be one of off, error, warning, info');
    expect(lines[0]).toContain('the top level has an unknown key "colour"');
    const vi = await cli(['validate', SEED], { cwd: dir, env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stderr).toContain('/rules/denominator phải là một trong các giá trị off, error, warning, info');
  });
});

describe('an output file named by an option', () => {
  it('an empty name (--output-file=, -o \'\') is refused as no file name, exit 2 (it was "it is a directory", naming no file or the input)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-out-'));
    for (const args of [
      ['validate', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '--format', 'json', '--output-file='],
      ['table', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '-o', ''],
      ['fix', join(ROOT, 'fixtures/planted/two-errors.csv'), '-o', ''],
    ]) {
      const r = await cli([...args, '--lang', 'en'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('No file name: give the file name right after -o.');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o followed by an option is refused, exit 2, and no file of that name is written (it was the report\'s file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-out-'));
    for (const args of [
      ['validate', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '-o', '--format', 'json'],
      ['table', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '-o', '--lang', 'en'],
      ['fix', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '--output', '-x'],
    ]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('It names an option, not a file');
    }
    expect(readdirSync(dir)).toEqual([]);
    const vi = await cli(['validate', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '-o', '--no-table', '--lang', 'vi'], { cwd: dir, env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.code).toBe(2);
  });

  it('a file whose name starts with - is written as ./-name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-out-'));
    const r = await cli(['validate', join(ROOT, 'fixtures/tuyen-quang-2020.csv'), '-o', './-report.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['-report.txt']);
  });
});

describe('the examples --help prints', () => {
  it('each runs as printed (in a scratch folder for the files it writes): exit 0, or 1 where it checks a planted table', async () => {
    const { catalog } = await import('../../src/messages/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-examples-'));
    for (const [command, { line }] of Object.entries(catalog('en').cli.examples)) {
      // The line's words, quoted ones kept whole; fixture paths from the repository, outputs into the scratch folder.
      const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      const args = words.map((w) => (w.startsWith('fixtures/') ? join(ROOT, w) : w));
      const r = await cli(args, { cwd: dir });
      const planted = line.includes('fixtures/planted/') && !line.includes(' fix ');
      expect(r.code, `${command}: ${line}\n${r.stderr}`).toBe(planted ? 1 : 0);
    }
  });
});
