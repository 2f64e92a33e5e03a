/**
 * text → Grid for delimited text (CSV with ',' or ';', TAB-separated "Unicode Text").
 * csv-parse does the quoting; povcheck never lets it cast values: every cell stays the text that was typed.
 */
import { parse } from 'csv-parse/sync';
import { csvError, csvOptions, splitRecords, withoutStacks } from './records.js';
import { PovcheckError } from '../errors.js';
import { gridFromRecords, type Grid } from './grid.js';
import type { TextEncodingName } from './decode.js';

export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: Delimiter[] = ['\t', ';', ','];

/**
 * Text → records with csv-parse's semantics. Text without a quote character is split directly (records.ts,
 * which test/read/records.test.ts holds to csv-parse's results): csv-parse
 * costs far more on small files, where its set-up dominates.
 */
function parseAll(text: string, delimiter: Delimiter, toLine?: number): string[][] {
  if (!text.includes('"')) return splitRecords(text, delimiter, toLine);
  return withoutStacks(() => parse(text, { ...csvOptions(delimiter), ...(toLine ? { to_line: toLine } : {}) }) as string[][]);
}

interface Score {
  delimiter: Delimiter;
  consistency: number;
  width: number;
}

function scoreDelimiter(sample: string, delimiter: Delimiter): Score | undefined {
  let records: string[][];
  try {
    records = parseAll(sample, delimiter, 200);
  } catch {
    return undefined;
  }
  // Only lines with content count; count fields up to the last non-empty one so that
  // trailing empty cells (common in Excel exports) do not disturb the picture.
  const widths: number[] = [];
  for (const rec of records) {
    let last = -1;
    for (let i = 0; i < rec.length; i++) if ((rec[i] ?? '').trim() !== '') last = i;
    if (last >= 0) widths.push(rec.length);
  }
  if (widths.length === 0) return undefined;
  const freq = new Map<number, number>();
  for (const w of widths) freq.set(w, (freq.get(w) ?? 0) + 1);
  let mode = 0;
  let modeCount = 0;
  for (const [w, n] of freq) if (n > modeCount || (n === modeCount && w > mode)) [mode, modeCount] = [w, n];
  if (mode < 2) return undefined;
  return { delimiter, consistency: modeCount / widths.length, width: mode };
}

export function detectDelimiter(text: string): Delimiter | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let best: Score | undefined;
  for (const d of CANDIDATES) {
    // A delimiter that does not occur makes one-field records, which never score: no need to parse.
    if (sample.indexOf(d) < 0) continue;
    const s = scoreDelimiter(sample, d);
    if (!s) continue;
    // Earlier candidates win ties: TAB and ';' are rarely inside values, ',' is the Vietnamese decimal mark.
    if (!best || s.consistency > best.consistency + 1e-9) best = s;
  }
  return best?.delimiter;
}

export function readDelimited(text: string, encoding: TextEncodingName, forced?: Delimiter): { grid: Grid; delimiter: Delimiter } {
  const delimiter = forced ?? detectDelimiter(text);
  if (!delimiter) {
    throw new PovcheckError('NOT_A_TABLE', { reason: 'no-columns' });
  }
  let records: string[][];
  try {
    records = parseAll(text, delimiter);
  } catch (e) {
    if (e instanceof PovcheckError) throw e;
    throw csvError(e as { code?: string; lines?: number; message?: string });
  }
  // A trailing newline yields one empty record at the end; drop empty records at the end only,
  // so that row numbers of everything else stay those Excel shows.
  while (records.length > 0 && records[records.length - 1]!.every((f) => f.trim() === '')) records.pop();
  return { grid: gridFromRecords(records, { kind: 'delimited', encoding, delimiter }), delimiter };
}
