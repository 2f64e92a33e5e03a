/**
 * docs/validate.md, "Text report": the table it shows under the findings, with the file's row numbers and column
 * letters around it, is what `validate` prints (in a terminal of 120 columns).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, words } from './helpers.js';

describe('docs/validate.md: the table of the text report', () => {
  it('the example is the output: row letters, column numbers, the cell of G6 marked', async () => {
    const text = readFileSync(join(ROOT, 'docs/validate.md'), 'utf8');
    const m = /```sh\n(povcheck validate fixtures\/published\/review-2016-huong-hoa[^\n]*)\n```\n\n```text\n([\s\S]*?)\n```/.exec(text);
    expect(m).not.toBeNull();
    const r = await cli(words(m![1]!).slice(1), { cwd: ROOT, env: { COLUMNS: '120' } });
    const lines = r.stdout.split('\n');
    const start = lines.indexOf('  The table (cells with findings are marked)');
    const end = lines.findIndex((l, i) => i > start && l.startsWith('  ✖ error'));
    expect(lines.slice(start, end + 1).join('\n')).toBe(m![2]);
    expect(m![2]).toMatch(/^G │ 5 .*│ +8\.0 ✖◆ │/m);
  });
});
