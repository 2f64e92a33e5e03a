/**
 * The streaming path in a worker thread (stream/run.ts starts it): its own heap with a small young
 * generation keeps the peak memory of a million-row table low, and the main thread stays free to draw
 * the progress bar.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PovcheckError } from '../errors.js';
import { NotStreamable, streamValidate, type StreamOptions } from './validate.js';

const { file, opts } = workerData as { file: string; opts: StreamOptions };
try {
  const result = await streamValidate(file, { ...opts, onProgress: (done, total) => parentPort!.postMessage({ progress: [done, total] }) });
  parentPort!.postMessage({ result });
} catch (e) {
  if (e instanceof NotStreamable) parentPort!.postMessage({ notStreamable: e.message });
  else if (e instanceof PovcheckError) parentPort!.postMessage({ error: { code: e.code, params: e.params, cell: e.cell } });
  else parentPort!.postMessage({ internal: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
