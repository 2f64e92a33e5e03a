/**
 * The ZIP writer (src/io/zip-write.ts): what it writes, povcheck's own guard (src/read/zip-guard.ts) reads back
 * part for part, and so do an independent reader (scripts/zip.mjs) and Info-ZIP's `unzip -t` where installed
 * (it checks every CRC); the same parts give the same bytes; unsafe names and duplicates are refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zipParts, type ZipPart } from '../../src/io/zip-write.js';
import { guardZip, listZip, readPart, readZipPart } from '../../src/read/zip-guard.js';
import { unzip } from '../zip.js';

const PARTS: ZipPart[] = [
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
  { name: 'xl/worksheets/sheet1.xml', data: '<row>'.repeat(5000) },
  { name: 'docProps/Phụ lục.xml', data: 'Sơn Dương, Lâm Bình 😀' },
  { name: 'empty.bin', data: new Uint8Array(0) },
  { name: 'random.bin', data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251) },
];
const bytesOf = (p: ZipPart) => (typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data));

/** The CRC-32 each central directory record states, by name (the guard does not check CRCs; readers may). */
function statedCrcs(zip: Uint8Array): Map<string, number> {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = new Map<string, number>();
  for (let p = b.readUInt32LE(end + 16), n = 0; n < b.readUInt16LE(end + 10); n++) {
    const nameLen = b.readUInt16LE(p + 28);
    out.set(b.subarray(p + 46, p + 46 + nameLen).toString('utf8'), b.readUInt32LE(p + 16));
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

/** Every part as povcheck's guard reads it: name → bytes. */
function throughGuard(zip: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  guardZip(zip, undefined, (e, data) => out.set(e.name, Buffer.from(data)));
  return out;
}

describe('zipParts', () => {
  const zip = zipParts(PARTS);

  it("povcheck's guard reads every part back, byte for byte, at its declared size", () => {
    const read = throughGuard(zip);
    expect([...read.keys()]).toEqual(PARTS.map((p) => p.name));
    for (const p of PARTS) expect(read.get(p.name)!.equals(bytesOf(p)), p.name).toBe(true);
    for (const e of listZip(zip)) {
      expect(e).toMatchObject({ method: 8, encrypted: false });
      expect(readPart(zip, e).length).toBe(e.declaredSize);
    }
    expect(Buffer.from(readZipPart(zip, 'docProps/Phụ lục.xml')!).toString('utf8')).toBe('Sơn Dương, Lâm Bình 😀');
  });

  it('each part carries the CRC-32 of its bytes', () => {
    const crcs = statedCrcs(zip);
    for (const p of PARTS) expect(crcs.get(p.name), p.name).toBe(crc32(bytesOf(p)));
  });

  it('an independent reader reads it too, and the parts are compressed', () => {
    const read = unzip(zip);
    for (const p of PARTS) expect(read.get(p.name)!.equals(bytesOf(p)), p.name).toBe(true);
    expect(zip.length).toBeLessThan(5000 * 5);
  });

  it.skipIf(spawnSync('unzip', ['-v']).status !== 0)("Info-ZIP's unzip -t finds no error (every CRC checked)", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-zip-')), 'parts.zip');
    writeFileSync(file, zip);
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No errors detected');
  });

  it('the same parts give the same bytes (no clock in the archive)', () => {
    expect(Buffer.from(zipParts(PARTS)).equals(Buffer.from(zip))).toBe(true);
  });

  it.each([[''], ['/abs.xml'], ['../up.xml'], ['a/../b.xml'], ['a//b.xml'], ['a\\b.xml'], ['dir/']])('refuses the part name %j', (name) => {
    expect(() => zipParts([{ name, data: 'x' }])).toThrow(/unsafe part name/);
  });

  it('refuses a name given twice', () => {
    expect(() => zipParts([{ name: 'a.xml', data: 'x' }, { name: 'a.xml', data: 'y' }])).toThrow(/given twice/);
  });

  it('any parts: the guard reads back exactly what was written (property)', () => {
    const name = fc.stringMatching(/^[a-zA-Zạ-ỹ0-9_[\]]{1,12}(\/[a-zA-Z0-9_.]{1,12}){0,3}$/).filter((n) => !n.split('/').some((s) => s === '.' || s === '..'));
    const parts = fc.uniqueArray(fc.record({ name, data: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 300 })) }), { selector: (p) => p.name, maxLength: 8 });
    fc.assert(
      fc.property(parts, (ps) => {
        const read = throughGuard(zipParts(ps));
        expect([...read.keys()]).toEqual(ps.map((p) => p.name));
        for (const p of ps) expect(read.get(p.name)!.equals(bytesOf(p))).toBe(true);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
