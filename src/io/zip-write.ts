/**
 * A ZIP archive from named parts: the container of the Office files povcheck writes itself (xlsx). Each part is
 * deflated with node:zlib and carries its CRC-32 (zlib.crc32); names are UTF-8 (flag bit 11); every entry has
 * the same fixed time (1980-01-01 00:00, the earliest ZIP can hold), so the same parts always give the same
 * bytes. No ZIP64, no data descriptors, no encryption, no comments: what every reader, povcheck's own
 * (src/read/zip-guard.ts) included, reads. An archive past ZIP's 32-bit sizes or 65,535 entries, a duplicate or
 * unsafe name is refused with an internal fault: povcheck never writes anything near that.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { ZIP_CENTRAL_HEADER, ZIP_END_RECORD, ZIP_LOCAL_HEADER } from '../model/zip-records.js';

export interface ZipPart {
  /** Path inside the archive (`xl/workbook.xml`): relative, `/`-separated, no `..`. */
  name: string;
  /** Bytes, or text written as UTF-8. */
  data: Uint8Array | string;
}

const VERSION = 20; // 2.0: deflate
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

function checkName(name: string, seen: Set<string>): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  const unsafe = name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.' || s === '');
  if (unsafe || bytes.length > 0xffff) throw new Error(`zip: unsafe part name ${JSON.stringify(name)}`);
  if (seen.has(name)) throw new Error(`zip: part ${name} given twice`);
  seen.add(name);
  return bytes;
}

/** The archive's bytes: the parts in the given order, then the central directory. */
export function zipParts(parts: readonly ZipPart[]): Uint8Array {
  if (parts.length > MAX_ENTRIES) throw new Error(`zip: ${parts.length} parts, more than ZIP without ZIP64 holds`);
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const part of parts) {
    const name = checkName(part.name, seen);
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const body = deflateRawSync(data);
    if (data.length > MAX_32 || body.length > MAX_32 || offset > MAX_32) throw new Error('zip: archive larger than ZIP without ZIP64 holds');
    const crc = crc32(data) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(ZIP_LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    chunks.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(ZIP_CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4); // made by (MS-DOS attributes)
    central.writeUInt16LE(VERSION, 6); // needed to extract
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra field, comment, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(directory);
  if (offset > MAX_32 || dir.length > MAX_32) throw new Error('zip: archive larger than ZIP without ZIP64 holds');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(ZIP_END_RECORD, 0);
  // disk numbers 0
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  // no comment
  const out = Buffer.concat([...chunks, dir, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
