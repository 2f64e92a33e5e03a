/**
 * Terminal and CI-log injection (issue 13, item 8): names in the input and file names reach the text report,
 * stderr and the GitHub annotations only through messages/visible.ts. No escape sequence, control character,
 * line break, bidi override or workflow command from the input gets through.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/messages/visible.js';
import { main } from '../../src/cli.js';
import { cli, fixtures, runCli } from '../helpers.js';

const ESC = '\u001b';
const HOSTILE_UNITS = [
  'Toàn tỉnh',
  `Xã ${ESC}]0;pwned${ESC}\\${ESC}[2J${ESC}[31mĐỏ`,
  '::warning file=x::forged',
  '##[error]forged',
  'Xã A\n✔ forged.csv: no errors',
  'Xã \u202eB\u202c',
  'Xã \u009b31mC',
  '##vso[task.setvariable variable=x]1',
];

/** What must never appear in output meant for a terminal or a CI log. */
function expectInert(out: string, { colours = false } = {}): void {
  const withoutOwnColours = colours ? out.replace(/\u001b\[\d+(?:;\d+)*m/g, '') : out;
  expect(withoutOwnColours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  for (const line of out.split('\n')) {
    expect(line.trimStart().startsWith('::') && !/^::(error|warning|notice) /.test(line), line).toBe(false);
    expect(line).not.toMatch(/##(vso)?\[/i);
    expect(line).not.toMatch(/^✔ forged/);
  }
}

describe('visible', () => {
  it.each([
    [`a${ESC}[31mb`, 'a␛[31mb'],
    ['a\nb\r\tc', 'a␊b␍␉c'],
    ['\u007f\u009b', '␡\\u009b'],
    ['x\u202ey\u2066', 'x\\u202ey\\u2066'],
    ['::error::x', '\ua789:error::x'],
    ['  ::x', '  \ua789:x'],
    ['a ##[error] ##vso[x]', 'a #\uff03[error] #\uff03vso[x]'],
    ['Sơn Dương', 'Sơn Dương'],
    ['a::b', 'a::b'],
  ])('%j → %j', (raw, shown) => {
    expect(visible(raw)).toBe(shown);
    expect(visible(visible(raw))).toBe(shown);
  });
});

describe('hostile unit names and file names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-inject-'));
  const table = join(dir, 'hostile.csv');
  // The names in the long layout (one row per unit), with an error planted so that findings name units.
  const records = fixtures.longRecords(fixtures.SEED, { units: HOSTILE_UNITS });
  records[2]![3] = String(Number(records[2]![3]) + 1);
  writeFileSync(table, fixtures.serialize(records, { delimiter: ';' }));
  const badName = join(dir, `x\n✔ forged.csv: no errors ${ESC}[32m::error::y.csv`);
  writeFileSync(badName, '');

  it('the text report', async () => {
    const plain = await cli(['validate', table, '--lang', 'en']);
    expect(plain.code).toBe(1);
    expectInert(plain.stdout);
    expect(plain.stdout).toContain('Xã ␛]0;pwned␛\\␛[2J␛[31mĐỏ');
  });

  it('the text report with colours on', async () => {
    // In-process (src/cli.ts main with its own Io): the bundle's colours are issue 11's; what matters here is
    // that povcheck's own colour codes are the only escape sequences.
    let out = '';
    const code = await main(['node', 'povcheck', 'validate', table, '--lang', 'en'], { out: (s) => (out += s), err: (s) => (out += s), isTTY: true, columns: 200, env: { FORCE_COLOR: '1' }, cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/\u001b\[31m/); // povcheck's own colours are still there
    expectInert(out, { colours: true });
  });

  it('the one line for an unreadable file stays one line, whatever its name', async () => {
    for (const format of ['text', 'json']) {
      const r = await cli(['validate', badName, '--lang', 'en', '--format', format]);
      expect(r.code).toBe(2);
      const lines = (format === 'text' ? r.stdout : r.stderr).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('forged.csv');
      expectInert(r.stdout + r.stderr);
    }
    const t = await cli(['table', badName]);
    expect(t.code).toBe(2);
    expect(t.stderr.trim().split('\n')).toHaveLength(1);
    expect(t.stderr).toContain('forged.csv');
    expectInert(t.stderr);
  });

  it('--format github: only povcheck\'s own commands, no ESC', async () => {
    const r = await cli(['validate', table, badName, '--lang', 'en', '--format', 'github']);
    expectInert(r.stdout);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::')).length).toBeGreaterThan(1);
  });

  it('table and plan draw the names visibly', async () => {
    const r = await cli(['table', table, '--lang', 'en', '--total', 'first']);
    expect(r.stdout).toContain('[error]forged');
    expectInert(r.stdout + r.stderr);
    const p = await cli(['plan', table, '--lang', 'en', '--total', 'first', '--target', `${HOSTILE_UNITS[2]}=1`]);
    expect(p.stdout).toContain('[error]forged');
    expectInert(p.stdout + p.stderr);
  });

  // The built binary: commander's errors are its own output, outside the reporters.
  it('commander\'s own errors quote arguments visibly', () => {
    const r = runCli(['validate', `--${ESC}[31mx`]);
    expect(r.code).toBe(2);
    expectInert(r.stderr);
  });
});
