/** The tests' temporary files go under one directory of the run, removed at its end (test/temp-root.ts). */
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { expect, it } from 'vitest';

it('makes temporary directories under the run’s own directory, not loose in the system’s', () => {
  expect(basename(tmpdir())).toMatch(/^povcheck-tests-/);
});
