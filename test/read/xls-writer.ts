/**
 * A small writer of Excel 97–2003 workbooks (.xls: BIFF8 records in an OLE compound file), for tests only: it
 * builds edge-case and hostile workbooks byte by byte, which no spreadsheet program would save. Nothing here
 * checks that the records make sense together; each builder writes exactly the bytes of its record.
 *
 * References: [MS-CFB] (the compound file) and [MS-XLS] (the records). Files from xlsFile() were checked by
 * converting them with LibreOffice 7.4 (CSV of each sheet, and .xlsx) and reading them with SheetJS: strings
 * (also an SST split across CONTINUE records mid-string), numbers, RK/MULRK, formulas (shared ones too), number
 * formats, merged ranges, hidden rows and sheets, mini-stream and regular-sector Workbook streams, 17 FAT
 * sectors. What LibreOffice does with such files: it never reads the first record after a worksheet's BOF
 * (hence the INDEX record there, see SheetSpec); it recalculates formulas on load instead of showing the
 * cached results (SheetJS shows those); it imports BOOLERR booleans as =TRUE()/=FALSE(); it needs no FONT,
 * XF, STYLE, WINDOW1 or CODEPAGE record to open a file; and it does not find a stream under 4096 bytes that
 * is outside the mini stream (`miniCutoff: 0`), nor does SheetJS.
 */

// ---------------------------------------------------------------------------------------------------------
// Little-endian byte building
// ---------------------------------------------------------------------------------------------------------

/** Bytes built by appending little-endian fields. */
class Bytes {
  private readonly parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    return this.bytes(b);
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]! & 0xff);
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.parts.push(0);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Whether every UTF-16 code unit of the text is below 256 (so BIFF8 may store it "compressed", one byte each). */
export function isCompressible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** The characters of a BIFF8 string: one byte per code unit when compressed, else UTF-16LE. */
function chars(text: string, highByte: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (highByte) out.push(c & 0xff, c >>> 8);
    else out.push(c);
  }
  return out;
}

/** XLUnicodeString: cch u16 (UTF-16 code units), fHighByte u8, characters. */
export function xlUnicodeString(text: string): number[] {
  if (text.length > 0xffff) throw new RangeError(`string of ${text.length} characters is too long for a u16 count`);
  const high = !isCompressible(text);
  return [text.length & 0xff, text.length >>> 8, high ? 1 : 0, ...chars(text, high)];
}

/** ShortXLUnicodeString: cch u8, fHighByte u8, characters. */
export function shortXlUnicodeString(text: string): number[] {
  if (text.length > 0xff) throw new RangeError(`string of ${text.length} characters is too long for a u8 count`);
  const high = !isCompressible(text);
  return [text.length, high ? 1 : 0, ...chars(text, high)];
}

// ---------------------------------------------------------------------------------------------------------
// Compound file (CFB version 3)
// ---------------------------------------------------------------------------------------------------------

const SECTOR = 512;
const MINI_SECTOR = 64;
const FAT_PER_SECTOR = SECTOR / 4;
const HEADER_DIFAT = 109;
/** Special sector numbers of [MS-CFB]. */
export const CFB = {
  DIFSECT: 0xfffffffc,
  FATSECT: 0xfffffffd,
  ENDOFCHAIN: 0xfffffffe,
  FREESECT: 0xffffffff,
  NOSTREAM: 0xffffffff,
  SIGNATURE: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
} as const;

/** [MS-CFB] 2.6.4: siblings are ordered by name length, then by the upper-cased names' code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function directoryEntry(e: {
  name: string;
  type: number;
  left?: number;
  right?: number;
  child?: number;
  start?: number;
  size?: number;
}): Uint8Array {
  const out = new Uint8Array(128);
  const dv = new DataView(out.buffer);
  if (e.name.length > 31) throw new RangeError(`directory entry name "${e.name}" is longer than 31 characters`);
  for (let i = 0; i < e.name.length; i++) dv.setUint16(i * 2, e.name.charCodeAt(i), true);
  dv.setUint16(64, e.type === 0 ? 0 : (e.name.length + 1) * 2, true);
  out[66] = e.type;
  out[67] = e.type === 0 ? 0 : 1; // black
  dv.setUint32(68, e.left ?? CFB.NOSTREAM, true);
  dv.setUint32(72, e.right ?? CFB.NOSTREAM, true);
  dv.setUint32(76, e.child ?? CFB.NOSTREAM, true);
  // CLSID (80..95), state bits (96..99), creation and modified times (100..115) stay zero.
  dv.setUint32(116, e.start ?? 0, true);
  dv.setUint32(120, e.size ?? 0, true);
  // Size high u32 (124) is zero: version 3.
  return out;
}

/**
 * A compound file (CFB version 3, 512-byte sectors) holding the given top-level streams (name → bytes).
 * Streams shorter than `miniCutoff` (default 4096) go in the mini stream (64-byte mini sectors, mini FAT), as
 * Excel does; `miniCutoff: 0` puts every stream in regular sectors. The header's cutoff field is always 4096, as
 * the format requires: a miniCutoff other than 4096 makes a file whose streams sit where a reader does not look
 * for them (a hostile file). FAT sectors are listed in the header's DIFAT only: up to 109 FAT sectors (about
 * 7 MB); beyond that this throws. Sector layout: FAT, directory, mini FAT, mini stream, then each regular stream.
 * The directory is the root entry and then one stream entry per stream, in the order given; the root's child
 * tree is a chain of right siblings in [MS-CFB] name order, all black.
 */
export function compoundFile(streams: Record<string, Uint8Array>, opts: { miniCutoff?: number } = {}): Uint8Array {
  const cutoff = opts.miniCutoff ?? 4096;
  const names = Object.keys(streams);
  const isMini = (n: string) => streams[n]!.length < cutoff;

  // Mini stream: each small stream in whole mini sectors.
  const miniStart = new Map<string, number>();
  const miniFat: number[] = [];
  const miniChunks: Uint8Array[] = [];
  for (const n of names) {
    const data = streams[n]!;
    if (!isMini(n) || data.length === 0) continue;
    const count = Math.ceil(data.length / MINI_SECTOR);
    const first = miniFat.length;
    miniStart.set(n, first);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? CFB.ENDOFCHAIN : first + i + 1);
    const padded = new Uint8Array(count * MINI_SECTOR);
    padded.set(data);
    miniChunks.push(padded);
  }
  const miniStream = concat(miniChunks);

  const sectorsFor = (bytes: number) => Math.ceil(bytes / SECTOR);
  const dirEntries = 1 + names.length;
  const dirSectors = sectorsFor(dirEntries * 128);
  const miniFatSectors = sectorsFor(miniFat.length * 4);
  const miniStreamSectors = sectorsFor(miniStream.length);
  const streamSectors = names.map((n) => (isMini(n) ? 0 : sectorsFor(streams[n]!.length)));
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + streamSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * FAT_PER_SECTOR < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > HEADER_DIFAT) {
    throw new RangeError(`${fatSectors} FAT sectors needed; this writer lists at most ${HEADER_DIFAT} (no DIFAT sectors)`);
  }

  const total = fatSectors + dataSectors;
  const fat = new Array<number>(fatSectors * FAT_PER_SECTOR).fill(CFB.FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = CFB.FATSECT;
  let next = fatSectors;
  /** Chains `count` consecutive sectors from `next`; returns the first, or ENDOFCHAIN for none. */
  const chain = (count: number): number => {
    if (count === 0) return CFB.ENDOFCHAIN;
    const first = next;
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? CFB.ENDOFCHAIN : first + i + 1;
    next += count;
    return first;
  };
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const streamStart = names.map((_, i) => chain(streamSectors[i]!));
  if (next !== total) throw new Error('compoundFile: sector count mismatch');

  const out = new Uint8Array(SECTOR + total * SECTOR);
  const dv = new DataView(out.buffer);
  // Header.
  out.set(CFB.SIGNATURE, 0);
  dv.setUint16(0x18, 0x003e, true); // minor version
  dv.setUint16(0x1a, 0x0003, true); // major version
  dv.setUint16(0x1c, 0xfffe, true); // byte order
  dv.setUint16(0x1e, 9, true); // sector shift
  dv.setUint16(0x20, 6, true); // mini sector shift
  dv.setUint32(0x28, 0, true); // directory sectors (0 in version 3)
  dv.setUint32(0x2c, fatSectors, true);
  dv.setUint32(0x30, dirStart, true);
  dv.setUint32(0x34, 0, true); // transaction signature
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, miniFatSectors ? miniFatStart : CFB.ENDOFCHAIN, true);
  dv.setUint32(0x40, miniFatSectors, true);
  dv.setUint32(0x44, CFB.ENDOFCHAIN, true); // first DIFAT sector
  dv.setUint32(0x48, 0, true); // DIFAT sectors
  for (let i = 0; i < HEADER_DIFAT; i++) dv.setUint32(0x4c + i * 4, i < fatSectors ? i : CFB.FREESECT, true);

  const sectorAt = (s: number) => SECTOR + s * SECTOR;
  // FAT.
  for (let i = 0; i < fat.length; i++) dv.setUint32(sectorAt(0) + i * 4, fat[i]!, true);
  // Directory: root, then the streams in the order given, then empty entries to the end of the sector.
  const order = names.map((_, i) => i).sort((a, b) => compareNames(names[a]!, names[b]!));
  const entryId = (i: number) => 1 + i;
  const rightOf = new Map<number, number>();
  for (let k = 0; k + 1 < order.length; k++) rightOf.set(order[k]!, entryId(order[k + 1]!));
  const entries: Uint8Array[] = [
    directoryEntry({
      name: 'Root Entry',
      type: 5,
      child: order.length ? entryId(order[0]!) : CFB.NOSTREAM,
      start: miniStream.length ? miniStreamStart : CFB.ENDOFCHAIN,
      size: miniStream.length,
    }),
  ];
  names.forEach((n, i) => {
    const size = streams[n]!.length;
    const start = size === 0 ? CFB.ENDOFCHAIN : isMini(n) ? miniStart.get(n)! : streamStart[i]!;
    entries.push(directoryEntry({ name: n, type: 2, right: rightOf.get(i) ?? CFB.NOSTREAM, start, size }));
  });
  while (entries.length < dirSectors * 4) entries.push(directoryEntry({ name: '', type: 0 }));
  out.set(concat(entries), sectorAt(dirStart));
  // Mini FAT (unused entries FREESECT), mini stream, streams.
  if (miniFatSectors) {
    for (let i = 0; i < miniFatSectors * FAT_PER_SECTOR; i++) {
      dv.setUint32(sectorAt(miniFatStart) + i * 4, miniFat[i] ?? CFB.FREESECT, true);
    }
    out.set(miniStream, sectorAt(miniStreamStart));
  }
  names.forEach((n, i) => {
    if (!isMini(n) && streams[n]!.length) out.set(streams[n]!, sectorAt(streamStart[i]!));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// BIFF8 records
// ---------------------------------------------------------------------------------------------------------

/** The most data one BIFF8 record may hold. */
export const MAX_RECORD_DATA = 8224;

/** One BIFF record: type (u16 LE), length (u16 LE), data. Throws if the data is longer than 8224 bytes. */
export function record(type: number, data: Uint8Array | number[]): Uint8Array {
  if (data.length > MAX_RECORD_DATA) throw new RangeError(`record 0x${type.toString(16)}: ${data.length} bytes of data`);
  return rawRecord(type, data);
}

/** A record with any length up to 65535 (for hostile files: a record longer than BIFF8 allows). */
export function rawRecord(type: number, data: Uint8Array | number[]): Uint8Array {
  if (data.length > 0xffff) throw new RangeError(`record 0x${type.toString(16)}: ${data.length} bytes of data`);
  return new Bytes().u16(type).u16(data.length).bytes(data).done();
}

/** Record types used here. */
export const RT = {
  FORMULA: 0x0006,
  EOF: 0x000a,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  FONT: 0x0031,
  CONTINUE: 0x003c,
  WINDOW1: 0x003d,
  CODEPAGE: 0x0042,
  COLINFO: 0x007d,
  BOUNDSHEET: 0x0085,
  MULRK: 0x00bd,
  XF: 0x00e0,
  MERGECELLS: 0x00e5,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  DIMENSIONS: 0x0200,
  BLANK: 0x0201,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  ROW: 0x0208,
  WINDOW2: 0x023e,
  RK: 0x027e,
  STYLE: 0x0293,
  INDEX: 0x020b,
  FORMAT: 0x041e,
  SHRFMLA: 0x04bc,
  BOF: 0x0809,
} as const;

/** The index of the cell XF the default globals end with (General format): the XF plain cells use. */
export const DEFAULT_XF = 15;

/** Row, column and XF index: the first six bytes of every cell record. */
function cell(row: number, col: number, xf: number): Bytes {
  return new Bytes().u16(row).u16(col).u16(xf);
}

/**
 * The RK encoding of a number: an integer when it is one in 30 signed bits; else value × 100 as such an integer
 * when that is exact; else the top 30 bits of the double when its low 34 bits are zero (also tried for
 * value × 100). Throws for a number RK cannot hold.
 */
export function rkValue(value: number): number {
  const fitsInt30 = (n: number) => Number.isInteger(n) && n >= -(2 ** 29) && n < 2 ** 29;
  if (fitsInt30(value) && !Object.is(value, -0)) return ((value << 2) | 0x2) >>> 0;
  const x100 = Math.round(value * 100);
  if (fitsInt30(x100) && x100 / 100 === value && !Object.is(value, -0)) return ((x100 << 2) | 0x3) >>> 0;
  const top30 = (v: number): number | undefined => {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setFloat64(0, v, true);
    if (dv.getUint32(0, true) !== 0 || (dv.getUint32(4, true) & 0x3) !== 0) return undefined;
    return dv.getUint32(4, true);
  };
  const plain = top30(value);
  if (plain !== undefined) return plain >>> 0;
  const scaled = top30(value * 100);
  if (scaled !== undefined && (value * 100) / 100 === value) return (scaled | 0x1) >>> 0;
  throw new RangeError(`${value} cannot be written as an RK number`);
}

/** The number an RK value stands for (the reverse of rkValue; for checks). */
export function rkNumber(rk: number): number {
  let v: number;
  if (rk & 0x2) v = rk >> 2;
  else {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    v = dv.getFloat64(0, true);
  }
  return rk & 0x1 ? v / 100 : v;
}

type CachedValue = number | string | boolean | null | { error: number };

function formulaValue(cached: CachedValue): number[] {
  if (typeof cached === 'number') return [...new Bytes().f64(cached).done()];
  if (typeof cached === 'string') return [0x00, 0, 0, 0, 0, 0, 0xff, 0xff];
  if (typeof cached === 'boolean') return [0x01, 0, cached ? 1 : 0, 0, 0, 0, 0xff, 0xff];
  if (cached === null) return [0x03, 0, 0, 0, 0, 0, 0xff, 0xff];
  return [0x02, 0, cached.error & 0xff, 0, 0, 0, 0xff, 0xff];
}

/** A FONT record's data for the given name (10 pt, normal weight, automatic colour). */
function fontData(name: string, opts: { height?: number; bold?: boolean } = {}): number[] {
  return [
    ...new Bytes()
      .u16(opts.height ?? 200) // dyHeight, twips
      .u16(0) // grbit
      .u16(0x7fff) // icv: automatic
      .u16(opts.bold ? 700 : 400) // bls
      .u16(0) // sss
      .u8(0) // uls
      .u8(0) // bFamily
      .u8(0) // bCharSet
      .u8(0) // reserved
      .done(),
    ...shortXlUnicodeString(name),
  ];
}

/** Splits SST data into an SST record and CONTINUE records; see biff.sst. */
function sstRecords(strings: readonly string[], max: number, total: number): Uint8Array[] {
  if (max < 4 || max > MAX_RECORD_DATA) throw new RangeError(`maxRecordData ${max} out of range 4..${MAX_RECORD_DATA}`);
  const records: Uint8Array[] = [];
  let type: number = RT.SST;
  let cur: number[] = [...new Bytes().u32(total).u32(strings.length).done()];
  const flush = () => {
    records.push(record(type, cur));
    type = RT.CONTINUE;
    cur = [];
  };
  if (cur.length > max) throw new RangeError('maxRecordData is smaller than the SST header');
  for (const s of strings) {
    if (s.length > 0xffff) throw new RangeError(`SST string of ${s.length} characters`);
    const high = !isCompressible(s);
    const width = high ? 2 : 1;
    const header = [s.length & 0xff, s.length >>> 8, high ? 1 : 0];
    // The header is never split, and comes with at least one character (or the whole empty string).
    const need = header.length + Math.min(s.length, 1) * width;
    if (cur.length + need > max) flush();
    cur.push(...header);
    let i = 0;
    while (i < s.length) {
      const room = Math.floor((max - cur.length) / width);
      if (room <= 0) {
        // The rest goes on in a CONTINUE record that starts with a fresh flags byte.
        flush();
        cur.push(high ? 1 : 0);
        continue;
      }
      const take = Math.min(room, s.length - i);
      cur.push(...chars(s.slice(i, i + take), high));
      i += take;
    }
  }
  flush();
  return records;
}

/** Record builders for BIFF8 (little-endian, per [MS-XLS]). Rows and columns are 0-based; xf is the XF index. */
export const biff = {
  /** BOF (0x0809): BIFF8, workbook globals (dt 0x0005) or worksheet (0x0010); Excel 97's build and year. */
  bof(kind: 'globals' | 'sheet'): Uint8Array {
    return record(
      RT.BOF,
      new Bytes()
        .u16(0x0600) // vers: BIFF8
        .u16(kind === 'globals' ? 0x0005 : 0x0010)
        .u16(0x0dbb) // rupBuild
        .u16(0x07cc) // rupYear (1996)
        .u32(0) // bfh flags
        .u32(0x0006) // sfo: verLowestBiff = 6 (BIFF8)
        .done(),
    );
  },
  /** EOF (0x000A), empty. */
  eof(): Uint8Array {
    return record(RT.EOF, []);
  },
  /** CODEPAGE (0x0042); 1200 (UTF-16) is what Excel 97 and later write. */
  codepage(cp = 1200): Uint8Array {
    return record(RT.CODEPAGE, new Bytes().u16(cp).done());
  },
  /** DATEMODE (0x0022): the 1904 date system or not. */
  datemode(is1904: boolean): Uint8Array {
    return record(RT.DATEMODE, new Bytes().u16(is1904 ? 1 : 0).done());
  },
  /** FORMAT (0x041E): ifmt u16, XLUnicodeString. Custom formats are numbered from 164. */
  format(id: number, code: string): Uint8Array {
    return record(RT.FORMAT, [...new Bytes().u16(id).done(), ...xlUnicodeString(code)]);
  },
  /**
   * XF (0x00E0), 20 bytes: font 0 (or opts.font), the number format, locked, vertical alignment bottom, Excel's
   * default pattern colours (0x20C0), no borders. A cell XF (the default) has fStyle 0 and parent style XF 0,
   * and sets fAtrNum (0x04 of the used-attributes byte) when the format is not General, as Excel does for a
   * format of the cell's own (LibreOffice applies the format with or without it); opts.usedAttributes
   * sets that byte. A style XF has fStyle 1 and parent 0xFFF.
   */
  xf(formatId: number, opts: { style?: boolean; font?: number; usedAttributes?: number } = {}): Uint8Array {
    const style = opts.style ?? false;
    const used = opts.usedAttributes ?? (style ? 0 : formatId !== 0 ? 0x04 : 0);
    return record(
      RT.XF,
      new Bytes()
        .u16(opts.font ?? 0) // ifnt
        .u16(formatId) // ifmt
        .u16(style ? 0xfff5 : 0x0001) // fLocked, fStyle, ixfParent
        .u8(0x20) // alc General, alcV bottom
        .u8(0) // trot
        .u8(0) // cIndent, fShrinkToFit, iReadOrder
        .u8(used) // fAtrNum (0x04), fAtrFnt (0x08), fAtrAlc, fAtrBdr, fAtrPat, fAtrProt (0x80)
        .u32(0) // borders
        .u32(0) // border colours
        .u16(0x20c0) // icvFore 0x40, icvBack 0x41
        .done(),
    );
  },
  /** FONT (0x0031): Arial 10 pt (or the name given). */
  font(name = 'Arial'): Uint8Array {
    return record(RT.FONT, fontData(name));
  },
  /** STYLE (0x0293) for a built-in style: the style XF index, the built-in style id (0 = Normal), level 0xFF. */
  style(xf: number, builtIn = 0): Uint8Array {
    return record(RT.STYLE, new Bytes().u16(0x8000 | xf).u8(builtIn).u8(0xff).done());
  },
  /** WINDOW1 (0x003D): the workbook window; first sheet active and shown. */
  window1(): Uint8Array {
    return record(
      RT.WINDOW1,
      new Bytes().u16(0).u16(0).u16(0x3a5c).u16(0x2328).u16(0x0038).u16(0).u16(0).u16(1).u16(0x0258).done(),
    );
  },
  /** WINDOW2 (0x023E): the sheet window (grid lines, headers, selected when `selected`). */
  window2(selected = false): Uint8Array {
    return record(
      RT.WINDOW2,
      new Bytes()
        .u16(0x00b6 | (selected ? 0x0600 : 0))
        .u16(0)
        .u16(0)
        .u16(0x40)
        .u16(0)
        .u16(0)
        .u16(0)
        .u16(0)
        .u16(0)
        .done(),
    );
  },
  /** BOUNDSHEET (0x0085): lbPlyPos u32 (the sheet's BOF in the Workbook stream), hsState, dt 0, name. */
  boundsheet(name: string, offset: number, hidden: 0 | 1 | 2 = 0): Uint8Array {
    return record(RT.BOUNDSHEET, [...new Bytes().u32(offset).u8(hidden).u8(0).done(), ...shortXlUnicodeString(name)]);
  },
  /**
   * SST (0x00FC) and CONTINUE (0x003C) records: cstTotal u32 (opts.total, default the count), cstUnique u32, then
   * each string as XLUnicodeRichExtendedString (cch u16, flags u8: 1 = UTF-16LE when a character is ≥ 256,
   * else 0 = one byte each; characters). A record holds at most maxRecordData bytes (default 8224); a string
   * that does not fit is split between characters, and the CONTINUE record then starts with a fresh flags byte
   * for the remaining characters, as Excel does. A string's header (cch + flags) is never split and is always
   * followed by at least its first character in the same record.
   */
  sst(strings: string[], opts: { maxRecordData?: number; total?: number } = {}): Uint8Array[] {
    return sstRecords(strings, opts.maxRecordData ?? MAX_RECORD_DATA, opts.total ?? strings.length);
  },
  /** LABELSST (0x00FD): a cell holding SST string `index`. */
  labelSst(row: number, col: number, xf: number, index: number): Uint8Array {
    return record(RT.LABELSST, cell(row, col, xf).u32(index).done());
  },
  /** LABEL (0x0204): a cell with its string in the record (XLUnicodeString). */
  label(row: number, col: number, xf: number, text: string): Uint8Array {
    return record(RT.LABEL, [...cell(row, col, xf).done(), ...xlUnicodeString(text)]);
  },
  /** NUMBER (0x0203): a cell with an f64. */
  number(row: number, col: number, xf: number, value: number): Uint8Array {
    return record(RT.NUMBER, cell(row, col, xf).f64(value).done());
  },
  /** RK (0x027E): a cell with an RK number (see rkValue; throws when the value has no RK form). */
  rk(row: number, col: number, xf: number, value: number): Uint8Array {
    return record(RT.RK, cell(row, col, xf).u32(rkValue(value)).done());
  },
  /** MULRK (0x00BD): consecutive RK cells in a row from firstCol; ends with colLast. */
  mulrk(row: number, firstCol: number, cells: Array<{ xf: number; value: number }>): Uint8Array {
    const b = new Bytes().u16(row).u16(firstCol);
    for (const c of cells) b.u16(c.xf).u32(rkValue(c.value));
    return record(RT.MULRK, b.u16(firstCol + cells.length - 1).done());
  },
  /** BLANK (0x0201): a formatted empty cell. */
  blank(row: number, col: number, xf: number): Uint8Array {
    return record(RT.BLANK, cell(row, col, xf).done());
  },
  /** BOOLERR (0x0205): a boolean, or an error with its code (0x07 #DIV/0!, 0x0F #VALUE!, 0x17 #REF!, 0x1D #NAME?, 0x24 #NUM!, 0x2A #N/A; default #N/A). */
  boolerr(row: number, col: number, xf: number, value: boolean | 'error', errorCode = 0x2a): Uint8Array {
    const isError = value === 'error';
    return record(RT.BOOLERR, cell(row, col, xf).u8(isError ? errorCode : value ? 1 : 0).u8(isError ? 1 : 0).done());
  },
  /**
   * FORMULA (0x0006): the cell, its cached result (a number; a string, with a STRING record to follow; a
   * boolean; null = the empty string; { error: code }), grbit (fShrFmla 0x0008 when shared), chn 0, cce and rgce.
   */
  formula(
    row: number,
    col: number,
    xf: number,
    cached: CachedValue,
    rgce: Uint8Array | number[],
    opts: { shared?: boolean } = {},
  ): Uint8Array {
    if (rgce.length > 0xffff) throw new RangeError('rgce too long');
    return record(
      RT.FORMULA,
      cell(row, col, xf)
        .bytes(formulaValue(cached))
        .u16(opts.shared ? 0x0008 : 0)
        .u32(0)
        .u16(rgce.length)
        .bytes(rgce)
        .done(),
    );
  },
  /** STRING (0x0207): the string result of the FORMULA before it. */
  string(text: string): Uint8Array {
    return record(RT.STRING, xlUnicodeString(text));
  },
  /** SHRFMLA (0x04BC): the shared formula's range (RefU), reserved, cUse, cce, rgce (ptg.refN/areaN tokens). */
  shrfmla(firstRow: number, lastRow: number, firstCol: number, lastCol: number, rgce: Uint8Array | number[]): Uint8Array {
    return record(
      RT.SHRFMLA,
      new Bytes().u16(firstRow).u16(lastRow).u8(firstCol).u8(lastCol).u8(0).u8(0).u16(rgce.length).bytes(rgce).done(),
    );
  },
  /** MERGECELLS (0x00E5): cmcs, then each range [r1, c1, r2, c2] as Ref8 (rwFirst, rwLast, colFirst, colLast). */
  mergeCells(ranges: Array<[r1: number, c1: number, r2: number, c2: number]>): Uint8Array {
    const b = new Bytes().u16(ranges.length);
    for (const [r1, c1, r2, c2] of ranges) b.u16(r1).u16(r2).u16(c1).u16(c2);
    return record(RT.MERGECELLS, b.done());
  },
  /** ROW (0x0208): columns 0–256, default height, reserved3 = 1 (0x100), XF 15; fDyZero (0x20) when hidden. */
  row(r: number, opts: { hidden?: boolean } = {}): Uint8Array {
    return record(
      RT.ROW,
      new Bytes()
        .u16(r)
        .u16(0) // colMic
        .u16(256) // colMac
        .u16(0x00ff) // miyRw
        .u16(0) // reserved1
        .u16(0) // unused1
        .u32(0x000f0100 | (opts.hidden ? 0x20 : 0))
        .done(),
    );
  },
  /** COLINFO (0x007D): columns first..last, width 2340 (1/256 characters), XF 15, fHidden. */
  colinfo(first: number, last: number, opts: { hidden?: boolean } = {}): Uint8Array {
    return record(
      RT.COLINFO,
      new Bytes()
        .u16(first)
        .u16(last)
        .u16(2340)
        .u16(DEFAULT_XF)
        .u16(opts.hidden ? 1 : 0)
        .u16(0)
        .done(),
    );
  },
  /**
   * INDEX (0x020B) without DBCELL offsets: reserved u32, rwMic u32, rwMac u32 (one past the last row),
   * ibXF u32 = 0. Excel writes it right after a worksheet's BOF (see SheetSpec.index).
   */
  index(rwMic = 0, rwMac = 0): Uint8Array {
    return record(RT.INDEX, new Bytes().u32(0).u32(rwMic).u32(rwMac).u32(0).done());
  },
  /** DIMENSIONS (0x0200): rows 0..rows-1, columns 0..cols-1 used (rwMac and colMac are one past the last). */
  dimensions(rows: number, cols: number): Uint8Array {
    return record(RT.DIMENSIONS, new Bytes().u32(0).u32(rows).u16(0).u16(cols).u16(0).done());
  },
  /** FILEPASS (0x002F): RC4 encryption (wEncryptionType 1, version 1.1, salt, verifier and its hash: made up). */
  filepass(): Uint8Array {
    const b = new Bytes().u16(1).u16(1).u16(1);
    for (let i = 0; i < 48; i++) b.u8((i * 37 + 11) & 0xff);
    return record(RT.FILEPASS, b.done());
  },
};

// ---------------------------------------------------------------------------------------------------------
// Formula tokens (BIFF8 ptgs)
// ---------------------------------------------------------------------------------------------------------

const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
/** A column with the relative flags: bit 14 column relative, bit 15 row relative. */
const colRel = (col: number, rowRel: boolean, colRelative: boolean) =>
  u16((col & 0x3fff) | (colRelative ? 0x4000 : 0) | (rowRel ? 0x8000 : 0));

/** Formula tokens (BIFF8 ptgs, reference class where a class applies). */
export const ptg = {
  /** ptgRef (0x24): rw u16, col u16 with bit 14 column relative, bit 15 row relative (both by default). */
  ref(row: number, col: number, opts: { rowRel?: boolean; colRel?: boolean } = {}): number[] {
    return [0x24, ...u16(row), ...colRel(col, opts.rowRel ?? true, opts.colRel ?? true)];
  },
  /** ptgArea (0x25): rwFirst, rwLast, colFirst, colLast (all relative). */
  area(r1: number, c1: number, r2: number, c2: number): number[] {
    return [0x25, ...u16(r1), ...u16(r2), ...colRel(c1, true, true), ...colRel(c2, true, true)];
  },
  /** ptgRefN (0x2C), in shared formulas: row offset as int16, column offset in the low 8 bits as int8, both relative. */
  refN(dRow: number, dCol: number): number[] {
    return [0x2c, ...u16(dRow & 0xffff), ...u16((dCol & 0xff) | 0xc000)];
  },
  /** ptgAreaN (0x2D): relative offsets as in refN. */
  areaN(dr1: number, dc1: number, dr2: number, dc2: number): number[] {
    return [0x2d, ...u16(dr1 & 0xffff), ...u16(dr2 & 0xffff), ...u16((dc1 & 0xff) | 0xc000), ...u16((dc2 & 0xff) | 0xc000)];
  },
  /** ptgInt (0x1E): u16. */
  int(n: number): number[] {
    return [0x1e, ...u16(n)];
  },
  /** ptgNum (0x1F): f64. */
  num(x: number): number[] {
    return [0x1f, ...new Bytes().f64(x).done()];
  },
  /** ptgStr (0x17): a string constant (ShortXLUnicodeString). */
  str(text: string): number[] {
    return [0x17, ...shortXlUnicodeString(text)];
  },
  /** ptgBool (0x1D). */
  bool(b: boolean): number[] {
    return [0x1d, b ? 1 : 0];
  },
  add: (): number[] => [0x03],
  sub: (): number[] => [0x04],
  mul: (): number[] => [0x05],
  div: (): number[] => [0x06],
  paren: (): number[] => [0x15],
  /** ptgAttr (0x19) tAttrSum (0x10): SUM of the one operand on the stack. */
  sum: (): number[] => [0x19, 0x10, 0, 0],
  /** ptgFuncVar (0x22): cparams u8, tab u16 (e.g. SUM is 4). */
  funcVar(iftab: number, args: number): number[] {
    return [0x22, args & 0x7f, ...u16(iftab & 0x7fff)];
  },
  /** ptgFunc (0x21): tab u16 (a function with a fixed count of arguments: ROUND is 27, with 2). */
  func(iftab: number): number[] {
    return [0x21, ...u16(iftab)];
  },
  /** ptgExp (0x01): the master cell of the shared formula this cell uses. */
  exp(row: number, col: number): number[] {
    return [0x01, ...u16(row), ...u16(col)];
  },
  /** ptgRef3d (0x3A): ixti (index into EXTERNSHEET), rw, col (both relative). */
  ref3d(ixti: number, row: number, col: number): number[] {
    return [0x3a, ...u16(ixti), ...u16(row), ...colRel(col, true, true)];
  },
};

// ---------------------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------------------

/**
 * The global records a minimal workbook has (what Excel's minimal files have): CODEPAGE 1200, WINDOW1, five
 * FONT records (Excel skips font index 4, so XFs address fonts 0–3 and 5+), the 15 style XFs and one cell XF
 * (index 15, DEFAULT_XF, General), and the Normal style. Pass `[...defaultGlobals(), …]` to workbookStream to
 * add FORMAT, XF (numbered from 16), SST or other records.
 */
export function defaultGlobals(): Uint8Array[] {
  const out: Uint8Array[] = [biff.codepage(1200), biff.window1()];
  for (let i = 0; i < 5; i++) out.push(biff.font());
  for (let i = 0; i < 15; i++) out.push(biff.xf(0, { style: true }));
  out.push(biff.xf(0));
  out.push(biff.style(0, 0));
  return out;
}

export interface SheetSpec {
  name: string;
  /** BOUNDSHEET hsState: 0 visible, 1 hidden, 2 very hidden. */
  hidden?: 0 | 1 | 2;
  records: Uint8Array[];
  /**
   * Whether an INDEX record goes right after the sheet's BOF, as in every sheet Excel writes (default true).
   * LibreOffice (7.4, and its source today) never reads the first record after a worksheet's BOF: its
   * prefetch pass starts one record late, and the main pass seeks back to the same place. Without a record
   * there to lose, LibreOffice drops the sheet's first cell. `index: false` writes BOF, records, EOF only.
   */
  index?: boolean;
}

/** Record types whose data starts with the cell's (or row's) u16 row number. */
const ROW_FIRST = new Set<number>([
  RT.FORMULA, RT.MULRK, RT.LABELSST, RT.BLANK, RT.NUMBER, RT.LABEL, RT.BOOLERR, RT.ROW, RT.RK, 0x00be /* MULBLANK */,
]);

/** The rows the records' cells and ROW records span: [first, one past the last], or [0, 0] for none. */
function rowSpan(records: readonly Uint8Array[]): [number, number] {
  let lo = Infinity;
  let hi = -1;
  for (const r of records) {
    if (r.length < 6 || !ROW_FIRST.has(r[0]! | (r[1]! << 8))) continue;
    const row = r[4]! | (r[5]! << 8);
    lo = Math.min(lo, row);
    hi = Math.max(hi, row);
  }
  return hi < 0 ? [0, 0] : [lo, hi + 1];
}

/**
 * A whole Workbook stream: BOF (globals), the global records (default: defaultGlobals(); when given, exactly
 * those), one BOUNDSHEET per sheet with the offset of that sheet's BOF, EOF; then each sheet: BOF (worksheet),
 * INDEX (unless `index: false`, see SheetSpec), its records, EOF.
 */
export function workbookStream(sheets: SheetSpec[], globals: Uint8Array[] = defaultGlobals()): Uint8Array {
  const head = concat([biff.bof('globals'), ...globals]);
  const boundsheetSize = (s: SheetSpec) => biff.boundsheet(s.name, 0, s.hidden ?? 0).length;
  const eof = biff.eof();
  let offset = head.length + sheets.reduce((n, s) => n + boundsheetSize(s), 0) + eof.length;
  const bodies: Uint8Array[] = [];
  const boundsheets: Uint8Array[] = [];
  for (const s of sheets) {
    const index = (s.index ?? true) ? [biff.index(...rowSpan(s.records))] : [];
    const body = concat([biff.bof('sheet'), ...index, ...s.records, biff.eof()]);
    boundsheets.push(biff.boundsheet(s.name, offset, s.hidden ?? 0));
    bodies.push(body);
    offset += body.length;
  }
  return concat([head, ...boundsheets, eof, ...bodies]);
}

/** compoundFile({ Workbook: workbookStream(sheets, globals) }) (or another stream name, e.g. BIFF5's "Book"). */
export function xlsFile(
  sheets: SheetSpec[],
  globals?: Uint8Array[],
  opts: { miniCutoff?: number; streamName?: string } = {},
): Uint8Array {
  return compoundFile(
    { [opts.streamName ?? 'Workbook']: workbookStream(sheets, globals) },
    opts.miniCutoff === undefined ? {} : { miniCutoff: opts.miniCutoff },
  );
}
