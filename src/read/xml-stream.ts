/**
 * One XML part (of a workbook or a Word document, already unpacked behind zip-guard.ts) → events, streamed
 * with saxes (loaded on first use). What the readers need and nothing more: element local names (the
 * namespace prefix dropped), attributes, text; and what keeps a hostile part cheap:
 *
 * - before parsing, one byte scan: the longest run of bytes without `<` (a text node or a tag) and the
 *   number of `<` (elements) are checked against the limits, so a 50-million-character string or ten
 *   million empty elements are refused before anything is built;
 * - while parsing: element depth, and each text node's length in characters;
 * - a DOCTYPE is refused (Office parts never have one; it is how entity expansion attacks begin), and saxes
 *   expands no entity but XML's five and character references.
 *
 * Problems come back as `XmlProblem`s, which the caller turns into its own PovcheckError.
 */
import { lazyRequire } from './lazy-require.js';

const require = lazyRequire(() => import.meta.url);

export interface XmlLimits {
  /** Characters in one text node (or attribute value). */
  maxText: number;
  /** Nesting depth of elements. */
  maxDepth: number;
  /** Elements in the part. */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxText: 32_767, maxDepth: 256, maxElements: 4_000_000 };

export type XmlProblem =
  | { kind: 'syntax'; detail: string }
  | { kind: 'doctype' }
  | { kind: 'text'; limit: number }
  | { kind: 'depth'; limit: number }
  | { kind: 'elements'; limit: number };

export interface XmlHandlers {
  /** An element opens: its local name (without prefix) and its attributes (names as written). */
  open?(name: string, attrs: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  /** Character data (text and CDATA), possibly in several pieces. */
  text?(s: string): void;
}

/** Raised by streamXml; `problem` says what went wrong. */
export class XmlError extends Error {
  constructor(readonly problem: XmlProblem) {
    super(problem.kind);
  }
}

/** Characters decoded per write to the parser. */
const CHUNK_BYTES = 1 << 20;
/** Bytes per character at most in UTF-8: a text of `maxText` characters spans at most this many times as many bytes. */
const UTF8_MAX = 4;

type Saxes = typeof import('saxes');

/** The byte scan: refuses a part whose longest run without `<` or whose number of `<` is over the limits. */
function scan(bytes: Uint8Array, limits: XmlLimits): void {
  let lt = 0;
  let from = 0;
  // Markup and entities take room too: a run may hold a whole tag with its attributes.
  const maxRun = limits.maxText * UTF8_MAX + 4096;
  for (;;) {
    const i = bytes.indexOf(0x3c, from);
    const end = i < 0 ? bytes.length : i;
    if (end - from > maxRun) throw new XmlError({ kind: 'text', limit: limits.maxText });
    if (i < 0) return;
    // Every element has an opening `<` and, unless empty, a closing one.
    if (++lt > limits.maxElements * 2) throw new XmlError({ kind: 'elements', limit: limits.maxElements });
    from = i + 1;
  }
}

/** Streams `bytes` (UTF-8 XML) through saxes into `handlers`. Throws XmlError. */
export function streamXml(bytes: Uint8Array, handlers: XmlHandlers, limits: XmlLimits = DEFAULT_XML_LIMITS): void {
  scan(bytes, limits);
  const { SaxesParser } = require('saxes') as Saxes;
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let elements = 0;
  let failure: XmlError | undefined;
  const stop = (p: XmlProblem): never => {
    throw new XmlError(p);
  };
  parser.on('error', (e) => {
    failure ??= new XmlError({ kind: 'syntax', detail: e.message.split('\n')[0]!.slice(0, 200) });
    throw failure;
  });
  parser.on('doctype', () => stop({ kind: 'doctype' }));
  parser.on('opentag', (node) => {
    if (++depth > limits.maxDepth) stop({ kind: 'depth', limit: limits.maxDepth });
    if (++elements > limits.maxElements) stop({ kind: 'elements', limit: limits.maxElements });
    const attrs = node.attributes as Record<string, string>;
    for (const k in attrs) if (attrs[k]!.length > limits.maxText) stop({ kind: 'text', limit: limits.maxText });
    handlers.open?.(localName(node.name), attrs);
  });
  // saxes also closes a self-closing element (`<c r="A1"/>`) with a closetag event.
  parser.on('closetag', (node) => {
    depth--;
    handlers.close?.(localName(node.name));
  });
  const onText = (s: string) => {
    if (s.length > limits.maxText) stop({ kind: 'text', limit: limits.maxText });
    handlers.text?.(s);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
      parser.write(decoder.decode(bytes.subarray(i, i + CHUNK_BYTES), { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    parser.close();
  } catch (e) {
    // saxes's own complaints went through the error handler; anything else a handler threw goes on as it is.
    throw failure ?? e;
  }
}

/** A name without its namespace prefix (`w:val` → `val`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
