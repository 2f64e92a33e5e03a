/**
 * `validate`'s progress bar (validate.ts lends it to `run()`): loaded only when stderr is a terminal outside CI.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Progress } from '../run.js';

/**
 * A progress bar on stderr for a large input (one the streaming path reads); asked only when stderr is a
 * terminal and not in CI (validateCommand): nothing otherwise, so logs stay clean. cli-progress loads only then.
 */
export async function progressFor(file: string, threshold: number): Promise<Progress | undefined> {
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
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(done));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
