/**
 * The rule registry. Rule ids are a public contract (CI users filter and re-level by them); docs/rules.md
 * documents each. `number`, `missing`, `duplicate` and `unknown` are reported while reading the table;
 * `target` (rules/target.ts) and `continuity` (series/) run when targets or a series are given.
 */
import type { Annex, Unit, Units } from '../model/annex.js';
import { compareFindings, type Finding, type RuleId, type Severity, type Skip } from '../model/finding.js';
import { RELATION_KINDS } from '../relations/index.js';
import { Folds, summaryFinding, type Effect, type FoldRule } from './summary.js';
import { carries, type Rule, type RuleContext } from './types.js';
import { CheckedRelations } from '../relations/checked.js';
import { foldRateColumns } from '../relations/rate-column.js';
import { INDICATORS, type Indicator } from '../model/indicators.js';
import type { SkipRef } from '../model/message-ref.js';

/** Rules that check the table's arithmetic, in report order: the relation kinds (src/relations/). */
export const CHECK_RULES: readonly Rule[] = RELATION_KINDS;

/** Every rule id with its default severity (reading rules included). */
export const RULE_IDS: ReadonlyArray<{ id: RuleId; severity: Severity }> = [
  // The annex's checks, the reading rules, then the relations of the published shapes (added later: listed
  // last, so that reports that index rules keep their indexes).
  ...RELATION_KINDS.filter((r) => r.annex).map((r) => ({ id: r.id, severity: r.severity })),
  { id: 'number', severity: 'error' },
  { id: 'missing', severity: 'error' },
  { id: 'duplicate', severity: 'error' },
  { id: 'unknown', severity: 'warning' },
  { id: 'hierarchy', severity: 'error' },
  // Checked when the run gives them what they need: targets (rules/target.ts), a series of files (series/).
  { id: 'target', severity: 'error' },
  { id: 'continuity', severity: 'error' },
  ...RELATION_KINDS.filter((r) => !r.annex).map((r) => ({ id: r.id, severity: r.severity })),
  // Checked in plan documents (src/document/): the text's figures, its money, its references.
  { id: 'claim', severity: 'error' },
  { id: 'money', severity: 'error' },
  { id: 'reference', severity: 'warning' },
  // How a plan document's tables were read (src/document/tables.ts): a note, not a check.
  { id: 'split-table', severity: 'info' },
];

/**
 * Rules that only apply to some runs or tables (targets given, `--series`, a table with code and parent
 * columns, the relations of some published shapes): reports that list every rule per unit list them only for
 * the units they concern.
 */
export const OPTIONAL_RULES: readonly RuleId[] = [
  'hierarchy',
  'target',
  'continuity',
  // Relations only some tables have (src/relations/, `applicable`).
  ...RELATION_KINDS.filter((k) => !k.annex).map((k) => k.id),
  // Plan documents (src/document/).
  'claim',
  'money',
  'reference',
  'split-table',
];

export interface RuleRun {
  findings: Finding[];
  skipped: Skip[];
  /** The rules that compared at least one value (the file's coverage, model/coverage.ts). */
  ran: Set<RuleId>;
  /** The relations checked and each one's findings, when asked (`keep`): locate reuses them. */
  checked?: CheckedRelations;
  /** Rate columns whose every rate failed, folded into one finding each (relations/rate-column.ts): locate leaves them out. */
  rateColumns?: ReadonlySet<Indicator>;
}

/**
 * The rules the table can run at all. A rule whose inputs the table does not carry is skipped once for the
 * table (recorded in `skipped`), not per unit.
 */
export function applicableRules(annex: Annex, rules: readonly Rule[], skipped: Skip[]): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    // A relation this table has nothing for is not asked of it (and not reported as skipped).
    if (!appliesTo(rule, annex)) continue;
    const missing = lackedNeeds(rule, annex);
    if (missing && !rule.applies?.(annex)) {
      skipped.push(absentSkip(rule, missing));
      continue;
    }
    out.push(rule);
  }
  return out;
}

/**
 * What the table lacks of the rule's `needs` when it lacks something of every group (each group is one way the rule
 * can compare), in the annex's order, so that the same lack is stated the same way whatever else the table lacks;
 * undefined when a group is there whole (or the rule needs nothing).
 */
function lackedNeeds(rule: Rule, annex: Annex): Indicator[] | undefined {
  if (rule.needs.length === 0 || rule.needs.some((group) => carries(annex, group))) return undefined;
  const lacked = new Set(rule.needs.flat().filter((i) => !annex.indicators.includes(i)));
  return [...INDICATORS.filter((i) => lacked.delete(i)), ...lacked];
}

const absentSkip = (rule: Rule, indicators: Indicator[]): Skip => ({ rule: rule.id, msg: { id: 'skip.absent', params: { indicators } } });

/**
 * A check that did not run at all is one line of "not checked": its reasons for the whole table said together
 * (`rate-change` of a table printing the poor's and the near-poor's reductions without their rates was listed twice
 * under "1 check not run"), and the coverage's reason is all of them, not the first. A check that ran keeps each
 * of its skips: each is a place it left out, counted as such.
 */
export function oneReasonPerCheckNotRun(skipped: readonly Skip[], ran: ReadonlySet<RuleId>): Skip[] {
  const wholeTable = new Map<RuleId, Skip[]>();
  for (const s of skipped) if (s.unit === undefined && !ran.has(s.rule)) wholeTable.set(s.rule, [...(wholeTable.get(s.rule) ?? []), s]);
  const out: Skip[] = [];
  for (const s of skipped) {
    const same = s.unit === undefined ? wholeTable.get(s.rule) : undefined;
    if (!same || same.length < 2) out.push(s);
    else if (same[0] === s) out.push({ ...s, msg: reasonsTogether(same.map((x) => x.msg)) });
  }
  return out;
}

/** Several reasons as one: the indicators a table lacks named once, changes against one unprinted year together, else each in turn. */
function reasonsTogether(msgs: readonly SkipRef[]): SkipRef {
  const distinct = [...new Map(msgs.map((m) => [JSON.stringify(m), m])).values()];
  if (distinct.length === 1) return distinct[0]!;
  const absent = distinct.filter((m): m is SkipRef<'skip.absent'> => m.id === 'skip.absent');
  if (absent.length === distinct.length) return { id: 'skip.absent', params: { indicators: [...new Set(absent.flatMap((m) => m.params.indicators))] } };
  const based = distinct.filter((m): m is SkipRef<'skip.base-year'> => m.id === 'skip.base-year');
  const year = based[0]?.params.year;
  if (based.length === distinct.length && based.every((m) => m.params.year === year)) {
    return { id: 'skip.base-year', params: { indicator: based[0]!.params.indicator, year: year!, also: based.slice(1).map((m) => m.params.indicator) } };
  }
  return { id: 'skip.several', params: { reasons: distinct } };
}

/** Each table's answers to `applicable`, asked by the rules, the file's coverage and locate alike. */
const APPLICABLE = new WeakMap<Annex, Map<RuleId, boolean>>();

/** Whether `rule` is asked of this table (`Rule.applicable`; every table without one), found once per table. */
export function appliesTo(rule: Rule, annex: Annex): boolean {
  if (!rule.applicable) return true;
  let known = APPLICABLE.get(annex);
  if (!known) APPLICABLE.set(annex, (known = new Map()));
  let applies = known.get(rule.id);
  if (applies === undefined) known.set(rule.id, (applies = rule.applicable(annex)));
  return applies;
}

const DEPTHS = new WeakMap<Units, (unit: Unit | number) => number>();

/** `depthOf` once per table's units (the rules, then locate on the table and on corrected copies of it). */
export function depthOfTable(annex: Annex): (unit: Unit | number) => number {
  let depth = DEPTHS.get(annex.units);
  if (!depth) DEPTHS.set(annex.units, (depth = depthOf(annex)));
  return depth;
}

/** Depth of each unit from its parent chain (parents are resolved and acyclic by then). */
export function depthOf(annex: Annex): (unit: Unit | number) => number {
  const { units } = annex;
  const memo = new Int32Array(units.length).fill(-1);
  const chain: number[] = [];
  const depth = (unit: Unit | number): number => {
    const u = typeof unit === 'number' ? unit : unit.id;
    const known = memo[u]!;
    if (known >= 0) return known;
    // A root, or a unit whose parent's depth is known (rows top-down: nearly every unit): no chain to walk.
    const parent = units.parentOf(u);
    if (parent < 0) return (memo[u] = 0);
    const above = memo[parent]!;
    if (above >= 0) return (memo[u] = above + 1);
    // Iterative: a hostile table may be deep. `base` is the depth above the walked chain (-1 above a root).
    chain.length = 0;
    let base = -1;
    for (let cur = u; cur >= 0 && chain.length <= units.length; ) {
      const m: number = memo[cur]!;
      if (m >= 0) {
        base = m;
        break;
      }
      chain.push(cur);
      cur = units.parentOf(cur);
    }
    for (let i = chain.length - 1, d = base + 1; i >= 0; i--, d++) memo[chain[i]!] = d;
    return memo[u]!;
  };
  return depth;
}

/**
 * Runs every check rule on the annex. Pure: the same annex gives the same findings in the same order.
 * `keep`: the relations checked are kept with each one's findings (`checked`), for locate to reuse.
 */
export function runRules(annex: Annex, rules: readonly Rule[] = CHECK_RULES, opts: { keep?: boolean } = {}): RuleRun {
  const findings: Finding[] = [];
  const skipped: Skip[] = [];
  const folds = new Folds<Finding>();
  const ran = new Set<RuleId>();
  let lastChecked: RuleId | undefined;
  const keep = opts.keep ? new CheckedRelations(annex) : undefined;
  const ctx: RuleContext = {
    annex,
    report: keep
      ? (f) => {
          findings.push(f);
          keep.reported(f);
        }
      : (f) => findings.push(f),
    ...(keep ? { keep } : {}),
    skip: (s) => skipped.push(s),
    depth: depthOfTable(annex),
    fold: (rule: FoldRule, unit: Unit | number, note: (unit: number) => Finding, effect?: Effect) =>
      typeof unit === 'number' ? folds.add(rule, annex.units.parentOf(unit), note, effect, unit) : folds.add(rule, unit.parent ?? -1, note, effect, unit.id),
    // Called for every unit a check decides: the set is touched only when the rule changes.
    checked: (rule) => {
      if (rule !== lastChecked) ran.add((lastChecked = rule));
    },
  };
  // A table without units (a header alone, a blank form) gives no rule anything to check.
  if (annex.units.length === 0) skipped.push(...rules.map((rule): Skip => ({ rule: rule.id, msg: { id: 'skip.no-units', params: {} } })));
  else for (const rule of applicableRules(annex, rules, skipped)) rule.run(ctx);
  for (const slot of folds) {
    const parent = typeof slot.parent === 'number' ? annex.units.at(slot.parent) : undefined;
    findings.push(summaryFinding(slot.rule, parent?.name ?? '', slot.count, slot.winner));
  }
  findings.sort(compareFindings);
  const columns = foldRateColumns(annex, findings);
  return { findings: columns.findings, skipped: oneReasonPerCheckNotRun(skipped, ran), ran, ...(keep ? { checked: keep } : {}), ...(columns.columns.size > 0 ? { rateColumns: columns.columns } : {}) };
}
