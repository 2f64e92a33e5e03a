/**
 * A CommonJS require for the modules of read/ that load a package or Node module only when a file needs it
 * (iconv-lite, saxes, csv-parse's stream parser, node:v8).
 */
import { createRequire } from 'node:module';

/**
 * A require for the module at `url()`, made at its first call: creating one at load cost every start about
 * 0.5 M instructions (and, in the bundle, `import.meta.url` 1.5 M more: hence a function, asked then too).
 */
export function lazyRequire(url: () => string): (id: string) => unknown {
  let made: NodeRequire | undefined;
  return (id) => (made ??= createRequire(url()))(id);
}
