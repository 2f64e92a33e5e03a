/**
 * The command line's inputs → the files to check: files as given; directories searched recursively
 * (read/kinds.ts decides: the tables povcheck reads, .txt files that look like Excel's text exports, and the
 * spreadsheets and documents it does not read, which are listed so that the reader refuses each with how to
 * convert it; other .txt files are listed as passed over, named in the report; README.md and images are left
 * alone); glob patterns expanded (picomatch, over the same walk; quote them
 * so the shell does not), every match taken. Symbolic links are followed, to files and to folders; a link
 * back up the tree (a loop) is not walked again. The list is sorted (by path, code point order, the same on
 * every machine) and deduplicated (by real path: a file reached twice is checked once), so a run is
 * reproducible. A directory or pattern that names no file is kept as a problem of its own: a CI job that
 * checks an empty folder has a mistake in it, and says so (exit 2).
 */
// Synchronous calls: node:fs/promises stays unloaded at start-up.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, posix, resolve, sep } from 'node:path';
import { PovcheckError } from './errors.js';
import { folderKind, webPageKind } from './read/kinds.js';

export type Input =
  | { kind: 'file'; path: string }
  /**
   * A `.txt` in a folder that does not look like one of Excel's text exports (read/kinds.ts): not checked, but
   * named in the report, so that a verdict never covers a file it did not read (a table saved as text another way).
   */
  | { kind: 'passed-over'; path: string }
  | { kind: 'empty'; arg: string; source: 'glob' | 'directory' }
  /** A folder the search could not open (permissions): listed, never skipped silently. */
  | { kind: 'refused'; path: string; error: PovcheckError };

/** Names a folder search skips: hidden files and folders, Excel's lock files ("~$annex.xlsx", not workbooks), node_modules. */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('~$') || name === 'node_modules';

/**
 * Every file under a folder, as paths relative to it ('/'), links followed: folders reached directly first,
 * then those reached only through a link; each real folder is walked once, so a link back up the tree (a
 * loop) or two links to one folder cost nothing. A link that leads nowhere (or to itself) is listed as a
 * file: the reader says why it cannot be read. Folders that cannot be opened are returned apart. `real`: the
 * real path of each file that is no link (its real folder's path and its name: no call to the system per file).
 */
export function walkFolder(root: string, maxDepth = Infinity): { files: string[]; unreadable: Array<{ rel: string; code: string }>; real: Map<string, string> } {
  const files: string[] = [];
  const unreadable: Array<{ rel: string; code: string }> = [];
  const realFiles = new Map<string, string>();
  const visited = new Set<string>();
  const linked: Array<{ dir: string; rel: string; depth: number }> = [];
  const visit = (dir: string, rel: string, depth: number) => {
    if (depth >= maxDepth) return;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (rel !== '') unreadable.push({ rel, code: (e as NodeJS.ErrnoException).code ?? 'unknown error' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // The system's real path of the folder (as `expandInputs` asks it of a file), for the files in it.
    let realDir: string | null | undefined;
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const full = join(dir, e.name);
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) visit(full, r, depth + 1);
      else if (e.isSymbolicLink()) {
        let target;
        try {
          target = statSync(full);
        } catch {
          files.push(r); // a broken link, or a loop of links
          continue;
        }
        if (target.isDirectory()) linked.push({ dir: full, rel: r, depth: depth + 1 });
        else files.push(r);
      } else {
        files.push(r);
        realDir ??= nativeRealPath(dir);
        if (realDir !== null) realFiles.set(r, join(realDir, e.name));
      }
    }
  };
  visit(root, '', 0);
  for (let i = 0; i < linked.length; i++) visit(linked[i]!.dir, linked[i]!.rel, linked[i]!.depth);
  return { files, unreadable, real: realFiles };
}

function nativeRealPath(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

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
  const refused: Input[] = [];
  const passedOver: string[] = [];
  // The real paths a folder's walk knows, by the path listed.
  const knownReal = new Map<string, string>();
  // picomatch loads only for a pattern: a run on named files or folders does not pay for it.
  const matcher = async () => (await import('picomatch')).default;
  for (const arg of args) {
    const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const kind = await kindOf(abs);
    if (kind === 'file') {
      found.push(arg);
    } else if (kind === 'directory') {
      const walked = walkFolder(abs);
      const kinds = walked.files.map((r) => ({ r, kind: folderKind(resolve(abs, r)) }));
      const rel = kinds.filter((k) => k.kind !== 'ignore').map((k) => k.r);
      for (const k of kinds) if (k.kind === 'ignore' && passedOverKind(resolve(abs, k.r))) passedOver.push(under(arg, k.r));
      for (const d of walked.unreadable) refused.push({ kind: 'refused', path: under(arg, d.rel), error: new PovcheckError('FILE_UNREADABLE', { reason: 'io', detail: d.code }, { file: under(arg, d.rel) }) });
      if (rel.length === 0 && walked.unreadable.length === 0) empty.push({ kind: 'empty', arg, source: 'directory' });
      for (const r of [...rel].sort(byPath)) {
        const path = under(arg, r);
        found.push(path);
        const real = walked.real.get(r);
        if (real !== undefined) knownReal.set(path, real);
      }
    } else if (GLOB_CHARS.test(arg) && (await matcher()).scan(toPosix(arg)).isGlob) {
      // The pattern's fixed folder is walked as a folder run walks (links followed once), every file the pattern matches taken.
      const pm = await matcher();
      const pattern = toPosix(arg);
      const { base, glob } = pm.scan(pattern);
      // Without `**` the pattern reaches only as deep as its segments: the walk stops there.
      const depth = glob.includes('**') ? Infinity : glob.split('/').length;
      const baseAbs = resolve(cwd, base === '' ? '.' : base);
      const matches = pm(pattern, { dot: false });
      const hits = (await kindOf(baseAbs)) === 'directory' ? walkFolder(baseAbs, depth).files.map((r) => (base === '' || base === '.' ? r : posix.join(base, r))).filter((p) => matches(p)) : [];
      if (hits.length === 0) empty.push({ kind: 'empty', arg, source: 'glob' });
      for (const m of hits.sort(byPath)) found.push(m);
    } else {
      found.push(arg); // does not exist: validate reports it (FILE_NOT_FOUND)
    }
  }

  // One path per real file: the first (in the order kept) that is not reached through a link, else the first.
  const realOf = (f: string): { key: string; direct: boolean } => {
    const abs = isAbsolute(f) ? f : resolve(cwd, f);
    const known = knownReal.get(f);
    if (known !== undefined) return { key: known, direct: known === abs };
    try {
      // The system's realpath: one call, where Node's own looks at every folder of the path (per file of a folder run).
      const real = realpathSync.native(abs);
      return { key: real, direct: real === abs };
    } catch {
      return { key: abs, direct: true }; // missing: keyed by its absolute path
    }
  };
  const ordered = opts.order === 'given' ? found : [...found].sort(byPath);
  const chosen = new Map<string, { path: string; direct: boolean; at: number }>();
  ordered.forEach((f, at) => {
    const { key, direct } = realOf(f);
    const prev = chosen.get(key);
    if (!prev) chosen.set(key, { path: f, direct, at });
    else if (direct && !prev.direct) chosen.set(key, { path: f, direct, at: opts.order === 'given' ? prev.at : at });
  });
  const kept = [...chosen.values()].sort((a, b) => a.at - b.at).map((c) => c.path);
  const files = opts.order === 'given' ? kept : kept.sort(byPath);
  // Each .txt passed over once, unless it is checked after all (named too, or reached as a table another way).
  const checked = new Set(kept.map((f) => realOf(f).key));
  const notes = [...new Set(passedOver)].filter((f) => !checked.has(realOf(f).key)).sort(byPath);
  return [...files.map((path): Input => ({ kind: 'file', path })), ...refused, ...empty, ...notes.map((path): Input => ({ kind: 'passed-over', path }))];
}

/**
 * Whether a folder's file that is not checked is named as such: a `.txt` (folderKind reads one as a table only when it
 * looks like an export), or a web page of something else than a table or a plan (not povcheck's own report).
 */
const passedOverKind = (path: string) => path.toLowerCase().endsWith('.txt') || webPageKind(path) === 'other';
