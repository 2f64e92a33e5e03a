/**
 * Removes from dist/ what tsc compiled from a source that no longer exists (tsc never deletes an output):
 * a renamed or deleted module would otherwise stay in dist/, be shipped by `npm pack` and stay importable.
 * Run by `npm run build` between tsc and the bundle. Kept: the bundle, its cache, tsc's build info files.
 *
 *   node scripts/prune-dist.mjs    prints what it removed on stderr
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const OUTPUT = /\.(d\.ts|js)(\.map)?$/;

/** The source an output of tsc was compiled from (`a/b.js`, `a/b.d.ts`, `a/b.js.map` → `a/b.ts`). */
const sourceOf = (file) => file.replace(OUTPUT, '.ts');

/** Deletes outputs under `dist` whose source under `src` is gone, then the folders left empty; returns them. */
export function pruneDist(dist = join(ROOT, 'dist'), src = join(ROOT, 'src')) {
  if (!existsSync(dist)) return [];
  const removed = [];
  for (const file of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!file.isFile() || !OUTPUT.test(file.name)) continue;
    const path = join(file.parentPath ?? file.path, file.name);
    const rel = relative(dist, path);
    if (existsSync(join(src, sourceOf(rel))) || existsSync(join(src, rel))) continue;
    rmSync(path);
    removed.push(rel);
  }
  const dirs = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isDirectory());
  const paths = dirs.map((d) => join(d.parentPath ?? d.path, d.name)).sort((a, b) => b.length - a.length);
  for (const path of paths) if (readdirSync(path).length === 0) rmdirSync(path);
  return removed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const removed = pruneDist();
  if (removed.length > 0) process.stderr.write(`prune-dist: removed ${removed.length} output(s) of deleted sources: ${removed.join(', ')}\n`);
}
