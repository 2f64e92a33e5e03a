/**
 * Places in a side file's JSON text (a targets file, a units map, the configuration), for their messages: where the
 * text stops being JSON (V8's own message gives no place for most mistakes, `Unexpected token ']'`, and another
 * wording in each Node version), and the line each entry of a targets file's `targets` list starts on. A scanner of the JSON grammar (RFC 8259), run only on a file's text, which
 * MAX_SIDE_FILE_BYTES bounds; nesting deeper than MAX_DEPTH gives up (no place), never the stack.
 */

/** A 1-based line and column (in characters, a tab one). */
export interface TextPlace {
  line: number;
  column: number;
}

const MAX_DEPTH = 512;

/** Where a scan stopped: at a mistake (its offset), or too deep to say. */
class Stop {
  constructor(readonly offset: number | undefined) {}
}

/** The line and column of `offset` in `text`. */
export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * The place of the first mistake in `text` as JSON (an end cut short is the place just past the last character),
 * or undefined when it is JSON or too deep to say.
 */
export function jsonMistake(text: string): TextPlace | undefined {
  const s = new Scanner(text);
  try {
    s.value(0);
    s.space();
    if (s.i < text.length) throw new Stop(s.i);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return e.offset === undefined ? undefined : placeOf(text, e.offset);
  }
}

/** The line each entry of the top-level object's `targets` array starts on, in order (JSON `text` that parses). */
export function targetsEntryLines(text: string): number[] {
  const s = new Scanner(text);
  try {
    s.value(0);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return [];
  }
  return s.entries.map((offset) => placeOf(text, offset).line);
}

class Scanner {
  i = 0;
  /** Offsets of the elements of the top-level `targets` array (the last such key's, as JSON.parse keeps the last). */
  entries: number[] = [];

  constructor(private readonly t: string) {
    if (t.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  space(): void {
    const t = this.t;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.i++;
    }
  }

  private fail(): never {
    throw new Stop(this.i);
  }

  value(depth: number, onArrayElement?: (offset: number) => void): void {
    if (depth > MAX_DEPTH) throw new Stop(undefined);
    this.space();
    const c = this.t[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth, onArrayElement);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.t.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    this.fail();
  }

  private object(depth: number): void {
    this.i++;
    this.space();
    if (this.t[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.t[this.i] !== '"') this.fail();
      const keyStart = this.i;
      this.string();
      const key = this.t.slice(keyStart, this.i);
      this.space();
      if (this.t[this.i] !== ':') this.fail();
      this.i++;
      if (depth === 0 && key === '"targets"') {
        const found: number[] = [];
        this.value(depth + 1, (offset) => found.push(offset));
        this.entries = found;
      } else this.value(depth + 1);
      this.space();
      const c = this.t[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail();
      this.i++;
    }
  }

  private array(depth: number, onElement?: (offset: number) => void): void {
    this.i++;
    this.space();
    if (this.t[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      onElement?.(this.i);
      this.value(depth + 1);
      this.space();
      const c = this.t[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail();
      this.i++;
    }
  }

  private string(): void {
    const t = this.t;
    this.i++;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return;
      }
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) {
            this.i++;
            this.fail();
          }
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.i++;
          this.fail();
        }
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.fail();
  }

  private number(): void {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const hit = m.exec(this.t);
    if (!hit) this.fail();
    this.i += hit[0].length;
  }
}
