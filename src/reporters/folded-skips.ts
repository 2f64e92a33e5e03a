/**
 * The checks not run, as a person reads them: a check skipped at one unit for blank cells once per indicator (a
 * review summary gives its columns for the total only: "sum (Toàn tỉnh): B3 … B10 are blank", then C, E, G, I) is
 * one line naming each column's run of cells as a range (`B3:B10, C3:C10, E3:E10 …`). The JSON report keeps one
 * skip per indicator (a contract); the text and HTML reports show these.
 */
import type { Skip } from '../model/finding.js';
import { parseA1 } from '../model/grid.js';
import { parseSheetRef } from '../model/sheet-ref.js';
import type { SkipRef } from '../model/message-ref.js';

/** `'Phụ lục'!B3` → its sheet ('' for none) and 0-based row and column (model/grid.ts `parseA1`); undefined for another form (a Word table's `T1R3C4`). */
function placeOf(ref: string): { sheet: string; row: number; col: number } | undefined {
  const { sheet, ref: cell } = parseSheetRef(ref);
  const at = parseA1(cell);
  return at && { sheet: sheet ?? '', ...at };
}

/** Consecutive cells of one column as `first:last`; anything else as they are. */
function asRange(cells: readonly string[]): string[] {
  if (cells.length < 3) return [...cells];
  const places = cells.map(placeOf);
  const first = places[0];
  if (!first || !places.every((p, i) => p !== undefined && p.sheet === first.sheet && p.col === first.col && p.row === first.row + i)) return [...cells];
  const last = cells[cells.length - 1]!;
  return [`${cells[0]}:${parseSheetRef(last).ref}`];
}

const isBadValue = (msg: SkipRef): msg is SkipRef<'skip.bad-value'> => msg.id === 'skip.bad-value';
const blankCells = (sk: Skip) => (isBadValue(sk.msg) && sk.msg.params.blank === true ? sk.msg.params.cells : undefined);

/** By column, then row, as the table lays them out (a reference of another form keeps its place at the end). */
function byPlace(a: string, b: string): number {
  const p = placeOf(a.split(':')[0]!);
  const q = placeOf(b.split(':')[0]!);
  if (!p || !q) return p ? -1 : q ? 1 : 0;
  return p.sheet.localeCompare(q.sheet) || p.col - q.col || p.row - q.row;
}

const keyOf = (sk: Skip) => `${sk.rule}\u0000${sk.unit ?? ''}`;

/** The skips in their order, those of one check and unit for blank cells (two or more) folded into the first. */
export function foldedSkips(skipped: readonly Skip[]): Skip[] {
  const groups = new Map<string, string[]>();
  const counts = new Map<string, number>();
  for (const sk of skipped) {
    const cells = blankCells(sk);
    if (cells === undefined) continue;
    const key = keyOf(sk);
    const list = groups.get(key);
    if (list) list.push(...asRange(cells));
    else groups.set(key, asRange(cells));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: Skip[] = [];
  const done = new Set<string>();
  for (const sk of skipped) {
    const key = keyOf(sk);
    if (blankCells(sk) === undefined || (counts.get(key) ?? 0) < 2) out.push(sk);
    else if (!done.has(key)) {
      done.add(key);
      // A cell two partitions of one parent share (the parent's own blank cell, E2 under blocks and under communes) once.
      out.push({ ...sk, msg: { id: 'skip.bad-value', params: { cells: [...new Set(groups.get(key))].sort(byPlace), blank: true } } });
    }
  }
  return out;
}
