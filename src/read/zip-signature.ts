/** A ZIP container's first bytes (workbooks are ZIPs). Apart from zip-guard.ts so that text files never load zlib. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
