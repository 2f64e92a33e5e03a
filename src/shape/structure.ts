/**
 * The structure of a list of units as published: the total, blocks with units under them (`I. Khu vực thành
 * thị` … `II. Khu vực nông thôn`, each with its subtotal and the same districts listed again; a region row
 * followed by its provinces), "of which" rows (`Trong đó: huyện nghèo …`, a subset, never a part), section
 * rows that start another partition of the total (`Chia theo khu vực`, `Chia theo vùng`); units of several
 * administrative levels named as such (`Huyện Na Hang`, then its `Xã …` and `Thị trấn …`: `adminLevels`); a first
 * unit named at a level above every place after it is their total (`outranksTheRest`). Lists without any of these
 * keep the annex's structure: the total, and every other unit under it.
 */
import { LIST_MARKER, mayHaveListMarker, type DraftUnit } from './draft.js';
import { foldKey, withLevelWord } from './normalize.js';
import { featuresOf, mayMatch } from './words.js';
import { regionNamed, regionOfProvince } from './regions.js';

export interface Structure {
  /** Each unit's parent, -1 for none. */
  parents: Int32Array;
  totalIdx: number;
  role: Array<UnitRole | undefined>;
  partition: number[];
}

/**
 * `block`: heads the units under it. `of-which`: a subset of its parent (`Trong đó: huyện nghèo …`).
 * `breakdown`: one of the household categories its parent's households divide into (`Trong đó: hộ nghèo về thu
 * nhập`, then `hộ nghèo thiếu hụt …`): they add up to the parent where they are filled.
 */
export type UnitRole = 'block' | 'of-which' | 'breakdown';

/** Roman numerals as block numbers in an STT column: I, II, III … (also with a dot). */
const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X)\.?$/;
/** Names of areas and regions that head the units listed under them. */
const BLOCK_NAMES = [
  // The urban area: `Thành thị`, `Khu vực thành thị`, and a district's `Khu vực thị trấn` (its townships), beside its rural area.
  /^(?:khu vuc thi tran|(?:khu vuc )?thanh thi)\b/,
  /^(?:khu vuc )?nong thon\b/,
  // Areas by terrain (`Khu vực đồng bằng`, `Khu vực miền núi`, `Vùng cao`) and any other `Khu vực …`; groups of
  // units (`Các huyện miền núi`, `Các xã đặc biệt khó khăn`).
  /^khu vuc\b/,
  /^(?:vung |mien )?(?:mien nui|dong bang|vung cao|trung du|ven bien|bai ngang)\b/,
  /^cac (?:huyen|xa|thi xa|thanh pho|don vi)\b/,
  /^(?:vung )?(?:trung du (?:va )?mien nui phia bac|mien nui (?:dong|tay) bac|dong bac|tay bac|dong bang song hong|bac trung bo|duyen hai nam trung bo|duyen hai mien trung|nam trung bo|tay nguyen|dong nam bo|dong bang song cuu long|td (?:va )?mn phia bac|db song (?:hong|cuu long)|btb (?:va )?dh mien trung|dbsh|dbscl)\b/,
  /^urban\b/,
  /^rural\b/,
];
const OF_WHICH = /^(?:trong do|of which|in which|trong so)\b/;

/** The patterns asked through words.ts `mayMatch` here (their required texts worked out at build: scripts/bundle.mjs). */
export const hintedPatterns = (): RegExp[] => [...BLOCK_NAMES, OF_WHICH, TRAIT_START, TRAIT_PLACES, COMPLEMENT];

/** Whether a row could head a block: numbered I, II … or named as an area or region. */
export function blockCandidate(u: Pick<DraftUnit, 'name' | 'stt'>): boolean {
  return candidateKey(u.stt, foldKey(u.name));
}

function candidateKey(stt: string | undefined, k: string): boolean {
  return candidateKind(stt, k) !== 0;
}

/**
 * The kind each pattern of BLOCK_NAMES names: 2 the two areas (urban, rural), 3 terrains and regions (`Miền núi`,
 * `Đồng bằng sông Hồng`, `Tây Nguyên`), 4 any other `Khu vực …`, 5 groups of units (`Các huyện miền núi`).
 */
const PATTERN_KINDS = [2, 2, 4, 3, 5, 3, 2, 2];
/** PATTERN_KINDS' kind of terrains and regions. */
const REGION_KIND = 3;

/**
 * What kind of block a row could head: 0 none, 1 numbered I, II …, else its name's (PATTERN_KINDS). Rows of one kind
 * are siblings of one partition (`Khu vực thành thị`, `Khu vực nông thôn`).
 */
function candidateKind(stt: string | undefined, k: string): number {
  if (stt !== undefined && ROMAN.test(stt.trim())) return 1;
  // A pattern whose words the name lacks is not tried (words.ts mayMatch): most are then never compiled in a run.
  const i = BLOCK_NAMES.findIndex((re) => mayMatch(re, k) && re.test(k));
  return i < 0 ? 0 : PATTERN_KINDS[i]!;
}

export const isOfWhichName = (name: string) => ofWhichKey(foldKey(name));

const ofWhichKey = (k: string) => mayMatch(OF_WHICH, k) && OF_WHICH.test(k);

/**
 * A unit named as a group of households picked out by a trait, not a place (`Hộ dân tộc thiểu số`, `Đồng bào DTTS`,
 * `74 huyện nghèo`, `Các xã đặc biệt khó khăn`): the groups overlap and leave the rest out, so after a total they are
 * "of which" it, neither summed nor bounding its rate. A place named with a note (`Huyện Mường Nhé (huyện nghèo)`) is a
 * place: the name must start with the group's words.
 */
const TRAIT_START = /^(?:\d[\d.]*\s+|cac\s+)?(?:ho|dong bao|nguoi|nhom)\b/;
/**
 * Places picked out by a trait: counted (`74 huyện nghèo`, `Các xã ĐBKK`) or the phrase alone, perhaps with the
 * decision naming them (`Huyện nghèo`, `Huyện nghèo theo Quyết định 353`, `Poor districts (Decision 353)`), not
 * `Huyện nghèo Nậm Pồ`.
 */
const TRAIT_PLACES = /^(?:(?:\d[\d.]*|cac)\s+(?:huyen|xa|thon|ban)\s+(?:ngheo|dac biet kho khan|dbkk|bai ngang|vung)\b|(?:huyen|xa|thon|ban)\s+(?:ngheo|dac biet kho khan|dbkk)(?:$|\s+(?:theo|thuoc|quyet dinh|qd)\b)|(?:\d+\s+)?poor (?:districts|communes)\b)/;
/**
 * A name of the rest or a complement (`không thuộc …`, `ngoài …`, `còn lại`, `khác`; the Kinh beside the ethnic
 * minorities), folded: beside it the groups are a split, added up (wide.ts dash rows, and units here).
 */
export const COMPLEMENT = /\b(?:khong|ngoai|con lai|khac|other|non|not)\b|\bkinh\b(?! te\b)/;

/** A group picked out by a trait: a support or a trait (words.ts `selected`), or the ethnic minorities (`em`). */
export function namesTraitGroup(text: string): boolean {
  const f = featuresOf(text);
  return f.selected === true || f.em === true;
}

/** Tried only on names with the words a match needs (words.ts mayMatch): most places' names are not (`Sơn Dương`). */
function traitGroupKey(name: string, k: string): boolean {
  return ((mayMatch(TRAIT_START, k) && TRAIT_START.test(k)) || (mayMatch(TRAIT_PLACES, k) && TRAIT_PLACES.test(k))) && !(mayMatch(COMPLEMENT, k) && COMPLEMENT.test(k)) && namesTraitGroup(name);
}

/** Whether the list names no complement of a group (`Hộ dân tộc Kinh` beside `Hộ dân tộc thiểu số`: a split, added up). */
function traitsApply(units: readonly DraftUnit[]): boolean {
  return !units.some((u) => {
    const k = foldKey(u.name);
    return TRAIT_START.test(k) && COMPLEMENT.test(k);
  });
}

/**
 * What the structure reads of each unit's name, worked out once per list: whether it could head a block, whether
 * its name makes it an "of which" row, the level it says (`LEVEL_HUE` for a Huế decided by what
 * follows). `isStructured` and `resolveStructure` read one list several times; a national list of a million names
 * is folded once (foldKey's memory holds 20,000 names).
 */
interface ListFacts {
  /** candidateKind: 0 when the row could head no block. */
  readonly candidate: Uint8Array;
  /** Named as an "of which" row (`Trong đó: …`); the reader's flag (`DraftUnit.ofWhich`) is the unit's own. */
  readonly ofWhich: Uint8Array;
  /** Named as a group picked out by a trait (`Hộ dân tộc thiểu số`, `74 huyện nghèo`): "of which" its parent. */
  readonly trait: Uint8Array;
  /**
   * A household category listed with a mark (`- Hộ nghèo về thu nhập`, `- Hộ nghèo thiếu hụt …` under `Toàn tỉnh`):
   * a part of the unit above, as after `Trong đó:` (they were units of the total, a partition of their own).
   */
  readonly listedCategory: Uint8Array;
  readonly level: Uint8Array;
  /** `adminLevels` for the last `isTotal` asked. */
  levels?: { isTotal: (name: string) => boolean; value: Uint8Array | undefined };
}

const FACTS = new WeakMap<readonly DraftUnit[], ListFacts>();

function factsOf(units: readonly DraftUnit[]): ListFacts {
  let f = FACTS.get(units);
  if (f) return f;
  const n = units.length;
  f = { candidate: new Uint8Array(n), ofWhich: new Uint8Array(n), trait: new Uint8Array(n), listedCategory: new Uint8Array(n), level: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const k = foldKey(u.name);
    f.candidate[i] = candidateKind(u.stt, k);
    f.ofWhich[i] = ofWhichKey(k) ? 1 : 0;
    f.trait[i] = traitGroupKey(u.name, k) ? 1 : 0;
    // Not a group named by a trait or a support (`- Hộ nghèo dân tộc thiểu số`: of which, overlapping), nor `- Trong đó: …`.
    f.listedCategory[i] = !f.ofWhich[i] && mayHaveListMarker(u.name) && LIST_MARKER.test(u.name) && householdCategory(u.name) && !namesTraitGroup(u.name) ? 1 : 0;
    f.level[i] = levelOf(u.name, k);
  }
  FACTS.set(units, f);
  return f;
}

/** Whether the list has anything beyond the annex's one level (blocks, "of which" rows, sections, administrative levels). */
export function isStructured(units: readonly DraftUnit[], isTotal: (name: string) => boolean = () => false): boolean {
  const f = factsOf(units);
  // A group named by a trait is "of which" a total above it, and only then (traitsApply).
  const totalAt = f.trait.includes(1) && traitsApply(units) ? units.findIndex((u) => isTotal(u.name)) : -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.section !== undefined || u.ofWhich || f.ofWhich[i] || (f.listedCategory[i] && i > 0 && !f.listedCategory[i - 1]) || (f.trait[i] && totalAt >= 0 && i > totalAt) || (f.candidate[i] && i + 1 < units.length && !f.candidate[i + 1])) return true;
  }
  return levelsOf(units, isTotal) !== undefined;
}

/**
 * Administrative levels, from the word a unit's name starts with: 1 a province (`Tỉnh`, or a city governed by
 * the centre: `Thành phố Hà Nội`, `TP. Hồ Chí Minh`; `Thành phố Huế` when a district-level unit follows it, as
 * after 2025), 2 a district (`Huyện` or `H.`, `Quận`, `Thị xã`, any other `Thành phố` / `TP`), 3 a commune (`Xã`,
 * `Phường`, `Thị trấn`), 4 a village or street block (`Thôn`, `Bản`, `Xóm`, `Ấp`, `Buôn`, `Tổ dân phố`, `Khu phố`, `Khóm`).
 */
export function adminLevel(name: string, next?: string): 1 | 2 | 3 | 4 | undefined {
  const level = levelOf(name, foldKey(name));
  if (level === LEVEL_HUE) return next !== undefined && levelOf(next, foldKey(next)) === 2 ? 1 : 2;
  return level === 0 ? undefined : (level as 1 | 2 | 3 | 4);
}

/**
 * Whether the first unit heads every other by its name's level: it names a level (`Thành phố Hà Nội`, `Tỉnh Quảng
 * Trị`, `Huyện Đakrông`) and every unit after it that is a place names a lower one (`Quận Ba Đình`, `Huyện Sóc Sơn`;
 * `Xã A Vao`, also as an "of which" row: the communes an article names after the district's two areas), at least one
 * of them. Not places: a block or a household category (`role`), an "of which" row naming no level (`Trong đó: hộ dân
 * tộc thiểu số`), a row numbered I, II …, an area or a group of units (`Khu vực thị trấn`, `Khu vực nông thôn`, `Các xã
 * đặc biệt khó khăn`). A unit whose name says no level (`Ba Đình`), one of the first's level or above (`Thành phố Tuyên Quang`
 * among `Huyện …`, `Tỉnh Quảng Bình` after `Tỉnh Quảng Trị`), or a region or terrain (`Tây Nguyên`, `Miền núi`: a
 * row printed for comparison as often as a part) leaves the first a unit like the others.
 */
export function outranksTheRest(units: readonly DraftUnit[], role: ReadonlyArray<UnitRole | undefined>): boolean {
  const f = factsOf(units);
  const top = units.length > 1 ? levelIn(f, 0) : 0;
  if (top === 0) return false;
  let lower = 0;
  for (let i = 1; i < units.length; i++) {
    if (role[i] === 'block' || role[i] === 'breakdown' || (f.candidate[i] !== 0 && f.candidate[i] !== REGION_KIND)) continue;
    const level = levelIn(f, i);
    // An "of which" row naming no place (`Trong đó: hộ dân tộc thiểu số`) says nothing; one naming a place, its level.
    if (level === 0 && role[i] === 'of-which') continue;
    if (level <= top) return false;
    lower++;
  }
  return lower > 0;
}

/**
 * Whether the names let the first unit head the others: no unit after it names its level or a higher one (`Thành
 * phố Tuyên Quang` then `Huyện Sơn Dương`: peers, whatever their figures say). A first unit that names no level
 * (`Quảng Trị`), or others that name none (`Ba Đình`), leave it to the figures.
 */
export function namesLetFirstHead(units: readonly DraftUnit[]): boolean {
  const f = factsOf(units);
  const top = units.length > 0 ? levelIn(f, 0) : 0;
  if (top === 0) return true;
  for (let i = 1; i < units.length; i++) {
    const level = levelIn(f, i);
    if (level !== 0 && level <= top) return false;
  }
  return true;
}

/** Unit i's level as its name says it (0: none), a Huế decided by the unit after it. */
function levelIn(f: ListFacts, i: number): number {
  const level = f.level[i]!;
  return level !== LEVEL_HUE ? level : i + 1 < f.level.length && f.level[i + 1] === 2 ? 1 : 2;
}

/** `Thành phố Huế`: a province when a district-level unit follows it, else a district. */
const LEVEL_HUE = 5;

/** The level a name (`k` folded) says: 1–4, `LEVEL_HUE`, 0 none (`H. Na Hang` a district: normalize.ts withLevelWord). */
function levelOf(name: string, k: string): number {
  return levelOfKey(withLevelWord(name, k));
}

/** The level a folded name says: 1–4, `LEVEL_HUE`, 0 none. */
function levelOfKey(k: string): number {
  const word = levelWordOf(k);
  if (word === undefined) return 0;
  if (word === 'tinh') return 1;
  if (word === 'xa' || word === 'phuong' || word === 'thi tran' || word === 'tt') return 3;
  if (word === 'huyen' || word === 'quan' || word === 'thi xa' || word === 'tx') return 2;
  if (word !== 'thanh pho' && word !== 'tp') return 4;
  const city = k.slice(word.length + 1);
  if (CENTRAL_CITY.test(city)) return 1;
  return city === 'hue' ? LEVEL_HUE : 2;
}

/** A unit key (normalize.ts unitKey) without the level word it starts with (`huyen chiem hoa` → `chiem hoa`); undefined when it names no level. */
export function keyWithoutLevelWord(k: string): string | undefined {
  const word = levelWordOf(k);
  return word === undefined ? undefined : k.slice(word.length + 1);
}

/** The level word a folded name starts with (`huyen`, `thi xa` …), or undefined. */
export function levelWordOf(k: string): string | undefined {
  // Every level word starts with one of these letters: another name says none (LEVEL_WORDS not tried).
  return LEVEL_INITIALS.includes(k.charAt(0)) ? LEVEL_WORDS.exec(k)?.[1] : undefined;
}

const LEVEL_WORDS = /^(tinh|thanh pho|tp|huyen|quan|thi xa|tx|xa|phuong|thi tran|tt|thon|ban|xom|ap|buon|to dan pho|khu pho|khom) \S/;
/** The first letters of LEVEL_WORDS' words. */
const LEVEL_INITIALS = 'thqxpbak';
const CENTRAL_CITY = /^(?:ha noi|ho chi minh|hcm|hai phong|da nang|can tho)$/;

/**
 * Each unit's administrative level when the list is one of nested levels: every unit but the total, the blocks
 * and the "of which" rows is named with its level, and some unit is followed by one of a deeper level (a
 * district by its communes). Undefined otherwise: a list of one level (districts alone, `Thành phố` and `Huyện`
 * alike), or one where a name without its level word leaves the nesting a guess.
 */
export function adminLevels(units: readonly DraftUnit[], isTotal: (name: string) => boolean): Array<number | undefined> | undefined {
  const levels = levelsOf(units, isTotal);
  return levels && Array.from(levels, (l) => (l === 0 ? undefined : l));
}

/** `adminLevels` as bytes (0: no level), remembered for the list and `isTotal`. */
function levelsOf(units: readonly DraftUnit[], isTotal: (name: string) => boolean): Uint8Array | undefined {
  const f = factsOf(units);
  if (f.levels?.isTotal === isTotal) return f.levels.value;
  const levels = new Uint8Array(units.length);
  let nested = false;
  let previous = 0;
  let ofWhich = false;
  let ok = true;
  for (let i = 0; i < units.length && ok; i++) {
    const u = units[i]!;
    // The total, a block or another partition starts the nesting again.
    const head = f.candidate[i] === 1 || isTotal(u.name);
    if (head || (u.section ?? 0) !== (units[i - 1]?.section ?? 0)) {
      previous = 0;
      ofWhich = false;
    }
    if (head) continue;
    if (u.ofWhich || f.ofWhich[i]) ofWhich = true;
    if (ofWhich) continue;
    if (f.listedCategory[i]) continue;
    let level = f.level[i]!;
    if (level === LEVEL_HUE) level = i + 1 < units.length && f.level[i + 1] === 2 ? 1 : 2;
    if (level === 0) ok = false;
    nested ||= previous !== 0 && level > previous;
    levels[i] = level;
    previous = level;
  }
  const value = ok && nested ? levels : undefined;
  f.levels = { isTotal, value };
  return value;
}

/**
 * Parents, roles and partitions of a structured list. `totalAt` is the total (by default the first unit whose name
 * says so, or the unit `--total NAME` names; -1 when none: then the blocks, or the units, are the roots).
 */
export function resolveStructure(
  units: readonly DraftUnit[],
  isTotal: (name: string) => boolean,
  totalAt = units.findIndex((u) => isTotal(u.name)),
): Structure {
  const n = units.length;
  const parents = new Int32Array(n).fill(-1);
  const role: Array<UnitRole | undefined> = new Array(n).fill(undefined);
  const partition: number[] = new Array(n).fill(0);
  const totalIdx = totalAt;
  const root = totalIdx >= 0 ? totalIdx : undefined;

  // Block heads: a candidate followed by a unit that is not one (a block of regions only is a plain list).
  const f = factsOf(units);
  const isHead = units.map((u, i) => i !== totalIdx && f.candidate[i] !== 0 && nextPlain(units, f, i, totalIdx) !== undefined);
  const named = namedAfterPartition(units, f, isHead, totalIdx);
  const traits = f.trait.includes(1) && traitsApply(units);
  const levels = levelsOf(units, isTotal);
  // The units above the current one, of ever deeper levels (a province, its district): the nearest of a higher level is its parent.
  const open: number[] = [];
  let block: number | undefined;
  let ofWhichOf: number | undefined;
  let last: number | undefined;
  for (let i = 0; i < n; i++) {
    if (i === totalIdx) {
      block = undefined;
      ofWhichOf = undefined;
      last = i;
      open.length = 0;
      continue;
    }
    const u = units[i]!;
    partition[i] = u.section ?? 0;
    if (isHead[i]) {
      role[i] = 'block';
      parents[i] = root ?? -1;
      block = i;
      ofWhichOf = undefined;
      last = i;
      open.length = 0;
      continue;
    }
    if (u.ofWhich || named.has(i) || (f.trait[i] && root !== undefined && i > root && traits)) {
      role[i] = 'of-which';
      parents[i] = root ?? -1;
      continue;
    }
    if (f.listedCategory[i] && last !== undefined && !f.listedCategory[last]) {
      // `- Hộ nghèo về thu nhập` under the row above: its part (the rows listed after it with it), never a unit.
      role[i] = 'breakdown';
      parents[i] = last;
      continue;
    }
    if (f.ofWhich[i]) {
      // The row it qualifies: the last unit above that is not itself "of which"; the units after it belong to it.
      ofWhichOf = last ?? root;
      role[i] = householdCategory(u.name) ? 'breakdown' : 'of-which';
      parents[i] = ofWhichOf ?? -1;
      continue;
    }
    if (ofWhichOf !== undefined) {
      role[i] = householdCategory(u.name) ? 'breakdown' : 'of-which';
      parents[i] = ofWhichOf;
      continue;
    }
    const level = levels?.[i] ?? 0;
    if (partition[i] !== (i > 0 ? partition[i - 1] : 0)) open.length = 0;
    if (level !== 0) {
      while (open.length > 0 && levels![open[open.length - 1]!]! >= level) open.pop();
      parents[i] = open[open.length - 1] ?? block ?? root ?? -1;
      open.push(i);
    } else parents[i] = block ?? root ?? -1;
    last = i;
  }
  loneCategories(parents, role);
  recordsNotRegions(units, parents, role, root);
  withinNamedUnit(units, parents, role, root);
  if (root !== undefined && !units.some((u) => u.section !== undefined)) partitionsByKind(f, parents, role, partition, root);
  return { parents, totalIdx, role, partition };
}

/**
 * A household category alone under its unit (`- Trong đó: hộ nghèo theo chuẩn của trung ương`) breaks nothing down
 * (one part is not all of them): "of which" its unit, at most it.
 */
function loneCategories(parents: Int32Array, role: Array<UnitRole | undefined>): void {
  const count = new Map<number, number>();
  role.forEach((r, i) => r === 'breakdown' && count.set(parents[i]!, (count.get(parents[i]!) ?? 0) + 1));
  role.forEach((r, i) => r === 'breakdown' && count.get(parents[i]!) === 1 && (role[i] = 'of-which'));
}

/**
 * A region's row heading provinces of which some are not its own (`Trung du và miền núi phía Bắc`, then `Bình
 * Dương`, `Hà Nội`: an article's highest region and lowest provinces, regions.ts): not a region and its parts but
 * records of the total, each "of which" it (never summed, never bounding its rate).
 */
function recordsNotRegions(units: readonly DraftUnit[], parents: Int32Array, role: Array<UnitRole | undefined>, root: number | undefined): void {
  for (let b = 0; b < units.length; b++) {
    if (role[b] !== 'block') continue;
    const region = regionNamed(units[b]!.name);
    if (region === undefined) continue;
    const kids: number[] = [];
    for (let i = b + 1; i < units.length; i++) if (parents[i] === b) kids.push(i);
    const regions = kids.map((i) => regionOfProvince(units[i]!.name));
    if (kids.length === 0 || regions.some((r) => r === undefined) || regions.every((r) => r === region)) continue;
    for (const i of [b, ...kids]) {
      role[i] = 'of-which';
      parents[i] = root ?? -1;
    }
  }
}

/**
 * A record of the total named with the unit it lies in, in brackets, that the list names above it (`Xã Trà Bui (Bắc
 * Trà My)` after `Bắc Trà My`: an article's communes after its districts, each "of which" the province): "of which"
 * that unit, at most it (a commune larger than its own district went unseen). A bracket naming no unit above (`Huyện
 * Mường Nhé (huyện nghèo)`, `Xã Cà Dy (Nam Giang)` without Nam Giang) changes nothing.
 */
function withinNamedUnit(units: readonly DraftUnit[], parents: Int32Array, role: ReadonlyArray<UnitRole | undefined>, root: number | undefined): void {
  if (root === undefined) return;
  const named = new Map<string, number>();
  for (let i = 0; i < units.length; i++) {
    const name = units[i]!.name;
    const inner = name.includes('(') ? IN_BRACKETS.exec(name)?.[1] : undefined;
    if (inner === undefined) {
      if (i !== root && role[i] !== 'block' && role[i] !== 'breakdown') {
        const k = placeKey(name);
        if (k !== '' && !named.has(k)) named.set(k, i);
      }
      continue;
    }
    const within = named.get(placeKey(inner));
    if (within !== undefined && role[i] === 'of-which' && parents[i] === root) parents[i] = within;
  }
}
const IN_BRACKETS = /\(([^()]+)\)\s*$/;
/** A place's name without its level word (`TP.Hội An`, `Thành phố Hội An` → `hoi an`). */
const placeKey = (name: string): string => {
  const k = withLevelWord(name, foldKey(name));
  return keyWithoutLevelWord(k) ?? k;
};

/**
 * Units named after the rows of one partition, none of which heads units (`Khu vực thành thị`, `Khu vực nông thôn`,
 * then `Huyện Châu Thành`, `Huyện Tân Phú Đông`: a decision's report naming the districts with the most poor
 * households): they are parts of none of those rows, and of the total only as a subset (an "of which": never summed,
 * never above it). The last row of the partition no longer heads them (`isHead` is changed). A region after the areas
 * (`Thành thị`, `Nông thôn`, `Đồng bằng sông Hồng`, its provinces) is of another kind and still heads its units.
 */
function namedAfterPartition(units: readonly DraftUnit[], f: ListFacts, isHead: boolean[], totalIdx: number): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < units.length; i++) {
    const before = i - 1;
    if (!isHead[i] || before === totalIdx || isHead[before] || f.candidate[before] !== f.candidate[i] || f.candidate[i] === 1) continue;
    isHead[i] = false;
    for (let j = i + 1; j < units.length && nextPlain(units, f, j - 1, totalIdx) === j; j++) out.add(j);
  }
  return out;
}

/**
 * Without section rows (`Chia theo vùng`), the total's units change partition where their kind does: the areas
 * (`Thành thị`, `Nông thôn`), then the regions heading their provinces, each add up to the total on their own (they
 * were one list: the total compared with the areas and the regions added together).
 */
function partitionsByKind(f: ListFacts, parents: Int32Array, role: ReadonlyArray<UnitRole | undefined>, partition: number[], root: number): void {
  let part = 0;
  let kind: number | undefined;
  for (let i = 0; i < parents.length; i++) {
    if (parents[i] !== root || role[i] === 'of-which' || role[i] === 'breakdown') continue;
    const k = f.candidate[i]!;
    if (kind !== undefined && k !== kind) part++;
    kind = k;
    partition[i] = part;
  }
}

function nextPlain(units: readonly DraftUnit[], f: ListFacts, i: number, totalIdx: number): number | undefined {
  const j = i + 1;
  if (j >= units.length || j === totalIdx) return undefined;
  const u = units[j]!;
  // A section row between them (`Chia theo vùng`) ends the list: the next unit starts another partition.
  if ((u.section ?? 0) !== (units[i]!.section ?? 0)) return undefined;
  return f.candidate[j] || f.ofWhich[j] ? undefined : j;
}

/** A row naming a category of households (`hộ nghèo về thu nhập`), not a place (`huyện nghèo …`, `Tỉnh Kon Tum`). */
function householdCategory(name: string): boolean {
  const k = foldKey(name).replace(OF_WHICH, '').trim();
  return /^(?:so )?ho\b/.test(k);
}

/**
 * A row of the signature block under a table, or the place-and-date line over it: no field starts with a digit, and
 * one is a signatory's title or a signing note (`Người lập biểu`, `Thủ trưởng đơn vị`, `KT. CHỦ TỊCH`, `TM. ỦY BAN
 * NHÂN DÂN`, `(Ký, ghi rõ họ tên)`, `(Ký tên, đóng dấu)`, `Nơi nhận:`) or a date (`Tuyên Quang, ngày 10 tháng 01
 * năm 2021`). Not a bare `Ký`: `Kỳ Anh` is a district.
 */
/**
 * The column of the first text of a row that titles another table (`Biểu 2. Hộ cận nghèo sau rà soát`, `Phụ lục 3`,
 * `Bảng 2`, `Table 2`): a second table placed below the first on the same sheet. Undefined for any other row.
 */
export function anotherTableTitle(fields: ReadonlyArray<string | undefined>): number | undefined {
  for (let c = 0; c < fields.length; c++) {
    const t = fields[c]?.trim();
    if (t === undefined || t === '') continue;
    return TABLE_TITLE.test(t.normalize('NFC')) ? c : undefined;
  }
  return undefined;
}
const TABLE_TITLE = /^(?:biểu|bảng|phụ lục|phụ biểu|table|annex|appendix)\s*(?:số\s*)?(?:\d+|[IVXLC]+)(?![\p{L}\d])/iu;

export function closesTable(fields: ReadonlyArray<string | undefined>): boolean {
  for (const f of fields) {
    const t = f?.trimStart();
    if (t !== undefined && t !== '' && t.charCodeAt(0) >= 0x30 && t.charCodeAt(0) <= 0x39) return false;
  }
  for (const f of fields) if (f !== undefined && /\p{L}/u.test(f) && SIGNATURE.test(foldKey(f))) return true;
  return false;
}
const SIGNATURE =
  /^(?:nguoi lap(?: bieu)?|lap bieu|can bo (?:lap bieu|tong hop)|thu truong|(?:pho )?chu tich|(?:pho )?giam doc|(?:pho )?truong phong|ke toan|(?:tm|t m|kt|k t|tl|t l|tuq) |noi nhan|xac nhan cua|da ky$)|\b(?:ghi ro ho ten|dong dau|ky ten)\b|^(?:[a-z]+ ){0,5}ngay(?: \d+)? thang(?: \d+)? nam(?: \d+)?$/;
