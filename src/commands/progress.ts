/**
 * `validate`'s progress bar (validate.ts lends it to `run()`): loaded only when stderr is a terminal outside CI.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Progress } from '../run.js';

/** Files from this size on get a progress bar while their rows are read. */
const PROGRESS_FROM = 16 * 1024 * 1024;

/**
 * A progress bar on stderr for a large input; asked only when stderr is a terminal and not in CI
 * (validateCommand): nothing otherwise, so logs stay clean. cli-progress loads only then. It follows the
 * table's text as it is read (shown in MB of the file).
 */
export async function progressFor(file: string, threshold = PROGRESS_FROM): Promise<Progress | undefined> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size < threshold) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { format: `${basename(file)} [{bar}] {percentage}% | {value}/{total} MB | {eta_formatted}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    Presets.shades_classic,
  );
  const mb = (b: number) => Math.round(b / 1048576);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(mb(size), 0);
        started = true;
      }
      bar.update(mb(total > 0 ? (done / total) * size : 0));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
