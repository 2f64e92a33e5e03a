/**
 * README's promises about installing, as a new user meets them (npm test leaves these out: they run npm;
 * `npm run test:e2e`, and .ci/run after npm test):
 * - its first command, `npx povcheck validate fixtures/tuyen-quang-2020.csv`, in a pseudo-terminal with colours
 *   on, in the clone: exit 0, the verdict, coloured;
 * - "To run povcheck from any folder, link the clone once: `npm link` (or `npm install -g .`)": both, each into a
 *   temporary npm prefix, then `povcheck` from another folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A person's environment: no NO_COLOR (.ci/run exports it), the npm prefix given. */
function personEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', ...extra };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

describe("README's first command", () => {
  const first = /```sh\n(npm install && (npx povcheck [^#\n]*?))\s+#/.exec(README);

  it('is `npm install && npx povcheck validate …`', () => {
    expect(first?.[2]).toBe('npx povcheck validate fixtures/tuyen-quang-2020.csv');
  });

  it('works in a pseudo-terminal with colours on, in the clone (installed: npm test built it)', () => {
    const r = spawnSync('script', ['-qec', first![2]!, '/dev/null'], { cwd: ROOT, env: personEnv(), encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    expect(r.stdout).toContain('fixtures/tuyen-quang-2020.csv: không có lỗi');
    expect(r.stdout).not.toMatch(/internal error|Cannot find module/);
  }, 180_000);
});

describe('povcheck from any folder, as README says', () => {
  it('README names both ways', () => {
    expect(README).toContain('`npm link`');
    expect(README).toContain('`npm install -g .`');
  });

  it.each([['npm link'], ['npm install -g .']])('`%s` in the clone puts povcheck on PATH', (command) => {
    const prefix = mkdtempSync(join(tmpdir(), 'povcheck-prefix-'));
    const env = personEnv({ npm_config_prefix: prefix, npm_config_audit: 'false', npm_config_fund: 'false' });
    const install = spawnSync('bash', ['-c', command], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
    expect(install.status, install.stderr).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'povcheck-elsewhere-'));
    const r = spawnSync('povcheck', ['validate', join(FIXTURES, 'tuyen-quang-2020.csv'), '--no-table'], {
      cwd: elsewhere,
      env: { ...env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('tuyen-quang-2020.csv: không có lỗi');
  }, 180_000);
});
