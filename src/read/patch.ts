/**
 * Rewrites cells of a delimited text file in place, keeping every other byte as it was: the encoding and
 * its BOM, the delimiter, the line endings, the quoting of the other fields. The inverse of decode + csv
 * for a few cells; used by `povcheck fix`. Pure: bytes in, bytes out.
 *
 * It finds each field's span with a scanner that follows the CSV rules csv-parse applies here (quoted
 * fields with "" escapes, the record delimiter found first), then checks that the spans give back exactly
 * the grid povcheck read, before and after the edit. When they do not, it refuses rather than guess.
 */
import { decodeBytes } from './decode.js';
import { gridFromBytes } from './index.js';
import type { Delimiter } from './csv.js';
import type { Grid } from './grid.js';

export interface CellEdit {
  row: number;
  col: number;
  /** The new text of the cell (without quoting); spaces around the old text are kept. */
  text: string;
}

interface Span {
  start: number;
  end: number;
  quoted: boolean;
  value: string;
}

/** Field spans (string offsets) per record, or undefined for quoting this scanner does not follow. */
function scan(text: string, delimiter: string): Span[][] | undefined {
  // The record delimiter: the first line break outside quotes (csv-parse's auto-discovery).
  let eol: string | undefined;
  {
    let inQ = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') inQ = !inQ;
      else if (!inQ && (c === '\r' || c === '\n')) {
        eol = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
        break;
      }
    }
  }
  const records: Span[][] = [];
  let rec: Span[] = [];
  let i = 0;
  const atEol = (k: number) => eol !== undefined && text.startsWith(eol, k);
  for (;;) {
    const start = i;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      if (i < text.length && text[i] !== delimiter && !atEol(i)) return undefined;
    } else {
      while (i < text.length && text[i] !== delimiter && !atEol(i)) i++;
      value = text.slice(start, i);
    }
    rec.push({ start, end: i, quoted, value });
    if (i >= text.length) {
      records.push(rec);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    i += eol!.length;
    records.push(rec);
    rec = [];
    if (i >= text.length) break;
  }
  return records;
}

function sameGrid(records: Span[][], grid: Grid): boolean {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const rec = records[r];
    if (!rec || rec.length !== row.length) return false;
    for (let c = 0; c < row.length; c++) if (rec[c]!.value !== row[c]!.raw) return false;
  }
  return true;
}

function encode(s: string, encoding: string): Uint8Array {
  if (encoding === 'utf-16le') return new Uint8Array(Buffer.from(s, 'utf16le'));
  if (encoding === 'utf-16be') {
    const b = Buffer.from(s, 'utf16le');
    b.swap16();
    return new Uint8Array(b);
  }
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

export type PatchResult = { ok: true; bytes: Uint8Array } | { ok: false; cell: string };

/**
 * `bytes` (a delimited text file that reads as `grid`) with the cells of `edits` rewritten. Fails, naming
 * the first cell, when the file's text cannot be mapped back onto the grid with certainty.
 */
export function patchDelimited(bytes: Uint8Array, grid: Grid, delimiter: Delimiter, edits: readonly CellEdit[]): PatchResult {
  const firstRef = () => grid.rows[edits[0]?.row ?? 0]?.[edits[0]?.col ?? 0]?.ref ?? 'A1';
  const { text, encoding } = decodeBytes(bytes);
  const records = scan(text, delimiter);
  if (!records || !sameGrid(records, grid)) return { ok: false, cell: firstRef() };
  const bomLength =
    encoding === 'utf-8-bom' ? 3 : (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) || (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
  const byteOffset = (k: number) => bomLength + (encoding.startsWith('utf-16') ? 2 * k : Buffer.byteLength(text.slice(0, k), 'utf8'));

  const pieces = edits
    .map((e) => {
      const span = records[e.row]?.[e.col];
      if (!span) return undefined;
      const m = /^([\s\u00a0\u2007\u202f]*)([\s\S]*?)([\s\u00a0\u2007\u202f]*)$/.exec(span.value)!;
      const raw = `${m[1]}${e.text}${m[3]}`;
      const needsQuotes = span.quoted || raw.includes(delimiter) || /["\r\n]/.test(raw);
      const field = needsQuotes ? `"${raw.replace(/"/g, '""')}"` : raw;
      return { from: byteOffset(span.start), to: byteOffset(span.end), data: encode(field, encoding), edit: e, raw };
    })
    .sort((a, b) => (b?.from ?? 0) - (a?.from ?? 0));
  if (pieces.some((p) => !p)) return { ok: false, cell: firstRef() };
  let out = bytes;
  for (const p of pieces) {
    const next = new Uint8Array(out.length - (p!.to - p!.from) + p!.data.length);
    next.set(out.subarray(0, p!.from), 0);
    next.set(p!.data, p!.from);
    next.set(out.subarray(p!.to), p!.from + p!.data.length);
    out = next;
  }
  // Read it back: the edited cells hold the new text, every other cell what it held.
  let back: Grid;
  try {
    back = gridFromBytes(out, { delimiter });
  } catch {
    return { ok: false, cell: firstRef() };
  }
  const want = new Map(pieces.map((p) => [`${p!.edit.row}:${p!.edit.col}`, p!.raw]));
  if (back.rows.length !== grid.rows.length) return { ok: false, cell: firstRef() };
  for (let r = 0; r < grid.rows.length; r++) {
    const a = grid.rows[r]!;
    const b = back.rows[r]!;
    if (a.length !== b.length) return { ok: false, cell: firstRef() };
    for (let c = 0; c < a.length; c++) {
      const expected = want.get(`${r}:${c}`) ?? a[c]!.raw;
      if (b[c]!.raw !== expected) return { ok: false, cell: a[c]!.ref };
    }
  }
  return { ok: true, bytes: out };
}
