/** Shared test helpers: build tables in memory, check them, run the built CLI. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gridFromAnyBytes, gridFromBytes } from '../src/read/index.js';
import { checkGrid, type CheckResult } from '../src/check-grid.js';
import { decodeBytes } from '../src/read/decode.js';
import { PovcheckError } from '../src/errors.js';
import type { CheckOptions } from '../src/model/options.js';
import type { ReportFile, ReportInput } from '../src/reporters/types.js';
// The fixture writers are shared with scripts/fixtures.mjs, which regenerates fixtures/.
// @ts-expect-error plain JavaScript module without types
import * as fx from '../scripts/fixtures.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = join(ROOT, 'bin', 'povcheck.js');

/** A report's input as a run over `files` gives it: Vietnamese unless `lang` says, not strict. */
export const reportInput = (files: ReportFile[], lang?: 'vi' | 'en'): ReportInput => ({ files, fallbackLang: 'vi', strict: false, ...(lang ? { lang } : {}) });

/**
 * A file of each kind the reports write about: the seed, planted errors (two, a malformed group, a cause that is
 * ambiguous), a plan document, a workbook, and a file that does not exist.
 */
export const REPORT_SAMPLES = [
  'tuyen-quang-2020.csv',
  'planted/two-errors.csv',
  'planted/malformed-group.csv',
  'planted/households-ambiguous.csv',
  'plans/ke-hoach-giam-ngheo-2020.docx',
  'xlsx/annex-formatted.xlsx',
  'planted/missing.csv',
].map((f) => join(FIXTURES, f));

export interface FixtureApi {
  UNITS: string[];
  SEED: Record<string, string[]>;
  COUNTS: string[];
  RATES: string[];
  formatNumber(plain: string, locale: 'vi' | 'en' | 'plain'): string;
  cloneData(data?: Record<string, string[]>): Record<string, string[]>;
  wideRecords(data?: Record<string, string[]>, opts?: Record<string, unknown>): string[][];
  longRecords(data?: Record<string, string[]>, opts?: Record<string, unknown>): string[][];
  serialize(records: string[][], opts?: { delimiter?: string; encoding?: string; eol?: string }): Buffer;
  shiftedRow(records: string[][], row: number, from: number, right: boolean): string[][];
  shiftedColumn(records: string[][], unit: number, rows: number[], down: boolean): string[][];
  planted(): Record<string, { bytes: Buffer; cell: string; rule: string; note: string }>;
  plantedCauses(): Record<string, { bytes: Buffer; cell: string; rule: string; note: string }>;
  variants(): Record<string, Buffer>;
  hierarchyUnits(perDistrict?: number): Array<Record<string, string>>;
  hierarchyRecords(units?: Array<Record<string, string>>, opts?: { locale?: string; keys?: boolean }): string[][];
  annexRate(poor: string, households: string): string;
  /** Text as Windows-1258 writes it: â ê ô ă ơ ư precomposed, the tone marks as combining characters. */
  toCp1258Form(text: string): string;
}
export const fixtures = fx as unknown as FixtureApi;

/** The PovcheckError decoding `bytes` refuses them with (a test that expects a refusal fails without one). */
export function decodeRefusal(bytes: Uint8Array): PovcheckError {
  try {
    decodeBytes(bytes);
  } catch (e) {
    if (e instanceof PovcheckError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

export function checkBytes(bytes: Uint8Array, opts: CheckOptions = {}): CheckResult {
  return checkGrid(gridFromBytes(bytes), opts);
}

export function checkRecords(records: string[][], opts: CheckOptions = {}): CheckResult {
  return checkBytes(fixtures.serialize(records), opts);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, ...opts.env },
    timeout: 120_000,
    maxBuffer: 1 << 30,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The environment every CLI test starts from: no colours, English fallback messages, no CI extras. */
const TEST_ENV = { NO_COLOR: '1', FORCE_COLOR: '', LANG: 'C', LC_ALL: '', GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '' };

let queue: Promise<unknown> = Promise.resolve();

/**
 * The CLI run in this process (`main` of src/cli.ts with captured streams): the same command line, working
 * directory and environment as `runCli`, without starting a process. For tests whose point is what a command
 * does, not the built binary (the binary has its own tests: colours, start-up, packaging). Runs one at a time:
 * the working directory and the variables the code reads from `process.env` are switched for the run.
 */
export function cli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  const run = async (): Promise<CliRun> => {
    const { main } = await import('../src/cli.js');
    const env = { ...process.env, ...TEST_ENV, ...opts.env };
    let stdout = '';
    let stderr = '';
    const io = { out: (s: string) => void (stdout += s), err: (s: string) => void (stderr += s), isTTY: false, columns: undefined, env, cwd: opts.cwd ?? ROOT };
    const before = process.cwd();
    const saved = Object.fromEntries(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]));
    Object.assign(process.env, opts.env ?? {});
    process.chdir(opts.cwd ?? ROOT);
    try {
      const code = await main(['node', 'povcheck', ...args], io);
      return { code, stdout, stderr };
    } finally {
      process.chdir(before);
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** A finding reduced to what must match across representations of the same table. */
export function essence(f: { rule: string; severity: string; unit?: string; indicator?: string; expected?: string; actual?: string }) {
  return `${f.severity} ${f.rule} ${f.unit ?? '-'} ${f.indicator ?? '-'} ${f.expected ?? '-'} ${f.actual ?? '-'}`;
}

/**
 * Compares `actual` with the golden file `dir/name`. UPDATE_GOLDEN=1 rewrites it (review the diff before
 * committing); a missing golden file is written on a developer machine and is an error under CI.
 */
export function expectGolden(dir: string, name: string, actual: string): void {
  const path = join(dir, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    if (!process.env.UPDATE_GOLDEN && process.env.CI) throw new Error(`golden file ${name} is missing`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** The fenced blocks (with their language) of a document (`README.md`, `docs/…`) under `heading`, up to the next heading of that level or above. */
export function docBlocks(file: string, heading: string): Array<{ lang: string; text: string }> {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const level = heading.split(' ')[0]!.length;
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(0);
  const out: Array<{ lang: string; text: string }> = [];
  let fence: string[] | undefined;
  let lang = '';
  for (const line of lines.slice(start + 1)) {
    if (fence === undefined && /^#{1,6} /.test(line) && line.indexOf(' ') <= level) break;
    if (line.startsWith('```')) {
      if (fence === undefined) {
        fence = [];
        lang = line.slice(3).trim();
      } else {
        out.push({ lang, text: fence.join('\n') });
        fence = undefined;
      }
      continue;
    }
    fence?.push(line);
  }
  return out;
}

/** A command line's words, as a POSIX shell splits them (quotes kept together; no expansion: povcheck expands quoted patterns itself). */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}

/** Runs one example line: its `&&` chain, each part with its `>` redirection; the first failing part ends it. */
export async function runExampleLine(line: string, cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  for (const part of line.split(' && ')) {
    const argv = words(part);
    if (argv[0] === 'npm') continue; // `npm install`: test:e2e runs it on a clone
    if (argv[0] === 'npx') argv.shift();
    if (argv[0] !== 'povcheck') throw new Error(`not a povcheck command: ${part}`);
    const redirect = argv.indexOf('>');
    const target = redirect >= 0 ? argv[redirect + 1] : undefined;
    const args = redirect >= 0 ? argv.slice(1, redirect) : argv.slice(1);
    const r = await cli(args, { cwd });
    if (target) writeFileSync(join(cwd, target), r.stdout);
    out += r.stdout + r.stderr;
    if (r.code !== 0) return { code: r.code, out };
  }
  return { code: 0, out };
}

/** A CSV typed as a test's table (UTF-8 with a BOM), checked as `validate` checks a file (with `opts` as its options). */
export async function checkCsv(csv: string, opts: CheckOptions = {}): Promise<CheckResult> {
  return checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }), opts);
}

/** A result's warnings and errors as `severity rule cell` (info left out). */
export const problemsOf = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref ?? '-'}`);

/**
 * A workflow command read as the GitHub runner reads it (actions/runner ActionCommand.TryParseV2): the command
 * info up to the first '::' after the start, the name up to its first space, the properties trimmed and split at
 * ',', each at its first '=', its value unescaped (%0D, %0A, %3A, %2C, then %25); the data unescaped (%0D, %0A, %25).
 */
export function parseCommand(line: string): { name: string; props: Record<string, string>; data: string } {
  const end = line.indexOf('::', 2);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const props: Record<string, string> = {};
  for (const p of info.slice(space + 1).trim().split(',').filter(Boolean)) {
    const eq = p.indexOf('=');
    if (eq > 0 && eq < p.length - 1) props[p.slice(0, eq)] = unescapeWith(p.slice(eq + 1), ['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']);
  }
  return { name: info.slice(0, space), props, data: unescapeWith(line.slice(end + 2), ['%0D', '\r'], ['%0A', '\n'], ['%25', '%']) };
}

const unescapeWith = (s: string, ...pairs: Array<[string, string]>) => pairs.reduce((t, [from, to]) => t.split(from).join(to), s);
