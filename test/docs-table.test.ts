/**
 * docs/table-plan-rate.md, `povcheck table`: the examples run as written, in order, in a fresh folder (the later
 * ones read the annex.csv the second one writes), each exiting 0 and writing the file it names; the pictures the
 * page shows are there.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, docBlocks, ROOT } from './helpers.js';

const HEADING = '## `povcheck table`: compute the annex from the base counts';

describe('docs: povcheck table', () => {
  it('every example in the sh block runs as written', () => {
    const lines = docBlocks('docs/table-plan-rate.md', HEADING)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.split('\n'))
      .filter((l) => l.startsWith('povcheck table'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const work = mkdtempSync(join(tmpdir(), 'povcheck-docs-table-'));
    symlinkSync(join(ROOT, 'fixtures'), join(work, 'fixtures'));
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'povcheck'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'povcheck'), 0o755);
    for (const line of lines) {
      const r = spawnSync('bash', ['-c', line], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', LANG: 'C' } });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      const out = /(?:-o|>)\s+(\S+)/.exec(line.replace(/\s+#.*$/, ''))?.[1];
      if (out) expect(existsSync(join(work, out)), out).toBe(true);
    }
  });

  it('shows one picture per document format, and they are there', () => {
    const page = readFileSync(join(ROOT, 'docs', 'table-plan-rate.md'), 'utf8');
    for (const f of ['table-docx.png', 'table-xlsx.png', 'table-html.png']) {
      expect(page).toContain(`](images/${f})`);
      expect(existsSync(join(ROOT, 'docs', 'images', f)), f).toBe(true);
    }
  });
});
