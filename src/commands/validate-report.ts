/**
 * `validate`'s outcome reported: every requested reporter (src/reporters/) to the terminal or to its file
 * (atomically, never over a file the run read), GitHub's step summary, the one line per unreadable or unchecked
 * file when no text report is on the terminal, and the exit code.
 */
import { isAbsolute, resolve } from 'node:path';
import { relativeInside } from '../io/inside.js';
import { catalog } from '../messages/index.js';
import { exitCodeOf } from '../model/file-result.js';
import type { ValidateRun } from '../model/options.js';
import { PLAIN_STYLE, langOf, passedOverLine, runLang, type ReportInput } from '../reporters/types.js';
import type { RunOutcome } from '../run.js';
import { EXIT, envLang, inLang, knownWidth, makeStyle, oneLine, terminalWidth, type CommandContext } from './shared.js';
import type { ReportChoices } from './validate-options.js';

export async function reportValidate(outcome: RunOutcome, run: ValidateRun, choices: ReportChoices, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const lang = choices.lang ?? envLang(io.env);
  // A target whose unit no table of the run has is a mistake in the targets, not a finding: one line each, exit 2.
  if (outcome.targetErrors.length > 0) {
    for (const e of outcome.targetErrors) io.err(oneLine(e, lang) + '\n');
    return EXIT.UNREADABLE;
  }
  const report = reportInput(outcome, run, choices, ctx);
  await writeReports(report, run, choices, outcome, ctx);
  if (choices.outputs.some((o) => o.format === 'github') && io.env.GITHUB_STEP_SUMMARY) await appendStepSummary(report, resolve(run.cwd, io.env.GITHUB_STEP_SUMMARY), inputPathsOf(outcome, run));
  // Unreadable and unchecked files get their line on stderr unless the text report is on the terminal (it has them).
  if (!choices.outputs.some((o) => o.format === 'text' && o.file === undefined)) await problemLines(report, outcome, choices, ctx);
  const code = exitCodeOf(outcome.results, run.failOn);
  return code === 2 ? EXIT.UNREADABLE : code === 1 ? EXIT.FINDINGS : EXIT.OK;
}

function reportInput(outcome: RunOutcome, run: ValidateRun, choices: ReportChoices, ctx: CommandContext): ReportInput {
  const targets = run.options.targets;
  return {
    files: outcome.results,
    ...(choices.lang ? { lang: choices.lang } : {}),
    fallbackLang: envLang(ctx.io.env),
    strict: run.failOn === 'warning',
    failOn: run.failOn,
    ...(ctx.version ? { version: ctx.version } : {}),
    cwd: run.cwd,
    ...ciRootOf(ctx.io.env, run.cwd),
    ...(Object.keys(run.rules).length ? { rules: run.rules } : {}),
    ...(targets ? { targets: targets.targets.map(({ unit, indicator, op, value }) => ({ unit, indicator, op, value })) } : {}),
    ...(outcome.series ? { series: outcome.series } : {}),
    ...(outcome.passedOver.length > 0 ? { passedOver: outcome.passedOver } : {}),
  };
}

/** Each output in its format, to the terminal or to its file. */
async function writeReports(report: ReportInput, run: ValidateRun, choices: ReportChoices, outcome: RunOutcome, { io }: CommandContext): Promise<void> {
  const { renderPieces } = await import('../reporters/index.js');
  const { chunks, utf8Chunks } = await import('../render/json-pieces.js');
  const { outputs } = choices;
  // Loaded only when a report goes to a file.
  const writeFileAtomic = outputs.some((o) => o.file !== undefined) ? (await import('../io/write-atomic.js')).writeFileAtomic : undefined;
  const inputPaths = inputPathsOf(outcome, run);
  const text = {
    style: await makeStyle(io, outputs.some((o) => o.file === undefined && o.format === 'text') ? choices.color : false),
    table: drawsTable(choices, outcome.results.length),
    width: terminalWidth(io),
    fitWidth: knownWidth(io),
  };
  for (const o of outputs) {
    // Written as it is made (the JSON report piece by piece); a file only whole, through its temporary file.
    const pieces = await renderPieces(o.format, report, o.file === undefined ? text : { ...text, style: PLAIN_STYLE, fitWidth: false });
    if (o.file === undefined && io.outBytes) for (const bytes of utf8Chunks(pieces)) io.outBytes(bytes);
    else if (o.file === undefined) for (const chunk of chunks(pieces)) io.out(chunk);
    else {
      // The line and a refusal to write in the report's language (the tables', as the report is worded).
      await inLang(runLang(report), () => writeFileAtomic!(o.file!, chunks(pieces), inputPaths));
      io.err(catalog(runLang(report)).ui.reportWritten(o.file) + '\n');
    }
  }
}

/** Whether the text report draws each table under its findings (`--table`, `--no-table`; by default for a single file). */
const drawsTable = (choices: ReportChoices, files: number) => choices.table ?? files === 1;

/**
 * Whether the reports asked for read a run's tables themselves (run.ts `reportsReadTables`): a text report drawing
 * them, HTML (the tables drawn), JUnit (each unit named). The others (JSON, SARIF, GitHub, GitLab, Markdown, a text
 * report without the tables) read only each table's summary (reporters/types.ts `tableOf`).
 */
export function reportsReadTables(choices: ReportChoices, files: number): boolean {
  return choices.outputs.some((o) => o.format === 'html' || o.format === 'junit' || (o.format === 'text' && drawsTable(choices, files)));
}

/** The job summary appended to its file, never to an input of the run nor to a special file (io/write-atomic.ts). */
async function appendStepSummary(report: ReportInput, summaryFile: string, inputs: readonly string[]): Promise<void> {
  const [{ githubStepSummary }, { appendToFile }] = await Promise.all([import('../reporters/github.js'), import('../io/write-atomic.js')]);
  appendToFile(summaryFile, githubStepSummary(report) + '\n', inputs);
}

/** Every file the run read, absolute: no report may be written over one of them. */
const inputPathsOf = (outcome: RunOutcome, run: ValidateRun): string[] => [...outcome.results.map((r) => r.file), ...run.alsoRead].map((x) => resolve(run.cwd, x));

/** One line on stderr for each unreadable file and each file on which nothing could be checked, and one naming the .txt files not checked. */
async function problemLines(report: ReportInput, outcome: RunOutcome, choices: ReportChoices, { io }: CommandContext): Promise<void> {
  // The CI reporter (and node:crypto with it) loads only when a file was left unchecked.
  const { uncheckedText } = outcome.results.some((r) => r.status === 'unchecked') ? await import('../reporters/ci.js') : { uncheckedText: undefined };
  for (const r of outcome.results) {
    if (r.status === 'unreadable' && r.error) io.err(oneLine(r.error, langOf(report, r)) + '\n');
    if (r.status === 'unchecked' && uncheckedText) io.err(`povcheck: ${r.file}: ${uncheckedText(report, r)}\n`);
  }
  const passed = passedOverLine(report);
  if (passed) io.err(`povcheck: ${passed}\n`);
}

/**
 * What CI paths are relative to when not the working directory: the repository's root in a CI job (GitHub's `GITHUB_WORKSPACE`, GitLab's
 * `CI_PROJECT_DIR`) when the working directory lies inside it, as in a step with `working-directory: data` (paths
 * relative to `data/` put GitHub's annotations and code-scanning alerts on files that do not exist); else none.
 */
function ciRootOf(env: Readonly<Record<string, string | undefined>>, cwd: string): { ciRoot?: string } {
  for (const root of [env.GITHUB_WORKSPACE, env.CI_PROJECT_DIR]) {
    if (!root || !isAbsolute(root)) continue;
    if (relativeInside(resolve(root), resolve(cwd)) !== undefined) return { ciRoot: resolve(root) };
  }
  return {};
}
