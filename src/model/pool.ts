/**
 * Compact storage for a million short strings (codes, parent codes, names): their UTF-8 bytes one after
 * the other in one growing buffer, with an Int32Array of end offsets. About 4 bytes per string plus its
 * bytes, where a JavaScript string costs some 80 bytes in a Map or an array.
 */

export class StringPool {
  private bytes: Uint8Array;
  private usedBytes = 0;
  private ends: Int32Array;
  private n = 0;

  constructor(expectedStrings = 1024, expectedBytes = expectedStrings * 8) {
    this.bytes = new Uint8Array(Math.max(64, expectedBytes));
    this.ends = new Int32Array(Math.max(16, expectedStrings));
  }

  get length(): number {
    return this.n;
  }

  /** Bytes of the strings added so far. */
  get used(): number {
    return this.usedBytes;
  }

  /** Room for `strings` strings and `bytes` bytes in all (a large table's estimate), so that they are not grown by doubling. */
  reserve(strings: number, bytes: number): void {
    if (strings > this.ends.length) this.ends = grow(this.ends, strings);
    if (bytes > this.bytes.length) this.bytes = grow(this.bytes, bytes);
  }

  /** Gives back the room not used (more than a tenth). */
  trim(): void {
    if (this.ends.length - this.n > this.n / 10 + 16) this.ends = grow(this.ends, Math.max(16, this.n));
    if (this.bytes.length - this.usedBytes > this.usedBytes / 10 + 64) this.bytes = grow(this.bytes, Math.max(64, this.usedBytes));
  }

  /** Appends `s`; returns its index. */
  add(s: string): number {
    if (this.n === this.ends.length) this.ends = grow(this.ends, Math.ceil(this.ends.length * 1.5) + 16);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.usedBytes + s.length * 3 > this.bytes.length) this.bytes = grow(this.bytes, Math.max(Math.ceil(this.bytes.length * 1.5), this.usedBytes + s.length * 3));
    // UTF-8 by hand: TextEncoder.encodeInto needs a subarray per call, which costs more than the encoding.
    const b = this.bytes;
    let p = this.usedBytes;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[p++] = 0xf0 | (c >> 18);
            b[p++] = 0x80 | ((c >> 12) & 0x3f);
            b[p++] = 0x80 | ((c >> 6) & 0x3f);
            b[p++] = 0x80 | (c & 0x3f);
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder writes it
        }
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.usedBytes = p;
    this.ends[this.n] = this.usedBytes;
    return this.n++;
  }

  start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  /** The raw bytes (valid up to the last string's end). */
  get data(): Uint8Array {
    return this.bytes;
  }

  get(i: number): string {
    const start = this.start(i);
    const end = this.end(i);
    // Short ASCII (codes) without a decoder: TextDecoder costs more than the characters.
    if (end - start <= 16) {
      const b = this.bytes;
      let s = '';
      for (let k = start; k < end; k++) {
        const c = b[k]!;
        if (c >= 0x80) return decoder.decode(b.subarray(start, end));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return decoder.decode(this.bytes.subarray(start, end));
  }

  isEmpty(i: number): boolean {
    return this.start(i) === this.end(i);
  }

  /** Bytes held (for the memory figures). */
  get footprint(): number {
    return this.bytes.byteLength + this.ends.byteLength;
  }
}

const decoder = new TextDecoder();

/** A copy of `a` of `size` elements: larger (zeros after), or the first `size`. */
export function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.length > size ? a.subarray(0, size) : a);
  return b;
}
