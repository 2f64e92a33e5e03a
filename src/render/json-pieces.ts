/**
 * JSON text made piece by piece: the text `JSON.stringify(value, null, 2)` gives, byte for byte, without the
 * whole tree or the whole string in memory at once. A value is written as `JSON.stringify` writes it, except
 * two kinds the caller marks: `LazyList`, an array whose elements are made as the text reaches them (a report's
 * findings, a batch at a time), and `Fields`, an object written key by key (so that a member can be a LazyList).
 * Everything else is written by `JSON.stringify` itself, at the depth where it sits (`elementsText`).
 * `jsonText` joins the pieces (tests, callers that want one string); `chunks` groups them for writing, `utf8Chunks`
 * encodes them for writing.
 */
import { Buffer } from 'node:buffer';

/** An array whose elements are made only when the text reaches them (at most `BATCH` before). */
export class LazyList {
  constructor(readonly items: Iterable<unknown>) {}
}

/** An object written key by key, in its keys' order, as `JSON.stringify` would write it. */
export class Fields {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
}

/** `items` mapped one at a time, as they are asked for. */
export function* mapLazily<T, U>(items: Iterable<T>, f: (item: T, index: number) => U): Generator<U> {
  let i = 0;
  for (const item of items) yield f(item, i++);
}

const INDENT = '  ';

/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * Most elements of a lazy list written by one `JSON.stringify` call: few calls, and never more than this many
 * elements made before the text reaches them. A report's findings are 500–700 characters each, mostly Vietnamese
 * (two bytes a character in V8): 32 of them make a string of about 40 KB. At 128 a batch's string (and its flat
 * copy) passed 128 KiB, where V8 puts a string in its large-object space, on pages of its own: about 600 more page
 * faults and ~10 ms more CPU writing the 10,000-unit table's report (docs/performance.md, "The JSON report").
 */
export const BATCH = 32;

/**
 * `items` as `JSON.stringify(v, null, 2)` writes them as elements of an array at nesting `depth` (≥ 1): each
 * element's text, its lines indented for that depth, joined by `,` and a line break with the indent. Written by
 * JSON.stringify itself: the items wrapped in `depth − 1` arrays, and the wrapping's brackets cut off.
 */
function elementsText(items: unknown[], depth: number): string {
  let wrapped: unknown = items;
  for (let k = 1; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level opens with `[`, a line break and its elements' indent, and closes with a line break, its own indent and `]`.
  let open = 0;
  let close = 0;
  for (let k = 0; k < depth; k++) {
    open += 2 + INDENT.length * (k + 1);
    close += 2 + INDENT.length * k;
  }
  return text.slice(open, text.length - close);
}

/** A value as `JSON.stringify(v, null, 2)` writes it, its lines after the first indented by `indent`. */
function whole(v: unknown, indent: string): string {
  return indent === '' ? JSON.stringify(v, null, 2) : elementsText([v], indent.length / INDENT.length);
}

/** The pieces of `value`'s JSON text at nesting `indent` (the text of `JSON.stringify(value, null, 2)` at the top). */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  const inner = indent + INDENT;
  if (value instanceof LazyList) {
    const it = value.items[Symbol.iterator]();
    let r = it.next();
    if (r.done) return void (yield '[]');
    yield '[';
    // Elements written whole (a finding) go by batches, each batch one piece with what comes before it.
    const depth = inner.length / INDENT.length;
    const batch: unknown[] = [];
    let first = true;
    // The separator and a batch's text are two pieces: joined, they would make a cons string that the next
    // reader (a regular expression, the UTF-8 encoder) first copies whole into a flat one.
    function* flush() {
      yield (first ? '\n' : ',\n') + inner;
      yield elementsText(batch, depth);
      batch.length = 0;
      first = false;
    }
    for (; !r.done; r = it.next()) {
      const v: unknown = r.value;
      if (v instanceof LazyList || v instanceof Fields) {
        if (batch.length > 0) yield* flush();
        yield (first ? '\n' : ',\n') + inner;
        first = false;
        yield* jsonPieces(v, inner);
      } else if (batch.push(v) === BATCH) yield* flush();
    }
    if (batch.length > 0) yield* flush();
    yield '\n' + indent + ']';
  } else if (value instanceof Fields) {
    const keys = Object.keys(value.fields).filter((k) => !omitted(value.fields[k]));
    if (keys.length === 0) return void (yield '{}');
    yield '{';
    for (const [i, k] of keys.entries()) {
      const v = value.fields[k];
      const key = (i === 0 ? '\n' : ',\n') + inner + JSON.stringify(k) + ': ';
      // A string, number, boolean or null is one line at any depth: written with its key, in one piece.
      if (v === null || typeof v !== 'object') yield key + JSON.stringify(v);
      else {
        yield key;
        yield* jsonPieces(v, inner);
      }
    }
    yield '\n' + indent + '}';
  } else {
    yield whole(value, indent);
  }
}

/** The whole text of the pieces. */
export function jsonText(value: unknown): string {
  let s = '';
  for (const p of jsonPieces(value)) s += p;
  return s;
}

/**
 * Pieces encoded as UTF-8 into one reused buffer of `size` bytes (at least 4), handed on whenever it is full:
 * few, large writes, and no string joined from the pieces (a joined string of Vietnamese text is copied whole
 * into a two-byte flat string before it is encoded), nor a piece's bytes counted or made apart (a report's
 * batch of findings, about 50,000 characters, is longer than the buffer: it is encoded into what is left of the
 * buffer, handed on, and the rest of it into the emptied buffer). Each chunk is a view of the buffer, valid
 * until the next is asked for: write it before then. A chunk ends between two characters, never inside one.
 */
export function* utf8Chunks(pieces: Iterable<string>, size = 64 * 1024): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(Math.max(size, 4));
  const encoder = new TextEncoder();
  let used = 0;
  for (const p of pieces) {
    // Three bytes a UTF-16 code unit at most: a piece that surely fits is written at once.
    if (p.length * 3 <= buffer.length - used) {
      used += buffer.write(p, used);
      continue;
    }
    // Else as much of it as fits, whole characters (`encodeInto` never splits one), then the buffer handed on.
    let rest = p;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
      used += written;
      if (read === rest.length) break;
      yield buffer.subarray(0, used);
      used = 0;
      rest = rest.slice(read);
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/** Pieces grouped into strings of about `size` characters, so that a writer makes few, large writes. */
export function* chunks(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}
