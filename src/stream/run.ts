/**
 * Where the pipeline (pipeline.ts) enters the streaming path: in a worker thread when the compiled worker is there (the
 * CLI, the library from dist/), else in this thread (tests running the sources).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PovcheckError } from '../errors.js';
import type { FileResult } from '../model/file-result.js';
import { NotStreamable, streamValidate, type StreamOptions } from './validate.js';

export { NotStreamable };

/** Young-generation size of the worker's heap: larger buys no speed here and costs resident memory. */
const YOUNG_MB = 2;

function workerFile(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/stream/run.js, or the bundle dist/povcheck.cjs beside dist/stream/.
  for (const f of [join(here, 'worker.js'), join(here, 'stream', 'worker.js')]) if (existsSync(f)) return f;
  return undefined;
}

export async function streamFile(file: string, opts: StreamOptions): Promise<FileResult> {
  const worker = process.env.POVCHECK_STREAM_WORKER === '0' ? undefined : workerFile();
  if (!worker) return streamValidate(file, opts);
  const { Worker } = await import('node:worker_threads');
  const { onProgress, ...plain } = opts;
  return new Promise<FileResult>((resolve, reject) => {
    const w = new Worker(worker, { workerData: { file, opts: plain }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB }, stdout: false, stderr: false });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    w.on('message', (m: { progress?: [number, number]; result?: FileResult; notStreamable?: string; error?: { code: string; params: unknown; cell?: string }; internal?: string }) => {
      if (m.progress) onProgress?.(m.progress[0], m.progress[1]);
      else if (m.result) settle(() => resolve(m.result!));
      else if (m.notStreamable !== undefined) settle(() => reject(new NotStreamable(m.notStreamable!)));
      else if (m.error) settle(() => reject(new PovcheckError(m.error!.code as never, m.error!.params as never, m.error!.cell ? { cell: m.error!.cell } : {})));
      else if (m.internal !== undefined) settle(() => reject(new Error(m.internal!.split('\n')[0])));
    });
    w.on('error', (e) => settle(() => reject(e)));
    w.on('exit', (code) => settle(() => reject(new Error(`the streaming worker stopped (exit code ${code})`))));
  });
}
