/**
 * The parser's ceiling: csv-parse's stream API over the same file with the options povcheck's reader uses,
 * doing nothing with the records. Prints one JSON line: rows, ms, peak RSS.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { csvOptions } from '../dist/read/records.js';

const t0 = performance.now();
let rows = 0;
const parser = createReadStream(process.argv[2]).pipe(
  parse(csvOptions(process.argv[3] || ',')),
);
for await (const _record of parser) rows++;
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ rows, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
