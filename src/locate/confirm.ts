/**
 * Confirming a cause with the rules themselves (not the checks' forms): on the corrected table, the errors
 * explained must be gone and no new error appear. A relation's findings depend on its own cells only, so
 * only the relations that read a cell of a changed unit can change theirs: the rules are run on those, on
 * the table before and after the correction (a table with recomputed formulas, where a change reaches any
 * cell, is run whole). Rules' folded summaries (rules/summary.ts) are infos and play no part.
 */
import type { Annex, Unit, Units } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import { applicableRules, depthOfTable, runRules } from '../rules/index.js';
import { RELATION_KINDS, type AnyKind } from '../relations/index.js';
import type { InstanceContext } from '../relations/scope.js';
import type { Relation } from '../relations/types.js';
import type { CheckedRelations } from '../relations/checked.js';
import { scopeOf, tableFacts } from './table.js';

/**
 * The rules that can report errors: denominator and precision only warn, and a warning neither blocks a cause nor
 * is one it explains. (precision's `applicable` reads every unit's rates: on a corrected copy, whose values are an
 * overlay without the columns, that was a million units read one `Value` at a time, about 8 % of such a run.)
 */
const CONFIRM_RULES: readonly AnyKind[] = RELATION_KINDS.filter((r) => r.severity === 'error');

/** A finding's identity across runs, whatever level the configuration gives its rule. */
export type FindingKey = string;
export const keyOf = (f: Finding): FindingKey => `${f.rule}|${f.at?.ref ?? ''}|${f.unit ?? ''}|${f.indicator ?? ''}|${f.msg.id}`;

// What depends on the table's units only is found once: a corrected table has the same units.
const APPLICABLE = new WeakMap<Units, readonly AnyKind[]>();

/**
 * The rules that apply to the table. On a table whose rules' run was kept (`checked`, over a table of the same
 * units: the table itself or a corrected copy), those it ran: runRules runs every applicable rule and records
 * each one's run (kept, or `unkept`), so the kinds it ran are the applicable ones, not asked again.
 */
function confirmRules(annex: Annex, checked: CheckedRelations | undefined): readonly AnyKind[] {
  let rules = APPLICABLE.get(annex.units);
  if (!rules) {
    rules = checked?.annex.units === annex.units ? CONFIRM_RULES.filter((k) => checked.ran(k.id)) : (applicableRules(annex, CONFIRM_RULES, []) as AnyKind[]);
    APPLICABLE.set(annex.units, rules);
  }
  return rules;
}

/** Every finding of the rules that can report errors, on the whole table. */
export function findingsOfTable(annex: Annex): Finding[] {
  return runRules(annex, CONFIRM_RULES).findings;
}

/**
 * The findings of the relations that read a cell of these units (the rules that can report errors). On the
 * table the rules checked (`checked`), their verdicts: the findings each of those relations reported then;
 * on a corrected copy of it, the rules run again, those the rules ran on the original.
 */
export function findingsNear(annex: Annex, units: readonly Unit[], checked?: CheckedRelations): Finding[] {
  const findings: Finding[] = [];
  if (annex.units.length === 0) return findings;
  const ids = new Set(units.map((u) => u.id));
  const list = [...ids];
  let ctx: InstanceContext | undefined;
  for (const kind of confirmRules(annex, checked)) {
    const kept = checked?.annex === annex ? checked.of(kind.id) : undefined;
    if (kept) {
      for (const i of checked!.reading(kind.id, list)) findings.push(...(kept.findings[i] ?? []));
      continue;
    }
    ctx ??= {
      annex,
      report: (f) => findings.push(f),
      skip: () => {},
      depth: depthOfTable(annex),
      fold: () => {},
      checked: () => {},
      scope: scopeOf(annex, tableFacts(annex), units),
    };
    // Those the kind's first test shows to hold are not made (no finding either way).
    const c = ctx;
    kind.eachToCheck(c, (inst: Relation) => {
      if (inst.cells.some((v) => ids.has(v.unit))) kind.check(inst, c);
    });
  }
  return findings;
}
