/**
 * What a run is asked to do with each file: the rule levels (configuration, `--rule`), the checks' options and
 * the reading options; and a whole `validate` run (`ValidateRun`). Resolved by the command line
 * (src/commands/validate-options.ts), read by `run()` (src/run.ts), the pipeline and the reports.
 */
import type { ReadOptions } from '../read/index.js';
import type { ShapeOptions } from '../shape/index.js';
import type { TargetSet } from '../targets/index.js';
import type { RuleId, Severity } from './finding.js';
import type { FailOn } from './fail-on.js';
import type { UnitsMap } from '../series/units-map.js';

/** A rule switched off, or its findings re-levelled (configuration, --rule). */
export type RuleLevel = 'off' | Severity;
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];
export type RuleLevels = Partial<Record<RuleId, RuleLevel>>;

export interface CheckOptions extends ShapeOptions {
  rules?: RuleLevels;
  /** Targets to check (rule `target`): a targets file, `--target`, or the configuration's. */
  targets?: TargetSet;
}

export interface ValidateOptions extends ReadOptions, CheckOptions {
  /** Warnings make the file fail, as errors do (the same as failOn 'warning'). */
  strict?: boolean;
  failOn?: FailOn;
  /** How far a big table's reading is (characters of text read, of all), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** `--units`: names for the unit columns of a plan document's table whose header row was lost. */
  unitNames?: readonly string[];
}

/** One `validate` run, resolved from the command line, the configuration and the environment: what `run()` does. */
export interface ValidateRun {
  /** The inputs as given: files, folders, glob patterns (inputs.ts expands them). */
  inputs: readonly string[];
  cwd: string;
  /** What each file is checked with (rule levels, fail-on, targets, reading and shape options). */
  options: ValidateOptions;
  /** Which findings make the exit code 1 (the command line's, else the configuration's). */
  failOn: FailOn;
  /** Rule levels of the run (the configuration's, then --rule); empty when none is set. */
  rules: RuleLevels;
  /** `--series`: the inputs are consecutive years in the order given, with the units map when one was given. */
  series?: { unitsMap?: UnitsMap };
  /** Files the run reads besides its inputs (configuration, targets, units map): no report is written over them. */
  alsoRead: readonly string[];
}
