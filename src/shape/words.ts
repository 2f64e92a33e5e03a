/**
 * Header wordings → vocabulary points. A label is read for its parts: a population ("hộ nghèo", "hộ cận
 * nghèo", "hộ nghèo và hộ cận nghèo", "nghèo đa chiều", "dân tộc thiểu số"), a time ("đầu năm", "cuối kỳ",
 * "thoát nghèo", "tái nghèo", "phát sinh", "giảm") and a measure ("Số hộ", "Tỷ lệ (%)", "điểm %"), a role
 * ("Chỉ tiêu … giao", "Tỷ lệ đạt so với chỉ tiêu") and dimensions (a year, a poverty standard, "Từ / Đến").
 * The phase words are optional: `Số hộ nghèo` and `Tỷ lệ hộ nghèo (%)` are counts and rates at a point.
 * A header written over two or three rows is read top-down: each row refines what the rows above say
 * (`Hộ nghèo` over `Số hộ | Tỷ lệ %`; `Diễn biến hộ nghèo trong năm` over `Số hộ thoát nghèo` over `Tỷ lệ %`).
 *
 * Matching works on folded text (normalize.ts foldKey: no case, diacritics or punctuation).
 */
import { householdsOf, indicatorKey, isVocabularyKey, shareWhole, type IndicatorPoint, type NoIndicatorKind, type Measure, type Population, type Role, type Time } from '../model/vocabulary.js';
import type { Lang } from '../model/lang.js';
import { foldKey, hasAsciiDigit } from './normalize.js';

export interface Features {
  population?: Population;
  /** Ethnic-minority qualifier ("dân tộc thiểu số", "DTTS"), applied to the population. */
  em?: boolean;
  time?: Time;
  measure?: Measure;
  role?: Exclude<Role, 'value'>;
  year?: string;
  standard?: string;
  bound?: 'min' | 'max';
  /** "Trong đó …", "Of which": a subset of what stands above or before it. */
  ofWhich?: boolean;
  /** "Tương ứng …": the same role as the neighbouring column group (a target range in households beside one in points). */
  corresponding?: boolean;
  /** Urban or rural: a block or area, not an indicator. */
  area?: 'urban' | 'rural';
  /**
   * A rise ("tăng so với năm 2021", "increase"): a change the vocabulary has no point for (its falls are the net
   * reduction and the gross flows), so the label names no indicator rather than the count or rate it rises from.
   */
  increase?: boolean;
  /** A share of another total ("Chiếm so với tổng số hộ nghèo toàn tỉnh (%)", "tỷ trọng", "cơ cấu"): no indicator either. */
  share?: boolean;
  /**
   * The population a percentage is of when its label names one other than all households (`Tỷ lệ hộ nghèo DTTS trong
   * tổng số hộ nghèo`: the poor; the measure is then `share`). The population is the part's (`hộ nghèo DTTS`), which a
   * label may leave to the row or column before it (`Tỷ lệ trong tổng số hộ nghèo` under `Số hộ nghèo DTTS`).
   */
  shareOf?: Population;
  /** One ethnic group by name, without a population (`- Dân tộc Dao`): a group the vocabulary does not count. */
  ethnicGroup?: boolean;
  /**
   * An average over several years (`giảm bình quân mỗi năm`, `%/năm`, `average annual`): not the change between two
   * of the table's figures, which the vocabulary's points are, and computed over periods tables do not state alike.
   */
  average?: boolean;
  /**
   * Households picked out by a support they receive or a trait they have (`Số hộ nghèo được hỗ trợ nhà ở`, `Số hộ được
   * vay vốn`, `Hộ nghèo có người khuyết tật`, `thuộc chính sách bảo trợ xã hội`, `người có công`): a group of a
   * population, not the population, so no indicator (read as the poor or as all households, it was checked as them).
   */
  selected?: boolean;
  /** An amount of money (`Kinh phí`, `Vốn vay`, `Giải ngân`, `tỷ đồng`): not households, whatever the label's other words. */
  money?: boolean;
  /** A comparison of two other columns (`So sánh (%)`, `SS 2023/2022`): a ratio of the table's own figures, not an indicator. */
  compared?: boolean;
  lang?: Lang;
}

type Rule = { re: RegExp; lang: Lang; set: (f: Features) => void };

const vi = (re: RegExp, set: (f: Features) => void): Rule => ({ re, lang: 'vi', set });
const en = (re: RegExp, set: (f: Features) => void): Rule => ({ re, lang: 'en', set });

/** Each group is tried in order; the first rule that matches in a group sets that group's feature. */
const POPULATION: Rule[] = [
  // Households of average living standard (Thông tư 07's third group after the poor and the near-poor), over all households.
  vi(/\bmuc song trung binh\b/, (f) => (f.population = 'average_living')),
  en(/\baverage living standard\b/, (f) => (f.population = 'average_living')),
  vi(/\b(?:tu )?(?:ho )?can ngheo (?:roi )?xuong (?:ho )?ngheo\b|\btu (?:ho )?can ngheo\b/, (f) => ((f.population = 'poor'), (f.time = 'from_near_poor'))),
  // "hộ nghèo và hộ cận nghèo", "hộ nghèo, hộ cận nghèo" (the comma folded away), "nghèo, cận nghèo", "nghèo đa chiều".
  // `hộ nghèo, hộ cận nghèo`, `thoát nghèo, thoát cận nghèo` (the exits from both): a comma for "và". `Tỷ lệ nghèo đa
  // chiều` is the two together, but `hộ nghèo đa chiều` and `hộ cận nghèo đa chiều` are each population under the
  // multidimensional standard (Quảng Nam 2023: `Tổng số hộ nghèo đa chiều` 24.669 of 33.071 poor and near-poor).
  vi(/\b(?:ho )?ngheo (?:va |ho )(?:ho )?can ngheo\b|(?<!\bho |\bcan |\bthoat |\btai )\bngheo da chieu\b|\bngheo can ngheo\b|\bthoat ngheo (?:va )?thoat can ngheo\b/, (f) => (f.population = 'poor_near_poor')),
  en(/\bpoor and near poor\b|\bmultidimensional(?:ly)? poor|\bmultidimensional poverty|\bmulti dimensional poverty/, (f) => (f.population = 'poor_near_poor')),
  vi(/\bcan ngheo\b/, (f) => (f.population = 'near_poor')),
  en(/\bnear poor\b|\bnear poverty\b/, (f) => (f.population = 'near_poor')),
  vi(/\bngheo\b/, (f) => (f.population = 'poor')),
  en(/\bpoor\b|\bpoverty\b|\bporverty\b/, (f) => (f.population = 'poor')),
  vi(/\btong so ho\b|\bdan cu\b|\bho gia dinh\b/, (f) => (f.population = 'households')),
  en(/\bhouseholds?\b/, (f) => (f.population = 'households')),
];

/**
 * One of the 54 ethnic groups by name (folded: `Dân tộc Dao`, `đồng bào Mông`, `dân tộc Ê Đê`): a group of households
 * the vocabulary does not count (its ethnic-minority points are the minorities together, `dân tộc thiểu số`). Said
 * alone (`- Dân tộc Dao`, a row of a list by ethnic group), it names no indicator; with a population (`Hộ nghèo dân
 * tộc Mông`) the label reads as that population's, a group of it.
 */
const ETHNIC_NAMES =
  'kinh|tay|thai|muong|khmer|khome|hoa|nung|(?:h ?)?mong|dao|gia rai|jrai|e de|ba na|bahnar|xo dang|san chay|san chi|cao lan|co ho|cham|san diu|h ?re|ra glai|m ?nong|tho|xtieng|x tieng|kho mu|bru van kieu|van kieu|co tu|giay|ta oi|ma|gie trieng|co|cho ro|xinh mun|ha nhi|chu ru|lao|la chi|khang|phu la|la hu|la ha|pa then|lu|ngai|chut|lo lo|mang|co lao|bo y|cong|si la|pu peo|ro mam|brau|o du';
// Two alternatives, each with its words (`dan toc `, `dong bao `) for requiredTexts: a label without them is not tried.
const NAMED_ETHNICITY = new RegExp(`\\bdan toc (?:${ETHNIC_NAMES})\\b|\\bdong bao (?:${ETHNIC_NAMES})\\b`);

const AVERAGE: Rule[] = [
  // `bình quân` of a change (`giảm bình quân`) or of years (`bình quân giai đoạn`, `bình quân/năm`); not a level
  // averaged over people or households (`bình quân đầu người`, `Số khẩu bình quân`: persons per household).
  vi(/\b(?:giam|tang)\b.*\bbinh quan\b|\bbinh quan\b.*\b(?:giam|tang|nam|giai doan)\b|\bmoi nam\b|\bhang nam\b|\b(?:%|phan tram|diem) ?\/ ?nam\b/, (f) => (f.average = true)),
  en(/\baverage\b(?! living standard)|\bannual\b|\bper (?:year|annum)\b|\ba year\b/, (f) => (f.average = true)),
];

/**
 * A support received (`được hỗ trợ`, `hỗ trợ tiền điện`, `được vay`, `được cấp thẻ BHYT`, `vay vốn`, `tín dụng`, `miễn
 * giảm học phí`, `đào tạo nghề`), people picked out (`học sinh nghèo`), a trait (`khuyết tật`,
 * `người có công`, `bảo trợ xã hội`, `không có khả năng lao động`, `có nguy cơ tái nghèo`, `nhà ở dột nát`, `không có đất
 * sản xuất`, `chủ hộ là phụ nữ`, `nước sạch`; one deprivation of the standard, `Số hộ nghèo thiếu hụt …`, each over
 * the poor and overlapping, not the poor's breakdown: `nguồn nước (hợp vệ sinh)`, `nước sinh hoạt`, `dinh dưỡng`,
 * `chất lượng nhà ở`, `diện tích nhà ở`, `dịch vụ viễn thông`, `tiếp cận thông tin`, `người phụ thuộc`, `đi học`,
 * `trình độ giáo dục`, `dịch vụ y tế`, `hố xí`; a degree of deprivation, `Mức độ thiếu hụt giảm (%)`, measured over
 * whoever lacks a service, not the poverty rate; not `thiếu hụt tiếp cận các dịch vụ xã hội cơ bản`, the
 * deprivation-poor beside the income-poor) or a place (`xã đặc biệt khó khăn`, `huyện nghèo`): `được` alone is not
 * enough (`được công nhận thoát nghèo`, `được rà soát`, `chỉ tiêu được giao` name the population itself).
 */
const SELECTED: Rule[] = [
  vi(
    /\bduoc (?:ho tro|vay|cho vay|cap|dao tao|tap huan|huong|thu huong|mien|tro cap|tro giup|tiep can|giai quyet|tao viec lam|xay|sua|lam nha|tang|mua|kham|boi duong|chuyen giao|dau tu|cung cap|ket noi|gioi thieu)\b|\bvay von\b|\btin dung\b|\bkhuyet tat\b|\bnguoi co cong\b|\bbao tro xa hoi\b|\bkha nang\b|\bnguy co\b|\bbhyt\b|\bbao hiem y te\b|\bnuoc sach\b|\bnha tieu\b|\bhop ve sinh\b|\bnguon nuoc\b|\bnuoc sinh hoat\b|\bdinh duong\b|\bchat luong nha o\b|\bdien tich nha o\b|\bvien thong\b|\btiep can thong tin\b|\bnguoi phu thuoc\b|\bdi hoc\b|\btrinh do giao duc\b|\bdich vu y te\b|\bho xi\b|\bnha o kien co\b|\bdot nat\b|\btam bo\b|\bdat san xuat\b|\bnguoi cao tuoi\b|\bchu ho\b|\bco (?:lao dong|thanh vien)\b|\b(?:ho|dien) chinh sach\b|\bdac biet kho khan\b|\b(?:huyen|xa) ngheo\b|\bho tro\b|\bhoc sinh\b|\bsinh vien\b|\bhoc phi\b|\bvien phi\b|\bmien giam\b|\bdao tao nghe\b|\bviec lam\b|\b(?:muc do|muc|ty le|ti le) thieu hut\b/,
    (f) => (f.selected = true),
  ),
  en(/\b(?:receiving|received|supported|assisted|with (?:a )?disabilit|disabled|health insurance|loans?\b|credit\b|poor (?:districts|communes)\b|extremely disadvantaged\b)/, (f) => (f.selected = true)),
];

const MONEY: Rule[] = [
  vi(/\bkinh phi\b|\bvon vay\b|\bnguon von\b|\btong von\b|\bgiai ngan\b|\bngan sach\b|\b(?:trieu|ty|ti) dong\b/, (f) => (f.money = true)),
  en(/\bfunds?\b|\bbudget\b|\bbillion\b|\bmillion dong\b|\bvnd\b/, (f) => (f.money = true)),
];


const SHARE: Rule[] = [vi(/\bchiem\b|\bty trong\b|\bco cau\b/, (f) => (f.share = true)), en(/\bshare of\b/, (f) => (f.share = true))];

const EM: Rule[] = [vi(/\bdan toc thieu so\b|\bdtts\b/, (f) => (f.em = true)), en(/\bethnic minorit/, (f) => (f.em = true))];

const TIME: Rule[] = [
  // A rise measured against a time ("tăng so với đầu năm"): the time word names the comparison, not the figure's.
  vi(/\btang (?:so voi|trong (?:nam|ky))\b/, (f) => (f.increase = true)),
  vi(/\bthoat\b/, (f) => (f.time = 'exited')),
  en(/\bleft (?:the )?(?:near )?pov|\bescaped\b|\bexited\b|\bout of (?:near )?poverty\b/, (f) => (f.time = 'exited')),
  vi(/\btai (?:can )?ngheo\b/, (f) => (f.time = 'returned')),
  en(/\bfell back\b|\breturned\b|\bback into\b|\bback among\b/, (f) => (f.time = 'returned')),
  vi(/\bphat sinh\b/, (f) => (f.time = 'new')),
  en(/\bnewly\b/, (f) => (f.time = 'new')),
  vi(/\btang khac\b/, (f) => (f.time = 'other_in')),
  vi(/\bgiam khac\b|\bdo chet\b|\bchuyen di\b/, (f) => (f.time = 'other_out')),
  // What a figure rose or fell from (`Tỷ lệ hộ nghèo tăng từ (%)`, `giảm từ`, the label ending there): the level at
  // the start, not the change (read as a rise, the column was not read; `giảm từ 4% trở lên` is a bound, not this).
  vi(/\b(?:tang|giam) tu$/, (f) => (f.time = 'start')),
  en(/\b(?:rose|risen|increased|fell|fallen|dropped|decreased|declined) from$/, (f) => (f.time = 'start')),
  // What a figure fell to (`Tỷ lệ hộ nghèo xuống còn (%)`, `giảm còn`, `giảm xuống còn`): the level at the end, not
  // the fall (before `giảm`, which it contains; read as the fall, it was compared with a difference of rates).
  vi(/\bxuong con\b|\bgiam con\b/, (f) => (f.time = 'end')),
  en(/\b(?:down|fell|fallen|dropped|decreased|declined|reduced) to\b/, (f) => (f.time = 'end')),
  vi(/\bgiam\b/, (f) => (f.time = 'reduced')),
  en(/\breduc|\bdecrease|\bdecline\b|\bfall\b/, (f) => (f.time = 'reduced')),
  // The end of the year before is this year's start (a plan's `Số hộ nghèo cuối năm trước`, then its target year's end).
  vi(/\bcuoi (?:nam|ky) truoc\b/, (f) => (f.time = 'start')),
  en(/\bend of (?:the )?(?:previous|last|prior) year\b/, (f) => (f.time = 'start')),
  vi(/\bdau (?:nam|ky)\b/, (f) => (f.time = 'start')),
  en(/\bstart\b|\bbeginning\b/, (f) => (f.time = 'start')),
  vi(/\bcuoi (?:nam|ky)\b/, (f) => (f.time = 'end')),
  // The forms' "Tổng số hộ dân cư tại thời điểm rà soát": the annual review's households, over which its
  // end-of-year rate is computed (`11=10/1`).
  vi(/\bthoi diem ra soat\b/, (f) => (f.time = 'end')),
  en(/\bend\b/, (f) => (f.time = 'end')),
  // Last: a phase word above wins ("tăng khác" is a gross inflow, "Số hộ nghèo đầu năm" a stock).
  vi(/\btang\b/, (f) => (f.increase = true)),
  en(/\bincrease|\brise\b|\brose\b/, (f) => (f.increase = true)),
];

const ROLE: Rule[] = [
  vi(/\bty le dat\b|\bti le dat\b|\bdat so voi\b|\bmuc dat\b|\bmuc do hoan thanh\b/, (f) => (f.role = 'achievement')),
  en(/\bachieve|\bof the target\b/, (f) => (f.role = 'achievement')),
  vi(/\bchi tieu (?:giam|tang|ve|cua|ty le|ti le|so ho|ke hoach)\b|\bke hoach\b|\bgiao\b|\bmuc tieu\b|\bphan dau\b/, (f) => (f.role = 'target')),
  en(/\btarget/, (f) => (f.role = 'target')),
];

const MEASURE: Rule[] = [
  // "điểm (phần trăm)", not "thời điểm" (a point in time).
  vi(/(?<!\bthoi )\bdiem\b/, (f) => (f.measure = 'points')),
  en(/\bpoints?\b|\bpp\b|\bpercentage points?\b/, (f) => (f.measure = 'points')),
  vi(/\bty le\b|\bti le\b/, (f) => (f.measure = 'rate')),
  en(/\brates?\b|\bpercent|\bper cent\b/, (f) => (f.measure = 'rate')),
  vi(/\bnhan khau\b|\bso khau\b|\bso nguoi\b/, (f) => (f.measure = 'persons')),
  en(/\bpersons\b|\bpeople\b|\bindividuals\b/, (f) => (f.measure = 'persons')),
  vi(/\bso ho\b|\bso luong\b/, (f) => (f.measure = 'count')),
  en(/\bnumber\b|\bhouseholds\b/, (f) => (f.measure = 'count')),
];

const BOUND: Rule[] = [
  vi(/^(?:tu|toi thieu|thap nhat)$/, (f) => (f.bound = 'min')),
  vi(/^(?:den|toi da|cao nhat)$/, (f) => (f.bound = 'max')),
  en(/^(?:from|min|minimum|at least)$/, (f) => (f.bound = 'min')),
  en(/^(?:to|max|maximum|at most)$/, (f) => (f.bound = 'max')),
];

const AREA: Rule[] = [
  vi(/^(?:khu vuc )?thanh thi\b/, (f) => (f.area = 'urban')),
  en(/^urban\b/, (f) => (f.area = 'urban')),
  vi(/^(?:khu vuc )?nong thon\b/, (f) => (f.area = 'rural')),
  en(/^rural\b/, (f) => (f.area = 'rural')),
];

const OF_WHICH = /^(?:trong do|of which|in which|trong so|including)\b/;
const YEAR_ONLY = /^(?:nam |year )?((?:19[5-9]|20\d)\d)$/;
const YEAR_IN = /\bnam ((?:19[5-9]|20\d)\d)\b/;
const STANDARD = /\b(?:chuan ngheo|giai doan|poverty line|poverty standard|da chieu|multi dimensional|standard)\b.*?\b((?:19|20)\d\d)\s+((?:19|20)\d\d)\b/;
/**
 * A qualifier of a label, in brackets (`(chuẩn nghèo đa chiều giai đoạn 2021-2025)`, `(sau rà soát hộ nghèo, hộ cận
 * nghèo mới phát sinh năm 2022)`, `(tính đến 31/12/2022)`), and the standard named in the text (`theo chuẩn nghèo đa
 * chiều`).
 */
const QUALIFIER = /^(?:theo |sau khi |sau )?(?:chuan ngheo|ra soat|ket qua ra soat|tinh den|thoi diem|quyet dinh|qd)\b/;
const STANDARD_NAMED = /\b(?:theo )?chuan ngheo(?: da chieu| thu nhap)?(?: (?:giai doan|gd) (?:19|20)\d\d (?:19|20)?\d\d)?\b/g;
const mayQualify = (k: string) => k.includes('chuan ngheo') || k.includes('ra soat') || k.includes('tinh den') || k.includes('thoi diem') || k.includes('quyet dinh') || (k.includes('qd') && /\bqd\b/.test(k));

/** The folded label without its qualifying brackets (`bare`), and without the standard it names as well (`core`). */
function withoutQualifiers(text: string, whole: string): { bare: string; core: string } {
  if (!mayQualify(whole)) return { bare: whole, core: whole };
  const bare = foldKey(text.replace(/\(([^()]*)\)/g, (all, inner: string) => (QUALIFIER.test(foldKey(inner)) ? ' ' : all)));
  return { bare, core: bare.replace(STANDARD_NAMED, ' ').replace(/\s+/g, ' ').trim() };
}

/**
 * A percentage's whole when it is a population of the poor or near-poor (`… trong tổng số hộ nghèo`, `… so với số hộ
 * cận nghèo`, `… trên tổng số hộ nghèo và hộ cận nghèo`): the part is what comes before.
 */
const SHARE_OF = /\b(?:trong|so voi|tren) (?:tong so |tong |so )?(ho (?:ngheo|can ngheo)\b.*)$/;
const STOCK_TIMES: ReadonlySet<Time | undefined> = new Set([undefined, 'start', 'end', 'point']);

/**
 * A rate of a stock whose label names its whole as a population of the poor or near-poor: the part's population and
 * the whole's (`f` read from the whole label; its population replaced by the part's, undefined when the part names
 * none). Exit rates over the poor (`Tỷ lệ thoát nghèo so với số hộ nghèo đầu năm`) stay rates: implied.ts knows them.
 */
function readShare(f: Features, k: string, filtered: boolean): void {
  if (f.measure !== 'rate' || !STOCK_TIMES.has(f.time) || f.increase || f.role !== undefined || !tried(SHARE_OF, k, filtered)) return;
  const m = SHARE_OF.exec(k)!;
  const whole = populationWords(m[1]!, filtered);
  const of = whole.population && withEm(whole.population, whole.em);
  if (of === undefined || of === 'households' || of === 'em_households') return;
  const part = populationWords(k.slice(0, m.index), filtered);
  f.shareOf = of;
  f.measure = 'share';
  delete f.share;
  if (part.population === undefined) delete f.population;
  else f.population = part.population;
  if (part.em) f.em = true;
  else delete f.em;
}

/** The population words of a text alone (its population and ethnic-minority qualifier). */
function populationWords(text: string, filtered: boolean): Features {
  const f: Features = {};
  apply(POPULATION, text, f, filtered);
  apply(EM, text, f, filtered);
  return f;
}

const DECISION = /\bquyet dinh\b|\bqd\b|\bngay\b|\bnghi dinh\b|\bthong tu\b/;
/** A change against a year (`so với năm 2017`, `so với cuối năm 2015`): that year is its base, not its own. */
const COMPARED_WITH_YEAR = /\bso voi (?:cuoi )?nam\b/;
const CORRESPONDING = /^tuong ung\b/;

function apply(rules: Rule[], k: string, f: Features, hinted: boolean): Lang | undefined {
  // A counted loop, not for…of: no iterator result per rule in code that runs cold (a start's young generation).
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (tried(r.re, k, hinted)) {
      r.set(f);
      return r.lang;
    }
  }
  return undefined;
}

/**
 * Texts one of which every match of `re` contains, or undefined when there is none to say (the pattern is then
 * always tried). For each alternative at the top level, its longest run of plain characters outside classes,
 * optional parts and groups (a group that must match, unquantified, stands for its own alternatives' texts when
 * the alternative has no plain run). `\b`, `^` and `$` match no character and so break no run.
 */
export function requiredTexts(re: RegExp): string[] | undefined {
  // Case-insensitive: other texts match; global or sticky: a test that is skipped would not move `lastIndex`.
  return re.ignoreCase || re.global || re.sticky ? undefined : alternativesNeed(re.source, 0, re.source.length);
}

/** The end of the group or class that starts at `i` (its closing character's index). */
function closing(src: string, i: number): number {
  const group = src[i] === '(';
  let depth = 0;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (group && c === '[') j = closing(src, j);
    else if (group && c === '(') depth++;
    else if (c === (group ? ')' : ']')) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return src.length;
}

/**
 * Past a quantifier at `i` (`?`, `*`, `+`, `{n,m}`, each perhaps lazy): the index after it, `i` when there is none.
 * (An index, not an object: this runs for every character of a pattern's source at its first use, at start-up.)
 */
function quantifierEnd(src: string, i: number): number {
  const c = src[i];
  let next = i;
  if (c === '?' || c === '*' || c === '+') next = i + 1;
  else if (c === '{') next = src.indexOf('}', i) + 1;
  if (next > i && src[next] === '?') next++;
  return next;
}

/** Whether the quantifier at `i` (if any) allows none: `?`, `*`, `{n,m}`. */
function optionalAt(src: string, i: number): boolean {
  const c = src[i];
  return c === '?' || c === '*' || c === '{';
}

function alternativesNeed(src: string, from: number, to: number): string[] | undefined {
  const needs: string[] = [];
  let run = '';
  let best = '';
  let group: string[] | undefined;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = from; i <= to; i++) {
    const c = i < to ? src[i]! : '|';
    if (c === '|') {
      endRun();
      const need = best !== '' ? [best] : group;
      if (need === undefined) return undefined;
      needs.push(...need);
      best = '';
      group = undefined;
    } else if (c === '^' || c === '$') {
      continue;
    } else if (c === '\\') {
      const e = src[i + 1] ?? '';
      if (e === 'b' || e === 'B') {
        i++;
      } else if (e !== '' && 'dswDSW'.includes(e)) {
        endRun();
        i = quantifierEnd(src, i + 2) - 1;
      } else if (e !== '' && '.*+?^$|()[]{}\\/-'.includes(e)) {
        const next = quantifierEnd(src, i + 2);
        if (optionalAt(src, i + 2)) endRun();
        else run += e;
        if (next > i + 2) endRun();
        i = next - 1;
      } else {
        return undefined; // \u, \x, \p, back references: not read here
      }
    } else if (c === '(' || c === '[') {
      const end = closing(src, i);
      const next = quantifierEnd(src, end + 1);
      endRun();
      if (c === '(' && !optionalAt(src, end + 1) && (src[i + 1] !== '?' || src[i + 2] === ':')) {
        const inner = alternativesNeed(src, src[i + 1] === '?' ? i + 3 : i + 1, end);
        if (inner && group === undefined) group = inner;
      }
      i = next > end + 1 ? next - 1 : end;
    } else if (c === '.') {
      endRun();
      i = quantifierEnd(src, i + 1) - 1;
    } else {
      const next = quantifierEnd(src, i + 1);
      if (optionalAt(src, i + 1)) endRun();
      else run += c;
      if (next > i + 1) endRun();
      i = next - 1;
    }
  }
  return needs;
}

const needsOf = new Map<RegExp, string[] | null>();

/**
 * The patterns `mayMatch` is asked about here (`tried`): scripts/bundle.mjs works out their required texts when the
 * bundle is built (`requiredTextsTable`, with structure.ts's), so that no start walks their sources again.
 */
export function hintedPatterns(): RegExp[] {
  const rules = [AREA, BOUND, POPULATION, EM, SHARE, AVERAGE, SELECTED, MONEY, TIME, ROLE, MEASURE].flat().map((r) => r.re);
  return [OF_WHICH, CORRESPONDING, DECISION, COMPARED_WITH_YEAR, YEAR_IN, NAMED_ETHNICITY, SHARE_OF, ...rules];
}

/** Each pattern's required texts (`requiredTexts`, null for none to say), by `patternKey`. */
export function requiredTextsTable(patterns: readonly RegExp[]): Record<string, string[] | null> {
  const table: Record<string, string[] | null> = {};
  for (const re of patterns) table[patternKey(re)] = requiredTexts(re) ?? null;
  return table;
}

const patternKey = (re: RegExp) => `${re.flags}/${re.source}`;

/**
 * The bundle's `requiredTextsTable` (scripts/bundle.mjs POVCHECK_REQUIRED_TEXTS): reading a pattern's source
 * character by character, in code that runs cold at every start, cost a seed run about 3 ms for its 40-odd
 * patterns. A pattern it lacks (the compiled modules have none) is read as before: the same texts either way.
 */
declare const POVCHECK_REQUIRED_TEXTS: Record<string, string[] | null> | undefined;
const BUILT_NEEDS = typeof POVCHECK_REQUIRED_TEXTS === 'object' ? POVCHECK_REQUIRED_TEXTS : undefined;

function needsOfPattern(re: RegExp): string[] | null {
  const built = BUILT_NEEDS?.[patternKey(re)];
  return built !== undefined ? built : (requiredTexts(re) ?? null);
}

/**
 * `re.test(k)` on a folded text, skipped when `k` lacks every text a match needs (`requiredTexts`): most
 * patterns are then never compiled in a run (V8 compiles each at its first use, twice from its second: a seed run
 * met about 60 of them, a sixth of its start-up beyond Node's own). `hinted` false (tests): always tried.
 */
function tried(re: RegExp, k: string, hinted: boolean): boolean {
  return (!hinted || mayMatch(re, k)) && re.test(k);
}

/** False when `text` lacks every text a match of `re` needs (`requiredTexts`): `re` need not be tried. `re`: a module's constant. */
export function mayMatch(re: RegExp, text: string): boolean {
  let needs = needsOf.get(re);
  if (needs === undefined) needsOf.set(re, (needs = needsOfPattern(re)));
  if (needs === null) return true;
  // A loop, not `needs.some(…)`: no closure made per label and pattern (start-up's young generation).
  for (let i = 0; i < needs.length; i++) if (text.includes(needs[i]!)) return true;
  return false;
}

/** A mark after a year that says what kind of figure it is: `2021 (ước)`, `2021 (sơ bộ)`, `2021*`. */
const YEAR_MARK = /(?<=\d{4})(?:\s*\*+|\s*\((?:ước[^()]*|sơ bộ|dự kiến|dự ước|kế hoạch|KH|est[^()]*|prel[^()]*|p|e)\))$/iu;

/**
 * A unit of measure in brackets after a heading (`Năm 2021 (%)`, `2021 (hộ)`, `Giảm (điểm %)`): what the column's
 * figures are counted in, as a table of indicators by year heads its years and its change.
 */
const MEASURE_MARK = /\s*\(\s*(?:%|điểm\s*%?|điểm phần trăm|hộ|người|khẩu|nhân khẩu|households?|persons|pp|points?|percent)\s*\)$/iu;

/** The two marks' patterns, for the tests that hold `withoutYearMark` and `withoutMeasureMark` to them. */
export const MARK_PATTERNS_FOR_TESTS = { MEASURE_MARK, YEAR_MARK };

/**
 * A heading without the unit of measure in brackets after it (`Năm 2021 (%)` → `Năm 2021`). A text that does not end
 * with `)` has none (MEASURE_MARK ends there): the pattern is not tried (most labels and names: each /iu pattern
 * skipped is one compiled less in a short run).
 */
export const withoutMeasureMark = (text: string): string => (endsWith(text, 0x29) ? text.replace(MEASURE_MARK, '') : text);

/** The unit of measure in brackets after a heading (`(%)`, `(hộ)`), without the brackets; undefined when it has none. */
export function measureMarkOf(text: string): string | undefined {
  const m = endsWith(text, 0x29) ? MEASURE_MARK.exec(text) : null;
  return m ? m[0].trim().slice(1, -1).trim() : undefined;
}

/**
 * A year's heading without the mark after it (`2021 (ước)` → `2021`) and without a unit of measure after that
 * (`Năm 2021 (%)` → `Năm 2021`): the text as it is when it has neither. YEAR_MARK ends with `*` or `)` after four
 * digits: a text without four digits in a row has none.
 */
export function withoutYearMark(text: string): string {
  const bare = withoutMeasureMark(text);
  return (endsWith(bare, 0x29) || endsWith(bare, 0x2a)) && hasYearDigits(bare) ? bare.replace(YEAR_MARK, '') : bare;
}

const endsWith = (text: string, code: number) => text.length > 0 && text.charCodeAt(text.length - 1) === code;

/**
 * Whether `text` has four ASCII digits in a row, which every year a pattern here reads needs (`\d` is ASCII, with or
 * without the u flag): without them a text names no year, and the year patterns need not be tried.
 */
export function hasYearDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

const COMPARED_WITH_NAMED_YEAR = /\bso voi (?:dau |cuoi )?nam ((?:19|20)\d\d)\b|\b(?:compared (?:with|to)|since|from) ((?:19|20)\d\d)\b/;

/**
 * The year a change is measured against when its label names one (`Số hộ nghèo giảm so với năm 2016` → 2016);
 * undefined for `so với năm trước` (the year before) and for a label that names none.
 */
export function comparedWithYear(text: string): string | undefined {
  const m = COMPARED_WITH_NAMED_YEAR.exec(foldKey(text));
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The features of one label (one header cell or row label); labels repeat, so they are remembered (bounded). The
 * remembered object itself, frozen (no copy per question: a label is asked about by several readings, in every file
 * of a run); a caller that changes features makes its own (`{ ...f }`).
 */
export function featuresOf(text: string): Readonly<Features> {
  const known = remembered.get(text);
  if (known) return known;
  const f = Object.freeze(readFeatures(text));
  if (remembered.size >= 5_000) remembered.clear();
  remembered.set(text, f);
  return f;
}

const remembered = new Map<string, Readonly<Features>>();

/**
 * Every pattern that can set a feature, as one: a text matching none of them (a unit's name, read as a
 * possible label down a long table's name column) has no feature but the `%` sign's, without trying each.
 * Compiling it costs more than a small table's few labels cost without it (about 47 KB of regular expression
 * bytecode, compiled again to machine code at its second use: a few milliseconds of a seed run), so it is built
 * and used only once `PREFILTER_AFTER` texts with letters have been read. Measured cold (a process's first
 * texts): the rules one by one cost about 37 µs a unit name, the pattern about 10 µs once built, and building it
 * about 10 ms, so it pays from about 400 texts on; a long table's name column is read on its first 300 rows
 * (shape/index.ts WIDE_SCAN_ROWS), where it was built after 64 and cost 14.5 ms against 11 ms without it. It
 * changes nothing but the time: a text it rejects gets the same features from the rules one by one.
 */
let anyFeature: RegExp | undefined;
let lettered = 0;
const PREFILTER_AFTER = 400;

function prefilter(): RegExp | undefined {
  if (anyFeature === undefined && ++lettered > PREFILTER_AFTER) {
    anyFeature = new RegExp(
      [OF_WHICH, CORRESPONDING, YEAR_ONLY, STANDARD, YEAR_IN, NAMED_ETHNICITY, ...[AREA, BOUND, POPULATION, EM, SHARE, AVERAGE, SELECTED, MONEY, TIME, ROLE, MEASURE].flat().map((r) => r.re)].map((re) => re.source).join('|'),
    );
  }
  return anyFeature;
}

/** A folded text of digits and spaces ("210 299", "11 80"): of every pattern only YEAR_ONLY can match it. */
function digitsOnly(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c !== 0x20 && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/** Whether `k` (folded) may have a feature: false only when no rule can match it. */
function mayHaveFeature(k: string): boolean {
  if (k === '') return false;
  if (digitsOnly(k)) return YEAR_ONLY.test(k);
  const any = prefilter();
  return any === undefined || any.test(k);
}

/**
 * The features a `%` gives a label that says no measure: a rate; `Chỉ tiêu (%)`, a target in per cent (`Chỉ tiêu`
 * alone heads a wide table's labels, and stays no indicator).
 */
const percent = (k: string, role: Role | undefined): Features => ({ measure: 'rate', ...(role === undefined && k === 'chi tieu' ? { role: 'target' as const } : {}) });

/** `Chiêm` without the acute tone (a place name: Chiêm Hóa) and `chiếm`, the share word, as written. */
const CHIEM_PLACE = /chiêm/iu;
const CHIEM_SHARE = /chiếm/iu;

/** A label that compares (`So sánh (%)`, `SS`): Vietnamese tables' achievement-against-plan or year-on-year column. */
const COMPARED = /^(?:so sanh|ss)\b/;

/**
 * The whole a percentage is of, named after its part (`… so với tổng số hộ nghèo`, `… trong tổng số hộ`): its `số hộ`
 * counts the whole, not the figure, so it says nothing of the label's measure (`Hộ nghèo DTTS so với tổng số hộ nghèo
 * (%)` is a share, not a count of households).
 */
const WHOLE_AFTER_PART = / (?:trong|so voi|tren) (?:tong so |tong |so )?ho\b.*$/;

/** The label without the whole it names after its part (`WHOLE_AFTER_PART`): the words its measure is read from. */
const withoutWhole = (k: string): string => (k.includes(' ho') ? k.replace(WHOLE_AFTER_PART, '') : k);

/** `filtered` false (tests): every rule tried, whatever the text. */
export function readFeatures(text: string, filtered = true): Features {
  const f: Features = {};
  const whole = foldKey(text);
  // The poverty standard and the review a figure comes from qualify the label, they do not name what it counts
  // (`Số hộ nghèo đầu kỳ (chuẩn nghèo đa chiều giai đoạn 2021-2025)` counts the poor, not the poor and near-poor).
  // A label that is its standard alone (a heading `Theo chuẩn nghèo giai đoạn 2011 - 2015`) keeps its words.
  if (whole.charCodeAt(0) === 0x73 && COMPARED.test(whole)) return { compared: true, lang: 'vi' };
  const { bare, core } = withoutQualifiers(text, whole);
  const k = core === '' ? whole : core;
  // The standard is read from the label with its qualifiers (`bare`): a label that is a standard and its years
  // (`chuẩn nghèo 2020 2021`, `k` = `2020 2021`) is no text without a feature.
  const standardNamed = bare !== k && STANDARD.test(bare);
  if (filtered ? !mayHaveFeature(k) && !standardNamed : k === '') return text.includes('%') ? percent(k, undefined) : f;
  const votes: Lang[] = [];
  const vote = (l: Lang | undefined) => l && votes.push(l);
  // A year needs a digit (YEAR_ONLY, STANDARD, YEAR_IN): a text without one is not tried against them.
  const digits = !filtered || hasAsciiDigit(k);
  const ofWhich = tried(OF_WHICH, k, filtered);
  if (ofWhich) f.ofWhich = true;
  if (tried(CORRESPONDING, k, filtered)) f.corresponding = true;
  vote(apply(AREA, ofWhich ? k.replace(OF_WHICH, '').trim() : k, f, filtered));
  vote(apply(BOUND, k, f, filtered));
  const year = digits ? YEAR_ONLY.exec(k) : null;
  if (year) {
    f.year = year[1]!;
    return f;
  }
  // The standard a label names (`… theo chuẩn nghèo giai đoạn 2016-2020`: a table of two standards), not one its
  // qualifying brackets name (the figures' provenance).
  const std = digits || (bare !== k && hasAsciiDigit(bare)) ? STANDARD.exec(bare) : null;
  if (std) f.standard = `${std[1]}-${std[2]}`;
  else if (digits && !tried(DECISION, k, filtered) && !tried(COMPARED_WITH_YEAR, k, filtered)) {
    const y = tried(YEAR_IN, k, filtered) ? YEAR_IN.exec(k) : null;
    if (y) f.year = y[1]!;
  }
  vote(apply(POPULATION, k, f, filtered));
  vote(apply(EM, k, f, filtered));
  vote(apply(SHARE, k, f, filtered));
  // `chiếm` (makes up) folds as `Chiêm` (Chiêm Hóa, a district) does: a text that writes its tones says which.
  if (f.share && CHIEM_PLACE.test(text.normalize('NFC')) && !CHIEM_SHARE.test(text.normalize('NFC'))) delete f.share;
  vote(apply(AVERAGE, k, f, filtered));
  vote(apply(SELECTED, k, f, filtered));
  vote(apply(MONEY, k, f, filtered));
  if (f.population === undefined && !f.em && tried(NAMED_ETHNICITY, k, filtered)) {
    f.ethnicGroup = true;
    vote('vi');
  }
  if (f.time === undefined) vote(apply(TIME, k, f, filtered));
  vote(apply(ROLE, k, f, filtered));
  vote(apply(MEASURE, withoutWhole(k), f, filtered));
  if (f.measure === undefined && text.includes('%')) Object.assign(f, percent(k, f.role));
  readShare(f, k, filtered);
  const vis = votes.filter((l) => l === 'vi').length;
  const ens = votes.length - vis;
  if (vis > 0 || ens > 0) f.lang = vis >= ens ? 'vi' : 'en';
  return f;
}

/**
 * Whether a label's text says anything of an indicator, or a word one would be written with (`Tổng hộ dân`, `TL (%)`:
 * a configuration can map them); `Thu nhập bình quân đầu người`, `Số trường học đạt chuẩn` say nothing of one, nor
 * does a level averaged over people or households without the poor it is of (`Số khẩu bình quân`, `Số người bình quân
 * một hộ`: persons per household, a ratio, not a count of anyone).
 */
export function mentionsIndicator(text: string): boolean {
  const key = foldKey(text);
  if (AVERAGED_LEVEL.test(key) && !featuresOf(text).average && !POVERTY_WORD.test(key)) return false;
  return saysIndicator(featuresOf(text)) || text.includes('%') || INDICATOR_WORD.test(key);
}

const INDICATOR_WORD = /\b(?:ho|ngheo|tl|sl|households?|poor|poverty|rate)\b/;
/** Words of the poor, the near-poor or their rate: what an average of them is of. */
const POVERTY_WORD = /\b(?:ngheo|tl|poor|poverty|rate)\b/;
/** `bình quân`, `trung bình`, `average`: with a change or years it is a yearly average (`AVERAGE`), else a level's. */
const AVERAGED_LEVEL = /\b(?:binh quan|trung binh|average)\b/;

/** Whether a label says anything about an indicator (population, time, measure or role). */
export function saysIndicator(f: Readonly<Features>): boolean {
  return f.population !== undefined || f.time !== undefined || f.measure !== undefined || f.role !== undefined || !!f.em;
}

/**
 * Features of a header path (top row first): each row refines the rows above. A time or measure said
 * lower down replaces one said above; populations combine (an ethnic-minority qualifier keeps the
 * population above it).
 */
export function combine(path: ReadonlyArray<Readonly<Features>>): Features {
  const out: Features = {};
  for (const f of path) {
    if (f.population !== undefined && (out.population === undefined || f.population !== 'households')) out.population = f.population;
    if (f.em) out.em = true;
    // A phase said lower down replaces one said above, a rise included.
    if (f.time !== undefined) {
      out.time = f.time;
      delete out.increase;
    } else if (f.increase) {
      out.increase = true;
      delete out.time;
    }
    if (f.measure !== undefined) out.measure = f.measure;
    if (f.role !== undefined) out.role = f.role;
    if (f.year !== undefined) out.year = f.year;
    if (f.standard !== undefined) out.standard = f.standard;
    if (f.bound !== undefined) out.bound = f.bound;
    if (f.ofWhich) out.ofWhich = true;
    if (f.corresponding) out.corresponding = true;
    if (f.share) out.share = true;
    if (f.shareOf !== undefined) out.shareOf = f.shareOf;
    if (f.ethnicGroup) out.ethnicGroup = true;
    if (f.average) out.average = true;
    if (f.selected) out.selected = true;
    if (f.money) out.money = true;
    if (f.area !== undefined) out.area = f.area;
    if (f.lang !== undefined && out.lang === undefined) out.lang = f.lang;
  }
  return out;
}

const EM_OF: Partial<Record<Population, Population>> = { households: 'em_households', poor: 'em_poor', near_poor: 'em_near_poor' };
/** The population with its ethnic-minority qualifier applied (`poor` + DTTS → `em_poor`). */
const withEm = (p: Population, em: boolean | undefined): Population => (em ? (EM_OF[p] ?? p) : p);

/**
 * The vocabulary key the features name, with defaults for what a label leaves unsaid: a count when no
 * measure is written, all households when only "Số hộ" is, the poor when only a rate is, a point in time
 * when no phase is. A rate "giảm" is a fall in points. Undefined when the label says nothing of an indicator.
 */
export function keyOf(f: Readonly<Features>): string | undefined {
  if (!saysIndicator(f) || noIndicatorOf(f) !== undefined) return undefined;
  if (f.measure === 'share') return shareKey(f);
  let measure: Measure = f.measure ?? (f.role === 'achievement' ? 'rate' : 'count');
  // A count that says no population is all households, but a fall (`Giảm so với năm 2021` over `Số hộ`) is of the
  // poor: households as a whole are not reduced.
  let population: Population = f.population ?? ((measure === 'count' || measure === 'persons') && f.role === undefined && f.time !== 'reduced' ? 'households' : 'poor');
  population = withEm(population, f.em);
  let time: Time = f.time ?? 'point';
  if (f.role === 'achievement') {
    // "Tỷ lệ đạt so với chỉ tiêu": the achievement of the target on the fall of the rate, unless it says otherwise.
    if (f.time === undefined) time = 'reduced';
    measure = measure === 'count' && f.measure === 'count' ? 'count' : 'points';
    if (population === 'households') population = 'poor';
  }
  if (measure === 'rate' && time === 'reduced') measure = 'points';
  if (measure === 'points') time = 'reduced';
  if (population === 'households' || population === 'em_households') {
    if (measure !== 'count' && measure !== 'persons') return undefined;
  }
  const key = indicatorKey({ population, time, measure, role: f.role ?? 'value' });
  return key !== undefined && isVocabularyKey(key) ? key : undefined;
}

/** A share's key: its part's population, if it is part of the population the label names as its whole. */
function shareKey(f: Readonly<Features>): string | undefined {
  const part = partOf(f);
  return part === undefined ? undefined : indicatorKey({ population: part, time: f.time ?? 'point', measure: 'share', role: 'value' });
}

/** The population a share's label names as its part, when it is part of the whole the label names. */
function partOf(f: Readonly<Features>): Population | undefined {
  if (f.population === undefined) return undefined;
  const part = withEm(f.population, f.em);
  return f.shareOf !== undefined && shareWhole(part) === f.shareOf ? part : undefined;
}

/**
 * A label that names only its whole, read by the count before it. A share whose label names its whole but not its
 * part (`Tỷ lệ trong tổng số hộ nghèo`), right after the count of a
 * part of that whole (`Số hộ nghèo dân tộc thiểu số`, the row above or the column to the left): that count's share,
 * at the share's own time, else the count's. So is a rate whose whole is the count's households (`rateAfter`).
 * Undefined for any other label, or a count of no such part.
 */
export function namedByWhole(text: string, count: { population: Population; time: Time }): { key: string; lang: Lang | undefined } | undefined {
  if (saysNothing(text)) return undefined;
  const f = featuresOf(text);
  if (f.measure === 'rate') return rateAfter(text, f, count);
  if (f.measure !== 'share' || f.population !== undefined || f.em || shareWhole(count.population) !== f.shareOf) return undefined;
  const key = indicatorKey({ population: count.population, time: f.time ?? count.time, measure: 'share', role: 'value' });
  return key ? { key, lang: f.lang } : undefined;
}

/** A rate naming its whole as households only (`trong tổng số hộ DTTS`, `so với tổng số hộ`), not the poor or near-poor. */
const OVER_HOUSEHOLDS = /\b(?:trong|so voi|tren) (?:tong so |tong )?ho\b(?! (?:ngheo|can ngheo)\b)/;

/**
 * A rate whose label names its whole as the households of the count before it (`Tỷ lệ trong tổng số hộ dân tộc thiểu
 * số` after `Số hộ nghèo DTTS`; `Tỷ lệ so với tổng số hộ` after `Số hộ nghèo`): that count's rate over them.
 */
function rateAfter(text: string, f: Readonly<Features>, count: { population: Population; time: Time }): { key: string; lang: Lang | undefined } | undefined {
  if (f.population !== 'households' || f.role !== undefined || f.share || !OVER_HOUSEHOLDS.test(foldKey(text))) return undefined;
  if (count.population === 'households' || count.population === 'em_households' || householdsOf(count.population) !== withEm('households', f.em)) return undefined;
  const key = indicatorKey({ population: count.population, time: f.time ?? count.time, measure: 'rate', role: 'value' });
  return key ? { key, lang: f.lang } : undefined;
}

/**
 * A plan alone (`Kế hoạch (%)`, `Chỉ tiêu (%)`, `Mục tiêu`) right after a reduction (`Giảm (điểm %)`, `Tỷ lệ giảm
 * nghèo vùng đồng bào DTTS (%)`, the column to the left): that reduction's target. A label naming anything else (a
 * population, a time, a year) is read on its own.
 */
export function planAfter(text: string, reduction: IndicatorPoint): { key: string; lang: Lang | undefined } | undefined {
  if (reduction.time !== 'reduced' || reduction.role !== 'value' || saysNothing(text)) return undefined;
  const f = featuresOf(text);
  if (f.role !== 'target' || f.population !== undefined || f.em || f.time !== undefined || f.year !== undefined || f.area !== undefined) return undefined;
  const fits = reduction.measure === 'points' ? f.measure !== 'count' && f.measure !== 'persons' : f.measure === undefined || f.measure === reduction.measure;
  const key = fits ? indicatorKey({ ...reduction, role: 'target' }) : undefined;
  return key !== undefined && isVocabularyKey(key) ? { key, lang: f.lang } : undefined;
}

/** The vocabulary key of one label on its own, with the language it is written in. */
export function recognise(text: string): { key: string; lang: Lang | undefined } | undefined {
  if (saysNothing(text)) return undefined;
  const f = featuresOf(text);
  const key = keyOf(f);
  return key ? { key, lang: f.lang } : undefined;
}

/**
 * ASCII without a letter or `%` (a number, a code, a date: most cells down a table's columns, each asked when
 * the layout is sought). Folded, it is digits and spaces at most, whose only feature is a year, which names no
 * indicator (and no whole label has no letter: aliases.ts matchLabel): answered without folding the text or
 * remembering its features.
 */
export function saysNothing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || c === 0x25 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return false;
  }
  return true;
}

/**
 * A header that names only a measure (`Số hộ`, `Số nhân khẩu`, `Tỷ lệ (%)`): the rows say what is measured. A share
 * that names its whole (`Chiếm so với tổng số hộ nghèo toàn tỉnh (%)`) names more than its measure.
 */
export function measureOnly(text: string): boolean {
  const f = featuresOf(text);
  return f.measure !== undefined && f.population === undefined && f.time === undefined && f.role === undefined && !f.em && f.year === undefined && f.area === undefined && f.shareOf === undefined;
}

/** What a label names that no indicator stands for: a rise, a share of another total, a population not counted. */
export function noIndicatorKind(text: string): NoIndicatorKind | undefined {
  if (PLAN_YEAR_HEAD.test(text.trim())) return 'planYear';
  return noIndicatorOf(featuresOf(text));
}

/** The words before a year that name its plan (`Kế hoạch năm 2023`, `KH 2023`, `Mục tiêu năm 2025`). */
export const PLAN_WORDS = 'kế hoạch|kh|mục tiêu|chỉ tiêu';
/** A year's plan or target alone, as a column beside the years' results. */
const PLAN_YEAR_HEAD = new RegExp(`^(?:${PLAN_WORDS}|plan|target)\\s*[-–]?\\s*(?:năm\\s*|year\\s*)?(?:19|20)\\d\\d$`, 'iu');

/** The features that name no indicator (keyOf gives none for them), as the kind the `unknown` warning words. */
function noIndicatorOf(f: Readonly<Features>): NoIndicatorKind | undefined {
  if (f.money) return 'money';
  if (f.compared) return 'comparison';
  if (f.measure === 'share' && partOf(f) === undefined) return 'share';
  return f.increase ? 'increase' : f.share ? 'share' : f.ethnicGroup ? 'ethnicGroup' : f.average ? 'average' : f.selected ? 'selectedGroup' : undefined;
}
