/**
 * The checks not run, as a person reads them: a check skipped at one unit for blank cells once per indicator (a
 * review summary gives its columns for the total only: "sum (Toàn tỉnh): B3 … B10 are blank", then C, E, G, I) is
 * one line naming each column's run of cells as a range (`B3:B10, C3:C10, E3:E10 …`). The JSON report keeps one
 * skip per indicator (a contract); the text and HTML reports show these.
 */
import type { Skip } from '../model/finding.js';
import type { SkipRef } from '../model/message-ref.js';

/** `Sheet!B3` → its sheet prefix, column letters and row number; undefined for other references (a Word table's). */
const REF = /^(.*!)?([A-Z]{1,3})(\d+)$/;

/** Consecutive cells of one column or one row as `first:last`; anything else as they are. */
function asRange(cells: readonly string[]): string[] {
  if (cells.length < 3) return [...cells];
  const parts = cells.map((c) => REF.exec(c));
  if (parts.some((p) => p === null)) return [...cells];
  const [first] = parts as RegExpExecArray[];
  const sameColumn = parts.every((p, i) => p![1] === first![1] && p![2] === first![2] && Number(p![3]) === Number(first![3]) + i);
  const last = parts[parts.length - 1]!;
  return sameColumn ? [`${cells[0]}:${last[2]}${last[3]}`] : [...cells];
}

const isBadValue = (msg: SkipRef): msg is SkipRef<'skip.bad-value'> => msg.id === 'skip.bad-value';
const blankCells = (sk: Skip) => (isBadValue(sk.msg) && sk.msg.params.blank === true ? sk.msg.params.cells : undefined);

/** By column, then row, as the table lays them out (a reference of another form keeps its place at the end). */
function byPlace(a: string, b: string): number {
  const p = REF.exec(a.split(':')[0]!);
  const q = REF.exec(b.split(':')[0]!);
  if (!p || !q) return p ? -1 : q ? 1 : 0;
  return (p[1] ?? '').localeCompare(q[1] ?? '') || p[2]!.length - q[2]!.length || (p[2]! < q[2]! ? -1 : p[2]! > q[2]! ? 1 : 0) || Number(p[3]) - Number(q[3]);
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
      out.push({ ...sk, msg: { id: 'skip.bad-value', params: { cells: groups.get(key)!.sort(byPlace), blank: true } } });
    }
  }
  return out;
}
