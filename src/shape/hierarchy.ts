/**
 * Units with `code` and `parent` columns form a tree of any depth (province → district → commune, or
 * province → commune since July 2025). This resolves each unit's parent and reports what breaks the tree:
 * duplicate codes, unknown parents, cycles (one finding per loop) and orphans (units outside the tree, in no sum).
 */
import type { Finding } from '../model/finding.js';
import { isTotalName } from './aliases.js';
import type { DraftUnit } from './draft.js';
import type { Cell } from '../model/grid.js';
import { digitCode } from '../model/pool.js';

export interface Tree {
  /** parent[i]: index of unit i's parent, or -1 for a root (a typed array: no heap object per unit). */
  parent: Int32Array;
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

/** The units a tree is resolved over: a shape's draft units, or a long table's columns (model/long-table.ts). */
export interface TreeUnits {
  readonly length: number;
  name(i: number): string;
  code(i: number): string | undefined;
  /** `code(i)` as model/pool.ts `digitCode` gives it when it is one to eight digits (a positive integer), else -1. */
  codeDigits(i: number): number;
  parentCode(i: number): string | undefined;
  cell(i: number): Cell | undefined;
  codeCell(i: number): Cell | undefined;
  parentCell(i: number): Cell | undefined;
}

/** Draft units as TreeUnits. */
export function draftTree(units: readonly DraftUnit[]): TreeUnits {
  return {
    length: units.length,
    name: (i) => units[i]!.name,
    code: (i) => units[i]!.code || undefined,
    codeDigits: (i) => digitsOf(units[i]!.code ?? ''),
    parentCode: (i) => units[i]!.parentCode || undefined,
    cell: (i) => units[i]!.cell,
    codeCell: (i) => units[i]!.codeCell,
    parentCell: (i) => units[i]!.parentCell,
  };
}

/** `digitCode` as a key: positive for one to eight digits, else -1 (the text is then compared as a string). */
const digitsOf = (code: string): number => {
  const d = digitCode(code);
  return d > 0 ? d : -1;
};

/**
 * The first unit of each code, without a string kept per unit: an open-addressing table of one typed array,
 * per slot the code's key beside its unit (one cache line read per slot tried). A code of one to eight digits
 * is keyed by its integer (`codeDigits`, positive: equal keys are equal codes, so a match reads nothing of the
 * unit); any other code by its string's hash with the sign bit set (never a digits key), compared again with
 * its unit's code when the keys match. (A `Map` of a national table's million codes held about 50 MB of heap
 * while the tree was resolved.)
 */
class CodeIndex {
  /** Slot s: its key at 2s, its unit + 1 at 2s + 1 (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly units: TreeUnits) {
    let size = 16;
    while (size < units.length * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The first unit listed with `code`, else undefined (and `add`, when given, becomes it). */
  first(code: string, add?: number): number | undefined {
    const digits = digitsOf(code);
    return digits > 0 ? this.firstDigits(digits, add) : this.firstText(code, add);
  }

  /** `first` of a code of digits given as its `digitCode` (`digits` > 0). */
  firstDigits(digits: number, add?: number): number | undefined {
    const slots = this.slots;
    for (let slot = mixed(digits) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return this.taken(slot, digits, add);
      if (slots[2 * slot] === digits) return id;
    }
  }

  private firstText(code: string, add?: number): number | undefined {
    const h = hashOf(code);
    const key = h | 0x80000000;
    const slots = this.slots;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return this.taken(slot, key, add);
      if (slots[2 * slot] === key && this.units.code(id) === code) return id;
    }
  }

  /** An empty slot reached: `add` takes it when given. */
  private taken(slot: number, key: number, add: number | undefined): undefined {
    if (add !== undefined) {
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = add + 1;
    }
    return undefined;
  }
}

/** FNV-1a over the UTF-16 code units, then mixed. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mixed(h);
}

/** murmur3's finaliser, so that the low bits spread. */
function mixed(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Each unit's parent and the tree's total, the tree's faults reported. In phases, one function each (a national
 * table's million units go through each loop once; a long function's later loops, compiled with its first one
 * before they had run, were compiled again after each had run).
 */
export function resolveTree(units: TreeUnits, findings: Finding[], isTotal: (name: string) => boolean = isTotalName): Tree {
  const byCode = firstOfEachCode(units, findings);
  const parent = new Int32Array(units.length).fill(-1);
  const flagged = new Uint8Array(units.length);
  findParents(units, byCode, parent, flagged, findings);
  cutLoops(units, parent, flagged, findings);
  return { parent, total: totalAndOrphans(units, parent, flagged, findings, isTotal) };
}

/** The first unit of each code; a later unit with a code already listed is reported (`duplicate.code`). */
function firstOfEachCode(units: TreeUnits, findings: Finding[]): CodeIndex {
  const n = units.length;
  const byCode = new CodeIndex(units);
  for (let i = 0; i < n; i++) {
    const digits = units.codeDigits(i);
    let first: number | undefined;
    if (digits > 0) first = byCode.firstDigits(digits, i);
    else {
      const text = units.code(i);
      if (!text) continue;
      first = byCode.first(text, i);
    }
    if (first === undefined) continue;
    const code = units.code(i)!;
    const at = units.codeCell(i) ?? units.cell(i);
    const name = units.name(i);
    findings.push({
      rule: 'duplicate',
      severity: 'error',
      ...(at ? { at } : {}),
      unit: name,
      msg: { id: 'duplicate.code', params: { code, unit: name, first: units.name(first) } },
    });
  }
  return byCode;
}

/** `parent[i]`: the unit of unit i's parent code; a code no unit has, or the unit's own, is reported and `flagged`. */
function findParents(units: TreeUnits, byCode: CodeIndex, parent: Int32Array, flagged: Uint8Array, findings: Finding[]): void {
  const n = units.length;
  let lastCode: string | undefined;
  let lastParent: number | undefined;
  for (let i = 0; i < n; i++) {
    const parentCode = units.parentCode(i);
    if (!parentCode) continue;
    // Rows of one parent follow each other: its code is looked up once for them.
    const p = parentCode === lastCode ? lastParent : byCode.first(parentCode);
    lastCode = parentCode;
    lastParent = p;
    if (p === undefined || p === i) {
      flagged[i] = 1;
      const at = units.parentCell(i) ?? units.cell(i);
      const name = units.name(i);
      findings.push({
        rule: 'hierarchy',
        severity: 'error',
        ...(at ? { at } : {}),
        unit: name,
        msg: p === i ? { id: 'hierarchy.cycle', params: loopParams(name, [parentCode], 0) } : { id: 'hierarchy.unknown-parent', params: { unit: name, parent: parentCode } },
      });
      continue;
    }
    parent[i] = p;
  }
}

/**
 * Cycles: follow parents from each unit; a unit met twice on one walk closes a loop, reported once (at its
 * member listed first). The loop is cut at every member (and they are `flagged`) so the rest of the tree stays
 * checkable.
 */
function cutLoops(units: TreeUnits, parent: Int32Array, flagged: Uint8Array, findings: Finding[]): void {
  const n = units.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on the current walk, 2 done
  // The current walk: its first `walked` entries (the array is reused, never shortened: no allocation per unit).
  const walk: number[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    let walked = 0;
    let i = start;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      walk[walked++] = i;
      i = parent[i]!;
    }
    if (i >= 0 && state[i] === 1) reportLoop(units, walk.slice(walk.indexOf(i), walked), parent, flagged, findings);
    for (let k = 0; k < walked; k++) state[walk[k]!] = 2;
  }
}

/** One loop of parents (`loop`, in walking order): reported at its member listed first, and cut. */
function reportLoop(units: TreeUnits, loop: number[], parent: Int32Array, flagged: Uint8Array, findings: Finding[]): void {
  const codes = loop.map((k) => units.code(k) ?? units.name(k));
  let first = 0;
  for (let k = 1; k < loop.length; k++) if (loop[k]! < loop[first]!) first = k;
  const u = loop[first]!;
  const at = units.parentCell(u) ?? units.cell(u);
  const name = units.name(u);
  findings.push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: name, msg: { id: 'hierarchy.cycle', params: loopParams(name, codes, first) } });
  for (const k of loop) {
    parent[k] = -1;
    flagged[k] = 1;
  }
}

/**
 * The tree's total: the root labelled as total, else the only root with children, else the only root. Every
 * other root not already reported is an orphan (`hierarchy.orphan`).
 */
function totalAndOrphans(units: TreeUnits, parent: Int32Array, flagged: Uint8Array, findings: Finding[], isTotal: (name: string) => boolean): number | undefined {
  const n = units.length;
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i]! < 0 && flagged[i] === 0) roots.push(i);
  const hasChildren = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) hasChildren[parent[i]!] = 1;
  let total = roots.find((i) => isTotal(units.name(i)));
  if (total === undefined) {
    const withChildren = roots.filter((i) => hasChildren[i] === 1);
    if (withChildren.length === 1) total = withChildren[0];
    else if (roots.length === 1) total = roots[0];
  }
  for (const i of roots) {
    if (i === total) continue;
    const at = units.parentCell(i) ?? units.codeCell(i) ?? units.cell(i);
    const name = units.name(i);
    findings.push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: name, msg: { id: 'hierarchy.orphan', params: { unit: name } } });
  }
  return total;
}
