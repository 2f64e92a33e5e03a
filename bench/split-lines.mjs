/**
 * Baseline "splitter" of issue 14: the least work that still reads every number — the file in 1 MiB chunks,
 * decoded as UTF-8, split on line breaks and on the delimiter, the five counts read with parseInt (the
 * thousands dots removed first), added into a checksum so nothing is optimised away. No quotes, no checks.
 * Prints one JSON line: rows, checksum, peak RSS.
 *
 *   node bench/split-lines.mjs table.csv
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { DELIMITER, FIELDS } from './gen-table.mjs';

const fd = openSync(process.argv[2], 'r');
const chunk = Buffer.alloc(1 << 20);
const decoder = new TextDecoder('utf-8');
let carry = '';
let rows = -1; // the header line is not a row
let checksum = 0;

function onLine(line) {
  if (line === '') return;
  rows++;
  if (rows === 0) return;
  const f = line.split(DELIMITER);
  for (const k of FIELDS.counts) checksum += parseInt(f[k].replaceAll('.', ''), 10);
}

for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  const text = carry + decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
  const lines = text.split('\n');
  carry = n > 0 ? lines.pop() : '';
  for (const l of lines) onLine(l.endsWith('\r') ? l.slice(0, -1) : l);
  if (n === 0) break;
}
closeSync(fd);
process.stdout.write(`${JSON.stringify({ rows, checksum, maxRssKb: process.resourceUsage().maxRSS })}\n`);
