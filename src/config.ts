/**
 * povcheck.config.json: found upward from the working directory (or named by --config), validated against
 * the JSON Schema shipped in schema/povcheck.config.schema.json (with ajv, loaded only when a configuration
 * exists), and turned into the options the core takes (targets included). Command-line flags override it.
 */
// Synchronous reads: a few small files, and node:fs/promises stays unloaded at start-up.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PovcheckError, type ConfigProblem } from './errors.js';
import type { Indicator } from './model/indicators.js';
import type { Lang } from './model/lang.js';
import { clip } from './model/echo.js';
import { labelKey, unitKey } from './shape/normalize.js';
import type { ShapeOptions } from './shape/index.js';
import type { FailOn } from './model/fail-on.js';
import type { RuleLevels } from './model/options.js';
import type { Target } from './targets/index.js';

export const CONFIG_FILE = 'povcheck.config.json';

/** A target as written in the targets format (targets/index.ts parses it: `parseTargets`). */
export type ConfigTarget = Omit<Target, 'num'>;

export interface Config {
  /** Where it was read from. */
  path: string;
  locale?: 'vi' | 'en';
  lang?: Lang;
  strict?: boolean;
  failOn?: FailOn;
  sheet?: string;
  rules?: RuleLevels;
  labels?: Partial<Record<Indicator, string[]>>;
  totalNames?: string[];
  unitAliases?: Record<string, string[]>;
  /** Targets validate checks (rule `target`) unless --targets / --target are given (`targetsFromEntries` reads them). */
  targets?: ConfigTarget[];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The nearest povcheck.config.json in `cwd` or a folder above it. */
export async function findConfig(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (await isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The schema file, beside src/ and dist/ alike. */
export function schemaPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'povcheck.config.schema.json');
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
}

/** ajv's errors → problems the message catalogues can word (in Vietnamese too); the configuration's own keys cut (model/echo.ts). */
export function toProblems(errors: readonly AjvError[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const pointer = clip(e.instancePath);
    let p: ConfigProblem;
    if (e.propertyName !== undefined) p = { pointer, kind: 'unknown-key', key: clip(e.propertyName) };
    else if (e.keyword === 'propertyNames') p = { pointer, kind: 'unknown-key', key: clip(String(e.params.propertyName)) };
    else if (e.keyword === 'additionalProperties') p = { pointer, kind: 'unknown-key', key: clip(String(e.params.additionalProperty)) };
    else if (e.keyword === 'enum') p = { pointer, kind: 'enum', allowed: (e.params.allowedValues as unknown[]).map(String) };
    else if (e.keyword === 'type') p = { pointer, kind: 'type', type: String(e.params.type).split(',')[0]! };
    else if (e.keyword === 'required') p = { pointer, kind: 'required', key: String(e.params.missingProperty) };
    else if (e.keyword === 'pattern') p = { pointer, kind: 'pattern', pattern: String(e.params.pattern) };
    else p = { pointer, kind: 'other', detail: e.message ?? e.keyword };
    const key = JSON.stringify(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
let validator: Validator | undefined;

async function compiledSchema(): Promise<Validator> {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
  // ajv is CommonJS; its class is the default export's default under NodeNext.
  const mod = (await import('ajv')) as unknown as { default: { default: new (o: object) => { compile(s: object): Validator } } };
  const Ajv = mod.default.default ?? (mod.default as unknown as new (o: object) => { compile(s: object): Validator });
  validator = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return validator;
}

/** Parses and validates a configuration's text. Throws CONFIG_INVALID naming `path`. */
export async function parseConfig(text: string, path: string): Promise<Config> {
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch (e) {
    // The scanner loads only for a configuration that is not JSON (start-up).
    const place = (await import('./read/json-place.js')).jsonMistake(body);
    throw new PovcheckError('CONFIG_INVALID', { reason: 'json', detail: e instanceof Error ? e.message : String(e), ...(place ? { line: place.line, column: place.column } : {}) }, { file: path });
  }
  const validate = await compiledSchema();
  if (!validate(data)) {
    throw new PovcheckError('CONFIG_INVALID', { reason: 'schema', problems: toProblems(validate.errors ?? []) }, { file: path });
  }
  const raw = data as Omit<Config, 'path' | 'sheet'> & { sheet?: string | number; $schema?: string };
  const { $schema: _schema, sheet, ...rest } = raw;
  return { path, ...rest, ...(sheet !== undefined ? { sheet: String(sheet) } : {}) };
}

/**
 * The configuration for a run: `explicit` (--config) if given, else the nearest one upward from `cwd`,
 * else none. `false` (--no-config) disables the search.
 */
export async function loadConfig(explicit: string | false | undefined, cwd: string): Promise<Config | undefined> {
  if (explicit === false) return undefined;
  const path = explicit !== undefined ? resolve(cwd, explicit) : await findConfig(cwd);
  if (path === undefined) return undefined;
  let text: string;
  const named = explicit !== undefined ? explicit : path;
  try {
    // As a table is read: a regular file (a FIFO or /dev/zero is refused, not waited on or read without end), of a
    // side file's size at most.
    const { MAX_SIDE_FILE_BYTES, readFileBytes } = await import('./read/index.js');
    const bytes = await readFileBytes(path, undefined, MAX_SIDE_FILE_BYTES);
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } catch (e) {
    // Named as it was given (a relative --config stays relative).
    if (e instanceof PovcheckError && e.code !== 'FILE_NOT_FOUND') throw new PovcheckError(e.code, e.params, { file: named });
    throw new PovcheckError('CONFIG_INVALID', { reason: 'not-found' }, { file: named });
  }
  return parseConfig(text, explicit !== undefined ? explicit : path);
}

/** The shape options a configuration adds: label aliases, total names, unit aliases. */
export function shapeOptionsOf(config: Config | undefined): Pick<ShapeOptions, 'extraLabels' | 'totalNames' | 'unitAliases'> {
  if (!config) return {};
  const out: Pick<ShapeOptions, 'extraLabels' | 'totalNames' | 'unitAliases'> = {};
  if (config.labels) {
    const m = new Map<string, Indicator>();
    for (const [ind, words] of Object.entries(config.labels) as Array<[Indicator, string[]]>) {
      for (const w of words) if (labelKey(w) !== '') m.set(labelKey(w), ind);
    }
    out.extraLabels = m;
  }
  if (config.totalNames) out.totalNames = config.totalNames;
  if (config.unitAliases) {
    const m = new Map<string, string>();
    for (const [canonical, aliases] of Object.entries(config.unitAliases)) {
      for (const a of aliases) if (unitKey(a) !== '') m.set(unitKey(a), canonical);
    }
    out.unitAliases = m;
  }
  return out;
}
