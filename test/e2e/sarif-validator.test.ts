/**
 * The SARIF report validated by the SARIF SDK's own validator (@microsoft/sarif-multitool `validate`), which must
 * find no error; a broken log shows it does find them. An external .NET program that takes seconds to start, so
 * it runs with the other tests of external programs (`npm run test:e2e`, and in .ci/run), not in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { cli } from '../helpers.js';

const RUN = ['fixtures/planted/poor-end-transposed.csv', 'fixtures/xlsx/annex-formatted.xlsx', 'fixtures/xlsx/planted/stray-text.xlsx', 'fixtures/planted/missing.csv'];
const out = mkdtempSync(join(tmpdir(), 'povcheck-sarif-e2e-'));

const require = createRequire(import.meta.url);
function multitool(): string {
  const pkg = require.resolve('@microsoft/sarif-multitool-linux/package.json');
  const exe = join(dirname(pkg), 'Sarif.Multitool');
  // npm may skip the package's postinstall chmod (install scripts not allowed): make sure it can run.
  if (existsSync(exe) && (statSync(exe).mode & 0o100) === 0) chmodSync(exe, 0o755);
  return exe;
}

/** Runs the SARIF SDK's validator; returns the results it reports (its own output is SARIF). */
function sarifValidate(log: string): Sarif.Result[] {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-sarif-'));
  const input = join(dir, 'in.sarif');
  const output = join(dir, 'out.sarif');
  writeFileSync(input, log);
  const r = spawnSync(multitool(), ['validate', input, '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000,
  });
  expect(r.error, r.stderr).toBeUndefined();
  expect(existsSync(output), r.stdout + r.stderr).toBe(true);
  const validated = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  return validated.runs[0]!.results ?? [];
}

describe('sarif', async () => {
  const file = join(out, 'report.sarif');
  const r = await cli(['validate', ...RUN, '--lang', 'en', '--format', 'sarif', '--output-file', file]);
  expect(r.code).toBe(2); // the missing file
  const text = readFileSync(file, 'utf8');

  it('passes the SARIF SDK validator with no error (only the note that povcheck has no informationUri)', async () => {
    const findings = sarifValidate(text);
    expect(findings.filter((r) => r.level === 'error')).toEqual([]);
    // That one warning also proves the log was analysed: a log the validator cannot load yields nothing at all.
    expect([...new Set(findings.map((r) => r.ruleId))]).toEqual(['SARIF2005']);
  }, 120_000);

  it('the validator does catch a broken log (so the check above can fail)', async () => {
    const broken = JSON.parse(text) as Record<string, unknown> & { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.version = '2.0';
    delete broken.runs[0]!.results[1]!.message;
    const findings = sarifValidate(JSON.stringify(broken));
    expect(findings.filter((r) => r.level === 'error').map((r) => r.ruleId).sort()).toEqual(['JSON1002', 'JSON1019']);
  }, 120_000);

});
