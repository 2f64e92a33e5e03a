/**
 * Never a stack trace, never a wrong exit code: random bytes, random grids, mutated fixtures and mutated
 * workbooks (merges, defined names, shared strings, styles, damaged XML) through the whole pipeline, and
 * hostile file names (controls, line breaks, ESC, ::) through the CLI. Bounded by a COUNT of inputs, never by time (a slow input is a performance bug for bench/
 * and the profiler, not a test that fails on a busy machine): `npm run fuzz` runs FUZZ_RUNS (100,000) and
 * prints how many ran; .ci/run a seeded sample of a few hundred. Not part of `npm test`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostileFileName, mutatedDocBytes, mutatedHtmlPlanBytes, runWordDocument, mutatedFixtureBytes, mutatedHtmlBytes, mutatedXml2003Bytes, mutatedOdsBytes, mutatedWorkbookBytes, mutatedXlsBytes, randomBytes, randomGridBytes, runInProcess, runStreamed, runWorkbookInProcess } from './harness.js';
import { FIXTURES, runCli } from '../helpers.js';
import { main } from '../../src/cli.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20201;
/** A further share of the budget runs through validateFile, from files. */
const STREAM_SHARE = 0.2;
/** And through the workbook reader (mutated workbooks), and the CLI with hostile file names. */
const WORKBOOK_SHARE = 0.2;
const NAME_SHARE = 0.05;
/** And through the OpenDocument reader (mutated .ods), and the Excel 97–2003 reader (mutated .xls). */
const ODS_SHARE = 0.1;
const XLS_SHARE = 0.1;
/** And through the web page reader (mutated pages served as .xls). */
const HTML_SHARE = 0.05;
/**
 * A test's hang guard (not a duration): a generous bound per input times the inputs it runs, never under a
 * minute. The in-process inputs take 10–80 ms each on the 2-core machine (mutated fixtures the most), a run of
 * the CLI a few hundred; a guard of RUNS × 20 ms for the whole file failed `FUZZ_RUNS=4000` on the mutated
 * fixtures alone (2,000 inputs, 148 s) with nothing stuck.
 */
const hangGuard = (inputs: number, msEach: number) => Math.max(60_000, inputs * msEach);
const IN_PROCESS_MS = 250;
/**
 * From files (validateFile: a temporary file written and read per input, both reports made): 216 ms an input at
 * `FUZZ_RUNS=3000` on the quiet machine, 261 ms beside a test run (600 inputs, 156 s: past a guard of 250 ms each
 * with nothing stuck).
 */
const FROM_FILE_MS = 500;
const CLI_MS = 2_000;
const tally = { inputs: 0, codes: { 0: 0, 1: 0, 2: 0 } as Record<number, number> };

const FAILURES = join(process.cwd(), 'test-output', 'fuzz-failures');

/** A failing input is saved to a file and reported by name: megabytes of bytes make no readable report. */
function keep(bytes: Uint8Array, why: string): never {
  mkdirSync(FAILURES, { recursive: true });
  const name = join(FAILURES, `${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}.bin`);
  writeFileSync(name, bytes);
  throw new Error(`${why}; input saved to ${name} (${bytes.length} bytes)`);
}

function property(arb: fc.Arbitrary<Uint8Array>) {
  const labelled = arb.map((bytes) => Object.assign(bytes, { [fc.toStringMethod]: () => `<${bytes.length} bytes>` }));
  return fc.property(labelled, (bytes) => {
    let result;
    try {
      result = runInProcess(bytes);
    } catch (e) {
      keep(bytes, `internal fault: ${(e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? e}`);
    }
    const { code } = result;
    tally.inputs++;
    tally.codes[code]!++;
    if (![0, 1, 2].includes(code)) keep(bytes, `exit code ${code}`);
  });
}

/**
 * Every input of `arb` run by `run` (`share` of the budget, its own seed) ends in exit code 0, 1 or 2 without an
 * internal fault; a failing input is saved (`keep`), its fault said with `label`.
 */
async function survives(arb: fc.Arbitrary<Uint8Array>, run: (bytes: Uint8Array) => Promise<{ code: number }>, label: string, share: number, seedOffset: number): Promise<void> {
  const labelled = arb.map((bytes) => Object.assign(bytes, { [fc.toStringMethod]: () => `<${bytes.length} bytes>` }));
  await fc.assert(
    fc.asyncProperty(labelled, async (bytes) => {
      let result;
      try {
        result = await run(bytes);
      } catch (e) {
        keep(bytes, `internal fault (${label}): ${(e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? e}`);
      }
      const { code } = result;
      tally.inputs++;
      tally.codes[code]!++;
      if (![0, 1, 2].includes(code)) keep(bytes, `exit code ${code} (${label})`);
    }),
    { numRuns: Math.max(1, Math.round(RUNS * share)), seed: SEED + seedOffset, endOnFailure: true, verbose: 0 },
  );
}

describe('fuzz (in-process)', () => {
  // Budget split: the mutated fixtures find the most, so they get the largest share.
  it.each([
    ['random bytes', randomBytes, 0.2],
    ['random CSV grids', randomGridBytes, 0.3],
    ['mutated fixtures', mutatedFixtureBytes, 0.5],
  ] as const)('%s', (_name, arb, share) => {
    fc.assert(property(arb as fc.Arbitrary<Uint8Array>), { numRuns: Math.max(1, Math.round(RUNS * share)), seed: SEED, endOnFailure: true, verbose: 0 });
  }, hangGuard(RUNS * 0.5, IN_PROCESS_MS));

  it('from files, through validateFile (mutated fixtures, hierarchical ones included)', async () => {
    await survives(mutatedFixtureBytes as fc.Arbitrary<Uint8Array>, runStreamed, 'streamed', STREAM_SHARE, 1);
  }, hangGuard(RUNS * STREAM_SHARE, FROM_FILE_MS));

  it('mutated workbooks (merges, defined names, shared strings, styles, damaged XML)', async () => {
    await survives(mutatedWorkbookBytes, runWorkbookInProcess, 'workbook', WORKBOOK_SHARE, 2);
  }, hangGuard(RUNS * WORKBOOK_SHARE, IN_PROCESS_MS));

  it('mutated OpenDocument spreadsheets, .ods and flat .fods (repeats, spans, value types, shown texts, comments, damaged XML)', async () => {
    await survives(mutatedOdsBytes, runWorkbookInProcess, 'ods', ODS_SHARE, 3);
  }, hangGuard(RUNS * ODS_SHARE, IN_PROCESS_MS));

  it('mutated Excel 97–2003 workbooks (.xls: sector chains, directory, records, shared texts and formulas damaged)', async () => {
    await survives(mutatedXlsBytes, runWorkbookInProcess, 'xls', XLS_SHARE, 4);
  }, hangGuard(RUNS * XLS_SHARE, IN_PROCESS_MS));

  it('mutated Excel 2003 XML Spreadsheets (rows, cells, merges, R1C1 formulas, styles, damaged XML)', async () => {
    await survives(mutatedXml2003Bytes, runWorkbookInProcess, 'xml2003', HTML_SHARE, 6);
  }, hangGuard(RUNS * HTML_SHARE, IN_PROCESS_MS));

  it('mutated web pages served as .xls (markup, spans, entities, numbers, pages cut short)', async () => {
    await survives(mutatedHtmlBytes, runWorkbookInProcess, 'html', HTML_SHARE, 5);
  }, hangGuard(RUNS * HTML_SHARE, IN_PROCESS_MS));

  it('mutated plans as web pages served as .doc (paragraphs, lists, headings, nested tables, spans, pages cut short)', async () => {
    await survives(mutatedHtmlPlanBytes, runWordDocument, 'html plan', HTML_SHARE, 8);
  }, hangGuard(RUNS * HTML_SHARE, FROM_FILE_MS));

  it('mutated Word 97–2003 documents (.doc: FIB, piece table, property pages, lists, styles damaged)', async () => {
    await survives(mutatedDocBytes, runWordDocument, 'doc', HTML_SHARE, 7);
  }, hangGuard(RUNS * HTML_SHARE, FROM_FILE_MS));

  it('hostile file names (controls, line breaks, ESC, ::, ##[): the text and GitHub reports stay inert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-fuzz-names-'));
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'));
    await fc.assert(
      fc.asyncProperty(hostileFileName, fc.boolean(), fc.constantFrom('text', 'github', 'json'), async (name, readable, format) => {
        const path = join(dir, name);
        writeFileSync(path, readable ? seed : '');
        let out = '';
        const code = await main(['node', 'povcheck', 'validate', path, '--format', format, '--lang', 'en'], { out: (s) => (out += s), err: (s) => (out += s), isTTY: false, columns: 120, env: {}, cwd: dir });
        tally.inputs++;
        tally.codes[code]!++;
        expect(code).toBe(readable ? 0 : 2);
        if (format === 'json') return;
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        for (const line of out.split('\n')) {
          expect(line.trimStart().startsWith('::') && !/^::(error|warning|notice) /.test(line), line).toBe(false);
          expect(line).not.toMatch(/##(vso)?\[/i);
        }
        if (!readable && format === 'text') expect(out.trim().split('\n')).toHaveLength(1);
      }),
      { numRuns: Math.max(10, Math.round(RUNS * NAME_SHARE)), seed: SEED + 3, endOnFailure: true, verbose: 0 },
    );
  }, hangGuard(Math.max(10, RUNS * NAME_SHARE), CLI_MS));

  it('reports how many inputs ran', () => {
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${tally.inputs} inputs ran (exit 0: ${tally.codes[0]}, 1: ${tally.codes[1]}, 2: ${tally.codes[2]}); seed ${SEED}`);
    expect(tally.inputs).toBeGreaterThanOrEqual(
      Math.round(RUNS * 0.2) + Math.round(RUNS * 0.3) + Math.round(RUNS * 0.5) + Math.max(1, Math.round(RUNS * STREAM_SHARE)) + Math.max(1, Math.round(RUNS * WORKBOOK_SHARE)) + Math.max(10, Math.round(RUNS * NAME_SHARE)),
    );
  });
});

describe('fuzz (the built binary)', () => {
  it('exits 0, 1 or 2 without a stack trace on a sample of inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-fuzz-'));
    const samples = [
      ...fc.sample(randomBytes, { numRuns: 5, seed: SEED }),
      ...fc.sample(randomGridBytes, { numRuns: 5, seed: SEED }),
      ...fc.sample(mutatedFixtureBytes, { numRuns: 10, seed: SEED }),
    ];
    samples.forEach((bytes, i) => writeFileSync(join(dir, `in-${i}.csv`), bytes));
    const files = samples.map((_, i) => join(dir, `in-${i}.csv`));
    for (const format of ['text', 'json']) {
      const r = runCli(['validate', ...files, '--format', format]);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+|internal error/);
    }
  });
});
