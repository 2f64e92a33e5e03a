/**
 * Start-up (docs/performance.md): `validate` on the seed annex loads no Node module that `--help` does not.
 * Each Node module a run loads is compiled at every start; a package's module imported by name (as `node:module`
 * for a require made later, read/lazy-require.ts) made Node load it, and the ES module loader behind it, at load.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const probe = join(dir, 'probe.cjs');
const list = join(dir, 'modules.txt');
writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);

/** The Node modules a run of the built CLI loads, its output to a file as the bench's. */
function nodeModules(args: string[]): string[] {
  const out = openSync(join(dir, 'out.txt'), 'w');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' };
    for (const k of ['CI', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY']) delete env[k];
    const r = spawnSync(process.execPath, ['-r', probe, join(ROOT, 'bin', 'povcheck.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', out, out] });
    expect(r.status).toBe(0);
  } finally {
    closeSync(out);
  }
  return readFileSync(list, 'utf8').split('\n').filter((m) => m.startsWith('NativeModule '));
}

it('validate on the seed annex loads no Node module beyond --help’s', () => {
  const help = new Set(nodeModules(['--help']));
  expect(nodeModules(['validate', join(ROOT, 'fixtures', 'tuyen-quang-2020.csv')]).filter((m) => !help.has(m))).toEqual([]);
});
