/**
 * The command line in the user's language: `--help` and option errors in Vietnamese with `--lang vi` or a
 * Vietnamese LC_ALL / LC_MESSAGES / LANG (the rule validate follows), English otherwise; every option of every
 * command has its Vietnamese text; every command's help ends with an example, and the examples run.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { cliLang, langAfterCommand, translateError } from '../../src/commands/cli-language.js';
import { catalog } from '../../src/messages/index.js';
import { ROOT, cli } from '../helpers.js';

const VI = { LANG: 'vi_VN.UTF-8' };
/** Help text with its line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const COMMANDS = ['validate', 'fix', 'table', 'plan', 'rate', 'rules', 'explain'];

describe('the language of the command line', () => {
  it('is --lang, else LC_ALL, LC_MESSAGES, LANG in that order', async () => {
    const argv = (...a: string[]) => ['node', 'povcheck', ...a];
    expect(cliLang(argv('--help', '--lang', 'vi'), {})).toBe('vi');
    expect(cliLang(argv('table', '--lang=en'), { LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(cliLang(argv('table'), { LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(cliLang(argv('table'), { LC_ALL: 'C', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(cliLang(argv('table'), { LC_MESSAGES: 'vi_VN', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(cliLang(argv('table', '--', '--lang', 'vi'), { LANG: 'C' })).toBe('en');
    expect(cliLang(argv('table', '--lang', 'fr'), { LANG: 'vi_VN' })).toBe('vi');
  });

  it('given before the command, is the command\'s (helper-90: `povcheck --lang en validate …` was "unknown option")', async () => {
    const argv = (...a: string[]) => ['node', 'povcheck', ...a];
    expect(langAfterCommand(argv('--lang', 'en', 'validate', 'a.csv'))).toEqual(argv('validate', '--lang', 'en', 'a.csv'));
    expect(langAfterCommand(argv('--lang=vi', 'table', 'a.csv', '-o', 'x'))).toEqual(argv('table', '--lang=vi', 'a.csv', '-o', 'x'));
    expect(langAfterCommand(argv('--lang', 'vi', '--help'))).toEqual(argv('--lang', 'vi', '--help'));
    expect(langAfterCommand(argv('validate', '--lang', 'en'))).toEqual(argv('validate', '--lang', 'en'));
    const r = await cli(['--lang', 'en', 'validate', 'fixtures/tuyen-quang-2020.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no errors');
  });
});

describe('--help', () => {
  it('povcheck --help --lang vi is in Vietnamese, with an example', async () => {
    const r = await cli(['--help', '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: povcheck \[tùy chọn\] \[lệnh\]/);
    for (const t of ['Tùy chọn:', 'Lệnh:', 'hiển thị trợ giúp của lệnh', 'in số phiên bản', 'Ví dụ:', 'table [tùy chọn] <file>']) expect(r.stdout).toContain(t);
    expect(flat(r.stdout)).toContain(catalog('vi').cli.commands!.table!.description);
    expect(r.stdout).not.toMatch(/Usage:|Options:|display help/);
  });

  it('LANG=vi_VN.UTF-8 povcheck table --help is in Vietnamese: every option, choices and defaults, an example', async () => {
    const r = await cli(['table', '--help'], { env: VI });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: povcheck table \[tùy chọn\] <file>/);
    expect(r.stdout).toContain('Đối số:');
    expect(flat(r.stdout)).toContain('(mặc định: định dạng mà đuôi tệp -o chỉ ra, -o phu-luc.xlsx, nếu không thì text;');
    expect(flat(r.stdout)).toContain('(các giá trị: "text", "markdown", "csv", "xlsx", "docx", "json", "html")');
    expect(flat(r.stdout)).toContain('(các giá trị: "auto", "first", "none", mặc định: "auto")');
    expect(r.stdout).toContain('--no-transpose');
    expect(r.stdout).toContain('Ví dụ:\n  povcheck table fixtures/calc/seed-base-counts.csv --format docx -o phu-luc.docx');
    expect(r.stdout).not.toMatch(/Usage:|Options:|choices:|default:/);
  });

  it.each([{ LANG: 'C' }, { LANG: 'en_US.UTF-8' }, { LC_ALL: 'C', LANG: 'vi_VN.UTF-8' }] as Array<Record<string, string>>)('stays English with %o', async (env) => {
    const r = await cli(['table', '--help'], { env });
    expect(r.stdout).toMatch(/^Usage: povcheck table \[options\] <file>/);
    expect(flat(r.stdout)).toContain('(default: the one -o\'s extension names, -o annex.xlsx, else text;');
    expect(flat(r.stdout)).toContain('(choices: "text", "markdown", "csv", "xlsx", "docx", "json", "html")');
    expect(r.stdout).toContain('Example:\n  povcheck table');
    expect(r.stdout).not.toContain('Cách dùng');
  });

  it('--lang en wins over a Vietnamese LANG', async () => {
    expect((await cli(['rate', '--help', '--lang', 'en'], { env: VI })).stdout).toMatch(/^Usage: povcheck rate/);
  });

  it.each(COMMANDS)('%s --help ends with one example, in both languages', async (cmd) => {
    for (const [lang, title] of [['vi', 'Ví dụ:'], ['en', 'Example:']] as const) {
      const r = await cli([cmd, '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      const example = catalog(lang).cli.examples[cmd]!;
      expect(r.stdout.trimEnd().endsWith(`${title}\n  ${example.line}\n      ${example.says}`) || r.stdout.includes(`${title}\n  ${example.line}\n      ${example.says}\n`)).toBe(true);
    }
  });
});

describe('option errors', () => {
  it.each([
    [['table', 'x.csv', '--formt', 'docx'], "lỗi: không có tùy chọn '--formt'\n(Có phải ý bạn là --format?)\n(xem cách dùng: povcheck table --help)\n"],
    [['table'], "lỗi: thiếu đối số bắt buộc 'file'\n(xem cách dùng: povcheck table --help)\n"],
    [['table', 'x.csv', '--format', 'pdf'], "lỗi: giá trị 'pdf' của tùy chọn '-f, --format <format>' không hợp lệ. Các giá trị được phép: text, markdown, csv, xlsx, docx, json, html.\n(xem cách dùng: povcheck table --help)\n"],
    [['table', 'x.csv', '--title'], "lỗi: tùy chọn '--title <text>' cần một giá trị\n(xem cách dùng: povcheck table --help)\n"],
    [['table', 'x.csv', '--date', '31/02/2020'], "lỗi: giá trị '31/02/2020' của tùy chọn '--date <date>' không hợp lệ. Ghi ngày dạng 2020-12-31 hoặc 31/12/2020.\n(xem cách dùng: povcheck table --help)\n"],
    [['rate', '1', '2', '3'], "lỗi: thừa đối số cho lệnh 'rate': cần 2, nhận được 3.\n(xem cách dùng: povcheck rate --help)\n"],
    [['tabel'], "lỗi: không có lệnh 'tabel'\n(Có phải ý bạn là table?)\n(xem cách dùng: povcheck --help)\n"],
    [['validate', 'x.csv', '--format', 'pdf'], "lỗi: giá trị 'pdf' của tùy chọn '-f, --format <format>' không hợp lệ. Các giá trị được phép: text, json, html, github, sarif, junit, markdown, gitlab.\n(xem cách dùng: povcheck validate --help)\n"],
  ])('%j in Vietnamese, exit 2', async (args, message) => {
    const r = await cli(args, { env: VI });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
    // The same with --lang vi and an English environment.
    expect((await cli([args[0]!, '--lang', 'vi', ...args.slice(1)])).stderr).toBe(message);
  });

  it('stay in commander\'s English otherwise', async () => {
    const r = await cli(['table', 'x.csv', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are text, markdown, csv, xlsx, docx, json, html.\n(povcheck table --help for usage)\n");
  });

  it('words every commander error the catalogue knows, and passes an unknown one through', async () => {
    const vi = catalog('vi').cli;
    expect(translateError("error: required option '-o, --output <fixed>' not specified\n", vi)).toBe("lỗi: thiếu tùy chọn bắt buộc '-o, --output <fixed>'\n");
    expect(translateError("error: option '--a' cannot be used with environment variable 'B'\n", vi)).toBe("lỗi: không dùng được tùy chọn '--a' cùng với biến môi trường 'B'\n");
    expect(translateError("error: command-argument value 'x' is invalid for argument 'rule'. Allowed choices are a, b.\n", vi)).toBe("lỗi: giá trị 'x' của đối số 'rule' không hợp lệ. Các giá trị được phép: a, b.\n");
    expect(translateError('something new\n', vi)).toBe('something new\n');
    // English words them as commander does.
    for (const m of ["error: unknown option '--x'\n(Did you mean one of --a, --b?)\n", "error: too many arguments. Expected 1 argument but got 2.\n", "error: option '--t <x>' argument missing\n"]) {
      expect(translateError(m, catalog('en').cli)).toBe(m);
    }
  });
});

describe('the catalogue covers the command line', () => {
  it('every command, argument and option has its Vietnamese text', async () => {
    const program = buildProgram({ io: { out() {}, err() {}, isTTY: false, columns: 80, env: {} }, setExit() {}, lang: 'vi' });
    const help = catalog('vi').cli.commands!;
    expect(help.povcheck?.description).toBeTruthy();
    const missing: string[] = [];
    for (const cmd of program.commands) {
      const h = help[cmd.name()];
      if (!h) {
        missing.push(cmd.name());
        continue;
      }
      for (const a of cmd.registeredArguments) if (!h.arguments?.[a.name()]) missing.push(`${cmd.name()} <${a.name()}>`);
      for (const o of cmd.options) if (!o.hidden && !h.options?.[o.long!]) missing.push(`${cmd.name()} ${o.long}`);
    }
    expect(missing).toEqual([]);
  });

  it('every command has an example in both languages, and the examples run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'povcheck-examples-'));
    for (const lang of ['vi', 'en'] as const) {
      for (const cmd of ['povcheck', ...COMMANDS]) {
        const ex = catalog(lang).cli.examples[cmd];
        expect(ex, `${lang} ${cmd}`).toBeDefined();
        const args = [...ex!.line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1).map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a));
        const r = await cli(args, { cwd: work });
        expect(r.code, `${ex!.line}: ${r.stderr}`).toBeLessThan(2);
      }
    }
  }, 120_000);
});

describe('the lines about an output file, in the output\'s language', () => {
  // The test environment's LANG is C (English): a Vietnamese table's report is Vietnamese, and so are its lines.
  const seedCopy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-out-lang-'));
    copyFileSync(join(ROOT, 'fixtures', 'tuyen-quang-2020.csv'), join(dir, 'seed.csv'));
    return dir;
  };

  it.each([
    [['validate', 'seed.csv', '-o', 'seed.csv'], 'povcheck: seed.csv: không ghi đè lên tệp đầu vào'],
    [['validate', 'seed.csv', '-o', 'seed.csv', '--lang', 'en'], 'povcheck: seed.csv: refusing to write over the input file'],
    [['table', 'seed.csv', '-o', 'seed.csv'], 'povcheck: seed.csv: không ghi đè lên tệp đầu vào'],
    [['plan', 'seed.csv', '--target', 'Na Hang=4', '-o', 'seed.csv'], 'povcheck: seed.csv: không ghi đè lên tệp đầu vào'],
  ])('%j: a refusal to write over the input (it followed LANG while the report followed the table)', async (args, line) => {
    const dir = seedCopy();
    const before = readFileSync(join(dir, 'seed.csv'));
    const r = await cli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(line)).toBe(true);
    expect(readFileSync(join(dir, 'seed.csv')).equals(before)).toBe(true);
  });

  it('"report written", in the report\'s language', async () => {
    const dir = seedCopy();
    expect((await cli(['validate', 'seed.csv', '--format', 'json', '-o', 'r.json'], { cwd: dir })).stderr).toBe('povcheck: đã ghi báo cáo vào r.json\n');
    expect((await cli(['validate', 'seed.csv', '--format', 'json', '-o', 'r.json', '--lang', 'en'], { cwd: dir })).stderr).toBe('povcheck: report written to r.json\n');
  });
});

describe('a file that cannot be read is refused in its text\'s language, as its report would be', () => {
  // The test environment's LANG is C (English); before, these lines followed LANG although the table is Vietnamese.
  const put = (name: string, text: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-refusal-lang-'));
    writeFileSync(join(dir, name), text);
    return dir;
  };
  const seed = () => readFileSync(join(ROOT, 'fixtures', 'tuyen-quang-2020.csv'), 'utf8').split('\n');

  it.each([
    ['a stray quote in the head', () => [...seed().slice(0, 5), ';"- Giảm trong năm;%;2,06', ...seed().slice(5)].join('\n'), 'không đọc được (một ô trong ngoặc kép mở ở dòng 6'],
    ['a stray quote far down a long table', () => longTable(30_000, 20_000), 'không đọc được (một ô trong ngoặc kép mở ở dòng 20.001'],
    ['numbers whose format cannot be told', () => 'STT;Chỉ tiêu;Toàn tỉnh\n1;Tổng số hộ đầu năm;210,299\n2;Số hộ nghèo đầu năm;24.814\n', 'không đọc được'],
  ])('%s', async (_name, text, start) => {
    const dir = put('t.csv', text());
    const r = await cli(['validate', 't.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`t.csv: ${start}`);
    // --lang still decides.
    expect((await cli(['validate', 't.csv', '--lang', 'en'], { cwd: dir })).stdout).toContain('t.csv: cannot be read');
  });

  it('English text is still refused in English', async () => {
    const dir = put('t.csv', 'Unit;Poor households\n"Commune A;12\n');
    expect((await cli(['validate', 't.csv'], { cwd: dir })).stdout).toContain('t.csv: cannot be read (a quoted field');
  });

  it.each([['tcvn3.csv'], ['vni.csv'], ['cp1252-letters-lost.csv'], ['windows-1258-letters-lost.csv'], ['utf8-opened-as-cp1252.csv']])('legacy/%s: Vietnamese in a legacy encoding or garbled, refused in Vietnamese', async (name) => {
    const r = await cli(['validate', join(ROOT, 'fixtures', 'legacy', name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(': không đọc được (');
  });
});

/** A long commune table of `units` rows (read record by record past its head), a stray quote on its `quoteAt`-th unit. */
function longTable(units: number, quoteAt: number): string {
  const lines = ['STT;Tên đơn vị;Tổng số hộ cuối năm;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%)'];
  for (let i = 1; i <= units; i++) lines.push(`${i};${i === quoteAt ? '"' : ''}Xã Số ${i};1.000;100;10,00`);
  return lines.join('\n') + '\n';
}
