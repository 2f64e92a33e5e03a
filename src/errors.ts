/**
 * The one exception povcheck throws on purpose: "this input cannot be read as a table at all".
 * Everything less severe (a bad cell, an unknown row) is a Finding, not an exception.
 * The CLI turns a PovcheckError into exit code 2 and one line naming the file (and cell, if any),
 * worded by the message catalogue of the chosen language (see messages/*.ts, `errors`).
 */
export interface ErrorParams {
  FILE_NOT_FOUND: Record<string, never>;
  FILE_UNREADABLE: { reason: 'directory' | 'not-a-file' | 'io'; detail?: string };
  FILE_EMPTY: { blank: boolean };
  FILE_BINARY: { kind: 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gzip' | 'binary' };
  FILE_TOO_LARGE: { limitMb: number };
  ENCODING_INVALID: { encoding: string };
  /** Text in a legacy Vietnamese encoding (or typed with a legacy font); `likely` when it can be told. */
  ENCODING_LEGACY: { likely?: 'windows-1258' | 'tcvn3' | 'vni'; sample: string };
  CSV_MALFORMED: { line?: number; detail: string };
  NOT_A_TABLE: { reason: 'no-columns' | 'no-labels' };
  LOCALE_AMBIGUOUS:
    | { reason: 'ambiguous'; cell: string; text: string; vi: string; en: string }
    | { reason: 'conflict'; viCell: string; viText: string; enCell: string; enText: string };
  USAGE: { detail: string };
  WRITE_FAILED: { detail: string };
  INTERNAL: { detail: string };
}

export type PovcheckErrorCode = keyof ErrorParams;

export class PovcheckError<C extends PovcheckErrorCode = PovcheckErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;
  /** An A1 reference when the problem sits at one cell. */
  readonly cell: string | undefined;

  constructor(code: C, params: ErrorParams[C], opts: { file?: string; cell?: string } = {}) {
    super(`${code}${opts.cell ? ` at ${opts.cell}` : ''}: ${JSON.stringify(params)}`);
    this.name = 'PovcheckError';
    this.code = code;
    this.params = params;
    this.file = opts.file;
    this.cell = opts.cell;
  }

  /** A copy that names `file` (readers deep in the pipeline don't know the path). */
  withFile(file: string): PovcheckError<C> {
    if (this.file) return this;
    return new PovcheckError(this.code, this.params, { file, ...(this.cell ? { cell: this.cell } : {}) });
  }
}

export function isPovcheckError(e: unknown): e is PovcheckError {
  return e instanceof PovcheckError;
}
