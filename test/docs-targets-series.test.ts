/**
 * docs/targets-and-series.md: the examples work as written. Every `povcheck validate` command on the
 * fixtures in their `sh` blocks is run with the built binary and must exit as its comment says (or 0/1), the
 * targets file shown is the fixture, the units maps shown are read as the fixture's, and every line of the output
 * blocks appears in the output of the command it illustrates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docBlocks, ROOT, cli } from './helpers.js';
import { parseUnitsMap } from '../src/series/units-map.js';
import { parseTargets } from '../src/targets/index.js';


const blocks = (heading: string) => docBlocks('docs/targets-and-series.md', heading);

/** The `povcheck validate` commands on fixtures in the sh blocks (continuation lines joined), as argv. */
function commands(heading: string): string[][] {
  const sh = blocks(heading).filter((b) => b.lang === 'sh').map((b) => b.text.replace(/\\\n\s*/g, ''));
  return sh
    .flatMap((t) => t.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('povcheck validate') && l.includes('fixtures/'))
    .map((l) => [...l.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).slice(1));
}

const run = (args: string[]) => cli(args, { env: { COLUMNS: '200' } });

describe('docs: Targets', () => {
  const cmds = commands('## Targets');

  it('its fixture commands run (0 when all targets are met, 1 when one is missed)', async () => {
    expect(cmds.length).toBeGreaterThanOrEqual(2);
    for (const args of cmds) expect([0, 1], args.join(' ')).toContain((await run(args)).code);
    expect((await run(cmds[0]!)).code).toBe(0);
  });

  it('the targets file shown is fixtures/targets/tuyen-quang-2020.json', async () => {
    const shown = blocks('## Targets').find((b) => b.lang === 'json')!.text;
    expect(parseTargets(shown)).toEqual(parseTargets(readFileSync(join(ROOT, 'fixtures/targets/tuyen-quang-2020.json'), 'utf8')));
  });

  it('the output shown is what the missed-targets command prints', async () => {
    const out = (await run(cmds.find((a) => a.includes('fixtures/targets/na-hang-short.csv'))!)).stdout;
    const shown = blocks('## Targets').find((b) => b.lang === '')!.text;
    for (const line of shown.split('\n')) expect(out, line).toContain(line);
  });
});

describe('docs: Series', () => {
  const cmds = commands('## Series: one year against the next');

  it('its fixture commands run: 0 where the years carry over, 1 for the planted break', async () => {
    expect(cmds.length).toBeGreaterThanOrEqual(3);
    for (const args of cmds) expect((await run(args)).code, args.join(' ')).toBe(args.some((a) => a.includes('break')) ? 1 : 0);
  });

  it('the output shown is what the break command prints', async () => {
    const out = (await run(cmds.find((a) => a.some((x) => x.includes('break')))!)).stdout;
    const shown = blocks('## Series: one year against the next').find((b) => b.lang === '')!.text;
    // "…" stands for lines left out.
    for (const line of shown.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…')) expect(out, line).toContain(line);
  });

  it('the units maps shown are read, the CSV one as the fixture', async () => {
    const maps = blocks('### Units maps');
    const json = parseUnitsMap(Buffer.from(maps.find((b) => b.lang === 'json')!.text), 'readme.json');
    expect(json.entries.map((e) => [e.from, e.to])).toEqual([
      [['Na Hang', 'Lâm Bình'], 'Na Hang - Lâm Bình'],
      [['Thị xã Tuyên Quang'], 'Thành phố Tuyên Quang'],
    ]);
    const csv = parseUnitsMap(Buffer.from(maps.find((b) => b.lang === '')!.text), 'readme.csv');
    expect(csv.entries.map((e) => [e.from, e.to])).toEqual(parseUnitsMap(readFileSync(join(ROOT, 'fixtures/series/units-map.csv')), 'f').entries.map((e) => [e.from, e.to]));
  });
});
