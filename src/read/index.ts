/**
 * File → Grid. Picks the reader by content (and, for workbooks, by extension) and says how it read the file.
 */
// Synchronous reads: a CLI reads its inputs one after the other, and node:fs/promises alone costs a few
// milliseconds of start-up (README "Start-up").
import { readFileSync, statSync } from 'node:fs';
import { PovcheckError } from '../errors.js';
import { decodeBytes, type EncodingChoice } from './decode.js';
import { readDelimited, type Delimiter } from './csv.js';
import type { Grid } from './grid.js';

export interface ReadOptions {
  delimiter?: Delimiter;
  /** `--encoding`: detected by default. */
  encoding?: EncodingChoice;
}

/** Larger inputs than this are refused rather than risking the machine's memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export async function readFileBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PovcheckError('FILE_NOT_FOUND', {}, { file: path });
    throw new PovcheckError('FILE_UNREADABLE', { reason: 'io', detail: code ?? 'unknown error' }, { file: path });
  }
  if (info.isDirectory()) throw new PovcheckError('FILE_UNREADABLE', { reason: 'directory' }, { file: path });
  if (!info.isFile()) throw new PovcheckError('FILE_UNREADABLE', { reason: 'not-a-file' }, { file: path });
  if (info.size > MAX_FILE_BYTES) {
    throw new PovcheckError('FILE_TOO_LARGE', { limitMb: MAX_FILE_BYTES / 1024 / 1024 }, { file: path });
  }
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PovcheckError('FILE_UNREADABLE', { reason: 'io', detail: code ?? 'unknown error' }, { file: path });
  }
}

/** Bytes of a delimited text file → Grid. Pure: no file system. */
export function gridFromBytes(bytes: Uint8Array, opts: ReadOptions = {}): Grid {
  const { text, encoding } = decodeBytes(bytes, opts.encoding);
  return readDelimited(text, encoding, opts.delimiter).grid;
}

export async function readGrid(path: string, opts: ReadOptions = {}): Promise<Grid> {
  const bytes = await readFileBytes(path);
  try {
    return gridFromBytes(bytes, opts);
  } catch (e) {
    if (e instanceof PovcheckError) throw e.withFile(path);
    throw e;
  }
}
