/**
 * What every command shares: the process's streams and environment, exit codes, message language fallback,
 * colours, the options several commands take (and the read options they give), the one line for an
 * unreadable input, and what an unexpected fault becomes.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import { catalog, refLabel, renderError, visible } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { PovcheckError } from '../errors.js';
import type { Delimiter } from '../read/csv.js';
import { ENCODING_CHOICES, type EncodingChoice } from '../read/encoding-choices.js';
import { PLAIN_STYLE, type Style } from '../reporters/types.js';

export const EXIT = { OK: 0, FINDINGS: 1, UNREADABLE: 2 } as const;

export interface Io {
  out(s: string): void;
  /**
   * Bytes to stdout, in order with `out` (a report encoded a buffer at a time, render/json-pieces.ts
   * `utf8Chunks`); written before it returns, so the caller may reuse them. Absent: text goes through `out`.
   */
  outBytes?(bytes: Uint8Array): void;
  err(s: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (asked only when a progress bar could be shown). */
  errIsTTY?: () => boolean;
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
  /** The working directory (inputs, configuration lookup, relative paths in CI reports). */
  cwd?: string;
}

export const processIo = (): Io => {
  const stdout = stdoutWriter();
  return {
    out: (s) => stdout(Buffer.from(s, 'utf8')),
    outBytes: stdout,
    err: (s) => void process.stderr.write(s),
    // Only a character device can be a terminal: files and pipes are told without touching process.stdout.
    get isTTY() {
      return maybeTerminal(1) && !!process.stdout.isTTY;
    },
    errIsTTY: () => maybeTerminal(2) && !!process.stderr.isTTY,
    get columns() {
      return maybeTerminal(1) ? process.stdout.columns : undefined;
    },
    env: process.env,
    cwd: process.cwd(),
  };
};

/**
 * Whether `fd` may be a terminal: a character device other than /dev/null. Asking process.stdout or stderr creates
 * it and loads Node's stream and tty modules (about 2 ms): a run with its output sent to /dev/null, as scripts that
 * only want the exit code do, never pays for that.
 */
function maybeTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && !isDevNull(st.rdev);
  } catch {
    return false;
  }
}

function isDevNull(rdev: number): boolean {
  try {
    return statSync('/dev/null').rdev === rdev;
  } catch {
    return false; // no /dev/null (Windows): asked as before
  }
}

/**
 * Writes to stdout with fs.writeSync: touching process.stdout loads Node's stream and socket modules, a
 * good part of a short run's start-up (docs/performance.md "Start-up"). On a non-blocking descriptor (EAGAIN) the rest
 * goes through process.stdout in order; a closed pipe (`povcheck … | head`) ends the output quietly. Any other
 * failure (a full disk: ENOSPC, a quota, an I/O error) is WRITE_FAILED naming standard output: one line on
 * stderr and exit 2, never an internal error.
 */
function stdoutWriter(): (buf: Uint8Array) => void {
  let mode: 'sync' | 'stream' | 'closed' = 'sync';
  return (buf) => {
    if (mode === 'closed') return;
    // The stream writes later: its own copy of bytes the caller may reuse.
    if (mode === 'stream') return void process.stdout.write(Buffer.from(buf));
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(1, buf, off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          mode = 'stream';
          process.stdout.on('error', (err: NodeJS.ErrnoException) => {
            if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
            process.stderr.write(oneLine(stdoutFailed(err.code), envLang(process.env)) + '\n');
            process.exit(EXIT.UNREADABLE);
          });
          process.stdout.write(Buffer.from(buf.subarray(off)));
          return;
        }
        if (code === 'EPIPE') {
          mode = 'closed';
          return;
        }
        mode = 'closed';
        throw stdoutFailed(code);
      }
    }
  };
}

function stdoutFailed(code: string | undefined): PovcheckError {
  return new PovcheckError('WRITE_FAILED', { detail: code ?? 'unknown error' }, { file: STDOUT_NAME });
}

/** How standard output is named in a message. */
const STDOUT_NAME = '<stdout>';

/** A command's handle on the run: its streams, and how it reports its exit code. */
export interface CommandContext {
  io: Io;
  setExit(code: number): void;
  /** povcheck's version (reports that name the tool). */
  version?: string;
  /** The language of the command line itself (help, option errors): --lang, else LC_ALL / LC_MESSAGES / LANG. */
  lang?: Lang;
}

/** Message language when neither --lang nor the table decides: the user's locale settings. */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return l.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Colours on a terminal, never with NO_COLOR or --no-color, always with FORCE_COLOR. chalk loads only then. */
export async function makeStyle(io: Io, wanted: boolean | undefined): Promise<Style> {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '' && io.env.FORCE_COLOR !== '0';
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const useColor = wanted !== false && !noColor && (forced || io.isTTY);
  if (!useColor) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { error: c.red, warning: c.yellow, info: c.cyan, ok: c.green, dim: c.dim, bold: c.bold };
}

/*
 * The options several commands take, each with its own help text (the choices are the same everywhere).
 */
export const langOption = (help: string): Option => new Option('--lang <lang>', help).choices(['vi', 'en']);
export const localeOption = (help: string): Option => new Option('--locale <locale>', help).choices(['vi', 'en']);
export const delimiterOption = (help: string): Option => new Option('--delimiter <d>', help).choices(['comma', 'semicolon', 'tab', ',', ';']);
export const encodingOption = (help: string): Option => new Option('--encoding <enc>', help).choices([...ENCODING_CHOICES]);
export const noColorOption = (): Option => new Option('--no-color', 'no colours (also: NO_COLOR=1)');
/** `--units` (validate, table, plan): a plan document's table that lost its header row, its unit columns named. */
export const unitsOption = (): Option => new Option('--units <names>', 'plan documents: names for the unit columns of a table whose header row was lost, in order, comma-separated: --units "Toàn tỉnh,Sơn Dương,…"');

/**
 * An output file's argument parser: a value that is an option (`-o --format json` took `--format` for the file and
 * wrote the report there) is refused, exit 2; `-` alone and `./-name` pass.
 */
export const outputPath =
  (lang: Lang) =>
  (value: string): string => {
    if (/^-./.test(value)) throw new InvalidArgumentError(catalog(lang).cli.outputIsOption);
    // `--output-file=` (a variable left empty in a script): no file, where it was taken for the working folder.
    if (value.trim() === '') throw new InvalidArgumentError(catalog(lang).cli.outputEmpty);
    return value;
  };

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t' };

/** What the reader takes from --delimiter and --encoding (only those given). */
export function readOptionsOf(flags: { delimiter?: string; encoding?: EncodingChoice }): { delimiter?: Delimiter; encoding?: EncodingChoice } {
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  return { ...(delimiter ? { delimiter } : {}), ...(flags.encoding ? { encoding: flags.encoding } : {}) };
}

/** `--units "Toàn tỉnh,Sơn Dương,…"` → the names, NFC, trimmed, empty ones dropped. */
export function unitNamesOf(arg: string): string[] {
  return arg
    .split(/[,;]/u)
    .map((n) => n.normalize('NFC').trim())
    .filter((n) => n !== '');
}

/** `step`, its PovcheckError worded in `lang` (the output's) unless it has a language of its own. */
export async function inLang<T>(lang: Lang, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw e instanceof PovcheckError ? e.withLang(lang) : e;
  }
}

/** "povcheck: file cell: reason" — the one line for input that cannot be read. */
export function oneLine(e: PovcheckError, lang: Lang): string {
  const reason = renderError(e, lang);
  // The file name and cell come from the command line or the input: shown through `visible`, so the line stays one line.
  // A plan document's cell as Word shows it ("Table 2, row 3, column 10"), or its table ("plan.docx, Table 2").
  const table = e.table !== undefined && e.cell === undefined ? catalog(lang).document.tableTitle(e.table) : undefined;
  const where = visible([[e.file, table].filter(Boolean).join(', '), e.cell !== undefined ? refLabel(e.cell, lang) : undefined].filter(Boolean).join(' '));
  return `povcheck: ${where ? `${where}: ` : ''}${reason}`;
}

/**
 * An unexpected fault (anything but a PovcheckError) as an INTERNAL error naming the file: the first line of
 * its message, the stack on stderr only with POVCHECK_DEBUG=1.
 */
export function internalError(e: unknown, io: Io, file?: string): PovcheckError<'INTERNAL'> {
  if (io.env.POVCHECK_DEBUG) io.err(`${(e as Error)?.stack ?? e}\n`);
  const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return new PovcheckError('INTERNAL', { detail }, file !== undefined ? { file } : {});
}

/** Terminal width for tables: the terminal's, else $COLUMNS, else 160 (a terminal of unknown size says 0 columns). */
export function terminalWidth(io: Io): number {
  return io.columns || Number(io.env.COLUMNS) || 160;
}

/** Whether that width is a terminal's (or $COLUMNS), not the fallback for a pipe. */
export function knownWidth(io: Io): boolean {
  return Boolean(io.columns || Number(io.env.COLUMNS));
}

/**
 * Runs a command's body over one file: a PovcheckError becomes one line naming the file (and cell) and exit 2, in
 * the language the body sets once it knows the table's (`setLang`), else `initialLang`, else the text's, else the environment's; any
 * other fault one line too (internalError). table, plan and fix.
 */
export async function guard(ctx: CommandContext, file: string, body: (setLang: (l: Lang) => void) => Promise<number>, initialLang?: Lang): Promise<number> {
  let lang = initialLang;
  try {
    return await body((l) => (lang = l));
  } catch (e) {
    if (e instanceof PovcheckError) {
      // Targets missing from the command line are the command line's, not the table's (plan: a table without targets).
      const located = e.code === 'TARGETS_INVALID' && e.file === undefined ? e : e.withFile(file);
      ctx.io.err(oneLine(located, lang ?? e.lang ?? envLang(ctx.io.env)) + '\n');
      return EXIT.UNREADABLE;
    }
    ctx.io.err(oneLine(internalError(e, ctx.io, file), lang ?? envLang(ctx.io.env)) + '\n');
    return EXIT.UNREADABLE;
  }
}
