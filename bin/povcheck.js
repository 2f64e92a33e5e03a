#!/usr/bin/env node
// povcheck's executable. Never prints a stack trace (POVCHECK_DEBUG=1 does).
// Start-up (docs/performance.md "Start-up"): this file is CommonJS (bin/package.json), so no ES module loader starts; it
// runs dist/povcheck.cjs, the CLI in one file, compiled with the V8 code cache written at build time
// (scripts/bundle.mjs); a run that names no command (`--help`, `--version`: every argument starts with `-`) runs
// dist/povcheck-help.cjs instead, the same CLI without what a command's action loads (a quarter of the text), with
// its own cache. Without the bundle it loads the compiled modules (dist/cli.js).
'use strict';
const { closeSync, openSync, readFileSync, readSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const STAMP = '// povcheck-bundle ';

function loadBundle() {
  const dist = join(__dirname, '..', 'dist');
  // No argument names a command (none, or options only): the help bundle, when the build wrote it.
  const helpOnly = process.argv.slice(2).every((a) => a.startsWith('-'));
  return (helpOnly && loadScript(dist, 'povcheck-help.cjs')) || loadScript(dist, 'povcheck.cjs');
}

/** Runs dist/`name` (a bundle) with its code cache; its exports, or undefined when there is no such file. */
function loadScript(dist, name) {
  const file = join(dist, name);
  let source;
  let bytes;
  try {
    // ASCII (scripts/bundle.mjs): latin1 reads it faster than UTF-8, into a one-byte string. Read as bytes and
    // sliced here: readFileSync's own 'latin1' goes through Node's encoding lookup (more of Node compiled at start).
    bytes = readFileSync(file);
    source = bytes.latin1Slice(0, bytes.length);
  } catch {
    return undefined;
  }
  const { Script } = require('node:vm');
  // The bundle's first line names its build ("// povcheck-bundle <hash>", scripts/bundle.mjs) and the cache starts
  // with that line: a cache from another build is never used. V8 itself compares only the source's length, and
  // would run the old build's compiled code for an edited bundle of the same length.
  const stamp = source.startsWith(STAMP) ? source.slice(0, source.indexOf('\n') + 1) : undefined;
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    // Read into the bundle's bytes, done with once sliced: no second buffer of its size (its pages are fresh memory
    // the kernel fills on first touch: about 180 page faults of a run). A cache that does not fit is read on its own.
    const cache = readInto(cacheFile, bytes);
    // Compared and viewed without Buffer's own methods (toString, subarray): each is more of Node compiled at start.
    if (stamp && startsWith(cache, stamp)) cachedData = new Uint8Array(cache.buffer, cache.byteOffset + stamp.length, cache.length - stamp.length);
  } catch {}
  // The file is the module already wrapped, `(function (exports, require, module, __filename, __dirname) {…})`
  // (scripts/bundle.mjs): compiled as read, with no second copy of its text.
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} };
  // This file's own require: the bundle requires Node's modules and packages only (scripts/bundle.mjs), which
  // resolve from bin/ as from dist/ (the package's node_modules, then the folders above), without a second one.
  script.runInThisContext()(mod.exports, require, mod, file, dist);
  if (process.env.POVCHECK_WRITE_CODE_CACHE && stamp) {
    process.on('exit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()])));
  }
  return mod.exports;
}

/** The file's bytes, read into `into` when they fit (a view of its start), else into a buffer of their own. */
function readInto(path, into) {
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    for (let got; n < into.length && (got = readSync(fd, into, n, into.length - n, n)) > 0; ) n += got;
  } finally {
    closeSync(fd);
  }
  return n < into.length ? new Uint8Array(into.buffer, into.byteOffset, n) : readFileSync(path);
}

/** Whether the bytes start with the text's characters (one byte each). */
function startsWith(bytes, text) {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

Promise.resolve()
  .then(() => loadBundle() ?? import('../dist/cli.js'))
  .then((cli) => cli.main(process.argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    const missing = e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist');
    process.stderr.write(
      missing
        ? 'povcheck: not built yet; run `npm install` (or `npm run build`) in the povcheck folder\n'
        : `povcheck: internal error (${(e && e.message) || e})\n`,
    );
    if (process.env.POVCHECK_DEBUG) process.stderr.write(`${e && e.stack}\n`);
    process.exitCode = 2;
  });
