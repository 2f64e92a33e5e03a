/**
 * The benchmark's many small files (issue 14): `count` copies of the seed annex (Tuyên Quang 2020, eight
 * units) as the districts of many plans hand them over, each with one typing slip.
 *
 * Formats, in turn: Vietnamese wide layout with `;` (UTF-8 with BOM, CRLF); English numbers and labels with
 * `,` (UTF-8, LF); the long layout with Vietnamese labels and `;`; Excel's "Unicode Text" (UTF-16LE, TAB).
 * Slips, in turn (on a unit that changes from file to file, the total included): two adjacent digits swapped
 * in poor households at the end; one digit mistyped in households at the start; two digits swapped in the end
 * rate; a digit dropped from the poor households reduced; a digit doubled in poor households at the start.
 *
 *   node bench/gen-annexes.mjs <dir> [count=1000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fx from '../scripts/fixtures.mjs';

/** Digit positions of a plain number ("9.74" → the indexes of 9, 7, 4). */
const digitsAt = (s) => [...s].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
const setAt = (s, i, ch) => s.slice(0, i) + ch + s.slice(i + 1);

/** Swaps the first two adjacent different digits (not making a leading zero). */
function swapDigits(s) {
  const at = digitsAt(s);
  for (let k = 0; k + 1 < at.length; k++) {
    const [i, j] = [at[k], at[k + 1]];
    if (s[i] === s[j] || (k === 0 && s[j] === '0')) continue;
    return setAt(setAt(s, i, s[j]), j, s[i]);
  }
  return null;
}

const SLIPS = [
  { indicator: 'poor_end', slip: swapDigits },
  { indicator: 'households_start', slip: (s) => setAt(s, s.length - 2, String((Number(s[s.length - 2]) + 3) % 10)) },
  { indicator: 'rate_end', slip: swapDigits },
  { indicator: 'poor_reduced', slip: (s) => (s.length > 1 ? s.slice(0, -2) + s.slice(-1) : null) },
  { indicator: 'poor_start', slip: (s) => s[0] + s },
];

/** The seed's plain digits with the i-th file's slip; falls back to the next unit when a slip does not apply. */
export function slippedData(i) {
  const data = fx.cloneData();
  const { indicator, slip } = SLIPS[i % SLIPS.length];
  for (let k = 0; k < fx.UNITS.length; k++) {
    const unit = (i + k) % fx.UNITS.length;
    const typed = slip(data[indicator][unit]);
    if (typed === null || typed === data[indicator][unit]) continue;
    data[indicator][unit] = typed;
    return { data, indicator, unit: fx.UNITS[unit] };
  }
  throw new Error(`no slip for file ${i}`);
}

function bytesOf(data, i) {
  switch (i % 4) {
    case 0:
      return fx.serialize(fx.wideRecords(data), { delimiter: ';' });
    case 1:
      return fx.serialize(fx.wideRecords(data, { locale: 'en', lang: 'en' }), { delimiter: ',', encoding: 'utf-8', eol: '\n' });
    case 2:
      return fx.serialize(fx.longRecords(data, { keys: false }), { delimiter: ';' });
    default:
      return fx.serialize(fx.wideRecords(data), { delimiter: '\t', encoding: 'utf-16le' });
  }
}

/** Writes the files into `dir` (created); returns their paths. */
export function writeAnnexes(dir, count = 1000) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const f = join(dir, `annex-${String(i).padStart(4, '0')}.csv`);
    writeFileSync(f, bytesOf(slippedData(i).data, i));
    files.push(f);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = writeAnnexes(process.argv[2] || 'annexes', Number(process.argv[3] || 1000));
  process.stdout.write(`${files.length} files\n`);
}
