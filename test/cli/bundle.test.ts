/**
 * The start-up bundles (scripts/bundle.mjs → dist/povcheck.cjs, and dist/povcheck-help.cjs for a run without a
 * command) and their V8 code caches, as bin/povcheck.js loads them: each cache is its build's own and V8 takes it;
 * a cache from another build is never run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, runCli } from '../helpers.js';
import { aliasTables } from '../../src/shape/aliases.js';

const BUNDLE = join(ROOT, 'dist', 'povcheck.cjs');
const HELP_BUNDLE = join(ROOT, 'dist', 'povcheck-help.cjs');
const STAMP = /^\/\/ povcheck-bundle [0-9a-f]{20}\n/;
const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });

describe('the bundle and its code cache', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A folder with bin/, package.json and the bundles with their caches, as installed. */
  const copyOfPackage = () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-bundle-'));
    dirs.push(dir);
    for (const d of ['bin', 'dist']) mkdirSync(join(dir, d));
    for (const f of ['bin/povcheck.js', 'bin/package.json', 'package.json']) copyFileSync(join(ROOT, f), join(dir, f));
    for (const f of ['povcheck.cjs', 'povcheck-help.cjs']) for (const g of [f, `${f}.cache`]) copyFileSync(join(ROOT, 'dist', g), join(dir, 'dist', g));
    return dir;
  };

  // Two bundles, each with its cache: povcheck.cjs (cache written after `validate --help` and the seed annex) for a
  // command's run, povcheck-help.cjs (after --help) for a run that names no command.
  for (const bundle of [BUNDLE, HELP_BUNDLE]) {
    it(`${basename(bundle)}.cache starts with the bundle's stamp, and V8 accepts the rest (as bin/povcheck.js gives it)`, () => {
      const source = readFileSync(bundle, 'latin1');
      const stamp = STAMP.exec(source)?.[0];
      expect(stamp, 'the bundle\'s first line').toBeDefined();
      expect(readFileSync(bundle + '.cache').toString('latin1', 0, stamp!.length)).toBe(stamp);
      const probe = `
        const { readFileSync } = require('node:fs'); const { Script } = require('node:vm');
        const file = ${JSON.stringify(bundle)}; const source = readFileSync(file, 'latin1');
        const cachedData = readFileSync(file + '.cache').subarray(${stamp!.length});
        const s = new Script(source, { filename: file, cachedData });
        process.stdout.write(String(s.cachedDataRejected));`;
      expect(node(['-e', probe]).stdout).toBe('false');
    });
  }

  it('carries the label tables of shape/aliases.ts as the build computed them (no start folds the wordings again)', () => {
    const source = readFileSync(BUNDLE, 'latin1');
    const { labels, keys } = aliasTables();
    // esbuild writes each text as a string or a template literal: either form of the same characters.
    const written = (text: string) => source.includes(text) || source.includes(JSON.stringify(text).slice(1, -1));
    expect(labels.split('\n').length).toBeGreaterThan(100);
    expect(written(labels), 'the label table').toBe(true);
    for (const [list, text] of Object.entries(keys)) expect(written(text), list).toBe(true);
  });

  it('the help bundle and its cache are the smaller: a run without a command reads less', () => {
    expect(readFileSync(HELP_BUNDLE).length).toBeLessThan(readFileSync(BUNDLE).length * 0.5);
    expect(readFileSync(`${HELP_BUNDLE}.cache`).length).toBeLessThan(readFileSync(`${BUNDLE}.cache`).length * 0.5);
  });

  it('a run without a command runs the help bundle, any other the command bundle', () => {
    // Each bundle's text marked (same length) and its stamp left as it was: which one ran shows in the help.
    const dir = copyOfPackage();
    for (const [file, mark] of [['povcheck.cjs', 'COMMAND'], ['povcheck-help.cjs', 'HELPING']] as const) {
      const source = readFileSync(join(ROOT, 'dist', file), 'latin1');
      writeFileSync(join(dir, 'dist', file), source.replace('Check and compute poverty-rate tables', `Check and compute ${mark}-RATE tables`), 'latin1');
      rmSync(join(dir, 'dist', `${file}.cache`));
    }
    const run = (args: string[]) => node([join(dir, 'bin', 'povcheck.js'), ...args], dir).stdout;
    for (const args of [['--help'], ['-h'], ['--lang=en', '--help'], ['--no-color', '--help']]) expect(run(args), args.join(' ')).toContain('HELPING-RATE');
    for (const args of [['help'], ['--lang', 'en', '--help']]) expect(run(args), args.join(' ')).toContain('COMMAND-RATE');
    // Without the help bundle (a build before it), the command bundle answers.
    rmSync(join(dir, 'dist', 'povcheck-help.cjs'));
    expect(run(['--help'])).toContain('COMMAND-RATE');
  });

  it('a cache left from another build is not used, even for a bundle of the same length', () => {
    // Another build: the same bundles with one sentence changed (same length) and their own stamps; the old caches stay.
    const dir = copyOfPackage();
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).toContain('Check and compute poverty-rate tables');
    expect(source).toContain('the units add up to the total unit');
    const rebuilt = source
      .replace(STAMP, '// povcheck-bundle 00000000000000000000\n')
      .replace('Check and compute poverty-rate tables', 'Check and compute POVERTY-RATE tables')
      .replace('the units add up to the total unit', 'the units add up to the TOTAL unit');
    expect(rebuilt.length).toBe(source.length);
    writeFileSync(join(dir, 'dist', 'povcheck.cjs'), rebuilt);
    const help = readFileSync(HELP_BUNDLE, 'utf8');
    expect(help).toContain('Check and compute poverty-rate tables');
    writeFileSync(join(dir, 'dist', 'povcheck-help.cjs'), help.replace(STAMP, '// povcheck-bundle 00000000000000000000\n').replace('Check and compute poverty-rate tables', 'Check and compute POVERTY-RATE tables'));
    // --help takes the help bundle's cache, a command the other: neither runs the old build's code.
    const helpRun = node([join(dir, 'bin', 'povcheck.js'), '--help'], dir);
    expect(helpRun.status).toBe(0);
    expect(helpRun.stdout).toContain('Check and compute POVERTY-RATE tables');
    const rules = node([join(dir, 'bin', 'povcheck.js'), 'rules'], dir);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toContain('the units add up to the TOTAL unit');
  });

  // The bundle is minified and rewritten in ASCII (regular expressions and String.raw texts included): what it
  // reports must be what the modules report, byte for byte.
  const commands: string[][] = [
    ['validate', 'fixtures/planted', 'fixtures/plans', 'fixtures/variants', 'fixtures/xlsx', 'fixtures/published', 'fixtures/legacy', '--format', 'json'],
    ['validate', 'fixtures/planted', 'fixtures/plans', 'fixtures/published', '--lang', 'vi'],
    ['validate', 'fixtures/tuyen-quang-2020.csv'],
    ['table', 'fixtures/tuyen-quang-2020.csv', '--format', 'markdown'],
    ['rate', '24.814', '210.299', '--exact'],
    ['explain', 'sum', '--lang', 'vi'],
    ['--help', '--lang', 'vi'],
    // A run without a command: the help bundle.
    ['--help'],
    ['--lang=vi', '--help'],
    ['--version'],
    ['-V'],
  ];
  for (const args of commands) {
    it(`gives what the compiled modules give: ${args.join(' ')}`, async () => {
      const [bundled, modules] = [runCli(args), await cli(args)];
      expect(bundled.stdout.length).toBeGreaterThan(0);
      expect(bundled).toEqual(modules);
    });
  }
});
