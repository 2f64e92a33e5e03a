import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without declarations
import { pruneDist } from '../../scripts/prune-dist.mjs';

function tree(root: string, files: string[]): void {
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
}

describe('prune-dist: what tsc compiled from a deleted source leaves dist/', () => {
  it('removes the outputs of deleted sources and the folders they leave empty, keeps everything else', () => {
    const root = mkdtempSync(join(tmpdir(), 'povcheck-prune-'));
    const src = join(root, 'src');
    const dist = join(root, 'dist');
    tree(src, ['cli.ts', 'read/csv.ts', 'types/picomatch.d.ts']);
    tree(dist, [
      'cli.js', 'cli.d.ts', 'read/csv.js', 'read/csv.d.ts', 'read/csv.js.map',
      'povcheck.cjs', 'povcheck.cjs.cache', '.tsbuildinfo',
      'validate.js', 'validate.d.ts', 'stream/run.js', 'stream/run.d.ts', 'read/grid.js',
    ]);
    const removed: string[] = pruneDist(dist, src);
    expect(removed.sort()).toEqual(['read/grid.js', 'stream/run.d.ts', 'stream/run.js', 'validate.d.ts', 'validate.js']);
    expect(existsSync(join(dist, 'stream'))).toBe(false);
    const left = (readdirSync(dist, { recursive: true }) as string[]).sort();
    expect(left).toEqual(['.tsbuildinfo', 'cli.d.ts', 'cli.js', 'povcheck.cjs', 'povcheck.cjs.cache', 'read', 'read/csv.d.ts', 'read/csv.js', 'read/csv.js.map']);
  });

  it('does nothing when there is no dist/', () => {
    const root = mkdtempSync(join(tmpdir(), 'povcheck-prune-'));
    expect(pruneDist(join(root, 'dist'), join(root, 'src'))).toEqual([]);
  });
});
