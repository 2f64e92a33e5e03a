/**
 * What every command shares: the process's streams and environment, exit codes, message language fallback,
 * colours, and the one line for an unreadable input.
 */
import { catalog, type Lang } from '../messages/index.js';
import type { PovcheckError } from '../errors.js';
import { PLAIN_STYLE, type Style } from '../reporters/types.js';

export const EXIT = { OK: 0, FINDINGS: 1, UNREADABLE: 2 } as const;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (asked only when a progress bar could be shown). */
  errIsTTY?: () => boolean;
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  errIsTTY: () => !!process.stderr.isTTY,
  columns: process.stdout.columns,
  env: process.env,
});

/** A command's handle on the run: its streams, and how it reports its exit code. */
export interface CommandContext {
  io: Io;
  setExit(code: number): void;
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

/** "povcheck: file cell: reason" — the one line for input that cannot be read. */
export function oneLine(e: PovcheckError, lang: Lang): string {
  const reason = (catalog(lang).errors[e.code] as (p: unknown) => string)(e.params);
  const where = [e.file, e.cell].filter(Boolean).join(' ');
  return `povcheck: ${where ? `${where}: ` : ''}${reason}`;
}

/** Terminal width for tables: the terminal's, else $COLUMNS, else 160. */
export function terminalWidth(io: Io): number {
  return io.columns ?? (Number(io.env.COLUMNS) || 160);
}
