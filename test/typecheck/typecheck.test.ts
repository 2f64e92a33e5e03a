/**
 * The type check of the tests (`npm run typecheck`): tests/, bench/ and the browser tests against the
 * declarations the build wrote for src/ (project references; src/ itself is type-checked by every build).
 * Its own suite (`POVCHECK_SUITE=typecheck`), which `.ci/run` runs after `npm test` and counts with the rest:
 * it is a check of the test code, not a test of povcheck, and a cold check is a tenth of the suite's CPU time.
 *
 * `tsc -b` (build mode), as `npm run typecheck`: one process for both projects (the libraries' declarations read
 * once), and a project whose build information (dist/.typecheck.tsbuildinfo, dist/.browser.tsbuildinfo) is
 * newer than all its inputs is not checked again — a run with no test file changed costs a fraction of a
 * second, a changed file costs its own check; a project left with errors is always checked and reported
 * again. Build mode would also rebuild src/ (the referenced project) were it stale, but `npm test` has built
 * it first (scripts/build-if-stale.mjs), so the check writes only its build information.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** A hang guard, not a duration: a cold check takes seconds on an idle machine, many times that on a busy one. */
const WATCHDOG_MS = 300_000;

function tsc(projects: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSC, '-b', ...projects, '--pretty', 'false'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

describe('the type check', () => {
  it('tsconfig.json and test/browser/tsconfig.json: no error', async () => {
    const r = await tsc(['tsconfig.json', 'test/browser/tsconfig.json']);
    expect(r.output.trim()).toBe('');
    expect(r.code).toBe(0);
  }, WATCHDOG_MS);
});
