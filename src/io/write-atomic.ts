/**
 * Output files are written atomically: to a temporary file beside the target, then renamed over it, so a
 * failed run never leaves a half-written file. Inputs are never overwritten.
 */
import { open, rename, rm, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PovcheckError } from '../errors.js';

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // Not there yet: resolve its folder, which must exist.
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Writes `data` to `target` atomically. Refuses (USAGE) when `target` is one of `inputs`, so that
 * `povcheck … -o annex.csv annex.csv` can never destroy the input.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  const where = await canonical(target);
  for (const input of inputs) {
    if ((await canonical(input)) === where) {
      throw new PovcheckError('USAGE', { detail: `refusing to write over the input file ${input}` }, { file: target });
    }
  }
  const tmp = join(dirname(where), `.${basename(where)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, where);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof PovcheckError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new PovcheckError('WRITE_FAILED', { detail: code }, { file: target });
  }
}
