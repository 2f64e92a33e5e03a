/**
 * Units with `code` and `parent` columns form a tree of any depth (province → district → commune, or
 * province → commune since July 2025). This resolves each unit's parent and reports what breaks the tree:
 * duplicate codes, unknown parents, cycles (one finding per loop) and orphans (units outside the tree, in no sum).
 */
import type { Finding } from '../model/finding.js';
import { isTotalName } from './aliases.js';
import type { DraftUnit } from './draft.js';

export interface Tree {
  /** parent[i]: index of unit i's parent, or undefined for a root. */
  parent: Array<number | undefined>;
  /** The root of the tree: the unit labelled as total, else the only root. */
  total: number | undefined;
}

/** Units of a loop named in its finding; a longer loop is counted, not listed (a report stays small). */
export const LOOP_EXCERPT = 5;

/**
 * A loop of parents as one finding's parameters: the loop from the unit it is reported at (the member listed
 * first in the table), its first LOOP_EXCERPT codes, and how many units it has.
 */
export function loopParams(unit: string, codes: readonly string[], first: number): { unit: string; codes: string[]; count: number } {
  const excerpt: string[] = [];
  for (let k = 0; k < Math.min(LOOP_EXCERPT, codes.length); k++) excerpt.push(codes[(first + k) % codes.length]!);
  return { unit, codes: excerpt, count: codes.length };
}

export function resolveTree(units: readonly DraftUnit[], findings: Finding[], isTotal: (name: string) => boolean = isTotalName): Tree {
  const byCode = new Map<string, number>();
  units.forEach((u, i) => {
    if (!u.code) return;
    const first = byCode.get(u.code);
    if (first === undefined) {
      byCode.set(u.code, i);
      return;
    }
    const at = u.codeCell ?? u.cell;
    findings.push({
      rule: 'duplicate',
      severity: 'error',
      ...(at ? { at } : {}),
      unit: u.name,
      msg: { id: 'duplicate.code', params: { code: u.code, unit: u.name, first: units[first]!.name } },
    });
  });

  const parent: Array<number | undefined> = units.map(() => undefined);
  const flagged = new Set<number>();
  units.forEach((u, i) => {
    if (!u.parentCode) return;
    const p = byCode.get(u.parentCode);
    if (p === undefined || p === i) {
      flagged.add(i);
      const at = u.parentCell ?? u.cell;
      findings.push({
        rule: 'hierarchy',
        severity: 'error',
        ...(at ? { at } : {}),
        unit: u.name,
        msg: p === i ? { id: 'hierarchy.cycle', params: loopParams(u.name, [u.parentCode], 0) } : { id: 'hierarchy.unknown-parent', params: { unit: u.name, parent: u.parentCode } },
      });
      return;
    }
    parent[i] = p;
  });

  // Cycles: follow parents from each unit; a unit met twice on one walk closes a loop, reported once (at
  // its member listed first). Cut the loop at every member so the rest of the tree stays checkable.
  const state = new Uint8Array(units.length); // 0 unvisited, 1 on the current walk, 2 done
  for (let start = 0; start < units.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = parent[i];
    }
    if (i !== undefined && state[i] === 1) {
      const loop = walk.slice(walk.indexOf(i));
      const codes = loop.map((k) => units[k]!.code ?? units[k]!.name);
      const first = loop.indexOf(Math.min(...loop));
      const u = units[loop[first]!]!;
      const at = u.parentCell ?? u.cell;
      findings.push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: u.name, msg: { id: 'hierarchy.cycle', params: loopParams(u.name, codes, first) } });
      for (const k of loop) {
        parent[k] = undefined;
        flagged.add(k);
      }
    }
    for (const k of walk) state[k] = 2;
  }

  const roots = units.map((_, i) => i).filter((i) => parent[i] === undefined && !flagged.has(i));
  const hasChildren = new Set(parent.filter((p): p is number => p !== undefined));
  let total = roots.find((i) => isTotal(units[i]!.name));
  if (total === undefined) {
    const withChildren = roots.filter((i) => hasChildren.has(i));
    if (withChildren.length === 1) total = withChildren[0];
    else if (roots.length === 1) total = roots[0];
  }
  for (const i of roots) {
    if (i === total) continue;
    const u = units[i]!;
    const at = u.parentCell ?? u.codeCell ?? u.cell;
    findings.push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: u.name, msg: { id: 'hierarchy.orphan', params: { unit: u.name } } });
  }
  return { parent, total };
}
