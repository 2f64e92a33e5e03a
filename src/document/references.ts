/**
 * References to other documents in the plan's text: "Quyết định số 468/QĐ-UBND ngày 16/12/2019 của Ủy ban nhân
 * dân tỉnh", "Nghị quyết số 46-NQ/TU ngày 20/10/2017", "Quyết định 33/2015/QĐ-TTg ngày 10/8/2015". The same
 * number cited with different dates or by different issuers is a warning citing both places; a date that
 * cannot exist (31/02, month 13) is an error; a number carrying a year ("33/2015/QĐ-TTg") dated another year
 * is a warning. A citation without a date or issuer conflicts with nothing. Pure.
 */
import type { Citation } from '../model/finding-detail.js';
import type { Finding } from '../model/finding.js';
import type { DocParagraph } from '../model/document.js';
import { foldKey } from '../shape/normalize.js';
import { placeOf, sentences } from './prose.js';

/** Kinds of documents, capitalised or not ("Quyết định", "quyết định"); the regex cannot ignore case (numbers need capitals). */
const KINDS = ['Nghị quyết', 'Quyết định', 'Kế hoạch', 'Chỉ thị', 'Thông tư liên tịch', 'Thông tư', 'Nghị định', 'Công văn', 'Văn bản', 'Hướng dẫn', 'Báo cáo', 'Thông báo', 'Luật', 'Đề án', 'Tờ trình', 'Kết luận', 'Chương trình']
  .map((k) => k.split(' ').map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`).join(String.raw`\s+`))
  .join('|');
/**
 * "468/QĐ-UBND", "46-NQ/TU", "33/2015/QĐ-TTg", "30a/2008/NQ-CP", "07/2021/TT-BLĐTBXH"; typed with a space after a
 * hyphen before the issuer's capitals ("25/2018/NQ- HĐND"), the same number.
 */
const DOC_NUMBER = String.raw`\d{1,5}[a-z]?(?:/\d{4})?[/-](?=[\p{L}\d]*\p{Lu})[\p{L}\d]+(?:[-–/](?:\s(?=\p{Lu}))?[\p{L}\d]+)*`;
const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
/**
 * A kind, "số" (also "số:", "Kế hoạch số: 57/KH-UBND"), the number, its date (also after a comma: "41/NQ-ĐU, ngày
 * 25/12/2018") and its issuer.
 */
const CITATION = new RegExp(
  String.raw`(?:(${KINDS})\s+)?(?:([Ss]ố)(?:\s*:\s*|\s+))?(${DOC_NUMBER})(?:\s*,?\s+ngày\s+(?:${DATE}))?(?:\s+(?:của|do)\s+([^,;.()]{2,80}?)(?=\s+(?:về|v/v|ban\s+hành|quy\s+định|phê\s+duyệt|hướng\s+dẫn|thực\s+hiện|triển\s+khai|thông\s+báo|giao|tại|và(?!\s+[Xx]ã\s+[Hh]ội)|được|đã|nhằm)(?!\p{L})|[,;.()]|$))?`,
  'gud',
);

interface Cited {
  paragraph: DocParagraph;
  number: string;
  kind?: string;
  date?: { text: string; day: number; month: number; year: number; start: number; end: number };
  issuer?: string;
  start: number;
  end: number;
}

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/(?<!\p{L})UBND(?!\p{L})/gu, 'Ủy ban nhân dân'],
  [/(?<!\p{L})HĐND(?!\p{L})/gu, 'Hội đồng nhân dân'],
  [/(?<!\p{L})TTg(?!\p{L})/gu, 'Thủ tướng Chính phủ'],
  [/(?<!\p{L})BTV(?!\p{L})/gu, 'Ban Thường vụ'],
  [/(?<!\p{L})BCĐ(?!\p{L})/gu, 'Ban Chỉ đạo'],
  [/(?<!\p{L})LĐTBXH(?!\p{L})/gu, 'Lao động - Thương binh và Xã hội'],
];

/** An issuer compared without abbreviations, case, diacritics or the spelling Uỷ/Ủy. */
function issuerKey(issuer: string): string {
  let t = issuer.normalize('NFC').replace(/Uỷ/gu, 'Ủy').replace(/uỷ/gu, 'ủy');
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return foldKey(t);
}

/** Every citation of a document number in the text. */
export function readCitations(paragraphs: readonly DocParagraph[]): Cited[] {
  const out: Cited[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(CITATION)) {
      // A number alone ("2016-2020") is not a citation: it needs "số" or a kind of document before it.
      if (!m[1] && !m[2]) continue;
      // The letterhead's "Số: 14/KH-UBND", a paragraph of its own, is the plan's own number, not a reference to another document.
      if (!m[1] && m.index === 0 && m[0].length === p.text.trimEnd().length && m[4] === undefined && m[7] === undefined) continue;
      const numberAt = m.indices![3]!;
      const number = m[3]!.replace(/–/g, '-');
      if (!/\p{Lu}/u.test(number)) continue;
      const dateGroups = m[4] !== undefined ? [4, 5, 6] : m[7] !== undefined ? [7, 8, 9] : undefined;
      const cited: Cited = { paragraph: p, number, start: numberAt[0], end: numberAt[1], ...(m[1] ? { kind: m[1].replace(/\s+/g, ' ') } : {}) };
      if (dateGroups) {
        const [d, mo, y] = dateGroups.map((g) => Number(m[g]));
        const first = m.indices![dateGroups[0]!]!;
        const last = m.indices![dateGroups[2]!]!;
        cited.date = { text: p.text.slice(first[0], last[1]), day: d!, month: mo!, year: y!, start: first[0], end: last[1] };
      }
      if (m[10]) cited.issuer = m[10].trim();
      out.push(cited);
    }
    datedBefore(p, out);
  }
  return out;
}

/** A sentence that opens with its date: "Ngày 15/3/2019, UBND tỉnh ban hành …", "Vào ngày 5 tháng 9 năm 2016 …". */
const LEADING_DATE = new RegExp(String.raw`^\s*(?:[Vv]ào\s+)?[Nn]gày\s+(?:${DATE})(?!\s*[/.-]?\d)`, 'du');

/**
 * "Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND …": the date a sentence opens with is its citation's,
 * when the sentence cites exactly one document after it, and that citation has no date of its own.
 */
function datedBefore(p: DocParagraph, out: Cited[]): void {
  const mine = out.filter((c) => c.paragraph === p);
  if (mine.length === 0) return;
  for (const s of sentences(p.text)) {
    const m = LEADING_DATE.exec(s.text);
    if (!m) continue;
    const groups = m[1] !== undefined ? [1, 2, 3] : [4, 5, 6];
    const first = m.indices![groups[0]!]!;
    const last = m.indices![groups[2]!]!;
    const start = s.start + first[0];
    const end = s.start + last[1];
    const after = mine.filter((c) => c.start >= end && c.start < s.start + s.text.length);
    if (after.length !== 1 || after[0]!.date) continue;
    const [d, mo, y] = groups.map((g) => Number(m[g]));
    after[0]!.date = { text: p.text.slice(start, end), day: d!, month: mo!, year: y!, start, end };
  }
}

function daysIn(month: number, year: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Why a date cannot exist, if it cannot. */
function impossible(d: NonNullable<Cited['date']>): 'month' | 'day' | 'year' | undefined {
  if (d.month < 1 || d.month > 12) return 'month';
  if (d.day < 1 || d.day > daysIn(d.month, d.year)) return 'day';
  if (d.year < 1945 || d.year > 2100) return 'year';
  return undefined;
}

const dateKey = (d: NonNullable<Cited['date']>) => `${d.year}-${d.month}-${d.day}`;

const citationJson = (c: Cited): Citation => ({
  paragraph: c.paragraph.number,
  section: c.paragraph.section,
  ...(c.date ? { date: c.date.text } : {}),
  ...(c.issuer ? { issuer: c.issuer } : {}),
});

const placeText = (c: Cited) => ({ paragraph: c.paragraph.number, section: c.paragraph.section });

export interface ReferenceCheck {
  findings: Finding[];
  citations: number;
  documents: number;
  /**
   * Citations with something to check: a date (it must exist, and agree with the number's year and the number's
   * other dates), or an issuer the same number is cited with elsewhere. None (a "Kế hoạch số: 57/KH-UBND" cited
   * once without its date): nothing was compared, and the check did not run.
   */
  compared: number;
}

/** Checks the dates and issuers of every document the text cites. */
export function checkReferences(paragraphs: readonly DocParagraph[]): ReferenceCheck {
  const cited = readCitations(paragraphs);
  const findings: Finding[] = [];
  const byNumber = new Map<string, Cited[]>();
  for (const c of cited) {
    const key = c.number.normalize('NFC').toUpperCase().replace(/\s+/g, '');
    byNumber.set(key, [...(byNumber.get(key) ?? []), c]);
    if (c.date) {
      const why = impossible(c.date);
      if (why) {
        findings.push({
          rule: 'reference',
          severity: 'error',
          place: placeOf(c.paragraph, c.date.start, c.date.end),
          msg: { id: 'reference.date', params: { number: c.number, date: c.date.text, reason: why } },
          detail: { rule: 'reference', number: c.number, citations: [citationJson(c)] },
        });
        continue;
      }
      const year = /\/(\d{4})\//u.exec(c.number)?.[1];
      if (year && Number(year) !== c.date.year) {
        findings.push({
          rule: 'reference',
          severity: 'warning',
          place: placeOf(c.paragraph, c.date.start, c.date.end),
          msg: { id: 'reference.year', params: { number: c.number, year: Number(year), date: c.date.text } },
          detail: { rule: 'reference', number: c.number, citations: [citationJson(c)] },
        });
      }
    }
  }
  for (const list of byNumber.values()) {
    const dated = list.filter((c) => c.date && !impossible(c.date));
    const firstDated = dated[0];
    const otherDate = firstDated && dated.find((c) => dateKey(c.date!) !== dateKey(firstDated.date!));
    if (firstDated && otherDate) {
      findings.push({
        rule: 'reference',
        severity: 'warning',
        place: placeOf(otherDate.paragraph, otherDate.date!.start, otherDate.date!.end),
        msg: {
          id: 'reference.conflict',
          params: { number: otherDate.number, ...(otherDate.kind ? { kind: otherDate.kind } : {}), what: 'date', first: { ...placeText(firstDated), value: firstDated.date!.text }, other: { ...placeText(otherDate), value: otherDate.date!.text } },
        },
        detail: { rule: 'reference', number: otherDate.number, citations: dated.map(citationJson) },
      });
    }
    const issued = list.filter((c) => c.issuer);
    const firstIssued = issued[0];
    const otherIssuer =
      firstIssued &&
      issued.find((c) => {
        const a = issuerKey(c.issuer!);
        const b = issuerKey(firstIssued.issuer!);
        return !a.includes(b) && !b.includes(a);
      });
    if (firstIssued && otherIssuer) {
      findings.push({
        rule: 'reference',
        severity: 'warning',
        place: placeOf(otherIssuer.paragraph, otherIssuer.start, otherIssuer.end),
        msg: {
          id: 'reference.conflict',
          params: { number: otherIssuer.number, ...(otherIssuer.kind ? { kind: otherIssuer.kind } : {}), what: 'issuer', first: { ...placeText(firstIssued), value: firstIssued.issuer! }, other: { ...placeText(otherIssuer), value: otherIssuer.issuer! } },
        },
        detail: { rule: 'reference', number: otherIssuer.number, citations: issued.map(citationJson) },
      });
    }
  }
  const compared = [...byNumber.values()].reduce((n, list) => n + list.filter((c) => c.date || (c.issuer && list.filter((x) => x.issuer).length > 1)).length, 0);
  if (findings.length === 0 && compared > 0) {
    findings.push({ rule: 'reference', severity: 'info', msg: { id: 'reference.consistent', params: { citations: cited.length, documents: byNumber.size } } });
  }
  return { findings, citations: cited.length, documents: byNumber.size, compared };
}
