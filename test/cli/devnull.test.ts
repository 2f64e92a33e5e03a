/**
 * A run whose output goes to /dev/null (a script that only wants the exit code) is a character device but no
 * terminal: povcheck never creates process.stdout or process.stderr to ask (commands/shared.ts `maybeTerminal`),
 * so Node's stream and tty modules are not loaded, and the exit code is the same.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-devnull-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync('/dev/null') || process.platform === 'win32')('output to /dev/null', () => {
  const probe = join(dir, 'probe.cjs');
  const list = join(dir, 'modules.txt');
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);

  /** The stream, tty and net modules a run loads, its output and errors sent to /dev/null. */
  const streamModules = (args: string[]): string[] => {
    const devNull = openSync('/dev/null', 'w');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' };
      for (const k of ['CI', 'NO_PROGRESS', 'FORCE_COLOR']) delete env[k];
      const r = spawnSync(process.execPath, ['-r', probe, ...args], { cwd: ROOT, env, stdio: ['ignore', devNull, devNull] });
      expect(r.status).toBe(0);
    } finally {
      closeSync(devNull);
    }
    return readFileSync(list, 'utf8')
      .split('\n')
      .filter((m) => /internal\/streams\/|NativeModule (?:tty|net|stream)$/.test(m));
  };

  for (const args of [['validate', join(ROOT, 'fixtures', 'tuyen-quang-2020.csv')], ['--help']]) {
    it(`loads no stream or tty module beyond Node's own start: ${args[0]}`, () => {
      const node = new Set(streamModules(['-e', '0']));
      expect(streamModules([join(ROOT, 'bin', 'povcheck.js'), ...args]).filter((m) => !node.has(m))).toEqual([]);
    });
  }
});
