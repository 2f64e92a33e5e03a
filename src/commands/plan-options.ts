/** `plan`'s flags resolved once into one `PlanRun` (pure): the input and output (calc-shared.ts), the targets' sources, the format. */
import { resolveInput, type CalcInput, type InputFlags } from './calc-shared.js';

export const PLAN_FORMATS = ['text', 'json', 'csv'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanFlags extends InputFlags {
  format: PlanFormat;
  target?: string[];
  targets?: string;
  transpose?: boolean;
  title?: string;
}

export interface PlanRun {
  input: CalcInput;
  format: PlanFormat;
  /** --targets: a targets file, read before the --target arguments. */
  targetsFile?: string;
  /** Each --target, as given ("Na Hang=4"). */
  targetArgs: string[];
  transpose: boolean;
  title?: string;
}

export function resolvePlan(file: string, flags: PlanFlags): PlanRun {
  return {
    input: resolveInput(file, flags),
    format: flags.format,
    ...(flags.targets ? { targetsFile: flags.targets } : {}),
    targetArgs: flags.target ?? [],
    transpose: !!flags.transpose,
    ...(flags.title ? { title: flags.title } : {}),
  };
}
