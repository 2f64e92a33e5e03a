/**
 * The one alias list: every wording povcheck recognises for an indicator, a heading, the total unit and
 * the auxiliary columns. Matching folds case, diacritics and punctuation (see normalize.ts), so
 * "TỔNG SỐ HỘ ĐẦU NĂM", "Tong so ho dau nam" and "Tổng số hộ, đầu năm" are the same label.
 *
 * A full indicator label is a GROUP heading followed by a PHASE ("Số hộ nghèo" + "cuối năm").
 * In the wide layout a heading row ("Tỷ lệ hộ nghèo") may stand alone, followed by rows that carry
 * only the phase ("- Đầu năm"); in the long layout a merged heading cell may sit above phase cells.
 * docs/input.md lists this table; a test keeps the two in step.
 */
import type { Indicator } from '../model/indicators.js';
import type { Lang } from '../model/lang.js';
import { foldKey, labelKey, unitKey } from './normalize.js';

export type Group = 'households' | 'poor' | 'rate';
export type Phase = 'start' | 'reduced' | 'end';

type Words = Record<Lang, string[]>;

export const GROUP_HEADINGS: Record<Group, Words> = {
  households: {
    vi: [
      'Tổng số hộ',
      'Số hộ',
      'Tổng số hộ dân cư',
      'Số hộ dân cư',
      'Tổng số hộ gia đình',
      'Tổng số hộ của toàn tỉnh',
      'Tổng số hộ toàn tỉnh',
      'Tổng số hộ của toàn huyện',
      'Tổng số hộ của toàn xã',
      'Tổng số hộ trên địa bàn',
    ],
    en: ['Total households', 'Households', 'Number of households', 'Total number of households'],
  },
  poor: {
    vi: ['Số hộ nghèo', 'Hộ nghèo', 'Tổng số hộ nghèo'],
    en: ['Poor households', 'Number of poor households', 'poor'],
  },
  rate: {
    vi: ['Tỷ lệ hộ nghèo', 'Tỉ lệ hộ nghèo', 'Tỷ lệ nghèo', 'Tỉ lệ nghèo'],
    en: ['Poverty rate', 'Poverty rates', 'Poor household rate', 'Rate of poor households', 'rate'],
  },
};

export const PHASES: Record<Phase, Words> = {
  start: {
    vi: ['đầu năm', 'đầu kỳ'],
    en: ['start', 'start of year', 'start of the year', 'at start of year', 'at the start of the year', 'beginning of year', 'at the beginning of the year'],
  },
  reduced: {
    vi: ['giảm trong năm', 'giảm trong kỳ', 'giảm', 'giảm được', 'mức giảm'],
    en: ['reduced', 'reduced during the year', 'reduction', 'reduction during the year', 'decrease'],
  },
  end: {
    vi: ['cuối năm', 'cuối kỳ'],
    en: ['end', 'end of year', 'end of the year', 'at end of year', 'at the end of the year'],
  },
};

/** Whole labels that are not heading + phase. */
export const EXTRA_LABELS: Record<Indicator, Words> = {
  households_start: { vi: [], en: [] },
  households_end: { vi: [], en: [] },
  poor_start: { vi: [], en: [] },
  poor_reduced: { vi: ['Số hộ giảm nghèo', 'Số hộ nghèo giảm'], en: ['Reduction in poor households'] },
  poor_end: { vi: [], en: [] },
  rate_start: { vi: [], en: [] },
  rate_reduced: {
    vi: ['Tỷ lệ giảm nghèo', 'Mức giảm tỷ lệ hộ nghèo', 'Tỷ lệ hộ nghèo giảm'],
    en: ['Reduction in poverty rate', 'Poverty rate reduction', 'Poverty reduction'],
  },
  rate_end: { vi: [], en: [] },
};

export const INDICATOR_OF: Record<Group, Partial<Record<Phase, Indicator>>> = {
  households: { start: 'households_start', end: 'households_end' },
  poor: { start: 'poor_start', reduced: 'poor_reduced', end: 'poor_end' },
  rate: { start: 'rate_start', reduced: 'rate_reduced', end: 'rate_end' },
};

/** Names of the total unit (a column in the wide layout, a row in the long one). */
export const TOTAL_NAMES = [
  'Toàn tỉnh',
  'Tổng',
  'Tổng cộng',
  'Tổng số',
  'Cộng',
  'Toàn huyện',
  'Toàn thành phố',
  'Toàn thị xã',
  'Toàn xã',
  'Toàn quốc',
  'Cả nước',
  'Việt Nam',
  'Vietnam',
  'Viet Nam',
  'Whole country',
  'Nationwide',
  'Total',
  'Grand total',
  'Các địa phương',
  'Toàn vùng',
  'Province total',
  'Whole province',
  'Whole district',
  'District total',
  'All',
];

/** Auxiliary columns: ignored (notes), or used for structure. */
export const NOTES_HEADERS = ['Ghi chú', 'Note', 'Notes', 'Remarks', 'Comment', 'Comments'];
export const STT_HEADERS = ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#', 'Nr'];
export const LABEL_HEADERS = ['Chỉ tiêu', 'Nội dung', 'Nội dung chỉ tiêu', 'Tên chỉ tiêu', 'Indicator', 'Indicators', 'Item', 'Description'];
export const MEASURE_HEADERS = ['ĐVT', 'Đơn vị tính', 'ĐV tính', 'Đơn vị đo', 'Unit of measure', 'UoM', 'Measure'];
/** Values of a unit-of-measure column. */
export const MEASURE_VALUES = ['Hộ', '%', 'Điểm %', 'Điểm', 'Người', 'Households', 'Household', 'Points', 'pp', 'Percent'];
/** Long layout: the column holding unit names. */
export const UNIT_HEADERS = [
  'unit',
  'Đơn vị',
  'Tên đơn vị',
  'Đơn vị hành chính',
  'Địa bàn',
  'Địa phương',
  'Huyện',
  'Huyện, thành phố',
  'Huyện/thành phố',
  'Xã',
  'Xã, phường',
  'Xã, phường, thị trấn',
  'Tỉnh',
  'Name',
  'Unit name',
  'Area',
  'District',
  'Commune',
  'Province',
];
export const CODE_HEADERS = ['code', 'Mã', 'Mã đơn vị', 'Mã số', 'Unit code'];
export const PARENT_HEADERS = ['parent', 'Mã cấp trên', 'Đơn vị cấp trên', 'Parent code'];

// ---------------------------------------------------------------------------------------------
// Lookup tables, built once from the lists above.

export type LabelMatch =
  | { kind: 'indicator'; indicator: Indicator; lang: Lang | 'key' }
  | { kind: 'heading'; group: Group; lang: Lang }
  | { kind: 'phase'; phase: Phase; lang: Lang };

const LANGS: Lang[] = ['vi', 'en'];

function buildLabelTable(): Map<string, LabelMatch> {
  const table = new Map<string, LabelMatch>();
  const putKey = (k: string, m: LabelMatch) => {
    if (k && !table.has(k)) table.set(k, m);
  };
  const put = (text: string, m: LabelMatch) => putKey(labelKey(text), m);
  const folded = new Map<readonly string[], string[]>();
  const keysOf = (words: readonly string[]) => folded.get(words) ?? folded.set(words, words.map(labelKey)).get(words)!;
  // Keys first: "households_start" is English-looking but language-neutral.
  for (const group of Object.keys(INDICATOR_OF) as Group[]) {
    for (const [, ind] of Object.entries(INDICATOR_OF[group])) put(ind!, { kind: 'indicator', indicator: ind!, lang: 'key' });
  }
  for (const lang of LANGS) {
    for (const group of Object.keys(INDICATOR_OF) as Group[]) {
      for (const [phase, ind] of Object.entries(INDICATOR_OF[group]) as Array<[Phase, Indicator]>) {
        // A heading + phase label's key is the two keys joined (test/shape/aliases-keys.test.ts holds every
        // pair to it): each wording is folded once, not once per pair, at every start.
        for (const h of keysOf(GROUP_HEADINGS[group][lang])) {
          for (const ph of keysOf(PHASES[phase][lang])) putKey(h && ph ? `${h} ${ph}` : '', { kind: 'indicator', indicator: ind, lang });
        }
      }
    }
    for (const [ind, words] of Object.entries(EXTRA_LABELS) as Array<[Indicator, Words]>) {
      for (const w of words[lang]) put(w, { kind: 'indicator', indicator: ind, lang });
    }
  }
  for (const lang of LANGS) {
    for (const group of Object.keys(GROUP_HEADINGS) as Group[]) {
      for (const h of GROUP_HEADINGS[group][lang]) put(h, { kind: 'heading', group, lang });
    }
    for (const phase of Object.keys(PHASES) as Phase[]) {
      for (const p of PHASES[phase][lang]) put(p, { kind: 'phase', phase, lang });
    }
  }
  return table;
}

/** The lists whose folded keys the `is…` tests look up (`setOf`). */
const KEYED_LISTS = {
  TOTAL_NAMES,
  NOTES_HEADERS,
  STT_HEADERS,
  LABEL_HEADERS,
  MEASURE_HEADERS,
  MEASURE_VALUES,
  UNIT_HEADERS,
  CODE_HEADERS,
  PARENT_HEADERS,
};
type KeyedList = keyof typeof KEYED_LISTS;

/**
 * The lookup tables as data, each a text (one string is less to load than hundreds): the label table's keys,
 * one a line, each followed by a tab and its match's index in `matches`; each list's folded keys, one a line.
 * scripts/bundle.mjs writes them into the bundle (POVCHECK_ALIAS_TABLES), so that no start folds these wordings
 * again (about 6 M instructions of every run, docs/performance-history.md); the compiled modules build them at load.
 */
export interface AliasTables {
  matches: LabelMatch[];
  labels: string;
  keys: Record<KeyedList, string>;
}

export function aliasTables(): AliasTables {
  const matches: LabelMatch[] = [];
  const index = new Map<string, number>();
  const lines: string[] = [];
  for (const [k, m] of buildLabelTable()) {
    const id = JSON.stringify(m);
    if (!index.has(id)) index.set(id, matches.push(m) - 1);
    lines.push(`${k}\t${index.get(id)}`);
  }
  const keys = Object.fromEntries(
    Object.entries(KEYED_LISTS).map(([name, words]) => [name, [...new Set(words.map(foldKey).filter((k) => k !== ''))].join('\n')]),
  ) as Record<KeyedList, string>;
  return { matches, labels: lines.join('\n'), keys };
}

declare const POVCHECK_ALIAS_TABLES: AliasTables | undefined;
const TABLES = typeof POVCHECK_ALIAS_TABLES === 'object' ? POVCHECK_ALIAS_TABLES : aliasTables();
const LABELS = new Map(
  TABLES.labels.split('\n').map((line): [string, LabelMatch] => {
    const tab = line.indexOf('\t');
    return [line.slice(0, tab), TABLES.matches[Number(line.slice(tab + 1))]!];
  }),
);
let letter: RegExp | undefined;
/**
 * Whether `text` has a letter (`\p{L}`). An ASCII letter answers at once and text of ASCII alone has none: the
 * pattern (a large class built from ICU's tables when it is made, compiled at its first use) is made and asked
 * only for other text.
 */
function hasLetter(text: string): boolean {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
    if (text.charCodeAt(i) > 0x7f) ascii = false;
  }
  return !ascii && (letter ??= /\p{L}/u).test(text);
}
const setOf = (list: KeyedList) => new Set(TABLES.keys[list].split('\n'));
/** Membership by folded key; text that folds to nothing ("", "#", "%") matches no list. */
const inSet = (set: Set<string>, t: string) => {
  const k = foldKey(t);
  return k !== '' && set.has(k);
};
const TOTALS = setOf('TOTAL_NAMES');
const NOTES = setOf('NOTES_HEADERS');
const STT = setOf('STT_HEADERS');
const LABEL_HEADS = setOf('LABEL_HEADERS');
const MEASURE_HEADS = setOf('MEASURE_HEADERS');
const MEASURES = setOf('MEASURE_VALUES');
const UNIT_HEADS = setOf('UNIT_HEADERS');
const CODES = setOf('CODE_HEADERS');
const PARENTS = setOf('PARENT_HEADERS');

/** Extra aliases (from configuration): label text → indicator. */
export function matchLabel(text: string, extra?: ReadonlyMap<string, Indicator>): LabelMatch | undefined {
  // Numbers and symbols are never labels; most cells of a table are numbers, so this is the hot path.
  if (!hasLetter(text)) return undefined;
  const k = labelKey(text);
  if (!k) return undefined;
  const hit = extra?.get(k);
  if (hit) return { kind: 'indicator', indicator: hit, lang: 'key' };
  return LABELS.get(k);
}

/** A total's name, also with what it adds up written after it: `Tổng cộng (I+II)`, `Cộng (1+2+3)`. */
// The bracket after the name needs its `)` or `]`: a name without one is the name itself (its pattern not tried).
export const isTotalName = (t: string) => inSet(TOTALS, t) || ((t.includes(')') || t.includes(']')) && inSet(TOTALS, t.replace(/\s*[([][^)\]]*[)\]]\s*$/u, '')));

/** The level a total's name says: the country 0, a province 1, a district 2, a commune 3 (`Tổng cộng`: none). */
export function levelOfTotal(name: string): number | undefined {
  const k = foldKey(name);
  if (/^(?:ca nuoc|toan quoc|whole country)\b/.test(k)) return 0;
  if (/^(?:toan tinh|toan thanh pho|whole province)\b/.test(k)) return 1;
  if (/^(?:toan huyen|toan quan|toan thi xa|whole district)\b/.test(k)) return 2;
  if (/^(?:toan xa|toan phuong|toan thi tran)\b/.test(k)) return 3;
  return undefined;
}

/** The total's names: the built-in ones and the configuration's `totalNames` (both paths use this one). */
export function totalMatcher(extra: readonly string[] = []): (name: string) => boolean {
  const keys = new Set(extra.map(unitKey).filter((k) => k !== ''));
  return keys.size === 0 ? isTotalName : (name) => isTotalName(name) || keys.has(unitKey(name));
}
export const isNotesHeader = (t: string) => inSet(NOTES, t);
export const isSttHeader = (t: string) => inSet(STT, t) || t.trim() === '#';
export const isLabelHeader = (t: string) => inSet(LABEL_HEADS, t);
export const isMeasureHeader = (t: string) => inSet(MEASURE_HEADS, t);
export const isMeasureValue = (t: string) => inSet(MEASURES, t) || t.trim() === '%';
export const isUnitHeader = (t: string) => inSet(UNIT_HEADS, t);
export const isCodeHeader = (t: string) => inSet(CODES, t);
export const isParentHeader = (t: string) => inSet(PARENTS, t);
/** The header of a column of years (`Năm`, `Năm báo cáo`, a plan's `Kế hoạch năm`); `blank`: an empty header too. */
export const isYearHeader = (t: string, blank = false) => /^(?:năm|year|năm báo cáo|kế hoạch năm|năm kế hoạch|plan year)$/iu.test(t.trim()) || (blank && t.trim() === '');

/** All alias lists, for documentation and the docs check. */
export const ALIAS_LISTS = {
  GROUP_HEADINGS,
  PHASES,
  EXTRA_LABELS,
  ...KEYED_LISTS,
};

/**
 * The indicator keys a label not understood may stand for: the keys of its group when it is a heading without
 * its phase ("Tổng số hộ" → households_start, households_end), else none (povcheck cannot tell; a gross flow
 * such as "Số hộ thoát nghèo" is no key at all). Only a hint for the `labels` configuration entry.
 */
export function candidateKeys(text: string): Indicator[] {
  const m = matchLabel(text);
  if (m?.kind === 'heading') return Object.values(INDICATOR_OF[m.group]);
  return [];
}
