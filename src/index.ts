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
export { loadConfig, parseConfig, shapeOptionsOf, type Config, type ConfigTarget } from './config.js';
export type { Annex, Unit, Value, NumberLocale } from './model/annex.js';
export { INDICATORS, type Indicator } from './model/indicators.js';
export type { Finding, Skip, Severity, RuleId } from './findings.js';
export * as annexMath from './calc/annex-math.js';
export { locate, type LocateOptions, type Localisation, type LocateStatus, type Cause, type CauseCell, type Confidence, type SlipKind } from './locate/index.js';
export { Dec } from './calc/decimal.js';
export { computeTable, type ComputedTable, type Difference, type TotalMode } from './compute/table.js';
export { computePlan, type PlanResult, type UnitPlan, type TotalTargetResult } from './compute/plan.js';
export { parseTargets, readTargetsFile, parseTargetArg, resolveTargetUnit, type Target } from './targets/index.js';
