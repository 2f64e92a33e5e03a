/**
 * Baseline "csv-parse" of issue 14: a plain program a developer would write to check a long table with
 * csv-parse. It parses the same file (csv-parse's stream API, read as its README shows, with the quoting
 * options povcheck's reader uses: relax_column_count, relax_quotes; BOM stripped), reads the five counts in
 * the Vietnamese number format (`12.345`), and checks
 *   - the sums: every parent's counts equal the sums of its children's (parents found by the parent code,
 *     in any row order, at any depth);
 *   - the flow: poor_end = poor_start − poor_reduced on every row.
 * No rates, no messages, no localisation. Prints one JSON line: rows, the failing checks, peak RSS.
 *
 *   node bench/raw-csv-parse.mjs table.csv
 * The columns are those of bench/gen-table.mjs (FIELDS); the delimiter is `;`.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { DELIMITER, FIELDS } from './gen-table.mjs';

const N = FIELDS.counts.length;
let cap = 1 << 16;
let counts = new Float64Array(cap * N);
const index = new Map(); // code → row index
const parents = []; // row index → parent code ('' for a root)
let rows = 0;
let badNumbers = 0;
let flowFailures = 0;

const count = (text) => {
  const v = Number(text.replaceAll('.', ''));
  if (!Number.isInteger(v)) badNumbers++;
  return v;
};

function onRecord(r) {
  if (rows === cap) {
    const grown = new Float64Array(cap * 2 * N);
    grown.set(counts);
    counts = grown;
    cap *= 2;
  }
  const base = rows * N;
  for (let k = 0; k < N; k++) counts[base + k] = count(r[FIELDS.counts[k]]);
  const ps = counts[base + FIELDS.poorStart - FIELDS.counts[0]];
  const pr = counts[base + FIELDS.poorReduced - FIELDS.counts[0]];
  const pe = counts[base + FIELDS.poorEnd - FIELDS.counts[0]];
  if (pe !== ps - pr) flowFailures++;
  index.set(r[FIELDS.code], rows);
  parents.push(r[FIELDS.parent]);
  rows++;
}

const parser = createReadStream(process.argv[2]).pipe(
  parse({ delimiter: DELIMITER, bom: true, relax_column_count: true, relax_quotes: true, from_line: 2 }),
);
parser.on('readable', () => {
  let r;
  while ((r = parser.read()) !== null) onRecord(r);
});
await new Promise((resolve, reject) => {
  parser.on('end', resolve);
  parser.on('error', reject);
});

// The sums, per parent and count.
const sums = new Float64Array(rows * N);
const hasChildren = new Uint8Array(rows);
let unknownParents = 0;
for (let i = 0; i < rows; i++) {
  if (!parents[i]) continue;
  const p = index.get(parents[i]);
  if (p === undefined) {
    unknownParents++;
    continue;
  }
  hasChildren[p] = 1;
  for (let k = 0; k < N; k++) sums[p * N + k] += counts[i * N + k];
}
let sumFailures = 0;
for (let p = 0; p < rows; p++) if (hasChildren[p]) for (let k = 0; k < N; k++) if (sums[p * N + k] !== counts[p * N + k]) sumFailures++;

process.stdout.write(`${JSON.stringify({ rows, sumFailures, flowFailures, badNumbers, unknownParents, maxRssKb: process.resourceUsage().maxRSS })}\n`);
