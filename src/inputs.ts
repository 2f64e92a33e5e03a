/**
 * The command line's inputs → the files to check: files as given, directories searched (recursively) for
 * .csv, .tsv, .xlsx and .xlsm files (not .txt: folders hold notes; name "Unicode Text" exports or use a glob), glob patterns expanded (tinyglobby; quote them so the shell does not). The list
 * is sorted (by path, code point order, the same on every machine) and deduplicated (by real path), so a run
 * is reproducible. A directory or pattern that names no file is kept as a problem of its own: a CI job that
 * checks an empty folder has a mistake in it, and says so (exit 2).
 */
// Synchronous calls: node:fs/promises stays unloaded at start-up.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, posix, resolve, sep } from 'node:path';
import { DIRECTORY_EXTENSIONS } from './read/index.js';

export type Input = { kind: 'file'; path: string } | { kind: 'empty'; arg: string; source: 'glob' | 'directory' };

/** Files a directory search skips: Excel's lock files ("~$annex.xlsx", not workbooks) and hidden files. */
const SKIP = ['**/~$*', '**/node_modules/**'];

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

async function kindOf(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Characters a glob pattern needs; an argument without them is a plain path. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** The display path of a match: under the argument as the user wrote it. */
function under(base: string, rel: string): string {
  return base === '.' || base === './' ? rel : posix.join(toPosix(base), rel);
}

/**
 * `order: 'given'` (a series: the years in the order named) keeps the arguments' order, sorting only the
 * files a directory or pattern finds; the default sorts the whole list.
 */
export async function expandInputs(args: readonly string[], cwd: string = process.cwd(), opts: { order?: 'sorted' | 'given' } = {}): Promise<Input[]> {
  const found: string[] = [];
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const empty: Input[] = [];
  // tinyglobby loads only for a directory or a pattern: a run on named files does not pay for it.
  const globber = async () => import('tinyglobby');
  for (const arg of args) {
    const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const kind = await kindOf(abs);
    if (kind === 'file') {
      found.push(arg);
    } else if (kind === 'directory') {
      const { glob } = await globber();
      const patterns = DIRECTORY_EXTENSIONS.map((e) => `**/*${e}`);
      const rel = await glob(patterns, { cwd: abs, ignore: SKIP, dot: false, onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: false, expandDirectories: false });
      if (rel.length === 0) empty.push({ kind: 'empty', arg, source: 'directory' });
      for (const r of [...rel].sort(byPath)) found.push(under(arg, r));
    } else if (GLOB_CHARS.test(arg) && (await globber()).isDynamicPattern(toPosix(arg))) {
      const { glob } = await globber();
      const matches = await glob(toPosix(arg), { cwd, dot: false, onlyFiles: true, absolute: false, expandDirectories: false, followSymbolicLinks: false });
      if (matches.length === 0) empty.push({ kind: 'empty', arg, source: 'glob' });
      // Matches come relative to cwd; an absolute pattern gives absolute paths back.
      for (const m of matches.map((m) => (isAbsolute(arg) ? resolve(cwd, m) : m)).sort(byPath)) found.push(m);
    } else {
      found.push(arg); // does not exist: validate reports it (FILE_NOT_FOUND)
    }
  }

  const seen = new Set<string>();
  const files: string[] = [];
  for (const f of opts.order === 'given' ? found : [...found].sort(byPath)) {
    const abs = isAbsolute(f) ? f : resolve(cwd, f);
    let key = abs;
    try {
      key = realpathSync(abs);
    } catch {
      /* missing: keyed by its absolute path */
    }
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(f);
  }
  return [...files.map((path): Input => ({ kind: 'file', path })), ...empty];
}
