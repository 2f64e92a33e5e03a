/**
 * Money in the plan's text: amounts ("210.679 triệu đồng", "1,5 tỷ đồng") form a hierarchy, and every total
 * must equal its parts in the unit it is stated in (the parts' sum, converted, rounded half-up to the
 * total's decimals). The hierarchy is read from the way plans write it:
 *
 *   "Tổng kinh phí dự kiến khoảng: 210.679 triệu đồng. Trong đó:"   a total opening a list;
 *   "- Dự án 1. …: 79.381 triệu đồng (vốn đầu tư phát triển 70.756 triệu đồng, vốn sự nghiệp 15.617 triệu đồng)."
 *                                                                    a list item (a part), whose bracket lists
 *                                                                    its own parts (kinds of capital);
 *   "… 100 tỷ đồng, trong đó: ngân sách trung ương 60 tỷ đồng, …"  parts after "trong đó" in the sentence.
 *
 * A bracket lists all the parts; a single part after "trong đó" may be only one of them ("of which"), so it
 * must not exceed its total but need not equal it.
 *
 * When totals do not add up, the smallest explanation is looked for as error localisation does for tables
 * (src/locate/): one figure whose corrected value makes every failing total hold without breaking another.
 * Each figure is solved exactly (the values it may take form an interval, one per total it is in); one such
 * figure is the likely cause (ranked by the typing slips of locate/slips.ts when there are several), and the
 * failing totals it explains are reported once, at it. Pure.
 */
import { Dec } from '../calc/decimal.js';
import type { Finding, Skip } from '../model/finding.js';
import type { MoneyFigure, MoneyRelation } from '../model/finding-detail.js';
import type { DocParagraph } from '../model/document.js';
import { type Cell, displayRef } from '../model/grid.js';
import { slipKind, type SlipKind } from '../locate/slips.js';
import type { MoneyText } from '../model/message-ref.js';
import { NUMBER, placeOf, proseNumber, type ProseNumber } from './prose.js';

export type MoneyUnit = 'đồng' | 'nghìn đồng' | 'triệu đồng' | 'tỷ đồng';

const MULTIPLIER: Record<MoneyUnit, Dec> = {
  đồng: new Dec(1),
  'nghìn đồng': new Dec(1_000),
  'triệu đồng': new Dec(1_000_000),
  'tỷ đồng': new Dec(1_000_000_000),
};

/** Đồng per unit. */
export const moneyMultiplier = (u: MoneyUnit): Dec => MULTIPLIER[u];

export interface Amount extends ProseNumber {
  id: number;
  /** Where it is stated: a paragraph (offsets of the number in it), or a budget table's cell. */
  paragraph?: DocParagraph;
  start: number;
  end: number;
  cell?: Cell;
  unit: MoneyUnit;
  /** The value in đồng. */
  dong: Dec;
  label: string;
  depth: number;
  /** Stated as a bound ("trên 68 tỷ đồng", "hơn", "gần", "ít nhất"): no total with it can be checked. */
  bound?: boolean;
}

/** A total and its parts; `exact`: the parts are all of it (a bracket, or two or more after "trong đó"). */
export interface Relation {
  total: Amount;
  parts: Amount[];
  exact: boolean;
}

const AMOUNT = new RegExp(String.raw`(${NUMBER})\s*(?:(triệu|tỷ|tỉ|nghìn|ngàn)\s*(?:đồng|VNĐ|VND|đ)|(trđ|tr\.\s?đ|tr\.?\s?đồng)|(đồng|VNĐ|VND))(?![\p{L}\d])`, 'giu');
const UNIT_WORD: Record<string, MoneyUnit> = { triệu: 'triệu đồng', tỷ: 'tỷ đồng', tỉ: 'tỷ đồng', nghìn: 'nghìn đồng', ngàn: 'nghìn đồng' };
const PARTS_FOLLOW = /(?:trong\s+đó|bao\s+gồm|\bgồm\b|cụ\s+thể|như\s+sau|chi\s+tiết)/iu;
/** A list item's marker: a dash or bullet, a letter (`a)`), or a number (`1.`, `2)`: typed, or Word's list numbers). */
const LIST_ITEM = /^(?:([-–—+•*])|[a-zđ]\)|(\d{1,2})[.)](?!\d))\s*/u;

/** The kind of a list item's marker (dashes by their character; letters all one kind, `a)`, `b)`, `c)`; numbers one kind) and a number's value. */
function itemMarker(text: string): { kind: string; number?: number } | undefined {
  const m = LIST_ITEM.exec(text);
  if (!m) return undefined;
  if (m[1]) return { kind: m[1] };
  return m[2] ? { kind: '1.', number: Number(m[2]) } : { kind: 'a)' };
}
const MAX_LABEL = 60;

/** "- Dự án 1. Chương trình 30a:" → "Dự án 1. Chương trình 30a". */
function tidyLabel(text: string): string {
  let t = text.replace(LIST_ITEM, '').replace(/[\s:–—-]+$/u, '').replace(/\s+(?:khoảng|là|dự\s+kiến\s+khoảng|ước|ước\s+tính)$/iu, '').trim();
  t = t.replace(/^[,;()]+\s*/u, '').replace(/^(?:trong\s+đó|bao\s+gồm|gồm)\s*:?\s*/iu, '').trim();
  return t.length <= MAX_LABEL ? t : `${t.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

/** How far back a label is looked for: labels are short, and a long paragraph must not be scanned again per amount. */
const LABEL_WINDOW = 240;
const MONEY_HINT = /đồng|vnđ|vnd|trđ|tr\.\s?đ/iu;
const BOUND = /(?:trên|hơn|gần|xấp\s+xỉ|ít\s+nhất|tối\s+thiểu|dưới)\s*$/iu;

/** The amounts of one paragraph, with their bracket depth and label (the words before them in their clause). */
function amountsOf(p: DocParagraph, firstId: number): Amount[] {
  const out: Amount[] = [];
  if (!MONEY_HINT.test(p.text)) return out;
  let boundary = 0;
  let depth = 0;
  let scanned = 0;
  let lastOpen = -1;
  for (const m of p.text.matchAll(AMOUNT)) {
    const n = proseNumber(m[1]!);
    if (!n) continue;
    // The number opens the match.
    const at = [m.index, m.index + m[1]!.length] as const;
    // Brackets are counted once along the paragraph, up to each amount.
    for (; scanned < at[0]; scanned++) {
      const c = p.text.charCodeAt(scanned);
      if (c === 0x28) {
        depth++;
        lastOpen = scanned;
      } else if (c === 0x29 && depth > 0) depth--;
    }
    const unit: MoneyUnit = m[2] ? UNIT_WORD[m[2].toLowerCase()]! : m[3] ? 'triệu đồng' : 'đồng';
    const from = Math.max(boundary, at[0] - LABEL_WINDOW);
    const before = p.text.slice(from, at[0]);
    const sentenceEnd = [...before.matchAll(/\p{L}[.!?]\s+(?=\p{Lu})/gu)].at(-1);
    // The label runs back to the amount before, the bracket it is in, or the start of its sentence.
    const cut = Math.max(from, depth > 0 && lastOpen >= from ? lastOpen + 1 : from, from + before.lastIndexOf(';') + 1, sentenceEnd ? from + sentenceEnd.index + sentenceEnd[0].length : from);
    const bound = BOUND.test(p.text.slice(Math.max(0, at[0] - 16), at[0]));
    out.push({ ...n, id: firstId + out.length, paragraph: p, start: at[0], end: at[1], unit, dong: n.num.mul(MULTIPLIER[unit]), label: tidyLabel(p.text.slice(cut, at[0]).replace(BOUND, '')), depth, ...(bound ? { bound } : {}) });
    boundary = m.index + m[0].length;
  }
  return out;
}

/** Reads the amounts of the text and the totals they form. */
export function readMoney(paragraphs: readonly DocParagraph[]): { amounts: Amount[]; relations: Relation[] } {
  const amounts: Amount[] = [];
  const relations = new Map<number, Relation>();
  const relate = (total: Amount, part: Amount, exact: boolean) => {
    const r = relations.get(total.id) ?? { total, parts: [], exact };
    r.parts.push(part);
    r.exact ||= exact;
    relations.set(total.id, r);
  };
  // An open list: its total, and the item marker it runs on.
  let list: { total: Amount; marker?: string; number?: number; lastItem?: Amount } | undefined;
  for (const p of paragraphs) {
    const found = amountsOf(p, amounts.length);
    amounts.push(...found);
    const top = found.filter((a) => a.depth === 0);
    // Brackets right after an amount list its parts.
    for (const a of found.filter((x) => x.depth === 0)) {
      const after = p.text.slice(a.end).replace(AMOUNT_TAIL, '');
      if (!/^\s*\(/u.test(after)) continue;
      const open = a.end + p.text.slice(a.end).indexOf('(');
      const close = closingBracket(p.text, open);
      for (const b of found) if (b.depth === 1 && b.start > open && b.start < close) relate(a, b, true);
    }
    // "… X, trong đó Y, Z": later top-level amounts of the paragraph are parts of X.
    let inline = false;
    for (let i = 0; i + 1 < top.length; i++) {
      if (!PARTS_FOLLOW.test(p.text.slice(top[i]!.end, top[i + 1]!.start))) continue;
      for (const b of top.slice(i + 1)) relate(top[i]!, b, false);
      inline = true;
      break;
    }
    // List items of an open list. A numbered paragraph is an item only in a list numbered 1, 2, 3 …; after
    // another kind of item, or out of sequence, it is the next numbered part of the plan and ends the list.
    const marker = itemMarker(p.text);
    if (list && (p.heading || !marker || (marker.number !== undefined && marker.number !== (list.marker === undefined ? 1 : list.number! + 1)))) list = undefined;
    if (list && marker && top[0]) {
      if (list.marker === undefined) list.marker = marker.kind;
      if (marker.kind === list.marker) {
        relate(list.total, top[0], false);
        list.lastItem = top[0];
        list.number = marker.number;
      } else if (list.lastItem) relate(list.lastItem, top[0], false);
    }
    // A paragraph ending "… 210.679 triệu đồng. Trong đó:" opens a list.
    const last = top.at(-1);
    if (last && !inline && /:\s*$/u.test(p.text) && PARTS_FOLLOW.test(p.text.slice(last.end))) list = { total: last };
  }
  // Several parts after "trong đó" are all of the total; one may be only part of it.
  const out = [...relations.values()].sort((a, b) => a.total.id - b.total.id).map((r) => ({ ...r, exact: r.exact || r.parts.length >= 2 }));
  return { amounts, relations: out };
}

/** The unit words after an amount's number. */
const AMOUNT_TAIL = /^\s*(?:(?:triệu|tỷ|tỉ|nghìn|ngàn)\s*(?:đồng|VNĐ|VND|đ)|trđ|tr\.\s?đ|tr\.?\s?đồng|đồng|VNĐ|VND)/iu;

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

const half = (decimals: number) => new Dec(5).div(new Dec(10).pow(decimals + 1));
const stepOf = (a: Amount) => MULTIPLIER[a.unit].div(new Dec(10).pow(a.decimals));

/** The parts' sum in the total's unit (exact), and rounded to the total's decimals. */
function sumIn(r: Relation): { exact: Dec; rounded: Dec } {
  const exact = r.parts.reduce((s, a) => s.plus(a.dong), new Dec(0)).div(MULTIPLIER[r.total.unit]);
  return { exact, rounded: exact.toDecimalPlaces(r.total.decimals, Dec.ROUND_HALF_UP) };
}

export function holds(r: Relation): boolean {
  if (!r.exact) return r.parts[0]!.dong.lte(r.total.dong);
  return sumIn(r).rounded.eq(r.total.num);
}

/** Values of `a` (in đồng) that make `r` hold, as [lo, hi) or a point. */
function allowed(a: Amount, r: Relation): { lo: Dec; hi: Dec; point: boolean } {
  const m = MULTIPLIER[r.total.unit];
  if (a === r.total) {
    const v = sumIn(r).exact.toDecimalPlaces(a.decimals, Dec.ROUND_HALF_UP).mul(m);
    return { lo: v, hi: v, point: true };
  }
  const others = r.parts.filter((b) => b !== a).reduce((s, b) => s.plus(b.dong), new Dec(0));
  const h = half(r.total.decimals);
  return { lo: r.total.num.minus(h).mul(m).minus(others), hi: r.total.num.plus(h).mul(m).minus(others), point: false };
}

interface Candidate {
  amount: Amount;
  /** In the amount's own unit. */
  proposed: Dec;
  pinned: boolean;
  kind?: SlipKind;
}

/** The value of `a`, at its own precision, that makes every total it is in hold; undefined when none does. */
function solveFigure(a: Amount, rels: readonly Relation[]): Candidate | undefined {
  let lo = new Dec(-Infinity);
  let hi = new Dec(Infinity);
  let point: Dec | undefined;
  for (const r of rels) {
    const iv = allowed(a, r);
    if (iv.point) {
      if (point && !point.eq(iv.lo)) return undefined;
      point = iv.lo;
    } else {
      if (iv.lo.gt(lo)) lo = iv.lo;
      if (iv.hi.lt(hi)) hi = iv.hi;
    }
  }
  const step = stepOf(a);
  let value: Dec;
  let pinned: boolean;
  if (point) {
    if (point.lt(lo) || point.gte(hi)) return undefined;
    value = point;
    pinned = true;
  } else {
    value = lo.div(step).ceil().mul(step);
    if (value.gte(hi)) return undefined;
    pinned = value.plus(step).gte(hi);
  }
  if (value.eq(a.dong) || value.lt(0)) return undefined;
  if (value.isZero()) value = new Dec(0); // never "-0"

  return { amount: a, proposed: value.div(MULTIPLIER[a.unit]), pinned };
}

/** Money figures are whole amounts for the digit slips (transposed, mistyped, dropped, doubled digits). */
function slipOf(c: Candidate): SlipKind | undefined {
  return slipKind(c.amount, c.proposed, { indicator: 'households_start', kind: 'count', rateDp: 2, unitValue: () => undefined });
}

export interface MoneyCheck {
  findings: Finding[];
  skipped: Skip[];
  /** Totals checked, amounts read. */
  totals: number;
  amounts: number;
  /** Totals not checked because they, or their parts, are stated as bounds. */
  bounded: number;
}

const figureOf = (a: Amount): MoneyFigure => ({ label: a.label, value: a.plain, ...(a.paragraph ? { paragraph: a.paragraph.number } : {}), ...(a.cell ? { cell: displayRef(a.cell) } : {}) });
/** A finding's location: the quoted sentence, or the budget table's cell. */
const locationOf = (a: Amount): Pick<Finding, 'at' | 'place'> => (a.paragraph ? { place: placeOf(a.paragraph, a.start, a.end) } : a.cell ? { at: a.cell } : {});
const textOf = (a: Amount): MoneyText => ({ label: a.label, value: a.plain, unit: a.unit });

function relationJson(r: Relation): MoneyRelation {
  return { total: figureOf(r.total), parts: r.parts.map(figureOf), sum: sumIn(r).exact.toFixed(), holds: holds(r) };
}

/** Checks every total of the text's money against its parts, and localises the failures. */
export function checkMoney(paragraphs: readonly DocParagraph[], tables?: (firstId: number) => { amounts: Amount[]; relations: Relation[] }): MoneyCheck {
  const text = readMoney(paragraphs);
  const budget = tables?.(text.amounts.length) ?? { amounts: [], relations: [] };
  const read = { amounts: [...text.amounts, ...budget.amounts], relations: [...text.relations, ...budget.relations] };
  const amounts = read.amounts;
  // A total stated as a bound, or with bounds for parts ("trên 68 tỷ đồng"), says too little to be checked.
  const bounded = read.relations.filter((r) => r.total.bound || r.parts.some((p) => p.bound));
  const relations = read.relations.filter((r) => !bounded.includes(r));
  const out: MoneyCheck = { findings: [], skipped: [], totals: relations.length, amounts: amounts.length, bounded: bounded.length };
  if (bounded.length > 0) {
    const paragraph = bounded[0]!.total.paragraph?.number ?? 0;
    out.skipped.push({ rule: 'money', msg: { id: 'skip.money-bounds', params: { totals: bounded.length, paragraph } }, paragraph });
  }
  const failing = relations.filter((r) => !holds(r));
  for (const r of failing.filter((x) => !x.exact)) {
    out.findings.push({
      rule: 'money',
      severity: 'error',
      expected: r.total.plain,
      actual: r.parts[0]!.plain,
      ...locationOf(r.parts[0]!),
      msg: { id: 'money.part-exceeds', params: { total: textOf(r.total), part: textOf(r.parts[0]!) } },
      detail: { rule: 'money', unit: r.total.unit, relations: [relationJson(r)] },
    });
  }
  const sums = failing.filter((r) => r.exact);
  if (sums.length === 0) {
    if (failing.length === 0 && relations.length > 0) {
      out.findings.push({ rule: 'money', severity: 'info', msg: { id: 'money.consistent', params: { totals: relations.length, amounts: amounts.length } } });
    }
    return out;
  }
  const exactRels = relations.filter((r) => r.exact);
  const inRel = (a: Amount, r: Relation) => r.total === a || r.parts.includes(a);
  const candidates: Candidate[] = [];
  for (const a of amounts) {
    if (!sums.every((r) => inRel(a, r))) continue;
    const c = solveFigure(a, exactRels.filter((r) => inRel(a, r)));
    // An "of which" part must still fit its total.
    if (c && relations.filter((r) => !r.exact && inRel(a, r)).every((r) => (r.total === a ? c.proposed.mul(MULTIPLIER[a.unit]).gte(r.parts[0]!.dong) : c.proposed.mul(MULTIPLIER[a.unit]).lte(r.total.dong)))) {
      const kind = slipOf(c);
      candidates.push(kind ? { ...c, kind } : c);
    }
  }
  const slipped = candidates.filter((c) => c.kind);
  const cause = candidates.length === 1 ? { c: candidates[0]!, confidence: 'unique' as const } : slipped.length === 1 ? { c: slipped[0]!, confidence: 'ranked' as const } : undefined;
  if (cause) {
    const a = cause.c.amount;
    const proposed = cause.c.proposed.toFixed(a.decimals);
    // Its own parts first, then the totals it is a part of.
    const explained = [...sums].sort((x, y) => Number(x.total !== a) - Number(y.total !== a)).map((r) => ({
      role: r.total === a ? ('total' as const) : ('part' as const),
      total: textOf(r.total),
      parts: r.parts.map(textOf),
      sum: sumIn(r).exact.toFixed(),
    }));
    out.findings.push({
      rule: 'money',
      severity: 'error',
      expected: proposed,
      actual: a.plain,
      ...locationOf(a),
      msg: { id: 'money.cause', params: { figure: textOf(a), proposed, confidence: cause.confidence, pinned: cause.c.pinned, relations: explained, ...(cause.c.kind ? { kind: cause.c.kind } : {}) } },
      detail: { rule: 'money', unit: a.unit, relations: sums.map(relationJson), cause: { figure: figureOf(a), proposed, confidence: cause.confidence } },
    });
    return out;
  }
  for (const r of sums) {
    const { exact } = sumIn(r);
    out.findings.push({
      rule: 'money',
      severity: 'error',
      expected: exact.toFixed(),
      actual: r.total.plain,
      ...locationOf(r.total),
      msg: {
        id: 'money.sum',
        params: { total: textOf(r.total), parts: r.parts.map(textOf), sum: exact.toFixed(), diff: r.total.num.minus(exact).toFixed(), candidates: candidates.filter((c) => inRel(c.amount, r)).map((c) => textOf(c.amount)) },
      },
      detail: { rule: 'money', unit: r.total.unit, relations: [relationJson(r)] },
    });
  }
  return out;
}
