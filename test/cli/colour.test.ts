/**
 * The path a person at a terminal takes: the BUILT CLI with colours on, for every command, both with
 * FORCE_COLOR=1 and in a pseudo-terminal (util-linux `script`), with NO_COLOR removed from the environment
 * (.ci/run exports it). And `--no-color` is accepted by every command and wins over FORCE_COLOR: that one is
 * the commands' own option parsing and colour choice (commands/shared.ts makeStyle, from the run's environment
 * and options), checked in this process (`cli`, with FORCE_COLOR=1 and NO_COLOR unset in its environment).
 * The binary's commands run in one shell each way, so the suite pays for few processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, words } from '../helpers.js';

const out = mkdtempSync(join(tmpdir(), 'povcheck-colour-'));

/** Every command, as a person types it, and the exit code it must give. */
const COMMANDS: Array<[string, string, number]> = [
  ['validate', 'validate fixtures/tuyen-quang-2020.csv', 0],
  ['validate (errors)', 'validate fixtures/planted/two-errors.csv', 1],
  ['fix', `fix fixtures/planted/poor-end-transposed.csv -o ${join(out, 'fixed.csv')}`, 0],
  ['fix (refused)', `fix fixtures/planted/households-ambiguous.csv -o ${join(out, 'not-written.csv')}`, 1],
  ['table', 'table fixtures/calc/seed-base-counts.csv', 0],
  ['plan', 'plan fixtures/calc/seed-plan-input.csv --target "Na Hang=4" --target "Lâm Bình=4"', 0],
  ['rate', 'rate 20626 211780', 0],
  ['rules', 'rules', 0],
  ['explain', 'explain denominator', 0],
  ['--help', '--help', 0],
  ['validate --help', 'validate --help', 0],
];

/** The environment of a person's terminal: no NO_COLOR (.ci/run sets it), Vietnamese messages. */
function terminalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', COLUMNS: '200', ...extra };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.CI; // a CI variable turns progress bars off, nothing else; a terminal has none
  return { ...env, ...extra };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** One shell running every command, each output framed by markers carrying its exit code. */
function script(commands: Array<[string, string, number]>): string {
  return commands
    .map(([name, cmd], i) => `echo "<<<${i}"; ${quote(process.execPath)} ${quote(BIN)} ${cmd} 2>&1; echo ">>>${i} $? ${name}"`)
    .join('\n');
}

function parse(output: string): Array<{ text: string; code: number }> {
  return COMMANDS.map((_, i) => {
    const m = new RegExp(`<<<${i}\\r?\\n([\\s\\S]*?)>>>${i} (\\d+)`).exec(output);
    expect(m, `command ${i} did not run: ${output.slice(0, 2000)}`).not.toBeNull();
    return { text: m![1]!, code: Number(m![2]) };
  });
}

const ESC = '\u001b[';

function checkAll(results: Array<{ text: string; code: number }>, coloured: (name: string) => boolean) {
  results.forEach((r, i) => {
    const [name, , code] = COMMANDS[i]!;
    expect(r.text, name).not.toMatch(/internal error|Cannot find module|unknown option/);
    expect(r.code, `${name}: ${r.text.slice(0, 500)}`).toBe(code);
    if (coloured(name)) expect(r.text.includes(ESC), `${name} is coloured`).toBe(true);
  });
}

/** Commands whose output has colours when they are on (the reports, fix's likely causes); the others print plain text. */
const COLOURS = new Set(['validate', 'validate (errors)', 'fix (refused)']);

describe('colours on, as in a terminal', () => {
  it('every command works with FORCE_COLOR=1 (and NO_COLOR unset); validate and fix are coloured', () => {
    const r = spawnSync('bash', ['-c', script(COMMANDS)], { cwd: ROOT, env: terminalEnv({ FORCE_COLOR: '1' }), encoding: 'utf8' });
    checkAll(parse(r.stdout), (n) => COLOURS.has(n));
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript && !process.env.CI)('every command works in a pseudo-terminal (script -qec … /dev/null)', () => {
    const r = spawnSync('script', ['-qec', `bash -c ${quote(script(COMMANDS))}`, '/dev/null'], { cwd: ROOT, env: terminalEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    checkAll(parse(r.stdout), (n) => COLOURS.has(n));
  });

  it('--no-color is accepted by every command and wins over FORCE_COLOR', async () => {
    const results: Array<{ text: string; code: number }> = [];
    for (const [, cmd] of COMMANDS) {
      const r = await cli([...words(cmd), '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: '', LANG: 'vi_VN.UTF-8', COLUMNS: '200' } });
      results.push({ text: r.stdout + r.stderr, code: r.code });
    }
    checkAll(results, () => false);
    for (const [i, res] of results.entries()) expect(res.text.includes(ESC), COMMANDS[i]![0]).toBe(false);
  });
});
