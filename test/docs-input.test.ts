/**
 * docs/input.md, "Shapes of published tables": each shape's example is the file it names (fixtures/shapes/),
 * and running its command prints exactly the output shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, words } from './helpers.js';

const HEADING = '## Shapes of published tables';

/** The shape subsections: title, csv block, command, output block. */
function shapes(): Array<{ title: string; csv: string; command: string; output: string }> {
  const text = readFileSync(join(ROOT, 'docs/input.md'), 'utf8');
  const start = text.indexOf(HEADING);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n### ')
    .slice(1)
    .map((part) => {
      const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(part)?.[1] ?? '';
      return { title: part.split('\n')[0]!, csv: block('csv'), command: block('sh').replace(/\s+#.*$/, ''), output: block('text') };
    });
}

describe('docs/input.md: the shapes of published tables', () => {
  const all = shapes();
  it('documents every shape', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
  it.each(all.map((s) => [s.title, s]))('%s: the file as shown, the output as printed', async (_t, s) => {
    const argv = words(s.command);
    expect(argv[0]).toBe('povcheck');
    const file = argv.find((a) => a.startsWith('fixtures/'))!;
    expect(readFileSync(join(ROOT, file), 'utf8').trimEnd()).toBe(s.csv);
    const r = await cli(argv.slice(1), { cwd: ROOT });
    expect(r.stdout.trimEnd()).toBe(s.output);
  });
});
