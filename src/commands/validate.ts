/**
 * `povcheck validate <files...>`: recompute every derived number and report each inconsistency at its cell.
 */
import { Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import type { Lang } from '../messages/index.js';
import type { Delimiter } from '../read/csv.js';
import { ENCODING_CHOICES, type EncodingChoice } from '../read/decode.js';
import type { ReportInput } from '../reporters/types.js';
import type { FileResult } from '../validate.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT, envLang, makeStyle, oneLine, terminalWidth, type CommandContext, type Io } from './shared.js';

interface ValidateFlags {
  format: 'text' | 'json';
  lang?: Lang;
  locale?: 'vi' | 'en';
  strict?: boolean;
  delimiter?: string;
  encoding?: EncodingChoice;
  table: boolean;
  color?: boolean;
}

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t' };

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('recompute every derived number of the tables and report each inconsistency at its cell')
    .argument('<files...>', 'CSV or TAB-separated text files (UTF-8, UTF-8 with BOM, UTF-16)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', "language of messages and labels (default: the table's)").choices(['vi', 'en']))
    .addOption(new Option('--locale <locale>', 'number format of the input (default: detected per file)').choices(['vi', 'en']))
    .option('--strict', 'treat warnings as errors (exit 1)')
    .addOption(new Option('--delimiter <d>', 'CSV delimiter (default: detected)').choices(['comma', 'semicolon', 'tab', ',', ';']))
    .addOption(new Option('--encoding <enc>', 'text encoding of the input (default: detected; legacy ones are refused unless named)').choices([...ENCODING_CHOICES]))
    .option('--no-table', 'do not print the table under the findings (text format)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .action(async (files: string[], flags: ValidateFlags) => {
      ctx.setExit(await runValidate(files, flags, ctx));
    });
}

async function runValidate(files: string[], flags: ValidateFlags, { io }: CommandContext): Promise<number> {
  const { validateFile, STREAM_THRESHOLD } = await import('../validate.js');
  const delimiter = flags.delimiter === undefined ? undefined : DELIMITERS[flags.delimiter];
  const results: FileResult[] = [];
  for (const file of files) {
    const progress = await progressFor(file, io, STREAM_THRESHOLD);
    try {
      results.push(
        await validateFile(file, {
          ...(flags.locale ? { locale: flags.locale } : {}),
          ...(delimiter ? { delimiter } : {}),
          ...(flags.encoding ? { encoding: flags.encoding } : {}),
          strict: !!flags.strict,
          ...(progress ? { onProgress: progress.update } : {}),
        }),
      );
    } catch (e) {
      // An unexpected fault still names the file and counts as unreadable, never a stack trace.
      const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      if (io.env.POVCHECK_DEBUG) io.err(`${(e as Error)?.stack ?? e}\n`);
      results.push({ file, status: 'unreadable', findings: [], skipped: [], error: new PovcheckError('INTERNAL', { detail }, { file }) });
    } finally {
      progress?.stop();
    }
  }
  const input: ReportInput = {
    files: results,
    ...(flags.lang ? { lang: flags.lang } : {}),
    fallbackLang: envLang(io.env),
    strict: !!flags.strict,
  };
  if (flags.format === 'json') {
    const { jsonReport } = await import('../reporters/json.js');
    io.out(jsonReport(input));
  } else {
    const { textReport } = await import('../reporters/text.js');
    io.out(textReport(input, { style: await makeStyle(io, flags.color), table: flags.table, width: terminalWidth(io) }));
  }
  // Unreadable files also get their line on stderr when stdout carries a machine-readable report.
  for (const r of results) {
    if (r.status === 'unreadable' && r.error && flags.format !== 'text') io.err(oneLine(r.error, flags.lang ?? envLang(io.env)) + '\n');
  }
  if (results.some((r) => r.status === 'unreadable')) return EXIT.UNREADABLE;
  if (results.some((r) => r.status === 'invalid')) return EXIT.FINDINGS;
  return EXIT.OK;
}

/**
 * A progress bar on stderr for a large input (one the streaming path reads), only when stderr is a terminal
 * and not in CI: nothing otherwise, so logs stay clean. cli-progress loads only then.
 */
async function progressFor(file: string, io: Io, threshold: number): Promise<{ update: (done: number, total: number) => void; stop: () => void } | undefined> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size < threshold || io.env.CI || io.env.NO_PROGRESS || !io.errIsTTY?.()) return undefined;
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
