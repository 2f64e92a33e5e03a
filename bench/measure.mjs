/**
 * Running and timing child processes for bench/run.mjs.
 *
 * Every run is `node --require bench/rusage.cjs …`: the preload records the child's own CPU time (user +
 * system, all threads, to the microsecond) and peak resident memory when it exits; the wall time is measured
 * here, from spawn to exit. The preload costs every run the same fraction of a millisecond, the baselines
 * included. A run that dies (an out-of-memory abort, a signal, a timeout) records no CPU or memory: it
 * counts as a failure with its reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUSAGE = join(dirname(fileURLToPath(import.meta.url)), 'rusage.cjs');

/** The children's environment: povcheck's defaults, no colours, no progress bar, no CI integrations. */
export const ENV = { ...process.env, NO_COLOR: '1', NO_PROGRESS: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
for (const k of ['POVCHECK_DEBUG', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY', 'NODE_OPTIONS']) delete ENV[k];

export class Runner {
  /** @param {string} dir where the runs' outputs go; @param {number} timeoutMs per run */
  constructor(dir, timeoutMs) {
    this.dir = dir;
    this.timeoutMs = timeoutMs;
    this.seq = 0;
  }

  /**
   * Runs `node …args` once; resolves to { wall, cpu (ms), rssMb, code, failure?, out (its stdout's file) }.
   * `ok` lists the exit codes that mean the program did its job (povcheck: 0 clean, 1 errors found). A run
   * past the timeout is killed with its process group.
   */
  run(args, { ok = [0] } = {}) {
    const id = ++this.seq;
    const [out, err, stats] = ['out', 'err', 'rusage'].map((k) => join(this.dir, `${k}-${id}.txt`));
    const fds = [openSync(out, 'w'), openSync(err, 'w')];
    return new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const child = spawn(process.execPath, ['--require', RUSAGE, ...args], { env: { ...ENV, BENCH_RUSAGE: stats }, stdio: ['ignore', ...fds], detached: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, this.timeoutMs);
      child.on('exit', (code, signal) => {
        const wall = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        fds.forEach(closeSync);
        const m = /^(\d+) ([\d.e-]+) ([\d.e-]+)$/.exec((existsSync(stats) ? readFileSync(stats, 'utf8') : '').trim().split('\n').pop() ?? '');
        let failure;
        if (timedOut) failure = `timed out after ${this.timeoutMs / 1000} s`;
        else if (signal) failure = `killed by ${signal}`;
        else if (!ok.includes(code)) failure = `exit ${code}: ${firstLine(err)}`;
        resolve({ wall, cpu: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN, rssMb: m ? Number(m[1]) / 1024 : NaN, code, failure, out });
      });
    });
  }

  /**
   * `rounds` rounds; each runs every subject (`{ args, ok?, reps? }`) in an order that rotates from round to
   * round, so that the machine's load weighs on baseline and subject alike. Resolves to runs per subject.
   */
  async interleave(rounds, subjects, label, progress) {
    const keys = Object.keys(subjects);
    const res = Object.fromEntries(keys.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      progress(`${label}: round ${r + 1}/${rounds}`);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[(i + r) % keys.length];
        for (let j = 0; j < (subjects[k].reps ?? 1); j++) res[k].push(await this.run(subjects[k].args, subjects[k]));
      }
    }
    return res;
  }
}

const firstLine = (file) => (readFileSync(file, 'utf8').trim().split('\n').find((l) => l.trim()) ?? '').slice(0, 200);

/** Instructions executed in user space by one run under valgrind's callgrind (NaN without valgrind). */
export function instructions(args) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], { env: ENV, encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) : NaN;
}

// Statistics over runs; failed runs count as missing values.
const finite = (xs) => xs.filter(Number.isFinite);
export const median = (xs) => {
  const s = finite(xs).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const min = (xs) => (finite(xs).length ? Math.min(...finite(xs)) : NaN);
export const max = (xs) => (finite(xs).length ? Math.max(...finite(xs)) : NaN);
export const walls = (runs) => runs.map((r) => (r.failure ? NaN : r.wall));
export const cpus = (runs) => runs.map((r) => (r.failure ? NaN : r.cpu));
export const rss = (runs) => runs.map((r) => (r.failure ? NaN : r.rssMb));
export const failureOf = (runs) => runs.find((r) => r.failure)?.failure;
