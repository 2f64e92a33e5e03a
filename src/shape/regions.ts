/**
 * The six socio-economic regions of the General Statistics Office and their 63 provinces (the list of 2008–2025,
 * the one the published tables of those years use), by folded name (normalize.ts `foldKey`). A region's row
 * heads the provinces listed under it only when they are its own: an article's "the highest region, then the
 * lowest provinces" (`Trung du và miền núi phía Bắc 13,4`, then `Bình Dương 0,1`, `Hà Nội 0,4`) is a list of
 * records, not a region and its parts (a false `rate-mean` error). The surveys' short names (`ĐB sông Hồng`,
 * `TD&MN phía Bắc`, `BTB&DH miền Trung`, `ĐBSCL`) are the regions too. Names outside the list decide nothing.
 */
import { foldKey } from './normalize.js';

const REGIONS: ReadonlyArray<{ name: RegExp; provinces: readonly string[] }> = [
  {
    name: /^(?:vung )?(?:trung du (?:va )?mien nui|td (?:va )?mn) phia bac\b|^tdmnpb$/,
    provinces: ['ha giang', 'cao bang', 'bac kan', 'tuyen quang', 'lao cai', 'yen bai', 'thai nguyen', 'lang son', 'bac giang', 'phu tho', 'dien bien', 'lai chau', 'son la', 'hoa binh'],
  },
  {
    name: /^(?:vung )?(?:dong bang|db) song hong\b|^dbsh$/,
    provinces: ['ha noi', 'vinh phuc', 'bac ninh', 'quang ninh', 'hai duong', 'hai phong', 'hung yen', 'thai binh', 'ha nam', 'nam dinh', 'ninh binh'],
  },
  {
    name: /^(?:vung )?(?:bac trung bo|btb) (?:va )?(?:duyen hai|dh) (?:mien trung|nam trung bo)\b|^btb ?(?:va )?dhmt$/,
    provinces: ['thanh hoa', 'nghe an', 'ha tinh', 'quang binh', 'quang tri', 'thua thien hue', 'da nang', 'quang nam', 'quang ngai', 'binh dinh', 'phu yen', 'khanh hoa', 'ninh thuan', 'binh thuan'],
  },
  { name: /^(?:vung )?tay nguyen\b/, provinces: ['kon tum', 'gia lai', 'dak lak', 'dak nong', 'lam dong'] },
  { name: /^(?:vung )?dong nam bo\b/, provinces: ['binh phuoc', 'tay ninh', 'binh duong', 'dong nai', 'ba ria vung tau', 'ho chi minh'] },
  {
    name: /^(?:vung )?(?:dong bang|db) song cuu long\b|^dbscl$/,
    provinces: ['long an', 'tien giang', 'ben tre', 'tra vinh', 'vinh long', 'dong thap', 'an giang', 'kien giang', 'can tho', 'hau giang', 'soc trang', 'bac lieu', 'ca mau'],
  },
];

/** Each province's region (its index in REGIONS), by folded name without `Tỉnh`, `Thành phố`, `TP`. */
const REGION_OF = new Map<string, number>(REGIONS.flatMap((r, i) => r.provinces.map((p) => [p, i] as const)));

/** Spellings of the same province (`Đắc Lắc`, `TT Huế`, `Huế`, `TP HCM`). */
const ALIASES = new Map<string, string>([
  ['dac lac', 'dak lak'],
  ['dac lak', 'dak lak'],
  ['dak lac', 'dak lak'],
  ['dac nong', 'dak nong'],
  ['tt hue', 'thua thien hue'],
  ['hue', 'thua thien hue'],
  ['hcm', 'ho chi minh'],
  ['br vt', 'ba ria vung tau'],
]);

const PREFIX = /^(?:tinh|thanh pho|tp)\s+/;

/** The region a province's name belongs to (an index), undefined for a name not on the list. */
export function regionOfProvince(name: string): number | undefined {
  const k = foldKey(name).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  return REGION_OF.get(ALIASES.get(k) ?? k);
}

/** How many provinces a region has (its index), or the country (undefined): 63 in the list of 2008–2025. */
export function provinceCount(region?: number): number {
  return region === undefined ? REGION_OF.size : REGIONS[region]!.provinces.length;
}

/** The region a row's name names (an index), undefined for any other name. */
export function regionNamed(name: string): number | undefined {
  const k = foldKey(name);
  const i = REGIONS.findIndex((r) => r.name.test(k));
  return i < 0 ? undefined : i;
}
