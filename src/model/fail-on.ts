/**
 * Which findings make a file fail (exit 1): errors (default), warnings too, or none. The older `strict` flag
 * (command line, configuration, the library's options) means 'warning'. `failOnOf` is the one place the two
 * are read together; everything after it (statuses, exit codes, reports) takes a FailOn.
 */
export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** The fail-on level that an explicit `failOn`, else a `strict` flag, asks for; `fallback` when neither is given. */
export function failOnOf(opts: { strict?: boolean | undefined; failOn?: FailOn | undefined }, fallback: FailOn = 'error'): FailOn {
  return opts.failOn ?? (opts.strict ? 'warning' : fallback);
}
