/**
 * bytes of an OLE compound file ([MS-CFB]: Excel 97–2003's .xls, Word 97's .doc, a password-protected .xlsx) → its
 * top-level streams, read on demand. Everything a damaged or hostile file could make loop or overrun is checked:
 * every sector number against the file's sectors, every chain walked at most once per sector (a chain that comes back
 * to a sector it passed is refused), the directory's tree walked with each entry visited once, a stream's size
 * against the sectors its chain holds. Nothing is allocated beyond the file's own size: a compound file cannot
 * expand, unlike a ZIP archive.
 */
import { PovcheckError, type OleFault } from '../errors.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_ENTRY = 0xffffffff;
/** Entries of the header's DIFAT (the first FAT sectors' numbers). */
const HEADER_DIFAT = 109;
const ENTRY = 128;
const MINI_SECTOR = 64;

const damaged = (fault: OleFault) => new PovcheckError('WORKBOOK_INVALID', { damage: 'ole', fault, of: 'xls' });

export interface CompoundFile {
  /** The names of the root storage's streams, in directory order. */
  readonly names: readonly string[];
  /** A top-level stream's bytes by name (case ignored, as Office does); undefined when there is none. */
  stream(name: string): Uint8Array | undefined;
}

const isCompoundFile = (bytes: Uint8Array): boolean => bytes.length >= 512 && OLE_MAGIC.every((b, i) => bytes[i] === b);

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

class Sectors {
  readonly size: number;
  readonly count: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    shift: number,
  ) {
    this.size = 2 ** shift;
    this.count = Math.ceil((bytes.length - this.size) / this.size);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Sector `n`'s bytes (the last may be short). */
  sector(n: number): Uint8Array {
    if (!Number.isInteger(n) || n < 0 || n >= this.count) throw damaged('sector');
    const from = (n + 1) * this.size;
    return this.bytes.subarray(from, Math.min(from + this.size, this.bytes.length));
  }

  u32(n: number, i: number): number {
    const at = (n + 1) * this.size + i * 4;
    return at + 4 <= this.bytes.length ? this.view.getUint32(at, true) : FREE;
  }
}

/** A chain of sectors from `start` by `next`, each visited once; `count` sectors exist. */
function chain(start: number, count: number, next: (n: number) => number): number[] {
  const seen = new Uint8Array(count);
  const out: number[] = [];
  for (let n = start; n !== END_OF_CHAIN; n = next(n)) {
    if (n >= count || n < 0) throw damaged('sector');
    if (seen[n]) throw damaged('loop');
    seen[n] = 1;
    out.push(n);
  }
  return out;
}

function gather(parts: Uint8Array[], size: number): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  if (total < size) throw damaged('size');
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    if (at >= size) break;
    const take = p.subarray(0, size - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes)) throw damaged('header');
  const head = new DataView(bytes.buffer, bytes.byteOffset, 512);
  const shift = head.getUint16(30, true);
  if (head.getUint16(28, true) !== 0xfffe || (shift !== 9 && shift !== 12) || head.getUint16(32, true) !== 6) throw damaged('header');
  const s = new Sectors(bytes, shift);
  if (s.count <= 0) throw damaged('header');
  const perSector = s.size / 4;

  // The FAT's sectors: the header's 109, then the DIFAT chain's (each sector's last entry is the next one).
  const fatCount = head.getUint32(44, true);
  if (fatCount > s.count) throw damaged('header');
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(head.getUint32(76 + i * 4, true));
  const seenDifat = new Uint8Array(s.count);
  for (let d = head.getUint32(68, true); fatSectors.length < fatCount; ) {
    if (d >= s.count) throw damaged('sector');
    if (seenDifat[d]) throw damaged('loop');
    seenDifat[d] = 1;
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(s.u32(d, i));
    d = s.u32(d, perSector - 1);
  }
  const fat = new Uint32Array(fatCount * perSector);
  fatSectors.forEach((f, k) => {
    s.sector(f);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = s.u32(f, i);
  });
  const next = (n: number) => (n < fat.length ? fat[n]! : FREE);
  const regular = (start: number, size: number) => gather(chain(start, s.count, next).map((n) => s.sector(n)), size);

  const dirSectors = chain(head.getUint32(48, true), s.count, next);
  const dir = gather(dirSectors.map((n) => s.sector(n)), dirSectors.length * s.size);
  const entries = directory(dir, shift);
  const root = entries.at(0);
  if (!root || root.type !== 5) throw damaged('directory');

  const cutoff = head.getUint32(56, true);
  let mini: { stream: Uint8Array; fat: Uint32Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const stream = root.start === END_OF_CHAIN ? new Uint8Array(0) : regular(root.start, root.size);
    const fatChain = head.getUint32(60, true) === END_OF_CHAIN ? [] : chain(head.getUint32(60, true), s.count, next);
    const miniFat = new Uint32Array(fatChain.length * perSector);
    fatChain.forEach((f, k) => {
      for (let i = 0; i < perSector; i++) miniFat[k * perSector + i] = s.u32(f, i);
    });
    return (mini = { stream, fat: miniFat });
  };
  const read = (e: DirEntry): Uint8Array => {
    if (e.size === 0) return new Uint8Array(0);
    if (e.size >= cutoff) return regular(e.start, e.size);
    const m = miniStream();
    const count = Math.floor(m.stream.length / MINI_SECTOR);
    const parts = chain(e.start, count, (n) => (n < m.fat.length ? m.fat[n]! : FREE)).map((n) => m.stream.subarray(n * MINI_SECTOR, (n + 1) * MINI_SECTOR));
    return gather(parts, e.size);
  };

  const top = children(entries, root.child);
  return {
    names: top.filter((e) => e.type === 2).map((e) => e.name),
    stream(name: string) {
      const e = top.find((x) => x.type === 2 && x.name.toLowerCase() === name.toLowerCase());
      return e ? read(e) : undefined;
    },
  };
}

/** The directory's entries, each read when first asked for (a hostile directory may hold millions; a walk reads few). */
interface Directory {
  at(i: number): DirEntry | undefined;
}

function directory(dir: Uint8Array, shift: number): Directory {
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const read = new Map<number, DirEntry>();
  return {
    at(i) {
      if (!Number.isInteger(i) || i < 0 || (i + 1) * ENTRY > dir.length) return undefined;
      let e = read.get(i);
      if (!e) read.set(i, (e = entryAt(view, i * ENTRY, shift)));
      return e;
    },
  };
}

function entryAt(view: DataView, at: number, shift: number): DirEntry {
  const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
  let name = '';
  for (let i = 0; i + 1 < nameBytes; i += 2) {
    const c = view.getUint16(at + i, true);
    if (c === 0) break;
    name += String.fromCharCode(c);
  }
  // Version 3 files keep a 32-bit size: its high half is to be ignored (some writers leave garbage there).
  const size = shift === 9 ? view.getUint32(at + 120, true) : view.getUint32(at + 120, true) + view.getUint32(at + 124, true) * 2 ** 32;
  return { name, type: view.getUint8(at + 66), left: view.getUint32(at + 68, true), right: view.getUint32(at + 72, true), child: view.getUint32(at + 76, true), start: view.getUint32(at + 116, true), size };
}

/** Entries of the root storage read at most: an .xls holds a few (its Workbook stream, summaries, macros, objects). */
const MAX_ENTRIES = 5_000;

/** The entries of one storage: its child's tree (left and right siblings), each entry visited once. */
function children(entries: Directory, first: number): DirEntry[] {
  const out: DirEntry[] = [];
  const seen = new Set<number>();
  const stack = [first];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i === NO_ENTRY) continue;
    const e = entries.at(i);
    if (!e || seen.has(i)) throw damaged('directory');
    if (seen.size >= MAX_ENTRIES) throw new PovcheckError('WORKBOOK_TOO_LARGE', { what: 'entries', limit: MAX_ENTRIES });
    seen.add(i);
    out.push(e);
    stack.push(e.right, e.left);
  }
  return out;
}
