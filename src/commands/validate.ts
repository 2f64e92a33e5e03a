/**
 * `povcheck validate <inputs...>`: recompute every derived number of each table and report each
 * inconsistency at its cell. Inputs are files, directories and glob patterns (inputs.ts); reports go to the
 * terminal or to files, several formats at once: `--format sarif --output-file r.sarif --format text`
 * (an --output-file, alias -o / --output, belongs to the --format just before it, or, given before any, to the
 * first --format, else to the default text report; at most one format goes to the terminal; html needs a file).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { catalog } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { FORMATS, isFormat, type Format } from '../reporters/index.js';
import { PLAIN_STYLE, type ReportInput, type SeriesReport } from '../reporters/types.js';
import type { TargetSet } from '../targets/index.js';
import type { RuleId } from '../model/finding.js';
import type { FileResult } from '../model/file-result.js';
import type { RuleLevel, RuleLevels, ValidateOptions } from '../model/options.js';
import { failOnOf, type FailOn } from '../model/fail-on.js';
import { EXIT, delimiterOption, encodingOption, envLang, internalError, langOption, localeOption, makeStyle, noColorOption, oneLine, readOptionsOf, terminalWidth, type CommandContext } from './shared.js';
import type { EncodingChoice } from '../read/decode.js';
import { appendFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

interface ValidateFlags {
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

const LEVELS = ['off', 'error', 'warning', 'info'];

/** Checks the pairing of formats and output files once all options are read. */
export function checkOutputs(outputs: readonly Output[]): void {
  const toTerminal = outputs.filter((o) => o.file === undefined);
  if (toTerminal.length > 1) throw new PovcheckError('BAD_OPTION', { reason: 'stdout-twice', formats: toTerminal.map((o) => o.format) });
  const files = new Set<string>();
  for (const o of outputs) {
    if (o.file === undefined) continue;
    if (files.has(o.file)) throw new PovcheckError('BAD_OPTION', { reason: 'same-output', file: o.file });
    files.add(o.file);
  }
}

/** "denominator=off" → ['denominator', 'off']; `known` are the rule ids. */
export function parseRuleLevel(value: string, known: readonly string[]): [RuleId, RuleLevel] {
  const m = /^([a-z-]+)=([a-z]+)$/.exec(value.trim());
  if (!m || !LEVELS.includes(m[2]!)) throw new PovcheckError('BAD_OPTION', { reason: 'rule-level', value });
  if (!known.includes(m[1]!)) throw new PovcheckError('BAD_OPTION', { reason: 'unknown-rule', rule: m[1]!, known: [...known] });
  return [m[1] as RuleId, m[2] as RuleLevel];
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  // --format and --output-file are paired in the order they are given; commander calls these in argv order.
  const outputs: Output[] = [];
  let pending: string | undefined; // an output file named before any --format
  const lang = ctx.lang ?? envLang(ctx.io.env);
  const outputFile = (file: string) => {
    const last = outputs[outputs.length - 1];
    if (!last) {
      if (pending !== undefined) throw new PovcheckError('BAD_OPTION', { reason: 'output-twice', format: 'text' });
      pending = file;
    } else {
      if (last.file !== undefined) throw new PovcheckError('BAD_OPTION', { reason: 'output-twice', format: last.format });
      last.file = file;
    }
    return file;
  };
  program
    .command('validate')
    .description('recompute every derived number of the tables and report each inconsistency at its cell')
    .argument('<inputs...>', 'files (.csv, .tsv, .txt, .xlsx, .xlsm; plan documents .docx and their plain-text export .txt), directories, or quoted glob patterns such as "submissions/**/*.csv"')
    .addOption(
      new Option('-f, --format <format>', `report format, repeatable: ${FORMATS.join(', ')} (default: text)`).argParser((value: string) => {
        if (!isFormat(value)) throw new InvalidArgumentError(`${FORMATS.join(', ')}`);
        outputs.push(outputs.length === 0 && pending !== undefined ? { format: value, file: pending } : { format: value });
        return outputs;
      }),
    )
    .addOption(new Option('-o, --output-file <file>', 'write the report of the --format just before to this file (atomically, never over an input)').argParser(outputFile))
    .addOption(new Option('--output <file>', 'the same as --output-file').argParser(outputFile))
    .addOption(langOption("language of messages and labels (default: the table's)"))
    .addOption(localeOption('number format of numbers written as text (default: detected per file)'))
    .option('--strict', 'warnings fail too (the same as --fail-on warning)')
    .addOption(new Option('--fail-on <level>', 'which findings make the exit code 1 (default: error)').choices(['error', 'warning', 'never']))
    .addOption(delimiterOption('CSV delimiter (default: detected)'))
    .option('--sheet <name|number>', 'workbooks: the sheet to read, by name or 1-based position (default: the first)')
    .option('--rule <id=level>', 'switch a rule off or re-level it, repeatable: --rule denominator=off', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', 'configuration file (default: povcheck.config.json here or in a folder above)')
    .option('--no-config', 'use no configuration file')
    .option('--targets <file>', 'check the targets in this file, the format plan reads (rule target; replaces the configuration\'s targets)')
    .option('-t, --target <unit=points>', 'check that the unit\'s poverty rate fell by at least this many points; "total" is the total unit (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--series', 'the inputs are consecutive years, in the order given: check that each year starts where the one before ended (rule continuity)')
    .option('--units-map <file>', 'with --series: which old units were merged into which new one (JSON or CSV; see docs/targets-and-series.md)')
    .option('--units <names>', 'plan documents: names for the unit columns of a table whose header row was lost, in order, comma-separated: --units "Toàn tỉnh,Sơn Dương,…"')
    .option('--total <name>', 'the total unit, by name, when its name does not say so (Toàn tỉnh, Tổng cộng, Cộng, Total … do); "first" takes the first unit (default: a unit whose name says so, else none: the sums are not checked)')
    .option('--table', 'print the table under the findings (text format; the default for a single file)')
    .option('--no-table', 'do not print the table')
    .addOption(encodingOption('text encoding of the input (default: detected; legacy ones are refused unless named)'))
    .addOption(noColorOption())
    .addHelpText('after', '\n' + catalog(lang).ui.rulesFooter)
    .action(async (inputs: string[], flags: ValidateFlags) => {
      const all = outputs.length > 0 ? outputs : [pending !== undefined ? { format: 'text' as const, file: pending } : { format: 'text' as const }];
      ctx.setExit(await runValidate(inputs, { ...flags, format: all }, ctx));
    });
}

async function runValidate(args: string[], flags: ValidateFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const cwd = io.cwd ?? process.cwd();
  const outputs: Output[] = flags.format && flags.format.length > 0 ? flags.format : [{ format: 'text' }];
  const uiLang = flags.lang ?? envLang(io.env);
  const html = outputs.find((o) => o.format === 'html' && o.file === undefined);
  if (html) {
    io.err(oneLine(new PovcheckError('OUTPUT_REQUIRED', { format: 'html' }), uiLang) + '\n');
    return EXIT.UNREADABLE;
  }
  checkOutputs(outputs);
  const rules: RuleLevels = {};

  const { loadConfig, shapeOptionsOf } = await import('../config.js');
  const config = await loadConfig(flags.config === false ? false : flags.config, cwd);
  Object.assign(rules, config?.rules ?? {});
  const { RULE_IDS } = await import('../rules/index.js');
  for (const r of flags.rule ?? []) {
    const [id, level] = parseRuleLevel(r, RULE_IDS.map((x) => x.id));
    rules[id] = level;
  }
  // The command line's --fail-on / --strict, else the configuration's.
  const failOn: FailOn = failOnOf(flags, failOnOf(config ?? {}));
  const lang = flags.lang ?? config?.lang;
  const locale = flags.locale ?? config?.locale;
  const sheet = flags.sheet ?? config?.sheet;
  const options: ValidateOptions = {
    ...(locale ? { locale } : {}),
    ...readOptionsOf(flags),
    ...(sheet !== undefined ? { sheet } : {}),
    failOn,
    ...(Object.keys(rules).length ? { rules } : {}),
    ...shapeOptionsOf(config),
    ...(flags.units !== undefined ? { unitNames: unitNamesOf(flags.units) } : {}),
    ...(flags.total === undefined ? {} : flags.total.trim().toLowerCase() === 'first' ? { totalPolicy: 'first' as const } : { totalName: flags.total }),
  };

  // Targets: --targets and --target replace the configuration's.
  let targets: TargetSet | undefined;
  if (flags.targets !== undefined || (flags.target ?? []).length > 0) {
    const { readTargetsFile, parseTargetArg } = await import('../targets/index.js');
    const list = [...(flags.targets !== undefined ? await readTargetsFile(flags.targets) : []), ...(flags.target ?? []).map(parseTargetArg)];
    targets = { source: [flags.targets, ...((flags.target ?? []).length > 0 ? ['--target'] : [])].filter((x) => x !== undefined).join(', '), targets: list };
  } else if (config?.targets && config.targets.length > 0) {
    const { targetsFromEntries } = await import('../targets/index.js');
    targets = { source: config.path, targets: targetsFromEntries(config.targets) };
  }
  if (targets) options.targets = targets;
  if (flags.unitsMap !== undefined && !flags.series) throw new PovcheckError('BAD_OPTION', { reason: 'units-map-alone' });
  const unitsMap = flags.unitsMap !== undefined ? await (await import('../series/units-map.js')).readUnitsMap(flags.unitsMap) : undefined;

  const { expandInputs } = await import('../inputs.js');
  const { validateFile, STREAM_THRESHOLD } = await import('../validate.js');
  const inputs = await expandInputs(args, cwd, flags.series ? { order: 'given' } : {});
  if (flags.series && inputs.length < 2) throw new PovcheckError('BAD_OPTION', { reason: 'series-one', files: inputs.length });
  let results: FileResult[] = [];
  // Asked once per run: a progress bar needs stderr to be a terminal, outside CI (then each file's size is looked at).
  const bars = !io.env.CI && !io.env.NO_PROGRESS && !!io.errIsTTY?.();
  for (const input of inputs) {
    if (input.kind === 'empty') {
      results.push({ file: input.arg, status: 'unreadable', findings: [], skipped: [], error: new PovcheckError('NO_INPUT', { kind: input.source }, { file: input.arg }) });
      continue;
    }
    if (input.kind === 'refused') {
      results.push({ file: input.path, status: 'unreadable', findings: [], skipped: [], error: input.error });
      continue;
    }
    const progress = bars ? await progressFor(input.path, STREAM_THRESHOLD) : undefined;
    try {
      // A series compares the tables themselves: they are read in memory, never streamed.
      results.push(await validateFile(input.path, { ...options, ...(flags.series ? { stream: 'never' as const } : {}), ...(progress ? { onProgress: progress.update } : {}) }));
    } catch (e) {
      // An unexpected fault still names the file and counts as unreadable, never a stack trace.
      results.push({ file: input.path, status: 'unreadable', findings: [], skipped: [], error: internalError(e, io, input.path) });
    } finally {
      progress?.stop();
    }
  }

  // A target whose unit no table of the run has is a mistake in the targets, not a finding: one line each, exit 2.
  if (targets) {
    const unknown = unmatchedTargets(targets, results);
    if (unknown.length > 0) {
      for (const e of unknown) io.err(oneLine(e, lang ?? uiLang) + '\n');
      return EXIT.UNREADABLE;
    }
  }
  let series: SeriesReport | undefined;
  if (flags.series) {
    const { checkSeries } = await import('../series/index.js');
    const { withFindings } = await import('../validate.js');
    const checked = checkSeries(
      results.map((r) => ({ file: r.file, ...(r.annex ? { annex: r.annex } : {}) })),
      { ...(unitsMap ? { map: unitsMap } : {}), ...(options.unitAliases ? { unitAliases: options.unitAliases } : {}) },
    );
    results = results.map((r, i) => withFindings(r, checked.findings[i] ?? [], checked.skipped[i] ?? [], { ...(Object.keys(rules).length ? { rules } : {}), failOn }));
    series = { files: results.map((r) => r.file), ...(unitsMap ? { unitsMap: unitsMap.source } : {}), transitions: checked.transitions };
  }

  const report: ReportInput = {
    files: results,
    ...(lang ? { lang } : {}),
    fallbackLang: envLang(io.env),
    strict: failOn === 'warning',
    failOn,
    ...(ctx.version ? { version: ctx.version } : {}),
    cwd,
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(targets ? { targets: targets.targets.map(({ unit, indicator, op, value }) => ({ unit, indicator, op, value })) } : {}),
    ...(series ? { series } : {}),
  };
  const { render } = await import('../reporters/index.js');
  // Loaded only when a report goes to a file.
  const writeFileAtomic = outputs.some((o) => o.file !== undefined) ? (await import('../io/write-atomic.js')).writeFileAtomic : undefined;
  // Every file the run read: no report may be written over one of them.
  const inputPaths = [...results.map((r) => r.file), config?.path, flags.targets, flags.unitsMap].filter((x): x is string => x !== undefined).map((x) => resolve(cwd, x));
  const text = {
    style: await makeStyle(io, outputs.some((o) => o.file === undefined && o.format === 'text') ? flags.color : false),
    table: flags.table ?? results.length === 1,
    width: terminalWidth(io),
  };
  for (const o of outputs) {
    const data = await render(o.format, report, o.file === undefined ? text : { ...text, style: PLAIN_STYLE });
    if (o.file === undefined) io.out(data);
    else {
      await writeFileAtomic!(o.file, data, inputPaths);
      io.err(catalog(lang ?? uiLang).ui.reportWritten(o.file) + '\n');
    }
  }
  if (outputs.some((o) => o.format === 'github') && io.env.GITHUB_STEP_SUMMARY) {
    const { githubStepSummary } = await import('../reporters/github.js');
    try {
      appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(report) + '\n');
    } catch (e) {
      throw new PovcheckError('WRITE_FAILED', { detail: (e as NodeJS.ErrnoException).code ?? 'unknown error' }, { file: io.env.GITHUB_STEP_SUMMARY });
    }
  }
  // Unreadable and unchecked files get their line on stderr unless the text report is on the terminal (it has them).
  if (!outputs.some((o) => o.format === 'text' && o.file === undefined)) {
    const { uncheckedText } = await import('../reporters/ci.js');
    for (const r of results) {
      if (r.status === 'unreadable' && r.error) io.err(oneLine(r.error, lang ?? envLang(io.env)) + '\n');
      if (r.status === 'unchecked') io.err(`povcheck: ${r.file}: ${uncheckedText(report, r)}\n`);
    }
  }
  const { exitCodeOf } = await import('../validate.js');
  const code = exitCodeOf(results, failOn);
  return code === 2 ? EXIT.UNREADABLE : code === 1 ? EXIT.FINDINGS : EXIT.OK;
}

/** `--units "Toàn tỉnh,Sơn Dương,…"` → the names, NFC, trimmed, empty ones dropped. */
export function unitNamesOf(arg: string): string[] {
  return arg
    .split(/[,;]/u)
    .map((n) => n.normalize('NFC').trim())
    .filter((n) => n !== '');
}

/**
 * The targets whose unit none of the run's readable tables has (a misspelt unit, or a target for another
 * table), as TARGET_UNIT errors naming the targets' source. A target some table lacks but another has is
 * only skipped (and listed as not checked) in the tables that lack it.
 */
export function unmatchedTargets(set: TargetSet, results: readonly FileResult[]): PovcheckError[] {
  const readable = results.filter((r) => r.annex);
  if (readable.length === 0) return [];
  const first = readable[0]!.annex!;
  const known = [...(first.total ? ['total'] : []), ...first.units.map((u) => u.name)];
  const tables = readable.map((r) => r.file);
  return set.targets
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => readable.every((r) => r.targetsUnmatched?.includes(i)))
    .map(({ t, i }) => new PovcheckError('TARGET_UNIT', { unit: t.unit, known, index: i + 1, tables }, { file: set.source }));
}

/**
 * A progress bar on stderr for a large input (one the streaming path reads); asked only when stderr is a
 * terminal and not in CI (runValidate): nothing otherwise, so logs stay clean. cli-progress loads only then.
 */
async function progressFor(file: string, threshold: number): Promise<{ update: (done: number, total: number) => void; stop: () => void } | undefined> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size < threshold) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { format: `${basename(file)} [{bar}] {percentage}% | {value}/{total} MB | {eta_formatted}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    Presets.shades_classic,
  );
  const mb = (b: number) => Math.round(b / 1048576);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(done));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
