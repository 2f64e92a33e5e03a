/**
 * vitest global setup: every temporary directory the tests make (`mkdtempSync(join(tmpdir(), …))`, and the CLI's
 * own runs) goes under one directory of this run, removed when the run ends. Without it each `npm test` left
 * about two thousand directories in the system's temporary directory (1.6 GB after a few runs on a CI runner that
 * keeps /tmp). The forks vitest starts inherit TMPDIR, which `os.tmpdir()` reads at each call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'povcheck-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // POVCHECK_KEEP_TEMP=1 keeps the files a failing run wrote, to look at them.
    if (process.env.POVCHECK_KEEP_TEMP !== '1') rmSync(root, { recursive: true, force: true });
    else console.log(`temporary files kept in ${root}`);
  };
}
