/**
 * docs/plans.md: the examples work as written. Every `povcheck validate` command of its sh block runs (`cli`, in
 * this process, as the other documentation tests; an -o file goes to a temporary folder) and exits as the plan's findings say (1: the seed plan
 * has one error); every line of the output block appears in what the first command prints.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, docBlocks, type CliRun } from './helpers.js';

const blocks = docBlocks('docs/plans.md', '## The seed plan');
const dir = mkdtempSync(join(tmpdir(), 'povcheck-docs-plans-'));
const commands = blocks
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.text.split('\n'))
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('povcheck validate'))
  .map((l) => [...l.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).slice(1))
  .map((args) => args.map((a, i) => (args[i - 1] === '-o' ? join(dir, a) : a)));

describe('docs/plans.md', () => {
  /** What each command gave (the first one's output is compared with the page). */
  const runs: CliRun[] = [];
  it('its commands run and exit 1 (the seed plan has one error)', async () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const args of commands) runs.push(await cli(args, { env: { COLUMNS: '200' } }));
    runs.forEach((r, i) => expect(r.code, commands[i]!.join(' ')).toBe(1));
    expect(readFileSync(join(dir, 'plan.html'), 'utf8')).toContain('<mark>79.381</mark>');
  });

  it('the output shown is what the first command prints', async () => {
    const out = (runs[0] ?? (await cli(commands[0]!, { env: { COLUMNS: '200' } }))).stdout;
    const shown = blocks.find((b) => b.lang === '')!.text;
    for (const line of shown.split('\n')) expect(out, line).toContain(line);
  });

  it('the README points at the page and shows the command', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('docs/plans.md');
    expect(readme).toContain('povcheck validate fixtures/plans/ke-hoach-giam-ngheo-2020.docx');
  });
});
