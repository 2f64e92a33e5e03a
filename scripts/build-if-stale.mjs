/**
 * Builds (`npm run build`) only when dist/ is older than what it is built from: `npm test` right after
 * `npm install` (whose prepare step built) does not build a second time, and a developer who edited src/
 * still gets a rebuild. Also used by bench/run.mjs (never measure stale code).
 *
 * Stale when any source (a file or folder of src/ — a folder's time changes when a file is added or removed —,
 * scripts/bundle.mjs, the package and tsconfig files) is newer than the bundle (written last by every build),
 * or an output is missing.
 *
 *   node scripts/build-if-stale.mjs [--build]   builds when stale (always with --build), says which on stderr
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const SOURCES = ['scripts/bundle.mjs', 'scripts/prune-dist.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What every build writes anew, last (tsc leaves an unchanged output as it was: its time says nothing). */
const WRITTEN = ['dist/povcheck.cjs', 'dist/povcheck.cjs.cache', 'dist/povcheck-help.cjs', 'dist/povcheck-help.cjs.cache'];
/** What a build leaves: missing, the build did not run or did not finish. */
const OUTPUTS = [...WRITTEN, 'dist/cli.js', 'dist/index.d.ts', 'dist/.tsbuildinfo'];

const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);

/** Why dist/ must be built again (a path relative to the root), or undefined when it is up to date. */
export function staleReason(root = ROOT) {
  const missing = OUTPUTS.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...WRITTEN.map((f) => mtime(join(root, f))));
  const src = join(root, 'src');
  const sources = ['src', ...readdirSync(src, { recursive: true }).map((f) => join('src', f)), ...SOURCES];
  return sources.find((f) => mtime(join(root, f)) > built)?.concat(' changed since the build');
}

/** Runs `npm run build` when dist/ is stale (or `force`); returns what it did, for a log line. */
export function ensureBuilt({ force = false, root = ROOT } = {}) {
  const reason = force ? 'asked to build' : staleReason(root);
  if (reason === undefined) return 'dist/ up to date';
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('npm run build failed');
  return `built (${reason}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stderr.write(`build: ${ensureBuilt({ force: process.argv.includes('--build') })}\n`);
  } catch (e) {
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(1);
  }
}
