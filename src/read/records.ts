/**
 * Decoded text → CSV records, incrementally, with csv-parse's semantics and the options both paths give it
 * (csvOptions: relax_column_count, relax_quotes, skip_empty_lines false, max_record_size; each record
 * ended by its own line break, CRLF, LF or CR). Used by read/csv.ts for whole texts, and a piece at a time
 * for the records of a long table after its first rows (`delimitedTable`).
 *
 * Machine-made tables rarely quote anything, and a line without a quote character is just its fields
 * between delimiters: those lines are split with String.split, several times faster than csv-parse. From the
 * first line holding a quote character on, the rest of the text goes through csv-parse itself, so quoted
 * fields (and line breaks inside them) are read exactly as the in-memory path reads them.
 * A small whole text whose quotes all open and close at its fields' edges (`splitSimplyQuoted`: Excel's
 * English CSV quotes numbers with a comma) is split here too; any other quote goes to csv-parse.
 * test/read/records.test.ts checks the split against csv-parse on random quote-free and quoted text.
 */
import { lazyRequire } from './lazy-require.js';
import { PovcheckError } from '../errors.js';
import type { Delimiter } from './csv.js';
import { Buffer } from 'node:buffer';

// csv-parse's stream module loads Node's streams: required only when a quote is met.
const require = lazyRequire(() => import.meta.url);
type ParserClass = new (opts: Record<string, unknown>) => { api: CsvApi };

/** No spreadsheet row is this long; longer means the file is not a table (or is hostile). */
export const MAX_FIELD = 1_000_000;
/** No spreadsheet has more columns (XFD); a line with more fields is not a table (or is hostile). */
export const MAX_COLUMNS = 16_384;

/**
 * The csv-parse options of both paths: quoting only, no casting, ragged rows and empty lines kept, and each
 * record ended by its own line break (CRLF, LF or CR), not by the kind the first line used.
 */
export function csvOptions(delimiter: Delimiter, maxField = MAX_FIELD): Record<string, unknown> {
  return { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxField, record_delimiter: ['\r\n', '\n', '\r'] };
}

/**
 * A csv-parse error as povcheck's CSV_MALFORMED, its line counted from `linesBefore` records on. `lastLine` is
 * the line the last complete record ended on: a quote never closed opens the record after it.
 */
export function csvError(err: { code?: string; lines?: number; message?: string }, linesBefore = 0, lastLine = 0, maxField = MAX_FIELD): PovcheckError {
  const line = typeof err.lines === 'number' ? err.lines + linesBefore : undefined;
  if (err.code === 'CSV_MAX_RECORD_SIZE') return tooLong(line, maxField);
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return new PovcheckError('CSV_MALFORMED', { line: linesBefore + lastLine + 1, reason: 'quote' });
  return new PovcheckError('CSV_MALFORMED', { ...(line !== undefined ? { line } : {}), detail: (err.message ?? 'parse error').replace(/\.$/, '') });
}

/**
 * The line on which a quoted field opens and never closes, by csv-parse's rules here (a quote opens a field
 * only at its start; "" inside is a quote), or undefined when every quote closes. Lines end at CRLF, LF or CR.
 */
export function openQuoteLine(text: string, delimiter: Delimiter): number | undefined {
  let line = 1;
  let opened = 0;
  let inQuote = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      if (!inQuote) fieldStart = true;
      continue;
    }
    if (inQuote) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuote = true;
      opened = line;
    }
    fieldStart = c === delimiter;
  }
  return inQuote ? opened : undefined;
}

/** A line of more fields than any spreadsheet has. */
export function tooWide(line: number): PovcheckError {
  return new PovcheckError('CSV_MALFORMED', { line, reason: 'columns', limit: MAX_COLUMNS });
}

type OnRecord = (record: string[]) => void;

/**
 * A record read from bytes (`RecordSplitter.pushBytes`): its fields as byte ranges of `bytes` (valid UTF-8,
 * delimiters and line breaks being ASCII, every field decodes on its own to the characters the text split
 * by `push` has there). One object for every record: nothing of it is kept.
 */
export class ByteFields {
  bytes: Uint8Array = new Uint8Array(0);
  count = 0;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private view: Buffer | undefined;
  private viewOf: Uint8Array | undefined;

  constructor(readonly capacity = 64) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Bytes start..end as text. */
  decode(start: number, end: number): string {
    const b = this.bytes;
    if (this.viewOf !== b) {
      this.view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      this.viewOf = b;
    }
    return this.view!.toString('utf8', start, end);
  }

  /** Field k's text ('' for a field past the record's end: never asked by the readers, which check `count`). */
  text(k: number): string {
    return k < this.count ? this.decode(this.starts[k]!, this.ends[k]!) : '';
  }

  /** The record as `push` gives it: every field's text. */
  strings(): string[] {
    const out = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.decode(this.starts[k]!, this.ends[k]!);
    return out;
  }
}

interface CsvApi {
  parse(buf: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): Error | undefined;
  info: { lines: number };
}

export class RecordSplitter {
  private carry = '';
  private csv: CsvApi | undefined;
  /** Records emitted before csv-parse took over (to number its lines as the file does). */
  private linesBefore = 0;
  /** The line (counted from where csv-parse took over) the last record csv-parse gave ended on. */
  private lastLine = 0;
  private records = 0;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly onRecord: OnRecord,
    private readonly maxField = MAX_FIELD,
  ) {}

  /** Records emitted so far. */
  get count(): number {
    return this.records;
  }

  push(text: string): void {
    // A line carried over from the last piece is finished first, with the piece's first line alone: joined to
    // the whole piece, the piece would be copied into one flat string before it is split (a piece at a time, the
    // whole text copied once more). The rest of the piece is then split as it is; the records are the same.
    if (this.carry !== '' && !this.csv) {
      const lf = text.indexOf('\n');
      if (lf >= 0 && lf + 1 < text.length) {
        this.feed(text.slice(0, lf + 1), false);
        text = text.slice(lf + 1);
      }
    }
    this.feed(text, false);
  }

  end(): void {
    this.feed('', true);
  }

  /**
   * The characters pushed but not yet split (the start of a line whose end has not come), let go: the caller
   * reads on from that line's start with `pushBytes`.
   */
  takePending(): number {
    const n = this.carry.length;
    this.carry = '';
    return n;
  }

  /**
   * The quote-free lines of `bytes` (valid UTF-8 without a quote, read at a line's start: nothing pending),
   * each ended by its own line break as `push` ends them: a line of at most `fields.capacity` fields and
   * fewer bytes than the record-size check looks at is handed on as its fields' byte ranges (`onBytes`),
   * any other decoded and split as `push` splits it (`onRecord`, with the same checks and refusals). Returns
   * the bytes of the lines ended (a CR at the very end waits for the next piece unless `final`; a last line
   * without a line break is a record only when `final`).
   */
  pushBytes(bytes: Uint8Array, final: boolean, fields: ByteFields, onBytes: (fields: ByteFields) => void): number {
    const n = bytes.length;
    const delimiter = this.delimiter.charCodeAt(0);
    const max = fields.capacity;
    const starts = fields.starts;
    const ends = fields.ends;
    fields.bytes = bytes;
    let pos = 0;
    while (pos < n) {
      let count = 0;
      let start = pos;
      let k = pos;
      let b = 0;
      for (; k < n; k++) {
        b = bytes[k]!;
        if (b === 10 || b === 13) break;
        if (b === delimiter) {
          if (count < max) {
            starts[count] = start;
            ends[count] = k;
          }
          count++;
          start = k + 1;
        }
      }
      if (k === n && !final) break;
      if (b === 13 && k + 1 === n && !final) break;
      if (count < max) {
        starts[count] = start;
        ends[count] = k;
      }
      count++;
      const next = k === n ? n : b === 13 && bytes[k + 1] === 10 ? k + 2 : k + 1;
      if (k === n && k === pos) break; // an empty rest after the last line break is no record
      if (count <= max && (k - pos) * 3 <= this.maxField) {
        fields.count = count;
        this.records++;
        onBytes(fields);
      } else this.line(fields.decode(pos, k));
      pos = next;
    }
    return pos;
  }

  /**
   * The start of a quote-free line, `bytes` of it and no line break yet: refused as `pushBytes` would refuse the
   * whole line once it has more bytes than any line that is not refused (three per character at most), else
   * nothing. A line of hundreds of megabytes is refused as soon as it is known to be too long, not read whole first.
   */
  refuseUnfinished(bytes: Uint8Array): void {
    if (bytes.length <= 3 * (this.maxField + MAX_COLUMNS + 1)) return;
    const delimiter = this.delimiter.charCodeAt(0);
    let fields = 1;
    for (let k = 0; k < bytes.length && fields <= MAX_COLUMNS; k++) if (bytes[k] === delimiter) fields++;
    this.refuseLine(fields);
  }

  /** A line too wide (more fields than a sheet has columns) or else too long, as emitLine refuses it. */
  private refuseLine(fields: number): never {
    throw fields > MAX_COLUMNS ? tooWide(this.records + 1) : tooLong(this.records + 1, this.maxField);
  }

  /** The record of one quote-free line (its text without the line break), as `push` splits it. */
  line(text: string): void {
    this.emitLine(text, 0, text.length, text.indexOf(this.delimiter));
  }

  /**
   * Quote-free lines, each ended by its own line break: CRLF, LF or CR (a file whose lines end differently,
   * edited on several systems, reads line by line). A CR at the very end of a chunk waits for the next one,
   * which may start with its LF.
   */
  private feed(text: string, final: boolean): void {
    if (this.csv) return this.csvParse(text, final);
    let s = this.carry + text;
    this.carry = '';
    const quote = s.indexOf('"');
    let pos = 0;
    // The next LF and CR from pos on, each searched again only once passed (so a file without CRs costs one scan).
    let lf = s.indexOf('\n');
    let cr = s.indexOf('\r');
    // The next delimiter, searched again only once passed (as lf and cr).
    let del = s.indexOf(this.delimiter);
    for (;;) {
      if (lf >= 0 && lf < pos) lf = s.indexOf('\n', pos);
      if (cr >= 0 && cr < pos) cr = s.indexOf('\r', pos);
      const j = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (j < 0) break;
      // A quote on this line: csv-parse reads from the start of the line on.
      if (quote >= 0 && quote < j) return this.toCsv(s.slice(pos), final);
      const crlf = j === cr && lf === j + 1;
      if (j === cr && j + 1 === s.length && !final) break;
      del = this.emitLine(s, pos, j, del);
      pos = j + (crlf ? 2 : 1);
    }
    s = s.slice(pos);
    if (quote >= 0) return this.toCsv(s, final);
    // A last line without a line break is a record; an empty rest after the last break is none.
    if (!final) {
      // Longer than any line that is not refused: refused now, not carried and searched again with every piece.
      if (s.length > this.maxField + MAX_COLUMNS + 1) this.refuseLine(s.split(this.delimiter).length);
      this.carry = s;
    }
    else if (s !== '') this.emitLine(s, 0, s.length, s.indexOf(this.delimiter));
  }

  /**
   * The record of the quote-free line s[start, end): its fields as `line.split(delimiter)` gives them, cut from
   * `s` itself (no copy of the line first). `next`: the first delimiter at or after `start`, or one before it
   * (searched again then), or -1 (none left in `s`); returns the next delimiter after the line's for the next
   * line, so that a line without delimiters never searches the rest of `s`.
   */
  private emitLine(s: string, start: number, end: number, next: number): number {
    const rec: string[] = [];
    for (let p = start; ; ) {
      if (next >= 0 && next < p) next = s.indexOf(this.delimiter, p);
      if (next < 0 || next >= end) {
        rec.push(s.slice(p, end));
        break;
      }
      rec.push(s.slice(p, next));
      if (rec.length >= MAX_COLUMNS) throw tooWide(this.records + 1);
      p = next + 1;
    }
    if ((end - start) * 3 > this.maxField) this.checkSize(rec);
    this.records++;
    this.onRecord(rec);
    return next;
  }

  /** csv-parse's bound: previous fields in characters plus the current field's bytes before its last byte. */
  private checkSize(rec: string[]): void {
    let before = 0;
    for (const f of rec) {
      if (f.length > 0 && before + Buffer.byteLength(f) - 1 > this.maxField) throw tooLong(this.records + 1, this.maxField);
      before += f.length;
    }
  }

  private toCsv(rest: string, end: boolean): void {
    this.linesBefore = this.records;
    const { Parser } = require('csv-parse') as { Parser: ParserClass };
    const parser = new Parser(csvOptions(this.delimiter, this.maxField));
    this.csv = parser.api;
    this.csvParse(rest, end);
  }

  private csvParse(text: string, end: boolean): void {
    const csv = this.csv!;
    const push = (r: string[]) => {
      this.lastLine = csv.info.lines;
      if (r.length > MAX_COLUMNS) throw tooWide(this.linesBefore + csv.info.lines);
      this.records++;
      this.onRecord(r);
    };
    const err = withoutStacks(() => csv.parse(text === '' && end ? undefined : Buffer.from(text, 'utf8'), end, push, () => {})) as
      | (Error & { code?: string; lines?: number })
      | undefined;
    if (err) throw csvError(err, this.linesBefore, this.lastLine, this.maxField);
  }
}

function tooLong(line: number | undefined, limit: number): PovcheckError {
  return new PovcheckError('CSV_MALFORMED', { ...(line !== undefined ? { line } : {}), reason: 'record-size', limit });
}

/** csv-parse builds an error with a stack trace for every record of another length: not worth the time. */
export function withoutStacks<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Whole text → records, the first `limit` at most (csv-parse's to_line, for text without quotes). */
export function splitRecords(text: string, delimiter: Delimiter, limit = Infinity, cells?: { add(n: number): void }): string[][] {
  const out: string[][] = [];
  const stop = {};
  const splitter = new RecordSplitter(delimiter, (r) => {
    cells?.add(r.length);
    out.push(r);
    if (out.length >= limit) throw stop;
  });
  try {
    splitter.push(text);
    splitter.end();
  } catch (e) {
    if (e !== stop) throw e;
  }
  return out;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The records of a text whose quotes are all simple, as csv-parse reads it with `csvOptions`: a quoted
 * field opens at a field's start and closes just before a delimiter, a line break or the end, `""` inside it
 * being a quote (and, without `toLine`, line breaks inside it kept); any other field holds no quote. Undefined
 * for any other text, and for a line long or wide enough for csv-parse's checks: csv.ts `parseAll` then reads it with
 * csv-parse, which names the fault. csv-parse's set-up costs far more than a small file's split (the bench's
 * English annexes quote every number with a comma); test/read/records.test.ts holds the two to the same records.
 */
export function splitSimplyQuoted(text: string, delimiter: Delimiter, toLine = Infinity): string[][] | undefined {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const out: string[][] = [];
  let pos = 0;
  while (pos < n && out.length < toLine) {
    const rec: string[] = [];
    let p = pos;
    let q = pos;
    let c = -1;
    for (;;) {
      q = p;
      if (p < n && text.charCodeAt(p) === QUOTE) {
        // A quoted field: its text up to the closing quote, each "" read as one quote.
        let value = '';
        let from = ++q;
        for (;; q++) {
          if (q >= n) return undefined; // never closes: csv-parse names the line
          c = text.charCodeAt(q);
          if ((c === LF || c === CR) && toLine !== Infinity) return undefined;
          if (c !== QUOTE) continue;
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, ++q);
            from = q + 1;
            continue;
          }
          break;
        }
        rec.push(value + text.slice(from, q));
        c = ++q < n ? text.charCodeAt(q) : -1;
        if (c !== d && c !== LF && c !== CR && c !== -1) return undefined; // text after the closing quote
      } else {
        for (c = -1; q < n; q++) {
          c = text.charCodeAt(q);
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) return undefined; // a quote inside a field
          c = -1;
        }
        rec.push(text.slice(p, q));
      }
      if (rec.length > MAX_COLUMNS) return undefined;
      if (c !== d) break;
      p = q + 1;
    }
    // The record ends at q: a line break (CRLF, LF or CR) or the end of the text.
    if ((q - pos) * 3 > MAX_FIELD) return undefined;
    out.push(rec);
    pos = c === CR && q + 1 < n && text.charCodeAt(q + 1) === LF ? q + 2 : q + 1;
  }
  return out;
}
