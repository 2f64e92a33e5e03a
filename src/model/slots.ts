/**
 * A slot is one series of values of a table: an indicator (model/vocabulary.ts) and the dimensions the table
 * gives it besides the unit: a year, a poverty standard, a from/to bound of a target range, a breakdown or
 * "of which" row. Values are kept per unit and slot; the slot key is a plain string, so that a table without
 * dimensions (the annex) keeps its indicator keys as slot keys:
 *
 *   rate                          the poverty rate at a point
 *   rate@2015~2016-2020           … in 2015, under the 2016–2020 (multidimensional) standard
 *   rate_reduced_target:min       the lower end of a target range ("Từ")
 *   poor_exited/chuyen sang ho can ngheo   a breakdown row under the households that left poverty
 */
import type { Cell } from './grid.js';

type Indicator = string;

/** The poverty standards tables name ("chuẩn nghèo giai đoạn 2011–2015", "tiếp cận đa chiều 2016–2020", "2022–2025"). */
export type Standard = string;

export interface SlotDims {
  readonly year?: string;
  readonly standard?: Standard;
  readonly bound?: 'min' | 'max';
  /** A breakdown or "of which" row's own words (folded), under its parent slot. */
  readonly part?: string;
}

export interface ParsedSlot extends SlotDims {
  readonly indicator: string;
}

export function slotKey(indicator: string, dims: SlotDims = {}): string {
  let k = indicator;
  if (dims.year !== undefined) k += `@${dims.year}`;
  if (dims.standard !== undefined) k += `~${dims.standard}`;
  if (dims.bound !== undefined) k += `:${dims.bound}`;
  if (dims.part !== undefined) k += `/${dims.part}`;
  return k;
}

const SLOT = /^([a-z_]+)(?:@([^~:/]+))?(?:~([^:/]+))?(?::(min|max))?(?:\/(.+))?$/;

/** The indicator and dimensions of a slot key (a plain indicator key has none). */
export function parseSlot(key: string): ParsedSlot {
  // A plain indicator key (letters a–z and '_'): what SLOT's match gives, without the match and the spreads (asked
  // for every value read; a start-up's young generation).
  if (isPlainIndicator(key)) return { indicator: key };
  const m = SLOT.exec(key);
  if (!m) return { indicator: key };
  return {
    indicator: m[1]!,
    ...(m[2] !== undefined ? { year: m[2] } : {}),
    ...(m[3] !== undefined ? { standard: m[3] } : {}),
    ...(m[4] !== undefined ? { bound: m[4] as 'min' | 'max' } : {}),
    ...(m[5] !== undefined ? { part: m[5] } : {}),
  };
}

function isPlainIndicator(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x5f)) return false;
  }
  return true;
}

/** The indicator of a slot key. */
export function indicatorOf(key: string): string {
  return parseSlot(key).indicator;
}

/** The same slot with another indicator (a rate's count, a count's households). */
export function withIndicator(key: string, indicator: string): string {
  const { indicator: _old, ...dims } = parseSlot(key);
  return slotKey(indicator, dims);
}

/** The same slot with more (or other) dimensions. */
export function withDims(key: string, dims: SlotDims): string {
  const { indicator, ...old } = parseSlot(key);
  return slotKey(indicator, { ...old, ...dims });
}

export function dimsOf(key: string): SlotDims {
  const { indicator: _i, ...dims } = parseSlot(key);
  return dims;
}

/** Whether a slot key carries dimensions besides its indicator. */
export function hasDims(key: string): boolean {
  return parseSlot(key).indicator !== key;
}

/** A slot that is a row under another slot (wide layout). */
export interface SubSlot {
  readonly parent: Indicator;
  /**
   * `breakdown`: the rows add up to the parent; `of-which`: each at most it; `listed`: read and printed, related by
   * nothing (a gross flow alone under a net reduction: `- Số hộ thoát nghèo` may exceed `Số hộ nghèo giảm`).
   */
  readonly relation: 'breakdown' | 'of-which' | 'listed';
  /** A gross in-flow in the breakdown of a net reduction (`- Số hộ nghèo mới phát sinh`): the reduction subtracts it. */
  readonly inFlow?: true;
  /** Which breakdown of the parent the row is in, when it has several (by destination, then `phân theo dân tộc`). */
  readonly group?: number;
  /** The heading row without figures the breakdown is listed under (`Hộ nghèo phân theo dân tộc`), as printed. */
  readonly heading?: string;
}

/** A column formula as printed: the slot it computes, and its expression with slot keys in place of column numbers. */
export interface SlotFormula {
  readonly slot: Indicator;
  readonly cell: Cell;
  /** As printed, e.g. "3/1*100". */
  readonly text: string;
  /** Column number as printed → the slot of that column (absent when the column is not an indicator). */
  readonly refs: ReadonlyMap<string, Indicator>;
}
