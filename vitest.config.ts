import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Four suites: `npm test` (the default: everything but the three below), `npm run fuzz` (test/fuzz: a count of
 * random inputs), `npm run test:e2e` (test/e2e: external programs — npm packing, installing, linking, and
 * the SARIF SDK's validator) and the tests' type check (test/typecheck: `tsc -b`, as `npm run typecheck`).
 * The suite is chosen with POVCHECK_SUITE, each writing its own JSON report (.ci/run runs all four and sums them).
 */
const SUITES = ['fuzz', 'e2e', 'typecheck'];
const suite = SUITES.includes(process.env.POVCHECK_SUITE ?? '') ? process.env.POVCHECK_SUITE : undefined;

/**
 * The files that take longest on the clock start first (measured with bench/test-cost.config.ts; a file started
 * last sets the end of the run on two cores), then the rest in vitest's order (longest first by the last run's
 * durations when vitest has them, which a clean clone has not; else largest first).
 */
const FIRST = [
  'locate/scope.test.ts',
  'browser/table-print.test.ts',
  'hostile/corpus.test.ts',
  'browser/html-report.test.ts',
  'cli/bundle.test.ts',
  'read/memory-budget.test.ts',
  'locate/shapes-planted.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = FIRST.findIndex((name) => f.moduleId.endsWith(`/test/${name}`));
      return i < 0 ? FIRST.length : i;
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: suite ? [`test/${suite}/**/*.test.ts`] : ['test/**/*.test.ts'],
    exclude: suite ? [] : SUITES.map((s) => `test/${s}/**`),
    // Hang guards, not durations: a test or hook still running after two minutes is stuck. On a 2-core machine
    // shared with a second `npm test` and other work, a test of a few CPU seconds can take many times that on
    // the clock (vitest's 10 s default for hooks failed a 150,000-unit table's generation there).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Both cores of a 2-core machine (vitest leaves one free by default), in child processes: the CLI tests
    // run the CLI in-process and change the working directory for it, which worker threads cannot.
    pool: 'forks',
    // One temporary directory per run, removed at its end (test/temp-root.ts).
    globalSetup: ['test/temp-root.ts'],
    maxWorkers: 2,
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // The JSON report feeds the "N passed, N failed" line of .ci/run.
    reporters: ['default', ['json', { outputFile: suite ? `.vitest-report-${suite}.json` : '.vitest-report.json' }]],
  },
});
