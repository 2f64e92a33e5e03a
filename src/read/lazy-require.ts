/**
 * A CommonJS require for the modules of read/ that load a package or Node module only when a file needs it
 * (iconv-lite, saxes, csv-parse's stream parser, node:v8).
 */

/**
 * A require for the module at `url()`, made at its first call: creating one at load cost every start about
 * 0.5 M instructions (and, in the bundle, `import.meta.url` 1.5 M more: hence a function, asked then too).
 * node:module itself is asked for then too: imported, the bundle required it at load, and with it Node compiled
 * its public `module` module and the ES module loader behind it (about 3 M instructions of the seed run, which
 * never needs a require of its own).
 */
export function lazyRequire(url: () => string): (id: string) => unknown {
  let made: NodeRequire | undefined;
  return (id) => (made ??= process.getBuiltinModule('node:module').createRequire(url()))(id);
}
