/**
 * Grid → findings → likely causes, pure: shape, the relations, targets, rule levels, locate and coverage.
 * The one place a table is checked, whatever brought it (a file, a plan document's table, `fix`).
 */
import { duplicatesWithTheirSums, sumsLeftOut } from './rules/duplicate-rows.js';
import type { Grid } from './model/grid.js';
import { displayRef } from './model/grid.js';
import { shape, type ShapeResult } from './shape/index.js';
import { withZerosDropped } from './shape/zeros-dropped.js';
import { appliesTo, runRules } from './rules/index.js';
import { RELATION_KINDS } from './relations/index.js';
import { KEEP_UP_TO } from './relations/checked.js';
import { COMPARING_CHECKS, coverageOf, type Coverage } from './model/coverage.js';
import { indicatorsNotCompared } from './rules/compared.js';
import { candidateKeys } from './shape/aliases.js';
import { mentionsIndicator } from './shape/words.js';
import { compareFindings, RemadeFinding, type Finding, type RuleId, type Skip } from './model/finding.js';
import type { Annex } from './model/annex.js';
import { PovcheckError } from './errors.js';
import { locate, type Localisation } from './locate/index.js';
import { checkTargets } from './rules/target.js';
import { relevel, withoutOffRules } from './rules/levels.js';
import type { CheckOptions, RuleLevels } from './model/options.js';
import type { MessageParams } from './model/message-ref.js';

/** The rule families error localisation explains. */
const LOCALISED_RULES: ReadonlySet<RuleId> = new Set(RELATION_KINDS.filter((k) => k.localised).map((k) => k.id));

/**
 * Whether localisation has anything to explain: a failing check (error, or a warning its rule was re-levelled
 * to) of the families locate explains (its checks mirror those rules).
 */
export const needsLocalising = (findings: readonly Finding[]) => findings.some((f) => f.severity !== 'info' && LOCALISED_RULES.has(f.rule) && f.msg.id !== 'rate.column');

export const NOTHING_TO_LOCALISE: Localisation = { status: 'clean', failing: 0, causes: [], more: 0 };

/**
 * The findings one table may give (docs/limits-and-safety.md), counted by `keptWhole`: each costs about 1.5 kB
 * until the reports are written; past them, the table is refused with TABLE_TOO_LARGE, exit 2, long before the heap runs out
 * (100,000 findings take about 400 MB more while the JSON report is built). POVCHECK_MAX_FINDINGS lowers it
 * (tests). The units a table may have follow from the heap (read/memory-budget.ts).
 */
export const TABLE_BUDGET = { findings: 100_000 };

/**
 * The findings the budget counts: those kept whole. A long table's denominator notes are kept as their unit
 * (`RemadeFinding`, at most one a unit, made again one at a time as a report reads them): what they hold is
 * within the units' budget (read/memory-budget.ts `BYTES_PER_UNIT`), and a national table of millions of
 * communes whose households changed gives hundreds of thousands of them, every one a true note.
 */
export function keptWhole(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (!(f instanceof RemadeFinding)) n++;
  return n;
}

export function tableBudget(env: NodeJS.ProcessEnv = process.env): { findings: number } {
  const v = env.POVCHECK_MAX_FINDINGS;
  return { findings: v && /^[1-9][0-9]*$/.test(v) ? Math.min(Number(v), TABLE_BUDGET.findings) : TABLE_BUDGET.findings };
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

/**
 * The checks a file is asked for: the check rules (and `target` when targets are given), less those switched
 * off. A relation that only some tables have (poor + near-poor, breakdown rows, column formulas …) is asked
 * of a table that has it; without a table, only the annex's checks are asked.
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
export function fileCoverage(
  checks: readonly RuleId[],
  ran: ReadonlySet<string>,
  skipped: readonly Skip[],
  readFindings: readonly Finding[],
  layout: 'wide' | 'long',
  notCompared?: Coverage['notCompared'],
): Coverage {
  const labelId = layout === 'wide' ? 'unknown.row' : 'unknown.column';
  const notUnderstood = readFindings
    // …and in a wide table a measure column's heading that names no indicator (`Giảm bình quân (%/năm)`).
    .filter((f) => f.rule === 'unknown' && f.at && (f.msg.id === labelId || (f.msg.id === 'unknown.column' && (f.msg.params as { kind?: string }).kind !== undefined)))
    .map((f) => {
      const { text, kind } = f.msg.params as { text: string; kind?: string };
      // A rise or a share of another total names no indicator any configuration could map it to; a label that says
      // nothing of households, poverty or a rate (`Thu nhập bình quân đầu người`, a plan's other rows) is unrelated.
      return { text, cell: displayRef(f.at!), keys: candidateKeys(text), ...(kind ? { noIndicator: true } : mentionsIndicator(text) ? {} : { unrelated: true }) };
    });
  return coverageOf({ checks, ran, skipped, notUnderstood, ...(notCompared ? { notCompared } : {}), fallback: { id: 'skip.nothing', params: {} } });
}

/**
 * The indicators given figures that no comparing check read (rules/compared.ts), with their labels' cells; none
 * when nothing was compared at all (the verdict then says the table was not checked). `ran`: the checks asked for
 * that ran (a rule switched off compares nothing); a target compares the indicator it names.
 */
function notComparedOf(annex: Annex, ran: ReadonlySet<string>, findings: readonly Finding[]): NonNullable<Coverage['notCompared']> {
  if (![...ran].some((id) => COMPARING_CHECKS.has(id))) return [];
  const targeted = new Set(findings.filter((f) => f.rule === 'target').map((f) => f.indicator));
  return indicatorsNotCompared(annex, ran, findings)
    .filter((i) => !targeted.has(i))
    .map((indicator) => {
      const label = annex.labelCells[indicator];
      return { indicator, ...(label ? { cell: displayRef(label) } : {}) };
    });
}

/**
 * The warnings of the indicators the table lacks (`missing.indicator`), once the checks ran: each says which of the
 * checks reading the indicator still ran on the table's other figures, as the checks line counts them, and which did
 * not run at all; a check switched off is not named.
 */
function missingWithChecksRan(findings: Finding[], ran: ReadonlySet<string>, off: readonly RuleId[]): Finding[] {
  return findings.map((f) => {
    // The rule first: a long table's findings make their message when it is read (model/finding.ts RemadeFinding).
    if (f.rule !== 'missing' || f.msg.id !== 'missing.indicator') return f;
    const p = f.msg.params as MessageParams['missing.indicator'];
    const rules = p.rules.filter((r) => !off.includes(r as RuleId));
    return { ...f, msg: { id: 'missing.indicator', params: { ...p, rules, ran: rules.filter((r) => ran.has(r)) } } };
  });
}

/**
 * Labels that are no indicator povcheck checks, for the same reason (`unknown.row` / `unknown.column` of one kind):
 * the first in report order says why at length, each later one shortly with the first one's cell (`sameAs`), so a
 * table with a dozen support rows reads the long reason once.
 */
function unknownReasonsOnce(findings: Finding[]): Finding[] {
  const first = new Map<string, string>();
  return findings.map((f) => {
    if (f.rule !== 'unknown' || (f.msg.id !== 'unknown.row' && f.msg.id !== 'unknown.column') || !f.at) return f;
    const p = f.msg.params as MessageParams['unknown.row'];
    const key = `${f.msg.id} ${p.kind ?? ''}`;
    const sameAs = first.get(key);
    if (sameAs === undefined) {
      first.set(key, displayRef(f.at));
      return f;
    }
    return { ...f, msg: { id: f.msg.id, params: { ...p, sameAs } } };
  });
}

/**
 * Grid → findings → likely causes. Pure. Throws PovcheckError only when the grid is not a poverty table at all.
 * Error localisation leaves out the checks of rules switched off; `explains` indexes the findings returned.
 */
export function checkGrid(grid: Grid, opts: CheckOptions = {}): CheckResult {
  return checkShaped({ ...shape(grid, opts), grid }, opts);
}

/**
 * A shaped table → findings → likely causes (checkGrid after the shape stage; validate's delimited tables). Pure.
 * `grid`: the table's, when read whole (locate reads the cell a row typed one cell on pushed its last value into).
 */
export function checkShaped(shaped: ShapeResult & { grid?: Grid }, opts: CheckOptions = {}): CheckResult {
  // A small table keeps the relations the rules checked, with their findings: locate reuses them.
  const run = runRules(shaped.annex, undefined, { keep: shaped.annex.units.length <= KEEP_UP_TO });
  // Targets are checked with the rules but are not typing slips: locate leaves `target` findings alone.
  const targets = opts.targets && opts.rules?.target !== 'off' ? checkTargets(shaped.annex, opts.targets) : undefined;
  const merged = duplicatesWithTheirSums([...withZerosDropped(shaped.findings), ...run.findings], shaped.annex, run.ran.has('sum'), run.skipped);
  // A target that was evaluated gives a finding (met or missed): then the check ran.
  const ran = new Set<string>([...run.ran, ...(targets && targets.findings.length > 0 ? ['target'] : [])]);
  const off = Object.entries(opts.rules ?? {}).filter(([, level]) => level === 'off').map(([rule]) => rule as RuleId);
  const findings = unknownReasonsOnce(missingWithChecksRan(relevel([...merged, ...(targets?.findings ?? [])].sort(compareFindings), opts.rules), ran, off));
  const budget = tableBudget();
  if (keptWhole(findings) > budget.findings) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'findings', limit: budget.findings });
  const skipped = withoutOffRules([...run.skipped, ...(targets?.skipped ?? [])], opts.rules);
  const asked = askedChecks(opts, shaped.annex);
  const coverage = fileCoverage(asked, ran, skipped, shaped.findings, shaped.annex.layout, notComparedOf(shaped.annex, new Set(asked.filter((id) => ran.has(id))), findings));
  const explainedSums = sumsLeftOut(findings);
  const localisation: Localisation = needsLocalising(findings) ? locate(shaped.annex, findings, { ...(off.length > 0 ? { off } : {}), ...(run.checked ? { checked: run.checked } : {}), ...(run.rateColumns ? { rateColumns: run.rateColumns } : {}), ...(explainedSums ? { explainedSums } : {}), ...(skipped.length > 0 ? { skipped } : {}), ...(shaped.grid ? { grid: shaped.grid } : {}) }) : NOTHING_TO_LOCALISE;
  return {
    annex: shaped.annex,
    findings,
    skipped,
    coverage,
    localisation,
    ...(targets ? { targetsUnmatched: targets.unmatched } : {}),
  };
}
