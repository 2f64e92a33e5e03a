/**
 * run() over several files shapes the small delimited ones ahead of their checks (run.ts SHAPED_AHEAD_BYTES): the
 * results must be those of each file validated on its own, in the inputs' order, whatever is held ahead — nothing,
 * a few files (the budget reached between them), or all — with unreadable files, a workbook and a plan document
 * (validated whole) among them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, SHAPED_AHEAD_BYTES, type RunHooks } from '../src/run.js';
import { validateFile } from '../src/pipeline.js';
import { jsonReport } from '../src/reporters/json.js';
import type { FileResult } from '../src/model/file-result.js';
import type { ValidateRun } from '../src/model/options.js';
import { PovcheckError } from '../src/errors.js';
import { FIXTURES, REPORT_SAMPLES, reportInput } from './helpers.js';

const INPUTS = [
  join(FIXTURES, 'planted', 'missing-first.csv'),
  join(FIXTURES, 'tuyen-quang-2020.csv'),
  ...REPORT_SAMPLES,
  join(FIXTURES, 'planted', 'poor-end-transposed.csv'),
  join(FIXTURES, 'variants'),
];

const validateRun = (inputs: string[]): ValidateRun => ({ inputs, cwd: FIXTURES, options: {}, failOn: 'error', rules: {}, alsoRead: [] });
const hooks: RunHooks = { internalError: (e) => new PovcheckError('INTERNAL', { detail: String(e) }) };
const text = (files: FileResult[]) => jsonReport(reportInput(files));
/** The files the run checks: its inputs expanded (a folder's files), each once, sorted by path as inputs.ts sorts them. */
const expandedInputs = () =>
  [...new Set([...INPUTS.filter((f) => !f.endsWith('variants')), ...readdirSync(join(FIXTURES, 'variants'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('run over several files', () => {
  it.each([
    ['nothing held ahead', 0],
    ['a few files held at a time', 3_000],
    ['every small file held', SHAPED_AHEAD_BYTES],
  ])('gives each file’s own result, in order: %s', async (_, aheadBytes) => {
    const outcome = await run(validateRun(INPUTS), hooks, { aheadBytes });
    // The inputs as the run lists them (expanded and sorted by path), each validated on its own.
    const files = expandedInputs();
    const alone = await Promise.all(files.map((f) => validateFile(f)));
    expect(outcome.results.map((r) => r.file)).toEqual(files);
    expect(outcome.results.some((r) => r.status === 'unreadable')).toBe(true);
    expect(text(outcome.results)).toBe(text(alone));
  });
});
