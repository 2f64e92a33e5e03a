/**
 * The hostile-input corpus (scripts/hostile.mjs, issue 13): every case exits 0, 1 or 2 as it should, says what
 * it cannot read in one line, prints no stack trace, and changes no file of its folder but its named output.
 *
 * The built binary first reads every file of the corpus in one folder run (no stack trace, no hang, no file
 * changed, and each file's one-line reason the same as the case's own); then each case runs in this process
 * (`cli`: the same command line, folder and environment), except the cases about the process itself (`binary`:
 * its own standard output on a full disk, an output that is a named pipe), which run as the built binary. So
 * the binary meets every file, and each case's command line is checked without starting a process for it.
 *
 * Time: each process has a watchdog (WATCHDOG_MS, generous) that kills a process that does not finish and fails
 * the case as a hang. It is not a speed test: a slow run on a busy machine passes, a hang does not. Should the
 * folder run hang, the cases that would read its files in this process are skipped (they would hang the suite).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli } from '../helpers.js';
// @ts-expect-error plain JavaScript module without types
import { buildCorpus } from '../../scripts/hostile.mjs';

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  codes: number[];
  unreadable?: boolean;
  names?: boolean;
  outputs?: string[];
  removed?: string[];
  stdout?: 'full';
  binary?: boolean;
  check?: (r: Result, dir: string) => string | undefined;
}

/** A run that has not finished after this long is killed and reported as a hang (not a duration test). */
const WATCHDOG_MS = 60_000;
/** The folder run reads every file of the corpus: the watchdog of all of them. */
const FOLDER_WATCHDOG_MS = 300_000;

const dir = mkdtempSync(join(tmpdir(), 'povcheck-hostile-'));
const cases = buildCorpus(dir) as Case[];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A file's content hash, read again only when its inode, size, modification or change time differ from the last
 * read (the kernel sets the change time at every write, and nothing can set it back): the same answer as hashing
 * every file before and after each case, without reading the corpus's megabytes twice per case.
 */
const hashes = new Map<string, { stat: string; hash: string }>();
function contentHash(p: string): string {
  const st = lstatSync(p, { bigint: true });
  const stat = `${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}`;
  const known = hashes.get(p);
  if (known?.stat === stat) return known.hash;
  const hash = createHash('sha1').update(readFileSync(p)).digest('hex');
  hashes.set(p, { stat, hash });
  return hash;
}

/** Every file of the folder: path → type, mode and content hash (a FIFO is never opened). */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      const key = relative(root, p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.set(key, `file ${st.mode.toString(8)} ${contentHash(p)}`);
      else out.set(key, `${st.isFIFO() ? 'fifo' : st.isSymbolicLink() ? 'link' : 'other'} ${st.mode.toString(8)}`);
    }
  };
  walk(root);
  return out;
}

/** The environment of every run: no colours, English fallback messages, no CI extras. */
const ENV = { NO_COLOR: '1', FORCE_COLOR: '', LANG: 'C', LC_ALL: '', GITHUB_STEP_SUMMARY: '', CI: '' };

/** The built binary on `args` in the corpus folder, killed (signal SIGKILL) if it outlives the watchdog. */
function runBinary(args: string[], opts: { env?: Record<string, string>; stdoutFull?: boolean; watchdog?: number } = {}): Result {
  const full = opts.stdoutFull ? openSync('/dev/full', 'w') : undefined;
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...ENV, ...opts.env },
      stdio: ['ignore', full ?? 'pipe', 'pipe'],
      timeout: opts.watchdog ?? WATCHDOG_MS,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 28,
    });
    return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    if (full !== undefined) closeSync(full);
  }
}

async function run(c: Case): Promise<Result> {
  if (c.binary) return runBinary(c.args, { ...(c.env ? { env: c.env } : {}), stdoutFull: c.stdout === 'full' });
  if (c.stdout === 'full') throw new Error(`${c.name}: standard output on a full disk needs the binary`);
  return { ...(await cli(c.args, { cwd: dir, env: { ...ENV, ...c.env } })), signal: null };
}

const STACK = /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$|node:internal|^\w*Error: /m;

/** Every file of the folder checked at once by the built binary: the files and its output lines, once it has run. */
let folderFiles = new Set<string>();
let folderLines = new Set<string>();
let folderHung = false;

describe('the built binary over the whole corpus folder', () => {
  it('reads every file: exit 2, no stack trace, no internal error, no hang, no file changed', () => {
    const before = snapshot(dir);
    const r = runBinary(['validate', '.', '--lang', 'en'], { watchdog: FOLDER_WATCHDOG_MS });
    const after = snapshot(dir);
    folderHung = r.signal !== null;
    expect(r.signal, `killed by ${r.signal}: hung past the ${FOLDER_WATCHDOG_MS / 1000} s watchdog, or crashed`).toBeNull();
    expect(r.code, r.stderr.slice(0, 2000)).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout + r.stderr).not.toMatch(/internal error/i);
    expect([...before.keys(), ...after.keys()].filter((k) => before.get(k) !== after.get(k))).toEqual([]);
    folderFiles = new Set(before.keys());
    folderLines = new Set((r.stdout + r.stderr).split('\n').map((l) => l.trim()));
  }, FOLDER_WATCHDOG_MS + 60_000);
});

/** A case that only reads one file the folder run read: the folder run must have said of it what the case says. */
const readsOneFile = (c: Case) => !c.binary && !c.env && c.args.length === 2 && c.args[0] === 'validate' && folderFiles.has(c.args[1]!);

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('exits as it should, in one clear line when unreadable, no stack trace, no other file touched', async (ctx) => {
    if (folderHung && !c.binary) ctx.skip('the built binary hung on the folder: run in this process, this case could hang the suite');
    const before = snapshot(dir);
    const r = await run(c);
    const after = snapshot(dir);
    expect(r.signal, `killed by ${r.signal}: hung past the ${WATCHDOG_MS / 1000} s watchdog, or crashed`).toBeNull();
    expect(c.codes, `exit ${r.code}\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    if (c.unreadable) {
      const lines = (r.stdout + r.stderr).trim().split('\n');
      expect(lines, r.stdout + r.stderr).toHaveLength(1);
      expect(lines[0], 'the reason, not nothing').not.toBe('');
      if (c.names) expect(lines[0]).toContain(c.args[1]);
      // The folder run is in English (--lang en); alone, a file is refused in its text's language (LANG=C).
      if (readsOneFile(c)) {
        const english = await run({ ...c, args: [...c.args, '--lang', 'en'] });
        expect(folderLines, 'the binary\'s folder run gives this file the same reason').toContain((english.stdout + english.stderr).trim());
      }
    }
    // No file changed but the outputs; the removed ones are gone.
    const allowed = new Set([...(c.outputs ?? []), ...(c.removed ?? [])]);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(changed.filter((k) => !allowed.has(k))).toEqual([]);
    for (const k of c.removed ?? []) expect(after.has(k), `${k} should be gone`).toBe(false);
    for (const k of c.outputs ?? []) expect(after.has(k), `${k} should be written`).toBe(true);
    const problem = c.check?.(r, dir);
    expect(problem).toBeUndefined();
  });
});
