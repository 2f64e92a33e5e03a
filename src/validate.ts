/**
 * The validate pipeline for one input: file → Grid → Annex → findings. No printing, no exit codes:
 * the CLI and the reporters decide what to do with the result.
 */
import { readInput, type ReadOptions } from './read/index.js';
import type { Grid, SourceInfo } from './read/grid.js';
import { shape, type ShapeOptions } from './shape/index.js';
import { appliesTo, RULE_IDS, runRules } from './rules/index.js';
import { RELATION_KINDS } from './relations/index.js';
import { checkedAnything, coverageOf, type Coverage } from './model/coverage.js';
import { candidateKeys } from './shape/aliases.js';
import { displayRef } from './read/grid.js';
import { compareFindings, severityRank, type Finding, type RuleId, type Severity, type Skip } from './findings.js';
import type { Annex, NumberLocale } from './model/annex.js';
import type { Lang } from './messages/index.js';
import { statSync, type Stats } from 'node:fs';
import { PovcheckError } from './errors.js';
import { locate, type Cause, type Localisation } from './locate/index.js';
import { Dec } from './calc/decimal.js';
import type { Cell } from './read/grid.js';
import { checkTargets } from './rules/target.js';
import type { TargetSet } from './targets/index.js';
import type { DocumentReport, PlanDocument } from './model/document.js';

import { failOnOf, type FailOn } from './model/fail-on.js';
export { FAIL_ON, failOnOf, type FailOn } from './model/fail-on.js';

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
  /**
   * The streaming path (src/stream/) for long tables with code and parent columns: 'auto' from
   * STREAM_THRESHOLD bytes on (default; POVCHECK_STREAM=always|never overrides), 'always', 'never'.
   */
  stream?: 'auto' | 'always' | 'never';
  /** Bytes read so far of a streamed file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** `--units`: names for the unit columns of a plan document's table whose header row was lost. */
  unitNames?: readonly string[];
}

/** The rule families error localisation explains. */
const LOCALISED_RULES: ReadonlySet<RuleId> = new Set(RELATION_KINDS.filter((k) => k.localised).map((k) => k.id));

/**
 * Whether localisation has anything to explain: a failing check (error, or a warning its rule was re-levelled
 * to) of the four families locate explains (its checks mirror those rules). Both paths ask this one question.
 */
const needsLocalising = (findings: readonly Finding[]) => findings.some((f) => f.severity !== 'info' && LOCALISED_RULES.has(f.rule));

const NOTHING_TO_LOCALISE: Localisation = { status: 'clean', failing: 0, causes: [], more: 0 };

/** Files from this size on are streamed when they are long tables with code and parent columns. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

/**
 * The memory budget of one table (docs/limits-and-safety.md): rows checked (the streaming path counts them as
 * they arrive; the in-memory path is bounded by its file size) and findings kept (each costs about 1.5 kB
 * until the reports are written). Past either, the table is refused with TABLE_TOO_LARGE, exit 2, long before
 * the heap runs out: a 2,000,000-row table streams in about 250 MB; 100,000 findings take about 400 MB more
 * while the JSON report is built. POVCHECK_MAX_ROWS and POVCHECK_MAX_FINDINGS lower them (tests).
 */
export const TABLE_BUDGET = { rows: 2_000_000, findings: 100_000 };

export function tableBudget(env: NodeJS.ProcessEnv = process.env): { rows: number; findings: number } {
  const lower = (v: string | undefined, max: number) => (v && /^[1-9][0-9]*$/.test(v) ? Math.min(Number(v), max) : max);
  return { rows: lower(env.POVCHECK_MAX_ROWS, TABLE_BUDGET.rows), findings: lower(env.POVCHECK_MAX_FINDINGS, TABLE_BUDGET.findings) };
}

/** What the reports say about a table: from its annex, or from the streaming path (which keeps no annex). */
export interface TableSummary {
  /** 'none': a plan document without a poverty table (its text was checked). */
  layout: 'wide' | 'long' | 'none';
  locale: NumberLocale | 'plain';
  lang: Lang;
  units: number;
  total?: string;
}

/**
 * `unchecked`: the file was read, but no check that compares values could run (labels not understood, no
 * units, no total…): never `ok`, exit 2 like an unreadable file.
 */
export type FileStatus = 'ok' | 'invalid' | 'unchecked' | 'unreadable';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** How the file was read (encoding and delimiter, or workbook and sheet). */
  source?: SourceInfo;
  grid?: Grid;
  /** The table as read (in-memory path). */
  annex?: Annex;
  /** Set instead of `annex` by the streaming path. */
  table?: TableSummary;
  findings: Finding[];
  skipped: Skip[];
  /** Which checks ran, which could not and why, which labels were not understood (absent when unreadable). */
  coverage?: Coverage;
  /** The likely causes of the failing sum / flow / rate / rate-change checks (absent when unreadable). */
  localisation?: Localisation;
  /** Why the file could not be read, when status is 'unreadable'. */
  error?: PovcheckError;
  /** Indexes of the targets naming a unit this table lacks (the command refuses targets no table matches). */
  targetsUnmatched?: number[];
  /** A plan document: its tables and what was checked in its text (findings hold every part). */
  document?: DocumentReport;
}

export interface CheckResult {
  annex: Annex;
  findings: Finding[];
  skipped: Skip[];
  coverage: Coverage;
  localisation: Localisation;
  /** Indexes of the targets naming a unit this table lacks. */
  targetsUnmatched?: number[];
}

const DEFAULT_SEVERITY = new Map(RULE_IDS.map((r) => [r.id, r.severity]));

/** Drops the skips (or anything with a rule) of rules switched off. */
export function withoutOffRules<T extends { rule: RuleId }>(items: readonly T[], levels: RuleLevels | undefined): T[] {
  if (!levels) return [...items];
  return items.filter((f) => levels[f.rule] !== 'off');
}

/**
 * Applies rule levels: 'off' drops a rule's findings; a severity replaces the rule's default severity.
 * A finding the rule gives at a lower severity than its default (the `rate-change` convention note, the
 * `range` warning on a negative reduction) keeps it, but never ends above the configured level.
 */
export function relevel(findings: readonly Finding[], levels: RuleLevels | undefined): Finding[] {
  if (!levels) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.rule];
    if (level === undefined) out.push(f);
    else if (level === 'off') continue;
    else {
      const def = DEFAULT_SEVERITY.get(f.rule);
      const severity = f.severity === def ? level : severityRank(f.severity) > severityRank(level) ? f.severity : level;
      out.push(severity === f.severity ? f : { ...f, severity });
    }
  }
  return out.sort(compareFindings);
}

/**
 * The checks a file is asked for: the check rules (and `target` when targets are given), less those switched
 * off. A relation that only some tables have (poor + near-poor, breakdown rows, column formulas …) is asked
 * of a table that has it; without the table (the streaming path, annex tables only) it is not asked.
 */
export function askedChecks(opts: { rules?: RuleLevels; targets?: unknown }, annex?: Annex): RuleId[] {
  const rules = RELATION_KINDS.filter((r) => (annex === undefined ? r.annex === true : appliesTo(r, annex)));
  const ids: RuleId[] = [...rules.map((r) => r.id), ...(opts.targets ? ['target' as const] : [])];
  return ids.filter((id) => opts.rules?.[id] !== 'off');
}

/**
 * A file's coverage (model/coverage.ts), the one place it is built: the checks asked for, those that compared
 * something, the skips (switched-off rules already left out), and the indicator labels the `unknown` findings
 * name (found before rule levels apply: a label switched off is still not understood): rows of a wide table,
 * columns of a long one (a wide table's stray column is not a label).
 */
export function fileCoverage(checks: readonly RuleId[], ran: ReadonlySet<string>, skipped: readonly Skip[], readFindings: readonly Finding[], layout: 'wide' | 'long'): Coverage {
  const labelId = layout === 'wide' ? 'unknown.row' : 'unknown.column';
  const notUnderstood = readFindings
    .filter((f) => f.rule === 'unknown' && f.msg.id === labelId && f.at)
    .map((f) => {
      const text = (f.msg.params as { text: string }).text;
      return { text, cell: displayRef(f.at!), keys: candidateKeys(text) };
    });
  return coverageOf({ checks, ran, skipped, notUnderstood, fallback: { id: 'skip.nothing', params: {} } });
}

/**
 * Grid → findings → likely causes. Pure. Throws PovcheckError only when the grid is not a poverty table at all.
 * Error localisation leaves out the checks of rules switched off; `explains` indexes the findings returned.
 */
export function checkGrid(grid: Grid, opts: CheckOptions = {}): CheckResult {
  const shaped = shape(grid, opts);
  const run = runRules(shaped.annex);
  // Targets are checked with the rules but are not typing slips: locate leaves `target` findings alone.
  const targets = opts.targets && opts.rules?.target !== 'off' ? checkTargets(shaped.annex, opts.targets) : undefined;
  const findings = relevel([...shaped.findings, ...run.findings, ...(targets?.findings ?? [])].sort(compareFindings), opts.rules);
  const budget = tableBudget();
  if (findings.length > budget.findings) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'findings', limit: budget.findings });
  const skipped = withoutOffRules([...run.skipped, ...(targets?.skipped ?? [])], opts.rules);
  // A target that was evaluated gives a finding (met or missed): then the check ran.
  const ran = new Set<string>([...run.ran, ...(targets && targets.findings.length > 0 ? ['target'] : [])]);
  const coverage = fileCoverage(askedChecks(opts, shaped.annex), ran, skipped, shaped.findings, shaped.annex.layout);
  const off = Object.entries(opts.rules ?? {}).filter(([, level]) => level === 'off').map(([rule]) => rule as RuleId);
  const localisation: Localisation = needsLocalising(findings) ? locate(shaped.annex, findings, off.length > 0 ? { off } : {}) : NOTHING_TO_LOCALISE;
  return {
    annex: shaped.annex,
    findings,
    skipped,
    coverage,
    localisation,
    ...(targets ? { targetsUnmatched: targets.unmatched } : {}),
  };
}

const sameCell = (a: Cell, b: Cell) => a.ref === b.ref && a.sheet === b.sheet;

/**
 * A file's result with findings from outside the file (a series' `continuity`) added: re-levelled, in report
 * order, the causes' `explains` moved with the findings they point at (and extended to an added error whose
 * expected value a cause proposes at its cell), the verdict recomputed. Pure.
 */
export function withFindings(result: FileResult, extra: readonly Finding[], skips: readonly Skip[], opts: { rules?: RuleLevels; failOn: FailOn }): FileResult {
  if (result.status === 'unreadable' || (extra.length === 0 && skips.length === 0)) return result;
  const extraRules = [...new Set([...extra.map((f) => f.rule), ...skips.map((s) => s.rule)])].filter((r) => opts.rules?.[r] !== 'off');
  const added = relevel(extra, opts.rules);
  const findings = [...result.findings, ...added].sort(compareFindings);
  const position = new Map(findings.map((f, i) => [f, i]));
  const moved = (i: number) => position.get(result.findings[i]!) ?? i;
  // A cause whose proposed value is exactly what an added finding expects at that cell explains it too.
  const alsoExplains = (c: Cause) =>
    added.filter((f) => f.severity === 'error' && f.at && f.expected !== undefined && c.cells.some((x) => sameCell(x.cell, f.at!) && x.proposed !== undefined && new Dec(x.proposed).eq(f.expected!))).map((f) => position.get(f)!);
  const remap = (loc: Localisation): Localisation => ({
    ...loc,
    causes: loc.causes.map((c) => ({ ...c, explains: [...c.explains.map(moved), ...alsoExplains(c)].sort((a, b) => a - b) })),
    ...(loc.parts ? { parts: loc.parts.map(remap) } : {}),
  });
  const localisation = result.localisation && remap(result.localisation);
  const skipped = [...result.skipped, ...withoutOffRules(skips, opts.rules)];
  // The rules these findings come from (a series' `continuity`) join the file's coverage: run when they found something.
  const coverage = result.coverage && {
    ...result.coverage,
    checks: [...result.coverage.checks, ...extraRules.filter((r) => !result.coverage!.checks.includes(r))],
    ran: [...result.coverage.ran, ...extraRules.filter((r) => !result.coverage!.ran.includes(r) && added.some((f) => f.rule === r))],
    notRun: [
      ...result.coverage.notRun.filter((n) => !added.some((f) => f.rule === n.check)),
      ...extraRules
        .filter((r) => !result.coverage!.checks.includes(r) && !added.some((f) => f.rule === r))
        .map((r) => ({ check: r, reason: skips.find((s) => s.rule === r)?.msg ?? { id: 'skip.nothing' as const, params: {} } })),
    ],
  };
  return {
    ...result,
    findings,
    skipped,
    ...(localisation ? { localisation } : {}),
    ...(coverage ? { coverage } : {}),
    status: statusOf(findings, opts.failOn, coverage),
  };
}

/**
 * 'unchecked' when no check that compares values ran (whatever the findings: nothing was checked), else
 * 'invalid' when the file has an error, or a warning under fail-on 'warning'. Under 'never' a file with
 * errors is still 'invalid' (the verdict describes the file); only the exit code ignores it.
 */
export function statusOf(findings: readonly Finding[], strict: boolean | FailOn = false, coverage?: Coverage): FileStatus {
  if (coverage && !checkedAnything(coverage)) return 'unchecked';
  const failOn = typeof strict === 'boolean' ? failOnOf({ strict }) : strict;
  const failing = findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
  return failing ? 'invalid' : 'ok';
}

/**
 * Validates one file. Never throws for bad input: an unreadable file comes back with status 'unreadable'
 * and its PovcheckError. Other exceptions are internal faults and propagate.
 */
export async function validateFile(file: string, opts: ValidateOptions = {}): Promise<FileResult> {
  try {
    // Stat'ed once: whether to stream, and the reader's checks (a missing or special file: the reader names it).
    const stats = statOrNothing(file);
    if (wantsStream(file, opts, stats)) {
      const { streamFile, NotStreamable } = await import('./stream/run.js');
      try {
        // The stream applies no configuration levels: re-level and judge here, as checkGrid does.
        const r = await streamFile(file, opts);
        const findings = relevel(r.findings, opts.rules);
        // A streamed table is not kept, so it is not localised: "clean" when nothing is to localise, else absent.
        return {
          ...r,
          findings,
          skipped: withoutOffRules(r.skipped, opts.rules),
          ...(r.status !== 'unreadable' && !needsLocalising(findings) ? { localisation: NOTHING_TO_LOCALISE } : {}),
          status: r.status === 'unreadable' ? r.status : statusOf(findings, failOnOf(opts), r.coverage),
        };
      } catch (e) {
        // Not a table the streaming path reads (wide, UTF-16, one level): the in-memory path reads it.
        if (!(e instanceof NotStreamable)) throw e;
      }
    }
    const input = await readInput(file, opts, stats);
    if (input.kind === 'document') return await documentResult(file, input.document, opts);
    const grid = input.grid;
    const { annex, findings, skipped, coverage, localisation, targetsUnmatched } = checkGrid(grid, opts);
    return {
      file,
      status: statusOf(findings, failOnOf(opts), coverage),
      source: grid.source,
      grid,
      annex,
      findings,
      skipped,
      coverage,
      localisation,
      ...(targetsUnmatched ? { targetsUnmatched } : {}),
    };
  } catch (e) {
    if (e instanceof PovcheckError) return { file, status: 'unreadable', findings: [], skipped: [], error: e.withFile(file) };
    throw e;
  }
}

/** A plan document's result: its tables, stated figures, money and references (src/document/). */
async function documentResult(file: string, doc: PlanDocument, opts: ValidateOptions): Promise<FileResult> {
  const { checkDocument } = await import('./document/index.js');
  const r = checkDocument(doc, opts);
  const lang = r.annex?.lang ?? (doc.paragraphs.some((p) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(p.text)) ? 'vi' : 'en');
  return {
    file,
    status: statusOf(r.findings, failOnOf(opts), r.coverage),
    source: { kind: 'document', format: doc.format, ...(doc.encoding ? { encoding: doc.encoding } : {}), paragraphs: doc.paragraphs.length, tables: doc.tables.length },
    ...(r.grid ? { grid: r.grid } : {}),
    ...(r.annex ? { annex: r.annex } : { table: { layout: 'none', locale: 'vi', lang, units: 0 } }),
    findings: r.findings,
    skipped: r.skipped,
    coverage: r.coverage,
    localisation: r.localisation,
    document: r.report,
    ...(r.targetsUnmatched ? { targetsUnmatched: r.targetsUnmatched } : {}),
  };
}

/** The exit code of a run: 2 when a file is unreadable or nothing in it could be checked, 1 when one fails under `failOn`, else 0. */
export function exitCodeOf(results: readonly FileResult[], failOn: FailOn): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'unreadable' || r.status === 'unchecked')) return 2;
  if (failOn !== 'never' && results.some((r) => r.status === 'invalid')) return 1;
  return 0;
}

function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function wantsStream(file: string, opts: ValidateOptions, info: Stats | undefined): boolean {
  const mode = opts.stream ?? envStream();
  if (mode === 'never' || (opts.encoding && opts.encoding !== 'auto' && opts.encoding !== 'utf-8')) return false;
  // Targets need the table in memory (rule `target`), and so does a workbook or a plan document.
  if (opts.targets || /\.(?:xls[xm]|docx|doc)$/i.test(file)) return false;
  // A missing or special file is left to the in-memory reader, which names the problem.
  return !!info && info.isFile() && info.size > 0 && (mode === 'always' || info.size >= STREAM_THRESHOLD);
}

function envStream(): 'auto' | 'always' | 'never' {
  const v = process.env.POVCHECK_STREAM;
  return v === 'always' || v === 'never' ? v : 'auto';
}
