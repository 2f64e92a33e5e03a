/**
 * The test-only .xls writer (test/read/xls-writer.ts): structural facts of what it writes. That LibreOffice
 * reads its files as written was checked by hand (see the writer's header); nothing here runs LibreOffice.
 */
import { describe, expect, it } from 'vitest';
import {
  biff,
  CFB,
  compoundFile,
  defaultGlobals,
  ptg,
  record,
  rkNumber,
  rkValue,
  RT,
  workbookStream,
  xlsFile,
} from './xls-writer.js';

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** Reads the named stream back by the book: directory, FAT or mini FAT chains. */
function readStream(file: Uint8Array, name: string): Uint8Array {
  const sector = (s: number) => file.subarray(512 + s * 512, 1024 + s * 512);
  const fat: number[] = [];
  for (let i = 0; i < u32(file, 0x2c); i++) {
    const s = sector(u32(file, 0x4c + i * 4));
    for (let j = 0; j < 128; j++) fat.push(u32(s, j * 4));
  }
  const chain = (first: number, next: (s: number) => number) => {
    const out: number[] = [];
    for (let s = first; s !== CFB.ENDOFCHAIN; s = next(s)) {
      if (out.length > fat.length) throw new Error('cycle');
      out.push(s);
    }
    return out;
  };
  const cat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };
  const dir = cat(chain(u32(file, 0x30), (s) => fat[s]!).map(sector));
  const entries = Array.from({ length: dir.length / 128 }, (_, i) => dir.subarray(i * 128, i * 128 + 128));
  const nameOf = (e: Uint8Array) =>
    String.fromCharCode(...Array.from({ length: u16(e, 64) / 2 - 1 }, (_, i) => u16(e, i * 2)));
  const entry = entries.find((e) => e[66] === 2 && nameOf(e) === name);
  if (!entry) throw new Error(`no stream ${name}`);
  const size = u32(entry, 120);
  if (size >= u32(file, 0x38)) return cat(chain(u32(entry, 116), (s) => fat[s]!).map(sector)).subarray(0, size);
  const root = entries[0]!;
  const mini = cat(chain(u32(root, 116), (s) => fat[s]!).map(sector));
  const miniFatBytes = cat(chain(u32(file, 0x3c), (s) => fat[s]!).map(sector));
  const miniFat = (s: number) => u32(miniFatBytes, s * 4);
  return cat(chain(u32(entry, 116), miniFat).map((s) => mini.subarray(s * 64, s * 64 + 64))).subarray(0, size);
}

/** The records of a stream as [type, data]. */
function records(stream: Uint8Array): Array<[number, Uint8Array]> {
  const out: Array<[number, Uint8Array]> = [];
  for (let at = 0; at < stream.length; ) {
    const len = u16(stream, at + 2);
    out.push([u16(stream, at), stream.subarray(at + 4, at + 4 + len)]);
    at += 4 + len;
  }
  return out;
}

const bytesOf = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('compoundFile', () => {
  it('writes a version 3 header, whole sectors, and the streams back as given (mini and regular)', () => {
    const small = bytesOf(1000);
    const big = bytesOf(5000, 7);
    const file = compoundFile({ Workbook: big, '\u0005SummaryInformation': small, Tiny: bytesOf(1, 3) });
    expect([...file.subarray(0, 8)]).toEqual([...CFB.SIGNATURE]);
    expect([u16(file, 0x18), u16(file, 0x1a), u16(file, 0x1c), u16(file, 0x1e), u16(file, 0x20)]).toEqual([
      0x3e, 3, 0xfffe, 9, 6,
    ]);
    expect(u32(file, 0x38)).toBe(4096);
    expect(u32(file, 0x44)).toBe(CFB.ENDOFCHAIN);
    expect(file.length % 512).toBe(0);
    // FAT 1 + directory 1 (4 entries) + mini FAT 1 + mini stream (16 + 1 mini sectors: 3 sectors) + 10 = 16.
    expect(file.length / 512 - 1).toBe(16);
    expect(u32(file, 0x2c)).toBe(1);
    expect(u32(file, 0x4c + 4)).toBe(CFB.FREESECT);
    expect(readStream(file, 'Workbook')).toEqual(big);
    expect(readStream(file, '\u0005SummaryInformation')).toEqual(small);
    expect(readStream(file, 'Tiny')).toEqual(bytesOf(1, 3));
  });

  it('keeps a stream of 4096 bytes or more out of the mini stream; the root then has none', () => {
    const file = compoundFile({ Workbook: bytesOf(4096) });
    expect(u32(file, 0x3c)).toBe(CFB.ENDOFCHAIN);
    expect(u32(file, 0x40)).toBe(0);
    const root = file.subarray(512 + u32(file, 0x30) * 512);
    expect([root[66], u32(root, 116), u32(root, 120)]).toEqual([5, CFB.ENDOFCHAIN, 0]);
    // The unused directory slots are empty entries.
    expect([root[128 + 66], u32(root, 128 + 68 + 4), root[256 + 66], u32(root, 256 + 76)]).toEqual([
      2, CFB.NOSTREAM, 0, CFB.NOSTREAM,
    ]);
    expect(readStream(file, 'Workbook')).toEqual(bytesOf(4096));
  });

  it('chains the root\'s children as right siblings in [MS-CFB] order (length, then upper case)', () => {
    const file = compoundFile({ bb: bytesOf(1), A: bytesOf(1), aa: bytesOf(1) });
    const dir = file.subarray(512 + u32(file, 0x30) * 512);
    const name = (id: number) => String.fromCharCode(dir[id * 128]!, ...(dir[id * 128 + 2] ? [dir[id * 128 + 2]!] : []));
    const order: string[] = [];
    for (let id = u32(dir, 76); id !== CFB.NOSTREAM; id = u32(dir, id * 128 + 72)) order.push(name(id));
    expect(order).toEqual(['A', 'aa', 'bb']);
  });

  it('lists up to 109 FAT sectors in the header and refuses more', () => {
    const file = compoundFile({ Workbook: new Uint8Array(108 * 128 * 512) });
    expect(u32(file, 0x2c)).toBe(109);
    expect(u32(file, 0x4c + 108 * 4)).toBe(108);
    expect(() => compoundFile({ Workbook: new Uint8Array(109 * 128 * 512) })).toThrow(/FAT sectors/);
  });
});

describe('BIFF8 records', () => {
  it('frames a record and refuses more than 8224 bytes of data', () => {
    expect([...record(0x0203, [1, 2, 3])]).toEqual([0x03, 0x02, 3, 0, 1, 2, 3]);
    expect(record(1, new Uint8Array(8224)).length).toBe(8228);
    expect(() => record(1, new Uint8Array(8225))).toThrow();
  });

  it('splits an SST mid-string with a fresh flags byte at the start of the CONTINUE record', () => {
    // 'Tổng số' is UTF-16: 8 (counts) + 3 (header) + 4 characters = 19 of 20 bytes; 3 characters go on.
    const [sst, cont, ...rest] = biff.sst(['Tổng số'], { maxRecordData: 20 });
    expect(rest).toEqual([]);
    expect([u16(sst!, 0), u16(sst!, 2)]).toEqual([RT.SST, 19]);
    expect([...sst!.subarray(4, 15)]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 7, 0, 1]);
    expect([u16(cont!, 0), u16(cont!, 2), cont![4]]).toEqual([RT.CONTINUE, 7, 1]);
    expect(Buffer.from(cont!.subarray(5)).toString('utf16le')).toBe(' số');
    // A compressed string fills the record to the byte and continues with flags 0.
    const [a, b] = biff.sst(['abcdefghijklmnop'], { maxRecordData: 20 });
    expect(u16(a!, 2)).toBe(20);
    expect([...b!.subarray(4)]).toEqual([0, ...Buffer.from('jklmnop', 'latin1')]);
  });

  it('never splits a string header: the next string starts a CONTINUE record with its own cch and flags', () => {
    const [sst, cont] = biff.sst(['abcdefgh', 'xy'], { maxRecordData: 20 });
    expect(u16(sst!, 2)).toBe(19);
    expect([...cont!.subarray(4)]).toEqual([2, 0, 0, 0x78, 0x79]);
  });

  it('encodes RK numbers as integers, hundredths or truncated doubles, and refuses the rest', () => {
    expect(rkValue(42)).toBe((42 << 2) | 2);
    expect(rkValue(-123456) & 3).toBe(2);
    expect(rkValue(9.7) & 3).toBe(3);
    expect(rkValue(0.5) & 3).toBe(3);
    expect(rkValue(2 ** -10) & 3).toBe(0);
    expect(rkValue(2 ** 40) & 3).toBe(0);
    for (const v of [0, 1, -2, 9.7, 0.5, 2 ** -10, 3.25, -123456, 2 ** 40, 536870911, -536870912, 536870912, 12345.67, -0]) {
      expect(Object.is(rkNumber(rkValue(v)), v)).toBe(true);
    }
    expect(() => rkValue(0.1 + 0.2)).toThrow(/RK/);
    expect(() => biff.rk(0, 0, 15, Math.PI)).toThrow(/RK/);
  });

  it('writes a FORMULA with its cached value, grbit and tokens', () => {
    const f = biff.formula(3, 0, 15, 43, [...ptg.ref(1, 1), ...ptg.ref(2, 0), ...ptg.add()]);
    expect(u16(f, 0)).toBe(RT.FORMULA);
    expect(Buffer.from(f).readDoubleLE(10)).toBe(43);
    expect([u16(f, 18), u32(f, 20), u16(f, 24)]).toEqual([0, 0, 11]);
    expect([...f.subarray(26)]).toEqual([0x24, 1, 0, 1, 0xc0, 0x24, 2, 0, 0, 0xc0, 0x03]);
    const s = biff.formula(0, 0, 15, 'x', ptg.exp(0, 0), { shared: true });
    expect([...s.subarray(10, 20)]).toEqual([0, 0, 0, 0, 0, 0, 0xff, 0xff, 0x08, 0]);
    expect([...biff.formula(0, 0, 15, null, []).subarray(10, 18)]).toEqual([3, 0, 0, 0, 0, 0, 0xff, 0xff]);
    expect(ptg.refN(-1, -1)).toEqual([0x2c, 0xff, 0xff, 0xff, 0xc0]);
  });
});

describe('workbookStream', () => {
  it('points each BOUNDSHEET at its sheet\'s BOF, with INDEX right after it by default', () => {
    const stream = workbookStream(
      [
        { name: 'Dữ liệu', records: [biff.number(2, 0, 15, 1), biff.number(4, 0, 15, 2)] },
        { name: 'B', hidden: 2, records: [biff.blank(0, 0, 15)], index: false },
      ],
      [...defaultGlobals(), ...biff.sst(['a'])],
    );
    const sheets = records(stream).filter(([t]) => t === RT.BOUNDSHEET);
    expect(sheets.map(([, d]) => d[4])).toEqual([0, 2]);
    const [first, second] = sheets.map(([, d]) => records(stream.subarray(u32(d, 0))));
    expect(first!.slice(0, 3).map(([t]) => t)).toEqual([RT.BOF, RT.INDEX, RT.NUMBER]);
    expect(u16(first![0]![1], 2)).toBe(0x0010);
    expect([u32(first![1]![1], 4), u32(first![1]![1], 8)]).toEqual([2, 5]);
    expect(second!.slice(0, 3).map(([t]) => t)).toEqual([RT.BOF, RT.BLANK, RT.EOF]);
    expect(records(stream)[0]![0]).toBe(RT.BOF);
  });

  it('puts the Workbook stream in the compound file (or under another name)', () => {
    const sheets = [{ name: 'S', records: [biff.label(0, 0, 15, 'Xã')] }];
    expect(readStream(xlsFile(sheets), 'Workbook')).toEqual(workbookStream(sheets));
    expect(readStream(xlsFile(sheets, [], { streamName: 'Book' }), 'Book')).toEqual(workbookStream(sheets, []));
  });
});
