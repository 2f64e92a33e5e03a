/** `plan`'s flags resolved once into one `PlanRun` (pure): the input and output (calc-shared.ts), the targets' sources, the format. */
import { outFile, resolveInput, type CalcInput, type InputFlags } from './calc-shared.js';
import { checkOutputName, formatNamedBy } from './output-format.js';

export const PLAN_FORMATS = ['text', 'json', 'csv'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanFlags extends InputFlags {
  /** --format; when absent, the one -o's extension names, else text (output-format.ts). */
  format?: PlanFormat;
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
  const input = resolveInput(file, flags);
  const format = flags.format ?? formatNamedBy(outFile(flags), PLAN_FORMATS) ?? 'text';
  checkOutputName(input.output, format, PLAN_FORMATS, [file]);
  return {
    input,
    format,
    ...(flags.targets ? { targetsFile: flags.targets } : {}),
    targetArgs: flags.target ?? [],
    transpose: !!flags.transpose,
    ...(flags.title ? { title: flags.title } : {}),
  };
}
