import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, linkSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileAtomic } from '../../src/io/write-atomic.js';
import { PovcheckError } from '../../src/errors.js';
import { BIN, cli, FIXTURES, ROOT, runCli } from '../helpers.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-write-'));

  it('writes the file and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'out.csv'), 'a;b\n');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a;b\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over an input, which stays as it was', async () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'original');
    await expect(writeFileAtomic(join(dir, '.', 'in.csv'), 'new', [input])).rejects.toBeInstanceOf(PovcheckError);
    expect(readFileSync(input, 'utf8')).toBe('original');
  });

  it('fails cleanly into a missing folder, leaving nothing behind', async () => {
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'out.csv'), 'x')).rejects.toMatchObject({ code: 'WRITE_FAILED' });
  });
});

describe('special files are written, never replaced (issue 13, item 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-special-'));
  const fifo = (name: string) => {
    const path = join(dir, name);
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return path;
  };

  it('a named pipe with a reader receives the output and stays a named pipe', async () => {
    const path = fifo('pipe');
    // The reader's end, opened first (non-blocking, so the test never waits on the FIFO itself).
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    await writeFileAtomic(path, 'report\n');
    const buf = Buffer.alloc(100);
    const n = readSync(reader, buf);
    closeSync(reader);
    expect(buf.subarray(0, n).toString()).toBe('report\n');
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('a named pipe read by another process, through the CLI', () => {
    const path = fifo('pipe2');
    // `cat` opens the reading end (and waits there for a writer: Linux's wait_for_partner); povcheck writes the report into it.
    const script = `cat "${path}" > "${path}.out" & p=$!; i=0; while [ "$(cat /proc/$p/wchan 2>/dev/null)" != wait_for_partner ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; "${process.execPath}" "${BIN}" validate "${join(FIXTURES, 'tuyen-quang-2020.csv')}" --format json -o "${path}"; code=$?; wait; exit $code`;
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(`${path}.out`, 'utf8')).files[0].status).toBe('ok');
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('a named pipe nobody reads is refused at once (no hang), and stays a named pipe', async () => {
    const path = fifo('lonely');
    await expect(writeFileAtomic(path, 'x')).rejects.toMatchObject({ code: 'WRITE_FAILED', params: { detail: 'ENXIO' } });
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('a link to /dev/null is written through: /dev/null stays a character device, the link a link', async () => {
    const link = join(dir, 'null-link');
    symlinkSync('/dev/null', link);
    await writeFileAtomic(link, 'x');
    await writeFileAtomic('/dev/null', 'x');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync('/dev').filter((f) => f.startsWith('.null.'))).toEqual([]);
  });

  it('a symbolic link to nothing is refused and stays the link it was (it was replaced by a file)', async () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'missing', 'target.csv'), link);
    await expect(writeFileAtomic(link, 'x')).rejects.toMatchObject({ code: 'WRITE_FAILED', params: { detail: 'dangling-link' } });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('a directory is refused with the reason', async () => {
    await expect(writeFileAtomic(dir, 'x')).rejects.toMatchObject({ code: 'WRITE_FAILED', params: { detail: 'EISDIR' } });
  });

  // The built binary: /dev/stdout names the process's own descriptor.
  it('-o /dev/stdout puts the report on standard output', () => {
    const r = runCli(['validate', join(FIXTURES, 'tuyen-quang-2020.csv'), '--format', 'json', '-o', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].status).toBe('ok');
  });
});

describe('an existing output keeps its permissions (issue 13, item 10)', () => {
  it.each([0o444, 0o640, 0o600])('mode %o', async (mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-mode-'));
    const out = join(dir, 'out.txt');
    writeFileSync(out, 'old');
    chmodSync(out, mode);
    await writeFileAtomic(out, 'new');
    expect(statSync(out).mode & 0o777).toBe(mode);
    expect(readFileSync(out, 'utf8')).toBe('new');
  });
});

/** The CLI in this process (`cli`): what matters is what the command refuses, not the binary. */
describe('no input of the run is the output, by any name (issue 13, item 6)', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-inputs-'));
    const table = join(dir, 'annex.csv');
    writeFileSync(table, readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv')));
    const targets = join(dir, 'targets.json');
    writeFileSync(targets, readFileSync(join(FIXTURES, 'targets', 'tuyen-quang-2020.json')));
    const config = join(dir, 'povcheck.config.json');
    writeFileSync(config, '{"lang":"en"}');
    return { dir, table, targets, config };
  };
  const refused = (r: { code: number; stderr: string }) => {
    expect(r.code).toBe(2);
    // In the run's language: English where the configuration says so, else the table's (Vietnamese here).
    expect(r.stderr).toMatch(/refusing to write over the input file|không ghi đè lên tệp đầu vào/);
  };

  it('validate: not the targets file, not the configuration (found or named), not the units map', async () => {
    const { dir, table, targets, config } = setup();
    const before = [table, targets, config].map((f) => readFileSync(f, 'utf8'));
    refused(await cli(['validate', table, '--targets', targets, '--format', 'json', '-o', targets], { cwd: dir }));
    refused(await cli(['validate', table, '--format', 'json', '-o', config], { cwd: dir }));
    refused(await cli(['validate', table, '--config', config, '--format', 'json', '-o', 'povcheck.config.json'], { cwd: dir }));
    const map = join(dir, 'map.json');
    writeFileSync(map, '{"units":[]}');
    const next = join(dir, 'annex-2021.csv');
    writeFileSync(next, readFileSync(join(FIXTURES, 'series', 'tuyen-quang-2021.csv')));
    refused(await cli(['validate', table, next, '--series', '--units-map', map, '--format', 'json', '-o', map], { cwd: dir }));
    expect([table, targets, config].map((f) => readFileSync(f, 'utf8'))).toEqual(before);
  });

  it('plan: not its targets file', async () => {
    const { dir, table, targets } = setup();
    const before = readFileSync(targets, 'utf8');
    refused(await cli(['plan', join(FIXTURES, 'calc', 'seed-plan-input.csv'), '--targets', targets, '--format', 'json', '-o', targets], { cwd: dir }));
    expect(readFileSync(targets, 'utf8')).toBe(before);
    expect(readFileSync(table, 'utf8').length).toBeGreaterThan(0);
  });

  it('not through a hard link or a symbolic link to an input', async () => {
    const { dir, table } = setup();
    const before = readFileSync(table);
    linkSync(table, join(dir, 'hard.csv'));
    linkSync(table, join(dir, 'hard.json'));
    symlinkSync(table, join(dir, 'soft.csv'));
    refused(await cli(['validate', table, '--format', 'json', '-o', join(dir, 'hard.json')]));
    refused(await cli(['table', table, '--format', 'csv', '-o', join(dir, 'soft.csv')]));
    refused(await cli(['fix', table, '-o', join(dir, 'hard.csv')]));
    expect(readFileSync(table)).toEqual(before);
  });
});

describe('temporary files do not outlive the run (issue 13, item 10)', () => {
  it('a later write removes stale temporary files of its own output, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-stale-'));
    const old = Date.now() / 1000 - 2 * 3600;
    const names = {
      staleDead: '.out.json.999999.deadbeef.tmp',
      staleLive: `.out.json.${process.pid}.0badcafe.tmp`,
      recentDead: '.out.json.999998.feedface.tmp',
      otherOutput: '.other.json.999999.deadbeef.tmp',
      notOurs: '.out.json.999999.deadbeef.tmp.keep',
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), 'x');
    for (const n of [names.staleDead, names.otherOutput, names.notOurs]) utimesSync(join(dir, n), old, old);
    utimesSync(join(dir, names.staleLive), Date.now() / 1000 - 120, Date.now() / 1000 - 120);
    removeStaleTemps(dir, 'out.json');
    const left = readdirSync(dir).sort();
    expect(left).toEqual([names.otherOutput, names.staleLive, names.notOurs, names.recentDead].sort());
  });

  // The report is written as it is made (64 KiB pieces, 400 MiB in all): the signal comes while it is written.
  it('SIGTERM while the temporary file exists removes it, and the output is not half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-signal-'));
    const out = join(dir, 'big.txt');
    const script = `import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'dist', 'io', 'write-atomic.js'))};
      const piece = 'a'.repeat(64 * 1024);
      await writeFileAtomic(${JSON.stringify(out)}, (function* () { for (let i = 0; i < 6400; i++) yield piece; })());`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    // Wait for the temporary file, then signal.
    for (let i = 0; i < 2000 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an output whose name is near the 255 bytes a file name may have', () => {
  it('is written: its temporary file is named from its start and a hash of the whole name', async () => {
    const { tempStem } = await import('../../src/io/write-atomic.js');
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-longname-'));
    for (const name of [`${'d'.repeat(240)}.json`, `${'ệ'.repeat(83)}.json`]) {
      await writeFileAtomic(join(dir, name), '{}\n');
      expect(readFileSync(join(dir, name), 'utf8')).toBe('{}\n');
      expect(Buffer.byteLength(`.${tempStem(name)}.4294967295.00000000.tmp`)).toBeLessThanOrEqual(255);
    }
    expect(tempStem(`${'d'.repeat(240)}.json`)).not.toBe(tempStem(`${'d'.repeat(240)}.csv`));
    expect(tempStem('annex.json')).toBe('annex.json');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
