/**
 * docs/table-plan-rate.md, `povcheck table`: the examples run as written, in order, in a fresh folder (the later
 * ones read the annex.csv the second one writes), each exiting 0 and writing the file it names; the pictures the
 * page shows are there.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docBlocks, ROOT, runExampleLine } from './helpers.js';

const HEADING = '## `povcheck table`: compute the annex from the base counts';

describe('docs: povcheck table', () => {
  it('every example in the sh block runs as written', async () => {
    const lines = docBlocks('docs/table-plan-rate.md', HEADING)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.split('\n'))
      .filter((l) => l.startsWith('povcheck table'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const work = mkdtempSync(join(tmpdir(), 'povcheck-docs-table-'));
    symlinkSync(join(ROOT, 'fixtures'), join(work, 'fixtures'));
    // In-process, as a shell splits the line (test/cli/colour.test.ts runs the binary itself).
    for (const line of lines) {
      const r = await runExampleLine(line.replace(/\s+#.*$/, ''), work);
      expect(r.code, `${line}\n${r.out}`).toBe(0);
      const out = /(?:-o|>)\s+(\S+)/.exec(line.replace(/\s+#.*$/, ''))?.[1];
      if (out) expect(existsSync(join(work, out)), out).toBe(true);
    }
  });

  it('shows one picture per document format, and they are there', () => {
    const page = readFileSync(join(ROOT, 'docs', 'table-plan-rate.md'), 'utf8');
    for (const f of ['table-docx.png', 'table-xlsx.png', 'table-html.png', 'table-shapes-docx.png', 'table-shapes-xlsx.png', 'table-shapes-html.png']) {
      expect(page).toContain(`](images/${f})`);
      expect(existsSync(join(ROOT, 'docs', 'images', f)), f).toBe(true);
    }
  });
});
