/**
 * Budget tables of a plan document (kinh phí, nguồn vốn, in triệu or tỷ đồng) as totals and parts, for the money
 * check (money.ts), which checks and localises them together with the text's amounts:
 *
 * - rows: the total row (`Tổng cộng`, `Tổng số`, `Cộng` …) is the sum of the rows of the outermost level, and a
 *   row is the sum of the rows under it, by their numbering in the STT column or the label (`I`, `1`, `1.1`,
 *   `a`, `-`, `+`): all of them when there are two or more, at least one when there is one ("of which");
 * - columns: a total column (`Tổng`, `Tổng số`, `Cộng` …) is the sum of the number columns right of it when a
 *   header over them says they are its parts (`Trong đó`, `Chia ra`, `Bao gồm`, `Gồm`) or names kinds of money
 *   (`Vốn …`, `Ngân sách …`, `Nguồn …`); otherwise columns are not added up (plan / estimate / % columns are not).
 *
 * A table is a budget table when it is not a poverty table and its header, its first rows or the paragraph
 * before it give a unit of money (`ĐVT: triệu đồng`). Cells are figures like the text's, named by their cell.
 * Pure.
 */
import type { DocTable, DocParagraph } from '../model/document.js';
import { type Grid, type Cell, cellText } from '../model/grid.js';
import { proseNumber } from './prose.js';
import { type Amount, type MoneyUnit, type Relation, moneyMultiplier } from './money.js';

const UNIT = /(triệu|tỷ|tỉ|nghìn|ngàn)\s*(?:đồng|đ\b|vnđ)|\btrđ\b|tr\.\s?đ/iu;
const TOTAL_LABEL = /^(?:t[ổo]ng\s*(?:c[ộo]ng|s[ốo]|kinh\s+phí|v[ốo]n|nhu\s+cầu)?|c[ộo]ng)(?!\p{L})/iu;
const PARTS_HEADER = /trong\s+đó|chia\s+ra|bao\s+gồm|(?<!\p{L})gồm(?!\p{L})/iu;
const KIND_HEADER = /^(?:v[ốo]n|ngân\s+sách|nguồn|ns)(?!\p{L})/iu;

function unitOf(text: string): MoneyUnit | undefined {
  const m = UNIT.exec(text);
  if (!m) return undefined;
  const w = (m[1] ?? 'triệu').toLowerCase();
  return w === 'tỷ' || w === 'tỉ' ? 'tỷ đồng' : w === 'nghìn' || w === 'ngàn' ? 'nghìn đồng' : 'triệu đồng';
}

/** The level of a row's numbering: I (1), 1 (2), 1.1 (3), a (4), - or + (5); undefined when it has none. */
function levelOf(stt: string): number | undefined {
  const t = stt.trim();
  if (/^[IVXLC]+\.?$/u.test(t)) return 1;
  if (/^\d{1,3}\.?$/u.test(t)) return 2;
  if (/^\d{1,3}\.\d{1,3}\.?$/u.test(t)) return 3;
  if (/^[a-zđ][.)]?$/u.test(t)) return 4;
  if (/^[-–+•*]$/u.test(t)) return 5;
  return undefined;
}

/** A label's own numbering ("Dự án 1", "1. …", "- …") when the table has no STT column. */
function labelLevel(label: string): number | undefined {
  const m = /^(?:([IVXLC]+)\.|(\d{1,3})[.)]|(\d{1,3}\.\d{1,3})\.?|([a-zđ])\)|([-–+•*]))\s/u.exec(label);
  if (!m) return /^dự\s+án\s+\d/iu.test(label) ? 2 : undefined;
  return m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : m[4] ? 4 : 5;
}

/** A figure of a budget table: a number, or a dash for none (0), as budget tables write it. */
const DASH = /^[-–—]$/u;
const isNumber = (t: string) => proseNumber(t) !== undefined || DASH.test(t);
const figureOf = (t: string) => proseNumber(DASH.test(t) ? '0' : t)!;

interface Row {
  index: number;
  label: string;
  level?: number;
  total: boolean;
  cells: Map<number, Cell>;
}

/** A budget table's figures and the totals they form; undefined when it is not a budget table. */
export function readBudgetTable(table: DocTable, before: DocParagraph | undefined, firstId: number): { amounts: Amount[]; relations: Relation[] } | undefined {
  const g: Grid = table.grid;
  const text = (r: number, c: number) => cellText(g.rows[r]?.[c]);
  const width = Math.max(0, ...g.rows.map((r) => r.length));
  const firstData = g.rows.findIndex((row) => row.some((c, i) => i > 0 && c !== undefined && proseNumber(cellText(c)) !== undefined));
  if (firstData < 0) return undefined;
  // A column's header: its header rows' texts, a text merged down counted once.
  const header = (c: number) => [...new Set(Array.from({ length: firstData }, (_, r) => text(r, c)).filter((t) => t !== ''))].join(' ');
  const headerText = Array.from({ length: Math.min(firstData + 1, g.rows.length) }, (_, r) => Array.from({ length: width }, (_, c) => text(r, c)).join(' ')).join(' ');
  const tableUnit = unitOf(headerText) ?? (before ? unitOf(before.text) : undefined);
  if (!tableUnit) return undefined;

  const data = Array.from({ length: g.rows.length - firstData }, (_, k) => firstData + k);
  // The STT column: short numbering in column 0; the label column: the most text among the data rows.
  const sttCol = data.filter((r) => levelOf(text(r, 0)) !== undefined).length * 2 >= data.length ? 0 : undefined;
  const columns = Array.from({ length: width }, (_, c) => c).filter((c) => c !== sttCol);
  const textual = (c: number) => data.filter((r) => text(r, c) !== '' && !isNumber(text(r, c))).length;
  const labelCol = columns.reduce((best, c) => (textual(c) > textual(best) ? c : best), columns[0] ?? 0);
  const numeric = columns.filter((c) => c !== labelCol && data.filter((r) => isNumber(text(r, c))).length * 2 >= data.length && !/%|tỷ\s+lệ/iu.test(header(c)));
  if (numeric.length === 0) return undefined;

  const rows: Row[] = data.map((r) => {
    const label = text(r, labelCol);
    const level = sttCol !== undefined ? levelOf(text(r, sttCol)) : labelLevel(label);
    const cells = new Map<number, Cell>();
    for (const c of numeric) {
      const cell = g.rows[r]?.[c];
      if (cell && isNumber(cellText(cell))) cells.set(c, cell);
    }
    return { index: r, label, ...(level !== undefined ? { level } : {}), total: TOTAL_LABEL.test(label) && level === undefined, cells };
  });

  const amounts: Amount[] = [];
  const byCell = new Map<Cell, Amount>();
  const amountOf = (row: Row, c: number): Amount | undefined => {
    const cell = row.cells.get(c);
    if (!cell) return undefined;
    const known = byCell.get(cell);
    if (known) return known;
    const n = figureOf(cellText(cell));
    const unit = unitOf(header(c)) ?? tableUnit;
    const head = header(c).replace(PARTS_HEADER, '').replace(/^[\s:,-]+/u, '');
    const a: Amount = { ...n, id: firstId + amounts.length, start: 0, end: 0, cell, unit, dong: n.num.mul(moneyMultiplier(unit)), label: `${row.label || '…'}${head ? ` — ${head}` : ''}`.slice(0, 80), depth: 0 };
    amounts.push(a);
    byCell.set(cell, a);
    return a;
  };
  const relations: Relation[] = [];
  const relate = (total: Amount | undefined, parts: Array<Amount | undefined>, exact: boolean) => {
    const ps = parts.filter((p): p is Amount => p !== undefined);
    if (total && ps.length > 0 && ps.length === parts.length) relations.push({ total, parts: ps, exact });
  };

  // Rows: each numbered row is the sum of the rows under it; the total row the sum of the outermost level.
  const levels = rows.map((r) => r.level).filter((l): l is number => l !== undefined);
  const top = levels.length > 0 ? Math.min(...levels) : undefined;
  rows.forEach((row, i) => {
    if (row.level === undefined) return;
    const children: Row[] = [];
    let childLevel: number | undefined;
    for (const next of rows.slice(i + 1)) {
      if (next.level === undefined || next.total || next.level <= row.level) break;
      childLevel ??= next.level;
      if (next.level === childLevel) children.push(next);
    }
    if (children.length === 0) return;
    for (const c of numeric) relate(amountOf(row, c), children.map((ch) => amountOf(ch, c)), children.length >= 2);
  });
  const totalRow = rows.find((r) => r.total);
  if (totalRow && top !== undefined) {
    const outer = rows.filter((r) => r.level === top);
    if (outer.length > 0) for (const c of numeric) relate(amountOf(totalRow, c), outer.map((r) => amountOf(r, c)), outer.length >= 2);
  }

  // Columns: a total column and the parts a header says are its parts.
  const totalCol = numeric.find((c) => TOTAL_LABEL.test(header(c)) || /(?<!\p{L})(?:t[ổo]ng\s+s[ốo]|c[ộo]ng)(?!\p{L})/iu.test(header(c)));
  if (totalCol !== undefined) {
    const right = numeric.filter((c) => c > totalCol);
    const saidParts = Array.from({ length: firstData }, (_, r) => Array.from({ length: width }, (_, c) => text(r, c))).some((row) => row.some((t, c) => c > totalCol && PARTS_HEADER.test(t)));
    const kinds = right.length >= 2 && right.every((c) => KIND_HEADER.test(header(c).replace(PARTS_HEADER, '').replace(/^[\s:,-]+/u, '')));
    if (right.length >= 2 && (saidParts || kinds)) {
      for (const row of rows) relate(amountOf(row, totalCol), right.map((c) => amountOf(row, c)), true);
    }
  }
  if (relations.length === 0) return undefined;
  return { amounts, relations };
}
