/**
 * Every output file goes through here. What it guarantees (docs/limits-and-safety.md):
 *
 * - The data is a string, bytes, or pieces of text written as they are made (a report produced piece by piece).
 * - A regular file (or a new one) is written whole or not at all: to a temporary file beside it
 *   (`.<name>.<pid>.<hex>.tmp`), flushed, then renamed over it. An existing file keeps its permissions.
 * - Anything else is never renamed over: the names of this process's descriptors (`/dev/stdout`,
 *   `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`) are written through the descriptor, as a shell redirection
 *   would; a character device or a named pipe (`-o /dev/null`, a FIFO) is opened and written; a FIFO nobody
 *   reads, a directory, a socket or a block device is refused.
 * - No input of the run is ever the output: the target is compared with every file the run reads (tables,
 *   targets file, configuration, units map) by device and inode, so symbolic and hard links are caught too.
 * - SIGINT, SIGTERM or SIGHUP while the temporary file exists removes it before the process ends; a
 *   temporary file of this pattern left by a killed run (kill -9, power loss) is removed by a later write
 *   of the same output once it is stale: older than an hour, or older than a minute when its process is gone.
 */
import { appendFileSync, closeSync, constants, lstatSync, openSync, readdirSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { chmod, open, realpath, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { PovcheckError } from '../errors.js';

/** A temporary file of a dead process is stale after this long; any after STALE_ANY_MS. */
export const STALE_DEAD_MS = 60_000;
export const STALE_ANY_MS = 60 * 60_000;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** What can be written: a string, bytes, or pieces of text made as they are written. */
export type OutputData = string | Uint8Array | Iterable<string>;

/** The data's pieces, in order (a string or bytes is one piece). */
function piecesOf(data: OutputData): Iterable<string | Uint8Array> {
  return typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
}

function failed(target: string, e: unknown): PovcheckError {
  if (e instanceof PovcheckError) return e;
  return new PovcheckError('WRITE_FAILED', { detail: (e as NodeJS.ErrnoException).code ?? 'unknown error' }, { file: target });
}

function statOrUndefined(path: string, target: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw failed(target, e);
  }
}

/**
 * A symbolic link to nothing is refused, as `cp` refuses it: replacing the link would lose where it pointed, and
 * following it would create a file wherever it points (anywhere on the machine).
 */
function refuseDanglingLink(target: string): void {
  let link = false;
  try {
    link = lstatSync(target).isSymbolicLink();
  } catch {
    return; // nothing there: a new file
  }
  if (link) throw new PovcheckError('WRITE_FAILED', { detail: 'dangling-link' }, { file: target });
}

/** Refuses (OUTPUT_IS_INPUT) when `st`, the target, is the same file as one of the run's inputs. */
function protectInputs(target: string, st: Stats | undefined, inputs: readonly string[]): void {
  if (!st) return;
  for (const input of inputs) {
    let s: Stats;
    try {
      s = statSync(input);
    } catch {
      continue;
    }
    if (s.isFile() && s.dev === st.dev && s.ino === st.ino) {
      throw new PovcheckError('OUTPUT_IS_INPUT', { input }, { file: target });
    }
  }
}

/**
 * `/dev/stdout`, `/dev/stderr`, `/dev/fd/3`, `/proc/self/fd/1`: the descriptor of this process the path names,
 * written to as the shell would (a pipe, a socket, a terminal or a file opened by a redirection alike).
 */
function ownDescriptor(target: string): number | undefined {
  const m = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/(self|\d+)\/fd\/(\d+))$/.exec(resolve(target));
  if (!m) return undefined;
  if (m[1] === 'stdout') return 1;
  if (m[1] === 'stderr') return 2;
  if (m[2] !== undefined) return Number(m[2]);
  return m[3] === 'self' || Number(m[3]) === process.pid ? Number(m[4]) : undefined;
}

/** Writes all of `data` to an open descriptor, waiting out a non-blocking one that is full (EAGAIN). */
function writeToDescriptor(target: string, fd: number, data: OutputData): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  try {
    for (const piece of piecesOf(data)) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      let off = 0;
      while (off < bytes.length) {
        try {
          off += writeSync(fd, bytes, off);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          Atomics.wait(pause, 0, 0, 5);
        }
      }
    }
  } catch (e) {
    throw failed(target, e);
  }
}

/** Writes to a character device, a FIFO or a descriptor's name, without creating or renaming anything. */
function writeDirect(target: string, st: Stats, data: OutputData): void {
  let fd: number;
  try {
    // Opening a FIFO for writing waits for a reader: open it non-blocking, so a FIFO nobody reads is refused
    // (ENXIO) instead of a hang; a full pipe is then waited out write by write (EAGAIN).
    fd = openSync(target, constants.O_WRONLY | (st.isFIFO() ? constants.O_NONBLOCK : constants.O_APPEND));
  } catch (e) {
    throw failed(target, e);
  }
  try {
    writeToDescriptor(target, fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Bytes of a temporary name besides its stem: `.`, `.<pid>` (at most 10 digits), `.<8 hex>`, `.tmp`. */
const TEMP_ROOM = 255 - '..4294967295.00000000.tmp'.length;

/**
 * The name part of an output's temporary files: the output's own name, or, when the temporary name would pass the
 * 255 bytes a file name may have (an output named with 235 of them failed with ENAMETOOLONG), its start and `~`
 * and 8 hex digits of a hash of the whole name, so that two long names are never one stem.
 */
export function tempStem(name: string): string {
  if (Buffer.byteLength(name) <= TEMP_ROOM) return name;
  let cut = name;
  while (Buffer.byteLength(cut) > TEMP_ROOM - 9) cut = cut.slice(0, -1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** Removes stale temporary files of this output (its own pattern, in its own folder; never anything else). */
export function removeStaleTemps(folder: string, name: string, now = Date.now()): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const prefix = `.${tempStem(name)}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length - 1));
    if (!m) continue;
    const path = join(folder, entry);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      const age = now - st.mtimeMs;
      if (age > STALE_ANY_MS || (age > STALE_DEAD_MS && !processAlive(Number(m[1])))) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** All of `bytes` at the handle's position (a write may take only part of them). */
async function writeWhole(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length; ) off += (await handle.write(bytes, off, bytes.length - off)).bytesWritten;
}

async function writeViaTemp(target: string, where: string, existing: Stats | undefined, data: OutputData): Promise<void> {
  const folder = dirname(where);
  removeStaleTemps(folder, basename(where));
  const tmp = join(folder, `.${tempStem(basename(where))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A signal while the temporary file exists removes it, then ends the process as the signal would have.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(tmp);
    } catch {
      // not created yet, or already renamed
    }
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  let handle;
  try {
    handle = await open(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    for (const piece of piecesOf(data)) await writeWhole(handle, typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // open() applies the umask: give the new file exactly the permissions of the one it replaces.
    if (existing) await chmod(tmp, existing.mode & 0o7777);
    await rename(tmp, where);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw failed(target, e);
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

/**
 * Appends `text` to `target` (GitHub's job summary): never to one of `inputs` (OUTPUT_IS_INPUT, by any name), never
 * to anything but a regular file (a FIFO would block the run); created when missing, as the runner's is.
 */
export function appendToFile(target: string, text: string, inputs: readonly string[]): void {
  const st = statOrUndefined(target, target);
  protectInputs(target, st, inputs);
  if (st && !st.isFile()) throw new PovcheckError('WRITE_FAILED', { detail: st.isDirectory() ? 'EISDIR' : 'not-regular' }, { file: target });
  try {
    appendFileSync(target, text);
  } catch (e) {
    throw failed(target, e);
  }
}

/**
 * Writes `data` to `target` (see the module comment); pieces are asked for only once the target is known good. `inputs` are every file the run reads: the target may
 * be none of them (OUTPUT_IS_INPUT), so that `povcheck … -o annex.csv annex.csv` can never destroy an input.
 */
export async function writeFileAtomic(target: string, data: OutputData, inputs: readonly string[] = []): Promise<void> {
  const st = statOrUndefined(target, target);
  protectInputs(target, st, inputs);
  const fd = ownDescriptor(target);
  if (fd !== undefined) {
    if (!st) throw new PovcheckError('WRITE_FAILED', { detail: 'EBADF' }, { file: target });
    return writeToDescriptor(target, fd, data);
  }
  if (!st) refuseDanglingLink(target);
  if (st && st.isDirectory()) throw new PovcheckError('WRITE_FAILED', { detail: 'EISDIR' }, { file: target });
  if (st && !st.isFile()) {
    if (!st.isCharacterDevice() && !st.isFIFO()) throw new PovcheckError('WRITE_FAILED', { detail: 'not-a-file' }, { file: target });
    return writeDirect(target, st, data);
  }
  let where: string;
  try {
    // A symbolic link is followed: the file it names is replaced, the link stays.
    where = st ? await realpath(target) : join(await realpath(dirname(resolve(target))), basename(target));
  } catch (e) {
    throw failed(target, e);
  }
  await writeViaTemp(target, where, st, data);
}
