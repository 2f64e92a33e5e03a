/**
 * What an output file's name says of what it holds, for every command that writes one (pure).
 *
 * - `-o -` is the standard output, as in most command-line tools (it wrote a file named `-`).
 * - Without --format, the format is the one the file's extension names (`-o annex.xlsx` writes a workbook; it wrote
 *   a text table under that name, which Excel then refuses to open).
 * - A --format that the extension contradicts is refused, exit 2 (`--format csv -o annex.xlsx`): a file whose
 *   name says one thing and holds another fails only later, in someone else's hands. A name with no extension, or
 *   one povcheck does not know (`report.out`), is written as asked.
 */
import { resolve } from 'node:path';
import { PovcheckError } from '../errors.js';

/** The name `-o` takes for the standard output. */
export const STDOUT_NAME = '-';

/** The output file, `undefined` for the standard output (`-o -`, or no -o). */
export const fileOrStdout = (file: string | undefined): string | undefined => (file === STDOUT_NAME ? undefined : file);

/** Per format, the extensions its files are written under; the first is the one it is named by. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  text: ['.txt', '.text', '.log'],
  markdown: ['.md', '.markdown', '.txt'],
  csv: ['.csv', '.txt', '.tsv', '.tab'],
  xlsx: ['.xlsx'],
  docx: ['.docx'],
  html: ['.html', '.htm'],
  json: ['.json', '.txt'],
  sarif: ['.sarif', '.json'],
  junit: ['.xml'],
  gitlab: ['.json'],
  github: ['.txt', '.log'],
};

/** Extensions of files povcheck never writes: a name with one of them cannot hold any of its formats. */
const FOREIGN = ['.xls', '.xlsm', '.xlsb', '.ods', '.doc', '.docm', '.odt', '.rtf', '.pdf'];

/** Extensions any text format may be written under (a plain-text name says nothing of the content). */
const PLAIN = new Set(['.txt', '.text', '.log']);

/** The file name's extension, lower case (`.xlsx`), or '' when it has none. */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The one of `formats` whose files are named with this file's extension (`annex.xlsx` → xlsx), if any. */
export function formatNamedBy<F extends string>(file: string | undefined, formats: readonly F[]): F | undefined {
  if (file === undefined || file === STDOUT_NAME) return undefined;
  // `results.sarif.json`, the name GitHub's code scanning examples use, is SARIF.
  if (/\.sarif\.json$/i.test(file) && formats.includes('sarif' as F)) return 'sarif' as F;
  const ext = extensionOf(file);
  if (ext === '' || PLAIN.has(ext)) return undefined;
  return formats.find((f) => EXTENSIONS[f]?.[0] === ext) ?? formats.find((f) => EXTENSIONS[f]?.includes(ext));
}

/**
 * Refuses an output file whose extension names other content than `format` (exit 2, one line): a known extension
 * that is not one of the format's. `formats` are the command's, for the suggestion. An output named as one of the
 * `inputs` is left to the refusal to write over an input (io/write-atomic.ts), which says more.
 */
export function checkOutputName(file: string | undefined, format: string, formats: readonly string[], inputs: readonly string[] = []): void {
  if (file === undefined || file === STDOUT_NAME || inputs.some((i) => resolve(i) === resolve(file))) return;
  const ext = extensionOf(file);
  const known = FOREIGN.includes(ext) || Object.values(EXTENSIONS).some((e) => e.includes(ext));
  if (ext === '' || !known || (EXTENSIONS[format] ?? []).includes(ext)) return;
  const named = formatNamedBy(file, formats);
  throw new PovcheckError('OUTPUT_EXTENSION', { file, format, extension: ext, expected: EXTENSIONS[format]?.[0] ?? '', ...(named ? { named } : {}) });
}
