import { defineConfig } from 'vitest/config';

/**
 * Three suites: `npm test` (the default: everything but the two below), `npm run fuzz` (test/fuzz: a count of
 * random inputs) and `npm run test:e2e` (test/e2e: external programs — npm packing, installing, linking, and
 * the SARIF SDK's validator). The suite is chosen with POVCHECK_SUITE, each writing its own JSON report (.ci/run sums them).
 */
const suite = process.env.POVCHECK_SUITE === 'fuzz' || process.env.POVCHECK_SUITE === 'e2e' ? process.env.POVCHECK_SUITE : undefined;

export default defineConfig({
  test: {
    include: suite ? [`test/${suite}/**/*.test.ts`] : ['test/**/*.test.ts'],
    exclude: suite ? [] : ['test/fuzz/**', 'test/e2e/**'],
    testTimeout: 30_000,
    // Both cores of a 2-core machine (vitest leaves one free by default), in child processes: the CLI tests
    // run the CLI in-process and change the working directory for it, which worker threads cannot.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // The JSON report feeds the "N passed, N failed" line of .ci/run.
    reporters: ['default', ['json', { outputFile: suite ? `.vitest-report-${suite}.json` : '.vitest-report.json' }]],
  },
});
