/**
 * `npm run bench`: povcheck's three performance targets (issue 6), measured side by side in one run on data
 * generated into a temporary folder. Benchmarks print figures; they are not tests and never fail a build.
 *
 *  1. start-up: `povcheck validate` on the seed annex vs Node's bare start (`node -e 0`), runs interleaved;
 *     target: median wall time ≤ 1.5 × node -e 0.
 *  2. 1,000 annex files in one run; target ≤ 2 s (on a 2-core machine).
 *  3. a 1,000,000-row hierarchical long table vs raw csv-parse on the same file (the parser's ceiling);
 *     targets: ≥ 0.8 × csv-parse's rows per second, peak RSS ≤ 200 MB.
 *
 * Options (environment): BENCH_ROWS (1000000), BENCH_FILES (1000), BENCH_STARTUP_RUNS (40), BENCH_RUNS (3),
 * BENCH_KEEP=1 keeps the data folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLongTable } from './gen-long.mjs';
import * as fx from '../scripts/fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'povcheck.js');
const MEASURE = join(ROOT, 'bench', 'measure.cjs');
const ROWS = Number(process.env.BENCH_ROWS) || 1_000_000;
const FILES = Number(process.env.BENCH_FILES) || 1000;
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS) || 40;
const RUNS = Number(process.env.BENCH_RUNS) || 3;
/** The 1,000 files are named as a CI job names them: the folder (`povcheck validate dir/`). */
const PASS_DIRECTORY = true;

const env = { ...process.env, NO_COLOR: '1', CI: '1', LANG: 'C', LC_ALL: '' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function run(args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const wall = ms(t0);
  if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { wall, stdout: r.stdout.toString() };
}

/** povcheck in-process under bench/measure.cjs: wall time, peak RSS and CPU of the run. */
function measured(args) {
  const stats = join(dataDir, `stats-${Math.random().toString(36).slice(2)}.json`);
  const r = run([MEASURE, BIN, ...args], { env: { BENCH_STATS: stats } });
  const s = JSON.parse(readFileSync(stats, 'utf8').trim().split('\n').pop());
  return { ...r, rssMb: s.maxRssKb / 1024, cpuMs: s.cpuMs };
}

const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const dataDir = mkdtempSync(join(tmpdir(), 'povcheck-bench-'));
const started = new Date();
console.log(`povcheck benchmark — ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`data: ${dataDir}`);
console.log('');

// ---------------------------------------------------------------------------------------------------------
// Data
const seed = join(dataDir, 'tuyen-quang-2020.csv');
copyFileSync(join(ROOT, 'fixtures', 'tuyen-quang-2020.csv'), seed);

const annexDir = join(dataDir, 'annexes');
mkdirSync(annexDir);
const annexFiles = [];
for (let i = 0; i < FILES; i++) {
  // The seed annex as the districts of many plans hand it over: several layouts and formats, a slip in some.
  const data = fx.cloneData();
  if (i % 3 === 0) data.poor_end[1 + (i % 7)] = String(Number(data.poor_end[1 + (i % 7)]) + 1 + (i % 5));
  const kind = i % 4;
  const bytes =
    kind === 0
      ? fx.serialize(fx.wideRecords(data), { delimiter: ';' })
      : kind === 1
        ? fx.serialize(fx.wideRecords(data, { locale: 'en', lang: 'en' }), { delimiter: ',', encoding: 'utf-8', eol: '\n' })
        : kind === 2
          ? fx.serialize(fx.longRecords(data, { keys: false }), { delimiter: ';' })
          : fx.serialize(fx.wideRecords(data), { delimiter: '\t', encoding: 'utf-16le' });
  const f = join(annexDir, `annex-${String(i).padStart(4, '0')}.csv`);
  writeFileSync(f, bytes);
  annexFiles.push(f);
}

const big = join(dataDir, 'long-1m.csv');
await writeLongTable(ROWS, big);
const bigBytes = statSync(big).size;
console.log(`generated: the seed annex; ${FILES} annex files; a ${fmt(ROWS)}-row hierarchical long table (${fmt(bigBytes / 2 ** 20, 1)} MiB)`);
console.log('');

// ---------------------------------------------------------------------------------------------------------
// 1. Start-up
for (let i = 0; i < 3; i++) {
  run(['-e', '0']);
  run([BIN, 'validate', seed]);
}
const bare = [];
const pov = [];
for (let i = 0; i < STARTUP_RUNS; i++) {
  bare.push(run(['-e', '0']).wall);
  pov.push(run([BIN, 'validate', seed]).wall);
}
const startRatio = median(pov) / median(bare);

// 2. 1,000 files in one run
const filesArgs = PASS_DIRECTORY ? [annexDir] : annexFiles;
run([BIN, 'validate', ...filesArgs, '--format', 'json']);
const many = [];
const manyText = [];
for (let i = 0; i < RUNS; i++) {
  many.push(run([BIN, 'validate', ...filesArgs, '--format', 'json']).wall);
  manyText.push(run([BIN, 'validate', ...filesArgs]).wall);
}

// 3. The 1,000,000-row table: raw csv-parse (the ceiling) and povcheck, alternated.
const raw = [];
const big1 = [];
let check = '';
for (let i = 0; i < RUNS; i++) {
  const r = run([join(ROOT, 'bench', 'raw-csv-parse.mjs'), big]);
  raw.push(JSON.parse(r.stdout.trim()));
  const p = measured(['validate', big, '--format', 'json']);
  big1.push(p);
  if (!check) {
    const report = JSON.parse(p.stdout);
    const f = report.files[0];
    check = `${f.status}, ${fmt(f.units)} units, ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} infos`;
  }
}
const units = ROWS - 1;
const rawRate = median(raw.map((r) => (r.rows / r.ms) * 1000));
const povRate = median(big1.map((p) => (units / p.wall) * 1000));
const povRss = Math.max(...big1.map((p) => p.rssMb));
const rawRss = median(raw.map((r) => r.maxRssKb / 1024));

// ---------------------------------------------------------------------------------------------------------
const W = [44, 16, 22, 10, 14, 6];
console.log(line(['measure', 'povcheck', 'baseline', 'ratio', 'target', 'met'], W));
console.log(line(W.map((w) => '-'.repeat(w)), W));
console.log(
  line(['validate seed annex, median wall', `${fmt(median(pov), 1)} ms`, `node -e 0: ${fmt(median(bare), 1)} ms`, `${startRatio.toFixed(2)}×`, '≤ 1.50×', startRatio <= 1.5 ? 'yes' : 'NO'], W),
);
console.log(line([`${FILES} annex files in one run (json), median`, `${fmt(median(many) / 1000, 2)} s`, '', '', '≤ 2 s', median(many) <= 2000 ? 'yes' : 'NO'], W));
console.log(line([`${FILES} annex files in one run (text report)`, `${fmt(median(manyText) / 1000, 2)} s`, '', '', '(info)', ''], W));
console.log(
  line(
    [`${fmt(ROWS)}-row table, rows/s (median)`, fmt(povRate), `csv-parse: ${fmt(rawRate)}`, `${(povRate / rawRate).toFixed(2)}×`, '≥ 0.80×', povRate / rawRate >= 0.8 ? 'yes' : 'NO'],
    W,
  ),
);
console.log(line([`${fmt(ROWS)}-row table, wall (median)`, `${fmt(median(big1.map((p) => p.wall)) / 1000, 2)} s`, `csv-parse: ${fmt(median(raw.map((r) => r.ms)) / 1000, 2)} s`, '', '', ''], W));
console.log(line([`${fmt(ROWS)}-row table, peak RSS (max of runs)`, `${fmt(povRss)} MB`, `csv-parse: ${fmt(rawRss)} MB`, '', '≤ 200 MB', povRss <= 200 ? 'yes' : 'NO'], W));
console.log('');
console.log(`start-up runs: ${STARTUP_RUNS} each, interleaved; min povcheck ${fmt(Math.min(...pov), 1)} ms, node -e 0 ${fmt(Math.min(...bare), 1)} ms`);
console.log(`1M-row report: ${check}; povcheck CPU ${fmt(median(big1.map((p) => p.cpuMs)) / 1000, 2)} s per run`);
console.log(`runs: ${RUNS} of each large measure; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
