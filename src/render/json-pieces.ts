/**
 * JSON text made piece by piece: the text `JSON.stringify(value, null, 2)` gives, byte for byte, without the
 * whole tree or the whole string in memory at once. A value is written as `JSON.stringify` writes it, except
 * two kinds the caller marks: `LazyList`, an array whose elements are made one at a time as the text reaches
 * them (a report's findings), and `Fields`, an object written key by key (so that a member can be a LazyList).
 * `jsonText` joins the pieces (tests, callers that want one string); `chunks` groups them for writing.
 */

/** An array whose elements are made only when the text reaches them. */
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

/** A value as `JSON.stringify(v, null, 2)` writes it, its lines after the first indented by `indent`. */
function whole(v: unknown, indent: string): string {
  return (isPlainObject(v) && flatObject(v, indent)) || indented(JSON.stringify(v, null, 2), indent);
}

/** JSON.stringify never writes a line break inside a string: every '\n' is between tokens. */
function indented(s: string, indent: string): string {
  return indent ? s.replaceAll('\n', '\n' + indent) : s;
}

/**
 * An object whose every value is a string, a number, a boolean, null or left out (a report's finding) as
 * `JSON.stringify(v, null, 2)` writes it at `indent`, a value at a time (no text written twice to indent it);
 * undefined when a value is anything else (`whole` then writes it with JSON.stringify).
 */
function flatObject(v: Readonly<Record<string, unknown>>, indent: string): string | undefined {
  const inner = ',\n' + indent + INDENT;
  let s = '';
  for (const k of Object.keys(v)) {
    const x = v[k];
    let text: string;
    if (typeof x === 'string') text = quoted(x);
    else if (typeof x === 'number' || typeof x === 'boolean' || x === null) text = JSON.stringify(x);
    else if (omitted(x)) continue;
    else return undefined;
    s += inner + keyText(k) + text;
  }
  // An object with nothing to write is `{}`, as JSON.stringify writes it.
  return s === '' ? '{}' : '{' + s.slice(1) + '\n' + indent + '}';
}

/** What JSON.stringify escapes in a string: a quote, a backslash, a control character, a surrogate (paired or not). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it: between quotes as it is when nothing in it is escaped (most of a report's). */
const quoted = (s: string) => (ESCAPED.test(s) ? JSON.stringify(s) : '"' + s + '"');

/** An object JSON.stringify writes as its own enumerable keys (no `toJSON`, not a boxed primitive, not an array). */
function isPlainObject(v: unknown): v is Readonly<Record<string, unknown>> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** `"key": ` as JSON.stringify writes a key (the few keys a report has, each written once). */
const KEYS = new Map<string, string>();
const keyText = (k: string) => KEYS.get(k) ?? KEYS.set(k, JSON.stringify(k) + ': ').get(k)!;

/** The pieces of `value`'s JSON text at nesting `indent` (the text of `JSON.stringify(value, null, 2)` at the top). */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  const inner = indent + INDENT;
  if (value instanceof LazyList) {
    const it = value.items[Symbol.iterator]();
    let r = it.next();
    if (r.done) return void (yield '[]');
    yield '[';
    for (let first = true; !r.done; first = false, r = it.next()) {
      const v = omitted(r.value) ? null : r.value;
      // An element written whole (a finding) in one piece with what comes before it.
      if (v instanceof LazyList || v instanceof Fields) {
        yield (first ? '\n' : ',\n') + inner;
        yield* jsonPieces(v, inner);
      } else yield (first ? '\n' : ',\n') + inner + whole(v, inner);
    }
    yield '\n' + indent + ']';
  } else if (value instanceof Fields) {
    const keys = Object.keys(value.fields).filter((k) => !omitted(value.fields[k]));
    if (keys.length === 0) return void (yield '{}');
    yield '{';
    for (const [i, k] of keys.entries()) {
      yield (i === 0 ? '\n' : ',\n') + inner + JSON.stringify(k) + ': ';
      yield* jsonPieces(value.fields[k], inner);
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
