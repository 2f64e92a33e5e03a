/**
 * The command line: parses arguments (commander), calls the core, picks a reporter, sets the exit code.
 * Exit codes: 0 no errors; 1 errors (or warnings under --strict); 2 unreadable input or bad command line.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { isPovcheckError, PovcheckError } from './errors.js';
import { catalog, type Lang } from './messages/index.js';
import type { Delimiter } from './read/csv.js';
import type { FileResult } from './validate.js';
import { PLAIN_STYLE, type ReportInput, type Style } from './reporters/types.js';

const require = createRequire(import.meta.url);
const VERSION: string = (require('../package.json') as { version: string }).version;

export const EXIT = { OK: 0, FINDINGS: 1, UNREADABLE: 2 } as const;

interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
}

const processIo = (): Io => ({
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  columns: process.stdout.columns,
  env: process.env,
});

/** Message language when neither --lang nor the table decides: the user's locale settings. */
function envLang(env: NodeJS.ProcessEnv): Lang {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return l.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

async function makeStyle(io: Io, wanted: boolean | undefined): Promise<Style> {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const useColor = wanted !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && (forced || io.isTTY);
  if (!useColor) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { error: c.red, warning: c.yellow, info: c.cyan, ok: c.green, dim: c.dim, bold: c.bold };
}

interface ValidateFlags {
  format: 'text' | 'json';
  lang?: Lang;
  locale?: 'vi' | 'en';
  strict?: boolean;
  delimiter?: string;
  table: boolean;
  color?: boolean;
}

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '\t': '\t' };

async function runValidate(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const { validateFile } = await import('./validate.js');
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(
        await validateFile(file, {
          ...(flags.locale ? { locale: flags.locale } : {}),
          ...(delimiter ? { delimiter } : {}),
          strict: !!flags.strict,
        }),
      );
    } catch (e) {
      // An unexpected fault still names the file and counts as unreadable, never a stack trace.
      const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      if (io.env.POVCHECK_DEBUG) io.err(`${(e as Error)?.stack ?? e}\n`);
      results.push({ file, status: 'unreadable', findings: [], skipped: [], error: new PovcheckError('INTERNAL', { detail }, { file }) });
    }
  }
  const input: ReportInput = {
    files: results,
    ...(flags.lang ? { lang: flags.lang } : {}),
    fallbackLang: envLang(io.env),
    strict: !!flags.strict,
  };
  if (flags.format === 'json') {
    const { jsonReport } = await import('./reporters/json.js');
    io.out(jsonReport(input));
  } else {
    const { textReport } = await import('./reporters/text.js');
    io.out(textReport(input, { style: await makeStyle(io, flags.color), table: flags.table, width: io.columns ?? (Number(io.env.COLUMNS) || 160) }));
  }
  // Unreadable files also get one line on stderr, so that CI logs show them whatever the format.
  for (const r of results) {
    if (r.status === 'unreadable' && r.error && flags.format !== 'text') io.err(oneLine(r.error, flags.lang ?? envLang(io.env)) + '\n');
  }
  if (results.some((r) => r.status === 'unreadable')) return EXIT.UNREADABLE;
  if (results.some((r) => r.status === 'invalid')) return EXIT.FINDINGS;
  return EXIT.OK;
}

/** "povcheck: file (cell): reason" — the one line for input that cannot be read. */
export function oneLine(e: PovcheckError, lang: Lang): string {
  const reason = (catalog(lang).errors[e.code] as (p: unknown) => string)(e.params);
  const where = [e.file, e.cell].filter(Boolean).join(' ');
  return `povcheck: ${where ? `${where}: ` : ''}${reason}`;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('povcheck')
    .description('Check and compute poverty-rate tables (annex tables of Vietnamese poverty-reduction plans).')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(povcheck --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('validate')
    .description('recompute every derived number of the tables and report each inconsistency at its cell')
    .argument('<files...>', 'CSV or TAB-separated text files (UTF-8, UTF-8 with BOM, UTF-16)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of messages and labels (default: the table\'s)').choices(['vi', 'en']))
    .addOption(new Option('--locale <locale>', 'number format of the input (default: detected per file)').choices(['vi', 'en']))
    .option('--strict', 'treat warnings as errors (exit 1)')
    .addOption(new Option('--delimiter <d>', 'CSV delimiter (default: detected)').choices(['comma', 'semicolon', 'tab', ',', ';']))
    .option('--no-table', 'do not print the table under the findings (text format)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .action(async (files: string[], flags: ValidateFlags) => {
      setExit(await runValidate(files, flags, io));
    });
  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      const benign = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' || e.exitCode === 0;
      return benign ? EXIT.OK : EXIT.UNREADABLE;
    }
    if (isPovcheckError(e)) {
      io.err(oneLine(e, envLang(io.env)) + '\n');
      return EXIT.UNREADABLE;
    }
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (io.env.POVCHECK_DEBUG) io.err(`${(e as Error)?.stack ?? e}\n`);
    io.err(`povcheck: internal error (${detail})\n`);
    return EXIT.UNREADABLE;
  }
}
