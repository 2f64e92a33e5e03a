/**
 * Planting slips for the localisation tests: slip generators (one per kind), a fast planter that changes
 * one value of a shaped annex (as if the cell had been typed so), and the checks the issue asks for.
 */
import { Dec } from '../../src/calc/decimal.js';
import { rate } from '../../src/calc/annex-math.js';
import { OverlayValues, type Annex, type Value } from '../../src/model/annex.js';
import { indicatorKind, type Indicator } from '../../src/model/indicators.js';
import { parseNumber } from '../../src/shape/numbers.js';
import { runRules } from '../../src/rules/index.js';
import { compareFindings } from '../../src/model/finding.js';
import { locate, type LocateOptions } from '../../src/locate/index.js';
import type { Cause, Localisation } from '../../src/locate/types.js';
import { fixtures } from '../helpers.js';

export type PlantKind = 'transposition' | 'mistyped' | 'dropped' | 'doubled' | 'separator' | 'share' | 'reduction-share' | 'off-by-one' | 'times-ten';

export interface Slip {
  kind: PlantKind;
  /** The text typed into the cell, in the Vietnamese number format. */
  text: string;
}

const vi = (plain: string) => fixtures.formatNumber(plain, 'vi');

/** Every slip of every kind for a value (plain digits), as typed in a Vietnamese-format table. */
export function slipsOf(plain: string, ind: Indicator, unitPlain: (i: Indicator) => string | undefined): Slip[] {
  const kind = indicatorKind(ind);
  const out: Slip[] = [];
  const add = (k: PlantKind, p: string) => {
    if (!/^-?\d+(\.\d+)?$/.test(p) || /^-?0\d/.test(p)) return;
    if (new Dec(p).eq(new Dec(plain))) return;
    out.push({ kind: k, text: vi(p) });
  };
  const [int, frac] = plain.split('.') as [string, string | undefined];
  const digits = frac === undefined ? int : int + frac;
  const back = (d: string) => (frac === undefined ? d : `${d.slice(0, d.length - frac.length)}.${d.slice(d.length - frac.length)}`);
  for (let i = 0; i + 1 < digits.length; i++) if (digits[i] !== digits[i + 1]) add('transposition', back(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)));
  for (let i = 0; i < digits.length; i++) {
    for (const d of [(Number(digits[i]) + 1) % 10, (Number(digits[i]) + 9) % 10, 7]) add('mistyped', back(digits.slice(0, i) + d + digits.slice(i + 1)));
    if (kind === 'count' && digits.length > 1) add('dropped', digits.slice(0, i) + digits.slice(i + 1));
    if (kind === 'count') add('doubled', digits.slice(0, i + 1) + digits[i] + digits.slice(i + 1));
  }
  if (kind === 'rate' && frac !== undefined) {
    // A dropped / doubled decimal digit keeps the number a rate.
    for (let i = 0; i < frac.length; i++) add('dropped', `${int}.${frac.slice(0, i) + frac.slice(i + 1)}`.replace(/\.$/, ''));
    for (let i = 0; i < frac.length; i++) add('doubled', `${int}.${frac.slice(0, i + 1) + frac[i] + frac.slice(i + 1)}`);
  }
  add('off-by-one', new Dec(plain).plus(kind === 'count' ? 1 : '0.01').toFixed(frac?.length ?? 0));
  add('off-by-one', new Dec(plain).minus(kind === 'count' ? 1 : '0.01').toFixed(frac?.length ?? 0));
  add('times-ten', kind === 'count' ? `${plain}0` : new Dec(plain).mul(10).toFixed(frac?.length ?? 0));
  if (kind === 'count' && Number(plain) >= 1000) {
    // 2.750 typed 2,75: the thousands separator typed as the decimal mark (trailing zeros dropped).
    const sep = new Dec(plain).div(1000).toFixed();
    out.push({ kind: 'separator', text: sep.replace('.', ',') });
  }
  if (kind === 'rate' && !new Dec(plain).isZero()) out.push({ kind: 'share', text: new Dec(plain).div(100).toFixed((frac?.length ?? 0) + 2).replace('.', ',') });
  if (ind === 'rate_reduced') {
    const r = unitPlain('poor_reduced');
    const h0 = unitPlain('households_start');
    if (r && h0) {
      const share = rate(new Dec(r), new Dec(h0))!;
      if (!share.eq(new Dec(plain))) out.push({ kind: 'reduction-share', text: share.toFixed(2).replace('.', ',') });
    }
  }
  return out.filter((s) => s.text !== vi(plain));
}

/** The annex with one cell typed as `text` (Vietnamese format), as the shape stage would read it. */
export function plantText(annex: Annex, unit: number, ind: Indicator, text: string): Annex {
  const old = annex.values.row(unit)[ind]!;
  const p = parseNumber(text, 'vi', indicatorKind(ind));
  const cell = { ...old.cell, raw: text };
  const v: Value = p.ok
    ? { ...old, cell, text, status: 'ok', num: p.num, plain: p.plain, decimals: p.decimals }
    : { indicator: ind, unit, cell, text, status: 'invalid' };
  const values = new OverlayValues(annex.values, new Map([[unit, { ...annex.values.row(unit), [ind]: v }]]));
  return { ...annex, values };
}

export function run(annex: Annex, opts: LocateOptions = {}): { findings: ReturnType<typeof runRules>['findings']; loc: Localisation } {
  const findings = runRules(annex).findings.sort(compareFindings);
  return { findings, loc: locate(annex, findings, opts) };
}

/** Whether a cause proposes `original` for `ref` alone (exactly, or within its range when the checks leave one). */
export function proposesAlone(c: Cause, ref: string, original: string): boolean {
  if (c.cells.length !== 1 || c.cells[0]!.cell.ref !== ref) return false;
  const cell = c.cells[0]!;
  if (c.pinned) return cell.proposed !== undefined && new Dec(cell.proposed).eq(new Dec(original));
  const o = new Dec(original);
  return (cell.range?.min === undefined || o.gte(cell.range.min)) && (cell.range?.max === undefined || o.lte(cell.range.max));
}

/** Cells of a cause whose slip is not recognised: the ranking's first key. */
export const unrecognised = (c: Cause) => c.cells.filter((x) => !x.kind).length;

/**
 * The Done-when property for one planted single-cell error: either exactly that cell with the original value
 * (unique), or several explanations (ranked or ambiguous) with the planted cell among them. Never a
 * confident wrong answer. Returns a problem description, or undefined when it holds.
 */
export function doneWhenProblem(loc: Localisation, ref: string, original: string): string | undefined {
  if (loc.status !== 'found') return `status ${loc.status}`;
  const first = loc.causes[0]!;
  if (first.confidence === 'unique') {
    if (loc.causes.length !== 1) return 'unique but several listed';
    if (!first.pinned) return `unique but not pinned (range ${JSON.stringify(first.cells[0]!.range)})`;
    if (!proposesAlone(first, ref, original)) return `confident wrong answer: ${first.cells.map((c) => `${c.cell.ref}=${c.proposed}`).join(',')}`;
    return undefined;
  }
  if (loc.causes.length < 2 && loc.more === 0) return `${first.confidence} with a single cause`;
  if (!loc.causes.some((c) => proposesAlone(c, ref, original))) return `planted cell not among ${loc.causes.length} explanations`;
  return undefined;
}
