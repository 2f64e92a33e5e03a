/** povcheck's library API: the same pipeline the CLI uses. */
export { PovcheckError, isPovcheckError, type PovcheckErrorCode } from './errors.js';
export { readGrid, gridFromBytes, gridFromAnyBytes, readFileBytes } from './read/index.js';
export type { Cell, Grid } from './read/grid.js';
export { shape, type ShapeOptions, type ShapeResult } from './shape/index.js';
export { runRules, CHECK_RULES, RULE_IDS } from './rules/index.js';
export {
  checkGrid,
  validateFile,
  statusOf,
  exitCodeOf,
  relevel,
  type FileResult,
  type CheckResult,
  type CheckOptions,
  type ValidateOptions,
  type FailOn,
  type RuleLevel,
  type RuleLevels,
} from './validate.js';
export { expandInputs, type Input } from './inputs.js';
export { loadConfig, parseConfig, shapeOptionsOf, type Config, type Target } from './config.js';
export type { Annex, Unit, Value, NumberLocale } from './model/annex.js';
export { INDICATORS, type Indicator } from './model/indicators.js';
export type { Finding, Skip, Severity, RuleId } from './findings.js';
export * as annexMath from './calc/annex-math.js';
export { Dec } from './calc/decimal.js';
