/**
 * `fix`'s flags resolved once into one `FixRun` (pure): the input, the copy's path, how the input is read, and
 * what the report is asked for. No output file → undefined (commander's own "required option" error).
 */
import type { Lang } from '../model/lang.js';
import type { Delimiter } from '../read/csv.js';
import type { EncodingChoice } from '../read/decode.js';
import { readOptionsOf } from './shared.js';
import { isWorkbookExtension } from '../read/kinds.js';
import { PovcheckError } from '../errors.js';
import { STDOUT_NAME, checkOutputName, extensionOf } from './output-format.js';

export interface FixFlags {
  outputFile?: string;
  /** The older spelling of --output-file. */
  output?: string;
  lang?: Lang;
  locale?: 'vi' | 'en';
  delimiter?: string;
  encoding?: EncodingChoice;
  color?: boolean;
}

export interface FixRun {
  file: string;
  /** Where the corrected copy goes (never the input). */
  output: string;
  /** --delimiter and --encoding, as the reader takes them. */
  read: { delimiter?: Delimiter; encoding?: EncodingChoice };
  /** The encoding the copy is written in: --encoding, else the input's (auto). */
  encoding: EncodingChoice;
  /** --locale: the input's number format (detected when absent). */
  locale?: 'vi' | 'en';
  /** --lang: the messages' language (the table's when absent). */
  lang?: Lang;
  color?: boolean;
}

/**
 * The run, or undefined without an output file. The copy is the input's kind, a text table: `-o -` (its report is on
 * stdout) and a name that says otherwise (`-o fixed.xlsx`) are refused, exit 2 (output-format.ts).
 */
export function resolveFix(file: string, flags: FixFlags): FixRun | undefined {
  const output = flags.outputFile ?? flags.output;
  if (output === undefined) return undefined;
  if (output === STDOUT_NAME) throw new PovcheckError('BAD_OPTION', { reason: 'fix-stdout' });
  // A workbook given to fix is refused when read, with its reason (fix writes delimited text): said first.
  if (!isWorkbookExtension(extensionOf(file))) checkOutputName(output, 'csv', [], [file]);
  return {
    file,
    output,
    read: readOptionsOf(flags),
    encoding: flags.encoding ?? 'auto',
    ...(flags.locale ? { locale: flags.locale } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
    ...(flags.color !== undefined ? { color: flags.color } : {}),
  };
}
