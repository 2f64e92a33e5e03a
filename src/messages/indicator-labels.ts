/**
 * Labels of every vocabulary key and slot, in the official terms (Vietnamese) and plain English: the annex's
 * eight keys keep their catalogue labels; the other points of the vocabulary are composed from population,
 * time and measure; a slot's year, standard, bound and breakdown row are added after the indicator's label.
 */
import { describeIndicator, shareWhole, type IndicatorPoint, type Population, type Time } from '../model/vocabulary.js';
import { parseSlot } from '../model/slots.js';
import type { Lang } from '../model/lang.js';

type Words = {
  count: Record<Population, string>;
  /** A flow's count, with `{p}` for the population's short word (nghèo / cận nghèo). */
  flow: Record<Exclude<Time, 'start' | 'end' | 'point'>, string>;
  short: Record<Population, string>;
  start: string;
  end: string;
  rate: (p: Population) => string;
  points: (p: Population) => string;
  /** A part's share of the population it belongs to (`whole`). */
  share: (p: Population, whole: Population) => string;
  target: (base: string) => string;
  achievement: (base: string) => string;
  year: (y: string) => string;
  standard: (s: string) => string;
  bound: { min: string; max: string };
};

const VI: Words = {
  count: {
    households: 'Tổng số hộ',
    poor: 'Số hộ nghèo',
    near_poor: 'Số hộ cận nghèo',
    poor_near_poor: 'Tổng số hộ nghèo và hộ cận nghèo',
    em_households: 'Số hộ dân tộc thiểu số',
    em_poor: 'Số hộ nghèo dân tộc thiểu số',
    em_near_poor: 'Số hộ cận nghèo dân tộc thiểu số',
    average_living: 'Số hộ có mức sống trung bình',
  },
  short: {
    households: 'hộ',
    poor: 'nghèo',
    near_poor: 'cận nghèo',
    poor_near_poor: 'nghèo và cận nghèo',
    em_households: 'hộ dân tộc thiểu số',
    em_poor: 'nghèo dân tộc thiểu số',
    em_near_poor: 'cận nghèo dân tộc thiểu số',
    average_living: 'có mức sống trung bình',
  },
  flow: {
    exited: 'Số hộ thoát {p}',
    returned: 'Số hộ tái {p}',
    new: 'Số hộ {p} phát sinh',
    from_near_poor: 'Số hộ cận nghèo rơi xuống {p}',
    other_in: 'Số hộ {p} tăng khác',
    other_out: 'Số hộ {p} giảm khác',
    reduced: 'Số hộ {p} giảm trong năm',
  },
  start: 'đầu năm',
  end: 'cuối năm',
  rate: (p) => (p === 'poor_near_poor' ? 'Tỷ lệ nghèo đa chiều' : `Tỷ lệ hộ ${VI.short[p]}`),
  points: (p) => `Mức giảm tỷ lệ hộ ${VI.short[p]}`,
  share: (p, whole) => `Tỷ lệ hộ ${VI.short[p]} trong tổng số hộ ${VI.short[whole]}`,
  target: (base) => `Chỉ tiêu ${lower(base)}`,
  achievement: (base) => `Tỷ lệ đạt so với chỉ tiêu ${lower(base)}`,
  year: (y) => `năm ${y}`,
  standard: (s) => `chuẩn nghèo ${s.replace('-', '–')}`,
  bound: { min: 'từ', max: 'đến' },
};

const EN: Words = {
  count: {
    households: 'Households',
    poor: 'Poor households',
    near_poor: 'Near-poor households',
    poor_near_poor: 'Poor and near-poor households',
    em_households: 'Ethnic-minority households',
    em_poor: 'Ethnic-minority poor households',
    em_near_poor: 'Ethnic-minority near-poor households',
    average_living: 'Households of average living standard',
  },
  short: {
    households: 'households',
    poor: 'poor',
    near_poor: 'near-poor',
    poor_near_poor: 'poor and near-poor',
    em_households: 'ethnic-minority households',
    em_poor: 'ethnic-minority poor',
    em_near_poor: 'ethnic-minority near-poor',
    average_living: 'average-living-standard',
  },
  flow: {
    exited: 'Households that left the {p}',
    returned: 'Households back among the {p}',
    new: 'Newly {p} households',
    from_near_poor: 'Near-poor households that fell among the {p}',
    other_in: 'Other additions to the {p}',
    other_out: 'Other removals from the {p}',
    reduced: 'Net reduction of the {p} during the year',
  },
  start: 'start of year',
  end: 'end of year',
  rate: (p) => (p === 'poor' ? 'Poverty rate' : p === 'poor_near_poor' ? 'Multidimensional poverty rate (poor and near-poor)' : `Rate of ${EN.short[p]} households`),
  points: (p) => (p === 'poor' ? 'Poverty rate reduction (points)' : `Reduction of the rate of ${EN.short[p]} households (points)`),
  share: (p, whole) => `${EN.count[p]} as a share of all ${EN.short[whole]} households`,
  target: (base) => `Target: ${lower(base)}`,
  achievement: (base) => `Achievement of the target (%): ${lower(base)}`,
  year: (y) => y,
  standard: (s) => `${s.replace('-', '–')} poverty standard`,
  bound: { min: 'from', max: 'to' },
};

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function pointLabel(p: IndicatorPoint, w: Words, lang: Lang): string {
  if (p.role !== 'value') {
    const base = pointLabel({ ...p, role: 'value' }, w, lang);
    return p.role === 'target' ? w.target(base) : w.achievement(base);
  }
  const when = p.time === 'start' ? w.start : p.time === 'end' ? w.end : '';
  // English without a comma, as the annex's own labels (`Poverty rate at start of year`): sentences list them.
  const sep = lang === 'vi' ? ' ' : ' at ';
  if (p.measure === 'points') return w.points(p.population);
  if (p.measure === 'persons') {
    const of = pointLabel({ ...p, measure: 'count' }, w, lang);
    return lang === 'vi' ? `Số nhân khẩu (${lower(of)})` : `Persons (${lower(of)})`;
  }
  if (p.measure === 'share') {
    const share = w.share(p.population, shareWhole(p.population) ?? p.population);
    return when ? `${share}${sep}${when}` : share;
  }
  if (p.measure === 'rate') {
    if (p.time === 'start' || p.time === 'end' || p.time === 'point') return when ? `${w.rate(p.population)}${sep}${when}` : w.rate(p.population);
    const flow = w.flow[p.time].replace('{p}', w.short[p.population]);
    return lang === 'vi' ? `Tỷ lệ ${lower(flow.replace(/^Số /, ''))}` : `Rate: ${lower(flow)}`;
  }
  if (p.time === 'start' || p.time === 'end' || p.time === 'point') return when ? `${w.count[p.population]}${sep}${when}` : w.count[p.population];
  return w.flow[p.time].replace('{p}', w.short[p.population]);
}

/**
 * The label of a slot key: `core` gives the catalogue's own label for an annex key; anything that is not a
 * vocabulary key is shown as it is.
 */
export function slotLabel(key: string, lang: Lang, core: (key: string) => string | undefined): string {
  const s = parseSlot(key);
  const w = lang === 'vi' ? VI : EN;
  const point = describeIndicator(s.indicator);
  let label = core(s.indicator) ?? (point ? pointLabel(point, w, lang) : s.indicator);
  const extra: string[] = [];
  if (s.year !== undefined) extra.push(w.year(s.year));
  if (s.standard !== undefined) extra.push(w.standard(s.standard));
  if (s.bound !== undefined) extra.push(w.bound[s.bound]);
  if (extra.length > 0) label += ` (${extra.join(', ')})`;
  if (s.part !== undefined) label += `: ${s.part}`;
  return label;
}

/**
 * The words of a published table's grouped header (render/shaped-layout.ts): a population's group over its
 * `Số hộ | Tỷ lệ (%)` columns, the measure of each column, a year, a bound, a poverty standard's heading, the
 * group over the year's flows, and the unit of measure of a row.
 */
export interface LayoutWords {
  /** The group over a point's count and rate columns: `Hộ nghèo đầu năm`, `Số hộ thoát nghèo`. */
  group: (key: string) => string;
  measure: { count: string; rate: string; persons: string; points: string };
  /** The unit of measure of a row (ĐVT): hộ, %, người, điểm %. */
  unitOf: { count: string; rate: string; persons: string; points: string };
  year: (y: string) => string;
  bound: { min: string; max: string };
  standard: (s: string) => string;
  /** Over the gross flows of one population: `Diễn biến hộ nghèo trong năm`. */
  flows: (p: Population) => string;
  /**
   * A measure column of the rows' falls in points, against the year its heading names when it names one; `points`
   * false: falls of counts too (a count's in households beside a rate's in points), no unit said.
   */
  reduction: (since?: string, points?: boolean) => string;
  /**
   * A fall's label when it is measured against a year it names (Annex.comparedWith): not "during the year", the
   * year before the unit in brackets (`Mức giảm tỷ lệ hộ nghèo so với năm 2015`, `Poverty rate reduction since 2015 (points)`).
   */
  since: (label: string, year: string) => string;
  /** Before an "of which" column's part: `Trong đó: hộ nghèo về thu nhập thấp`. */
  ofWhich: string;
  /**
   * A label of a table whose own labels count a period (`đầu kỳ`, `cuối kỳ`: a review over 2021–2023), not a year:
   * the same label with the period's words (`Hộ nghèo đầu kỳ`, `Poverty rate at start of period`).
   */
  ofPeriod: (label: string) => string;
}

/** `words` after a label, before the unit in brackets it ends with, if any. */
const beforeUnit = (label: string, words: string) => {
  const m = /^(.*?)(\s*\([^()]*\))$/.exec(label);
  return m ? `${m[1]} ${words}${m[2]}` : `${label} ${words}`;
};

const LAYOUT_VI: LayoutWords = {
  group: (key) => {
    const p = describeIndicator(key);
    const label = p ? pointLabel({ ...p, measure: 'count' }, VI, 'vi') : key;
    return label.replace(/^Số hộ (?=nghèo|cận nghèo)/, 'Hộ ').replace(/^Tổng số hộ nghèo và hộ cận nghèo/, 'Hộ nghèo và hộ cận nghèo');
  },
  measure: { count: 'Số hộ', rate: 'Tỷ lệ (%)', persons: 'Số nhân khẩu', points: 'Điểm %' },
  unitOf: { count: 'Hộ', rate: '%', persons: 'Người', points: 'Điểm %' },
  year: (y) => `Năm ${y}`,
  bound: { min: 'Từ', max: 'Đến' },
  standard: (s) => `Theo chuẩn nghèo giai đoạn ${s.replace('-', '–')}`,
  flows: (p) => `Diễn biến hộ ${VI.short[p]} trong năm`,
  reduction: (since, points = true) => `${since ? `Giảm so với năm ${since}` : 'Giảm'}${points ? ' (điểm %)' : ''}`,
  since: (label, y) => beforeUnit(label.replace(/ trong năm\b/u, ''), `so với năm ${y}`),
  ofWhich: 'Trong đó',
  ofPeriod: (label) => label.replace(/(?<!\p{L})(đầu|cuối|trong) năm(?![\p{L}\d]|\s+\d)/giu, '$1 kỳ'),
};

const LAYOUT_EN: LayoutWords = {
  group: (key) => {
    const p = describeIndicator(key);
    return p ? pointLabel({ ...p, measure: 'count' }, EN, 'en') : key;
  },
  measure: { count: 'Number', rate: 'Rate (%)', persons: 'Persons', points: 'Points' },
  unitOf: { count: 'Households', rate: '%', persons: 'Persons', points: 'Points' },
  year: (y) => y,
  bound: { min: 'From', max: 'To' },
  standard: (s) => `${s.replace('-', '–')} poverty standard`,
  flows: (p) => `Changes among the ${EN.short[p]} during the year`,
  reduction: (since, points = true) => `${since ? `Fall since ${since}` : 'Fall'}${points ? ' (points)' : ''}`,
  since: (label, y) => beforeUnit(label.replace(/ during the year\b/u, ''), `since ${y}`),
  ofWhich: 'Of which',
  ofPeriod: (label) => label.replace(/\b(start|end) of (the )?year\b(?!\s+\d)/giu, '$1 of $2period').replace(/\b(during) the year\b(?!\s+\d)/giu, '$1 the period'),
};

export function layoutWords(lang: Lang): LayoutWords {
  return lang === 'vi' ? LAYOUT_VI : LAYOUT_EN;
}
