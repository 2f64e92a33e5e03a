/**
 * Figures the plan's text states, in the standard phrasing of these plans, checked within their sentence and
 * against the document's poverty table:
 *
 *   "Tỷ lệ hộ nghèo … toàn tỉnh giảm 2,06% (từ 11,8% xuống còn 9,74%)."  → the total's reduction, start and
 *      end rates: 11,8 − 9,74 = 2,06 in the sentence, and each equal to the table's value at the precision the
 *      text writes (11,8 = 11,80);
 *   "Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên."       → a target per named unit
 *      (rate_reduced ≥ 4), checked by the `target` rule's own code (rules/target.ts), no targets file needed;
 *   "… giảm 4.188 hộ nghèo"                                               → poor households reduced.
 *
 * Sentences about near-poor or ethnic-minority households, multi-year averages ("bình quân", "/năm"), other
 * years than the plan's, and sections reporting past results are not read as claims: a plan states those
 * for other figures than its annex holds. A unit the table lacks is a finding; in a table whose header row
 * was lost no unit can be matched by name, which is said (and `--units` names the columns). Pure.
 */
import { Dec } from '../calc/decimal.js';
import { plannable, poorReduced, rate, rateReduction, valueWithExits, type TargetOp } from '../calc/annex-math.js';
import type { ClaimFigure } from '../model/finding-detail.js';
import type { Finding, Skip } from '../model/finding.js';
import type { SkipRef } from '../model/message-ref.js';
import type { Annex, Unit } from '../model/annex.js';
import type { DocParagraph } from '../model/document.js';
import type { Indicator } from '../model/indicators.js';
import { displayRef } from '../model/grid.js';
import { foldKey } from '../shape/normalize.js';
import { checkTargets } from '../rules/target.js';
import { isOk } from '../rules/types.js';
import { TOTAL_KEYWORD, resolveTargetUnit, type Target } from '../targets/index.js';
import { sameSpelling } from '../shape/spelling.js';
import { PovcheckError } from '../errors.js';
import { NUMBER, placeOf, proseNumber, roundedPlain, sentences, type ProseNumber } from './prose.js';

/** A poverty table of the document, as the claims see it. */
export interface ClaimTable {
  number: number;
  annex: Annex;
  /** Its header row was lost and no `--units` named its columns: no unit can be matched by name. */
  unnamed: boolean;
}

export interface ClaimsCheck {
  findings: Finding[];
  skipped: Skip[];
  /** Clauses with figures checked, and targets checked. */
  claims: number;
  targets: number;
  /** The tables' figures a clause compared (the table's number, the indicator): the coverage's `notCompared` leaves them out. */
  compared: Array<{ table: number; indicator: Indicator }>;
}

type ClaimIndicator = 'rate_start' | 'rate_end' | 'rate_reduced' | 'poor_reduced';

interface Stated extends ProseNumber {
  indicator: ClaimIndicator;
  op: TargetOp;
  /** Offsets of the number in the paragraph. */
  start: number;
  end: number;
}

type UnitRef = { kind: 'total' } | { kind: 'named'; name: string };

interface Clause {
  paragraph: DocParagraph;
  units: UnitRef[];
  figures: Stated[];
}

const RATE_SUBJECT = /t[ỷỉ]\s+l[ệe]\s+hộ\s+nghèo/giu;
const HAS_RATE_SUBJECT = /t[ỷỉ]\s+l[ệe]\s+hộ\s+nghèo/iu;
/** "theo chuẩn nghèo (tiếp cận) đa chiều giai đoạn 2016-2020": the standard, not the period of a figure. */
const STANDARD = /(?:theo\s+)?chuẩn\s+nghèo(?:\s+(?:tiếp\s+cận\s+)?đa\s+chiều)?(?:\s+(?:giai\s+đoạn|năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?)?/giu;
/** Figures of other groups or periods than the annex's. */
const OTHER_FIGURES = /cận\s+nghèo|dân\s+tộc\s+thiểu\s+số|\bDTTS\b|người\s+có\s+công|bình\s+quân|\/\s*năm|mỗi\s+năm|h[ằà]ng\s+năm|giai\s+đoạn/iu;
/** "so với (đầu) năm 2019", "so với cùng kỳ": the base a reduction is measured from, not the year of the figure. */
const COMPARED_WITH = /so\s+với\s+(?:(?:đầu|cuối)\s+)?(?:năm\s+\d{4}|cùng\s+kỳ(?:\s+năm\s+\d{4})?)/giu;
/** A clause that carries on the one before (the rate it speaks of): "Riêng …", "trong đó …", "huyện …", "toàn tỉnh …". */
const CARRIES_ON = /^\s*(?:riêng|trong\s+đó|(?:các\s+)?(?:huyện|xã|thị\s+xã|thành\s+phố|phường|thị\s+trấn)|toàn\s+(?:tỉnh|huyện))(?!\p{L})/iu;
/** Sections that report past results rather than set this year's figures. */
const PAST_SECTION = /kết\s+quả|đánh\s+giá|tình\s+hình/iu;
const POINTS = String.raw`(?:%|điểm\s*%|điểm\s+phần\s+trăm)`;
const NOT_RANGE = String.raw`(?!\s*[-–]\s*\d)`;

/** A copy of `text` with `re`'s matches blanked out, offsets kept. */
function masked(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/**
 * The figure in group `group` of a match. The groups before it cover everything the match holds before the
 * number, so its offset is their length (cheaper than the regex `d` flag on every match).
 */
function figure(offset: number, m: RegExpExecArray, group: number, indicator: ClaimIndicator, op: TargetOp): Stated | undefined {
  const n = proseNumber(m[group]!);
  if (!n) return undefined;
  let start = offset + m.index;
  for (let g = 1; g < group; g++) start += m[g]?.length ?? 0;
  return { ...n, indicator, op, start, end: start + m[group]!.length };
}

const FROM_TO = new RegExp(String.raw`(từ\s+)(${NUMBER})(\s*%\s+(?:năm\s+\d{4}\s+)?xuống\s+(?:còn\s+)?)(dưới\s+)?(${NUMBER})\s*%`, 'giu');
const AT_LEAST = [
  new RegExp(String.raw`(giảm\s+(?:được\s+)?từ\s+)(${NUMBER})\s*${POINTS}\s*trở\s+lên`, 'giu'),
  new RegExp(String.raw`(giảm\s+(?:được\s+)?(?:ít\s+nhất|tối\s+thiểu|trên)\s+)(${NUMBER})\s*${POINTS}${NOT_RANGE}`, 'giu'),
  new RegExp(String.raw`(giảm\s+(?:được\s+)?)(${NUMBER})\s*${POINTS}\s*trở\s+lên`, 'giu'),
];
const EXACT = new RegExp(String.raw`(giảm\s+(?:được\s+)?(?:khoảng\s+)?)(${NUMBER})\s*${POINTS}${NOT_RANGE}(?!\s*trở\s+lên)`, 'giu');
// "giảm … xuống 2,3% so với đầu năm" reads as a fall of 2,3 points in some plans: an end rate only without "so với".
const END_ONLY = new RegExp(String.raw`((?:xuống|còn)\s+(?:còn\s+)?)(dưới\s+)?(${NUMBER})\s*%${NOT_RANGE}(?!\s*so\s+với)`, 'giu');
const HOUSEHOLDS = new RegExp(String.raw`(giảm\s+(?:được\s+)?)(ít\s+nhất\s+|tối\s+thiểu\s+|trên\s+)?(${NUMBER})\s+hộ(?:\s+nghèo)?(?!\s+cận)`, 'giu');

/** The rate figures of a clause (its text with the subject phrases blanked). */
function rateFigures(offset: number, text: string): Stated[] {
  const out: Stated[] = [];
  let hasFromTo = false;
  for (const m of text.matchAll(FROM_TO)) {
    hasFromTo = true;
    const a = figure(offset, m, 2, 'rate_start', '=');
    const b = figure(offset, m, 5, 'rate_end', m[4] ? '<=' : '=');
    if (a) out.push(a);
    if (b) out.push(b);
  }
  const taken = new Set<number>();
  for (const re of AT_LEAST) {
    for (const m of text.matchAll(re)) {
      const f = figure(offset, m, 2, 'rate_reduced', '>=');
      if (f && !taken.has(f.start)) {
        taken.add(f.start);
        out.push(f);
      }
    }
  }
  for (const m of text.matchAll(EXACT)) {
    const f = figure(offset, m, 2, 'rate_reduced', '=');
    if (f && !taken.has(f.start)) out.push(f);
  }
  if (!hasFromTo) {
    for (const m of text.matchAll(END_ONLY)) {
      const f = figure(offset, m, 3, 'rate_end', m[2] ? '<=' : '=');
      if (f) out.push(f);
    }
  }
  return out;
}

/** "giảm 4.188 hộ nghèo" (not near-poor). */
function householdFigures(offset: number, text: string): Stated[] {
  const out: Stated[] = [];
  if (!/hộ\s+nghèo/iu.test(text)) return out;
  for (const m of text.matchAll(HOUSEHOLDS)) {
    const f = figure(offset, m, 3, 'poor_reduced', m[2] ? '>=' : '=');
    if (f && f.decimals === 0) out.push(f);
  }
  return out;
}

const NAME = String.raw`\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3}`;
const UNIT_CLASS = String.raw`(?<!\p{L})(?:[Hh]uyện|[Xx]ã|[Tt]hị\s+xã|[Tt]hành\s+phố|TP\.?|[Pp]hường|[Tt]hị\s+trấn|[Đđ]ơn\s+vị|[Đđ]ịa\s+phương)`;

const BRACKETED_UNITS = new RegExp(String.raw`${UNIT_CLASS}[^()]{0,40}?\(([^()]+)\)`, 'gu');
const WHOLE_NAME = new RegExp(`^${NAME}$`, 'u');
const LISTED_UNITS = new RegExp(String.raw`(?:các\s+)?${UNIT_CLASS}\s+(${NAME}(?:\s*(?:,|và)\s*${NAME})*)`, 'gu');

/** The units a clause names: the total ("toàn tỉnh", "cả nước"), names in brackets after "huyện …", or "huyện X, Y và Z". */
function unitsOf(text: string): UnitRef[] | undefined {
  const named: string[] = [];
  for (const m of text.matchAll(BRACKETED_UNITS)) {
    const names = m[1]!.split(/\s*(?:,|;|\svà\s)\s*/u).map((s) => s.trim());
    if (names.length > 0 && names.every((n) => WHOLE_NAME.test(n))) named.push(...names);
  }
  if (named.length === 0) {
    for (const m of text.matchAll(LISTED_UNITS)) named.push(...m[1]!.split(/\s*(?:,|\svà\s)\s*/u).map((s) => s.trim()));
  }
  if (named.length > 0) return [...new Set(named)].map((name) => ({ kind: 'named', name }));
  if (/(?:toàn|cả)\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|xã|nước|quốc)/iu.test(text)) return [{ kind: 'total' }];
  // "Riêng …" / "Trong đó …" without a name: a part of the total the text does not name.
  if (/^\s*(?:riêng|trong\s+đó)(?!\p{L})/iu.test(text)) return undefined;
  return [{ kind: 'total' }];
}

/**
 * A sentence's clauses: split at ";" and before ", riêng …" / ", trong đó …", and in a bracket "(riêng …)" (Lạng Sơn's
 * "giảm … từ 3% trở lên (riêng các huyện, các xã có tỷ lệ hộ nghèo cao phấn đấu giảm từ 4,5% trở lên)": the
 * bracket's figure is a part's, not the total's). Offsets in the paragraph.
 */
function clausesOf(text: string, start: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (const m of text.matchAll(/;\s+|(?:,\s+|\(\s*)(?=(?:riêng|trong\s+đó)(?!\p{L}))/giu)) {
    out.push({ text: text.slice(from, m.index + 1), start: start + from });
    from = m.index + m[0].length;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out.filter((c) => c.text.trim() !== '');
}

/** "Ủy ban nhân dân", "UBND" (a letterhead's issuer, case as typed). */
const ISSUER = String.raw`(?:UBND|[UỦuủ][YỶyỷ]\s+[Bb][Aa][Nn]\s+[Nn][Hh][ÂâAa][Nn]\s+[Dd][ÂâAa][Nn])`;
/** The classes of a unit that issues a plan. */
const OWN_CLASS = String.raw`(?:tỉnh|huyện|quận|thành\s+phố|thị\s+xã|xã|phường|thị\s+trấn)`;
/** Words that end a name in a title or letterhead ("… HUYỆN THĂNG BÌNH NĂM 2023", "XÃ HỘI", "CỘNG HÒA …"). */
const NOT_NAME = new Set(['năm', 'giai', 'đến', 'về', 'giảm', 'nghèo', 'hội', 'cộng', 'thực', 'và', 'trong', 'theo', 'của', 'trên', 'tại']);

/** Up to four capitalised words from the start of `text`: the name after a unit's class. */
function nameAt(text: string): string | undefined {
  const words: string[] = [];
  for (const m of text.matchAll(/\s*([^\s]+)/gu)) {
    const w = m[1]!;
    if (words.length === 4 || !/^\p{Lu}[\p{L}\p{M}]*$/u.test(w) || NOT_NAME.has(w.toLowerCase())) break;
    words.push(w);
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/**
 * The names of the unit whose document this is (without its class): its letterhead's "UBND HUYỆN THĂNG BÌNH"
 * (or "ỦY BAN NHÂN DÂN" over "HUYỆN THĂNG BÌNH", in a paragraph or in a letterhead table's cell, `letterhead`),
 * and its title's "… trên địa bàn huyện Thăng Bình". Read from the opening only, before the first heading and
 * the preamble ("Căn cứ …" cites other units' documents).
 */
export function ownUnitNames(paragraphs: readonly DocParagraph[], letterhead: readonly string[] = []): string[] {
  const out: string[] = [];
  const lines: Array<{ text: string; title: boolean }> = letterhead.flatMap((t) => t.split(/\r?\n/u)).map((text) => ({ text, title: false }));
  let afterKind = false;
  for (const [i, p] of paragraphs.slice(0, 12).entries()) {
    if (p.heading || /^\s*(?:căn\s+cứ|thực\s+hiện|theo|xét|ngày)(?!\p{L})/iu.test(p.text)) break;
    // The title: the first paragraph (a headline), the one that names the kind of document in capitals and the one after it.
    const kind = /^\s*(?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|BÁO\s+CÁO|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|CHỈ\s+THỊ)(?!\p{L})/u.test(p.text);
    lines.push({ text: p.text, title: i === 0 || kind || afterKind });
    afterKind = kind;
  }
  const issuerFirst = new RegExp(String.raw`^\s*${ISSUER}`, 'u');
  const issuerAlone = new RegExp(String.raw`^\s*${ISSUER}\s*$`, 'u');
  const letterheadLine = new RegExp(String.raw`^\s*(?:${ISSUER}\s+)?(${OWN_CLASS})\s+`, 'iu');
  const inTitle = new RegExp(String.raw`(?:trên\s+địa\s+bàn|của)\s+${OWN_CLASS}\s+`, 'giu');
  lines.forEach(({ text, title }, i) => {
    const head = letterheadLine.exec(text);
    // A letterhead line is typed in capitals; a class alone on it follows the issuer's line.
    if (head && text === text.toUpperCase() && (issuerFirst.test(text) || (i > 0 && issuerAlone.test(lines[i - 1]!.text)))) {
      const name = nameAt(text.slice(head[0].length));
      if (name) out.push(name);
    }
    if (!title) return;
    for (const m of text.matchAll(inTitle)) {
      const name = nameAt(text.slice(m.index + m[0].length));
      if (name) out.push(name);
    }
  });
  return [...new Set(out)];
}

/** Whether a named unit is the document's own unit (its name as the letterhead or title writes it, marks alike). */
function isOwnUnit(name: string, own: readonly string[]): boolean {
  const key = stripClass(foldKey(name));
  return own.some((o) => foldKey(o) === key && sameSpelling(o, name));
}

const stripClass = (k: string) => k.replace(/^(?:huyen|thi xa|thanh pho|tp|xa|phuong|thi tran)\s+/u, '');

/** The plan's year, from its title ("… NĂM 2020"). */
export function planYear(paragraphs: readonly DocParagraph[]): number | undefined {
  for (const p of paragraphs.slice(0, 8)) {
    // Not "đến năm 2020" nor "giai đoạn … năm 2016-2020": the end of a period is not the plan's year.
    const m = /(?<!(?:đến|từ|cuối)\s)năm\s+(\d{4})(?!\s*[-–]\s*\d)/iu.exec(p.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Mentions a year other than the plan's (after the poverty standard's period is set aside). */
function otherYear(text: string, year: number | undefined): boolean {
  return [...text.matchAll(/\b(19|20)\d{2}\b/gu)].some((m) => year === undefined || Number(m[0]) !== year);
}

/** The clauses of the text that state figures of the annex. */
export function readClauses(paragraphs: readonly DocParagraph[]): Clause[] {
  const year = planYear(paragraphs);
  const out: Clause[] = [];
  for (const p of paragraphs) {
    // Only sentences with a figure in the phrasing below: a reduction, a rate, or households.
    if (p.heading || !/giảm|xuống|còn/iu.test(p.text) || !/\d/u.test(p.text) || PAST_SECTION.test(p.section)) continue;
    let rateContext = false;
    for (const s of sentences(p.text)) {
      for (const part of clausesOf(s.text, s.start)) {
        const offset = part.start;
        const plain = masked(masked(part.text, STANDARD), COMPARED_WITH);
        const hasSubject = HAS_RATE_SUBJECT.test(plain);
        const continues: boolean = CARRIES_ON.test(plain) && rateContext;
        if (OTHER_FIGURES.test(plain) || otherYear(plain, year)) {
          rateContext = false;
          continue;
        }
        rateContext = hasSubject || continues;
        const text = masked(plain, RATE_SUBJECT);
        const figures = [...(rateContext ? rateFigures(offset, text) : []), ...householdFigures(offset, text)];
        if (figures.length === 0) continue;
        const units = unitsOf(part.text);
        if (!units) continue;
        out.push({ paragraph: p, units, figures: figures.sort((a, b) => a.start - b.start) });
      }
    }
  }
  return out;
}

interface TableValue {
  num: Dec;
  plain: string;
  decimals: number;
  cell?: string;
}

/** The table's value of an indicator for a unit: printed, else computed from its counts the annex's way. */
function tableValue(annex: Annex, unit: Unit, ind: Indicator): TableValue | undefined {
  const v = annex.values.row(unit.id);
  const printed = v[ind];
  if (isOk(printed)) return { num: printed.num, plain: printed.plain, decimals: printed.decimals ?? 0, cell: displayRef(printed.cell) };
  if (printed) return undefined;
  const h0 = v.households_start;
  const h1 = v.households_end;
  const p0 = v.poor_start;
  let d: Dec | undefined;
  if (ind === 'rate_start' && isOk(p0) && isOk(h0)) d = rate(p0.num, h0.num);
  else if (isOk(p0) && isOk(h0) && isOk(h1)) {
    const exits = poorReduced(isOk(v.poor_reduced) ? v.poor_reduced.num : undefined, p0.num, isOk(v.poor_end) ? v.poor_end.num : undefined);
    if (exits !== undefined && (ind === 'rate_end' || ind === 'rate_reduced' || ind === 'poor_reduced')) d = valueWithExits({ h0: h0.num, p0: p0.num, h1: h1.num }, ind, exits);
  }
  if (d === undefined) return undefined;
  const decimals = ind.startsWith('rate_') ? 2 : 0;
  return { num: d, plain: d.toFixed(decimals), decimals };
}

/** Equal at the precision the less precise of the two is written with (11,8 = 11,80). */
function agrees(s: Stated, t: TableValue): boolean {
  const d = Math.min(s.decimals, t.decimals);
  return roundedPlain(s.num, d) === roundedPlain(t.num, d);
}

/** start − end = reduction within the sentence, exactly at the reduction's precision when the rates are as precise. */
function sentenceHolds(start: Stated, end: Stated, reduced: Stated): { holds: boolean; expected: string } {
  const diff = rateReduction(start.num, end.num);
  if (reduced.decimals <= Math.min(start.decimals, end.decimals)) {
    return { holds: new Dec(roundedPlain(diff, reduced.decimals)).eq(reduced.num), expected: diff.toFixed() };
  }
  const slack = new Dec(5).div(new Dec(10).pow(start.decimals + 1)).plus(new Dec(5).div(new Dec(10).pow(end.decimals + 1)));
  return { holds: diff.minus(reduced.num).abs().lte(slack), expected: diff.toFixed() };
}

function findUnit(table: ClaimTable, ref: UnitRef): Unit | undefined {
  try {
    return resolveTargetUnit(ref.kind === 'total' ? 'total' : ref.name, table.annex.units, table.annex.total, table.annex.unitAliases);
  } catch (e) {
    if (e instanceof PovcheckError && e.code === 'TARGET_UNIT') return findByShortName(table.annex, ref);
    throw e;
  }
}

/**
 * "Tuyên Quang" for "TP Tuyên Quang", "Chiêm Hóa" for "Huyện Chiêm Hóa": names without their unit class; never a
 * unit whose marks say another place ("Tân Hóa" is not "Xã Tân Hòa": shape/spelling.ts).
 */
function findByShortName(annex: Annex, ref: UnitRef): Unit | undefined {
  if (ref.kind !== 'named') return undefined;
  const want = stripClass(foldKey(ref.name));
  for (const u of annex.units) if (stripClass(u.key) === want && sameSpelling(ref.name, u.name)) return u;
  return undefined;
}

const unitLabel = (ref: UnitRef) => (ref.kind === 'total' ? 'total' : ref.name);

export interface ClaimsOptions {
  /** Source text for the targets the text sets ("the plan's text"), as `target` findings name it. */
  source: string;
  /** The texts of a letterhead table's cells (a `.docx` letterhead laid out in a table): its issuer's name. */
  letterhead?: readonly string[];
}

/** Checks every clause of the text that states a figure of the annex. */
export function checkClaims(paragraphs: readonly DocParagraph[], tables: readonly ClaimTable[], opts: ClaimsOptions): ClaimsCheck {
  const out: ClaimsCheck = { findings: [], skipped: [], claims: 0, targets: 0, compared: [] };
  const clauses = readClauses(paragraphs);
  if (tables.length === 0) {
    // Without a poverty table, a sentence can still be checked against itself; one line says the rest is not.
    for (const clause of clauses) sentenceOnly(clause, clause.units[0]?.kind === 'named' ? clause.units[0].name : 'total', out);
    if (clauses.length > 0) out.skipped.push({ rule: 'claim', msg: { id: 'skip.claim-no-table', params: { clauses: clauses.length, paragraph: clauses[0]!.paragraph.number } }, paragraph: clauses[0]!.paragraph.number });
    return out;
  }
  const own = ownUnitNames(paragraphs, opts.letterhead);
  for (const clause of clauses) {
    for (const ref of clause.units) checkClause(clause, ownAsTotal(ref, own, tables), tables, opts, out);
  }
  return out;
}

/** A target a plan's text sets (`textTargets`), with the paragraph that sets it. */
export interface TextTarget {
  target: Target;
  paragraph: number;
}

/**
 * The targets a plan's text sets for the units of one table, for `plan`: each figure of a clause, stated ("giảm
 * 2,06%", "xuống còn 9,74%": a reduction to reach at least, an end-of-year figure at most) or a bound ("giảm từ 4%
 * trở lên"), of an indicator `plan` computes exits for, about a unit matched as the claims are (`checkClaims`: its
 * name, its name without its class, the plan's own unit as the total). The total's targets name `total`; each target once. `unmatched`: the units the text sets targets for that
 * the table does not name (a table whose header row was lost names none).
 */
export function textTargets(paragraphs: readonly DocParagraph[], table: ClaimTable, letterhead?: readonly string[]): { targets: TextTarget[]; unmatched: string[] } {
  const own = ownUnitNames(paragraphs, letterhead);
  const out: TextTarget[] = [];
  const unmatched = new Set<string>();
  const seen = new Set<string>();
  for (const clause of readClauses(paragraphs)) {
    const plans = clause.figures.filter((f) => plannable(f.indicator, f.op));
    for (const named of clause.units) {
      const ref = ownAsTotal(named, own, [table]);
      const unit = findUnit(table, ref);
      if (!unit) {
        if (plans.length > 0) unmatched.add(unitLabel(ref));
        continue;
      }
      for (const f of plans) {
        // A figure the plan states is one to reach: a reduction at least, an end-of-year figure at most (as --target's).
        const op: TargetOp = f.op !== '=' ? f.op : f.indicator === 'rate_end' ? '<=' : '>=';
        const target: Target = { unit: ref.kind === 'total' || unit === table.annex.total ? TOTAL_KEYWORD : unit.name, indicator: f.indicator, op, value: f.plain, num: f.num };
        const key = `${target.unit}\u0000${target.indicator}\u0000${target.op}\u0000${target.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ target, paragraph: clause.paragraph.number });
      }
    }
  }
  return { targets: out, unmatched: [...unmatched] };
}

/**
 * "huyện Thăng Bình phấn đấu giảm 52 hộ nghèo" in huyện Thăng Bình's own plan speaks of the plan's total: read as
 * the total's claim when no table has a unit of that name and a table has a total ("Toàn huyện").
 */
function ownAsTotal(ref: UnitRef, own: readonly string[], tables: readonly ClaimTable[]): UnitRef {
  if (ref.kind !== 'named' || own.length === 0 || !isOwnUnit(ref.name, own)) return ref;
  const total: UnitRef = { kind: 'total' };
  if (tables.some((t) => findUnit(t, ref) !== undefined) || !tables.some((t) => findUnit(t, total) !== undefined)) return ref;
  return total;
}

function checkClause(clause: Clause, ref: UnitRef, tables: readonly ClaimTable[], opts: ClaimsOptions, out: ClaimsCheck): void {
  const p = clause.paragraph;
  const first = clause.figures[0]!;
  const table = tables.find((t) => findUnit(t, ref) !== undefined);
  const unit = table ? findUnit(table, ref)! : undefined;
  const name = unit?.name ?? unitLabel(ref);
  if (!table || !unit) {
    const unnamed = tables.find((t) => t.unnamed);
    const place = placeOf(p, first.start, first.end);
    if (ref.kind === 'named' && unnamed) skipClause(clause, name, { id: 'skip.claim-unnamed', params: { unit: name, table: unnamed.number, paragraph: p.number } }, out);
    else if (ref.kind === 'named') {
      const known = Array.from(tables[0]!.annex.units, (u) => u.name);
      out.findings.push({ rule: 'claim', severity: 'warning', unit: name, place, msg: { id: 'claim.unknown-unit', params: { unit: name, table: tables[0]!.number, known } } });
      // The warning is the claim's; a bound it sets ("giảm từ 4% trở lên") is a target not checked, listed as such.
      if (clause.figures.some((f) => f.op !== '=')) out.skipped.push({ rule: 'target', unit: name, msg: { id: 'skip.target-unit', params: { unit: name } }, paragraph: p.number });
    } else skipClause(clause, name, { id: 'skip.claim-no-total', params: { table: tables[0]!.number, paragraph: p.number } }, out);
    return;
  }
  const equal = clause.figures.filter((f) => f.op === '=');
  const bounds = clause.figures.filter((f) => f.op !== '=');
  if (equal.length > 0) compareClaim(clause, equal, table, unit, out);
  for (const f of bounds) {
    const target: Target = { unit: ref.kind === 'total' ? 'total' : unit.name, indicator: f.indicator, op: f.op, value: f.plain, num: f.num };
    const check = checkTargets(table.annex, { source: `${opts.source} ¶${p.number}`, targets: [target] });
    if (check.skipped.length === 0) {
      out.targets++; // compared; a skipped target is listed, not counted as checked
      out.compared.push({ table: table.number, indicator: f.indicator });
    }
    const place = placeOf(p, f.start, f.end);
    for (const finding of check.findings) out.findings.push({ ...finding, place });
    out.skipped.push(...check.skipped.map((sk) => ({ ...sk, paragraph: p.number })));
  }
}

/**
 * A clause about a unit no table can be matched with: not checked, under `claim` for its stated figures and under
 * `target` for its bounds ("giảm từ 4% trở lên"), so that the coverage lists each check it kept from running.
 */
function skipClause(clause: Clause, unit: string, msg: SkipRef, out: ClaimsCheck): void {
  const paragraph = clause.paragraph.number;
  if (clause.figures.some((f) => f.op === '=')) out.skipped.push({ rule: 'claim', unit, msg, paragraph });
  if (clause.figures.some((f) => f.op !== '=')) out.skipped.push({ rule: 'target', unit, msg, paragraph });
}

/**
 * Why a check of the text did not run, from its skips (`rule`'s first): a unit that could not be matched in a table
 * whose header row was lost is said of the table ("its columns have no names"); undefined when it has none.
 */
export function textNotRunReason(skipped: readonly Skip[], rule: Skip['rule']): SkipRef | undefined {
  const msg = skipped.find((s) => s.rule === rule)?.msg;
  return msg?.id === 'skip.claim-unnamed' ? { id: 'skip.unnamed-columns', params: { table: (msg as SkipRef<'skip.claim-unnamed'>).params.table } } : msg;
}

/** The '=' figures of a clause against the table and, when it states start, end and reduction, against each other. */
function compareClaim(clause: Clause, equal: Stated[], table: ClaimTable, unit: Unit, out: ClaimsCheck): void {
  const p = clause.paragraph;
  out.claims++;
  const byInd = (i: ClaimIndicator) => equal.find((f) => f.indicator === i);
  const start = byInd('rate_start');
  const end = byInd('rate_end');
  const reduced = byInd('rate_reduced');
  const within = start && end && reduced ? { ...sentenceHolds(start, end, reduced), start: start.plain, end: end.plain, reduced: reduced.plain } : undefined;
  const figures: ClaimFigure[] = [];
  const wrong: Array<{ f: Stated; t: TableValue }> = [];
  for (const f of equal) {
    const t = tableValue(table.annex, unit, f.indicator);
    if (t) out.compared.push({ table: table.number, indicator: f.indicator });
    figures.push({ indicator: f.indicator, op: f.op, stated: f.plain, ...(t ? { table: t.plain, ...(t.cell ? { cell: t.cell } : {}) } : {}) });
    if (t && !agrees(f, t)) wrong.push({ f, t });
  }
  const detail = { rule: 'claim' as const, unit: unit.name, figures, table: table.number };
  const sentenceFails = within !== undefined && !within.holds;
  const withinParams = within ? { start: within.start, end: within.end, reduced: within.reduced, expected: within.expected } : undefined;
  const base = { rule: 'claim' as const, severity: 'error' as const, unit: unit.name, detail };
  // One wrong figure that also breaks its sentence is one finding, saying both.
  const explainsSentence = sentenceFails && wrong.length === 1;
  for (const { f, t } of wrong) {
    out.findings.push({
      ...base,
      indicator: f.indicator,
      expected: t.plain,
      actual: f.plain,
      place: placeOf(p, f.start, f.end),
      msg: {
        id: 'claim.table',
        params: { unit: unit.name, indicator: f.indicator, stated: f.plain, table: t.plain, number: table.number, ...(t.cell ? { cell: t.cell } : {}), ...(explainsSentence && withinParams ? { within: withinParams } : {}) },
      },
    });
  }
  if (sentenceFails && !explainsSentence && withinParams) {
    out.findings.push({
      ...base,
      indicator: 'rate_reduced',
      expected: within!.expected,
      actual: reduced!.plain,
      place: placeOf(p, reduced!.start, reduced!.end),
      msg: { id: 'claim.sentence', params: { unit: unit.name, ...withinParams } },
    });
  }
  if (wrong.length > 0 || sentenceFails) return;
  const mark = reduced ?? equal[0]!;
  out.findings.push({
    rule: 'claim',
    severity: 'info',
    unit: unit.name,
    place: placeOf(p, mark.start, mark.end),
    msg: { id: 'claim.consistent', params: { unit: unit.name, number: table.number, figures, ...(withinParams ? { within: withinParams } : {}) } },
    detail,
  });
}

/** Without a table, a sentence stating start, end and reduction is still checked against itself. */
function sentenceOnly(clause: Clause, name: string, out: ClaimsCheck): void {
  const f = (i: ClaimIndicator) => clause.figures.find((x) => x.indicator === i && x.op === '=');
  const start = f('rate_start');
  const end = f('rate_end');
  const reduced = f('rate_reduced');
  if (!start || !end || !reduced) return;
  out.claims++;
  const within = sentenceHolds(start, end, reduced);
  if (within.holds) return;
  out.findings.push({
    rule: 'claim',
    severity: 'error',
    unit: name,
    indicator: 'rate_reduced',
    expected: within.expected,
    actual: reduced.plain,
    place: placeOf(clause.paragraph, reduced.start, reduced.end),
    msg: { id: 'claim.sentence', params: { unit: name, start: start.plain, end: end.plain, reduced: reduced.plain, expected: within.expected } },
  });
}
