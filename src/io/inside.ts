/**
 * Whether a path lies inside a folder: the CI reports write such a file relative to the folder (reporters/ci.ts
 * `ciPath`), and a CI job's repository root is the folder only when the working directory lies in it
 * (commands/validate-report.ts). Both paths absolute or resolved against the same directory.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** The path relative to the folder when it lies inside it (not the folder itself), else undefined. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..' ? rel : undefined;
}
