/**
 * `validate`'s options resolved once: the command line's flags over the configuration file's, with the
 * targets, the units map and the rule levels read → one `ValidateRun` (model/options.ts) for `run()`, and
 * what the reports need (`ReportChoices`). Every bad option is a PovcheckError (exit 2, one line).
 */
import { PovcheckError } from '../errors.js';
import type { Lang } from '../model/lang.js';
import type { RuleId } from '../model/finding.js';
import type { RuleLevel, RuleLevels, ValidateOptions, ValidateRun } from '../model/options.js';
import { failOnOf, type FailOn } from '../model/fail-on.js';
import type { Config } from '../config.js';
import type { TargetSet } from '../targets/index.js';
import type { EncodingChoice } from '../read/decode.js';
import { FORMATS, type Format } from '../reporters/index.js';
import { checkOutputName, fileOrStdout } from './output-format.js';
import { resolve } from 'node:path';
import { readOptionsOf, unitNamesOf } from './shared.js';

export interface ValidateFlags {
  format?: Output[];
  lang?: Lang;
  locale?: 'vi' | 'en';
  strict?: boolean;
  failOn?: FailOn;
  delimiter?: string;
  sheet?: string;
  rule?: string[];
  config?: string | false;
  table?: boolean;
  encoding?: EncodingChoice;
  color?: boolean;
  targets?: string;
  target?: string[];
  series?: boolean;
  unitsMap?: string;
  units?: string;
  total?: string;
}

/** A report to produce: a format, and the file it goes to (the terminal when absent). */
export interface Output {
  format: Format;
  file?: string;
}

/** What the reports of a run are asked for: formats and files, the language, the text report's table and colours. */
export interface ReportChoices {
  outputs: Output[];
  /** --lang, else the configuration's: the messages' language (each table's own when absent). */
  lang?: Lang;
  /** --table / --no-table (default: the table for a single file). */
  table?: boolean;
  color?: boolean;
}

const LEVELS = ['off', 'error', 'warning', 'info'];

/** The flags, the configuration and the files they name → the run, and what its reports are asked for. */
export async function resolveValidate(inputs: string[], flags: ValidateFlags, cwd: string): Promise<{ run: ValidateRun; report: ReportChoices }> {
  const outputs = checkedOutputs(flags.format && flags.format.length > 0 ? flags.format : [{ format: 'text' }], inputs.map((i) => resolve(cwd, i)), cwd);
  const { loadConfig } = await import('../config.js');
  const config = await loadConfig(flags.config === false ? false : flags.config, cwd);
  const rules = await ruleLevelsOf(flags, config);
  // The command line's --fail-on / --strict, else the configuration's.
  const failOn: FailOn = failOnOf(flags, failOnOf(config ?? {}));
  const options = await optionsOf(flags, config, rules, failOn);
  if (flags.unitsMap !== undefined && !flags.series) throw new PovcheckError('BAD_OPTION', { reason: 'units-map-alone' });
  const unitsMap = flags.unitsMap !== undefined ? await (await import('../series/units-map.js')).readUnitsMap(flags.unitsMap) : undefined;
  const lang = flags.lang ?? config?.lang;
  return {
    run: {
      inputs,
      cwd,
      options,
      failOn,
      rules,
      ...(flags.series ? { series: unitsMap ? { unitsMap } : {} } : {}),
      alsoRead: [config?.path, flags.targets, flags.unitsMap].filter((x): x is string => x !== undefined),
    },
    report: { outputs, ...(lang ? { lang } : {}), ...(flags.table !== undefined ? { table: flags.table } : {}), ...(flags.color !== undefined ? { color: flags.color } : {}) },
  };
}

/**
 * Checks the pairing of formats and output files once all options are read: each file's name fits its format
 * (output-format.ts; an input's name is left to the refusal to write over it), at most one format goes to the terminal (no file, or `-o -`), no file is named twice.
 * Returns the outputs with `-` made the terminal.
 */
export function checkedOutputs(given: readonly Output[], inputs: readonly string[], cwd = process.cwd()): Output[] {
  for (const o of given) checkOutputName(o.file, o.format, FORMATS, inputs);
  const outputs = given.map((o): Output => (fileOrStdout(o.file) === undefined ? { format: o.format } : o));
  const toTerminal = outputs.filter((o) => o.file === undefined);
  if (toTerminal.length > 1) throw new PovcheckError('BAD_OPTION', { reason: 'stdout-twice', formats: toTerminal.map((o) => o.format) });
  const files = new Set<string>();
  for (const o of outputs) {
    if (o.file === undefined) continue;
    // By the path it names (`a.json` and `./a.json` are one file: the second report was written over the first).
    const path = resolve(cwd, o.file);
    if (files.has(path)) throw new PovcheckError('BAD_OPTION', { reason: 'same-output', file: o.file });
    files.add(path);
  }
  return outputs;
}

/** The configuration's rule levels, then each --rule over them. */
async function ruleLevelsOf(flags: ValidateFlags, config: Config | undefined): Promise<RuleLevels> {
  const rules: RuleLevels = { ...(config?.rules ?? {}) };
  if ((flags.rule ?? []).length === 0) return rules;
  const { RULE_IDS } = await import('../rules/index.js');
  for (const r of flags.rule ?? []) {
    const [id, level] = parseRuleLevel(r, RULE_IDS.map((x) => x.id));
    rules[id] = level;
  }
  return rules;
}

/** "denominator=off" → ['denominator', 'off']; `known` are the rule ids. */
export function parseRuleLevel(value: string, known: readonly string[]): [RuleId, RuleLevel] {
  const m = /^([a-z-]+)=([a-z]+)$/.exec(value.trim());
  if (!m || !LEVELS.includes(m[2]!)) throw new PovcheckError('BAD_OPTION', { reason: 'rule-level', value });
  if (!known.includes(m[1]!)) throw new PovcheckError('BAD_OPTION', { reason: 'unknown-rule', rule: m[1]!, known: [...known] });
  return [m[1] as RuleId, m[2] as RuleLevel];
}

/** What each file is checked with: reading, shape, rule levels, fail-on, targets. */
async function optionsOf(flags: ValidateFlags, config: Config | undefined, rules: RuleLevels, failOn: FailOn): Promise<ValidateOptions> {
  const { shapeOptionsOf } = await import('../config.js');
  const locale = flags.locale ?? config?.locale;
  const sheet = flags.sheet ?? config?.sheet;
  const shaped = shapeOptionsOf(config);
  const targets = await targetsOf(flags, config);
  return {
    ...(locale ? { locale } : {}),
    ...readOptionsOf(flags),
    ...(sheet !== undefined ? { sheet } : {}),
    failOn,
    ...(Object.keys(rules).length ? { rules } : {}),
    ...shaped,
    ...(flags.units !== undefined ? { unitNames: unitNamesOf(flags.units) } : {}),
    ...(flags.total === undefined ? {} : flags.total.trim().toLowerCase() === 'first' ? { totalPolicy: 'first' as const } : { totalName: flags.total }),
    ...(targets ? { targets } : {}),
  };
}

/** Targets: --targets and --target replace the configuration's. */
async function targetsOf(flags: ValidateFlags, config: Config | undefined): Promise<TargetSet | undefined> {
  const given = flags.target ?? [];
  if (flags.targets !== undefined || given.length > 0) {
    const { readTargetsFile, parseTargetArgs } = await import('../targets/index.js');
    const list = [...(flags.targets !== undefined ? await readTargetsFile(flags.targets) : []), ...parseTargetArgs(given)];
    return { source: [flags.targets, ...(given.length > 0 ? ['--target'] : [])].filter((x) => x !== undefined).join(', '), targets: list };
  }
  if (config?.targets && config.targets.length > 0) {
    const { targetsFromEntries } = await import('../targets/index.js');
    return { source: config.path, targets: targetsFromEntries(config.targets, config.path) };
  }
  return undefined;
}

