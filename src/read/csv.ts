/**
 * text → Grid for delimited text (CSV with ',' or ';', TAB-separated "Unicode Text").
 * csv-parse does the quoting; povcheck never lets it cast values: every cell stays the text that was typed.
 */
import { parse } from 'csv-parse/sync';
import { ByteFields, csvError, csvOptions, MAX_COLUMNS, openQuoteLine, RecordSplitter, splitRecords, splitSimplyQuoted, tooWide, withoutStacks } from './records.js';
import { Buffer } from 'node:buffer';
import { PovcheckError } from '../errors.js';
import { CellCounter } from './memory-budget.js';
import { a1, type Cell, type Grid, type SourceInfo } from '../model/grid.js';
import { memoryBytes, type ByteSource, type StreamedText, type TextEncodingName } from './decode.js';

export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: Delimiter[] = ['\t', ';', ','];

/**
 * Text → records with csv-parse's semantics. Text without a quote character is split directly (records.ts,
 * which test/read/records.test.ts holds to csv-parse's results): csv-parse
 * costs far more on small files, where its set-up dominates.
 */
function parseAll(text: string, delimiter: Delimiter, toLine?: number, cells?: CellCounter): string[][] {
  if (!text.includes('"')) return splitRecords(text, delimiter, toLine, cells);
  const simple = splitSimplyQuoted(text, delimiter, toLine);
  if (simple) {
    if (cells) for (const r of simple) cells.add(r.length);
    return simple;
  }
  // The line each record ends on: a quote never closed opens the record after the last complete one.
  let lastLine = 0;
  let wide: number | undefined;
  let refused: PovcheckError | undefined;
  const onRecord = (record: string[], ctx: { lines: number }) => {
    lastLine = ctx.lines;
    if (record.length > MAX_COLUMNS) wide ??= ctx.lines;
    try {
      cells?.add(record.length);
    } catch (e) {
      refused ??= e as PovcheckError;
      throw e;
    }
    return record;
  };
  let records: string[][];
  try {
    records = withoutStacks(() => parse(text, { ...csvOptions(delimiter), ...(toLine ? { to_line: toLine } : {}), on_record: onRecord }) as string[][]);
  } catch (e) {
    if (refused) throw refused;
    const err = e as { code?: string; lines?: number; message?: string };
    // The line where the quote opens, from the text itself (csv-parse counts a CRLF inside quotes as two lines).
    const open = err.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(text, delimiter) : undefined;
    throw csvError(err, 0, open !== undefined ? open - 1 : lastLine);
  }
  if (wide !== undefined) throw tooWide(wide);
  return records;
}

interface Score {
  delimiter: Delimiter;
  consistency: number;
  width: number;
  records: string[][];
}

/** Lines of the sample a delimiter is scored on. */
const SAMPLE_LINES = 200;

function scoreDelimiter(sample: string, delimiter: Delimiter, problems: PovcheckError[]): Score | undefined {
  let records: string[][];
  try {
    records = parseAll(sample, delimiter, SAMPLE_LINES);
    // A record longer than the lines sampled (a note of hundreds of lines in one quoted cell) ends none of them: the
    // sample is read whole (it was "no line splits into several fields").
    if (records.length < 2 && !fewerLines(sample, SAMPLE_LINES)) records = parseAll(sample, delimiter);
  } catch (e) {
    if (e instanceof PovcheckError) problems.push(e);
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
  return { delimiter, consistency: modeCount / widths.length, width: mode, records };
}

export function detectDelimiter(text: string): Delimiter | undefined {
  return detect(text).delimiter;
}

/**
 * The fields commas split the header into: the first record of three or more fields `best` read (a table's header,
 * past any title), its text put back together; undefined without one (nothing to tell by).
 */
function commaFieldsOfHeader(best: Score): number | undefined {
  const header = best.records.find((r) => r.length >= 3);
  return header === undefined ? undefined : header.join(best.delimiter).split(',').length;
}

/** Whether every comma of the text stands between two digits. */
function decimalCommasOnly(text: string): boolean {
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    if (!isDigit(text.charCodeAt(i - 1)) || !isDigit(text.charCodeAt(i + 1))) return false;
  }
  return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Fewer than `max` line breaks (CR or LF, each counted): a parse stopped at line `max` read the whole text. */
function fewerLines(text: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && ++n >= max) return false;
  }
  return true;
}

/**
 * The text the delimiter is judged on: its first 200,000 characters, ended at their last line break when they have
 * one (cut inside a long quoted cell, the sample's quote never closed, and a table with one 200,000-character cell
 * was refused as "a quoted field … is never closed").
 */
function sampleOf(text: string): string {
  if (text.length <= DETECT_SAMPLE) return text;
  const end = Math.max(text.lastIndexOf('\n', DETECT_SAMPLE - 1), text.lastIndexOf('\r', DETECT_SAMPLE - 1));
  return text.slice(0, end > 0 ? end + 1 : DETECT_SAMPLE);
}

/** Characters of a text the delimiter is judged on, at most. */
const DETECT_SAMPLE = 200_000;

/** `records`: the winner's, when its sample was the whole text (a small file is not parsed twice). */
function detect(text: string): { delimiter?: Delimiter; problems: PovcheckError[]; records?: string[][] } {
  const sample = sampleOf(text);
  const problems: PovcheckError[] = [];
  let best: Score | undefined;
  for (const d of CANDIDATES) {
    // A delimiter that does not occur makes one-field records, which never score: no need to parse.
    if (sample.indexOf(d) < 0) continue;
    // In a text another delimiter splits, commas each between two digits are decimal marks (`11,80`): not a delimiter.
    // (Scored, they won whenever a few rows had a field more than the others: a note after the figures, a name holding `;`.)
    if (d === ',' && best && decimalCommasOnly(sample)) break;
    const s = scoreDelimiter(sample, d, problems);
    if (!s) continue;
    // Nor are they when that delimiter splits most lines alike and the commas do not split its header into the columns
    // they split the rows into (none in it, or one inside a label: `Tỷ lệ hộ nghèo (%, cuối năm)`).
    if (d === ',' && best && best.consistency >= 0.5 && (commaFieldsOfHeader(best) ?? s.width) !== s.width) break;
    // Earlier candidates win ties: TAB and ';' are rarely inside values, ',' is the Vietnamese decimal mark.
    if (!best || s.consistency > best.consistency + 1e-9) best = s;
    // Every line of one width: no later candidate can score higher (it would need more than all its lines), so none
    // is parsed (a Vietnamese table's decimal commas, split for nothing at every file).
    if (best.consistency >= 1) break;
  }
  if (!best) return { problems };
  return { delimiter: best.delimiter, problems, ...(sample === text && fewerLines(text, SAMPLE_LINES) ? { records: best.records } : {}) };
}

/**
 * The delimiter of a text, or why there is none: the first line that no delimiter could split (a quote that
 * never closes, a line of more columns than a spreadsheet has), else no column structure at all.
 */
export function delimiterOf(text: string): Delimiter {
  return delimiterAndRecords(text).delimiter;
}

/** delimiterOf, with the records when detecting the delimiter parsed the whole text. */
function delimiterAndRecords(text: string): { delimiter: Delimiter; records?: string[][] } {
  const { delimiter, problems, records } = detect(text);
  if (delimiter) return { delimiter, ...(records ? { records } : {}) };
  throw problems[0] ?? new PovcheckError('NOT_A_TABLE', { reason: 'no-columns' });
}

export function readDelimited(text: string, encoding: TextEncodingName, forced?: Delimiter): { grid: Grid; delimiter: Delimiter } {
  const detected = forced ? undefined : delimiterAndRecords(text);
  const delimiter = forced ?? detected!.delimiter;
  return { grid: delimitedGrid(text, encoding, delimiter, detected?.records), delimiter };
}

/** The grid of a text split at `delimiter`: `records`, when detection's were the whole text, else the text parsed. */
function delimitedGrid(text: string, encoding: TextEncodingName, delimiter: Delimiter, detected?: string[][]): Grid {
  let records: string[][];
  try {
    // Cells are counted as they are read: a table larger than the heap holds is refused before it fills it
    // (detection's records, when they are the whole text, are counted the same way).
    const cells = new CellCounter();
    if (detected) for (const r of detected) cells.add(r.length);
    records = detected ?? parseAll(text, delimiter, undefined, cells);
  } catch (e) {
    if (e instanceof PovcheckError) throw e;
    throw csvError(e as { code?: string; lines?: number; message?: string });
  }
  // A trailing newline yields one empty record at the end; drop empty records at the end only,
  // so that row numbers of everything else stay those Excel shows.
  while (records.length > 0 && records[records.length - 1]!.every((f) => f.trim() === '')) records.pop();
  return gridFromRecords(records, { kind: 'delimited', encoding, delimiter });
}

/** Builds a grid from plain strings (CSV records), assigning A1 references. */
export function gridFromRecords(records: string[][], source: SourceInfo, sheet?: string): Grid {
  const rows = records.map((rec, r) =>
    rec.map((raw, c): Cell => (sheet ? { raw, ref: a1(r, c), row: r, col: c, sheet } : { raw, ref: a1(r, c), row: r, col: c })),
  );
  return sheet ? { rows, source, sheet } : { rows, source };
}

/**
 * Records a table is shaped from before the rest is read (shape/index.ts `shapeTable`): enough for the
 * shape stage to find the layout, the header and the columns exactly as in the whole table (its label scan
 * reads at most 300 rows of a column, shape/index.ts WIDE_SCAN_ROWS).
 */
export const HEAD_ROWS = 301;
/**
 * The head of a large text read a piece at a time (a StreamedText, more than 4 MiB: 50,000 units and more). It
 * shapes the table as a head of `HEAD_ROWS` would (the label scan reads 300 rows of it); its 2,001 rows as a grid
 * are nothing beside such a table, and they keep its memory steady: with 301, the 1,000,000-unit table's peak RSS
 * rose from about 183 MB to 190 MB at the median and to 246 MB in one run of ten, its young generation growing
 * later (52 scavenges, not 40), more of it promoted (docs/performance-history.md, 2026-12-04).
 */
export const STREAMED_HEAD_ROWS = 2_001;
/** Characters of text split at a time after the head: a piece's fields are copied out by the column store. */
const PIECE = 1 << 16;
/**
 * Characters split at a time until the head's rows are read: the records split past them are read as text (`rest`'s
 * `each`), the others from the bytes when the text comes with them; the pieces change no record.
 */
const HEAD_PIECE = 1 << 12;
/**
 * Characters of the head's text whose lines the records of the whole text are estimated from (`estimatedRecords`,
 * which sizes the column store once): several thousand records however few rows the head has.
 */
const ESTIMATE_SAMPLE = 4 * PIECE;

/** Lines in `text` up to `end` (CRLF, LF and CR each end one; a last line without its break counts). */
function linesIn(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  // Text whose lines end at CR alone (old Mac exports): its CRs that start no CRLF.
  if (n === 0) for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) n++;
  return end > 0 && text.charCodeAt(end - 1) !== 10 && text.charCodeAt(end - 1) !== 13 ? n + 1 : n;
}

/** A delimited table as the validate pipeline reads it: its first rows as a grid, the rest one record at a time. */
export interface DelimitedTable {
  head: Grid;
  /**
   * The records after the head's rows, in order, with their 0-based rows; absent when the head is the whole
   * table. `progress(done, total)`, in characters of text, after each piece (timers run in between).
   * `eachBytes`: a large UTF-8 file's records after its head's text read from its bytes, as their fields'
   * byte ranges (`ByteFields`: `strings()` is the record `each` would get), when a line is one the byte
   * splitter hands on (records.ts `pushBytes`); without it, or for other texts, every record goes to `each`.
   */
  rest?: (each: (row: number, record: string[]) => void, progress?: (done: number, total: number) => void, eachBytes?: (row: number, fields: ByteFields) => void) => Promise<void>;
  /** The whole table as a grid (a layout read whole, such as a wide table). */
  whole: () => Grid;
  /** Records in the whole text, estimated from the head's (a column store is sized once, not grown by doubling). */
  estimatedRecords?: number;
}

/**
 * Text → a DelimitedTable. Records are split as readDelimited splits them (the same splitter, csv-parse's
 * options); a quote-free text after its head is split a piece at a time, so that no array of every record is
 * ever built. A large text comes as a StreamedText (read/decode.ts): decoded a piece at a time as its records
 * are read, never whole (its delimiter is detected on its head, whose first 200,000 characters are the sample
 * of any text). `rest` is called at most once. `headRows`: fewer in tests.
 */
export function delimitedTable(
  input: string | StreamedText,
  encoding: TextEncodingName,
  forced?: Delimiter,
  headRows = typeof input === 'string' ? HEAD_ROWS : STREAMED_HEAD_ROWS,
  /** The UTF-8 bytes a text `input` is exactly the decoding of (no BOM before them): its records after the head read from them. */
  utf8?: Uint8Array,
): DelimitedTable {
  // (Closures read `src` and `stream`, which `rest` empties once read: nothing keeps a big file's text or
  // bytes alive after.)
  let stream = typeof input === 'string' ? undefined : input;
  let src = typeof input === 'string' ? input : input.head;
  const detected = forced ? undefined : delimiterAndRecords(src);
  const delimiter = forced ?? detected!.delimiter;
  const source: SourceInfo = { kind: 'delimited', encoding, delimiter };
  const whole = () => readDelimited(stream ? stream.whole() : src, encoding, delimiter).grid;
  if (!stream && (detected?.records || src.includes('"'))) {
    // Detection's records, when they are the whole text, are the table's (a small file is parsed once).
    return parsedAtOnce(detected?.records ? delimitedGrid(src, encoding, delimiter, detected.records) : whole(), headRows, source);
  }
  const head: string[][] = [];
  let more: string[][] = [];
  let sink: ((row: number, record: string[]) => void) | undefined;
  let row = 0;
  const splitter = new RecordSplitter(delimiter, (rec) => {
    if (head.length < headRows) head.push(rec);
    else if (sink) sink(row, rec);
    else more.push(rec);
    row++;
  });
  let pieces: Iterator<string> | undefined = textPieces(src, stream, () => head.length < headRows);
  let fed = 0;
  const feed = () => {
    const next = pieces!.next();
    if (next.done) pieces = undefined;
    else {
      fed += next.value.length;
      splitter.push(next.value);
    }
  };
  while (more.length === 0 && pieces) feed();
  if (!pieces && more.length === 0) {
    splitter.end();
    if (more.length === 0) {
      // As readDelimited: empty records at the very end are not rows.
      while (head.length > 0 && head[head.length - 1]!.every((f) => f.trim() === '')) head.pop();
      const grid = gridFromRecords(head, source);
      return { head: grid, whole: () => grid };
    }
  }
  const { estimatedRecords, estimatedCells } = estimatedSize(src, stream, fed, head, more.length);
  const wholeOfLarge = () => {
    if (stream) new CellCounter().add(estimatedCells);
    return whole();
  };
  return {
    head: gridFromRecords(head, source),
    estimatedRecords,
    rest: async (each, progress, eachBytes) => {
      let r = headRows;
      for (const rec of more) each(r++, rec);
      more = [];
      sink = each;
      // A streamed file whose head's text has not all been split, or a text given with its UTF-8 bytes: the rest
      // is read from the bytes, from the end of the last line split on (the characters split so far, as UTF-8).
      const bytesOf = stream ? { source: stream.source, bodyStart: stream.bodyStart, bytes: stream.bytes } : utf8 && { source: memoryBytes(utf8), bodyStart: 0, bytes: utf8.length };
      if (eachBytes && bytesOf && fed <= src.length) {
        const { source, bodyStart, bytes } = bytesOf;
        const at = bodyStart + Buffer.byteLength(src.slice(0, fed - splitter.takePending()));
        // The head's text and the decoder are let go before the rest is read.
        src = '';
        stream = undefined;
        utf8 = undefined;
        pieces = undefined;
        await restFromBytes(source, at, splitter, (fields) => eachBytes(row++, fields), progress && ((done) => progress(done - bodyStart, bytes)));
        return;
      }
      for (let n = 0; pieces; n++) {
        feed();
        // Every 16 pieces (1 M characters, or 1 MiB of a streamed text), the progress bar gets its turn.
        if (progress && (n & 15) === 15) {
          if (stream) progress(stream.decodedBytes, stream.bytes);
          else progress(fed, src.length);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      splitter.end();
      // The text is not needed any more: the table keeps what it read (a big file's text is most of the heap).
      src = '';
      stream = undefined;
    },
    whole: wholeOfLarge,
  };
}

/** A text parsed at once (small, or with quotes): its first `headRows` rows as the head, the rest from the same grid. */
function parsedAtOnce(grid: Grid, headRows: number, source: SourceInfo): DelimitedTable {
  if (grid.rows.length <= headRows) return { head: grid, whole: () => grid };
  return {
    head: { rows: grid.rows.slice(0, headRows), source },
    rest: async (each) => {
      for (let r = headRows; r < grid.rows.length; r++) each(r, grid.rows[r]!.map((c) => c.raw));
    },
    whole: () => grid,
  };
}

/**
 * The whole text's records and cells, estimated from what was read so far: the records in the `fed` characters
 * of `src` split (or a sample of its lines), scaled to the whole text (its characters, or a streamed text's bytes
 * at the head's characters per byte); the cells at the head's fields per record. The records size the column
 * store once; the cells let a layout read whole from a large file (a wide table, years as rows) be refused past
 * the budget before its whole text is decoded (the decoded text and its copies alone could exhaust a small heap
 * before the cells are counted as they are parsed).
 */
function estimatedSize(src: string, stream: StreamedText | undefined, fed: number, head: readonly string[][], more: number): { estimatedRecords: number; estimatedCells: number } {
  const totalChars = stream ? (stream.bytes * src.length) / Math.max(1, stream.decodedBytes) : src.length;
  const sample = Math.min(src.length, Math.max(fed, ESTIMATE_SAMPLE));
  const estimatedRecords = Math.ceil((Math.max(head.length + more, linesIn(src, sample)) * totalChars) / Math.max(1, sample));
  let fields = 0;
  for (const rec of head) fields += rec.length;
  return { estimatedRecords, estimatedCells: Math.ceil((estimatedRecords * fields) / Math.max(1, head.length)) };
}

/** Bytes split at a time when a streamed text's records are read from its bytes. */
const BYTE_PIECE = 1 << 16;

/**
 * A streamed text's records from byte `at` (a line's start) to its end, a piece of BYTE_PIECE bytes at a time
 * (more for a line longer than a piece), split by `splitter.pushBytes`; `progress` with the bytes read.
 */
async function restFromBytes(source: ByteSource, at: number, splitter: RecordSplitter, onBytes: (fields: ByteFields) => void, progress?: (done: number) => void): Promise<void> {
  const length = source.length;
  const fields = new ByteFields();
  let size = BYTE_PIECE;
  let pieces = 0;
  try {
    for (let pos = at; pos < length; ) {
      const end = Math.min(length, pos + size);
      const piece = source.read(pos, end);
      const used = splitter.pushBytes(piece, end === length, fields, onBytes);
      if (used === 0 && end < length) {
        splitter.refuseUnfinished(piece);
        size *= 2;
        continue;
      }
      pos += used;
      size = BYTE_PIECE;
      // Every 16 pieces (1 MiB of the file), the progress bar gets its turn.
      if (progress && (++pieces & 15) === 0) {
        progress(pos);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    source.close();
  }
  splitter.end();
}

/**
 * A text in pieces of PIECE characters (HEAD_PIECE while `inHead`: few records past the head are split as text
 * when the rest is read from bytes; never ending between the two halves of a character outside the
 * BMP), then a streamed text's other pieces as they are decoded.
 */
function* textPieces(text: string, stream: StreamedText | undefined, inHead: () => boolean): Generator<string, void, undefined> {
  for (let pos = 0; pos < text.length; ) {
    let end = Math.min(text.length, pos + (inHead() ? HEAD_PIECE : PIECE));
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    yield text.slice(pos, end);
    pos = end;
  }
  if (stream) yield* stream.rest();
}
