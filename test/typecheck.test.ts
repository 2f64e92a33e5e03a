/**
 * The type check of the tests (`npm run typecheck` without building): tests/, bench/ and the browser tests
 * against the declarations the build wrote for src/ (project references; src/ itself is checked by the build).
 * It runs here, as one test file, so that on a 2-core machine it shares the cores with the other test files
 * instead of running before them on one core (vitest.config.ts runs it first). It never writes dist/ but its
 * own build information; when src/ changed, `npm test` has built first (scripts/build-if-stale.mjs).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** A hang guard, not a duration: a cold check takes seconds on an idle machine, many times that on a busy one. */
const WATCHDOG_MS = 300_000;

function tsc(project: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

describe('the type check', () => {
  it.each(['tsconfig.json', 'test/browser/tsconfig.json'])('%s: no error', async (project) => {
    const r = await tsc(project);
    expect(r.output.trim()).toBe('');
    expect(r.code).toBe(0);
  }, WATCHDOG_MS);
});
