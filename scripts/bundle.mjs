/**
 * Start-up: the CLI as one CommonJS file (dist/povcheck.cjs) and a V8 code cache for it
 * (dist/povcheck.cjs.cache), so that `povcheck validate` costs little more than Node's own start.
 * Run by `npm run build` after tsc; bin/povcheck.js loads the bundle with the cache, or dist/cli.js when
 * there is no bundle. See docs/performance.md "Start-up".
 *
 * - Only the modules every run needs are bundled (BUNDLED); any other package stays a plain require, loaded
 *   when a command needs it (so a new dependency never breaks the bundle). A package's own `#imports` (chalk's
 *   `#ansi-styles`, its package.json `imports`) are resolved by esbuild inside the package, never left as requires.
 * - The build fails when the bundle still requires something that cannot be loaded from dist/: a `#…`
 *   specifier, or a package that is not in node_modules (checkRequires, from esbuild's metafile).
 * - commander requires node:child_process (for executable subcommands, which povcheck has none of) at load
 *   time, and with it most of Node's networking and stream modules: it gets a lazy stand-in. `node:process`
 *   (commander, chalk) is the global `process` (Node would load its module for it at every start).
 * - The code cache is written after running `validate --help` and then the seed annex, so it holds the functions
 *   those compile; V8 rejects a cache from another Node version or flags, and the bundle is then compiled as usual.
 * - A second, smaller bundle for a run that names no command (`--help`, `--version`, an option alone: every
 *   argument starts with `-`, bin/povcheck.js): dist/povcheck-help.cjs, the same entry with every dynamic
 *   import left out (each replaced by a module that throws: such a run never reaches one, as no command's
 *   action runs), and its own code cache written after `--help`. About a quarter of the text to read, and a top
 *   level that defines commander, the commands' options and the catalogues, not the whole pipeline.
 *   V8 checks only the source's length: the bundle's first line is the build's stamp (a hash of the bundle) and
 *   the cache starts with it, so bin/povcheck.js never runs a cache made for another build. (A bundle edited by
 *   hand keeps its stamp: rebuild, or delete the cache.)
 * - Minified (whitespace, syntax and local names) and in ASCII (see `ascii`): less to read at every start.
 * - The file is the module wrapped as a function expression (after the stamp line), compiled as read.
 * - povcheck's version is written in (POVCHECK_VERSION, src/cli.ts): no package.json to resolve at every start;
 *   so are the label tables of shape/aliases.ts (POVCHECK_ALIAS_TABLES, computed by the compiled module): no
 *   wording folded at every start; and the texts its label patterns need (POVCHECK_REQUIRED_TEXTS, shape/words.ts
 *   `requiredTextsTable`): no pattern's source read at every start.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'povcheck.cjs');
const helpOut = join(root, 'dist', 'povcheck-help.cjs');
const BUNDLED = new Set(['commander', 'csv-parse', 'decimal.js', 'chalk']);

/** shape/words.ts `requiredTextsTable` of the patterns words.ts and structure.ts ask `mayMatch` about. */
async function requiredTextsTable() {
  const module = (name) => import(pathToFileURL(join(root, 'dist', 'shape', name)).href);
  const words = await module('words.js');
  const structure = await module('structure.js');
  return words.requiredTextsTable([...words.hintedPatterns(), ...structure.hintedPatterns()]);
}

const packages = {
  name: 'bundle-only-startup-packages',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (a.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /^child_process$/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
    // `node:process` is the process object itself: requiring it made Node load (compile) its module at every start.
    b.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'lazy' }));
    b.onLoad({ filter: /^process$/, namespace: 'lazy' }, () => ({ contents: 'module.exports = process;', loader: 'js' }));
    // calc/decimal.js loads decimal.js at its first use through a require of its own (lazyRequire, for the compiled
    // modules): in the bundle that line goes, so its `require('decimal.js')` is esbuild's, of the bundled package,
    // evaluated at that first call.
    b.onLoad({ filter: /[\\/]dist[\\/]calc[\\/]decimal\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const line = 'const require = lazyRequire(() => import.meta.url);';
      if (!text.includes(line)) throw new Error(`${a.path}: its lazy require of decimal.js is not the line the bundle removes`);
      return { contents: text.replace(line, ''), loader: 'js' };
    });
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      // `#…` is a package's private import map entry: esbuild resolves it inside the importing package.
      if (a.path.startsWith('node:') || a.path.startsWith('#') || a.namespace === 'lazy') return undefined;
      const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: a.path, external: true };
    });
  },
};

/**
 * The help bundle: each `import()` (what a command's action loads: its run, its reports) is replaced by a module
 * that throws when evaluated, which a run without a command never does (bin/povcheck.js sends a run here only
 * when no argument names a command).
 */
const withoutDynamicImports = {
  name: 'help-bundle-without-dynamic-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, namespace: 'left-out' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({
      contents: `throw new Error(${JSON.stringify(`the help bundle has no ${a.path}: a command's run goes through dist/povcheck.cjs`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Every require the bundle keeps must load from dist/: a Node built-in, or a package in node_modules. A `#…`
 * specifier (a package's private import) or a missing package is an error at build time, not at a user's first run.
 */
function checkRequires(metafile, out) {
  const output = Object.values(metafile.outputs)[0];
  const requireFromDist = createRequire(out);
  const builtins = new Set(builtinModules);
  const bad = [];
  for (const imp of output.imports) {
    if (!imp.external) continue;
    const spec = imp.path;
    if (spec.startsWith('node:') || builtins.has(spec)) continue;
    if (spec.startsWith('#')) {
      bad.push(`${spec} (a package's private import, left unresolved)`);
      continue;
    }
    try {
      requireFromDist.resolve(spec);
    } catch {
      bad.push(`${spec} (not found from dist/)`);
    }
  }
  if (bad.length === 0) return;
  rmSync(out, { force: true }); // no broken bundle left behind: bin/povcheck.js would load it
  throw new Error(`the bundle requires what it cannot load: ${[...new Set(bad)].join(', ')}`);
}

for (const file of [out, helpOut]) rmSync(`${file}.cache`, { force: true });
rmSync(`${out}.help.cache`, { force: true }); // the help cache of builds before the help bundle

// import.meta.url of the bundled modules: the bundle's own URL (dist/, where the package.json lookup and read/'s lazy
// requires expect it), made when first asked (pathToFileURL cost every start 1.5 M instructions).
const define = {
  'import.meta.url': '__povcheck.url',
  POVCHECK_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
  // The label tables of shape/aliases.ts, computed here by the compiled module itself: no start folds them again.
  POVCHECK_ALIAS_TABLES: JSON.stringify((await import(pathToFileURL(join(root, 'dist', 'shape', 'aliases.js')).href)).aliasTables()),
  // The texts each label pattern needs (shape/words.ts mayMatch), worked out here: no start reads the patterns' sources.
  POVCHECK_REQUIRED_TEXTS: JSON.stringify(await requiredTextsTable()),
};

/** Bundles dist/cli.js into `outfile` (with `extraPlugins`), checks its requires, returns it wrapped and stamped. */
async function bundle(outfile, extraPlugins = []) {
  const result = await build({
    entryPoints: [join(root, 'dist', 'cli.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define,
    banner: { js: "let __povcheck_url; const __povcheck = { get url() { return (__povcheck_url ??= require('node:url').pathToFileURL(__filename).href); } };" },
    plugins: [...extraPlugins, packages],
    // vm.Script (bin/povcheck.js) has no loader for import(): the external ones become require().
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    // Local names shortened too (0.90 → 0.73 MB, less to read and to load from the code cache at every start). No
    // code reads a function's or class's name (PovcheckError sets its own); profile dist/cli.js for names.
    minifyIdentifiers: true,
  });
  checkRequires(result.metafile, outfile);
  return stamped(ascii(readFileSync(outfile, 'utf8')));
}

/**
 * The bundle in ASCII: esbuild escapes strings and plain templates, not regular expression literals nor
 * String.raw and other tagged templates. Each character left is written as its \uXXXX escape (UTF-16 units),
 * which means the same character in a regular expression (with or without the u flag), a string, a template's
 * cooked text, and in a String.raw text used as a RegExp source (claims.ts): bin/povcheck.js reads the bundle as
 * latin1, faster than UTF-8, into a one-byte string half the size. A character after an odd number of
 * backslashes (an escape of its own) cannot be rewritten so: the build stops.
 * (test/cli/bundle.test.ts compares the bundle's reports with the compiled modules' on the fixtures.)
 */
function ascii(text) {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let slashes = 0;
    while (i - slashes - 1 >= 0 && text.charCodeAt(i - slashes - 1) === 0x5c) slashes++;
    if (slashes % 2 === 1) throw new Error(`the bundle has an escaped non-ASCII character at offset ${i}: ${JSON.stringify(text.slice(i - 40, i + 10))}`);
    out += text.slice(from, i) + '\\u' + c.toString(16).padStart(4, '0');
    from = i + 1;
  }
  return out + text.slice(from);
}

// The build's stamp, the bundle's first line: bin/povcheck.js uses a code cache only when it starts with the same
// line (V8 compares only the source's length). 40 bytes, so that the V8 data after it in the cache stays aligned.
// The rest is one function expression, the CommonJS module wrapper written into the file: bin/povcheck.js compiles
// the text as read, where joining a wrapper to it made V8 copy the whole 0.7 MB text once more at every start
// (and a scavenge more).
/** The bundle as the file bin/povcheck.js compiles: the stamp line, then the module wrapped as a function. */
function stamped(bundled) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bundled}\n})`;
  return `// povcheck-bundle ${createHash('sha256').update(wrapped, 'latin1').digest('hex').slice(0, 20)}\n${wrapped}`;
}

writeFileSync(out, await bundle(out), 'latin1');
writeFileSync(helpOut, await bundle(helpOut, [withoutDynamicImports]), 'latin1');

// The code caches (bin/povcheck.js, POVCHECK_WRITE_CODE_CACHE) hold the functions that runs compiled. The help
// bundle's: after `--help` (commander's help formatting, else compiled at every --help). The command bundle's: after
// `validate --help` (commander's help, for `validate --help` and option errors), then, reading that cache and
// writing it again with more, after the seed annex.
const cacheRun = (what, args, env = {}) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'povcheck.js'), ...args], { env: { ...process.env, POVCHECK_WRITE_CODE_CACHE: '1', ...env }, encoding: 'utf8' });
  if (r.status === 0) return;
  process.stderr.write(r.stderr);
  throw new Error(`the bundled CLI failed on ${what} (exit ${r.status})`);
};
cacheRun('--help', ['--help']);
cacheRun('validate --help', ['validate', '--help']);
cacheRun('the seed annex', ['validate', join(root, 'fixtures', 'tuyen-quang-2020.csv'), '--no-color'], { NO_COLOR: '1' });
for (const file of [`${out}.cache`, `${helpOut}.cache`]) if (!existsSync(file)) throw new Error(`no code cache written: ${file}`);

// And once with colours forced, the path a person at a terminal takes (chalk loads only then).
const { NO_COLOR: _noColor, ...envWithoutNoColor } = process.env;
const coloured = spawnSync(process.execPath, [join(root, 'bin', 'povcheck.js'), 'validate', join(root, 'fixtures', 'tuyen-quang-2020.csv')], {
  env: { ...envWithoutNoColor, FORCE_COLOR: '1' },
  encoding: 'utf8',
});
if (coloured.status !== 0 || !coloured.stdout.includes('\u001b[')) {
  process.stderr.write(coloured.stderr);
  throw new Error(`the bundled CLI failed on the seed annex with colours on (exit ${coloured.status})`);
}
