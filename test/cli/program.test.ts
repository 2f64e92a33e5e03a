/**
 * Start-up: a run that names its command first registers that command only; help, a mistyped command and an
 * option before the command get every command (the help lists them, commander suggests from them).
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';

const ctx = { io: { out() {}, err() {}, isTTY: false, columns: 80, env: {} }, setExit() {}, lang: 'en' as const };
const names = (argv?: string[]) => buildProgram(ctx, argv).commands.map((c) => c.name());

describe('the commands registered', () => {
  it('are the one the command line names', () => {
    expect(names(['node', 'povcheck', 'validate', 'a.csv'])).toEqual(['validate']);
    expect(names(['node', 'povcheck', 'explain', 'sum'])).toEqual(['rules', 'explain']);
  });

  it('are all of them otherwise', () => {
    const all = ['validate', 'fix', 'table', 'plan', 'rate', 'rules', 'explain'];
    expect(names()).toEqual(all);
    for (const argv of [['--help'], ['help', 'validate'], ['valdate'], ['--lang', 'vi', 'validate'], []]) expect(names(['node', 'povcheck', ...argv])).toEqual(all);
  });
});
